package org

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// unitRow is a units row; dates as stored.
type unitRow struct {
	ID    int64
	Code  string
	Level Level
	Kind  Kind
	From  string
	To    string // "" while the unit lives
}

// versionRow is a unit_versions row; dates as stored.
type versionRow struct {
	ID       int64
	UnitID   int64
	From     string
	To       string
	Name     string
	Short    string
	ParentID int64
	Path     string
}

// current is a living unit with its latest version, as writes need it.
type current struct {
	unitRow
	v versionRow
}

// loadCurrent reads a unit and its latest version inside tx. field names
// the input the id came from, for the error: "id" for the unit the
// operation is about (a not-found error), another field for a unit it
// refers to (an invalid-input error on that field).
func loadCurrent(ctx context.Context, tx *db.Tx, id int64, field string) (current, error) {
	cs, err := loadCurrents(ctx, tx, []int64{id})
	if err != nil {
		return current{}, err
	}
	c, ok := cs[id]
	if !ok {
		return c, unknownUnit(id, field)
	}
	return c, nil
}

// unknownUnit is the error for a unit id that is not found: the unit an
// operation is about is not found; a unit it refers to (a parent, a merge
// target) is bad input in that field.
func unknownUnit(id int64, field string) error {
	if field == "id" {
		return apperr.NotFound("org.err.unknown_unit_id", id)
	}
	return apperr.Invalid(field, "org.err.unknown_unit_id", id)
}

// loadCurrents reads units and their latest versions inside tx, by id;
// the ids not found are missing from the map.
func loadCurrents(ctx context.Context, tx *db.Tx, ids []int64) (map[int64]current, error) {
	out := make(map[int64]current, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT u.id, u.code, u.level, u.kind, u.valid_from, u.valid_to,
		v.id, v.valid_from, v.valid_to, v.name, v.short_name, v.parent_id, v.path
		FROM units u JOIN unit_versions v ON v.unit_id = u.id
		WHERE u.id IN (`+db.IDList(ids)+`)
		AND v.valid_from = (SELECT MAX(l.valid_from) FROM unit_versions l WHERE l.unit_id = u.id)`)
	if err != nil {
		return nil, fmt.Errorf("org: load units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c current
		var to, vto sql.NullString
		var parent sql.NullInt64
		if err := rows.Scan(&c.ID, &c.Code, &c.Level, &c.Kind, &c.From, &to,
			&c.v.ID, &c.v.From, &vto, &c.v.Name, &c.v.Short, &parent, &c.v.Path); err != nil {
			return nil, fmt.Errorf("org: load units: %w", err)
		}
		c.To, c.v.To, c.v.ParentID, c.v.UnitID = to.String, vto.String, parent.Int64, c.ID
		out[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: load units: %w", err)
	}
	return out, nil
}

// checkLiving refuses a change dated d to c when c is closed, does not
// exist yet on d, or already has a version starting after d. When ending
// is set the change ends c, which needs d strictly after the start of its
// current version (its last day is d-1).
func checkLiving(c current, d string, ending bool) error {
	if c.To != "" {
		return apperr.Conflict("org.err.closed", c.v.Name, showDay(dayAfter(c.To)))
	}
	if d < c.From || (ending && d == c.From) {
		return apperr.Invalid("date", "org.err.before_start", showDay(d), c.v.Name, showDay(c.From))
	}
	if d < c.v.From || (ending && d == c.v.From) {
		return apperr.Conflict("org.err.overlap", showDay(d), c.v.Name, showDay(c.v.From))
	}
	return nil
}

// checkParent refuses parent p for a unit of level/kind placed on day d.
func checkParent(p current, d string, level Level, kind Kind) error {
	if p.To != "" {
		return apperr.Invalid("parent_id", "org.err.parent_closed", p.v.Name, showDay(dayAfter(p.To)))
	}
	if d < p.From {
		return apperr.Invalid("parent_id", "org.err.parent_not_yet", p.v.Name, showDay(d), showDay(p.From))
	}
	if d < p.v.From {
		return apperr.Conflict("org.err.parent_changed", p.v.Name, showDay(p.v.From), showDay(d))
	}
	return checkPlacement(&p.unitRow, level, kind)
}

// isDescendant reports whether desc is in the current subtree of one of
// ancs (or is one of them).
func isDescendant(ctx context.Context, tx *db.Tx, ancs []int64, desc int64) (bool, error) {
	if len(ancs) == 0 {
		return false, nil
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_closure
		WHERE ancestor_id IN (`+db.IDList(ancs)+`) AND descendant_id = ? AND valid_to IS NULL`, desc).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("org: check subtree: %w", err)
	}
	return n > 0, nil
}

