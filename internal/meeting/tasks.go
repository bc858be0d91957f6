package meeting

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

const taskCols = `t.id, t.conference_id, t.unit_id, t.title, t.due_on, t.period, t.due_end, t.status, t.drop_reason,
	t.indicator_code, t.closed_on, t.version, c.title, c.held_on`

func scanTask(r interface{ Scan(...any) error }, extra ...any) (Task, error) {
	var t Task
	var due, end, status, closed, held string
	dest := append([]any{&t.ID, &t.ConferenceID, &t.UnitID, &t.Title, &due, &t.Period, &end, &status, &t.DropReason,
		&t.IndicatorCode, &closed, &t.Version, &t.ConferenceTitle, &held}, extra...)
	if err := r.Scan(dest...); err != nil {
		return Task{}, err
	}
	t.Status = Status(status)
	for _, d := range []struct {
		dst *time.Time
		s   string
	}{{&t.DueOn, due}, {&t.DueEnd, end}, {&t.ClosedOn, closed}, {&t.ConferenceDate, held}} {
		var err error
		if *d.dst, err = db.ParseDay(d.s); err != nil {
			return Task{}, err
		}
	}
	return t, nil
}

// owners fills the owner units of ts (ids and names as of today).
func (s *Store) owners(ctx context.Context, ts []Task) error {
	if len(ts) == 0 {
		return nil
	}
	idx := map[int64]int{}
	args := []any{db.Day(s.db.Now())}
	for i, t := range ts {
		idx[t.ID] = i
		args = append(args, t.ID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.task_id, o.unit_id, `+org.NameSQL("o.unit_id", "?")+`
		FROM meeting_task_owners o WHERE o.task_id IN (`+db.Placeholders(len(ts))+`) ORDER BY o.task_id, o.unit_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var tid, uid int64
		var name string
		if err := rows.Scan(&tid, &uid, &name); err != nil {
			return err
		}
		i := idx[tid]
		ts[i].Owners = append(ts[i].Owners, uid)
		ts[i].OwnerNames = append(ts[i].OwnerNames, name)
	}
	return rows.Err()
}

func (s *Store) conferenceTasks(ctx context.Context, confID int64) ([]Task, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+taskCols+` FROM meeting_tasks t
		JOIN meeting_conferences c ON c.id = t.conference_id WHERE t.conference_id = ? ORDER BY t.position, t.id`, confID)
	if err != nil {
		return nil, err
	}
	var ts []Task
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		ts = append(ts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return ts, s.owners(ctx, ts)
}

// task reads task id with its owners, whoever asks.
func (s *Store) task(ctx context.Context, id int64) (Task, error) {
	t, err := scanTask(s.db.QueryRowContext(ctx, `SELECT `+taskCols+` FROM meeting_tasks t
		JOIN meeting_conferences c ON c.id = t.conference_id WHERE t.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Task{}, apperr.NotFound("meeting.err.task_not_found")
	}
	if err != nil {
		return Task{}, fmt.Errorf("meeting: task %d: %w", id, err)
	}
	ts := []Task{t}
	if err := s.owners(ctx, ts); err != nil {
		return Task{}, fmt.Errorf("meeting: task %d: %w", id, err)
	}
	return ts[0], nil
}

// Task returns task id with its owners, to a caller who may read the
// conference's unit or one of the owners.
func (s *Store) Task(ctx context.Context, p *auth.Principal, id int64) (Task, error) {
	t, err := s.task(ctx, id)
	if err != nil {
		return Task{}, err
	}
	if err := s.requireAny(ctx, p, auth.PermRead, t.units(), "meeting.err.task_read"); err != nil {
		return Task{}, err
	}
	return t, nil
}

// TaskFilter selects tasks for Tasks, among those the caller may see.
type TaskFilter struct {
	// Own keeps only the tasks of the caller's own units (those of their
	// grants and the old units merged into them), not of the units below.
	Own bool
	// UnitID keeps only the tasks this unit owns; the caller must be able
	// to read it.
	UnitID int64
	// OverdueOn, when set, keeps only the tasks still open (or in
	// progress) whose due day is before it.
	OverdueOn time.Time
	// DueBy, when set, keeps only the tasks still open (or in progress)
	// due on or before it: a leader's inbox passes the week's end, so
	// that the overdue and those due this week come together.
	DueBy time.Time
	// NewestFirst orders by due day, latest first (what fell overdue
	// last week before what has been late since 2016).
	NewestFirst bool
	// Open keeps only tasks not done or dropped.
	Open   bool
	Status Status
	Query  string // folded search in the task's wording
	Limit  int    // <= 0 means 25
	Offset int
}

// Tasks returns one page of the tasks f selects, owned by units the
// caller may read (a task with several owners once), most urgent first,
// and their total. The home page shows a user's own open tasks with it;
// a leader's overdue list passes OverdueOn today.
func (s *Store) Tasks(ctx context.Context, p *auth.Principal, f TaskFilter) ([]Task, int, error) {
	if f.Status != "" && !f.Status.Valid() {
		return nil, 0, apperr.Invalid("status", "meeting.err.status")
	}
	var all bool
	var units []int64
	switch {
	case f.UnitID != 0:
		if err := s.require(ctx, p, auth.PermRead, f.UnitID, "meeting.err.forbidden_read"); err != nil {
			return nil, 0, err
		}
		units = []int64{f.UnitID}
	case f.Own:
		if s.authz == nil {
			return nil, 0, errNoAuth
		}
		if p == nil || !p.User.Active {
			return []Task{}, 0, nil
		}
		own, err := s.authz.OwnUnits(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		units = own
	default:
		reach, err := s.reach(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		all, units = reach.All, reach.IDs
	}
	return s.tasksFor(ctx, all, units, f)
}

// tasksFor is Tasks for every unit (all) or the tasks units own.
func (s *Store) tasksFor(ctx context.Context, all bool, units []int64, f TaskFilter) ([]Task, int, error) {
	if !all && len(units) == 0 {
		return []Task{}, 0, nil
	}
	var where []string
	var args []any
	if !all {
		where = append(where, "t.id IN (SELECT o.task_id FROM meeting_task_owners o WHERE o.unit_id IN ("+idList(units)+"))")
	}
	if !f.OverdueOn.IsZero() {
		where = append(where, "t.status IN ('open', 'in_progress') AND t.due_end < ?")
		args = append(args, db.Day(f.OverdueOn))
	} else if !f.DueBy.IsZero() {
		where = append(where, "t.status IN ('open', 'in_progress') AND t.due_end <= ?")
		args = append(args, db.Day(f.DueBy))
	} else if f.Open {
		where = append(where, "t.status IN ('open', 'in_progress')")
	}
	if f.Status != "" {
		where = append(where, "t.status = ?")
		args = append(args, string(f.Status))
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `t.title_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	order := "t.due_end, t.id"
	if f.NewestFirst {
		order = "t.due_end DESC, t.id DESC"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+taskCols+`, COUNT(*) OVER () FROM meeting_tasks t
		JOIN meeting_conferences c ON c.id = t.conference_id `+w+`
		ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("meeting: tasks: %w", err)
	}
	ts := []Task{}
	total := 0
	for rows.Next() {
		t, err := scanTask(rows, &total)
		if err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("meeting: tasks: %w", err)
		}
		ts = append(ts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("meeting: tasks: %w", err)
	}
	if err := s.owners(ctx, ts); err != nil {
		return nil, 0, fmt.Errorf("meeting: tasks: %w", err)
	}
	return ts, total, nil
}

// TaskUpdate is a change of a task's state with a dated follow-up note.
type TaskUpdate struct {
	ID      int64
	Version int64 // the version the editor saw; a stale one is refused
	Status  Status
	Reason  string // required when dropping
	Note    string
	NotedOn time.Time // the note's date; zero means today
}

// UpdateTask changes a task's state and adds a follow-up note (either may
// be left unchanged: the same status with a note, or a new status without
// one), for a caller who may write on the conference's unit or on one of
// the owners. The note is signed with the caller's name.
func (s *Store) UpdateTask(ctx context.Context, p *auth.Principal, u TaskUpdate) (Task, error) {
	t, err := s.task(ctx, u.ID)
	if err != nil {
		return Task{}, err
	}
	if err := s.requireAny(ctx, p, auth.PermRead, t.units(), "meeting.err.task_read"); err != nil {
		return Task{}, err
	}
	if err := s.requireAny(ctx, p, auth.PermWrite, t.units(), "meeting.err.task_write"); err != nil {
		return Task{}, err
	}
	u.Note = strings.TrimSpace(vntext.Normalize(u.Note))
	u.Reason = clean(u.Reason)
	var es apperr.Errors
	if !u.Status.Valid() {
		es.Add("status", "meeting.err.status")
	}
	if u.Status == Dropped && u.Reason == "" {
		es.Add("reason", "meeting.err.reason")
	}
	if len(u.Note) > 10000 {
		es.Add("note", "meeting.err.note_long")
	}
	if err := es.Err(); err != nil {
		return Task{}, err
	}
	author := p.User.Name
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var status string
		var version, unitID int64
		err := tx.QueryRowContext(ctx, "SELECT status, version, unit_id FROM meeting_tasks WHERE id = ?", u.ID).Scan(&status, &version, &unitID)
		if errors.Is(err, db.ErrNotFound) {
			return apperr.NotFound("meeting.err.task_not_found")
		}
		if err != nil {
			return err
		}
		if u.Version != 0 && u.Version != version {
			return apperr.Conflict("meeting.err.task_stale")
		}
		old := Status(status)
		if old == u.Status && u.Note == "" {
			return apperr.Invalid("note", "meeting.err.nothing")
		}
		today := db.Day(tx.Now())
		closed := ""
		if u.Status.Closed() {
			closed = today
		}
		reason := ""
		if u.Status == Dropped {
			reason = u.Reason
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meeting_tasks SET status = ?, drop_reason = ?, closed_on = ?,
			version = version + 1, updated_at = ? WHERE id = ?`, string(u.Status), reason, closed, db.Stamp(tx.Now()), u.ID); err != nil {
			return err
		}
		noted := optDay(u.NotedOn)
		if noted == "" {
			noted = today
		}
		body := u.Note
		if body == "" && u.Status == Dropped {
			body = u.Reason
		}
		changed := ""
		if old != u.Status {
			changed = string(u.Status)
		}
		if body != "" || changed != "" {
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_task_notes (task_id, noted_on, body, status, author, created_at)
				VALUES (?, ?, ?, ?, ?, ?)`, u.ID, noted, body, changed, author, db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "task", EntityID: u.ID, UnitID: unitID,
			Before: map[string]any{"status": old}, After: map[string]any{"status": u.Status, "note": u.Note, "reason": reason}})
	})
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Task{}, err
		}
		return Task{}, fmt.Errorf("meeting: update task %d: %w", u.ID, err)
	}
	return s.Task(ctx, p, u.ID)
}

// Notes returns the follow-up notes of a task, oldest first, to a caller
// who may read the task.
func (s *Store) Notes(ctx context.Context, p *auth.Principal, taskID int64) ([]Note, error) {
	if _, err := s.Task(ctx, p, taskID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, task_id, noted_on, body, status, author FROM meeting_task_notes
		WHERE task_id = ? ORDER BY noted_on, id`, taskID)
	if err != nil {
		return nil, fmt.Errorf("meeting: notes: %w", err)
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		var noted, status string
		if err := rows.Scan(&n.ID, &n.TaskID, &noted, &n.Body, &status, &n.Author); err != nil {
			return nil, fmt.Errorf("meeting: notes: %w", err)
		}
		if n.NotedOn, err = db.ParseDay(noted); err != nil {
			return nil, fmt.Errorf("meeting: notes: %w", err)
		}
		n.Status = Status(status)
		out = append(out, n)
	}
	return out, rows.Err()
}
