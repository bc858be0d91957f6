package practice

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes models. Exported methods own their transaction
// and check the caller's permission (a *auth.Principal, nil for an
// anonymous visitor) themselves, so the web pages and the API share the
// rules.
type Store struct {
	db    *db.DB
	units *org.Store
	auth  *auth.Store
	files *blob.Bucket

	// afterStore, when set (tests), runs after an upload's objects are
	// stored and before its row is marked ready; a panic there stands for
	// a crash at the worst moment.
	afterStore func()
}

// NewStore returns a store over d. files is the bucket for evidence
// files; it may be nil when uploads are not needed (they then fail).
func NewStore(d *db.DB, units *org.Store, authStore *auth.Store, files *blob.Bucket) *Store {
	return &Store{db: d, units: units, auth: authStore, files: files}
}

// today is the database clock's calendar day.
func (s *Store) today() time.Time { return db.DayOf(s.db.Now()) }

// cols selects a Practice from practices p; scan it with scanPractice.
const cols = `p.id, p.unit_id, p.name, p.field, p.owner_type, p.owner_name, p.owner_title, p.owner_phone,
	p.movement, p.started_on, p.description, p.goals, p.notes, p.status, p.progress_on, p.recognized_by,
	p.recognized_level, p.decision_no, p.recognized_on, p.stopped_on, p.stop_reason, p.source_id, p.root_id,
	p.lineage, p.replications, p.version, p.created_at, p.updated_at`

// listCols is cols without the long texts, for lists.
var listCols = strings.NewReplacer("p.description,", "'',", "p.goals,", "'',", "p.notes,", "'',").Replace(cols)

type scanner interface{ Scan(dest ...any) error }

func scanPractice(r scanner, extra ...any) (Practice, error) {
	var p Practice
	var started, created, updated string
	var progress, recOn, stopOn sql.NullString
	var recBy, source sql.NullInt64
	dest := append([]any{&p.ID, &p.UnitID, &p.Name, &p.Field, &p.OwnerType, &p.OwnerName, &p.OwnerTitle, &p.OwnerPhone,
		&p.Movement, &started, &p.Description, &p.Goals, &p.Notes, &p.Status, &progress, &recBy,
		&p.RecognizedLevel, &p.DecisionNo, &recOn, &stopOn, &p.StopReason, &source, &p.RootID,
		&p.Lineage, &p.Replications, &p.Version, &created, &updated}, extra...)
	if err := r.Scan(dest...); err != nil {
		return p, err
	}
	p.RecognizedBy, p.SourceID = recBy.Int64, source.Int64
	var err error
	for _, d := range []struct {
		dst *time.Time
		s   string
	}{{&p.StartedOn, started}, {&p.ProgressOn, progress.String}, {&p.RecognizedOn, recOn.String}, {&p.StoppedOn, stopOn.String}} {
		if *d.dst, err = db.ParseDay(d.s); err != nil {
			return p, err
		}
	}
	if p.CreatedAt, err = db.ParseStamp(created); err != nil {
		return p, err
	}
	if p.UpdatedAt, err = db.ParseStamp(updated); err != nil {
		return p, err
	}
	return p, nil
}

// load reads model id without any permission check.
func load(ctx context.Context, q db.Querier, id int64) (Practice, error) {
	p, err := scanPractice(q.QueryRowContext(ctx, "SELECT "+cols+" FROM practices p WHERE p.id = ?", id))
	if errors.Is(err, db.ErrNotFound) {
		return p, apperr.NotFound("practice.err.not_found")
	}
	if err != nil {
		return p, fmt.Errorf("practice: get %d: %w", id, err)
	}
	return p, nil
}

// Get returns model id when p may read its owning unit; otherwise (and
// for an unknown id) a not-found error, so that nobody learns what lies
// outside their scope.
func (s *Store) Get(ctx context.Context, p *auth.Principal, id int64) (Practice, error) {
	pr, err := s.readable(ctx, p, id)
	if err != nil {
		return Practice{}, err
	}
	if err := s.fillNames(ctx, []*Practice{&pr}); err != nil {
		return Practice{}, err
	}
	return pr, nil
}

