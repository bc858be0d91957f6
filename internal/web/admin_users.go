package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
)

type usersView struct {
	Page
	Query string
	Users []auth.User
	Pager Pager
}

// users lists the accounts the admin manages: holding a grant on a unit
// of the admin's scope (everyone for a national admin), by full name in
// Vietnamese order.
func (a *adminHandlers) users(w http.ResponseWriter, r *http.Request) {
	p, ok := a.requireAdmin(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	sc, err := a.adminScope(r, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page, offset := pageParams(r, DefaultPageSize)
	f := auth.UserFilter{Query: &q, Offset: offset, Limit: DefaultPageSize}
	var us []auth.User
	total := 0
	if !sc.All {
		f.UnitIDs = sc.IDs
	}
	if sc.All || len(sc.IDs) > 0 {
		if us, total, err = a.auth.ListUsers(ctx, p, f); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	v := usersView{Page: a.page(w, r, "admin.users.title"), Query: q, Users: us, Pager: newPager(r, page, DefaultPageSize, total)}
	a.render(w, r, http.StatusOK, "admin/users", v)
}

// adminScope is every unit p administers (past units included).
func (a *adminHandlers) adminScope(r *http.Request, p *auth.Principal) (unitScope, error) {
	return a.scopeOf(r, auth.PermAdmin)
}

// managedUser checks that the signed-in admin may manage the account of
// the path and returns it; it answers the request itself when not (404
// for an account out of reach, so that its existence is not told).
func (a *adminHandlers) managedUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, auth.User, bool) {
	p, ok := a.requireAdmin(w, r)
	if !ok {
		return nil, auth.User{}, false
	}
	id := adminPathID(r, "id")
	notFound := apperr.NotFound(translate(LangVI, "admin.err.nouser"))
	if id == 0 {
		a.fail(w, r, notFound)
		return nil, auth.User{}, false
	}
	u, err := a.auth.User(r.Context(), auth.System(), id)
	if err != nil {
		a.fail(w, r, err)
		return nil, auth.User{}, false
	}
	can, err := a.auth.CanManageUser(r.Context(), p, id)
	if err != nil {
		a.fail(w, r, err)
		return nil, auth.User{}, false
	}
	if !can {
		a.fail(w, r, notFound)
		return nil, auth.User{}, false
	}
	return p, u, true
}

// userForm is the account form as typed.
type userForm struct {
	Login, Name, Phone, Email string
	Version                   int64
}

type userNewView struct {
	Page
	Form   userForm
	Errors apperr.Errors
}

func (a *adminHandlers) userNewForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := a.requireAdmin(w, r); !ok {
		return
	}
	a.render(w, r, http.StatusOK, "admin/user_new", userNewView{Page: a.page(w, r, "admin.user.new")})
}

// userCreate adds an account with the password the admin typed; the
// password is shown nowhere afterwards.
func (a *adminHandlers) userCreate(w http.ResponseWriter, r *http.Request) {
	if _, ok := a.requireAdmin(w, r); !ok {
		return
	}
	f := userForm{Login: strings.TrimSpace(r.PostFormValue("login")), Name: r.PostFormValue("name"),
		Phone: r.PostFormValue("phone"), Email: r.PostFormValue("email")}
	pw := r.PostFormValue("password")
	var es apperr.Errors
	if pw != r.PostFormValue("confirm") {
		es.Add("confirm", translate(LangVI, "auth.pw.mismatch"))
	}
	err := es.Err()
	var u auth.User
	if err == nil {
		u, err = a.auth.CreateUser(r.Context(), principal(r), auth.NewUser{Login: f.Login, Name: f.Name, Phone: f.Phone, Email: f.Email, Password: pw})
	}
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		v := userNewView{Page: a.page(w, r, "admin.user.new"), Form: f, Errors: fieldErrors(err)}
		a.render(w, r, adminFormStatus(err), "admin/user_new", v)
		return
	}
	a.setFlash(w, r, "admin.done.usercreate")
	http.Redirect(w, r, adminUserURL(u.ID), http.StatusSeeOther)
}

func adminUserURL(id int64) string { return "/quan-tri/tai-khoan/" + strconv.FormatInt(id, 10) }

// grantRow is a grant with its unit, for display.
type grantRow struct {
	auth.Grant
	Unit     org.Unit
	Managed  bool // the viewer may revoke it
	RoleName string
}

type userShowView struct {
	Page
	Account auth.User
	Form    userForm
	Errors  apperr.Errors
	Grants  []grantRow
}

func (a *adminHandlers) userShow(w http.ResponseWriter, r *http.Request) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	f := userForm{Login: u.Login, Name: u.Name, Phone: u.Phone, Email: u.Email, Version: u.Version}
	a.showUser(w, r, p, u, f, nil, http.StatusOK)
}

