package upload_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/upload/uploadtest"
)

func key(err error) string {
	k, _ := apperr.KeyOf(err)
	return k
}

func TestCheckWorkbook(t *testing.T) {
	cols := []string{"Mã", "Tên"}
	lim := upload.Limits{MaxUnpacked: 32 << 20, MaxRows: 1000, MaxCols: 8, MaxCell: 1000}
	long := strings.Repeat("ạ", 400) // 1,200 bytes
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a board's table", uploadtest.Table(t, [][]any{{"Mã", "Tên"}, {"DV01", "Hòa giải thành công"}, {"DV02", 12}}), ""},
		{"999 rows", uploadtest.ManyRows(cols, 998, "x"), ""},
		{"a cell of 1,000 bytes", uploadtest.BigCell(cols, 1000), ""},
		{"a shared string too long", uploadtest.BigCell(cols, 1001), "upload.err.cell"},
		{"an inline string too long", uploadtest.Table(t, [][]any{{"Mã"}, {long}}), "upload.err.cell"},
		{"1,001 rows", uploadtest.ManyRows(cols, 1000, "x"), "upload.err.rows"},
		{"a cell far right", uploadtest.Table(t, [][]any{{"A", "B", "C", "D", "E", "F", "G", "H", "I"}}), "upload.err.cols"},
		{"unpacks to 40 MB", uploadtest.BigCell(cols, 40<<20), "upload.err.unpacked"},
		{"not a zip", []byte("PK\x03\x04 hỏng"), "upload.err.workbook"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := key(upload.CheckWorkbook(c.data, lim)); got != c.want {
				t.Errorf("CheckWorkbook = %q, want %q", got, c.want)
			}
		})
	}
	// A row numbered far down, with excelize.
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Mã")
	f.SetCellValue("Sheet1", "A5000", "x")
	var buf bytes.Buffer
	f.WriteTo(&buf)
	if got := key(upload.CheckWorkbook(buf.Bytes(), lim)); got != "upload.err.rows" {
		t.Errorf("row 5000: %q, want upload.err.rows", got)
	}
}

// Rich text runs of one shared string add up; CDATA counts as text.
func TestCheckWorkbookTricks(t *testing.T) {
	lim := upload.Limits{MaxCell: 100}
	run := "<r><t>" + strings.Repeat("x", 60) + "</t></r>"
	for _, c := range []struct {
		name, part, body, want string
	}{
		{"two runs of 60", "xl/sharedStrings.xml", "<sst><si>" + run + run + "</si></sst>", "upload.err.cell"},
		{"one run each", "xl/sharedStrings.xml", "<sst><si>" + run + "</si><si>" + run + "</si></sst>", ""},
		{"CDATA", "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[" + strings.Repeat("<a>", 50) + "]]></t></is></c></row></sheetData></worksheet>", "upload.err.cell"},
		{"greater-than in text", "xl/worksheets/sheet1.xml", "<worksheet><c r=\"A1\"><v>" + strings.Repeat("a>", 60) + "</v></c></worksheet>", "upload.err.cell"},
		{"a comment", "xl/styles.xml", "<styleSheet><!--" + strings.Repeat("-", 70000) + "--></styleSheet>", "upload.err.cell"},
		{"a bad row number", "xl/worksheets/sheet1.xml", "<worksheet><row r=\"x\"/></worksheet>", "upload.err.workbook"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := key(upload.CheckWorkbook(zipOf(t, c.part, c.body), lim)); got != c.want {
				t.Errorf("CheckWorkbook = %q, want %q", got, c.want)
			}
		})
	}
}

func TestCheckImage(t *testing.T) {
	small := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	small.Set(1, 1, color.NRGBA{R: 200, A: 255})
	var buf bytes.Buffer
	png.Encode(&buf, small)
	if cfg, format, err := upload.CheckImage(buf.Bytes()); err != nil || cfg.Width != 40 || format != "png" {
		t.Errorf("a small PNG: %v %q %v", cfg, format, err)
	}
	// 7,000 × 7,000 RGBA is 196 MB decoded: refused from its header.
	big := uploadtest.BigPNG(7000, 7000)
	start := time.Now()
	_, _, err := upload.CheckImage(big)
	if key(err) != "upload.err.pixels" {
		t.Errorf("49 megapixels: %v", err)
	}
	if _, args := apperr.KeyOf(err); len(args) != 2 || args[0] != "49" || args[1] != "25" {
		t.Errorf("49 megapixels: arguments %v, want 49 and 25", args)
	}
	t.Logf("49-megapixel PNG (%d KB) refused in %v", len(big)>>10, time.Since(start))
	if _, _, err := upload.CheckImage([]byte("GIF89a")); key(err) != "upload.err.image" {
		t.Errorf("a broken GIF: %v", err)
	}
}

func TestGate(t *testing.T) {
	ctx := context.Background()
	g := upload.NewGate(3, 2, 100*time.Millisecond)
	a1, ok1 := g.Enter(ctx, "a")
	a2, ok2 := g.Enter(ctx, "a")
	if !ok1 || !ok2 {
		t.Fatal("two turns for one person refused")
	}
	if _, ok := g.Enter(ctx, "a"); ok {
		t.Error("a third turn for one person given")
	}
	b1, ok := g.Enter(ctx, "b")
	if !ok {
		t.Fatal("another person refused")
	}
	if _, ok := g.Enter(ctx, "c"); ok {
		t.Error("a fourth turn in all given")
	}
	a1()
	a1() // ending a turn twice frees one turn only
	c1, ok := g.Enter(ctx, "c")
	if !ok {
		t.Fatal("no turn after one ended")
	}
	if _, ok := g.Enter(ctx, "d"); ok {
		t.Error("a turn given twice")
	}
	a2()
	b1()
	c1()
}
