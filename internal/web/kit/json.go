package kit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/vntext"
)

// The JSON API under /api/v1: bearer tokens only (no cookies), errors as
// {"error": {"code": "...", "message": "...", "field": "..."}}.

// APIErrorBody is the one shape of every API error.
type APIErrorBody struct {
	Error APIErrorDetail `json:"error"`
}

// APIErrorDetail says what went wrong: a code from apperr, a message in
// the request's language (Vietnamese unless ?lang=en) and the field it
// is about, if any; a refused input with several field errors lists them
// all in Fields (the first is also Message and Field).
type APIErrorDetail struct {
	Code    string          `json:"code"`
	Message string          `json:"message"`
	Field   string          `json:"field,omitempty"`
	Fields  []APIFieldError `json:"fields,omitempty"`
}

// APIFieldError is one field's error in a refused input.
type APIFieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// MaxJSONBody is the largest JSON request body the API reads.
const MaxJSONBody = 1 << 20

// JSON encodes v into a buffer first, so an encoding error never sends
// half a body.
func (k *Kit) JSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		k.LogError(r, "encode json", err)
		status = http.StatusInternalServerError
		buf.Reset()
		enc.Encode(APIErrorBody{Error: APIErrorDetail{Code: string(apperr.CodeInternal), Message: k.T(r, apperr.InternalKey)}})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// APIError answers err as the API's error body with the status its code
// maps to; internal errors are logged and say nothing of their cause;
// refusals (403) are audited (auditRefusal).
func (k *Kit) APIError(w http.ResponseWriter, r *http.Request, err error) {
	status := Status(err)
	code := apperr.CodeOf(err)
	switch status {
	case http.StatusInternalServerError:
		k.LogError(r, "internal error", err)
		code = apperr.CodeInternal
	case http.StatusForbidden:
		k.auditRefusal(r, err)
	}
	d := APIErrorDetail{Code: string(code), Message: k.Message(r, err)}
	if e, ok := apperr.As(err); ok && code != apperr.CodeInternal {
		d.Field = e.Field
	}
	var es apperr.Errors
	if errors.As(err, &es) && len(es) > 1 {
		for _, fe := range k.FormErrors(r, es) {
			d.Fields = append(d.Fields, APIFieldError(fe))
		}
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="danvan"`)
	}
	k.JSON(w, r, status, APIErrorBody{Error: d})
}

// jsonControl returns the first character of a JSON text's strings that
// vntext.Control refuses: escaped (\u0000, \u001b, \b, \f) or raw (invalid
// JSON, which the decoder refuses anyway, or a C1 control or DEL).
func jsonControl(raw []byte) (rune, bool) {
	if c, bad := vntext.Control(string(raw)); bad {
		return c, true
	}
	for i := 0; i+1 < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			return '\b', true
		case 'f':
			return '\f', true
		case 'u':
			if i+4 < len(raw) {
				if n, err := strconv.ParseUint(string(raw[i+1:i+5]), 16, 32); err == nil && vntext.IsControl(rune(n)) {
					return rune(n), true
				}
			}
		}
	}
	return 0, false
}

// APIUser returns the caller of an API request, answering 401 itself when
// there is none.
func (k *Kit) APIUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	if p := Principal(r); p != nil {
		return p, true
	}
	k.APIError(w, r, apperr.Unauthorized("api.err.token_needed"))
	return nil, false
}

// ReadJSON decodes the request body into v: at most limit bytes
// (MaxJSONBody when limit is 0), one JSON value, no unknown fields. Its
// errors are apperr.Invalid with a message for the caller.
func ReadJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if limit <= 0 {
		limit = MaxJSONBody
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return apperr.Invalid("", "api.err.body_large", limit)
		}
		return apperr.Invalid("", "api.err.json_bad")
	}
	// A string may not hold a control character (see vntext.Control),
	// written raw or escaped.
	if c, bad := jsonControl(raw); bad {
		return apperr.Invalid("", "form.err.control", fmt.Sprintf("U+%04X", c))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooBig):
			return apperr.Invalid("", "api.err.body_large", limit)
		case errors.Is(err, io.EOF):
			return apperr.Invalid("", "api.err.body_empty")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return apperr.Invalid("", "api.err.json_cut")
		case errors.As(err, &syntax):
			return apperr.Invalid("", "api.err.json_syntax", syntax.Offset)
		case errors.As(err, &typ):
			return apperr.Invalid(typ.Field, "api.err.json_type", typ.Field)
		}
		if field, ok := unknownField(err); ok {
			return apperr.Invalid(field, "api.err.json_unknown", field)
		}
		return apperr.Invalid("", "api.err.json_bad")
	}
	if dec.More() {
		return apperr.Invalid("", "api.err.json_trailing")
	}
	return nil
}

// unknownField reads the field name from encoding/json's error for a
// field the target does not have.
func unknownField(err error) (string, bool) {
	const prefix = `json: unknown field "`
	s := err.Error()
	if len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix) : len(s)-1], true
	}
	return "", false
}

// APIDate reads ?date=YYYY-MM-DD, today when absent.
func (k *Kit) APIDate(r *http.Request) (time.Time, error) {
	v := r.URL.Query().Get("date")
	if v == "" {
		return k.Today(), nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, apperr.Invalid("date", "api.err.date")
	}
	return t, nil
}
