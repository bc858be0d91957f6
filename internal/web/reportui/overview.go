package reportui

import (
	"net/http"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// The reports page: the reader's units with the state of their report,
// and the notifications of the workflow.

type indexView struct {
	kit.Page
	Units         []report.OverviewUnit
	Notifications []report.Notification
	Period        vntext.Period
}

func (h *handlers) index(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v := indexView{Period: h.currentHalf()}
	var err error
	if v.Units, err = h.store.Overview(r.Context(), p, v.Period); err != nil {
		return err
	}
	if v.Notifications, err = h.store.Notifications(r.Context(), p, 10); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "report.index.title")
	h.tmpl.Render(w, r, http.StatusOK, "index", v)
	return nil
}

// The indicator catalogue, by field (public).

type indicatorsView struct {
	kit.Page
	Groups []indicatorGroup
}

type indicatorGroup struct {
	Field      string
	Indicators []report.Indicator
}

func (h *handlers) indicators(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	inds, err := h.store.Indicators(r.Context())
	if err != nil {
		return err
	}
	v := indicatorsView{Page: h.Page(w, r, "report.ind.title")}
	for _, f := range report.Fields {
		g := indicatorGroup{Field: f}
		for _, i := range inds {
			if i.Field == f {
				g.Indicators = append(g.Indicators, i)
			}
		}
		if len(g.Indicators) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	h.tmpl.Render(w, r, http.StatusOK, "indicators", v)
	return nil
}
