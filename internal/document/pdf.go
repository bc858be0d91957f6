package document

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// The PDF writer lays the page out itself on top of fpdf (which embeds
// the font subsets and writes the file): lines are broken with the
// embedded fonts' own widths, justified word by word, and pages break
// between lines, table rows (header rows repeated) and, for a row taller
// than a page, inside the row.

const fontFamily = "LiberationSerif"

// WritePDF writes d as PDF to w with the page settings s, Liberation
// Serif embedded. The output depends only on d and s.
func WritePDF(w io.Writer, d *Document, s Settings) error {
	s = s.sane()
	p := arrange(d)
	pw := newPDF(s, boldItalicUsed(&p))
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !d.Date.IsZero() && d.Date.Year() > 1900 && d.Date.Year() < 9000 {
		stamp = time.Date(d.Date.Year(), d.Date.Month(), d.Date.Day(), 0, 0, 0, 0, time.UTC)
	}
	pw.f.SetCreationDate(stamp)
	pw.f.SetModificationDate(stamp)
	pw.f.SetTitle(pw.safe(p.title, regular), true)
	pw.f.SetAuthor(pw.safe(p.issuer, regular), true)
	pw.f.SetCreator("danvan", false)
	pw.f.SetLang("vi-VN")
	pw.newPage()
	pw.header(&p)
	pw.body(&p)
	pw.closing(&p)
	pw.blocks(p.appendix)
	if err := pw.f.Output(w); err != nil {
		return fmt.Errorf("document: pdf: %w", err)
	}
	return nil
}

type pdfWriter struct {
	f           *fpdf.Fpdf
	s           Settings
	left, width float64 // mm
	top, limit  float64 // the first and the last y a line may use
	y           float64 // top of the next line
	curFace     face
	curSize     float64
}

// tstyle is the style of a piece of text.
type tstyle struct {
	face      face
	size      float64 // points
	underline bool
}

// boldItalicUsed reports whether a page needs the bold italic face (a
// level-3 heading or a bold italic run); the other three every page
// uses, and adding a face costs milliseconds.
func boldItalicUsed(p *page) bool {
	for _, b := range append(append([]Block{}, p.body...), p.appendix...) {
		switch b := b.(type) {
		case Heading:
			if b.Level >= 3 {
				return true
			}
		case Paragraph:
			for _, r := range b.Runs {
				if r.Bold && r.Italic {
					return true
				}
			}
		}
	}
	return false
}

func newPDF(s Settings, withBoldItalic bool) *pdfWriter {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetMargins(s.Left, s.Top, s.Right)
	f.SetAutoPageBreak(false, s.Bottom)
	for fc := range faceFiles {
		if face(fc) != boldItalic || withBoldItalic {
			f.AddUTF8FontFromBytes(fontFamily, fpdfStyle[fc], fontData(face(fc)))
		}
	}
	f.SetDrawColor(0, 0, 0)
	f.SetTextColor(0, 0, 0)
	pw := &pdfWriter{f: f, s: s, left: s.Left, width: s.textWidth(), top: s.Top, limit: pageHeight - s.Bottom, curFace: -1}
	f.SetHeaderFuncMode(func() {
		if f.PageNo() < 2 {
			return
		}
		n := strconv.Itoa(f.PageNo())
		pw.setFont(tstyle{face: regular, size: s.BodySize})
		w := metricsOf(regular).width(n, s.BodySize) * mmPerPt
		f.Text(s.Left+(pw.width-w)/2, s.Top/2+0.3375*s.BodySize*mmPerPt, n)
	}, false)
	return pw
}

func (pw *pdfWriter) newPage() {
	pw.f.AddPage()
	pw.curFace = -1
	pw.y = pw.top
}

func (pw *pdfWriter) setFont(st tstyle) {
	if st.face != pw.curFace || st.size != pw.curSize {
		pw.f.SetFont(fontFamily, fpdfStyle[st.face], st.size)
		pw.curFace, pw.curSize = st.face, st.size
	}
}

// lineHeight is the height of a body line of text of size pt, in mm.
func (pw *pdfWriter) lineHeight(size float64) float64 {
	return size * 1.15 * pw.s.LineSpacing * mmPerPt
}

// singleLine is the height of a line set single-spaced (the header, the
// type line, tables, the signature), as in the DOCX.
func singleLine(size float64) float64 { return size * 1.15 * mmPerPt }

// ensure starts a new page unless h mm still fit on this one.
func (pw *pdfWriter) ensure(h float64) {
	if pw.y+h > pw.limit && pw.y > pw.top {
		pw.newPage()
	}
}

