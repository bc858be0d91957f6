package meeting

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// What a review report reads of conferences and their tasks, each in
// one query.

// CountByKind counts the conferences f selects among those p may read,
// by kind, in one query (f's Kind, Limit, Offset and Asc are ignored):
// the figures beside a list, as List's total for each kind would give
// them.
func (s *Store) CountByKind(ctx context.Context, p *auth.Principal, f Filter) (map[Kind]int, error) {
	f.Kind = ""
	w, args, none, err := s.where(ctx, p, f)
	if err != nil {
		return nil, err
	}
	out := map[Kind]int{}
	if none {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.kind, COUNT(*) FROM meeting_conferences c `+w+` GROUP BY c.kind`, args...)
	if err != nil {
		return nil, fmt.Errorf("meeting: count conferences: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("meeting: count conferences: %w", err)
		}
		out[Kind(k)] = n
	}
	return out, rows.Err()
}

// TasksSet returns the key tasks set by unitID's own conferences held
// from heldFrom to heldTo and due (their last day) from dueFrom to dueTo,
// with their owners, in the order of the conferences (by day) and of
// each conference's tasks, when p may read the unit: one query whatever
// the number of conferences.
func (s *Store) TasksSet(ctx context.Context, p *auth.Principal, unitID int64, heldFrom, heldTo, dueFrom, dueTo time.Time) ([]Task, error) {
	if err := s.require(ctx, p, auth.PermRead, unitID, "meeting.err.forbidden_read"); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+taskCols+` FROM meeting_conferences c
		JOIN meeting_tasks t ON t.conference_id = c.id
		WHERE c.unit_id = ? AND c.held_on >= ? AND c.held_on <= ? AND t.due_end >= ? AND t.due_end <= ?
		ORDER BY c.held_on, c.id, t.position, t.id`,
		unitID, db.Day(heldFrom), db.Day(heldTo), db.Day(dueFrom), db.Day(dueTo))
	if err != nil {
		return nil, fmt.Errorf("meeting: tasks of %d: %w", unitID, err)
	}
	var ts []Task
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("meeting: tasks of %d: %w", unitID, err)
		}
		ts = append(ts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("meeting: tasks of %d: %w", unitID, err)
	}
	if err := s.owners(ctx, ts); err != nil {
		return nil, fmt.Errorf("meeting: tasks of %d: %w", unitID, err)
	}
	return ts, nil
}
