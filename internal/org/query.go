package org

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// unitCols selects a Unit from units u joined with unit_versions v; scan
// it with scanUnit.
const unitCols = `u.id, u.code, u.level, u.kind, u.valid_from, u.valid_to,
	v.valid_from, v.valid_to, v.name, v.short_name, v.parent_id, v.path, v.sort_key`

// onDay is the condition "version v holds on day ?" (two arguments).
const onDay = `v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)`

// scanUnit reads the current row of a query that selects unitCols. The
// short, repeated columns (level, kind, dates) are read as raw bytes and
// decoded without allocating: a subtree reads hundreds of rows.
func scanUnit(rows *sql.Rows) (Unit, error) {
	var u Unit
	var level, kind, from, to, vfrom, vto sql.RawBytes
	var parent sql.NullInt64
	if err := rows.Scan(&u.ID, &u.Code, &level, &kind, &from, &to,
		&vfrom, &vto, &u.Name, &u.ShortName, &parent, &u.Path, &u.sortKey); err != nil {
		return u, err
	}
	u.Level, u.Kind = internLevel(level), internKind(kind)
	var err error
	for _, f := range []struct {
		dst *time.Time
		src sql.RawBytes
	}{{&u.ValidFrom, from}, {&u.ValidTo, to}, {&u.VersionFrom, vfrom}, {&u.VersionTo, vto}} {
		if *f.dst, err = scanDay(f.src); err != nil {
			return u, err
		}
	}
	u.ParentID = parent.Int64
	u.Depth = pathDepth(u.Path)
	return u, nil
}

func internLevel(b []byte) Level {
	for _, l := range Levels {
		if string(b) == string(l) {
			return l
		}
	}
	return Level(b)
}

func internKind(b []byte) Kind {
	for _, k := range Kinds {
		if string(b) == string(k) {
			return k
		}
	}
	return Kind(b)
}

func collectUnits(rows *sql.Rows) ([]Unit, error) {
	defer rows.Close()
	var us []Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		us = append(us, u)
	}
	return us, rows.Err()
}

// getOn reads unit id as it stood on day d. It fails with a not-found
// error when there is no such unit or it did not exist on d.
func getOn(ctx context.Context, q db.Querier, id int64, d string) (Unit, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+unitCols+`
		FROM units u JOIN unit_versions v ON v.unit_id = u.id
		WHERE u.id = ? AND `+onDay, id, d, d)
	if err != nil {
		return Unit{}, fmt.Errorf("org: get unit %d: %w", id, err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return Unit{}, fmt.Errorf("org: get unit %d: %w", id, err)
	}
	if len(us) == 0 {
		return Unit{}, notOn(ctx, q, id, d)
	}
	return us[0], nil
}

// notOn explains why unit id has no version on day d.
func notOn(ctx context.Context, q db.Querier, id int64, d string) error {
	var from string
	var to sql.NullString
	err := q.QueryRowContext(ctx, "SELECT valid_from, valid_to FROM units WHERE id = ?", id).Scan(&from, &to)
	if errors.Is(err, db.ErrNotFound) {
		return apperr.NotFound("org.err.unknown_unit")
	}
	if err != nil {
		return fmt.Errorf("org: get unit %d: %w", id, err)
	}
	if d < from {
		return apperr.NotFound("org.err.not_yet", showDay(d), showDay(from))
	}
	return apperr.NotFound("org.err.ended_on", showDay(d), showDay(to.String))
}

// Get returns unit id with its version on date. It is a not-found error
// when the unit is unknown or did not exist on date.
func (s *Store) Get(ctx context.Context, id int64, date time.Time) (Unit, error) {
	d := db.Day(date)
	sn, err := s.today(ctx, d)
	if err != nil {
		return Unit{}, err
	}
	if sn != nil {
		if u, ok := sn.get(id); ok {
			return u, nil
		}
	}
	return getOn(ctx, s.db, id, d)
}

// GetByCode is Get by the unit's code.
func (s *Store) GetByCode(ctx context.Context, code string, date time.Time) (Unit, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM units WHERE code = ?", strings.TrimSpace(code)).Scan(&id)
	if errors.Is(err, db.ErrNotFound) {
		return Unit{}, apperr.NotFound("org.err.unknown_code", strings.TrimSpace(code))
	}
	if err != nil {
		return Unit{}, fmt.Errorf("org: get unit %q: %w", code, err)
	}
	return s.Get(ctx, id, date)
}

