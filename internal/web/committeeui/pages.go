package committeeui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

func typed(vs url.Values, name, def string) string {
	if x, ok := vs[name]; ok && len(x) > 0 {
		return x[0]
	}
	return def
}

func status(err error) int {
	if err == nil {
		return http.StatusOK
	}
	return kit.Status(err)
}

type listView struct {
	kit.Page
	Rows     []committee.Row
	Total    int
	Pager    kit.Pager
	Filter   listFilter
	Scope    []org.Unit // the units the user may filter by
	Units    []org.Unit // the units the user may set up committees for
	Purposes []committee.Purpose
	Errors   kit.Errors
	Typed    url.Values
}

// listFilter is the list's filter as typed.
type listFilter struct{ Unit, Query string }

// listPageSize is how many committees a page of the list shows.
const listPageSize = kit.DefaultPageSize

// Val is the typed value of a field, else def.
func (v listView) Val(name, def string) string { return typed(v.Typed, name, def) }

func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.listPage(w, r, p, nil, nil)
}

func (h *handlers) listPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, formErr error, form url.Values) error {
	q := r.URL.Query()
	lf := listFilter{Unit: q.Get("don_vi"), Query: q.Get("q")}
	page, offset := kit.PageParams(r, listPageSize)
	rows, total, err := h.store.List(r.Context(), p, committee.Filter{UnitID: kit.FormID(lf.Unit), Query: lf.Query, Offset: offset, Limit: listPageSize})
	if err != nil {
		return err
	}
	v := listView{Rows: rows, Total: total, Pager: kit.NewPager(r, page, listPageSize, total), Filter: lf,
		Purposes: committee.Purposes, Errors: h.FormErrors(r, formErr), Typed: form}
	if v.Scope, _, err = h.ListUnits(r, p); err != nil {
		return err
	}
	if v.Units, err = h.Auth.GrantedUnits(r.Context(), p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "committeeui.list.title")
	h.tmpl.Render(w, r, status(formErr), "list", v)
	return nil
}

// day reads a typed day into dst, adding a refusal to es.
func day(es *apperr.Errors, field, s string, dst *time.Time) {
	t, err := kit.FormDay(field, s)
	if e, ok := apperr.As(err); ok {
		*es = append(*es, e)
		return
	}
	*dst = t
}

func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	f := r.PostForm
	c := committee.Committee{UnitID: kit.FormID(f.Get("unit")), Name: f.Get("name"), Purpose: committee.Purpose(f.Get("purpose")),
		PurposeNote: f.Get("purpose_note"), DecisionNo: f.Get("decision_no")}
	var es apperr.Errors
	day(&es, "established_on", f.Get("established_on"), &c.EstablishedOn)
	err := es.Err()
	if err == nil {
		c, err = h.store.Create(r.Context(), p, c)
	}
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			return h.listPage(w, r, p, err, f)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/ban-chi-dao/%d", c.ID), http.StatusSeeOther)
	return nil
}

type showView struct {
	kit.Page
	C           committee.Committee
	Day         time.Time
	Members     []committee.Term // on Day
	Terms       []committee.Term // every term
	Meetings    []committee.Meeting
	Decisions   []committee.Decision
	CanWrite    bool
	Conferences []meeting.Row // the unit's conferences to link
	Units       []org.Unit    // units members may come from
	Roles       []committee.Role
	Errors      kit.Errors
	Typed       url.Values
	Year        int
}

// Val is the typed value of a field, else def.
func (v showView) Val(name, def string) string { return typed(v.Typed, name, def) }

// committee reads committee {id} as p may see it.
func (h *handlers) committee(r *http.Request, p *auth.Principal) (committee.Committee, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return committee.Committee{}, err
	}
	return h.store.Committee(r.Context(), p, id)
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.committee(r, p)
	if err != nil {
		return err
	}
	return h.page(w, r, p, c, nil, nil)
}

// page renders a committee with its members on ?ngay= (today by
// default), with the errors of formErr and the form as typed.
func (h *handlers) page(w http.ResponseWriter, r *http.Request, p *auth.Principal, c committee.Committee, formErr error, form url.Values) error {
	ctx := r.Context()
	v := showView{C: c, Day: h.Today(), Roles: committee.Roles, Errors: h.FormErrors(r, formErr), Typed: form, Year: h.Today().Year()}
	if s := r.URL.Query().Get("ngay"); s != "" {
		d, err := kit.FormDay("ngay", s)
		if err != nil {
			return err
		}
		if !d.IsZero() {
			v.Day = d
		}
	}
	var err error
	if v.Terms, err = h.store.Terms(ctx, p, c.ID); err != nil {
		return err
	}
	if v.Members, err = h.store.Members(ctx, p, c.ID, v.Day); err != nil {
		return err
	}
	if v.Meetings, err = h.store.Meetings(ctx, p, c.ID); err != nil {
		return err
	}
	if v.Decisions, err = h.store.Decisions(ctx, p, c.ID); err != nil {
		return err
	}
	if v.CanWrite, err = h.store.CanWrite(ctx, p, c.UnitID); err != nil {
		return err
	}
	if v.CanWrite {
		if v.Conferences, _, err = h.meetings.List(ctx, p, meeting.Filter{UnitID: c.UnitID, Limit: 50}); err != nil {
			return err
		}
		// Members come from the committee's unit, the units above it and
		// those below it (the front, the unions, the boards below).
		if v.Units, err = h.Org.Ancestors(ctx, c.UnitID, h.Today()); err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		below, err := h.Org.Subtree(ctx, c.UnitID, h.Today())
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		v.Units = append(v.Units, below...)
		if len(v.Units) > 400 {
			v.Units = v.Units[:400]
		}
	}
	v.Page = h.Page(w, r, "committeeui.show.title")
	v.Title = c.Name
	h.tmpl.Render(w, r, status(formErr), "show", v)
	return nil
}

