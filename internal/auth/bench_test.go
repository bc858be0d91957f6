package auth_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// BenchmarkAuthenticate is what every signed-in request pays: find the
// session, check it, load the grants.
func BenchmarkAuthenticate(b *testing.B) {
	d := dbtest.Open(b, "sqlite")
	e := newEnvTB(b, d)
	e.user(b, "bench", pw, grantSpec{auth.RoleOfficer, e.tree.A}, grantSpec{auth.RoleViewer, e.tree.P})
	s := e.login(b, "bench", pw)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.s.Authenticate(ctx, s.Token); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCan is one permission check on a fresh principal (no cache):
// an old commune merged in 2025, the costliest case.
func BenchmarkCan(b *testing.B) {
	d := dbtest.Open(b, "sqlite")
	e := newEnvTB(b, d)
	e.user(b, "bench", pw, grantSpec{auth.RoleOfficer, e.tree.N})
	s := e.login(b, "bench", pw)
	ctx := context.Background()
	p, err := e.s.Authenticate(ctx, s.Token)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		fresh := &auth.Principal{User: p.User, Grants: p.Grants}
		ok, err := e.s.Can(ctx, fresh, auth.PermWrite, e.tree.M1)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}
