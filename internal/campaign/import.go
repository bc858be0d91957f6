package campaign

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/vntext"
)

// The contributions sheet boards keep: a header line, then one line per
// unit and period with the columns of SheetColumns.

// SheetColumns are the sheet's columns, in order: the unit's code, the
// period code, money and in-kind value in đồng, households helped, a
// note. The header line's words are not read.
var SheetColumns = []string{"unit_code", "period", "money", "in_kind", "households", "note"}

// MaxSheetLines bounds the lines of one sheet.
const MaxSheetLines = 20000

// sheetLimits bound the workbook before excelize opens it.
var sheetLimits = upload.Limits{MaxUnpacked: 32 << 20, MaxRows: MaxSheetLines + 1, MaxCols: 32, MaxCell: 4 << 10}

// Line is one line of a contributions sheet as read.
type Line struct {
	Row                       int // the sheet's row number
	UnitCode                  string
	Period                    vntext.Period
	Money, InKind, Households int64
	Note                      string
}

var errSheet = apperr.Invalid("file", "campaign.err.file")

// ParseSheet reads an XLSX contributions sheet (its first sheet), bounded
// before anything is allocated for it: every line, or the first error
// naming the line and column.
func ParseSheet(data []byte) (lines []Line, err error) {
	defer func() {
		if p := recover(); p != nil { // a malformed workbook must not take the server down
			lines, err = nil, errSheet
		}
	}()
	if !upload.IsWorkbook(data) {
		return nil, errSheet
	}
	if err := upload.CheckWorkbook(data, sheetLimits); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: sheetLimits.MaxUnpacked, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, errSheet
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return nil, errSheet
	}
	it, err := f.Rows(list[0])
	if err != nil {
		return nil, errSheet
	}
	defer it.Close()
	row := 0
	seen := map[[2]string]int{}
	for it.Next() {
		row++
		if row > MaxSheetLines+1 {
			return nil, apperr.Invalid("file", "campaign.err.file_rows", MaxSheetLines)
		}
		cells, err := it.Columns()
		if err != nil {
			return nil, errSheet
		}
		if row == 1 {
			continue
		}
		l, ok, err := parseLine(row, cells)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		key := [2]string{strings.ToUpper(l.UnitCode), l.Period.String()}
		if first, dup := seen[key]; dup {
			return nil, apperr.Invalid("file", "campaign.err.file_twice", row, first)
		}
		seen[key] = row
		lines = append(lines, l)
	}
	if it.Error() != nil {
		return nil, errSheet
	}
	if len(lines) == 0 {
		return nil, apperr.Invalid("file", "campaign.err.file_empty")
	}
	return lines, nil
}

// parseLine reads one line; ok is false for a blank one.
func parseLine(row int, cells []string) (l Line, ok bool, err error) {
	get := func(i int) string {
		if i < len(cells) {
			return strings.TrimSpace(vntext.Normalize(cells[i]))
		}
		return ""
	}
	blank := true
	for i := range cells {
		if _, bad := vntext.Control(cells[i]); bad {
			return Line{}, false, apperr.Invalid("file", "campaign.err.file_line", row, i18n.M("campaign.err.control"))
		}
		if get(i) != "" {
			blank = false
		}
	}
	if blank {
		return Line{}, false, nil
	}
	l = Line{Row: row, UnitCode: get(0), Note: get(5)}
	if l.UnitCode == "" || len(l.UnitCode) > 64 {
		return Line{}, false, apperr.Invalid("file", "campaign.err.file_unit", row, clip(l.UnitCode, 64))
	}
	if l.Period, err = vntext.ParsePeriod(get(1)); err != nil {
		return Line{}, false, apperr.Invalid("file", "campaign.err.file_period", row, clip(get(1), 32))
	}
	for i, dst := range []*int64{&l.Money, &l.InKind, &l.Households} {
		s := get(2 + i)
		if s == "" {
			continue
		}
		v, ok := ParseAmount(s)
		if !ok {
			return Line{}, false, apperr.Invalid("file", "campaign.err.file_number", row, string(rune('C'+i)), clip(s, 32))
		}
		*dst = v
	}
	if len(l.Note) > maxText {
		return Line{}, false, apperr.Invalid("file", "campaign.err.file_line", row, i18n.M("campaign.err.too_long"))
	}
	return l, true, nil
}

// ParseAmount reads a whole amount written the Vietnamese way ("5.112",
// "1.200.000", "2,5 triệu"); ok is false for anything else, a negative
// or a fraction of a đồng.
func ParseAmount(s string) (int64, bool) {
	n, err := vntext.ParseNumber(s)
	if err != nil || n.Percent || n.LowerBound || n.Approx {
		return 0, false
	}
	if n.Value < 0 || n.Value > float64(maxAmount) || n.Value != math.Trunc(n.Value) {
		return 0, false
	}
	return int64(n.Value), true
}

// Import records the lines of a contributions sheet for campaign id, all
// or nothing, in one transaction: each line replaces what its unit
// recorded for its period. Every line is checked as Record checks it; the
// first refusal names its line and nothing is written.
func (s *Store) Import(ctx context.Context, p *auth.Principal, id int64, data []byte) (int, error) {
	lines, err := ParseSheet(data)
	if err != nil {
		return 0, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.authz.RequireAny(ctx, p, auth.PermRead, "campaign.err.forbidden_read", c.unitIDs()...); err != nil {
			return err
		}
		units := map[string]int64{}
		ids := make([]int64, 0, len(lines))
		for _, l := range lines {
			code := strings.ToUpper(l.UnitCode)
			unit, ok := units[code]
			if !ok {
				err := tx.QueryRowContext(ctx, `SELECT id FROM units WHERE UPPER(code) = ?`, code).Scan(&unit)
				if errors.Is(err, db.ErrNotFound) {
					return apperr.Invalid("file", "campaign.err.file_unit", l.Row, l.UnitCode)
				}
				if err != nil {
					return err
				}
				units[code] = unit
				ids = append(ids, unit)
			}
		}
		// Whoever may write on none of the sheet's units is refused
		// outright; a line of a unit beyond the caller's reach refuses
		// the file, naming the line.
		if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "campaign.err.forbidden_contribute", ids...); err != nil {
			return err
		}
		for _, l := range lines {
			unit := units[strings.ToUpper(l.UnitCode)]
			k := Contribution{CampaignID: id, UnitID: unit, Period: l.Period, Money: l.Money, InKind: l.InKind, Households: l.Households, Note: l.Note}
			if _, err := s.record(ctx, tx, p, c, k, false); err != nil {
				if e, ok := apperr.As(err); ok && e.Code != apperr.CodeInternal {
					// The file is refused, naming the line and why (a unit the
					// caller may not write on included).
					return apperr.Invalid("file", "campaign.err.file_line", l.Row, i18n.M(e.Key, e.Args...))
				}
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "import", Entity: "campaign", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"lines": len(lines)}})
	})
	if err != nil {
		return 0, err
	}
	return len(lines), nil
}

// clip cuts s to at most n bytes at a rune boundary, for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
