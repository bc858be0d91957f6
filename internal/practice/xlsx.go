package practice

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/vntext"
)

// Export writes the register of unitID's subtree (past units included)
// as far as p may read it — every model, stopped ones included — as an
// XLSX workbook in the layout of package sheet. Its headings and labels
// are Vietnamese whatever the interface language: that is the file
// format the boards exchange, and Import reads it back.
func (s *Store) Export(ctx context.Context, p *auth.Principal, unitID int64, w io.Writer) error {
	if unitID <= 0 && p != nil && len(p.Grants) > 0 {
		unitID = p.Grants[0].UnitID // no unit named: the user's own scope
	}
	if unitID <= 0 {
		return apperr.Invalid("don-vi", "practice.err.export_unit")
	}
	units, err := s.scopeOf(ctx, p, unitID)
	if err != nil {
		return err
	}
	var all []Practice
	f := Filter{Statuses: Statuses, Limit: 1000}
	for {
		rows, _, err := s.list(ctx, f, units)
		if err != nil {
			return err
		}
		all = append(all, rows...)
		if len(rows) < f.Limit || len(all) >= 100000 {
			break
		}
		f.Offset += f.Limit
	}
	codes, err := unitCodes(ctx, s.db, all)
	if err != nil {
		return err
	}
	// List leaves out the long texts; read them for the sheet.
	texts, err := longTexts(ctx, s.db, all)
	if err != nil {
		return err
	}
	show := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return vntext.FormatDate(t)
	}
	recs := make([]sheet.Record, len(all))
	for i, p := range all {
		level := ""
		if p.RecognizedLevel != "" {
			level = org.Messages["level."+string(p.RecognizedLevel)].VI() // the register is Vietnamese
		}
		recs[i] = sheet.Record{ID: p.ID, Name: p.Name, UnitCode: codes[p.UnitID], UnitName: p.UnitName, Field: p.Field.Label(),
			OwnerType: p.OwnerType.Label(), Owner: p.OwnerName, OwnerTitle: p.OwnerTitle, Movement: p.Movement,
			Started: show(p.StartedOn), Description: texts[p.ID][0], Goals: texts[p.ID][1], Status: p.Status.Label(),
			Level: level, DecisionNo: p.DecisionNo, Recognized: show(p.RecognizedOn), Replications: p.Replications, Version: p.Version}
	}
	return sheet.Write(w, recs)
}

// longTexts reads the description and goals of models, by id.
func longTexts(ctx context.Context, q db.Querier, ps []Practice) (map[int64][2]string, error) {
	out := map[int64][2]string{}
	for start := 0; start < len(ps); start += 1000 {
		part := ps[start:min(start+1000, len(ps))]
		args := make([]any, len(part))
		for i, p := range part {
			args[i] = p.ID
		}
		rows, err := q.QueryContext(ctx, "SELECT id, description, goals FROM practices WHERE id IN ("+db.Placeholders(len(part))+")", args...)
		if err != nil {
			return nil, fmt.Errorf("practice: export: %w", err)
		}
		for rows.Next() {
			var id int64
			var d, g string
			if err := rows.Scan(&id, &d, &g); err != nil {
				rows.Close()
				return nil, fmt.Errorf("practice: export: %w", err)
			}
			out[id] = [2]string{d, g}
		}
		rows.Close()
	}
	return out, nil
}

func unitCodes(ctx context.Context, q db.Querier, ps []Practice) (map[int64]string, error) {
	out := map[int64]string{}
	var args []any
	for _, p := range ps {
		if _, ok := out[p.UnitID]; !ok {
			out[p.UnitID] = ""
			args = append(args, p.UnitID)
		}
	}
	for start := 0; start < len(args); start += 1000 {
		part := args[start:min(start+1000, len(args))]
		rows, err := q.QueryContext(ctx, "SELECT id, code FROM units WHERE id IN ("+db.Placeholders(len(part))+")", part...)
		if err != nil {
			return nil, fmt.Errorf("practice: unit codes: %w", err)
		}
		for rows.Next() {
			var id int64
			var code string
			if err := rows.Scan(&id, &code); err != nil {
				rows.Close()
				return nil, fmt.Errorf("practice: unit codes: %w", err)
			}
			out[id] = code
		}
		rows.Close()
	}
	return out, nil
}

