package documentui

import (
	"strings"

	"github.com/danvan/danvan/internal/document"
)

// preview is a document laid out for a page: the same lines the DOCX
// and PDF carry, in HTML.
type preview struct {
	Motto, RecipientsHeading                                             string
	Superior, Issuer, Number, DateLine, TypeLine, Summary, LetterSummary string
	Blocks, Appendix                                                     []block
	SigLines                                                             []string
	SigName                                                              string
	Recipients                                                           []string
}

// block is one block of the body for a template.
type block struct {
	Kind     string // "h1", "h2", "h3", "p", "ol", "ul", "table", "break"
	Text     string
	Align    string // "", "left", "center", "right"
	Runs     []document.Run
	Items    []string
	Start    int
	Header   [][]string
	Rows     [][]string
	MoreRows int // rows left out of the preview
}

// previewRows bounds the rows of a table a preview shows.
const previewRows = 200

func previewOf(d *document.Document) preview {
	pv := preview{Motto: document.Motto, RecipientsHeading: document.RecipientsHeading, Superior: strings.ToUpper(d.Superior), Issuer: strings.ToUpper(d.Issuer), TypeLine: d.Type.Name(),
		SigLines: d.Signature.Lines(), SigName: d.Signature.Name}
	pv.Number = document.NumberLine(d.Number)
	if !d.Date.IsZero() || d.Place != "" {
		pv.DateLine = document.DateLine(d.Place, d.Date)
	}
	if d.Type == document.Letter {
		if d.Summary != "" {
			pv.LetterSummary = "V/v " + strings.TrimPrefix(d.Summary, "V/v ")
		}
	} else {
		pv.Summary = d.Summary
	}
	for i, r := range d.Recipients {
		line := "- " + strings.TrimRight(r, ",.;: ")
		if i == len(d.Recipients)-1 {
			line += "."
		} else {
			line += ","
		}
		pv.Recipients = append(pv.Recipients, line)
	}
	pv.Blocks, pv.Appendix = blocksOf(d.Body), blocksOf(d.Appendix)
	return pv
}

// blocksOf lays blocks out for a template.
func blocksOf(bs []document.Block) []block {
	var out []block
	for _, b := range bs {
		switch b := b.(type) {
		case document.Heading:
			kind := "h3"
			if b.Level == 1 {
				kind = "h1"
			} else if b.Level == 2 {
				kind = "h2"
			}
			out = append(out, block{Kind: kind, Text: b.Text})
		case document.Paragraph:
			align := map[document.Align]string{document.Left: "left", document.Center: "center", document.Right: "right"}[b.Align]
			out = append(out, block{Kind: "p", Runs: b.Runs, Align: align})
		case document.List:
			kind, start := "ul", 1
			if b.Numbered {
				kind = "ol"
				start = max(b.Start, 1)
			}
			out = append(out, block{Kind: kind, Items: b.Items, Start: start})
		case document.Table:
			t := block{Kind: "table", Header: b.Header, Rows: b.Rows}
			if len(t.Rows) > previewRows {
				t.MoreRows = len(t.Rows) - previewRows
				t.Rows = t.Rows[:previewRows]
			}
			out = append(out, t)
		case document.PageBreak:
			out = append(out, block{Kind: "break"})
		}
	}
	return out
}
