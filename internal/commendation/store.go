package commendation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes the register. Exported methods own their
// transaction and check the caller's permission themselves.
type Store struct {
	db    *db.DB
	units *org.Store
	authz *auth.Store
}

// NewStore returns a store over d whose methods check permissions with
// authz.
func NewStore(d *db.DB, units *org.Store, authz *auth.Store) *Store {
	return &Store{db: d, units: units, authz: authz}
}

// CanRecord reports whether p may record and revoke decisions of unit
// unitID and propose commendations from it.
func (s *Store) CanRecord(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	return s.authz.CanAny(ctx, p, auth.PermWrite, unitID)
}

// Rules returns the rule table: which form issuers of each level may
// give, in level then form order.
func (s *Store) Rules(ctx context.Context) ([]Rule, error) {
	return rules(ctx, s.db)
}

func rules(ctx context.Context, q db.Querier) ([]Rule, error) {
	rows, err := q.QueryContext(ctx, `SELECT level, form FROM commendation_rules`)
	if err != nil {
		return nil, fmt.Errorf("commendation: rules: %w", err)
	}
	defer rows.Close()
	var out []Rule
	for rows.Next() {
		var r Rule
		if err := rows.Scan(&r.Level, &r.Form); err != nil {
			return nil, fmt.Errorf("commendation: rules: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("commendation: rules: %w", err)
	}
	slices.SortFunc(out, func(a, b Rule) int {
		if c := slices.Index(org.Levels, a.Level) - slices.Index(org.Levels, b.Level); c != 0 {
			return c
		}
		return slices.Index(Forms, a.Form) - slices.Index(Forms, b.Form)
	})
	return out, nil
}

// SetRules replaces the rule table, for a national administrator (the
// table is the deployment's). Unknown levels or forms are refused.
func (s *Store) SetRules(ctx context.Context, p *auth.Principal, rs []Rule) error {
	if p == nil {
		return apperr.Unauthorized("auth.err.sign_in")
	}
	if !p.NationalAdmin && !p.IsSystem() {
		return apperr.Forbidden("commendation.err.forbidden_rules")
	}
	seen := map[Rule]bool{}
	var keep []Rule
	for _, r := range rs {
		if !r.Level.Valid() || !r.Form.Valid() {
			return apperr.Invalid("rules", "commendation.err.rule")
		}
		if !seen[r] {
			seen[r] = true
			keep = append(keep, r)
		}
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		before, err := rules(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM commendation_rules`); err != nil {
			return err
		}
		for _, r := range keep {
			if _, err := tx.ExecContext(ctx, `INSERT INTO commendation_rules (level, form) VALUES (?, ?)`, string(r.Level), string(r.Form)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "rules", Entity: "commendation", Before: ruleNames(before), After: ruleNames(keep)})
	})
	if err != nil {
		return fmt.Errorf("commendation: set rules: %w", err)
	}
	return nil
}

func ruleNames(rs []Rule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r.Level) + ":" + string(r.Form)
	}
	return out
}

// allows reports whether an issuer of level may give form.
func allows(ctx context.Context, q db.Querier, level org.Level, form Form) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM commendation_rules WHERE level = ? AND form = ?`, string(level), string(form)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("commendation: rules: %w", err)
	}
	return n > 0, nil
}

// prepare checks d for a caller who may write on its unit (see
// issuable).
func (s *Store) prepare(ctx context.Context, p *auth.Principal, d *Decision) ([]Duplicate, error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "commendation.err.forbidden_write", d.UnitID); err != nil {
		return nil, err
	}
	return s.issuable(ctx, d)
}

// issuable checks a validated d once the caller's permission is known:
// the issuer existed on the signing day and may give the form, and every
// recipient is the issuer or below it on that day. It fills the issuer's
// and recipients' names and returns the awards in force d would repeat.
func (s *Store) issuable(ctx context.Context, d *Decision) ([]Duplicate, error) {
	if d.SignedOn.After(s.db.Now()) {
		return nil, apperr.Invalid("signed_on", "commendation.err.future")
	}
	issuer, err := s.units.Get(ctx, d.UnitID, d.SignedOn)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return nil, apperr.Invalid("signed_on", "commendation.err.unit_day")
	}
	if err != nil {
		return nil, err
	}
	d.UnitName = issuer.Name
	ok, err := allows(ctx, s.db, issuer.Level, d.Form)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.Invalid("form", "commendation.err.form_level", d.Form.Label(), i18n.M("level."+string(issuer.Level)))
	}
	if err := s.resolve(ctx, d.UnitID, d.SignedOn, d.Recipients); err != nil {
		return nil, err
	}
	return s.duplicates(ctx, *d)
}

