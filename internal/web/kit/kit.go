// Package kit is what every web feature package of danvan shares: the
// page shell and its renderer, error pages and API errors, reading JSON and
// forms, cookies and flash messages, the pager, the message catalog and the
// request's language, user and id. Feature packages (reportui,
// practiceui, …) build their handlers on a *Kit and return their routes
// from Mount; package web puts them behind the middleware.
package kit

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

// Config is what a Kit is built from.
type Config struct {
	DB     *db.DB
	Org    *org.Store
	Auth   *auth.Store
	Logger *slog.Logger
	// Now is the clock for "today" on pages; nil means time.Now.
	Now func() time.Time
	// Files stores uploaded files; nil is an error (the caller decides
	// what a missing store means).
	Files *blob.Bucket
	// ImportDir is a folder of saved articles the import page may read.
	ImportDir string
	// TrustProxy makes cookies Secure when the proxy says the request came
	// over TLS.
	TrustProxy bool
	// Catalog is every message of every package, merged.
	Catalog i18n.Catalog
}

// Kit is the shared part of every feature's handlers.
type Kit struct {
	DB         *db.DB
	Org        *org.Store
	Auth       *auth.Store
	Log        *slog.Logger
	Files      *blob.Bucket
	ImportDir  string
	TrustProxy bool
	Catalog    i18n.Catalog

	now    func() time.Time
	static *Static
	base   *Templates // the kit's own pages (the error page)
	nav    []NavLink
	// refusals bound how many 403s are audited (refusal.go).
	refusals refusalLimits
}

// New builds a Kit: it loads the static files and parses the shared
// templates, failing at start-up rather than on the first request.
func New(cfg Config) (*Kit, error) {
	if cfg.DB == nil || cfg.Org == nil || cfg.Auth == nil || cfg.Files == nil {
		return nil, errors.New("kit: database, unit store, auth store and file store are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Catalog == nil {
		cfg.Catalog = Messages
	}
	static, err := loadStatic()
	if err != nil {
		return nil, err
	}
	k := &Kit{DB: cfg.DB, Org: cfg.Org, Auth: cfg.Auth, Log: cfg.Logger, Files: cfg.Files,
		ImportDir: cfg.ImportDir, TrustProxy: cfg.TrustProxy, Catalog: cfg.Catalog,
		now: cfg.Now, static: static, refusals: newRefusalLimits(cfg.Now)}
	if k.base, err = k.Templates(nil, nil); err != nil {
		return nil, err
	}
	return k, nil
}

// Now is the current time by the kit's clock.
func (k *Kit) Now() time.Time { return k.now() }

// Today is the calendar day of the kit's clock, at midnight UTC (the
// form every domain package takes a day in).
func (k *Kit) Today() time.Time {
	n := k.now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// Static serves the embedded static files under content-hash URLs.
func (k *Kit) Static() http.Handler { return k.static }

// T translates key with args into the request's language.
func (k *Kit) T(r *http.Request, key string, args ...any) string {
	return k.Catalog.T(Lang(r), key, args...)
}

// Text translates a stored message into the request's language.
func (k *Kit) Text(r *http.Request, m i18n.Message) string {
	return k.Catalog.T(Lang(r), m.Key, m.Args...)
}

// Route is one pattern a feature serves ("GET /mo-hinh/{id}").
type Route struct {
	Pattern string
	Handler http.HandlerFunc
}

// NavLink is an entry of the header's navigation that a feature offers.
// Show says whether the signed-in user (nil for a visitor) sees it.
type NavLink struct {
	Href string
	Key  string // catalog key of the label
	Show func(p *auth.Principal) bool
}

// Feature is what a feature package's Mount returns: its routes and its
// links in the header.
type Feature struct {
	Routes []Route
	Nav    []NavLink
	// Wrap, when set, sees every request just before the routes do (after
	// sign-in and the other middleware), and may rewrite it: the portal
	// serves a site under its own host name this way.
	Wrap func(http.Handler) http.Handler
}

// SetNav sets the header's links, in order (package web calls it once,
// after mounting every feature).
func (k *Kit) SetNav(links []NavLink) { k.nav = links }

// SignedIn is a NavLink.Show for links every signed-in user sees.
func SignedIn(p *auth.Principal) bool { return p != nil }

// Anonymous is a NavLink.Show for links only visitors see.
func Anonymous(p *auth.Principal) bool { return p == nil }

// Always is a NavLink.Show for links everyone sees.
func Always(*auth.Principal) bool { return true }

// ListUnits returns what a list page offers p: the units p reads today,
// for its unit filter, and whether p may write on any unit, to show the
// link that records a new one.
func (k *Kit) ListUnits(r *http.Request, p *auth.Principal) (units []org.Unit, canWrite bool, err error) {
	if units, err = k.Auth.GrantedUnits(r.Context(), p, auth.PermRead, k.Today()); err != nil {
		return nil, false, err
	}
	writable, err := k.Auth.GrantedUnits(r.Context(), p, auth.PermWrite, k.Today())
	if err != nil {
		return nil, false, err
	}
	return units, len(writable) > 0, nil
}