// IDsByCode returns the ids of every unit, by code: a small vocabulary for
// tools and tests that know units by code.
func (s *Store) IDsByCode(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT code, id FROM units")
	if err != nil {
		return nil, fmt.Errorf("org: codes: %w", err)
	}
	defer rows.Close()
	m := map[string]int64{}
	for rows.Next() {
		var c string
		var id int64
		if err := rows.Scan(&c, &id); err != nil {
			return nil, fmt.Errorf("org: codes: %w", err)
		}
		m[c] = id
	}
	return m, rows.Err()
}

// Tree returns every unit that existed on date, in tree order: each unit
// before its children, siblings in Vietnamese collation order of their
// names (ties by id). Depth and ParentID give the shape.
func (s *Store) Tree(ctx context.Context, date time.Time) ([]Unit, error) {
	d := db.Day(date)
	sn, err := s.today(ctx, d)
	if err != nil {
		return nil, err
	}
	if sn != nil {
		return append([]Unit(nil), sn.units...), nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE `+onDay, d, d)
	if err != nil {
		return nil, fmt.Errorf("org: tree: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: tree: %w", err)
	}
	return treeOrder(us), nil
}

// treeOrder puts units in pre-order. Units whose parent is not in the
// list are roots.
func treeOrder(us []Unit) []Unit {
	in := make(map[int64]bool, len(us))
	for _, u := range us {
		in[u.ID] = true
	}
	kids := make(map[int64][]int, len(us))
	var roots []int
	for i, u := range us {
		if u.ParentID != 0 && in[u.ParentID] {
			kids[u.ParentID] = append(kids[u.ParentID], i)
		} else {
			roots = append(roots, i)
		}
	}
	less := func(idx []int) {
		sort.Slice(idx, func(a, b int) bool {
			ua, ub := &us[idx[a]], &us[idx[b]]
			if c := bytes.Compare(ua.sortKey, ub.sortKey); c != 0 {
				return c < 0
			}
			return ua.ID < ub.ID
		})
	}
	out := make([]Unit, 0, len(us))
	var walk func(idx []int)
	walk = func(idx []int) {
		less(idx)
		for _, i := range idx {
			out = append(out, us[i])
			if k := kids[us[i].ID]; len(k) > 0 {
				walk(k)
			}
		}
	}
	walk(roots)
	return out
}

// Children returns the units directly under id on date, in collation
// order.
func (s *Store) Children(ctx context.Context, id int64, date time.Time) ([]Unit, error) {
	d := db.Day(date)
	sn, err := s.today(ctx, d)
	if err != nil {
		return nil, err
	}
	if sn != nil {
		if _, ok := sn.byID[id]; ok {
			kids := sn.kids[id]
			out := make([]Unit, len(kids))
			for i, k := range kids {
				out[i] = sn.units[k]
			}
			return out, nil
		}
	}
	if _, err := getOn(ctx, s.db, id, d); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE v.parent_id = ? AND `+onDay+` ORDER BY v.sort_key, u.id`, id, d, d)
	if err != nil {
		return nil, fmt.Errorf("org: children: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: children: %w", err)
	}
	return us, nil
}

// Subtree returns unit id and every unit under it on date, in tree order
// (the unit first; siblings in collation order).
func (s *Store) Subtree(ctx context.Context, id int64, date time.Time) ([]Unit, error) {
	d := db.Day(date)
	sn, err := s.today(ctx, d)
	if err != nil {
		return nil, err
	}
	if sn != nil {
		if i, ok := sn.byID[id]; ok {
			return sn.subtree(i), nil
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_closure c
		JOIN unit_versions v ON v.unit_id = c.descendant_id AND `+onDay+`
		JOIN units u ON u.id = c.descendant_id
		WHERE c.ancestor_id = ? AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)`,
		d, d, id, d, d)
	if err != nil {
		return nil, fmt.Errorf("org: subtree: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: subtree: %w", err)
	}
	if len(us) == 0 {
		return nil, notOn(ctx, s.db, id, d)
	}
	return treeOrder(us), nil
}

// Ancestors returns the units above id on date, root first, without the
// unit itself.
func (s *Store) Ancestors(ctx context.Context, id int64, date time.Time) ([]Unit, error) {
	d := db.Day(date)
	u, err := s.Get(ctx, id, date)
	if err != nil {
		return nil, err
	}
	ids := u.PathIDs()
	if len(ids) <= 1 {
		return []Unit{}, nil
	}
	ids = ids[:len(ids)-1]
	if sn, err := s.today(ctx, d); err != nil {
		return nil, err
	} else if sn != nil {
		out := make([]Unit, 0, len(ids))
		for _, a := range ids {
			if au, ok := sn.get(a); ok {
				out = append(out, au)
			}
		}
		if len(out) == len(ids) {
			return out, nil
		}
	}
	args := make([]any, 0, len(ids)+2)
	for _, a := range ids {
		args = append(args, a)
	}
	args = append(args, d, d)
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE v.unit_id IN (`+db.Placeholders(len(ids))+`) AND `+onDay, args...)
	if err != nil {
		return nil, fmt.Errorf("org: ancestors: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: ancestors: %w", err)
	}
	pos := make(map[int64]int, len(ids))
	for i, a := range ids {
		pos[a] = i
	}
	sort.Slice(us, func(a, b int) bool { return pos[us[a].ID] < pos[us[b].ID] })
	return us, nil
}

