package document

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// Term is a Party committee term (nhiệm kỳ): document numbers restart at
// 01 in each. UnitID 0 marks a default term, for every unit without
// terms of its own. Start and End are days, both inside the term.
type Term struct {
	ID     int64
	UnitID int64
	Name   string // "2020–2025"
	Start  time.Time
	End    time.Time
}

// Issuer is how a unit signs its documents from a day on: its code in
// the number line and the header's lines. To is zero while it holds.
type Issuer struct {
	ID       int64
	UnitID   int64
	From, To time.Time
	Code     string // "BDVTU"; after the 2025 reform e.g. "BTGDVTU"
	Name     string // the issuing body's line: "BAN DÂN VẬN"
	Superior string // the line above it: "TỈNH ỦY THÁI NGUYÊN"
	Place    string // the place of the date line: "Thái Nguyên"
}

// Limits on the register's fields, in characters.
const (
	maxTermName    = 40
	maxIssuerCode  = 20
	maxIssuerLine  = 200
	maxIssuerPlace = 60
)

var issuerCodeRE = regexp.MustCompile(`^[A-ZĐ][A-ZĐ0-9]*$`)

// requireAdmin checks the admin permission on a unit; unitID 0 (the
// default terms) needs a national admin.
func (s *Store) requireAdmin(ctx context.Context, p *auth.Principal, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("document.err.login")
	}
	if unitID == 0 {
		if !p.NationalAdmin || !p.User.Active {
			return apperr.Forbidden("document.err.forbidden_admin")
		}
		return nil
	}
	ok, err := s.auth.Can(ctx, p, auth.PermAdmin, unitID)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return apperr.Invalid("unit_id", "document.err.unit")
		}
		return err
	}
	if !ok {
		return apperr.Forbidden("document.err.forbidden_admin")
	}
	return nil
}

// requireRead checks the read permission on a unit; unitID 0 (the
// defaults) any signed-in user may read.
func (s *Store) requireRead(ctx context.Context, p *auth.Principal, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("document.err.login")
	}
	if unitID == 0 {
		return nil
	}
	ok, err := s.auth.Can(ctx, p, auth.PermRead, unitID)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.NotFound("document.err.unit")
	}
	return nil
}

// Terms returns the terms that apply to a unit, oldest first: its own
// when it has any, else the defaults (unitID 0 asks for the defaults).
// Needs the read permission on the unit.
func (s *Store) Terms(ctx context.Context, p *auth.Principal, unitID int64) ([]Term, error) {
	if err := s.requireRead(ctx, p, unitID); err != nil {
		return nil, err
	}
	return unitTerms(ctx, s.db, unitID)
}

