package adminui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

type usersView struct {
	kit.Page
	Query string
	Users []auth.User
	Pager kit.Pager
}

// users lists the accounts the admin manages (auth decides which), by
// full name in Vietnamese order.
func (h *handlers) users(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page, offset := kit.PageParams(r, kit.DefaultPageSize)
	us, total, err := h.Auth.ListUsers(r.Context(), p, auth.UserFilter{Query: &q, Offset: offset, Limit: kit.DefaultPageSize})
	if err != nil {
		return err
	}
	v := usersView{Page: h.Page(w, r, "admin.users.title"), Query: q, Users: us, Pager: kit.NewPager(r, page, kit.DefaultPageSize, total)}
	h.tmpl.Render(w, r, http.StatusOK, "users", v)
	return nil
}

// managedUser returns the account of the path when auth says p manages
// it (an account out of reach is not found, so that its existence is
// not told).
func (h *handlers) managedUser(r *http.Request, p *auth.Principal) (auth.User, error) {
	return pathRecord(r, p, h.Auth.ManagedUser)
}

// userForm is the account form as typed.
type userForm struct {
	Login, Name, Phone, Email string
	Version                   int64
}

type userNewView struct {
	kit.Page
	Form   userForm
	Errors kit.Errors
}

func (h *handlers) userNewForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.RequireAdmin(p); err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "user_new", userNewView{Page: h.Page(w, r, "admin.user.new")})
	return nil
}

// confirmed checks that a new password was typed twice the same.
func confirmed(r *http.Request) (string, error) {
	pw := r.PostFormValue("password")
	if pw != r.PostFormValue("confirm") {
		return pw, apperr.Invalid("confirm", "admin.pw.mismatch")
	}
	return pw, nil
}

// userCreate adds an account with the password the admin typed; the
// password is shown nowhere afterwards.
func (h *handlers) userCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := userForm{Login: strings.TrimSpace(r.PostFormValue("login")), Name: r.PostFormValue("name"),
		Phone: r.PostFormValue("phone"), Email: r.PostFormValue("email")}
	if err := auth.RequireAdmin(p); err != nil {
		return err
	}
	pw, err := confirmed(r)
	var u auth.User
	if err == nil {
		u, err = h.Auth.CreateUser(r.Context(), p, auth.NewUser{Login: f.Login, Name: f.Name, Phone: f.Phone, Email: f.Email, Password: pw})
	}
	if err != nil {
		return refused(err, func(status int) error {
			v := userNewView{Page: h.Page(w, r, "admin.user.new"), Form: f, Errors: h.FormErrors(r, err)}
			h.tmpl.Render(w, r, status, "user_new", v)
			return nil
		})
	}
	h.SetFlash(w, r, "admin.done.usercreate")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

func userURL(id int64) string { return "/quan-tri/tai-khoan/" + strconv.FormatInt(id, 10) }

// grantRow is a grant with its unit's name, for display.
type grantRow struct {
	auth.Grant
	UnitName string
	Managed  bool // the viewer may revoke it
	RoleName string
}

type userView struct {
	kit.Page
	Account auth.User
	Form    userForm
	Errors  kit.Errors
	Grants  []grantRow
}

func (h *handlers) userShow(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	f := userForm{Login: u.Login, Name: u.Name, Phone: u.Phone, Email: u.Email, Version: u.Version}
	return h.showUser(w, r, p, u, f, nil, http.StatusOK)
}

func (h *handlers) showUser(w http.ResponseWriter, r *http.Request, p *auth.Principal, u auth.User, f userForm, err error, status int) error {
	gs, gerr := h.grantRows(r, p, u.ID)
	if gerr != nil {
		return gerr
	}
	v := userView{Page: h.Page(w, r, "admin.user.title"), Account: u, Form: f, Errors: h.FormErrors(r, err), Grants: gs}
	v.Title = u.Name
	h.tmpl.Render(w, r, status, "user", v)
	return nil
}

// grantRows are an account's roles with their units' names today (or on
// their last day) and whether the viewer administers each unit (a hint
// for the revoke link; auth decides when it is followed).
func (h *handlers) grantRows(r *http.Request, p *auth.Principal, userID int64) ([]grantRow, error) {
	ctx := r.Context()
	gs, err := h.Auth.Grants(ctx, p, userID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(gs))
	for i, g := range gs {
		ids[i] = g.UnitID
	}
	names, err := h.Org.NamesOn(ctx, ids, h.Today())
	if err != nil {
		return nil, err
	}
	out := make([]grantRow, len(gs))
	for i, g := range gs {
		out[i] = grantRow{Grant: g, UnitName: names[g.UnitID], RoleName: "role." + string(g.Role)}
		if out[i].Managed, err = h.Auth.Authorizer(p).Administers(ctx, g.UnitID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// userSave changes name, phone and e-mail; a save against a version
// changed meanwhile is refused and the form keeps what was typed.
func (h *handlers) userSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	f := userForm{Login: u.Login, Name: r.PostFormValue("name"), Phone: r.PostFormValue("phone"),
		Email: r.PostFormValue("email"), Version: kit.FormID(r.PostFormValue("version"))}
	_, err = h.Auth.UpdateUser(r.Context(), p, auth.UserUpdate{ID: u.ID, Version: f.Version, Name: f.Name, Phone: f.Phone, Email: f.Email})
	if err != nil {
		return refused(err, func(status int) error { return h.showUser(w, r, p, u, f, err, status) })
	}
	h.SetFlash(w, r, "admin.done.usersave")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

type userConfirmView struct {
	kit.Page
	Account auth.User
	Grant   *grantRow
	Errors  kit.Errors
}

func (h *handlers) userActiveForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "user_active", userConfirmView{Page: h.Page(w, r, activeTitle(u)), Account: u})
	return nil
}

func activeTitle(u auth.User) string {
	if u.Active {
		return "admin.user.disable"
	}
	return "admin.user.enable"
}

// userActiveSave disables an active account (ending its sessions) or
// enables a disabled one; the version on the confirmation page guards
// against a change made meanwhile.
func (h *handlers) userActiveSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	_, err = h.Auth.SetActive(r.Context(), p, u.ID, kit.FormID(r.PostFormValue("version")), !u.Active)
	if err != nil {
		return refused(err, func(status int) error {
			v := userConfirmView{Page: h.Page(w, r, activeTitle(u)), Account: u, Errors: h.FormErrors(r, err)}
			h.tmpl.Render(w, r, status, "user_active", v)
			return nil
		})
	}
	key := "admin.done.disable"
	if !u.Active {
		key = "admin.done.enable"
	}
	h.SetFlash(w, r, key)
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) userPasswordForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "user_password", userConfirmView{Page: h.Page(w, r, "admin.user.password"), Account: u})
	return nil
}

