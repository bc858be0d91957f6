package web

import (
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
)

type tokensView struct {
	Page
	Tokens []auth.Token
	Name   string
	Errors apperr.Errors
	// Secret is the token just created: shown on this response only.
	Secret string
}

// tokens lists the signed-in user's API tokens, with a form for a new one.
func (a *adminHandlers) tokens(w http.ResponseWriter, r *http.Request) {
	p, ok := a.requireUser(w, r)
	if !ok {
		return
	}
	a.showTokens(w, r, p, tokensView{}, http.StatusOK)
}

func (a *adminHandlers) showTokens(w http.ResponseWriter, r *http.Request, p *auth.Principal, v tokensView, status int) {
	ts, err := a.auth.Tokens(r.Context(), p, p.User.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v.Tokens = ts
	v.Page = a.page(w, r, "admin.tokens.title")
	w.Header().Set("Cache-Control", "no-store")
	a.render(w, r, status, "admin/tokens", v)
}

// tokenCreate makes a token and shows its secret once, in this response;
// it is not redirected, so the secret never travels in a URL or cookie.
func (a *adminHandlers) tokenCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := a.requireUser(w, r)
	if !ok {
		return
	}
	name := r.PostFormValue("name")
	_, secret, err := a.auth.CreateToken(r.Context(), p, p.User.ID, name)
	if err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			a.fail(w, r, err)
			return
		}
		a.showTokens(w, r, p, tokensView{Name: name, Errors: fieldErrors(err)}, adminFormStatus(err))
		return
	}
	a.showTokens(w, r, p, tokensView{Secret: secret}, http.StatusOK)
}

type tokenRevokeView struct {
	Page
	Token auth.Token
}

// ownToken returns the token of the path when it belongs to the
// signed-in user (404 otherwise).
func (a *adminHandlers) ownToken(w http.ResponseWriter, r *http.Request) (auth.Token, bool) {
	p, ok := a.requireUser(w, r)
	if !ok {
		return auth.Token{}, false
	}
	t, err := a.auth.Token(r.Context(), p, adminPathID(r, "id"))
	if err == nil && t.UserID != p.User.ID {
		err = apperr.NotFound(translate(LangVI, "admin.err.notoken"))
	}
	if err != nil {
		a.fail(w, r, err)
		return auth.Token{}, false
	}
	return t, true
}

func (a *adminHandlers) tokenRevokeForm(w http.ResponseWriter, r *http.Request) {
	t, ok := a.ownToken(w, r)
	if !ok {
		return
	}
	a.render(w, r, http.StatusOK, "admin/token_revoke", tokenRevokeView{Page: a.page(w, r, "admin.tokens.revoke"), Token: t})
}

func (a *adminHandlers) tokenRevokeSave(w http.ResponseWriter, r *http.Request) {
	t, ok := a.ownToken(w, r)
	if !ok {
		return
	}
	if err := a.auth.RevokeToken(r.Context(), principal(r), t.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	a.setFlash(w, r, "admin.done.tokenrevoke")
	http.Redirect(w, r, "/tai-khoan/ma-api", http.StatusSeeOther)
}
