// Package report holds periodic reporting: indicators (chỉ tiêu), report
// forms (mẫu báo cáo), reports — one unit's filled form for one period —
// with their workflow, the live roll-up of their values over the unit
// hierarchy and the dashboard built on it.
//
// # Where things are
//
//	report.go        the types: indicators, forms, reports, values, statuses
//	period.go        period arithmetic (previous, next, the year before)
//	value.go         reading typed values and checking ratios
//	messages.go      every label and error message, in both languages
//	store.go         the Store and who may do what (read, write, decide)
//	indicators.go    the indicator catalogue (SQL)
//	forms.go         report forms (SQL)
//	reports.go       reading reports and the entry page's data
//	workflow.go      save, submit, approve, return
//	notifications.go what the workflow leaves for whoever acts next
//	rollup.go        the roll-up query (as reported, or mapped onto today)
//	progress.go      completeness: which units have reported
//	dashboard.go     the dashboard: key figures against the year before,
//	                 the chart's series, the units below, sorted
//	table.go         the value table as a file: XLSX and CSV in and out
//	import.go        the value table of a unit, and uploading one back
//	load.go          bulk loading of history (demo, tests)
//	catalog.go       the standard indicators and forms
//
// # Workflow
//
//	draft ──submit──▶ submitted ──approve──▶ approved
//	  ▲                   │
//	  └──── returned ◀──return (with a comment)
//
// An officer of the unit (any grant carrying auth.PermWrite that covers
// it) saves drafts and submits; a leader of the unit directly above
// (a grant carrying auth.PermApprove on exactly that parent unit) approves
// or returns. Nobody decides on their own unit's report: a grant on the
// reporting unit itself never suffices. A returned report is edited again
// and resubmitted. Every step is audited and leaves a notification for
// whoever acts next. Every save carries the version the editor started
// from; a stale one is refused (apperr.CodeConflict) and changes nothing.
//
// # Who may read
//
// Every method that reads a unit's reports or figures takes the acting
// *auth.Principal and checks auth.PermRead on the unit itself; the
// indicator catalogue and the forms are public.
//
// # Roll-up
//
// Totals are computed live from the value rows by one SQL query per
// request; nothing is precomputed. Each indicator aggregates its own way
// (sum, average, min, max, last value, ratio of two indicators). A past
// period can be read as reported — each report counted under the
// ancestors its unit had on the last day of the report's period, through
// the closure table — or mapped onto today's units, following successor
// links backwards from today's subtree (a split passes its shares).
//
// # Text
//
// The package produces no finished sentences: errors are apperr errors
// with catalog keys, labels are i18n.Messages, notifications are stored as
// a key and its arguments; Messages holds the texts in both languages.
package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Aggregation says how an indicator's values combine over units and
// sub-periods.
type Aggregation string

// The aggregations.
const (
	Sum     Aggregation = "sum"     // tổng
	Average Aggregation = "average" // bình quân (weighted by split shares)
	Min     Aggregation = "min"     // nhỏ nhất
	Max     Aggregation = "max"     // lớn nhất
	Last    Aggregation = "last"    // số liệu cuối kỳ: each unit's latest value, summed over units
	Ratio   Aggregation = "ratio"   // tỷ lệ giữa hai chỉ tiêu: numerator / denominator
)

// Aggregations lists every aggregation.
var Aggregations = []Aggregation{Sum, Average, Min, Max, Last, Ratio}

// Valid reports whether a is a known aggregation.
func (a Aggregation) Valid() bool { return slices.Contains(Aggregations, a) }

// Message is the aggregation's name ("report.agg.<code>").
func (a Aggregation) Message() i18n.Message { return i18n.M("report.agg." + string(a)) }

// Fields are the codes of the fields (lĩnh vực) an indicator belongs to,
// in display order; their names are "report.field.<code>".
var Fields = []string{"general", "economy", "culture_society", "defence_security", "party_building",
	"government_building", "ethnic_religion"}

// FieldMessage is the name of a field code.
func FieldMessage(code string) i18n.Message { return i18n.M("report.field." + code) }

// BreakdownOrganization breaks an indicator down by the Fatherland Front
// and the socio-political organizations.
const BreakdownOrganization = "organization"

// OrganizationParts are the keys of the organization breakdown (the
// org.Kind values), in order; their short names are "report.part.<key>".
var OrganizationParts = []string{"fatherland_front", "womens_union", "farmers_union", "veterans", "youth_union"}

// PartMessage is the short name of a breakdown key.
func PartMessage(key string) i18n.Message { return i18n.M("report.part." + key) }

// Indicator is a counted result that units report each period.
type Indicator struct {
	ID            int64
	Code          string
	Name          string
	Measure       string // unit of measure: "vụ việc", "người", "đồng", "%"
	NameEN        string // the name in English ("" when none was given)
	MeasureEN     string // the unit of measure in English
	Field         string
	Aggregation   Aggregation
	NumeratorID   int64 // for Ratio
	DenominatorID int64 // for Ratio
	Percent       bool  // a percentage, 0–100 (ratios: x 100)
	Integral      bool  // whole numbers only (counts)
	Breakdown     string
	Levels        []string // unit levels that report it
	Key           bool     // shown first on dashboards
	Position      int
	ValidFrom     time.Time
	ValidTo       time.Time // zero while valid
}

// LocalName is the indicator's name in lang: English when it has one and
// lang is English, else Vietnamese.
func (i Indicator) LocalName(lang string) string { return i.Label().In(lang) }

// LocalMeasure is the unit of measure in lang, as LocalName.
func (i Indicator) LocalMeasure(lang string) string {
	return i18n.Text{i.Measure, i.MeasureEN}.In(lang)
}

