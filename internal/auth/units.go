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

// The hierarchy as a principal may read it through the API. (The public
// pages show the whole tree to anyone; the API, which programs use to
// copy records, gives each caller the part its grants cover.)

// ReadableTree is the tree on date limited to p's reach: the subtrees of
// the units p may read (the whole tree for a national scope), each unit
// once, in display order.
func (s *Store) ReadableTree(ctx context.Context, p *Principal, date time.Time) ([]org.Unit, error) {
	if p == nil {
		return nil, apperr.Unauthorized("auth.err.sign_in")
	}
	scope, err := s.Scope(ctx, p, PermRead)
	if err != nil {
		return nil, err
	}
	if scope.All {
		return s.units.Tree(ctx, date)
	}
	seen := map[int64]bool{}
	var units []org.Unit
	for _, root := range scope.Roots {
		sub, err := s.units.Subtree(ctx, root, date)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue // the granted unit did not exist on that date
		}
		if err != nil {
			return nil, fmt.Errorf("auth: readable tree: %w", err)
		}
		for _, u := range sub {
			if !seen[u.ID] {
				seen[u.ID] = true
				units = append(units, u)
			}
		}
	}
	return units, nil
}

// ReadableUnit is unit id on date with its ancestors, when p may read it.
func (s *Store) ReadableUnit(ctx context.Context, p *Principal, id int64, date time.Time) (org.Unit, []org.Unit, error) {
	if err := s.Require(ctx, p, PermRead, id); err != nil {
		return org.Unit{}, nil, err
	}
	u, err := s.units.Get(ctx, id, date)
	if err != nil {
		return org.Unit{}, nil, err
	}
	anc, err := s.units.Ancestors(ctx, id, date)
	if err != nil {
		return org.Unit{}, nil, err
	}
	return u, anc, nil
}

// ReadableSubtree is unit id and every unit below it on date, when p may
// read it.
func (s *Store) ReadableSubtree(ctx context.Context, p *Principal, id int64, date time.Time) ([]org.Unit, error) {
	if err := s.Require(ctx, p, PermRead, id); err != nil {
		return nil, err
	}
	return s.units.Subtree(ctx, id, date)
}
