package committee_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

type env struct {
	s        *committee.Store
	meetings *meeting.Store
	w        *fixture.World
	u        *fixture.Units
	board    *auth.Principal // an officer of Lạng Sơn's board
}

func newEnv(t *testing.T, d *db.DB) env {
	t.Helper()
	w := fixture.NewWorld(t, d, org.Date(2026, 3, 2))
	m := meeting.NewStore(d, w.Org, w.Auth)
	return env{s: committee.NewStore(d, w.Org, w.Auth, m), meetings: m, w: w, u: w.Units,
		board: w.Person("officer.langson", auth.RoleOfficer, w.Units.LangSon.ID)}
}

func (e env) committee(t *testing.T) committee.Committee {
	t.Helper()
	c, err := e.s.Create(context.Background(), e.board, committee.Committee{UnitID: e.u.LangSon.ID, Name: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh",
		Purpose: committee.QCDC, EstablishedOn: org.Date(2021, 3, 1), DecisionNo: "125-QĐ/TU"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func names(ts []committee.Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Name+"/"+string(t.Role))
	}
	return out
}

func same(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMembershipOverTime: terms begin, change role and end; who sat on
// the committee is answered for any past day; one head at a time; the
// same person not twice at once.
func TestMembershipOverTime(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		c := e.committee(t)
		add := func(name string, unit int64, role committee.Role, from time.Time) committee.Term {
			t.Helper()
			tm, err := e.s.AddMember(ctx, e.board, c.ID, committee.Term{Name: name, UnitID: unit, Role: role, From: from})
			if err != nil {
				t.Fatalf("add %s: %v", name, err)
			}
			return tm
		}
		head := add("Hoàng Văn Nghiệm", e.u.LangSon.ID, committee.Head, org.Date(2021, 3, 1))
		dep := add("Đoàn Thị Hậu", e.u.LangSon.ID, committee.Deputy, org.Date(2021, 3, 1))
		add("Lương Thị Mai", e.u.LangSonWomen.ID, committee.Member, org.Date(2021, 3, 1))
		cl := add("Nông Văn Bình", e.u.ChiLang.ID, committee.Member, org.Date(2022, 1, 10)) // from a district, closed in 2025

		// A second head while the first sits, the same person twice, a day
		// before the committee: refused.
		for _, tc := range []struct {
			name string
			tm   committee.Term
			code apperr.Code
		}{
			{"two heads", committee.Term{Name: "Vy Văn Thành", UnitID: e.u.LangSon.ID, Role: committee.Head, From: org.Date(2023, 1, 1)}, apperr.CodeConflict},
			{"twice", committee.Term{Name: "hoàng văn nghiệm", UnitID: e.u.LangSon.ID, Role: committee.Member, From: org.Date(2023, 1, 1)}, apperr.CodeConflict},
			{"before set up", committee.Term{Name: "Vy Văn Thành", UnitID: e.u.LangSon.ID, Role: committee.Member, From: org.Date(2020, 1, 1)}, apperr.CodeInvalid},
			{"unit not yet there", committee.Term{Name: "Vy Văn Thành", UnitID: e.u.NewChiLang.ID, Role: committee.Member, From: org.Date(2024, 1, 1)}, apperr.CodeInvalid},
		} {
			if _, err := e.s.AddMember(ctx, e.board, c.ID, tc.tm); apperr.CodeOf(err) != tc.code {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		// The head leaves at the end of 2023; the deputy heads from 2024.
		if err := e.s.EndTerm(ctx, e.board, c.ID, head.ID, org.Date(2023, 12, 31), "Nghỉ hưu"); err != nil {
			t.Fatal(err)
		}
		if err := e.s.EndTerm(ctx, e.board, c.ID, head.ID, org.Date(2024, 1, 5), "Lần nữa"); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("ended twice: %v", err)
		}
		if _, err := e.s.ChangeRole(ctx, e.board, c.ID, dep.ID, org.Date(2024, 1, 1), committee.Head, "Trưởng Ban Dân vận Tỉnh ủy"); err != nil {
			t.Fatal(err)
		}
		if err := e.s.EndTerm(ctx, e.board, c.ID, cl.ID, org.Date(2025, 6, 30), "Huyện ủy Chi Lăng kết thúc hoạt động"); err != nil {
			t.Fatal(err)
		}
		add("Hoàng Văn Bình", e.u.NewChiLang.ID, committee.Member, org.Date(2025, 7, 1))

		for _, tc := range []struct {
			day  time.Time
			want []string
		}{
			{org.Date(2021, 2, 28), []string{}},
			{org.Date(2022, 6, 1), []string{"Hoàng Văn Nghiệm/head", "Đoàn Thị Hậu/deputy", "Lương Thị Mai/member", "Nông Văn Bình/member"}},
			{org.Date(2023, 12, 31), []string{"Hoàng Văn Nghiệm/head", "Đoàn Thị Hậu/deputy", "Lương Thị Mai/member", "Nông Văn Bình/member"}},
			{org.Date(2024, 1, 1), []string{"Đoàn Thị Hậu/head", "Lương Thị Mai/member", "Nông Văn Bình/member"}},
			{org.Date(2025, 7, 1), []string{"Đoàn Thị Hậu/head", "Hoàng Văn Bình/member", "Lương Thị Mai/member"}},
		} {
			got, err := e.s.Members(ctx, e.board, c.ID, tc.day)
			if err != nil || !same(names(got), tc.want) {
				t.Errorf("on %s: %v %v; want %v", tc.day.Format("02/01/2006"), names(got), err, tc.want)
			}
		}
		all, err := e.s.Terms(ctx, e.board, c.ID)
		if err != nil || len(all) != 6 {
			t.Errorf("every term kept: %d %v", len(all), err)
		}
		// The commune's officer (a member's unit) reads the committee; Sóc Trăng does not; a commune cannot change it.
		commune := e.w.Person("officer.chilang", auth.RoleOfficer, e.u.NewChiLang.ID)
		if _, err := e.s.Committee(ctx, commune, c.ID); err != nil {
			t.Errorf("a member's unit reads: %v", err)
		}
		if _, err := e.s.AddMember(ctx, commune, c.ID, committee.Term{Name: "X", UnitID: e.u.NewChiLang.ID, Role: committee.Member, From: org.Date(2026, 1, 1)}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a member's unit adds: %v", err)
		}
		st := e.w.Person("leader.soctrang", auth.RoleLeader, e.u.SocTrang.ID)
		if _, err := e.s.Members(ctx, st, c.ID, org.Date(2022, 6, 1)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng reads: %v", err)
		}
		if rows, n, err := e.s.List(ctx, st, committee.Filter{}); err != nil || n != 0 || len(rows) != 0 {
			t.Errorf("Sóc Trăng's list: %+v %d %v", rows, n, err)
		}
		if rows, n, err := e.s.List(ctx, commune, committee.Filter{}); err != nil || n != 1 || len(rows) != 1 || rows[0].Members != 3 {
			t.Errorf("the commune's list: %+v %d %v", rows, n, err)
		}
	})
}

// TestList: committees listed in Vietnamese name order across pages,
// below a unit or by name however it is typed, with the total; a unit
// outside the caller's scope is refused.
func TestList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		for _, c := range []struct {
			unit int64
			name string
		}{
			{e.u.LangSon.ID, "Ban Chỉ đạo về công tác tôn giáo"},
			{e.u.NewChiLang.ID, "Ban Chỉ đạo Cuộc vận động xã Chi Lăng"},
			{e.u.LangSon.ID, "Ban Chỉ đạo 35"},
			{e.u.NewDongDang.ID, "Ban Chỉ đạo phường Đồng Đăng"},
			{e.u.LangSon.ID, "Ban Chỉ đạo 4"},
		} {
			if _, err := e.s.Create(ctx, e.w.Admin, committee.Committee{UnitID: c.unit, Name: c.name, Purpose: committee.QCDC,
				EstablishedOn: org.Date(2025, 9, 1)}); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		for off := 0; off < 10; off += 2 {
			rows, n, err := e.s.List(ctx, e.w.Admin, committee.Filter{UnitID: e.u.LangSon.ID, Offset: off, Limit: 2})
			if err != nil || n != 5 {
				t.Fatalf("page at %d: %d %v", off, n, err)
			}
			for _, r := range rows {
				got = append(got, r.Name)
			}
		}
		want := []string{"Ban Chỉ đạo 4", "Ban Chỉ đạo 35", "Ban Chỉ đạo Cuộc vận động xã Chi Lăng", "Ban Chỉ đạo phường Đồng Đăng", "Ban Chỉ đạo về công tác tôn giáo"}
		if !slices.Equal(got, want) {
			t.Errorf("pages: %q\nwant %q", got, want)
		}
		if rows, n, err := e.s.List(ctx, e.w.Admin, committee.Filter{Query: "dong dang"}); err != nil || n != 1 || rows[0].UnitID != e.u.NewDongDang.ID {
			t.Errorf("by name: %+v %d %v", rows, n, err)
		}
		if _, n, err := e.s.List(ctx, e.w.Admin, committee.Filter{UnitID: e.u.NewChiLang.ID}); err != nil || n != 1 {
			t.Errorf("a commune's: %d %v", n, err)
		}
		st := e.w.Person("leader.soctrang", auth.RoleLeader, e.u.SocTrang.ID)
		if _, _, err := e.s.List(ctx, st, committee.Filter{UnitID: e.u.LangSon.ID}); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("Sóc Trăng asks for Lạng Sơn's: %v", err)
		}
	})
}

