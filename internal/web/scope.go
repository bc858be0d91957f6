package web

import (
	"net/http"

	"github.com/danvan/danvan/internal/auth"
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
