package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// adminHandlers serves the administration pages (see adminRoutes).
type adminHandlers struct {
	*Server
}

// requireAdmin lets through a signed-in user holding an admin grant
// somewhere; the handler then checks the unit or account at hand.
func (a *adminHandlers) requireAdmin(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	p, ok := a.requireUser(w, r)
	if !ok {
		return nil, false
	}
	if len(auth.ScopeRoots(p, auth.PermAdmin)) == 0 {
		a.fail(w, r, apperr.Forbidden(translate(LangVI, "admin.err.notadmin")))
		return nil, false
	}
	return p, true
}

// canAdmin reports whether p administers unit id (false for an unknown
// unit).
func (a *adminHandlers) canAdmin(r *http.Request, p *auth.Principal, id int64) (bool, error) {
	ok, err := a.auth.Can(r.Context(), p, auth.PermAdmin, id)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return false, nil
	}
	return ok, err
}

// adminPathID reads a positive integer path value; 0 when it is not one.
func adminPathID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// adminInt reads a positive integer form value; 0 when absent or bad.
func adminInt(v string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// adminDay reads a date typed as dd/mm/yyyy (or any form vntext reads) or
// sent by a date picker as yyyy-mm-dd.
func adminDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if d, err := vntext.ParseDate(s); err == nil && d.EndDay == 0 && d.EndMonth == 0 {
		if t, ok := d.Time(); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// pickable filters units to the living ones p administers, without the
// excluded ids and without duplicates.
func (a *adminHandlers) pickable(r *http.Request, p *auth.Principal, us []org.Unit, exclude ...int64) ([]org.Unit, error) {
	seen := map[int64]bool{}
	for _, id := range exclude {
		seen[id] = true
	}
	var out []org.Unit
	for _, u := range us {
		if seen[u.ID] || !u.Active() {
			continue
		}
		seen[u.ID] = true
		ok, err := a.canAdmin(r, p, u.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}

// scopeUnits returns today's units at the top of p's admin scope.
func (a *adminHandlers) scopeUnits(r *http.Request, p *auth.Principal) ([]org.Unit, error) {
	var out []org.Unit
	for _, id := range auth.ScopeRoots(p, auth.PermAdmin) {
		u, err := a.org.Get(r.Context(), id, a.today())
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// searchPickable searches today's units by name and keeps those p
// administers.
func (a *adminHandlers) searchPickable(r *http.Request, p *auth.Principal, q string, exclude ...int64) ([]org.Unit, error) {
	if strings.TrimSpace(q) == "" {
		return nil, nil
	}
	res, err := a.org.SearchByName(r.Context(), q, a.today(), 40)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return a.pickable(r, p, res, exclude...)
}

// adminFormStatus is the status of a form shown again for a domain
// error: its own, except that a unit named in the form and not found is
// a bad form (400), not a missing page.
func adminFormStatus(err error) int {
	st := statusOf(err)
	if st == http.StatusNotFound {
		return http.StatusBadRequest
	}
	return st
}
