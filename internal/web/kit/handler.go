package kit

import (
	"net/http"

	"github.com/danvan/danvan/internal/auth"
)

// Handler is a handler of a signed-in user (or an API token's owner)
// that returns its failure instead of answering it: the one shape of
// every handler that needs a user. Serve it with Signed (pages) or API.
type Handler func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error

// Signed serves a page to a signed-in user: a visitor is sent to sign in
// (or, posting a form, answered 401), and the handler's error is shown as
// the error page.
func (k *Kit) Signed(h Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := k.RequireUser(w, r)
		if !ok {
			return
		}
		joinPeriods(r)
		if err := h(w, r, p); err != nil {
			k.Fail(w, r, err)
		}
	}
}

// API serves an API endpoint to a token's owner (401 without one) and
// answers the handler's error as the API's error body.
func (k *Kit) API(h Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := k.APIUser(w, r)
		if !ok {
			return
		}
		if err := h(w, r, p); err != nil {
			k.APIError(w, r, err)
		}
	}
}

// Public serves a page anyone may see, signed in or not (p is nil for a
// visitor), showing the handler's error as the error page.
func (k *Kit) Public(h Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		joinPeriods(r)
		if err := h(w, r, Principal(r)); err != nil {
			k.Fail(w, r, err)
		}
	}
}