// History returns every version of unit id, oldest first.
func (s *Store) History(ctx context.Context, id int64) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT valid_from, valid_to, name, short_name, parent_id, path
		FROM unit_versions WHERE unit_id = ? ORDER BY valid_from`, id)
	if err != nil {
		return nil, fmt.Errorf("org: history: %w", err)
	}
	defer rows.Close()
	var vs []Version
	for rows.Next() {
		var v Version
		var from string
		var to sql.NullString
		var parent sql.NullInt64
		if err := rows.Scan(&from, &to, &v.Name, &v.ShortName, &parent, &v.Path); err != nil {
			return nil, fmt.Errorf("org: history: %w", err)
		}
		if v.ValidFrom, err = db.ParseDay(from); err != nil {
			return nil, err
		}
		if v.ValidTo, err = db.NullDay(to); err != nil {
			return nil, err
		}
		v.ParentID = parent.Int64
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: history: %w", err)
	}
	if len(vs) == 0 {
		return nil, apperr.NotFound("org.err.unknown_unit")
	}
	return vs, nil
}

// Predecessors returns the links into unit id (the units merged or split
// into it), oldest first, each with the predecessor as it stood on its
// last day.
func (s *Store) Predecessors(ctx context.Context, id int64) ([]Link, error) {
	return s.links(ctx, id, true)
}

// Successors returns the links out of unit id (the units it was merged or
// split into), each with the successor as it stood on the link's date.
func (s *Store) Successors(ctx context.Context, id int64) ([]Link, error) {
	return s.links(ctx, id, false)
}

func (s *Store) links(ctx context.Context, id int64, into bool) ([]Link, error) {
	if err := s.exists(ctx, id); err != nil {
		return nil, err
	}
	col := "predecessor_id"
	if into {
		col = "successor_id"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, date, predecessor_id, successor_id, share
		FROM unit_links WHERE `+col+` = ? ORDER BY date, id`, id)
	if err != nil {
		return nil, fmt.Errorf("org: links: %w", err)
	}
	var ls []Link
	var dates []string
	for rows.Next() {
		var l Link
		var d string
		if err := rows.Scan(&l.ID, &l.Kind, &d, &l.PredecessorID, &l.SuccessorID, &l.Share); err != nil {
			rows.Close()
			return nil, fmt.Errorf("org: links: %w", err)
		}
		if l.Date, err = db.ParseDay(d); err != nil {
			rows.Close()
			return nil, err
		}
		ls = append(ls, l)
		dates = append(dates, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: links: %w", err)
	}
	for i := range ls {
		other, on := ls[i].SuccessorID, dates[i]
		if into {
			other, on = ls[i].PredecessorID, dayBefore(dates[i])
		}
		u, err := getOn(ctx, s.db, other, on)
		if err != nil {
			return nil, fmt.Errorf("org: links: unit %d on %s: %w", other, on, err)
		}
		ls[i].Unit = u
	}
	if ls == nil {
		ls = []Link{}
	}
	return ls, nil
}

func (s *Store) exists(ctx context.Context, id int64) error {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM units WHERE id = ?", id).Scan(&n); err != nil {
		return fmt.Errorf("org: unit %d: %w", id, err)
	}
	if n == 0 {
		return apperr.NotFound("org.err.unknown_unit")
	}
	return nil
}

// maxMapSteps bounds how many successor links MapToToday follows from
// one unit (the hierarchy changes a few times a decade).
const maxMapSteps = 64

