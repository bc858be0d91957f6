package reportui

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/kit"
)

// The dashboard's long repeated parts (the table of the units below, the
// list of those behind, the chart's bars and numbers, the indicators that
// may be charted) are written here once per page into HTML, instead of
// by the template cell by cell: a template action costs a reflected call
// of its escaper for every value, and a province's dashboard has a
// thousand of them (issue 15: the template was half of the page's CPU
// time). The markup is the one the template wrote before, byte for byte
// (BenchmarkDashboardDump writes pages to compare), and every value is
// escaped as html/template escapes a string in text and in quoted
// attributes.

// escaper escapes a string as html/template's escapers of text, RCDATA
// and quoted attributes do (its htmlReplacementTable: '+' too).
var escaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// fragment writes HTML with every value escaped.
type fragment struct{ strings.Builder }

// raw writes markup as it is.
func (f *fragment) raw(s ...string) {
	for _, x := range s {
		f.WriteString(x)
	}
}

// text writes a value, escaped.
func (f *fragment) text(s string) { f.WriteString(escaper.Replace(s)) }

// number writes a coordinate as a template prints a float64 (fmt's %v).
func (f *fragment) number(x float64) { f.text(fmt.Sprint(x)) }

func (f *fragment) html() template.HTML { return template.HTML(f.String()) }

// childRowsHTML is the body of the table of the units below: each unit's
// name linking to its dashboard for the period, then its cells.
func childRowsHTML(rows []childRow, period string) template.HTML {
	var f fragment
	size := 0
	for _, c := range rows {
		size += 80 + len(c.Unit.Name) + 24*len(c.Cells)
	}
	f.Grow(size)
	// The link's query is kit.Query("don-vi", id, "ky", period): the
	// period's part is the same for every row.
	ky := escaper.Replace("&" + string(kit.Query("ky", period)))
	var id [20]byte
	for _, c := range rows {
		f.raw(`<tr><td><a href="/bao-cao/tong-hop?don-vi=`)
		f.Write(strconv.AppendInt(id[:0], c.Unit.ID, 10))
		f.raw(ky, `">`)
		f.text(c.Unit.Name)
		f.raw(`</a></td>`)
		for _, cell := range c.Cells {
			f.raw(`<td class="num">`)
			f.text(cell)
			f.raw(`</td>`)
		}
		f.raw(`</tr>`)
	}
	return f.html()
}

// behindHTML is the list of the units whose report is not approved yet:
// the status, and the unit's name linking to its report when there is
// one.
func (h *handlers) behindHTML(r *http.Request, behind []report.Progress) template.HTML {
	var f fragment
	f.Grow(len(behind) * 128)
	labels := map[report.Status]string{}
	for _, p := range behind {
		if p.Status == report.Approved {
			continue
		}
		label, ok := labels[p.Status]
		if !ok {
			label = escaper.Replace(h.T(r, "report.status."+string(p.Status)))
			labels[p.Status] = label
		}
		f.raw(`<li><span class="status status-`)
		f.text(string(p.Status))
		f.raw(`">`, label, "</span>\n  ")
		if p.ReportID != 0 {
			f.raw(`<a href="/bao-cao/`, strconv.FormatInt(p.ReportID, 10), `">`)
			f.text(p.Unit.Name)
			f.raw(`</a>`)
		} else {
			f.text(p.Unit.Name)
		}
		f.raw(`</li>`)
	}
	return f.html()
}

// barsHTML are the chart's bars, each with its tooltip and, every few
// bars, the year under it.
func barsHTML(c chartView) template.HTML {
	var f fragment
	f.Grow(len(c.Bars) * 192)
	for _, b := range c.Bars {
		f.raw(`<rect x="`)
		f.number(b.X)
		f.raw(`" y="`)
		f.number(b.Y)
		f.raw(`" width="`)
		f.number(b.W)
		f.raw(`" height="`)
		f.number(b.H)
		f.raw(`" class="bar"><title>`)
		f.text(b.Title)
		f.raw(`</title></rect>`)
		if b.Label != "" {
			f.raw(`<text x="`)
			f.number(b.X)
			f.raw(`" y="`)
			f.number(c.Base)
			f.raw(`" dy="24" class="axis-label">`)
			f.text(b.Label)
			f.raw(`</text>`)
		}
		f.raw("\n  ")
	}
	return f.html()
}

// chartRowsHTML is the body of the chart's table of numbers, latest
// period first.
func (h *handlers) chartRowsHTML(r *http.Request, rows []chartRow) template.HTML {
	var f fragment
	f.Grow(len(rows) * 80)
	for _, row := range rows {
		f.raw(`<tr><td>`)
		f.text(h.Text(r, row.Period.Message()))
		f.raw(`</td><td class="num">`)
		f.text(row.Value)
		f.raw(`</td></tr>`)
	}
	return f.html()
}

// chartChoicesHTML are the options of the indicators that may be
// charted, the charted one selected.
func chartChoicesHTML(r *http.Request, choices []report.Indicator, charted string) template.HTML {
	var f fragment
	lang := kit.Lang(r)
	size := 0
	for _, ind := range choices {
		size += 32 + len(ind.Code) + len(ind.LocalName(lang))
	}
	f.Grow(size)
	for _, ind := range choices {
		f.raw(`<option value="`)
		f.text(ind.Code)
		f.raw(`"`)
		if ind.Code == charted {
			f.raw(` selected`)
		}
		f.raw(`>`)
		f.text(ind.LocalName(lang))
		f.raw(`</option>`)
	}
	return f.html()
}

// dashboardHTML are the dashboard's repeated parts, written once (see
// above); the page's view embeds them.
type dashboardHTML struct {
	ChildRowsHTML, BehindHTML, BarsHTML, ChartRowsHTML, ChartChoicesHTML template.HTML
}

// drawRepeated writes the repeated parts of v.
func (h *handlers) drawRepeated(r *http.Request, v *dashboardView) dashboardHTML {
	return dashboardHTML{
		ChildRowsHTML:    childRowsHTML(v.Children, v.Period.String()),
		BehindHTML:       h.behindHTML(r, v.Behind),
		BarsHTML:         barsHTML(v.Chart),
		ChartRowsHTML:    h.chartRowsHTML(r, v.Chart.Rows),
		ChartChoicesHTML: chartChoicesHTML(r, v.ChartChoices, v.Chart.Indicator.Code),
	}
}
