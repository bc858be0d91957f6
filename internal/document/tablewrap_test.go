package document

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// wrapDocument is a document whose table holds, in a narrow and in a
// wide column, a word far longer than the column is wide: a word of
// Vietnamese letters and an address with no space.
func wrapDocument() (d *Document, narrow, wide string) {
	narrow = strings.Repeat("Nghiêngnghiêng", 6)
	wide = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=" + strings.Repeat("1234567890", 8)
	return &Document{
		Superior: "TỈNH ỦY LẠNG SƠN", Issuer: "BAN DÂN VẬN", Number: "01-BC/BDVTU", Place: "Lạng Sơn",
		Date: time.Date(2024, 7, 10, 0, 0, 0, 0, time.UTC), Type: Report, Summary: "Bảng có từ dài",
		Body: []Block{Table{Header: [][]string{{"Mã", "Địa chỉ"}}, Rows: [][]string{{narrow, wide}}, Widths: []float64{0.25, 0.75}}},
	}, narrow, wide
}

// bboxWord is a word poppler found on the first page, with its box in
// millimetres from the page's top left corner.
type bboxWord struct {
	text                     string
	left, top, right, bottom float64
}

var bboxRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)

// firstPageWords reads the words of a PDF's first page with their boxes.
func firstPageWords(t *testing.T, pdf string) []bboxWord {
	t.Helper()
	out := string(command(t, time.Minute, "pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"))
	const mmPerPoint = 25.4 / 72
	var ws []bboxWord
	for _, m := range bboxRE.FindAllStringSubmatch(out, -1) {
		var box [4]float64
		for i := range box {
			v, err := strconv.ParseFloat(m[i+1], 64)
			if err != nil {
				t.Fatalf("poppler's box %q: %v", m[0], err)
			}
			box[i] = v * mmPerPoint
		}
		ws = append(ws, bboxWord{text: norm.NFC.String(html.UnescapeString(m[5])), left: box[0], top: box[1], right: box[2], bottom: box[3]})
	}
	if len(ws) == 0 {
		t.Fatalf("poppler found no words in %s:\n%s", pdf, out)
	}
	return ws
}

// TestLongWordsStayInTheirCells writes a table whose cells hold words
// longer than the cells are wide, as PDF and as DOCX (converted by
// LibreOffice), and reads where poppler finds each piece of them: every
// piece lies between its column's edges, and the pieces put together
// give the word back whole.
func TestLongWordsStayInTheirCells(t *testing.T) {
	dt := needDocTools(t)
	s := DefaultSettings()
	d, narrow, wide := wrapDocument()
	docx, pdf := writeBoth(t, d, s)
	dir := t.TempDir()
	ours := filepath.Join(dir, "ours.pdf")
	docxPath := filepath.Join(dir, "word.docx")
	if err := os.WriteFile(ours, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docxPath, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	office := dt.toPDF(t, 2*time.Minute, docxPath)[0]
	keep(t, ours, "long-words-ours")
	keep(t, office, "long-words-office")

	// The columns' edges: a quarter and three quarters of the width
	// between the margins. A piece may touch an edge (the cell's border
	// and padding are inside it): 0.5 mm of slack for rounding.
	const slack = 0.5
	split := s.Left + 0.25*s.textWidth()
	columns := []struct {
		word        string
		left, right float64
	}{{narrow, s.Left, split}, {wide, split, s.Left + s.textWidth()}}
	for _, c := range []struct{ name, pdf string }{{"PDF", ours}, {"DOCX in LibreOffice", office}} {
		ws := firstPageWords(t, c.pdf)
		// The table's cells are the words below its header ("Mã", "Địa
		// chỉ"), in the order poppler reads them (column by column).
		header := 0.0
		for _, w := range ws {
			if w.text == "chỉ" {
				header = w.bottom
			}
		}
		if header == 0 {
			t.Fatalf("%s: no table header", c.name)
		}
		for _, col := range columns {
			var got strings.Builder
			pieces := 0
			for _, w := range ws {
				// A piece is its column's if it starts there; then it
				// must end there too.
				if w.top < header || w.left < col.left-slack || w.left >= col.right {
					continue
				}
				pieces++
				got.WriteString(w.text)
				if w.left < col.left-slack || w.right > col.right+slack {
					t.Errorf("%s: %q runs from %.1f to %.1f mm, outside its column (%.1f to %.1f mm)",
						c.name, w.text, w.left, w.right, col.left, col.right)
				}
			}
			if got.String() != col.word {
				t.Errorf("%s: the pieces give %q, want %q", c.name, got.String(), col.word)
			}
			if pieces < 2 {
				t.Errorf("%s: %q is in %d piece(s), not cut at the cell's edge", c.name, col.word, pieces)
			}
		}
	}
}

// TestDOCXTableHasFixedWidths checks what makes Word wrap a long word
// in a cell instead of widening the column: the table's layout is fixed
// and its columns, as wide as the cells, fill the width between the
// margins.
func TestDOCXTableHasFixedWidths(t *testing.T) {
	s := DefaultSettings()
	d, _, _ := wrapDocument()
	docx, _ := writeBoth(t, d, s)
	path := filepath.Join(t.TempDir(), "word.docx")
	if err := os.WriteFile(path, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	body := zipPart(t, path, "word/document.xml")
	// The body table is the one with borders (the header's has none).
	var tbl string
	for _, part := range strings.Split(body, "<w:tbl>")[1:] {
		if strings.Contains(part, "Địa chỉ") {
			tbl = part[:strings.Index(part, "</w:tbl>")]
		}
	}
	if tbl == "" {
		t.Fatal("no table holds the header “Địa chỉ”")
	}
	if !strings.Contains(tbl, `<w:tblLayout w:type="fixed"/>`) {
		t.Error("the table's layout is not fixed: Word would widen a column to fit a long word")
	}
	num := func(re string) []int {
		var out []int
		for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(tbl, -1) {
			n, err := strconv.Atoi(m[1])
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	grid, cells := num(`<w:gridCol w:w="(\d+)"/>`), num(`<w:tcW w:w="(\d+)" w:type="dxa"/>`)
	sum := 0
	for _, w := range grid {
		sum += w
	}
	if len(grid) != 2 || sum != twips(s.textWidth()) {
		t.Errorf("grid %v (sum %d), want 2 columns filling %d twips", grid, sum, twips(s.textWidth()))
	}
	if len(cells) != 4 {
		t.Fatalf("cell widths %v, want 4 cells", cells)
	}
	for i, w := range cells {
		if len(grid) == 2 && w != grid[i%2] {
			t.Errorf("cell %d is %d twips wide, its column %d", i, w, grid[i%2])
		}
	}
}
