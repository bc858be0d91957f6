package auth

import (
	"context"

	"github.com/danvan/danvan/internal/apperr"
)

// System returns the principal of the system's operator: the command line
// (danvan user), the demo accounts, and tests that set up accounts. It may
// do everything; its writes are audited with the actor of the context
// (audit.WithActor), the system when there is none. Nothing a request
// sends can make one: only this function sets the flag.
func System() *Principal {
	return &Principal{User: User{Login: "system", Active: true}, system: true}
}

// IsSystem reports whether p is the system's operator.
func (p *Principal) IsSystem() bool { return p != nil && p.system }

// requireSignedIn refuses a visitor.
func requireSignedIn(p *Principal) error {
	if p == nil || (!p.system && !p.User.Active) {
		return apperr.Unauthorized("auth.err.sign_in")
	}
	return nil
}

// RequireAdmin refuses unless p holds an admin role on some unit (or is
// the system): what the administration pages need before the unit or
// account at hand is looked at. A visitor is unauthorized, anyone else
// forbidden.
func RequireAdmin(p *Principal) error { return requireAdmin(p) }

func requireAdmin(p *Principal) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	if !p.system && len(ScopeRoots(p, PermAdmin)) == 0 {
		return apperr.Forbidden("auth.err.not_admin")
	}
	return nil
}

// requireManage refuses unless p may manage account id (CanManageUser).
// An account p may not manage is not found, so that its existence is not
// told; so is an unknown one.
func (s *Store) requireManage(ctx context.Context, p *Principal, id int64) error {
	if err := requireAdmin(p); err != nil {
		return err
	}
	return s.manages(ctx, p, id)
}

// manages is CanManageUser as an error: an account p may not manage is
// not found.
func (s *Store) manages(ctx context.Context, p *Principal, id int64) error {
	ok, err := s.CanManageUser(ctx, p, id)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.NotFound("auth.err.unknown_user")
	}
	return nil
}

// ManagedUser returns account id when p may manage it (CanManageUser);
// an account p may not manage is not found, and one who administers
// nothing is refused.
func (s *Store) ManagedUser(ctx context.Context, p *Principal, id int64) (User, error) {
	if err := s.requireManage(ctx, p, id); err != nil {
		return User{}, err
	}
	return getUser(ctx, s.db, id)
}

// requireSelf refuses unless account id is p's own (or p is the system):
// API tokens are their owner's alone. Another's is not found.
func requireSelf(p *Principal, id int64) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	if !p.system && p.User.ID != id {
		return apperr.NotFound("auth.err.unknown_user")
	}
	return nil
}