// TestMeetingsDecisionsReport: a committee's meetings are its unit's
// conferences; its decisions and the year's report count what happened
// in the year.
func TestMeetingsDecisionsReport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		c := e.committee(t)
		conf := func(unit int64, title string, on time.Time) int64 {
			cf, err := e.meetings.Create(ctx, e.w.Admin, meeting.Conference{UnitID: unit, Kind: meeting.ChuyenDe, Title: title, HeldOn: on})
			if err != nil {
				t.Fatal(err)
			}
			return cf.ID
		}
		own := conf(e.u.LangSon.ID, "Hội nghị Ban Chỉ đạo QCDC tỉnh năm 2025", org.Date(2025, 12, 20))
		other := conf(e.u.SocTrang.ID, "Hội nghị của Sóc Trăng", org.Date(2025, 12, 20))
		below := conf(e.u.NewChiLang.ID, "Hội nghị của xã Chi Lăng", org.Date(2025, 12, 20))
		if err := e.s.LinkMeeting(ctx, e.board, c.ID, other); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("another province's conference: %v", err)
		}
		if err := e.s.LinkMeeting(ctx, e.board, c.ID, below); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a commune's conference: %v", err)
		}
		if err := e.s.LinkMeeting(ctx, e.board, c.ID, own); err != nil {
			t.Fatal(err)
		}
		if err := e.s.LinkMeeting(ctx, e.board, c.ID, own); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("linked twice: %v", err)
		}
		if _, err := e.s.AddDecision(ctx, e.board, c.ID, committee.Decision{Number: "05-QĐ/BCĐ", SignedOn: org.Date(2025, 4, 2), Title: "Ban hành kế hoạch kiểm tra năm 2025"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.AddDecision(ctx, e.board, c.ID, committee.Decision{Number: "", SignedOn: org.Date(2025, 4, 2), Title: "X"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a decision without number: %v", err)
		}
		if _, err := e.s.AddMember(ctx, e.board, c.ID, committee.Term{Name: "Lương Thị Mai", UnitID: e.u.LangSonWomen.ID, Role: committee.Member, From: org.Date(2025, 5, 1)}); err != nil {
			t.Fatal(err)
		}
		if err := e.s.SaveReport(ctx, e.board, c.ID, 2025, "Năm 2025, Ban Chỉ đạo đã kiểm tra 12 xã."); err != nil {
			t.Fatal(err)
		}
		if err := e.s.SaveReport(ctx, e.board, c.ID, 2025, "Năm 2025, Ban Chỉ đạo đã kiểm tra 14 xã."); err != nil {
			t.Fatal(err)
		}
		r, err := e.s.Report(ctx, e.board, c.ID, 2025)
		if err != nil {
			t.Fatal(err)
		}
		if r.Summary != "Năm 2025, Ban Chỉ đạo đã kiểm tra 14 xã." || len(r.Meetings) != 1 || len(r.Decisions) != 1 || len(r.Joined) != 1 || len(r.AtEnd) != 1 {
			t.Errorf("report 2025: %+v", r)
		}
		r, err = e.s.Report(ctx, e.board, c.ID, 2024)
		if err != nil || r.Summary != "" || len(r.Meetings) != 0 || len(r.Decisions) != 0 || len(r.AtEnd) != 0 {
			t.Errorf("report 2024: %+v %v", r, err)
		}
		viewer := e.w.Person("viewer.langson", auth.RoleViewer, e.u.LangSon.ID)
		if err := e.s.SaveReport(ctx, viewer, c.ID, 2025, "X"); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer writes the report: %v", err)
		}
		if err := e.s.LinkMeeting(ctx, viewer, c.ID, own); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer links: %v", err)
		}
	})
}