// readable loads model id for p: a not-found error when p may not read it.
func (s *Store) readable(ctx context.Context, p *auth.Principal, id int64) (Practice, error) {
	pr, err := load(ctx, s.db, id)
	if err != nil {
		return Practice{}, err
	}
	ok, err := s.auth.Can(ctx, p, auth.PermRead, pr.UnitID)
	if err != nil {
		return Practice{}, err
	}
	if !ok {
		return Practice{}, apperr.NotFound("practice.err.not_found")
	}
	return pr, nil
}

// visible loads model id for p when p may read it or it is public (a
// recognized model anyone may see): the models whose results, photos and
// family a viewer may see.
func (s *Store) visible(ctx context.Context, p *auth.Principal, id int64) (pr Practice, readable bool, err error) {
	pr, err = load(ctx, s.db, id)
	if err != nil {
		return Practice{}, false, err
	}
	if p != nil {
		if readable, err = s.auth.Can(ctx, p, auth.PermRead, pr.UnitID); err != nil {
			return Practice{}, false, err
		}
	}
	if !readable && !pr.Status.Public() {
		return Practice{}, false, apperr.NotFound("practice.err.not_found")
	}
	return pr, readable, nil
}

// PublicPractice is what the public page of a recognized model shows:
// no internal notes, no phone number, no owner title for collectives.
type PublicPractice struct {
	ID               int64
	UnitName         string
	Name             string
	Field            Field
	OwnerType        OwnerType
	OwnerName        string
	OwnerTitle       string
	Movement         string
	StartedOn        time.Time
	Description      string
	Goals            string
	Status           Status
	RecognizedByName string
	RecognizedLevel  org.Level
	DecisionNo       string
	RecognizedOn     time.Time
	Replications     int
	SourceID         int64
}

// GetPublic returns the public view of model id, to anyone, when the
// model was recognized (and not stopped since); else a not-found error.
func (s *Store) GetPublic(ctx context.Context, id int64) (PublicPractice, error) {
	pr, err := load(ctx, s.db, id)
	if err != nil {
		return PublicPractice{}, err
	}
	if !pr.Status.Public() {
		return PublicPractice{}, apperr.NotFound("practice.err.not_found")
	}
	if err := s.fillNames(ctx, []*Practice{&pr}); err != nil {
		return PublicPractice{}, err
	}
	return toPublic(pr), nil
}

func toPublic(pr Practice) PublicPractice {
	return PublicPractice{ID: pr.ID, UnitName: pr.UnitName, Name: pr.Name, Field: pr.Field, OwnerType: pr.OwnerType,
		OwnerName: pr.OwnerName, OwnerTitle: pr.OwnerTitle, Movement: pr.Movement, StartedOn: pr.StartedOn,
		Description: pr.Description, Goals: pr.Goals, Status: pr.Status, RecognizedByName: pr.RecognizedByName,
		RecognizedLevel: pr.RecognizedLevel, DecisionNo: pr.DecisionNo, RecognizedOn: pr.RecognizedOn,
		Replications: pr.Replications, SourceID: pr.SourceID}
}

