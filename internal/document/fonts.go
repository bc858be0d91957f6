package document

import (
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

// The Liberation Serif faces (Debian fonts-liberation2, SIL OFL 1.1; see
// fonts/LICENSE and fonts/README.md), embedded so that the PDF writer
// needs nothing installed.
//
//go:embed fonts/LiberationSerif-Regular.ttf fonts/LiberationSerif-Bold.ttf fonts/LiberationSerif-Italic.ttf fonts/LiberationSerif-BoldItalic.ttf fonts/LICENSE
var fontFS embed.FS

// FontLicense is the licence of the embedded fonts, for an about page.
func FontLicense() string {
	b, _ := fontFS.ReadFile("fonts/LICENSE")
	return string(b)
}

// face is one of the four faces.
type face int

const (
	regular face = iota
	bold
	italic
	boldItalic
)

func faceOf(b, i bool) face {
	switch {
	case b && i:
		return boldItalic
	case b:
		return bold
	case i:
		return italic
	}
	return regular
}

var faceFiles = [4]string{"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"}

// fpdfStyle is the style string fpdf knows the face by.
var fpdfStyle = [4]string{"", "B", "I", "BI"}

func fontData(f face) []byte {
	b, err := fontFS.ReadFile("fonts/" + faceFiles[f])
	if err != nil {
		panic("document: embedded font missing: " + err.Error())
	}
	return b
}

// metrics are what the writers need of a face: which characters it
// draws and how wide they are. Parsed once from the embedded file.
type metrics struct {
	unitsPerEm float64
	advance    []uint16       // by glyph id
	glyphs     map[rune]int32 // the character map
}

var faceMetrics [4]func() (*metrics, error)

func init() {
	for f := range faceMetrics {
		faceMetrics[f] = sync.OnceValues(func() (*metrics, error) { return parseMetrics(fontData(face(f))) })
	}
}

func metricsOf(f face) *metrics {
	m, err := faceMetrics[f]()
	if err != nil {
		panic("document: embedded font " + faceFiles[f] + ": " + err.Error())
	}
	return m
}

// has reports whether the face draws r.
func (m *metrics) has(r rune) bool {
	_, ok := m.glyphs[r]
	return ok
}

// width is the advance width of s at size points, in points.
func (m *metrics) width(s string, size float64) float64 {
	var units float64
	for _, r := range s {
		g := m.glyphs[r] // 0, .notdef, when missing
		if int(g) >= len(m.advance) {
			g = int32(len(m.advance) - 1)
		}
		units += float64(m.advance[g])
	}
	return units * size / m.unitsPerEm
}

// parseMetrics reads the 'head', 'hhea', 'hmtx' and 'cmap' tables of a
// TrueType font: just enough for widths and coverage.
func parseMetrics(b []byte) (*metrics, error) {
	if len(b) < 12 {
		return nil, errors.New("too short")
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errors.New("table directory truncated")
		}
		tag := string(b[rec : rec+4])
		off, length := int(binary.BigEndian.Uint32(b[rec+8:])), int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || length < 0 || off+length > len(b) {
			return nil, fmt.Errorf("table %s out of bounds", tag)
		}
		tables[tag] = b[off : off+length]
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil || hmtx == nil {
		return nil, errors.New("missing head, hhea, hmtx or cmap")
	}
	m := &metrics{unitsPerEm: float64(binary.BigEndian.Uint16(head[18:])), glyphs: map[rune]int32{}}
	if m.unitsPerEm == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || 4*nh > len(hmtx) {
		return nil, errors.New("bad hmtx")
	}
	for i := range nh {
		m.advance = append(m.advance, binary.BigEndian.Uint16(hmtx[4*i:]))
	}
	if err := parseCmap(cmap, m.glyphs); err != nil {
		return nil, err
	}
	return m, nil
}

// parseCmap reads the Unicode subtable of format 12 if there is one,
// else of format 4.
func parseCmap(c []byte, into map[rune]int32) error {
	if len(c) < 4 {
		return errors.New("cmap too short")
	}
	var f4, f12 []byte
	for i := range int(binary.BigEndian.Uint16(c[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(c) {
			break
		}
		pid, eid, off := binary.BigEndian.Uint16(c[rec:]), binary.BigEndian.Uint16(c[rec+2:]), int(binary.BigEndian.Uint32(c[rec+4:]))
		if off+4 > len(c) || !(pid == 0 || pid == 3 && (eid == 1 || eid == 10)) {
			continue
		}
		switch binary.BigEndian.Uint16(c[off:]) {
		case 4:
			f4 = c[off:]
		case 12:
			f12 = c[off:]
		}
	}
	switch {
	case len(f12) >= 16:
		groups := int(binary.BigEndian.Uint32(f12[12:]))
		for g := range groups {
			p := 16 + 12*g
			if p+12 > len(f12) {
				return errors.New("cmap format 12 truncated")
			}
			start, end, gid := binary.BigEndian.Uint32(f12[p:]), binary.BigEndian.Uint32(f12[p+4:]), binary.BigEndian.Uint32(f12[p+8:])
			for r := start; r <= end && r <= 0x10ffff; r++ {
				into[rune(r)] = int32(gid + r - start)
			}
		}
		return nil
	case len(f4) >= 14:
		segs := int(binary.BigEndian.Uint16(f4[6:])) / 2
		ends, starts, deltas, offs := 14, 16+2*segs, 16+4*segs, 16+6*segs
		if offs+2*segs > len(f4) {
			return errors.New("cmap format 4 truncated")
		}
		for s := range segs {
			end := int(binary.BigEndian.Uint16(f4[ends+2*s:]))
			start := int(binary.BigEndian.Uint16(f4[starts+2*s:]))
			delta := int(binary.BigEndian.Uint16(f4[deltas+2*s:]))
			ro := int(binary.BigEndian.Uint16(f4[offs+2*s:]))
			for r := start; r <= end && r != 0xffff; r++ {
				var g int
				if ro == 0 {
					g = (r + delta) & 0xffff
				} else {
					p := offs + 2*s + ro + 2*(r-start)
					if p+2 > len(f4) {
						continue
					}
					g = int(binary.BigEndian.Uint16(f4[p:]))
					if g != 0 {
						g = (g + delta) & 0xffff
					}
				}
				if g != 0 {
					into[rune(r)] = int32(g)
				}
			}
		}
		return nil
	}
	return errors.New("no Unicode cmap")
}
