package committeeui

import (
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiCommittee is a committee in the API.
type apiCommittee struct {
	ID            int64       `json:"id"`
	UnitID        int64       `json:"unit_id"`
	Unit          string      `json:"unit"`
	Name          string      `json:"name"`
	Purpose       string      `json:"purpose"`
	PurposeNote   string      `json:"purpose_note,omitempty"`
	EstablishedOn string      `json:"established_on"`
	DecisionNo    string      `json:"decision_no,omitempty"`
	Members       int         `json:"members"` // on the day asked (today in lists)
	On            string      `json:"on,omitempty"`
	Terms         []apiMember `json:"members_on,omitempty"`
}

// apiMember is a term on a committee.
type apiMember struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Title  string `json:"title,omitempty"`
	UnitID int64  `json:"unit_id"`
	Unit   string `json:"unit"`
	Role   string `json:"role"`
	From   string `json:"from"`
	Until  string `json:"until,omitempty"`
}

func toAPI(c committee.Committee, members int) apiCommittee {
	return apiCommittee{ID: c.ID, UnitID: c.UnitID, Unit: c.UnitName, Name: c.Name, Purpose: string(c.Purpose), PurposeNote: c.PurposeNote,
		EstablishedOn: c.EstablishedOn.Format(time.DateOnly), DecisionNo: c.DecisionNo, Members: members}
}

func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := committee.Filter{UnitID: kit.FormID(r.URL.Query().Get("unit")), Query: r.URL.Query().Get("q")}
	f.Limit, f.Offset = kit.APIPage(r)
	rows, total, err := h.store.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, func(c committee.Row) apiCommittee { return toAPI(c.Committee, c.Members) }))
	return nil
}

// apiShow is a committee with who sat on it on ?on= (today by default).
func (h *handlers) apiShow(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.committee(r, p)
	if err != nil {
		return err
	}
	day := h.Today()
	if s := r.URL.Query().Get("on"); s != "" {
		if day, err = kit.APIDay("on", s); err != nil {
			return err
		}
	}
	ms, err := h.store.Members(r.Context(), p, c.ID, day)
	if err != nil {
		return err
	}
	out := toAPI(c, len(ms))
	out.On = day.Format(time.DateOnly)
	out.Terms = []apiMember{}
	for _, t := range ms {
		m := apiMember{ID: t.ID, Name: t.Name, Title: t.Title, UnitID: t.UnitID, Unit: t.UnitName, Role: string(t.Role), From: t.From.Format(time.DateOnly)}
		if !t.Until.IsZero() {
			m.Until = t.Until.Format(time.DateOnly)
		}
		out.Terms = append(out.Terms, m)
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}
