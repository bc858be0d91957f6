package meeting

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
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
	t.DueOn, t.DueEnd, t.ClosedOn, t.ConferenceDate = parseDay(due), parseDay(end), parseDay(closed), parseDay(held)
	t.Status = Status(status)
	return t, nil
}

// owners fills the owner units of ts (ids and names as of today).
func (s *Store) owners(ctx context.Context, ts []Task) error {
	if len(ts) == 0 {
		return nil
	}
	idx := map[int64]int{}
	args := []any{day(s.db.Now())}
	for i, t := range ts {
		idx[t.ID] = i
		args = append(args, t.ID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.task_id, o.unit_id, `+unitNameSQL("o.unit_id", "?")+`
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

// Task returns task id with its owners.
func (s *Store) Task(ctx context.Context, id int64) (Task, error) {
	t, err := scanTask(s.db.QueryRowContext(ctx, `SELECT `+taskCols+` FROM meeting_tasks t
		JOIN meeting_conferences c ON c.id = t.conference_id WHERE t.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Task{}, apperr.NotFound("Không tìm thấy nhiệm vụ.")
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

// TaskFilter selects tasks for TasksForUnits.
type TaskFilter struct {
	// OverdueOn, when set, keeps only the tasks still open (or in
	// progress) whose due day is before it.
	OverdueOn time.Time
	// Open keeps only tasks not done or dropped.
	Open   bool
	Status Status
	Query  string // folded search in the task's wording
	Limit  int    // <= 0 means 25
	Offset int
}

// TasksForUnits returns one page of the tasks owned by any of units (a
// task with several owners once), most urgent first, and their total.
// all ignores units (a national scope). The home page shows an owner's
// tasks with it; a leader's overdue list passes the units of a subtree and
// OverdueOn today.
func (s *Store) TasksForUnits(ctx context.Context, all bool, units []int64, f TaskFilter) ([]Task, int, error) {
	if !all && len(units) == 0 {
		return []Task{}, 0, nil
	}
	var where []string
	var args []any
	if !all {
		// Ids are integers, so they are written into the query rather than
		// bound: a province's subtree may hold thousands of units.
		var b strings.Builder
		for i, id := range units {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(id, 10))
		}
		where = append(where, "t.id IN (SELECT o.task_id FROM meeting_task_owners o WHERE o.unit_id IN ("+b.String()+"))")
	}
	if !f.OverdueOn.IsZero() {
		where = append(where, "t.status IN ('open', 'in_progress') AND t.due_end < ?")
		args = append(args, day(f.OverdueOn))
	} else if f.Open {
		where = append(where, "t.status IN ('open', 'in_progress')")
	}
	if f.Status != "" {
		where = append(where, "t.status = ?")
		args = append(args, string(f.Status))
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `t.title_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(q)+"%")
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+taskCols+`, COUNT(*) OVER () FROM meeting_tasks t
		JOIN meeting_conferences c ON c.id = t.conference_id `+w+`
		ORDER BY t.due_end, t.id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
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
	Author  string
}

// UpdateTask changes a task's state and adds a follow-up note (either may
// be left unchanged: the same status with a note, or a new status without
// one).
func (s *Store) UpdateTask(ctx context.Context, u TaskUpdate) (Task, error) {
	u.Note = strings.TrimSpace(vntext.Normalize(u.Note))
	u.Reason = clean(u.Reason)
	var es apperr.Errors
	if !u.Status.Valid() {
		es.Add("status", "Trạng thái không hợp lệ.")
	}
	if u.Status == Dropped && u.Reason == "" {
		es.Add("reason", "Hãy ghi lý do không thực hiện nhiệm vụ.")
	}
	if len(u.Note) > 10000 {
		es.Add("note", "Ghi chú quá dài.")
	}
	if err := es.Err(); err != nil {
		return Task{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var status string
		var version, unitID int64
		err := tx.QueryRowContext(ctx, "SELECT status, version, unit_id FROM meeting_tasks WHERE id = ?", u.ID).Scan(&status, &version, &unitID)
		if errors.Is(err, db.ErrNotFound) {
			return apperr.NotFound("Không tìm thấy nhiệm vụ.")
		}
		if err != nil {
			return err
		}
		if u.Version != 0 && u.Version != version {
			return apperr.Conflict("Nhiệm vụ vừa được người khác cập nhật. Hãy tải lại trang và thử lại.")
		}
		old := Status(status)
		if old == u.Status && u.Note == "" {
			return apperr.Invalid("note", "Không có gì thay đổi: hãy chọn trạng thái khác hoặc ghi chú tiến độ.")
		}
		today := day(tx.Now())
		closed := ""
		if u.Status.Closed() {
			closed = today
		}
		reason := ""
		if u.Status == Dropped {
			reason = u.Reason
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meeting_tasks SET status = ?, drop_reason = ?, closed_on = ?,
			version = version + 1, updated_at = ? WHERE id = ?`, string(u.Status), reason, closed, stamp(tx.Now()), u.ID); err != nil {
			return err
		}
		noted := day(u.NotedOn)
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
				VALUES (?, ?, ?, ?, ?, ?)`, u.ID, noted, body, changed, u.Author, stamp(tx.Now())); err != nil {
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
	return s.Task(ctx, u.ID)
}

// Notes returns the follow-up notes of a task, oldest first.
func (s *Store) Notes(ctx context.Context, taskID int64) ([]Note, error) {
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
		n.NotedOn, n.Status = parseDay(noted), Status(status)
		out = append(out, n)
	}
	return out, rows.Err()
}
