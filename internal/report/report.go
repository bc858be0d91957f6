// Package report holds periodic reporting: indicators (chỉ tiêu), report
// forms (mẫu báo cáo), reports — one unit's filled form for one period —
// with their workflow, and the live roll-up of their values over the unit
// hierarchy.
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
// or returns. A returned report is edited again and resubmitted. Every
// step is audited and leaves a notification for whoever acts next. Every
// save carries the version the editor started from; a stale one is
// refused (apperr.CodeConflict) and changes nothing.
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
package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
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

// Valid reports whether a is a known aggregation.
func (a Aggregation) Valid() bool {
	switch a {
	case Sum, Average, Min, Max, Last, Ratio:
		return true
	}
	return false
}

// Label is the aggregation's Vietnamese name.
func (a Aggregation) Label() string {
	switch a {
	case Sum:
		return "Cộng dồn"
	case Average:
		return "Bình quân"
	case Min:
		return "Nhỏ nhất"
	case Max:
		return "Lớn nhất"
	case Last:
		return "Số cuối kỳ"
	case Ratio:
		return "Tỷ lệ"
	}
	return string(a)
}

// Fields are the fields (lĩnh vực) an indicator belongs to, in display
// order, with their Vietnamese names.
var Fields = []struct{ Code, Label string }{
	{"general", "Công tác dân vận chung"},
	{"economy", "Kinh tế"},
	{"culture_society", "Văn hóa – xã hội"},
	{"defence_security", "Quốc phòng – an ninh"},
	{"party_building", "Xây dựng Đảng"},
	{"government_building", "Xây dựng chính quyền"},
	{"ethnic_religion", "Dân tộc, tôn giáo"},
}

// FieldLabel returns the Vietnamese name of a field code.
func FieldLabel(code string) string {
	for _, f := range Fields {
		if f.Code == code {
			return f.Label
		}
	}
	return code
}

// BreakdownOrganization breaks an indicator down by the Fatherland Front
// and the socio-political organizations.
const BreakdownOrganization = "organization"

// OrganizationParts are the keys of the organization breakdown (the
// org.Kind values) with their short Vietnamese names.
var OrganizationParts = []struct{ Key, Label string }{
	{"fatherland_front", "MTTQ"},
	{"womens_union", "Hội Phụ nữ"},
	{"farmers_union", "Hội Nông dân"},
	{"veterans", "Cựu chiến binh"},
	{"youth_union", "Đoàn Thanh niên"},
}

// PartLabel returns the short name of a breakdown key.
func PartLabel(key string) string {
	for _, p := range OrganizationParts {
		if p.Key == key {
			return p.Label
		}
	}
	return key
}

