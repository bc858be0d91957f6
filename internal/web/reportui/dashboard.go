package reportui

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// The dashboard page draws report.Dashboard: it formats the figures,
// lays out the chart and links the sortable columns; what is compared
// and how the units below are sorted is decided in package report.

type keyCard struct {
	Indicator report.Indicator
	Value     string
	Previous  string
	Change    string // "+12,5%", "-2 điểm %"
	Up, Down  bool
}

type chartBar struct {
	X, Y, W, H float64
	Label      string // the year, for the axis (every few bars)
	Title      string // period label and value, for the tooltip
}

type chartRow struct {
	Period vntext.Period
	Value  string
}

type chartView struct {
	Indicator report.Indicator
	Bars      []chartBar
	Rows      []chartRow
	Max       string
	Width     int
	Height    int
	Base      float64 // y of the axis
}

type childRow struct {
	Unit  org.Unit
	Cells []string
}

type sortLink struct {
	Label  string
	URL    string
	Active bool
	Desc   bool
}

type dashboardView struct {
	kit.Page
	// The repeated parts, written once (dashboard_html.go).
	dashboardHTML

	Unit         org.Unit
	Period       vntext.Period
	YearBefore   vntext.Period
	Periods      []vntext.Period
	Mapped       bool
	Submitted    bool
	Keys         []keyCard
	Chart        chartView
	ChartChoices []report.Indicator
	Columns      []sortLink
	NameColumn   sortLink
	Children     []childRow
	Behind       []report.Progress // not approved yet
	Counts       map[report.Status]int
	// Counted is how many units below have figures counted (approved, or
	// also submitted when asked), of Total; Partial says that some are
	// missing, so a change over the year would compare unlike with unlike
	// and is not shown.
	Counted, Total int
	Percent        int // Counted of Total, for the progress bar
	Partial        bool
	Current        bool // the period is still running
	Statuses       []report.Status
	ExportXLSX     string // the export links, with the dashboard's parameters
	ExportCSV      string
	Form           report.Form
	CanWrite       bool
	// Review links to drafting the unit's review report for the period,
	// for who may write its documents (package document decides); ""
	// for anyone else or a period no review is drafted for.
	Review, ReviewKey string
}

// The sort parameters of the page: ?sap-xep= a key indicator's code or
// "ten" (name); ?chieu=tang for ascending.
const (
	sortName  = "ten"
	ascending = "tang"
)

// dashboardQuery reads the dashboard's parameters (shared by the page
// and the API's translation of its own parameters).
func (h *handlers) dashboardQuery(r *http.Request) (report.DashboardQuery, error) {
	unitID, per, err := h.params(r)
	if err != nil {
		return report.DashboardQuery{}, err
	}
	qs := r.URL.Query()
	if strings.TrimSpace(qs.Get("ky")) == "" {
		// A period still running is partly reported: by default the
		// dashboard shows the last one that has ended.
		per = report.Previous(h.currentHalf())
	}
	q := report.DashboardQuery{UnitID: unitID, Period: per, IncludeSubmitted: qs.Get("gom") == "cho-duyet",
		Today: h.Today(), Chart: qs.Get("chi-tieu"), Sort: qs.Get("sap-xep"), Ascending: qs.Get("chieu") == ascending}
	if qs.Get("xem") == "nay" {
		q.View = report.Mapped
	}
	if q.Sort == sortName {
		q.Sort = report.SortByName
	}
	return q, nil
}

// The dashboard's body (everything below the header) is the same for
// every reader of one query who may do the same from it, so it is drawn
// once and kept (bodyKey) with the stamp of the kept dashboard it was
// drawn from (report.Dashboard.Stamp): when a write changes what the
// dashboard shows, on any server, the store computes it again under a
// new stamp and the body is drawn again. Each request draws only the
// page around it (the header with the reader's name, links and form
// token), and the body's compressed form is made once (kit.Kept): under
// 50 clients on the national demo the template and gzip were half of
// the server's CPU (issue 15). The store checks the reader's scope
// before anything kept is looked at.

// bodyKey is what a drawn body shows: the query as the page read it, the
// language, and the links the reader may follow from it.
type bodyKey struct {
	unit                int64
	period              vntext.Period
	view                report.View
	submitted           bool
	chart, sort, sortBy string
	ascending           bool
	today, lang         string
	canWrite            bool
	review, reviewKey   string
}