// resolve checks that every recipient is unit top or below it on day and
// fills the names of persons and units.
func (s *Store) resolve(ctx context.Context, top int64, day time.Time, rs []Recipient) error {
	seen := map[string]bool{}
	for i := range rs {
		r := &rs[i]
		field := "recipient." + strconv.Itoa(i)
		unitID := r.UnitID
		switch r.Kind {
		case Person:
			var name string
			var merged *int64
			err := s.db.QueryRowContext(ctx, `SELECT unit_id, name, merged_into FROM meeting_people WHERE id = ?`, r.PersonID).Scan(&unitID, &name, &merged)
			if errors.Is(err, db.ErrNotFound) {
				return apperr.Invalid(field+".person", "commendation.err.person")
			}
			if err != nil {
				return fmt.Errorf("commendation: person %d: %w", r.PersonID, err)
			}
			if merged != nil {
				return apperr.Invalid(field+".person", "commendation.err.person_merged", name)
			}
			if r.Name == "" {
				r.Name = name
			}
		case UnitKind:
		default:
			r.PersonID, r.UnitID = 0, 0
			key := string(r.Kind) + "\x00" + vntext.Fold(r.Name) + "\x00" + vntext.Fold(r.Achievement)
			if seen[key] {
				return apperr.Invalid(field+".name", "commendation.err.twice", r.Name)
			}
			seen[key] = true
			continue
		}
		u, err := s.units.Get(ctx, unitID, day)
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		if err != nil || (u.ID != top && !slices.Contains(u.PathIDs(), top)) {
			key := "commendation.err.not_below"
			if r.Kind == Person {
				return apperr.Invalid(field+".person", key, r.Name)
			}
			return apperr.Invalid(field+".unit", key, u.Name)
		}
		if r.Kind == UnitKind {
			r.PersonID = 0
			if r.Name == "" {
				r.Name = u.Name
			}
		} else {
			r.UnitID = 0
		}
		key := string(r.Kind) + "\x00" + strconv.FormatInt(r.PersonID+r.UnitID, 10) + "\x00" + vntext.Fold(r.Achievement)
		if seen[key] {
			return apperr.Invalid(field, "commendation.err.twice", r.Name)
		}
		seen[key] = true
	}
	return nil
}

// duplicates returns the awards in force, other than d's own, to one of
// d's recipients for the same achievement, or of the same form for the
// same period.
func (s *Store) duplicates(ctx context.Context, d Decision) ([]Duplicate, error) {
	var out []Duplicate
	for i, r := range d.Recipients {
		who, args := "r.kind = ? AND r.name_fold = ?", []any{string(r.Kind), vntext.Fold(r.Name)}
		switch r.Kind {
		case Person:
			who, args = "r.person_id = ?", []any{r.PersonID}
		case UnitKind:
			who, args = "r.unit_id = ?", []any{r.UnitID}
		}
		args = append(args, d.ID, vntext.Fold(r.Achievement), d.Period, string(d.Form))
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.unit_id, d.number, d.signed_on, d.form, d.title, d.period, `+org.NameSQL("d.unit_id", "d.signed_on")+`
			FROM commendation_recipients r JOIN commendation_decisions d ON d.id = r.decision_id
			WHERE `+who+` AND d.revoked_on IS NULL AND d.id <> ?
			  AND (r.achievement_fold = ? OR (d.period <> '' AND d.period = ? AND d.form = ?))
			ORDER BY d.signed_on, d.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("commendation: duplicates: %w", err)
		}
		for rows.Next() {
			var dd Decision
			var signed string
			if err := rows.Scan(&dd.ID, &dd.UnitID, &dd.Number, &signed, &dd.Form, &dd.Title, &dd.Period, &dd.UnitName); err != nil {
				rows.Close()
				return nil, fmt.Errorf("commendation: duplicates: %w", err)
			}
			if dd.SignedOn, err = db.ParseDay(signed); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, Duplicate{Index: i, Decision: dd})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("commendation: duplicates: %w", err)
		}
	}
	return out, nil
}

// Check runs every check Create runs and returns the awards d would
// repeat, writing nothing: what a form shows before the user confirms.
func (s *Store) Check(ctx context.Context, p *auth.Principal, d Decision) (Decision, []Duplicate, error) {
	dups, err := s.prepare(ctx, p, &d)
	return d, dups, err
}

