package auth_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestHolders: the accounts a case of commune A may be assigned to are
// the active ones who may write on A (a grant on A or an ancestor), not a
// viewer, not a disabled officer, not the neighbour province's officer;
// a reader outside A is refused the list.
func TestHolders(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		officerA := e.principal(t, "can.bo.a", grantSpec{auth.RoleOfficer, tr.A})
		officerP := e.user(t, "can.bo.tinh", pw, grantSpec{auth.RoleOfficer, tr.P})
		e.user(t, "xem.a", pw, grantSpec{auth.RoleViewer, tr.A})
		e.user(t, "can.bo.b", pw, grantSpec{auth.RoleOfficer, tr.B})
		outsider := e.principal(t, "can.bo.p2", grantSpec{auth.RoleOfficer, tr.P2})
		off := e.user(t, "nghi.huu", pw, grantSpec{auth.RoleOfficer, tr.A})
		if _, err := e.s.SetActive(ctx, auth.System(), off.ID, off.Version, false); err != nil {
			t.Fatal(err)
		}

		hs, err := e.s.Holders(ctx, officerA, auth.PermWrite, tr.A)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range hs {
			got = append(got, u.Login)
		}
		slices.Sort(got)
		if want := []string{"can.bo.a", "can.bo.tinh"}; !slices.Equal(got, want) {
			t.Errorf("holders of A = %v, want %v", got, want)
		}
		if _, err := e.s.Holders(ctx, outsider, auth.PermWrite, tr.A); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer of P2 lists A's holders: err = %v, want forbidden", err)
		}
		for _, c := range []struct {
			id   int64
			want bool
		}{{officerP.ID, true}, {off.ID, false}, {outsider.User.ID, false}, {987654, false}} {
			ok, err := e.s.HolderOf(ctx, c.id, auth.PermWrite, tr.A)
			if err != nil || ok != c.want {
				t.Errorf("HolderOf(%d) = %v, %v; want %v", c.id, ok, err, c.want)
			}
		}
	})
}
