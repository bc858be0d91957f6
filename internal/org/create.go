package org

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// BatchUnit is one unit of Writer.CreateMany: a NewUnit whose parent may
// instead be a unit made before it in the same batch.
type BatchUnit struct {
	NewUnit
	// Under, when not 0, is the parent's place in the batch, counted from
	// 1: the parent is the batch's unit number Under, which comes before
	// this one, and NewUnit.ParentID must be 0.
	Under int
}

// CreateMany adds units in order, as Create would add each after the one
// before: the same checks, in the same order, the same rows and the same
// audit entries. It returns their ids. When one unit is refused, none is
// added and the error names the unit's place in the batch (the domain
// error it wraps is the one Create returns). The rows are written
// together (COPY on PostgreSQL, multi-row INSERTs on SQLite) after a few
// reads for the whole batch: it is for bulk loads, such as the demo
// hierarchy, that create thousands of units and need nothing back but
// their ids.
func (w *Writer) CreateMany(ctx context.Context, us []BatchUnit) ([]int64, error) {
	cs, err := w.createMany(ctx, us, "")
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids, nil
}

// create adds one unit; a non-empty d overrides nu.ValidFrom.
func (w *Writer) create(ctx context.Context, nu NewUnit, d string) (current, error) {
	cs, err := w.createMany(ctx, []BatchUnit{{NewUnit: nu}}, d)
	if err != nil {
		return current{}, err
	}
	return cs[0], nil
}

// ancestor is one open unit_closure row above (or at) a unit.
type ancestor struct {
	id    int64
	depth int
}

// createMany adds the units of us in order (see CreateMany); a non-empty d
// overrides their ValidFrom. The unit a failed check is about is named in
// the error only when there are several.
func (w *Writer) createMany(ctx context.Context, us []BatchUnit, d string) ([]current, error) {
	if len(us) == 0 {
		return nil, nil
	}
	tx := w.tx
	refuse := func(i int, err error) error {
		if len(us) == 1 {
			return err
		}
		return fmt.Errorf("org: unit %d of %d (%s): %w", i+1, len(us), strings.TrimSpace(us[i].Code), err)
	}

	// What the checks read, for the whole batch: the parents outside it
	// and the codes already taken.
	var outside []int64
	codes := make([]string, len(us))
	seen := map[int64]bool{}
	for i, u := range us {
		codes[i] = strings.TrimSpace(u.Code)
		if u.Under != 0 && (u.Under < 1 || u.Under > i || u.ParentID != 0) {
			return nil, fmt.Errorf("org: unit %d of %d: parent %d is not a unit before it in the batch", i+1, len(us), u.Under)
		}
		if u.Under == 0 && u.ParentID != 0 && !seen[u.ParentID] {
			seen[u.ParentID] = true
			outside = append(outside, u.ParentID)
		}
	}
	parents, err := loadCurrents(ctx, tx, outside)
	if err != nil {
		return nil, err
	}
	taken, err := codesTaken(ctx, tx, codes)
	if err != nil {
		return nil, err
	}

	// The checks, unit by unit, as Create makes them.
	made := make([]current, len(us))
	for i, u := range us {
		c, err := checkNew(u.NewUnit, d)
		if err != nil {
			return nil, refuse(i, err)
		}
		c.Code = codes[i]
		switch {
		case u.Under != 0:
			// Its id and path are known once the units are written.
			if err := checkParent(made[u.Under-1], c.From, c.Level, c.Kind); err != nil {
				return nil, refuse(i, err)
			}
		case u.ParentID != 0:
			p, ok := parents[u.ParentID]
			if !ok {
				return nil, refuse(i, unknownUnit(u.ParentID, "parent_id"))
			}
			if err := checkParent(p, c.From, c.Level, c.Kind); err != nil {
				return nil, refuse(i, err)
			}
			c.v.ParentID, c.v.Path = p.ID, p.v.Path
		default:
			if err := checkPlacement(nil, c.Level, c.Kind); err != nil {
				return nil, refuse(i, err)
			}
			c.v.Path = "/"
		}
		if taken[c.Code] {
			return nil, refuse(i, apperr.Conflict("org.err.code_taken", c.Code))
		}
		taken[c.Code] = true
		made[i] = c
	}

	// The units, then the rows that need their ids.
	if err := insertUnits(ctx, tx, made); err != nil {
		return nil, err
	}
	closures, err := openClosures(ctx, tx, outside)
	if err != nil {
		return nil, err
	}
	now := db.Stamp(tx.Now())
	ups := make([][]ancestor, len(us))
	var versions, closure, successions [][]any
	entries := make([]audit.Entry, len(us))
	for i := range made {
		c := &made[i]
		if u := us[i].Under; u != 0 {
			c.v.ParentID, c.v.Path = made[u-1].ID, made[u-1].v.Path
		}
		c.v.UnitID = c.ID
		c.v.Path += strconv.FormatInt(c.ID, 10) + "/"
		up := []ancestor{{c.ID, 0}}
		switch {
		case us[i].Under != 0:
			up = appendAbove(up, ups[us[i].Under-1])
		case c.v.ParentID != 0:
			up = appendAbove(up, closures[c.v.ParentID])
		}
		ups[i] = up
		versions = append(versions, c.v.row(now))
		for _, a := range up {
			closure = append(closure, []any{a.id, c.ID, a.depth, c.From, nil})
		}
		// Its figures are its own from its first day (see link).
		successions = append(successions, []any{c.ID, c.ID, 1.0, c.From})
		entries[i] = audit.Entry{Action: "create", Entity: "unit", EntityID: c.ID, UnitID: c.ID, After: c.audit()}
	}
	if err := insertRows(ctx, tx, "unit_versions", versionColumns, versions); err != nil {
		return nil, fmt.Errorf("org: insert versions: %w", err)
	}
	if err := insertRows(ctx, tx, "unit_closure", []string{"ancestor_id", "descendant_id", "depth", "valid_from", "valid_to"}, closure); err != nil {
		return nil, fmt.Errorf("org: insert closure: %w", err)
	}
	if err := insertRows(ctx, tx, "unit_successions", []string{"predecessor_id", "successor_id", "share", "valid_from"}, successions); err != nil {
		return nil, fmt.Errorf("org: insert succession: %w", err)
	}
	if err := audit.RecordMany(ctx, tx, entries); err != nil {
		return nil, fmt.Errorf("org: create: %w", err)
	}
	return made, nil
}

