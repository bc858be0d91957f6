package meeting

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes conferences, people and tasks.
type Store struct {
	db    *db.DB
	units *org.Store
	files *blob.Bucket
}

// NewStore returns a store over d; files keeps conference documents (nil
// refuses uploads).
func NewStore(d *db.DB, units *org.Store, files *blob.Bucket) *Store {
	return &Store{db: d, units: units, files: files}
}

const dayLayout = time.DateOnly

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dayLayout)
}

func parseDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// unitNameSQL is the name of the unit in column col as it stood on the day
// in column on (its latest version started by then, else its first).
func unitNameSQL(col, on string) string {
	return `COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = ` + col + ` AND v.valid_from <= ` + on +
		` ORDER BY v.valid_from DESC LIMIT 1), (SELECT v.name FROM unit_versions v WHERE v.unit_id = ` + col + ` ORDER BY v.valid_from LIMIT 1), '')`
}

// checkUnit fails with an invalid-input error on field when unit id did
// not exist on date.
func (s *Store) checkUnit(ctx context.Context, id int64, date time.Time, field string) (org.Unit, error) {
	u, err := s.units.Get(ctx, id, date)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return org.Unit{}, apperr.Invalid(field, "Đơn vị không tồn tại vào ngày họp.")
		}
		return org.Unit{}, err
	}
	return u, nil
}

// auditConference is what the audit log keeps of a conference.
type auditConference struct {
	UnitID int64  `json:"unit_id"`
	Kind   Kind   `json:"kind"`
	Title  string `json:"title"`
	HeldOn string `json:"held_on"`
	Period string `json:"period,omitempty"`
	Source string `json:"source,omitempty"`
	People int    `json:"people"`
	Tasks  int    `json:"tasks"`
}

// Create records a conference with its participants, attending units,
// figures and tasks in one transaction. When c.SourceText is set the
// article's hash is kept, and an article already imported is refused with
// a conflict whose message names the earlier conference.
func (s *Store) Create(ctx context.Context, c Conference) (Conference, error) {
	if err := c.validate(); err != nil {
		return Conference{}, err
	}
	if _, err := s.checkUnit(ctx, c.UnitID, c.HeldOn, "unit"); err != nil {
		return Conference{}, err
	}
	for _, id := range c.AttendingUnits {
		if _, err := s.checkUnit(ctx, id, c.HeldOn, "units"); err != nil {
			return Conference{}, err
		}
	}
	for i, p := range c.Participants {
		if p.UnitID != 0 {
			if _, err := s.checkUnit(ctx, p.UnitID, c.HeldOn, fmt.Sprintf("%s.%d.unit", p.Role, i)); err != nil {
				return Conference{}, err
			}
		}
	}
	for i, t := range c.Tasks {
		for _, o := range t.Owners {
			if _, err := s.units.Get(ctx, o, s.db.Now()); err != nil {
				if _, err2 := s.checkUnit(ctx, o, c.HeldOn, fmt.Sprintf("task.%d.owners", i)); err2 != nil {
					return Conference{}, err2
				}
			}
		}
	}
	c.SourceHash = ""
	if strings.TrimSpace(c.SourceText) != "" {
		c.SourceHash = SourceHash(c.SourceText)
		if id, err := s.ConferenceBySource(ctx, c.SourceText); err == nil {
			return Conference{}, duplicate(id)
		} else if apperr.CodeOf(err) != apperr.CodeNotFound {
			return Conference{}, err
		}
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		return s.create(ctx, tx, &c)
	})
	if errors.Is(err, db.ErrConflict) && c.SourceHash != "" {
		if id, err2 := s.ConferenceBySource(ctx, c.SourceText); err2 == nil {
			return Conference{}, duplicate(id)
		}
	}
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Conference{}, err
		}
		return Conference{}, fmt.Errorf("meeting: create conference: %w", err)
	}
	return s.Conference(ctx, c.ID)
}

// ErrDuplicate is wrapped by the conflict Create returns for an article
// imported before; DuplicateOf reads the earlier conference's id.
var ErrDuplicate = errors.New("meeting: article already imported")

type dupError struct{ id int64 }

func (e dupError) Error() string {
	return fmt.Sprintf("meeting: article already imported as conference %d", e.id)
}
func (e dupError) Unwrap() error { return ErrDuplicate }