func unitTerms(ctx context.Context, q db.Querier, unitID int64) ([]Term, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, COALESCE(unit_id, 0), name, starts_on, ends_on FROM document_terms
		WHERE unit_id = ? OR (unit_id IS NULL AND NOT EXISTS (SELECT 1 FROM document_terms o WHERE o.unit_id = ?))
		ORDER BY starts_on, id`, unitID, unitID)
	if err != nil {
		return nil, fmt.Errorf("document: terms: %w", err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		var t Term
		var start, end string
		if err := rows.Scan(&t.ID, &t.UnitID, &t.Name, &start, &end); err != nil {
			return nil, fmt.Errorf("document: terms: %w", err)
		}
		if t.Start, err = db.ParseDay(start); err != nil {
			return nil, err
		}
		if t.End, err = db.ParseDay(end); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// termOn is the term of a unit that holds on day.
func termOn(ctx context.Context, q db.Querier, unitID int64, day time.Time) (Term, error) {
	ts, err := unitTerms(ctx, q, unitID)
	if err != nil {
		return Term{}, err
	}
	for _, t := range ts {
		if !day.Before(t.Start) && !day.After(t.End) {
			return t, nil
		}
	}
	return Term{}, apperr.Invalid("", "document.err.no_term", showDay(day))
}

// SetTerm adds a term to a unit (UnitID 0: to the defaults). It may not
// overlap the unit's other terms. A unit's first own term replaces the
// defaults for it, so it is refused once the unit has issued documents
// under them. Needs the admin permission on the unit (a national admin
// for the defaults).
func (s *Store) SetTerm(ctx context.Context, p *auth.Principal, t Term) (Term, error) {
	if err := s.requireAdmin(ctx, p, t.UnitID); err != nil {
		return Term{}, err
	}
	t.Name = cleanLine(t.Name)
	var es apperr.Errors
	if t.Name == "" || utf8.RuneCountInString(t.Name) > maxTermName {
		es.Add("name", "document.err.term_name", maxTermName)
	}
	t.Start, t.End = db.DayOf(t.Start), db.DayOf(t.End)
	if t.Start.IsZero() || t.End.Before(t.Start) {
		es.Add("start", "document.err.term_dates")
	}
	if err := es.Err(); err != nil {
		return Term{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tx.Lock(ctx, numberLock); err != nil {
			return err
		}
		var own []Term
		if t.UnitID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM document_terms WHERE unit_id = ?", t.UnitID).Scan(&n); err != nil {
				return fmt.Errorf("document: set term: %w", err)
			}
			if n == 0 {
				// The defaults stop applying to this unit: refuse if it
				// numbered documents under them.
				var used int
				if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents d JOIN document_terms t ON t.id = d.term_id
					WHERE d.unit_id = ? AND t.unit_id IS NULL`, t.UnitID).Scan(&used); err != nil {
					return fmt.Errorf("document: set term: %w", err)
				}
				if used > 0 {
					return apperr.Conflict("document.err.term_used")
				}
			}
		}
		ts, err := unitTerms(ctx, tx, t.UnitID)
		if err != nil {
			return err
		}
		for _, o := range ts {
			if o.UnitID == t.UnitID {
				own = append(own, o)
			}
		}
		for _, o := range own {
			if !t.Start.After(o.End) && !t.End.Before(o.Start) {
				return apperr.Invalid("start", "document.err.term_overlap", o.Name)
			}
		}
		now := db.Stamp(tx.Now())
		id, err := tx.InsertID(ctx, `INSERT INTO document_terms (unit_id, name, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, ?)`,
			db.NullID(t.UnitID), t.Name, db.Day(t.Start), db.Day(t.End), now)
		if err != nil {
			if errors.Is(err, db.ErrReference) {
				return apperr.Invalid("unit_id", "document.err.unit")
			}
			return fmt.Errorf("document: set term: %w", err)
		}
		t.ID = id
		return audit.Record(ctx, tx, audit.Entry{Action: "add_term", Entity: "document_term", EntityID: id, UnitID: t.UnitID,
			After: map[string]any{"name": t.Name, "start": db.Day(t.Start), "end": db.Day(t.End)}})
	})
	if err != nil {
		return Term{}, err
	}
	return t, nil
}

// Issuers returns a unit's issuer rows, oldest first (read permission
// on the unit).
func (s *Store) Issuers(ctx context.Context, p *auth.Principal, unitID int64) ([]Issuer, error) {
	if err := s.requireRead(ctx, p, unitID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+issuerCols+" FROM document_issuers WHERE unit_id = ? ORDER BY valid_from", unitID)
	if err != nil {
		return nil, fmt.Errorf("document: issuers: %w", err)
	}
	defer rows.Close()
	var out []Issuer
	for rows.Next() {
		is, err := scanIssuer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, is)
	}
	return out, rows.Err()
}

const issuerCols = "id, unit_id, valid_from, valid_to, code, issuer, superior, place"

func scanIssuer(r interface{ Scan(...any) error }) (Issuer, error) {
	var is Issuer
	var from string
	var to sql.NullString
	if err := r.Scan(&is.ID, &is.UnitID, &from, &to, &is.Code, &is.Name, &is.Superior, &is.Place); err != nil {
		return is, fmt.Errorf("document: issuer: %w", err)
	}
	var err error
	if is.From, err = db.ParseDay(from); err != nil {
		return is, err
	}
	if is.To, err = db.NullDay(to); err != nil {
		return is, err
	}
	return is, nil
}

// IssuerOn returns how a unit signed on day (read permission on the
// unit).
func (s *Store) IssuerOn(ctx context.Context, p *auth.Principal, unitID int64, day time.Time) (Issuer, error) {
	if err := s.requireRead(ctx, p, unitID); err != nil {
		return Issuer{}, err
	}
	return issuerOn(ctx, s.db, unitID, day)
}

func issuerOn(ctx context.Context, q db.Querier, unitID int64, day time.Time) (Issuer, error) {
	d := db.Day(day)
	is, err := scanIssuer(q.QueryRowContext(ctx, "SELECT "+issuerCols+` FROM document_issuers
		WHERE unit_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`, unitID, d, d))
	if errors.Is(err, db.ErrNotFound) {
		return Issuer{}, apperr.Invalid("unit_id", "document.err.no_issuer", showDay(day))
	}
	return is, err
}

