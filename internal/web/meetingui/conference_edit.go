package meetingui

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// editView edits a conference's own fields.
type editView struct {
	kit.Page
	C       meeting.Conference
	Form    conferenceForm
	Version string // the version the editor read
	Kinds   []meeting.Kind
	Errors  kit.Errors
}

// writable reads conference {id} for a user who may also edit it.
func (h *handlers) writable(r *http.Request, p *auth.Principal) (meeting.Conference, error) {
	c, err := h.conference(r, p)
	if err != nil {
		return c, err
	}
	return c, unlessAllowed("meeting.err.forbidden_write")(h.meetings.CanWrite(r.Context(), p, c.UnitID))
}

func (h *handlers) editForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.writable(r, p)
	if err != nil {
		return err
	}
	f := conferenceForm{Kind: string(c.Kind), Title: c.Title, HeldOn: vntext.FormatDate(c.HeldOn), TimeOfDay: c.TimeOfDay,
		Place: c.Place, Period: c.Period, Summary: c.Summary, Outcome: c.Outcome}
	v := editView{C: c, Form: f, Version: strconv.FormatInt(c.Version, 10), Kinds: meeting.Kinds, Page: h.Page(w, r, "meeting.edit.title")}
	h.tmpl.Render(w, r, http.StatusOK, "conference/edit", v)
	return nil
}

func (h *handlers) edit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	f := conferenceForm{Kind: r.PostFormValue("kind"), Title: r.PostFormValue("title"), HeldOn: r.PostFormValue("held_on"),
		TimeOfDay: r.PostFormValue("time_of_day"), Place: r.PostFormValue("place"), Period: r.PostFormValue("period"),
		Summary: r.PostFormValue("summary"), Outcome: r.PostFormValue("outcome")}
	up, es := f.conference()
	up.ID = c.ID
	up.Version = kit.FormID(r.PostFormValue("version"))
	err = es.Err()
	if err == nil {
		_, err = h.meetings.Update(r.Context(), p, up)
	}
	if err != nil {
		status := kit.Status(err)
		if status != http.StatusBadRequest && status != http.StatusConflict {
			return err
		}
		v := editView{C: c, Form: f, Version: r.PostFormValue("version"), Kinds: meeting.Kinds, Errors: h.FormErrors(r, err),
			Page: h.Page(w, r, "meeting.edit.title")}
		h.tmpl.Render(w, r, status, "conference/edit", v)
		return nil
	}
	h.SetFlash(w, r, "meeting.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d", c.ID), http.StatusSeeOther)
	return nil
}

// addTask sets one more key task at a conference from the conference page.
func (h *handlers) addTask(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	row := taskRow{Title: r.PostFormValue("title"), Due: r.PostFormValue("due"), Indicator: r.PostFormValue("indicator"), Owners: r.PostForm["owners"]}
	if _, err := h.meetings.AddTask(r.Context(), p, c.ID, row.task()); err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			return err
		}
		return h.showConference(w, r, p, c, err, row)
	}
	h.SetFlash(w, r, "meeting.flash.task")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d#nhiem-vu", c.ID), http.StatusSeeOther)
	return nil
}