func duplicate(id int64) error {
	return &apperr.Error{Code: apperr.CodeConflict, Field: "source", Err: dupError{id},
		Key: "Bài viết này đã được nhập thành hội nghị số %d.", Args: []any{id}}
}

// DuplicateOf returns the id of the conference an article was already
// imported as, when err is Create's duplicate conflict.
func DuplicateOf(err error) (int64, bool) {
	var d dupError
	if errors.As(err, &d) {
		return d.id, true
	}
	return 0, false
}

// ConferenceBySource returns the id of the conference imported from the
// article text (compared by SourceHash), or a not-found error.
func (s *Store) ConferenceBySource(ctx context.Context, text string) (int64, error) {
	h := SourceHash(text)
	if h == "" {
		return 0, apperr.NotFound("Không tìm thấy hội nghị.")
	}
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM meeting_conferences WHERE source_hash = ?", h).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return 0, apperr.NotFound("Không tìm thấy hội nghị.")
	}
	if err != nil {
		return 0, fmt.Errorf("meeting: conference by source: %w", err)
	}
	return id, nil
}

func (s *Store) create(ctx context.Context, tx *db.Tx, c *Conference) error {
	now := stamp(tx.Now())
	var hash any
	if c.SourceHash != "" {
		hash = c.SourceHash
	}
	id, err := tx.InsertID(ctx, `INSERT INTO meeting_conferences
		(unit_id, kind, title, title_fold, held_on, time_of_day, place, period, summary, outcome,
		 source_name, source_text, source_hash, version, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
		c.UnitID, string(c.Kind), c.Title, vntext.Fold(c.Title), day(c.HeldOn), c.TimeOfDay, c.Place, c.Period,
		c.Summary, c.Outcome, c.SourceName, c.SourceText, hash, now, now)
	if err != nil {
		return fmt.Errorf("insert conference: %w", err)
	}
	c.ID = id
	for i, p := range c.Participants {
		pid, err := s.matchPerson(ctx, tx, c.UnitID, p, c.HeldOn)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_participants
			(conference_id, person_id, role, title, unit_id, position) VALUES (?, ?, ?, ?, ?, ?)`,
			id, pid, string(p.Role), p.Title, nullID(p.UnitID), i); err != nil {
			return fmt.Errorf("insert participant: %w", err)
		}
	}
	seen := map[int64]bool{}
	for _, u := range c.AttendingUnits {
		if seen[u] {
			continue
		}
		seen[u] = true
		if _, err := tx.ExecContext(ctx, "INSERT INTO meeting_attending_units (conference_id, unit_id) VALUES (?, ?)", id, u); err != nil {
			return fmt.Errorf("insert attending unit: %w", err)
		}
	}
	for i, f := range c.Figures {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_figures
			(conference_id, value, unit, about, indicator_code, position) VALUES (?, ?, ?, ?, ?, ?)`,
			id, f.Value, f.Unit, f.About, f.IndicatorCode, i); err != nil {
			return fmt.Errorf("insert figure: %w", err)
		}
	}
	for i := range c.Tasks {
		t := &c.Tasks[i]
		t.ConferenceID, t.UnitID = id, c.UnitID
		if err := insertTask(ctx, tx, t, i); err != nil {
			return err
		}
	}
	return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "conference", EntityID: id, UnitID: c.UnitID,
		After: auditConference{UnitID: c.UnitID, Kind: c.Kind, Title: c.Title, HeldOn: day(c.HeldOn), Period: c.Period,
			Source: c.SourceName, People: len(c.Participants), Tasks: len(c.Tasks)}})
}

func insertTask(ctx context.Context, tx *db.Tx, t *Task, pos int) error {
	now := stamp(tx.Now())
	id, err := tx.InsertID(ctx, `INSERT INTO meeting_tasks
		(conference_id, unit_id, title, title_fold, due_on, period, due_end, status, drop_reason,
		 indicator_code, closed_on, position, version, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
		t.ConferenceID, t.UnitID, t.Title, vntext.Fold(t.Title), day(t.DueOn), t.Period, day(t.DueEnd),
		string(t.Status), t.DropReason, t.IndicatorCode, day(t.ClosedOn), pos, now, now)
	if err != nil {
		return fmt.Errorf("insert task: %w", err)
	}
	t.ID, t.Version = id, 1
	seen := map[int64]bool{}
	for _, o := range t.Owners {
		if seen[o] {
			continue
		}
		seen[o] = true
		if _, err := tx.ExecContext(ctx, "INSERT INTO meeting_task_owners (task_id, unit_id) VALUES (?, ?)", id, o); err != nil {
			return fmt.Errorf("insert task owner: %w", err)
		}
	}
	return nil
}