func (a *adminHandlers) showUser(w http.ResponseWriter, r *http.Request, p *auth.Principal, u auth.User, f userForm, errs apperr.Errors, status int) {
	gs, err := a.grantRows(r, p, u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v := userShowView{Page: a.page(w, r, "admin.user.title"), Account: u, Form: f, Errors: errs, Grants: gs}
	v.Title = u.Name
	a.render(w, r, status, "admin/user", v)
}

func (a *adminHandlers) grantRows(r *http.Request, p *auth.Principal, userID int64) ([]grantRow, error) {
	gs, err := a.auth.Grants(r.Context(), p, userID)
	if err != nil {
		return nil, err
	}
	out := make([]grantRow, len(gs))
	for i, g := range gs {
		out[i] = grantRow{Grant: g, RoleName: "role." + string(g.Role)}
		if out[i].Unit, err = a.unitAnyDay(r.Context(), g.UnitID); err != nil {
			return nil, err
		}
		if out[i].Managed, err = a.canAdmin(r, p, g.UnitID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// unitAnyDay returns a unit as it stands today, or on its last day when
// it has ended.
func (a *adminHandlers) unitAnyDay(ctx context.Context, id int64) (org.Unit, error) {
	u, err := a.org.Get(ctx, id, a.today())
	if apperr.CodeOf(err) != apperr.CodeNotFound {
		return u, err
	}
	hist, herr := a.org.History(ctx, id)
	if herr != nil || len(hist) == 0 {
		return org.Unit{ID: id}, nil
	}
	last := hist[len(hist)-1]
	d := last.ValidTo
	if d.IsZero() {
		d = last.ValidFrom
	}
	if u, err = a.org.Get(ctx, id, d); err != nil {
		return org.Unit{ID: id, Name: last.Name}, nil
	}
	return u, nil
}

// userSave changes name, phone and e-mail; a save against a version
// changed meanwhile is refused and the form keeps what was typed.
func (a *adminHandlers) userSave(w http.ResponseWriter, r *http.Request) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	f := userForm{Login: u.Login, Name: r.PostFormValue("name"), Phone: r.PostFormValue("phone"),
		Email: r.PostFormValue("email"), Version: adminInt(r.PostFormValue("version"))}
	_, err := a.auth.UpdateUser(r.Context(), p, auth.UserUpdate{ID: u.ID, Version: f.Version, Name: f.Name, Phone: f.Phone, Email: f.Email})
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		a.showUser(w, r, p, u, f, fieldErrors(err), adminFormStatus(err))
		return
	}
	a.setFlash(w, r, "admin.done.usersave")
	http.Redirect(w, r, adminUserURL(u.ID), http.StatusSeeOther)
}

type userConfirmView struct {
	Page
	Account auth.User
	Grant   *grantRow
	Errors  apperr.Errors
}

func (a *adminHandlers) userActiveForm(w http.ResponseWriter, r *http.Request) {
	_, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	a.render(w, r, http.StatusOK, "admin/user_active", userConfirmView{Page: a.page(w, r, activeTitle(u)), Account: u})
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
func (a *adminHandlers) userActiveSave(w http.ResponseWriter, r *http.Request) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	if u.ID == p.User.ID && u.Active {
		a.fail(w, r, apperr.Invalid("", translate(LangVI, "admin.err.self")))
		return
	}
	_, err := a.auth.SetActive(r.Context(), p, u.ID, adminInt(r.PostFormValue("version")), !u.Active)
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		v := userConfirmView{Page: a.page(w, r, activeTitle(u)), Account: u, Errors: fieldErrors(err)}
		a.render(w, r, adminFormStatus(err), "admin/user_active", v)
		return
	}
	key := "admin.done.disable"
	if !u.Active {
		key = "admin.done.enable"
	}
	a.setFlash(w, r, key)
	http.Redirect(w, r, adminUserURL(u.ID), http.StatusSeeOther)
}

func (a *adminHandlers) userPasswordForm(w http.ResponseWriter, r *http.Request) {
	_, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	a.render(w, r, http.StatusOK, "admin/user_password", userConfirmView{Page: a.page(w, r, "admin.user.password"), Account: u})
}

// userPasswordSave sets the password the admin typed and ends the
// account's sessions.
func (a *adminHandlers) userPasswordSave(w http.ResponseWriter, r *http.Request) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	pw := r.PostFormValue("password")
	var es apperr.Errors
	if pw != r.PostFormValue("confirm") {
		es.Add("confirm", translate(LangVI, "auth.pw.mismatch"))
	}
	err := es.Err()
	if err == nil {
		err = a.auth.SetPassword(r.Context(), p, u.ID, pw)
	}
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		v := userConfirmView{Page: a.page(w, r, "admin.user.password"), Account: u, Errors: fieldErrors(err)}
		a.render(w, r, adminFormStatus(err), "admin/user_password", v)
		return
	}
	a.setFlash(w, r, "admin.done.password")
	http.Redirect(w, r, adminUserURL(u.ID), http.StatusSeeOther)
}

