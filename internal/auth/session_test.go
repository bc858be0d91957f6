package auth_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

const (
	msgBadLogin = "Tên đăng nhập hoặc mật khẩu không đúng."
	// msgThrottled is the refusal of a name whose fifth failure was at
	// start (08:00 UTC, 15:00 in Vietnam): it may try again at 15:15.
	msgThrottled = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại lúc 15:15."
	msgExpired   = "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."
)

// loginKey is how login_failures keys a login name.
func loginKey(login string) string {
	sum := sha256.Sum256([]byte(login))
	return hex.EncodeToString(sum[:])
}

func TestLoginMessages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "binh", pw)
		off := e.user(t, "khoa", pw)
		if _, err := e.s.SetActive(ctx, auth.System(), off.ID, off.Version, false); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, login, pw, msg string
		}{
			{"unknown login", "khongco", pw, msgBadLogin},
			{"wrong password", "binh", pw + "x", msgBadLogin},
			{"malformed login", "<script>", pw, msgBadLogin},
			{"empty", "", "", msgBadLogin},
			{"disabled, right password", "khoa", pw, "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên."},
			{"disabled, wrong password", "khoa", "sai rồi sai rồi", msgBadLogin},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := e.s.Login(ctx, auth.LoginRequest{Login: tt.login, Password: tt.pw, Addr: "198.51.100.7"})
				wantCode(t, err, apperr.CodeUnauthorized, tt.msg)
			})
		}
		if n := count(t, d, "SELECT COUNT(*) FROM sessions"); n != 0 {
			t.Fatalf("%d sessions after failed sign-ins", n)
		}
		// A password typed into the login field is not kept in clear.
		_, err := e.s.Login(ctx, auth.LoginRequest{Login: "matkhau-go-nham-o", Password: "x", Addr: "198.51.100.7"})
		wantCode(t, err, apperr.CodeUnauthorized, msgBadLogin)
		if n := count(t, d, "SELECT COUNT(*) FROM login_failures WHERE login LIKE '%matkhau%'"); n != 0 {
			t.Fatal("login_failures keeps the login name as typed")
		}
		if n := count(t, d, "SELECT COUNT(*) FROM login_failures WHERE login = ?", loginKey("matkhau-go-nham-o")); n != 1 {
			t.Fatalf("%d failures recorded for the mistyped login, want 1", n)
		}
		// Right password, other case of login: a session with fresh tokens.
		s1 := e.login(t, "BINH", pw)
		s2 := e.login(t, "binh", pw)
		if s1.Token == s2.Token || s1.CSRFToken == s2.CSRFToken || len(s1.Token) != 43 || s1.UserID != u.ID {
			t.Fatalf("sessions %+v and %+v", s1, s2)
		}
		if !s1.ExpiresAt.Equal(start.Add(7 * 24 * time.Hour)) {
			t.Fatalf("expires %v", s1.ExpiresAt)
		}
		if n := count(t, d, "SELECT COUNT(*) FROM sessions WHERE token_hash = ? OR csrf_token = ?", s1.Token, s1.Token); n != 0 {
			t.Fatal("the session token is stored in clear")
		}
		p, err := e.s.Authenticate(ctx, s1.Token)
		if err != nil {
			t.Fatal(err)
		}
		if p.User.ID != u.ID || p.SessionID != s1.ID || p.CSRFToken != s1.CSRFToken || p.TokenID != 0 {
			t.Fatalf("principal %+v", p)
		}
		if err := auth.CheckCSRF(p, s1.CSRFToken); err != nil {
			t.Fatalf("CheckCSRF(right token) = %v", err)
		}
		for _, bad := range []string{"", s2.CSRFToken, s1.CSRFToken[:10]} {
			wantCode(t, auth.CheckCSRF(p, bad), apperr.CodeForbidden, "")
		}
		wantCode(t, auth.CheckCSRF(nil, s1.CSRFToken), apperr.CodeForbidden, "")
		if err := e.s.Logout(ctx, s1.Token); err != nil {
			t.Fatal(err)
		}
		_, err = e.s.Authenticate(ctx, s1.Token)
		wantCode(t, err, apperr.CodeUnauthorized, msgExpired)
		if _, err := e.s.Authenticate(ctx, s2.Token); err != nil {
			t.Fatalf("the other session ended too: %v", err)
		}
		if err := e.s.Logout(ctx, s1.Token); err != nil {
			t.Fatalf("second logout: %v", err)
		}
	})
}

