package document

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// EnvDocs set to "require" makes the tests that need LibreOffice and
// poppler fail, instead of skip, when those are missing (CI sets it).
const EnvDocs = "DANVAN_TEST_DOCS"

// EnvDocsOut names a folder where the rendering tests leave their PNG
// pages, to look at.
const EnvDocsOut = "DANVAN_TEST_DOCS_OUT"

// docTools finds LibreOffice and poppler's tools, or skips the test.
type docTools struct{ office string }

func needDocTools(t *testing.T) docTools {
	t.Helper()
	var missing []string
	office := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			office = p
			break
		}
	}
	if office == "" {
		missing = append(missing, "libreoffice (Debian libreoffice-writer-nogui)")
	}
	for _, tool := range []string{"pdftoppm", "pdftotext", "pdffonts", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool+" (Debian poppler-utils)")
		}
	}
	if len(missing) > 0 {
		msg := "missing " + strings.Join(missing, ", ")
		if os.Getenv(EnvDocs) == "require" {
			t.Fatalf("%s, and %s=require", msg, EnvDocs)
		}
		t.Skip(msg + "; .ci/services installs them")
	}
	return docTools{office: office}
}

func command(t *testing.T, timeout time.Duration, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	ownGroup(cmd)
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// toPDF converts DOCX files to PDF with LibreOffice; see convert.
func (dt docTools) toPDF(t *testing.T, timeout time.Duration, docx ...string) []string {
	t.Helper()
	return dt.convert(t, timeout, "pdf", docx...)
}

// convert converts DOCX files to format ("pdf", "odt") with LibreOffice
// in one run, with a profile of its own so that parallel runs do not
// clash, and returns the new files' paths.
func (dt docTools) convert(t *testing.T, timeout time.Duration, format string, docx ...string) []string {
	t.Helper()
	dir := t.TempDir()
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	out := filepath.Join(dir, "out")
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=" + profile, "--convert-to", format, "--outdir", out}, docx...)
	log := command(t, timeout, dt.office, args...)
	var files []string
	for _, d := range docx {
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(d), ".docx")+"."+format)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not convert %s: %v\n%s", d, err, log)
		}
		files = append(files, p)
	}
	return files
}

// pdfText is the text poppler reads from a PDF, in NFC with runs of
// white space as one space.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out := command(t, time.Minute, "pdftotext", "-enc", "UTF-8", pdf, "-")
	return strings.Join(strings.Fields(norm.NFC.String(string(out))), " ")
}

// pages renders a PDF to PNG at 60 dpi and returns the files, first page
// first.
func pages(t *testing.T, pdf, prefix string, last int) []string {
	t.Helper()
	command(t, time.Minute, "pdftoppm", "-r", "60", "-png", "-f", "1", "-l", fmt.Sprint(last), pdf, prefix)
	files, _ := filepath.Glob(prefix + "*.png")
	if len(files) == 0 {
		t.Fatalf("pdftoppm made no page of %s", pdf)
	}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || st.Size() < 1000 {
			t.Fatalf("page %s is empty", f)
		}
	}
	return files
}

// embeddedFonts lists the fonts pdffonts reports, failing on one that is
// not embedded.
func embeddedFonts(t *testing.T, pdf string) []string {
	t.Helper()
	out := string(command(t, time.Minute, "pdffonts", pdf))
	var names []string
	for i, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(l)
		if i < 2 || len(f) < 5 {
			continue
		}
		// name type… encoding emb sub uni id gen: emb is the fifth field
		// from the end.
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("%s: font %s is not embedded:\n%s", filepath.Base(pdf), f[0], out)
		}
		names = append(names, f[0])
	}
	if len(names) == 0 {
		t.Errorf("%s: no fonts:\n%s", filepath.Base(pdf), out)
	}
	return names
}

