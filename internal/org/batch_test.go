package org_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

// batchOf is a batch for CreateMany under the tree of build: a new
// district of P1 with its organization and communes under it (parents
// inside the batch), an organization beside P2's board and a commune of
// H1 (parents outside), and a new province with a district and a commune
// two levels below it in the batch, some from a later day.
func batchOf(tr *tree) []org.BatchUnit {
	nu := func(code, name string, level org.Level, kind org.Kind, parent int64, under int) org.BatchUnit {
		return org.BatchUnit{NewUnit: org.NewUnit{Code: code, Name: name, ShortName: strings.ToLower(code), Level: level,
			Kind: kind, ParentID: parent, ValidFrom: d2015}, Under: under}
	}
	b := []org.BatchUnit{
		nu("H3", "Ban Dân vận Huyện ủy Phú Lương", org.District, org.Board, tr.p1.ID, 0),
		nu("H3-MTTQ", "Ủy ban MTTQ Việt Nam huyện Phú Lương", org.District, org.FatherlandFront, 0, 1),
		nu("P2-PN", "Hội Liên hiệp Phụ nữ tỉnh Bắc Kạn", org.Province, org.WomensUnion, tr.p2.ID, 0),
		nu("X4", "Khối Dân vận xã Quân Chu", org.Commune, org.CommuneBloc, tr.h1.ID, 0),
		nu("P3", "Ban Dân vận Tỉnh ủy Lạng Sơn", org.Province, org.Board, tr.tw.ID, 0),
		nu("P3-H1", "Ban Dân vận Huyện ủy Cao Lộc", org.District, org.Board, 0, 5),
	}
	for i := 1; i <= 12; i++ {
		b = append(b, nu(fmt.Sprintf("H3-X%02d", i), fmt.Sprintf("Khối Dân vận xã  Phú Lương %d ", i), org.Commune, org.CommuneBloc, 0, 1))
	}
	b = append(b, nu("P3-H1-X01", "Khối Dân vận thị trấn Đồng Đăng", org.Commune, org.CommuneBloc, 0, 6))
	b[len(b)-1].ValidFrom = d2018
	b[3].ValidFrom = d2020
	return b
}

// orgRows is what the hierarchy's tables and the audit log hold, but the
// moments of writing (the two databases write at different times).
func orgRows(t *testing.T, d *db.DB) string {
	t.Helper()
	return dbtest.Rows(t, d,
		"SELECT id, code, level, kind, valid_from, COALESCE(valid_to, '') FROM units ORDER BY id",
		`SELECT id, unit_id, valid_from, COALESCE(valid_to, ''), name, short_name, name_fold, short_fold, sort_key,
			COALESCE(parent_id, 0), path FROM unit_versions ORDER BY id`,
		"SELECT ancestor_id, descendant_id, depth, valid_from, COALESCE(valid_to, '') FROM unit_closure ORDER BY ancestor_id, descendant_id",
		"SELECT predecessor_id, successor_id, share, valid_from FROM unit_successions ORDER BY predecessor_id, successor_id, valid_from",
		`SELECT id, COALESCE(user_id, 0), actor, addr, action, entity, COALESCE(entity_id, 0), COALESCE(unit_id, 0),
			COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log ORDER BY id`)
}

// TestCreateManySameAsCreate: CreateMany writes the same rows, ids and
// audit entries as Create called for each unit in turn, on both
// databases, and its audit rows join the chain.
func TestCreateManySameAsCreate(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "demo"})
			one, many := dbtest.Open(t, kind), dbtest.Open(t, kind)
			tr1, tr2 := build(t, one), build(t, many)

			// One by one, each parent in the batch by the id Create gave.
			b := batchOf(tr1)
			var ids []int64
			err := tr1.s.Update(ctx, func(w *org.Writer) error {
				for _, bu := range b {
					nu := bu.NewUnit
					if bu.Under != 0 {
						nu.ParentID = ids[bu.Under-1]
					}
					u, err := w.Create(ctx, nu)
					if err != nil {
						return err
					}
					ids = append(ids, u.ID)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}

			var got []int64
			err = tr2.s.Update(ctx, func(w *org.Writer) error {
				var err error
				got, err = w.CreateMany(ctx, batchOf(tr2))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(ids) {
				t.Errorf("CreateMany ids = %v, Create gave %v", got, ids)
			}
			a, c := orgRows(t, one), orgRows(t, many)
			if a != c {
				t.Errorf("CreateMany wrote other rows than Create:\n%s\nCreate:\n%s", c, a)
			}
			// The commune two levels below the new province has it, and
			// the central board, among its ancestors.
			anc, err := tr2.s.Ancestors(ctx, got[len(got)-1], d2020)
			if err != nil || len(anc) != 3 || anc[0].ID != tr2.tw.ID || anc[1].ID != got[4] || anc[2].ID != got[5] {
				t.Errorf("ancestors of P3-H1-X01 = %+v, %v", anc, err)
			}
			v, err := audit.Verify(ctx, many)
			if err != nil || !v.OK() || v.Rows != strings.Count(c, `"create"`) {
				t.Errorf("audit chain after CreateMany: %+v, %v", v, err)
			}
		})
	}
}

