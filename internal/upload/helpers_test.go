package upload_test

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/upload"
)

// zipOf is a zip holding one part.
func zipOf(t testing.TB, name, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(body))
	zw.Close()
	return buf.Bytes()
}

// FuzzCheckWorkbook: any bytes give an answer, never a panic, and a part
// is never refused as a cell for less text than the bound, and every
// refusal is a catalog key.
func FuzzCheckWorkbook(f *testing.F) {
	f.Add("xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Hòa giải</t></is></c></row></sheetData></worksheet>`)
	f.Add("xl/sharedStrings.xml", `<sst><si><r><t>a</t></r><r><t>b</t></r></si></sst>`)
	f.Add("xl/worksheets/sheet1.xml", `<row r='7'><c r="ZZ9"/><![CDATA[x]]><!-- c --></row>`)
	f.Fuzz(func(t *testing.T, name, body string) {
		err := upload.CheckWorkbook(zipOf(t, name, body), upload.Limits{MaxCell: 64, MaxRows: 10, MaxCols: 5})
		if k, _ := apperr.KeyOf(err); err != nil && (k == "" || (k == "upload.err.cell" && len(body) <= 64)) {
			t.Fatalf("%d bytes: %v", len(body), err)
		}
	})
}
