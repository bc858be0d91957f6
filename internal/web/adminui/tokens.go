package adminui

import (
	"net/http"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

type tokensView struct {
	kit.Page
	Tokens   []auth.Token
	Name     string
	Expires  string // dd/mm/yyyy as typed; empty for the default lifetime
	ReadOnly bool
	Units    string // unit codes as typed; empty for every unit the account reaches
	Errors   kit.Errors
	// Secret is the token just created: shown on this response only.
	Secret string
}

// tokens lists the signed-in user's API tokens, with a form for a new one.
func (h *handlers) tokens(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.showTokens(w, r, p, tokensView{}, http.StatusOK)
}

func (h *handlers) showTokens(w http.ResponseWriter, r *http.Request, p *auth.Principal, v tokensView, status int) error {
	ts, err := h.Auth.Tokens(r.Context(), p, p.User.ID)
	if err != nil {
		return err
	}
	v.Tokens = ts
	v.Page = h.Page(w, r, "admin.tokens.title")
	w.Header().Set("Cache-Control", "no-store")
	h.tmpl.Render(w, r, status, "tokens", v)
	return nil
}

// tokenCreate makes a token and shows its secret once, in this response;
// it is not redirected, so the secret never travels in a URL or cookie.
func (h *handlers) tokenCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	name, expires := r.PostFormValue("name"), strings.TrimSpace(r.PostFormValue("expires"))
	spec := auth.TokenSpec{Name: name, ReadOnly: r.PostFormValue("read_only") == "1"}
	// The token works through the whole day typed, Vietnam's time.
	day, err := kit.FormDay("expires_at", expires)
	if err == nil && !day.IsZero() {
		spec.ExpiresAt = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, vntext.Zone)
	}
	units := r.PostFormValue("units")
	if err == nil {
		spec.UnitIDs, err = h.unitsByCode(r, units)
	}
	var secret string
	if err == nil {
		_, secret, err = h.Auth.CreateScopedToken(r.Context(), p, p.User.ID, spec)
	}
	if err != nil {
		return refused(err, func(status int) error {
			return h.showTokens(w, r, p, tokensView{Name: name, Expires: expires, ReadOnly: spec.ReadOnly, Units: units, Errors: h.FormErrors(r, err)}, status)
		})
	}
	return h.showTokens(w, r, p, tokensView{Secret: secret}, http.StatusOK)
}

// unitsByCode reads the units a token is limited to, typed as their
// codes separated by commas or spaces (at most 50); a code no unit has
// today is refused on the field. auth checks that the account reaches
// them.
func (h *handlers) unitsByCode(r *http.Request, typed string) ([]int64, error) {
	codes := strings.FieldsFunc(typed, func(c rune) bool { return c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\t' })
	if len(codes) > 50 {
		return nil, apperr.Invalid("unit_ids", "auth.err.token_units", 50)
	}
	var ids []int64
	for _, code := range codes {
		u, err := h.Org.GetByCode(r.Context(), code, h.Today())
		if up := strings.ToUpper(code); apperr.CodeOf(err) == apperr.CodeNotFound && up != code {
			u, err = h.Org.GetByCode(r.Context(), up, h.Today())
		}
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return nil, apperr.Invalid("unit_ids", "admin.tokens.unit_unknown", code)
		}
		if err != nil {
			return nil, err
		}
		ids = append(ids, u.ID)
	}
	return ids, nil
}

type tokenRevokeView struct {
	kit.Page
	Token auth.Token
}

// ownToken returns the token of the path when it is the user's own:
// these pages are each user's own tokens (auth lets an administrator
// reach the tokens of accounts they manage too; that is the account's
// page).
func (h *handlers) ownToken(r *http.Request, p *auth.Principal) (auth.Token, error) {
	t, err := pathRecord(r, p, h.Auth.Token)
	if err == nil && t.UserID != p.User.ID {
		return auth.Token{}, apperr.NotFound("auth.err.unknown_token")
	}
	return t, err
}

func (h *handlers) tokenRevokeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.ownToken(r, p)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "token_revoke", tokenRevokeView{Page: h.Page(w, r, "admin.tokens.revoke"), Token: t})
	return nil
}

func (h *handlers) tokenRevokeSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.ownToken(r, p)
	if err != nil {
		return err
	}
	if err := h.Auth.RevokeToken(r.Context(), p, t.ID); err != nil {
		return err
	}
	h.SetFlash(w, r, "admin.done.tokenrevoke")
	http.Redirect(w, r, "/tai-khoan/ma-api", http.StatusSeeOther)
	return nil
}
