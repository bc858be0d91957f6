package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
)

// taskListView lists key tasks: the user's units' own tasks, or the
// overdue tasks of the user's whole subtree.
type taskListView struct {
	Page
	Tab    string // "cua-toi" (mine) or "qua-han" (overdue)
	Tasks  []meeting.Task
	Pager  Pager
	Today  time.Time
	Query  string
	Status string
	All    bool
}

func (h *meetingHandlers) tasks(w http.ResponseWriter, r *http.Request) {
	_, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	v := taskListView{Tab: q.Get("xem"), Today: h.today(), Query: q.Get("q"), Status: q.Get("trang_thai")}
	if v.Tab != "cua-toi" {
		v.Tab = "qua-han"
	}
	f := meeting.TaskFilter{Query: v.Query, Limit: meetingPageLimit}
	page, off := pageParams(r, meetingPageLimit)
	f.Offset = off
	var all bool
	var units []int64
	if v.Tab == "qua-han" {
		sc, err := h.scopeOf(r, auth.PermRead)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		all, units = sc.All, sc.IDs
		f.OverdueOn = v.Today
	} else {
		// An owner's tasks: those of the units the user holds a grant on
		// (and the old units merged into them), not the whole subtree.
		var err error
		units, err = h.ownUnits(r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if s := meeting.Status(v.Status); s.Valid() {
			f.Status = s
		} else {
			v.Status = ""
			f.Open = true
		}
	}
	ts, total, err := h.store.TasksForUnits(ctx, all, units, f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Tasks, v.Pager, v.All = ts, newPager(r, page, meetingPageLimit, total), all
	v.Page = h.page(w, r, "meeting.tasks.title")
	h.render(w, r, http.StatusOK, "meeting/tasks", v)
}

// taskView is one task with its follow-up.
type taskView struct {
	Page
	T        meeting.Task
	Notes    []meeting.Note
	Today    time.Time
	CanWrite bool
	Statuses []meeting.Status
	Form     taskForm
	Errors   apperr.Errors
}

type taskForm struct{ Status, Reason, Note, NotedOn string }

// taskAccess loads task {id} and reports whether the user may read it (on
// the conference's unit or an owner unit) and write it.
func (h *meetingHandlers) taskAccess(w http.ResponseWriter, r *http.Request) (meeting.Task, bool, bool) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return meeting.Task{}, false, false
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return meeting.Task{}, false, false
	}
	t, err := h.store.Task(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return meeting.Task{}, false, false
	}
	can := func(perm auth.Permission) bool {
		for _, u := range append([]int64{t.UnitID}, t.Owners...) {
			if ok, err := h.auth.Can(r.Context(), p, perm, u); err == nil && ok {
				return true
			}
		}
		return false
	}
	if !can(auth.PermRead) {
		h.fail(w, r, apperr.Forbidden("Bạn không có quyền xem nhiệm vụ này."))
		return meeting.Task{}, false, false
	}
	return t, true, can(auth.PermWrite)
}

func (h *meetingHandlers) taskPage(w http.ResponseWriter, r *http.Request, status int, t meeting.Task, canWrite bool, f taskForm, err error) {
	notes, nerr := h.store.Notes(r.Context(), t.ID)
	if nerr != nil {
		h.fail(w, r, nerr)
		return
	}
	v := taskView{T: t, Notes: notes, Today: h.today(), CanWrite: canWrite, Statuses: meeting.Statuses, Form: f}
	if err != nil {
		v.Errors = fieldErrors(err)
	}
	v.Page = h.page(w, r, "meeting.task.title")
	h.render(w, r, status, "meeting/task", v)
}

func (h *meetingHandlers) task(w http.ResponseWriter, r *http.Request) {
	t, ok, canWrite := h.taskAccess(w, r)
	if !ok {
		return
	}
	h.taskPage(w, r, http.StatusOK, t, canWrite, taskForm{Status: string(t.Status)}, nil)
}

// taskUpdate changes a task's status and adds a dated note, for whoever
// may write on an owner unit or on the conference's unit.
func (h *meetingHandlers) taskUpdate(w http.ResponseWriter, r *http.Request) {
	t, ok, canWrite := h.taskAccess(w, r)
	if !ok {
		return
	}
	if !canWrite {
		h.fail(w, r, apperr.Forbidden("Bạn không có quyền cập nhật nhiệm vụ này."))
		return
	}
	f := taskForm{Status: r.PostFormValue("status"), Reason: r.PostFormValue("reason"), Note: r.PostFormValue("note"), NotedOn: r.PostFormValue("noted_on")}
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	u := meeting.TaskUpdate{ID: t.ID, Version: version, Status: meeting.Status(f.Status), Reason: f.Reason, Note: f.Note}
	if p := principal(r); p != nil {
		u.Author = p.User.Name
	}
	if f.NotedOn != "" {
		d, ok := meetingDay(f.NotedOn)
		if !ok {
			h.taskPage(w, r, http.StatusBadRequest, t, canWrite, f, apperr.Invalid("noted_on", "Ngày ghi nhận không hợp lệ."))
			return
		}
		u.NotedOn = d
	}
	if _, err := h.store.UpdateTask(r.Context(), u); err != nil {
		switch apperr.CodeOf(err) {
		case apperr.CodeInvalid:
			h.taskPage(w, r, http.StatusBadRequest, t, canWrite, f, err)
		case apperr.CodeConflict:
			h.taskPage(w, r, http.StatusConflict, t, canWrite, f, err)
		default:
			h.fail(w, r, err)
		}
		return
	}
	h.setFlash(w, r, "meeting.flash.task")
	http.Redirect(w, r, fmt.Sprintf("/nhiem-vu/%d", t.ID), http.StatusSeeOther)
}
