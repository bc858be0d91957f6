package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestAuditHasNoSecrets makes every kind of write and checks, after each,
// that it left its audit row and that the audit log holds no password,
// password hash, session token, CSRF token or API token secret (or its
// hash) anywhere.
func TestAuditHasNoSecrets(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		admin := e.user(t, "quantri", pw)
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: admin.ID, Name: "quantri", Addr: "192.0.2.10"})
		var secrets []string
		secret := func(ss ...string) { secrets = append(secrets, ss...) }
		hashOf := func(userID int64) string {
			var h string
			if err := d.QueryRowContext(ctx, "SELECT password_hash FROM users WHERE id = ?", userID).Scan(&h); err != nil {
				t.Fatal(err)
			}
			return h
		}
		const (
			pw1 = "Mật-khẩu-đầu-tiên-1"
			pw2 = "Mật-khẩu-thứ-hai-22"
			pw3 = "Mật-khẩu-thứ-ba-333"
		)
		secret(pw, pw1, pw2, pw3, hashOf(admin.ID))
		var u auth.User
		var tok auth.Token
		var sess auth.Session
		var grant auth.Grant
		steps := []struct {
			action, entity string
			do             func() error
		}{
			{"create", "user", func() (err error) {
				u, err = e.s.CreateUser(ctx, auth.System(), auth.NewUser{Login: "mai", Name: "Phạm Thị Mai", Password: pw1, Email: "mai@example.vn"})
				if err == nil {
					secret(hashOf(u.ID))
				}
				return err
			}},
			{"update", "user", func() (err error) {
				u, err = e.s.UpdateUser(ctx, auth.System(), auth.UserUpdate{ID: u.ID, Version: u.Version, Name: "Phạm Thị Mai Anh", Phone: "0901234567"})
				return err
			}},
			{"grant", "grant", func() (err error) {
				grant, err = e.s.GrantRole(ctx, auth.System(), u.ID, e.tree.A, auth.RoleOfficer)
				return err
			}},
			{"login", "session", func() (err error) {
				sess, err = e.s.Login(context.Background(), auth.LoginRequest{Login: "mai", Password: pw1, Addr: "192.0.2.11"})
				secret(sess.Token, sess.CSRFToken)
				return err
			}},
			{"logout", "session", func() error {
				return e.s.Logout(context.Background(), sess.Token)
			}},
			{"set_password", "user", func() error {
				err := e.s.SetPassword(ctx, auth.System(), u.ID, pw2)
				secret(hashOf(u.ID))
				return err
			}},
			{"change_password", "user", func() error {
				err := e.s.ChangePassword(ctx, u.ID, pw2, pw3)
				secret(hashOf(u.ID))
				return err
			}},
			{"create", "api_token", func() error {
				var s string
				var err error
				tok, s, err = e.s.CreateToken(ctx, auth.System(), u.ID, "Đồng bộ")
				secret(s, strings.TrimPrefix(s, auth.TokenPrefix))
				var h string
				if err := d.QueryRowContext(ctx, "SELECT token_hash FROM api_tokens WHERE id = ?", tok.ID).Scan(&h); err != nil {
					t.Fatal(err)
				}
				secret(h)
				return err
			}},
			{"revoke", "api_token", func() error { return e.s.RevokeToken(ctx, auth.System(), tok.ID) }},
			{"revoke", "grant", func() error { return e.s.RevokeGrant(ctx, auth.System(), grant.UserID, grant.ID) }},
			{"disable", "user", func() (err error) {
				u, err = e.s.SetActive(ctx, auth.System(), u.ID, u.Version, false)
				return err
			}},
			{"enable", "user", func() (err error) {
				u, err = e.s.SetActive(ctx, auth.System(), u.ID, u.Version, true)
				return err
			}},
		}
		for _, st := range steps {
			t.Run(st.entity+" "+st.action, func(t *testing.T) {
				before := count(t, d, "SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity = ?", st.action, st.entity)
				if err := st.do(); err != nil {
					t.Fatal(err)
				}
				if n := count(t, d, "SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity = ?", st.action, st.entity); n != before+1 {
					t.Fatalf("audit rows for %s %s: %d -> %d", st.entity, st.action, before, n)
				}
				rows, err := d.QueryContext(ctx, `SELECT id, actor, addr, action, entity,
					COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log`)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				for rows.Next() {
					var id int64
					var cols [6]string
					if err := rows.Scan(&id, &cols[0], &cols[1], &cols[2], &cols[3], &cols[4], &cols[5]); err != nil {
						t.Fatal(err)
					}
					row := strings.Join(cols[:], "\x00")
					for _, s := range secrets {
						if s != "" && strings.Contains(row, s) {
							t.Fatalf("audit row %d contains a secret %.12q…: %s", id, s, row)
						}
					}
					for _, word := range []string{"argon2", "password_hash", "token_hash", "csrf"} {
						if strings.Contains(strings.ToLower(row), word) {
							t.Fatalf("audit row %d mentions %q: %s", id, word, row)
						}
					}
				}
				if err := rows.Err(); err != nil {
					t.Fatal(err)
				}
			})
		}
		// Who made the change is recorded; a sign-in is its own actor.
		var actor, addr string
		if err := d.QueryRowContext(ctx, "SELECT actor, addr FROM audit_log WHERE action = 'login'").Scan(&actor, &addr); err != nil {
			t.Fatal(err)
		}
		if actor != "mai" || addr != "192.0.2.11" {
			t.Fatalf("login audited as %q from %q", actor, addr)
		}
	})
}