// SetIssuer starts how a unit signs from in.From on, ending the row that
// held until then (the day before). Refused when it would start on or
// before the current row's start, or when documents were already issued
// on or after in.From under the old code. Needs the admin permission on
// the unit.
func (s *Store) SetIssuer(ctx context.Context, p *auth.Principal, in Issuer) (Issuer, error) {
	if in.UnitID == 0 {
		return Issuer{}, apperr.Invalid("unit_id", "document.err.unit")
	}
	if err := s.requireAdmin(ctx, p, in.UnitID); err != nil {
		return Issuer{}, err
	}
	in.Code = cleanLine(in.Code)
	in.Name, in.Superior, in.Place = cleanLine(in.Name), cleanLine(in.Superior), cleanLine(in.Place)
	in.From, in.To = db.DayOf(in.From), time.Time{}
	var es apperr.Errors
	if !issuerCodeRE.MatchString(in.Code) || utf8.RuneCountInString(in.Code) > maxIssuerCode {
		es.Add("code", "document.err.issuer_code", maxIssuerCode)
	}
	if in.Name == "" || utf8.RuneCountInString(in.Name) > maxIssuerLine {
		es.Add("name", "document.err.issuer_name", maxIssuerLine)
	}
	if utf8.RuneCountInString(in.Superior) > maxIssuerLine {
		es.Add("superior", "document.err.issuer_line", maxIssuerLine)
	}
	if in.Place == "" || utf8.RuneCountInString(in.Place) > maxIssuerPlace {
		es.Add("place", "document.err.issuer_place", maxIssuerPlace)
	}
	if in.From.IsZero() {
		es.Add("from", "document.err.date")
	}
	if err := es.Err(); err != nil {
		return Issuer{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := tx.Lock(ctx, numberLock); err != nil {
			return err
		}
		from := db.Day(in.From)
		cur, err := scanIssuer(tx.QueryRowContext(ctx, "SELECT "+issuerCols+" FROM document_issuers WHERE unit_id = ? AND valid_to IS NULL", in.UnitID))
		switch {
		case errors.Is(err, db.ErrNotFound):
		case err != nil:
			return err
		default:
			if !in.From.After(cur.From) {
				return apperr.Invalid("from", "document.err.issuer_from", showDay(cur.From))
			}
			var last sql.NullString
			if err := tx.QueryRowContext(ctx, "SELECT MAX(issued_on) FROM documents WHERE unit_id = ?", in.UnitID).Scan(&last); err != nil {
				return fmt.Errorf("document: set issuer: %w", err)
			}
			if last.Valid && last.String >= from {
				d, _ := db.ParseDay(last.String)
				return apperr.Conflict("document.err.issuer_used", showDay(d))
			}
			if _, err := tx.ExecContext(ctx, "UPDATE document_issuers SET valid_to = ? WHERE id = ?", db.Day(in.From.AddDate(0, 0, -1)), cur.ID); err != nil {
				return fmt.Errorf("document: set issuer: %w", err)
			}
		}
		id, err := tx.InsertID(ctx, `INSERT INTO document_issuers (unit_id, valid_from, code, issuer, superior, place, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, in.UnitID, from, in.Code, in.Name, in.Superior, in.Place, db.Stamp(tx.Now()))
		if err != nil {
			if errors.Is(err, db.ErrReference) {
				return apperr.Invalid("unit_id", "document.err.unit")
			}
			return fmt.Errorf("document: set issuer: %w", err)
		}
		in.ID = id
		return audit.Record(ctx, tx, audit.Entry{Action: "set_issuer", Entity: "document_issuer", EntityID: id, UnitID: in.UnitID,
			Before: auditIssuer(cur), After: auditIssuer(in)})
	})
	if err != nil {
		return Issuer{}, err
	}
	return in, nil
}

func auditIssuer(is Issuer) any {
	if is.ID == 0 && is.Code == "" {
		return nil
	}
	return map[string]any{"from": db.Day(is.From), "code": is.Code, "issuer": is.Name, "superior": is.Superior, "place": is.Place}
}

// showDay writes a day as people read it: 05/07/2023.
func showDay(d time.Time) string { return d.Format("02/01/2006") }