// openChildren lists the ids of c's children that still live.
func openChildren(ctx context.Context, tx *db.Tx, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT unit_id FROM unit_versions
		WHERE parent_id = ? AND valid_to IS NULL ORDER BY unit_id`, id)
	if err != nil {
		return nil, fmt.Errorf("org: children: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		ids = append(ids, c)
	}
	return ids, rows.Err()
}

// insertVersion adds a version row.
func insertVersion(ctx context.Context, tx *db.Tx, v versionRow) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO unit_versions
		(unit_id, valid_from, valid_to, name, short_name, name_fold, short_fold, sort_key, parent_id, path, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, v.row(db.Stamp(tx.Now()))...)
	if err != nil {
		return fmt.Errorf("org: insert version of unit %d: %w", v.UnitID, err)
	}
	return nil
}

// versionColumns are the columns of a unit_versions row as row gives them.
var versionColumns = []string{"unit_id", "valid_from", "valid_to", "name", "short_name", "name_fold", "short_fold",
	"sort_key", "parent_id", "path", "created_at"}

// row is v's values for versionColumns, written at the moment now.
func (v versionRow) row(now string) []any {
	return []any{v.UnitID, v.From, db.NullString(v.To), v.Name, v.Short, vntext.Fold(v.Name), vntext.Fold(v.Short),
		db.SortKey(v.Name), db.NullID(v.ParentID), v.Path, now}
}

// putVersion makes next the unit's version from day d: it amends cur in
// place when cur starts on d, else it ends cur on d-1 and adds next.
func putVersion(ctx context.Context, tx *db.Tx, cur versionRow, d string, next versionRow) error {
	next.UnitID, next.From, next.To = cur.UnitID, d, cur.To
	if cur.From == d {
		_, err := tx.ExecContext(ctx, `UPDATE unit_versions SET name = ?, short_name = ?, name_fold = ?, short_fold = ?,
			sort_key = ?, parent_id = ?, path = ? WHERE id = ?`,
			next.Name, next.Short, vntext.Fold(next.Name), vntext.Fold(next.Short), db.SortKey(next.Name),
			db.NullID(next.ParentID), next.Path, cur.ID)
		if err != nil {
			return fmt.Errorf("org: amend version of unit %d: %w", cur.UnitID, err)
		}
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE unit_versions SET valid_to = ? WHERE id = ?", dayBefore(d), cur.ID); err != nil {
		return fmt.Errorf("org: end version of unit %d: %w", cur.UnitID, err)
	}
	return insertVersion(ctx, tx, next)
}

// auditUnit is what the audit log records of a unit.
type auditUnit struct {
	ID        int64  `json:"id"`
	Code      string `json:"code"`
	Level     Level  `json:"level"`
	Kind      Kind   `json:"kind"`
	ValidFrom string `json:"valid_from"`
	ValidTo   string `json:"valid_to,omitempty"`
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	ParentID  int64  `json:"parent_id,omitempty"`
	Path      string `json:"path"`
	Since     string `json:"version_from"`
}

func (c current) audit() auditUnit {
	return auditUnit{ID: c.ID, Code: c.Code, Level: c.Level, Kind: c.Kind, ValidFrom: c.From, ValidTo: c.To,
		Name: c.v.Name, ShortName: c.v.Short, ParentID: c.v.ParentID, Path: c.v.Path, Since: c.v.From}
}

func record(ctx context.Context, tx *db.Tx, action string, id int64, before, after any) error {
	if err := audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "unit", EntityID: id, UnitID: id, Before: before, After: after}); err != nil {
		return fmt.Errorf("org: %s: %w", action, err)
	}
	return nil
}

// unitOf reads back a unit as it stands on day d, inside the transaction.
func (w *Writer) unitOf(ctx context.Context, id int64, d string) (Unit, error) {
	return getOn(ctx, w.tx, id, d)
}

// Create adds a unit; see Store.Create.
func (w *Writer) Create(ctx context.Context, nu NewUnit) (Unit, error) {
	cs, err := w.createMany(ctx, []BatchUnit{{NewUnit: nu}}, "")
	if err != nil {
		return Unit{}, err
	}
	return w.unitOf(ctx, cs[0].ID, cs[0].From)
}

// living reads unit id for a change dated date (its stored form is d)
// and checks, as checkLiving, that the unit may take it.
func (w *Writer) living(ctx context.Context, id int64, date time.Time, ending bool) (c current, d string, err error) {
	if err := checkDate("date", date); err != nil {
		return c, "", err
	}
	d = db.Day(date)
	if c, err = loadCurrent(ctx, w.tx, id, "id"); err != nil {
		return c, "", err
	}
	return c, d, checkLiving(c, d, ending)
}

// Rename renames a unit; see Store.Rename.
func (w *Writer) Rename(ctx context.Context, id int64, date time.Time, name, shortName string) (Unit, error) {
	c, d, err := w.living(ctx, id, date, false)
	if err != nil {
		return Unit{}, err
	}
	name, shortName = cleanName(name), cleanName(shortName)
	if name == "" {
		return Unit{}, apperr.Invalid("name", "org.err.no_name")
	}
	if name == c.v.Name && shortName == c.v.Short {
		return Unit{}, apperr.Invalid("name", "org.err.same_name")
	}
	next := c.v
	next.Name, next.Short = name, shortName
	if err := putVersion(ctx, w.tx, c.v, d, next); err != nil {
		return Unit{}, err
	}
	after := c
	after.v = next
	after.v.From = d
	if err := record(ctx, w.tx, "rename", id, c.audit(), after.audit()); err != nil {
		return Unit{}, err
	}
	return w.unitOf(ctx, id, d)
}

// Move moves a unit and its subtree; see Store.Move.
func (w *Writer) Move(ctx context.Context, id, newParentID int64, date time.Time) (Unit, error) {
	if err := checkDate("date", date); err != nil {
		return Unit{}, err
	}
	if err := w.move(ctx, id, newParentID, db.Day(date)); err != nil {
		return Unit{}, err
	}
	return w.unitOf(ctx, id, db.Day(date))
}

func (w *Writer) move(ctx context.Context, id, newParentID int64, d string) error {
	tx := w.tx
	c, err := loadCurrent(ctx, tx, id, "id")
	if err != nil {
		return err
	}
	if err := checkLiving(c, d, false); err != nil {
		return err
	}
	if newParentID == 0 {
		return apperr.Invalid("parent_id", "org.err.no_new_parent")
	}
	if newParentID == c.v.ParentID {
		return apperr.Invalid("parent_id", "org.err.same_parent", c.v.Name)
	}
	if newParentID == id {
		return apperr.Invalid("parent_id", "org.err.cycle")
	}
	p, err := loadCurrent(ctx, tx, newParentID, "parent_id")
	if err != nil {
		return err
	}
	inside, err := isDescendant(ctx, tx, []int64{id}, newParentID)
	if err != nil {
		return err
	}
	if inside {
		return apperr.Invalid("parent_id", "org.err.cycle")
	}
	if err := checkParent(p, d, c.Level, c.Kind); err != nil {
		return err
	}

	// The subtree as it stands: every living unit under c, with its
	// current version.
	rows, err := tx.QueryContext(ctx, `SELECT v.id, v.unit_id, v.valid_from, v.name, v.short_name, v.parent_id, v.path
		FROM unit_closure c JOIN unit_versions v ON v.unit_id = c.descendant_id AND v.valid_to IS NULL
		WHERE c.ancestor_id = ? AND c.valid_to IS NULL`, id)
	if err != nil {
		return fmt.Errorf("org: move: subtree: %w", err)
	}
	var sub []versionRow
	for rows.Next() {
		var v versionRow
		var parent sql.NullInt64
		if err := rows.Scan(&v.ID, &v.UnitID, &v.From, &v.Name, &v.Short, &parent, &v.Path); err != nil {
			rows.Close()
			return fmt.Errorf("org: move: subtree: %w", err)
		}
		v.ParentID = parent.Int64
		sub = append(sub, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("org: move: subtree: %w", err)
	}
	for _, v := range sub {
		if v.From > d {
			return apperr.Conflict("org.err.child_changed", v.Name, showDay(v.From), showDay(d))
		}
	}

	// Closure: end the pairs that join the subtree to its old ancestors,
	// add the pairs that join it to the new ones.
	if _, err := tx.ExecContext(ctx, `UPDATE unit_closure SET valid_to = ?
		WHERE valid_to IS NULL
		  AND descendant_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ? AND valid_to IS NULL)
		  AND ancestor_id NOT IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ? AND valid_to IS NULL)`,
		dayBefore(d), id, id); err != nil {
		return fmt.Errorf("org: move: end closure: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO unit_closure (ancestor_id, descendant_id, depth, valid_from, valid_to)
		SELECT p.ancestor_id, s.descendant_id, p.depth + s.depth + 1, ?, NULL
		FROM unit_closure p, unit_closure s
		WHERE p.descendant_id = ? AND p.valid_to IS NULL AND s.ancestor_id = ? AND s.valid_to IS NULL`,
		d, newParentID, id); err != nil {
		return fmt.Errorf("org: move: add closure: %w", err)
	}

	// Versions: every unit of the subtree gets its new path.
	oldPrefix := strings.TrimSuffix(c.v.Path, strconv.FormatInt(id, 10)+"/")
	for _, v := range sub {
		next := v
		next.Path = p.v.Path + strings.TrimPrefix(v.Path, oldPrefix)
		if v.UnitID == id {
			next.ParentID = newParentID
		}
		if err := putVersion(ctx, tx, v, d, next); err != nil {
			return err
		}
	}
	after := c
	after.v.ParentID, after.v.Path, after.v.From = newParentID, p.v.Path+strconv.FormatInt(id, 10)+"/", d
	return record(ctx, tx, "move", id, c.audit(), after.audit())
}

