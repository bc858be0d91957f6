package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes indicators, forms, reports and their values. It
// is safe for concurrent use; exported methods that write own their
// transaction and audit inside it.
type Store struct {
	db    *db.DB
	units *org.Store
	auth  *auth.Store
}

// NewStore returns a Store over d (migrated).
func NewStore(d *db.DB, units *org.Store, a *auth.Store) *Store {
	return &Store{db: d, units: units, auth: a}
}

const dateLayout = "2006-01-02"

// stampLayout is the fixed-width UTC form of stored timestamps.
const stampLayout = "2006-01-02T15:04:05.000000Z"

func day(t time.Time) string   { return t.Format(dateLayout) }
func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

func parseDay(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	t, _ := time.Parse(dateLayout, s.String)
	return t
}

func parseStamp(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339Nano, s.String)
	return t.UTC()
}

func joinList(xs []string) string {
	if len(xs) == 0 {
		return ","
	}
	return "," + strings.Join(xs, ",") + ","
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ---- indicators ----

const indicatorCols = `id, code, name, measure, field, aggregation, numerator_id, denominator_id,
	percent, integral, breakdown, levels, key_indicator, position, valid_from, valid_to`

func scanIndicator(r interface{ Scan(...any) error }) (Indicator, error) {
	var i Indicator
	var num, den sql.NullInt64
	var pct, integral, key int
	var levels string
	var from, to sql.NullString
	if err := r.Scan(&i.ID, &i.Code, &i.Name, &i.Measure, &i.Field, &i.Aggregation, &num, &den,
		&pct, &integral, &i.Breakdown, &levels, &key, &i.Position, &from, &to); err != nil {
		return i, err
	}
	i.NumeratorID, i.DenominatorID = num.Int64, den.Int64
	i.Percent, i.Integral, i.Key = pct == 1, integral == 1, key == 1
	i.Levels = splitList(levels)
	i.ValidFrom, i.ValidTo = parseDay(from), parseDay(to)
	return i, nil
}

// Indicators returns every indicator, in catalogue order (position, code).
func (s *Store) Indicators(ctx context.Context) ([]Indicator, error) {
	return indicators(ctx, s.db)
}

func indicators(ctx context.Context, q db.Querier) ([]Indicator, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+indicatorCols+` FROM report_indicators ORDER BY position, code`)
	if err != nil {
		return nil, fmt.Errorf("report: indicators: %w", err)
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		i, err := scanIndicator(rows)
		if err != nil {
			return nil, fmt.Errorf("report: indicators: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Indicator returns one indicator.
func (s *Store) Indicator(ctx context.Context, id int64) (Indicator, error) {
	i, err := scanIndicator(s.db.QueryRowContext(ctx, `SELECT `+indicatorCols+` FROM report_indicators WHERE id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return i, apperr.NotFound("Không tìm thấy chỉ tiêu.")
	}
	if err != nil {
		return i, fmt.Errorf("report: indicator %d: %w", id, err)
	}
	return i, nil
}

// validateIndicator checks a new indicator.
func validateIndicator(ind *Indicator, byCode map[string]int64) error {
	var es apperr.Errors
	ind.Code = strings.ToUpper(strings.TrimSpace(ind.Code))
	ind.Name = vntext.Normalize(strings.Join(strings.Fields(ind.Name), " "))
	ind.Measure = vntext.Normalize(strings.TrimSpace(ind.Measure))
	if ind.Code == "" || len(ind.Code) > 32 {
		es.Add("code", "Mã chỉ tiêu gồm 1–32 ký tự.")
	}
	if ind.Name == "" {
		es.Add("name", "Chưa nhập tên chỉ tiêu.")
	}
	if ind.Measure == "" {
		es.Add("measure", "Chưa nhập đơn vị tính.")
	}
	if FieldLabel(ind.Field) == ind.Field {
		es.Add("field", "Lĩnh vực không hợp lệ.")
	}
	if !ind.Aggregation.Valid() {
		es.Add("aggregation", "Cách tổng hợp không hợp lệ.")
	}
	if ind.Aggregation == Ratio && (ind.NumeratorID == 0 || ind.DenominatorID == 0 || ind.NumeratorID == ind.DenominatorID) {
		es.Add("aggregation", "Chỉ tiêu tỷ lệ cần hai chỉ tiêu thành phần khác nhau (tử số và mẫu số).")
	}
	if ind.Breakdown != "" && (ind.Breakdown != BreakdownOrganization || ind.Aggregation != Sum) {
		es.Add("breakdown", "Chỉ chia theo tổ chức được cho chỉ tiêu cộng dồn.")
	}
	if len(ind.Levels) == 0 {
		es.Add("levels", "Chọn ít nhất một cấp báo cáo chỉ tiêu.")
	}
	for _, l := range ind.Levels {
		if !org.Level(l).Valid() {
			es.Add("levels", "Cấp báo cáo không hợp lệ.")
		}
	}
	if ind.ValidFrom.IsZero() {
		ind.ValidFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if _, dup := byCode[ind.Code]; dup {
		es.Add("code", fmt.Sprintf("Mã chỉ tiêu %s đã có.", ind.Code))
	}
	return es.Err()
}

// CreateIndicators adds indicators in one transaction (the catalogue, or
// an administrator's additions); ratio indicators may name parts created
// in the same call by code through NumeratorCode/DenominatorCode.
func (s *Store) CreateIndicators(ctx context.Context, inds []NewIndicator) ([]Indicator, error) {
	var out []Indicator
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		out, err = createIndicators(ctx, tx, inds)
		return err
	})
	return out, err
}

// NewIndicator is an indicator to create; a ratio names its parts by code.
type NewIndicator struct {
	Indicator
	NumeratorCode, DenominatorCode string
}

func createIndicators(ctx context.Context, tx *db.Tx, inds []NewIndicator) ([]Indicator, error) {
	byCode := map[string]int64{}
	rows, err := tx.QueryContext(ctx, `SELECT code, id FROM report_indicators`)
	if err != nil {
		return nil, fmt.Errorf("report: create indicators: %w", err)
	}
	for rows.Next() {
		var c string
		var id int64
		if err := rows.Scan(&c, &id); err != nil {
			rows.Close()
			return nil, err
		}
		byCode[c] = id
	}
	rows.Close()
	out := make([]Indicator, 0, len(inds))
	for _, ni := range inds {
		ind := ni.Indicator
		if ni.NumeratorCode != "" {
			ind.NumeratorID = byCode[ni.NumeratorCode]
		}
		if ni.DenominatorCode != "" {
			ind.DenominatorID = byCode[ni.DenominatorCode]
		}
		if ind.Aggregation == Ratio {
			ind.Integral = false
		}
		if err := validateIndicator(&ind, byCode); err != nil {
			return nil, err
		}
		var to any
		if !ind.ValidTo.IsZero() {
			to = day(ind.ValidTo)
		}
		id, err := tx.InsertID(ctx, `INSERT INTO report_indicators (code, name, measure, field, aggregation,
			numerator_id, denominator_id, percent, integral, breakdown, levels, key_indicator, position, valid_from, valid_to, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			ind.Code, ind.Name, ind.Measure, ind.Field, string(ind.Aggregation), nullID(ind.NumeratorID), nullID(ind.DenominatorID),
			boolInt(ind.Percent), boolInt(ind.Integral), ind.Breakdown, joinList(ind.Levels), boolInt(ind.Key), ind.Position,
			day(ind.ValidFrom), to, stamp(tx.Now()))
		if err != nil {
			return nil, fmt.Errorf("report: create indicator %s: %w", ind.Code, err)
		}
		ind.ID = id
		byCode[ind.Code] = id
		out = append(out, ind)
	}
	return out, nil
}

// ---- forms ----

// NewForm is a form to create; its indicators are named by code.
type NewForm struct {
	Code       string
	Name       string
	PeriodKind vntext.PeriodKind
	Sections   []string
	Levels     []string
	Indicators []string // codes, in order
	ValidFrom  time.Time
}

// CreateForm adds a report form.
func (s *Store) CreateForm(ctx context.Context, nf NewForm) (Form, error) {
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = createForm(ctx, tx, nf)
		return err
	})
	if err != nil {
		return Form{}, err
	}
	return s.Form(ctx, id)
}

func createForm(ctx context.Context, tx *db.Tx, nf NewForm) (int64, error) {
	var es apperr.Errors
	nf.Code = strings.ToUpper(strings.TrimSpace(nf.Code))
	nf.Name = vntext.Normalize(strings.TrimSpace(nf.Name))
	if nf.Code == "" {
		es.Add("code", "Chưa nhập mã mẫu báo cáo.")
	}
	if nf.Name == "" {
		es.Add("name", "Chưa nhập tên mẫu báo cáo.")
	}
	if nf.PeriodKind < vntext.Year || nf.PeriodKind > vntext.Stage {
		es.Add("period_kind", "Loại kỳ báo cáo không hợp lệ.")
	}
	if err := es.Err(); err != nil {
		return 0, err
	}
	if nf.ValidFrom.IsZero() {
		nf.ValidFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	id, err := tx.InsertID(ctx, `INSERT INTO report_forms (code, name, period_kind, sections, levels, valid_from, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, nf.Code, nf.Name, nf.PeriodKind.String(), joinList(nf.Sections), joinList(nf.Levels),
		day(nf.ValidFrom), stamp(tx.Now()))
	if errors.Is(err, db.ErrConflict) {
		return 0, apperr.Invalid("code", fmt.Sprintf("Mã mẫu báo cáo %s đã có.", nf.Code))
	}
	if err != nil {
		return 0, fmt.Errorf("report: create form: %w", err)
	}
	for pos, code := range nf.Indicators {
		res, err := tx.ExecContext(ctx, `INSERT INTO report_form_items (form_id, indicator_id, position)
			SELECT ?, id, ? FROM report_indicators WHERE code = ?`, id, pos+1, code)
		if err != nil {
			return 0, fmt.Errorf("report: create form item %s: %w", code, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return 0, apperr.Invalid("indicators", fmt.Sprintf("Không có chỉ tiêu mã %s.", code))
		}
	}
	// A roll-up adds up every report of a period kind, so an indicator
	// on two forms of the same kind would be counted twice for a unit that
	// filed both: each indicator belongs to one form per kind of period.
	var ind, other string
	err = tx.QueryRowContext(ctx, `SELECT i.code, f.code FROM report_form_items a
		JOIN report_form_items b ON b.indicator_id = a.indicator_id AND b.form_id <> a.form_id
		JOIN report_forms f ON f.id = b.form_id
		JOIN report_indicators i ON i.id = a.indicator_id
		WHERE a.form_id = ? AND f.period_kind = ? ORDER BY a.position LIMIT 1`, id, nf.PeriodKind.String()).Scan(&ind, &other)
	switch {
	case err == nil:
		return 0, apperr.Invalid("indicators", fmt.Sprintf(
			"Chỉ tiêu %s đã có trong mẫu %s cùng loại kỳ báo cáo; mỗi chỉ tiêu chỉ thuộc một mẫu cho mỗi loại kỳ để số liệu không bị cộng hai lần.", ind, other))
	case !errors.Is(err, db.ErrNotFound):
		return 0, fmt.Errorf("report: check form items: %w", err)
	}
	return id, nil
}

// Forms returns every form with its indicators.
func (s *Store) Forms(ctx context.Context) ([]Form, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM report_forms ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("report: forms: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	inds, err := s.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Form, 0, len(ids))
	for _, id := range ids {
		f, err := s.form(ctx, s.db, id, inds)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// Form returns one form with its indicators.
func (s *Store) Form(ctx context.Context, id int64) (Form, error) {
	inds, err := s.Indicators(ctx)
	if err != nil {
		return Form{}, err
	}
	return s.form(ctx, s.db, id, inds)
}

// FormByCode returns one form by its code.
func (s *Store) FormByCode(ctx context.Context, code string) (Form, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM report_forms WHERE code = ?`, strings.ToUpper(strings.TrimSpace(code))).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return Form{}, apperr.NotFound(msgUnknownForm)
	}
	if err != nil {
		return Form{}, fmt.Errorf("report: form %s: %w", code, err)
	}
	return s.Form(ctx, id)
}

func (s *Store) form(ctx context.Context, q db.Querier, id int64, inds []Indicator) (Form, error) {
	var f Form
	var kind, sections, levels string
	var from, to sql.NullString
	err := q.QueryRowContext(ctx, `SELECT id, code, name, period_kind, sections, levels, valid_from, valid_to
		FROM report_forms WHERE id = ?`, id).Scan(&f.ID, &f.Code, &f.Name, &kind, &sections, &levels, &from, &to)
	if errors.Is(err, db.ErrNotFound) {
		return f, apperr.NotFound(msgUnknownForm)
	}
	if err != nil {
		return f, fmt.Errorf("report: form %d: %w", id, err)
	}
	if f.PeriodKind, err = parsePeriodKind(kind); err != nil {
		return f, err
	}
	f.Sections, f.Levels = splitList(sections), splitList(levels)
	f.ValidFrom, f.ValidTo = parseDay(from), parseDay(to)
	rows, err := q.QueryContext(ctx, `SELECT indicator_id FROM report_form_items WHERE form_id = ? ORDER BY position`, id)
	if err != nil {
		return f, fmt.Errorf("report: form %d items: %w", id, err)
	}
	defer rows.Close()
	byID := make(map[int64]Indicator, len(inds))
	for _, i := range inds {
		byID[i.ID] = i
	}
	for rows.Next() {
		var iid int64
		if err := rows.Scan(&iid); err != nil {
			return f, err
		}
		f.Indicators = append(f.Indicators, byID[iid])
	}
	return f, rows.Err()
}

// FormFor returns the form for a unit level and period kind: the first
// (by code) whose levels include level.
func (s *Store) FormFor(ctx context.Context, level org.Level, kind vntext.PeriodKind) (Form, error) {
	forms, err := s.Forms(ctx)
	if err != nil {
		return Form{}, err
	}
	for _, f := range forms {
		if f.PeriodKind != kind {
			continue
		}
		for _, l := range f.Levels {
			if l == string(level) {
				return f, nil
			}
		}
	}
	return Form{}, apperr.NotFound(msgUnknownForm)
}

// ---- reports ----

const reportCols = `r.id, r.form_id, r.unit_id, r.period, r.status, r.version, r.results, r.limitations, r.causes, r.tasks,
	r.comment, r.submitted_at, r.submitted_by, r.decided_at, r.decided_by, r.created_at, r.updated_at`

func scanReport(sc interface{ Scan(...any) error }) (Report, error) {
	var r Report
	var period string
	var res, lim, cau, tas string
	var subAt, decAt sql.NullString
	var subBy, decBy sql.NullInt64
	var created, updated string
	if err := sc.Scan(&r.ID, &r.FormID, &r.UnitID, &period, &r.Status, &r.Version, &res, &lim, &cau, &tas,
		&r.Comment, &subAt, &subBy, &decAt, &decBy, &created, &updated); err != nil {
		return r, err
	}
	p, err := vntext.ParsePeriod(period)
	if err != nil {
		return r, fmt.Errorf("report: stored period %q: %w", period, err)
	}
	r.Period = p
	r.Narrative = map[string]string{"results": res, "limitations": lim, "causes": cau, "tasks": tas}
	r.SubmittedAt, r.SubmittedBy = parseStamp(subAt), subBy.Int64
	r.DecidedAt, r.DecidedBy = parseStamp(decAt), decBy.Int64
	r.CreatedAt = parseStamp(sql.NullString{String: created, Valid: true})
	r.UpdatedAt = parseStamp(sql.NullString{String: updated, Valid: true})
	return r, nil
}

func loadValues(ctx context.Context, q db.Querier, reportID int64) (Values, error) {
	rows, err := q.QueryContext(ctx, `SELECT indicator_id, breakdown, value FROM report_values WHERE report_id = ?`, reportID)
	if err != nil {
		return nil, fmt.Errorf("report: values of %d: %w", reportID, err)
	}
	defer rows.Close()
	vs := Values{}
	for rows.Next() {
		var k Key
		var v float64
		if err := rows.Scan(&k.IndicatorID, &k.Part, &v); err != nil {
			return nil, err
		}
		vs[k] = v
	}
	return vs, rows.Err()
}

func getReport(ctx context.Context, q db.Querier, id int64) (Report, error) {
	r, err := scanReport(q.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports r WHERE r.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return r, apperr.NotFound(msgUnknownReport)
	}
	if err != nil {
		return r, fmt.Errorf("report: get %d: %w", id, err)
	}
	if r.Values, err = loadValues(ctx, q, id); err != nil {
		return r, err
	}
	return r, nil
}

// Report returns one report with its values. It does not check access;
// callers check auth.PermRead on the report's unit.
func (s *Store) Report(ctx context.Context, id int64) (Report, error) {
	return getReport(ctx, s.db, id)
}

// Target names a report: a unit's form for a period.
type Target struct {
	UnitID int64
	FormID int64
	Period vntext.Period
}

func findReport(ctx context.Context, q db.Querier, t Target) (Report, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM reports WHERE unit_id = ? AND form_id = ? AND period = ?`,
		t.UnitID, t.FormID, t.Period.String()).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return Report{}, apperr.NotFound(msgUnknownReport)
	}
	if err != nil {
		return Report{}, fmt.Errorf("report: find: %w", err)
	}
	return getReport(ctx, q, id)
}

// Find returns the report for t, or an apperr.NotFound error when the unit
// has not started it.
func (s *Store) Find(ctx context.Context, t Target) (Report, error) { return findReport(ctx, s.db, t) }

// unitFor returns the unit as it stood in the period (on its last day, or
// its first when the unit ended before).
func (s *Store) unitFor(ctx context.Context, id int64, p vntext.Period) (org.Unit, error) {
	u, err := s.units.Get(ctx, id, p.End())
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		u, err = s.units.Get(ctx, id, p.Start())
	}
	return u, err
}

// Entry is what the entry page needs: the form's indicators for the
// unit, the report (ID 0 when not started) and the previous period's
// values of the same unit.
type Entry struct {
	Unit       org.Unit
	Form       Form
	Indicators []Indicator
	Report     Report
	Previous   Values
	PrevStatus Status
	// ByID holds every indicator, for ratio parts.
	ByID map[int64]Indicator
}

// Entry loads a report for entry or display.
func (s *Store) Entry(ctx context.Context, t Target) (Entry, error) {
	var e Entry
	var err error
	if e.Form, err = s.Form(ctx, t.FormID); err != nil {
		return e, err
	}
	if e.Unit, err = s.unitFor(ctx, t.UnitID, t.Period); err != nil {
		return e, err
	}
	e.Indicators = e.Form.For(string(e.Unit.Level), t.Period)
	all, err := s.Indicators(ctx)
	if err != nil {
		return e, err
	}
	e.ByID = make(map[int64]Indicator, len(all))
	for _, i := range all {
		e.ByID[i.ID] = i
	}
	e.Report, err = s.Find(ctx, t)
	switch {
	case err == nil:
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		e.Report = Report{UnitID: t.UnitID, FormID: t.FormID, Period: t.Period, Status: Draft,
			Narrative: map[string]string{}, Values: Values{}}
	default:
		return e, err
	}
	prev, err := s.Find(ctx, Target{UnitID: t.UnitID, FormID: t.FormID, Period: Previous(t.Period)})
	switch {
	case err == nil:
		e.Previous, e.PrevStatus = prev.Values, prev.Status
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		e.Previous, e.PrevStatus = Values{}, Missing
	default:
		return e, err
	}
	return e, nil
}

// parseInput reads and checks typed values against the indicators;
// every problem is collected.
func parseInput(inds []Indicator, byID map[int64]Indicator, in Input, es *apperr.Errors) Values {
	vs := Values{}
	for _, ind := range inds {
		if ind.Derived() {
			continue
		}
		keys := []Key{{ind.ID, ""}}
		if parts := ind.Parts(); parts != nil {
			keys = keys[:0]
			for _, p := range parts {
				keys = append(keys, Key{ind.ID, p})
			}
		}
		for _, k := range keys {
			label := ind.Name
			if k.Part != "" {
				label += " – " + PartLabel(k.Part)
			}
			v, ok, err := ParseValue(ind, in.Values[k], label)
			if err != nil {
				es.Add(FieldName(k), errorKey(err))
				continue
			}
			if ok {
				vs[k] = v
			}
		}
	}
	checkRatios(inds, byID, vs, es)
	for _, sec := range Sections {
		if len([]rune(in.Narrative[sec.Code])) > 20000 {
			es.Add(sec.Code, fmt.Sprintf(msgTextLong, sec.Label))
		}
	}
	return vs
}

// missing lists the entered indicators without a value (for submit).
func missing(inds []Indicator, vs Values, es *apperr.Errors) {
	for _, ind := range inds {
		if ind.Derived() {
			continue
		}
		if _, ok := vs.Get(ind); !ok {
			es.Add(FieldName(Key{ind.ID, firstPart(ind)}), fmt.Sprintf(msgMissingValue, ind.Name))
		}
	}
}

// auditReport is what the audit log keeps of a report.
type auditReport struct {
	UnitID  int64              `json:"unit_id"`
	FormID  int64              `json:"form_id"`
	Period  string             `json:"period"`
	Status  Status             `json:"status"`
	Version int64              `json:"version"`
	Comment string             `json:"comment,omitempty"`
	Values  map[string]float64 `json:"values,omitempty"`
}

func (r Report) audit(withValues bool) auditReport {
	a := auditReport{UnitID: r.UnitID, FormID: r.FormID, Period: r.Period.String(), Status: r.Status, Version: r.Version, Comment: r.Comment}
	if withValues && len(r.Values) > 0 {
		a.Values = make(map[string]float64, len(r.Values))
		for k, v := range r.Values {
			a.Values[FieldName(k)] = v
		}
	}
	return a
}

// SaveDraft saves an officer's typed values and narrative as a draft (or
// keeps a returned report returned, with the new figures). in.Version must
// be the version the editor loaded (0 for a report not started yet).
// Invalid input is refused as a whole with an apperr.Errors naming each
// field; nothing is saved then.
func (s *Store) SaveDraft(ctx context.Context, p *auth.Principal, t Target, in Input) (Report, error) {
	return s.save(ctx, p, t, in, false)
}

// Submit saves in (when in.Values is not nil) and sends the report to the
// unit directly above for approval. Every entered indicator must have a
// value.
func (s *Store) Submit(ctx context.Context, p *auth.Principal, t Target, in Input) (Report, error) {
	return s.save(ctx, p, t, in, true)
}

func (s *Store) save(ctx context.Context, p *auth.Principal, t Target, in Input, submit bool) (Report, error) {
	if err := s.auth.Require(ctx, p, auth.PermWrite, t.UnitID); err != nil {
		return Report{}, err
	}
	e, err := s.Entry(ctx, t)
	if err != nil {
		return Report{}, err
	}
	if e.Form.PeriodKind != t.Period.Kind {
		return Report{}, apperr.Invalid("period", fmt.Sprintf(msgFormPeriod, periodKindLabel(e.Form.PeriodKind), t.Period.Label()))
	}
	if !containsStr(e.Form.Levels, string(e.Unit.Level)) {
		return Report{}, apperr.Invalid("form", fmt.Sprintf(msgFormLevel, e.Unit.Level.Label()))
	}
	var es apperr.Errors
	var vs Values
	keep := in.Values == nil && in.Narrative == nil
	if keep {
		vs = e.Report.Values
	} else {
		vs = parseInput(e.Indicators, e.ByID, in, &es)
	}
	if submit && len(es) == 0 {
		missing(e.Indicators, vs, &es)
	}
	if err := es.Err(); err != nil {
		return Report{}, err
	}
	var out Report
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := stamp(tx.Now())
		cur, err := findReport(ctx, tx, t)
		exists := err == nil
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		if exists {
			if cur.Version != in.Version {
				return apperr.Conflict(msgStale)
			}
			if !cur.Status.Editable() {
				return apperr.Conflict(fmt.Sprintf(msgNotEditable, cur.Status.Label()))
			}
		} else if in.Version != 0 {
			return apperr.Conflict(msgStale)
		}
		status := Draft
		if exists {
			status = cur.Status
		}
		if submit {
			status = Submitted
		}
		narr := in.Narrative
		if keep {
			narr = cur.Narrative
		}
		if narr == nil {
			narr = map[string]string{}
		}
		clean := func(k string) string { return vntext.Normalize(strings.TrimSpace(narr[k])) }
		var id int64
		if !exists {
			id, err = tx.InsertID(ctx, `INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end,
				status, version, results, limitations, causes, tasks, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
				t.FormID, t.UnitID, t.Period.String(), t.Period.Kind.String(), day(t.Period.Start()), day(t.Period.End()),
				string(status), clean("results"), clean("limitations"), clean("causes"), clean("tasks"), now, now)
			if errors.Is(err, db.ErrConflict) {
				return apperr.Conflict(msgStale)
			}
			if err != nil {
				return fmt.Errorf("report: create: %w", err)
			}
		} else {
			id = cur.ID
			res, err := tx.ExecContext(ctx, `UPDATE reports SET status = ?, version = version + 1, results = ?, limitations = ?,
				causes = ?, tasks = ?, updated_at = ? WHERE id = ? AND version = ?`,
				string(status), clean("results"), clean("limitations"), clean("causes"), clean("tasks"), now, id, in.Version)
			if err != nil {
				return fmt.Errorf("report: save %d: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return apperr.Conflict(msgStale)
			}
		}
		if submit {
			if _, err := tx.ExecContext(ctx, `UPDATE reports SET submitted_at = ?, submitted_by = ? WHERE id = ?`,
				now, nullID(p.User.ID), id); err != nil {
				return fmt.Errorf("report: submit %d: %w", id, err)
			}
		}
		if !keep {
			if err := writeValues(ctx, tx, id, vs); err != nil {
				return err
			}
		}
		if out, err = getReport(ctx, tx, id); err != nil {
			return err
		}
		action := "save"
		if submit {
			action = "submit"
		}
		var before any
		if exists {
			before = cur.audit(true)
		}
		if err := recordAudit(ctx, tx, action, out, before, out.audit(true)); err != nil {
			return err
		}
		if submit {
			if parent := parentOf(e.Unit); parent != 0 {
				msg := fmt.Sprintf("%s đã gửi báo cáo %s, chờ phê duyệt.", e.Unit.Name, t.Period.Label())
				if err := notify(ctx, tx, parent, auth.RoleLeader, 0, id, "submitted", msg); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return out, err
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// writeValues replaces a report's values.
func writeValues(ctx context.Context, tx *db.Tx, reportID int64, vs Values) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM report_values WHERE report_id = ?`, reportID); err != nil {
		return fmt.Errorf("report: clear values: %w", err)
	}
	keys := make([]Key, 0, len(vs))
	for k := range vs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].IndicatorID != keys[b].IndicatorID {
			return keys[a].IndicatorID < keys[b].IndicatorID
		}
		return keys[a].Part < keys[b].Part
	})
	const batch = 200
	for start := 0; start < len(keys); start += batch {
		part := keys[start:min(start+batch, len(keys))]
		args := make([]any, 0, 4*len(part))
		var b strings.Builder
		b.WriteString(`INSERT INTO report_values (report_id, indicator_id, breakdown, value) VALUES `)
		for i, k := range part {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?)")
			args = append(args, reportID, k.IndicatorID, k.Part, vs[k])
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("report: write values: %w", err)
		}
	}
	return nil
}

// parentOf returns the unit directly above u, as u stood in the report's
// period (see unitFor).
func parentOf(u org.Unit) int64 { return u.ParentID }

// CanDecide reports whether p may approve or return reports of unit u
// for period per: p holds a role carrying auth.PermApprove on exactly the
// unit directly above u.
func (s *Store) CanDecide(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period) (bool, error) {
	if p == nil || !p.User.Active {
		return false, nil
	}
	u, err := s.unitFor(ctx, unitID, per)
	if err != nil {
		return false, err
	}
	parent := parentOf(u)
	if parent == 0 {
		return false, nil
	}
	for _, g := range p.Grants {
		if g.UnitID == parent && g.Role.Allows(auth.PermApprove) {
			return true, nil
		}
	}
	return false, nil
}

// Approve accepts a submitted report. version is the version the leader
// saw.
func (s *Store) Approve(ctx context.Context, p *auth.Principal, reportID, version int64) (Report, error) {
	return s.decide(ctx, p, reportID, version, Approved, "")
}

// Return sends a submitted report back to its unit with a comment.
func (s *Store) Return(ctx context.Context, p *auth.Principal, reportID, version int64, comment string) (Report, error) {
	comment = vntext.Normalize(strings.TrimSpace(comment))
	if comment == "" {
		return Report{}, apperr.Invalid("comment", msgCommentRequired)
	}
	if len([]rune(comment)) > 4000 {
		return Report{}, apperr.Invalid("comment", "Lý do trả lại dài quá 4.000 ký tự.")
	}
	return s.decide(ctx, p, reportID, version, Returned, comment)
}

func (s *Store) decide(ctx context.Context, p *auth.Principal, reportID, version int64, to Status, comment string) (Report, error) {
	if p == nil {
		return Report{}, apperr.Unauthorized("Vui lòng đăng nhập để tiếp tục.")
	}
	cur, err := s.Report(ctx, reportID)
	if err != nil {
		return Report{}, err
	}
	ok, err := s.CanDecide(ctx, p, cur.UnitID, cur.Period)
	if err != nil {
		return Report{}, err
	}
	if !ok {
		return Report{}, apperr.Forbidden(msgNotApprover)
	}
	u, err := s.unitFor(ctx, cur.UnitID, cur.Period)
	if err != nil {
		return Report{}, err
	}
	var out Report
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := stamp(tx.Now())
		before, err := getReport(ctx, tx, reportID)
		if err != nil {
			return err
		}
		if before.Version != version {
			return apperr.Conflict(msgStale)
		}
		if before.Status != Submitted {
			return apperr.Conflict(msgNotSubmitted)
		}
		res, err := tx.ExecContext(ctx, `UPDATE reports SET status = ?, version = version + 1, comment = ?, decided_at = ?,
			decided_by = ?, updated_at = ? WHERE id = ? AND version = ?`, string(to), comment, now, nullID(p.User.ID), now, reportID, version)
		if err != nil {
			return fmt.Errorf("report: decide %d: %w", reportID, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict(msgStale)
		}
		if out, err = getReport(ctx, tx, reportID); err != nil {
			return err
		}
		action := "approve"
		kind := "approved"
		msg := fmt.Sprintf("Báo cáo %s của %s đã được phê duyệt.", out.Period.Label(), u.Name)
		if to == Returned {
			action, kind = "return", "returned"
			msg = fmt.Sprintf("Báo cáo %s của %s bị trả lại: %s", out.Period.Label(), u.Name, comment)
		}
		if err := recordAudit(ctx, tx, action, out, before.audit(false), out.audit(false)); err != nil {
			return err
		}
		return notify(ctx, tx, out.UnitID, auth.RoleOfficer, before.SubmittedBy, reportID, kind, msg)
	})
	return out, err
}

// ---- notifications ----

// Notification tells someone a report needs them or has been decided.
type Notification struct {
	ID        int64
	ReportID  int64
	UnitID    int64
	Kind      string // "submitted", "approved", "returned"
	Message   string
	CreatedAt time.Time
}

// Link is the page of the report the notification is about.
func (n Notification) Link() string { return fmt.Sprintf("/bao-cao/%d", n.ReportID) }

func notify(ctx context.Context, tx *db.Tx, unitID int64, role auth.Role, userID, reportID int64, kind, msg string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO report_notifications (unit_id, role, user_id, report_id, kind, message, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, unitID, string(role), nullID(userID), reportID, kind, msg, stamp(tx.Now()))
	if err != nil {
		return fmt.Errorf("report: notify: %w", err)
	}
	return nil
}

// Notifications returns the newest notifications for a user: those
// addressed to userID, those for leaders of leaderUnits (reports submitted
// to them) and those for officers of officerUnits (their reports decided).
// limit <= 0 means 10.
func (s *Store) Notifications(ctx context.Context, userID int64, leaderUnits, officerUnits []int64, limit int) ([]Notification, error) {
	if limit <= 0 {
		limit = 10
	}
	conds := []string{"user_id = ?"}
	args := []any{userID}
	if len(leaderUnits) > 0 {
		conds = append(conds, "(role = 'leader' AND unit_id IN ("+db.Placeholders(len(leaderUnits))+"))")
		for _, id := range leaderUnits {
			args = append(args, id)
		}
	}
	if len(officerUnits) > 0 {
		conds = append(conds, "(role = 'officer' AND unit_id IN ("+db.Placeholders(len(officerUnits))+"))")
		for _, id := range officerUnits {
			args = append(args, id)
		}
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, `SELECT id, report_id, unit_id, kind, message, created_at FROM report_notifications
		WHERE `+strings.Join(conds, " OR ")+` ORDER BY created_at DESC, id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("report: notifications: %w", err)
	}
	defer rows.Close()
	out := []Notification{}
	for rows.Next() {
		var n Notification
		var at string
		if err := rows.Scan(&n.ID, &n.ReportID, &n.UnitID, &n.Kind, &n.Message, &at); err != nil {
			return nil, err
		}
		n.CreatedAt = parseStamp(sql.NullString{String: at, Valid: true})
		out = append(out, n)
	}
	return out, rows.Err()
}

// NotificationsFor is Notifications for a signed-in principal: its grants
// carrying auth.PermApprove receive submissions, those carrying
// auth.PermWrite receive decisions. The lead's home page shows these.
func (s *Store) NotificationsFor(ctx context.Context, p *auth.Principal, limit int) ([]Notification, error) {
	if p == nil {
		return []Notification{}, nil
	}
	return s.Notifications(ctx, p.User.ID, auth.ScopeRoots(p, auth.PermApprove), auth.ScopeRoots(p, auth.PermWrite), limit)
}

func recordAudit(ctx context.Context, tx *db.Tx, action string, r Report, before, after any) error {
	return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "report", EntityID: r.ID, UnitID: r.UnitID, Before: before, After: after})
}

// LoadReport is a report written as is by Load.
type LoadReport struct {
	UnitID  int64
	FormID  int64
	Period  vntext.Period
	Status  Status
	Comment string
	Values  Values
}

// Load writes many reports with their values in one transaction, with
// batched multi-row inserts and without workflow checks, audit rows or
// notifications: it is for the demo generator and for tests that need
// history, never for what users enter.
func (s *Store) Load(ctx context.Context, reports []LoadReport) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := stamp(tx.Now())
		ids := make([]int64, len(reports))
		const batch = 200
		for start := 0; start < len(reports); start += batch {
			part := reports[start:min(start+batch, len(reports))]
			var b strings.Builder
			b.WriteString(`INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end, status, version,
				comment, submitted_at, decided_at, created_at, updated_at) VALUES `)
			args := make([]any, 0, len(part)*12)
			for i, r := range part {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")
				var sub, dec any
				if r.Status != Draft {
					sub = now
				}
				if r.Status == Approved || r.Status == Returned {
					dec = now
				}
				args = append(args, r.FormID, r.UnitID, r.Period.String(), r.Period.Kind.String(), day(r.Period.Start()),
					day(r.Period.End()), string(r.Status), r.Comment, sub, dec, now, now)
			}
			if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
				return fmt.Errorf("report: load reports: %w", err)
			}
			if err := loadIDs(ctx, tx, part, ids[start:]); err != nil {
				return err
			}
		}
		var b strings.Builder
		args := make([]any, 0, 4*500)
		n := 0
		flush := func() error {
			if n == 0 {
				return nil
			}
			_, err := tx.ExecContext(ctx, b.String(), args...)
			b.Reset()
			args, n = args[:0], 0
			if err != nil {
				return fmt.Errorf("report: load values: %w", err)
			}
			return nil
		}
		for i, r := range reports {
			for k, v := range r.Values {
				if n == 0 {
					b.WriteString(`INSERT INTO report_values (report_id, indicator_id, breakdown, value) VALUES (?, ?, ?, ?)`)
				} else {
					b.WriteString(", (?, ?, ?, ?)")
				}
				args = append(args, ids[i], k.IndicatorID, k.Part, v)
				n++
				if n == 500 {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		return flush()
	})
}

// loadIDs reads back the ids of a batch of reports just inserted.
func loadIDs(ctx context.Context, tx *db.Tx, part []LoadReport, ids []int64) error {
	type key struct {
		unit, form int64
		period     string
	}
	units := map[int64]bool{}
	periods := map[string]bool{}
	var uargs, pargs []any
	for _, r := range part {
		if !units[r.UnitID] {
			units[r.UnitID] = true
			uargs = append(uargs, r.UnitID)
		}
		if p := r.Period.String(); !periods[p] {
			periods[p] = true
			pargs = append(pargs, p)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, unit_id, form_id, period FROM reports WHERE unit_id IN (`+
		db.Placeholders(len(uargs))+`) AND period IN (`+db.Placeholders(len(pargs))+`)`, append(uargs, pargs...)...)
	if err != nil {
		return fmt.Errorf("report: load reports: %w", err)
	}
	defer rows.Close()
	got := map[key]int64{}
	for rows.Next() {
		var id int64
		var k key
		if err := rows.Scan(&id, &k.unit, &k.form, &k.period); err != nil {
			return err
		}
		got[k] = id
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i, r := range part {
		ids[i] = got[key{r.UnitID, r.FormID, r.Period.String()}]
	}
	return nil
}
