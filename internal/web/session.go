package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
)

// Cookie names.
const (
	sessionCookie = "danvan_session"
	csrfCookie    = "danvan_csrf"  // double-submit token for forms shown before sign-in
	flashCookie   = "danvan_flash" // a catalog key shown once on the next page
)

const keyPrincipal ctxKey = 100

// principal returns the signed-in user of the request, or nil.
func principal(r *http.Request) *auth.Principal {
	p, _ := r.Context().Value(keyPrincipal).(*auth.Principal)
	return p
}

// clientAddr is the client's IP address: the socket's peer, or with
// TrustProxy the first address of X-Forwarded-For.
func (s *Server) clientAddr(r *http.Request) string {
	if s.trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(first)); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// authenticate finds who is calling: a bearer token on /api/ paths, the
// session cookie elsewhere. An invalid session cookie is cleared and the
// request goes on anonymously; pages that need a user redirect to sign-in.
// The audit actor is put in the context for every write the request makes.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		addr := s.clientAddr(r)
		var p *auth.Principal
		if strings.HasPrefix(r.URL.Path, "/api/") {
			if h := r.Header.Get("Authorization"); h != "" {
				secret, ok := strings.CutPrefix(h, "Bearer ")
				var err error
				if ok {
					p, err = s.auth.AuthenticateToken(ctx, strings.TrimSpace(secret))
				}
				if !ok || err != nil {
					if err == nil || apperr.CodeOf(err) == apperr.CodeUnauthorized {
						err = apperr.Unauthorized("Mã truy cập API không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa.")
					}
					s.apiError(w, r, err)
					return
				}
			}
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			p, err = s.auth.Authenticate(ctx, c.Value)
			if err != nil {
				if apperr.CodeOf(err) != apperr.CodeUnauthorized {
					s.fail(w, r, err)
					return
				}
				s.clearCookie(w, r, sessionCookie)
				s.setFlash(w, r, "auth.expired")
				p = nil
			}
		}
		ctx = audit.WithActor(ctx, audit.Actor{Addr: addr})
		if p != nil {
			ctx = context.WithValue(ctx, keyPrincipal, p)
			ctx = audit.WithActor(ctx, p.Actor(addr))
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// MaxRequestBody is the largest body a form may send: the biggest
// upload (evidence files, spreadsheets) with room for the other fields.
const MaxRequestBody = 32 << 20

// csrf guards every state-changing browser request beyond the
// cross-origin check: the form must carry the session's token, or, before
// sign-in, the token of the double-submit cookie. API calls with a bearer
// token carry no cookies and are exempt.
func (s *Server) csrf(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isSafe(r.Method) || strings.HasPrefix(r.URL.Path, "/api/") {
			if principal(r) == nil && !strings.HasPrefix(r.URL.Path, "/api/") {
				s.ensureCSRFCookie(w, r)
			}
			next.ServeHTTP(w, r)
			return
		}
		// Reading the form reads the body: cap it first, so no request can
		// make the server buffer or spool more than any form needs.
		r.Body = http.MaxBytesReader(w, r.Body, MaxRequestBody)
		if err := parseBody(r); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.errorPage(w, r, http.StatusRequestEntityTooLarge, translate(langOf(r), "err.413"))
				return
			}
			s.fail(w, r, apperr.Invalid("", "Biểu mẫu gửi lên không đọc được."))
			return
		}
		sent := r.PostFormValue("csrf")
		var err error
		if p := principal(r); p != nil {
			err = auth.CheckCSRF(p, sent)
		} else if c, cerr := r.Cookie(csrfCookie); cerr != nil || sent == "" ||
			subtle.ConstantTimeCompare([]byte(c.Value), []byte(sent)) != 1 {
			err = apperr.Forbidden("Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.")
		}
		if err != nil {
			s.log.WarnContext(r.Context(), "csrf token rejected", slog.String("path", r.URL.Path))
			s.fail(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// parseBody reads a form body, multipart or not, keeping at most 8 MiB of
// files in memory (the rest spills to temporary files).
func parseBody(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return r.ParseMultipartForm(8 << 20)
	}
	return r.ParseForm()
}

func isSafe(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}

// ensureCSRFCookie gives an anonymous browser its double-submit token and
// makes it visible to the page being rendered.
func (s *Server) ensureCSRFCookie(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 32 {
		return
	}
	tok := randomHex(16)
	s.setCookie(w, r, &http.Cookie{Name: csrfCookie, Value: tok, MaxAge: 12 * 3600})
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: tok})
}

// csrfToken is the token a form on this page must carry.
func csrfToken(r *http.Request) string {
	if p := principal(r); p != nil {
		return p.CSRFToken
	}
	if c, err := r.Cookie(csrfCookie); err == nil {
		return c.Value
	}
	return ""
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// setCookie sets an HttpOnly, SameSite=Lax cookie on the whole site,
// Secure when the request came over TLS (directly or through the proxy).
func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) {
	c.Path = "/"
	c.HttpOnly = true
	c.SameSite = http.SameSiteLaxMode
	c.Secure = r.TLS != nil || (s.trustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
	http.SetCookie(w, c)
}

func (s *Server) clearCookie(w http.ResponseWriter, r *http.Request, name string) {
	s.setCookie(w, r, &http.Cookie{Name: name, Value: "", MaxAge: -1})
}

// setFlash leaves a message (a catalog key) for the next page.
func (s *Server) setFlash(w http.ResponseWriter, r *http.Request, key string) {
	s.setCookie(w, r, &http.Cookie{Name: flashCookie, Value: key, MaxAge: 300})
}

// takeFlash returns the pending message once, translated; only catalog
// keys are honoured, so a forged cookie cannot inject text.
func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil || c.Value == "" {
		return ""
	}
	s.clearCookie(w, r, flashCookie)
	if _, ok := catalog[c.Value]; !ok {
		return ""
	}
	return translate(langOf(r), c.Value)
}

// requireUser redirects an anonymous visitor to the sign-in page (coming
// back here afterwards) and reports whether the request may go on.
func (s *Server) requireUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	if p := principal(r); p != nil {
		return p, true
	}
	if isSafe(r.Method) {
		http.Redirect(w, r, "/dang-nhap?tiep="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	} else {
		s.fail(w, r, apperr.Unauthorized("Vui lòng đăng nhập để tiếp tục."))
	}
	return nil, false
}

// allow checks that the signed-in user holds perm on unitID; it renders
// the sign-in redirect, 403 or 404 itself and returns false when not.
func (s *Server) allow(w http.ResponseWriter, r *http.Request, perm auth.Permission, unitID int64) (*auth.Principal, bool) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return nil, false
	}
	if err := s.auth.Require(r.Context(), p, perm, unitID); err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return p, true
}

// safeNext keeps a post-sign-in redirect on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
