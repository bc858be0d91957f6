// Package uploadtest builds the small files an outside tester sent to
// exhaust a server (a workbook unpacking into a huge cell or a million
// rows, a picture of fifty megapixels) without holding their unpacked
// form in memory, for tests of every upload.
package uploadtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"time"
)

// workbook writes a minimal XLSX whose first sheet's rows (and shared
// strings, when given) are produced by the write functions.
func workbook(sheet func(w io.Writer), shared func(w io.Writer)) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	put := func(name string, write func(w io.Writer)) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		write(w)
	}
	str := func(s string) func(w io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	if shared != nil {
		ct += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	}
	put("[Content_Types].xml", str(ct+`</Types>`))
	put("_rels/.rels", str(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	put("xl/workbook.xml", str(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if shared != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	put("xl/_rels/workbook.xml.rels", str(rels+`</Relationships>`))
	put("xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		sheet(w)
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	if shared != nil {
		put("xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			shared(w)
			io.WriteString(w, `</sst>`)
		})
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// header is a first row of the given inline texts.
func header(w io.Writer, cols []string) {
	io.WriteString(w, `<row r="1">`)
	for i, c := range cols {
		fmt.Fprintf(w, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, c)
	}
	io.WriteString(w, `</row>`)
}

// BigCell is a workbook with the header row cols and, in cell A2, one
// shared string of n bytes: the tester's was 120 MB in a 124 KB file.
func BigCell(cols []string, n int) []byte {
	return workbook(func(w io.Writer) {
		header(w, cols)
		io.WriteString(w, `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`)
	}, func(w io.Writer) {
		io.WriteString(w, `<si><t>`)
		chunk := []byte(strings.Repeat("A", 1<<16))
		for n > 0 {
			k := min(n, len(chunk))
			w.Write(chunk[:k])
			n -= k
		}
		io.WriteString(w, `</t></si>`)
	})
}

// ManyRows is a workbook with the header row cols and then rows rows of
// the cells given (written in columns A, B, ... as shared strings, as
// Excel does): the tester's had 900,000 rows in 4.5 MB.
func ManyRows(cols []string, rows int, cells ...string) []byte {
	return workbook(func(w io.Writer) {
		header(w, cols)
		for r := 2; r <= rows+1; r++ {
			fmt.Fprintf(w, `<row r="%d">`, r)
			for i := range cells {
				fmt.Fprintf(w, `<c r="%c%d" t="s"><v>%d</v></c>`, 'A'+i, r, i)
			}
			io.WriteString(w, `</row>`)
		}
	}, func(w io.Writer) {
		for _, c := range cells {
			fmt.Fprintf(w, `<si><t>%s</t></si>`, c)
		}
	})
}

// BigPNG is a white RGBA PNG of width × height pixels, written row by row
// (the tester's were 49 megapixels in a few hundred kilobytes).
func BigPNG(width, height int) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		buf.Write(n[:])
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		buf.WriteString(typ)
		buf.Write(data)
		binary.BigEndian.PutUint32(n[:], c.Sum32())
		buf.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	row := bytes.Repeat([]byte{0xff}, 1+4*width)
	row[0] = 0 // filter: none
	for range height {
		zw.Write(row)
	}
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return buf.Bytes()
}

// Measure runs f and returns how long it took and how far the heap grew
// above what it was before (sampled every millisecond).
func Measure(f func()) (time.Duration, int64) {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	peak := before.HeapAlloc
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	start := time.Now()
	f()
	took := time.Since(start)
	close(stop)
	<-done
	return took, int64(peak) - int64(before.HeapAlloc)
}
