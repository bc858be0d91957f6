package webtest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Probe is one request an out-of-scope walk sends to a route.
type Probe struct {
	// Values fill the route's wildcards, as Fill takes them ("id", "7").
	Values []string
	Query  string
	// Form is a page's POST body; with File it is the multipart form's
	// fields.
	Form url.Values
	File *File
	// JSON is an API call's body (nil for none).
	JSON any
}

// Walk is what WalkOutOfScope checks: every route of a feature called by
// each of Logins about records they may not see.
type Walk struct {
	Routes []string           // the feature's routes, as Routes lists them
	Probes map[string][]Probe // by route pattern; at least one for each route
	// Logins are the outsiders; "" is a visitor who has not signed in.
	Logins []string
	// Secrets are words of the records that no answer may show.
	Secrets []string
	// Skip names the tables a refused request may still change
	// (sessions, the audit log's refusals, ...).
	Skip []string
}

// WalkOutOfScope sends every probe of w as every login of w: a signed-in
// outsider must be refused (4xx) or answered 200 with none of the
// secrets, never another success or a redirect, never a 5xx; a visitor
// must be sent to sign in or refused. Whatever was refused must leave
// the database as it was but for w.Skip. A route without a probe, or a
// probe for a route the feature does not mount, fails the test.
func (s *Site) WalkOutOfScope(w Walk) {
	t := s.T
	t.Helper()
	for pattern := range w.Probes {
		if !slices.Contains(w.Routes, pattern) {
			t.Errorf("a probe for %s, which the feature does not mount", pattern)
		}
	}
	for _, login := range w.Logins {
		var c *Client
		token, who := "", "a visitor"
		if login == "" {
			c = s.Anon()
		} else {
			c, token, who = s.As(login), s.Token(login), login
		}
		before := s.Snapshot(w.Skip...)
		for _, pattern := range w.Routes {
			probes := w.Probes[pattern]
			if len(probes) == 0 {
				t.Errorf("no probe for route %s", pattern)
			}
			for _, pr := range probes {
				method, path := s.Fill(pattern, pr.Values...)
				if pr.Query != "" {
					path += "?" + pr.Query
				}
				api := strings.HasPrefix(path, "/api/")
				var res *http.Response
				switch {
				case api:
					res = s.APIResponse(method, path, token, pr.JSON)
				case pr.File != nil:
					if login == "" {
						continue // a visitor has no form token to send with a file
					}
					fields := map[string]string{}
					for k := range pr.Form {
						fields[k] = pr.Form.Get(k)
					}
					res = c.PostMultipart(path, fields, *pr.File)
				case method == http.MethodPost:
					form := url.Values{}
					for k, v := range pr.Form {
						form[k] = v
					}
					res = c.Post(path, form)
				default:
					res = c.Get(path)
				}
				body := Body(t, res)
				code := res.StatusCode
				switch {
				case code >= 500:
					t.Errorf("%s %s %s = %d", who, method, path, code)
				case login == "" && code != http.StatusSeeOther && code != http.StatusUnauthorized && code != http.StatusForbidden:
					t.Errorf("%s %s %s = %d, want to be sent to sign in or refused", who, method, path, code)
				case login != "" && code >= 200 && code < 400 && code != http.StatusOK:
					t.Errorf("%s %s %s = %d: not refused", who, method, path, code)
				case code == http.StatusOK:
					for _, secret := range w.Secrets {
						if strings.Contains(body, secret) {
							t.Errorf("%s %s %s shows %q", who, method, path, secret)
						}
					}
				}
			}
		}
		s.Unchanged(who+"'s refused requests", before, w.Skip...)
	}
}