func TestLoginThrottle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		e.user(t, "chi", pw)
		try := func(login, pass, addr string) error {
			_, err := e.s.Login(ctx, auth.LoginRequest{Login: login, Password: pass, Addr: addr})
			return err
		}
		// Five wrong passwords, a minute apart, from different addresses.
		for i := range 5 {
			wantCode(t, try("chi", "sai mật khẩu rồi", fmt.Sprintf("203.0.113.%d", i)), apperr.CodeUnauthorized, msgBadLogin)
			e.clk.advance(time.Minute)
		}
		// The 6th is refused even with the right password, from anywhere,
		// and the wait counts from the oldest failure, 5 minutes ago
		// (08:00 UTC): the user is told the time, in Vietnam's.
		wantCode(t, try("CHI", pw, "192.0.2.99"), apperr.CodeUnauthorized,
			"Đăng nhập sai quá nhiều lần. Vui lòng thử lại lúc 15:15.")
		if n := count(t, d, "SELECT COUNT(*) FROM login_failures WHERE login = ?", loginKey("chi")); n != 5 {
			t.Fatalf("%d failures recorded, want 5 (refused attempts are not counted)", n)
		}
		// Another account is not affected.
		e.user(t, "dung", pw)
		e.login(t, "dung", pw)
		// When the oldest failure leaves the window, one more try is allowed.
		e.clk.advance(10 * time.Minute)
		wantCode(t, try("chi", "vẫn sai mật khẩu", "203.0.113.1"), apperr.CodeUnauthorized, msgBadLogin)
		wantCode(t, try("chi", pw, "203.0.113.1"), apperr.CodeUnauthorized, "")
		e.clk.advance(2 * time.Minute)
		e.login(t, "chi", pw)
		if n := count(t, d, "SELECT COUNT(*) FROM login_failures WHERE login = ?", loginKey("chi")); n != 0 {
			t.Fatalf("%d failures left after a successful sign-in", n)
		}

		// Per address: ten failures over many accounts are free; then the
		// address is slowed down, never shut out: an account with no
		// failures of its own signs in from it after waiting.
		e.clk.advance(time.Hour)
		for i := range 10 {
			wantCode(t, try(fmt.Sprintf("khach%02d", i), pw, "198.51.100.20"), apperr.CodeUnauthorized, msgBadLogin)
		}
		// 09:17 UTC is 16:17 in Vietnam; the wait is 2 s after the latest failure.
		wantCode(t, try("dung", pw, "198.51.100.20"), apperr.CodeUnauthorized,
			"Có nhiều lần đăng nhập sai từ địa chỉ mạng của bạn. Vui lòng chờ đến 16:17:02 rồi thử lại.")
		e.login(t, "dung", pw) // from another address, at once
		e.clk.advance(2 * time.Second)
		wantCode(t, try("khach99", pw, "198.51.100.20"), apperr.CodeUnauthorized, msgBadLogin)
		// The eleventh failure doubles the wait.
		e.clk.advance(3 * time.Second)
		wantCode(t, try("dung", pw, "198.51.100.20"), apperr.CodeUnauthorized,
			"Có nhiều lần đăng nhập sai từ địa chỉ mạng của bạn. Vui lòng chờ đến 16:17:06 rồi thử lại.")
		e.clk.advance(time.Second)
		if _, err := e.s.Login(ctx, auth.LoginRequest{Login: "dung", Password: pw, Addr: "198.51.100.20"}); err != nil {
			t.Fatalf("after the wait: %v", err)
		}
		// However many failures, the wait stays at most a minute.
		for i := range 30 {
			e.clk.advance(time.Minute)
			wantCode(t, try(fmt.Sprintf("nguoi%02d", i), pw, "198.51.100.20"), apperr.CodeUnauthorized, msgBadLogin)
		}
	})
}

