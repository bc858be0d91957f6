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
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes conferences, people and tasks. Exported methods
// own their transaction and check the caller's permission themselves.
type Store struct {
	db       *db.DB
	units    *org.Store
	authz    *auth.Store
	files    *blob.Bucket
	articles string // a folder of saved articles the import may read
}

// NewStore returns a store over d whose methods check the caller's
// permissions with authz. A store without authz (nil) serves only the
// trusted loaders CreateBatch and Import (the demo); everything else
// fails with an internal error.
func NewStore(d *db.DB, units *org.Store, authz *auth.Store) *Store {
	return &Store{db: d, units: units, authz: authz}
}

// WithFiles sets where conference documents are kept (without it,
// uploads are refused) and returns the store.
func (s *Store) WithFiles(b *blob.Bucket) *Store {
	s.files = b
	return s
}

// WithArticles sets the folder of saved articles the import may read by
// name ("" for none) and returns the store.
func (s *Store) WithArticles(dir string) *Store {
	s.articles = dir
	return s
}

// optDay is the stored form of an optional day: "" for none (the tasks'
// due_on and closed_on columns hold an empty string, not NULL).
func optDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return db.Day(t)
}

// checkUnit fails with an invalid-input error on field when unit id did
// not exist on date.
func (s *Store) checkUnit(ctx context.Context, id int64, date time.Time, field string) error {
	_, err := s.units.Get(ctx, id, date)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return apperr.Invalid(field, "meeting.err.unit_day")
	}
	return err
}

// checkOwner fails on field when unit id neither lives today nor lived
// on the conference's day: tasks are carried out from now on, by today's
// units or by the ones the conference knew.
func (s *Store) checkOwner(ctx context.Context, id int64, held time.Time, field string) error {
	_, err := s.units.Get(ctx, id, s.db.Now())
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return s.checkUnit(ctx, id, held, field)
	}
	return err
}

