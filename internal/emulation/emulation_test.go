package emulation_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// world is the fixture world newStore built last, with its national
// administrator.
var world *fixture.World

// newStore builds the fixture world in d and returns the pledge store and
// the conference store it reads conferences from.
func newStore(t *testing.T, d *db.DB) (*emulation.Store, *meeting.Store, *fixture.Units) {
	t.Helper()
	world = fixture.NewWorld(t, d, org.Date(2026, 3, 2))
	meetings := meeting.NewStore(d, world.Org, world.Auth)
	return emulation.NewStore(d, world.Org, world.Auth, meetings), meetings, world.Units
}

func TestRankTies(t *testing.T) {
	sig := func(name string, scores ...float64) emulation.Signatory {
		s := emulation.Signatory{UnitName: name, Scores: map[int64]float64{}}
		for i, v := range scores {
			s.Scores[int64(i+1)] = v
		}
		return s
	}
	tests := []struct {
		name  string
		sigs  []emulation.Signatory
		order []string
		ranks []int
		tied  []bool
	}{
		{"distinct", []emulation.Signatory{sig("B", 5), sig("A", 9)}, []string{"A", "B"}, []int{1, 2}, []bool{false, false}},
		{"tie in the middle skips a place",
			[]emulation.Signatory{sig("Đông", 8), sig("Dương", 8), sig("An", 10), sig("Bình", 3)},
			[]string{"An", "Dương", "Đông", "Bình"}, []int{1, 2, 2, 4}, []bool{false, true, true, false}},
		{"float sums tie", []emulation.Signatory{sig("X", 0.1, 0.2), sig("Y", 0.3)}, []string{"X", "Y"}, []int{1, 1}, []bool{true, true}},
		{"unscored counts zero", []emulation.Signatory{sig("K"), sig("H")}, []string{"H", "K"}, []int{1, 1}, []bool{true, true}},
	}
	for _, tc := range tests {
		got := emulation.Rank(tc.sigs)
		for i, st := range got {
			if st.Signatory.UnitName != tc.order[i] || st.Rank != tc.ranks[i] || st.Tied != tc.tied[i] {
				t.Errorf("%s: #%d = %s rank %d tied %v; want %s %d %v", tc.name, i, st.Signatory.UnitName, st.Rank, st.Tied, tc.order[i], tc.ranks[i], tc.tied[i])
			}
		}
	}
}

func TestPledgeScoringAndRanking(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		in := emulation.Pledge{UnitID: u.ChiLang.ID, Title: "Giao ước thi đua năm 2021", Period: "2021", SignedOn: org.Date(2021, 1, 15),
			Commitments: []emulation.Commitment{
				{Kind: emulation.Target, IndicatorCode: "HG01", Target: 20, Description: "Hòa giải thành công 20 vụ việc", MaxScore: 40},
				{Kind: emulation.Deliverable, Description: "Xây dựng một mô hình “Dân vận khéo”", MaxScore: 60},
			},
			Signatories: []emulation.Signatory{
				{UnitID: u.QuangLang.ID, Signer: "Nguyễn Văn A"},
				{UnitID: u.MaiSao.ID, Signer: "Trần Thị B", SignedOn: org.Date(2021, 1, 16)},
			}}
		// A unit outside the board's subtree cannot sign.
		bad := in
		bad.Signatories = append([]emulation.Signatory{}, in.Signatories...)
		bad.Signatories = append(bad.Signatories, emulation.Signatory{UnitID: u.DongDang.ID, Signer: "X"})
		if _, err := s.Create(ctx, world.Admin, bad); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("outsider signs: %v", err)
		}
		p, err := s.Create(ctx, world.Admin, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Commitments) != 2 || len(p.Signatories) != 2 || p.MaxTotal() != 100 || !p.Signatories[1].SignedOn.Equal(org.Date(2021, 1, 16)) {
			t.Fatalf("pledge = %+v", p)
		}
		c1, c2 := p.Commitments[0].ID, p.Commitments[1].ID
		ql, ms := p.Signatories[0].ID, p.Signatories[1].ID
		if _, err := s.SetScores(ctx, world.Admin, p.ID, []emulation.Score{{ql, c1, 41}}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("score over max: %v", err)
		}
		p, err = s.SetScores(ctx, world.Admin, p.ID, []emulation.Score{{ql, c1, 30}, {ql, c2, 50}, {ms, c1, 40}, {ms, c2, 40}})
		if err != nil {
			t.Fatal(err)
		}
		r := emulation.Rank(p.Signatories)
		if r[0].Rank != 1 || r[1].Rank != 1 || !r[0].Tied || r[0].Total != 80 || r[0].Signatory.UnitName != "Khối Dân vận xã Mai Sao" {
			t.Errorf("tie: %+v", r)
		}
		p, err = s.SetScores(ctx, world.Admin, p.ID, []emulation.Score{{ms, c2, 45}})
		if err != nil {
			t.Fatal(err)
		}
		r = emulation.Rank(p.Signatories)
		if r[0].Signatory.UnitID != u.MaiSao.ID || r[0].Total != 85 || r[1].Rank != 2 || r[0].Tied {
			t.Errorf("after rescoring: %+v", r)
		}
		// The province's leader lists it; so does a signatory's officer
		// (through the commune that succeeded it); Sóc Trăng does not.
		for _, tc := range []struct {
			name string
			who  *auth.Principal
			want int
		}{
			{"province leader", world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID), 1},
			{"signatory's successor", world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID), 1},
			{"other province", world.Person("leader.soctrang", auth.RoleLeader, u.SocTrang.ID), 0},
			{"visitor", nil, 0},
		} {
			rows, err := s.List(ctx, tc.who, emulation.ListFilter{})
			if err != nil || len(rows) != tc.want || (tc.want == 1 && rows[0].Signatories != 2) {
				t.Errorf("list for the %s = %+v, %v", tc.name, rows, err)
			}
		}
	})
}

