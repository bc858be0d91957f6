package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// refuseControls refuses, before any handler sees it, a request whose
// query or form (names, values and the names of files sent) holds a
// character no text may hold (see vntext.Control): NUL and escape
// sequences were stored on SQLite and gave a 500 on PostgreSQL. Tab and
// line breaks pass; the domain cleans single-line fields. JSON bodies
// are checked by kit.ReadJSON, files' contents by their readers. It runs
// after csrf, which has parsed the form.
func (s *Server) refuseControls(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		field, c, bad := controlIn(r)
		if !bad {
			next.ServeHTTP(w, r)
			return
		}
		err := apperr.Invalid(field, "form.err.control", fmt.Sprintf("U+%04X", c))
		if strings.HasPrefix(r.URL.Path, "/api/") {
			s.APIError(w, r, err)
			return
		}
		s.Fail(w, r, err)
	})
}

// controlIn returns the first field of r's query or form holding a
// refused character, and the character.
func controlIn(r *http.Request) (string, rune, bool) {
	check := func(vals map[string][]string) (string, rune, bool) {
		for k, vs := range vals {
			if c, bad := vntext.Control(k); bad {
				return "", c, true
			}
			for _, v := range vs {
				if c, bad := vntext.Control(v); bad {
					return k, c, true
				}
			}
		}
		return "", 0, false
	}
	if f, c, bad := check(r.URL.Query()); bad {
		return f, c, true
	}
	if f, c, bad := check(r.PostForm); bad {
		return f, c, true
	}
	if r.MultipartForm != nil {
		for k, fs := range r.MultipartForm.File {
			for _, f := range fs {
				if c, bad := vntext.Control(f.Filename); bad {
					return k, c, true
				}
			}
		}
	}
	return "", 0, false
}
