package web

// This file carries the features that have not yet moved into a package
// of their own (report, practice, meeting, admin) while they move: the
// names their handlers were written against, over the kit. It goes away
// with the last of them.

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

type message = i18n.Text

// Page and Pager are the kit's.
type (
	Page  = kit.Page
	Pager = kit.Pager
)

const (
	LangVI          = i18n.VI
	LangEN          = i18n.EN
	DefaultPageSize = kit.DefaultPageSize
)

// catalog is the merged catalog, for the legacy helpers below.
var catalog = func() i18n.Catalog {
	c, err := Catalog()
	if err != nil {
		panic(err)
	}
	return c
}()

func legacyMessages(name string) i18n.Catalog {
	return map[string]map[string]message{}[name]
}

// legacyFields are the unexported names the legacy handlers use.
type legacyFields struct {
	db        *db.DB
	org       *org.Store
	auth      *auth.Store
	log       *slog.Logger
	files     *blob.Bucket
	importDir string
}

// legacyMux records the routes a legacy feature registers.
type legacyMux struct{ routes []kit.Route }

func (m *legacyMux) HandleFunc(pattern string, h http.HandlerFunc) {
	m.routes = append(m.routes, kit.Route{Pattern: pattern, Handler: h})
}

func (s *Server) legacyFeatures() map[string]feature {
	s.legacyFields = legacyFields{db: s.DB, org: s.Org, auth: s.Auth, log: s.Log, files: s.Files, importDir: s.ImportDir}
	return map[string]feature{}
}

func principal(r *http.Request) *auth.Principal { return kit.Principal(r) }
func langOf(r *http.Request) string             { return kit.Lang(r) }
func translate(lang, key string) string         { return catalog.T(lang, key) }
func statusOf(err error) int                    { return kit.Status(err) }
func pathID(r *http.Request) (int64, error)     { return kit.PathID(r, "id") }
func pageParams(r *http.Request, size int) (int, int) {
	return kit.PageParams(r, size)
}
func newPager(r *http.Request, page, size, total int) Pager {
	return kit.NewPager(r, page, size, total)
}

// fieldErrors turns a validation error into per-field errors for a form.
func fieldErrors(err error) apperr.Errors {
	switch e := err.(type) {
	case apperr.Errors:
		return e
	case *apperr.Error:
		return apperr.Errors{e}
	}
	key, args := apperr.KeyOf(err)
	return apperr.Errors{apperr.Invalid("", key, args...)}
}

type unitScope = auth.Reach

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	s.tmpl.Render(w, r, status, name, view)
}
func (s *Server) page(w http.ResponseWriter, r *http.Request, key string) Page {
	return s.Page(w, r, key)
}
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error)     { s.Fail(w, r, err) }
func (s *Server) notFound(w http.ResponseWriter, r *http.Request)            { s.NotFound(w, r) }
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) { s.APIError(w, r, err) }
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	s.JSON(w, r, status, v)
}
func (s *Server) today() time.Time { return s.Today() }
func (s *Server) requireUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	return s.RequireUser(w, r)
}
func (s *Server) apiUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	return s.APIUser(w, r)
}
func (s *Server) setFlash(w http.ResponseWriter, r *http.Request, key string) { s.SetFlash(w, r, key) }

func (s *Server) allow(w http.ResponseWriter, r *http.Request, perm auth.Permission, unitID int64) (*auth.Principal, bool) {
	p, ok := s.RequireUser(w, r)
	if !ok {
		return nil, false
	}
	if err := s.Auth.Require(r.Context(), p, perm, unitID); err != nil {
		s.Fail(w, r, err)
		return nil, false
	}
	return p, true
}

func (s *Server) apiAllow(w http.ResponseWriter, r *http.Request, perm auth.Permission, unitID int64) (*auth.Principal, bool) {
	p, ok := s.APIUser(w, r)
	if !ok {
		return nil, false
	}
	if err := s.Auth.Require(r.Context(), p, perm, unitID); err != nil {
		s.APIError(w, r, err)
		return nil, false
	}
	return p, true
}

func (s *Server) scopeOf(r *http.Request, perm auth.Permission) (unitScope, error) {
	return s.Auth.Reach(r.Context(), kit.Principal(r), perm)
}

func (s *Server) ownUnits(r *http.Request) ([]int64, error) {
	return s.Auth.OwnUnits(r.Context(), kit.Principal(r))
}

func (s *Server) grantedUnits(r *http.Request, perm auth.Permission) []org.Unit {
	us, err := s.Auth.GrantedUnits(r.Context(), kit.Principal(r), perm, s.Today())
	if err != nil {
		s.Log.ErrorContext(r.Context(), "granted units", slog.Any("err", err))
	}
	return us
}

// legacyMessage is the Vietnamese message of err.
func legacyMessage(err error) string {
	key, args := apperr.KeyOf(err)
	return legacyText(key, args)
}

// legacyText shows a message key in Vietnamese; keys not yet in a catalog
// are Vietnamese sentences already.
func legacyText(key string, args []any) string {
	if !catalog.Has(key) {
		if len(args) > 0 {
			return fmt.Sprintf(key, args...)
		}
		return key
	}
	return catalog.T(LangVI, key, args...)
}
