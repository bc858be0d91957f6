package web

import (
	"net/http"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
)

// unitScope is what a list page filters on: All for a national scope,
// else the ids of every unit the user's grants for perm cover (past units
// included, see org.Store.ScopeUnits); an empty IDs means nothing.
type unitScope struct {
	All bool
	IDs []int64
}

// Contains reports whether unit id is in the scope.
func (u unitScope) Contains(id int64) bool {
	if u.All {
		return true
	}
	for _, x := range u.IDs {
		if x == id {
			return true
		}
	}
	return false
}

// scopeOf computes the signed-in user's scope for perm (empty for a
// visitor).
func (s *Server) scopeOf(r *http.Request, perm auth.Permission) (unitScope, error) {
	p := principal(r)
	if p == nil {
		return unitScope{IDs: []int64{}}, nil
	}
	sc, err := s.auth.Scope(r.Context(), p, perm)
	if err != nil {
		return unitScope{}, err
	}
	if sc.All {
		return unitScope{All: true}, nil
	}
	ids, err := s.org.ScopeUnits(r.Context(), sc.Roots)
	if err != nil {
		return unitScope{}, err
	}
	if ids == nil {
		ids = []int64{}
	}
	return unitScope{IDs: ids}, nil
}

// ownUnits returns the units whose own tasks a user sees as "mine": the
// units of the user's grants and the closed units that merged or split
// into them, through any number of steps (not the units below them).
func (s *Server) ownUnits(r *http.Request) ([]int64, error) {
	var out []int64
	seen := map[int64]bool{}
	frontier := auth.ScopeRoots(principal(r), auth.PermRead)
	for len(frontier) > 0 {
		id := frontier[0]
		frontier = frontier[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		preds, err := s.org.Predecessors(r.Context(), id)
		if err != nil {
			return nil, err
		}
		for _, l := range preds {
			frontier = append(frontier, l.PredecessorID)
		}
	}
	return out, nil
}

// grantedUnits lists the units of the user's grants and their children
// today, each once: the choices of unit switchers and filters.
func (s *Server) grantedUnits(r *http.Request, perm auth.Permission) []org.Unit {
	p := principal(r)
	if p == nil {
		return nil
	}
	ctx := r.Context()
	today := s.today()
	seen := map[int64]bool{}
	var out []org.Unit
	for _, id := range auth.ScopeRoots(p, perm) {
		u, err := s.org.Get(ctx, id, today)
		if err != nil || seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		out = append(out, u)
		kids, _ := s.org.Children(ctx, u.ID, today)
		for _, k := range kids {
			if !seen[k.ID] {
				seen[k.ID] = true
				out = append(out, k)
			}
		}
	}
	return out
}
