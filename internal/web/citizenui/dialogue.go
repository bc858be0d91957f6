package citizenui

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/web/kit"
)

// dialogueRow is a dialogue in a list with what it lacks.
type dialogueRow struct {
	D        citizen.Dialogue
	Warnings []i18n.Message
}

type dialoguesView struct {
	kit.Page
	Year     string
	Query    string
	Rows     []dialogueRow
	Pager    kit.Pager
	CanWrite bool
}

func (h *handlers) dialogues(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	q := r.URL.Query()
	v := dialoguesView{Year: q.Get("nam"), Query: q.Get("q")}
	page, off := kit.PageParams(r, pageSize)
	f := citizen.DialogueFilter{Query: v.Query, Limit: pageSize, Offset: off}
	if y, err := strconv.Atoi(v.Year); err == nil && y >= 2000 && y <= 2100 {
		f.Year = y
	} else {
		v.Year = ""
	}
	ds, total, err := h.cases.Dialogues(ctx, p, f)
	if err != nil {
		return err
	}
	set, err := h.cases.Settings(ctx)
	if err != nil {
		return err
	}
	today := h.cases.Today()
	for _, d := range ds {
		v.Rows = append(v.Rows, dialogueRow{D: d, Warnings: d.Warnings(today, set)})
	}
	units, err := h.cases.WritableUnits(ctx, p)
	if err != nil {
		return err
	}
	v.Pager, v.CanWrite = kit.NewPager(r, page, pageSize, total), len(units) > 0
	v.Page = h.Page(w, r, "citizenui.dialogues.title")
	h.tmpl.Render(w, r, http.StatusOK, "dialogue/list", v)
	return nil
}

type dialogueForm struct{ Unit, Topic, Head, Title, PlannedOn, Place, Link, AnnouncedOn string }

type dialogueNewView struct {
	kit.Page
	Form   dialogueForm
	Units  []unitChoice
	Errors kit.Errors
	Notice int
}

func (h *handlers) dialogueNewPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, f dialogueForm, formErr error) error {
	units, err := h.cases.WritableUnits(r.Context(), p)
	if err != nil {
		return err
	}
	if len(units) == 0 {
		return apperr.Forbidden("citizen.err.forbidden_write")
	}
	set, err := h.cases.Settings(r.Context())
	if err != nil {
		return err
	}
	v := dialogueNewView{Form: f, Units: choices(units), Errors: h.FormErrors(r, formErr), Notice: set.DialogueNotice}
	v.Page = h.Page(w, r, "citizenui.dialogue.new")
	h.tmpl.Render(w, r, formStatus(formErr), "dialogue/new", v)
	return nil
}

func (h *handlers) dialogueForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.dialogueNewPage(w, r, p, dialogueForm{Unit: r.URL.Query().Get("don_vi")}, nil)
}

func (h *handlers) dialogueCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := dialogueForm{Unit: form.Get("unit"), Topic: form.Get("topic"), Head: form.Get("head_name"), Title: form.Get("head_title"),
		PlannedOn: form.Get("planned_on"), Place: form.Get("place"), Link: form.Get("link"), AnnouncedOn: form.Get("announced_on")}
	nd := citizen.NewDialogue{UnitID: kit.FormID(f.Unit), Topic: f.Topic, HeadName: f.Head, HeadTitle: f.Title, Place: f.Place, Link: f.Link}
	var es apperr.Errors
	readDay(&es, "planned_on", f.PlannedOn, &nd.PlannedOn)
	readDay(&es, "announced_on", f.AnnouncedOn, &nd.AnnouncedOn)
	err = es.Err()
	var d citizen.Dialogue
	if err == nil {
		d, err = h.cases.PlanDialogue(r.Context(), p, nd)
	}
	if shown(err) {
		return h.dialogueNewPage(w, r, p, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.dialogue")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/doi-thoai/%d", d.ID), http.StatusSeeOther)
	return nil
}

// dialogueView is a dialogue with its issues, what it lacks, and the forms
// to record what happened and the issues raised.
type dialogueView struct {
	kit.Page
	D           citizen.Dialogue
	Warnings    []i18n.Message
	Today       time.Time
	CanWrite    bool
	Responsible []unitChoice
	Form        dialogueUpdateForm
	Errors      kit.Errors
	Issue       issueForm
	IssueErrors kit.Errors
}

type dialogueUpdateForm struct{ Status, AnnouncedOn, HeldOn, Attendance, PublishedOn, Summary string }

type issueForm struct{ RaisedBy, Content, Answer, Responsible, DueOn string }

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

func updateFormOf(d citizen.Dialogue) dialogueUpdateForm {
	f := dialogueUpdateForm{Status: d.Status, AnnouncedOn: day(d.AnnouncedOn), HeldOn: day(d.HeldOn), PublishedOn: day(d.PublishedOn), Summary: d.Summary}
	if d.Attendance > 0 {
		f.Attendance = strconv.Itoa(d.Attendance)
	}
	return f
}

func (h *handlers) dialoguePage(w http.ResponseWriter, r *http.Request, p *auth.Principal, d citizen.Dialogue, f dialogueUpdateForm, fi issueForm, updErr, issueErr error) error {
	ctx := r.Context()
	set, err := h.cases.Settings(ctx)
	if err != nil {
		return err
	}
	today := h.cases.Today()
	v := dialogueView{D: d, Warnings: d.Warnings(today, set), Today: today, Form: f, Errors: h.FormErrors(r, updErr),
		Issue: fi, IssueErrors: h.FormErrors(r, issueErr)}
	if v.CanWrite, err = h.cases.CanWrite(ctx, p, d.UnitID); err != nil {
		return err
	}
	if v.CanWrite {
		units, err := h.cases.ReadableUnits(ctx, p)
		if err != nil {
			return err
		}
		v.Responsible = choices(units)
	}
	status := formStatus(updErr)
	if issueErr != nil {
		status = kit.Status(issueErr)
	}
	v.Page = h.Page(w, r, "citizenui.dialogue.title")
	h.tmpl.Render(w, r, status, "dialogue/show", v)
	return nil
}

