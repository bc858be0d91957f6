package accountui

import (
	"embed"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templates embed.FS

// handlers serve signing in and out, the password change and the
// caller's own account in the API.
type handlers struct {
	*kit.Kit
	tmpl *kit.Templates
	// addr is the client address as the server's middleware reads it
	// (behind a trusted proxy, from its header).
	addr func(*http.Request) string
}

// Mount returns the routes of signing in and out and of the account;
// clientAddr says who is asking (for throttling and the audit log).
func Mount(k *kit.Kit, clientAddr func(*http.Request) string) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, addr: clientAddr}
	if h.addr == nil {
		h.addr = func(r *http.Request) string {
			host, _, err := net.SplitHostPort(r.RemoteAddr)
			if err != nil {
				return r.RemoteAddr
			}
			return host
		}
	}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{Routes: []kit.Route{
		{Pattern: "GET /dang-nhap", Handler: k.Public(h.loginForm)},
		{Pattern: "POST /dang-nhap", Handler: k.Public(h.login)},
		{Pattern: "POST /dang-xuat", Handler: k.Public(h.logout)},
		{Pattern: "GET /dang-nhap/xac-thuc", Handler: k.Public(h.secondStepForm)},
		{Pattern: "POST /dang-nhap/xac-thuc", Handler: k.Public(h.secondStep)},
		{Pattern: "GET " + TwoFactorPath, Handler: k.Signed(h.twoFactor)},
		{Pattern: "POST " + TwoFactorPath + "/bat", Handler: k.Signed(h.twoFactorBegin)},
		{Pattern: "POST " + TwoFactorPath + "/xac-nhan", Handler: k.Signed(h.twoFactorConfirm)},
		{Pattern: "GET " + TwoFactorPath + "/tat", Handler: k.Signed(h.twoFactorOffForm)},
		{Pattern: "POST " + TwoFactorPath + "/tat", Handler: k.Signed(h.twoFactorOff)},
		{Pattern: "GET /tai-khoan/mat-khau", Handler: k.Signed(h.passwordForm)},
		{Pattern: "POST /tai-khoan/mat-khau", Handler: k.Signed(h.changePassword)},
		{Pattern: "GET /api/v1/me", Handler: k.API(h.apiMe)},
	}}, nil
}

type loginView struct {
	kit.Page
	Login string // kept on error; the password never is
	Next  string
	Error string
}

// loginForm sends a signed-in user on to where they were going.
func (h *handlers) loginForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	next := kit.SafeNext(r.URL.Query().Get("tiep"))
	if p != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	h.tmpl.Render(w, r, http.StatusOK, "login", loginView{Page: h.Page(w, r, "auth.login.title"), Next: next})
	return nil
}

func (h *handlers) login(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	login := strings.TrimSpace(r.PostFormValue("login"))
	next := kit.SafeNext(r.PostFormValue("tiep"))
	sess, err := h.Auth.Login(r.Context(), auth.LoginRequest{
		Login:     login,
		Password:  r.PostFormValue("password"),
		Addr:      h.addr(r),
		UserAgent: r.UserAgent(),
	})
	if err != nil {
		if kit.IsInternal(err) {
			return err
		}
		v := loginView{Page: h.Page(w, r, "auth.login.title"), Login: login, Next: next, Error: h.Message(r, err)}
		h.tmpl.Render(w, r, kit.Status(err), "login", v)
		return nil
	}
	if sess.SecondStep != "" {
		h.SetCookie(w, r, &http.Cookie{Name: SecondStepCookie, Value: sess.SecondStep, MaxAge: 300})
		http.Redirect(w, r, "/dang-nhap/xac-thuc?tiep="+url.QueryEscape(next), http.StatusSeeOther)
		return nil
	}
	h.startSession(w, r, sess)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (h *handlers) startSession(w http.ResponseWriter, r *http.Request, sess auth.Session) {
	h.SetCookie(w, r, &http.Cookie{Name: kit.SessionCookie, Value: sess.Token,
		MaxAge: int(sess.ExpiresAt.Sub(sess.CreatedAt).Seconds())})
	h.ClearCookie(w, r, kit.CSRFCookie)
}

func (h *handlers) logout(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	if c, err := r.Cookie(kit.SessionCookie); err == nil {
		if err := h.Auth.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}
	h.ClearCookie(w, r, kit.SessionCookie)
	h.SetFlash(w, r, "auth.loggedout")
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
	return nil
}

type passwordView struct {
	kit.Page
	Errors kit.Errors
}

func (h *handlers) passwordForm(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	h.tmpl.Render(w, r, http.StatusOK, "password", passwordView{Page: h.Page(w, r, "auth.pw.title")})
	return nil
}

// changePassword ends every session of the user (other devices are signed
// out) and starts a new one for this browser.
func (h *handlers) changePassword(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	old, pw, confirm := r.PostFormValue("old"), r.PostFormValue("new"), r.PostFormValue("confirm")
	var es apperr.Errors
	if pw != confirm {
		es.Add("confirm", "auth.pw.mismatch")
	}
	err := es.Err()
	if err == nil {
		err = h.Auth.ChangePassword(r.Context(), p.User.ID, old, pw)
	}
	if err != nil {
		if kit.IsInternal(err) {
			return err
		}
		v := passwordView{Page: h.Page(w, r, "auth.pw.title"), Errors: h.FormErrors(r, err)}
		h.tmpl.Render(w, r, http.StatusBadRequest, "password", v)
		return nil
	}
	// The user proved who they are with the old password in a session
	// that had passed any second step: this browser stays signed in.
	sess, err := h.Auth.StartSession(r.Context(), p.User.ID, h.addr(r), r.UserAgent())
	if err != nil {
		h.ClearCookie(w, r, kit.SessionCookie)
		http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
		return nil
	}
	h.startSession(w, r, sess)
	h.SetFlash(w, r, "auth.pw.done")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
