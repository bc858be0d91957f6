package document

import (
	"math"
	"strconv"
	"strings"
)

// Motto is the title every Party document carries, top right.
const Motto = "ĐẢNG CỘNG SẢN VIỆT NAM"

// RecipientsHeading heads the list of recipients, bottom left.
const RecipientsHeading = "Nơi nhận:"

// Bounds that keep any input on the page: a table's columns (cells past
// the last join it); the runes of a header or signature line, which are
// set without page breaks; the letter's summary under its number; the
// recipients.
const (
	maxColumns       = 40
	maxLineRunes     = 300
	maxLetterSummary = 600
	maxRecipients    = 200
)

// capRunes cuts s to at most n runes, marking the cut with "…".
func capRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// page is a Document cleaned and arranged for the writers: both write
// exactly these lines, so the DOCX and the PDF say the same thing.
type page struct {
	superior, issuer string // capitals
	number           string // "Số 12-BC/BDVTU", or ""
	letterSummary    string // "V/v …" under the number of a letter
	dateLine         string
	typeLine         string // "BÁO CÁO", or "" for a letter
	summary          string // under the type line
	body             []Block
	appendix         []Block
	sigLines         []string // capitals: "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"
	sigName          string
	recipients       []string // "- Ban Dân vận Trung ương,", …, "- Lưu Văn phòng."
	title            string   // for the file's properties
}

// arrange cleans d into a page.
func arrange(d *Document) page {
	line := func(s string) string { return capRunes(cleanLine(s), maxLineRunes) }
	p := page{
		superior: upper(line(d.Superior)),
		issuer:   upper(line(d.Issuer)),
		dateLine: DateLine(line(d.Place), d.Date),
		typeLine: d.Type.Name(),
		sigName:  line(d.Signature.Name),
	}
	if n := line(d.Number); n != "" {
		p.number = "Số " + n
	}
	summary := cleanLine(d.Summary)
	if d.Type == Letter {
		if summary != "" {
			p.letterSummary = capRunes("V/v "+strings.TrimPrefix(summary, "V/v "), maxLetterSummary)
		}
	} else {
		p.summary = summary
	}
	if !d.Type.Valid() {
		p.typeLine = upper(line(string(d.Type)))
	}
	for _, l := range d.Signature.Lines() {
		if l = line(l); l != "" && l != "K/T" && l != "T/M" {
			p.sigLines = append(p.sigLines, l)
		}
	}
	p.recipients = recipientLines(d.Recipients)
	if len(p.recipients) > maxRecipients {
		p.recipients = p.recipients[:maxRecipients]
	}
	p.title = strings.TrimSpace(p.typeLine + " " + summary)
	for _, b := range d.Appendix {
		if b = cleanBlock(b); b != nil {
			p.appendix = append(p.appendix, b)
		}
	}
	if len(p.appendix) > 0 {
		if _, ok := p.appendix[0].(PageBreak); !ok {
			p.appendix = append([]Block{PageBreak{}}, p.appendix...)
		}
	}
	for _, b := range d.Body {
		if b = cleanBlock(b); b != nil {
			p.body = append(p.body, b)
		}
	}
	return p
}

// recipientLines writes the recipients as the rules list them: each on
// its line after a dash, ending with a comma, the last with a full stop.
func recipientLines(rs []string) []string {
	var out []string
	for _, r := range rs {
		r = strings.TrimLeft(capRunes(cleanLine(r), maxLineRunes), "-–•+ ")
		r = strings.TrimRight(r, ",.;: ")
		if r != "" {
			out = append(out, "- "+r+",")
		}
	}
	if n := len(out); n > 0 {
		out[n-1] = strings.TrimSuffix(out[n-1], ",") + "."
	}
	return out
}

// cleanBlock cleans the text of a block and gives a table a rectangular
// shape; it returns nil for a block with nothing to show.
func cleanBlock(b Block) Block {
	switch b := b.(type) {
	case Heading:
		b.Text = cleanLine(b.Text)
		b.Level = min(max(b.Level, 1), 3)
		if b.Text == "" {
			return nil
		}
		return b
	case *Heading:
		if b == nil {
			return nil
		}
		return cleanBlock(*b)
	case Paragraph:
		var runs []Run
		for _, r := range b.Runs {
			if r.Text = Clean(r.Text); r.Text != "" {
				runs = append(runs, r)
			}
		}
		if len(runs) == 0 {
			return nil
		}
		b.Runs = runs
		if b.Align < Justify || b.Align > Right {
			b.Align = Justify
		}
		return b
	case *Paragraph:
		if b == nil {
			return nil
		}
		return cleanBlock(*b)
	case List:
		var items []string
		for _, it := range b.Items {
			if it = Clean(it); strings.TrimSpace(it) != "" {
				items = append(items, it)
			}
		}
		if len(items) == 0 {
			return nil
		}
		b.Items = items
		if b.Start <= 0 || b.Start > 1_000_000 {
			b.Start = 1
		}
		return b
	case *List:
		if b == nil {
			return nil
		}
		return cleanBlock(*b)
	case Table:
		return cleanTable(b)
	case *Table:
		if b == nil {
			return nil
		}
		return cleanTable(*b)
	case PageBreak, *PageBreak:
		return PageBreak{}
	}
	return nil
}

func cleanTable(t Table) Block {
	cols := 0
	for _, r := range t.Header {
		cols = max(cols, len(r))
	}
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	cols = min(cols, maxColumns)
	shape := func(rows [][]string) [][]string {
		out := make([][]string, 0, len(rows))
		for _, r := range rows {
			row := make([]string, cols)
			for i, c := range r {
				c = Clean(c)
				if i < cols {
					row[i] = c
				} else if c != "" {
					row[cols-1] = strings.TrimSpace(row[cols-1] + " " + c)
				}
			}
			out = append(out, row)
		}
		return out
	}
	w := make([]float64, cols)
	sum := 0.0
	for i := range w {
		w[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 && !math.IsInf(t.Widths[i], 0) {
			w[i] = t.Widths[i]
		}
		sum += w[i]
	}
	for i := range w {
		// No column narrower than a twentieth of an even share.
		w[i] = max(w[i]/sum, 0.05/float64(cols))
	}
	sum = 0
	for _, v := range w {
		sum += v
	}
	for i := range w {
		w[i] /= sum
	}
	return Table{Header: shape(t.Header), Rows: shape(t.Rows), Widths: w}
}

// listLabel is the label of item i (0-based) of a list.
func listLabel(l List, i int) string {
	if l.Numbered {
		return strconv.Itoa(l.Start+i) + "."
	}
	return "-"
}

// headingStyle is how a heading of a level is set.
func headingStyle(level int) (bold, italic bool) { return true, level >= 3 }
