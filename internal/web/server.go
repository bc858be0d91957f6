// Package web serves danvan's pages and JSON API. It holds only what is
// not a feature: the server and its list of features, the middleware every
// request passes through, the home page and the operations endpoints.
// Each feature lives in a package of its own under web (unitui,
// accountui, reportui, practiceui, meetingui, adminui, …), built on the
// shared toolkit in web/kit, and hands its routes to the server from
// Mount.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/backup"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templateFS embed.FS

// Config is what the web layer needs from its caller.
type Config struct {
	DB     *db.DB
	Logger *slog.Logger
	// Now is the clock for "today" on pages; nil means time.Now.
	Now func() time.Time
	// Auth configures sessions, throttling and password hashing; the zero
	// value means auth.DefaultConfig.
	Auth auth.Config
	// TrustedProxies are the reverse proxies (addresses or prefixes, see
	// ParseProxies) whose X-Forwarded-For and X-Forwarded-Proto are
	// believed: the client is the rightmost forwarded address that is not
	// one of them. None means the socket's peer is the client.
	TrustedProxies []netip.Prefix
	// Files stores uploaded evidence and documents (keys are prefixed by
	// feature); nil means memory only, lost on restart, with a warning.
	Files *blob.Bucket
	// ImportDir is a folder of saved articles the import page may read by
	// name; empty means none.
	ImportDir string
	// MetricsToken, when set, lets /metrics on the main listener answer
	// a scraper that sends "Authorization: Bearer <token>"; empty means
	// /metrics is not served there (serve Server.Metrics on a separate,
	// private listener instead: danvan serve --metrics-addr).
	MetricsToken string
	// APILimit bounds the rate of /api/v1 requests per token and per
	// address; zero fields take DefaultAPILimit's.
	APILimit APILimit
	// Documents are the page settings issued documents are written with
	// (the deployment's margins); the zero value means
	// document.DefaultSettings.
	Documents document.Settings
}

// Server is the HTTP handler of the whole product.
type Server struct {
	*kit.Kit
	metrics *metrics
	tmpl    *kit.Templates
	routes  []kit.Route
	handler http.Handler
	proxies []netip.Prefix
	// metricsToken opens /metrics on the main listener to a scraper.
	metricsToken string
	// apiLimit counts /api/ requests; downloads the files recently
	// audited.
	apiLimit  apiLimiters
	downloads *kit.Limiter
	// documents are the page settings of issued documents.
	documents document.Settings
}

// New builds the server: it merges the message catalogs, mounts every
// feature and parses every template. It fails at start-up, not on the
// first request, when a template is broken or two routes clash.
func New(cfg Config) (*Server, error) {
	if cfg.DB == nil {
		return nil, errors.New("web: no database")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Files == nil {
		cfg.Logger.Warn("no file storage configured: uploaded files are kept in memory only")
		var err error
		if cfg.Files, err = blob.Open(context.Background(), "mem://"); err != nil {
			return nil, err
		}
	}
	catalog, err := Catalog()
	if err != nil {
		return nil, err
	}
	units := org.NewStore(cfg.DB)
	k, err := kit.New(kit.Config{DB: cfg.DB, Org: units, Auth: auth.NewStore(cfg.DB, units, cfg.Auth),
		Logger: cfg.Logger, Now: cfg.Now, Files: cfg.Files, ImportDir: cfg.ImportDir,
		TrustProxy: len(cfg.TrustedProxies) > 0, Catalog: catalog})
	if err != nil {
		return nil, err
	}
	s := &Server{Kit: k, metrics: newMetrics(cfg.DB), proxies: cfg.TrustedProxies, metricsToken: cfg.MetricsToken,
		apiLimit: newAPILimiters(cfg.APILimit, cfg.Now), downloads: kit.NewLimiter(1, downloadAgain, cfg.Now),
		documents: cfg.Documents}
	if s.documents == (document.Settings{}) {
		s.documents = document.DefaultSettings()
	}
	s.metrics.registry.MustRegister(opsCollector{backups: backup.New(cfg.DB, nil, backup.Config{}), log: cfg.Logger})
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		return nil, err
	}
	if s.tmpl, err = k.Templates(sub, nil); err != nil {
		return nil, err
	}
	if err := s.mount(); err != nil {
		return nil, err
	}
	return s, nil
}

// mount collects every feature's routes and links, in the order of the
// header, and builds the handler chain.
func (s *Server) mount() error {
	var nav []kit.NavLink
	var wraps []func(http.Handler) http.Handler
	for _, f := range s.features() {
		feat, err := f.mount(s.Kit)
		if err != nil {
			return fmt.Errorf("web: mount %s: %w", f.name, err)
		}
		s.routes = append(s.routes, feat.Routes...)
		nav = append(nav, feat.Nav...)
		if feat.Wrap != nil {
			wraps = append(wraps, feat.Wrap)
		}
	}
	s.SetNav(nav)

	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.Static())
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", s.guardedMetrics(s.metricsToken))
	mux.HandleFunc("GET /{$}", s.home)
	for _, rt := range s.routes {
		if err := register(mux, rt); err != nil {
			return err
		}
	}
	mux.HandleFunc("/api/", s.apiNotFound)
	mux.HandleFunc("/", s.NotFound)

	var h http.Handler = routeRecorder(mux)
	for _, wrap := range wraps {
		h = wrap(h)
	}
	h = s.refuseControls(h)
	h = s.csrf(h)
	h = s.authenticate(h)
	h = crossOrigin(h, s.Kit)
	h = language(h, s.Kit)
	h = compress(h)
	h = securityHeaders(h)
	h = s.recoverer(h)
	h = forwarded(h, s.proxies)
	h = s.observe(h) // outermost: logs and counts everything, panics included
	s.handler = h
	return nil
}

// register adds one route, turning the mux's panic on a clashing pattern
// into an error.
func register(mux *http.ServeMux, rt kit.Route) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("web: route %q: %v", rt.Pattern, p)
		}
	}()
	mux.HandleFunc(rt.Pattern, rt.Handler)
	return nil
}

// Routes lists the patterns every feature serves, in mount order (the
// OpenAPI test checks the /api/ ones against docs/openapi.yaml).
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, rt := range s.routes {
		out[i] = rt.Pattern
	}
	return out
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Metrics serves the Prometheus metrics to anyone who reaches it: put it
// on a listener of its own that only the monitoring network reaches.
func (s *Server) Metrics() http.Handler { return s.metrics.handler() }

// Registry returns the Prometheus registry behind /metrics.
func (s *Server) Registry() *prometheus.Registry { return s.metrics.registry }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// readyz answers 200 only while the database answers within two seconds;
// with ?verbose it adds the schema version and the last good backup.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.DB.Ping(ctx); err != nil {
		s.Log.WarnContext(ctx, "readiness check failed", slog.Any("err", err))
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database unavailable")
		return
	}
	fmt.Fprintln(w, "ok")
	if r.URL.Query().Has("verbose") {
		s.readyDetail(ctx, w)
	}
}

// apiNotFound answers unknown /api/ paths in JSON.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.APIError(w, r, apperr.NotFound("api.err.nopath"))
}
