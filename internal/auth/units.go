package auth

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/org"
)

// Authorizer is p as org asks about changes to the hierarchy: whether p
// administers a unit (PermAdmin, by the rule of Can). org cannot import
// auth, so every change to the hierarchy a person asks for
// (org.Store.Apply, Preview, Administered, Pickable) takes one of these.
// The system's principal gives org.System.
func (s *Store) Authorizer(p *Principal) org.Authorizer {
	if p.IsSystem() {
		return org.System
	}
	return authorizer{s: s, p: p}
}

type authorizer struct {
	s *Store
	p *Principal
}

func (a authorizer) Administers(ctx context.Context, id int64) (bool, error) {
	ok, err := a.s.Can(ctx, a.p, PermAdmin, id)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return false, nil
	}
	return ok, err
}

// TopUnits lists the living units (on day) of p's grants that carry perm,
// each once: the tops of what p may act on, for the entry pages of a
// feature. A grant on a unit closed since is passed over.
func (s *Store) TopUnits(ctx context.Context, p *Principal, perm Permission, day time.Time) ([]org.Unit, error) {
	var out []org.Unit
	for _, id := range ScopeRoots(p, perm) {
		u, err := s.units.Get(ctx, id, day)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("auth: top units: %w", err)
		}
		out = append(out, u)
	}
	return out, nil
}

// AdministeredUnits lists the living units (on day) at the top of what p
// administers (TopUnits for PermAdmin); one who administers nothing is
// refused, as RequireAdmin.
func (s *Store) AdministeredUnits(ctx context.Context, p *Principal, day time.Time) ([]org.Unit, error) {
	if err := requireAdmin(p); err != nil {
		return nil, err
	}
	return s.TopUnits(ctx, p, PermAdmin, day)
}

// SearchUnits finds the units living on day whose name contains query
// (org.Store.SearchByName) among those p may act on with perm, at most
// limit of them (<= 0: 20). An empty query finds nothing.
func (s *Store) SearchUnits(ctx context.Context, p *Principal, perm Permission, query string, day time.Time, limit int) ([]org.Unit, error) {
	if limit <= 0 {
		limit = 20
	}
	res, err := s.units.SearchByName(ctx, query, day, limit)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, u := range res {
		ok, err := s.Can(ctx, p, perm, u.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}
