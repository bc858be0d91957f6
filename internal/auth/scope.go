package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// Principal is who makes a request: the account, its grants, and how it
// signed in (a browser session or an API token). Get one from
// Authenticate or AuthenticateToken. A Principal belongs to one request;
// its caches make repeated Can calls cheap.
type Principal struct {
	User   User
	Grants []Grant

	// SessionID and CSRFToken are set for a browser session. The web layer
	// puts CSRFToken in every form and checks it with CheckCSRF.
	SessionID int64
	CSRFToken string

	// TokenID is set for an API call made with a bearer token.
	TokenID int64

	// NationalAdmin is true when the user is admin of a root unit.
	NationalAdmin bool

	// TwoFactorDue is set for a browser session of an account that must
	// sign in with a second step (an administrator, or a role on a unit
	// that requires it) and has not enrolled yet: the web layer sends it
	// to the enrolment page until it has.
	TwoFactorDue bool

	// system marks the operator's principal (System).
	system bool

	mu     sync.Mutex
	covers map[int64][]int64 // unit id -> ids of today's units whose grants cover it
}

// Actor returns the audit actor for this principal, with the client
// address addr; the web layer puts it in the request context with
// audit.WithActor.
func (p *Principal) Actor(addr string) audit.Actor {
	return audit.Actor{UserID: p.User.ID, Name: p.User.Login, Addr: addr}
}

// ScopeRoots returns the units on which p holds a role carrying perm:
// the roots of the subtrees (in today's tree) that p may act on with perm.
// A national admin (NationalAdmin) covers everything; the root unit is
// then among the roots. Other packages restrict list queries to the
// subtrees of these units (org.Store.Subtree, or the closure table), and
// return nothing when the list is empty. The system's principal holds no
// grants: ask Scope or Reach, which cover everything for it.
func ScopeRoots(p *Principal, perm Permission) []int64 {
	if p == nil {
		return nil
	}
	var out []int64
	for _, g := range p.Grants {
		if g.Role.Allows(perm) && !slices.Contains(out, g.UnitID) {
			out = append(out, g.UnitID)
		}
	}
	slices.Sort(out)
	return out
}

// Scope is what a list query needs to restrict itself to a principal's
// reach for one permission.
type Scope struct {
	All   bool    // national admin (or another grant on a root): no restriction
	Roots []int64 // otherwise the subtrees under these units; none means nothing
}

// Scope returns p's scope for perm. All is set when one of the roots is
// a root of today's tree. Roots that lie under another root are kept
// (harmless for subtree queries).
func (s *Store) Scope(ctx context.Context, p *Principal, perm Permission) (Scope, error) {
	if p.IsSystem() {
		return Scope{All: true}, nil
	}
	roots := ScopeRoots(p, perm)
	for _, id := range roots {
		u, err := s.units.Get(ctx, id, s.db.Now())
		if err != nil {
			if apperr.CodeOf(err) == apperr.CodeNotFound {
				continue // a grant on a closed unit
			}
			return Scope{}, err
		}
		if u.ParentID == 0 {
			return Scope{All: true, Roots: roots}, nil
		}
	}
	return Scope{Roots: roots}, nil
}

// Can reports whether p may act with perm on unit unitID: whether one of
// p's grants carrying perm is on a unit that covers unitID in today's
// tree (the unit itself or one of its ancestors), or, for a unit closed
// since, covers one of today's units it maps onto. A nil principal (an
// anonymous visitor) may do nothing; the system may do everything. It
// fails with an apperr.NotFound error for an unknown unit.
func (s *Store) Can(ctx context.Context, p *Principal, perm Permission, unitID int64) (bool, error) {
	if p.IsSystem() {
		return true, nil
	}
	if p == nil || !p.User.Active {
		return false, nil
	}
	roots := ScopeRoots(p, perm)
	if len(roots) == 0 {
		return false, nil
	}
	cov, err := s.covering(ctx, p, unitID)
	if err != nil {
		return false, err
	}
	for _, id := range cov {
		if slices.Contains(roots, id) {
			return true, nil
		}
	}
	return false, nil
}

// Require is Can that returns an apperr.Forbidden error when the answer
// is no (apperr.Unauthorized for an anonymous visitor).
func (s *Store) Require(ctx context.Context, p *Principal, perm Permission, unitID int64) error {
	if p == nil {
		return apperr.Unauthorized("auth.err.sign_in")
	}
	ok, err := s.Can(ctx, p, perm, unitID)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.Forbidden(forbiddenMessage(perm))
	}
	return nil
}

func forbiddenMessage(perm Permission) string {
	switch perm {
	case PermWrite:
		return "auth.err.forbidden_write"
	case PermApprove:
		return "auth.err.forbidden_approve"
	case PermAdmin:
		return "auth.err.forbidden_admin"
	}
	return "auth.err.forbidden_read"
}

