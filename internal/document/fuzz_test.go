package document

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fuzzDocument puts text in every field of a document, with a table of
// rows × cols cells (the header row holds all of it, the other cells its
// first 24 bytes, so that a run stays quick).
func fuzzDocument(text string, rows, cols int) *Document {
	long := strings.Repeat(text, 3)
	t := Table{Header: [][]string{{text, long}}, Widths: []float64{float64(len(text)), -1, 0}}
	short := text[:min(len(text), 24)]
	for r := range rows {
		row := make([]string, cols)
		for c := range row {
			row[c] = fmt.Sprint(r, c, short)
		}
		t.Rows = append(t.Rows, row)
	}
	return &Document{
		Superior: text, Issuer: long, Number: text, Place: text, Date: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		Type: Type(text), Summary: long,
		Body: []Block{
			Heading{Level: len(text) % 5, Text: text},
			Paragraph{Runs: []Run{{Text: text}, {Text: long, Bold: true}, {Text: text, Italic: true, Bold: true}}, Align: Align(len(text) % 6)},
			List{Numbered: len(text)%2 == 0, Items: []string{text, long, ""}, Start: len(text)},
			t, PageBreak{}, Text(long),
			(*Paragraph)(nil), &Heading{Text: text},
		},
		Signature:  Signature{Mode: SignMode(text), For: text, Title: long, Name: text},
		Recipients: []string{text, long, "", text},
	}
}

// writeBoth writes d both ways and checks the files' structure.
func writeBoth(t testing.TB, d *Document, s Settings) (docx, pdf []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDOCX(&b, d, s); err != nil {
		t.Fatalf("WriteDOCX: %v", err)
	}
	checkDOCX(t, b.Bytes())
	docx = bytes.Clone(b.Bytes())
	b.Reset()
	if err := WritePDF(&b, d, s); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	checkPDF(t, b.Bytes())
	return docx, b.Bytes()
}

// FuzzWriters writes documents made of arbitrary text (long words,
// right-to-left marks, control characters, invalid UTF-8, characters no
// font has) and arbitrary table shapes: neither writer may panic or fail,
// and both files must keep their structure (zip of well-formed XML; a
// PDF with its trailer). LibreOffice opening such files is
// TestHostileTextOpens and TestLargeTableOpens.
func FuzzWriters(f *testing.F) {
	for _, seed := range hostileTexts {
		f.Add(seed, uint8(3), uint8(4))
	}
	f.Fuzz(func(t *testing.T, text string, rows, cols uint8) {
		s := DefaultSettings()
		if rows%7 == 0 {
			s.Left, s.BodySize = float64(cols), float64(rows) // out of range: clamped
		}
		writeBoth(t, fuzzDocument(text, int(rows)%40, int(cols)%45+1), s)
	})
}

// hostileTexts are the seeds, and the text of TestHostileTextOpens.
var hostileTexts = []string{
	"",
	"Báo cáo sơ kết",
	strings.Repeat("Nghiêngnghiêngnghiêng", 40), // one word longer than any line
	"\u202eRTL override\u202c and \u200fmark\u200e, \u2067isolate\u2069 עברית العربية",
	"control \x00\x01\x07\x0b\x0c\x1b\x7f\u0085 characters\r\nCRLF\rCR\ttab",
	"invalid \xff\xfe\xc3 UTF-8",
	"NFD: Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng",
	"no glyph: 中文 😀 \U0010FFFF \uFFFE \uE000 \U000F0000",
	"<w:p>&amp;\"quotes\" ]]> </w:t>",
	`PDF string syntax: \ ( ) \( \) %% endstream`,
	strings.Repeat(" ", 500) + "\n\n\n",
	"K/T",
}