// Indicator is a counted result that units report each period.
type Indicator struct {
	ID            int64
	Code          string
	Name          string
	Measure       string // unit of measure: "vụ việc", "người", "đồng", "%"
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

// Derived reports whether the indicator is computed from others (a ratio)
// rather than entered.
func (i Indicator) Derived() bool { return i.Aggregation == Ratio }

// Parts returns the breakdown keys of the indicator, nil without one.
func (i Indicator) Parts() []string {
	if i.Breakdown != BreakdownOrganization {
		return nil
	}
	out := make([]string, len(OrganizationParts))
	for k, p := range OrganizationParts {
		out[k] = p.Key
	}
	return out
}

// ReportedBy reports whether units of level reports the indicator.
func (i Indicator) ReportedBy(level string) bool {
	for _, l := range i.Levels {
		if l == level {
			return true
		}
	}
	return false
}

// ValidIn reports whether the indicator is valid at some time in p.
func (i Indicator) ValidIn(p vntext.Period) bool {
	if i.ValidFrom.After(p.End()) {
		return false
	}
	return i.ValidTo.IsZero() || !i.ValidTo.Before(p.Start())
}

// Format writes a value of the indicator the Vietnamese way.
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

// Sections are the narrative sections a form may have, in order.
var Sections = []struct{ Code, Label string }{
	{"results", "Kết quả đạt được"},
	{"limitations", "Hạn chế"},
	{"causes", "Nguyên nhân"},
	{"tasks", "Nhiệm vụ trọng tâm kỳ tới"},
}

// Form is a report form: which indicators and narrative sections a
// report for one kind of period has.
type Form struct {
	ID         int64
	Code       string
	Name       string
	PeriodKind vntext.PeriodKind
	Sections   []string
	Levels     []string
	Indicators []Indicator // in form order
	ValidFrom  time.Time
	ValidTo    time.Time
}

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

// Label is the status's Vietnamese name.
func (s Status) Label() string {
	switch s {
	case Draft:
		return "Đang soạn"
	case Submitted:
		return "Đã gửi, chờ duyệt"
	case Approved:
		return "Đã duyệt"
	case Returned:
		return "Bị trả lại"
	case Missing:
		return "Chưa báo cáo"
	}
	return string(s)
}

// Editable reports whether an officer may change a report in status s.
func (s Status) Editable() bool { return s == Draft || s == Returned }

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

// Messages shown to users.
const (
	msgNotNumber       = "%s: “%s” không phải là số (ví dụ hợp lệ: 5.112 hoặc 12,5)."
	msgNegative        = "%s: không được là số âm."
	msgNotWhole        = "%s: phải là số nguyên."
	msgPercentRange    = "%s: tỷ lệ phải từ 0 đến 100%%."
	msgRatioParts      = "%s (%s) không được lớn hơn %s (%s)."
	msgMissingValue    = "%s: chưa nhập số liệu."
	msgStale           = "Báo cáo đã được người khác cập nhật trong lúc bạn sửa. Số liệu bạn nhập vẫn còn trên trang; hãy tải lại báo cáo để xem bản mới rồi nhập lại."
	msgNotEditable     = "Báo cáo đang ở trạng thái “%s”, không sửa được."
	msgNotSubmitted    = "Chỉ phê duyệt hoặc trả lại được báo cáo đã gửi."
	msgCommentRequired = "Hãy ghi rõ lý do trả lại báo cáo."
	msgNotApprover     = "Chỉ lãnh đạo đơn vị cấp trên trực tiếp mới được phê duyệt hoặc trả lại báo cáo này."
	msgUnknownReport   = "Không tìm thấy báo cáo."
	msgUnknownForm     = "Không tìm thấy mẫu báo cáo."
	msgFormPeriod      = "Mẫu báo cáo này dùng cho kỳ %s, không dùng cho %s."
	msgFormLevel       = "Đơn vị cấp %s không báo cáo theo mẫu này."
	msgTextLong        = "Nội dung phần “%s” dài quá 20.000 ký tự."
	msgBadPeriod       = "Kỳ báo cáo không hợp lệ (ví dụ: 2025S1, 2025)."
)

// periodKindLabel names a period kind in Vietnamese.
func periodKindLabel(k vntext.PeriodKind) string {
	switch k {
	case vntext.Year:
		return "năm"
	case vntext.Half:
		return "6 tháng"
	case vntext.Quarter:
		return "quý"
	case vntext.Month:
		return "tháng"
	case vntext.Stage:
		return "giai đoạn"
	}
	return k.String()
}

// parsePeriodKind reads a kind's English name ("half").
func parsePeriodKind(s string) (vntext.PeriodKind, error) {
	for k := vntext.Year; k <= vntext.Stage; k++ {
		if k.String() == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("report: unknown period kind %q", s)
}

// ParsePeriod reads a period code for a report (apperr.Invalid on error).
func ParsePeriod(code string) (vntext.Period, error) {
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		return vntext.Period{}, apperr.Invalid("period", msgBadPeriod)
	}
	return p, nil
}

// Previous returns the period before p of the same kind: 2024S1 for
// 2024S2, 2023S2 for 2024S1, 2023 for 2024.
func Previous(p vntext.Period) vntext.Period {
	switch p.Kind {
	case vntext.Year:
		return vntext.Period{Kind: vntext.Year, Year: p.Year - 1}
	case vntext.Half:
		if p.Part == 1 {
			return vntext.Period{Kind: vntext.Half, Year: p.Year - 1, Part: 2}
		}
		return vntext.Period{Kind: vntext.Half, Year: p.Year, Part: 1}
	case vntext.Quarter:
		if p.Part == 1 {
			return vntext.Period{Kind: vntext.Quarter, Year: p.Year - 1, Part: 4}
		}
		return vntext.Period{Kind: vntext.Quarter, Year: p.Year, Part: p.Part - 1}
	case vntext.Month:
		if p.Part == 1 {
			return vntext.Period{Kind: vntext.Month, Year: p.Year - 1, Part: 12}
		}
		return vntext.Period{Kind: vntext.Month, Year: p.Year, Part: p.Part - 1}
	case vntext.Stage:
		n := p.ToYear - p.Year
		return vntext.Period{Kind: vntext.Stage, Year: p.Year - n, ToYear: p.Year}
	}
	return p
}

// YearBefore returns the same period one year earlier (2023S1 for 2024S1).
func YearBefore(p vntext.Period) vntext.Period {
	q := p
	q.Year--
	if q.Kind == vntext.Stage {
		q.ToYear--
	}
	return q
}

// Next returns the period after p of the same kind (not for stages).
func Next(p vntext.Period) vntext.Period {
	switch p.Kind {
	case vntext.Year:
		return vntext.Period{Kind: vntext.Year, Year: p.Year + 1}
	case vntext.Half:
		if p.Part == 2 {
			return vntext.Period{Kind: vntext.Half, Year: p.Year + 1, Part: 1}
		}
		return vntext.Period{Kind: vntext.Half, Year: p.Year, Part: 2}
	case vntext.Quarter:
		if p.Part == 4 {
			return vntext.Period{Kind: vntext.Quarter, Year: p.Year + 1, Part: 1}
		}
		return vntext.Period{Kind: vntext.Quarter, Year: p.Year, Part: p.Part + 1}
	case vntext.Month:
		if p.Part == 12 {
			return vntext.Period{Kind: vntext.Month, Year: p.Year + 1, Part: 1}
		}
		return vntext.Period{Kind: vntext.Month, Year: p.Year, Part: p.Part + 1}
	}
	n := p.ToYear - p.Year
	return vntext.Period{Kind: vntext.Stage, Year: p.ToYear, ToYear: p.ToYear + n}
}

// ParseValue reads one typed value for ind: the Vietnamese way ("5.112",
// "12,5", "85%"), checked against the indicator's rules. ok is false for
// empty text. label names the value in messages.
func ParseValue(ind Indicator, text, label string) (v float64, ok bool, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, false, nil
	}
	n, perr := vntext.ParseNumber(text)
	if perr != nil || n.LowerBound || n.Approx || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return 0, false, badValue(msgNotNumber, label, text)
	}
	v = n.Value
	if v < 0 {
		return 0, false, badValue(msgNegative, label)
	}
	if ind.Percent {
		if v > 100 {
			return 0, false, badValue(msgPercentRange, label)
		}
	} else if n.Percent {
		return 0, false, badValue(msgNotNumber, label, text)
	}
	if ind.Integral && !ind.Percent && v != math.Trunc(v) {
		return 0, false, badValue(msgNotWhole, label)
	}
	if v > 1e15 {
		return 0, false, badValue(msgNotNumber, label, text)
	}
	return v, true, nil
}

