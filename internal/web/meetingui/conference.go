package meetingui

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// listView is the conference list with its filters.
type listView struct {
	kit.Page
	Rows     []meeting.Row
	Pager    kit.Pager
	Kinds    []meeting.Kind
	Kind     string
	Period   string
	Query    string
	UnitID   int64
	Units    []org.Unit // the unit filter: the user's granted units and their children
	CanWrite bool
	Error    string
}

func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	q := r.URL.Query()
	v := listView{Kinds: meeting.Kinds, Kind: q.Get("loai"), Period: strings.TrimSpace(q.Get("ky")), Query: q.Get("q"),
		UnitID: kit.FormID(q.Get("don_vi")), CanWrite: meeting.CanWriteSomewhere(p)}
	if !meeting.Kind(v.Kind).Valid() {
		v.Kind = ""
	}
	page, off := kit.PageParams(r, pageSize)
	f := meeting.Filter{Kind: meeting.Kind(v.Kind), Period: v.Period, Query: v.Query, UnitID: v.UnitID, Limit: pageSize, Offset: off}
	rows, total, err := h.meetings.List(ctx, p, f)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		// A period that is not one: say so, and list without it.
		v.Error = h.Message(r, err)
		f.Period = ""
		rows, total, err = h.meetings.List(ctx, p, f)
	}
	if err != nil {
		return err
	}
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, h.Today()); err != nil {
		return err
	}
	v.Rows, v.Pager = rows, kit.NewPager(r, page, pageSize, total)
	v.Page = h.Page(w, r, "meeting.list.title")
	h.tmpl.Render(w, r, http.StatusOK, "conference/list", v)
	return nil
}

// calMonth is one month of the calendar: its weeks of days.
type calMonth struct {
	Month time.Time
	Weeks [][]calDay
}

type calDay struct {
	Date  time.Time
	In    bool // of this month
	Today bool
	Rows  []meeting.Row
}

type calendarView struct {
	kit.Page
	Months   []calMonth
	Upcoming []meeting.Row
	From     time.Time
	PrevURL  string
	NextURL  string
}

// Weekdays are the catalog keys of the calendar's column heads, Monday
// first.
func (calendarView) Weekdays() []string {
	return []string{"meeting.wd.1", "meeting.wd.2", "meeting.wd.3", "meeting.wd.4", "meeting.wd.5", "meeting.wd.6", "meeting.wd.7"}
}

// calendar shows the coming conferences in the user's scope: a month grid
// (Monday first) for this month and the next two, and the same as a list.
func (h *handlers) calendar(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	today := h.Today()
	from := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01", r.URL.Query().Get("thang")); err == nil {
		from = t
	}
	to := from.AddDate(0, 3, -1)
	rows, _, err := h.meetings.List(r.Context(), p, meeting.Filter{From: from, To: to, Asc: true, Limit: 500})
	if err != nil {
		return err
	}
	byDay := map[string][]meeting.Row{}
	v := calendarView{From: from,
		PrevURL: "/hoi-nghi/lich?thang=" + from.AddDate(0, -3, 0).Format("2006-01"),
		NextURL: "/hoi-nghi/lich?thang=" + from.AddDate(0, 3, 0).Format("2006-01")}
	for _, row := range rows {
		k := row.HeldOn.Format(time.DateOnly)
		byDay[k] = append(byDay[k], row)
		if !row.HeldOn.Before(today) {
			v.Upcoming = append(v.Upcoming, row)
		}
	}
	for m := range 3 {
		first := from.AddDate(0, m, 0)
		cm := calMonth{Month: first}
		start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
		for d := start; ; {
			var week []calDay
			for range 7 {
				week = append(week, calDay{Date: d, In: d.Month() == first.Month(), Today: d.Equal(today), Rows: byDay[d.Format(time.DateOnly)]})
				d = d.AddDate(0, 0, 1)
			}
			cm.Weeks = append(cm.Weeks, week)
			if d.Month() != first.Month() {
				break
			}
		}
		v.Months = append(v.Months, cm)
	}
	v.Page = h.Page(w, r, "meeting.calendar.title")
	h.tmpl.Render(w, r, http.StatusOK, "conference/calendar", v)
	return nil
}

