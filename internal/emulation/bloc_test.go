package emulation_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/org"
)

func key(err error) string { k, _ := apperr.KeyOf(err); return k }

func TestRotate(t *testing.T) {
	for _, tc := range []struct {
		name           string
		order          []int64
		last           int64
		leader, deputy int64
	}{
		{"first year", []int64{1, 2, 3}, 0, 1, 2},
		{"next in order", []int64{1, 2, 3}, 1, 2, 3},
		{"wraps round", []int64{1, 2, 3}, 3, 1, 2},
		{"deputy wraps", []int64{1, 2, 3}, 2, 3, 1},
		{"last leader left", []int64{4, 5}, 9, 4, 5},
		{"one member", []int64{7}, 7, 7, 0},
	} {
		l, d := emulation.Rotate(tc.order, tc.last)
		if l != tc.leader || d != tc.deputy {
			t.Errorf("%s: leader %d deputy %d; want %d %d", tc.name, l, d, tc.leader, tc.deputy)
		}
	}
}

// TestBlocRotationAcrossYears: the leader moves along the stored order
// year by year, and starts again from the first member when last year's
// leader has left.
func TestBlocRotationAcrossYears(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		b, err := s.CreateBloc(ctx, world.Admin, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: "Cụm thi đua số 1"})
		if err != nil {
			t.Fatal(err)
		}
		a, bb, c := u.NewChiLang.ID, u.NewDongDang.ID, u.LangSonWomen.ID
		for _, tc := range []struct {
			year           int
			order          []int64
			leader, deputy int64
		}{
			{2026, []int64{a, bb, c}, a, bb},
			{2027, []int64{a, bb, c}, bb, c},
			{2028, []int64{a, bb, c}, c, a},
			{2029, []int64{bb, a}, bb, a}, // c led in 2028 and left: the first member leads
		} {
			y, err := s.SetMembers(ctx, world.Admin, b.ID, tc.year, tc.order)
			if err != nil {
				t.Fatalf("%d: %v", tc.year, err)
			}
			if y.LeaderID != tc.leader || y.DeputyID != tc.deputy || len(y.Members) != len(tc.order) {
				t.Errorf("%d: leader %d deputy %d; want %d %d", tc.year, y.LeaderID, y.DeputyID, tc.leader, tc.deputy)
			}
		}
		// A unit that is not below the organizer, or gone that year, is refused.
		if _, err := s.SetMembers(ctx, world.Admin, b.ID, 2030, []int64{a, u.NewMyXuyen.ID}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a unit of Sóc Trăng: %v", err)
		}
		if _, err := s.SetMembers(ctx, world.Admin, b.ID, 2026, []int64{u.QuangLang.ID, a}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a commune merged in 2025: %v", err)
		}
	})
}