// Close ends a unit; see Store.Close.
func (w *Writer) Close(ctx context.Context, id int64, date time.Time) (Unit, error) {
	c, d, err := w.living(ctx, id, date, true)
	if err != nil {
		return Unit{}, err
	}
	if err := w.end(ctx, c, d, "close", nil); err != nil {
		return Unit{}, err
	}
	return w.unitOf(ctx, id, dayBefore(d))
}

// CloseInto ends a unit whose work passes whole to another unit of any
// level that lives on (a district board abolished in 2025 whose tasks the
// province board took over): like Close, and the unit is linked to
// successorID with share 1, so that its figures are counted under the
// successor in the view mapped onto today. date is the first day it no
// longer exists; it must have no children left.
func (w *Writer) CloseInto(ctx context.Context, id, successorID int64, date time.Time) (Unit, error) {
	if id == successorID {
		return Unit{}, apperr.Invalid("into", "org.err.merge_into_self")
	}
	c, d, err := w.living(ctx, id, date, true)
	if err != nil {
		return Unit{}, err
	}
	succ, err := loadCurrent(ctx, w.tx, successorID, "into")
	if err != nil {
		return Unit{}, err
	}
	if err := checkLiving(succ, d, false); err != nil {
		return Unit{}, err
	}
	if err := w.end(ctx, c, d, "close", []successorAudit{{successorID, 1}}); err != nil {
		return Unit{}, err
	}
	if err := w.link(ctx, id, successorID, LinkMerge, d, 1); err != nil {
		return Unit{}, err
	}
	return w.unitOf(ctx, id, dayBefore(d))
}

