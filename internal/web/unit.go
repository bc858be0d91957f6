package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// treeBudget is how many units the tree page draws at most: it opens
// level after level while the total stays under it, so a province's page
// shows its communes while the national tree stops at the provinces.
const treeBudget = 400

// treeNode is one unit in the drawn tree.
type treeNode struct {
	Unit     org.Unit
	Children []*treeNode
	Hidden   int // children not drawn (beyond the budget)
}

type unitTreeView struct {
	Page
	Date      time.Time
	DateInput string // what the user typed, kept on error
	DateError string
	Today     bool
	Roots     []*treeNode
	Total     int
	Search    string
	Results   []org.Unit
	Searched  bool
}

// asOf reads the ?ngay= date (ISO from a date picker, or typed the
// Vietnamese way); it returns today and an error message when it is bad.
func (s *Server) asOf(r *http.Request) (t time.Time, input, errMsg string) {
	today := s.today()
	input = strings.TrimSpace(r.URL.Query().Get("ngay"))
	if input == "" {
		return today, "", ""
	}
	if t, err := time.Parse(time.DateOnly, input); err == nil {
		return t, input, ""
	}
	if d, err := vntext.ParseDate(input); err == nil {
		if t, ok := d.Time(); ok {
			return t, input, ""
		}
	}
	return today, input, "Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025."
}

func (s *Server) today() time.Time {
	n := s.now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

func (s *Server) unitTree(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	date, input, dateErr := s.asOf(r)
	v := unitTreeView{Page: s.page(w, r, "unit.tree.title"), Date: date, DateInput: input, DateError: dateErr}
	v.Today = date.Equal(s.today())
	if q := strings.TrimSpace(r.URL.Query().Get("q")); q != "" {
		v.Search, v.Searched = q, true
		res, err := s.org.SearchByName(ctx, q, date, 50)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.Results = res
	}
	units, err := s.org.Tree(ctx, date)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Roots, v.Total = buildTree(units, treeBudget), len(units)
	status := http.StatusOK
	if dateErr != "" {
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "unit/tree", v)
}

// buildTree nests units (in display order, parents before children) and
// draws whole levels while the count stays within budget.
func buildTree(units []org.Unit, budget int) []*treeNode {
	nodes := make(map[int64]*treeNode, len(units))
	byDepth := map[int][]*treeNode{}
	maxDepth := 0
	for _, u := range units {
		n := &treeNode{Unit: u}
		nodes[u.ID] = n
		byDepth[u.Depth] = append(byDepth[u.Depth], n)
		maxDepth = max(maxDepth, u.Depth)
	}
	drawDepth, count := -1, 0
	for d := 0; d <= maxDepth; d++ {
		if count+len(byDepth[d]) > budget && d > 0 {
			break
		}
		count += len(byDepth[d])
		drawDepth = d
	}
	var roots []*treeNode
	for _, u := range units {
		n := nodes[u.ID]
		p, ok := nodes[u.ParentID]
		switch {
		case !ok:
			if u.Depth <= drawDepth {
				roots = append(roots, n)
			}
		case u.Depth <= drawDepth:
			p.Children = append(p.Children, n)
		default:
			p.Hidden++
		}
	}
	return roots
}

type unitShowView struct {
	Page
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
}

func (s *Server) unitShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, apperr.NotFound("Không tìm thấy đơn vị"))
		return
	}
	date, input, dateErr := s.asOf(r)
	u, err := s.org.Get(ctx, id, date)
	var notYet, ended bool
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		// The unit exists but not on that day: show it on the nearest day
		// it did exist, and say so.
		if near, ok := s.nearestDay(r, id, date); ok {
			notYet, ended = near.After(date), near.Before(date)
			date = near
			u, err = s.org.Get(ctx, id, date)
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := unitShowView{Page: s.page(w, r, "unit.tree.title"), Unit: u, Date: date, DateInput: input, DateError: dateErr, NotYet: notYet, Ended: ended}
	v.Title = u.Name
	if v.Ancestors, err = s.org.Ancestors(ctx, id, date); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.Children, err = s.org.Children(ctx, id, date); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.History, err = s.history(r, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.Predecessors, err = s.org.Predecessors(ctx, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.Successors, err = s.org.Successors(ctx, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if !u.Active() {
		if v.Today, err = s.org.MapToToday(ctx, id, s.today()); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "unit/show", v)
}

// nearestDay returns the day closest to date on which unit id existed:
// its first day when date is before its life, its last day when after.
func (s *Server) nearestDay(r *http.Request, id int64, date time.Time) (time.Time, bool) {
	hist, err := s.org.History(r.Context(), id)
	if err != nil || len(hist) == 0 {
		return time.Time{}, false
	}
	first, last := hist[0], hist[len(hist)-1]
	if date.Before(first.ValidFrom) {
		return first.ValidFrom, true
	}
	if !last.ValidTo.IsZero() && date.After(last.ValidTo) {
		return last.ValidTo, true
	}
	return time.Time{}, false
}

// historyRow is one version of a unit with its parent's name then.
type historyRow struct {
	org.Version
	Parent org.Unit
}

// history lists a unit's versions with the parent each had; a unit has
// few versions, so one lookup per version is cheap.
func (s *Server) history(r *http.Request, id int64) ([]historyRow, error) {
	vs, err := s.org.History(r.Context(), id)
	if err != nil {
		return nil, err
	}
	rows := make([]historyRow, len(vs))
	for i, v := range vs {
		rows[i].Version = v
		if v.ParentID != 0 {
			if rows[i].Parent, err = s.org.Get(r.Context(), v.ParentID, v.ValidFrom); err != nil {
				return nil, err
			}
		}
	}
	return rows, nil
}
