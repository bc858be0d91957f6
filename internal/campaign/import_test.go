package campaign_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
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

// TestTemplateRoundTrip: the blank template lists the units taking part
// that the caller may record for, with the period; filled in and sent
// back it imports, the lines left empty skipped rather than recorded as
// nothing given.
func TestTemplateRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		officer := w.Person("can.bo.ls", auth.RoleOfficer, w.LangSon.ID)
		c, err := s.Create(ctx, officer, campaign.Campaign{UnitID: w.LangSon.ID, Kind: campaign.NewRural, Name: "Toàn dân đoàn kết xây dựng nông thôn mới",
			StartsOn: org.Date(2021, 1, 1), Units: []campaign.Unit{{ID: w.NewChiLang.ID}, {ID: w.NewDongDang.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		year := func(code string) vntext.Period {
			p, err := vntext.ParsePeriod(code)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		data, _, err := s.Template(ctx, officer, c.ID, year("2025"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, r := range rows[1:] {
			if len(r) != 7 || r[1] != "2025" || r[6] == "" {
				t.Errorf("a template line: %q", r)
			}
			codes = append(codes, r[0])
		}
		if want := []string{w.LangSon.Code, w.NewChiLang.Code, w.NewDongDang.Code}; !reflect.DeepEqual(codes, want) {
			t.Errorf("the template's units: %q, want %q", codes, want)
		}
		// Unfilled, it holds nothing to import.
		if _, err := s.Import(ctx, officer, c.ID, data); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("the blank template imported: %v", err)
		}
		// Two communes filled in, the province's line left empty.
		for cell, v := range map[string]string{"C3": "1.500.000", "D3": "300.000", "C4": "2,5 triệu", "F4": "Ủng hộ bằng gạo"} {
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if n, err := s.Import(ctx, officer, c.ID, buf.Bytes()); err != nil || n != 2 {
			t.Fatalf("the filled template: %d %v", n, err)
		}
		got := map[int64]campaign.Contribution{}
		list, err := s.Contributions(ctx, officer, c.ID, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range list {
			got[k.UnitID] = k
		}
		if len(got) != 2 || got[w.NewChiLang.ID].Money != 1_500_000 || got[w.NewChiLang.ID].InKind != 300_000 ||
			got[w.NewDongDang.ID].Money != 2_500_000 || got[w.NewDongDang.ID].Note != "Ủng hộ bằng gạo" || got[w.NewDongDang.ID].Period.String() != "2025" {
			t.Errorf("recorded: %+v", list)
		}
		// The commune's officer gets its own line only; a viewer, Sóc Trăng
		// and a period outside the campaign are refused.
		data, _, err = s.Template(ctx, w.Person("can.bo.xa", auth.RoleOfficer, w.NewChiLang.ID), c.ID, year("2025S1"))
		if err != nil {
			t.Fatal(err)
		}
		if lines, err := readRows(data); err != nil || len(lines) != 2 || lines[1][0] != w.NewChiLang.Code || lines[1][1] != "2025S1" {
			t.Errorf("the commune's template: %q %v", lines, err)
		}
		if _, _, err := s.Template(ctx, w.Person("xem", auth.RoleViewer, w.LangSon.ID), c.ID, year("2025")); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer's template: %v", err)
		}
		if _, _, err := s.Template(ctx, w.Person("can.bo.st", auth.RoleOfficer, w.SocTrang.ID), c.ID, year("2025")); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng's template: %v", err)
		}
		if _, _, err := s.Template(ctx, officer, c.ID, year("2019")); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a period before the campaign: %v", err)
		}
		// No period: this year (the fixture's clock says 2026).
		if _, per, err := s.Template(ctx, officer, c.ID, vntext.Period{}); err != nil || per.String() != "2026" {
			t.Errorf("the default period: %s %v", per, err)
		}
	})
}

// readRows reads the first sheet of an XLSX file.
func readRows(data []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetRows("Sheet1")
}

// TestImportCodeInOtherCase: a sheet's unit codes are matched whatever
// their letter case, on either side: written in small letters, or naming
// a unit whose stored code is not in capitals.
func TestImportCodeInOtherCase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		c := poorFund(t, s, w)
		officer := w.Person("can.bo.ls", auth.RoleOfficer, w.LangSon.ID)
		if _, err := d.ExecContext(ctx, "UPDATE units SET code = ? WHERE id = ?", "ls-cl-ms", w.MaiSao.ID); err != nil {
			t.Fatal(err)
		}
		n, err := s.Import(ctx, officer, c.ID, workbook(t,
			[]any{"ls-cl-ql", "2024", "120.000.000", "", "9", ""}, // QuangLang, stored LS-CL-QL
			[]any{"LS-CL-MS", "2024S2", 30000000, "", 2, ""}))
		if err != nil || n != 2 {
			t.Fatalf("import: %d %v", n, err)
		}
		for _, u := range []org.Unit{w.QuangLang, w.MaiSao} {
			total, err := s.Total(ctx, officer, campaign.Query{CampaignID: c.ID, UnitID: u.ID})
			if err != nil || total.Money == 0 {
				t.Errorf("%s: %+v %v", u.Name, total, err)
			}
		}
	})
}
