package document

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

func TestParseMargins(t *testing.T) {
	def := DefaultSettings()
	for _, c := range []struct {
		in                       string
		top, bottom, left, right float64
		bad                      bool
	}{
		{in: "", top: 25, bottom: 25, left: 35, right: 15},
		{in: "25,25,35,15", top: 25, bottom: 25, left: 35, right: 15},
		{in: " 20 , 30 , 30.5 , 20 ", top: 20, bottom: 30, left: 30.5, right: 20},
		{in: "5,80,5,60", top: 5, bottom: 80, left: 5, right: 60},
		{in: "25,25,35", bad: true},
		{in: "25;25;35;15", bad: true},
		{in: "25,25,35,15,10", bad: true},
		{in: "25,25,3,5,15", bad: true}, // a decimal comma
		{in: "hai,25,35,15", bad: true},
		{in: "4,25,35,15", bad: true},
		{in: "25,81,35,15", bad: true},
		{in: "25,25,61,15", bad: true},
		{in: "25,25,35,NaN", bad: true},
	} {
		s, err := ParseMargins(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("ParseMargins(%q) = %+v, want an error", c.in, s)
			}
			if s != def {
				t.Errorf("ParseMargins(%q) refused but returned %+v, not the defaults", c.in, s)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseMargins(%q): %v", c.in, err)
			continue
		}
		if s.Top != c.top || s.Bottom != c.bottom || s.Left != c.left || s.Right != c.right {
			t.Errorf("ParseMargins(%q) = %v/%v/%v/%v mm, want %v/%v/%v/%v", c.in, s.Top, s.Bottom, s.Left, s.Right,
				c.top, c.bottom, c.left, c.right)
		}
		if s.BodySize != def.BodySize || s.LineSpacing != def.LineSpacing {
			t.Errorf("ParseMargins(%q) changed more than the margins: %+v", c.in, s)
		}
	}
}

// TestMarginsInBothWriters writes a page with margins far from the
// defaults: the DOCX section carries them (in twips), and the text of
// our PDF and of LibreOffice's PDF of our DOCX starts at the left and top
// margins and stays inside the right one.
func TestMarginsInBothWriters(t *testing.T) {
	s, err := ParseMargins("40,30,20,45")
	if err != nil {
		t.Fatal(err)
	}
	d, _, _ := wrapDocument()
	docx, pdf := writeBoth(t, d, s)
	dir := t.TempDir()
	docxPath, ours := filepath.Join(dir, "margins.docx"), filepath.Join(dir, "margins.pdf")
	if err := os.WriteFile(docxPath, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ours, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	body := zipPart(t, docxPath, "word/document.xml")
	pgMar := regexp.MustCompile(`<w:pgMar [^>]*>`).FindString(body)
	for _, m := range []struct {
		attr string
		mm   float64
	}{{"top", 40}, {"bottom", 30}, {"left", 20}, {"right", 45}} {
		want := fmt.Sprintf(`w:%s="%d"`, m.attr, int(math.Round(m.mm/25.4*1440)))
		if !regexp.MustCompile(`\b` + want).MatchString(pgMar) {
			t.Errorf("DOCX section margins %s lack %s", pgMar, want)
		}
	}

	dt := needDocTools(t)
	office := dt.toPDF(t, 2*time.Minute, docxPath)[0]
	keep(t, ours, "margins-ours")
	keep(t, office, "margins-office")
	for _, c := range []struct{ name, pdf string }{{"PDF", ours}, {"DOCX in LibreOffice", office}} {
		ws := firstPageWords(t, c.pdf)
		left, top, right := math.Inf(1), math.Inf(1), 0.0
		for _, w := range ws {
			left, top, right = min(left, w.left), min(top, w.top), max(right, w.right)
		}
		// The header's first line starts at the left margin (its box
		// may begin a little inside it, by the cell's padding and the
		// centring of the superior's name), its top a line's leading
		// below the top margin at most.
		if left < s.Left-0.5 || left > s.Left+15 {
			t.Errorf("%s: the text starts %.1f mm from the left edge, the left margin is %.0f mm", c.name, left, s.Left)
		}
		if top < s.Top-0.5 || top > s.Top+4 {
			t.Errorf("%s: the text starts %.1f mm from the top edge, the top margin is %.0f mm", c.name, top, s.Top)
		}
		if edge := pageWidth - s.Right; right > edge+0.5 {
			t.Errorf("%s: the text runs to %.1f mm, past the right margin at %.0f mm", c.name, right, edge)
		}
		if edge := pageWidth - s.Right; right < edge-10 {
			t.Errorf("%s: the text ends at %.1f mm, far from the right margin at %.0f mm (a table spans the text width)", c.name, right, edge)
		}
	}
}
