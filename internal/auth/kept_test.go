package auth_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

// TestRolesKeptAcrossServers: a Store keeps an account's roles and the
// units that require two-factor sign-in between requests, and a grant,
// a revocation or a two-factor rule written through another Store over
// the same database (another server) is seen by the first at the next
// request.
func TestRolesKeptAcrossServers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		other := auth.NewStore(d, org.NewStore(d), auth.Config{Password: auth.TestPasswordParams})
		adminP := e.principal(t, "adminp", grantSpec{auth.RoleAdmin, tr.P})
		officer := e.user(t, "canbo", pw, grantSpec{auth.RoleOfficer, tr.A})
		token := e.login(t, "canbo", pw).Token
		// Each request has its context, as the web layer gives it.
		units := func() []int64 {
			t.Helper()
			p, err := e.s.Authenticate(db.WithVersions(ctx), token)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, g := range p.Grants {
				ids = append(ids, g.UnitID)
			}
			slices.Sort(ids)
			return ids
		}
		if got := units(); !slices.Equal(got, []int64{tr.A}) {
			t.Fatalf("grants before = %v, want [A %d]", got, tr.A)
		}
		// Another server grants B and revokes A.
		g, err := other.GrantRole(ctx, adminP, officer.ID, tr.B, auth.RoleOfficer)
		if err != nil {
			t.Fatal(err)
		}
		if got := units(); !slices.Equal(got, []int64{tr.A, tr.B}) {
			t.Fatalf("after a grant on the other server = %v, want [A B]", got)
		}
		gs, err := other.Grants(ctx, adminP, officer.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range gs {
			if x.UnitID == tr.A {
				if err := other.RevokeGrant(ctx, adminP, officer.ID, x.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		if got := units(); !slices.Equal(got, []int64{tr.B}) {
			t.Fatalf("after a revocation on the other server = %v, want [B %d]", got, tr.B)
		}
		p, err := e.s.Authenticate(db.WithVersions(ctx), token)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := e.s.Can(ctx, p, auth.PermRead, tr.A); err != nil || ok {
			t.Fatalf("may still read A after the revocation: %v, %v", ok, err)
		}
		// A two-factor rule set on the other server.
		if p.TwoFactorDue {
			t.Fatal("a second step due before any rule")
		}
		if err := other.SetTwoFactorRequired(ctx, adminP, tr.D1, true); err != nil {
			t.Fatal(err)
		}
		if p, err = e.s.Authenticate(db.WithVersions(ctx), token); err != nil {
			t.Fatal(err)
		}
		if !p.TwoFactorDue {
			t.Fatal("the rule set on the other server is not seen")
		}
		// What is kept is what answers: a change written without raising
		// the version (which no write of package auth does) is not seen
		// until the version moves.
		if _, err := d.ExecContext(ctx, "DELETE FROM grants WHERE id = ?", g.ID); err != nil {
			t.Fatal(err)
		}
		if got := units(); !slices.Equal(got, []int64{tr.B}) {
			t.Fatalf("kept grants = %v, want [B] until the version moves", got)
		}
		if err := other.SetTwoFactorRequired(ctx, adminP, tr.D1, false); err != nil {
			t.Fatal(err)
		}
		if got := units(); len(got) != 0 {
			t.Fatalf("after the version moved = %v, want none", got)
		}
	})
}