// keep renders the first pages of a PDF at 100 dpi into EnvDocsOut,
// when set, to look at.
func keep(t *testing.T, pdf, prefix string) {
	dir := os.Getenv(EnvDocsOut)
	if dir == "" {
		return
	}
	command(t, time.Minute, "pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "3", pdf, filepath.Join(dir, prefix))
}

// The documents the rendering tests write: one of each way of signing,
// a letter with its "V/v" line, minutes, and the sample report.
func renderCases() map[string]*Document {
	report := sampleReport()
	letter := &Document{
		Superior: "Đảng bộ tỉnh Thái Nguyên", Issuer: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
		Number: FormatNumber(3, Letter, "BTGDVTU"), Place: "Thái Nguyên", Date: time.Date(2025, 2, 9, 0, 0, 0, 0, time.UTC),
		Type: Letter, Summary: "Đề nghị báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở",
		Body:       []Block{Text("Kính gửi: Các huyện ủy, thành ủy, thị ủy."), Text("Đề nghị các đơn vị báo cáo trước ngày 20-02-2025.")},
		Signature:  Signature{Mode: SignDirect, Title: "Trưởng ban", Name: "Hoàng Văn Thủy"},
		Recipients: []string{"Như kính gửi", "Lưu VP"},
	}
	minutes := &Document{
		Superior: "Huyện ủy Gia Viễn", Issuer: "Ban Chấp hành Đảng bộ huyện", Number: FormatNumber(7, Minutes, "HU"),
		Place: "Gia Viễn", Date: time.Date(2021, 4, 23, 0, 0, 0, 0, time.UTC), Type: Minutes,
		Summary: "Hội nghị sơ kết công tác dân vận quý I năm 2021",
		Body: []Block{
			Heading{Level: 1, Text: "I. THỜI GIAN, ĐỊA ĐIỂM"},
			Text("Vào hồi 08 giờ, ngày 23 tháng 4 năm 2021, tại Hội trường Huyện ủy."),
			Table{Header: [][]string{{"Họ và tên", "Chức vụ"}}, Rows: [][]string{{"Đinh Thị Ngọc Ánh", "Phó Bí thư Thường trực"}, {"Lê Quang Huỳnh", "Trưởng Ban Dân vận"}}},
		},
		Signature:  Signature{Mode: SignBehalf, For: "Ban Thường vụ", Title: "Phó Bí thư", Name: "Đinh Thị Ngọc Ánh"},
		Recipients: []string{"Thường trực Huyện ủy", "Lưu"},
	}
	return map[string]*Document{"report": report, "letter": letter, "minutes": minutes}
}

// expectedPhrases are the header, title and signature lines a reader
// must find in a rendered document, with every diacritic.
func expectedPhrases(d *Document) []string {
	p := arrange(d)
	out := []string{p.issuer, "*", p.dateLine, Motto, p.sigName, "Nơi nhận:"}
	if p.superior != "" {
		out = append(out, p.superior)
	}
	if p.number != "" {
		out = append(out, p.number)
	}
	if p.letterSummary != "" {
		out = append(out, p.letterSummary)
	}
	if p.typeLine != "" {
		out = append(out, p.typeLine, p.summary)
	}
	out = append(out, p.sigLines...)
	return out
}

// TestRenderOpens writes each case as DOCX and PDF, has LibreOffice
// convert the DOCX to PDF, and checks both PDFs: every line of the
// header, title and signature is read back with its diacritics, the
// fonts are embedded, and the pages render to PNG.
func TestRenderOpens(t *testing.T) {
	dt := needDocTools(t)
	dir := t.TempDir()
	cases := renderCases()
	var docx []string
	names := []string{"letter", "minutes", "report"}
	for _, name := range names {
		d := cases[name]
		var b bytes.Buffer
		if err := WriteDOCX(&b, d, DefaultSettings()); err != nil {
			t.Fatal(err)
		}
		checkDOCX(t, b.Bytes())
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		docx = append(docx, path)
		b.Reset()
		if err := WritePDF(&b, d, DefaultSettings()); err != nil {
			t.Fatal(err)
		}
		checkPDF(t, b.Bytes())
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	converted := dt.toPDF(t, 3*time.Minute, docx...)
	for i, name := range names {
		for _, kind := range []struct{ label, pdf string }{
			{"ours", filepath.Join(dir, name+".pdf")},
			{"libreoffice", converted[i]},
		} {
			text := pdfText(t, kind.pdf)
			for _, phrase := range expectedPhrases(cases[name]) {
				if !strings.Contains(text, strings.Join(strings.Fields(phrase), " ")) {
					t.Errorf("%s (%s): %q not found in the text:\n%s", name, kind.label, phrase, text)
				}
			}
			fonts := embeddedFonts(t, kind.pdf)
			if !strings.Contains(strings.ToLower(strings.Join(fonts, " ")), "liberationserif") {
				t.Errorf("%s (%s): fonts %v, want Liberation Serif", name, kind.label, fonts)
			}
			pages(t, kind.pdf, filepath.Join(dir, name+"-"+kind.label), 3)
			keep(t, kind.pdf, name+"-"+kind.label)
		}
		// Page numbers start on page 2: the report has three pages, and
		// "2" stands alone at the top of the second.
		if name == "report" {
			for _, pdf := range []string{filepath.Join(dir, name+".pdf"), converted[i]} {
				info := string(command(t, time.Minute, "pdfinfo", pdf))
				if !strings.Contains(strings.Join(strings.Fields(info), " "), "Pages: 3 ") {
					t.Errorf("%s: want 3 pages:\n%s", pdf, info)
				}
				first := string(command(t, time.Minute, "pdftotext", "-f", "1", "-l", "1", pdf, "-"))
				second := string(command(t, time.Minute, "pdftotext", "-f", "2", "-l", "2", pdf, "-"))
				if strings.HasPrefix(strings.TrimSpace(first), "1") {
					t.Errorf("%s: page 1 starts with a page number:\n%s", pdf, first)
				}
				if !strings.HasPrefix(strings.TrimSpace(second), "2") {
					t.Errorf("%s: page 2 does not start with its number:\n%s", pdf, second)
				}
			}
		}
	}
}

// checkDOCX checks a DOCX's structure without Word: a zip whose parts
// are well-formed XML, with the parts the content types name.
func checkDOCX(t testing.TB, b []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range z.File {
		seen[f.Name] = true
		r, err := f.Open()
		if err != nil {
			t.Fatalf("docx part %s: %v", f.Name, err)
		}
		dec := xml.NewDecoder(r)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("docx part %s is not well-formed XML: %v", f.Name, err)
			}
		}
		r.Close()
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml"} {
		if !seen[want] {
			t.Fatalf("docx has no %s", want)
		}
	}
}

// checkPDF checks a PDF's frame: header, cross-reference and trailer.
func checkPDF(t testing.TB, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Fatalf("pdf does not start with %%PDF-1.: %q", b[:min(len(b), 16)])
	}
	tail := b[max(0, len(b)-1024):]
	if !bytes.Contains(tail, []byte("trailer")) || !bytes.Contains(tail, []byte("startxref")) ||
		!bytes.HasSuffix(bytes.TrimSpace(tail), []byte("%%EOF")) {
		t.Fatalf("pdf has no trailer: %q", tail)
	}
}
