package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/web/accountui"
	"github.com/danvan/danvan/internal/web/kit"
)

// routeInfo carries the matched route pattern back out to observe: the
// mux sets Pattern on the request it is given, which inner middleware
// has replaced by then.
type routeInfo struct{ pattern string }

type routeKey struct{}

// routeRecorder wraps the mux and records the pattern it matched.
func routeRecorder(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if ri, ok := r.Context().Value(routeKey{}).(*routeInfo); ok {
			ri.pattern = r.Pattern
		}
	})
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

// WriteKept passes a kept part on (the compressing writer below splices
// it in deflated once) and counts it as written.
func (w *statusWriter) WriteKept(k *kit.Kept) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := kit.WriteKept(w.ResponseWriter, k)
	w.size += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe gives each request an id, logs it as one JSON line and counts
// it in the metrics by route pattern (never by raw path, which would
// explode the label set). The request's context reads the database
// versions (db.Versions) once, for every cache the page consults.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 || strings.ContainsFunc(id, func(c rune) bool { return c < '!' || c > '~' }) {
			id = kit.RandomHex(8)
		}
		ri := &routeInfo{}
		ctx := context.WithValue(kit.WithRequestID(db.WithVersions(r.Context()), id), routeKey{}, ri)
		r = r.WithContext(ctx)
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		route := ri.pattern
		if route == "" || route == "/" {
			route = "unmatched"
		}
		d := time.Since(start)
		s.metrics.requests.WithLabelValues(route, r.Method, strconv.Itoa(sw.status)).Inc()
		s.metrics.latency.WithLabelValues(route).Observe(d.Seconds())
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.Log.LogAttrs(ctx, level, "request",
			slog.String("request_id", id),
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int("bytes", sw.size),
			slog.Duration("duration", d),
		)
	})
}

// recoverer turns a panic in a handler into a 500 page and a log line with
// the stack, and keeps the server running.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.LogError(r, "panic", fmt.Errorf("%v\n%s", p, debug.Stack()))
				s.ErrorPage(w, r, http.StatusInternalServerError, s.T(r, "err.500"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows nothing inline and nothing from elsewhere.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// language picks the interface language: ?lang= (remembered in a cookie),
// else the cookie, else Vietnamese.
func language(next http.Handler, k *kit.Kit) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := i18n.VI
		if c, err := r.Cookie("lang"); err == nil && c.Value == i18n.EN {
			lang = i18n.EN
		}
		if q := r.URL.Query().Get("lang"); q == i18n.VI || q == i18n.EN {
			lang = q
			k.SetCookie(w, r, &http.Cookie{Name: "lang", Value: q, MaxAge: 365 * 24 * 3600})
		}
		next.ServeHTTP(w, r.WithContext(kit.WithLang(r.Context(), lang)))
	})
}

// crossOrigin rejects state-changing requests that a browser marks as
// coming from another site (Sec-Fetch-Site, or an Origin that is not
// this host), before any handler runs.
func crossOrigin(next http.Handler, k *kit.Kit) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintln(w, k.T(r, "err.crossorigin"))
	}))
	return cop.Handler(next)
}

// clientAddr is the client's IP address (see clientAddr in proxy.go).
func (s *Server) clientAddr(r *http.Request) string { return clientAddr(s.proxies, r) }

