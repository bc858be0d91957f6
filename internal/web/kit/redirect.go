package kit

import (
	"net/url"
	"strings"
)

// maxNext bounds a redirect target taken from a request.
const maxNext = 2048

// SafeNext keeps a redirect after sign-in on this site: next is returned
// only when it is a path of this site, else "/". A path of this site has
// one leading slash and is not read by any browser as another host, even
// after it decodes it: no "//" or "/\" at its start, no backslash and no
// control character or space anywhere (browsers drop tabs and newlines,
// so "/\t/host" would become "//host"), no scheme, host or user, in the
// text as sent and after percent-decoding it (up to three times).
func SafeNext(next string) string {
	if !safePath(next) {
		return "/"
	}
	return next
}

// safePath reports whether s is a same-site path by SafeNext's rules.
func safePath(s string) bool {
	if s == "" || len(s) > maxNext {
		return false
	}
	for i := range 4 {
		if !safeOnce(s, i == 0) {
			return false
		}
		dec, err := url.PathUnescape(s)
		if err != nil {
			// Not valid percent-encoding: decode what can be, the way a
			// lenient browser or proxy might, by the query rules.
			if dec, err = url.QueryUnescape(s); err != nil {
				return false
			}
		}
		if dec == s {
			return true
		}
		s = dec
	}
	return false // still changing after three decodings: refuse
}

// safeOnce checks one form of the target; a space is refused only as
// sent (decoded, "%20" is a space inside a path).
func safeOnce(s string, sent bool) bool {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return false
	}
	for _, c := range s {
		if c < ' ' || (sent && c == ' ') || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' {
			return false
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return false
	}
	return strings.HasPrefix(u.Path, "/") || u.Path == ""
}
