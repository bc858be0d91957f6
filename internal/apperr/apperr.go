// Package apperr defines danvan's one domain error type: a code that says
// what kind of failure it is (the web layer maps it to an HTTP status) and
// a message safe to show a user, as a catalog key with arguments (package
// i18n) that the web layer translates into the user's language.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an error.
type Code string

// The error codes.
const (
	CodeInvalid      Code = "invalid"
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeForbidden    Code = "forbidden"
	CodeUnauthorized Code = "unauthorized"
	CodeInternal     Code = "internal"
)

// Error is a failure with a code and a message for the user: Key is its
// catalog key and Args the arguments the message takes. Field names the
// form field the message belongs to, when there is one. Err is the cause,
// logged but never shown.
type Error struct {
	Code  Code
	Key   string
	Args  []any
	Field string
	Err   error
}

// InternalKey is the catalog key of the message every internal error
// shows: it reveals nothing of the cause.
const InternalKey = "err.internal"

// Error implements error (for logs: the key and arguments, untranslated).
func (e *Error) Error() string {
	msg := e.Key
	if len(e.Args) > 0 {
		msg += fmt.Sprint(e.Args)
	}
	var s string
	if e.Field != "" {
		s = fmt.Sprintf("%s: %s: %s", e.Code, e.Field, msg)
	} else {
		s = fmt.Sprintf("%s: %s", e.Code, msg)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Invalid reports bad input in a form field (field may be empty); key is
// the message's catalog key and args its arguments.
func Invalid(field, key string, args ...any) *Error {
	return &Error{Code: CodeInvalid, Field: field, Key: key, Args: args}
}

// NotFound reports that something does not exist (or is not visible to
// the user, which must look the same).
func NotFound(key string, args ...any) *Error {
	return &Error{Code: CodeNotFound, Key: key, Args: args}
}

// Conflict reports a clash with the current state: a duplicate, or a save
// against a stale version.
func Conflict(key string, args ...any) *Error {
	return &Error{Code: CodeConflict, Key: key, Args: args}
}

// Forbidden reports that the user may not do this.
func Forbidden(key string, args ...any) *Error {
	return &Error{Code: CodeForbidden, Key: key, Args: args}
}

// Unauthorized reports that the user must sign in.
func Unauthorized(key string, args ...any) *Error {
	return &Error{Code: CodeUnauthorized, Key: key, Args: args}
}

// Wrap turns an unexpected error into an internal one; what the user sees
// is the generic InternalKey message, the cause and context go to the log.
func Wrap(err error, context string) *Error {
	return &Error{Code: CodeInternal, Key: InternalKey, Err: fmt.Errorf("%s: %w", context, err)}
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// CodeOf returns err's code: CodeInternal for errors that are not *Error,
// "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	if e, ok := As(err); ok {
		return e.Code
	}
	return CodeInternal
}

// KeyOf returns the catalog key and arguments of the message to show a
// user for err; internal errors get InternalKey, which reveals nothing.
// It returns "" for nil.
func KeyOf(err error) (string, []any) {
	if err == nil {
		return "", nil
	}
	if e, ok := As(err); ok && e.Code != CodeInternal {
		return e.Key, e.Args
	}
	return InternalKey, nil
}

// Errors collects several field errors from one validation, so that a form
// can show every problem at once. It is itself an error (CodeInvalid).
type Errors []*Error

// Error implements error.
func (es Errors) Error() string {
	s := ""
	for i, e := range es {
		if i > 0 {
			s += "; "
		}
		s += e.Error()
	}
	return s
}

// Add appends an invalid-field error with the message key and its
// arguments.
func (es *Errors) Add(field, key string, args ...any) {
	*es = append(*es, Invalid(field, key, args...))
}

// Err returns nil when there are no errors, else es itself.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// As lets errors.As(err, **Error) find the first field error in a list,
// so CodeOf and KeyOf work on Errors too.
func (es Errors) As(target any) bool {
	if len(es) == 0 {
		return false
	}
	if p, ok := target.(**Error); ok {
		*p = es[0]
		return true
	}
	return false
}

// Field returns the first error on one field, or nil.
func (es Errors) Field(name string) *Error {
	for _, e := range es {
		if e.Field == name {
			return e
		}
	}
	return nil
}
