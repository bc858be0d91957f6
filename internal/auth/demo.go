package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/org"
)

// DemoAccount is an account made by DemoAccounts, for the server to print
// at start-up.
type DemoAccount struct {
	Login    string
	Password string // deterministic: these are demonstration accounts only
	Name     string
	Role     Role
	UnitID   int64
	UnitCode string
	UnitName string
}

// DemoAccounts creates (or resets) one demonstration account per role on
// today's tree: an admin, a leader and a viewer of the first province
// (no demonstration account is national: its password is printed and
// known to anyone who reads the guide), and an officer of the first
// commune in that province. Running it again resets the passwords and keeps the
// grants. It needs a hierarchy with at least a root unit (danvan demo).
func DemoAccounts(ctx context.Context, s *Store, units *org.Store) ([]DemoAccount, error) {
	tree, err := units.Tree(ctx, s.db.Now())
	if err != nil {
		return nil, fmt.Errorf("auth: demo accounts: %w", err)
	}
	var root, province, commune *org.Unit
	byID := make(map[int64]*org.Unit, len(tree))
	for i := range tree {
		u := &tree[i]
		byID[u.ID] = u
		if root == nil && u.ParentID == 0 {
			root = u
		}
	}
	// The first commune (in tree order) that lies in a province, and that
	// province; else the first province.
	for i := range tree {
		u := &tree[i]
		if u.Level != org.Commune {
			continue
		}
		for _, id := range u.PathIDs() {
			if a := byID[id]; a != nil && a.Level == org.Province {
				province, commune = a, u
				break
			}
		}
		if commune != nil {
			break
		}
	}
	for i := range tree {
		if province == nil && tree[i].Level == org.Province {
			province = &tree[i]
		}
	}
	if root == nil {
		return nil, errors.New("auth: demo accounts: the hierarchy is empty; generate demo data first")
	}
	if province == nil {
		province = root
	}
	if commune == nil {
		commune = province
	}
	plan := []struct {
		login, name string
		role        Role
		unit        *org.Unit
	}{
		{"demo.admin", "Quản trị viên cấp Tỉnh", RoleAdmin, province},
		{"demo.leader", "Lãnh đạo Ban Dân vận Tỉnh", RoleLeader, province},
		{"demo.officer", "Cán bộ Khối Dân vận Xã", RoleOfficer, commune},
		{"demo.viewer", "Người xem cấp Tỉnh", RoleViewer, province},
	}
	sys := System()
	out := make([]DemoAccount, 0, len(plan))
	for _, p := range plan {
		pw := "danvan-" + string(p.role) + "-2025"
		u, err := s.UserByLogin(ctx, sys, p.login)
		switch {
		case err == nil:
			if err := s.SetPassword(ctx, sys, u.ID, pw); err != nil {
				return nil, err
			}
			if !u.Active {
				if u, err = s.SetActive(ctx, sys, u.ID, u.Version, true); err != nil {
					return nil, err
				}
			}
		case apperr.CodeOf(err) == apperr.CodeNotFound:
			if u, err = s.CreateUser(ctx, sys, NewUser{Login: p.login, Name: p.name, Password: pw}); err != nil {
				return nil, err
			}
		default:
			return nil, err
		}
		if _, err := s.GrantRole(ctx, sys, u.ID, p.unit.ID, p.role); err != nil && apperr.CodeOf(err) != apperr.CodeConflict {
			return nil, err
		}
		out = append(out, DemoAccount{Login: p.login, Password: pw, Name: u.Name, Role: p.role,
			UnitID: p.unit.ID, UnitCode: p.unit.Code, UnitName: p.unit.Name})
	}
	return out, nil
}
