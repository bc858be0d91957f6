package document

import (
	"fmt"
	"strconv"
	"strings"
)

// Settings are the page settings both writers use: the one place a
// deployment changes the margins (the sources disagree on them) or the
// sizes. The zero value is not usable; start from DefaultSettings.
type Settings struct {
	// Margins of the A4 portrait page, in millimetres.
	Top, Bottom, Left, Right float64
	// BodySize is the size of the body, header lines, summary and
	// signature, in points (14).
	BodySize float64
	// MottoSize is the size of "ĐẢNG CỘNG SẢN VIỆT NAM" (15).
	MottoSize float64
	// TypeSize is the size of the type line, "BÁO CÁO" (15–16).
	TypeSize float64
	// TableSize is the size of table text (13), RecipientSize of the
	// recipients under "Nơi nhận:" (12).
	TableSize     float64
	RecipientSize float64
	// LineSpacing multiplies the font's single line height (1.15), and
	// ParagraphSpacing is the space after a body paragraph, in points.
	LineSpacing      float64
	ParagraphSpacing float64
	// FirstLineIndent indents a justified paragraph's first line, in
	// millimetres.
	FirstLineIndent float64
}

// DefaultSettings are the margins and sizes of Hướng dẫn 36-HD/VPTW as
// danvan ships them: top 25 mm, bottom 25 mm, left 35 mm, right 15 mm;
// 14 pt body, 15 pt motto, 16 pt type line.
func DefaultSettings() Settings {
	return Settings{
		Top: 25, Bottom: 25, Left: 35, Right: 15,
		BodySize: 14, MottoSize: 15, TypeSize: 16, TableSize: 13, RecipientSize: 12,
		LineSpacing: 1.15, ParagraphSpacing: 6, FirstLineIndent: 12.7,
	}
}

// Bounds on a deployment's margins, in millimetres: wider margins leave
// too little of an A4 page to lay the header's two columns out.
const (
	minMargin           = 5
	maxMarginTopBottom  = 80
	maxMarginLeftRight  = 60
	marginsFormatReason = `four numbers in millimetres, "top,bottom,left,right", e.g. "25,25,35,15" (a point before decimals: "30.5")`
)

// ParseMargins reads a deployment's margins, "top,bottom,left,right" in
// millimetres ("25,25,35,15"; fractions with a point: "25,25,30.5,15";
// spaces are allowed around the numbers), into the default settings; ""
// gives the default margins. Each margin must lie between 5 mm and
// 80 mm (top, bottom) or 60 mm (left, right): a deployment learns of a
// mistaken setting at start-up, not from a misprinted page.
func ParseMargins(text string) (Settings, error) {
	s := DefaultSettings()
	if strings.TrimSpace(text) == "" {
		return s, nil
	}
	parts := strings.Split(text, ",")
	if len(parts) != 4 {
		return s, fmt.Errorf("margins %q: want %s", text, marginsFormatReason)
	}
	names := [4]string{"top", "bottom", "left", "right"}
	fields := [4]*float64{&s.Top, &s.Bottom, &s.Left, &s.Right}
	for i, part := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil {
			return DefaultSettings(), fmt.Errorf("margins %q: the %s margin %q is not a number; want %s", text, names[i], part, marginsFormatReason)
		}
		hi := float64(maxMarginTopBottom)
		if i >= 2 {
			hi = maxMarginLeftRight
		}
		if !(v >= minMargin && v <= hi) { // also NaN
			return DefaultSettings(), fmt.Errorf("margins %q: the %s margin must be between %d and %g mm", text, names[i], minMargin, hi)
		}
		*fields[i] = v
	}
	return s, nil
}

// A4 in millimetres.
const (
	pageWidth  = 210.0
	pageHeight = 297.0
)

// sane returns s with every value in a range that lays out a page: a
// mistaken setting must not make a writer loop or fail.
func (s Settings) sane() Settings {
	d := DefaultSettings()
	clamp := func(v *float64, lo, hi, def float64) {
		if !(*v >= lo && *v <= hi) { // also NaN
			*v = def
		}
	}
	clamp(&s.Top, minMargin, maxMarginTopBottom, d.Top)
	clamp(&s.Bottom, minMargin, maxMarginTopBottom, d.Bottom)
	clamp(&s.Left, minMargin, maxMarginLeftRight, d.Left)
	clamp(&s.Right, minMargin, maxMarginLeftRight, d.Right)
	clamp(&s.BodySize, 8, 20, d.BodySize)
	clamp(&s.MottoSize, 8, 20, d.MottoSize)
	clamp(&s.TypeSize, 8, 24, d.TypeSize)
	clamp(&s.TableSize, 7, 20, d.TableSize)
	clamp(&s.RecipientSize, 7, 20, d.RecipientSize)
	clamp(&s.LineSpacing, 1, 3, d.LineSpacing)
	clamp(&s.ParagraphSpacing, 0, 24, d.ParagraphSpacing)
	clamp(&s.FirstLineIndent, 0, 30, d.FirstLineIndent)
	return s
}

// textWidth is the width between the margins, in millimetres.
func (s Settings) textWidth() float64 { return pageWidth - s.Left - s.Right }

// The header's and the closing's column widths, as shares of the text
// width: the left column holds the bodies and the number (or the
// recipients), the right one the motto and date (or the signature).
const (
	headerLeftShare  = 0.44
	closingLeftShare = 0.45
)

// mmPerPt converts points to millimetres.
const mmPerPt = 25.4 / 72