// TestThrottleShared proves the counters live in the database: failures
// made through one handle throttle sign-ins through another, as with two
// server processes on one database.
func TestThrottleShared(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d1, open := dbtest.Servers(t, kind)
			d2 := open()
			e1 := newEnv(t, d1)
			s2 := auth.NewStore(d2, org.NewStore(d2), auth.Config{Password: auth.TestPasswordParams})
			d2.SetClock(e1.clk.now)
			e1.user(t, "giang", pw)
			for i := range 5 {
				s := e1.s
				if i%2 == 1 {
					s = s2
				}
				_, err := s.Login(ctx, auth.LoginRequest{Login: "giang", Password: "mật khẩu sai", Addr: "192.0.2.5"})
				wantCode(t, err, apperr.CodeUnauthorized, msgBadLogin)
			}
			for name, s := range map[string]*auth.Store{"first": e1.s, "second": s2} {
				_, err := s.Login(ctx, auth.LoginRequest{Login: "giang", Password: pw, Addr: "192.0.2.6"})
				if err == nil || errText(t, err) != msgThrottled {
					t.Fatalf("%s handle: %v, want throttled", name, err)
				}
			}
			// A session started through one handle works through the other.
			e1.clk.advance(16 * time.Minute)
			sess, err := s2.Login(ctx, auth.LoginRequest{Login: "giang", Password: pw})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e1.s.Authenticate(ctx, sess.Token); err != nil {
				t.Fatalf("session from the second handle on the first: %v", err)
			}
		})
	}
}

func TestSessionExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		e.user(t, "hanh", pw)
		lastSeen := func(id int64) string {
			var s string
			if err := d.QueryRowContext(ctx, "SELECT last_seen_at FROM sessions WHERE id = ?", id).Scan(&s); err != nil {
				t.Fatal(err)
			}
			return s
		}

		// Idle: used within 8 hours it lives on; after 8 idle hours it ends.
		s := e.login(t, "hanh", pw)
		first := lastSeen(s.ID)
		e.clk.advance(30 * time.Second)
		if _, err := e.s.Authenticate(ctx, s.Token); err != nil {
			t.Fatal(err)
		}
		if got := lastSeen(s.ID); got != first {
			t.Fatalf("last seen written after 30 s: %s -> %s", first, got)
		}
		e.clk.advance(7*time.Hour + 59*time.Minute)
		if _, err := e.s.Authenticate(ctx, s.Token); err != nil {
			t.Fatalf("after 7h59m idle: %v", err)
		}
		if got := lastSeen(s.ID); got == first {
			t.Fatal("last seen not refreshed")
		}
		e.clk.advance(8 * time.Hour)
		_, err := e.s.Authenticate(ctx, s.Token)
		wantCode(t, err, apperr.CodeUnauthorized, msgExpired)
		if n := count(t, d, "SELECT COUNT(*) FROM sessions WHERE id = ?", s.ID); n != 0 {
			t.Fatal("expired session left in the database")
		}

		// Absolute: used every 7 hours it still ends 7 days after sign-in.
		s = e.login(t, "hanh", pw)
		signedIn := e.clk.t
		for e.clk.t.Add(7 * time.Hour).Before(signedIn.Add(7 * 24 * time.Hour)) {
			e.clk.advance(7 * time.Hour)
			if _, err := e.s.Authenticate(ctx, s.Token); err != nil {
				t.Fatalf("at %v: %v", e.clk.t.Sub(signedIn), err)
			}
		}
		e.clk.t = signedIn.Add(7 * 24 * time.Hour)
		_, err = e.s.Authenticate(ctx, s.Token)
		wantCode(t, err, apperr.CodeUnauthorized, msgExpired)

		// Purge removes what is past its end.
		e.login(t, "hanh", pw)
		e.clk.advance(9 * time.Hour)
		n, err := e.s.PurgeExpired(ctx)
		if err != nil || n < 1 {
			t.Fatalf("PurgeExpired = %d, %v", n, err)
		}
		if c := count(t, d, "SELECT COUNT(*) FROM sessions"); c != 0 {
			t.Fatalf("%d sessions after purge", c)
		}

		for _, bad := range []string{"", "x", strings.Repeat("a", 43), strings.Repeat("a", 500)} {
			_, err := e.s.Authenticate(ctx, bad)
			wantCode(t, err, apperr.CodeUnauthorized, msgExpired)
		}
	})
}