// authenticate finds who is calling: a bearer token on /api/ paths, the
// session cookie elsewhere. An invalid session cookie is cleared and the
// request goes on anonymously; pages that need a user redirect to sign-in.
// The audit actor is put in the context for every write the request makes.
// /api/ requests are rate limited per address and per token (APILimit);
// files and exports sent to a signed-in user are audited (auditDownload).
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		addr := s.clientAddr(r)
		var p *auth.Principal
		if strings.HasPrefix(r.URL.Path, "/api/") {
			// The address is counted before the token is looked at, so
			// guessing tokens is slowed down too.
			if ok, retry := s.apiLimit.addr.Allow(addr); !ok {
				s.tooMany(w, r, retry)
				return
			}
			if h := r.Header.Get("Authorization"); h != "" {
				secret, ok := strings.CutPrefix(h, "Bearer ")
				var err error
				if ok {
					p, err = s.Auth.AuthenticateToken(ctx, strings.TrimSpace(secret))
				}
				if !ok || err != nil {
					if err == nil || apperr.CodeOf(err) == apperr.CodeUnauthorized {
						err = apperr.Unauthorized("api.err.token_bad")
					}
					s.APIError(w, r, err)
					return
				}
				if ok, retry := s.apiLimit.token.Allow(strconv.FormatInt(p.TokenID, 10)); !ok {
					s.tooMany(w, r, retry)
					return
				}
			}
		} else if c, err := r.Cookie(kit.SessionCookie); err == nil && c.Value != "" {
			p, err = s.Auth.Authenticate(ctx, c.Value)
			if err != nil {
				if apperr.CodeOf(err) != apperr.CodeUnauthorized {
					s.Fail(w, r, err)
					return
				}
				s.ClearCookie(w, r, kit.SessionCookie)
				s.SetFlash(w, r, "auth.expired")
				p = nil
			}
		}
		ctx = audit.WithActor(ctx, audit.Actor{Addr: addr})
		if p != nil {
			ctx = kit.WithPrincipal(ctx, p)
			ctx = audit.WithActor(ctx, p.Actor(addr))
			// What a signed-in user sees is theirs: no shared or
			// browser cache keeps it (a handler may still say
			// otherwise, as the static files do).
			w.Header().Set("Cache-Control", "no-store")
		}
		if p != nil && p.TwoFactorDue && !twoFactorFree(r.URL.Path) {
			// An account that must sign in with a second step does
			// nothing else until it has set one up.
			http.Redirect(w, r, accountui.TwoFactorPath, http.StatusSeeOther)
			return
		}
		dw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(ctx)
		next.ServeHTTP(dw, r)
		s.auditDownload(r, dw, p)
	})
}

// csrf guards every state-changing browser request beyond the
// cross-origin check: the form must carry the session's token, or, before
// sign-in, the token of the double-submit cookie. API calls with a bearer
// token carry no cookies and are exempt.
func (s *Server) csrf(next http.Handler) http.Handler {
	uploads := newUploadGate()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		if kit.IsSafe(r.Method) || api {
			if kit.Principal(r) == nil && !api {
				r = s.offerCSRFCookie(w, r)
			}
			next.ServeHTTP(w, r)
			return
		}
		// Reading the form reads the body: cap it first, so no request can
		// make the server buffer or spool more than any form needs.
		r.Body = http.MaxBytesReader(w, r.Body, kit.MaxRequestBody)
		if err := parseBody(r); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.ErrorPage(w, r, http.StatusRequestEntityTooLarge, s.T(r, "err.413"))
				return
			}
			s.Fail(w, r, apperr.Invalid("", "form.err.unreadable"))
			return
		}
		sent := r.PostFormValue("csrf")
		var err error
		if p := kit.Principal(r); p != nil {
			err = auth.CheckCSRF(p, sent)
		} else if c, cerr := r.Cookie(kit.CSRFCookie); cerr != nil || sent == "" ||
			subtle.ConstantTimeCompare([]byte(c.Value), []byte(sent)) != 1 {
			err = apperr.Forbidden("form.err.csrf")
		}
		if err != nil {
			s.Log.WarnContext(r.Context(), "csrf token rejected", slog.String("path", r.URL.Path),
				slog.String("request_id", kit.RequestID(r.Context())))
			s.Fail(w, r, err)
			return
		}
		// Files are read a few at a time (see uploads.go).
		release, ok := s.uploadTurn(uploads, w, r)
		if !ok {
			return
		}
		defer release()
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

// offerCSRFCookie lets the page being rendered give an anonymous browser
// that has none its double-submit token (kit.CSRFToken makes it and sets
// the cookie, once per request). Tokens are not made for every request:
// a public page served from the portal's cache renders nothing and asks
// for none (making one and its cookie was 7% of the server's CPU on such
// a page under load).
func (s *Server) offerCSRFCookie(w http.ResponseWriter, r *http.Request) *http.Request {
	if c, err := r.Cookie(kit.CSRFCookie); err == nil && len(c.Value) == kit.CSRFTokenLen {
		return r
	}
	var tok string
	return r.WithContext(kit.WithCSRFIssue(r.Context(), func() string {
		if tok == "" {
			tok = kit.RandomHex(kit.CSRFTokenLen / 2)
			s.SetCookie(w, r, &http.Cookie{Name: kit.CSRFCookie, Value: tok, MaxAge: 12 * 3600})
		}
		return tok
	}))
}

// twoFactorFree reports whether path stays open to a session that must
// still set up its second step: the set-up pages, signing out, the
// static files.
func twoFactorFree(path string) bool {
	return path == accountui.TwoFactorPath || strings.HasPrefix(path, accountui.TwoFactorPath+"/") ||
		path == "/dang-xuat" || strings.HasPrefix(path, "/static/")
}