// Create records decision d, for a caller who may write on its issuing
// unit. When d repeats an award in force (see Duplicate) and confirm is
// false, nothing is written: the duplicates come back with a conflict
// error, and the caller confirms to record it anyway.
func (s *Store) Create(ctx context.Context, p *auth.Principal, d Decision, confirm bool) (Decision, []Duplicate, error) {
	dups, err := s.prepare(ctx, p, &d)
	if err != nil {
		return Decision{}, nil, err
	}
	if len(dups) > 0 && !confirm {
		return Decision{}, dups, apperr.Conflict("commendation.err.duplicate", len(dups))
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		return insert(ctx, tx, &d, len(dups))
	})
	if err != nil {
		return Decision{}, nil, err
	}
	out, err := s.Decision(ctx, p, d.ID)
	return out, dups, err
}

// searchText is what the register's search reads of d: its number, its
// title and each recipient's name and achievement, folded, with a line
// between them so that no match spans two.
func (d *Decision) searchText() string {
	parts := []string{d.Number, d.Title}
	for _, r := range d.Recipients {
		parts = append(parts, r.Name, r.Achievement)
	}
	return vntext.Fold(strings.Join(parts, "\n"))
}

// insert writes d and its recipients in tx, with its audit entry.
func insert(ctx context.Context, tx *db.Tx, d *Decision, dups int) error {
	id, err := tx.InsertID(ctx, `INSERT INTO commendation_decisions (unit_id, number, search_fold, signed_on, signer, signer_title, form, title, period, version, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`, d.UnitID, d.Number, d.searchText(), db.Day(d.SignedOn), d.Signer, d.SignerTitle, string(d.Form), d.Title, d.Period, db.Stamp(tx.Now()))
	if errors.Is(err, db.ErrConflict) {
		return apperr.Invalid("number", "commendation.err.number_taken", d.Number)
	}
	if err != nil {
		return fmt.Errorf("commendation: create: %w", err)
	}
	d.ID = id
	for i, r := range d.Recipients {
		if _, err := tx.ExecContext(ctx, `INSERT INTO commendation_recipients
			(decision_id, position, kind, person_id, unit_id, name, name_fold, achievement, achievement_fold, practice_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, i, string(r.Kind), db.NullID(r.PersonID), db.NullID(r.UnitID),
			r.Name, vntext.Fold(r.Name), r.Achievement, vntext.Fold(r.Achievement), db.NullID(r.PracticeID)); err != nil {
			if errors.Is(err, db.ErrReference) {
				return apperr.Invalid("recipient."+strconv.Itoa(i)+".practice", "commendation.err.practice")
			}
			return fmt.Errorf("commendation: recipient %d: %w", i, err)
		}
	}
	return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "commendation", EntityID: id, UnitID: d.UnitID,
		After: map[string]any{"number": d.Number, "form": d.Form, "title": d.Title, "period": d.Period, "recipients": len(d.Recipients), "duplicates_confirmed": dups}})
}

// Decision returns decision id with its recipients, to a caller who may
// read its issuing unit or the unit of one of its recipients.
func (s *Store) Decision(ctx context.Context, p *auth.Principal, id int64) (Decision, error) {
	d, err := s.load(ctx, s.db, id)
	if err != nil {
		return Decision{}, err
	}
	units := []int64{d.UnitID}
	for _, r := range d.Recipients {
		units = append(units, r.UnitID)
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "commendation.err.forbidden_read", units...); err != nil {
		return Decision{}, err
	}
	return d, nil
}

const decisionColumns = `d.id, d.unit_id, d.number, d.signed_on, d.signer, d.signer_title, d.form, d.title, d.period,
	d.revoked_on, d.revoked_reason, d.version, `

func scanDecision(sc interface{ Scan(...any) error }, extra ...any) (Decision, error) {
	var d Decision
	var signed string
	var revoked *string
	dest := append([]any{&d.ID, &d.UnitID, &d.Number, &signed, &d.Signer, &d.SignerTitle, &d.Form, &d.Title, &d.Period,
		&revoked, &d.RevokedReason, &d.Version, &d.UnitName}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return Decision{}, err
	}
	var err error
	if d.SignedOn, err = db.ParseDay(signed); err != nil {
		return Decision{}, err
	}
	if revoked != nil {
		if d.RevokedOn, err = db.ParseDay(*revoked); err != nil {
			return Decision{}, err
		}
	}
	return d, nil
}

// load reads decision id with its recipients (a person's or unit's name
// as written on the decision).
func (s *Store) load(ctx context.Context, q db.Querier, id int64) (Decision, error) {
	d, err := scanDecision(q.QueryRowContext(ctx, `SELECT `+decisionColumns+org.NameSQL("d.unit_id", "d.signed_on")+`
		FROM commendation_decisions d WHERE d.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Decision{}, apperr.NotFound("commendation.err.not_found")
	}
	if err != nil {
		return Decision{}, fmt.Errorf("commendation: decision %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.kind, COALESCE(r.person_id, 0), COALESCE(r.unit_id, 0), r.name, r.achievement, COALESCE(r.practice_id, 0)
		FROM commendation_recipients r WHERE r.decision_id = ? ORDER BY r.position`, id)
	if err != nil {
		return Decision{}, fmt.Errorf("commendation: decision %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Recipient
		if err := rows.Scan(&r.ID, &r.Kind, &r.PersonID, &r.UnitID, &r.Name, &r.Achievement, &r.PracticeID); err != nil {
			return Decision{}, fmt.Errorf("commendation: decision %d: %w", id, err)
		}
		d.Recipients = append(d.Recipients, r)
	}
	if err := rows.Err(); err != nil {
		return Decision{}, fmt.Errorf("commendation: decision %d: %w", id, err)
	}
	d.RecipientCount = len(d.Recipients)
	return d, nil
}

// Revoke withdraws decision id (at version, as read) on day with reason,
// for a caller who may write on its issuing unit. The decision stays in
// the register, marked revoked; its awards no longer count as
// duplicates.
func (s *Store) Revoke(ctx context.Context, p *auth.Principal, id, version int64, reason string, day time.Time) (Decision, error) {
	reason = clean(reason)
	if reason == "" || len(reason) > maxLong {
		return Decision{}, apperr.Invalid("reason", "commendation.err.reason")
	}
	if day.IsZero() {
		return Decision{}, apperr.Invalid("revoked_on", "commendation.err.revoked_on")
	}
	if day.After(s.db.Now()) {
		return Decision{}, apperr.Invalid("revoked_on", "commendation.err.future")
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		d, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "commendation.err.forbidden_write", d.UnitID); err != nil {
			return err
		}
		if d.Revoked() {
			return apperr.Conflict("commendation.err.revoked")
		}
		if d.Version != version {
			return apperr.Conflict("commendation.err.stale")
		}
		if day.Before(d.SignedOn) {
			return apperr.Invalid("revoked_on", "commendation.err.revoked_before")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE commendation_decisions SET revoked_on = ?, revoked_reason = ?, version = version + 1 WHERE id = ?`,
			db.Day(day), reason, id); err != nil {
			return fmt.Errorf("commendation: revoke %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "revoke", Entity: "commendation", EntityID: id, UnitID: d.UnitID,
			Before: map[string]any{"number": d.Number}, After: map[string]any{"revoked_on": db.Day(day), "reason": reason}})
	})
	if err != nil {
		return Decision{}, err
	}
	return s.Decision(ctx, p, id)
}