// checkUnits checks that every unit c names existed when it is needed.
func (s *Store) checkUnits(ctx context.Context, c Conference) error {
	if err := s.checkUnit(ctx, c.UnitID, c.HeldOn, "unit"); err != nil {
		return err
	}
	for _, id := range c.AttendingUnits {
		if err := s.checkUnit(ctx, id, c.HeldOn, "units"); err != nil {
			return err
		}
	}
	for i, p := range c.Participants {
		if p.UnitID != 0 {
			if err := s.checkUnit(ctx, p.UnitID, c.HeldOn, fmt.Sprintf("%s.%d.unit", p.Role, i)); err != nil {
				return err
			}
		}
	}
	for i, t := range c.Tasks {
		for _, o := range t.Owners {
			if err := s.checkOwner(ctx, o, c.HeldOn, fmt.Sprintf("task.%d.owners", i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkScope checks that every other unit c names (attending, represented,
// owning a task) is one p may read: nobody files records against units
// outside their reach.
func (s *Store) checkScope(ctx context.Context, p *auth.Principal, c Conference) error {
	check := func(id int64, field, key string) error {
		ok, err := s.may(ctx, p, auth.PermRead, id)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.Invalid(field, key)
		}
		return nil
	}
	for _, id := range c.AttendingUnits {
		if err := check(id, "units", "meeting.err.unit_scope"); err != nil {
			return err
		}
	}
	for i, pt := range c.Participants {
		if pt.UnitID != 0 {
			if err := check(pt.UnitID, fmt.Sprintf("%s.%d.unit", pt.Role, i), "meeting.err.unit_scope"); err != nil {
				return err
			}
		}
	}
	for i, t := range c.Tasks {
		for _, o := range t.Owners {
			if err := check(o, fmt.Sprintf("task.%d.owners", i), "meeting.err.owner_scope"); err != nil {
				return err
			}
		}
	}
	return nil
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
// figures and tasks in one transaction, for a caller who may write on its
// unit. Every unit it names must be one the caller may read, and a
// participant given by id must be a person of the unit's own directory.
// When c.SourceText is set the article's hash is kept, and an article
// already imported is refused with a conflict (see DuplicateOf).
func (s *Store) Create(ctx context.Context, p *auth.Principal, c Conference) (Conference, error) {
	if err := c.validate(); err != nil {
		return Conference{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, c.UnitID, "meeting.err.forbidden_write"); err != nil {
		return Conference{}, err
	}
	if err := s.checkUnits(ctx, c); err != nil {
		return Conference{}, err
	}
	if err := s.checkScope(ctx, p, c); err != nil {
		return Conference{}, err
	}
	id, err := s.record(ctx, p, c)
	if err != nil {
		return Conference{}, err
	}
	return s.Conference(ctx, p, id)
}

// record writes a validated conference whose units were checked, refusing
// an article imported before; p (nil for a trusted loader) decides
// whether the duplicate's id may be named.
func (s *Store) record(ctx context.Context, p *auth.Principal, c Conference) (int64, error) {
	c.SourceHash = ""
	if strings.TrimSpace(c.SourceText) != "" {
		c.SourceHash = SourceHash(c.SourceText)
		if err := s.refuseDuplicate(ctx, p, c.SourceText); err != nil {
			return 0, err
		}
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		return s.create(ctx, tx, []*Conference{&c})
	})
	if errors.Is(err, db.ErrConflict) && c.SourceHash != "" {
		// Another import of the same article won the race.
		if derr := s.refuseDuplicate(ctx, p, c.SourceText); derr != nil {
			return 0, derr
		}
	}
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return 0, err
		}
		return 0, fmt.Errorf("meeting: create conference: %w", err)
	}
	return c.ID, nil
}

// ErrDuplicate is wrapped by the conflict Create returns for an article
// imported before; DuplicateOf reads the earlier conference's id.
var ErrDuplicate = errors.New("meeting: article already imported")

type dupError struct{ id int64 }

func (e dupError) Error() string {
	return fmt.Sprintf("meeting: article already imported as conference %d", e.id)
}
func (e dupError) Unwrap() error { return ErrDuplicate }

// refuseDuplicate returns the conflict for an article already imported,
// nil when it is new. The earlier conference is named only to a caller
// who may read it.
func (s *Store) refuseDuplicate(ctx context.Context, p *auth.Principal, text string) error {
	id, visible, err := s.duplicate(ctx, p, text)
	if err != nil || id == 0 {
		return err
	}
	if !visible {
		return &apperr.Error{Code: apperr.CodeConflict, Field: "source", Err: dupError{0}, Key: "meeting.err.duplicate_elsewhere"}
	}
	return &apperr.Error{Code: apperr.CodeConflict, Field: "source", Err: dupError{id},
		Key: "meeting.err.duplicate", Args: []any{id}}
}

// duplicate returns the conference an article was imported as (0 when
// none) and whether p may read it.
func (s *Store) duplicate(ctx context.Context, p *auth.Principal, text string) (int64, bool, error) {
	h := SourceHash(text)
	if h == "" {
		return 0, false, nil
	}
	var id, unit int64
	err := s.db.QueryRowContext(ctx, "SELECT id, unit_id FROM meeting_conferences WHERE source_hash = ?", h).Scan(&id, &unit)
	if errors.Is(err, db.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("meeting: conference by source: %w", err)
	}
	if p == nil {
		return id, false, nil
	}
	ok, err := s.may(ctx, p, auth.PermRead, unit)
	return id, ok, err
}

// DuplicateOf reports whether err is Create's conflict for an article
// imported before, with the earlier conference's id when the caller may
// see it (else 0).
func DuplicateOf(err error) (int64, bool) {
	var d dupError
	if errors.As(err, &d) {
		return d.id, true
	}
	return 0, false
}

// create writes validated conferences whose units were checked, in
// order: Create writes a batch of one, CreateBatch many, through the
// same statements. Each conference gets its participants (matched to
// its unit's directory, see matchPeople), attending units, figures,
// tasks and audit entry, the same rows as writing the conferences one
// after the other would give, ids included; each table's rows are
// written together (db.Tx.CopyFrom), with ids reserved beforehand
// (db.Tx.ReserveIDs) where other rows refer to them.
func (s *Store) create(ctx context.Context, tx *db.Tx, cs []*Conference) error {
	if len(cs) == 0 {
		return nil
	}
	now := db.Stamp(tx.Now())
	ids, err := tx.ReserveIDs(ctx, "meeting_conferences", len(cs))
	if err != nil {
		return fmt.Errorf("insert conference: %w", err)
	}
	rows := make([][]any, len(cs))
	for i, c := range cs {
		c.ID = ids[i]
		rows[i] = []any{c.ID, c.UnitID, string(c.Kind), c.Title, vntext.Fold(c.Title), db.Day(c.HeldOn), c.TimeOfDay, c.Place, c.Period,
			c.Summary, c.Outcome, c.SourceName, c.SourceText, db.NullString(c.SourceHash), 1, now, now}
	}
	if _, err := tx.CopyFrom(ctx, "meeting_conferences", conferenceColumns, rows); err != nil {
		return fmt.Errorf("insert conference: %w", err)
	}
	people, err := s.matchPeople(ctx, tx, cs)
	if err != nil {
		return err
	}
	var parts, attending, figures [][]any
	var tasks []*Task
	var positions []int
	entries := make([]audit.Entry, len(cs))
	for i, c := range cs {
		for j, p := range c.Participants {
			parts = append(parts, []any{c.ID, people[i][j], string(p.Role), p.Title, db.NullID(p.UnitID), j})
		}
		seen := map[int64]bool{}
		for _, u := range c.AttendingUnits {
			if !seen[u] {
				seen[u] = true
				attending = append(attending, []any{c.ID, u})
			}
		}
		for j, f := range c.Figures {
			figures = append(figures, []any{c.ID, f.Value, f.Unit, f.About, f.IndicatorCode, j})
		}
		for j := range c.Tasks {
			t := &c.Tasks[j]
			t.ConferenceID, t.UnitID = c.ID, c.UnitID
			tasks, positions = append(tasks, t), append(positions, j)
		}
		entries[i] = audit.Entry{Action: "create", Entity: "conference", EntityID: c.ID, UnitID: c.UnitID,
			After: auditConference{UnitID: c.UnitID, Kind: c.Kind, Title: c.Title, HeldOn: db.Day(c.HeldOn), Period: c.Period,
				Source: c.SourceName, People: len(c.Participants), Tasks: len(c.Tasks)}}
	}
	if _, err := tx.CopyFrom(ctx, "meeting_participants", []string{"conference_id", "person_id", "role", "title", "unit_id", "position"}, parts); err != nil {
		return fmt.Errorf("insert participant: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, "meeting_attending_units", []string{"conference_id", "unit_id"}, attending); err != nil {
		return fmt.Errorf("insert attending unit: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, "meeting_figures", []string{"conference_id", "value", "unit", "about", "indicator_code", "position"}, figures); err != nil {
		return fmt.Errorf("insert figure: %w", err)
	}
	if err := insertTasks(ctx, tx, tasks, positions); err != nil {
		return err
	}
	return audit.RecordMany(ctx, tx, entries)
}

// conferenceColumns are the columns create writes of a conference.
var conferenceColumns = []string{"id", "unit_id", "kind", "title", "title_fold", "held_on", "time_of_day", "place", "period",
	"summary", "outcome", "source_name", "source_text", "source_hash", "version", "created_at", "updated_at"}

// taskColumns are the columns insertTasks writes of a task.
var taskColumns = []string{"id", "conference_id", "unit_id", "title", "title_fold", "due_on", "period", "due_end", "status", "drop_reason",
	"indicator_code", "closed_on", "position", "version", "created_at", "updated_at"}

// insertTasks writes tasks (their conference and unit set), each at its
// position among its conference's tasks, with their owners, and sets
// their ids and versions: a new conference's tasks, or one task added
// to a conference.
func insertTasks(ctx context.Context, tx *db.Tx, ts []*Task, positions []int) error {
	if len(ts) == 0 {
		return nil
	}
	now := db.Stamp(tx.Now())
	ids, err := tx.ReserveIDs(ctx, "meeting_tasks", len(ts))
	if err != nil {
		return fmt.Errorf("insert task: %w", err)
	}
	rows := make([][]any, len(ts))
	var owners [][]any
	for i, t := range ts {
		t.ID, t.Version = ids[i], 1
		rows[i] = []any{t.ID, t.ConferenceID, t.UnitID, t.Title, vntext.Fold(t.Title), optDay(t.DueOn), t.Period, optDay(t.DueEnd),
			string(t.Status), t.DropReason, t.IndicatorCode, optDay(t.ClosedOn), positions[i], 1, now, now}
		seen := map[int64]bool{}
		for _, o := range t.Owners {
			if !seen[o] {
				seen[o] = true
				owners = append(owners, []any{t.ID, o})
			}
		}
	}
	if _, err := tx.CopyFrom(ctx, "meeting_tasks", taskColumns, rows); err != nil {
		return fmt.Errorf("insert task: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, "meeting_task_owners", []string{"task_id", "unit_id"}, owners); err != nil {
		return fmt.Errorf("insert task owner: %w", err)
	}
	return nil
}

const confCols = `c.id, c.unit_id, c.kind, c.title, c.held_on, c.time_of_day, c.place, c.period, c.summary,
	c.outcome, c.source_name, c.source_text, COALESCE(c.source_hash, ''), c.version, c.created_at, `

func scanConference(r interface{ Scan(...any) error }) (Conference, error) {
	var c Conference
	var kind, held, created string
	err := r.Scan(&c.ID, &c.UnitID, &kind, &c.Title, &held, &c.TimeOfDay, &c.Place, &c.Period, &c.Summary,
		&c.Outcome, &c.SourceName, &c.SourceText, &c.SourceHash, &c.Version, &created, &c.UnitName)
	if err != nil {
		return Conference{}, err
	}
	c.Kind = Kind(kind)
	if c.HeldOn, err = db.ParseDay(held); err != nil {
		return Conference{}, err
	}
	if c.CreatedAt, err = db.ParseStamp(created); err != nil {
		return Conference{}, err
	}
	return c, nil
}

// head reads conference id's own row (without its people, figures, tasks
// and documents), whoever asks.
func (s *Store) head(ctx context.Context, id int64) (Conference, error) {
	c, err := scanConference(s.db.QueryRowContext(ctx, `SELECT `+confCols+org.NameSQL("c.unit_id", "c.held_on")+`
		FROM meeting_conferences c WHERE c.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Conference{}, apperr.NotFound("meeting.err.not_found")
	}
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: conference %d: %w", id, err)
	}
	return c, nil
}

// Conference returns conference id with its participants, attending
// units, figures, tasks and documents, to a caller who may read its unit.
// A caller who may read only the owner of one of its tasks (the commune
// a province's conference gave a task) gets its public part: the
// conference with the tasks they may read and no documents (OwnerView).
func (s *Store) Conference(ctx context.Context, p *auth.Principal, id int64) (Conference, error) {
	c, err := s.head(ctx, id)
	if err != nil {
		return Conference{}, err
	}
	denied := s.require(ctx, p, auth.PermRead, c.UnitID, "meeting.err.forbidden_read")
	if denied != nil && apperr.CodeOf(denied) != apperr.CodeForbidden {
		return Conference{}, denied
	}
	if err := s.fill(ctx, &c); err != nil {
		return Conference{}, fmt.Errorf("meeting: conference %d: %w", id, err)
	}
	if denied == nil {
		return c, nil
	}
	var own []Task
	for _, t := range c.Tasks {
		ok, err := s.mayAny(ctx, p, auth.PermRead, t.Owners)
		if err != nil {
			return Conference{}, err
		}
		if ok {
			own = append(own, t)
		}
	}
	if len(own) == 0 {
		return Conference{}, denied
	}
	c.Tasks, c.Documents, c.OwnerView = own, nil, true
	return c, nil
}

// mayAny reports whether p holds perm on any of units.
func (s *Store) mayAny(ctx context.Context, p *auth.Principal, perm auth.Permission, units []int64) (bool, error) {
	for _, u := range units {
		ok, err := s.may(ctx, p, perm, u)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

func (s *Store) fill(ctx context.Context, c *Conference) error {
	rows, err := s.db.QueryContext(ctx, `SELECT p.person_id, pp.name, p.title, COALESCE(p.unit_id, 0), p.role,
		CASE WHEN p.unit_id IS NULL THEN '' ELSE `+org.NameSQL("p.unit_id", "?")+` END
		FROM meeting_participants p JOIN meeting_people pp ON pp.id = p.person_id
		WHERE p.conference_id = ? ORDER BY p.position`, db.Day(c.HeldOn), c.ID)
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
	rows, err = s.db.QueryContext(ctx, `SELECT a.unit_id, `+org.NameSQL("a.unit_id", "?")+`
		FROM meeting_attending_units a WHERE a.conference_id = ? ORDER BY a.unit_id`, db.Day(c.HeldOn), c.ID)
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

// Filter selects conferences for List, within what the caller may read.
type Filter struct {
	UnitID int64 // only this unit and the units below it today (0: any)
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

// PeriodMessage is the label of the period reviewed (check Period first).
func (r Row) PeriodMessage() i18n.Message { return periodMessage(r.Period) }

// where is the WHERE clause (with "WHERE", or "") over conferences c
// that f selects among those p may read, and its arguments; none when p
// may read no unit at all.
func (s *Store) where(ctx context.Context, p *auth.Principal, f Filter) (w string, args []any, none bool, err error) {
	if f.Kind != "" && !f.Kind.Valid() {
		return "", nil, false, apperr.Invalid("kind", "meeting.err.kind")
	}
	reach, err := s.reach(ctx, p)
	if err != nil {
		return "", nil, false, err
	}
	if !reach.All && len(reach.IDs) == 0 {
		return "", nil, true, nil
	}
	var where []string
	if !reach.All {
		where = append(where, "c.unit_id IN ("+idList(reach.IDs)+")")
	}
	if f.UnitID != 0 {
		today := db.Day(s.db.Now())
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
			return "", nil, false, apperr.Invalid("ky", "meeting.err.period")
		}
		codes := periodsWithin(p)
		where = append(where, "c.period IN ("+db.Placeholders(len(codes))+")")
		for _, code := range codes {
			args = append(args, code)
		}
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `c.title_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	if !f.From.IsZero() {
		where = append(where, "c.held_on >= ?")
		args = append(args, db.Day(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, "c.held_on <= ?")
		args = append(args, db.Day(f.To))
	}
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	return w, args, false, nil
}

// List returns one page of the conferences f selects among those of the
// units p may read, and their total.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Row, int, error) {
	w, args, none, err := s.where(ctx, p, f)
	if err != nil {
		return nil, 0, err
	}
	if none {
		return []Row{}, 0, nil
	}
	order := "c.held_on DESC, c.id DESC"
	if f.Asc {
		order = "c.held_on, c.id"
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.unit_id, `+org.NameSQL("c.unit_id", "c.held_on")+`, c.kind, c.title,
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
		r.Kind = Kind(kind)
		if r.HeldOn, err = db.ParseDay(held); err != nil {
			return nil, 0, fmt.Errorf("meeting: list conferences: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("meeting: list conferences: %w", err)
	}
	return out, total, nil
}

// idList writes ids into a query (they are integers, so nothing is
// bound: a province's reach may hold thousands of units).
func idList(ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, id)
	}
	return b.String()
}

// Previous returns the conference of the same unit held before c (the
// latest such), with its tasks and their status; a not-found error when
// there is none. The caller must be able to read c's unit.
func (s *Store) Previous(ctx context.Context, p *auth.Principal, c Conference) (Conference, error) {
	if err := s.require(ctx, p, auth.PermRead, c.UnitID, "meeting.err.forbidden_read"); err != nil {
		return Conference{}, err
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM meeting_conferences
		WHERE unit_id = ? AND (held_on < ? OR (held_on = ? AND id < ?))
		ORDER BY held_on DESC, id DESC LIMIT 1`, c.UnitID, db.Day(c.HeldOn), db.Day(c.HeldOn), c.ID).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return Conference{}, apperr.NotFound("meeting.err.no_previous")
	}
	if err != nil {
		return Conference{}, fmt.Errorf("meeting: previous conference: %w", err)
	}
	prev, err := s.head(ctx, id)
	if err != nil {
		return Conference{}, err
	}
	if prev.Tasks, err = s.conferenceTasks(ctx, id); err != nil {
		return Conference{}, fmt.Errorf("meeting: previous conference: %w", err)
	}
	return prev, nil
}

// CreateBatch records many conferences in one transaction, for bulk
// loads (the demo): each is validated as Create does, but nobody's
// permission is asked, units are not looked up (the caller vouches for
// them) and articles are not checked for duplicates. No request handler
// may call it. It returns how many tasks were written.
func (s *Store) CreateBatch(ctx context.Context, cs []Conference) (int, error) {
	for i := range cs {
		if err := cs[i].validate(); err != nil {
			return 0, fmt.Errorf("meeting: batch conference %d (%s): %w", i, cs[i].Title, err)
		}
	}
	tasks := 0
	all := make([]*Conference, len(cs))
	for i := range cs {
		cs[i].SourceHash = ""
		all[i] = &cs[i]
		tasks += len(cs[i].Tasks)
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error { return s.create(ctx, tx, all) })
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
// place, period, summary, outcome), for a caller who may write on its
// unit; people, figures and tasks keep theirs. c.Version must be the
// version the editor read: a stale one is refused.
func (s *Store) Update(ctx context.Context, p *auth.Principal, c Conference) (Conference, error) {
	old, err := s.head(ctx, c.ID)
	if err != nil {
		return Conference{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, old.UnitID, "meeting.err.forbidden_write"); err != nil {
		return Conference{}, err
	}
	c.UnitID = old.UnitID
	c.Participants, c.Figures, c.Tasks, c.SourceText = nil, nil, nil, ""
	if err := c.validate(); err != nil {
		return Conference{}, err
	}
	if err := s.checkUnit(ctx, c.UnitID, c.HeldOn, "held_on"); err != nil {
		return Conference{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE meeting_conferences SET kind = ?, title = ?, title_fold = ?, held_on = ?,
			time_of_day = ?, place = ?, period = ?, summary = ?, outcome = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND version = ?`, string(c.Kind), c.Title, vntext.Fold(c.Title), db.Day(c.HeldOn), c.TimeOfDay, c.Place,
			c.Period, c.Summary, c.Outcome, db.Stamp(tx.Now()), c.ID, c.Version)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return apperr.Conflict("meeting.err.stale")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "conference", EntityID: c.ID, UnitID: c.UnitID,
			Before: auditConference{UnitID: old.UnitID, Kind: old.Kind, Title: old.Title, HeldOn: db.Day(old.HeldOn), Period: old.Period},
			After:  auditConference{UnitID: c.UnitID, Kind: c.Kind, Title: c.Title, HeldOn: db.Day(c.HeldOn), Period: c.Period}})
	})
	if err != nil {
		if _, ok := apperr.As(err); ok {
			return Conference{}, err
		}
		return Conference{}, fmt.Errorf("meeting: update conference %d: %w", c.ID, err)
	}
	return s.Conference(ctx, p, c.ID)
}

// AddTask sets one more key task at conference confID, for a caller who
// may write on its unit (owners default to the conference's unit, and
// must be units the caller may read).
func (s *Store) AddTask(ctx context.Context, p *auth.Principal, confID int64, t Task) (Task, error) {
	c, err := s.head(ctx, confID)
	if err != nil {
		return Task{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, c.UnitID, "meeting.err.forbidden_write"); err != nil {
		return Task{}, err
	}
	if err := t.validate("task."); err != nil {
		return Task{}, err
	}
	if len(t.Owners) == 0 {
		t.Owners = []int64{c.UnitID}
	}
	for _, o := range t.Owners {
		if err := s.checkOwner(ctx, o, c.HeldOn, "task.owners"); err != nil {
			return Task{}, err
		}
		ok, err := s.may(ctx, p, auth.PermRead, o)
		if err != nil {
			return Task{}, err
		}
		if !ok {
			return Task{}, apperr.Invalid("task.owners", "meeting.err.owner_scope")
		}
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM meeting_tasks WHERE conference_id = ?", c.ID).Scan(&n); err != nil {
		return Task{}, fmt.Errorf("meeting: add task: %w", err)
	}
	t.ConferenceID, t.UnitID = c.ID, c.UnitID
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := insertTasks(ctx, tx, []*Task{&t}, []int{n}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "add_task", Entity: "conference", EntityID: c.ID, UnitID: c.UnitID,
			After: map[string]any{"task": t.Title, "due_on": optDay(t.DueOn), "period": t.Period, "owners": t.Owners}})
	})
	if err != nil {
		if errors.Is(err, db.ErrReference) {
			return Task{}, apperr.Invalid("task.owners", "meeting.err.owner")
		}
		return Task{}, fmt.Errorf("meeting: add task: %w", err)
	}
	return s.Task(ctx, p, t.ID)
}
