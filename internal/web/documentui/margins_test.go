package documentui_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"regexp"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestDeploymentMargins: a server configured with margins other than the
// defaults writes them into the draft's DOCX and into the issued one
// (the DOCX section's w:pgMar, in twips); a server configured with
// nothing writes the defaults.
func TestDeploymentMargins(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	margins, err := document.ParseMargins("40,30,20,45")
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, d, webtest.Configure(func(c *web.Config) { c.Documents = margins }))
	c := s.As("officer.ls")
	draft := issueForm(s.Units.LangSon.ID, "Lề trang của đơn vị")
	draft.Set("action", "docx")
	res := c.Post("/van-ban/soan", draft)
	// 40, 30, 20 and 45 mm in twips.
	const want = `w:top="2268" w:right="2551" w:bottom="1701" w:left="1134"`
	if got := pageMargins(t, res); got != want {
		t.Errorf("draft DOCX margins %s, want %s", got, want)
	}
	id := s.issue(t, "Lề trang của đơn vị")
	if got := pageMargins(t, c.Get("/van-ban/"+itoa(id)+"/tep/docx")); got != want {
		t.Errorf("issued DOCX margins %s, want %s", got, want)
	}

	// The defaults: 25, 25, 35 and 15 mm.
	plain := newSite(t, dbtest.Open(t, "sqlite"))
	draft = issueForm(plain.Units.LangSon.ID, "Lề trang mặc định")
	draft.Set("action", "docx")
	res = plain.As("officer.ls").Post("/van-ban/soan", draft)
	if got, def := pageMargins(t, res), `w:top="1417" w:right="850" w:bottom="1417" w:left="1984"`; got != def {
		t.Errorf("a server with no margins set writes %s, want the defaults %s", got, def)
	}
}

// pageMargins reads the top, right, bottom and left margins of a DOCX
// response's section.
func pageMargins(t *testing.T, res *http.Response) string {
	t.Helper()
	body := []byte(webtest.Body(t, res))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d\n%.500s", res.StatusCode, body)
	}
	z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("not a DOCX: %v", err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xml, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<w:pgMar (w:top="\d+" w:right="\d+" w:bottom="\d+" w:left="\d+")`).FindSubmatch(xml)
	if m == nil {
		t.Fatal("the DOCX has no section margins")
	}
	return string(m[1])
}
