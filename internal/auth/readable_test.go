package auth_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
)

// What the units API and the home page read go through rules of auth:
// the tree, a unit and a subtree as far as the caller's grants reach, and
// a unit's recent activity for its readers only.
func TestReadableUnitsAndActivity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := fixture.NewWorld(t, d, org.Date(2026, 3, 2).Add(8*3600e9))
		ls := w.Person("leader.ls", auth.RoleLeader, w.LangSon.ID)
		st := w.Person("officer.st", auth.RoleOfficer, w.NewMyXuyen.ID)
		today := org.Date(2026, 3, 2)

		tree, err := w.Auth.ReadableTree(ctx, st, today)
		if err != nil || len(tree) != 1 || tree[0].ID != w.NewMyXuyen.ID {
			t.Errorf("a commune officer's tree = %v, %v", tree, err)
		}
		all, err := w.Auth.ReadableTree(ctx, w.Admin, today)
		if err != nil || len(all) < 8 {
			t.Errorf("the national admin's tree has %d units, %v", len(all), err)
		}
		if _, err := w.Auth.ReadableTree(ctx, nil, today); apperr.CodeOf(err) != apperr.CodeUnauthorized {
			t.Errorf("nobody's tree: %v", err)
		}
		if u, anc, err := w.Auth.ReadableUnit(ctx, ls, w.NewChiLang.ID, today); err != nil || u.ID != w.NewChiLang.ID || len(anc) != 2 {
			t.Errorf("a unit below the leader: %v %v %v", u, anc, err)
		}
		if _, _, err := w.Auth.ReadableUnit(ctx, st, w.NewChiLang.ID, today); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another province's unit: %v", err)
		}
		if _, err := w.Auth.ReadableSubtree(ctx, st, w.LangSon.ID, today); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another province's subtree: %v", err)
		}

		// A change recorded in Chi Lăng (granting a role there) is the
		// province leader's activity and not Sóc Trăng's officer's.
		w.Person("officer.cl", auth.RoleOfficer, w.NewChiLang.ID)
		rows, err := w.Auth.Activity(ctx, ls, w.LangSon.ID, 10)
		if err != nil || len(rows) == 0 {
			t.Fatalf("the leader's activity: %d rows, %v", len(rows), err)
		}
		for _, r := range rows {
			if r.UnitID != 0 && r.UnitID != w.LangSon.ID && r.UnitID != w.NewChiLang.ID && r.UnitID != w.NewDongDang.ID &&
				r.UnitID != w.ChiLang.ID && r.UnitID != w.CaoLoc.ID && r.UnitID != w.LangSonWomen.ID &&
				r.UnitID != w.QuangLang.ID && r.UnitID != w.MaiSao.ID && r.UnitID != w.DongDang.ID && r.UnitID != w.HopThanh.ID {
				t.Errorf("activity of unit %d shown under Lạng Sơn", r.UnitID)
			}
		}
		if _, err := w.Auth.Activity(ctx, st, w.LangSon.ID, 10); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another province's activity: %v", err)
		}
	})
}
