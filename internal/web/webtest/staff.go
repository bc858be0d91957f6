package webtest

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
)

// NewWithStaff is New with the accounts most tests of the shell and of
// accounts act as: "admin", the national administrator;
// "officer.chilang" and "officer.dongdang", officers of two neighbouring
// communes of Lạng Sơn; "leader.langson", the province's leader; and
// "disabled", an officer of xã Chi Lăng whose account is closed (before
// any session of it).
func NewWithStaff(t testing.TB, d *db.DB, opts ...Option) *Site {
	t.Helper()
	s := New(t, d, opts...)
	u := s.Units
	s.AddUser("admin", auth.RoleAdmin, u.Central.ID)
	s.AddUser("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
	s.AddUser("leader.langson", auth.RoleLeader, u.LangSon.ID)
	off := s.AddUser("disabled", auth.RoleOfficer, u.NewChiLang.ID)
	if _, err := s.Auth.SetActive(context.Background(), auth.System(), off.ID, off.Version, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// Principal signs login in (a real session) and returns the principal a
// request of that session acts as, for setting data up through a domain
// store.
func (s *Site) Principal(login string) *auth.Principal {
	s.T.Helper()
	ctx := context.Background()
	sess, err := s.Auth.StartSession(ctx, s.User(login).ID, "192.0.2.1", "test")
	if err != nil {
		s.T.Fatal(err)
	}
	p, err := s.Auth.Authenticate(ctx, sess.Token)
	if err != nil {
		s.T.Fatal(err)
	}
	return p
}

// Phone makes the browser's screen a phone's, 390×844 CSS pixels: the
// size every page must fit.
var Phone = chromedp.EmulateViewport(390, 844)

// Look saves a screenshot of the page the browser of ctx shows, as name
// in dir, and fails the test when the page is wider than the screen.
func Look(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	browsertest.Screenshot(t, ctx, dir, name)
	if o := browsertest.Overflow(t, ctx); o > 0 {
		t.Errorf("%s: the page is wider than the screen by %dpx", name, o)
	}
}

// ErrorCode is the code of an API error body that has a message, or ""
// for any other body (an answer, or an error without its message).
func ErrorCode(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	if m, _ := e["message"].(string); m == "" {
		return ""
	}
	code, _ := e["code"].(string)
	return code
}
