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

// Report forms: like the catalogue, public to read and changed by
// national administrators only.

// NewForm is a form to create; its indicators are named by code.
type NewForm struct {
	Code       string
	Name       string
	NameEN     string // the name in English, optional
	PeriodKind vntext.PeriodKind
	Sections   []string
	Levels     []string
	Indicators []string // codes, in order
	ValidFrom  time.Time
}

// CreateForm adds a report form.
func (s *Store) CreateForm(ctx context.Context, p *auth.Principal, nf NewForm) (Form, error) {
	if err := requireCatalogueAdmin(p); err != nil {
		return Form{}, err
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = createForm(ctx, tx, nf)
		return err
	})
	if err != nil {
		return Form{}, err
	}
	return s.Form(ctx, id)
}

func createForm(ctx context.Context, tx *db.Tx, nf NewForm) (int64, error) {
	if err := tx.Bump(ctx, TopicCatalogue); err != nil {
		return 0, err
	}
	var es apperr.Errors
	nf.Code = strings.ToUpper(strings.TrimSpace(nf.Code))
	nf.Name = vntext.Normalize(strings.TrimSpace(nf.Name))
	if nf.Code == "" {
		es.Add("code", "report.err.form_code")
	}
	if nf.Name == "" {
		es.Add("name", "report.err.form_name")
	}
	if nf.PeriodKind < vntext.Year || nf.PeriodKind > vntext.Stage {
		es.Add("period_kind", "report.err.form_kind")
	}
	for _, sec := range nf.Sections {
		if !slices.Contains(Sections, sec) {
			es.Add("sections", "report.err.form_section", sec)
		}
	}
	if err := es.Err(); err != nil {
		return 0, err
	}
	if nf.ValidFrom.IsZero() {
		nf.ValidFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	id, err := tx.InsertID(ctx, `INSERT INTO report_forms (code, name, name_en, period_kind, sections, levels, valid_from, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, nf.Code, nf.Name, strings.TrimSpace(nf.NameEN), nf.PeriodKind.String(), joinList(nf.Sections), joinList(nf.Levels),
		db.Day(nf.ValidFrom), db.Stamp(tx.Now()))
	if errors.Is(err, db.ErrConflict) {
		return 0, apperr.Invalid("code", "report.err.form_code_taken", nf.Code)
	}
	if err != nil {
		return 0, fmt.Errorf("report: create form: %w", err)
	}
	for pos, code := range nf.Indicators {
		res, err := tx.ExecContext(ctx, `INSERT INTO report_form_items (form_id, indicator_id, position)
			SELECT ?, id, ? FROM report_indicators WHERE code = ?`, id, pos+1, code)
		if err != nil {
			return 0, fmt.Errorf("report: create form item %s: %w", code, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("report: create form item %s: %w", code, err)
		}
		if n != 1 {
			return 0, apperr.Invalid("indicators", "report.err.form_indicator", code)
		}
	}
	// A roll-up adds up every report of a period kind, so an indicator
	// on two forms of the same kind would be counted twice for a unit that
	// filed both: each indicator belongs to one form per kind of period.
	var ind, other string
	err = tx.QueryRowContext(ctx, `SELECT i.code, f.code FROM report_form_items a
		JOIN report_form_items b ON b.indicator_id = a.indicator_id AND b.form_id <> a.form_id
		JOIN report_forms f ON f.id = b.form_id
		JOIN report_indicators i ON i.id = a.indicator_id
		WHERE a.form_id = ? AND f.period_kind = ? ORDER BY a.position LIMIT 1`, id, nf.PeriodKind.String()).Scan(&ind, &other)
	switch {
	case err == nil:
		return 0, apperr.Invalid("indicators", "report.err.form_shared", ind, other)
	case !errors.Is(err, db.ErrNotFound):
		return 0, fmt.Errorf("report: check form items: %w", err)
	}
	return id, nil
}

// Forms returns every form with its indicators (by code), from the kept
// catalogue.
func (s *Store) Forms(ctx context.Context) ([]Form, error) {
	c, err := s.keptCatalogue(ctx)
	if err != nil {
		return nil, err
	}
	return slices.Clone(c.forms), nil
}

// Form returns one form with its indicators.
func (s *Store) Form(ctx context.Context, id int64) (Form, error) {
	c, err := s.keptCatalogue(ctx)
	if err != nil {
		return Form{}, err
	}
	i, ok := c.byID[id]
	if !ok {
		return Form{}, apperr.NotFound("report.err.form_not_found")
	}
	return c.forms[i], nil
}

// FormByCode returns one form by its code.
func (s *Store) FormByCode(ctx context.Context, code string) (Form, error) {
	c, err := s.keptCatalogue(ctx)
	if err != nil {
		return Form{}, err
	}
	i, ok := c.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Form{}, apperr.NotFound("report.err.form_not_found")
	}
	return c.forms[i], nil
}

func form(ctx context.Context, q db.Querier, id int64, inds []Indicator) (Form, error) {
	var f Form
	var kind, sections, levels string
	var from, to sql.NullString
	err := q.QueryRowContext(ctx, `SELECT id, code, name, name_en, period_kind, sections, levels, valid_from, valid_to
		FROM report_forms WHERE id = ?`, id).Scan(&f.ID, &f.Code, &f.Name, &f.NameEN, &kind, &sections, &levels, &from, &to)
	if errors.Is(err, db.ErrNotFound) {
		return f, apperr.NotFound("report.err.form_not_found")
	}
	if err != nil {
		return f, fmt.Errorf("report: form %d: %w", id, err)
	}
	if f.PeriodKind, err = parsePeriodKind(kind); err != nil {
		return f, err
	}
	f.Sections, f.Levels = splitList(sections), splitList(levels)
	if f.ValidFrom, err = db.NullDay(from); err != nil {
		return f, err
	}
	if f.ValidTo, err = db.NullDay(to); err != nil {
		return f, err
	}
	rows, err := q.QueryContext(ctx, `SELECT indicator_id FROM report_form_items WHERE form_id = ? ORDER BY position`, id)
	if err != nil {
		return f, fmt.Errorf("report: form %d items: %w", id, err)
	}
	defer rows.Close()
	all := byID(inds)
	for rows.Next() {
		var iid int64
		if err := rows.Scan(&iid); err != nil {
			return f, err
		}
		f.Indicators = append(f.Indicators, all[iid])
	}
	return f, rows.Err()
}

// FormFor returns the form for a unit level and period kind: the first
// (by code) whose levels include level.
func (s *Store) FormFor(ctx context.Context, level org.Level, kind vntext.PeriodKind) (Form, error) {
	forms, err := s.Forms(ctx)
	if err != nil {
		return Form{}, err
	}
	for _, f := range forms {
		if f.PeriodKind == kind && slices.Contains(f.Levels, string(level)) {
			return f, nil
		}
	}
	return Form{}, apperr.NotFound("report.err.form_not_found")
}
