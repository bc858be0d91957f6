package auth

import (
	"context"
	"fmt"
	"slices"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// What a Store keeps between requests.
//
// Every signed-in request needs the roles of its account (the grants, and
// whether one makes it a national administrator) and, for an account not
// enrolled in two-factor sign-in, the units that require it. Both change
// rarely: a Store keeps them with the versions (db.Versions) of what they
// were computed from, TopicGrants and the hierarchy (org.TopicTree), and
// today's date. Every write of a grant or of a unit's two-factor rule
// raises TopicGrants in its transaction, so a role revoked on one server
// is gone at the next request on every other: the versions are read
// first, with the request's other caches (one read between them), and
// then the kept answer is used only if it was computed from the same
// versions. A Store over a DB inside a transaction keeps nothing, since
// that transaction may yet roll back.

// TopicGrants is the version topic of the grants and of the units that
// require two-factor sign-in.
const TopicGrants = "auth.grants"

// maxKeptRoles bounds the accounts whose roles a Store keeps.
const maxKeptRoles = 4096

// rolesKey is an account on a day (whether a grant's unit is a root, and
// what lives, depends on the day).
type rolesKey struct {
	user int64
	day  string
}

// rolesStamp is what kept roles were computed from.
type rolesStamp struct{ grants, tree int64 }

// roles are an account's grants and whether one is admin of a root.
type roles struct {
	grants   []Grant
	national bool
}

// keptAuth is the part of a Store that keeps things between requests.
type keptAuth struct {
	roles  db.Kept[rolesKey, rolesStamp, roles]
	marked db.Kept[struct{}, int64, []int64] // units requiring two-factor sign-in, by TopicGrants
}

// rolesOf returns the grants of account userID, and whether one of them
// is admin of a root unit living today. The caller may change the grants
// returned.
func (s *Store) rolesOf(ctx context.Context, userID int64) (roles, error) {
	if s.db.InTx() {
		return s.readRoles(ctx, userID)
	}
	v, err := s.db.Versions(ctx)
	if err != nil {
		return roles{}, fmt.Errorf("auth: roles of user %d: %w", userID, err)
	}
	key := rolesKey{user: userID, day: db.Day(s.db.Now())}
	stamp := rolesStamp{grants: v[TopicGrants], tree: v[org.TopicTree]}
	if r, ok := s.kept.roles.Get(key, stamp); ok {
		r.grants = slices.Clone(r.grants)
		return r, nil
	}
	r, err := s.readRoles(ctx, userID)
	if err != nil {
		return roles{}, err
	}
	s.kept.roles.Put(key, stamp, roles{grants: slices.Clone(r.grants), national: r.national})
	return r, nil
}

// readRoles reads what rolesOf returns from the database.
func (s *Store) readRoles(ctx context.Context, userID int64) (roles, error) {
	gs, err := listGrants(ctx, s.db, userID)
	if err != nil {
		return roles{}, err
	}
	national, err := s.nationalAdmin(ctx, gs)
	if err != nil {
		return roles{}, fmt.Errorf("auth: principal of user %d: %w", userID, err)
	}
	return roles{grants: gs, national: national}, nil
}

// markedUnits returns the ids of the units that require two-factor
// sign-in (SetTwoFactorRequired). The caller must not change them.
func (s *Store) markedUnits(ctx context.Context) ([]int64, error) {
	if s.db.InTx() {
		return s.readMarked(ctx)
	}
	v, err := s.db.Versions(ctx)
	if err != nil {
		return nil, fmt.Errorf("auth: two-factor units: %w", err)
	}
	if ids, ok := s.kept.marked.Get(struct{}{}, v[TopicGrants]); ok {
		return ids, nil
	}
	ids, err := s.readMarked(ctx)
	if err != nil {
		return nil, err
	}
	s.kept.marked.Put(struct{}{}, v[TopicGrants], ids)
	return ids, nil
}

// readMarked reads what markedUnits returns from the database.
func (s *Store) readMarked(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT unit_id FROM twofactor_units")
	if err != nil {
		return nil, fmt.Errorf("auth: two-factor units: %w", err)
	}
	defer rows.Close()
	var marked []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("auth: two-factor units: %w", err)
		}
		marked = append(marked, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: two-factor units: %w", err)
	}
	return marked, nil
}