type grantFormView struct {
	Page
	Account    auth.User
	Query      string
	Searched   bool
	Candidates []org.Unit
	UnitID     int64
	Role       string
	Roles      []auth.Role
	Errors     apperr.Errors
}

func (a *adminHandlers) grantForm(w http.ResponseWriter, r *http.Request) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	a.showGrantForm(w, r, p, u, strings.TrimSpace(q.Get("q")), adminInt(q.Get("unit_id")), q.Get("role"), nil, http.StatusOK)
}

func (a *adminHandlers) showGrantForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, u auth.User, q string, unitID int64, role string, errs apperr.Errors, status int) {
	v := grantFormView{Account: u, Query: q, UnitID: unitID, Role: role, Roles: auth.Roles, Errors: errs}
	pool, err := a.scopeUnits(r, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	for _, root := range append([]org.Unit(nil), pool...) {
		kids, err := a.org.Children(r.Context(), root.ID, a.today())
		if err != nil {
			a.fail(w, r, err)
			return
		}
		pool = append(pool, kids...)
	}
	if unitID != 0 {
		if pu, err := a.org.Get(r.Context(), unitID, a.today()); err == nil {
			pool = append([]org.Unit{pu}, pool...)
		}
	}
	if q != "" {
		v.Searched = true
		res, err := a.searchPickable(r, p, q)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		pool = append(res, pool...)
	}
	if v.Candidates, err = a.pickable(r, p, pool); err != nil {
		a.fail(w, r, err)
		return
	}
	v.Page = a.page(w, r, "admin.grant.title")
	a.render(w, r, status, "admin/grant", v)
}

// grantSave gives the account a role on a unit the admin administers.
func (a *adminHandlers) grantSave(w http.ResponseWriter, r *http.Request) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return
	}
	q := strings.TrimSpace(r.PostFormValue("q"))
	unitID, role := adminInt(r.PostFormValue("unit_id")), r.PostFormValue("role")
	if r.PostFormValue("step") == "search" {
		a.showGrantForm(w, r, p, u, q, unitID, role, nil, http.StatusOK)
		return
	}
	if unitID == 0 {
		a.showGrantForm(w, r, p, u, q, unitID, role, apperr.Errors{apperr.Invalid("unit_id", translate(LangVI, "admin.err.nounitpick"))}, http.StatusBadRequest)
		return
	}
	can, err := a.canAdmin(r, p, unitID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !can {
		a.fail(w, r, apperr.Forbidden(translate(LangVI, "admin.err.scope")))
		return
	}
	if _, err := a.auth.GrantRole(r.Context(), p, u.ID, unitID, auth.Role(role)); err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		a.showGrantForm(w, r, p, u, q, unitID, role, fieldErrors(err), adminFormStatus(err))
		return
	}
	a.setFlash(w, r, "admin.done.grant")
	http.Redirect(w, r, adminUserURL(u.ID), http.StatusSeeOther)
}

// managedGrant finds the grant of the path among the account's grants
// and checks that the admin administers its unit.
func (a *adminHandlers) managedGrant(w http.ResponseWriter, r *http.Request) (auth.User, *grantRow, bool) {
	p, u, ok := a.managedUser(w, r)
	if !ok {
		return u, nil, false
	}
	gid := adminPathID(r, "gid")
	rows, err := a.grantRows(r, p, u.ID)
	if err != nil {
		a.fail(w, r, err)
		return u, nil, false
	}
	for i := range rows {
		if rows[i].ID == gid && gid != 0 {
			if !rows[i].Managed {
				a.fail(w, r, apperr.Forbidden(translate(LangVI, "admin.err.scope")))
				return u, nil, false
			}
			return u, &rows[i], true
		}
	}
	a.fail(w, r, apperr.NotFound(translate(LangVI, "admin.err.nogrant")))
	return u, nil, false
}

func (a *adminHandlers) revokeForm(w http.ResponseWriter, r *http.Request) {
	u, g, ok := a.managedGrant(w, r)
	if !ok {
		return
	}
	a.render(w, r, http.StatusOK, "admin/revoke", userConfirmView{Page: a.page(w, r, "admin.revoke.title"), Account: u, Grant: g})
}

func (a *adminHandlers) revokeSave(w http.ResponseWriter, r *http.Request) {
	u, g, ok := a.managedGrant(w, r)
	if !ok {
		return
	}
	if err := a.auth.RevokeGrant(r.Context(), principal(r), u.ID, g.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	a.setFlash(w, r, "admin.done.revoke")
	http.Redirect(w, r, adminUserURL(u.ID), http.StatusSeeOther)
}
