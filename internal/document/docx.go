package document

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// The DOCX writer writes WordprocessingML (ECMA-376) itself with
// archive/zip: a document is one body, one style sheet and two small
// page headers, and writing them directly keeps every detail the rules
// ask for in hand (a borderless header table, a rule as long as the
// motto, page numbers from page 2) without a dependency. Element order
// inside the property elements follows the schema, which Word enforces.

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	// docxFont is the font the DOCX asks for; office machines have it,
	// and LibreOffice substitutes the metric-compatible Liberation Serif.
	docxFont = "Times New Roman"
)

// WriteDOCX writes d as a Word document to w with the page settings s.
// The output depends only on d and s (fixed zip times), so the same
// document gives the same bytes.
func WriteDOCX(w io.Writer, d *Document, s Settings) error {
	s = s.sane()
	p := arrange(d)
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !d.Date.IsZero() && d.Date.Year() >= 1980 && d.Date.Year() < 2100 {
		stamp = time.Date(d.Date.Year(), d.Date.Month(), d.Date.Day(), 0, 0, 0, 0, time.UTC)
	}
	z := zip.NewWriter(w)
	parts := []struct {
		name  string
		write func(*xw)
	}{
		{"[Content_Types].xml", func(x *xw) { x.raw(contentTypes) }},
		{"_rels/.rels", func(x *xw) { x.raw(packageRels) }},
		{"docProps/core.xml", func(x *xw) { writeCore(x, p) }},
		{"docProps/app.xml", func(x *xw) { x.raw(appProps) }},
		{"word/_rels/document.xml.rels", func(x *xw) { x.raw(documentRels) }},
		{"word/styles.xml", func(x *xw) { writeStyles(x, s) }},
		{"word/settings.xml", func(x *xw) { x.raw(settingsXML) }},
		{"word/header1.xml", func(x *xw) { writePageNumberHeader(x, s) }},
		{"word/header2.xml", func(x *xw) { x.raw(xmlDecl + `<w:hdr xmlns:w="` + nsW + `"><w:p/></w:hdr>`) }},
		{"word/document.xml", func(x *xw) { writeBody(x, &p, s) }},
	}
	for _, part := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return fmt.Errorf("document: docx %s: %w", part.name, err)
		}
		x := &xw{w: bufio.NewWriterSize(f, 32<<10)}
		part.write(x)
		if err := x.w.Flush(); err != nil {
			return fmt.Errorf("document: docx %s: %w", part.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("document: docx: %w", err)
	}
	return nil
}

// xw writes XML text; write errors surface at Flush.
type xw struct{ w *bufio.Writer }

func (x *xw) raw(s string) { _, _ = x.w.WriteString(s) }

// text writes s escaped for element content.
func (x *xw) text(s string) { _ = xml.EscapeText(x.w, []byte(s)) }

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypes = xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
	`</Relationships>`