// covering returns the ids of the units whose grants cover unitID: its
// path in today's tree (root first, the unit last), or for a unit no
// longer living, the unit itself and the paths of today's units it maps
// onto. Results are cached on p.
func (s *Store) covering(ctx context.Context, p *Principal, unitID int64) ([]int64, error) {
	if p != nil {
		p.mu.Lock()
		cov, ok := p.covers[unitID]
		p.mu.Unlock()
		if ok {
			return cov, nil
		}
	}
	today := s.db.Now()
	var cov []int64
	u, err := s.units.Get(ctx, unitID, today)
	switch {
	case err == nil:
		cov = u.PathIDs()
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		// Unknown, closed, or not started yet.
		mapped, merr := s.units.MapToToday(ctx, unitID, today)
		switch {
		case merr == nil:
			cov = []int64{unitID}
			add := func(ids []int64) {
				for _, id := range ids {
					if !slices.Contains(cov, id) {
						cov = append(cov, id)
					}
				}
			}
			for _, m := range mapped {
				add(m.Unit.PathIDs())
			}
			if len(mapped) == 0 {
				// Closed without successors (a district abolished in
				// 2025): it stays with whatever covered its parent on its
				// last day.
				up, err := s.closedParentCovering(ctx, p, unitID)
				if err != nil {
					return nil, err
				}
				add(up)
			}
		case apperr.CodeOf(merr) == apperr.CodeInvalid:
			cov = []int64{unitID} // starts in the future: only grants on itself
		default:
			return nil, merr
		}
	default:
		return nil, fmt.Errorf("auth: unit %d: %w", unitID, err)
	}
	if p != nil {
		p.mu.Lock()
		if p.covers == nil {
			p.covers = map[int64][]int64{}
		}
		p.covers[unitID] = cov
		p.mu.Unlock()
	}
	return cov, nil
}

// closedParentCovering returns the covering of the parent a closed unit
// had on its last day (nothing for a root or a unit never closed).
func (s *Store) closedParentCovering(ctx context.Context, p *Principal, unitID int64) ([]int64, error) {
	hist, err := s.units.History(ctx, unitID)
	if err != nil {
		return nil, err
	}
	if len(hist) == 0 {
		return nil, nil
	}
	last := hist[len(hist)-1]
	if last.ValidTo.IsZero() || last.ParentID == 0 {
		return nil, nil
	}
	return s.covering(ctx, p, last.ParentID)
}

// auditGrant is what the audit log keeps of a grant.
type auditGrant struct {
	UserID int64  `json:"user_id"`
	UnitID int64  `json:"unit_id"`
	Role   Role   `json:"role"`
	Login  string `json:"login"`
}

const grantCols = "g.id, g.user_id, g.unit_id, g.role, g.granted_by, g.granted_at"

func scanGrant(r scanner) (Grant, error) {
	var g Grant
	var by *int64
	var at string
	if err := r.Scan(&g.ID, &g.UserID, &g.UnitID, &g.Role, &by, &at); err != nil {
		return Grant{}, err
	}
	if by != nil {
		g.GrantedBy = *by
	}
	var err error
	g.GrantedAt, err = db.ParseStamp(at)
	return g, err
}

func listGrants(ctx context.Context, q db.Querier, userID int64) ([]Grant, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+grantCols+" FROM grants g WHERE g.user_id = ? ORDER BY g.unit_id, g.role", userID)
	if err != nil {
		return nil, fmt.Errorf("auth: grants of user %d: %w", userID, err)
	}
	defer rows.Close()
	var gs []Grant
	for rows.Next() {
		g, err := scanGrant(rows)
		if err != nil {
			return nil, fmt.Errorf("auth: grants of user %d: %w", userID, err)
		}
		gs = append(gs, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: grants of user %d: %w", userID, err)
	}
	return gs, nil
}

// Grants returns the roles granted to a user, by unit, when p may see
// the account (its own, one p manages, any for the system).
func (s *Store) Grants(ctx context.Context, p *Principal, userID int64) ([]Grant, error) {
	if err := s.mayRead(ctx, p, userID); err != nil {
		return nil, err
	}
	return listGrants(ctx, s.db, userID)
}