// TestBlocList: the list is in Vietnamese name order across pages (by
// the name, not the order set up), filtered by organizer and by name
// however it is typed, and counts every bloc it selects.
func TestBlocList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		names := []string{"Khối thi đua số 10", "Cụm Đồng Đăng", "Cụm thi đua số 2", "Khối thi đua số 2", "Cụm Dân vận khéo", "Ấp Chi Lăng"}
		for _, n := range names {
			if _, err := s.CreateBloc(ctx, world.Admin, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: n}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.CreateBloc(ctx, world.Admin, emulation.BlocGroup{UnitID: u.SocTrang.ID, Kind: emulation.Bloc, Name: "Khối các xã Sóc Trăng"}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for off := 0; ; off += 3 {
			rows, n, err := s.Blocs(ctx, world.Admin, emulation.BlocFilter{UnitID: u.LangSon.ID, Offset: off, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			if n != len(names) {
				t.Fatalf("total %d, want %d", n, len(names))
			}
			if len(rows) == 0 {
				break
			}
			for _, r := range rows {
				got = append(got, r.Name)
			}
		}
		want := []string{"Ấp Chi Lăng", "Cụm Dân vận khéo", "Cụm Đồng Đăng", "Cụm thi đua số 2", "Khối thi đua số 2", "Khối thi đua số 10"}
		if !slices.Equal(got, want) {
			t.Errorf("pages: %q\nwant %q", got, want)
		}
		if rows, n, err := s.Blocs(ctx, world.Admin, emulation.BlocFilter{Query: "DONG  dang "}); err != nil || n != 1 || len(rows) != 1 || rows[0].Name != "Cụm Đồng Đăng" {
			t.Errorf("by name: %+v %d %v", rows, n, err)
		}
		if _, n, err := s.Blocs(ctx, world.Admin, emulation.BlocFilter{}); err != nil || n != len(names)+1 {
			t.Errorf("every organizer: %d %v", n, err)
		}
		if rows, n, err := s.Blocs(ctx, world.Admin, emulation.BlocFilter{Query: "50%_"}); err != nil || n != 0 || len(rows) != 0 {
			t.Errorf("LIKE characters typed: %+v %d %v", rows, n, err)
		}
	})
}

// TestBlocScoringApprovalAndTies walks a year: criteria with a bonus and
// a penalty, each member scoring itself, the leader's review, a tie for
// first, the approval choosing among the tied, and who is refused at
// each step.
func TestBlocScoringApprovalAndTies(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		organizer := world.Person("officer.langson", auth.RoleOfficer, u.LangSon.ID)
		approver := world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID)
		chiLang := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		dongDang := world.Person("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
		women := world.Person("officer.women", auth.RoleOfficer, u.LangSonWomen.ID)
		socTrang := world.Person("leader.soctrang", auth.RoleLeader, u.SocTrang.ID)

		if _, err := s.CreateBloc(ctx, chiLang, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Bloc, Name: "Khối"}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a member sets up a bloc of the province: %v", err)
		}
		b, err := s.CreateBloc(ctx, organizer, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: "Cụm thi đua các xã biên giới"})
		if err != nil {
			t.Fatal(err)
		}
		// 2025 led by Đồng Đăng; 2026 then falls to the Women's Union.
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2025, []int64{u.NewChiLang.ID, u.NewDongDang.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2025, []int64{u.NewDongDang.ID, u.NewChiLang.ID}); err != nil {
			t.Fatal(err)
		}
		y, err := s.SetMembers(ctx, organizer, b.ID, 2026, []int64{u.NewDongDang.ID, u.LangSonWomen.ID, u.NewChiLang.ID})
		if err != nil {
			t.Fatal(err)
		}
		if y.LeaderID != u.LangSonWomen.ID || y.DeputyID != u.NewChiLang.ID {
			t.Fatalf("2026 leader %d deputy %d", y.LeaderID, y.DeputyID)
		}
		y, err = s.AddCriteria(ctx, organizer, b.ID, 2026, []emulation.BlocCriterion{
			{Kind: emulation.Criterion, Title: "Triển khai Quy chế dân chủ ở cơ sở", MaxPoints: 50, Evidence: "Báo cáo, kế hoạch"},
			{Kind: emulation.Criterion, Title: "Xây dựng mô hình “Dân vận khéo”", MaxPoints: 40},
			{Kind: emulation.Bonus, Title: "Được cấp trên khen thưởng", MaxPoints: 10},
			{Kind: emulation.Penalty, Title: "Báo cáo chậm", MaxPoints: 10},
		})
		if err != nil {
			t.Fatal(err)
		}
		if y.MaxTotal() != 100 || len(y.Criteria) != 4 {
			t.Fatalf("criteria: %+v", y.Criteria)
		}
		c := func(i int) int64 { return y.Criteria[i].ID }
		// A member scores only itself; a score beyond the maximum is refused.
		if _, err := s.SelfScore(ctx, chiLang, b.ID, 2026, u.NewDongDang.ID, map[int64]float64{c(0): 10}, false); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Chi Lăng scores Đồng Đăng: %v", err)
		}
		if _, err := s.SelfScore(ctx, chiLang, b.ID, 2026, u.NewChiLang.ID, map[int64]float64{c(0): 51}, false); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("over the maximum: %v", err)
		}
		if _, err := s.SelfScore(ctx, chiLang, b.ID, 2026, u.NewChiLang.ID, map[int64]float64{c(0): 45}, true); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("handed in without criterion 2: %v", err)
		}
		self := func(who *auth.Principal, unit int64, v ...float64) {
			t.Helper()
			sc := map[int64]float64{}
			for i, x := range v {
				sc[c(i)] = x
			}
			if _, err := s.SelfScore(ctx, who, b.ID, 2026, unit, sc, true); err != nil {
				t.Fatal(err)
			}
		}
		self(chiLang, u.NewChiLang.ID, 45, 35, 5, 0)   // 85
		self(dongDang, u.NewDongDang.ID, 40, 40, 5, 0) // 85
		// The leader cannot review before every member has handed in.
		if _, err := s.Review(ctx, women, b.ID, 2026, nil, true); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("review before all handed in: %v", err)
		}
		self(women, u.LangSonWomen.ID, 50, 38, 0, 3) // 85
		if _, err := s.SelfScore(ctx, women, b.ID, 2026, u.LangSonWomen.ID, map[int64]float64{c(0): 1}, false); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("scoring after handing in: %v", err)
		}
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2026, []int64{u.NewChiLang.ID}); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("members changed after scoring began: %v", err)
		}
		y, err = s.BlocYear(ctx, socTrang, b.ID, 2026)
		if apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng reads the bloc: %v", err)
		}
		// A three-way tie before the review.
		y, _ = s.BlocYear(ctx, chiLang, b.ID, 2026)
		if r := y.Ranking(); r[0].Rank != 1 || r[2].Rank != 1 || r[0].Total != 85 || !r[2].Tied {
			t.Errorf("self-scored ranking: %+v", r)
		}
		// The review is the leader's (the Women's Union, or the organizer
		// above it), not another member's.
		review := []emulation.BlocScore{{UnitID: u.NewDongDang.ID, CriterionID: c(1), Score: 35}}
		if _, err := s.Review(ctx, chiLang, b.ID, 2026, review, true); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("review by a member not leading: %v", err)
		}
		bad := append(review, emulation.BlocScore{UnitID: u.NewChiLang.ID, CriterionID: c(0), Score: 99})
		if _, err := s.Review(ctx, women, b.ID, 2026, bad, true); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a review with one bad score: %v", err)
		}
		if y, _ = s.BlocYear(ctx, women, b.ID, 2026); len(y.Members[0].Review) != 0 || y.Status != emulation.Scoring {
			t.Errorf("a refused review wrote: %+v", y.Members[0])
		}
		if _, err := s.Approve(ctx, approver, b.ID, 2026, 0); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("approved before the review: %v", err)
		}
		y, err = s.Review(ctx, women, b.ID, 2026, review, true)
		if err != nil {
			t.Fatal(err)
		}
		r := y.Ranking()
		// Đồng Đăng falls to 80; the Women's Union (“Hội …”) and Chi Lăng
		// (“Khối …”) share first (85 each, the penalty subtracted), listed
		// by name.
		if y.Status != emulation.Reviewed || r[0].Signatory.UnitID != u.LangSonWomen.ID || r[1].Signatory.UnitID != u.NewChiLang.ID ||
			r[0].Rank != 1 || r[1].Rank != 1 || r[2].Rank != 3 || r[2].Total != 80 || r[1].Total != 85 {
			t.Fatalf("reviewed ranking: %+v", r)
		}
		if len(y.Leading()) != 2 {
			t.Errorf("leading: %+v", y.Leading())
		}
		if _, err := s.Approve(ctx, organizer, b.ID, 2026, u.NewChiLang.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer approves: %v", err)
		}
		if _, err := s.Approve(ctx, approver, b.ID, 2026, 0); key(err) != "emulation.bloc.err.flag_tie" {
			t.Errorf("a tie without a choice: %v", err)
		}
		if _, err := s.Approve(ctx, approver, b.ID, 2026, u.NewDongDang.ID); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("the flag to the third: %v", err)
		}
		// Returned, reviewed again, approved with the choice.
		if _, err := s.Return(ctx, approver, b.ID, 2026, ""); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("returned without a note: %v", err)
		}
		if y, err = s.Return(ctx, approver, b.ID, 2026, "Xem lại điểm tiêu chí 2"); err != nil || y.Status != emulation.Scoring {
			t.Fatalf("return: %v", err)
		}
		if _, err = s.Review(ctx, women, b.ID, 2026, nil, true); err != nil {
			t.Fatal(err)
		}
		y, err = s.Approve(ctx, approver, b.ID, 2026, u.LangSonWomen.ID)
		if err != nil || y.Status != emulation.Approved || y.FlagUnitID != u.LangSonWomen.ID {
			t.Fatalf("approve: %+v %v", y, err)
		}
		if rows, n, err := s.Blocs(ctx, women, emulation.BlocFilter{}); err != nil || n != 1 || len(rows) != 1 || rows[0].Members != 3 {
			t.Errorf("a member's list: %+v %d %v", rows, n, err)
		}
		if rows, n, err := s.Blocs(ctx, socTrang, emulation.BlocFilter{}); err != nil || n != 0 || len(rows) != 0 {
			t.Errorf("Sóc Trăng's list: %+v %d %v", rows, n, err)
		}
	})
}

