package auth_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
)

// TestClosedUnitWithoutSuccessor checks that a district abolished in 2025
// (closed, no successor) stays readable by whoever holds its province, and
// by a national admin, but not by the neighbour province; and that lists
// (org.ScopeUnits) agree with Can.
func TestClosedUnitWithoutSuccessor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		u := fixture.Tree(t, d)
		units := org.NewStore(d)
		s := auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})
		principal := func(login string, role auth.Role, unit int64) *auth.Principal {
			t.Helper()
			usr, err := s.CreateUser(ctx, auth.System(), auth.NewUser{Login: login, Name: "Cán bộ " + login, Password: "mat-khau-thu-2026"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.GrantRole(ctx, auth.System(), usr.ID, unit, role); err != nil {
				t.Fatal(err)
			}
			sess, err := s.StartSession(ctx, usr.ID, "", "")
			if err != nil {
				t.Fatal(err)
			}
			p, err := s.Authenticate(ctx, sess.Token)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		tests := []struct {
			name string
			p    *auth.Principal
			root int64
			want bool
		}{
			{"leader of the province", principal("lang.son", auth.RoleLeader, u.LangSon.ID), u.LangSon.ID, true},
			{"leader of the neighbour province", principal("soc.trang", auth.RoleLeader, u.SocTrang.ID), u.SocTrang.ID, false},
			{"national admin", principal("trung.uong", auth.RoleAdmin, u.Central.ID), u.Central.ID, true},
			{"officer of a new commune", principal("xa.chi.lang", auth.RoleOfficer, u.NewChiLang.ID), u.NewChiLang.ID, false},
		}
		for _, tt := range tests {
			ok, err := s.Can(ctx, tt.p, auth.PermRead, u.ChiLang.ID)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.want {
				t.Errorf("%s: Can(read, closed district) = %v, want %v", tt.name, ok, tt.want)
			}
			ids, err := units.ScopeUnits(ctx, []int64{tt.root})
			if err != nil {
				t.Fatal(err)
			}
			if slices.Contains(ids, u.ChiLang.ID) != tt.want {
				t.Errorf("%s: ScopeUnits has the closed district = %v, want %v", tt.name, !tt.want, tt.want)
			}
		}
	})
}