// safe replaces what the face cannot draw: format and combining
// characters it lacks are dropped, anything else becomes '?'.
func (pw *pdfWriter) safe(s string, fc face) string {
	m := metricsOf(fc)
	ok := true
	for _, r := range s {
		if !m.has(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case m.has(r):
			b.WriteRune(r)
		case unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Zl, unicode.Zp):
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// srun is a run of text in one style, before line breaking.
type srun struct {
	text string
	st   tstyle
}

// piece is a word (or a part of one) placed on a line.
type piece struct {
	text  string
	st    tstyle
	w     float64 // mm
	space float64 // the space before it on its line, mm; 0 at the start or glued
}

type line struct {
	pieces []piece
	width  float64 // with spaces
	gaps   int     // spaces that justification may widen
	end    bool    // the last line of a paragraph or before a forced break
}

// breakLines breaks runs into lines of at most width mm, the first one
// first mm narrower. A word wider than a line is cut between letters.
func (pw *pdfWriter) breakLines(runs []srun, width, first float64) []line {
	var lines []line
	cur := line{}
	avail := func() float64 {
		if len(lines) == 0 {
			return width - first
		}
		return width
	}
	finish := func(end bool) {
		cur.end = end
		lines = append(lines, cur)
		cur = line{}
	}
	pendingSpace := false
	for _, r := range runs {
		m := metricsOf(r.st.face)
		spaceW := m.width(" ", r.st.size) * mmPerPt
		text := pw.safe(r.text, r.st.face)
		for i, para := range strings.Split(text, "\n") {
			if i > 0 {
				finish(true)
				pendingSpace = false
			}
			start := 0
			for start <= len(para) {
				end := strings.IndexByte(para[start:], ' ')
				if end < 0 {
					end = len(para)
				} else {
					end += start
				}
				word := para[start:end]
				if word != "" {
					ww := m.width(word, r.st.size) * mmPerPt
					sp := 0.0
					if pendingSpace && len(cur.pieces) > 0 {
						sp = spaceW
					}
					if len(cur.pieces) > 0 && cur.width+sp+ww > avail() {
						finish(false)
						sp = 0
					}
					if ww > avail() {
						// Cut the word: as many letters as fit, at least one.
						for word != "" {
							if len(cur.pieces) > 0 {
								finish(false)
							}
							cut, cw := fitPrefix(m, word, r.st.size, avail())
							cur.pieces = append(cur.pieces, piece{text: cut, st: r.st, w: cw})
							cur.width += cw
							word = word[len(cut):]
						}
					} else {
						if sp > 0 {
							cur.gaps++
						}
						cur.pieces = append(cur.pieces, piece{text: word, st: r.st, w: ww, space: sp})
						cur.width += sp + ww
					}
					pendingSpace = false
				}
				if end < len(para) {
					pendingSpace = true
				}
				start = end + 1
			}
		}
	}
	finish(true)
	return lines
}

// fitPrefix returns the longest prefix of word (at least one letter)
// that fits in width mm, and its width.
func fitPrefix(m *metrics, word string, size, width float64) (string, float64) {
	w := 0.0
	for i, r := range word {
		rw := m.width(string(r), size) * mmPerPt
		if i > 0 && w+rw > width {
			return word[:i], w
		}
		w += rw
	}
	return word, w
}

// drawLine draws l with its top at y, in the box x..x+width (first
// indent already taken off by the caller).
func (pw *pdfWriter) drawLine(l line, x, width, y, lh float64, align Align) {
	extra := 0.0
	switch {
	case align == Justify && !l.end && l.gaps > 0:
		extra = (width - l.width) / float64(l.gaps)
	case align == Center:
		x += (width - l.width) / 2
	case align == Right:
		x += width - l.width
	}
	underlined := false // the piece before was underlined: so is the space
	for _, pc := range l.pieces {
		gap := pc.space
		if pc.space > 0 {
			gap += extra
		}
		x += gap
		pw.setFont(pc.st)
		base := y + lh/2 + 0.3375*pc.st.size*mmPerPt
		pw.f.Text(x, base, pc.text)
		if pc.st.underline {
			from := x
			if underlined {
				from -= gap
			}
			uy := base + 0.12*pc.st.size*mmPerPt
			pw.f.SetLineWidth(0.05 * pc.st.size * mmPerPt)
			pw.f.Line(from, uy, x+pc.w, uy)
		}
		underlined = pc.st.underline
		x += pc.w
	}
}

// paragraph flows runs over the page from pw.y, breaking pages between
// lines, with the body's line spacing.
func (pw *pdfWriter) paragraph(runs []srun, align Align, first, before, after float64) {
	size := 0.0
	for _, r := range runs {
		size = max(size, r.st.size)
	}
	pw.flow(runs, align, first, before, after, pw.lineHeight(size))
}

// flow is paragraph with a given line height.
func (pw *pdfWriter) flow(runs []srun, align Align, first, before, after, lh float64) {
	pw.y += before
	for i, l := range pw.breakLines(runs, pw.width, first) {
		pw.ensure(lh)
		x, w := pw.left, pw.width
		if i == 0 {
			x, w = x+first, w-first
		}
		pw.drawLine(l, x, w, pw.y, lh, align)
		pw.y += lh
	}
	pw.y += after
}

// column draws lines in a column without page breaks (the header and
// the signature, which are short) and returns the y under them.
func (pw *pdfWriter) column(runs []srun, x, width, y float64, align Align) float64 {
	lh := singleLine(runs[0].st.size)
	for _, l := range pw.breakLines(runs, width, 0) {
		pw.drawLine(l, x, width, y, lh, align)
		y += lh
	}
	return y
}

func (pw *pdfWriter) st(fc face) tstyle { return tstyle{face: fc, size: pw.s.BodySize} }

func (pw *pdfWriter) header(p *page) {
	s := pw.s
	lw := pw.width * headerLeftShare
	rw := pw.width - lw
	y := pw.y
	if p.superior != "" {
		y = pw.column([]srun{{p.superior, pw.st(regular)}}, pw.left, lw, y, Center)
	}
	y = pw.column([]srun{{p.issuer, pw.st(bold)}}, pw.left, lw, y, Center)
	y = pw.column([]srun{{"*", pw.st(regular)}}, pw.left, lw, y, Center)
	if p.number != "" {
		y = pw.column([]srun{{p.number, pw.st(regular)}}, pw.left, lw, y, Center)
	}
	if p.letterSummary != "" {
		y = pw.column([]srun{{p.letterSummary, tstyle{face: italic, size: s.RecipientSize}}}, pw.left, lw, y+1, Center)
	}
	// The motto, a rule as long as it, and the place and date.
	rx := pw.left + lw
	ry := pw.column([]srun{{Motto, tstyle{face: bold, size: s.MottoSize}}}, rx, rw, pw.y, Center)
	mw := min(metricsOf(bold).width(Motto, s.MottoSize)*mmPerPt, rw)
	pw.f.SetLineWidth(0.3)
	pw.f.Line(rx+(rw-mw)/2, ry+0.3, rx+(rw+mw)/2, ry+0.3)
	ry = pw.column([]srun{{p.dateLine, pw.st(italic)}}, rx, rw, ry+6*mmPerPt, Center)
	pw.y = max(y, ry)

	pt := mmPerPt
	if p.typeLine != "" {
		pw.y += 12 * pt
		pw.flow([]srun{{p.typeLine, tstyle{face: bold, size: s.TypeSize}}}, Center, 0, 0, 0, singleLine(s.TypeSize))
		if p.summary != "" {
			pw.flow([]srun{{p.summary, pw.st(bold)}}, Center, 0, 0, 0, singleLine(s.BodySize))
		}
		pw.flow([]srun{{"-----", pw.st(regular)}}, Center, 0, 0, 12*pt, singleLine(s.BodySize))
	} else {
		pw.y += 12 * pt
	}
}

func (pw *pdfWriter) body(p *page) { pw.blocks(p.body) }

// blocks sets blocks of the body or the appendix.
func (pw *pdfWriter) blocks(bs []Block) {
	s := pw.s
	first := s.FirstLineIndent
	after := s.ParagraphSpacing * mmPerPt
	for _, b := range bs {
		switch b := b.(type) {
		case Heading:
			bd, it := headingStyle(b.Level)
			pw.ensure(3 * pw.lineHeight(s.BodySize)) // keep with what follows
			pw.paragraph([]srun{{b.Text, pw.st(faceOf(bd, it))}}, Justify, first, 0, after)
		case Paragraph:
			runs := make([]srun, len(b.Runs))
			for i, r := range b.Runs {
				runs[i] = srun{r.Text, pw.st(faceOf(r.Bold, r.Italic))}
			}
			ind := 0.0
			if b.Align == Justify {
				ind = first
			}
			pw.paragraph(runs, b.Align, ind, 0, after)
		case List:
			for i, it := range b.Items {
				pw.paragraph([]srun{{listLabel(b, i) + " " + it, pw.st(regular)}}, Justify, first, 0, after)
			}
		case Table:
			pw.table(b)
			pw.y += after
		case PageBreak:
			pw.newPage()
		}
	}
}

// Table cell padding, mm
// (the DOCX's default cell margins, 108 twips, and 1 pt before and after
// the cell's paragraph).
const (
	cellPadX = 1.905
	cellPadY = 0.353
)

func (pw *pdfWriter) table(t Table) {
	size := pw.s.TableSize
	lh := singleLine(size)
	widths := make([]float64, len(t.Widths))
	for i, w := range t.Widths {
		widths[i] = w * pw.width
	}
	layout := func(row []string, header bool) ([][]line, []Align) {
		cells := make([][]line, len(row))
		aligns := make([]Align, len(row))
		for i, c := range row {
			st := tstyle{face: regular, size: size}
			aligns[i] = Left
			if header {
				st.face, aligns[i] = bold, Center
			} else if numeric(c) {
				aligns[i] = Center
			}
			cells[i] = pw.breakLines([]srun{{c, st}}, max(widths[i]-2*cellPadX, 0.1), 0)
		}
		return cells, aligns
	}
	type laid struct {
		cells  [][]line
		aligns []Align
	}
	var header []laid
	headerH := 0.0
	for _, r := range t.Header {
		c, a := layout(r, true)
		header = append(header, laid{c, a})
		headerH += float64(maxLines(c))*lh + 2*cellPadY
	}
	// Repeat the header rows on each page unless they would take a
	// third of it.
	repeat := len(header) > 0 && headerH < (pw.limit-pw.top)/3
	var drawRow func(cells [][]line, aligns []Align, onNewPage func())
	drawHeader := func() {
		for _, h := range header {
			drawRow(h.cells, h.aligns, nil)
		}
	}
	drawRow = func(cells [][]line, aligns []Align, onNewPage func()) {
		n := maxLines(cells)
		newPage := func() {
			pw.newPage()
			if onNewPage != nil {
				onNewPage()
			}
		}
		for start := 0; start < n; {
			fit := int(math.Floor((pw.limit - pw.y - 2*cellPadY) / lh))
			fresh := pw.limit - pw.top - 2*cellPadY
			if onNewPage != nil && repeat {
				fresh -= headerH
			}
			perPage := max(int(math.Floor(fresh/lh)), 1)
			// A row that fits on a page is not split; a taller one fills
			// what is left of this page first.
			if fit < 1 || (start == 0 && n-start <= perPage && fit < n-start) {
				if pw.y > pw.top {
					newPage()
					continue
				}
				fit = max(fit, 1)
			}
			k := min(n-start, fit)
			h := float64(k)*lh + 2*cellPadY
			x := pw.left
			pw.f.SetLineWidth(0.2)
			for i, cell := range cells {
				pw.f.Rect(x, pw.y, widths[i], h, "D")
				for j := start; j < start+k && j < len(cell); j++ {
					pw.drawLine(cell[j], x+cellPadX, max(widths[i]-2*cellPadX, 0.1), pw.y+cellPadY+float64(j-start)*lh, lh, aligns[i])
				}
				x += widths[i]
			}
			pw.y += h
			start += k
			if start < n {
				newPage()
			}
		}
	}
	var again func()
	if repeat {
		again = drawHeader
	}
	drawHeader()
	for _, r := range t.Rows {
		c, a := layout(r, false)
		drawRow(c, a, again)
	}
}

func maxLines(cells [][]line) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// closing draws the signature on the right and the recipients on the
// left, both starting on the same line.
func (pw *pdfWriter) closing(p *page) {
	s := pw.s
	lh := singleLine(s.BodySize)
	sigH := float64(len(p.sigLines)+5) * lh
	pw.y += 6 * mmPerPt
	pw.ensure(sigH)
	lw := pw.width * closingLeftShare
	rx, rw := pw.left+lw, pw.width-lw
	y := pw.y
	for _, l := range p.sigLines {
		y = pw.column([]srun{{l, pw.st(bold)}}, rx, rw, y, Center)
	}
	y += 4 * lh
	if p.sigName != "" {
		y = pw.column([]srun{{p.sigName, pw.st(bold)}}, rx, rw, y, Center)
	}
	if len(p.recipients) > 0 {
		llh := singleLine(s.RecipientSize)
		pw.column([]srun{{RecipientsHeading, tstyle{face: bold, size: s.BodySize, underline: true}}}, pw.left, lw, pw.y, Left)
		ly := pw.y + lh
		for _, r := range p.recipients {
			for _, l := range pw.breakLines([]srun{{r, tstyle{face: regular, size: s.RecipientSize}}}, lw, 0) {
				if ly+llh > pw.limit {
					pw.newPage()
					ly, y = pw.top, pw.top
				}
				pw.drawLine(l, pw.left, lw, ly, llh, Left)
				ly += llh
			}
		}
		y = max(y, ly)
	}
	pw.y = y
}
