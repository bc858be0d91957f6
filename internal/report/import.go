package report

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Problem is one thing wrong in an uploaded table, located by sheet,
// row and column as a spreadsheet shows them.
type Problem struct {
	Sheet   string
	Row     int
	Column  string // "A", "G"; "" for the whole row
	Message string
}

// String writes the problem in Vietnamese: "Trang Số liệu, dòng 12, cột G: …".
func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("Trang %s, dòng %d: %s", p.Sheet, p.Row, p.Message)
	}
	return fmt.Sprintf("Trang %s, dòng %d, cột %s: %s", p.Sheet, p.Row, p.Column, p.Message)
}

// Problems is every problem of a refused upload. It is an error with
// apperr.CodeInvalid.
type Problems []Problem

// Error implements error.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 20 {
			fmt.Fprintf(&b, "… và %d lỗi khác", len(ps)-20)
			break
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// As lets apperr.CodeOf and apperr.MessageOf see an invalid-input error
// with a summary message.
func (ps Problems) As(target any) bool {
	if t, ok := target.(**apperr.Error); ok && len(ps) > 0 {
		*t = apperr.Invalid("file", fmt.Sprintf("Tệp có %d lỗi; không có số liệu nào được lưu. Lỗi đầu tiên — %s", len(ps), ps[0].String()))
		return true
	}
	return false
}

// scopeUnits returns the units that report with form f for period p
// below (and including) unitID, as the tree stood on the period's last
// day, in tree order.
func (s *Store) scopeUnits(ctx context.Context, unitID int64, f Form, p vntext.Period) ([]org.Unit, error) {
	units, err := s.units.Subtree(ctx, unitID, p.End())
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, u := range units {
		if (u.Kind == org.Board || u.Kind == org.CommuneBloc) && containsStr(f.Levels, string(u.Level)) {
			out = append(out, u)
		}
	}
	return out, nil
}