const confCols = `c.id, c.unit_id, c.kind, c.title, c.held_on, c.time_of_day, c.place, c.period, c.summary,
	c.outcome, c.source_name, c.source_text, COALESCE(c.source_hash, ''), c.version, c.created_at, ` + "\n"

func scanConference(r interface{ Scan(...any) error }) (Conference, error) {
	var c Conference
	var kind, held, created string
	err := r.Scan(&c.ID, &c.UnitID, &kind, &c.Title, &held, &c.TimeOfDay, &c.Place, &c.Period, &c.Summary,
		&c.Outcome, &c.SourceName, &c.SourceText, &c.SourceHash, &c.Version, &created, &c.UnitName)
	if err != nil {
		return Conference{}, err
	}
	c.Kind = Kind(kind)
	c.HeldOn = parseDay(held)
	c.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	return c, nil
}

// Conference returns conference id with its participants, attending
// units, figures, tasks and documents.
func (s *Store) Conference(ctx context.Context, id int64) (Conference, error) {
	c, err := scanConference(s.db.QueryRowContext(ctx, `SELECT `+confCols+unitNameSQL("c.unit_id", "c.held_on")+`
		FROM meeting_conferences c WHERE c.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Conference{}, apperr.NotFound("Không tìm thấy hội nghị.")
	}
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: conference %d: %w", id, err)
	}
	if err := s.fill(ctx, &c); err != nil {
		return Conference{}, fmt.Errorf("meeting: conference %d: %w", id, err)
	}
	return c, nil
}

func (s *Store) fill(ctx context.Context, c *Conference) error {
	rows, err := s.db.QueryContext(ctx, `SELECT p.person_id, pp.name, p.title, COALESCE(p.unit_id, 0), p.role,
		CASE WHEN p.unit_id IS NULL THEN '' ELSE `+unitNameSQL("p.unit_id", "?")+` END
		FROM meeting_participants p JOIN meeting_people pp ON pp.id = p.person_id
		WHERE p.conference_id = ? ORDER BY p.position`, day(c.HeldOn), c.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var p Participant
		var role string
		if err := rows.Scan(&p.PersonID, &p.Name, &p.Title, &p.UnitID, &role, &p.UnitName); err != nil {
			rows.Close()
			return err
		}
		p.Role = Role(role)
		c.Participants = append(c.Participants, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT a.unit_id, `+unitNameSQL("a.unit_id", "?")+`
		FROM meeting_attending_units a WHERE a.conference_id = ? ORDER BY a.unit_id`, day(c.HeldOn), c.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		c.AttendingUnits = append(c.AttendingUnits, id)
		c.AttendingNames = append(c.AttendingNames, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT value, unit, about, indicator_code FROM meeting_figures
		WHERE conference_id = ? ORDER BY position`, c.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var f Figure
		if err := rows.Scan(&f.Value, &f.Unit, &f.About, &f.IndicatorCode); err != nil {
			rows.Close()
			return err
		}
		c.Figures = append(c.Figures, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	c.Tasks, err = s.conferenceTasks(ctx, c.ID)
	if err != nil {
		return err
	}
	c.Documents, err = s.documents(ctx, c.ID)
	return err
}

// Filter selects conferences for List.
type Filter struct {
	All    bool    // every unit (a national scope)
	Units  []int64 // else only conferences of these units; empty means none
	UnitID int64   // only this unit and the units below it today (0: any)
	Kind   Kind
	Period string // only conferences reviewing a period within this one
	Query  string // folded search in the title
	From   time.Time
	To     time.Time
	Limit  int
	Offset int
	Asc    bool // oldest first (the calendar); newest first otherwise
}

// Row is a conference as lists show it.
type Row struct {
	ID       int64
	UnitID   int64
	UnitName string
	Kind     Kind
	Title    string
	HeldOn   time.Time
	Time     string
	Place    string
	Period   string
	Tasks    int
}

// PeriodLabel is the label of the period reviewed.
func (r Row) PeriodLabel() string { return periodLabel(r.Period) }

// List returns one page of the conferences f selects and their total.
func (s *Store) List(ctx context.Context, f Filter) ([]Row, int, error) {
	if !f.All && len(f.Units) == 0 {
		return []Row{}, 0, nil
	}
	var where []string
	var args []any
	if !f.All {
		where = append(where, "c.unit_id IN ("+db.Placeholders(len(f.Units))+")")
		for _, id := range f.Units {
			args = append(args, id)
		}
	}
	if f.UnitID != 0 {
		today := day(s.db.Now())
		where = append(where, `c.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?
			AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
			UNION SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?)`)
		args = append(args, f.UnitID, today, today, f.UnitID)
	}
	if f.Kind != "" {
		where = append(where, "c.kind = ?")
		args = append(args, string(f.Kind))
	}
	if f.Period != "" {
		p, err := vntext.ParsePeriod(f.Period)
		if err != nil {
			return nil, 0, apperr.Invalid("ky", "Kỳ phải có dạng 2023, 2023S1, 2023Q3, 202307 hoặc 2016-2020.")
		}
		codes := periodsWithin(p)
		where = append(where, "c.period IN ("+db.Placeholders(len(codes))+")")
		for _, code := range codes {
			args = append(args, code)
		}
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `c.title_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(q)+"%")
	}
	if !f.From.IsZero() {
		where = append(where, "c.held_on >= ?")
		args = append(args, day(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, "c.held_on <= ?")
		args = append(args, day(f.To))
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	order := "c.held_on DESC, c.id DESC"
	if f.Asc {
		order = "c.held_on, c.id"
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.unit_id, `+unitNameSQL("c.unit_id", "c.held_on")+`, c.kind, c.title,
		c.held_on, c.time_of_day, c.place, c.period,
		(SELECT COUNT(*) FROM meeting_tasks t WHERE t.conference_id = c.id), COUNT(*) OVER ()
		FROM meeting_conferences c `+w+` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("meeting: list conferences: %w", err)
	}
	defer rows.Close()
	out := []Row{}
	total := 0
	for rows.Next() {
		var r Row
		var kind, held string
		if err := rows.Scan(&r.ID, &r.UnitID, &r.UnitName, &kind, &r.Title, &held, &r.Time, &r.Place, &r.Period, &r.Tasks, &total); err != nil {
			return nil, 0, fmt.Errorf("meeting: list conferences: %w", err)
		}
		r.Kind, r.HeldOn = Kind(kind), parseDay(held)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("meeting: list conferences: %w", err)
	}
	return out, total, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Previous returns the conference of the same unit held before c (the
// latest such), with its tasks and their status; a not-found error when
// there is none.
func (s *Store) Previous(ctx context.Context, c Conference) (Conference, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM meeting_conferences
		WHERE unit_id = ? AND (held_on < ? OR (held_on = ? AND id < ?))
		ORDER BY held_on DESC, id DESC LIMIT 1`, c.UnitID, day(c.HeldOn), day(c.HeldOn), c.ID).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return Conference{}, apperr.NotFound("Không có hội nghị trước.")
	}
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: previous conference: %w", err)
	}
	p, err := scanConference(s.db.QueryRowContext(ctx, `SELECT `+confCols+`''
		FROM meeting_conferences c WHERE c.id = ?`, id))
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: previous conference: %w", err)
	}
	p.Tasks, err = s.conferenceTasks(ctx, id)
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: previous conference: %w", err)
	}
	return p, nil
}

// CreateBatch records many conferences in one transaction, for bulk
// loads (the demo): each is validated as Create does, but units are not
// looked up (the caller vouches for them) and articles are not checked
// for duplicates. It returns how many tasks were written.
func (s *Store) CreateBatch(ctx context.Context, cs []Conference) (int, error) {
	for i := range cs {
		if err := cs[i].validate(); err != nil {
			return 0, fmt.Errorf("meeting: batch conference %d (%s): %w", i, cs[i].Title, err)
		}
	}
	tasks := 0
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		for i := range cs {
			cs[i].SourceHash = ""
			if err := s.create(ctx, tx, &cs[i]); err != nil {
				return err
			}
			tasks += len(cs[i].Tasks)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("meeting: batch: %w", err)
	}
	return tasks, nil
}

// periodsWithin lists the codes of every period p contains: itself, and
// for each of its years the year, halves, quarters and months.
func periodsWithin(p vntext.Period) []string {
	codes := []string{p.String()}
	to := p.Year
	if p.Kind == vntext.Stage {
		to = p.ToYear
	}
	for y := p.Year; y <= to; y++ {
		cands := []vntext.Period{{Kind: vntext.Year, Year: y}}
		for h := 1; h <= 2; h++ {
			cands = append(cands, vntext.Period{Kind: vntext.Half, Year: y, Part: h})
		}
		for q := 1; q <= 4; q++ {
			cands = append(cands, vntext.Period{Kind: vntext.Quarter, Year: y, Part: q})
		}
		for m := 1; m <= 12; m++ {
			cands = append(cands, vntext.Period{Kind: vntext.Month, Year: y, Part: m})
		}
		for _, c := range cands {
			if c.String() != codes[0] && p.Contains(c) {
				codes = append(codes, c.String())
			}
		}
	}
	return codes
}

// Update changes a conference's own fields (kind, title, date, time,
// place, period, summary, outcome); people, figures and tasks keep theirs.
// c.Version must be the version the editor read: a stale one is refused.
func (s *Store) Update(ctx context.Context, c Conference) (Conference, error) {
	old, err := s.Conference(ctx, c.ID)
	if err != nil {
		return Conference{}, err
	}
	c.UnitID = old.UnitID
	c.Participants, c.Figures, c.Tasks, c.SourceText = nil, nil, nil, ""
	if err := c.validate(); err != nil {
		return Conference{}, err
	}
	if _, err := s.checkUnit(ctx, c.UnitID, c.HeldOn, "held_on"); err != nil {
		return Conference{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE meeting_conferences SET kind = ?, title = ?, title_fold = ?, held_on = ?,
			time_of_day = ?, place = ?, period = ?, summary = ?, outcome = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND version = ?`, string(c.Kind), c.Title, vntext.Fold(c.Title), day(c.HeldOn), c.TimeOfDay, c.Place,
			c.Period, c.Summary, c.Outcome, stamp(tx.Now()), c.ID, c.Version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("Hội nghị vừa được người khác sửa. Hãy tải lại trang và sửa lại.")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "conference", EntityID: c.ID, UnitID: c.UnitID,
			Before: auditConference{UnitID: old.UnitID, Kind: old.Kind, Title: old.Title, HeldOn: day(old.HeldOn), Period: old.Period},
			After:  auditConference{UnitID: c.UnitID, Kind: c.Kind, Title: c.Title, HeldOn: day(c.HeldOn), Period: c.Period}})
	})
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Conference{}, err
		}
		return Conference{}, fmt.Errorf("meeting: update conference %d: %w", c.ID, err)
	}
	return s.Conference(ctx, c.ID)
}

// AddTask sets one more key task at conference confID (owners default to
// the conference's unit).
func (s *Store) AddTask(ctx context.Context, confID int64, t Task) (Task, error) {
	c, err := s.Conference(ctx, confID)
	if err != nil {
		return Task{}, err
	}
	if err := t.validate("task."); err != nil {
		return Task{}, err
	}
	if len(t.Owners) == 0 {
		t.Owners = []int64{c.UnitID}
	}
	t.ConferenceID, t.UnitID = c.ID, c.UnitID
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := insertTask(ctx, tx, &t, len(c.Tasks)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "add_task", Entity: "conference", EntityID: c.ID, UnitID: c.UnitID,
			After: map[string]any{"task": t.Title, "due": t.DueLabel(), "owners": t.Owners}})
	})
	if err != nil {
		if errors.Is(err, db.ErrReference) {
			return Task{}, apperr.Invalid("task.owners", "Không tìm thấy đơn vị chủ trì.")
		}
		return Task{}, fmt.Errorf("meeting: add task: %w", err)
	}
	return s.Task(ctx, t.ID)
}