// appendAbove appends to up the ancestors of a unit whose parent's own
// open closure rows are parent (the parent itself at depth 0 among them),
// one level further down, the nearest first.
func appendAbove(up, parent []ancestor) []ancestor {
	for _, a := range parent {
		up = append(up, ancestor{a.id, a.depth + 1})
	}
	return up
}

// checkNew makes the checks of a new unit that need no database and
// returns it as it will be written, without its id, parent and path. A
// non-empty d overrides nu.ValidFrom.
func checkNew(nu NewUnit, d string) (current, error) {
	if d == "" {
		if err := checkDate("valid_from", nu.ValidFrom); err != nil {
			return current{}, err
		}
		d = db.Day(nu.ValidFrom)
	}
	code := strings.TrimSpace(nu.Code)
	if code == "" {
		return current{}, apperr.Invalid("code", "org.err.no_code")
	}
	if len(code) > 64 || strings.ContainsAny(code, " \t\r\n") {
		return current{}, apperr.Invalid("code", "org.err.code_format")
	}
	name, short := cleanName(nu.Name), cleanName(nu.ShortName)
	if name == "" {
		return current{}, apperr.Invalid("name", "org.err.no_name")
	}
	if err := checkKind(nu.Level, nu.Kind); err != nil {
		return current{}, err
	}
	return current{unitRow: unitRow{Code: code, Level: nu.Level, Kind: nu.Kind, From: d},
		v: versionRow{From: d, Name: name, Short: short}}, nil
}

// codesTaken returns which of codes units already have.
func codesTaken(ctx context.Context, tx *db.Tx, codes []string) (map[string]bool, error) {
	ids, err := unitsByCode(ctx, tx, codes)
	if err != nil {
		return nil, fmt.Errorf("org: check code: %w", err)
	}
	taken := make(map[string]bool, len(ids))
	for c := range ids {
		taken[c] = true
	}
	return taken, nil
}

