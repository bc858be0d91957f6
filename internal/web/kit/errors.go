package kit

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
)

// Status maps a domain error's code to an HTTP status.
func Status(err error) int {
	switch apperr.CodeOf(err) {
	case apperr.CodeInvalid:
		return http.StatusBadRequest
	case apperr.CodeNotFound:
		return http.StatusNotFound
	case apperr.CodeConflict:
		return http.StatusConflict
	case apperr.CodeForbidden:
		return http.StatusForbidden
	case apperr.CodeUnauthorized:
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}

// IsInternal reports whether err is a failure of the system rather than
// of the request (it is logged and shown as a generic message).
func IsInternal(err error) bool { return Status(err) == http.StatusInternalServerError }

// Message translates the user-facing message of err into the request's
// language; internal errors give the generic message.
func (k *Kit) Message(r *http.Request, err error) string {
	key, args := apperr.KeyOf(err)
	if key == "" {
		return ""
	}
	return k.Catalog.T(Lang(r), key, args...)
}

// LogError logs an internal error with what identifies the request: its
// id, route, method and path, and the user.
func (k *Kit) LogError(r *http.Request, msg string, err error) {
	attrs := []slog.Attr{
		slog.String("request_id", RequestID(r.Context())),
		slog.String("route", r.Pattern),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Any("err", err),
	}
	if p := Principal(r); p != nil {
		attrs = append(attrs, slog.Int64("user_id", p.User.ID), slog.String("login", p.User.Login))
	}
	k.Log.LogAttrs(r.Context(), slog.LevelError, msg, attrs...)
}

// errorView is the view of the error page.
type errorView struct {
	Page
	Status    int
	Message   string
	RequestID string
}

// Fail renders the error page for err: the domain message for known
// codes; for internal errors a generic message and the request id (which
// the log line carries too), so a user can quote it. A refusal (403) is
// audited (auditRefusal).
func (k *Kit) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status := Status(err)
	switch status {
	case http.StatusInternalServerError:
		k.LogError(r, "internal error", err)
	case http.StatusForbidden:
		k.auditRefusal(r, err)
	}
	k.ErrorPage(w, r, status, k.Message(r, err))
}

// ErrorPage renders the error page with status and a message already in
// the request's language.
func (k *Kit) ErrorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	v := errorView{Page: k.Page(w, r, "err.title"), Status: status, Message: msg, RequestID: RequestID(r.Context())}
	k.base.Render(w, r, status, "error", v)
}

// NotFound renders the 404 page.
func (k *Kit) NotFound(w http.ResponseWriter, r *http.Request) {
	k.ErrorPage(w, r, http.StatusNotFound, k.T(r, "err.404"))
}

// ServerError is for failures of the web layer itself (a broken
// template); it must not render a template again.
func (k *Kit) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	k.LogError(r, "server error", err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, k.T(r, "err.500"))
	if id := RequestID(r.Context()); id != "" {
		fmt.Fprintln(w, k.T(r, "err.code")+": "+id)
	}
}

// Errors are a form's validation errors, translated: the message for each
// field ("" for the form as a whole). Templates ask {{.Errors.Field "x"}}.
type Errors []FieldError

// FieldError is one translated message on one field.
type FieldError struct {
	Field, Message string
}

// Field returns the message for one field, or "".
func (es Errors) Field(name string) string {
	for _, e := range es {
		if e.Field == name {
			return e.Message
		}
	}
	return ""
}

// Any reports whether there is any error.
func (es Errors) Any() bool { return len(es) > 0 }

// FormErrors translates a validation error for a form: every field error
// of an apperr.Errors, or the one error (on its field, or on the whole
// form). An internal error becomes the generic message on the form.
func (k *Kit) FormErrors(r *http.Request, err error) Errors {
	if err == nil {
		return nil
	}
	lang := Lang(r)
	var es apperr.Errors
	if errors.As(err, &es) {
		out := make(Errors, 0, len(es))
		for _, e := range es {
			out = append(out, FieldError{Field: e.Field, Message: k.Catalog.T(lang, e.Key, e.Args...)})
		}
		return out
	}
	if e, ok := apperr.As(err); ok && e.Code != apperr.CodeInternal {
		return Errors{{Field: e.Field, Message: k.Catalog.T(lang, e.Key, e.Args...)}}
	}
	return Errors{{Message: k.Catalog.T(lang, apperr.InternalKey)}}
}

// Add appends a translated message on a field.
func (k *Kit) Add(r *http.Request, es *Errors, field, key string, args ...any) {
	*es = append(*es, FieldError{Field: field, Message: k.Catalog.T(Lang(r), key, args...)})
}
