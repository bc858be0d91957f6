package commendation

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// A list of recipients kept in Excel (danh sách khen thưởng), the way
// boards attach it to a decision: a header row, then one recipient a
// row. The columns are found by their headings, in any order and among
// others (STT, Chức vụ, ...): the name ("Họ và tên", "Tên tập thể",
// "Họ tên, tên tập thể"), the achievement ("Thành tích") and, when
// given, the kind ("Loại": cá nhân, tập thể, hộ gia đình, đơn vị).

// Bounds of a list file.
const (
	MaxListFile = 2 << 20
	maxListRows = maxRecipients
)

// listLimits bound the workbook before it is unpacked.
var listLimits = upload.Limits{MaxUnpacked: 16 << 20, MaxRows: 2000, MaxCols: 30, MaxCell: 8 << 10}

// ListRow is one recipient of a list as read, before it is matched to
// the directory and the units.
type ListRow struct {
	Row         int           // the spreadsheet row
	Kind        RecipientKind // "" when the list does not say
	Name        string
	Achievement string
	nameCol     int
}

// kindWords are the kinds as lists write them, folded.
var kindWords = map[string]RecipientKind{
	"ca nhan": Person, "tap the": Collective, "ho gia dinh": Household, "ho": Household, "gia dinh": Household, "don vi": UnitKind,
}

// listError is an error at a cell of a list: "Ô B5: " then the message.
func listError(row, col int, key string, args ...any) *apperr.Error {
	cell := upload.CellName(row, col)
	return apperr.Invalid(cell, "commendation.list.cell", cell, i18n.M(key, args...))
}

// ReadList reads a list of recipients from an XLSX file. Every problem
// is returned with its cell, and no rows when there is any.
func ReadList(r io.Reader) ([]ListRow, error) {
	table, err := upload.ReadTable(r, MaxListFile, listLimits)
	if err != nil {
		return nil, err
	}
	head, nameCol, achCol, kindCol := -1, -1, -1, -1
	for i, cells := range table {
		nameCol, achCol, kindCol = -1, -1, -1
		for c, cell := range cells {
			f := vntext.Fold(cell)
			switch {
			case strings.Contains(f, "thanh tich") && achCol < 0:
				achCol = c
			case (f == "ten" || strings.Contains(f, "ho va ten") || strings.Contains(f, "ho ten") || strings.HasPrefix(f, "ten ")) && nameCol < 0:
				nameCol = c
			case (f == "loai" || strings.HasPrefix(f, "loai ") || f == "doi tuong") && kindCol < 0:
				kindCol = c
			}
		}
		if nameCol >= 0 && achCol >= 0 {
			head = i
			break
		}
		if i >= 9 {
			break
		}
	}
	if head < 0 {
		return nil, apperr.Invalid("file", "commendation.list.header")
	}
	var rows []ListRow
	var es apperr.Errors
	for i, cells := range table[head+1:] {
		n := head + i + 2
		name, ach := upload.Cell(cells, nameCol), upload.Cell(cells, achCol)
		kindText := ""
		if kindCol >= 0 {
			kindText = upload.Cell(cells, kindCol)
		}
		if name == "" && ach == "" && kindText == "" {
			continue
		}
		if len(rows) >= maxListRows {
			return nil, apperr.Invalid("file", "commendation.err.too_many", maxRecipients)
		}
		row := ListRow{Row: n, Name: name, Achievement: ach, nameCol: nameCol}
		if kindText != "" {
			k, ok := kindWords[vntext.Fold(kindText)]
			if !ok {
				es = append(es, listError(n, kindCol, "commendation.list.kind", kindText))
			}
			row.Kind = k
		}
		for c, v := range map[int]string{nameCol: name, achCol: ach} {
			if _, bad := vntext.Control(v); bad {
				es = append(es, listError(n, c, "commendation.list.control"))
			}
		}
		switch {
		case name == "":
			es = append(es, listError(n, nameCol, "commendation.err.name"))
		case len(name) > maxText:
			es = append(es, listError(n, nameCol, "commendation.err.too_long"))
		}
		switch {
		case ach == "":
			es = append(es, listError(n, achCol, "commendation.err.achievement"))
		case len(ach) > maxLong:
			es = append(es, listError(n, achCol, "commendation.err.too_long"))
		}
		rows = append(rows, row)
	}
	if len(es) > 0 {
		return nil, es
	}
	if len(rows) == 0 {
		return nil, apperr.Invalid("file", "commendation.list.no_rows")
	}
	return rows, nil
}

