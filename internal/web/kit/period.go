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
	// Other is a period as stored that the picker's years and parts
	// cannot show (a stage "2010-2020", a code that does not read): it is
	// offered as it is, chosen, so that nothing typed is lost.
	Other, OtherLabel string
}

// PeriodPart is one choice of the part of a year.
type PeriodPart struct {
	Code, Label string
}

// periodParts lists the parts a picker of a kind offers: "half" (six
// months only, the reports' periods), "year", or "all" (the whole year,
// halves, quarters and months).
func (k *Kit) periodParts(lang, kind string) []PeriodPart {
	c := k.Catalog
	half := []PeriodPart{{"S1", c.T(lang, "period.part.s1")}, {"S2", c.T(lang, "period.part.s2")}}
	switch kind {
	case "half":
		return half
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
// kind is "half", "year" or "all", prefixed "any-" for a filter that may
// be left empty; ahead is how many years after this one it offers
// (planning names future periods; reports do not).
func (k *Kit) periodPicker(lang, name, code, labelKey, kind string, ahead int) PeriodPicker {
	pp := PeriodPicker{Name: name, Label: k.Catalog.T(lang, labelKey)}
	kind, pp.Any = strings.CutPrefix(kind, "any-")
	pp.Parts = k.periodParts(lang, kind)
	if p, err := vntext.ParsePeriod(strings.TrimSpace(code)); err == nil && p.Kind != vntext.Stage {
		pp.Year = p.Year
		switch p.Kind {
		case vntext.Half:
			pp.Part = "S" + strconv.Itoa(p.Part)
		case vntext.Quarter:
			pp.Part = "Q" + strconv.Itoa(p.Part)
		case vntext.Month:
			pp.Part = fmt.Sprintf("%02d", p.Part)
		}
	} else if code = strings.TrimSpace(code); code != "" {
		pp.Other, pp.OtherLabel = code, code
		if err == nil {
			m := p.Message()
			pp.OtherLabel = k.Catalog.T(lang, m.Key, m.Args...)
		}
		pp.Part = ""
	}
	this := k.Today().Year()
	for y := this + ahead; y >= 2010; y-- {
		pp.Years = append(pp.Years, y)
	}
	if pp.Year != 0 && (pp.Year > this+ahead || pp.Year < 2010) {
		pp.Years = append([]int{pp.Year}, pp.Years...)
	}
	return pp
}

// PeriodCode joins a picker's year and part into a period code ("" when
// no year is chosen).
func PeriodCode(year, part string) string {
	year, part = strings.TrimSpace(year), strings.TrimSpace(part)
	if year == "" {
		return ""
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
