package meetingui

import (
	"fmt"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// peopleView is a unit's people directory.
type peopleView struct {
	kit.Page
	Units  []org.Unit
	UnitID int64
	Query  string
	People []meeting.Person
}

func (h *handlers) people(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	v := peopleView{Query: r.URL.Query().Get("q"), UnitID: kit.FormID(r.URL.Query().Get("don_vi"))}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, h.Today()); err != nil {
		return err
	}
	if v.UnitID == 0 && len(v.Units) > 0 {
		v.UnitID = v.Units[0].ID
	}
	if v.UnitID != 0 {
		if v.People, err = h.meetings.People(ctx, p, v.UnitID, v.Query, 500); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "meeting.people.title")
	h.tmpl.Render(w, r, http.StatusOK, "person/list", v)
	return nil
}

// personView is one person, and the merge confirmation.
type personView struct {
	kit.Page
	P        meeting.Person
	Other    *meeting.Person
	Others   []meeting.Person
	Awards   []commendation.Award // the person's commendations
	CanWrite bool
	Errors   kit.Errors
}

// loadPerson reads person {id} as p may see them, and whether p may tidy
// their directory; with write set, a user who may not is refused.
func (h *handlers) loadPerson(r *http.Request, p *auth.Principal, write bool) (personView, error) {
	person, err := byPath(r, p, h.meetings.Person)
	if err != nil {
		return personView{}, err
	}
	v := personView{P: person}
	if v.CanWrite, err = h.meetings.CanWrite(r.Context(), p, person.UnitID); err == nil && write {
		err = unlessAllowed("meeting.err.people_write")(v.CanWrite, nil)
	}
	return v, err
}

func (h *handlers) person(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := h.loadPerson(r, p, false)
	if err != nil {
		return err
	}
	if v.Awards, err = h.awards.ForPerson(r.Context(), p, v.P.ID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "meeting.person.title")
	v.Title = v.P.Name
	h.tmpl.Render(w, r, http.StatusOK, "person/show", v)
	return nil
}

// others lists the rest of the person's directory, to merge one of them.
func (h *handlers) others(r *http.Request, p *auth.Principal, v *personView) error {
	all, err := h.meetings.People(r.Context(), p, v.P.UnitID, "", 500)
	if err != nil {
		return err
	}
	for _, x := range all {
		if x.ID != v.P.ID {
			v.Others = append(v.Others, x)
		}
	}
	return nil
}

// mergeForm asks which person of the same directory to merge into this
// one, then shows what will change before the POST does it.
func (h *handlers) mergeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := h.loadPerson(r, p, true)
	if err != nil {
		return err
	}
	if oid := kit.FormID(r.URL.Query().Get("nguoi")); oid != 0 && oid != v.P.ID {
		o, err := h.meetings.Person(r.Context(), p, oid)
		switch apperr.CodeOf(err) {
		case "":
			if o.UnitID == v.P.UnitID && o.ID != v.P.ID {
				v.Other = &o
			}
		case apperr.CodeNotFound, apperr.CodeForbidden:
			// Not one to merge: offer the list instead.
		default:
			return err
		}
	}
	if v.Other == nil {
		if err := h.others(r, p, &v); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "meeting.merge.title")
	h.tmpl.Render(w, r, http.StatusOK, "person/merge", v)
	return nil
}

func (h *handlers) merge(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := h.loadPerson(r, p, false)
	if err != nil {
		return err
	}
	_, err = h.meetings.MergePeople(r.Context(), p, v.P.ID, kit.FormID(r.PostFormValue("other")))
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		v.Errors = h.FormErrors(r, err)
		if err := h.others(r, p, &v); err != nil {
			return err
		}
		v.Page = h.Page(w, r, "meeting.merge.title")
		h.tmpl.Render(w, r, http.StatusBadRequest, "person/merge", v)
		return nil
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "meeting.flash.merged")
	http.Redirect(w, r, fmt.Sprintf("/nguoi/%d", v.P.ID), http.StatusSeeOther)
	return nil
}
