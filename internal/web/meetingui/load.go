package meetingui

import (
	"context"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/web/kit"
)

// What every handler of the feature starts with: who asks, and the
// record the path names as the store lets them see it.

// getter reads one record for a user (meeting.Store.Conference, .Task,
// .Person, emulation.Store.Pledge).
type getter[T any] func(context.Context, *auth.Principal, int64) (T, error)

// load reads the record the path's {id} names for the signed-in user, or
// answers with the sign-in page (a visitor) or the error page.
func load[T any](h *handlers, w http.ResponseWriter, r *http.Request, get getter[T]) (*auth.Principal, T, bool) {
	return loadFor(w, r, h.RequireUser, h.Fail, get)
}

// apiLoad is load for the API: 401 without a token, the API's error body
// otherwise.
func apiLoad[T any](h *handlers, w http.ResponseWriter, r *http.Request, get getter[T]) (*auth.Principal, T, bool) {
	return loadFor(w, r, h.APIUser, h.APIError, get)
}

func loadFor[T any](w http.ResponseWriter, r *http.Request, user func(http.ResponseWriter, *http.Request) (*auth.Principal, bool),
	fail func(http.ResponseWriter, *http.Request, error), get getter[T]) (*auth.Principal, T, bool) {
	var zero T
	p, ok := user(w, r)
	if !ok {
		return nil, zero, false
	}
	id, err := kit.PathID(r, "id")
	if err == nil {
		var v T
		if v, err = get(r.Context(), p, id); err == nil {
			return p, v, true
		}
	}
	fail(w, r, err)
	return nil, zero, false
}

// formUser is RequireUser for a posted form: it reads the form too, and
// answers itself when the form cannot be read.
func (h *handlers) formUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	p, ok := h.RequireUser(w, r)
	if !ok {
		return nil, false
	}
	if err := r.ParseForm(); err != nil {
		h.Fail(w, r, apperr.Invalid("", "form.err.unreadable"))
		return nil, false
	}
	return p, true
}

// unlessAllowed turns the store's answer to "may the user do this?" into
// the error to show: its failure, or a refusal with key when the answer
// is no (nil when it is yes).
//
//	err := unlessAllowed("meeting.err.forbidden_write")(h.meetings.CanWrite(ctx, p, unit))
func unlessAllowed(key string) func(bool, error) error {
	return func(may bool, err error) error {
		if err == nil && !may {
			return apperr.Forbidden(key)
		}
		return err
	}
}

// formStatus is the status of a page shown again with a form's errors:
// 200 when there are none.
func formStatus(formErr error) int {
	if formErr == nil {
		return http.StatusOK
	}
	return kit.Status(formErr)
}