// GrantRole gives user userID the role on unit unitID (a unit living
// today), on behalf of p, who must manage the account and administer the
// unit. The granting user is the audit actor of ctx. Granting a role the
// user already has on the unit is refused with apperr.Conflict.
func (s *Store) GrantRole(ctx context.Context, p *Principal, userID, unitID int64, role Role) (Grant, error) {
	if err := s.requireManage(ctx, p, userID); err != nil {
		return Grant{}, err
	}
	if !p.system {
		ok, err := s.Can(ctx, p, PermAdmin, unitID)
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return Grant{}, err
		}
		if !ok {
			return Grant{}, apperr.Forbidden("auth.err.grant_scope")
		}
	}
	if !role.Valid() {
		return Grant{}, apperr.Invalid("role", "auth.err.role")
	}
	if _, err := s.units.Get(ctx, unitID, s.db.Now()); err != nil {
		if apperr.CodeOf(err) != apperr.CodeNotFound {
			return Grant{}, err
		}
		_, merr := s.units.MapToToday(ctx, unitID, s.db.Now())
		switch apperr.CodeOf(merr) {
		case "":
			return Grant{}, apperr.Invalid("unit_id", "auth.err.unit_closed")
		case apperr.CodeNotFound, apperr.CodeInvalid:
			return Grant{}, apperr.Invalid("unit_id", "auth.err.unknown_unit")
		}
		return Grant{}, merr
	}
	var g Grant
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		u, err := getUser(ctx, tx, userID)
		if err != nil {
			return err
		}
		by := audit.ActorFrom(ctx).UserID
		id, err := tx.InsertID(ctx, "INSERT INTO grants (user_id, unit_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)",
			userID, unitID, string(role), db.NullID(by), db.Stamp(tx.Now()))
		if errors.Is(err, db.ErrConflict) {
			return apperr.Conflict("auth.err.grant_exists")
		}
		if errors.Is(err, db.ErrReference) {
			return apperr.Invalid("unit_id", "auth.err.unknown_unit")
		}
		if err != nil {
			return fmt.Errorf("auth: grant: %w", err)
		}
		if g, err = scanGrant(tx.QueryRowContext(ctx, "SELECT "+grantCols+" FROM grants g WHERE g.id = ?", id)); err != nil {
			return fmt.Errorf("auth: grant: %w", err)
		}
		if err := tx.Bump(ctx, TopicGrants); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "grant", Entity: "grant", EntityID: id, UnitID: unitID,
			After: auditGrant{UserID: userID, UnitID: unitID, Role: role, Login: u.Login}})
	})
	return g, err
}

// RevokeGrant removes grant grantID of account userID, on behalf of p,
// who must manage the account and administer the grant's unit. The user's
// current sessions lose the role at their next request.
func (s *Store) RevokeGrant(ctx context.Context, p *Principal, userID, grantID int64) error {
	if err := s.requireManage(ctx, p, userID); err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		g, err := scanGrant(tx.QueryRowContext(ctx, "SELECT "+grantCols+" FROM grants g WHERE g.id = ?", grantID))
		if errors.Is(err, db.ErrNotFound) || (err == nil && g.UserID != userID) {
			return apperr.NotFound("auth.err.unknown_grant")
		}
		if err != nil {
			return fmt.Errorf("auth: revoke grant %d: %w", grantID, err)
		}
		if !p.system {
			ok, err := s.Can(ctx, p, PermAdmin, g.UnitID)
			if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
				return err
			}
			if !ok {
				return apperr.Forbidden("auth.err.grant_scope")
			}
		}
		u, err := getUser(ctx, tx, g.UserID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM grants WHERE id = ?", grantID); err != nil {
			return fmt.Errorf("auth: revoke grant %d: %w", grantID, err)
		}
		if err := tx.Bump(ctx, TopicGrants); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "revoke", Entity: "grant", EntityID: grantID, UnitID: g.UnitID,
			Before: auditGrant{UserID: g.UserID, UnitID: g.UnitID, Role: g.Role, Login: u.Login}})
	})
}

// CanManageUser reports whether p may edit, disable or reset the password
// of account userID: a national admin may; another admin may when every
// grant the account holds lies within p's admin scope (an account with no
// grants may be managed by any admin); the system may.
func (s *Store) CanManageUser(ctx context.Context, p *Principal, userID int64) (bool, error) {
	if p.IsSystem() {
		return true, nil
	}
	if p == nil || !p.User.Active || len(ScopeRoots(p, PermAdmin)) == 0 {
		return false, nil
	}
	gs, err := listGrants(ctx, s.db, userID)
	if err != nil {
		return false, err
	}
	for _, g := range gs {
		ok, err := s.Can(ctx, p, PermAdmin, g.UnitID)
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return false, err
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

// loadPrincipal builds the Principal for an account.
func (s *Store) loadPrincipal(ctx context.Context, u User) (*Principal, error) {
	r, err := s.rolesOf(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	return &Principal{User: u, Grants: r.grants, NationalAdmin: r.national}, nil
}

// nationalAdmin reports whether one of gs is an admin grant on a root
// unit living today.
func (s *Store) nationalAdmin(ctx context.Context, gs []Grant) (bool, error) {
	for _, g := range gs {
		if g.Role != RoleAdmin {
			continue
		}
		unit, err := s.units.Get(ctx, g.UnitID, s.db.Now())
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue // a grant on a unit closed since
		}
		if err != nil {
			return false, err
		}
		if unit.ParentID == 0 {
			return true, nil
		}
	}
	return false, nil
}
