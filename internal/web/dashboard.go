package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// seriesStart is the first period dashboards chart.
var seriesStart = vntext.Period{Kind: vntext.Half, Year: 2015, Part: 1}

type keyCard struct {
	Indicator report.Indicator
	Value     string
	Previous  string
	Change    string // "+12,5%"
	Up, Down  bool
}

type chartBar struct {
	X, Y, W, H float64
	Label      string // period code, for the axis (every few bars)
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
	Unit   org.Unit
	Cells  []string
	values []float64
}

type sortLink struct {
	Label  string
	URL    string
	Active bool
	Desc   bool
}

type dashboardView struct {
	Page
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
	Progress     []report.Progress
	Behind       []report.Progress // not approved yet
	Counts       map[report.Status]int
	Statuses     []report.Status
	Query        string // the dashboard's parameters, for links
	Form         report.Form
	CanWrite     bool
}

func (h *reportHandlers) dashboard(w http.ResponseWriter, r *http.Request) {
	unitID, per, err := h.params(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, ok := h.allow(w, r, auth.PermRead, unitID)
	if !ok {
		return
	}
	ctx := r.Context()
	qs := r.URL.Query()
	v := dashboardView{Page: h.page(w, r, "report.dash.title"), Period: per, YearBefore: report.YearBefore(per),
		Periods: h.periodChoices(), Mapped: qs.Get("xem") == "nay", Submitted: qs.Get("gom") == "cho-duyet",
		Statuses: []report.Status{report.Missing, report.Draft, report.Returned, report.Submitted, report.Approved}}
	if v.Unit, err = h.org.Get(ctx, unitID, h.today()); err != nil {
		if v.Unit, err = h.org.Get(ctx, unitID, per.End()); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	v.Title = v.Unit.Name
	if v.CanWrite, err = h.auth.Can(ctx, p, auth.PermWrite, unitID); err != nil {
		h.fail(w, r, err)
		return
	}
	inds, err := h.store.Indicators(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var keys []report.Indicator
	for _, i := range inds {
		if i.Key {
			keys = append(keys, i)
		}
	}
	// The chart's indicator, chosen among all.
	chartInd := keys[0]
	code := qs.Get("chi-tieu")
	for _, i := range inds {
		if !i.Derived() || i.Key {
			v.ChartChoices = append(v.ChartChoices, i)
		}
		if i.Code == code {
			chartInd = i
		}
	}
	var ids []int64
	for _, k := range keys {
		ids = append(ids, k.ID)
	}
	q := report.Query{UnitID: unitID, Period: per, IncludeSubmitted: v.Submitted, Today: h.today(), Indicators: ids}
	if v.Mapped {
		q.View = report.Mapped
	}
	base := url.Values{"don-vi": {strconv.FormatInt(unitID, 10)}, "ky": {per.String()}}
	if v.Mapped {
		base.Set("xem", "nay")
	}
	if v.Submitted {
		base.Set("gom", "cho-duyet")
	}
	v.Query = base.Encode()

	// The key indicators for this period and the same period a year
	// before (one query), then the chart's indicator from 2015 (another).
	series, err := h.store.Series(ctx, q, v.YearBefore, per)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cq := q
	cq.Indicators = []int64{chartInd.ID}
	chartSeries, err := h.store.Series(ctx, cq, seriesStart, per)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	now, before := series[per.String()], series[v.YearBefore.String()]
	for _, ind := range keys {
		c := keyCard{Indicator: ind, Value: "—", Previous: "—"}
		f, okNow := now[ind.ID]
		b, okBefore := before[ind.ID]
		if okNow {
			c.Value = ind.Format(f.Value)
		}
		if okBefore {
			c.Previous = ind.Format(b.Value)
		}
		if okNow && okBefore {
			switch {
			case ind.Percent:
				d := f.Value - b.Value
				c.Change = signed(vntext.FormatNumber(d, 1)) + " điểm %"
				c.Up, c.Down = d > 0, d < 0
			case b.Value != 0:
				d := (f.Value - b.Value) / b.Value * 100
				c.Change = signed(vntext.FormatNumber(d, 1)) + "%"
				c.Up, c.Down = d > 0, d < 0
			}
		}
		v.Keys = append(v.Keys, c)
	}

	// The chart: one indicator over time.
	v.Chart = buildChart(chartInd, report.PeriodsBetween(seriesStart, per), chartSeries)

	// Sub-units, one query.
	byChild, err := h.store.RollupByChild(ctx, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	date := per.End()
	if v.Mapped {
		date = h.today()
	}
	children, err := h.org.Children(ctx, unitID, date)
	if err != nil {
		children = nil
	}
	sortBy, desc := qs.Get("sap-xep"), qs.Get("chieu") != "tang"
	col := -1
	for k, ind := range keys {
		if ind.Code == sortBy {
			col = k
		}
	}
	for _, c := range children {
		if c.Kind != org.Board && c.Kind != org.CommuneBloc {
			continue
		}
		row := childRow{Unit: c}
		t := byChild[c.ID]
		for _, ind := range keys {
			f, ok := t[ind.ID]
			row.values = append(row.values, f.Value)
			if ok {
				row.Cells = append(row.Cells, ind.Format(f.Value))
			} else {
				row.Cells = append(row.Cells, "—")
			}
		}
		v.Children = append(v.Children, row)
	}
	if col >= 0 {
		sort.SliceStable(v.Children, func(a, b int) bool {
			if desc {
				return v.Children[a].values[col] > v.Children[b].values[col]
			}
			return v.Children[a].values[col] < v.Children[b].values[col]
		})
	} else if sortBy == "ten" && desc {
		for i, j := 0, len(v.Children)-1; i < j; i, j = i+1, j-1 {
			v.Children[i], v.Children[j] = v.Children[j], v.Children[i]
		}
	}
	link := func(code string, active bool) sortLink {
		u := url.Values{}
		for k, vs := range base {
			u[k] = vs
		}
		u.Set("sap-xep", code)
		if active && desc {
			u.Set("chieu", "tang")
		}
		return sortLink{URL: "/bao-cao/tong-hop?" + u.Encode() + "#don-vi-truc-thuoc", Active: active, Desc: desc}
	}
	v.NameColumn = link("ten", sortBy == "ten")
	for k, ind := range keys {
		l := link(ind.Code, k == col)
		l.Label = ind.Name
		v.Columns = append(v.Columns, l)
	}

	// Completeness.
	if v.Form, err = h.store.FormFor(ctx, orgLevelBelow(v.Unit), per.Kind); err == nil {
		if v.Progress, err = h.store.Completeness(ctx, unitID, v.Form, per); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	v.Counts = report.Counts(v.Progress)
	for _, pr := range v.Progress {
		if pr.Status != report.Approved {
			v.Behind = append(v.Behind, pr)
		}
	}
	h.render(w, r, http.StatusOK, "report/dashboard", v)
}

// orgLevelBelow is a level that reports with the standard forms, to find
// the form whose completeness a dashboard shows.
func orgLevelBelow(org.Unit) org.Level { return org.Commune }

func signed(s string) string {
	if len(s) > 0 && s[0] != '-' && s != "0" {
		return "+" + s
	}
	return s
}

// buildChart lays out a bar chart of ind over periods (SVG user units).
func buildChart(ind report.Indicator, periods []vntext.Period, series map[string]report.Totals) chartView {
	c := chartView{Indicator: ind, Width: 640, Height: 240, Base: 200}
	maxV := 0.0
	for _, p := range periods {
		if f, ok := series[p.String()][ind.ID]; ok && f.Value > maxV {
			maxV = f.Value
		}
	}
	if maxV <= 0 {
		maxV = 1
	}
	n := len(periods)
	if n == 0 {
		return c
	}
	left, right := 8.0, 8.0
	slot := (float64(c.Width) - left - right) / float64(n)
	for i, p := range periods {
		f, ok := series[p.String()][ind.ID]
		b := chartBar{X: left + float64(i)*slot + slot*0.15, W: slot * 0.7}
		val := "—"
		if ok {
			b.H = f.Value / maxV * (c.Base - 32)
			val = ind.Format(f.Value)
		}
		b.Y = c.Base - b.H
		if p.Part == 1 && p.Year%2 == 1 {
			b.Label = strconv.Itoa(p.Year)
		}
		b.Title = p.Label() + ": " + val
		c.Bars = append(c.Bars, b)
		c.Rows = append(c.Rows, chartRow{Period: p, Value: val})
	}
	c.Max = ind.Format(maxV)
	for i, j := 0, len(c.Rows)-1; i < j; i, j = i+1, j-1 {
		c.Rows[i], c.Rows[j] = c.Rows[j], c.Rows[i]
	}
	return c
}
