// Package web serves danvan's pages and JSON API over the domain packages:
// the router, the middleware every request passes through, the templates
// (embedded, parsed once) and the handlers. Handlers are thin: they parse
// the request, call a domain package and render a typed view.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// Config is what the web layer needs from its caller.
type Config struct {
	DB     *db.DB
	Logger *slog.Logger
	// Now is the clock for "today" on pages; nil means time.Now.
	Now func() time.Time
	// Auth configures sessions, throttling and password hashing; the zero
	// value means auth.DefaultConfig.
	Auth auth.Config
	// TrustProxy takes the client address from X-Forwarded-For and TLS
	// from X-Forwarded-Proto; set it only behind a reverse proxy.
	TrustProxy bool
	// Files stores uploaded evidence and documents (keys are prefixed by
	// feature); nil means memory only, lost on restart, with a warning.
	Files *blob.Bucket
	// ImportDir is a folder of saved articles the import page may read by
	// name; empty means none.
	ImportDir string
}

// Server is the HTTP handler of the whole product.
type Server struct {
	db         *db.DB
	org        *org.Store
	auth       *auth.Store
	log        *slog.Logger
	now        func() time.Time
	trustProxy bool
	files      *blob.Bucket
	importDir  string
	renderer   *renderer
	static     *staticFiles
	metrics    *metrics
	handler    http.Handler
}

// New builds the server: it loads the static files, parses every
// template and registers the routes. It fails at start-up, not on the
// first request, when a template is broken.
func New(cfg Config) (*Server, error) {
	if cfg.DB == nil {
		return nil, errors.New("web: no database")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Files == nil {
		cfg.Logger.Warn("no file storage configured: uploaded files are kept in memory only")
		cfg.Files, _ = blob.Open(context.Background(), "mem://")
	}
	static, err := loadStatic()
	if err != nil {
		return nil, err
	}
	rend, err := newRenderer(static)
	if err != nil {
		return nil, err
	}
	units := org.NewStore(cfg.DB)
	s := &Server{
		db:         cfg.DB,
		org:        units,
		auth:       auth.NewStore(cfg.DB, units, cfg.Auth),
		trustProxy: cfg.TrustProxy,
		files:      cfg.Files,
		importDir:  cfg.ImportDir,
		log:        cfg.Logger,
		now:        cfg.Now,
		renderer:   rend,
		static:     static,
		metrics:    newMetrics(cfg.DB),
	}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Registry returns the Prometheus registry behind /metrics.
func (s *Server) Registry() *prometheus.Registry { return s.metrics.registry }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.static)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", s.metrics.handler())

	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /don-vi", s.unitTree)
	mux.HandleFunc("GET /don-vi/{id}", s.unitShow)

	mux.HandleFunc("GET /dang-nhap", s.loginForm)
	mux.HandleFunc("POST /dang-nhap", s.login)
	mux.HandleFunc("POST /dang-xuat", s.logout)
	mux.HandleFunc("GET /tai-khoan/mat-khau", s.passwordForm)
	mux.HandleFunc("POST /tai-khoan/mat-khau", s.changePassword)

	// Each feature registers its own pages and API in its *_routes.go.
	s.adminRoutes(mux)
	s.practiceRoutes(mux)
	s.reportRoutes(mux)
	s.meetingRoutes(mux)

	mux.HandleFunc("GET /api/v1/me", s.apiGetMe)
	mux.HandleFunc("GET /api/v1/units", s.apiListUnits)
	mux.HandleFunc("GET /api/v1/units/{id}", s.apiGetUnit)
	mux.HandleFunc("GET /api/v1/units/{id}/subtree", s.apiGetSubtree)
	mux.HandleFunc("/api/", s.apiNotFound)

	mux.HandleFunc("/", s.notFound)

	var h http.Handler = routeRecorder(mux)
	h = s.csrf(h)
	h = s.authenticate(h)
	h = crossOrigin(h)
	h = s.language(h)
	h = securityHeaders(h)
	h = s.recoverer(h)
	h = s.observe(h) // outermost: logs and counts everything, panics included
	return h
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// readyz answers 200 only while the database answers within two seconds.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.Ping(ctx); err != nil {
		s.log.WarnContext(ctx, "readiness check failed", slog.Any("err", err))
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database unavailable")
		return
	}
	fmt.Fprintln(w, "ok")
}

// errorView is the view of the error page.
type errorView struct {
	Page
	Status    int
	Message   string
	RequestID string
}

// statusOf maps a domain error code to an HTTP status.
func statusOf(err error) int {
	switch apperr.CodeOf(err) {
	case apperr.CodeInvalid:
		return http.StatusBadRequest
	case apperr.CodeNotFound:
		return http.StatusNotFound
	case apperr.CodeConflict:
		return http.StatusConflict
	case apperr.CodeForbidden:
		return http.StatusForbidden
	case apperr.CodeUnauthorized:
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}

// fail renders the error page for err: the domain message for known
// codes, a generic one (and a log line with the cause) for internal errors.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := apperr.MessageOf(err)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "internal error", slog.Any("err", err))
		msg = translate(langOf(r), "err.500")
	} else if langOf(r) == LangEN {
		msg = translate(LangEN, fmt.Sprintf("err.%d", status))
	}
	s.errorPage(w, r, status, msg)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	v := errorView{Page: s.page(w, r, "err.title"), Status: status, Message: msg, RequestID: requestID(r.Context())}
	s.render(w, r, status, "error", v)
}

// serverError is for failures of the web layer itself (a broken
// template); it must not call render again.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "server error", slog.Any("err", err))
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, translate(langOf(r), "err.500"))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, translate(langOf(r), "err.404"))
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