// unitsByCode returns the ids of the units that have one of codes, by
// code, asking for codeChunk codes at a time.
func unitsByCode(ctx context.Context, tx *db.Tx, codes []string) (map[string]int64, error) {
	ids := map[string]int64{}
	for start := 0; start < len(codes); start += codeChunk {
		part := codes[start:min(start+codeChunk, len(codes))]
		args := make([]any, len(part))
		for i, c := range part {
			args[i] = c
		}
		rows, err := tx.QueryContext(ctx, "SELECT id, code FROM units WHERE code IN ("+db.Placeholders(len(part))+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var code string
			if err := rows.Scan(&id, &code); err != nil {
				rows.Close()
				return nil, err
			}
			ids[code] = id
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// codeChunk is how many codes one query of unitsByCode lists (one
// placeholder each).
const codeChunk = 500

// insertUnits writes the units rows of cs and sets their ids: one INSERT
// for one unit, else the rows together and their ids read back by code.
func insertUnits(ctx context.Context, tx *db.Tx, cs []current) error {
	now := db.Stamp(tx.Now())
	if len(cs) == 1 {
		c := &cs[0]
		id, err := tx.InsertID(ctx, `INSERT INTO units (code, level, kind, valid_from, valid_to, created_at)
			VALUES (?, ?, ?, ?, NULL, ?)`, c.Code, string(c.Level), string(c.Kind), c.From, now)
		if errors.Is(err, db.ErrConflict) {
			return apperr.Conflict("org.err.code_taken", c.Code)
		}
		if err != nil {
			return fmt.Errorf("org: insert unit: %w", err)
		}
		c.ID = id
		return nil
	}
	rows := make([][]any, len(cs))
	codes := make([]string, len(cs))
	for i, c := range cs {
		rows[i] = []any{c.Code, string(c.Level), string(c.Kind), c.From, nil, now}
		codes[i] = c.Code
	}
	// The checks found every code free: a clash now is another writer's
	// unit made since.
	if _, err := tx.CopyFrom(ctx, "units", []string{"code", "level", "kind", "valid_from", "valid_to", "created_at"}, rows); err != nil {
		if errors.Is(err, db.ErrConflict) {
			return apperr.Conflict("org.err.code_taken", strings.Join(codes, ", "))
		}
		return fmt.Errorf("org: insert units: %w", err)
	}
	ids, err := unitsByCode(ctx, tx, codes)
	if err != nil {
		return fmt.Errorf("org: read back units: %w", err)
	}
	for i := range cs {
		if cs[i].ID = ids[cs[i].Code]; cs[i].ID == 0 {
			return fmt.Errorf("org: read back units: %s not found", cs[i].Code)
		}
	}
	return nil
}

// openClosures reads the open unit_closure rows above each of ids (each
// itself at depth 0 among them), the nearest first.
func openClosures(ctx context.Context, tx *db.Tx, ids []int64) (map[int64][]ancestor, error) {
	out := make(map[int64][]ancestor, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT descendant_id, ancestor_id, depth FROM unit_closure
		WHERE descendant_id IN (`+db.IDList(ids)+`) AND valid_to IS NULL ORDER BY descendant_id, depth`)
	if err != nil {
		return nil, fmt.Errorf("org: closure: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d int64
		var a ancestor
		if err := rows.Scan(&d, &a.id, &a.depth); err != nil {
			return nil, fmt.Errorf("org: closure: %w", err)
		}
		out[d] = append(out[d], a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: closure: %w", err)
	}
	return out, nil
}

// insertRows writes rows into table: up to smallInsert rows in one
// INSERT statement, more with db.Tx.CopyFrom (COPY on PostgreSQL).
func insertRows(ctx context.Context, tx *db.Tx, table string, columns []string, rows [][]any) error {
	if len(rows) > smallInsert {
		_, err := tx.CopyFrom(ctx, table, columns, rows)
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	row := "(" + db.Placeholders(len(columns)) + ")"
	args := make([]any, 0, len(rows)*len(columns))
	for _, r := range rows {
		args = append(args, r...)
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO "+table+" ("+strings.Join(columns, ", ")+") VALUES "+
		strings.TrimSuffix(strings.Repeat(row+", ", len(rows)), ", "), args...)
	return err
}

// smallInsert is the most rows insertRows writes with one INSERT: a COPY
// takes more round trips than one statement, and pays off only for more.
const smallInsert = 32
