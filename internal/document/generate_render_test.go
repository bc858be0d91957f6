package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestGeneratedDocumentsRender issues a review report, minutes, a plan
// and a register of models drafted from records, has LibreOffice convert
// each issued DOCX to PDF, and checks the issued PDF and LibreOffice's:
// every header, title and signature line with its diacritics, the fonts
// embedded, the pages rendered to PNG (kept in DANVAN_TEST_DOCS_OUT when
// set, to look at).
func TestGeneratedDocumentsRender(t *testing.T) {
	dt := needDocTools(t)
	e := newGenEnv(t, dbtest.Open(t, "sqlite"))
	dir := t.TempDir()
	ls := e.w.LangSon.ID
	cases := []struct {
		name string
		req  Request
	}{
		{"review", Request{Kind: KindReview, UnitID: ls, Period: period(t, "2024S1")}},
		{"minutes", Request{Kind: KindMinutes, RecordID: e.review.ID}},
		{"plan", Request{Kind: KindPlan, RecordID: e.review.ID}},
		{"models", Request{Kind: KindModels, UnitID: ls, Period: period(t, "2023")}},
	}
	var docx []string
	docs := map[string]*Document{}
	for _, c := range cases {
		g, err := e.gen.Draft(e.ctx, e.officerLS, c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		g.Apply(Edits{Signature: &Signature{Mode: SignDeputy, For: "Trưởng ban", Title: "Phó Trưởng ban", Name: "Hoàng Thị Lan"}})
		rec, err := e.store.Issue(e.ctx, e.officerLS, g.Draft)
		if err != nil {
			t.Fatalf("%s: issue: %v", c.name, err)
		}
		is, err := issuerOn(e.ctx, e.store.db, ls, rec.IssuedOn)
		if err != nil {
			t.Fatal(err)
		}
		docs[c.name] = compose(g.Draft, is, rec.Number, rec.IssuedOn)
		for _, kind := range []FileKind{FileDOCX, FilePDF} {
			f, err := e.store.Open(e.ctx, e.officerLS, rec.ID, kind)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.name+"."+string(kind))
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			if kind == FileDOCX {
				checkDOCX(t, f.Data)
				docx = append(docx, path)
			} else {
				checkPDF(t, f.Data)
			}
		}
	}
	converted := dt.toPDF(t, 4*time.Minute, docx...)
	for i, c := range cases {
		for _, kind := range []struct{ label, pdf string }{
			{"ours", filepath.Join(dir, c.name+".pdf")},
			{"libreoffice", converted[i]},
		} {
			text := pdfText(t, kind.pdf)
			for _, phrase := range expectedPhrases(docs[c.name]) {
				if !strings.Contains(text, strings.Join(strings.Fields(phrase), " ")) {
					t.Errorf("%s (%s): %q not found in the text:\n%s", c.name, kind.label, phrase, text)
				}
			}
			fonts := embeddedFonts(t, kind.pdf)
			if !strings.Contains(strings.ToLower(strings.Join(fonts, " ")), "liberationserif") {
				t.Errorf("%s (%s): fonts %v, want Liberation Serif", c.name, kind.label, fonts)
			}
			pages(t, kind.pdf, filepath.Join(dir, c.name+"-"+kind.label), 2)
			keep(t, kind.pdf, "generated-"+c.name+"-"+kind.label)
		}
	}
}
