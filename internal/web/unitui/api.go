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
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	date, err := h.APIDate(r)
	if err != nil {
		return err
	}
	scope, err := h.Auth.Scope(r.Context(), p, auth.PermRead)
	if err != nil {
		return err
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
		return err
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
	return nil
}

// apiUnitRequest reads the unit id and ?date= of a unit endpoint and
// checks that the caller may read the unit.
func (h *handlers) apiUnitRequest(r *http.Request, p *auth.Principal) (id int64, date time.Time, err error) {
	if id, err = kit.PathID(r, "id"); err != nil {
		return 0, time.Time{}, err
	}
	if date, err = h.APIDate(r); err != nil {
		return 0, time.Time{}, err
	}
	return id, date, h.Auth.Require(r.Context(), p, auth.PermRead, id)
}

func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, date, err := h.apiUnitRequest(r, p)
	if err != nil {
		return err
	}
	u, err := h.Org.Get(r.Context(), id, date)
	if err != nil {
		return err
	}
	anc, err := h.Org.Ancestors(r.Context(), id, date)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"unit": toAPIUnit(u), "ancestors": toAPIUnits(anc)})
	return nil
}

func (h *handlers) apiSubtree(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, date, err := h.apiUnitRequest(r, p)
	if err != nil {
		return err
	}
	units, err := h.Org.Subtree(r.Context(), id, date)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
	return nil
}
