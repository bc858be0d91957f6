package web

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// conferenceListView is the conference list with its filters.
type conferenceListView struct {
	Page
	Rows     []meeting.Row
	Pager    Pager
	Kinds    []meeting.Kind
	Kind     string
	Period   string
	Query    string
	UnitID   int64
	Units    []org.Unit // the unit filter: the user's granted units and their children
	CanWrite bool
	Error    string
}

// scopeFilter turns the user's read scope into a conference filter.
func (h *meetingHandlers) readScope(w http.ResponseWriter, r *http.Request) (unitScope, bool) {
	if _, ok := h.requireUser(w, r); !ok {
		return unitScope{}, false
	}
	sc, err := h.scopeOf(r, auth.PermRead)
	if err != nil {
		h.fail(w, r, err)
		return unitScope{}, false
	}
	return sc, true
}

func (h *meetingHandlers) list(w http.ResponseWriter, r *http.Request) {
	sc, ok := h.readScope(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	v := conferenceListView{Kinds: meeting.Kinds, Kind: q.Get("loai"), Period: strings.TrimSpace(q.Get("ky")), Query: q.Get("q")}
	v.UnitID, _ = strconv.ParseInt(q.Get("don_vi"), 10, 64)
	f := meeting.Filter{All: sc.All, Units: sc.IDs, Kind: meeting.Kind(v.Kind), Period: v.Period, Query: v.Query, UnitID: v.UnitID, Limit: meetingPageLimit}
	if f.Kind != "" && !f.Kind.Valid() {
		f.Kind = ""
		v.Kind = ""
	}
	page, off := pageParams(r, meetingPageLimit)
	f.Offset = off
	rows, total, err := h.store.List(r.Context(), f)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		v.Error = legacyMessage(err)
		f.Period = ""
		rows, total, err = h.store.List(r.Context(), f)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Rows, v.Pager = rows, newPager(r, page, meetingPageLimit, total)
	v.Units = h.grantedUnits(r, auth.PermRead)
	v.CanWrite = len(auth.ScopeRoots(principal(r), auth.PermWrite)) > 0
	v.Page = h.page(w, r, "meeting.list.title")
	h.render(w, r, http.StatusOK, "meeting/list", v)
}

// meetingMonth is one month of the calendar: its weeks of days.
type meetingMonth struct {
	Month time.Time
	Weeks [][]meetingCalDay
}

type meetingCalDay struct {
	Date  time.Time
	In    bool // of this month
	Today bool
	Rows  []meeting.Row
}

type meetingCalendarView struct {
	Page
	Months   []meetingMonth
	Upcoming []meeting.Row
	From     time.Time
	PrevURL  string
	NextURL  string
}

// calendar shows the coming conferences in the user's scope: a month grid
// (Monday first) for this month and the next two, and the same as a list.
func (h *meetingHandlers) calendar(w http.ResponseWriter, r *http.Request) {
	sc, ok := h.readScope(w, r)
	if !ok {
		return
	}
	today := h.today()
	from := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m := r.URL.Query().Get("thang"); m != "" {
		if t, err := time.Parse("2006-01", m); err == nil {
			from = t
		}
	}
	to := from.AddDate(0, 3, -1)
	rows, _, err := h.store.List(r.Context(), meeting.Filter{All: sc.All, Units: sc.IDs, From: from, To: to, Asc: true, Limit: 500})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	byDay := map[string][]meeting.Row{}
	v := meetingCalendarView{From: from,
		PrevURL: "/hoi-nghi/lich?thang=" + from.AddDate(0, -3, 0).Format("2006-01"),
		NextURL: "/hoi-nghi/lich?thang=" + from.AddDate(0, 3, 0).Format("2006-01")}
	for _, row := range rows {
		k := row.HeldOn.Format(time.DateOnly)
		byDay[k] = append(byDay[k], row)
		if !row.HeldOn.Before(today) {
			v.Upcoming = append(v.Upcoming, row)
		}
	}
	for m := 0; m < 3; m++ {
		first := from.AddDate(0, m, 0)
		cm := meetingMonth{Month: first}
		start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
		for d := start; ; {
			var week []meetingCalDay
			for i := 0; i < 7; i++ {
				week = append(week, meetingCalDay{Date: d, In: d.Month() == first.Month(), Today: d.Equal(today), Rows: byDay[d.Format(time.DateOnly)]})
				d = d.AddDate(0, 0, 1)
			}
			cm.Weeks = append(cm.Weeks, week)
			if d.Month() != first.Month() {
				break
			}
		}
		v.Months = append(v.Months, cm)
	}
	v.Page = h.page(w, r, "meeting.calendar.title")
	h.render(w, r, http.StatusOK, "meeting/calendar", v)
}

// conferenceView is the conference page and the printable minutes.
type conferenceView struct {
	Page
	C        meeting.Conference
	Previous *meeting.Conference
	Pledges  []emulation.Row
	Today    time.Time
	CanWrite bool
	DocKinds []meeting.DocKind
	Errors   apperr.Errors
	TaskForm confTaskRow // the add-task form as typed
	Owners   []org.Unit  // owner choices for a new task
}

// loadConference reads conference {id} and checks perm on its unit.
func (h *meetingHandlers) loadConference(w http.ResponseWriter, r *http.Request, perm auth.Permission) (meeting.Conference, bool) {
	if _, ok := h.requireUser(w, r); !ok {
		return meeting.Conference{}, false
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return meeting.Conference{}, false
	}
	c, err := h.store.Conference(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return meeting.Conference{}, false
	}
	if _, ok := h.allow(w, r, perm, c.UnitID); !ok {
		return meeting.Conference{}, false
	}
	return c, true
}

func (h *meetingHandlers) conferenceView(w http.ResponseWriter, r *http.Request, c meeting.Conference, title string) (conferenceView, error) {
	v := conferenceView{C: c, Today: h.today(), DocKinds: meeting.DocKinds}
	ctx := r.Context()
	if prev, err := h.store.Previous(ctx, c); err == nil {
		v.Previous = &prev
	} else if apperr.CodeOf(err) != apperr.CodeNotFound {
		return v, err
	}
	var err error
	v.Pledges, err = h.pledges.List(ctx, true, nil, c.ID, 0)
	if err != nil {
		return v, err
	}
	v.CanWrite, _ = h.auth.Can(ctx, principal(r), auth.PermWrite, c.UnitID)
	if v.CanWrite {
		if u, err := h.org.Get(ctx, c.UnitID, h.today()); err == nil {
			v.Owners = append(v.Owners, u)
		}
		kids, _ := h.org.Children(ctx, c.UnitID, h.today())
		v.Owners = append(v.Owners, kids...)
	}
	v.Page = h.page(w, r, title)
	v.Title = c.Title
	return v, nil
}

func (h *meetingHandlers) show(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermRead)
	if !ok {
		return
	}
	v, err := h.conferenceView(w, r, c, "meeting.show.title")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "meeting/show", v)
}