// fillNames sets UnitName and RecognizedByName from each unit's name
// today (a closed unit keeps the name it ended with).
func (s *Store) fillNames(ctx context.Context, ps []*Practice) error {
	var ids []int64
	for _, p := range ps {
		ids = append(ids, p.UnitID)
		if p.RecognizedBy != 0 {
			ids = append(ids, p.RecognizedBy)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	names, err := s.units.NamesOn(ctx, ids, s.today())
	if err != nil {
		return err
	}
	for _, p := range ps {
		p.UnitName = names[p.UnitID]
		p.RecognizedByName = names[p.RecognizedBy]
	}
	return nil
}

// Filter chooses the models of a list. The units are always those the
// caller may read (see List): Unit narrows them to one unit's subtree.
type Filter struct {
	// Unit restricts the list to models owned by this unit or a unit
	// below it, past units included (org.Store.ScopeUnits); 0 means
	// every unit the caller may read.
	Unit  int64
	Field Field
	// Statuses keeps models in these statuses; empty means every status
	// but Stopped: a stopped model leaves the lists and counts unless
	// asked for.
	Statuses  []Status
	Level     org.Level // the level of the unit that recognized the model
	Period    string    // a period code (vntext.ParsePeriod): models started in it
	OwnerType OwnerType
	Search    string // diacritic-insensitive, in the name, owner, movement and decision number
	Limit     int    // 0 means 25
	Offset    int
	// Recognized is a period code: models recognized in it (whatever
	// they became since).
	Recognized string
}

// scopeOf returns the units whose models p may list with f.Unit: nil
// means every unit (a national scope and no unit chosen), an empty
// non-nil slice none. A unit outside p's reach is not found, as a model
// there would be.
func (s *Store) scopeOf(ctx context.Context, p *auth.Principal, unitID int64) ([]int64, error) {
	if p == nil {
		return nil, apperr.Unauthorized("practice.err.signin")
	}
	return s.auth.ListScope(ctx, p, unitID, "practice.err.unit_not_found")
}

// where builds the WHERE clause of f over units (nil: every unit);
// withStatus false leaves out the status condition (for the counts by
// status).
func (f Filter) where(units []int64, withStatus bool) (string, []any, error) {
	var conds []string
	var args []any
	if units != nil {
		if len(units) == 0 {
			return "1 = 0", nil, nil
		}
		conds = append(conds, "p.unit_id IN ("+db.Placeholders(len(units))+")")
		for _, id := range units {
			args = append(args, id)
		}
	}
	if f.Field != "" {
		if !f.Field.Valid() {
			return "", nil, apperr.Invalid("field", "practice.err.field")
		}
		conds = append(conds, "p.field = ?")
		args = append(args, string(f.Field))
	}
	if f.OwnerType != "" {
		if !f.OwnerType.Valid() {
			return "", nil, apperr.Invalid("owner_type", "practice.err.owner_type")
		}
		conds = append(conds, "p.owner_type = ?")
		args = append(args, string(f.OwnerType))
	}
	if f.Level != "" {
		if !f.Level.Valid() {
			return "", nil, apperr.Invalid("level", "practice.err.level")
		}
		conds = append(conds, "p.recognized_level = ?")
		args = append(args, string(f.Level))
	}
	if f.Period != "" {
		per, err := vntext.ParsePeriod(f.Period)
		if err != nil {
			return "", nil, apperr.Invalid("period", "practice.err.period")
		}
		conds = append(conds, "p.started_on >= ? AND p.started_on <= ?")
		args = append(args, db.Day(per.Start()), db.Day(per.End()))
	}
	if f.Recognized != "" {
		per, err := vntext.ParsePeriod(f.Recognized)
		if err != nil {
			return "", nil, apperr.Invalid("recognized", "practice.err.period")
		}
		conds = append(conds, "p.recognized_on >= ? AND p.recognized_on <= ?")
		args = append(args, db.Day(per.Start()), db.Day(per.End()))
	}
	if q := vntext.Fold(f.Search); q != "" {
		conds = append(conds, `p.search_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	if withStatus {
		if len(f.Statuses) == 0 {
			conds = append(conds, "p.status <> 'stopped'")
		} else {
			for _, st := range f.Statuses {
				if !st.Valid() {
					return "", nil, apperr.Invalid("status", "practice.err.status")
				}
				args = append(args, string(st))
			}
			conds = append(conds, "p.status IN ("+db.Placeholders(len(f.Statuses))+")")
		}
	}
	if len(conds) == 0 {
		return "1 = 1", nil, nil
	}
	return strings.Join(conds, " AND "), args, nil
}

// List returns one page of the models f chooses among those p may read,
// in Vietnamese collation order of their names, and how many there are
// in all.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Practice, int, error) {
	units, err := s.scopeOf(ctx, p, f.Unit)
	if err != nil {
		return nil, 0, err
	}
	return s.list(ctx, f, units)
}

// ListPublic returns one page of the recognized (and replicated) models
// of every unit, which anyone may see, matching search.
func (s *Store) ListPublic(ctx context.Context, search string, limit, offset int) ([]Practice, int, error) {
	rows, total, err := s.list(ctx, Filter{Statuses: []Status{Recognized, Replicated}, Search: search, Limit: limit, Offset: offset}, nil)
	for i := range rows {
		rows[i].OwnerPhone, rows[i].Notes = "", "" // never public (List leaves notes out already)
	}
	return rows, total, err
}

// list is List over units (nil: every unit), without a permission check.
func (s *Store) list(ctx context.Context, f Filter, units []int64) ([]Practice, int, error) {
	where, args, err := f.where(units, true)
	if err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 25
	}
	// Two steps: the page's ids and the total from the filter index alone
	// (no table rows touched on SQLite), then those rows.
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, "SELECT p.id, COUNT(*) OVER () FROM practices p WHERE "+where+
		" ORDER BY p.sort_key, p.id LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, 0, fmt.Errorf("practice: list: %w", err)
	}
	var ids []any
	total := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &total); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("practice: list: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("practice: list: %w", err)
	}
	var out []Practice
	if len(ids) > 0 {
		rows, err := s.db.QueryContext(ctx, "SELECT "+listCols+" FROM practices p WHERE p.id IN ("+db.Placeholders(len(ids))+")", ids...)
		if err != nil {
			return nil, 0, fmt.Errorf("practice: list: %w", err)
		}
		byID := make(map[int64]Practice, len(ids))
		for rows.Next() {
			p, err := scanPractice(rows)
			if err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("practice: list: %w", err)
			}
			byID[p.ID] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, fmt.Errorf("practice: list: %w", err)
		}
		for _, id := range ids {
			if p, ok := byID[id.(int64)]; ok {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 && f.Offset > 0 {
		// Past the last page: the total still matters for the pager.
		c, err := s.counts(ctx, f, units)
		if err != nil {
			return nil, 0, err
		}
		total = c.Total
	}
	ptrs := make([]*Practice, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if err := s.fillNames(ctx, ptrs); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// Counts are the numbers beside a list: ByStatus over every status
// (stopped included, whatever f.Statuses says), ByField and Total over
// exactly the models the list shows.
type Counts struct {
	ByField  map[Field]int
	ByStatus map[Status]int
	Total    int
}

// Counts counts the models f chooses among those p may read (its Limit
// and Offset are ignored).
func (s *Store) Counts(ctx context.Context, p *auth.Principal, f Filter) (Counts, error) {
	units, err := s.scopeOf(ctx, p, f.Unit)
	if err != nil {
		return Counts{}, err
	}
	return s.counts(ctx, f, units)
}

func (s *Store) counts(ctx context.Context, f Filter, units []int64) (Counts, error) {
	where, args, err := f.where(units, false)
	if err != nil {
		return Counts{}, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT p.field, p.status, COUNT(*) FROM practices p WHERE "+where+
		" GROUP BY p.field, p.status", args...)
	if err != nil {
		return Counts{}, fmt.Errorf("practice: counts: %w", err)
	}
	defer rows.Close()
	in := map[Status]bool{}
	for _, st := range f.Statuses {
		in[st] = true
	}
	c := Counts{ByField: map[Field]int{}, ByStatus: map[Status]int{}}
	for rows.Next() {
		var fl Field
		var st Status
		var n int
		if err := rows.Scan(&fl, &st, &n); err != nil {
			return Counts{}, fmt.Errorf("practice: counts: %w", err)
		}
		c.ByStatus[st] += n
		if (len(in) == 0 && st != Stopped) || in[st] {
			c.ByField[fl] += n
			c.Total += n
		}
	}
	return c, rows.Err()
}

// Best returns the recognized models of unitID's subtree (0: every unit
// p may read) with the most replications, then the most results: a
// leader's short list.
func (s *Store) Best(ctx context.Context, p *auth.Principal, unitID int64, limit int) ([]Best, error) {
	units, err := s.scopeOf(ctx, p, unitID)
	if err != nil {
		return nil, err
	}
	f := Filter{Statuses: []Status{Recognized, Replicated}}
	where, args, err := f.where(units, true)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, "SELECT "+listCols+`,
		(SELECT COUNT(*) FROM practice_results r WHERE r.practice_id = p.id) AS n_results
		FROM practices p WHERE `+where+`
		ORDER BY p.replications DESC, n_results DESC, p.recognized_on DESC, p.sort_key, p.id LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("practice: best: %w", err)
	}
	defer rows.Close()
	var out []Best
	for rows.Next() {
		var b Best
		if b.Practice, err = scanPractice(rows, &b.Results); err != nil {
			return nil, fmt.Errorf("practice: best: %w", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("practice: best: %w", err)
	}
	ptrs := make([]*Practice, len(out))
	for i := range out {
		ptrs[i] = &out[i].Practice
	}
	return out, s.fillNames(ctx, ptrs)
}

// Best is a model on the best-models page with its number of results.
type Best struct {
	Practice
	Results int
}

// Create registers a new model for in.UnitID. Only a holder of the write
// permission on that unit (an officer or admin of it or of a unit above
// it) may; the unit must be active today.
func (s *Store) Create(ctx context.Context, p *auth.Principal, in Input) (Practice, error) {
	today := s.today()
	if _, err := s.units.Get(ctx, in.UnitID, today); err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Practice{}, apperr.Invalid("unit_id", "practice.err.unit")
		}
		return Practice{}, err
	}
	if err := s.requireWrite(ctx, p, in.UnitID); err != nil {
		return Practice{}, err
	}
	if err := validate(&in, today); err != nil {
		return Practice{}, err
	}
	var out Practice
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		pr, err := insert(ctx, tx, in, 0, "", 0)
		if err != nil {
			return err
		}
		out = pr
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "practice", EntityID: pr.ID, UnitID: pr.UnitID, After: auditOf(pr)})
	})
	if err != nil {
		return Practice{}, err
	}
	return s.Get(ctx, p, out.ID)
}