// userPasswordSave sets the password the admin typed and ends the
// account's sessions.
func (h *handlers) userPasswordSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	pw, err := confirmed(r)
	if err == nil {
		err = h.Auth.SetPassword(r.Context(), p, u.ID, pw)
	}
	if err != nil {
		return refused(err, func(status int) error {
			v := userConfirmView{Page: h.Page(w, r, "admin.user.password"), Account: u, Errors: h.FormErrors(r, err)}
			h.tmpl.Render(w, r, status, "user_password", v)
			return nil
		})
	}
	h.SetFlash(w, r, "admin.done.password")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

type grantFormView struct {
	kit.Page
	Account    auth.User
	Query      string
	Searched   bool
	Candidates []org.Unit
	UnitID     int64
	Role       string
	Roles      []auth.Role
	Errors     kit.Errors
}

func (h *handlers) grantForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	return h.showGrantForm(w, r, p, u, strings.TrimSpace(q.Get("q")), kit.FormID(q.Get("unit_id")), q.Get("role"), nil, http.StatusOK)
}

// showGrantForm offers the units the admin administers: the tops of
// their scope and the units just below, the unit picked before and the
// units found by name.
func (h *handlers) showGrantForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, u auth.User, q string, unitID int64, role string, refusal error, status int) error {
	ctx := r.Context()
	today := h.Today()
	a := h.Auth.Authorizer(p)
	v := grantFormView{Account: u, Query: q, UnitID: unitID, Role: role, Roles: auth.Roles, Errors: h.FormErrors(r, refusal)}
	pool, err := h.Auth.AdministeredUnits(ctx, p, today)
	if err != nil {
		return err
	}
	for _, top := range append([]org.Unit(nil), pool...) {
		kids, err := h.Org.Children(ctx, top.ID, today)
		if err != nil {
			return err
		}
		pool = append(pool, kids...)
	}
	if unitID != 0 {
		pu, err := h.Org.Get(ctx, unitID, today)
		switch {
		case err == nil:
			pool = append([]org.Unit{pu}, pool...)
		case apperr.CodeOf(err) != apperr.CodeNotFound:
			return err
		}
	}
	if q != "" {
		v.Searched = true
		res, err := h.Org.SearchAdministered(ctx, a, q, today, 40)
		if err != nil {
			return err
		}
		pool = append(res, pool...)
	}
	if v.Candidates, err = h.Org.Pickable(ctx, a, pool); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "admin.grant.title")
	h.tmpl.Render(w, r, status, "grant", v)
	return nil
}

// grantSave gives the account a role on a unit; auth checks that the
// admin manages the account and administers the unit.
func (h *handlers) grantSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(r.PostFormValue("q"))
	unitID, role := kit.FormID(r.PostFormValue("unit_id")), r.PostFormValue("role")
	if r.PostFormValue("step") == "search" {
		return h.showGrantForm(w, r, p, u, q, unitID, role, nil, http.StatusOK)
	}
	if unitID == 0 {
		err = apperr.Invalid("unit_id", "admin.err.nounitpick")
	} else {
		_, err = h.Auth.GrantRole(r.Context(), p, u.ID, unitID, auth.Role(role))
	}
	if err != nil {
		return refused(err, func(status int) error { return h.showGrantForm(w, r, p, u, q, unitID, role, err, status) })
	}
	h.SetFlash(w, r, "admin.done.grant")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}

// managedGrant finds the grant of the path among the account's grants.
func (h *handlers) managedGrant(r *http.Request, p *auth.Principal) (auth.User, *grantRow, error) {
	u, err := h.managedUser(r, p)
	if err != nil {
		return u, nil, err
	}
	gid, err := kit.PathID(r, "gid")
	if err != nil {
		return u, nil, err
	}
	rows, err := h.grantRows(r, p, u.ID)
	if err != nil {
		return u, nil, err
	}
	for i := range rows {
		if rows[i].ID == gid {
			return u, &rows[i], nil
		}
	}
	return u, nil, apperr.NotFound("auth.err.unknown_grant")
}

func (h *handlers) revokeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, g, err := h.managedGrant(r, p)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "revoke", userConfirmView{Page: h.Page(w, r, "admin.revoke.title"), Account: u, Grant: g})
	return nil
}

func (h *handlers) revokeSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, g, err := h.managedGrant(r, p)
	if err != nil {
		return err
	}
	if err := h.Auth.RevokeGrant(r.Context(), p, u.ID, g.ID); err != nil {
		return err
	}
	h.SetFlash(w, r, "admin.done.revoke")
	http.Redirect(w, r, userURL(u.ID), http.StatusSeeOther)
	return nil
}
