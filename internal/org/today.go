package org

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danvan/danvan/internal/db"
)

// Today's tree, read once and kept until it changes.
//
// Nearly every request asks about today's tree: who may act on a unit
// (its path today), a unit's name and children, the tree page. A Store
// keeps the whole tree of the database clock's today in memory (a few
// thousand units since the 2025 reform; well under 10 MB) and answers
// Get, Children, Subtree, Ancestors and Tree for that day from it. Every
// change to the hierarchy raises the database version TopicTree in its
// transaction (Store.Update), and the kept tree is used only while that
// version and the day are the ones it was read at: a change committed by
// any server is seen by the next request on every server.

// TopicTree is the database version topic (db.Versions) of the
// hierarchy: every committed change to units, their versions, the closure
// or the links raises it.
const TopicTree = "org.tree"

// snapshot is the tree of one day.
type snapshot struct {
	day     string // db.Day
	version int64  // of TopicTree when read
	units   []Unit // tree order
	byID    map[int64]int
	kids    map[int64][]int // indexes into units, in order
}

// cache is a Store's kept tree.
type cache struct {
	mu   sync.Mutex // held while reading the tree
	snap atomic.Pointer[snapshot]
}

// today returns the kept tree when day is the database clock's today,
// reading it again when the hierarchy has changed since; nil for any
// other day.
func (s *Store) today(ctx context.Context, day string) (*snapshot, error) {
	if s.db.Now().Format(db.DayLayout) != day {
		return nil, nil
	}
	v, err := s.db.Versions(ctx)
	if err != nil {
		return nil, err
	}
	version := v[TopicTree]
	if sn := s.cache.snap.Load(); sn != nil && sn.day == day && sn.version == version {
		return sn, nil
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if sn := s.cache.snap.Load(); sn != nil && sn.day == day && sn.version == version {
		return sn, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE `+onDay, day, day)
	if err != nil {
		return nil, fmt.Errorf("org: tree: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: tree: %w", err)
	}
	sn := newSnapshot(day, version, treeOrder(us))
	s.cache.snap.Store(sn)
	return sn, nil
}

func newSnapshot(day string, version int64, units []Unit) *snapshot {
	sn := &snapshot{day: day, version: version, units: units,
		byID: make(map[int64]int, len(units)), kids: make(map[int64][]int, len(units)/4)}
	for i, u := range units {
		sn.byID[u.ID] = i
	}
	for i, u := range units {
		if _, ok := sn.byID[u.ParentID]; ok && u.ParentID != 0 {
			sn.kids[u.ParentID] = append(sn.kids[u.ParentID], i)
		}
	}
	return sn
}

func (sn *snapshot) get(id int64) (Unit, bool) {
	i, ok := sn.byID[id]
	if !ok {
		return Unit{}, false
	}
	return sn.units[i], true
}

// subtree is unit i and everything below it, in tree order (the units
// of a subtree are contiguous in tree order).
func (sn *snapshot) subtree(i int) []Unit {
	end := i + 1
	depth := sn.units[i].Depth
	for end < len(sn.units) && sn.units[end].Depth > depth {
		end++
	}
	return append([]Unit(nil), sn.units[i:end]...)
}

// OutlineNode is a unit drawn in an outline of the tree: its children
// drawn, and how many it has that are not.
type OutlineNode struct {
	Unit     Unit
	Children []*OutlineNode
	Hidden   int // children not drawn (beyond the budget)
}

// Outline is the top of the tree on a day: whole levels, from the roots
// down, while the units drawn stay within a budget, so that a province's
// page shows its communes while the country's stops at the provinces.
type Outline struct {
	Roots []*OutlineNode
	Total int // units on the day, drawn or not
}

// Outline returns the tree on date drawn down as far as budget units
// allow (the roots always), each level in collation order. It reads only
// the levels it draws (and counts the next), not the whole tree: today's
// from the kept tree, any other day's from the database.
func (s *Store) Outline(ctx context.Context, date time.Time, budget int) (Outline, error) {
	d := db.Day(date)
	sn, err := s.today(ctx, d)
	if err != nil {
		return Outline{}, err
	}
	if sn != nil {
		return sn.outline(budget), nil
	}
	var o Outline
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_versions v WHERE `+onDay, d, d).Scan(&o.Total); err != nil {
		return o, fmt.Errorf("org: outline: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE v.parent_id IS NULL AND `+onDay, d, d)
	if err != nil {
		return o, fmt.Errorf("org: outline: %w", err)
	}
	roots, err := collectUnits(rows)
	if err != nil {
		return o, fmt.Errorf("org: outline: %w", err)
	}
	level := make([]*OutlineNode, len(roots))
	for i, u := range roots {
		level[i] = &OutlineNode{Unit: u}
	}
	sortNodes(level)
	o.Roots = level
	drawn := len(level)
	for len(level) > 0 {
		byID := make(map[int64]*OutlineNode, len(level))
		args := make([]any, 0, len(level)+2)
		for _, n := range level {
			byID[n.Unit.ID] = n
			args = append(args, n.Unit.ID)
		}
		in := `v.parent_id IN (` + db.Placeholders(len(level)) + `) AND ` + onDay
		args = append(args, d, d)
		rows, err := s.db.QueryContext(ctx, `SELECT v.parent_id, COUNT(*) FROM unit_versions v WHERE `+in+` GROUP BY v.parent_id`, args...)
		if err != nil {
			return o, fmt.Errorf("org: outline: %w", err)
		}
		counts := map[int64]int{}
		next := 0
		for rows.Next() {
			var p int64
			var n int
			if err := rows.Scan(&p, &n); err != nil {
				rows.Close()
				return o, fmt.Errorf("org: outline: %w", err)
			}
			counts[p] = n
			next += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return o, fmt.Errorf("org: outline: %w", err)
		}
		if next == 0 {
			break
		}
		if drawn+next > budget {
			for id, n := range counts {
				byID[id].Hidden = n
			}
			break
		}
		rows, err = s.db.QueryContext(ctx, `SELECT `+unitCols+` FROM unit_versions v JOIN units u ON u.id = v.unit_id WHERE `+in, args...)
		if err != nil {
			return o, fmt.Errorf("org: outline: %w", err)
		}
		kids, err := collectUnits(rows)
		if err != nil {
			return o, fmt.Errorf("org: outline: %w", err)
		}
		level = level[:0:0]
		for _, u := range kids {
			n := &OutlineNode{Unit: u}
			p := byID[u.ParentID]
			p.Children = append(p.Children, n)
			level = append(level, n)
		}
		for _, p := range byID {
			sortNodes(p.Children)
		}
		drawn += len(kids)
	}
	return o, nil
}

// outline draws the kept tree as Store.Outline does.
func (sn *snapshot) outline(budget int) Outline {
	o := Outline{Total: len(sn.units)}
	var level []int
	for i, u := range sn.units {
		if _, ok := sn.byID[u.ParentID]; !ok || u.ParentID == 0 {
			level = append(level, i)
		}
	}
	nodes := make(map[int]*OutlineNode, len(level))
	for _, i := range level {
		n := &OutlineNode{Unit: sn.units[i]}
		nodes[i] = n
		o.Roots = append(o.Roots, n)
	}
	drawn := len(level)
	for len(level) > 0 {
		next := 0
		for _, i := range level {
			next += len(sn.kids[sn.units[i].ID])
		}
		if next == 0 {
			break
		}
		if drawn+next > budget {
			for _, i := range level {
				nodes[i].Hidden = len(sn.kids[sn.units[i].ID])
			}
			break
		}
		var deeper []int
		for _, i := range level {
			p := nodes[i]
			for _, k := range sn.kids[sn.units[i].ID] {
				n := &OutlineNode{Unit: sn.units[k]}
				nodes[k] = n
				p.Children = append(p.Children, n)
				deeper = append(deeper, k)
			}
		}
		drawn += next
		level = deeper
	}
	return o
}

// sortNodes orders siblings as the tree does: by collation key, then id.
func sortNodes(ns []*OutlineNode) {
	sort.Slice(ns, func(a, b int) bool {
		ua, ub := &ns[a].Unit, &ns[b].Unit
		if c := bytes.Compare(ua.sortKey, ub.sortKey); c != 0 {
			return c < 0
		}
		return ua.ID < ub.ID
	})
}
