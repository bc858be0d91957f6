// Package apperr defines danvan's one domain error type: a code that says
// what kind of failure it is (the web layer maps it to an HTTP status) and
// a message that is safe to show a user, in Vietnamese.
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

// Error is a failure with a code and a message for the user. Field names
// the form field the message belongs to, when there is one. Err is the
// cause, logged but never shown.
type Error struct {
	Code    Code
	Message string
	Field   string
	Err     error
}

// Error implements error.
func (e *Error) Error() string {
	var s string
	if e.Field != "" {
		s = fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	} else {
		s = fmt.Sprintf("%s: %s", e.Code, e.Message)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Invalid reports bad input in a form field (field may be empty).
func Invalid(field, msg string) *Error {
	return &Error{Code: CodeInvalid, Field: field, Message: msg}
}

// NotFound reports that something does not exist (or is not visible to
// the user, which must look the same).
func NotFound(msg string) *Error { return &Error{Code: CodeNotFound, Message: msg} }

// Conflict reports a clash with the current state: a duplicate, or a save
// against a stale version.
func Conflict(msg string) *Error { return &Error{Code: CodeConflict, Message: msg} }

// Forbidden reports that the user may not do this.
func Forbidden(msg string) *Error { return &Error{Code: CodeForbidden, Message: msg} }

// Unauthorized reports that the user must sign in.
func Unauthorized(msg string) *Error { return &Error{Code: CodeUnauthorized, Message: msg} }

// Wrap turns an unexpected error into an internal one with a generic
// message; the cause is kept for the log.
func Wrap(err error, msg string) *Error {
	if msg == "" {
		msg = "Đã có lỗi hệ thống. Vui lòng thử lại sau."
	}
	return &Error{Code: CodeInternal, Message: msg, Err: err}
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

// MessageOf returns the message to show a user for err; internal errors
// get a generic message that reveals nothing.
func MessageOf(err error) string {
	if e, ok := As(err); ok && e.Code != CodeInternal {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return "Đã có lỗi hệ thống. Vui lòng thử lại sau."
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

// Add appends an invalid-field error.
func (es *Errors) Add(field, msg string) { *es = append(*es, Invalid(field, msg)) }

// Err returns nil when there are no errors, else es itself.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// As lets errors.As(err, **Error) find the first field error in a list,
// so CodeOf and MessageOf work on Errors too.
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

// Field returns the message for one field, or "".
func (es Errors) Field(name string) string {
	for _, e := range es {
		if e.Field == name {
			return e.Message
		}
	}
	return ""
}