// maxBodies bounds the kept bodies (a province's is some tens of
// kilobytes, and its compressed form a fifth of that).
const maxBodies = 256

// dashboardPage is the page around a kept body.
type dashboardPage struct {
	kit.Page
	Body template.HTML
}

func (h *handlers) dashboard(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q, err := h.dashboardQuery(r)
	if err != nil {
		return err
	}
	d, err := h.store.Dashboard(r.Context(), p, q)
	if err != nil {
		return err
	}
	review, reviewKey, err := h.reviewLink(r, p, d.Unit.ID, d.Period)
	if err != nil {
		return err
	}
	lang := kit.Lang(r)
	key := bodyKey{unit: q.UnitID, period: q.Period, view: q.View, submitted: q.IncludeSubmitted, chart: q.Chart,
		sort: q.Sort, sortBy: r.URL.Query().Get("sap-xep"), ascending: q.Ascending, today: q.Today.Format(time.DateOnly),
		lang: lang, canWrite: d.CanWrite, review: review, reviewKey: reviewKey}
	body, ok := h.bodies.Get(key, d.Stamp)
	if !ok {
		v := h.dashboardBody(r, q, d)
		v.Review, v.ReviewKey = review, reviewKey
		var b bytes.Buffer
		if err := h.tmpl.Execute(&b, lang, "dashboard-body", v); err != nil {
			return err
		}
		body = kit.NewKept(b.Bytes())
		h.bodies.Put(key, d.Stamp, body)
	}
	pg := h.Page(w, r, "report.dash.title")
	pg.Title = d.Unit.Name
	h.tmpl.RenderKept(w, r, http.StatusOK, "dashboard", dashboardPage{Page: pg, Body: kit.KeptMark()}, body)
	return nil
}

// dashboardBody is the view of a dashboard's body.
func (h *handlers) dashboardBody(r *http.Request, q report.DashboardQuery, d report.Dashboard) dashboardView {
	v := dashboardView{Page: kit.Page{Lang: kit.Lang(r)}, Unit: d.Unit, Period: d.Period, YearBefore: d.YearBefore,
		Periods: h.periodChoices(), Mapped: q.View == report.Mapped, Submitted: q.IncludeSubmitted,
		Statuses: report.Statuses, ChartChoices: d.ChartChoices, Counts: d.Counts, Behind: d.Behind(), Form: d.Form,
		CanWrite: d.CanWrite}
	v.Total = len(d.Progress)
	v.Counted = d.Counts[report.Approved]
	if q.IncludeSubmitted {
		v.Counted += d.Counts[report.Submitted]
	}
	if v.Total > 0 {
		v.Percent = v.Counted * 100 / v.Total
	}
	v.Partial = v.Counted < v.Total
	v.Current = !h.Today().After(d.Period.End())
	for _, k := range d.Keys {
		c := h.keyCard(r, k)
		if v.Partial || v.Current {
			c.Change, c.Up, c.Down = "", false, false
		}
		v.Keys = append(v.Keys, c)
	}
	v.Chart = h.buildChart(r, d.Chart, d.Series)
	v.Children = make([]childRow, 0, len(d.Children))
	for _, c := range d.Children {
		row := childRow{Unit: c.Unit, Cells: make([]string, 0, len(c.Figures))}
		for k, f := range c.Figures {
			row.Cells = append(row.Cells, figure(d.Keys[k].Indicator, f))
		}
		v.Children = append(v.Children, row)
	}
	v.dashboardHTML = h.drawRepeated(r, &v)
	base := url.Values{"don-vi": {strconv.FormatInt(q.UnitID, 10)}, "ky": {q.Period.String()}}
	if v.Mapped {
		base.Set("xem", "nay")
	}
	if v.Submitted {
		base.Set("gom", "cho-duyet")
	}
	// The links are whole URLs: a query written after a literal "?" in a
	// template is escaped as one value ("don-vi%3d211%26ky…").
	v.ExportXLSX = "/bao-cao/xuat.xlsx?" + base.Encode()
	v.ExportCSV = "/bao-cao/xuat.csv?" + base.Encode()
	sortBy := r.URL.Query().Get("sap-xep")
	desc := !q.Ascending
	link := func(code string, active bool) sortLink {
		u := url.Values{}
		for k, vs := range base {
			u[k] = vs
		}
		u.Set("sap-xep", code)
		if active && desc {
			u.Set("chieu", ascending)
		}
		return sortLink{URL: "/bao-cao/tong-hop?" + u.Encode() + "#don-vi-truc-thuoc", Active: active, Desc: desc}
	}
	v.NameColumn = link(sortName, sortBy == sortName)
	for _, k := range d.Keys {
		l := link(k.Indicator.Code, k.Indicator.Code == sortBy)
		l.Label = k.Indicator.LocalName(kit.Lang(r))
		v.Columns = append(v.Columns, l)
	}
	return v
}