// Derived reports whether the indicator is computed from others (a ratio)
// rather than entered.
func (i Indicator) Derived() bool { return i.Aggregation == Ratio }

// Parts returns the breakdown keys of the indicator, nil without one.
func (i Indicator) Parts() []string {
	if i.Breakdown != BreakdownOrganization {
		return nil
	}
	return slices.Clone(OrganizationParts)
}

// Keys returns the value keys of an entered indicator: one per breakdown
// part, or one without a part.
func (i Indicator) Keys() []Key {
	parts := i.Parts()
	if parts == nil {
		return []Key{{IndicatorID: i.ID}}
	}
	keys := make([]Key, len(parts))
	for k, p := range parts {
		keys[k] = Key{IndicatorID: i.ID, Part: p}
	}
	return keys
}

// ReportedBy reports whether units of level report the indicator.
func (i Indicator) ReportedBy(level string) bool { return slices.Contains(i.Levels, level) }

// ValidIn reports whether the indicator is valid at some time in p.
func (i Indicator) ValidIn(p vntext.Period) bool {
	if i.ValidFrom.After(p.End()) {
		return false
	}
	return i.ValidTo.IsZero() || !i.ValidTo.Before(p.Start())
}

// Format writes a value of the indicator the Vietnamese way (the
// product writes numbers so in both languages).
func (i Indicator) Format(v float64) string {
	if i.Integral && !i.Percent && !i.Derived() && v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return vntext.FormatInt(int64(v))
	}
	s := vntext.FormatNumber(v, 1)
	s = strings.TrimSuffix(s, ",0")
	if i.Percent {
		s += "%"
	}
	return s
}

// Sections are the codes of the narrative sections a form may have, in
// order; their titles are "report.section.<code>".
var Sections = []string{"results", "limitations", "causes", "tasks"}

// SectionMessage is the title of a narrative section.
func SectionMessage(code string) i18n.Message { return i18n.M("report.section." + code) }

// Form is a report form: which indicators and narrative sections a
// report for one kind of period has.
type Form struct {
	ID         int64
	Code       string
	Name       string
	NameEN     string // the name in English ("" when none was given)
	PeriodKind vntext.PeriodKind
	Sections   []string
	Levels     []string
	Indicators []Indicator // in form order
	ValidFrom  time.Time
	ValidTo    time.Time
}

// LocalName is the form's name in lang (see Indicator.LocalName).
func (f Form) LocalName(lang string) string { return i18n.Text{f.Name, f.NameEN}.In(lang) }

// For returns the form's indicators that a unit of level reports and that
// are valid in p, in form order.
func (f Form) For(level string, p vntext.Period) []Indicator {
	var out []Indicator
	for _, ind := range f.Indicators {
		if ind.ReportedBy(level) && ind.ValidIn(p) {
			out = append(out, ind)
		}
	}
	return out
}

// Status is where a report is in its workflow.
type Status string

// The statuses.
const (
	Draft     Status = "draft"
	Submitted Status = "submitted"
	Approved  Status = "approved"
	Returned  Status = "returned"
	// Missing is no status of a stored report: the completeness list uses
	// it for a unit that has not started its report.
	Missing Status = "missing"
)

// Statuses lists the statuses from the furthest behind to done.
var Statuses = []Status{Missing, Draft, Returned, Submitted, Approved}

// Message is the status's name ("report.status.<code>").
func (s Status) Message() i18n.Message { return i18n.M("report.status." + string(s)) }

// Editable reports whether an officer may change a report in status s.
func (s Status) Editable() bool { return s == Draft || s == Returned }

// KindMessage is the name of a kind of period ("report.kind.half").
func KindMessage(k vntext.PeriodKind) i18n.Message { return i18n.M("report.kind." + k.String()) }

// Report is one unit's filled form for one period.
type Report struct {
	ID          int64
	FormID      int64
	UnitID      int64
	Period      vntext.Period
	Status      Status
	Version     int64
	Narrative   map[string]string // section code -> text
	Comment     string            // the leader's comment when returned
	SubmittedAt time.Time
	SubmittedBy int64
	DecidedAt   time.Time
	DecidedBy   int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Values      Values
}

// Key identifies one value of a report: an indicator and a breakdown key
// ("" without breakdown).
type Key struct {
	IndicatorID int64
	Part        string
}

// Values are a report's figures.
type Values map[Key]float64

// Get returns the value of indicator id without breakdown (or the sum of
// its parts) and whether there is one.
func (vs Values) Get(ind Indicator) (float64, bool) {
	if parts := ind.Parts(); parts != nil {
		var sum float64
		found := false
		for _, p := range parts {
			if v, ok := vs[Key{ind.ID, p}]; ok {
				sum += v
				found = true
			}
		}
		return sum, found
	}
	v, ok := vs[Key{ind.ID, ""}]
	return v, ok
}

// Input is what an officer types into a report: each value as text (the
// Vietnamese way, "5.112", "85,5%"), keyed by indicator and part, and the
// narrative. Empty text means no value yet.
type Input struct {
	Version   int64
	Values    map[Key]string
	Narrative map[string]string
}

// FieldName is the form field (and error field) of a value.
func FieldName(k Key) string {
	if k.Part == "" {
		return fmt.Sprintf("v%d", k.IndicatorID)
	}
	return fmt.Sprintf("v%d_%s", k.IndicatorID, k.Part)
}

// ValueLabel names a value in messages: the indicator's name, with the
// breakdown part's name after it.
func ValueLabel(ind Indicator, part string) any {
	if part == "" {
		return ind.Label()
	}
	return i18n.M("report.value.part", ind.Label(), PartMessage(part))
}

// Label is the indicator's name in both languages, for messages.
func (i Indicator) Label() i18n.Text { return i18n.Text{i.Name, i.NameEN} }
