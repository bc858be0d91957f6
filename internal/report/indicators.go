package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// The indicator catalogue: every unit reports against the same
// indicators, so reading it is public and changing it is for national
// administrators.

const indicatorCols = `id, code, name, measure, name_en, measure_en, field, aggregation, numerator_id, denominator_id,
	percent, integral, breakdown, levels, key_indicator, position, valid_from, valid_to`

func scanIndicator(r interface{ Scan(...any) error }) (Indicator, error) {
	var i Indicator
	var num, den sql.NullInt64
	var pct, integral, key int
	var levels string
	var from, to sql.NullString
	if err := r.Scan(&i.ID, &i.Code, &i.Name, &i.Measure, &i.NameEN, &i.MeasureEN, &i.Field, &i.Aggregation, &num, &den,
		&pct, &integral, &i.Breakdown, &levels, &key, &i.Position, &from, &to); err != nil {
		return i, err
	}
	i.NumeratorID, i.DenominatorID = num.Int64, den.Int64
	i.Percent, i.Integral, i.Key = pct == 1, integral == 1, key == 1
	i.Levels = splitList(levels)
	var err error
	if i.ValidFrom, err = db.NullDay(from); err != nil {
		return i, err
	}
	if i.ValidTo, err = db.NullDay(to); err != nil {
		return i, err
	}
	return i, nil
}

// Indicators returns every indicator, in catalogue order (position, code),
// from the kept catalogue.
func (s *Store) Indicators(ctx context.Context) ([]Indicator, error) {
	c, err := s.keptCatalogue(ctx)
	if err != nil {
		return nil, err
	}
	return slices.Clone(c.inds), nil
}

func indicators(ctx context.Context, q db.Querier) ([]Indicator, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+indicatorCols+` FROM report_indicators ORDER BY position, code`)
	if err != nil {
		return nil, fmt.Errorf("report: indicators: %w", err)
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		i, err := scanIndicator(rows)
		if err != nil {
			return nil, fmt.Errorf("report: indicators: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// byID indexes indicators by id.
func byID(inds []Indicator) map[int64]Indicator {
	m := make(map[int64]Indicator, len(inds))
	for _, i := range inds {
		m[i.ID] = i
	}
	return m
}

// Indicator returns one indicator.
func (s *Store) Indicator(ctx context.Context, id int64) (Indicator, error) {
	i, err := scanIndicator(s.db.QueryRowContext(ctx, `SELECT `+indicatorCols+` FROM report_indicators WHERE id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return i, apperr.NotFound("report.err.indicator_not_found")
	}
	if err != nil {
		return i, fmt.Errorf("report: indicator %d: %w", id, err)
	}
	return i, nil
}

// validateIndicator checks a new indicator.
func validateIndicator(ind *Indicator, byCode map[string]int64) error {
	var es apperr.Errors
	ind.Code = strings.ToUpper(strings.TrimSpace(ind.Code))
	ind.Name = vntext.Normalize(strings.Join(strings.Fields(ind.Name), " "))
	ind.Measure = vntext.Normalize(strings.TrimSpace(ind.Measure))
	ind.NameEN = strings.Join(strings.Fields(ind.NameEN), " ")
	ind.MeasureEN = strings.TrimSpace(ind.MeasureEN)
	if ind.Code == "" || len(ind.Code) > 32 {
		es.Add("code", "report.err.ind_code")
	}
	if ind.Name == "" {
		es.Add("name", "report.err.ind_name")
	}
	if ind.Measure == "" {
		es.Add("measure", "report.err.ind_measure")
	}
	if !slices.Contains(Fields, ind.Field) {
		es.Add("field", "report.err.ind_field")
	}
	if !ind.Aggregation.Valid() {
		es.Add("aggregation", "report.err.ind_aggregation")
	}
	if ind.Aggregation == Ratio && (ind.NumeratorID == 0 || ind.DenominatorID == 0 || ind.NumeratorID == ind.DenominatorID) {
		es.Add("aggregation", "report.err.ind_ratio_parts")
	}
	if ind.Breakdown != "" && (ind.Breakdown != BreakdownOrganization || ind.Aggregation != Sum) {
		es.Add("breakdown", "report.err.ind_breakdown")
	}
	if len(ind.Levels) == 0 {
		es.Add("levels", "report.err.ind_levels")
	}
	for _, l := range ind.Levels {
		if !org.Level(l).Valid() {
			es.Add("levels", "report.err.ind_level")
		}
	}
	if ind.ValidFrom.IsZero() {
		ind.ValidFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if _, dup := byCode[ind.Code]; dup {
		es.Add("code", "report.err.ind_code_taken", ind.Code)
	}
	return es.Err()
}

// NewIndicator is an indicator to create; a ratio names its parts by code.
type NewIndicator struct {
	Indicator
	NumeratorCode, DenominatorCode string
}

// CreateIndicators adds indicators in one transaction (a national
// administrator's additions to the catalogue); ratio indicators may name
// parts created in the same call by code through
// NumeratorCode/DenominatorCode.
func (s *Store) CreateIndicators(ctx context.Context, p *auth.Principal, inds []NewIndicator) ([]Indicator, error) {
	if err := requireCatalogueAdmin(p); err != nil {
		return nil, err
	}
	var out []Indicator
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		out, err = createIndicators(ctx, tx, inds)
		return err
	})
	return out, err
}

func createIndicators(ctx context.Context, tx *db.Tx, inds []NewIndicator) ([]Indicator, error) {
	if err := tx.Bump(ctx, TopicCatalogue); err != nil {
		return nil, err
	}
	byCode := map[string]int64{}
	rows, err := tx.QueryContext(ctx, `SELECT code, id FROM report_indicators`)
	if err != nil {
		return nil, fmt.Errorf("report: create indicators: %w", err)
	}
	for rows.Next() {
		var c string
		var id int64
		if err := rows.Scan(&c, &id); err != nil {
			rows.Close()
			return nil, err
		}
		byCode[c] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: create indicators: %w", err)
	}
	out := make([]Indicator, 0, len(inds))
	for _, ni := range inds {
		ind := ni.Indicator
		if ni.NumeratorCode != "" {
			ind.NumeratorID = byCode[ni.NumeratorCode]
		}
		if ni.DenominatorCode != "" {
			ind.DenominatorID = byCode[ni.DenominatorCode]
		}
		if ind.Aggregation == Ratio {
			ind.Integral = false
		}
		if err := validateIndicator(&ind, byCode); err != nil {
			return nil, err
		}
		var to any
		if !ind.ValidTo.IsZero() {
			to = db.Day(ind.ValidTo)
		}
		id, err := tx.InsertID(ctx, `INSERT INTO report_indicators (code, name, measure, name_en, measure_en, field, aggregation,
			numerator_id, denominator_id, percent, integral, breakdown, levels, key_indicator, position, valid_from, valid_to, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			ind.Code, ind.Name, ind.Measure, ind.NameEN, ind.MeasureEN, ind.Field, string(ind.Aggregation), db.NullID(ind.NumeratorID), db.NullID(ind.DenominatorID),
			boolInt(ind.Percent), boolInt(ind.Integral), ind.Breakdown, joinList(ind.Levels), boolInt(ind.Key), ind.Position,
			db.Day(ind.ValidFrom), to, db.Stamp(tx.Now()))
		if err != nil {
			return nil, fmt.Errorf("report: create indicator %s: %w", ind.Code, err)
		}
		ind.ID = id
		byCode[ind.Code] = id
		out = append(out, ind)
	}
	return out, nil
}