const appProps = xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>danvan</Application></Properties>`

const settingsXML = xmlDecl + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

func writeCore(x *xw, p page) {
	x.raw(xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	x.text(p.title)
	x.raw(`</dc:title><dc:creator>`)
	x.text(p.issuer)
	x.raw(`</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`)
}

// Units: twips (1/20 pt) for lengths, half-points for font sizes.
func twips(mm float64) int      { return int(math.Round(mm / 25.4 * 1440)) }
func ptTwips(pt float64) int    { return int(math.Round(pt * 20)) }
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

func writeStyles(x *xw, s Settings) {
	sz := strconv.Itoa(halfPoints(s.BodySize))
	x.raw(xmlDecl + `<w:styles xmlns:w="` + nsW + `"><w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="` + docxFont + `" w:hAnsi="` + docxFont + `" w:eastAsia="` + docxFont + `" w:cs="` + docxFont + `"/>` +
		`<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>` +
		`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`)
}

// writePageNumberHeader is the header of every page but the first: the
// page number, centred.
func writePageNumberHeader(x *xw, s Settings) {
	sz := strconv.Itoa(halfPoints(s.BodySize))
	run := func(inner string) string { return `<w:r><w:rPr><w:sz w:val="` + sz + `"/></w:rPr>` + inner + `</w:r>` }
	x.raw(xmlDecl + `<w:hdr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>` +
		run(`<w:fldChar w:fldCharType="begin"/>`) + run(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) +
		run(`<w:fldChar w:fldCharType="separate"/>`) + run(`<w:t>2</w:t>`) + run(`<w:fldChar w:fldCharType="end"/>`) +
		`</w:p></w:hdr>`)
}

// para describes one paragraph's properties.
type para struct {
	align        Align
	firstLine    int // twips
	before       int // twips
	after        int // twips
	line         int // line spacing in 240ths of a line; 0 for single
	keepNext     bool
	outline      int    // outline level + 1 for headings; 0 for none
	borderBottom bool   // a rule under the paragraph
	indLeft      int    // twips
	indRight     int    // twips
	size         int    // half-points for the paragraph mark; 0 for the default
	style        string // "" or a style id
}

// run describes one run of text.
type run struct {
	text                    string
	bold, italic, underline bool
	size                    int // half-points; 0 for the default
}

func (x *xw) para(p para, runs ...run) {
	x.raw(`<w:p><w:pPr>`)
	if p.style != "" {
		x.raw(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		x.raw(`<w:keepNext/>`)
	}
	if p.borderBottom {
		x.raw(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	x.raw(`<w:spacing w:before="` + strconv.Itoa(p.before) + `" w:after="` + strconv.Itoa(p.after) + `"`)
	if p.line > 0 {
		x.raw(` w:line="` + strconv.Itoa(p.line) + `" w:lineRule="auto"`)
	}
	x.raw(`/>`)
	if p.firstLine != 0 || p.indLeft != 0 || p.indRight != 0 {
		x.raw(`<w:ind w:left="` + strconv.Itoa(p.indLeft) + `" w:right="` + strconv.Itoa(p.indRight) + `" w:firstLine="` + strconv.Itoa(p.firstLine) + `"/>`)
	}
	x.raw(`<w:jc w:val="` + [...]string{"both", "left", "center", "right"}[p.align] + `"/>`)
	if p.outline > 0 {
		x.raw(`<w:outlineLvl w:val="` + strconv.Itoa(p.outline-1) + `"/>`)
	}
	if p.size > 0 {
		x.raw(`<w:rPr><w:sz w:val="` + strconv.Itoa(p.size) + `"/><w:szCs w:val="` + strconv.Itoa(p.size) + `"/></w:rPr>`)
	}
	x.raw(`</w:pPr>`)
	for _, r := range runs {
		x.run(r)
	}
	x.raw(`</w:p>`)
}

func (x *xw) run(r run) {
	if r.text == "" {
		return
	}
	props := ""
	if r.bold {
		props += `<w:b/><w:bCs/>`
	}
	if r.italic {
		props += `<w:i/><w:iCs/>`
	}
	if r.size > 0 {
		v := strconv.Itoa(r.size)
		props += `<w:sz w:val="` + v + `"/><w:szCs w:val="` + v + `"/>`
	}
	if r.underline {
		props += `<w:u w:val="single"/>`
	}
	x.raw(`<w:r>`)
	if props != "" {
		x.raw(`<w:rPr>` + props + `</w:rPr>`)
	}
	for i, line := range strings.Split(r.text, "\n") {
		if i > 0 {
			x.raw(`<w:br/>`)
		}
		if line == "" {
			continue
		}
		x.raw(`<w:t xml:space="preserve">`)
		x.text(line)
		x.raw(`</w:t>`)
	}
	x.raw(`</w:r>`)
}

// table properties shared by the layout tables and the body's tables.
func (x *xw) tableStart(widths []int, borders bool) {
	total := 0
	for _, w := range widths {
		total += w
	}
	x.raw(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		if borders {
			x.raw(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		} else {
			x.raw(`<w:` + side + ` w:val="nil"/>`)
		}
	}
	x.raw(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	if !borders {
		x.raw(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	x.raw(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		x.raw(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	x.raw(`</w:tblGrid>`)
}

func (x *xw) cellStart(width int) {
	x.raw(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/></w:tcPr>`)
}

// splitWidth divides total twips by shares, the last column taking the
// rounding.
func splitWidth(total int, shares ...float64) []int {
	out := make([]int, len(shares))
	used := 0
	for i, sh := range shares {
		if i == len(shares)-1 {
			out[i] = total - used
			break
		}
		out[i] = int(math.Round(float64(total) * sh))
		used += out[i]
	}
	return out
}