func TestSessionsEnd(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tests := []struct {
			name   string
			act    func(u auth.User) error
			newPW  string // the password afterwards
			reason string
		}{
			{"admin sets password", func(u auth.User) error {
				return e.s.SetPassword(ctx, auth.System(), u.ID, "mật khẩu mới tinh")
			}, "mật khẩu mới tinh", ""},
			{"user changes password", func(u auth.User) error {
				return e.s.ChangePassword(ctx, u.ID, pw, "mật khẩu mới tinh")
			}, "mật khẩu mới tinh", ""},
			{"disabled", func(u auth.User) error {
				_, err := e.s.SetActive(ctx, auth.System(), u.ID, u.Version, false)
				return err
			}, "", "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên."},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				u := e.user(t, fmt.Sprintf("user%d", i), pw)
				other := e.user(t, fmt.Sprintf("other%d", i), pw)
				a, b := e.login(t, u.Login, pw), e.login(t, u.Login, pw)
				keep := e.login(t, other.Login, pw)
				if err := tt.act(u); err != nil {
					t.Fatal(err)
				}
				for _, s := range []auth.Session{a, b} {
					_, err := e.s.Authenticate(ctx, s.Token)
					wantCode(t, err, apperr.CodeUnauthorized, "")
				}
				if _, err := e.s.Authenticate(ctx, keep.Token); err != nil {
					t.Fatalf("another user's session ended: %v", err)
				}
				if n := count(t, d, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", u.ID); n != 0 {
					t.Fatalf("%d sessions left", n)
				}
				_, err := e.s.Login(ctx, auth.LoginRequest{Login: u.Login, Password: pw})
				wantCode(t, err, apperr.CodeUnauthorized, "")
				if tt.newPW != "" {
					e.login(t, u.Login, tt.newPW)
				} else {
					_, err := e.s.Login(ctx, auth.LoginRequest{Login: u.Login, Password: pw + "!"})
					wantCode(t, err, apperr.CodeUnauthorized, "")
				}
			})
		}

		// A disabled user's session stops at once, even if its row is still there.
		u := e.user(t, "tam", pw)
		s := e.login(t, "tam", pw)
		if _, err := d.ExecContext(ctx, "UPDATE users SET active = 0 WHERE id = ?", u.ID); err != nil {
			t.Fatal(err)
		}
		_, err := e.s.Authenticate(ctx, s.Token)
		wantCode(t, err, apperr.CodeUnauthorized, "")

		// ChangePassword refusals change nothing.
		v := e.user(t, "vinh", pw)
		sv := e.login(t, "vinh", pw)
		for _, c := range []struct{ old, new, field string }{
			{"không đúng đâu", "mật khẩu mới tinh", "old_password"},
			{pw, pw, "password"},
			{pw, "ngắn", "password"},
		} {
			err := e.s.ChangePassword(ctx, v.ID, c.old, c.new)
			wantCode(t, err, apperr.CodeInvalid, "")
			if ae, _ := apperr.As(err); ae.Field != c.field {
				t.Errorf("ChangePassword(%q, %q) field %q, want %q", c.old, c.new, ae.Field, c.field)
			}
		}
		if _, err := e.s.Authenticate(ctx, sv.Token); err != nil {
			t.Fatalf("a refused password change ended the session: %v", err)
		}
		ns, err := e.s.StartSession(ctx, v.ID, "192.0.2.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Authenticate(ctx, ns.Token); err != nil {
			t.Fatal(err)
		}
	})
}
