package auth

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
)

// MayReadAuditLog refuses unless p may read the audit log at all: an
// administrator or a leader of some unit (or the system).
func MayReadAuditLog(p *Principal) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	if !p.system && len(ScopeRoots(p, PermApprove)) == 0 {
		return apperr.Forbidden("auth.err.audit_forbidden")
	}
	return nil
}

// AuditQuery selects entries of the audit log for AuditLog. Zero fields
// do not restrict.
type AuditQuery struct {
	// Login is the login name of who made the changes.
	Login string
	// UnitID restricts to the changes of a unit and of the units it
	// covers (those below it, and the closed units that passed into it).
	UnitID int64
	// Entity is a kind of record ("unit", "user", …).
	Entity   string
	From, To time.Time // days, inclusive
	Offset   int
	Limit    int // default 50, at most 500
}

// AuditLog lists the changes p may read, newest first, and how many
// match in all. Administrators and leaders read it, each the changes of
// the units they cover (PermApprove, by the rule of Can: past units
// included); changes that belong to no unit (an account's profile,
// sign-ins, tokens) only a national administrator (and the system). A
// unit outside p's reach or an unknown login name is refused with
// apperr.Invalid on its field ("unit_id"); a login name nobody has
// selects nothing, as one whose changes p may not read does.
func (s *Store) AuditLog(ctx context.Context, p *Principal, q AuditQuery) ([]audit.Row, int, error) {
	if err := MayReadAuditLog(p); err != nil {
		return nil, 0, err
	}
	roots := ScopeRoots(p, PermApprove)
	f := audit.Filter{Entity: q.Entity, From: q.From, To: q.To, Offset: q.Offset, Limit: q.Limit}
	// The units whose changes p reads; nil for every row.
	var scope []int64
	if !p.system && !p.NationalAdmin {
		ids, err := s.units.ScopeUnits(ctx, roots)
		if err != nil {
			return nil, 0, err
		}
		scope = append([]int64{}, ids...)
		f.Units = scope
	}
	var es apperr.Errors
	if q.UnitID != 0 {
		if scope != nil && !slices.Contains(scope, q.UnitID) {
			es.Add("unit_id", "auth.err.audit_unit")
		} else {
			ids, err := s.units.ScopeUnits(ctx, []int64{q.UnitID})
			if err != nil {
				return nil, 0, err
			}
			f.Units = []int64{}
			for _, id := range ids {
				if scope == nil || slices.Contains(scope, id) {
					f.Units = append(f.Units, id)
				}
			}
		}
	}
	if q.Login != "" {
		// A login name nobody has matches nothing, exactly as a login
		// whose changes p may not read: the answer never tells whether
		// an account exists.
		none := int64(-1)
		f.UserID = &none
		u, err := s.userByLogin(ctx, q.Login)
		switch {
		case err == nil:
			f.UserID = &u.ID
		case apperr.CodeOf(err) != apperr.CodeNotFound:
			return nil, 0, err
		}
	}
	if err := es.Err(); err != nil {
		return nil, 0, err
	}
	return audit.List(ctx, s.db, f)
}

// Activity lists the latest changes in unit unitID and the units below it
// (past units included), newest first, at most limit: the "recent
// activity" every reader of the unit sees on the home page. p must hold
// read permission on the unit.
func (s *Store) Activity(ctx context.Context, p *Principal, unitID int64, limit int) ([]audit.Row, error) {
	if err := s.Require(ctx, p, PermRead, unitID); err != nil {
		return nil, err
	}
	ids, err := s.units.ScopeUnits(ctx, []int64{unitID})
	if err != nil {
		return nil, fmt.Errorf("auth: activity: %w", err)
	}
	rows, _, err := audit.List(ctx, s.db, audit.Filter{Units: ids, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("auth: activity: %w", err)
	}
	return rows, nil
}