func writeBody(x *xw, p *page, s Settings) {
	x.raw(xmlDecl + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	body := halfPoints(s.BodySize)
	total := twips(s.textWidth())
	line := int(math.Round(240 * s.LineSpacing))
	center := para{align: Center}

	// Header: two columns, no borders.
	cols := splitWidth(total, headerLeftShare, 1-headerLeftShare)
	x.tableStart(cols, false)
	x.raw(`<w:tr>`)
	x.cellStart(cols[0])
	if p.superior != "" {
		x.para(center, run{text: p.superior})
	}
	x.para(center, run{text: p.issuer, bold: true})
	x.para(center, run{text: "*"})
	if p.number != "" {
		x.para(center, run{text: p.number})
	}
	if p.letterSummary != "" {
		x.para(para{align: Center, before: 60}, run{text: p.letterSummary, italic: true, size: halfPoints(s.RecipientSize)})
	}
	x.raw(`</w:tc>`)
	x.cellStart(cols[1])
	// The rule under the motto is as long as the motto: a bottom border
	// on a paragraph indented to the motto's width (Liberation Serif Bold
	// has Times New Roman's metrics, so the width is Word's too).
	mottoW := ptTwips(metricsOf(bold).width(Motto, s.MottoSize)) + 40
	ind := max((cols[1]-mottoW)/2, 0)
	x.para(para{align: Center, borderBottom: true, indLeft: ind, indRight: ind},
		run{text: Motto, bold: true, size: halfPoints(s.MottoSize)})
	x.para(para{align: Center, before: 120}, run{text: p.dateLine, italic: true})
	x.raw(`</w:tc></w:tr></w:tbl>`)

	// Type line and summary.
	if p.typeLine != "" {
		x.para(para{align: Center, before: 240, keepNext: true}, run{text: p.typeLine, bold: true, size: halfPoints(s.TypeSize)})
		if p.summary != "" {
			x.para(para{align: Center, keepNext: true}, run{text: p.summary, bold: true})
		}
		x.para(para{align: Center, after: 240}, run{text: "-----"})
	} else {
		x.para(para{after: 240})
	}

	firstLine := twips(s.FirstLineIndent)
	after := ptTwips(s.ParagraphSpacing)
	writeBlocks := func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case Heading:
				bd, it := headingStyle(b.Level)
				x.para(para{firstLine: firstLine, after: after, line: line, keepNext: true, outline: b.Level},
					run{text: b.Text, bold: bd, italic: it})
			case Paragraph:
				pp := para{align: b.Align, after: after, line: line}
				if b.Align == Justify {
					pp.firstLine = firstLine
				}
				runs := make([]run, len(b.Runs))
				for i, r := range b.Runs {
					runs[i] = run{text: r.Text, bold: r.Bold, italic: r.Italic}
				}
				x.para(pp, runs...)
			case List:
				for i, it := range b.Items {
					x.para(para{firstLine: firstLine, after: after, line: line}, run{text: listLabel(b, i) + " " + it})
				}
			case Table:
				x.table(b, total, s)
			case PageBreak:
				x.raw(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
			}
		}
	}
	writeBlocks(p.body)

	// Closing: recipients left, signature right, no borders.
	cols = splitWidth(total, closingLeftShare, 1-closingLeftShare)
	x.para(para{after: 120})
	x.tableStart(cols, false)
	x.raw(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	x.cellStart(cols[0])
	if len(p.recipients) > 0 {
		x.para(para{align: Left, keepNext: true}, run{text: RecipientsHeading, underline: true, bold: true})
		for _, r := range p.recipients {
			x.para(para{align: Left, keepNext: true}, run{text: r, size: halfPoints(s.RecipientSize)})
		}
	} else {
		x.para(para{align: Left})
	}
	x.raw(`</w:tc>`)
	x.cellStart(cols[1])
	for _, l := range p.sigLines {
		x.para(para{align: Center, keepNext: true}, run{text: l, bold: true})
	}
	for range 4 {
		x.para(para{align: Center, keepNext: true, size: body})
	}
	x.para(para{align: Center}, run{text: p.sigName, bold: true})
	x.raw(`</w:tc></w:tr></w:tbl>`)
	writeBlocks(p.appendix)
	// Word ends a body with a paragraph: a 1 pt one, so that it never
	// spills onto a page of its own.
	x.raw(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`)

	// The section: A4 portrait, the margins, the page number header from
	// page 2 (titlePg gives the first page its own, empty header), the
	// header halfway down the top margin.
	x.raw(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>` +
		`<w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="` + strconv.Itoa(twips(s.Top)) + `" w:right="` + strconv.Itoa(twips(s.Right)) +
		`" w:bottom="` + strconv.Itoa(twips(s.Bottom)) + `" w:left="` + strconv.Itoa(twips(s.Left)) +
		`" w:header="` + strconv.Itoa(twips(s.Top/2-s.BodySize*mmPerPt/2)) + `" w:footer="` + strconv.Itoa(twips(s.Bottom/2)) + `" w:gutter="0"/>` +
		`<w:titlePg/></w:sectPr></w:body></w:document>`)
}

// table writes a body table with borders; header rows repeat on every
// page.
func (x *xw) table(t Table, total int, s Settings) {
	widths := splitWidth(total, t.Widths...)
	x.tableStart(widths, true)
	size := halfPoints(s.TableSize)
	row := func(cells []string, header bool) {
		x.raw(`<w:tr>`)
		if header {
			x.raw(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for i, c := range cells {
			x.cellStart(widths[i])
			align := Left
			if header || numeric(c) {
				align = Center
			}
			x.para(para{align: align, before: 20, after: 20, size: size}, run{text: c, bold: header, size: size})
			x.raw(`</w:tc>`)
		}
		x.raw(`</w:tr>`)
	}
	for _, r := range t.Header {
		row(r, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	x.raw(`</w:tbl>`)
	x.para(para{after: ptTwips(s.ParagraphSpacing)})
}

// numeric reports whether a cell holds a figure ("5.112", "12,5%",
// "-3"), which tables centre.
func numeric(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune(".,%+- ", r):
		default:
			return false
		}
	}
	return digits
}
