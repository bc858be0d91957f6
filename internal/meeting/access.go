package meeting

import (
	"context"
	"errors"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
)

// Who may do what with conferences, tasks and the directory. Every
// exported method of Store that reads or writes records goes through
// these, so the pages and the API cannot disagree.

// errNoAuth is what a store built without an auth store (the demo's
// loader) answers when asked to act for a person.
var errNoAuth = errors.New("meeting: store has no auth store: it only loads in bulk")

// may reports whether p holds perm on unit unitID (see auth.CanAny).
func (s *Store) may(ctx context.Context, p *auth.Principal, perm auth.Permission, unitID int64) (bool, error) {
	if s.authz == nil {
		return false, errNoAuth
	}
	return s.authz.CanAny(ctx, p, perm, unitID)
}

// require fails unless p holds perm on unitID: unauthorized for nobody
// signed in, else forbidden with the message key given.
func (s *Store) require(ctx context.Context, p *auth.Principal, perm auth.Permission, unitID int64, key string) error {
	return s.requireAny(ctx, p, perm, []int64{unitID}, key)
}

// requireAny is require on the first of units p holds perm on.
func (s *Store) requireAny(ctx context.Context, p *auth.Principal, perm auth.Permission, units []int64, key string) error {
	if s.authz == nil {
		return errNoAuth
	}
	return s.authz.RequireAny(ctx, p, perm, key, units...)
}

// reach is the set of units p may read, for list queries.
func (s *Store) reach(ctx context.Context, p *auth.Principal) (auth.Reach, error) {
	if s.authz == nil {
		return auth.Reach{}, errNoAuth
	}
	return s.authz.Reach(ctx, p, auth.PermRead)
}

// CanWrite reports whether p may record conferences of unit unitID, edit
// them, set their tasks and tidy the unit's directory (pages use it to
// offer the forms; the methods check it again).
func (s *Store) CanWrite(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	return s.may(ctx, p, auth.PermWrite, unitID)
}

// CanWriteSomewhere reports whether p may record conferences of at least
// one unit (the system's operator may everywhere): who may use the
// new-conference and import pages.
func CanWriteSomewhere(p *auth.Principal) bool {
	return p.IsSystem() || p != nil && p.User.Active && len(auth.ScopeRoots(p, auth.PermWrite)) > 0
}

// RequireRecorder fails, with the reason, unless p may record conferences
// of some unit: the new-conference and import pages refuse at the door
// rather than after the user has typed or uploaded an article.
func RequireRecorder(p *auth.Principal) error { return requireWriteSomewhere(p) }

// requireWriteSomewhere fails unless CanWriteSomewhere.
func requireWriteSomewhere(p *auth.Principal) error {
	if p == nil {
		return apperr.Unauthorized("auth.err.sign_in")
	}
	if !CanWriteSomewhere(p) {
		return apperr.Forbidden("meeting.err.forbidden_any")
	}
	return nil
}

// CanUpdateTask reports whether p may follow up task t: write on the
// conference's unit or on one of the owners.
func (s *Store) CanUpdateTask(ctx context.Context, p *auth.Principal, t Task) (bool, error) {
	for _, u := range t.units() {
		ok, err := s.may(ctx, p, auth.PermWrite, u)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// units are the units whose people may see a task: the conference's and
// the owners.
func (t Task) units() []int64 { return append([]int64{t.UnitID}, t.Owners...) }
