package unitui

import (
	"net/http"
	"time"

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

// apiListUnits is the tree on a date, limited to the caller's scope (see
// auth.Store.ReadableTree).
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	date, err := h.APIDate(r)
	if err != nil {
		return err
	}
	units, err := h.Auth.ReadableTree(r.Context(), p, date)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
	return nil
}

// apiUnitRequest reads the unit id and ?date= of a unit endpoint.
func (h *handlers) apiUnitRequest(r *http.Request) (id int64, date time.Time, err error) {
	if id, err = kit.PathID(r, "id"); err != nil {
		return 0, time.Time{}, err
	}
	date, err = h.APIDate(r)
	return id, date, err
}

func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, date, err := h.apiUnitRequest(r)
	if err != nil {
		return err
	}
	u, anc, err := h.Auth.ReadableUnit(r.Context(), p, id, date)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"unit": toAPIUnit(u), "ancestors": toAPIUnits(anc)})
	return nil
}

func (h *handlers) apiSubtree(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, date, err := h.apiUnitRequest(r)
	if err != nil {
		return err
	}
	units, err := h.Auth.ReadableSubtree(r.Context(), p, id, date)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
	return nil
}
