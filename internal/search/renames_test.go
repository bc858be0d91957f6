package search_test

import (
	"context"
	"errors"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/search"
)

// TestRenamesFollow: what an entry takes from another record follows that
// record in the same transaction, without a reindex: a unit's new name
// (written by package org), a report form's new name (rolled back with
// its transaction), a site given to another unit, and a recipient taken
// off a commendation decision.
func TestRenamesFollow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, w := setup(t, d)
		ids := records(t, d, w.NewChiLang.ID, "Khánh Thịnh")

		// A unit renamed by the unit store: found by its new name only,
		// and its records show it.
		if _, err := w.Org.Rename(ctx, w.NewChiLang.ID, today.AddDate(0, 0, -1), "Xã Chi Lăng Mới", "Chi Lăng Mới"); err != nil {
			t.Fatal(err)
		}
		got := find(t, s, w.Admin, search.Query{Text: "chi lang moi", Kinds: []search.Kind{search.KindUnit}})
		if got.Total != 1 || got.Hits[0].ID != w.NewChiLang.ID {
			t.Errorf("renamed unit by its new name: %v", keys(got))
		}
		got = find(t, s, w.Admin, search.Query{Text: "khanh thinh", Kinds: []search.Kind{search.KindPractice}})
		if len(got.Hits) != 1 || got.Hits[0].UnitName != "Xã Chi Lăng Mới" {
			t.Errorf("a record of the renamed unit: %+v", got.Hits)
		}

		// A report form renamed: inside the transaction its report's
		// entry has the new name; a rollback gives the old one back.
		reportTitle := func(q db.Querier) string {
			t.Helper()
			var title string
			if err := q.QueryRowContext(ctx, `SELECT title FROM search_entries WHERE id = ?`, ids[search.KindReport]*16+6).Scan(&title); err != nil {
				t.Fatal(err)
			}
			return title
		}
		boom := errors.New("boom")
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE report_forms SET name = 'Báo cáo chuyên đề' WHERE code = 'SEARCH'`); err != nil {
				return err
			}
			if got := reportTitle(tx); got != "Báo cáo chuyên đề 2025S2" {
				t.Errorf("inside the transaction the report is titled %q", got)
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if got := reportTitle(d); got != "Báo cáo 6 tháng 2025S2" {
			t.Errorf("after the rollback the report is titled %q", got)
		}
		if _, err := d.ExecContext(ctx, `UPDATE report_forms SET name = 'Báo cáo chuyên đề' WHERE code = 'SEARCH'`); err != nil {
			t.Fatal(err)
		}
		got = find(t, s, w.Admin, search.Query{Text: "bao cao chuyen de", Kinds: []search.Kind{search.KindReport}})
		if got.Total != 1 || got.Hits[0].ID != ids[search.KindReport] {
			t.Errorf("the report by its form's new name: %v", keys(got))
		}

		// A site given to Sóc Trăng's unit: its article leaves Lạng Sơn's
		// reach and enters Sóc Trăng's.
		lsViewer := w.Person("ls-viewer", auth.RoleViewer, w.LangSon.ID)
		stViewer := w.Person("st-viewer", auth.RoleViewer, w.SocTrang.ID)
		article := search.Query{Text: "khanh thinh", Kinds: []search.Kind{search.KindArticle}}
		if got := find(t, s, lsViewer, article); got.Total != 1 {
			t.Fatalf("Lạng Sơn's article before the move: %v", keys(got))
		}
		if _, err := d.ExecContext(ctx, `UPDATE portal_sites SET unit_id = ? WHERE unit_id = ?`, w.NewMyXuyen.ID, w.NewChiLang.ID); err != nil {
			t.Fatal(err)
		}
		if got := find(t, s, lsViewer, article); got.Total != 0 {
			t.Errorf("Lạng Sơn still finds the moved site's article: %v", keys(got))
		}
		if got := find(t, s, stViewer, article); got.Total != 1 || got.Hits[0].ID != ids[search.KindArticle] {
			t.Errorf("Sóc Trăng does not find the moved site's article: %v", keys(got))
		}

		// A recipient taken off a decision: not found by their name.
		decision := ids[search.KindCommendation]
		if _, err := d.ExecContext(ctx, `INSERT INTO commendation_recipients (decision_id, position, kind, unit_id, name, name_fold,
			achievement, achievement_fold) VALUES (?, 1, 'person', ?, 'Lường Thị Mến', 'luong thi men', 'Hoàn thành xuất sắc', 'hoan thanh xuat sac')`, decision, w.NewChiLang.ID); err != nil {
			t.Fatal(err)
		}
		byName := search.Query{Text: "luong thi men", Kinds: []search.Kind{search.KindCommendation}}
		if got := find(t, s, w.Admin, byName); got.Total != 1 {
			t.Fatalf("the decision by its recipient: %v", keys(got))
		}
		if _, err := d.ExecContext(ctx, `UPDATE commendation_recipients SET name = 'Lường Thị Mai', name_fold = 'luong thi mai' WHERE decision_id = ?`, decision); err != nil {
			t.Fatal(err)
		}
		if got := find(t, s, w.Admin, byName); got.Total != 0 {
			t.Errorf("the recipient's old name still finds the decision: %v", keys(got))
		}
		if _, err := d.ExecContext(ctx, `INSERT INTO commendation_recipients (decision_id, position, kind, unit_id, name, name_fold,
			achievement, achievement_fold) VALUES (?, 2, 'person', ?, 'Đinh Văn Tú', 'dinh van tu', 'Hoàn thành tốt', 'hoan thanh tot')`, decision, w.NewChiLang.ID); err != nil {
			t.Fatal(err)
		}
		if got := find(t, s, w.Admin, search.Query{Text: "dinh van tu"}); got.Total != 1 {
			t.Fatalf("the decision by its second recipient: %v", keys(got))
		}
		if _, err := d.ExecContext(ctx, `DELETE FROM commendation_recipients WHERE name_fold = 'dinh van tu'`); err != nil {
			t.Fatal(err)
		}
		if got := find(t, s, w.Admin, search.Query{Text: "dinh van tu"}); got.Total != 0 {
			t.Errorf("a recipient taken off still finds the decision: %v", keys(got))
		}
		if got := find(t, s, w.Admin, search.Query{Text: "luong thi mai"}); got.Total != 1 {
			t.Errorf("the recipient left on the decision: %v", keys(got))
		}
		if got := find(t, s, w.Admin, search.Query{Text: "khen thuong khanh thinh"}); got.Total != 1 {
			t.Errorf("the decision itself after its recipient left: %v", keys(got))
		}
	})
}
