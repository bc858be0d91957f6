package directive

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes the register. Exported methods own their
// transaction and check the caller's permission themselves.
type Store struct {
	db    *db.DB
	units *org.Store
	authz *auth.Store
	files *blob.Bucket
}

// NewStore returns a store over d keeping files in files.
func NewStore(d *db.DB, units *org.Store, authz *auth.Store, files *blob.Bucket) *Store {
	return &Store{db: d, units: units, authz: authz, files: files}
}

// CanRegister reports whether p may register directives in unitID's
// register.
func (s *Store) CanRegister(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	return s.authz.CanAny(ctx, p, auth.PermWrite, unitID)
}

// fileTypes are the files a directive may carry, by sniffed type.
var fileTypes = map[string]bool{"application/pdf": true, "application/zip": true, "application/x-gzip": false}

// Create registers d with its file (nil for none), for a caller who may
// write on d.UnitID.
func (s *Store) Create(ctx context.Context, p *auth.Principal, d Directive, f *File) (Directive, error) {
	if err := d.validate(); err != nil {
		return Directive{}, err
	}
	if f != nil {
		f.Name = clean(path.Base(strings.ReplaceAll(f.Name, `\`, "/")))
		if len(f.Data) == 0 || len(f.Data) > maxFile {
			return Directive{}, apperr.Invalid("file", "directive.err.file_size", maxFile>>20)
		}
		if f.Name == "" || f.Name == "." || len(f.Name) > maxFileName {
			f.Name = "van-ban"
		}
		d.FileType = blob.SniffType(f.Data)
		if !fileTypes[d.FileType] {
			return Directive{}, apperr.Invalid("file", "directive.err.file_type")
		}
		d.FileName = f.Name
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "directive.err.forbidden_write", d.UnitID); err != nil {
		return Directive{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err := tx.InsertID(ctx, `INSERT INTO directives (unit_id, kind, number, number_key, issued_on, issuer, summary, summary_fold, file_name, file_type, version, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`, d.UnitID, string(d.Kind), d.Number, NumberKey(d.Number), db.Day(d.IssuedOn), d.Issuer,
			d.Summary, vntext.Fold(d.Number+" "+d.Summary+" "+d.Issuer), d.FileName, d.FileType, db.Stamp(tx.Now()))
		if errors.Is(err, db.ErrConflict) {
			return apperr.Invalid("number", "directive.err.number_taken", d.Number)
		}
		if errors.Is(err, db.ErrReference) {
			return apperr.Invalid("unit", "directive.err.unit")
		}
		if err != nil {
			return fmt.Errorf("directive: create: %w", err)
		}
		d.ID = id
		if f != nil {
			key := fmt.Sprintf("directives/%d", id)
			if _, err := tx.ExecContext(ctx, `UPDATE directives SET file_key = ? WHERE id = ?`, key, id); err != nil {
				return fmt.Errorf("directive: create: %w", err)
			}
			// Written inside the transaction: a failure leaves no row.
			if err := s.files.WriteAll(ctx, key, f.Data); err != nil {
				return fmt.Errorf("directive: file: %w", err)
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "directive", EntityID: id, UnitID: d.UnitID,
			After: map[string]any{"number": d.Number, "kind": d.Kind, "issued_on": db.Day(d.IssuedOn), "issuer": d.Issuer, "file": d.FileName}})
	})
	if err != nil {
		return Directive{}, err
	}
	return s.Get(ctx, p, d.ID)
}

const columns = `d.id, d.unit_id, d.kind, d.number, d.issued_on, d.issuer, d.summary, d.file_name, d.file_type, d.version, ` +
	`COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = d.unit_id ORDER BY v.valid_from DESC LIMIT 1), '')`

func scan(sc interface{ Scan(...any) error }) (Directive, error) {
	var d Directive
	var issued string
	if err := sc.Scan(&d.ID, &d.UnitID, &d.Kind, &d.Number, &issued, &d.Issuer, &d.Summary, &d.FileName, &d.FileType, &d.Version, &d.UnitName); err != nil {
		return Directive{}, err
	}
	var err error
	d.IssuedOn, err = db.ParseDay(issued)
	return d, err
}

func (s *Store) load(ctx context.Context, q db.Querier, id int64) (Directive, error) {
	d, err := scan(q.QueryRowContext(ctx, `SELECT `+columns+` FROM directives d WHERE d.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Directive{}, apperr.NotFound("directive.err.not_found")
	}
	if err != nil {
		return Directive{}, fmt.Errorf("directive: %d: %w", id, err)
	}
	return d, nil
}

// Get returns directive id to a caller who may read its register.
func (s *Store) Get(ctx context.Context, p *auth.Principal, id int64) (Directive, error) {
	d, err := s.load(ctx, s.db, id)
	if err != nil {
		return Directive{}, err
	}
	if err := s.requireRegister(ctx, p, d.UnitID); err != nil {
		return Directive{}, err
	}
	return d, nil
}

// registers returns the units whose registers p may read: those p may
// read, and the units above p's own (the directives a board works under
// come from above); nil for every unit.
func (s *Store) registers(ctx context.Context, p *auth.Principal) ([]int64, error) {
	reach, err := s.authz.ListScope(ctx, p, 0, "directive.err.not_found")
	if err != nil || reach == nil {
		return reach, err
	}
	out := append([]int64(nil), reach...)
	for _, g := range p.Grants {
		if !g.Role.Allows(auth.PermRead) {
			continue
		}
		above, err := s.units.Ancestors(ctx, g.UnitID, s.db.Now())
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, u := range above {
			out = append(out, u.ID)
		}
	}
	return out, nil
}

// requireRegister fails unless p may read unitID's register.
func (s *Store) requireRegister(ctx context.Context, p *auth.Principal, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("auth.err.sign_in")
	}
	units, err := s.registers(ctx, p)
	if err != nil {
		return err
	}
	if units != nil && !contains(units, unitID) {
		return apperr.Forbidden("directive.err.forbidden_read")
	}
	return nil
}

// FileData returns directive id's file, to a caller who may read it.
func (s *Store) FileData(ctx context.Context, p *auth.Principal, id int64) (Directive, []byte, error) {
	d, err := s.Get(ctx, p, id)
	if err != nil {
		return Directive{}, nil, err
	}
	if d.FileName == "" {
		return Directive{}, nil, apperr.NotFound("directive.err.no_file")
	}
	data, err := s.files.ReadAll(ctx, fmt.Sprintf("directives/%d", id))
	if err != nil {
		return Directive{}, nil, fmt.Errorf("directive: file %d: %w", id, err)
	}
	return d, data, nil
}

// Filter selects directives of the register.
type Filter struct {
	UnitID int64 // this unit's register and those below it; 0 for every unit in reach
	Kind   Kind
	Query  string // in the number, the summary or the issuer (folded)
	Offset int
	Limit  int // 0 means 50; at most 200
}

// List returns a page of the directives f selects that p may read,
// newest first, and how many there are in all.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Directive, int, error) {
	var units []int64
	var err error
	if f.UnitID == 0 {
		units, err = s.registers(ctx, p)
	} else {
		units, err = s.authz.ListScope(ctx, p, f.UnitID, "directive.err.not_found")
	}
	if err != nil {
		return nil, 0, err
	}
	var conds []string
	var args []any
	if units != nil {
		if len(units) == 0 {
			return []Directive{}, 0, nil
		}
		conds = append(conds, "d.unit_id IN ("+db.Placeholders(len(units))+")")
		for _, id := range units {
			args = append(args, id)
		}
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, 0, apperr.Invalid("kind", "directive.err.kind")
		}
		conds = append(conds, "d.kind = ?")
		args = append(args, string(f.Kind))
	}
	if q := vntext.Fold(clean(f.Query)); q != "" {
		conds = append(conds, `d.summary_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	where := "1 = 1"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM directives d WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("directive: list: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 200)
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM directives d WHERE `+where+` ORDER BY d.issued_on DESC, d.id DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("directive: list: %w", err)
	}
	defer rows.Close()
	out := []Directive{}
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("directive: list: %w", err)
		}
		out = append(out, d)
	}
	return out, total, rows.Err()
}

// targets are, per kind of record, its table, its title and day, and
// the condition a search for it (a folded LIKE pattern, once) sets.
var targets = map[TargetKind]struct{ table, title, day, search string }{
	Conference: {"meeting_conferences", "t.title", "t.held_on", `t.title_fold LIKE ? ESCAPE '\'`},
	// A report has no title: it is found by its period or its unit's name.
	Report: {"reports", "t.period", "t.period_end",
		`(LOWER(t.period) LIKE ? ESCAPE '\' OR t.unit_id IN (SELECT v.unit_id FROM unit_versions v WHERE v.name_fold LIKE ? ESCAPE '\'))`},
	Task:     {"meeting_tasks", "t.title", "t.due_end", `t.title_fold LIKE ? ESCAPE '\'`},
	Campaign: {"campaigns", "t.name", "t.starts_on", `t.name_fold LIKE ? ESCAPE '\'`},
}

// MaxCandidates bounds the records Candidates returns.
const MaxCandidates = 20

// Candidates returns the records of kind k that p could link to
// directive id (those on units p may write on, not linked yet) whose
// title holds text (folded; a report's period or unit name), newest
// first, at most MaxCandidates, for a caller who may read the directive.
// An empty text lists the newest.
func (s *Store) Candidates(ctx context.Context, p *auth.Principal, id int64, k TargetKind, text string) ([]Link, error) {
	t, ok := targets[k]
	if !ok {
		return nil, apperr.Invalid("kind", "directive.err.target_kind")
	}
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	reach, err := s.authz.Reach(ctx, p, auth.PermWrite)
	if err != nil {
		return nil, err
	}
	if !reach.All && len(reach.IDs) == 0 {
		return []Link{}, nil
	}
	where := `NOT EXISTS (SELECT 1 FROM directive_links l WHERE l.directive_id = ? AND l.target_kind = ? AND l.target_id = t.id)`
	args := []any{id, string(k)}
	if !reach.All {
		where += " AND t.unit_id IN (" + db.IDList(reach.IDs) + ")"
	}
	if q := vntext.Fold(clean(text)); q != "" {
		where += " AND " + t.search
		for range strings.Count(t.search, "?") {
			args = append(args, "%"+db.EscapeLike(q)+"%")
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.unit_id, `+org.NameSQL("t.unit_id", t.day)+`, `+t.title+`, `+t.day+`
		FROM `+t.table+` t WHERE `+where+` ORDER BY `+t.day+` DESC, t.id DESC LIMIT `+fmt.Sprint(MaxCandidates), args...)
	if err != nil {
		return nil, fmt.Errorf("directive: candidates: %w", err)
	}
	defer rows.Close()
	out := []Link{}
	for rows.Next() {
		l := Link{DirectiveID: id, Kind: k}
		var day string
		if err := rows.Scan(&l.TargetID, &l.UnitID, &l.UnitName, &l.Title, &day); err != nil {
			return nil, fmt.Errorf("directive: candidates: %w", err)
		}
		l.Day, _ = db.ParseDay(day)
		out = append(out, l)
	}
	return out, rows.Err()
}

// targetUnit returns the unit of record id of kind k.
func targetUnit(ctx context.Context, q db.Querier, k TargetKind, id int64) (int64, error) {
	t, ok := targets[k]
	if !ok {
		return 0, apperr.Invalid("kind", "directive.err.target_kind")
	}
	var unit int64
	err := q.QueryRowContext(ctx, `SELECT t.unit_id FROM `+t.table+` t WHERE t.id = ?`, id).Scan(&unit)
	if errors.Is(err, db.ErrNotFound) {
		return 0, apperr.NotFound("directive.err.target_not_found")
	}
	if err != nil {
		return 0, fmt.Errorf("directive: %s %d: %w", k, id, err)
	}
	return unit, nil
}

// Link links record targetID of kind k to directive id, as carrying it
// out, for a caller who may read the directive and write on the record's
// unit. Linking twice is not an error.
func (s *Store) Link(ctx context.Context, p *auth.Principal, id int64, k TargetKind, targetID int64) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		return s.link(ctx, tx, p, id, k, targetID)
	})
}

func (s *Store) link(ctx context.Context, tx *db.Tx, p *auth.Principal, id int64, k TargetKind, targetID int64) error {
	d, err := s.load(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := s.requireRegister(ctx, p, d.UnitID); err != nil {
		return err
	}
	unit, err := targetUnit(ctx, tx, k, targetID)
	if err != nil {
		return err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "directive.err.forbidden_link", unit); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM directive_links WHERE directive_id = ? AND target_kind = ? AND target_id = ?`, id, string(k), targetID).Scan(&n); err != nil {
		return fmt.Errorf("directive: link: %w", err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO directive_links (directive_id, target_kind, target_id, unit_id, created_at) VALUES (?, ?, ?, ?, ?)`,
		id, string(k), targetID, unit, db.Stamp(tx.Now())); err != nil {
		return fmt.Errorf("directive: link: %w", err)
	}
	return audit.Record(ctx, tx, audit.Entry{Action: "link", Entity: "directive", EntityID: id, UnitID: unit,
		After: map[string]any{"number": d.Number, "kind": k, "id": targetID}})
}

// Unlink removes the link of record targetID of kind k to directive id,
// for a caller who may write on the record's unit.
func (s *Store) Unlink(ctx context.Context, p *auth.Principal, id int64, k TargetKind, targetID int64) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		d, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.requireRegister(ctx, p, d.UnitID); err != nil {
			return err
		}
		unit, err := targetUnit(ctx, tx, k, targetID)
		if err != nil {
			return err
		}
		if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "directive.err.forbidden_link", unit); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM directive_links WHERE directive_id = ? AND target_kind = ? AND target_id = ?`, id, string(k), targetID)
		if err != nil {
			return fmt.Errorf("directive: unlink: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.NotFound("directive.err.target_not_found")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "unlink", Entity: "directive", EntityID: id, UnitID: unit,
			Before: map[string]any{"number": d.Number, "kind": k, "id": targetID}})
	})
}

// Links returns what was done under directive id that p may read:
// conferences, reports, tasks and campaigns, by kind then day.
func (s *Store) Links(ctx context.Context, p *auth.Principal, id int64) ([]Link, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	reach, err := s.authz.ListScope(ctx, p, 0, "directive.err.not_found")
	if err != nil {
		return nil, err
	}
	var out []Link
	for _, k := range TargetKinds {
		t := targets[k]
		rows, err := s.db.QueryContext(ctx, `SELECT l.target_id, l.unit_id, `+org.NameSQL("l.unit_id", t.day)+`, `+t.title+`, `+t.day+`
			FROM directive_links l JOIN `+t.table+` t ON t.id = l.target_id
			WHERE l.directive_id = ? AND l.target_kind = ? ORDER BY `+t.day+`, l.target_id`, id, string(k))
		if err != nil {
			return nil, fmt.Errorf("directive: links: %w", err)
		}
		for rows.Next() {
			l := Link{DirectiveID: id, Kind: k}
			var day string
			if err := rows.Scan(&l.TargetID, &l.UnitID, &l.UnitName, &l.Title, &day); err != nil {
				rows.Close()
				return nil, fmt.Errorf("directive: links: %w", err)
			}
			if reach != nil && !contains(reach, l.UnitID) {
				continue
			}
			l.Day, _ = db.ParseDay(day)
			out = append(out, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("directive: links: %w", err)
		}
	}
	return out, nil
}

func contains[T comparable](xs []T, x T) bool { return slices.Contains(xs, x) }

// LinkCited links conference conferenceID to every directive text cites
// (see Cited) that is in a register p may read — the register of the
// conference's unit or of a unit above it first — for a caller who may
// write on the conference's unit. It returns the directives linked.
// An imported article's text is the usual text.
func (s *Store) LinkCited(ctx context.Context, p *auth.Principal, conferenceID int64, text string) ([]Directive, error) {
	keys := Cited(text)
	if len(keys) == 0 {
		return nil, nil
	}
	if len(keys) > 50 {
		keys = keys[:50]
	}
	reach, err := s.registers(ctx, p)
	if err != nil {
		return nil, err
	}
	var out []Directive
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		out = nil
		args := make([]any, len(keys))
		for i, k := range keys {
			args[i] = k
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM directives d WHERE d.number_key IN (`+db.Placeholders(len(keys))+`) ORDER BY d.id`, args...)
		if err != nil {
			return fmt.Errorf("directive: cited: %w", err)
		}
		var found []Directive
		for rows.Next() {
			d, err := scan(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("directive: cited: %w", err)
			}
			if reach == nil || contains(reach, d.UnitID) {
				found = append(found, d)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("directive: cited: %w", err)
		}
		for _, d := range found {
			if err := s.link(ctx, tx, p, d.ID, Conference, conferenceID); err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

// LinkCiting links to directive id every conference p may write on whose
// title, summary or imported article cites it (see Cited), and returns
// how many were linked anew: the conferences imported before the
// directive was registered.
func (s *Store) LinkCiting(ctx context.Context, p *auth.Principal, id int64) (int, error) {
	d, err := s.Get(ctx, p, id)
	if err != nil {
		return 0, err
	}
	key := NumberKey(d.Number)
	// Candidates hold the number's digits and the kind's letters; Cited
	// confirms each.
	lead := key
	if i := strings.IndexAny(key, "-/"); i > 0 {
		lead = key[:i]
	}
	like := "%" + db.EscapeLike(lead) + "%"
	rows, err := s.db.QueryContext(ctx, `SELECT id, unit_id, title || ' ' || summary || ' ' || source_text FROM meeting_conferences
		WHERE (title LIKE ? ESCAPE '\' OR summary LIKE ? ESCAPE '\' OR source_text LIKE ? ESCAPE '\')
		AND NOT EXISTS (SELECT 1 FROM directive_links l WHERE l.directive_id = ? AND l.target_kind = 'conference' AND l.target_id = meeting_conferences.id)
		ORDER BY id LIMIT 500`, like, like, like, id)
	if err != nil {
		return 0, fmt.Errorf("directive: citing: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var cid, unit int64
		var text string
		if err := rows.Scan(&cid, &unit, &text); err != nil {
			rows.Close()
			return 0, fmt.Errorf("directive: citing: %w", err)
		}
		if !contains(Cited(text), key) {
			continue
		}
		if ok, err := s.authz.CanAny(ctx, p, auth.PermWrite, unit); err != nil {
			rows.Close()
			return 0, err
		} else if ok {
			ids = append(ids, cid)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("directive: citing: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, cid := range ids {
			if err := s.link(ctx, tx, p, id, Conference, cid); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(ids), nil
}

// For returns the directives record targetID of kind k carries out, in
// the registers p may read, newest first.
func (s *Store) For(ctx context.Context, p *auth.Principal, k TargetKind, targetID int64) ([]Directive, error) {
	if !k.Valid() {
		return nil, apperr.Invalid("kind", "directive.err.target_kind")
	}
	regs, err := s.registers(ctx, p)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM directives d JOIN directive_links l ON l.directive_id = d.id
		WHERE l.target_kind = ? AND l.target_id = ? ORDER BY d.issued_on DESC, d.id DESC`, string(k), targetID)
	if err != nil {
		return nil, fmt.Errorf("directive: for %s %d: %w", k, targetID, err)
	}
	defer rows.Close()
	out := []Directive{}
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("directive: for %s %d: %w", k, targetID, err)
		}
		if regs == nil || contains(regs, d.UnitID) {
			out = append(out, d)
		}
	}
	return out, rows.Err()
}