func (h *meetingHandlers) minutes(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermRead)
	if !ok {
		return
	}
	v, err := h.conferenceView(w, r, c, "meeting.minutes.title")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "meeting/minutes", v)
}

// source shows the article a conference was imported from.
func (h *meetingHandlers) source(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermRead)
	if !ok {
		return
	}
	if c.SourceText == "" {
		h.fail(w, r, apperr.NotFound("Hội nghị này không được nhập từ bài viết."))
		return
	}
	v := conferenceView{C: c, Page: h.page(w, r, "meeting.source.title")}
	h.render(w, r, http.StatusOK, "meeting/source", v)
}

func (h *meetingHandlers) upload(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermWrite)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, meeting.MaxDocument+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		h.fail(w, r, apperr.Invalid("file", "Tệp quá lớn hoặc biểu mẫu không hợp lệ."))
		return
	}
	var data []byte
	name, ctype := "", ""
	if f, hdr, err := r.FormFile("file"); err == nil {
		data, err = io.ReadAll(io.LimitReader(f, meeting.MaxDocument+1))
		f.Close()
		if err != nil {
			h.fail(w, r, apperr.Invalid("file", "Không đọc được tệp."))
			return
		}
		name, ctype = hdr.Filename, hdr.Header.Get("Content-Type")
	}
	if _, err := h.store.AddDocument(r.Context(), c.ID, meeting.DocKind(r.FormValue("kind")), name, ctype, data); err != nil {
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
		h.render(w, r, http.StatusBadRequest, "meeting/show", v)
		return
	}
	h.setFlash(w, r, "meeting.flash.attached")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d#tai-lieu", c.ID), http.StatusSeeOther)
}

func (h *meetingHandlers) download(w http.ResponseWriter, r *http.Request) {
	c, ok := h.loadConference(w, r, auth.PermRead)
	if !ok {
		return
	}
	docID, err := strconv.ParseInt(r.PathValue("doc"), 10, 64)
	if err != nil {
		h.notFound(w, r)
		return
	}
	d, data, err := h.store.OpenDocument(r.Context(), c.ID, docID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.Name}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// meetingDay reads a date typed the Vietnamese way (25/12/2020) or from a
// date picker (2020-12-25).
func meetingDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if d, err := vntext.ParseDate(s); err == nil {
		if t, ok := d.Time(); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// Weekdays are the catalog keys of the calendar's column heads, Monday
// first.
func (meetingCalendarView) Weekdays() []string {
	return []string{"meeting.wd.1", "meeting.wd.2", "meeting.wd.3", "meeting.wd.4", "meeting.wd.5", "meeting.wd.6", "meeting.wd.7"}
}

// meetingTaskBlock is what the "mt-tasks" template draws.
type meetingTaskBlock struct {
	Tasks []meeting.Task
	Today time.Time
}

// TaskBlock pairs tasks with today for the "mt-tasks" template.
func (v conferenceView) TaskBlock(ts []meeting.Task) meetingTaskBlock {
	return meetingTaskBlock{Tasks: ts, Today: v.Today}
}

// Roles are the participant roles in the order pages list them.
func (v conferenceView) Roles() []meeting.Role { return meeting.Roles }
