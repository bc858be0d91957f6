package campaign

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Import records the lines of a contributions sheet for campaign id, all
// or nothing, in one transaction: each line replaces what its unit
// recorded for its period. Every line is checked as Record checks it; the
// first refusal names its line and nothing is written.
func (s *Store) Import(ctx context.Context, p *auth.Principal, id int64, data []byte) (int, error) {
	lines, err := sheet.Parse(data)
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
				// A code stored in capitals (as codes usually are) is found
				// through the index; only one stored otherwise is looked
				// for among every unit's code.
				err := tx.QueryRowContext(ctx, `SELECT id FROM units WHERE code = ?`, code).Scan(&unit)
				if errors.Is(err, db.ErrNotFound) {
					err = tx.QueryRowContext(ctx, `SELECT id FROM units WHERE UPPER(code) = ?`, code).Scan(&unit)
				}
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
		ks := make([]Contribution, len(lines))
		for i, l := range lines {
			unit := units[strings.ToUpper(l.UnitCode)]
			ks[i] = Contribution{CampaignID: id, UnitID: unit, Period: l.Period, Money: l.Money, InKind: l.InKind, Households: l.Households, Note: l.Note}
		}
		if _, i, err := s.record(ctx, tx, p, c, ks, false); err != nil {
			if e, ok := apperr.As(err); ok && e.Code != apperr.CodeInternal {
				// The file is refused, naming the line and why (a unit the
				// caller may not write on included).
				return apperr.Invalid("file", "campaign.err.file_line", lines[i].Row, i18n.M(e.Key, e.Args...))
			}
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "import", Entity: "campaign", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"lines": len(lines)}})
	})
	if err != nil {
		return 0, err
	}
	return len(lines), nil
}

// Template returns the blank contributions sheet of campaign id for
// period: a line per unit taking part (the campaign's own unit first)
// that p may record for, with its code and the period filled in and its
// name beside them, for a caller who may read the campaign and record
// for one of its units at least. Filled in and sent back, it imports. A
// zero period means this year, or the campaign's last or first year when
// it has ended or not begun. It returns the period too.
func (s *Store) Template(ctx context.Context, p *auth.Principal, id int64, period vntext.Period) ([]byte, vntext.Period, error) {
	c, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, period, err
	}
	if period == (vntext.Period{}) {
		day := s.db.Now().In(vntext.Zone)
		if !c.EndsOn.IsZero() && day.After(c.EndsOn) {
			day = c.EndsOn
		}
		if day.Before(c.StartsOn) {
			day = c.StartsOn
		}
		period, _ = vntext.ParsePeriod(fmt.Sprint(day.Year()))
	}
	if !period.Valid() {
		return nil, period, apperr.Invalid("ky", "campaign.err.period")
	}
	if period.End().Before(c.StartsOn) || !c.EndsOn.IsZero() && period.Start().After(c.EndsOn) {
		return nil, period, apperr.Invalid("ky", "campaign.err.period_outside")
	}
	units := append([]Unit{{ID: c.UnitID, Name: c.UnitName}}, c.Units...)
	codes := map[int64]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, code FROM units WHERE id IN (`+db.IDList(c.unitIDs())+`)`)
	if err != nil {
		return nil, period, fmt.Errorf("campaign: template: %w", err)
	}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			rows.Close()
			return nil, period, fmt.Errorf("campaign: template: %w", err)
		}
		codes[id] = code
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, period, fmt.Errorf("campaign: template: %w", err)
	}
	var lines []sheet.BlankUnit
	for _, u := range units {
		ok, err := s.authz.Can(ctx, p, auth.PermWrite, u.ID)
		if err != nil {
			return nil, period, err
		}
		if ok && codes[u.ID] != "" {
			lines = append(lines, sheet.BlankUnit{Code: codes[u.ID], Name: u.Name})
		}
	}
	if len(lines) == 0 {
		return nil, period, apperr.Forbidden("campaign.err.forbidden_contribute")
	}
	data, err := sheet.Blank(period, lines)
	if err != nil {
		return nil, period, fmt.Errorf("campaign: template: %w", err)
	}
	return data, period, nil
}