// conferenceView is the conference page and the printable minutes.
type conferenceView struct {
	kit.Page
	C        meeting.Conference
	Previous *meeting.Conference
	Pledges  []emulation.Row
	Today    time.Time
	CanWrite bool
	DocKinds []meeting.DocKind
	Errors   kit.Errors
	TaskForm taskRow    // the add-task form as typed
	Owners   []org.Unit // owner choices for a new task
	// Drafts are the links to draft a document or a news article from
	// the conference, each shown only to who may use it.
	Drafts []draftLink
	// Directives are those the conference carries out, in the registers
	// the reader may read.
	Directives []directive.Directive
}

// draftLink is a link from the conference page to a draft made from it.
type draftLink struct {
	Href, Key string
}

// MaxDocument is the largest document a conference takes, for the
// browser's check before sending.
func (conferenceView) MaxDocument() int64 { return meeting.MaxDocument }

// taskBlock is what the "mt-tasks" template draws.
type taskBlock struct {
	Tasks []meeting.Task
	Today time.Time
}

// TaskBlock pairs tasks with today for the "mt-tasks" template.
func (v conferenceView) TaskBlock(ts []meeting.Task) taskBlock {
	return taskBlock{Tasks: ts, Today: v.Today}
}

// Roles are the participant roles in the order pages list them.
func (v conferenceView) Roles() []meeting.Role { return meeting.Roles }

// conference reads conference {id} as p may see it.
func (h *handlers) conference(r *http.Request, p *auth.Principal) (meeting.Conference, error) {
	return byPath(r, p, h.meetings.Conference)
}

// conferenceView fills the conference page: the previous conference's
// tasks, the pledges signed at it and, for those who may write, the
// owners a new task may have.
func (h *handlers) conferenceView(w http.ResponseWriter, r *http.Request, p *auth.Principal, c meeting.Conference, titleKey string, formErr error) (conferenceView, error) {
	ctx := r.Context()
	v := conferenceView{C: c, Today: h.Today(), DocKinds: meeting.DocKinds, Errors: h.FormErrors(r, formErr)}
	if c.OwnerView { // the public part, for the owner of one of its tasks
		v.Page = h.Page(w, r, titleKey)
		v.Title = c.Title
		return v, nil
	}
	prev, err := h.meetings.Previous(ctx, p, c)
	switch {
	case err == nil:
		v.Previous = &prev
	case apperr.CodeOf(err) != apperr.CodeNotFound:
		return v, err
	}
	if v.Pledges, err = h.pledges.List(ctx, p, emulation.ListFilter{ConferenceID: c.ID}); err != nil {
		return v, err
	}
	if v.CanWrite, err = h.meetings.CanWrite(ctx, p, c.UnitID); err != nil {
		return v, err
	}
	if v.CanWrite {
		u, err := h.Org.Get(ctx, c.UnitID, h.Today())
		switch {
		case err == nil:
			v.Owners = append(v.Owners, u)
		case apperr.CodeOf(err) != apperr.CodeNotFound:
			return v, err
		}
		kids, err := h.Org.Children(ctx, c.UnitID, h.Today())
		if err != nil {
			return v, err
		}
		v.Owners = append(v.Owners, kids...)
	}
	v.Page = h.Page(w, r, titleKey)
	v.Title = c.Title
	return v, nil
}