// requireWrite checks the write permission on a unit, with the
// registry's own message.
func (s *Store) requireWrite(ctx context.Context, p *auth.Principal, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("practice.err.signin")
	}
	ok, err := s.auth.Can(ctx, p, auth.PermWrite, unitID)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.Forbidden("practice.err.write_forbidden")
	}
	return nil
}

// insert adds a registered model (an adoption of source when sourceID is
// set, under sourceLineage in the family rootID) and returns it.
func insert(ctx context.Context, tx *db.Tx, in Input, sourceID int64, sourceLineage string, rootID int64) (Practice, error) {
	now := db.Stamp(tx.Now())
	pr := Practice{UnitID: in.UnitID, Name: in.Name, Field: in.Field, OwnerType: in.OwnerType, OwnerName: in.OwnerName,
		OwnerTitle: in.OwnerTitle, OwnerPhone: in.OwnerPhone, Movement: in.Movement, StartedOn: in.StartedOn,
		Description: in.Description, Goals: in.Goals, Notes: in.Notes, Status: Registered, SourceID: sourceID, Version: 1}
	var source any
	if sourceID != 0 {
		source = sourceID
	}
	id, err := tx.InsertID(ctx, `INSERT INTO practices (unit_id, name, name_fold, search_fold, sort_key, field, owner_type,
		owner_name, owner_title, owner_phone, movement, started_on, description, goals, notes, status, source_id,
		root_id, lineage, replications, version, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, 0, '', 0, 1, ?, ?)`,
		pr.UnitID, pr.Name, vntext.Fold(pr.Name), searchFold(&pr), db.SortKey(pr.Name), string(pr.Field), string(pr.OwnerType),
		pr.OwnerName, pr.OwnerTitle, pr.OwnerPhone, pr.Movement, db.Day(pr.StartedOn), pr.Description, pr.Goals, pr.Notes,
		source, now, now)
	if err != nil {
		if errors.Is(err, db.ErrReference) {
			return Practice{}, apperr.Invalid("unit_id", "practice.err.unit")
		}
		return Practice{}, fmt.Errorf("practice: insert: %w", err)
	}
	pr.ID = id
	if rootID == 0 {
		rootID = id
	}
	pr.RootID = rootID
	if sourceLineage == "" {
		sourceLineage = "/"
	}
	pr.Lineage = sourceLineage + strconv.FormatInt(id, 10) + "/"
	if _, err := tx.ExecContext(ctx, "UPDATE practices SET root_id = ?, lineage = ? WHERE id = ?", pr.RootID, pr.Lineage, id); err != nil {
		return Practice{}, fmt.Errorf("practice: insert: %w", err)
	}
	return pr, nil
}