// MapToToday returns the units that existed on asOf into which unit id
// passed, following successor links forward and multiplying shares: a
// unit that existed on asOf maps to itself with share 1; a commune merged
// in 2025 maps to the new commune; a share of a split passes on in
// proportion. Shares reaching one unit by several paths add up. A unit
// that ended without successor passes nothing on, so the shares may sum
// to less than 1. Results come largest share first. asOf must not be
// before the unit's start.
func (s *Store) MapToToday(ctx context.Context, id int64, asOf time.Time) ([]Mapped, error) {
	d := db.Day(asOf)
	var from string
	err := s.db.QueryRowContext(ctx, "SELECT valid_from FROM units WHERE id = ?", id).Scan(&from)
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.NotFound("org.err.unknown_unit")
	}
	if err != nil {
		return nil, fmt.Errorf("org: map unit %d: %w", id, err)
	}
	if d < from {
		return nil, apperr.Invalid("date", "org.err.map_before_start", showDay(d), showDay(from))
	}
	found := map[int64]float64{}
	frontier := map[int64]float64{id: 1}
	for step := 0; len(frontier) > 0; step++ {
		if step > maxMapSteps {
			return nil, fmt.Errorf("org: map unit %d: more than %d successor steps", id, maxMapSteps)
		}
		ids := make([]any, 0, len(frontier)+1)
		for u := range frontier {
			ids = append(ids, u)
		}
		// Which of the frontier lived on d: those are reached.
		rows, err := s.db.QueryContext(ctx, `SELECT id FROM units
			WHERE id IN (`+db.Placeholders(len(ids))+`) AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`,
			append(ids, d, d)...)
		if err != nil {
			return nil, fmt.Errorf("org: map unit %d: %w", id, err)
		}
		living := map[int64]bool{}
		for rows.Next() {
			var u int64
			if err := rows.Scan(&u); err != nil {
				rows.Close()
				return nil, fmt.Errorf("org: map unit %d: %w", id, err)
			}
			living[u] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("org: map unit %d: %w", id, err)
		}
		var ended []any
		for u, share := range frontier {
			if living[u] {
				found[u] += share
			} else {
				ended = append(ended, u)
			}
		}
		next := map[int64]float64{}
		if len(ended) > 0 {
			// Links dated after d lead to units that started after d:
			// only follow those taking effect on or before it.
			rows, err := s.db.QueryContext(ctx, `SELECT predecessor_id, successor_id, share FROM unit_links
				WHERE predecessor_id IN (`+db.Placeholders(len(ended))+`) AND date <= ?`, append(ended, d)...)
			if err != nil {
				return nil, fmt.Errorf("org: map unit %d: %w", id, err)
			}
			for rows.Next() {
				var p, succ int64
				var share float64
				if err := rows.Scan(&p, &succ, &share); err != nil {
					rows.Close()
					return nil, fmt.Errorf("org: map unit %d: %w", id, err)
				}
				next[succ] += frontier[p] * share
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, fmt.Errorf("org: map unit %d: %w", id, err)
			}
		}
		frontier = next
	}
	out := make([]Mapped, 0, len(found))
	for u, share := range found {
		unit, err := getOn(ctx, s.db, u, d)
		if err != nil {
			return nil, fmt.Errorf("org: map unit %d: %w", id, err)
		}
		out = append(out, Mapped{Unit: unit, Share: share})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Share != out[b].Share {
			return out[a].Share > out[b].Share
		}
		return bytes.Compare(out[a].Unit.sortKey, out[b].Unit.sortKey) < 0
	})
	return out, nil
}

// SearchByName finds units that existed on date whose name or short name
// contains query, compared folded (no marks, đ as d, any case, either
// tone placement): "uy ban" finds "Ủy ban". Names that begin with the
// query come first, then collation order. limit <= 0 means 20.
func (s *Store) SearchByName(ctx context.Context, query string, date time.Time, limit int) ([]Unit, error) {
	q := vntext.Fold(query)
	if q == "" {
		return nil, apperr.Invalid("q", "org.err.search_empty")
	}
	if limit <= 0 {
		limit = 20
	}
	d := db.Day(date)
	esc := db.EscapeLike(q)
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitCols+`
		FROM unit_versions v JOIN units u ON u.id = v.unit_id
		WHERE `+onDay+` AND (v.name_fold LIKE ? ESCAPE '\' OR v.short_fold LIKE ? ESCAPE '\')
		ORDER BY CASE WHEN v.name_fold LIKE ? ESCAPE '\' OR v.short_fold LIKE ? ESCAPE '\' THEN 0 ELSE 1 END, v.sort_key, u.id
		LIMIT ?`, d, d, "%"+esc+"%", "%"+esc+"%", esc+"%", esc+"%", limit)
	if err != nil {
		return nil, fmt.Errorf("org: search: %w", err)
	}
	us, err := collectUnits(rows)
	if err != nil {
		return nil, fmt.Errorf("org: search: %w", err)
	}
	if us == nil {
		us = []Unit{}
	}
	return us, nil
}
