package audit

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/db"
)

// Row is one recorded change, as read back.
type Row struct {
	ID       int64
	At       time.Time
	UserID   int64 // 0 for the system
	Actor    string
	Addr     string
	Action   string
	Entity   string
	EntityID int64
	UnitID   int64
	Before   string // JSON, "" when none
	After    string // JSON, "" when none
}

// Filter selects audit rows. Nil and zero fields do not restrict.
type Filter struct {
	UserID *int64
	Entity string
	// Units restricts to changes recorded on these units (a scope already
	// expanded to unit ids); nil means every unit, an empty non-nil slice
	// means none. AnyUnit also admits changes with no unit.
	Units   []int64
	AnyUnit bool
	From    time.Time // at or after (inclusive, a day)
	To      time.Time // before the end of this day
	Limit   int       // default 50, at most 500
	Offset  int
}

// List returns the rows matching f, newest first, and how many match in
// all (for pagination), in one query.
func List(ctx context.Context, q db.Querier, f Filter) ([]Row, int, error) {
	var where []string
	var args []any
	if f.UserID != nil {
		where = append(where, "user_id = ?")
		args = append(args, *f.UserID)
	}
	if f.Entity != "" {
		where = append(where, "entity = ?")
		args = append(args, f.Entity)
	}
	if f.Units != nil {
		if len(f.Units) == 0 && !f.AnyUnit {
			return nil, 0, nil
		}
		var cond []string
		if len(f.Units) > 0 {
			cond = append(cond, "unit_id IN ("+db.Placeholders(len(f.Units))+")")
			for _, id := range f.Units {
				args = append(args, id)
			}
		}
		if f.AnyUnit {
			cond = append(cond, "unit_id IS NULL")
		}
		where = append(where, "("+strings.Join(cond, " OR ")+")")
	}
	if !f.From.IsZero() {
		where = append(where, "at >= ?")
		args = append(args, db.Day(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, "at < ?")
		args = append(args, db.Day(f.To.AddDate(0, 0, 1)))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	query := `SELECT id, at, user_id, actor, addr, action, entity, entity_id, unit_id, before_json, after_json,
		COUNT(*) OVER () FROM audit_log`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY id DESC LIMIT ? OFFSET ?"
	args = append(args, limit, max(f.Offset, 0))
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("audit: list: %w", err)
	}
	defer rows.Close()
	var out []Row
	total := 0
	for rows.Next() {
		var r Row
		var at string
		var userID, entityID, unitID sql.NullInt64
		var before, after sql.NullString
		if err := rows.Scan(&r.ID, &at, &userID, &r.Actor, &r.Addr, &r.Action, &r.Entity, &entityID, &unitID,
			&before, &after, &total); err != nil {
			return nil, 0, fmt.Errorf("audit: list: %w", err)
		}
		if r.At, err = db.ParseStamp(at); err != nil {
			return nil, 0, fmt.Errorf("audit: row %d: %w", r.ID, err)
		}
		r.UserID, r.EntityID, r.UnitID = userID.Int64, entityID.Int64, unitID.Int64
		r.Before, r.After = before.String, after.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("audit: list: %w", err)
	}
	if len(out) == 0 && f.Offset > 0 {
		// Past the last page: still report the total.
		err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log"+whereOnly(query), args[:len(args)-2]...).Scan(&total)
		if err != nil {
			return nil, 0, fmt.Errorf("audit: count: %w", err)
		}
	}
	return out, total, nil
}

// whereOnly extracts the WHERE clause of a list query.
func whereOnly(query string) string {
	i := strings.Index(query, " WHERE ")
	if i < 0 {
		return ""
	}
	j := strings.Index(query, " ORDER BY ")
	return query[i:j]
}
