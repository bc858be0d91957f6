package kit

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/vntext"
)

// The period picker is the one control that asks for a period in words: a
// year, then the part of it ("cả năm", "6 tháng đầu năm", "quý II",
// "tháng 7"). It sends two fields, <name>-nam and <name>-phan, which
// Signed and Public join into the period code <name> (2026, 2026S1,
// 2026Q2, 202607) before the handler reads the form: handlers, links and
// the API keep reading codes, and a page without script needs none.
const (
	periodYearSuffix = "-nam"
	periodPartSuffix = "-phan"
)

// PeriodPicker is the view of one period picker.
type PeriodPicker struct {
	Name  string // the field the code goes to ("ky", "period")
	Label string // translated
	Year  int    // chosen year, 0 for none
	Part  string // chosen part: "" (whole year), "S1", "Q2", "07"
	Years []int  // newest first
	Parts []PeriodPart
	// Any offers "every period" (an empty year), for filters.
	Any bool
	// Stages are the several-year periods offered beside the years (a
	// picker of kind "all"): five-year stages, Party terms, ten years.
	// Chosen, the stage is the period and the part is not read.
	Stages []PeriodStage
	Stage  string // the chosen stage's code, "" for none
	// Other is a period as stored that the picker's years, stages and
	// parts cannot show (a code that does not read, an unusual stage): it
	// is offered as it is, chosen, so that nothing typed is lost.
	Other, OtherLabel string
}

// PeriodStage is one several-year period a picker offers.
type PeriodStage struct {
	Code, Label string
}

// stageSpans are the several-year periods boards review, as (first year
// - last year) of the stage ending in a year ending with 0 or 5: five-year
// stages ("giai đoạn 2021 – 2025", the socio-economic plans), Party terms
// ("nhiệm kỳ 2020 – 2025", counted from congress to congress) and ten
// years ("2010 – 2020").
var stageSpans = []int{4, 5, 10}

// PeriodPart is one choice of the part of a year.
type PeriodPart struct {
	Code, Label string
}

// periodParts lists the parts a picker of a kind offers: "half" (six
// months only, the reports' periods), "year", "year-half" (the whole year
// or a half: what a review report covers), or "all" (the whole year,
// halves, quarters and months).
func (k *Kit) periodParts(lang, kind string) []PeriodPart {
	c := k.Catalog
	half := []PeriodPart{{"S1", c.T(lang, "period.part.s1")}, {"S2", c.T(lang, "period.part.s2")}}
	switch kind {
	case "half":
		return half
	case "year-half":
		return append([]PeriodPart{{"", c.T(lang, "period.part.year")}}, half...)
	case "year":
		return []PeriodPart{{"", c.T(lang, "period.part.year")}}
	}
	out := append([]PeriodPart{{"", c.T(lang, "period.part.year")}}, half...)
	for q, roman := range []string{"I", "II", "III", "IV"} {
		out = append(out, PeriodPart{"Q" + strconv.Itoa(q+1), c.T(lang, "period.part.quarter", roman)})
	}
	for m := 1; m <= 12; m++ {
		out = append(out, PeriodPart{fmt.Sprintf("%02d", m), c.T(lang, "period.part.month", m)})
	}
	return out
}

// periodPicker builds a picker for the template function of the same
// name: {{template "period-picker" (periodPicker "ky" .Period "report.period" "any-all" 0)}}.
// kind is "half", "year", "year-half" or "all", prefixed "any-" for a filter that may
// be left empty; ahead is how many years after this one it offers
// (planning names future periods; reports do not).
func (k *Kit) periodPicker(lang, name, code, labelKey, kind string, ahead int) PeriodPicker {
	pp := PeriodPicker{Name: name, Label: k.Catalog.T(lang, labelKey)}
	kind, pp.Any = strings.CutPrefix(kind, "any-")
	pp.Parts = k.periodParts(lang, kind)
	this := k.Today().Year()
	if kind == "all" {
		pp.Stages = k.periodStages(lang, this, ahead)
	}
	p, err := vntext.ParsePeriod(strings.TrimSpace(code))
	if err == nil && p.Kind == vntext.Stage {
		for _, st := range pp.Stages {
			if st.Code == p.String() {
				pp.Stage = st.Code
			}
		}
	}
	switch {
	case pp.Stage != "":
		// shown by the stage chosen; no year, no part
	case err == nil && p.Kind != vntext.Stage:
		pp.Year = p.Year
		switch p.Kind {
		case vntext.Half:
			pp.Part = "S" + strconv.Itoa(p.Part)
		case vntext.Quarter:
			pp.Part = "Q" + strconv.Itoa(p.Part)
		case vntext.Month:
			pp.Part = fmt.Sprintf("%02d", p.Part)
		}
	case strings.TrimSpace(code) != "":
		code = strings.TrimSpace(code)
		pp.Other, pp.OtherLabel = code, code
		if err == nil {
			m := p.Message()
			pp.OtherLabel = k.Catalog.T(lang, m.Key, m.Args...)
		}
	}
	for y := this + ahead; y >= 2010; y-- {
		pp.Years = append(pp.Years, y)
	}
	if pp.Year != 0 && (pp.Year > this+ahead || pp.Year < 2010) {
		pp.Years = append([]int{pp.Year}, pp.Years...)
	}
	return pp
}

// periodStages lists the stages that end by this year (by the end of the
// coming five-year stage when the picker plans ahead) and began in 2010
// or after, latest end first.
func (k *Kit) periodStages(lang string, this, ahead int) []PeriodStage {
	last := this - this%5
	if ahead > 0 {
		last = this + ahead + (5-(this+ahead)%5)%5
	}
	var out []PeriodStage
	for end := last; end >= 2015; end -= 5 {
		for _, span := range stageSpans {
			if end-span < 2010 {
				continue
			}
			p := vntext.Period{Kind: vntext.Stage, Year: end - span, ToYear: end}
			m := p.Message()
			out = append(out, PeriodStage{Code: p.String(), Label: k.Catalog.T(lang, m.Key, m.Args...)})
		}
	}
	return out
}

// PeriodCode joins a picker's year and part into a period code ("" when
// no year is chosen); a stage chosen in place of a year ("2021-2025") is
// the code itself, whatever the part.
func PeriodCode(year, part string) string {
	year, part = strings.TrimSpace(year), strings.TrimSpace(part)
	if year == "" {
		return ""
	}
	if strings.Contains(year, "-") {
		return year
	}
	return year + part
}

// joinPeriods puts the code of every period picker the request carries
// into the picker's field, in the query (GET) or the posted form
// (URL-encoded; a multipart form has no picker and is left unread).
func joinPeriods(r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		if !strings.Contains(r.URL.RawQuery, periodYearSuffix+"=") {
			return
		}
		q := r.URL.Query()
		if joinInto(q) {
			r.URL.RawQuery = q.Encode()
			r.Form = nil
		}
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		return
	}
	if err := r.ParseForm(); err != nil {
		return // the handler meets the same error
	}
	if joinInto(r.PostForm) {
		for name, v := range r.PostForm {
			r.Form[name] = v
		}
	}
}

// joinInto sets name from name-nam and name-phan for every picker in v.
func joinInto(v map[string][]string) bool {
	changed := false
	for key, years := range v {
		name, ok := strings.CutSuffix(key, periodYearSuffix)
		if !ok || name == "" || len(years) == 0 {
			continue
		}
		var part string
		if p := v[name+periodPartSuffix]; len(p) > 0 {
			part = p[0]
		}
		v[name] = []string{PeriodCode(years[0], part)}
		changed = true
	}
	return changed
}