// TestBlocCriteriaFromPledge: a pledge signed at the organizer's
// conference becomes the year's criteria, each linked to its commitment;
// another province's pledge is refused.
func TestBlocCriteriaFromPledge(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		mk := func(unit, signer int64) emulation.Pledge {
			pl, err := s.Create(ctx, world.Admin, emulation.Pledge{UnitID: unit, Title: "Giao ước thi đua năm 2026", Period: "2026", SignedOn: org.Date(2026, 1, 15),
				Commitments: []emulation.Commitment{{Kind: emulation.Deliverable, Description: "Mỗi xã một mô hình “Dân vận khéo”", MaxScore: 60},
					{Kind: emulation.Target, IndicatorCode: "HG01", Target: 20, Description: "Hòa giải thành công 20 vụ việc", MaxScore: 40}},
				Signatories: []emulation.Signatory{{UnitID: signer, Signer: "Nguyễn Văn A"}}})
			if err != nil {
				t.Fatal(err)
			}
			return pl
		}
		own, theirs := mk(u.LangSon.ID, u.NewChiLang.ID), mk(u.SocTrang.ID, u.NewMyXuyen.ID)
		organizer := world.Person("officer.langson", auth.RoleOfficer, u.LangSon.ID)
		b, err := s.CreateBloc(ctx, organizer, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Bloc, Name: "Khối các xã"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2026, []int64{u.NewChiLang.ID, u.NewDongDang.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CriteriaFromPledge(ctx, organizer, b.ID, 2026, theirs.ID); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("Sóc Trăng's pledge: %v", err)
		}
		y, err := s.CriteriaFromPledge(ctx, organizer, b.ID, 2026, own.ID)
		if err != nil {
			t.Fatal(err)
		}
		if y.PledgeID != own.ID || len(y.Criteria) != 2 || y.Criteria[1].CommitmentID != own.Commitments[1].ID || y.MaxTotal() != 100 {
			t.Errorf("criteria from the pledge: %+v", y)
		}
	})
}
