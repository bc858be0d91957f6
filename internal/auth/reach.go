package auth

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/org"
)

// Reach is the set of units a principal may act on with one permission,
// expanded into unit ids for list queries: All for a national scope, else
// every unit the grants cover, past units included (see
// org.Store.ScopeUnits). An empty IDs means nothing.
type Reach struct {
	All bool
	IDs []int64
}

// Contains reports whether unit id is within reach.
func (r Reach) Contains(id int64) bool { return r.All || slices.Contains(r.IDs, id) }

// Reach computes p's reach for perm (empty for a nil principal).
func (s *Store) Reach(ctx context.Context, p *Principal, perm Permission) (Reach, error) {
	if p == nil || !p.User.Active {
		return Reach{IDs: []int64{}}, nil
	}
	sc, err := s.Scope(ctx, p, perm)
	if err != nil {
		return Reach{}, err
	}
	if sc.All {
		return Reach{All: true}, nil
	}
	ids, err := s.units.ScopeUnits(ctx, sc.Roots)
	if err != nil {
		return Reach{}, fmt.Errorf("auth: reach: %w", err)
	}
	if ids == nil {
		ids = []int64{}
	}
	return Reach{IDs: ids}, nil
}

// OwnUnits returns the units whose own records a user sees as "mine":
// the units of the user's grants and the closed units that merged or
// split into them, through any number of steps (not the units below
// them).
func (s *Store) OwnUnits(ctx context.Context, p *Principal) ([]int64, error) {
	var out []int64
	seen := map[int64]bool{}
	frontier := ScopeRoots(p, PermRead)
	for len(frontier) > 0 {
		id := frontier[0]
		frontier = frontier[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		preds, err := s.units.Predecessors(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("auth: own units: %w", err)
		}
		for _, l := range preds {
			frontier = append(frontier, l.PredecessorID)
		}
	}
	return out, nil
}

// GrantedUnits lists the living units of p's grants carrying perm and
// their children on day, each once: the choices of unit switchers and
// filters. A grant on a unit closed since is passed over.
func (s *Store) GrantedUnits(ctx context.Context, p *Principal, perm Permission, day time.Time) ([]org.Unit, error) {
	tops, err := s.TopUnits(ctx, p, perm, day)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []org.Unit
	for _, u := range tops {
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		out = append(out, u)
		kids, err := s.units.Children(ctx, u.ID, day)
		if err != nil {
			return nil, fmt.Errorf("auth: granted units: %w", err)
		}
		for _, k := range kids {
			if !seen[k.ID] {
				seen[k.ID] = true
				out = append(out, k)
			}
		}
	}
	return out, nil
}

// CanAny reports whether p holds perm on at least one of units. A unit
// unknown to the hierarchy is one nobody may act on (not an error); any
// other failure is returned.
func (s *Store) CanAny(ctx context.Context, p *Principal, perm Permission, units ...int64) (bool, error) {
	if p == nil {
		return false, nil
	}
	for _, u := range units {
		if u <= 0 {
			continue
		}
		ok, err := s.Can(ctx, p, perm, u)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// RequireAny is CanAny as an error: unauthorized for nobody signed in,
// else forbidden with the message key given when p holds perm on none of
// units.
func (s *Store) RequireAny(ctx context.Context, p *Principal, perm Permission, key string, units ...int64) error {
	if p == nil {
		return apperr.Unauthorized("auth.err.sign_in")
	}
	ok, err := s.CanAny(ctx, p, perm, units...)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.Forbidden(key)
	}
	return nil
}

// ListScope returns the units a list may cover for p reading with unitID
// chosen (0 for none): nil means every unit (a national reach and no unit
// chosen), an empty non-nil slice none; otherwise the chosen unit and the
// units below it (past ones included) within p's reach. A chosen unit
// outside the reach is not found, with notFoundKey, as a record there
// would be.
func (s *Store) ListScope(ctx context.Context, p *Principal, unitID int64, notFoundKey string) ([]int64, error) {
	reach, err := s.Reach(ctx, p, PermRead)
	if err != nil {
		return nil, err
	}
	if unitID == 0 {
		if reach.All {
			return nil, nil
		}
		return reach.IDs, nil
	}
	if !reach.Contains(unitID) {
		return nil, apperr.NotFound(notFoundKey)
	}
	ids, err := s.units.ScopeUnits(ctx, []int64{unitID})
	if err != nil {
		return nil, err
	}
	out := []int64{}
	for _, id := range ids {
		if reach.Contains(id) {
			out = append(out, id)
		}
	}
	return out, nil
}
