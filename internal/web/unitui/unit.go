package unitui

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the public pages of the unit hierarchy and its API.
type handlers struct {
	*kit.Kit
	tmpl   *kit.Templates
	awards *commendation.Store
	drawn  *treeCache
}

// Mount returns the routes of the unit hierarchy: the public tree on any
// date, one unit's page with its history, and the units API.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, awards: commendation.NewStore(k.DB, k.Org, k.Auth), drawn: &treeCache{}}
	h.tmpl, err = k.Templates(fsys, template.FuncMap{
		"treeArgs": func(date time.Time, n *treeNode) treeArgs { return treeArgs{Date: date, N: n} },
	})
	if err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /don-vi", Handler: k.Public(h.tree)},
			{Pattern: "GET /don-vi/{id}", Handler: k.Public(h.show)},
			{Pattern: "GET /api/v1/units", Handler: k.API(h.apiList)},
			{Pattern: "GET /api/v1/units/{id}", Handler: k.API(h.apiGet)},
			{Pattern: "GET /api/v1/units/{id}/subtree", Handler: k.API(h.apiSubtree)},
		},
		Nav: []kit.NavLink{{Href: "/don-vi", Key: "nav.units", Show: kit.Always}},
	}, nil
}

// treeArgs carries the date down the recursive "node" template.
type treeArgs struct {
	Date time.Time
	N    *treeNode
}

// treeBudget is how many units the tree page draws at most: it opens
// level after level while the total stays under it, so a province's page
// shows its communes while the national tree stops at the provinces.
const treeBudget = 400

// treeNode is one unit in the drawn tree: its children drawn, and how
// many it has that are not (beyond the budget).
type treeNode = org.OutlineNode

type treeView struct {
	kit.Page
	Date      time.Time
	DateInput string // what the user typed, kept on error
	DateError string
	Today     bool
	// Tree is the drawn tree (treenodes.html), kept by treeCache; Total
	// counts the units on the day, drawn or not.
	Tree     template.HTML
	Total    int
	Search   string
	Results  []org.Unit
	Former   []org.Former // units found by a name they no longer bore on Date
	Searched bool
}

// asOf reads the ?ngay= date (ISO from a date picker, or typed the
// Vietnamese way); it returns today and a translated message when it is
// bad.
func (h *handlers) asOf(r *http.Request) (t time.Time, input, errMsg string) {
	today := h.Today()
	input = strings.TrimSpace(r.URL.Query().Get("ngay"))
	t, err := kit.FormDay("ngay", input)
	if err != nil {
		return today, input, h.Message(r, err)
	}
	if t.IsZero() {
		return today, "", ""
	}
	return t, input, ""
}

func (h *handlers) tree(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	ctx := r.Context()
	date, input, dateErr := h.asOf(r)
	v := treeView{Page: h.Page(w, r, "unit.tree.title"), Date: date, DateInput: input, DateError: dateErr}
	v.Today = date.Equal(h.Today())
	if q := strings.TrimSpace(r.URL.Query().Get("q")); q != "" {
		v.Search, v.Searched = q, true
		res, err := h.Org.SearchByName(ctx, q, date, 50)
		if err != nil {
			return err
		}
		v.Results = res
		// "Phùng Chí Kiên" after the 2025 merge: the ward, and what took it over.
		if v.Former, err = h.Org.SearchFormer(ctx, q, date, 10); err != nil {
			return err
		}
	}
	drawn, err := h.drawTree(r, date)
	if err != nil {
		return err
	}
	v.Tree, v.Total = drawn.html, drawn.total
	status := http.StatusOK
	if dateErr != "" {
		status = http.StatusBadRequest
	}
	h.tmpl.Render(w, r, status, "tree", v)
	return nil
}

type showView struct {
	kit.Page
	Unit         org.Unit
	Date         time.Time
	DateInput    string
	DateError    string
	NotYet       bool // the chosen date is before the unit's life
	Ended        bool // the chosen date is after it
	Ancestors    []org.Unit
	Children     []org.Unit
	History      []historyRow
	Predecessors []org.Link
	Successors   []org.Link
	Today        []org.Mapped
	// Awards are the unit's commendations, for a signed-in reader who
	// may read the unit (ShowAwards); the public sees none.
	Awards     []commendation.Award
	ShowAwards bool
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	date, input, dateErr := h.asOf(r)
	u, err := h.Org.Get(ctx, id, date)
	var notYet, ended bool
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		// The unit exists but not on that day: show it on the nearest day
		// it did exist, and say so.
		near, ok, nerr := h.nearestDay(r, id, date)
		if nerr != nil {
			return nerr
		}
		if ok {
			notYet, ended = near.After(date), near.Before(date)
			date = near
			u, err = h.Org.Get(ctx, id, date)
		}
	}
	if err != nil {
		return err
	}
	v := showView{Page: h.Page(w, r, "unit.tree.title"), Unit: u, Date: date, DateInput: input, DateError: dateErr, NotYet: notYet, Ended: ended}
	v.Title = u.Name
	if v.Ancestors, err = h.Org.Ancestors(ctx, id, date); err != nil {
		return err
	}
	if v.Children, err = h.Org.Children(ctx, id, date); err != nil {
		return err
	}
	if v.History, err = h.history(r, id); err != nil {
		return err
	}
	if v.Predecessors, err = h.Org.Predecessors(ctx, id); err != nil {
		return err
	}
	if v.Successors, err = h.Org.Successors(ctx, id); err != nil {
		return err
	}
	if !u.Active() {
		if v.Today, err = h.Org.MapToToday(ctx, id, h.Today()); err != nil {
			return err
		}
	}
	if p != nil {
		v.Awards, err = h.awards.ForUnit(ctx, p, id)
		switch apperr.CodeOf(err) {
		case "":
			v.ShowAwards = true
		case apperr.CodeForbidden:
		default:
			return err
		}
	}
	h.tmpl.Render(w, r, http.StatusOK, "show", v)
	return nil
}

// nearestDay returns the day closest to date on which unit id existed:
// its first day when date is before its life, its last day when after.
func (h *handlers) nearestDay(r *http.Request, id int64, date time.Time) (time.Time, bool, error) {
	hist, err := h.Org.History(r.Context(), id)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return time.Time{}, false, nil
	}
	if err != nil || len(hist) == 0 {
		return time.Time{}, false, err
	}
	first, last := hist[0], hist[len(hist)-1]
	if date.Before(first.ValidFrom) {
		return first.ValidFrom, true, nil
	}
	if !last.ValidTo.IsZero() && date.After(last.ValidTo) {
		return last.ValidTo, true, nil
	}
	return time.Time{}, false, nil
}

// historyRow is one version of a unit with its parent's name then.
type historyRow struct {
	org.Version
	Parent org.Unit
}

// history lists a unit's versions with the parent each had; a unit has
// few versions, so one lookup per version is cheap.
func (h *handlers) history(r *http.Request, id int64) ([]historyRow, error) {
	vs, err := h.Org.History(r.Context(), id)
	if err != nil {
		return nil, err
	}
	rows := make([]historyRow, len(vs))
	for i, v := range vs {
		rows[i].Version = v
		if v.ParentID != 0 {
			if rows[i].Parent, err = h.Org.Get(r.Context(), v.ParentID, v.ValidFrom); err != nil {
				return nil, err
			}
		}
	}
	return rows, nil
}