// TestPledgeRules: only who may write on the board launches or scores
// its pledges; its unit's readers and its signatories see it; the
// conference it is signed at must be the board's own and visible to the
// caller — another unit's conference is refused without a word about it.
func TestPledgeRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, meetings, u := newStore(t, d)
		ctx := context.Background()
		conf := func(unit int64, title string) int64 {
			c, err := meetings.Create(ctx, world.Admin, meeting.Conference{UnitID: unit, Kind: meeting.TongKet, Title: title, HeldOn: org.Date(2026, 1, 10), Period: "2025"})
			if err != nil {
				t.Fatal(err)
			}
			return c.ID
		}
		theirs := conf(u.SocTrang.ID, "Tổng kết năm 2025 của Sóc Trăng")
		below := conf(u.NewChiLang.ID, "Tổng kết năm 2025 của xã Chi Lăng")
		own := conf(u.LangSon.ID, "Tổng kết năm 2025 của Lạng Sơn")
		board := world.Person("officer.langson", auth.RoleOfficer, u.LangSon.ID)
		pledge := func(conference int64) emulation.Pledge {
			return emulation.Pledge{UnitID: u.LangSon.ID, ConferenceID: conference, Title: "Giao ước thi đua năm 2026", Period: "2026", SignedOn: org.Date(2026, 1, 15),
				Commitments: []emulation.Commitment{{Kind: emulation.Deliverable, Description: "Một mô hình mới", MaxScore: 50}},
				Signatories: []emulation.Signatory{{UnitID: u.NewChiLang.ID, Signer: "Hoàng Văn Bình"}}}
		}
		count := func() int {
			var n int
			if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM emulation_pledges").Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		for _, tc := range []struct {
			name string
			who  *auth.Principal
			conf int64
			code apperr.Code
			key  string
		}{
			{"visitor", nil, 0, apperr.CodeUnauthorized, "auth.err.sign_in"},
			{"reader of the board", world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID), 0, apperr.CodeForbidden, "emulation.err.forbidden_write"},
			{"officer below", world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID), 0, apperr.CodeForbidden, "emulation.err.forbidden_write"},
			{"another unit's conference", board, theirs, apperr.CodeInvalid, "emulation.err.conference"},
			{"no such conference", board, 999999, apperr.CodeInvalid, "emulation.err.conference"},
			{"a conference below the board", board, below, apperr.CodeInvalid, "emulation.err.conference_unit"},
		} {
			_, err := s.Create(ctx, tc.who, pledge(tc.conf))
			if e, ok := apperr.As(err); !ok || e.Code != tc.code || e.Key != tc.key {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		if n := count(); n != 0 {
			t.Fatalf("refusals wrote %d pledges", n)
		}
		pl, err := s.Create(ctx, board, pledge(own))
		if err != nil || pl.ConferenceID != own {
			t.Fatalf("the board's pledge at its own conference: %+v, %v", pl, err)
		}
		score := []emulation.Score{{SignatoryID: pl.Signatories[0].ID, CommitmentID: pl.Commitments[0].ID, Score: 40}}
		signatory := world.Person("signatory.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		if _, err := s.Pledge(ctx, signatory, pl.ID); err != nil {
			t.Errorf("a signatory reads the pledge: %v", err)
		}
		if _, err := s.SetScores(ctx, signatory, pl.ID, score); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a signatory scores itself: %v", err)
		}
		if _, err := s.Pledge(ctx, world.Person("leader.soctrang", auth.RoleLeader, u.SocTrang.ID), pl.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("Sóc Trăng reads the pledge: %v", err)
		}
		if got, err := s.SetScores(ctx, board, pl.ID, score); err != nil || got.Signatories[0].Total() != 40 {
			t.Errorf("the board scores: %v", err)
		}
		if rows, err := s.List(ctx, board, emulation.ListFilter{ConferenceID: own}); err != nil || len(rows) != 1 {
			t.Errorf("the conference's pledges = %+v, %v", rows, err)
		}
	})
}