// TestHostileTextOpens writes the hostile seeds as documents and has
// LibreOffice open every DOCX, and poppler every PDF.
func TestHostileTextOpens(t *testing.T) {
	dt := needDocTools(t)
	dir := t.TempDir()
	var docx, pdfs []string
	for i, text := range hostileTexts {
		dx, pdf := writeBoth(t, fuzzDocument(text, 5, 6), DefaultSettings())
		name := filepath.Join(dir, fmt.Sprintf("hostile%02d", i))
		if err := os.WriteFile(name+".docx", dx, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name+".pdf", pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		docx, pdfs = append(docx, name+".docx"), append(pdfs, name+".pdf")
	}
	pdfs = append(pdfs, dt.toPDF(t, 5*time.Minute, docx...)...)
	for _, p := range pdfs {
		if text := pdfText(t, p); !strings.Contains(text, Motto) {
			t.Errorf("%s: the motto is not in the text: %.300s", p, text)
		}
	}
}

// TestLargeTableOpens writes a 10,000-row table: both files are made and
// poppler reads the last rows from our PDF. LibreOffice opens the DOCX of
// its first 2,000 rows and saves it again as ODT, holding every row
// (LibreOffice 7.4 needs minutes to load a 10,000-row table, more than
// twenty on a loaded CI machine, so the open check takes a fifth of it;
// TestRenderOpens covers its PDF rendering of our files).
func TestLargeTableOpens(t *testing.T) {
	dt := needDocTools(t)
	if testing.Short() {
		t.Skip("a 10,000-row table takes LibreOffice a minute or more")
	}
	d := sampleReport()
	table := Table{Header: [][]string{{"TT", "Đơn vị", "Chỉ tiêu", "Kết quả"}}, Widths: []float64{1, 4, 4, 2}}
	for i := 1; i <= 10000; i++ {
		table.Rows = append(table.Rows, []string{fmt.Sprint(i), fmt.Sprintf("Khối Dân vận xã số %d", i),
			"Vụ việc hòa giải thành công", fmt.Sprint(i * 7)})
	}
	d.Body = append(d.Body, table)
	start := time.Now()
	dx, pdf := writeBoth(t, d, DefaultSettings())
	t.Logf("10,000 rows: DOCX %d KB, PDF %d KB, both written in %v", len(dx)>>10, len(pdf)>>10, time.Since(start))
	const opened = 2000
	d.Body[len(d.Body)-1] = Table{Header: table.Header, Widths: table.Widths, Rows: table.Rows[:opened]}
	dx, _ = writeBoth(t, d, DefaultSettings())
	dir := t.TempDir()
	docx := filepath.Join(dir, "large.docx")
	if err := os.WriteFile(docx, dx, 0o644); err != nil {
		t.Fatal(err)
	}
	ours := filepath.Join(dir, "large.pdf")
	if err := os.WriteFile(ours, pdf, 0o644); err != nil {
		t.Fatal(err)
	}

	start = time.Now()
	odt := dt.convert(t, 10*time.Minute, "odt", docx)[0]
	t.Logf("LibreOffice opened and saved it in %v", time.Since(start))
	content := zipPart(t, odt, "content.xml")
	for _, want := range []string{"Khối Dân vận xã số 1<", "Khối Dân vận xã số 2000<", "Nguyễn Thị Hồng Hạnh", Motto} {
		if !strings.Contains(content, want) {
			t.Errorf("LibreOffice's ODT lacks %q", want)
		}
	}
	if n := strings.Count(content, "<table:table-row"); n < opened+1 {
		t.Errorf("LibreOffice's ODT has %d table rows, want the %d of the table and more", n, opened+1)
	}

	text := pdfText(t, ours)
	for _, want := range []string{"Khối Dân vận xã số 10000", "Khối Dân vận xã số 9999", "69993 70000", "Nguyễn Thị Hồng Hạnh"} {
		if !strings.Contains(text, want) {
			t.Errorf("our PDF lacks %q", want)
		}
	}
	info := strings.Join(strings.Fields(string(command(t, time.Minute, "pdfinfo", ours))), " ")
	var n int
	if i := strings.Index(info, "Pages: "); i < 0 {
		t.Errorf("pdfinfo: %s", info)
	} else if _, err := fmt.Sscanf(info[i:], "Pages: %d", &n); err != nil || n < 150 {
		t.Errorf("our PDF has %d pages (%v), want the table over more than 150", n, err)
	}
}

// zipPart is one part of a zip file, as text.
func zipPart(t *testing.T, file, name string) string {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
