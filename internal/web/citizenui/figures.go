package citizenui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// figuresView shows the report's indicators counted from the cases of a
// unit in a period, where each number came from, and the form that fills
// them into the report draft (a corrected value needs a reason; both are
// kept).
type figuresView struct {
	kit.Page
	UnitID   int64
	Units    []unitChoice
	Period   string
	Figures  []citizen.Figure
	Values   map[string]string
	Notes    map[string]string
	CanWrite bool
	Errors   kit.Errors
	Report   int64 // the report filled, after a fill
}

// number writes a figure the Vietnamese way.
func number(f float64) string { return vntext.FormatNumber(f, 0) }

func (h *handlers) figuresPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, unit int64, period string, typed url.Values, formErr error) error {
	ctx := r.Context()
	units, err := h.cases.ReadableUnits(ctx, p)
	if err != nil {
		return err
	}
	if unit == 0 {
		unit = pickUnit(r, units)
	}
	if period == "" {
		period = strconv.Itoa(h.cases.Today().Year())
	}
	v := figuresView{UnitID: unit, Units: choices(units), Period: period, Values: map[string]string{}, Notes: map[string]string{},
		Errors: h.FormErrors(r, formErr), Report: kit.FormID(r.URL.Query().Get("bao_cao"))}
	per, perr := vntext.ParsePeriod(period)
	if perr != nil || per.Kind == vntext.Stage {
		v.Errors = append(v.Errors, kit.FieldError{Field: "period", Message: h.T(r, "citizen.err.period")})
	} else if unit != 0 {
		if v.Figures, err = h.cases.Figures(ctx, p, unit, per); shown(err) {
			v.Errors = append(v.Errors, h.FormErrors(r, err)...)
		} else if err != nil {
			return err
		}
		if v.CanWrite, err = h.cases.CanWrite(ctx, p, unit); err != nil {
			return err
		}
	}
	for _, f := range v.Figures {
		v.Values[f.Code], v.Notes[f.Code] = number(f.Value), ""
		if typed != nil {
			v.Values[f.Code], v.Notes[f.Code] = typed.Get("v."+f.Code), typed.Get("note."+f.Code)
		}
	}
	v.Page = h.Page(w, r, "citizenui.figures.title")
	h.tmpl.Render(w, r, formStatus(formErr), "figures", v)
	return nil
}

func (h *handlers) figures(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.figuresPage(w, r, p, 0, r.URL.Query().Get("ky"), nil, nil)
}

func (h *handlers) figuresFill(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	unit, period := kit.FormID(form.Get("unit")), form.Get("period")
	per, err := vntext.ParsePeriod(period)
	if err != nil || per.Kind == vntext.Stage {
		return h.figuresPage(w, r, p, unit, period, form, apperr.Invalid("period", "citizen.err.period"))
	}
	entries := map[string]citizen.FillEntry{}
	for _, code := range citizen.FigureCodes {
		if _, ok := form["v."+code]; ok {
			entries[code] = citizen.FillEntry{Value: form.Get("v." + code), Note: form.Get("note." + code)}
		}
	}
	rep, err := h.cases.FillReport(r.Context(), p, unit, per, entries)
	if shown(err) {
		return h.figuresPage(w, r, p, unit, period, form, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.filled")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/so-lieu?don_vi=%d&ky=%s&bao_cao=%d", unit, url.QueryEscape(per.String()), rep.ID), http.StatusSeeOther)
	return nil
}
