package practice

import (
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/vntext"
)

// TestInPeriod counts a subtree's models registered and recognized in a
// period as the tree stood then: a district closed by the 2025 reform
// still has its 2023 and 2024 models, a commune made by the reform has
// none of its predecessors' earlier ones, a stopped model still counts
// as recognized in the period it was recognized in, and the names come
// in collation order up to the limit. Before the reform the counts
// agree with Counts over the same subtree.
func TestInPeriod(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		u := e.u
		per := func(code string) vntext.Period {
			p, err := vntext.ParsePeriod(code)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		// Started 2023-03-01 (the input's day); recognized 2024-01-10.
		e.recognized(e.officerQL, e.leaderCL, u.QuangLang.ID, u.ChiLang.ID, "Tiếng kẻng an ninh")
		stopped := e.recognized(e.officerMS, e.leaderCL, u.MaiSao.ID, u.ChiLang.ID, "Đường cờ Tổ quốc")
		if _, err := e.s.Stop(e.ctx, e.officerMS, stopped.ID, date(2024, 3, 1), "Hết kinh phí"); err != nil {
			t.Fatal(err)
		}
		e.create(e.officerMS, u.MaiSao.ID, "Chỉnh trang vườn nhà", Economy)
		e.create(e.officerDD, u.DongDang.ID, "Ngõ xóm sáng", CultureSociety)

		got := func(unit int64, code string, limit int) PeriodModels {
			t.Helper()
			m, err := e.s.InPeriod(e.ctx, e.leaderTW, unit, per(code), limit)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		for _, c := range []struct {
			unit int64
			code string
		}{{u.ChiLang.ID, "2023S1"}, {u.LangSon.ID, "2023S1"}, {u.LangSon.ID, "2024S1"}, {u.Central.ID, "2023"}} {
			m := got(c.unit, c.code, 0)
			reg, err := e.s.Counts(e.ctx, e.leaderTW, Filter{Unit: c.unit, Period: c.code, Statuses: Statuses})
			if err != nil {
				t.Fatal(err)
			}
			rec, err := e.s.Counts(e.ctx, e.leaderTW, Filter{Unit: c.unit, Recognized: c.code, Statuses: Statuses})
			if err != nil {
				t.Fatal(err)
			}
			if m.Registered != reg.Total || m.Recognized != rec.Total || len(m.Named) != 0 {
				t.Errorf("unit %d %s: InPeriod %d registered, %d recognized (%d named); Counts %d, %d", c.unit, c.code,
					m.Registered, m.Recognized, len(m.Named), reg.Total, rec.Total)
			}
		}

		*e.clock = date(2026, 1, 15) // after the reform
		for _, c := range []struct {
			name                 string
			unit                 int64
			code                 string
			registered, recogniz int
			named                []string
		}{
			{"the closed district, 2023", u.ChiLang.ID, "2023S1", 3, 0, nil},
			{"the closed district, 2024", u.ChiLang.ID, "2024S1", 0, 2, []string{"Đường cờ Tổ quốc", "Tiếng kẻng an ninh"}},
			{"the province, 2023", u.LangSon.ID, "2023", 4, 0, nil},
			{"the province, 2024", u.LangSon.ID, "2024", 0, 2, []string{"Đường cờ Tổ quốc", "Tiếng kẻng an ninh"}},
			{"the reform's commune, 2024", u.NewChiLang.ID, "2024", 0, 0, nil},
			{"another province", u.SocTrang.ID, "2024", 0, 0, nil},
		} {
			m := got(c.unit, c.code, 10)
			var names []string
			for _, n := range m.Named {
				names = append(names, n.Name)
				if n.UnitName == "" {
					t.Errorf("%s: %s has no unit name", c.name, n.Name)
				}
			}
			if m.Registered != c.registered || m.Recognized != c.recogniz || len(names) != len(c.named) ||
				(len(names) > 0 && (names[0] != c.named[0] || names[1] != c.named[1])) {
				t.Errorf("%s: %d registered, %d recognized, named %q; want %d, %d, %q", c.name, m.Registered, m.Recognized, names,
					c.registered, c.recogniz, c.named)
			}
			if c.recogniz > 0 && m.RecognizedByField[DefenceSecurity] != c.recogniz {
				t.Errorf("%s: by field %v", c.name, m.RecognizedByField)
			}
		}
		if m := got(u.LangSon.ID, "2024", 1); len(m.Named) != 1 || m.Named[0].Name != "Đường cờ Tổ quốc" || m.Recognized != 2 {
			t.Errorf("limit 1: %d recognized, named %+v", m.Recognized, m.Named)
		}
		if _, err := e.s.InPeriod(e.ctx, e.officerDD, u.ChiLang.ID, per("2023S1"), 10); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("another district's officer: %v", err)
		}
		if _, err := e.s.InPeriod(e.ctx, nil, u.ChiLang.ID, per("2023S1"), 10); apperr.CodeOf(err) != apperr.CodeUnauthorized {
			t.Errorf("nobody: %v", err)
		}
	})
}
