package web

import (
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
)

type loginView struct {
	Page
	Login string // kept on error; the password never is
	Next  string
	Error string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.URL.Query().Get("tiep"))
	if principal(r) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "account/login", loginView{Page: s.page(w, r, "auth.login.title"), Next: next})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	login := strings.TrimSpace(r.PostFormValue("login"))
	next := safeNext(r.PostFormValue("tiep"))
	sess, err := s.auth.Login(r.Context(), auth.LoginRequest{
		Login:     login,
		Password:  r.PostFormValue("password"),
		Addr:      s.clientAddr(r),
		UserAgent: r.UserAgent(),
	})
	if err != nil {
		status := statusOf(err)
		if status == http.StatusInternalServerError {
			s.fail(w, r, err)
			return
		}
		v := loginView{Page: s.page(w, r, "auth.login.title"), Login: login, Next: next, Error: apperr.MessageOf(err)}
		s.render(w, r, status, "account/login", v)
		return
	}
	s.startSession(w, r, sess)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) startSession(w http.ResponseWriter, r *http.Request, sess auth.Session) {
	s.setCookie(w, r, &http.Cookie{Name: sessionCookie, Value: sess.Token,
		MaxAge: int(sess.ExpiresAt.Sub(sess.CreatedAt).Seconds())})
	s.clearCookie(w, r, csrfCookie)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.auth.Logout(r.Context(), c.Value); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.clearCookie(w, r, sessionCookie)
	s.setFlash(w, r, "auth.loggedout")
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
}

type passwordView struct {
	Page
	Errors apperr.Errors
}

func (s *Server) passwordForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireUser(w, r); !ok {
		return
	}
	s.render(w, r, http.StatusOK, "account/password", passwordView{Page: s.page(w, r, "auth.pw.title")})
}

// changePassword ends every session of the user (other devices are signed
// out) and starts a new one for this browser.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	old, pw, confirm := r.PostFormValue("old"), r.PostFormValue("new"), r.PostFormValue("confirm")
	var es apperr.Errors
	if pw != confirm {
		es.Add("confirm", translate(langOf(r), "auth.pw.mismatch"))
	}
	err := es.Err()
	if err == nil {
		err = s.auth.ChangePassword(r.Context(), p.User.ID, old, pw)
	}
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			s.fail(w, r, err)
			return
		}
		v := passwordView{Page: s.page(w, r, "auth.pw.title"), Errors: fieldErrors(err)}
		s.render(w, r, http.StatusBadRequest, "account/password", v)
		return
	}
	sess, err := s.auth.Login(r.Context(), auth.LoginRequest{Login: p.User.Login, Password: pw,
		Addr: s.clientAddr(r), UserAgent: r.UserAgent()})
	if err != nil {
		s.clearCookie(w, r, sessionCookie)
		http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
		return
	}
	s.startSession(w, r, sess)
	s.setFlash(w, r, "auth.pw.done")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// fieldErrors turns a validation error into per-field messages for a form;
// an error without a field becomes a message for the whole form ("").
func fieldErrors(err error) apperr.Errors {
	switch e := err.(type) {
	case apperr.Errors:
		return e
	case *apperr.Error:
		return apperr.Errors{e}
	}
	return apperr.Errors{apperr.Invalid("", apperr.MessageOf(err))}
}
