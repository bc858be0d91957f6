package campaignui

import (
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiCampaign is a campaign in the API.
type apiCampaign struct {
	ID               int64     `json:"id"`
	UnitID           int64     `json:"unit_id"`
	Unit             string    `json:"unit"`
	Kind             string    `json:"kind"`
	Name             string    `json:"name"`
	StartsOn         string    `json:"starts_on"`
	EndsOn           string    `json:"ends_on,omitempty"`
	Target           int64     `json:"target"`
	CountsHouseholds bool      `json:"counts_households"`
	Description      string    `json:"description,omitempty"`
	Units            []apiUnit `json:"units"`
	Version          int64     `json:"version"`
}

type apiUnit struct {
	ID   int64  `json:"id"`
	Name string `json:"name,omitempty"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toAPI(c campaign.Campaign) apiCampaign {
	out := apiCampaign{ID: c.ID, UnitID: c.UnitID, Unit: c.UnitName, Kind: string(c.Kind), Name: c.Name, StartsOn: day(c.StartsOn),
		EndsOn: day(c.EndsOn), Target: c.Target, CountsHouseholds: c.CountsHouseholds, Description: c.Description, Units: []apiUnit{}, Version: c.Version}
	for _, u := range c.Units {
		out.Units = append(out.Units, apiUnit{ID: u.ID, Name: u.Name})
	}
	return out
}

// apiList: GET /api/v1/campaigns?unit=&kind=&q=&limit=&offset=
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := campaign.Filter{UnitID: kit.FormID(q.Get("unit")), Kind: campaign.Kind(q.Get("kind")), Query: q.Get("q")}
	f.Limit, f.Offset = kit.APIPage(r)
	rows, total, err := h.store.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, toAPI))
	return nil
}

// apiCreateBody is a new campaign.
type apiCreateBody struct {
	UnitID           int64   `json:"unit_id"`
	Kind             string  `json:"kind"`
	Name             string  `json:"name"`
	StartsOn         string  `json:"starts_on"`
	EndsOn           string  `json:"ends_on"`
	Target           int64   `json:"target"`
	CountsHouseholds bool    `json:"counts_households"`
	Description      string  `json:"description"`
	Units            []int64 `json:"units"`
}

// apiCreate: POST /api/v1/campaigns
func (h *handlers) apiCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var b apiCreateBody
	if err := kit.ReadJSON(w, r, 1<<20, &b); err != nil {
		return err
	}
	c := campaign.Campaign{UnitID: b.UnitID, Kind: campaign.Kind(b.Kind), Name: b.Name, Target: b.Target, CountsHouseholds: b.CountsHouseholds, Description: b.Description}
	var err error
	if c.StartsOn, err = kit.APIDay("starts_on", b.StartsOn); err != nil {
		return err
	}
	if b.EndsOn != "" {
		if c.EndsOn, err = kit.APIDay("ends_on", b.EndsOn); err != nil {
			return err
		}
	}
	for _, id := range b.Units {
		c.Units = append(c.Units, campaign.Unit{ID: id})
	}
	out, err := h.store.Create(r.Context(), p, c)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusCreated, toAPI(out))
	return nil
}

// apiGet: GET /api/v1/campaigns/{id}
func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Get(r.Context(), p, id)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPI(c))
	return nil
}

type apiTotals struct {
	UnitID     int64   `json:"unit_id"`
	Money      float64 `json:"money"`
	InKind     float64 `json:"in_kind"`
	Households float64 `json:"households"`
}

type apiRollup struct {
	apiTotals
	View     string      `json:"view"`
	Period   string      `json:"period,omitempty"`
	Children []apiTotals `json:"children"`
}

// apiRollup: GET /api/v1/campaigns/{id}/rollup?unit=&period=&view=mapped
func (h *handlers) apiRollup(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	query := campaign.Query{CampaignID: id, UnitID: kit.FormID(q.Get("unit")), Mapped: q.Get("view") == "mapped"}
	switch q.Get("view") {
	case "", "reported", "mapped":
	default:
		return apperr.Invalid("view", "campaignui.err.view")
	}
	if query.UnitID == 0 {
		c, err := h.store.Get(r.Context(), p, id)
		if err != nil {
			return err
		}
		query.UnitID = c.UnitID
	}
	if code := q.Get("period"); code != "" {
		if query.Period, err = vntext.ParsePeriod(code); err != nil {
			return apperr.Invalid("period", "campaign.err.period")
		}
	}
	total, kids, err := h.store.Rollup(r.Context(), p, query)
	if err != nil {
		return err
	}
	out := apiRollup{apiTotals: apiTotals{UnitID: query.UnitID, Money: total.Money, InKind: total.InKind, Households: total.Households},
		View: "reported", Period: q.Get("period"), Children: []apiTotals{}}
	if query.Mapped {
		out.View = "mapped"
	}
	for _, k := range mapKeys(kids) {
		t := kids[k]
		out.Children = append(out.Children, apiTotals{UnitID: k, Money: t.Money, InKind: t.InKind, Households: t.Households})
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}

type apiContribution struct {
	ID         int64  `json:"id"`
	UnitID     int64  `json:"unit_id"`
	Period     string `json:"period"`
	Money      int64  `json:"money"`
	InKind     int64  `json:"in_kind"`
	Households int64  `json:"households"`
	Note       string `json:"note,omitempty"`
	Version    int64  `json:"version"`
}

// apiContribute: POST /api/v1/campaigns/{id}/contributions
func (h *handlers) apiContribute(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var b apiContribution
	if err := kit.ReadJSON(w, r, 1<<16, &b); err != nil {
		return err
	}
	per, err := vntext.ParsePeriod(b.Period)
	if err != nil {
		return apperr.Invalid("period", "campaign.err.period")
	}
	k, err := h.store.Record(r.Context(), p, campaign.Contribution{CampaignID: id, UnitID: b.UnitID, Period: per, Money: b.Money,
		InKind: b.InKind, Households: b.Households, Note: b.Note, Version: b.Version})
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, apiContribution{ID: k.ID, UnitID: k.UnitID, Period: k.Period.String(), Money: k.Money, InKind: k.InKind,
		Households: k.Households, Note: k.Note, Version: k.Version})
	return nil
}
