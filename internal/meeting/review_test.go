package meeting_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// TestCountByKindMatchesList: the counts by kind are List's totals for
// each kind, for every filter and reader List's test uses.
func TestCountByKindMatchesList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		record(t, s, sampleConference(u))
		record(t, s, meeting.Conference{UnitID: u.SocTrang.ID, Kind: meeting.DoiThoai, Title: "Đối thoại với nông dân", HeldOn: org.Date(2021, 3, 1)})
		record(t, s, meeting.Conference{UnitID: u.QuangLang.ID, Kind: meeting.DoiThoai, Title: "Đối thoại với Nhân dân xã", HeldOn: org.Date(2021, 4, 1)})
		record(t, s, meeting.Conference{UnitID: u.LangSon.ID, Kind: meeting.SoKet, Title: "Sơ kết 6 tháng", HeldOn: org.Date(2021, 6, 28), Period: "2021S1"})
		nobody := world.Person("nobody", "", 0)
		socTrang := world.Person("viewer.soctrang", auth.RoleViewer, u.SocTrang.ID)
		for _, tc := range []struct {
			name string
			p    *auth.Principal
			f    meeting.Filter
		}{
			{"all", world.Admin, meeting.Filter{}},
			{"no grant", nobody, meeting.Filter{}},
			{"visitor", nil, meeting.Filter{}},
			{"scope", socTrang, meeting.Filter{}},
			{"unit subtree", world.Admin, meeting.Filter{UnitID: u.LangSon.ID}},
			{"unit subtree outside scope", socTrang, meeting.Filter{UnitID: u.LangSon.ID}},
			{"dates", world.Admin, meeting.Filter{UnitID: u.LangSon.ID, From: org.Date(2021, 1, 1), To: org.Date(2021, 6, 30)}},
			{"period", world.Admin, meeting.Filter{Period: "2021"}},
		} {
			got, err := s.CountByKind(ctx, tc.p, tc.f)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			sum := 0
			for _, k := range meeting.Kinds {
				f := tc.f
				f.Kind = k
				_, n, err := s.List(ctx, tc.p, f)
				if err != nil {
					t.Fatal(err)
				}
				if got[k] != n {
					t.Errorf("%s, %s: counted %d, listed %d", tc.name, k, got[k], n)
				}
				sum += got[k]
			}
			if _, n, _ := s.List(ctx, tc.p, tc.f); n != sum {
				t.Errorf("%s: counts %v sum to %d, List has %d", tc.name, got, sum, n)
			}
		}
		if got, _ := s.CountByKind(ctx, world.Admin, meeting.Filter{UnitID: u.LangSon.ID}); got[meeting.DoiThoai] != 1 || got[meeting.TongKet] != 1 || got[meeting.SoKet] != 1 {
			t.Errorf("Lạng Sơn's subtree: %v", got)
		}
	})
}

// TestTasksSet: the tasks a unit's own conferences set within the dates,
// due within the dates, in order, with their owners; not those of a
// unit below; refused to whoever may not read the unit.
func TestTasksSet(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		record(t, s, sampleConference(u)) // Chi Lăng, 2020-12-25: one task due in 2021, one in 2027
		record(t, s, meeting.Conference{UnitID: u.ChiLang.ID, Kind: meeting.SoKet, Title: "Sơ kết 6 tháng đầu năm 2021",
			HeldOn: org.Date(2021, 6, 25), Period: "2021S1", Tasks: []meeting.Task{
				{Title: "Tuyên truyền Quy chế dân chủ", Period: "2021S2", Owners: []int64{u.MaiSao.ID}},
				{Title: "Rà soát mô hình", DueOn: org.Date(2022, 1, 15)},
			}})
		record(t, s, meeting.Conference{UnitID: u.QuangLang.ID, Kind: meeting.SoKet, Title: "Sơ kết của xã",
			HeldOn: org.Date(2021, 6, 20), Tasks: []meeting.Task{{Title: "Việc của xã", Period: "2021S2"}}})
		ts, err := s.TasksSet(ctx, world.Admin, u.ChiLang.ID, org.Date(2020, 1, 1), org.Date(2021, 12, 31), org.Date(2021, 1, 1), org.Date(2021, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, x := range ts {
			titles = append(titles, x.Title)
		}
		if len(ts) != 2 || ts[0].Title != "Đẩy mạnh phong trào “Dân vận khéo”" || ts[1].Title != "Tuyên truyền Quy chế dân chủ" ||
			len(ts[0].Owners) != 2 || len(ts[0].OwnerNames) != 2 || ts[1].OwnerNames[0] == "" || ts[0].DueEnd != org.Date(2021, 12, 31) {
			t.Errorf("tasks %q: %+v", titles, ts)
		}
		if ts, err := s.TasksSet(ctx, world.Admin, u.ChiLang.ID, org.Date(2021, 1, 1), org.Date(2021, 12, 31), org.Date(2021, 1, 1), org.Date(2022, 12, 31)); err != nil || len(ts) != 2 || ts[1].Title != "Rà soát mô hình" {
			t.Errorf("held in 2021, due 2021-2022: %+v, %v", ts, err)
		}
		socTrang := world.Person("viewer.soctrang", auth.RoleViewer, u.SocTrang.ID)
		if _, err := s.TasksSet(ctx, socTrang, u.ChiLang.ID, org.Date(2020, 1, 1), org.Date(2021, 12, 31), org.Date(2021, 1, 1), org.Date(2021, 12, 31)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another province's viewer: %v", err)
		}
		if _, err := s.TasksSet(ctx, nil, u.ChiLang.ID, org.Date(2020, 1, 1), org.Date(2021, 12, 31), org.Date(2021, 1, 1), org.Date(2021, 12, 31)); apperr.CodeOf(err) != apperr.CodeUnauthorized {
			t.Errorf("nobody: %v", err)
		}
	})
}
