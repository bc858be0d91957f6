package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
)

// TestPledgePages: an admin signs a Lạng Sơn pledge
// with two communes, scores them to a tie, sees both ranked first with the
// rules beside, then breaks the tie.
func TestPledgePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.as("admin")
		a, b := itoa(s.units.NewChiLang.ID), itoa(s.units.NewDongDang.ID)
		form := doc(t, c.get("/thi-dua/moi?don_vi="+itoa(s.units.LangSon.ID)))
		if form.Find(`input[name=signed][value="`+a+`"]`).Length() != 1 {
			t.Fatalf("pledge form lacks the commune checkbox")
		}
		v := url.Values{"csrf": {c.csrf()}, "unit": {itoa(s.units.LangSon.ID)}, "title": {"Giao ước thi đua năm 2026"}, "period": {"2026"},
			"signed_on": {"15/01/2026"}, "c.0.kind": {"deliverable"}, "c.0.description": {"Xây dựng mô hình mới"}, "c.0.max": {"60"},
			"c.1.kind": {"target"}, "c.1.indicator": {"HG01"}, "c.1.target": {"20"}, "c.1.description": {"Hòa giải 20 vụ việc"}, "c.1.max": {"40"},
			"signed": {a, b}, "signer." + a: {"Hoàng Văn Bình"}, "signer." + b: {"Lý Thị Hoa"}}
		// Without a signer for one commune: refused, input kept.
		bad := url.Values{}
		for k, x := range v {
			bad[k] = x
		}
		bad.Set("signer."+b, "")
		res := c.post("/thi-dua/moi", bad)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("missing signer = %d", res.StatusCode)
		}
		if got, _ := doc(t, res).Find(`input[name="c.1.description"]`).Attr("value"); got != "Hòa giải 20 vụ việc" || s.count("emulation_pledges") != 0 {
			t.Errorf("refused pledge: kept %q, pledges %d", got, s.count("emulation_pledges"))
		}
		res = c.post("/thi-dua/moi", v)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create = %d", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		page := doc(t, c.get(loc))
		var names []string
		page.Find(`input[name^="s."]`).Each(func(_ int, in *goquery.Selection) { names = append(names, in.AttrOr("name", "")) })
		if len(names) != 4 {
			t.Fatalf("score inputs = %v", names)
		}
		scores := url.Values{"csrf": {c.csrf()}}
		for i, n := range names {
			scores.Set(n, []string{"50", "30", "40", "40"}[i]) // 80 each: a tie
		}
		if res := c.post(loc+"/cham-diem", scores); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("score = %d", res.StatusCode)
		}
		rank := doc(t, c.get(loc)).Find(".pl-table tbody tr")
		if rank.Length() != 2 || !strings.Contains(rank.Eq(0).Text(), "đồng hạng") || !strings.HasPrefix(strings.TrimSpace(rank.Eq(1).Find("td").First().Text()), "1") {
			t.Errorf("tie ranking: %q", rank.Text())
		}
		if !strings.Contains(doc(t, c.get(loc)).Find(".pl-rules").Text(), "đồng hạng") {
			t.Errorf("rules not shown beside the ranking")
		}
		scores.Set(names[0], "70") // over the maximum of 60
		if res := c.post(loc+"/cham-diem", scores); res.StatusCode != http.StatusBadRequest {
			t.Errorf("score over max = %d", res.StatusCode)
		}
		scores.Set(names[0], "55")
		c.post(loc+"/cham-diem", scores)
		rank = doc(t, c.get(loc)).Find(".pl-table tbody tr")
		if !strings.Contains(rank.Eq(0).Text(), "Chi Lăng") || strings.Contains(rank.Text(), "đồng hạng") {
			t.Errorf("after breaking the tie: %q", rank.Text())
		}
	})
}

// TestConferenceDocumentsAndSavedArticles uploads a document and reads it
// back, and imports an article saved in the configured folder by name
// (a name outside the folder is refused).
func TestConferenceDocumentsAndSavedArticles(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(sampleArticle)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bai-000.txt"), article, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSiteWith(t, dbtest.Open(t, "sqlite"), func(c *web.Config) { c.ImportDir = dir })
	sd := seedMeeting(t, s)
	c := s.as("officer.chilang")

	if opt := doc(t, c.get("/hoi-nghi/nhap")).Find(`#saved option[value="bai-000.txt"]`); opt.Length() != 1 {
		t.Errorf("saved article not offered")
	}
	if res := c.post("/hoi-nghi/nhap", url.Values{"csrf": {c.csrf()}, "saved": {"../../etc/passwd"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("outside name = %d", res.StatusCode)
	}
	res := c.post("/hoi-nghi/nhap", url.Values{"csrf": {c.csrf()}, "saved": {"bai-000.txt"}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("saved import = %d", res.StatusCode)
	}
	if got, _ := doc(t, res).Find(`input[name=source_name]`).Attr("value"); got != "bai-000.txt" {
		t.Errorf("source name = %q", got)
	}

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", c.csrf())
	mw.WriteField("kind", "report")
	fw, _ := mw.CreateFormFile("file", "bao-cao.txt")
	fw.Write([]byte("Báo cáo sơ kết"))
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/hoi-nghi/%d/tai-lieu", sd.conf.ID), &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if res := c.do(req); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", res.StatusCode)
	}
	link, ok := doc(t, c.get(fmt.Sprintf("/hoi-nghi/%d", sd.conf.ID))).Find(`#tai-lieu + .card a`).Attr("href")
	if !ok {
		t.Fatal("no document link")
	}
	res = c.get(link)
	got, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || string(got) != "Báo cáo sơ kết" || !strings.Contains(res.Header.Get("Content-Disposition"), "bao-cao.txt") {
		t.Errorf("download = %d %q %q", res.StatusCode, got, res.Header.Get("Content-Disposition"))
	}
	if res := s.as("officer.dongdang").get(link); res.StatusCode == 200 {
		t.Errorf("neighbour downloads the document")
	}
}