// TestCreateManyRefusals: a batch with one unit that Create would refuse
// writes nothing, and the error is Create's, naming the unit's place.
func TestCreateManyRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		before := orgRows(t, d)
		cases := []struct {
			name  string
			edit  func(b []org.BatchUnit) []org.BatchUnit
			code  apperr.Code
			place string
		}{
			{"code taken", func(b []org.BatchUnit) []org.BatchUnit { b[7].Code = "X1"; return b }, apperr.CodeConflict, "unit 8 of 19 (X1)"},
			{"code twice in the batch", func(b []org.BatchUnit) []org.BatchUnit { b[9].Code = "H3-X01"; return b }, apperr.CodeConflict, "unit 10 of 19"},
			{"no name", func(b []org.BatchUnit) []org.BatchUnit { b[2].Name = "  "; return b }, apperr.CodeInvalid, "unit 3 of 19"},
			{"commune under a commune in the batch", func(b []org.BatchUnit) []org.BatchUnit { b[18].Under = 18; return b }, apperr.CodeInvalid, "unit 19 of 19"},
			{"before its parent in the batch", func(b []org.BatchUnit) []org.BatchUnit { b[4].ValidFrom = d2018; return b }, apperr.CodeInvalid, "unit 6 of 19"},
			{"unknown parent", func(b []org.BatchUnit) []org.BatchUnit { b[3].ParentID = 999999; return b }, apperr.CodeInvalid, "unit 4 of 19"},
		}
		for _, c := range cases {
			err := tr.s.Update(ctx, func(w *org.Writer) error {
				_, err := w.CreateMany(ctx, c.edit(batchOf(tr)))
				return err
			})
			if apperr.CodeOf(err) != c.code || err == nil || !strings.Contains(err.Error(), c.place) {
				t.Errorf("%s: %v, want %s naming %q", c.name, err, c.code, c.place)
			}
			if after := orgRows(t, d); after != before {
				t.Errorf("%s: a refused batch wrote rows", c.name)
			}
		}
		// A parent after the unit in the batch is the caller's mistake,
		// not the user's.
		b := batchOf(tr)
		b[1].Under = 2
		err := tr.s.Update(ctx, func(w *org.Writer) error { _, err := w.CreateMany(ctx, b); return err })
		if err == nil || apperr.CodeOf(err) != apperr.CodeInternal {
			t.Errorf("parent after the unit: %v", err)
		}
		if after := orgRows(t, d); after != before {
			t.Error("a batch with a parent after its unit wrote rows")
		}
	})
}

// TestMergeBelowRefused: a merge whose target, or the new target's
// parent, lies inside one of the merged units is refused (the check reads
// the subtrees of all the merged units at once), on both databases.
func TestMergeBelowRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		before := orgRows(t, d)
		_, err := tr.s.Merge(ctx, []int64{tr.p2.ID, tr.p1.ID}, org.MergeTarget{ExistingID: tr.front1.ID}, d2020)
		if k, _ := apperr.KeyOf(err); k != "org.err.merge_below" {
			t.Errorf("merge into a unit below the second merged unit: %v", err)
		}
		_, err = tr.s.Merge(ctx, []int64{tr.h2.ID, tr.h1.ID}, org.MergeTarget{New: &org.NewUnit{
			Code: "H9", Name: "Ban Dân vận Huyện ủy Mới", Kind: org.Board, ParentID: tr.x2.ID}}, d2020)
		if k, _ := apperr.KeyOf(err); k != "org.err.merge_new_parent" {
			t.Errorf("a new target under a commune of the second merged unit: %v", err)
		}
		if orgRows(t, d) != before {
			t.Error("a refused merge wrote rows")
		}
	})
}
