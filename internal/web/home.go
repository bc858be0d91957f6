package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/kit"
)

// unitCookie remembers the unit a user last switched to.
const unitCookie = "danvan_unit"

type grantView struct {
	Unit org.Unit
	Role auth.Role
}

type homeView struct {
	kit.Page
	Grants   []grantView
	Choices  []org.Unit // the unit switcher: granted units and their children
	Current  org.Unit
	Activity []audit.Row
	Units    map[int64]string // names of the units in Activity
	// Notices are reporting events for the user (submitted, returned,
	// approved reports), newest first.
	Notices []report.Notification
	// Tasks are the open key tasks of the user's own units, most urgent
	// first; Overdue counts the overdue ones in the whole read scope.
	Tasks   []meeting.Task
	Overdue int
	Today   time.Time
	// The inbox, for those who decide reports (leaders): reports waiting
	// for them, units behind with the last and the running report, tasks
	// overdue or due this week (newest first) and models waiting for
	// recognition, each with its count.
	Leader     bool
	Inbox      report.Inbox
	InboxTasks []meeting.Task
	InboxTaskN int
	WeekEnd    time.Time
	ModelsN    int
	// HotSpots are the open hot-spot warnings the rules raised in the
	// units the leader leads, newest first; HotSpotN counts them all.
	HotSpots     []citizen.HotSpot
	HotSpotN     int
	InboxShown   int // how many units of a list the inbox names
	InboxIsEmpty bool
	// Reports are the reader's units' reports for the running six months
	// (those they may enter), for an officer's home.
	Reports []report.OverviewUnit
}

// inboxShown bounds the units or tasks an inbox list names.
const inboxShown = 5

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	p := kit.Principal(r)
	if p == nil {
		s.tmpl.Render(w, r, http.StatusOK, "home", homeView{Page: s.Page(w, r, "home.title")})
		return
	}
	ctx := r.Context()
	today := s.Today()
	choices, err := s.Auth.GrantedUnits(ctx, p, auth.PermRead, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v := homeView{Units: map[int64]string{}, Choices: choices}
	for _, g := range p.Grants {
		u, err := s.Org.Get(ctx, g.UnitID, today)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue // a grant on a unit closed since: nothing to show
		}
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		v.Grants = append(v.Grants, grantView{Unit: u, Role: g.Role})
	}
	// The current unit: ?don_vi=, else the remembered one, else the first
	// grant; only ever one the user may read.
	want := r.URL.Query().Get("don_vi")
	if want == "" {
		if c, err := r.Cookie(unitCookie); err == nil {
			want = c.Value
		}
	}
	if id, err := strconv.ParseInt(want, 10, 64); err == nil {
		ok, err := s.Auth.Can(ctx, p, auth.PermRead, id)
		if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			s.Fail(w, r, err)
			return
		}
		if ok {
			u, err := s.Org.Get(ctx, id, today)
			if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
				s.Fail(w, r, err)
				return
			}
			if err == nil {
				v.Current = u
				if r.URL.Query().Get("don_vi") != "" {
					s.SetCookie(w, r, &http.Cookie{Name: unitCookie, Value: want, MaxAge: 365 * 24 * 3600})
				}
			}
		}
	}
	if v.Current.ID == 0 && len(v.Grants) > 0 {
		v.Current = v.Grants[0].Unit
	}
	if v.Current.ID != 0 {
		var err error
		v.Activity, err = s.Auth.Activity(ctx, p, v.Current.ID, 10)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		var refs []org.UnitAt
		for _, a := range v.Activity {
			if a.UnitID != 0 {
				refs = append(refs, org.UnitAt{ID: a.UnitID, Day: a.At})
			}
		}
		names, err := s.Org.Names(ctx, refs)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		for ref, name := range names {
			v.Units[ref.ID] = name
		}
	}
	if err := s.homeWork(r, p, &v); err != nil {
		s.Fail(w, r, err)
		return
	}
	v.Page = s.Page(w, r, "home.title")
	s.tmpl.Render(w, r, http.StatusOK, "home", v)
}

// homeWork fills what waits for the user: reporting notices, the open
// tasks of their own units and how many tasks in their scope are overdue.
func (s *Server) homeWork(r *http.Request, p *auth.Principal, v *homeView) error {
	ctx := r.Context()
	v.Today = s.Today()
	var err error
	if v.Notices, err = report.NewStore(s.DB, s.Org, s.Auth).Notifications(ctx, p, 5); err != nil {
		return err
	}
	tasks := meeting.NewStore(s.DB, s.Org, s.Auth)
	if v.Tasks, _, err = tasks.Tasks(ctx, p, meeting.TaskFilter{Own: true, Open: true, Limit: 5}); err != nil {
		return err
	}
	_, v.Overdue, err = tasks.Tasks(ctx, p, meeting.TaskFilter{OverdueOn: v.Today, Limit: 1})
	if err != nil {
		return err
	}
	reports := report.NewStore(s.DB, s.Org, s.Auth)
	v.Inbox.Running = report.HalfOf(v.Today)
	all, err := reports.Overview(ctx, p, v.Inbox.Running)
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.CanEnter {
			v.Reports = append(v.Reports, o)
		}
	}
	v.Leader = len(auth.ScopeRoots(p, auth.PermApprove)) > 0
	if !v.Leader {
		return nil
	}
	v.InboxShown = inboxShown
	if v.Inbox, err = reports.Inbox(ctx, p, v.Today); err != nil {
		return err
	}
	v.WeekEnd = v.Today.AddDate(0, 0, 7)
	if v.InboxTasks, v.InboxTaskN, err = tasks.Tasks(ctx, p, meeting.TaskFilter{DueBy: v.WeekEnd, NewestFirst: true, Limit: inboxShown}); err != nil {
		return err
	}
	models := practice.NewStore(s.DB, s.Org, s.Auth, nil)
	if _, v.ModelsN, err = models.List(ctx, p, practice.Filter{Statuses: []practice.Status{practice.InProgress}, Limit: 1}); err != nil {
		return err
	}
	// The warnings time alone raises (late petitions, unanswered issues)
	// are swept once a day before reading, as the warnings' own page does.
	cases := citizen.NewStore(s.DB, s.Org, s.Auth)
	if _, err := cases.Sweep(ctx); err != nil {
		return err
	}
	if v.HotSpots, v.HotSpotN, err = cases.HotSpots(ctx, p, citizen.HotSpotFilter{Open: true, Leading: true, Limit: inboxShown}); err != nil {
		return err
	}
	v.InboxIsEmpty = len(v.Inbox.Waiting)+len(v.Inbox.Overdue)+len(v.Inbox.Due)+v.InboxTaskN+v.ModelsN+v.HotSpotN == 0
	return nil
}