// step runs one posted step on committee {id}: a refusal of the input
// shows the page again with the form as typed.
func (h *handlers) step(w http.ResponseWriter, r *http.Request, p *auth.Principal, run func(c committee.Committee, f url.Values) error) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	c, err := h.committee(r, p)
	if err != nil {
		return err
	}
	if err := run(c, r.PostForm); err != nil {
		switch apperr.CodeOf(err) {
		case apperr.CodeInvalid, apperr.CodeConflict:
			return h.page(w, r, p, c, err, r.PostForm)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/ban-chi-dao/%d", c.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) addMember(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(c committee.Committee, f url.Values) error {
		t := committee.Term{Name: f.Get("name"), Title: f.Get("title"), UnitID: kit.FormID(f.Get("unit")), Role: committee.Role(f.Get("role"))}
		var es apperr.Errors
		day(&es, "from", f.Get("from"), &t.From)
		if err := es.Err(); err != nil {
			return err
		}
		_, err := h.store.AddMember(r.Context(), p, c.ID, t)
		return err
	})
}

func (h *handlers) endTerm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(c committee.Committee, f url.Values) error {
		term, err := kit.PathID(r, "term")
		if err != nil {
			return err
		}
		var es apperr.Errors
		var until time.Time
		day(&es, "until", f.Get("until"), &until)
		if err := es.Err(); err != nil {
			return err
		}
		return h.store.EndTerm(r.Context(), p, c.ID, term, until, f.Get("reason"))
	})
}

func (h *handlers) changeRole(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(c committee.Committee, f url.Values) error {
		term, err := kit.PathID(r, "term")
		if err != nil {
			return err
		}
		var es apperr.Errors
		var from time.Time
		day(&es, "from", f.Get("from"), &from)
		if err := es.Err(); err != nil {
			return err
		}
		_, err = h.store.ChangeRole(r.Context(), p, c.ID, term, from, committee.Role(f.Get("role")), f.Get("title"))
		return err
	})
}

func (h *handlers) linkMeeting(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(c committee.Committee, f url.Values) error {
		return h.store.LinkMeeting(r.Context(), p, c.ID, kit.FormID(f.Get("conference")))
	})
}

func (h *handlers) addDecision(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(c committee.Committee, f url.Values) error {
		d := committee.Decision{Number: f.Get("number"), Title: f.Get("dtitle"), Summary: f.Get("summary")}
		var es apperr.Errors
		day(&es, "signed_on", f.Get("signed_on"), &d.SignedOn)
		if err := es.Err(); err != nil {
			return err
		}
		_, err := h.store.AddDecision(r.Context(), p, c.ID, d)
		return err
	})
}

type reportView struct {
	kit.Page
	R        committee.Report
	CanWrite bool
	Errors   kit.Errors
	Summary  string
}

// year reads ?nam= or the form's year (this year by default).
func (h *handlers) year(r *http.Request) (int, error) {
	raw := r.URL.Query().Get("nam")
	if r.Method == http.MethodPost {
		raw = r.PostFormValue("year")
	}
	if raw == "" {
		return h.Today().Year(), nil
	}
	y, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil {
		return 0, apperr.Invalid("year", "committee.err.year")
	}
	return y, nil
}

func (h *handlers) report(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.reportPage(w, r, p, nil, nil)
}

func (h *handlers) reportPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, formErr error, summary *string) error {
	c, err := h.committee(r, p)
	if err != nil {
		return err
	}
	year, err := h.year(r)
	if err != nil {
		return err
	}
	rep, err := h.store.Report(r.Context(), p, c.ID, year)
	if err != nil {
		return err
	}
	v := reportView{R: rep, Errors: h.FormErrors(r, formErr), Summary: rep.Summary}
	if summary != nil {
		v.Summary = *summary
	}
	if v.CanWrite, err = h.store.CanWrite(r.Context(), p, c.UnitID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "committeeui.report.title")
	h.tmpl.Render(w, r, status(formErr), "report", v)
	return nil
}

func (h *handlers) saveReport(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	c, err := h.committee(r, p)
	if err != nil {
		return err
	}
	year, err := h.year(r)
	if err != nil {
		return err
	}
	summary := r.PostFormValue("summary")
	if err := h.store.SaveReport(r.Context(), p, c.ID, year, summary); err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			return h.reportPage(w, r, p, err, &summary)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/ban-chi-dao/%d/bao-cao?nam=%d", c.ID, year), http.StatusSeeOther)
	return nil
}