// Update saves an edit of a model's description (not its unit, status or
// family). The editor needs the write permission on the owning unit and
// must start from the current version; a stopped model is not edited.
func (s *Store) Update(ctx context.Context, p *auth.Principal, in Input) (Practice, error) {
	cur, err := s.readable(ctx, p, in.ID)
	if err != nil {
		return Practice{}, err
	}
	if err := s.requireWrite(ctx, p, cur.UnitID); err != nil {
		return Practice{}, err
	}
	in.UnitID = cur.UnitID
	if err := validate(&in, s.today()); err != nil {
		return Practice{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		before, err := load(ctx, tx, in.ID)
		if err != nil {
			return err
		}
		if before.Status == Stopped {
			return apperr.Conflict("practice.err.stopped_edit")
		}
		if before.Version != in.Version {
			return apperr.Conflict("practice.err.stale")
		}
		after := before
		after.Name, after.Field, after.OwnerType, after.OwnerName, after.OwnerTitle = in.Name, in.Field, in.OwnerType, in.OwnerName, in.OwnerTitle
		after.OwnerPhone, after.Movement, after.StartedOn = in.OwnerPhone, in.Movement, in.StartedOn
		after.Description, after.Goals, after.Notes = in.Description, in.Goals, in.Notes
		res, err := tx.ExecContext(ctx, `UPDATE practices SET name = ?, name_fold = ?, search_fold = ?, sort_key = ?, field = ?,
			owner_type = ?, owner_name = ?, owner_title = ?, owner_phone = ?, movement = ?, started_on = ?, description = ?,
			goals = ?, notes = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			after.Name, vntext.Fold(after.Name), searchFold(&after), db.SortKey(after.Name), string(after.Field),
			string(after.OwnerType), after.OwnerName, after.OwnerTitle, after.OwnerPhone, after.Movement, db.Day(after.StartedOn),
			after.Description, after.Goals, after.Notes, db.Stamp(tx.Now()), in.ID, in.Version)
		if err != nil {
			return fmt.Errorf("practice: update: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("practice.err.stale")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "practice", EntityID: in.ID, UnitID: cur.UnitID,
			Before: auditOf(before), After: auditOf(after)})
	})
	if err != nil {
		return Practice{}, err
	}
	return s.Get(ctx, p, in.ID)
}

// auditPractice is what the audit log keeps of a model.
type auditPractice struct {
	Name         string `json:"name"`
	UnitID       int64  `json:"unit_id"`
	Field        Field  `json:"field"`
	OwnerType    string `json:"owner_type"`
	OwnerName    string `json:"owner_name"`
	OwnerTitle   string `json:"owner_title,omitempty"`
	Movement     string `json:"movement,omitempty"`
	StartedOn    string `json:"started_on"`
	Status       Status `json:"status"`
	RecognizedBy int64  `json:"recognized_by,omitempty"`
	DecisionNo   string `json:"decision_no,omitempty"`
	RecognizedOn string `json:"recognized_on,omitempty"`
	StoppedOn    string `json:"stopped_on,omitempty"`
	StopReason   string `json:"stop_reason,omitempty"`
	SourceID     int64  `json:"source_id,omitempty"`
	Version      int64  `json:"version"`
}

func auditOf(p Practice) auditPractice {
	opt := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return db.Day(t)
	}
	return auditPractice{Name: p.Name, UnitID: p.UnitID, Field: p.Field, OwnerType: string(p.OwnerType), OwnerName: p.OwnerName,
		OwnerTitle: p.OwnerTitle, Movement: p.Movement, StartedOn: db.Day(p.StartedOn), Status: p.Status,
		RecognizedBy: p.RecognizedBy, DecisionNo: p.DecisionNo, RecognizedOn: opt(p.RecognizedOn),
		StoppedOn: opt(p.StoppedOn), StopReason: p.StopReason, SourceID: p.SourceID, Version: p.Version}
}

// AddResult records a dated result figure of model id (write permission
// on the owning unit; not for a stopped model).
func (s *Store) AddResult(ctx context.Context, p *auth.Principal, id int64, r Result) (Result, error) {
	cur, err := s.readable(ctx, p, id)
	if err != nil {
		return Result{}, err
	}
	if err := s.requireWrite(ctx, p, cur.UnitID); err != nil {
		return Result{}, err
	}
	if cur.Status == Stopped {
		return Result{}, apperr.Conflict("practice.err.stopped_edit")
	}
	if err := validateResult(&r, cur.StartedOn, s.today()); err != nil {
		return Result{}, err
	}
	r.PracticeID = id
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		rid, err := tx.InsertID(ctx, `INSERT INTO practice_results (practice_id, on_date, indicator, value, measure, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, id, db.Day(r.On), r.Indicator, r.Value, r.Measure, db.Stamp(tx.Now()))
		if err != nil {
			return fmt.Errorf("practice: add result: %w", err)
		}
		r.ID = rid
		return audit.Record(ctx, tx, audit.Entry{Action: "add_result", Entity: "practice", EntityID: id, UnitID: cur.UnitID,
			After: map[string]any{"result_id": rid, "on": db.Day(r.On), "indicator": r.Indicator, "value": r.Value, "measure": r.Measure}})
	})
	if err != nil {
		return Result{}, err
	}
	return r, nil
}

// Results returns the result figures of model id, oldest first, when p
// may read it or it is public.
func (s *Store) Results(ctx context.Context, p *auth.Principal, id int64) ([]Result, error) {
	if _, _, err := s.visible(ctx, p, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, practice_id, on_date, indicator, value, measure
		FROM practice_results WHERE practice_id = ? ORDER BY on_date, id`, id)
	if err != nil {
		return nil, fmt.Errorf("practice: results: %w", err)
	}
	defer rows.Close()
	var out []Result
	for rows.Next() {
		var r Result
		var on string
		if err := rows.Scan(&r.ID, &r.PracticeID, &on, &r.Indicator, &r.Value, &r.Measure); err != nil {
			return nil, fmt.Errorf("practice: results: %w", err)
		}
		if r.On, err = db.ParseDay(on); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// FamilyMember is one model of a replication family, in tree order, as
// a viewer of the family sees it: where it runs, its status and dates,
// and whether the viewer may open its own page (else only its public
// page, when it has one).
type FamilyMember struct {
	ID           int64
	SourceID     int64
	UnitName     string
	Status       Status
	StartedOn    time.Time
	Replications int
	Depth        int  // 0 for the original
	Readable     bool // the viewer may read the model's own page
}

// Family returns the family of model id (which p may read, or which is
// public): the original and every adoption of it, of its adoptions and
// so on, in tree order (each model followed by its adoptions, oldest
// first).
func (s *Store) Family(ctx context.Context, p *auth.Principal, id int64) ([]FamilyMember, error) {
	pr, _, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+listCols+" FROM practices p WHERE p.root_id = ? ORDER BY p.id", pr.RootID)
	if err != nil {
		return nil, fmt.Errorf("practice: family: %w", err)
	}
	defer rows.Close()
	var all []Practice
	for rows.Next() {
		pr, err := scanPractice(rows)
		if err != nil {
			return nil, fmt.Errorf("practice: family: %w", err)
		}
		all = append(all, pr)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("practice: family: %w", err)
	}
	ptrs := make([]*Practice, len(all))
	for i := range all {
		ptrs[i] = &all[i]
	}
	if err := s.fillNames(ctx, ptrs); err != nil {
		return nil, err
	}
	children := map[int64][]Practice{}
	for _, pr := range all {
		children[pr.SourceID] = append(children[pr.SourceID], pr)
	}
	for k := range children {
		sort.SliceStable(children[k], func(i, j int) bool { return children[k][i].ID < children[k][j].ID })
	}
	var out []FamilyMember
	var walk func(parent int64, depth int) error
	walk = func(parent int64, depth int) error {
		for _, c := range children[parent] {
			m := FamilyMember{ID: c.ID, SourceID: c.SourceID, UnitName: c.UnitName, Status: c.Status, StartedOn: c.StartedOn,
				Replications: c.Replications, Depth: depth}
			if p != nil {
				var err error
				if m.Readable, err = s.auth.Can(ctx, p, auth.PermRead, c.UnitID); err != nil {
					return err
				}
			}
			out = append(out, m)
			if err := walk(c.ID, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(0, 0); err != nil {
		return nil, err
	}
	return out, nil
}