// showConference renders the conference page (status is 200, or the
// status of formErr when a form on it was refused).
func (h *handlers) showConference(w http.ResponseWriter, r *http.Request, p *auth.Principal, c meeting.Conference, formErr error, taskForm taskRow) error {
	v, err := h.conferenceView(w, r, p, c, "meeting.show.title", formErr)
	if err != nil {
		return err
	}
	v.TaskForm = taskForm
	if !c.OwnerView {
		if v.Drafts, err = h.draftLinks(r.Context(), p, c); err != nil {
			return err
		}
		if v.Directives, err = directive.NewStore(h.DB, h.Org, h.Auth, h.Files).For(r.Context(), p, directive.Conference, c.ID); err != nil {
			return err
		}
	}
	h.tmpl.Render(w, r, formStatus(formErr), "conference/show", v)
	return nil
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	return h.showConference(w, r, p, c, nil, taskRow{})
}

func (h *handlers) minutes(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	v, err := h.conferenceView(w, r, p, c, "meeting.minutes.title", nil)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "conference/minutes", v)
	return nil
}

// source shows the article a conference was imported from.
func (h *handlers) source(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	if c.SourceText == "" {
		return apperr.NotFound("meetingui.err.not_imported")
	}
	h.tmpl.Render(w, r, http.StatusOK, "conference/source", conferenceView{C: c, Page: h.Page(w, r, "meeting.source.title")})
	return nil
}

func (h *handlers) upload(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := h.conference(r, p)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, meeting.MaxDocument+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return apperr.Invalid("file", "meetingui.err.upload")
	}
	var data []byte
	name, ctype := "", ""
	if f, hdr, err := r.FormFile("file"); err == nil {
		data, err = io.ReadAll(io.LimitReader(f, meeting.MaxDocument+1))
		f.Close()
		if err != nil {
			return apperr.Invalid("file", "meetingui.err.file_read")
		}
		name, ctype = hdr.Filename, hdr.Header.Get("Content-Type")
	}
	if _, err := h.meetings.AddDocument(r.Context(), p, c.ID, meeting.DocKind(r.FormValue("kind")), name, ctype, data); err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			return err
		}
		return h.showConference(w, r, p, c, err, taskRow{})
	}
	h.SetFlash(w, r, "meeting.flash.attached")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d#tai-lieu", c.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) download(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	confID, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	docID, err := kit.PathID(r, "doc")
	if err != nil {
		return err
	}
	d, data, err := h.meetings.OpenDocument(r.Context(), p, confID, docID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.Name}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if _, err := w.Write(data); err != nil {
		h.Log.DebugContext(r.Context(), "write document", "err", err)
	}
	return nil
}

// draftLinks are the drafts p may make from conference c: its minutes
// and, when it assigned tasks, the plan that carries them out, for who
// may write the unit's documents (package document decides); a news
// article on the unit's portal site, for who may write on that site
// (package portal decides).
func (h *handlers) draftLinks(ctx context.Context, p *auth.Principal, c meeting.Conference) ([]draftLink, error) {
	var out []draftLink
	id := strconv.FormatInt(c.ID, 10)
	ok, err := h.docs.CanWrite(ctx, p, c.UnitID)
	if err != nil {
		return nil, err
	}
	if ok {
		out = append(out, draftLink{Href: "/van-ban/soan?" + string(kit.Query("loai", string(document.KindMinutes), "hoi-nghi", id)),
			Key: "meeting.draft.minutes"})
		if document.Plannable(c) {
			out = append(out, draftLink{Href: "/van-ban/soan?" + string(kit.Query("loai", string(document.KindPlan), "hoi-nghi", id)),
				Key: "meeting.draft.plan"})
		}
	}
	sites, err := h.sites.PublicSites(ctx)
	if err != nil {
		return nil, err
	}
	for _, st := range sites {
		if st.UnitID == c.UnitID && h.sites.Can(ctx, p, auth.PermWrite, st) {
			out = append(out, draftLink{Href: "/bien-tap/" + strconv.FormatInt(st.ID, 10) + "/viet-tin/" + id, Key: "meeting.draft.news"})
		}
	}
	return out, nil
}
