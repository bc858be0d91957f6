package campaign_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestImportSameAsOneByOne: a sheet's lines, written together by Import,
// give the contributions (ids and versions included) and the audit
// entries that Record gives for each line after the one before; a line
// replacing a contribution recorded before is one of them.
func TestImportSameAsOneByOne(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			var got []string
			for _, sheet := range []bool{false, true} {
				d := dbtest.Open(t, kind)
				// The same clock for both databases' fixtures: the audit
				// chains are compared too.
				d.SetClock(func() time.Time { return time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC) })
				s, w := setup(t, d)
				c := poorFund(t, s, w)
				first, err := s.Record(ctx, w.Admin, campaign.Contribution{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: 5_000_000})
				if err != nil {
					t.Fatal(err)
				}
				lines := []campaign.Contribution{
					{CampaignID: c.ID, UnitID: w.MaiSao.ID, Period: period(t, "2024S2"), Money: 30_000_000, Households: 2},
					{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: 120_000_000, InKind: 15_500_000, Households: 9, Note: "Ủng hộ Tết", Version: first.Version},
					{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024S2"), Money: 1_000_000},
					{CampaignID: c.ID, UnitID: w.LangSon.ID, Period: period(t, "2025"), InKind: 7_000_000},
				}
				if sheet {
					codes := map[int64]string{w.MaiSao.ID: w.MaiSao.Code, w.QuangLang.ID: w.QuangLang.Code, w.LangSon.ID: w.LangSon.Code}
					var rows [][]any
					for _, l := range lines {
						rows = append(rows, []any{codes[l.UnitID], l.Period.String(), l.Money, l.InKind, l.Households, l.Note})
					}
					if n, err := s.Import(ctx, w.Admin, c.ID, workbook(t, rows...)); err != nil || n != len(lines) {
						t.Fatalf("import: %d %v", n, err)
					}
				} else {
					for _, l := range lines {
						if _, err := s.Record(ctx, w.Admin, l); err != nil {
							t.Fatal(err)
						}
					}
				}
				got = append(got, dbtest.Rows(t, d, "SELECT * FROM campaign_contributions ORDER BY id",
					"SELECT * FROM audit_log WHERE action = 'contribute' ORDER BY id"))
				var v int64
				if err := d.QueryRowContext(ctx, "SELECT version FROM campaign_contributions WHERE unit_id = ? AND period = '2024'", w.QuangLang.ID).Scan(&v); err != nil || v != 2 {
					t.Errorf("sheet %v: the replaced contribution at version %d (%v), want 2", sheet, v, err)
				}
			}
			if got[0] != got[1] {
				t.Errorf("one by one:\n%s\nsheet:\n%s", got[0], got[1])
			}
		})
	}
}

// TestRecordRefusesStale: a contribution recorded with a version other
// than the one stored is refused and writes nothing; a new one with a
// version is refused too.
func TestRecordRefusesStale(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, w := setup(t, d)
		c := poorFund(t, s, w)
		k := campaign.Contribution{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: 5_000_000}
		if _, err := s.Record(ctx, w.Admin, campaign.Contribution{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: 1, Version: 1}); err == nil {
			t.Error("a new contribution with a version was recorded")
		}
		first, err := s.Record(ctx, w.Admin, k)
		if err != nil {
			t.Fatal(err)
		}
		if first.ID == 0 || first.Version != 1 {
			t.Errorf("recorded %+v", first)
		}
		before := dbtest.Snapshot(t, d)
		k.Version = 7
		if _, err := s.Record(ctx, w.Admin, k); err == nil {
			t.Error("a stale contribution was recorded")
		}
		if dbtest.Snapshot(t, d) != before {
			t.Error("a refused contribution wrote")
		}
		k.Version = 1
		second, err := s.Record(ctx, w.Admin, k)
		if err != nil || second.ID != first.ID || second.Version != 2 {
			t.Errorf("replaced: %+v %v", second, err)
		}
	})
}
