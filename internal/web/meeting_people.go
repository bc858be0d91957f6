package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// peopleView is a unit's people directory.
type peopleView struct {
	Page
	Units  []org.Unit
	UnitID int64
	Query  string
	People []meeting.Person
}

func (h *meetingHandlers) people(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.requireUser(w, r); !ok {
		return
	}
	v := peopleView{Units: h.grantedUnits(r, auth.PermRead), Query: r.URL.Query().Get("q")}
	v.UnitID, _ = strconv.ParseInt(r.URL.Query().Get("don_vi"), 10, 64)
	if v.UnitID == 0 && len(v.Units) > 0 {
		v.UnitID = v.Units[0].ID
	}
	if v.UnitID != 0 {
		if _, ok := h.allow(w, r, auth.PermRead, v.UnitID); !ok {
			return
		}
		var err error
		v.People, err = h.store.People(r.Context(), v.UnitID, v.Query, 500)
		if err != nil {
			h.fail(w, r, err)
			return
		}
	}
	v.Page = h.page(w, r, "meeting.people.title")
	h.render(w, r, http.StatusOK, "meeting/people", v)
}

// personView is one person, and the merge confirmation.
type personView struct {
	Page
	P        meeting.Person
	Other    *meeting.Person
	Others   []meeting.Person
	CanWrite bool
	Errors   apperr.Errors
}

func (h *meetingHandlers) loadPerson(w http.ResponseWriter, r *http.Request, perm auth.Permission) (meeting.Person, bool) {
	if _, ok := h.requireUser(w, r); !ok {
		return meeting.Person{}, false
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return meeting.Person{}, false
	}
	p, err := h.store.Person(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return meeting.Person{}, false
	}
	if _, ok := h.allow(w, r, perm, p.UnitID); !ok {
		return meeting.Person{}, false
	}
	return p, true
}

func (h *meetingHandlers) person(w http.ResponseWriter, r *http.Request) {
	p, ok := h.loadPerson(w, r, auth.PermRead)
	if !ok {
		return
	}
	v := personView{P: p}
	v.CanWrite, _ = h.auth.Can(r.Context(), principal(r), auth.PermWrite, p.UnitID)
	v.Page = h.page(w, r, "meeting.person.title")
	v.Title = p.Name
	h.render(w, r, http.StatusOK, "meeting/person", v)
}

// mergeForm asks which person of the same directory to merge into this
// one, then shows what will change before the POST does it.
func (h *meetingHandlers) mergeForm(w http.ResponseWriter, r *http.Request) {
	p, ok := h.loadPerson(w, r, auth.PermWrite)
	if !ok {
		return
	}
	v := personView{P: p, CanWrite: true}
	if oid, err := strconv.ParseInt(r.URL.Query().Get("nguoi"), 10, 64); err == nil && oid != p.ID {
		o, err := h.store.Person(r.Context(), oid)
		if err == nil && o.UnitID == p.UnitID && o.ID != p.ID {
			v.Other = &o
		}
	}
	if v.Other == nil {
		all, err := h.store.People(r.Context(), p.UnitID, "", 500)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, x := range all {
			if x.ID != p.ID {
				v.Others = append(v.Others, x)
			}
		}
	}
	v.Page = h.page(w, r, "meeting.merge.title")
	h.render(w, r, http.StatusOK, "meeting/merge", v)
}

func (h *meetingHandlers) merge(w http.ResponseWriter, r *http.Request) {
	p, ok := h.loadPerson(w, r, auth.PermWrite)
	if !ok {
		return
	}
	oid, _ := strconv.ParseInt(r.PostFormValue("other"), 10, 64)
	if _, err := h.store.MergePeople(r.Context(), p.ID, oid); err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid || apperr.CodeOf(err) == apperr.CodeNotFound {
			v := personView{P: p, CanWrite: true, Errors: fieldErrors(err)}
			v.Others, _ = h.store.People(r.Context(), p.UnitID, "", 500)
			v.Page = h.page(w, r, "meeting.merge.title")
			h.render(w, r, http.StatusBadRequest, "meeting/merge", v)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.setFlash(w, r, "meeting.flash.merged")
	http.Redirect(w, r, fmt.Sprintf("/nguoi/%d", p.ID), http.StatusSeeOther)
}