// Table returns the value table of a form for unitID and the units below
// it that report with the form, for period p: one row per unit,
// indicator and breakdown part, with the value and report status when
// there is one. With blank set it is the empty template to fill in.
func (s *Store) Table(ctx context.Context, unitID int64, f Form, p vntext.Period, blank bool) ([][]any, error) {
	units, err := s.scopeUnits(ctx, unitID, f, p)
	if err != nil {
		return nil, err
	}
	type rep struct {
		status Status
		values Values
	}
	got := map[int64]rep{}
	if !blank {
		rows, err := s.db.QueryContext(ctx, `SELECT r.unit_id, r.status, v.indicator_id, v.breakdown, v.value
			FROM unit_closure c JOIN reports r ON r.unit_id = c.descendant_id
			JOIN report_values v ON v.report_id = r.id
			WHERE c.ancestor_id = ? AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)
			AND r.form_id = ? AND r.period = ?`, unitID, day(p.End()), day(p.End()), f.ID, p.String())
		if err != nil {
			return nil, fmt.Errorf("report: table: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var uid int64
			var st Status
			var k Key
			var v float64
			if err := rows.Scan(&uid, &st, &k.IndicatorID, &k.Part, &v); err != nil {
				return nil, err
			}
			r := got[uid]
			if r.values == nil {
				r.values = Values{}
			}
			r.status = st
			r.values[k] = v
			got[uid] = r
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var out [][]any
	for _, u := range units {
		r := got[u.ID]
		for _, ind := range f.For(string(u.Level), p) {
			if ind.Derived() {
				continue
			}
			parts := ind.Parts()
			if parts == nil {
				parts = []string{""}
			}
			for _, part := range parts {
				var val any
				if v, ok := r.values[Key{ind.ID, part}]; ok {
					val = v
				}
				status := ""
				if r.values != nil {
					status = r.status.Label()
				}
				out = append(out, []any{u.Code, u.Name, ind.Code, ind.Name, ind.Measure, part, val, status})
			}
		}
	}
	return out, nil
}

// Import saves an uploaded table of values for form f and period p as
// drafts of the units it names, all of it or nothing: every problem —
// unknown unit or indicator, a unit outside p's write scope or not below
// unitID, a report already submitted or approved, a bad number, a ratio
// whose parts disagree, a duplicate line — is collected and returned as
// Problems, and then nothing is saved. Values not in the table are kept.
// It returns how many reports it saved.
func (s *Store) Import(ctx context.Context, p *auth.Principal, unitID int64, f Form, per vntext.Period, rows []Row) (int, error) {
	if err := s.auth.Require(ctx, p, auth.PermWrite, unitID); err != nil {
		return 0, err
	}
	if f.PeriodKind != per.Kind {
		return 0, apperr.Invalid("period", fmt.Sprintf(msgFormPeriod, periodKindLabel(f.PeriodKind), per.Label()))
	}
	if len(rows) == 0 {
		return 0, apperr.Invalid("file", "Tệp không có dòng số liệu nào.")
	}
	units, err := s.scopeUnits(ctx, unitID, f, per)
	if err != nil {
		return 0, err
	}
	byCode := make(map[string]org.Unit, len(units))
	for _, u := range units {
		byCode[strings.ToUpper(u.Code)] = u
	}
	all, err := s.Indicators(ctx)
	if err != nil {
		return 0, err
	}
	byID := make(map[int64]Indicator, len(all))
	for _, i := range all {
		byID[i.ID] = i
	}
	inForm := map[string]Indicator{}
	for _, i := range f.Indicators {
		inForm[strings.ToUpper(i.Code)] = i
	}
	// Current reports of the units, for their status and values.
	current := map[int64]Report{}
	for _, u := range units {
		r, err := s.Find(ctx, Target{UnitID: u.ID, FormID: f.ID, Period: per})
		if err == nil {
			current[u.ID] = r
		} else if apperr.CodeOf(err) != apperr.CodeNotFound {
			return 0, err
		}
	}
	var ps Problems
	add := func(r Row, col int, msg string) {
		c := ""
		if col >= 0 {
			c = ColumnName(col)
		}
		ps = append(ps, Problem{Sheet: r.Sheet, Row: r.Line, Column: c, Message: msg})
	}
	newValues := map[int64]Values{}
	seen := map[[2]any]Row{}
	allowed := map[int64]bool{}
	for _, r := range rows {
		code := strings.ToUpper(r.Cell(colUnit))
		u, ok := byCode[code]
		if !ok {
			if code == "" {
				add(r, colUnit, "Thiếu mã đơn vị.")
			} else {
				add(r, colUnit, fmt.Sprintf("Đơn vị mã “%s” không thuộc phạm vi báo cáo này.", r.Cell(colUnit)))
			}
			continue
		}
		ok, known := allowed[u.ID]
		if !known {
			can, err := s.auth.Can(ctx, p, auth.PermWrite, u.ID)
			if err != nil {
				return 0, err
			}
			allowed[u.ID], ok = can, can
		}
		if !ok {
			add(r, colUnit, fmt.Sprintf("Bạn không có quyền nhập số liệu cho %s.", u.Name))
			continue
		}
		if cur, has := current[u.ID]; has && !cur.Status.Editable() {
			add(r, colUnit, fmt.Sprintf("Báo cáo của %s đang ở trạng thái “%s”, không sửa được.", u.Name, cur.Status.Label()))
			continue
		}
		ind, ok := inForm[strings.ToUpper(r.Cell(colIndicator))]
		if !ok || !ind.ReportedBy(string(u.Level)) || !ind.ValidIn(per) {
			add(r, colIndicator, fmt.Sprintf("Chỉ tiêu mã “%s” không có trong mẫu báo cáo của đơn vị này.", r.Cell(colIndicator)))
			continue
		}
		if ind.Derived() {
			add(r, colIndicator, fmt.Sprintf("%s được tính tự động, không nhập.", ind.Name))
			continue
		}
		part := strings.TrimSpace(r.Cell(colPart))
		if parts := ind.Parts(); parts != nil {
			if !containsStr(parts, part) {
				add(r, colPart, fmt.Sprintf("Phân tổ “%s” không hợp lệ cho chỉ tiêu %s.", part, ind.Code))
				continue
			}
		} else if part != "" {
			add(r, colPart, fmt.Sprintf("Chỉ tiêu %s không chia phân tổ.", ind.Code))
			continue
		}
		k := Key{ind.ID, part}
		if prev, dup := seen[[2]any{u.ID, k}]; dup {
			add(r, -1, fmt.Sprintf("Trùng với dòng %d (cùng đơn vị, chỉ tiêu).", prev.Line))
			continue
		}
		seen[[2]any{u.ID, k}] = r
		v, has, err := ParseValue(ind, r.Cell(colValue), ind.Name)
		if err != nil {
			add(r, colValue, errorKey(err))
			continue
		}
		if !has {
			continue
		}
		if newValues[u.ID] == nil {
			newValues[u.ID] = Values{}
		}
		newValues[u.ID][k] = v
	}
	// Ratio parts, on the values the units would end up with.
	merged := map[int64]Values{}
	for uid, nv := range newValues {
		vs := Values{}
		for k, v := range current[uid].Values {
			vs[k] = v
		}
		for k, v := range nv {
			vs[k] = v
		}
		merged[uid] = vs
		var es apperr.Errors
		u := unitByID(units, uid)
		checkRatios(f.For(string(u.Level), per), byID, vs, &es)
		for _, e := range es {
			var k Key
			fmt.Sscanf(e.Field, "v%d", &k.IndicatorID)
			line := 0
			for key, r := range seen {
				if key[0] == uid && key[1].(Key).IndicatorID == k.IndicatorID {
					line = r.Line
				}
			}
			ps = append(ps, Problem{Sheet: rows[0].Sheet, Row: line, Column: ColumnName(colValue), Message: u.Name + ": " + e.Key})
		}
	}
	if len(ps) > 0 {
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].Row < ps[b].Row })
		return 0, ps
	}
	uids := make([]int64, 0, len(merged))
	for uid := range merged {
		uids = append(uids, uid)
	}
	sort.Slice(uids, func(a, b int) bool { return uids[a] < uids[b] })
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := stamp(tx.Now())
		for _, uid := range uids {
			cur, has := current[uid]
			var id int64
			if has {
				res, err := tx.ExecContext(ctx, `UPDATE reports SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
					now, cur.ID, cur.Version)
				if err != nil {
					return fmt.Errorf("report: import: %w", err)
				}
				if n, _ := res.RowsAffected(); n != 1 {
					return apperr.Conflict(msgStale)
				}
				id = cur.ID
			} else {
				var err error
				id, err = tx.InsertID(ctx, `INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end,
					status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?)`,
					f.ID, uid, per.String(), per.Kind.String(), day(per.Start()), day(per.End()), now, now)
				if err != nil {
					return fmt.Errorf("report: import: %w", err)
				}
			}
			if err := writeValues(ctx, tx, id, merged[uid]); err != nil {
				return err
			}
			after, err := getReport(ctx, tx, id)
			if err != nil {
				return err
			}
			var before any
			if has {
				before = cur.audit(true)
			}
			if err := recordAudit(ctx, tx, "import", after, before, after.audit(true)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(uids), nil
}

func unitByID(us []org.Unit, id int64) org.Unit {
	for _, u := range us {
		if u.ID == id {
			return u
		}
	}
	return org.Unit{}
}

// errorKey is the message key of err (transitional: keys are still
// Vietnamese sentences here).
func errorKey(err error) string {
	k, _ := apperr.KeyOf(err)
	return k
}
