package kit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/vntext"
)

// Cookie names.
const (
	SessionCookie = "danvan_session"
	CSRFCookie    = "danvan_csrf"  // double-submit token for forms shown before sign-in
	FlashCookie   = "danvan_flash" // a catalog key shown once on the next page
)

// MaxRequestBody is the largest body a form may send: the biggest upload
// (evidence files, spreadsheets) with room for the other fields.
const MaxRequestBody = 32 << 20

// FormDay reads a day typed in a form field: ISO from a date picker
// (2020-12-25) or the Vietnamese way (25/12/2020, 25-12-2020). Empty
// gives the zero time and no error; anything else that is not one day
// gives an apperr.Invalid on field.
func FormDay(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if d, err := vntext.ParseDate(s); err == nil && d.EndDay == 0 && d.EndMonth == 0 {
		if t, ok := d.Time(); ok {
			return t, nil
		}
	}
	return time.Time{}, apperr.Invalid(field, "form.err.date")
}

// APIDay reads a day in a JSON field or query parameter: YYYY-MM-DD only.
// Empty gives the zero time and no error.
func APIDay(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, apperr.Invalid(field, "api.err.date")
	}
	return t, nil
}

// PathID reads the positive integer path value name ("id"); anything else
// is a not-found error, as a missing record would be.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.NotFound("err.404")
	}
	return id, nil
}

// FormID reads a positive integer from a form or query value; 0 when it
// is absent or not one.
func FormID(v string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// RequireUser returns the signed-in user; for a visitor it redirects a
// page view to the sign-in page (coming back here afterwards) or answers
// 401 to a form post, and reports false.
func (k *Kit) RequireUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	if p := Principal(r); p != nil {
		return p, true
	}
	if IsSafe(r.Method) {
		http.Redirect(w, r, "/dang-nhap?tiep="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	} else {
		k.Fail(w, r, apperr.Unauthorized("auth.err.sign_in"))
	}
	return nil, false
}

// IsSafe reports whether method changes nothing.
func IsSafe(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}

// SetCookie sets an HttpOnly, SameSite=Lax cookie on the whole site,
// Secure when the request came over TLS (directly or through the proxy).
func (k *Kit) SetCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) {
	c.Path = "/"
	c.HttpOnly = true
	c.SameSite = http.SameSiteLaxMode
	c.Secure = r.TLS != nil || (k.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
	http.SetCookie(w, c)
}

// ClearCookie removes a cookie.
func (k *Kit) ClearCookie(w http.ResponseWriter, r *http.Request, name string) {
	k.SetCookie(w, r, &http.Cookie{Name: name, Value: "", MaxAge: -1})
}

// SetFlash leaves a message (a catalog key) for the next page.
func (k *Kit) SetFlash(w http.ResponseWriter, r *http.Request, key string) {
	k.SetCookie(w, r, &http.Cookie{Name: FlashCookie, Value: key, MaxAge: 300})
}

// warnMark marks a flash that is a warning: done, but not all of it.
const warnMark = "!"

// SetWarning leaves a warning (a catalog key) for the next page: what
// was asked is done only in part ("saved, but the attachment was
// refused"), shown in the warning's colour rather than success's green.
func (k *Kit) SetWarning(w http.ResponseWriter, r *http.Request, key string) {
	k.SetCookie(w, r, &http.Cookie{Name: FlashCookie, Value: warnMark + key, MaxAge: 300})
}

// takeFlash returns the pending message once, translated, and whether it
// is a warning; only catalog keys are honoured, so a forged cookie cannot
// inject text.
func (k *Kit) takeFlash(w http.ResponseWriter, r *http.Request) (string, bool) {
	c, err := r.Cookie(FlashCookie)
	if err != nil || c.Value == "" {
		return "", false
	}
	k.ClearCookie(w, r, FlashCookie)
	key, warn := strings.CutPrefix(c.Value, warnMark)
	if !k.Catalog.Has(key) {
		return "", false
	}
	return k.T(r, key), warn
}

// CSRFToken is the token a form on this page must carry: the session's,
// or before sign-in the double-submit cookie's, given out now if the
// browser has none yet (see WithCSRFIssue).
func CSRFToken(r *http.Request) string {
	if p := Principal(r); p != nil {
		return p.CSRFToken
	}
	if c, err := r.Cookie(CSRFCookie); err == nil && len(c.Value) == CSRFTokenLen {
		return c.Value
	}
	if issue, ok := r.Context().Value(csrfIssueKey{}).(func() string); ok {
		return issue()
	}
	return ""
}

// CSRFTokenLen is the length of a double-submit token (16 random bytes
// in hexadecimal).
const CSRFTokenLen = 32

type csrfIssueKey struct{}

// WithCSRFIssue gives CSRFToken the way to hand an anonymous browser
// its double-submit token (setting the cookie on the response): only a
// page that is rendered asks for one, so a page served as it was kept
// (the public portal) costs no token and sends no cookie.
func WithCSRFIssue(ctx context.Context, issue func() string) context.Context {
	return context.WithValue(ctx, csrfIssueKey{}, issue)
}

// RandomHex returns n random bytes in hexadecimal.
func RandomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
