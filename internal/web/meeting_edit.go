package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/vntext"
)

// conferenceEditView edits a conference's own fields.
type conferenceEditView struct {
	Page
	C       meeting.Conference
	Form    confForm
	Version string // the version the editor read
	Kinds   []meeting.Kind
	Errors  apperr.Errors
}

func (h *meetingHandlers) editForm(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermWrite)
	if !ok {
		return
	}
	f := confForm{Kind: string(c.Kind), Title: c.Title, HeldOn: vntext.FormatDate(c.HeldOn), TimeOfDay: c.TimeOfDay,
		Place: c.Place, Period: c.Period, Summary: c.Summary, Outcome: c.Outcome}
	v := conferenceEditView{C: c, Form: f, Version: strconv.FormatInt(c.Version, 10), Kinds: meeting.Kinds, Page: h.page(w, r, "meeting.edit.title")}
	h.render(w, r, http.StatusOK, "meeting/edit", v)
}

func (h *meetingHandlers) edit(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermWrite)
	if !ok {
		return
	}
	f := confForm{Kind: r.PostFormValue("kind"), Title: r.PostFormValue("title"), HeldOn: r.PostFormValue("held_on"),
		TimeOfDay: r.PostFormValue("time_of_day"), Place: r.PostFormValue("place"), Period: r.PostFormValue("period"),
		Summary: r.PostFormValue("summary"), Outcome: r.PostFormValue("outcome")}
	up, es := f.conference()
	up.ID, up.UnitID = c.ID, 0
	up.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if strings.TrimSpace(f.HeldOn) == "" {
		es.Add("held_on", "Hãy nhập ngày họp (dd/mm/yyyy).")
	}
	var err error = es.Err()
	if err == nil {
		_, err = h.store.Update(r.Context(), up)
	}
	if err != nil {
		status := statusOf(err)
		if status != http.StatusBadRequest && status != http.StatusConflict {
			h.fail(w, r, err)
			return
		}
		v := conferenceEditView{C: c, Form: f, Version: r.PostFormValue("version"), Kinds: meeting.Kinds, Errors: fieldErrors(err), Page: h.page(w, r, "meeting.edit.title")}
		h.render(w, r, status, "meeting/edit", v)
		return
	}
	h.setFlash(w, r, "meeting.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d", c.ID), http.StatusSeeOther)
}

// addTask sets one more key task at a conference from the conference page.
func (h *meetingHandlers) addTask(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermWrite)
	if !ok {
		return
	}
	row := confForm{Tasks: []confTaskRow{{Title: r.PostFormValue("title"), Due: r.PostFormValue("due"), Indicator: r.PostFormValue("indicator"), Owners: r.PostForm["owners"]}}}
	parsed, _ := row.conference()
	t := parsed.Tasks[0]
	for _, o := range t.Owners {
		if ok, err := h.auth.Can(r.Context(), principal(r), auth.PermRead, o); err != nil || !ok {
			h.fail(w, r, apperr.Forbidden("Đơn vị chủ trì nhiệm vụ nằm ngoài phạm vi của bạn."))
			return
		}
	}
	if _, err := h.store.AddTask(r.Context(), c.ID, t); err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			h.fail(w, r, err)
			return
		}
		v, err2 := h.conferenceView(w, r, c, "meeting.show.title")
		if err2 != nil {
			h.fail(w, r, err2)
			return
		}
		v.Errors = fieldErrors(err)
		v.TaskForm = row.Tasks[0]
		h.render(w, r, http.StatusBadRequest, "meeting/show", v)
		return
	}
	h.setFlash(w, r, "meeting.flash.task")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d#nhiem-vu", c.ID), http.StatusSeeOther)
}
