package adminui

import (
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// An account's security, for the administrator who manages it: its
// second step (turned off for a lost phone) and its API tokens (revoked
// one by one); and a unit's rule that its users sign in with a second
// step.

type userSecurityView struct {
	kit.Page
	Account   auth.User
	TwoFactor auth.TwoFactor
	Tokens    []auth.Token
	// Token is the token a revocation asks about; Reset asks before
	// turning the second step off.
	Token *auth.Token
	Reset bool
}

func (h *handlers) showUserSecurity(w http.ResponseWriter, r *http.Request, p *auth.Principal, v userSecurityView) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if v.TwoFactor, err = h.Auth.TwoFactorOf(ctx, p, u.ID); err != nil {
		return err
	}
	if v.Tokens, err = h.Auth.Tokens(ctx, p, u.ID); err != nil {
		return err
	}
	v.Account = u
	v.Page = h.Page(w, r, "admin.security.title")
	v.Title = u.Name
	h.tmpl.Render(w, r, http.StatusOK, "user_security", v)
	return nil
}

// userSecurity shows an account's second step and API tokens.
func (h *handlers) userSecurity(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.showUserSecurity(w, r, p, userSecurityView{})
}

// userTwoFactorForm asks before turning an account's second step off.
func (h *handlers) userTwoFactorForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.showUserSecurity(w, r, p, userSecurityView{Reset: true})
}

// userTwoFactorReset turns an account's second step off (auth checks
// that p manages the account).
func (h *handlers) userTwoFactorReset(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.managedUser(r, p)
	if err != nil {
		return err
	}
	if err := h.Auth.DisableTwoFactor(r.Context(), p, u.ID); err != nil {
		return err
	}
	h.SetFlash(w, r, "admin.done.2fareset")
	http.Redirect(w, r, "/quan-tri/tai-khoan/"+strconv.FormatInt(u.ID, 10)+"/bao-mat", http.StatusSeeOther)
	return nil
}

// accountToken is the token {tid} of account {id}, which p must manage.
func (h *handlers) accountToken(r *http.Request, p *auth.Principal) (auth.User, auth.Token, error) {
	u, err := h.managedUser(r, p)
	if err != nil {
		return auth.User{}, auth.Token{}, err
	}
	tid, err := kit.PathID(r, "tid")
	if err != nil {
		return auth.User{}, auth.Token{}, err
	}
	t, err := h.Auth.Token(r.Context(), p, tid)
	if err == nil && t.UserID != u.ID {
		err = apperr.NotFound("auth.err.unknown_token")
	}
	return u, t, err
}

// userTokenRevokeForm asks before revoking an account's token.
func (h *handlers) userTokenRevokeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	_, t, err := h.accountToken(r, p)
	if err != nil {
		return err
	}
	return h.showUserSecurity(w, r, p, userSecurityView{Token: &t})
}

// userTokenRevoke revokes an account's token.
func (h *handlers) userTokenRevoke(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, t, err := h.accountToken(r, p)
	if err != nil {
		return err
	}
	if err := h.Auth.RevokeToken(r.Context(), p, t.ID); err != nil {
		return err
	}
	h.SetFlash(w, r, "admin.done.tokenrevoke")
	http.Redirect(w, r, "/quan-tri/tai-khoan/"+strconv.FormatInt(u.ID, 10)+"/bao-mat", http.StatusSeeOther)
	return nil
}

type unitTwoFactorView struct {
	kit.Page
	Unit     org.Unit
	Required bool
}

// unitTwoFactor shows and sets whether a unit's users must sign in with
// a second step.
func (h *handlers) unitTwoFactor(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.administered(r, p)
	if err != nil {
		return err
	}
	on, err := h.Auth.TwoFactorRequiredOn(r.Context(), p, u.ID)
	if err != nil {
		return err
	}
	v := unitTwoFactorView{Page: h.Page(w, r, "admin.unit2fa.title"), Unit: u, Required: on}
	h.tmpl.Render(w, r, http.StatusOK, "unit_2fa", v)
	return nil
}

func (h *handlers) unitTwoFactorSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.administered(r, p)
	if err != nil {
		return err
	}
	on := r.PostFormValue("required") == "1"
	if err := h.Auth.SetTwoFactorRequired(r.Context(), p, u.ID, on); err != nil {
		return err
	}
	h.SetFlash(w, r, "admin.done.unit2fa")
	http.Redirect(w, r, "/quan-tri/don-vi/"+strconv.FormatInt(u.ID, 10)+"/hai-buoc", http.StatusSeeOther)
	return nil
}