func (h *handlers) dialogue(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := byPath(r, p, h.cases.Dialogue)
	if err != nil {
		return err
	}
	return h.dialoguePage(w, r, p, d, updateFormOf(d), issueForm{}, nil, nil)
}

func (h *handlers) dialogueUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := byPath(r, p, h.cases.Dialogue)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := dialogueUpdateForm{Status: form.Get("status"), AnnouncedOn: form.Get("announced_on"), HeldOn: form.Get("held_on"),
		Attendance: form.Get("attendance"), PublishedOn: form.Get("published_on"), Summary: form.Get("summary")}
	u := citizen.DialogueUpdate{ID: d.ID, Version: kit.FormID(form.Get("version")), Status: f.Status, Attendance: atoi(f.Attendance), Summary: f.Summary}
	var es apperr.Errors
	readDay(&es, "announced_on", f.AnnouncedOn, &u.AnnouncedOn)
	readDay(&es, "held_on", f.HeldOn, &u.HeldOn)
	readDay(&es, "published_on", f.PublishedOn, &u.PublishedOn)
	err = es.Err()
	if err == nil {
		_, err = h.cases.UpdateDialogue(r.Context(), p, u)
	}
	if shown(err) {
		return h.dialoguePage(w, r, p, d, f, issueForm{}, err, nil)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/doi-thoai/%d", d.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) issueAdd(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := byPath(r, p, h.cases.Dialogue)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := issueForm{RaisedBy: form.Get("raised_by"), Content: form.Get("content"), Answer: form.Get("answer"),
		Responsible: form.Get("responsible"), DueOn: form.Get("due_on")}
	ni := citizen.NewIssue{DialogueID: d.ID, RaisedBy: f.RaisedBy, Content: f.Content, Answer: f.Answer, ResponsibleUnitID: kit.FormID(f.Responsible)}
	ni.DueOn, err = kit.FormDay("due_on", f.DueOn)
	if err == nil {
		_, err = h.cases.AddIssue(r.Context(), p, ni)
	}
	if shown(err) {
		return h.dialoguePage(w, r, p, d, updateFormOf(d), f, nil, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.issue")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/doi-thoai/%d#y-kien", d.ID), http.StatusSeeOther)
	return nil
}

// issuesView lists the follow-up items of dialogues: late or open.
type issuesView struct {
	kit.Page
	Tab   string
	Rows  []citizen.Issue
	Pager kit.Pager
	Today time.Time
}

func (h *handlers) issues(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	today := h.cases.Today()
	v := issuesView{Tab: r.URL.Query().Get("xem"), Today: today}
	page, off := kit.PageParams(r, pageSize)
	f := citizen.IssueFilter{Limit: pageSize, Offset: off}
	if v.Tab == "qua-han" {
		f.LateOn = today
	} else {
		v.Tab, f.Open = "dang-mo", true
	}
	rows, total, err := h.cases.Issues(r.Context(), p, f)
	if err != nil {
		return err
	}
	v.Rows, v.Pager = rows, kit.NewPager(r, page, pageSize, total)
	v.Page = h.Page(w, r, "citizenui.issues.title")
	h.tmpl.Render(w, r, http.StatusOK, "dialogue/issues", v)
	return nil
}

// issueView is an issue with its follow-up.
type issueView struct {
	kit.Page
	I        citizen.Issue
	Notes    []citizen.IssueNote
	Today    time.Time
	CanWrite bool
	Form     followForm
	Errors   kit.Errors
}

type followForm struct{ Status, Answer, Note string }

func (h *handlers) issuePage(w http.ResponseWriter, r *http.Request, p *auth.Principal, i citizen.Issue, f followForm, formErr error) error {
	ctx := r.Context()
	v := issueView{I: i, Today: h.cases.Today(), Form: f, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.Notes, err = h.cases.IssueNotes(ctx, p, i.ID); err != nil {
		return err
	}
	if v.CanWrite, err = h.cases.CanWrite(ctx, p, i.UnitID); err != nil {
		return err
	}
	if !v.CanWrite && i.ResponsibleUnitID != 0 {
		if v.CanWrite, err = h.cases.CanWrite(ctx, p, i.ResponsibleUnitID); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "citizenui.issue.title")
	h.tmpl.Render(w, r, formStatus(formErr), "dialogue/issue", v)
	return nil
}

func (h *handlers) issue(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	i, err := byPath(r, p, h.cases.Issue)
	if err != nil {
		return err
	}
	return h.issuePage(w, r, p, i, followForm{Status: i.Status}, nil)
}

func (h *handlers) issueFollowUp(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	i, err := byPath(r, p, h.cases.Issue)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := followForm{Status: form.Get("status"), Answer: form.Get("answer"), Note: form.Get("note")}
	_, err = h.cases.FollowUp(r.Context(), p, i.ID, kit.FormID(form.Get("version")), f.Status, f.Answer, f.Note)
	if shown(err) {
		return h.issuePage(w, r, p, i, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/y-kien/%d", i.ID), http.StatusSeeOther)
	return nil
}
