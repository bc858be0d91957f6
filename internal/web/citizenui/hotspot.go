package citizenui

import (
	"fmt"
	"net/http"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// hotspotsView lists warnings, open or closed.
type hotspotsView struct {
	kit.Page
	Tab   string
	Rows  []citizen.HotSpot
	Pager kit.Pager
	// Province is the province whose rules the user may see (0: none).
	Province int64
}

func (h *handlers) hotspots(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	if _, err := h.cases.Sweep(ctx); err != nil {
		return err
	}
	v := hotspotsView{Tab: r.URL.Query().Get("xem")}
	page, off := kit.PageParams(r, pageSize)
	f := citizen.HotSpotFilter{Limit: pageSize, Offset: off}
	if v.Tab == "da-dong" {
		f.Closed = true
	} else {
		v.Tab, f.Open = "dang-mo", true
	}
	rows, total, err := h.cases.HotSpots(ctx, p, f)
	if err != nil {
		return err
	}
	v.Rows, v.Pager = rows, kit.NewPager(r, page, pageSize, total)
	if v.Province, err = h.province(r, p); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "citizenui.hotspots.title")
	h.tmpl.Render(w, r, http.StatusOK, "hotspot/list", v)
	return nil
}

// province is the province of the user's first readable unit at a
// province's level or below, when the user reads the province itself (0
// otherwise: a commune's officer, the national level).
func (h *handlers) province(r *http.Request, p *auth.Principal) (int64, error) {
	units, err := h.cases.ReadableUnits(r.Context(), p)
	if err != nil {
		return 0, err
	}
	for _, u := range units {
		if ids := u.PathIDs(); len(ids) >= 2 {
			ok, err := h.Auth.CanAny(r.Context(), p, auth.PermRead, ids[1])
			if err != nil || !ok {
				return 0, err
			}
			return ids[1], nil
		}
	}
	return 0, nil
}

type hotspotView struct {
	kit.Page
	H       citizen.HotSpot
	CanLead bool
	Form    string
	Errors  kit.Errors
}

func (h *handlers) hotspotPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, hs citizen.HotSpot, assessment string, formErr error) error {
	v := hotspotView{H: hs, Form: assessment, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.CanLead, err = h.cases.CanLead(r.Context(), p, hs.UnitID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "citizenui.hotspot.title")
	h.tmpl.Render(w, r, formStatus(formErr), "hotspot/show", v)
	return nil
}

func (h *handlers) hotspot(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	hs, err := byPath(r, p, h.cases.HotSpot)
	if err != nil {
		return err
	}
	return h.hotspotPage(w, r, p, hs, "", nil)
}

func (h *handlers) hotspotClose(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	hs, err := byPath(r, p, h.cases.HotSpot)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	a := form.Get("assessment")
	_, err = h.cases.CloseHotSpot(r.Context(), p, hs.ID, a)
	if shown(err) {
		return h.hotspotPage(w, r, p, hs, a, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.closed")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/diem-nong/%d", hs.ID), http.StatusSeeOther)
	return nil
}

// rulesView is a province's rules with the form to tune them.
type rulesView struct {
	kit.Page
	Province org.Unit
	Rules    []ruleRow
	CanLead  bool
	Errors   kit.Errors
}

type ruleRow struct {
	citizen.RuleSetting
	Threshold, Window string // as typed
	HasWindow         bool
}

func (h *handlers) rulesPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, province int64, typed []ruleRow, formErr error) error {
	ctx := r.Context()
	if province == 0 {
		var err error
		if province, err = h.province(r, p); err != nil {
			return err
		}
	}
	rs, err := h.cases.RuleSettings(ctx, p, province)
	if err != nil {
		return err
	}
	u, err := h.Org.Get(ctx, province, h.cases.Today())
	if err != nil {
		return err
	}
	v := rulesView{Province: u, Rules: typed, Errors: h.FormErrors(r, formErr)}
	if v.Rules == nil {
		for _, s := range rs {
			v.Rules = append(v.Rules, ruleRow{RuleSetting: s, Threshold: fmt.Sprint(s.Threshold), Window: fmt.Sprint(s.Window),
				HasWindow: s.Rule == citizen.RuleRepeat || s.Rule == citizen.RuleMediation})
		}
	}
	if v.CanLead, err = h.cases.CanLead(ctx, p, province); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "citizenui.rules.title")
	h.tmpl.Render(w, r, formStatus(formErr), "hotspot/rules", v)
	return nil
}

func (h *handlers) rules(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.rulesPage(w, r, p, kit.FormID(r.URL.Query().Get("tinh")), nil, nil)
}

func (h *handlers) rulesSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	province := kit.FormID(form.Get("province"))
	var rs []citizen.RuleSetting
	var typed []ruleRow
	for _, rule := range citizen.Rules {
		s := citizen.RuleSetting{Rule: rule, Enabled: form.Get("on."+string(rule)) != "",
			Threshold: atoi(form.Get("threshold." + string(rule))), Window: atoi(form.Get("window." + string(rule)))}
		hasWindow := rule == citizen.RuleRepeat || rule == citizen.RuleMediation
		if !hasWindow {
			s.Window = 0
		}
		rs = append(rs, s)
		typed = append(typed, ruleRow{RuleSetting: s, Threshold: form.Get("threshold." + string(rule)),
			Window: form.Get("window." + string(rule)), HasWindow: hasWindow})
	}
	err = h.cases.SaveRules(r.Context(), p, province, rs)
	if shown(err) {
		return h.rulesPage(w, r, p, province, typed, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.rules")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/diem-nong/quy-tac?tinh=%d", province), http.StatusSeeOther)
	return nil
}
