package unitui

import (
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiUnit is a unit as the API shows it.
type apiUnit struct {
	ID        int64   `json:"id"`
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	ShortName string  `json:"short_name,omitempty"`
	Level     string  `json:"level"`
	Kind      string  `json:"kind"`
	ParentID  *int64  `json:"parent_id"`
	ValidFrom string  `json:"valid_from"`
	ValidTo   *string `json:"valid_to"`
}

func toAPIUnit(u org.Unit) apiUnit {
	a := apiUnit{ID: u.ID, Code: u.Code, Name: u.Name, ShortName: u.ShortName, Level: string(u.Level),
		Kind: string(u.Kind), ValidFrom: u.ValidFrom.Format(time.DateOnly)}
	if u.ParentID != 0 {
		a.ParentID = &u.ParentID
	}
	if !u.ValidTo.IsZero() {
		to := u.ValidTo.Format(time.DateOnly)
		a.ValidTo = &to
	}
	return a
}

func toAPIUnits(us []org.Unit) []apiUnit {
	out := make([]apiUnit, len(us))
	for i, u := range us {
		out[i] = toAPIUnit(u)
	}
	return out
}

// apiListUnits is the tree on a date, limited to the caller's scope: the
// subtrees of the units the caller may read.
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request) {
	p, ok := h.APIUser(w, r)
	if !ok {
		return
	}
	date, err := h.APIDate(r)
	if err != nil {
		h.APIError(w, r, err)
		return
	}
	scope, err := h.Auth.Scope(r.Context(), p, auth.PermRead)
	if err != nil {
		h.APIError(w, r, err)
		return
	}
	var units []org.Unit
	if scope.All {
		units, err = h.Org.Tree(r.Context(), date)
	} else {
		seen := map[int64]bool{}
		for _, root := range scope.Roots {
			sub, serr := h.Org.Subtree(r.Context(), root, date)
			if apperr.CodeOf(serr) == apperr.CodeNotFound {
				continue // the granted unit did not exist on that date
			}
			if serr != nil {
				err = serr
				break
			}
			for _, u := range sub {
				if !seen[u.ID] {
					seen[u.ID] = true
					units = append(units, u)
				}
			}
		}
	}
	if err != nil {
		h.APIError(w, r, err)
		return
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
}

// apiUnitRequest reads the unit id and ?date= of a unit endpoint and
// checks that the caller may read the unit; it answers the error itself.
func (h *handlers) apiUnitRequest(w http.ResponseWriter, r *http.Request) (id int64, date time.Time, ok bool) {
	p, ok := h.APIUser(w, r)
	if !ok {
		return 0, time.Time{}, false
	}
	id, err := kit.PathID(r, "id")
	if err == nil {
		date, err = h.APIDate(r)
	}
	if err == nil {
		err = h.Auth.Require(r.Context(), p, auth.PermRead, id)
	}
	if err != nil {
		h.APIError(w, r, err)
		return 0, time.Time{}, false
	}
	return id, date, true
}

func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request) {
	id, date, ok := h.apiUnitRequest(w, r)
	if !ok {
		return
	}
	u, err := h.Org.Get(r.Context(), id, date)
	if err != nil {
		h.APIError(w, r, err)
		return
	}
	anc, err := h.Org.Ancestors(r.Context(), id, date)
	if err != nil {
		h.APIError(w, r, err)
		return
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"unit": toAPIUnit(u), "ancestors": toAPIUnits(anc)})
}

func (h *handlers) apiSubtree(w http.ResponseWriter, r *http.Request) {
	id, date, ok := h.apiUnitRequest(w, r)
	if !ok {
		return
	}
	units, err := h.Org.Subtree(r.Context(), id, date)
	if err != nil {
		h.APIError(w, r, err)
		return
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
}
