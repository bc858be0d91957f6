package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
)

// TestDemoAccountsOnlyWithDemo: a database served without --demo has no
// account at all (no demo.* account with a printed password); served
// with --demo, its demo administrator is a province's, not national.
func TestDemoAccountsOnlyWithDemo(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, demo := range []bool{false, true} {
		m, err := Start(ctx, ServeConfig{Addr: "127.0.0.1:0", DB: "sqlite:" + filepath.Join(dir, "d.db"), Demo: demo,
			Auth: auth.Config{Password: auth.TestPasswordParams}})
		if err != nil {
			t.Fatal(err)
		}
		var users, demoUsers int
		if err := m.db.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN login LIKE 'demo.%' THEN 1 ELSE 0 END), 0) FROM users").Scan(&users, &demoUsers); err != nil {
			t.Fatal(err)
		}
		if !demo && (users != 0 || len(m.accounts) != 0) {
			t.Errorf("served without --demo: %d accounts (%d demo), %d printed", users, demoUsers, len(m.accounts))
		}
		if demo {
			if demoUsers != 4 || len(m.accounts) != 4 {
				t.Errorf("served with --demo: %d demo accounts, %d printed", demoUsers, len(m.accounts))
			}
			store := auth.NewStore(m.db, org.NewStore(m.db), auth.Config{Password: auth.TestPasswordParams})
			for _, a := range m.accounts {
				sess, err := store.Login(ctx, auth.LoginRequest{Login: a.Login, Password: a.Password, Addr: "192.0.2.7"})
				if err != nil {
					t.Fatal(err)
				}
				p, err := store.Authenticate(ctx, sess.Token)
				if err != nil {
					t.Fatal(err)
				}
				if p.NationalAdmin {
					t.Errorf("the demo account %s is a national administrator", a.Login)
				}
			}
		}
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		if err := m.Shutdown(sctx); err != nil {
			t.Error(err)
		}
		cancel()
	}
}