// reviewLink is the link to draft unit's review report of per (sơ kết of
// a half year, tổng kết of a year) and its label, or "" when p may not
// write the unit's documents or no review is drafted for per today.
func (h *handlers) reviewLink(r *http.Request, p *auth.Principal, unit int64, per vntext.Period) (href, key string, err error) {
	if !document.ReviewPeriod(per, h.Today()) {
		return "", "", nil
	}
	ok, err := h.docs.CanWrite(r.Context(), p, unit)
	if !ok || err != nil {
		return "", "", err
	}
	key = "report.dash.draft_review"
	if per.Kind == vntext.Year {
		key = "report.dash.draft_year_review"
	}
	return "/van-ban/soan?" + string(kit.Query("loai", string(document.KindReview), "don-vi", strconv.FormatInt(unit, 10), "ky", per.String())), key, nil
}

// figure writes a figure of ind, "—" when there is none.
func figure(ind report.Indicator, f report.Figure) string {
	if !f.Has {
		return "—"
	}
	return ind.Format(f.Value)
}

// keyCard formats a key figure and its change over the year.
func (h *handlers) keyCard(r *http.Request, k report.KeyFigure) keyCard {
	c := keyCard{Indicator: k.Indicator, Value: figure(k.Indicator, k.Now), Previous: figure(k.Indicator, k.Before)}
	if k.HasChange {
		c.Change = signed(vntext.FormatNumber(k.Change, 1))
		if k.Points {
			c.Change = h.T(r, "report.dash.points", c.Change)
		} else {
			c.Change += "%"
		}
		c.Up, c.Down = k.Change > 0, k.Change < 0
	}
	return c
}

func signed(s string) string {
	if len(s) > 0 && s[0] != '-' && s != "0" {
		return "+" + s
	}
	return s
}

// buildChart lays out a bar chart of ind over a series (SVG user units).
func (h *handlers) buildChart(r *http.Request, ind report.Indicator, series []report.Point) chartView {
	c := chartView{Indicator: ind, Width: 640, Height: 240, Base: 200}
	maxV := 0.0
	for _, pt := range series {
		if pt.Figure.Has && pt.Figure.Value > maxV {
			maxV = pt.Figure.Value
		}
	}
	if maxV <= 0 {
		maxV = 1
	}
	n := len(series)
	if n == 0 {
		return c
	}
	left, right := 8.0, 8.0
	slot := (float64(c.Width) - left - right) / float64(n)
	for i, pt := range series {
		b := chartBar{X: left + float64(i)*slot + slot*0.15, W: slot * 0.7}
		val := figure(ind, pt.Figure)
		if pt.Figure.Has {
			b.H = pt.Figure.Value / maxV * (c.Base - 32)
		}
		b.Y = c.Base - b.H
		if pt.Period.Part <= 1 && pt.Period.Year%2 == 1 {
			b.Label = strconv.Itoa(pt.Period.Year)
		}
		b.Title = h.Text(r, pt.Period.Message()) + ": " + val
		c.Bars = append(c.Bars, b)
		c.Rows = append(c.Rows, chartRow{Period: pt.Period, Value: val})
	}
	c.Max = ind.Format(maxV)
	for i, j := 0, len(c.Rows)-1; i < j; i, j = i+1, j-1 {
		c.Rows[i], c.Rows[j] = c.Rows[j], c.Rows[i]
	}
	return c
}