// SheetRow is one data row read from an import workbook.
type SheetRow struct {
	Row      int   // the spreadsheet row number (2 for the first data row)
	ID       int64 // 0 for a new model
	Version  int64 // the version of model ID the file was exported with
	UnitCode string
	Input    Input
}

// ReadSheet reads an import workbook (see sheet.Read): every problem the
// layout shows, by row and column, and no rows when there is any.
func ReadSheet(r io.Reader) ([]SheetRow, error) {
	rows, err := sheet.Read(r)
	if err != nil {
		return nil, err
	}
	out := make([]SheetRow, len(rows))
	for i, x := range rows {
		out[i] = SheetRow{Row: x.Number, ID: x.ID, Version: x.Version, UnitCode: x.UnitCode, Input: Input{Name: x.Name, Field: Field(x.Field),
			OwnerType: OwnerType(x.OwnerType), OwnerName: x.OwnerName, OwnerTitle: x.OwnerTitle, Movement: x.Movement,
			StartedOn: x.StartedOn, Description: x.Description, Goals: x.Goals}}
	}
	return out, nil
}

// columnOf maps a validation field to its sheet column.
var columnOf = map[string]int{"name": sheet.ColModelName, "field": sheet.ColField, "owner_type": sheet.ColOwnerType,
	"owner_name": sheet.ColOwnerName, "owner_title": sheet.ColOwnerTitle, "movement": sheet.ColMovement,
	"started_on": sheet.ColStarted, "description": sheet.ColDescription, "goals": sheet.ColGoals}

