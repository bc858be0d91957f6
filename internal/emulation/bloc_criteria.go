package emulation

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// check normalizes line c (the i-th of a form) and adds what is wrong
// with it to es.
func (c *BlocCriterion) check(es *apperr.Errors, i int) {
	c.Title, c.Evidence = clean(c.Title), clean(c.Evidence)
	if c.Kind == "" {
		c.Kind = Criterion
	}
	if !slices.Contains(CriterionKinds, c.Kind) {
		es.Add(fmt.Sprintf("criterion.%d.kind", i), "emulation.bloc.err.criterion_kind")
	}
	if c.Title == "" {
		es.Add(fmt.Sprintf("criterion.%d.title", i), "emulation.bloc.err.criterion_title")
	}
	if !(c.MaxPoints > 0 && c.MaxPoints <= 1000) {
		es.Add(fmt.Sprintf("criterion.%d.max", i), "emulation.err.max")
	}
}

// unscored fails, inside tx, unless bloc id's year exists, is being
// scored and has no score yet: only then may its criteria change.
func (s *Store) unscored(ctx context.Context, tx *db.Tx, id int64, year int) error {
	y, err := s.lockYear(ctx, tx, id, year)
	if err != nil {
		return err
	}
	if y.Status != Scoring {
		return apperr.Conflict("emulation.bloc.err.started")
	}
	var scored int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM emulation_bloc_scores sc JOIN emulation_bloc_criteria c ON c.id = sc.criterion_id
		WHERE c.bloc_id = ? AND c.year = ?`, id, year).Scan(&scored); err != nil {
		return err
	}
	if scored > 0 {
		return apperr.Conflict("emulation.bloc.err.started")
	}
	return nil
}

// criterionOf reads line cid of bloc id's year inside tx.
func criterionOf(ctx context.Context, tx *db.Tx, id int64, year int, cid int64) (BlocCriterion, error) {
	c := BlocCriterion{ID: cid}
	var kind string
	err := tx.QueryRowContext(ctx, `SELECT kind, title, max_points, evidence, COALESCE(commitment_id, 0) FROM emulation_bloc_criteria
		WHERE id = ? AND bloc_id = ? AND year = ?`, cid, id, year).Scan(&kind, &c.Title, &c.MaxPoints, &c.Evidence, &c.CommitmentID)
	if errors.Is(err, db.ErrNotFound) {
		return BlocCriterion{}, apperr.Invalid("criterion", "emulation.bloc.err.not_of_year")
	}
	c.Kind = CriterionKind(kind)
	return c, err
}

// UpdateCriterion rewrites line c.ID of bloc id's year (its kind, title,
// maximum and evidence; a line taken from a pledge keeps its link), for
// the organizer's writers, while nobody has scored the year.
func (s *Store) UpdateCriterion(ctx context.Context, p *auth.Principal, id int64, year int, c BlocCriterion) (BlocYear, error) {
	b, err := s.bloc(ctx, id)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{b.UnitID}, "emulation.bloc.err.forbidden_write"); err != nil {
		return BlocYear{}, err
	}
	var es apperr.Errors
	c.check(&es, 0)
	if err := es.Err(); err != nil {
		return BlocYear{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.unscored(ctx, tx, id, year); err != nil {
			return err
		}
		before, err := criterionOf(ctx, tx, id, year, c.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_criteria SET kind = ?, title = ?, max_points = ?, evidence = ? WHERE id = ?`,
			string(c.Kind), c.Title, c.MaxPoints, c.Evidence, c.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "criterion_edit", Entity: "bloc", EntityID: id, UnitID: b.UnitID,
			Before: criterionFields(year, before), After: criterionFields(year, c)})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d criterion %d", id, c.ID)
	}
	return s.BlocYear(ctx, p, id, year)
}

// RemoveCriterion removes line cid from bloc id's year, for the
// organizer's writers, while nobody has scored the year; the lines after
// it move up a number.
func (s *Store) RemoveCriterion(ctx context.Context, p *auth.Principal, id int64, year int, cid int64) (BlocYear, error) {
	b, err := s.bloc(ctx, id)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{b.UnitID}, "emulation.bloc.err.forbidden_write"); err != nil {
		return BlocYear{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.unscored(ctx, tx, id, year); err != nil {
			return err
		}
		before, err := criterionOf(ctx, tx, id, year, cid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM emulation_bloc_criteria WHERE id = ?`, cid); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "criterion_remove", Entity: "bloc", EntityID: id, UnitID: b.UnitID,
			Before: criterionFields(year, before)})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d criterion %d", id, cid)
	}
	return s.BlocYear(ctx, p, id, year)
}

// criterionFields are a line's fields as the audit log keeps them.
func criterionFields(year int, c BlocCriterion) map[string]any {
	return map[string]any{"year": year, "criterion": c.ID, "kind": c.Kind, "title": c.Title, "max": c.MaxPoints, "evidence": c.Evidence}
}
