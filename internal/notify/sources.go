package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// The sources this package knows. They read the tables of report and
// meeting, read-only, inside the transaction that records the day's
// reminders: the deadlines are plain columns there, and a reminder must
// not drift from the rows it describes.

// BuiltinSources are the reminders of reports, decisions and key tasks.
func BuiltinSources() []Source {
	return []Source{reportSource, decisionSource, taskSource}
}

// dateText writes a day the Vietnamese way: 25/12/2026.
func dateText(t time.Time) string { return t.Format("02/01/2006") }

// holders lists the active accounts with one of roles granted on exactly
// unitID: the people of that unit, not everyone whose scope covers it
// (a province officer is not reminded of every commune's report).
type holderKey struct {
	unit  int64
	roles string
}

type holderCache struct {
	q     db.Querier
	cache map[holderKey][]int64
}

func (h *holderCache) of(ctx context.Context, unitID int64, roles ...string) ([]int64, error) {
	k := holderKey{unitID, strings.Join(roles, ",")}
	if ids, ok := h.cache[k]; ok {
		return ids, nil
	}
	args := []any{unitID}
	for _, r := range roles {
		args = append(args, r)
	}
	rows, err := h.q.QueryContext(ctx, `SELECT DISTINCT u.id FROM grants g JOIN users u ON u.id = g.user_id
		WHERE g.unit_id = ? AND u.active = 1 AND g.role IN (`+db.Placeholders(len(roles))+`) ORDER BY u.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("notify: people of unit %d: %w", unitID, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	h.cache[k] = ids
	return ids, rows.Err()
}

// containing is the period of kind k holding day d.
func containing(k vntext.PeriodKind, d time.Time) vntext.Period {
	m := int(d.Month())
	switch k {
	case vntext.Month:
		return vntext.Period{Kind: k, Year: d.Year(), Part: m}
	case vntext.Quarter:
		return vntext.Period{Kind: k, Year: d.Year(), Part: (m-1)/3 + 1}
	case vntext.Half:
		return vntext.Period{Kind: k, Year: d.Year(), Part: (m-1)/6 + 1}
	}
	return vntext.Period{Kind: vntext.Year, Year: d.Year()}
}

// reportSource reminds the officers of each reporting unit (boards and
// commune blocs of a form's levels) of a report not yet submitted whose
// deadline (the period's last day plus the offset) is within the lead
// days ahead, or passed within the overdue days.
func reportSource(ctx context.Context, q db.Querier, w Window) ([]Item, error) {
	st, day := w.Settings, w.Day
	type form struct {
		id     int64
		name   string
		kind   string
		levels string
	}
	var forms []form
	rows, err := q.QueryContext(ctx, `SELECT id, name, period_kind, levels FROM report_forms
		WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id`, db.Day(day), db.Day(day))
	if err != nil {
		return nil, fmt.Errorf("notify: report forms: %w", err)
	}
	for rows.Next() {
		var f form
		if err := rows.Scan(&f.id, &f.name, &f.kind, &f.levels); err != nil {
			rows.Close()
			return nil, err
		}
		forms = append(forms, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	h := &holderCache{q: q, cache: map[holderKey][]int64{}}
	var out []Item
	for _, f := range forms {
		var kind vntext.PeriodKind
		switch f.kind {
		case "year":
			kind = vntext.Year
		case "half":
			kind = vntext.Half
		case "quarter":
			kind = vntext.Quarter
		case "month":
			kind = vntext.Month
		default:
			continue // a stage has no regular deadline
		}
		first := day.AddDate(0, 0, -st.OverdueDays-st.ReportOffsetDays)
		last := day.AddDate(0, 0, st.ReportLeadDays-st.ReportOffsetDays)
		for per := containing(kind, first); !per.Start().After(last); per = containing(kind, per.End().AddDate(0, 0, 1)) {
			due := per.End().AddDate(0, 0, st.ReportOffsetDays)
			if due.Before(day.AddDate(0, 0, -st.OverdueDays)) || due.After(day.AddDate(0, 0, st.ReportLeadDays)) {
				continue
			}
			items, err := reportsDue(ctx, q, h, f.id, f.name, f.levels, per, due, day)
			if err != nil {
				return nil, err
			}
			out = append(out, items...)
		}
	}
	return out, nil
}

func reportsDue(ctx context.Context, q db.Querier, h *holderCache, formID int64, formName, levels string, per vntext.Period, due, day time.Time) ([]Item, error) {
	rows, err := q.QueryContext(ctx, `SELECT u.id, v.name FROM units u JOIN unit_versions v ON v.unit_id = u.id
		AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)
		WHERE u.kind IN ('board', 'commune_bloc') AND ? LIKE '%,' || u.level || ',%'
		AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to >= ?)
		AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.unit_id = u.id AND r.form_id = ? AND r.period = ?
			AND r.status IN ('submitted', 'approved'))
		ORDER BY u.id`, db.Day(day), db.Day(day), levels, db.Day(day), db.Day(day), formID, per.String())
	if err != nil {
		return nil, fmt.Errorf("notify: reports due: %w", err)
	}
	type unit struct {
		id   int64
		name string
	}
	var units []unit
	for rows.Next() {
		var u unit
		if err := rows.Scan(&u.id, &u.name); err != nil {
			rows.Close()
			return nil, err
		}
		units = append(units, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	kind, key := ReportDue, "notify.msg.report_due"
	if due.Before(day) {
		kind, key = ReportOverdue, "notify.msg.report_overdue"
	}
	var out []Item
	for _, u := range units {
		people, err := h.of(ctx, u.id, "officer", "admin")
		if err != nil {
			return nil, err
		}
		for _, uid := range people {
			out = append(out, Item{UserID: uid, Kind: kind, Due: due,
				Ref:     fmt.Sprintf("report:%d:%d:%s", u.id, formID, per),
				Message: i18n.M(key, formName, per.Message(), u.name, dateText(due)),
				Link:    "/bao-cao"})
		}
	}
	return out, nil
}

// decisionSource reminds the leaders of the unit directly above of every
// submitted report (they decide on it), from the day after it was sent.
func decisionSource(ctx context.Context, q db.Querier, w Window) ([]Item, error) {
	d := db.Day(w.Day)
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.period, r.submitted_at, f.name, v.name, v.parent_id
		FROM reports r JOIN report_forms f ON f.id = r.form_id
		JOIN unit_versions v ON v.unit_id = r.unit_id AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)
		WHERE r.status = 'submitted' AND v.parent_id IS NOT NULL AND r.submitted_at < ?
		ORDER BY r.id`, d, d, d)
	if err != nil {
		return nil, fmt.Errorf("notify: decisions waiting: %w", err)
	}
	type waiting struct {
		id, parent   int64
		period, sent string
		form, unit   string
	}
	var ws []waiting
	for rows.Next() {
		var x waiting
		if err := rows.Scan(&x.id, &x.period, &x.sent, &x.form, &x.unit, &x.parent); err != nil {
			rows.Close()
			return nil, err
		}
		ws = append(ws, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	h := &holderCache{q: q, cache: map[holderKey][]int64{}}
	var out []Item
	for _, x := range ws {
		per, err := vntext.ParsePeriod(x.period)
		if err != nil {
			return nil, fmt.Errorf("notify: report %d: %w", x.id, err)
		}
		sent, err := db.ParseStamp(x.sent)
		if err != nil {
			return nil, fmt.Errorf("notify: report %d: %w", x.id, err)
		}
		people, err := h.of(ctx, x.parent, "leader", "admin")
		if err != nil {
			return nil, err
		}
		for _, uid := range people {
			out = append(out, Item{UserID: uid, Kind: DecisionWaiting, Due: LocalDay(sent),
				Ref:     fmt.Sprintf("decision:%d", x.id),
				Message: i18n.M("notify.msg.decision_waiting", x.form, per.Message(), x.unit, dateText(LocalDay(sent))),
				Link:    fmt.Sprintf("/bao-cao/%d", x.id)})
		}
	}
	return out, nil
}

// taskSource reminds the people of each owner unit of an open key task
// due within the lead days, or overdue within the overdue days.
func taskSource(ctx context.Context, q db.Querier, w Window) ([]Item, error) {
	st, day := w.Settings, w.Day
	rows, err := q.QueryContext(ctx, `SELECT t.id, t.title, t.due_end, o.unit_id, v.name FROM meeting_tasks t
		JOIN meeting_task_owners o ON o.task_id = t.id
		JOIN unit_versions v ON v.unit_id = o.unit_id AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)
		WHERE t.status IN ('open', 'in_progress') AND t.due_end >= ? AND t.due_end <= ?
		ORDER BY t.id, o.unit_id`, db.Day(day), db.Day(day),
		db.Day(day.AddDate(0, 0, -st.OverdueDays)), db.Day(day.AddDate(0, 0, st.TaskLeadDays)))
	if err != nil {
		return nil, fmt.Errorf("notify: tasks due: %w", err)
	}
	type task struct {
		id, unit   int64
		title, due string
		unitName   string
	}
	var ts []task
	for rows.Next() {
		var x task
		if err := rows.Scan(&x.id, &x.title, &x.due, &x.unit, &x.unitName); err != nil {
			rows.Close()
			return nil, err
		}
		ts = append(ts, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	h := &holderCache{q: q, cache: map[holderKey][]int64{}}
	var out []Item
	for _, x := range ts {
		due, err := db.ParseDay(x.due)
		if err != nil {
			return nil, fmt.Errorf("notify: task %d: %w", x.id, err)
		}
		kind, key := TaskDue, "notify.msg.task_due"
		if due.Before(day) {
			kind, key = TaskOverdue, "notify.msg.task_overdue"
		}
		people, err := h.of(ctx, x.unit, "officer", "leader", "admin")
		if err != nil {
			return nil, err
		}
		for _, uid := range people {
			out = append(out, Item{UserID: uid, Kind: kind, Due: due,
				Ref:     fmt.Sprintf("task:%d", x.id),
				Message: i18n.M(key, x.title, x.unitName, dateText(due)),
				Link:    fmt.Sprintf("/nhiem-vu/%d", x.id)})
		}
	}
	return out, nil
}
