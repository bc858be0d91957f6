package emulation_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/org"
)

// TestBlocFlagProposal: once the level above approves a year, the member
// chosen for the flag proposes itself for the emulation flag through
// commendation's proposal flow (not before, not another member, not
// twice, not to a unit outside the organizer's line); the province's
// leader sees it among the incoming proposals and approving it makes the
// decision with the member and the bloc's achievement.
func TestBlocFlagProposal(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		propose := commendation.ProposeBlocFlag(world.Org, world.Auth)
		organizer := world.Person("officer.langson", auth.RoleOfficer, u.LangSon.ID)
		approver := world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID)
		chiLang := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		dongDang := world.Person("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
		b, err := s.CreateBloc(ctx, organizer, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: "Cụm thi đua số 4"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2025, []int64{u.NewChiLang.ID, u.NewDongDang.ID}); err != nil {
			t.Fatal(err)
		}
		y, err := s.AddCriteria(ctx, organizer, b.ID, 2025, []emulation.BlocCriterion{{Title: "Triển khai Quy chế dân chủ ở cơ sở", MaxPoints: 100}})
		if err != nil {
			t.Fatal(err)
		}
		c := y.Criteria[0].ID
		for who, sc := range map[*auth.Principal]struct {
			unit  int64
			score float64
		}{chiLang: {u.NewChiLang.ID, 92}, dongDang: {u.NewDongDang.ID, 88}} {
			if _, err := s.SelfScore(ctx, who, b.ID, 2025, sc.unit, map[int64]float64{c: sc.score}, true); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.ProposeFlag(ctx, chiLang, propose, b.ID, 2025, 0, ""); key(err) != "emulation.bloc.err.not_approved" {
			t.Errorf("proposed before approval: %v", err)
		}
		if _, err := s.Review(ctx, chiLang, b.ID, 2025, nil, true); err != nil {
			t.Fatal(err)
		}
		if y, err = s.Approve(ctx, approver, b.ID, 2025, 0); err != nil || y.FlagUnitID != u.NewChiLang.ID {
			t.Fatalf("approve: %+v %v", y, err)
		}
		if ok, err := s.MayProposeFlag(ctx, chiLang, y); !ok || err != nil {
			t.Errorf("Chi Lăng may not propose: %v", err)
		}
		if ok, _ := s.MayProposeFlag(ctx, dongDang, y); ok {
			t.Error("Đồng Đăng may propose Chi Lăng's flag")
		}
		before := dbtest.Snapshot(t, d)
		if _, err := s.ProposeFlag(ctx, dongDang, propose, b.ID, 2025, 0, ""); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("the second member proposes: %v", err)
		}
		if _, err := s.ProposeFlag(ctx, chiLang, propose, b.ID, 2025, u.SocTrang.ID, ""); key(err) != "emulation.bloc.err.flag_to" {
			t.Errorf("proposed to Sóc Trăng: %v", err)
		}
		if dbtest.Snapshot(t, d) != before {
			t.Fatal("a refused proposal wrote")
		}
		y, err = s.ProposeFlag(ctx, chiLang, propose, b.ID, 2025, 0, "Dẫn đầu cụm với 92 điểm")
		if err != nil || y.FlagProposalID == 0 {
			t.Fatalf("propose: %+v %v", y, err)
		}
		if _, err := s.ProposeFlag(ctx, chiLang, propose, b.ID, 2025, 0, ""); key(err) != "emulation.bloc.err.flag_proposed" {
			t.Errorf("proposed twice: %v", err)
		}
		if ok, _ := s.MayProposeFlag(ctx, chiLang, y); ok {
			t.Error("the form is offered after the proposal")
		}
		cs := commendation.NewStore(d, world.Org, world.Auth)
		in, err := cs.Proposals(ctx, approver, u.LangSon.ID, true, commendation.Submitted)
		if err != nil || len(in) != 1 || in[0].ID != y.FlagProposalID || in[0].Form != commendation.Flag || in[0].Period != "2025" ||
			len(in[0].Recipients) != 1 || in[0].Recipients[0].UnitID != u.NewChiLang.ID || in[0].Recipients[0].Achievement != "Dẫn đầu Cụm thi đua số 4 năm 2025" {
			t.Fatalf("incoming proposals: %+v %v", in, err)
		}
		_, dec, _, err := cs.Approve(ctx, approver, in[0].ID, in[0].Version, commendation.Decision{Number: "15-QĐ/BDVTU", SignedOn: org.Date(2026, 1, 20),
			Signer: "Hoàng Văn Nam", SignerTitle: "Trưởng ban"}, false)
		if err != nil || dec.Form != commendation.Flag || len(dec.Recipients) != 1 || dec.Recipients[0].UnitID != u.NewChiLang.ID {
			t.Fatalf("the flag decided: %+v %v", dec, err)
		}
	})
}