// MatchList turns a list's rows into recipients of a decision of unit
// unitID, for a caller who may record its decisions: a person's name is
// looked up in the directories of the unit and the units below it, a
// unit's name among those units today; a row that says neither and
// matches nothing is a collective. A name the list calls a person that
// is in no directory, or that two people share, is an error at its
// cell; nothing is written either way.
func (s *Store) MatchList(ctx context.Context, p *auth.Principal, unitID int64, day time.Time, rows []ListRow) ([]Recipient, error) {
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "commendation.err.forbidden_write", unitID); err != nil {
		return nil, err
	}
	// Only the list's names are looked up, not the whole directory below
	// the issuer (a province's holds tens of thousands).
	folds := make([]any, 0, len(rows)+1)
	folds = append(folds, unitID)
	for _, row := range rows {
		folds = append(folds, vntext.Fold(row.Name))
	}
	people := map[string][]int64{}
	q, err := s.db.QueryContext(ctx, `SELECT DISTINCT mp.id, mp.name_fold FROM meeting_people mp
		JOIN unit_closure c ON c.descendant_id = mp.unit_id AND c.ancestor_id = ?
		WHERE mp.merged_into IS NULL AND mp.name_fold IN (`+db.Placeholders(len(rows))+`) ORDER BY mp.id`, folds...)
	if err != nil {
		return nil, fmt.Errorf("commendation: list people: %w", err)
	}
	for q.Next() {
		var id int64
		var fold string
		if err := q.Scan(&id, &fold); err != nil {
			q.Close()
			return nil, fmt.Errorf("commendation: list people: %w", err)
		}
		people[fold] = append(people[fold], id)
	}
	q.Close()
	if err := q.Err(); err != nil {
		return nil, fmt.Errorf("commendation: list people: %w", err)
	}
	below, err := s.units.Subtree(ctx, unitID, day)
	if err != nil {
		return nil, err
	}
	units := map[string][]int64{}
	for _, u := range below {
		for _, name := range []string{u.Name, u.ShortName, u.Code} {
			if name != "" && !slices.Contains(units[vntext.Fold(name)], u.ID) {
				units[vntext.Fold(name)] = append(units[vntext.Fold(name)], u.ID)
			}
		}
	}
	var out []Recipient
	var es apperr.Errors
	for _, row := range rows {
		f := vntext.Fold(row.Name)
		rc := Recipient{Kind: row.Kind, Name: row.Name, Achievement: row.Achievement}
		switch row.Kind {
		case Person, "":
			switch ids := people[f]; {
			case len(ids) == 1:
				rc.Kind, rc.PersonID, rc.Name = Person, ids[0], ""
			case len(ids) > 1:
				es = append(es, listError(row.Row, row.nameCol, "commendation.list.ambiguous", row.Name, len(ids)))
			case row.Kind == Person:
				es = append(es, listError(row.Row, row.nameCol, "commendation.list.no_person", row.Name))
			case len(units[f]) == 1:
				rc.Kind, rc.UnitID, rc.Name = UnitKind, units[f][0], ""
			default:
				rc.Kind = Collective
			}
		case UnitKind:
			if ids := units[f]; len(ids) == 1 {
				rc.UnitID, rc.Name = ids[0], ""
			} else {
				es = append(es, listError(row.Row, row.nameCol, "commendation.list.no_unit", row.Name))
			}
		}
		out = append(out, rc)
	}
	if len(es) > 0 {
		return nil, es
	}
	return out, nil
}