// successorAudit is what the audit log records of a successor link.
type successorAudit struct {
	ID    int64   `json:"id"`
	Share float64 `json:"share"`
}

// endAudit is the audit record of a unit that ended, with the successors
// it passed to (none for a plain close).
type endAudit struct {
	auditUnit
	Successors []successorAudit `json:"successors,omitempty"`
}

// end closes c on d-1 after checking it has no living children; succ
// names the successors, for the audit log.
func (w *Writer) end(ctx context.Context, c current, d, action string, succ []successorAudit) error {
	tx := w.tx
	kids, err := openChildren(ctx, tx, c.ID)
	if err != nil {
		return err
	}
	if len(kids) > 0 {
		return apperr.Conflict("org.err.has_children", c.v.Name, len(kids))
	}
	last := dayBefore(d)
	if _, err := tx.ExecContext(ctx, "UPDATE units SET valid_to = ? WHERE id = ?", last, c.ID); err != nil {
		return fmt.Errorf("org: %s: %w", action, err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE unit_versions SET valid_to = ? WHERE id = ?", last, c.v.ID); err != nil {
		return fmt.Errorf("org: %s: %w", action, err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE unit_closure SET valid_to = ? WHERE descendant_id = ? AND valid_to IS NULL", last, c.ID); err != nil {
		return fmt.Errorf("org: %s: %w", action, err)
	}
	after := c
	after.To, after.v.To = last, last
	return record(ctx, tx, action, c.ID, c.audit(), endAudit{after.audit(), succ})
}

// link records that pred, closed on d-1, passed share of itself to succ
// on d, and keeps unit_successions whole: every unit whose figures reach
// pred (pred itself among them) reaches succ too, times share, from d or
// from the day its way to pred was complete, whichever is later. pred is
// closed, so no link into it comes after this one, and succ lives, so no
// link out of it came before: the rows added are final.
func (w *Writer) link(ctx context.Context, pred, succ int64, kind LinkKind, d string, share float64) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO unit_links (predecessor_id, successor_id, kind, date, share, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, pred, succ, string(kind), d, share, db.Stamp(w.tx.Now()))
	if err != nil {
		return fmt.Errorf("org: link %d -> %d: %w", pred, succ, err)
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO unit_successions (predecessor_id, successor_id, share, valid_from)
		SELECT predecessor_id, CAST(? AS BIGINT), share * ?, CASE WHEN valid_from > ? THEN valid_from ELSE ? END
		FROM unit_successions WHERE successor_id = ?`, succ, share, d, d, pred)
	if err != nil {
		return fmt.Errorf("org: successions %d -> %d: %w", pred, succ, err)
	}
	return nil
}

// Merge merges units; see Store.Merge.
func (w *Writer) Merge(ctx context.Context, ids []int64, into MergeTarget, date time.Time) (Unit, error) {
	if err := checkDate("date", date); err != nil {
		return Unit{}, err
	}
	d := db.Day(date)
	tx := w.tx
	if (into.ExistingID == 0) == (into.New == nil) {
		return Unit{}, apperr.Invalid("into", "org.err.merge_target")
	}
	min := 2
	if into.ExistingID != 0 {
		min = 1
	}
	if len(ids) < min {
		return Unit{}, apperr.Invalid("ids", "org.err.merge_few")
	}
	// The units are read at once and checked one by one, in order.
	loaded, err := loadCurrents(ctx, tx, ids)
	if err != nil {
		return Unit{}, err
	}
	seen := map[int64]bool{}
	var srcs []current
	for _, id := range ids {
		if seen[id] {
			return Unit{}, apperr.Invalid("ids", "org.err.picked_twice", id)
		}
		seen[id] = true
		if id == into.ExistingID {
			return Unit{}, apperr.Invalid("ids", "org.err.merge_into_self")
		}
		c, ok := loaded[id]
		if !ok {
			return Unit{}, unknownUnit(id, "ids")
		}
		if err := checkLiving(c, d, true); err != nil {
			return Unit{}, err
		}
		if len(srcs) > 0 && c.Level != srcs[0].Level {
			return Unit{}, apperr.Invalid("ids", "org.err.merge_level",
				srcs[0].v.Name, levelMsg(srcs[0].Level), c.v.Name, levelMsg(c.Level))
		}
		srcs = append(srcs, c)
	}
	level := srcs[0].Level

	var target current
	if into.ExistingID != 0 {
		t, err := loadCurrent(ctx, tx, into.ExistingID, "into")
		if err != nil {
			return Unit{}, err
		}
		if err := checkLiving(t, d, false); err != nil {
			return Unit{}, err
		}
		if t.Level != level {
			return Unit{}, apperr.Invalid("into", "org.err.merge_level",
				t.v.Name, levelMsg(t.Level), srcs[0].v.Name, levelMsg(level))
		}
		in, err := isDescendant(ctx, tx, ids, t.ID)
		if err != nil {
			return Unit{}, err
		}
		if in {
			return Unit{}, apperr.Invalid("into", "org.err.merge_below")
		}
		target = t
	} else {
		nu := *into.New
		if nu.Level == "" {
			nu.Level = level
		}
		if nu.Level != level {
			return Unit{}, apperr.Invalid("into", "org.err.merge_new_level", levelMsg(level))
		}
		if nu.ParentID != 0 {
			in, err := isDescendant(ctx, tx, ids, nu.ParentID)
			if err != nil {
				return Unit{}, err
			}
			if in {
				return Unit{}, apperr.Invalid("parent_id", "org.err.merge_new_parent")
			}
		}
		t, err := w.create(ctx, nu, d)
		if err != nil {
			return Unit{}, err
		}
		target = t
	}

	for _, s := range srcs {
		kids, err := openChildren(ctx, tx, s.ID)
		if err != nil {
			return Unit{}, err
		}
		for _, k := range kids {
			if err := w.move(ctx, k, target.ID, d); err != nil {
				return Unit{}, err
			}
		}
		if err := w.end(ctx, s, d, "merge", []successorAudit{{target.ID, 1}}); err != nil {
			return Unit{}, err
		}
		if err := w.link(ctx, s.ID, target.ID, LinkMerge, d, 1); err != nil {
			return Unit{}, err
		}
	}
	if err := record(ctx, tx, "merge_into", target.ID, mergeAudit(srcs), target.audit()); err != nil {
		return Unit{}, err
	}
	return w.unitOf(ctx, target.ID, d)
}

func mergeAudit(cs []current) []auditUnit {
	out := make([]auditUnit, len(cs))
	for i, c := range cs {
		out[i] = c.audit()
	}
	return out
}

// Split splits a unit; see Store.Split.
func (w *Writer) Split(ctx context.Context, id int64, parts []SplitPart, date time.Time) ([]Unit, error) {
	if err := checkDate("date", date); err != nil {
		return nil, err
	}
	d := db.Day(date)
	tx := w.tx
	if len(parts) < 2 {
		return nil, apperr.Invalid("parts", "org.err.split_few")
	}
	sum := 0.0
	for _, p := range parts {
		if (p.ExistingID == 0) == (p.New == nil) {
			return nil, apperr.Invalid("parts", "org.err.split_part")
		}
		if !(p.Share > 0 && p.Share <= 1) || math.IsNaN(p.Share) {
			return nil, apperr.Invalid("parts", "org.err.split_share")
		}
		sum += p.Share
	}
	if math.Abs(sum-1) > 1e-9 {
		return nil, apperr.Invalid("parts", "org.err.split_sum", vntext.FormatNumber(sum*100, 2))
	}
	c, err := loadCurrent(ctx, tx, id, "id")
	if err != nil {
		return nil, err
	}
	if err := checkLiving(c, d, true); err != nil {
		return nil, err
	}
	kids, err := openChildren(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if len(kids) > 0 {
		return nil, apperr.Conflict("org.err.split_children", c.v.Name, len(kids))
	}
	seen := map[int64]bool{}
	targets := make([]current, len(parts))
	for i, p := range parts {
		if p.ExistingID != 0 {
			if p.ExistingID == id {
				return nil, apperr.Invalid("parts", "org.err.split_into_self")
			}
			if seen[p.ExistingID] {
				return nil, apperr.Invalid("parts", "org.err.picked_twice", p.ExistingID)
			}
			seen[p.ExistingID] = true
			t, err := loadCurrent(ctx, tx, p.ExistingID, "parts")
			if err != nil {
				return nil, err
			}
			if err := checkLiving(t, d, false); err != nil {
				return nil, err
			}
			if t.Level != c.Level {
				return nil, apperr.Invalid("parts", "org.err.split_level", t.v.Name, levelMsg(c.Level))
			}
			targets[i] = t
			continue
		}
		nu := *p.New
		if nu.Level == "" {
			nu.Level = c.Level
		}
		if nu.Level != c.Level {
			return nil, apperr.Invalid("parts", "org.err.split_new_level", levelMsg(c.Level))
		}
		if nu.ParentID == 0 {
			nu.ParentID = c.v.ParentID
		}
		if nu.ParentID == id {
			return nil, apperr.Invalid("parts", "org.err.split_new_under")
		}
		t, err := w.create(ctx, nu, d)
		if err != nil {
			return nil, err
		}
		targets[i] = t
	}
	succ := make([]successorAudit, len(parts))
	for i, t := range targets {
		succ[i] = successorAudit{t.ID, parts[i].Share}
	}
	if err := w.end(ctx, c, d, "split", succ); err != nil {
		return nil, err
	}
	out := make([]Unit, len(parts))
	for i, t := range targets {
		if err := w.link(ctx, id, t.ID, LinkSplit, d, parts[i].Share); err != nil {
			return nil, err
		}
		if out[i], err = w.unitOf(ctx, t.ID, d); err != nil {
			return nil, err
		}
	}
	return out, nil
}
