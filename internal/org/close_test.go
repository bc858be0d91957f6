package org_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

// TestCloseInto: a district board closed in 2025 passes its work to the
// province board: it ends, keeps its history, and maps onto the province
// today with share 1. Its children must have left first, and it cannot
// pass into itself or into a unit that has ended.
func TestCloseInto(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		closeInto := func(id, into int64) error {
			return s.Update(ctx, func(w *org.Writer) error {
				_, err := w.CloseInto(ctx, id, into, d2025)
				return err
			})
		}
		if err := closeInto(tr.h1.ID, tr.p1.ID); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("closing a district with communes: %v", err)
		}
		if err := closeInto(tr.h2.ID, tr.h2.ID); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("into itself: %v", err)
		}
		if _, err := s.Move(ctx, tr.y1.ID, tr.p2.ID, d2025); err != nil {
			t.Fatal(err)
		}
		if err := closeInto(tr.h2.ID, tr.p2.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, tr.h2.ID, d2026); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("the district still lives in 2026: %v", err)
		}
		m, err := s.MapToToday(ctx, tr.h2.ID, d2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) != 1 || m[0].Unit.ID != tr.p2.ID || m[0].Share != 1 {
			t.Errorf("maps to %+v, want the province with share 1", m)
		}
		if err := closeInto(tr.x1.ID, tr.h2.ID); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("into a unit that has ended: %v", err)
		}
	})
}
