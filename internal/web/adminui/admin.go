// Package adminui serves administration: the unit hierarchy's changes
// with their previews (/quan-tri/don-vi), accounts and their roles
// (/quan-tri/tai-khoan), the audit log (/quan-tri/nhat-ky) and each
// user's own API tokens (/tai-khoan/ma-api).
//
// Who may do what is decided by the domain, not here: org.Store.Apply
// and Preview check that the user administers every unit a change
// touches (through auth's Authorizer), auth.Store checks who may manage
// an account, grant a role or read the log. The handlers parse the
// request, call the domain and render its answer.
package adminui

import (
	"context"
	"embed"
	"io/fs"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the administration pages.
type handlers struct {
	*kit.Kit
	tmpl *kit.Templates
}

// Mount returns the routes of administration and the header's links to
// it: administration for administrators, the audit log for
// administrators and leaders, API tokens for every signed-in user.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	routes := []kit.Route{
		{Pattern: "GET /quan-tri", Handler: k.Signed(h.index)},
		{Pattern: "GET /quan-tri/don-vi", Handler: k.Signed(h.units)},
		{Pattern: "GET /quan-tri/don-vi/{id}", Handler: k.Signed(h.unit)},
	}
	for _, op := range unitOps {
		routes = append(routes,
			kit.Route{Pattern: "GET /quan-tri/don-vi/{id}/" + op.Slug, Handler: k.Signed(h.unitOpForm(op))},
			kit.Route{Pattern: "POST /quan-tri/don-vi/{id}/" + op.Slug, Handler: k.Signed(h.unitOpPost(op))})
	}
	routes = append(routes,
		kit.Route{Pattern: "GET /quan-tri/tai-khoan", Handler: k.Signed(h.users)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/moi", Handler: k.Signed(h.userNewForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/moi", Handler: k.Signed(h.userCreate)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}", Handler: k.Signed(h.userShow)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}", Handler: k.Signed(h.userSave)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/khoa", Handler: k.Signed(h.userActiveForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}/khoa", Handler: k.Signed(h.userActiveSave)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/mat-khau", Handler: k.Signed(h.userPasswordForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}/mat-khau", Handler: k.Signed(h.userPasswordSave)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/quyen", Handler: k.Signed(h.grantForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}/quyen", Handler: k.Signed(h.grantSave)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/quyen/{gid}/thu-hoi", Handler: k.Signed(h.revokeForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}/quyen/{gid}/thu-hoi", Handler: k.Signed(h.revokeSave)},

		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/bao-mat", Handler: k.Signed(h.userSecurity)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/hai-buoc", Handler: k.Signed(h.userTwoFactorForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}/hai-buoc", Handler: k.Signed(h.userTwoFactorReset)},
		kit.Route{Pattern: "GET /quan-tri/tai-khoan/{id}/ma-api/{tid}/thu-hoi", Handler: k.Signed(h.userTokenRevokeForm)},
		kit.Route{Pattern: "POST /quan-tri/tai-khoan/{id}/ma-api/{tid}/thu-hoi", Handler: k.Signed(h.userTokenRevoke)},
		kit.Route{Pattern: "GET /quan-tri/don-vi/{id}/hai-buoc", Handler: k.Signed(h.unitTwoFactor)},
		kit.Route{Pattern: "POST /quan-tri/don-vi/{id}/hai-buoc", Handler: k.Signed(h.unitTwoFactorSave)},
		kit.Route{Pattern: "GET /tai-khoan/ma-api", Handler: k.Signed(h.tokens)},
		kit.Route{Pattern: "POST /tai-khoan/ma-api", Handler: k.Signed(h.tokenCreate)},
		kit.Route{Pattern: "GET /tai-khoan/ma-api/{id}/thu-hoi", Handler: k.Signed(h.tokenRevokeForm)},
		kit.Route{Pattern: "POST /tai-khoan/ma-api/{id}/thu-hoi", Handler: k.Signed(h.tokenRevokeSave)},

		kit.Route{Pattern: "GET /quan-tri/nhat-ky", Handler: k.Signed(h.auditLog)},
	)
	return kit.Feature{
		Routes: routes,
		Nav: []kit.NavLink{
			{Href: "/quan-tri", Key: "admin.nav", Show: holds(auth.RoleAdmin)},
			{Href: "/quan-tri/nhat-ky", Key: "admin.nav.audit", Show: holds(auth.RoleAdmin, auth.RoleLeader)},
		},
	}, nil
}

// holds shows a link to users holding one of the roles somewhere (the
// page itself asks the domain about the unit or account at hand).
func holds(roles ...auth.Role) func(*auth.Principal) bool {
	return func(p *auth.Principal) bool {
		for _, r := range roles {
			if p.HasRole(r) {
				return true
			}
		}
		return false
	}
}

type indexView struct {
	kit.Page
	Units []org.Unit
}

func (h *handlers) index(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	us, err := h.Auth.AdministeredUnits(r.Context(), p, h.Today())
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "index", indexView{Page: h.Page(w, r, "admin.title"), Units: us})
	return nil
}

// pathRecord returns the record the path's {id} names, read by load,
// which asks the domain whether p may have it.
func pathRecord[T any](r *http.Request, p *auth.Principal, load func(ctx context.Context, p *auth.Principal, id int64) (T, error)) (T, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		var none T
		return none, err
	}
	return load(r.Context(), p, id)
}

// refused answers a request the domain refused: with its form again
// (shown by form, with the status to send) for what the user can put
// right; for anything else it returns the error, for the error page.
func refused(err error, form func(status int) error) error {
	if !showsForm(err) {
		return err
	}
	return form(formStatus(err))
}

// formStatus is the status of a form shown again for a domain error: its
// own, except that a unit or account named in the form and not found is
// a bad form (400), not a missing page.
func formStatus(err error) int {
	st := kit.Status(err)
	if st == http.StatusNotFound {
		return http.StatusBadRequest
	}
	return st
}

// showsForm reports whether a refused request is answered with its form
// again (bad input, a stale version, a unit not found) rather than with
// the error page (no right to do it, a failure of the system).
func showsForm(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.CodeForbidden, apperr.CodeUnauthorized, apperr.CodeInternal:
		return false
	}
	return true
}
