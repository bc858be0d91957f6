package citizenui

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/web/kit"
)

// teamsView lists mediation teams with the form to add one.
type teamsView struct {
	kit.Page
	Rows     []citizen.Team
	Pager    kit.Pager
	Writable []unitChoice
	Form     teamForm
	Errors   kit.Errors
}

type teamForm struct{ Unit, Name, Area, FoundedOn string }

func (h *handlers) teamsPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, f teamForm, formErr error) error {
	ctx := r.Context()
	page, off := kit.PageParams(r, pageSize)
	rows, total, err := h.cases.Teams(ctx, p, 0, pageSize, off)
	if err != nil {
		return err
	}
	writable, err := h.cases.WritableUnits(ctx, p)
	if err != nil {
		return err
	}
	v := teamsView{Rows: rows, Pager: kit.NewPager(r, page, pageSize, total), Writable: choices(writable), Form: f, Errors: h.FormErrors(r, formErr)}
	v.Page = h.Page(w, r, "citizenui.teams.title")
	h.tmpl.Render(w, r, formStatus(formErr), "mediation/teams", v)
	return nil
}

func (h *handlers) teams(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.teamsPage(w, r, p, teamForm{}, nil)
}

func (h *handlers) teamCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := teamForm{Unit: form.Get("unit"), Name: form.Get("name"), Area: form.Get("area"), FoundedOn: form.Get("founded_on")}
	nt := citizen.NewTeam{UnitID: kit.FormID(f.Unit), Name: f.Name, Area: f.Area}
	nt.FoundedOn, err = kit.FormDay("founded_on", f.FoundedOn)
	var t citizen.Team
	if err == nil {
		t, err = h.cases.CreateTeam(r.Context(), p, nt)
	}
	if shown(err) {
		return h.teamsPage(w, r, p, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.team")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/hoa-giai/%d", t.ID), http.StatusSeeOther)
	return nil
}

// teamView is a team: its mediators, the year's logbook in the Ministry of
// Justice's columns, the yearly summary, and the forms to add a mediator
// and a case.
type teamView struct {
	kit.Page
	T          citizen.Team
	Year       int
	Years      []int
	Cases      []citizen.Case
	Summary    citizen.Summary
	Categories []string
	Excluded   []string
	CanWrite   bool
	Mediator   mediatorForm
	MedErrors  kit.Errors
	Case       caseForm
	CaseErrors kit.Errors
	Today      time.Time
}

type mediatorForm struct {
	Name, Gender, BirthYear, Phone string
	Leader                         bool
}

type caseForm struct {
	ReceivedOn, MediatedOn, Mediators, Matter, Category, Agreement, Result, Notes string
	Parties                                                                       []partyRow
}

type partyRow struct{ Name, BirthYear, Address string }

// SummaryOf is the summary's received, settled and failed counts of a
// category.
func (v teamView) SummaryOf(cat string) [3]int { return v.Summary.ByCategory[cat] }

// Age is a party's age in the logbook's year (0 when the year of birth is
// not known).
func (v teamView) Age(p citizen.Party) int {
	if p.BirthYear == 0 {
		return 0
	}
	return v.Year - p.BirthYear
}

// parties is how many party rows the case form shows.
const parties = 3

func emptyCase() caseForm { return caseForm{Parties: make([]partyRow, parties)} }

func (h *handlers) teamPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, t citizen.Team, mf mediatorForm, cf caseForm, medErr, caseErr error) error {
	ctx := r.Context()
	today := h.cases.Today()
	year := today.Year()
	if y, err := strconv.Atoi(r.URL.Query().Get("nam")); err == nil && y >= 2000 && y <= today.Year() {
		year = y
	}
	v := teamView{T: t, Year: year, Categories: citizen.Categories, Excluded: citizen.Excluded, Mediator: mf, Case: cf,
		MedErrors: h.FormErrors(r, medErr), CaseErrors: h.FormErrors(r, caseErr), Today: today}
	for y := today.Year(); y >= max(t.FoundedOn.Year(), today.Year()-10); y-- {
		v.Years = append(v.Years, y)
	}
	if !slices.Contains(v.Years, year) {
		v.Years = append(v.Years, year)
	}
	var err error
	if v.Cases, err = h.cases.Logbook(ctx, p, t.ID, year); err != nil {
		return err
	}
	if v.Summary, err = h.cases.TeamSummary(ctx, p, t.ID, year); err != nil {
		return err
	}
	if v.CanWrite, err = h.cases.CanWrite(ctx, p, t.UnitID); err != nil {
		return err
	}
	status := formStatus(medErr)
	if caseErr != nil {
		status = kit.Status(caseErr)
	}
	v.Page = h.Page(w, r, "citizenui.team.title")
	h.tmpl.Render(w, r, status, "mediation/team", v)
	return nil
}

