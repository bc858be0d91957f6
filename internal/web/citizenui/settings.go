package citizenui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/web/kit"
)

// settingsView shows the deployment's legal clocks and calendar, and to a
// national administrator the form that changes them.
type settingsView struct {
	kit.Page
	Set      citizen.Settings
	Clocks   []clockRow
	Form     settingsForm
	CanEdit  bool
	Errors   kit.Errors
	Holidays []time.Time
	Year     int
}

type clockRow struct {
	Name    string
	Days    string
	Working bool
}

type settingsForm struct {
	MaxExtensions, TetBefore, TetAfter, NationalDay, DaysOff, WorkDays string
	Notice, Publish, RecProvince, RecDistrict, RecCommune              string
	Restarts                                                           bool
}

func daysText(ds []time.Time) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Format("02/01/2006"))
	}
	return strings.Join(out, ", ")
}

func formOf(set citizen.Settings) ([]clockRow, settingsForm) {
	var rows []clockRow
	for _, n := range citizen.ClockNames {
		c := set.Clock(n)
		rows = append(rows, clockRow{Name: n, Days: strconv.Itoa(c.Days), Working: c.Working})
	}
	it := strconv.Itoa
	return rows, settingsForm{MaxExtensions: it(set.DenunciationMaxExtensions), TetBefore: it(set.TetBefore), TetAfter: it(set.TetAfter),
		NationalDay: set.NationalDayExtra, DaysOff: daysText(set.DaysOff), WorkDays: daysText(set.WorkDays), Notice: it(set.DialogueNotice),
		Publish: it(set.DialoguePublish), RecProvince: it(set.ReceptionProvince), RecDistrict: it(set.ReceptionDistrict),
		RecCommune: it(set.ReceptionCommune), Restarts: set.TransferRestarts}
}

func (h *handlers) settingsPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, rows []clockRow, f settingsForm, formErr error) error {
	ctx := r.Context()
	set, err := h.cases.Settings(ctx)
	if err != nil {
		return err
	}
	cal, err := h.cases.Calendar(ctx)
	if err != nil {
		return err
	}
	y := h.cases.Today().Year()
	if n, err := strconv.Atoi(r.URL.Query().Get("nam")); err == nil && n >= 2000 && n <= 2100 {
		y = n
	}
	v := settingsView{Set: set, Clocks: rows, Form: f, CanEdit: p.NationalAdmin, Errors: h.FormErrors(r, formErr), Holidays: cal.Holidays(y), Year: y}
	if v.Clocks == nil {
		v.Clocks, v.Form = formOf(set)
	}
	v.Page = h.Page(w, r, "citizenui.settings.title")
	h.tmpl.Render(w, r, formStatus(formErr), "settings", v)
	return nil
}

func (h *handlers) settings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.settingsPage(w, r, p, nil, settingsForm{}, nil)
}

func (h *handlers) settingsSave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if !p.NationalAdmin {
		return apperr.Forbidden("citizen.err.settings_admin")
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	set, err := h.cases.Settings(r.Context())
	if err != nil {
		return err
	}
	set.Version = kit.FormID(form.Get("version"))
	var rows []clockRow
	for _, n := range citizen.ClockNames {
		row := clockRow{Name: n, Days: form.Get("days." + n), Working: form.Get("working."+n) != ""}
		rows = append(rows, row)
		*set.Clock(n) = citizen.Clock{Days: atoi(row.Days), Working: row.Working}
	}
	f := settingsForm{MaxExtensions: form.Get("max_extensions"), TetBefore: form.Get("tet_before"), TetAfter: form.Get("tet_after"),
		NationalDay: form.Get("national_day_extra"), DaysOff: form.Get("days_off"), WorkDays: form.Get("work_days"),
		Notice: form.Get("dialogue_notice"), Publish: form.Get("dialogue_publish"), RecProvince: form.Get("reception_province"),
		RecDistrict: form.Get("reception_district"), RecCommune: form.Get("reception_commune"), Restarts: form.Get("transfer_restarts") != ""}
	set.DenunciationMaxExtensions, set.TetBefore, set.TetAfter = atoi(f.MaxExtensions), atoi(f.TetBefore), atoi(f.TetAfter)
	set.NationalDayExtra, set.TransferRestarts = f.NationalDay, f.Restarts
	set.DialogueNotice, set.DialoguePublish = atoi(f.Notice), atoi(f.Publish)
	set.ReceptionProvince, set.ReceptionDistrict, set.ReceptionCommune = atoi(f.RecProvince), atoi(f.RecDistrict), atoi(f.RecCommune)
	var es apperr.Errors
	if set.DaysOff, err = citizen.ParseDays("days_off", f.DaysOff); err != nil {
		key, args := apperr.KeyOf(err)
		es.Add("days_off", key, args...)
	}
	if set.WorkDays, err = citizen.ParseDays("work_days", f.WorkDays); err != nil {
		key, args := apperr.KeyOf(err)
		es.Add("work_days", key, args...)
	}
	err = es.Err()
	if err == nil {
		_, err = h.cases.SaveSettings(r.Context(), p, set)
	}
	if shown(err) {
		return h.settingsPage(w, r, p, rows, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.settings")
	http.Redirect(w, r, "/cong-dan/thoi-han", http.StatusSeeOther)
	return nil
}