// Status filters the register by whether decisions are in force.
type Status string

// The statuses a list may ask for ("" for both).
const (
	InForce Status = "in_force"
	Revoked Status = "revoked"
)

// Filter selects decisions of the register.
type Filter struct {
	UnitID int64  // the issuing unit and those below it; 0 for every unit in reach
	Form   Form   // "" for every form
	Year   int    // the year signed, 0 for every year
	Query  string // in the number, the title or a recipient's name (folded)
	Status Status
	Offset int
	Limit  int // 0 means 50; at most 200
}

// List returns a page of the decisions f selects that p may read
// (issued by a unit in p's read reach), newest first, and how many there
// are in all.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Decision, int, error) {
	units, err := s.scopeOf(ctx, p, f.UnitID)
	if err != nil {
		return nil, 0, err
	}
	var conds []string
	var args []any
	if units != nil {
		if len(units) == 0 {
			return []Decision{}, 0, nil
		}
		conds = append(conds, "d.unit_id IN ("+db.Placeholders(len(units))+")")
		for _, id := range units {
			args = append(args, id)
		}
	}
	if f.Form != "" {
		if !f.Form.Valid() {
			return nil, 0, apperr.Invalid("form", "commendation.err.form")
		}
		conds = append(conds, "d.form = ?")
		args = append(args, string(f.Form))
	}
	if f.Year != 0 {
		if f.Year < 1945 || f.Year > 2200 {
			return nil, 0, apperr.Invalid("year", "commendation.err.year")
		}
		conds = append(conds, "d.signed_on >= ? AND d.signed_on <= ?")
		args = append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-12-31", f.Year))
	}
	switch f.Status {
	case "":
	case InForce:
		conds = append(conds, "d.revoked_on IS NULL")
	case Revoked:
		conds = append(conds, "d.revoked_on IS NOT NULL")
	default:
		return nil, 0, apperr.Invalid("status", "commendation.err.status")
	}
	if q := vntext.Fold(clean(f.Query)); q != "" {
		like := "%" + db.EscapeLike(q) + "%"
		conds = append(conds, `d.search_fold LIKE ? ESCAPE '\'`)
		args = append(args, like)
	}
	where := "1 = 1"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM commendation_decisions d WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("commendation: list: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 200)
	rows, err := s.db.QueryContext(ctx, `SELECT `+decisionColumns+org.NameSQL("d.unit_id", "d.signed_on")+`,
		(SELECT COUNT(*) FROM commendation_recipients r WHERE r.decision_id = d.id)
		FROM commendation_decisions d WHERE `+where+` ORDER BY d.signed_on DESC, d.id DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("commendation: list: %w", err)
	}
	defer rows.Close()
	out := []Decision{}
	for rows.Next() {
		var n int
		d, err := scanDecision(rows, &n)
		if err != nil {
			return nil, 0, fmt.Errorf("commendation: list: %w", err)
		}
		d.RecipientCount = n
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("commendation: list: %w", err)
	}
	return out, total, nil
}

// scopeOf returns the issuing units p may list with unitID: nil means
// every unit, an empty non-nil slice none. A unit outside p's reach is
// not found.
func (s *Store) scopeOf(ctx context.Context, p *auth.Principal, unitID int64) ([]int64, error) {
	if p == nil {
		return nil, apperr.Unauthorized("auth.err.sign_in")
	}
	return s.authz.ListScope(ctx, p, unitID, "commendation.err.unit_not_found")
}

// ForUnit returns the awards to unit unitID (as a recipient), newest
// first, to a caller who may read it.
func (s *Store) ForUnit(ctx context.Context, p *auth.Principal, unitID int64) ([]Award, error) {
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "commendation.err.forbidden_read", unitID); err != nil {
		return nil, err
	}
	return s.awards(ctx, `r.kind = 'unit' AND r.unit_id = ?`, unitID)
}

// ForPerson returns the awards to person personID of a directory (and to
// the rows merged into it), newest first, to a caller who may read the
// person's unit.
func (s *Store) ForPerson(ctx context.Context, p *auth.Principal, personID int64) ([]Award, error) {
	var unitID int64
	err := s.db.QueryRowContext(ctx, `SELECT unit_id FROM meeting_people WHERE id = ?`, personID).Scan(&unitID)
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.NotFound("commendation.err.person")
	}
	if err != nil {
		return nil, fmt.Errorf("commendation: person %d: %w", personID, err)
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "commendation.err.forbidden_read", unitID); err != nil {
		return nil, err
	}
	return s.awards(ctx, `r.person_id IN (SELECT id FROM meeting_people WHERE id = ? OR merged_into = ?)`, personID, personID)
}

func (s *Store) awards(ctx context.Context, cond string, args ...any) ([]Award, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+decisionColumns+org.NameSQL("d.unit_id", "d.signed_on")+`,
		r.id, r.kind, COALESCE(r.person_id, 0), COALESCE(r.unit_id, 0), r.name, r.achievement, COALESCE(r.practice_id, 0)
		FROM commendation_recipients r JOIN commendation_decisions d ON d.id = r.decision_id
		WHERE `+cond+` ORDER BY d.signed_on DESC, d.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("commendation: awards: %w", err)
	}
	defer rows.Close()
	out := []Award{}
	for rows.Next() {
		var r Recipient
		d, err := scanDecision(rows, &r.ID, &r.Kind, &r.PersonID, &r.UnitID, &r.Name, &r.Achievement, &r.PracticeID)
		if err != nil {
			return nil, fmt.Errorf("commendation: awards: %w", err)
		}
		out = append(out, Award{Decision: d, Recipient: r})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("commendation: awards: %w", err)
	}
	return out, nil
}