func (h *handlers) team(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := byPath(r, p, h.cases.Team)
	if err != nil {
		return err
	}
	return h.teamPage(w, r, p, t, mediatorForm{}, emptyCase(), nil, nil)
}

func (h *handlers) mediatorAdd(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := byPath(r, p, h.cases.Team)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := mediatorForm{Name: form.Get("name"), Gender: form.Get("gender"), BirthYear: form.Get("birth_year"), Phone: form.Get("phone"),
		Leader: form.Get("leader") != ""}
	_, err = h.cases.AddMediator(r.Context(), p, citizen.Mediator{TeamID: t.ID, Name: f.Name, Gender: f.Gender,
		BirthYear: atoi(f.BirthYear), Phone: f.Phone, Leader: f.Leader})
	if shown(err) {
		return h.teamPage(w, r, p, t, f, emptyCase(), err, nil)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.mediator")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/hoa-giai/%d", t.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) caseRecord(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := byPath(r, p, h.cases.Team)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := caseForm{ReceivedOn: form.Get("received_on"), MediatedOn: form.Get("mediated_on"), Mediators: form.Get("mediators"),
		Matter: form.Get("matter"), Category: form.Get("category"), Agreement: form.Get("agreement"), Result: form.Get("result"), Notes: form.Get("notes")}
	c := citizen.Case{TeamID: t.ID, Mediators: f.Mediators, Matter: f.Matter, Category: f.Category, Agreement: f.Agreement, Result: f.Result, Notes: f.Notes}
	for i := range parties {
		row := partyRow{Name: form.Get(fmt.Sprintf("p.%d.name", i)), BirthYear: form.Get(fmt.Sprintf("p.%d.birth_year", i)),
			Address: form.Get(fmt.Sprintf("p.%d.address", i))}
		f.Parties = append(f.Parties, row)
		c.Parties = append(c.Parties, citizen.Party{Name: row.Name, BirthYear: atoi(row.BirthYear), Address: row.Address})
	}
	var es apperr.Errors
	readDay(&es, "received_on", f.ReceivedOn, &c.ReceivedOn)
	readDay(&es, "mediated_on", f.MediatedOn, &c.MediatedOn)
	err = es.Err()
	if err == nil {
		_, err = h.cases.RecordCase(r.Context(), p, c)
	}
	if shown(err) {
		return h.teamPage(w, r, p, t, mediatorForm{}, f, nil, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.case")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/hoa-giai/%d?nam=%d#so", t.ID, c.ReceivedOn.Year()), http.StatusSeeOther)
	return nil
}

// caseView is one line of a logbook with the form to record how it ended.
type caseView struct {
	kit.Page
	C        citizen.Case
	CanWrite bool
	Form     resultForm
	Errors   kit.Errors
}

type resultForm struct{ Result, MediatedOn, Agreement, Notes string }

func (h *handlers) casePage(w http.ResponseWriter, r *http.Request, p *auth.Principal, c citizen.Case, f resultForm, formErr error) error {
	v := caseView{C: c, Form: f, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.CanWrite, err = h.cases.CanWrite(r.Context(), p, c.UnitID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "citizenui.case.title")
	h.tmpl.Render(w, r, formStatus(formErr), "mediation/case", v)
	return nil
}

func (h *handlers) mediationCase(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := byPath(r, p, h.cases.Case)
	if err != nil {
		return err
	}
	return h.casePage(w, r, p, c, resultForm{Result: c.Result, MediatedOn: day(c.MediatedOn)}, nil)
}

func (h *handlers) caseResult(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := byPath(r, p, h.cases.Case)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := resultForm{Result: form.Get("result"), MediatedOn: form.Get("mediated_on"), Agreement: form.Get("agreement"), Notes: form.Get("notes")}
	on, err := kit.FormDay("mediated_on", f.MediatedOn)
	if err == nil {
		_, err = h.cases.SetResult(r.Context(), p, c.ID, kit.FormID(form.Get("version")), f.Result, on, f.Agreement, f.Notes)
	}
	if shown(err) {
		return h.casePage(w, r, p, c, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/vu-viec-hoa-giai/%d", c.ID), http.StatusSeeOther)
	return nil
}
