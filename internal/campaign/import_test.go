package campaign_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// workbook builds a contributions sheet with rows (sheet.Workbook).
func workbook(t testing.TB, rows ...[]any) []byte {
	t.Helper()
	data, err := sheet.Workbook(rows)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportAllOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		c := poorFund(t, s, w)
		officer := w.Person("can.bo.ls", auth.RoleOfficer, w.LangSon.ID)
		good := [][]any{
			{w.QuangLang.Code, "2024", "120.000.000", "15.500.000", "9", "Ủng hộ Tết"},
			{w.MaiSao.Code, "2024S2", 30000000, "", 2, ""},
		}
		for _, bad := range []struct {
			name string
			row  []any
			key  string
		}{
			{"another province", []any{w.AnMy.Code, "2024", "1.000", "", "", ""}, "campaign.err.file_line"},
			{"unknown unit", []any{"KHONG-CO", "2024", "1.000", "", "", ""}, "campaign.err.file_unit"},
			{"not a number", []any{w.QuangLang.Code, "2023", "một triệu", "", "", ""}, "campaign.err.file_number"},
			{"bad period", []any{w.QuangLang.Code, "2024S3", "1.000", "", "", ""}, "campaign.err.file_period"},
			{"twice", []any{w.QuangLang.Code, "2024", "1.000", "", "", ""}, "campaign.err.file_twice"},
			{"before the campaign", []any{w.QuangLang.Code, "2019", "1.000", "", "", ""}, "campaign.err.file_line"},
		} {
			before := dbtest.Snapshot(t, d)
			_, err := s.Import(ctx, officer, c.ID, workbook(t, good[0], good[1], bad.row))
			if k, _ := apperr.KeyOf(err); k != bad.key {
				t.Errorf("%s: %v (key %s)", bad.name, err, k)
			}
			if dbtest.Snapshot(t, d) != before {
				t.Errorf("%s: a refused sheet wrote", bad.name)
			}
		}
		if _, err := s.Import(ctx, w.Person("xem", auth.RoleViewer, w.LangSon.ID), c.ID, workbook(t, good...)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer imports: %v", err)
		}
		n, err := s.Import(ctx, officer, c.ID, workbook(t, good...))
		if err != nil || n != 2 {
			t.Fatalf("import: %d %v", n, err)
		}
		total, err := s.Total(ctx, officer, campaign.Query{CampaignID: c.ID, UnitID: w.LangSon.ID})
		if err != nil || total.Money != 150_000_000 || total.InKind != 15_500_000 || total.Households != 11 {
			t.Errorf("after import: %+v %v", total, err)
		}
		// Again: the lines replace, not add.
		if _, err := s.Import(ctx, officer, c.ID, workbook(t, good...)); err != nil {
			t.Fatal(err)
		}
		if total, _ := s.Total(ctx, officer, campaign.Query{CampaignID: c.ID, UnitID: w.LangSon.ID}); total.Money != 150_000_000 {
			t.Errorf("imported twice: %+v", total)
		}
	})
}
