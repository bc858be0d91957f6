package meetingui

import (
	"context"
	"net/http"
	"net/url"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/web/kit"
)

// What the feature's handlers share besides the kit's opening (Signed,
// API): the record the path names as the store lets the user see it, the
// posted form, and the store's answer to "may I?".

// getter reads one record for a user (meeting.Store.Conference, .Task,
// .Person, emulation.Store.Pledge).
type getter[T any] func(context.Context, *auth.Principal, int64) (T, error)

// byPath reads the record the path's {id} names, as p may see it.
func byPath[T any](r *http.Request, p *auth.Principal, get getter[T]) (T, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		var zero T
		return zero, err
	}
	return get(r.Context(), p, id)
}

// postedForm is the posted form (the middleware has read it already, to
// check its token); one that cannot be read is refused.
func postedForm(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, apperr.Invalid("", "form.err.unreadable")
	}
	return r.PostForm, nil
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
