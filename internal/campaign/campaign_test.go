package campaign_test

import (
	"context"
	"math"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

func setup(t *testing.T, d *db.DB) (*campaign.Store, *fixture.World) {
	t.Helper()
	w := fixture.NewWorld(t, d, org.Date(2026, 3, 2))
	return campaign.NewStore(d, w.Org, w.Auth), w
}

func period(t testing.TB, code string) vntext.Period {
	t.Helper()
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// poorFund is the central "Vì người nghèo" fund with both provinces
// taking part, counting households.
func poorFund(t *testing.T, s *campaign.Store, w *fixture.World) campaign.Campaign {
	t.Helper()
	c, err := s.Create(context.Background(), w.Admin, campaign.Campaign{UnitID: w.Central.ID, Kind: campaign.Poor,
		Name: "Quỹ “Vì người nghèo” giai đoạn 2020 – 2026", StartsOn: org.Date(2020, 1, 1), Target: 2_000_000_000,
		CountsHouseholds: true, Units: []campaign.Unit{{ID: w.LangSon.ID}, {ID: w.SocTrang.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6*math.Max(1, math.Abs(b)) }

// TestRollupAcrossMergeAndSplit: the country's roll-up equals the sum of
// the contributions both as reported and mapped onto today's units, the
// merged communes' contributions pass whole to the new commune, the
// split commune's by its shares (0,6 and 0,4), and a province's children
// add up to the province.
func TestRollupAcrossMergeAndSplit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		c := poorFund(t, s, w)
		in := []struct {
			unit              org.Unit
			period            string
			money, kind, hhds int64
		}{
			{w.QuangLang, "2024", 100_000_000, 20_000_000, 12},
			{w.MaiSao, "2024", 50_000_000, 0, 5},
			{w.ThamDon, "2024", 1_000_000_000, 0, 40},
			{w.MyXuyenTown, "2024S2", 10_000_000, 5_000_000, 1},
			{w.NewChiLang, "2025S2", 30_000_000, 0, 3},
			{w.NewMyXuyen, "2025S2", 20_000_000, 0, 2},
			{w.LangSon, "2024", 5_000_000, 0, 0},
		}
		var money, kind, hhds float64
		for _, k := range in {
			if _, err := s.Record(ctx, w.Admin, campaign.Contribution{CampaignID: c.ID, UnitID: k.unit.ID, Period: period(t, k.period),
				Money: k.money, InKind: k.kind, Households: k.hhds}); err != nil {
				t.Fatalf("%s %s: %v", k.unit.Name, k.period, err)
			}
			money, kind, hhds = money+float64(k.money), kind+float64(k.kind), hhds+float64(k.hhds)
		}
		for _, mapped := range []bool{false, true} {
			total, kids, err := s.Rollup(ctx, w.Admin, campaign.Query{CampaignID: c.ID, UnitID: w.Central.ID, Mapped: mapped})
			if err != nil {
				t.Fatal(err)
			}
			if !near(total.Money, money) || !near(total.InKind, kind) || !near(total.Households, hhds) {
				t.Errorf("mapped %v: country %+v, contributions %v %v %v", mapped, total, money, kind, hhds)
			}
			var sum campaign.Totals
			for _, k := range kids {
				sum.Money += k.Money
				sum.InKind += k.InKind
				sum.Households += k.Households
			}
			if !near(sum.Money, money) || !near(sum.Households, hhds) {
				t.Errorf("mapped %v: the provinces add up to %+v, not %v", mapped, sum, money)
			}
		}
		// Mapped onto today's Sóc Trăng: Tham Đôn's 1 tỉ splits 0,6 / 0,4.
		_, kids, err := s.Rollup(ctx, w.Admin, campaign.Query{CampaignID: c.ID, UnitID: w.SocTrang.ID, Mapped: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := kids[w.NewMyXuyen.ID].Money; !near(got, 10_000_000+20_000_000+600_000_000) {
			t.Errorf("new Mỹ Xuyên: %v", got)
		}
		if got := kids[w.NewKeSach.ID].Money; !near(got, 400_000_000) {
			t.Errorf("new Kế Sách: %v", got)
		}
		if got := kids[w.NewKeSach.ID].Households; !near(got, 16) {
			t.Errorf("new Kế Sách households: %v", got)
		}
		// The merged communes pass whole to the new Chi Lăng.
		_, kids, err = s.Rollup(ctx, w.Admin, campaign.Query{CampaignID: c.ID, UnitID: w.LangSon.ID, Mapped: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := kids[w.NewChiLang.ID].Money; !near(got, 180_000_000) {
			t.Errorf("new Chi Lăng: %v", got)
		}
		// As reported in 2024, under the districts of then.
		_, kids, err = s.Rollup(ctx, w.Admin, campaign.Query{CampaignID: c.ID, UnitID: w.LangSon.ID, Period: period(t, "2024")})
		if err != nil {
			t.Fatal(err)
		}
		if got := kids[w.ChiLang.ID].Money; !near(got, 150_000_000) {
			t.Errorf("Chi Lăng district in 2024: %v (%v)", got, kids)
		}
		if _, ok := kids[w.NewChiLang.ID]; ok {
			t.Errorf("2024 as reported counts the new commune: %v", kids)
		}
	})
}

func TestRulesAndScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d)
		ctx := context.Background()
		c := poorFund(t, s, w)
		lsOfficer := w.Person("can.bo.ls", auth.RoleOfficer, w.LangSon.ID)
		stViewer := w.Person("xem.st", auth.RoleViewer, w.SocTrang.ID)
		// A Lạng Sơn officer may not run a central campaign, records its
		// own commune's figures, not Sóc Trăng's.
		before := dbtest.Snapshot(t, d)
		if _, err := s.Create(ctx, lsOfficer, campaign.Campaign{UnitID: w.Central.ID, Kind: campaign.Local, Name: "X", StartsOn: org.Date(2024, 1, 1)}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("officer creates a central campaign: %v", err)
		}
		if _, err := s.Record(ctx, lsOfficer, campaign.Contribution{CampaignID: c.ID, UnitID: w.AnMy.ID, Period: period(t, "2024"), Money: 1}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Lạng Sơn records for Sóc Trăng: %v", err)
		}
		if _, err := s.Record(ctx, stViewer, campaign.Contribution{CampaignID: c.ID, UnitID: w.AnMy.ID, Period: period(t, "2024"), Money: 1}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer records: %v", err)
		}
		// Bad input: before the campaign, households not counted, nothing.
		for _, k := range []campaign.Contribution{
			{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2019"), Money: 1},
			{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024")},
			{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: -5},
		} {
			if _, err := s.Record(ctx, lsOfficer, k); apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Errorf("%+v: %v", k, err)
			}
		}
		if got := dbtest.Snapshot(t, d); got != before {
			t.Error("a refused call wrote to the database")
		}
		k, err := s.Record(ctx, lsOfficer, campaign.Contribution{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: 7_000_000})
		if err != nil {
			t.Fatal(err)
		}
		// A stale save is refused; the version read replaces.
		if _, err := s.Record(ctx, lsOfficer, campaign.Contribution{CampaignID: c.ID, UnitID: w.QuangLang.ID, Period: period(t, "2024"), Money: 8_000_000}); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("stale: %v", err)
		}
		k.Money = 9_000_000
		if _, err := s.Record(ctx, lsOfficer, k); err != nil {
			t.Fatal(err)
		}
		// A local campaign of Lạng Sơn: Sóc Trăng's viewer does not see it
		// and may not roll it up; a unit not taking part may not give.
		local, err := s.Create(ctx, lsOfficer, campaign.Campaign{UnitID: w.LangSon.ID, Kind: campaign.Local, Name: "Áo ấm cho em vùng cao", StartsOn: org.Date(2024, 10, 1)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, stViewer, local.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng reads Lạng Sơn's campaign: %v", err)
		}
		if _, _, err := s.Rollup(ctx, stViewer, campaign.Query{CampaignID: c.ID, UnitID: w.LangSon.ID}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng rolls up Lạng Sơn: %v", err)
		}
		if _, err := s.Record(ctx, w.Admin, campaign.Contribution{CampaignID: local.ID, UnitID: w.AnMy.ID, Period: period(t, "2024Q4"), Money: 1}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a unit not taking part gives: %v", err)
		}
		list, n, err := s.List(ctx, stViewer, campaign.Filter{})
		if err != nil || n != 1 || len(list) != 1 || list[0].ID != c.ID {
			t.Errorf("Sóc Trăng's list: %d %+v %v", n, list, err)
		}
		list, n, err = s.List(ctx, lsOfficer, campaign.Filter{Query: "ao am"})
		if err != nil || n != 1 || list[0].ID != local.ID {
			t.Errorf("search: %d %+v %v", n, list, err)
		}
		ks, err := s.Contributions(ctx, stViewer, c.ID, 0, 0)
		if err != nil || len(ks) != 0 {
			t.Errorf("Sóc Trăng sees Lạng Sơn's contributions: %+v %v", ks, err)
		}
	})
}