// badValue is a value error with a message for the user.
func badValue(format string, args ...any) error {
	return apperr.Invalid("", fmt.Sprintf(format, args...))
}

// checkRatios checks that each ratio's parts are consistent: the
// numerator is not larger than the denominator. byID holds every
// indicator of the report.
func checkRatios(inds []Indicator, byID map[int64]Indicator, vs Values, es *apperr.Errors) {
	for _, ind := range inds {
		if !ind.Derived() {
			continue
		}
		num, okN := byID[ind.NumeratorID]
		den, okD := byID[ind.DenominatorID]
		if !okN || !okD {
			continue
		}
		a, hasA := vs.Get(num)
		b, hasB := vs.Get(den)
		if hasA && hasB && a > b {
			es.Add(FieldName(Key{num.ID, firstPart(num)}), fmt.Sprintf(msgRatioParts, num.Name, num.Format(a), den.Name, den.Format(b)))
		}
	}
}

func firstPart(ind Indicator) string {
	if p := ind.Parts(); p != nil {
		return p[0]
	}
	return ""
}

// RatioValue computes a ratio indicator from its parts' values; ok is
// false when the denominator is missing or zero.
func RatioValue(ind Indicator, num, den float64) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	v := num / den
	if ind.Percent {
		v *= 100
	}
	return v, true
}