// Import writes the rows read by ReadSheet into the register of unitID
// (its subtree, past units included): new models are registered, models
// with an id are updated. p needs the write permission on every changed
// row's unit. A row of an existing model must carry the version the file
// was exported with: when the model was changed since, the row is
// refused (its edit would silently undo the newer one), naming the row.
// A row identical to its model is left alone, whatever the model's unit
// (merged since) or status (stopped), so that an unchanged export
// imports as "nothing changed". All or nothing: any problem in any row
// and nothing is written; the errors name the row and column. It returns
// how many models were created and updated.
func (s *Store) Import(ctx context.Context, p *auth.Principal, unitID int64, rows []SheetRow) (created, updated int, err error) {
	if err := s.requireWrite(ctx, p, unitID); err != nil {
		return 0, 0, err
	}
	allowed, err := s.units.ScopeUnits(ctx, []int64{unitID})
	if err != nil {
		return 0, 0, err
	}
	inScope := map[int64]bool{}
	for _, id := range allowed {
		inScope[id] = true
	}
	today := s.today()
	byCode := map[string]org.Unit{}
	writable := map[int64]bool{}
	var codes map[int64]string
	var es apperr.Errors
	var changed []SheetRow
	for i := range rows {
		r := rows[i]
		var before Practice
		if r.ID != 0 {
			before, err = load(ctx, s.db, r.ID)
			if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
				return 0, 0, err
			}
			if err != nil || !inScope[before.UnitID] {
				es = append(es, sheet.CellError(r.Row, sheet.ColID, "practice.err.import_id"))
				continue
			}
			if r.Version == 0 {
				es = append(es, sheet.CellError(r.Row, sheet.ColVersion, "practice.err.import_version"))
				continue
			}
			if r.Version != before.Version {
				es = append(es, sheet.CellError(r.Row, sheet.ColVersion, "practice.err.import_stale", before.Name, before.Version, r.Version))
				continue
			}
			if codes == nil {
				codes = map[int64]string{}
			}
			if _, ok := codes[before.UnitID]; !ok {
				c, err := unitCodes(ctx, s.db, []Practice{before})
				if err != nil {
					return 0, 0, err
				}
				codes[before.UnitID] = c[before.UnitID]
			}
			if r.UnitCode == codes[before.UnitID] && same(before, r.Input, today) {
				continue // nothing to write
			}
		}
		u, ok := byCode[r.UnitCode]
		if !ok {
			u, err = s.units.GetByCode(ctx, r.UnitCode, today)
			if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
				return 0, 0, err
			}
			byCode[r.UnitCode] = u
		}
		if r.ID != 0 && r.UnitCode == codes[before.UnitID] {
			u = org.Unit{ID: before.UnitID} // its unit, even one merged since
		}
		if u.ID == 0 || !inScope[u.ID] {
			es = append(es, sheet.CellError(r.Row, sheet.ColUnitCode, "practice.err.import_unit", r.UnitCode))
			continue
		}
		w, ok := writable[u.ID]
		if !ok {
			if w, err = s.auth.Can(ctx, p, auth.PermWrite, u.ID); err != nil {
				return 0, 0, err
			}
			writable[u.ID] = w
		}
		if !w {
			es = append(es, sheet.CellError(r.Row, sheet.ColUnitCode, "practice.err.import_forbidden"))
			continue
		}
		if r.ID != 0 && before.UnitID != u.ID {
			es = append(es, sheet.CellError(r.Row, sheet.ColID, "practice.err.import_id"))
			continue
		}
		if r.ID != 0 && before.Status == Stopped {
			es = append(es, sheet.CellError(r.Row, sheet.ColID, "practice.err.stopped_edit"))
			continue
		}
		r.Input.UnitID = u.ID
		if err := validate(&r.Input, today); err != nil {
			var fes apperr.Errors
			if !errors.As(err, &fes) {
				return 0, 0, err
			}
			for _, fe := range fes {
				col, ok := columnOf[fe.Field]
				if !ok {
					col = sheet.ColModelName
				}
				es = append(es, sheet.CellError(r.Row, col, fe.Key, fe.Args...))
			}
			continue
		}
		changed = append(changed, r)
	}
	if len(es) > 0 {
		return 0, 0, es
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var es apperr.Errors
		for _, r := range changed {
			if r.ID == 0 {
				pr, err := insert(ctx, tx, r.Input, 0, "", 0)
				if err != nil {
					return err
				}
				if err := audit.Record(ctx, tx, audit.Entry{Action: "import", Entity: "practice", EntityID: pr.ID, UnitID: pr.UnitID, After: auditOf(pr)}); err != nil {
					return err
				}
				created++
				continue
			}
			before, err := load(ctx, tx, r.ID)
			if err != nil {
				return err
			}
			if before.Version != r.Version { // changed while the file was being checked
				es = append(es, sheet.CellError(r.Row, sheet.ColVersion, "practice.err.import_stale", before.Name, before.Version, r.Version))
				continue
			}
			in := r.Input
			after := before
			after.Name, after.Field, after.OwnerType, after.OwnerName, after.OwnerTitle = in.Name, in.Field, in.OwnerType, in.OwnerName, in.OwnerTitle
			after.Movement, after.StartedOn, after.Description, after.Goals = in.Movement, in.StartedOn, in.Description, in.Goals
			after.Version++
			if _, err := tx.ExecContext(ctx, `UPDATE practices SET name = ?, name_fold = ?, search_fold = ?, sort_key = ?, field = ?,
				owner_type = ?, owner_name = ?, owner_title = ?, movement = ?, started_on = ?, description = ?, goals = ?,
				version = version + 1, updated_at = ? WHERE id = ?`,
				after.Name, vntext.Fold(after.Name), searchFold(&after), db.SortKey(after.Name), string(after.Field),
				string(after.OwnerType), after.OwnerName, after.OwnerTitle, after.Movement, db.Day(after.StartedOn),
				after.Description, after.Goals, db.Stamp(tx.Now()), r.ID); err != nil {
				return fmt.Errorf("practice: import: %w", err)
			}
			if err := audit.Record(ctx, tx, audit.Entry{Action: "import", Entity: "practice", EntityID: r.ID, UnitID: before.UnitID,
				Before: auditOf(before), After: auditOf(after)}); err != nil {
				return err
			}
			updated++
		}
		return es.Err()
	})
	if err != nil {
		return 0, 0, err
	}
	return created, updated, nil
}

// same reports whether the row's input, cleaned as a save would clean
// it, leaves model p as it is.
func same(p Practice, in Input, today time.Time) bool {
	_ = validate(&in, today) // only its cleaning matters here
	return in.Name == p.Name && in.Field == p.Field && in.OwnerType == p.OwnerType && in.OwnerName == p.OwnerName &&
		in.OwnerTitle == p.OwnerTitle && in.Movement == p.Movement && in.StartedOn.Equal(db.DayOf(p.StartedOn)) &&
		in.Description == p.Description && in.Goals == p.Goals
}
