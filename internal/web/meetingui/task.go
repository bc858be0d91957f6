package meetingui

import (
	"fmt"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/kit"
)

// tasksView lists key tasks: the user's units' own tasks, or the overdue
// tasks of everything the user may read.
type tasksView struct {
	kit.Page
	Tab    string // "cua-toi" (mine) or "qua-han" (overdue)
	Tasks  []meeting.Task
	Pager  kit.Pager
	Today  time.Time
	Query  string
	Status string
}

func (h *handlers) tasks(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	v := tasksView{Tab: q.Get("xem"), Today: h.Today(), Query: q.Get("q"), Status: q.Get("trang_thai")}
	page, off := kit.PageParams(r, pageSize)
	f := meeting.TaskFilter{Query: v.Query, Limit: pageSize, Offset: off}
	if v.Tab == "cua-toi" {
		// An owner's tasks: those of the units the user holds a grant on
		// (and the old units merged into them), not the whole subtree.
		f.Own = true
		if s := meeting.Status(v.Status); s.Valid() {
			f.Status = s
		} else {
			v.Status = ""
			f.Open = true
		}
	} else {
		v.Tab = "qua-han"
		f.OverdueOn = v.Today
	}
	ts, total, err := h.meetings.Tasks(r.Context(), p, f)
	if err != nil {
		return err
	}
	v.Tasks, v.Pager = ts, kit.NewPager(r, page, pageSize, total)
	v.Page = h.Page(w, r, "meeting.tasks.title")
	h.tmpl.Render(w, r, http.StatusOK, "task/list", v)
	return nil
}

// taskView is one task with its follow-up.
type taskView struct {
	kit.Page
	T        meeting.Task
	Notes    []meeting.Note
	Today    time.Time
	CanWrite bool
	Statuses []meeting.Status
	Form     taskForm
	Errors   kit.Errors
	// Directives are those the task carries out, in the registers the
	// reader may read.
	Directives []directive.Directive
}

type taskForm struct{ Status, Reason, Note, NotedOn string }

// loadTask reads task {id} as p may see it.
func (h *handlers) loadTask(r *http.Request, p *auth.Principal) (meeting.Task, error) {
	return byPath(r, p, h.meetings.Task)
}

// taskPage renders a task with its notes and the follow-up form as typed,
// with the status of formErr when the form was refused.
func (h *handlers) taskPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, t meeting.Task, f taskForm, formErr error) error {
	ctx := r.Context()
	v := taskView{T: t, Today: h.Today(), Statuses: meeting.Statuses, Form: f, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.Notes, err = h.meetings.Notes(ctx, p, t.ID); err == nil {
		v.CanWrite, err = h.meetings.CanUpdateTask(ctx, p, t)
	}
	if err == nil {
		v.Directives, err = directive.NewStore(h.DB, h.Org, h.Auth, h.Files).For(ctx, p, directive.Task, t.ID)
	}
	if err != nil {
		return err
	}
	v.Page = h.Page(w, r, "meeting.task.title")
	h.tmpl.Render(w, r, formStatus(formErr), "task/show", v)
	return nil
}

func (h *handlers) task(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.loadTask(r, p)
	if err != nil {
		return err
	}
	return h.taskPage(w, r, p, t, taskForm{Status: string(t.Status)}, nil)
}

// taskUpdate changes a task's status and adds a dated note.
func (h *handlers) taskUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := h.loadTask(r, p)
	if err != nil {
		return err
	}
	f := taskForm{Status: r.PostFormValue("status"), Reason: r.PostFormValue("reason"), Note: r.PostFormValue("note"), NotedOn: r.PostFormValue("noted_on")}
	u := meeting.TaskUpdate{ID: t.ID, Version: kit.FormID(r.PostFormValue("version")), Status: meeting.Status(f.Status), Reason: f.Reason, Note: f.Note}
	noted, err := kit.FormDay("noted_on", f.NotedOn)
	if err == nil {
		u.NotedOn = noted
		_, err = h.meetings.UpdateTask(r.Context(), p, u)
	}
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "meeting.flash.task")
		http.Redirect(w, r, fmt.Sprintf("/nhiem-vu/%d", t.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid, apperr.CodeConflict:
		return h.taskPage(w, r, p, t, f, err)
	}
	return err
}
