package citizen

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// now is the tests' clock: Monday 2 March 2026, after Tết Bính Ngọ.
var now = time.Date(2026, 3, 2, 3, 0, 0, 0, time.UTC)

type world struct {
	*fixture.World
	s       *Store
	d       *db.DB
	officer *auth.Principal // officer of xã Chi Lăng
}

func newWorld(t *testing.T, d *db.DB) *world {
	w := fixture.NewWorld(t, d, now)
	return &world{World: w, s: NewStore(d, w.Org, w.Auth), d: d, officer: w.Person("officer.chilang", auth.RoleOfficer, w.NewChiLang.ID)}
}

func (w *world) petition(t *testing.T, np NewPetition) Petition {
	t.Helper()
	if np.UnitID == 0 {
		np.UnitID = w.NewChiLang.ID
	}
	if np.Kind == "" {
		np.Kind = Complaint
	}
	if np.Source == "" {
		np.Source = FromMail
	}
	if np.Petitioner.Name == "" && np.Kind != Denunciation {
		np.Petitioner.Name = "Hoàng Văn Bình"
	}
	p, err := w.s.CreatePetition(context.Background(), w.officer, np)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTransferMidClock: a complaint received before Tết and handed on
// after it keeps its clock (and its history) by default; with the
// deployment's setting, the competent unit's clock starts on transfer.
func TestTransferMidClock(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		p := w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 10), Subject: "Khiếu nại việc thu hồi đất làm đường"})
		if !p.AcceptDue.Equal(d0(2026, 3, 3)) || !p.DueOn.Equal(p.AcceptDue) {
			t.Fatalf("accept due %s, due %s; want 2026-03-03", p.AcceptDue, p.DueOn)
		}
		p, err := w.s.Act(ctx, w.officer, Action{ID: p.ID, Version: p.Version, Kind: "transfer", On: d0(2026, 2, 24),
			ToUnit: w.NewDongDang.ID, Body: "Thuộc thẩm quyền xã Đồng Đăng"})
		if err != nil {
			t.Fatal(err)
		}
		if p.UnitID != w.NewDongDang.ID || !p.AcceptDue.Equal(d0(2026, 3, 3)) || !p.ClockFrom.Equal(d0(2026, 2, 10)) {
			t.Errorf("after transfer: unit %d, accept due %s, clock from %s", p.UnitID, p.AcceptDue, p.ClockFrom)
		}
		// The officer of Chi Lăng still follows it (the history follows)
		// but may no longer act on it.
		if _, err := w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "accept"}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("the old unit accepts: %v", err)
		}
		dd := w.Person("officer.dongdang", auth.RoleOfficer, w.NewDongDang.ID)
		ev, err := w.s.Events(ctx, dd, p.ID)
		if err != nil || len(ev) != 2 || ev[1].Kind != "transferred" || ev[1].UnitID != w.NewChiLang.ID || ev[1].ToUnitID != w.NewDongDang.ID {
			t.Fatalf("history %+v, %v", ev, err)
		}
		p, err = w.s.Act(ctx, dd, Action{ID: p.ID, Kind: "accept", On: d0(2026, 3, 2)})
		if err != nil {
			t.Fatal(err)
		}
		if !p.ResolveDue.Equal(d0(2026, 4, 13)) || p.Status != Accepted {
			t.Errorf("resolve due %s (%s), want 2026-04-13", p.ResolveDue, p.Status)
		}

		// The variant: the clock starts again on the transfer.
		set, _ := w.s.Settings(ctx)
		set.TransferRestarts = true
		if _, err := w.s.SaveSettings(ctx, w.officer, set); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer changes the clocks: %v", err)
		}
		if _, err := w.s.SaveSettings(ctx, w.Admin, set); err != nil {
			t.Fatal(err)
		}
		q := w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 10), Subject: "Khiếu nại về bồi thường"})
		q, err = w.s.Act(ctx, w.officer, Action{ID: q.ID, Kind: "transfer", On: d0(2026, 2, 24), ToUnit: w.NewDongDang.ID, Body: "Chuyển"})
		if err != nil {
			t.Fatal(err)
		}
		if !q.AcceptDue.Equal(d0(2026, 3, 10)) || !q.ClockFrom.Equal(d0(2026, 2, 24)) {
			t.Errorf("restarted: accept due %s, from %s; want 2026-03-10", q.AcceptDue, q.ClockFrom)
		}
		if _, err := w.s.SaveSettings(ctx, w.Admin, set); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("a stale save: %v", err)
		}
	})
}

func d0(y int, m time.Month, day int) time.Time { return d(y, m, day) }

func TestDenunciationClock(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		p := w.petition(t, NewPetition{Kind: Denunciation, ReceivedOn: d0(2026, 1, 12), Subject: "Tố cáo cán bộ địa chính"})
		// 7 working days from 12/1/2026.
		if !p.AcceptDue.Equal(d0(2026, 1, 21)) {
			t.Errorf("accept due %s", p.AcceptDue)
		}
		p, err := w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "accept", On: d0(2026, 1, 20)})
		if err != nil {
			t.Fatal(err)
		}
		if !p.ResolveDue.Equal(d0(2026, 2, 23)) { // 19/2 is Tết
			t.Errorf("resolve due %s", p.ResolveDue)
		}
		for i, want := range []time.Time{d0(2026, 3, 25), d0(2026, 4, 24)} {
			if p, err = w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "extend"}); err != nil {
				t.Fatal(err)
			}
			if !p.ResolveDue.Equal(want) || p.Extensions != i+1 {
				t.Errorf("extension %d: due %s", i+1, p.ResolveDue)
			}
		}
		if _, err := w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "extend"}); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("a third extension: %v", err)
		}
		if _, err := w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "resolve"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a decision without text: %v", err)
		}
		p, err = w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "resolve", Body: "Kết luận: tố cáo đúng một phần"})
		if err != nil || p.Status != Resolved || !p.DueOn.IsZero() {
			t.Fatalf("resolve: %+v %v", p, err)
		}
	})
}

// TestDenouncerConfidential: the sender of a denunciation is seen by its
// assigned handlers only — not by the unit's other officers, its leaders,
// the national administrator, lists, or the audit log.
func TestDenouncerConfidential(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		const name = "Lường Thị Quyên"
		p := w.petition(t, NewPetition{Kind: Denunciation, ReceivedOn: d0(2026, 2, 26), Subject: "Tố cáo sai phạm trong cấp đất",
			Petitioner: Petitioner{Name: name, Address: "thôn Bản Lải", Phone: "0912345678"}})
		if p.Hidden || p.Petitioner.Name != name {
			t.Fatalf("the receiving officer (its handler) does not see the sender: %+v", p)
		}
		other := w.Person("officer2.chilang", auth.RoleOfficer, w.NewChiLang.ID)
		leader := w.Person("leader.langson", auth.RoleLeader, w.LangSon.ID)
		viewer := w.Person("viewer.chilang", auth.RoleViewer, w.NewChiLang.ID)
		for who, pr := range map[string]*auth.Principal{"officer": other, "leader": leader, "admin": w.Admin, "viewer": viewer, "system": auth.System()} {
			got, err := w.s.Petition(ctx, pr, p.ID)
			if err != nil {
				t.Fatalf("%s: %v", who, err)
			}
			if !got.Hidden || got.Petitioner != (Petitioner{}) {
				t.Errorf("%s sees the denouncer: %+v", who, got.Petitioner)
			}
			list, _, err := w.s.Petitions(ctx, pr, PetitionFilter{})
			if err != nil || len(list) == 0 || list[0].Petitioner.Name != "" {
				t.Errorf("%s's list: %v, %v", who, list, err)
			}
		}
		// The leader assigns another officer: the first loses sight.
		got, err := w.s.Assign(ctx, leader, p.ID, p.Version, []int64{other.User.ID})
		if err != nil {
			t.Fatal(err)
		}
		if !got.Hidden {
			t.Error("the leader who assigned sees the denouncer")
		}
		if got, _ = w.s.Petition(ctx, other, p.ID); got.Hidden || got.Petitioner.Phone != "0912345678" {
			t.Errorf("the new handler does not see the sender: %+v", got)
		}
		if got, _ = w.s.Petition(ctx, w.officer, p.ID); !got.Hidden {
			t.Error("the former handler still sees the sender")
		}
		// A handler from outside the unit is refused.
		out := w.Person("officer.soctrang", auth.RoleOfficer, w.SocTrang.ID)
		if _, err := w.s.Assign(ctx, leader, p.ID, got.Version, []int64{out.User.ID}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("assigning an officer of another province: %v", err)
		}
		if dump := dbtest.Rows(t, d, "SELECT * FROM audit_log"); strings.Contains(dump, name) || strings.Contains(dump, "0912345678") {
			t.Error("the audit log names the denouncer")
		}
		// A complaint's sender is no secret to the unit.
		c := w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 26), Subject: "Khiếu nại", Petitioner: Petitioner{Name: "Nông Văn Dũng"}})
		if got, _ := w.s.Petition(ctx, leader, c.ID); got.Hidden || got.Petitioner.Name != "Nông Văn Dũng" {
			t.Errorf("a complaint's sender hidden: %+v", got)
		}
	})
}

func (w *world) count(t *testing.T, rule Rule) int {
	t.Helper()
	var n int
	if err := w.d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM citizen_hotspots WHERE rule = ?`, string(rule)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestHotSpotRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		// Many signatories: 5 fires, 4 does not.
		w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 26), Subject: "Kiến nghị sửa đường liên thôn", Signatories: 4, Kind: Proposal})
		if w.count(t, RuleCrowd) != 0 {
			t.Error("4 signatories fire")
		}
		w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 26), Subject: "Kiến nghị làm cầu tràn", Signatories: 5, Kind: Proposal})
		if w.count(t, RuleCrowd) != 1 {
			t.Error("5 signatories do not fire")
		}
		// The same matter again at the same place, spelled otherwise.
		w.petition(t, NewPetition{ReceivedOn: d0(2025, 11, 3), Subject: "Tranh chấp đất rừng với Lâm trường Chi Lăng", Place: "thôn Bản Lải"})
		w.petition(t, NewPetition{ReceivedOn: d0(2026, 1, 5), Subject: "Tranh chấp đất rừng giữa các hộ và lâm trường Chi Lăng", Place: "Thôn Bản Lải"})
		w.petition(t, NewPetition{ReceivedOn: d0(2026, 1, 6), Subject: "Tranh chấp đất rừng với lâm trường Chi Lăng", Place: "thôn Khuổi Phầy"})
		w.petition(t, NewPetition{ReceivedOn: d0(2026, 1, 7), Subject: "Ô nhiễm từ xưởng chế biến gỗ", Place: "thôn Bản Lải"})
		if w.count(t, RuleRepeat) != 1 {
			t.Errorf("repeat warnings: %d, want 1", w.count(t, RuleRepeat))
		}
		third := w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 20), Subject: "Đơn về việc tranh chấp ĐẤT RỪNG với lâm trường Chi Lăng", Place: "thôn Bản Lải"})
		hs, _, err := w.s.HotSpots(ctx, w.Admin, HotSpotFilter{Open: true})
		if err != nil {
			t.Fatal(err)
		}
		var repeat HotSpot
		for _, h := range hs {
			if h.Rule == RuleRepeat {
				repeat = h
			}
		}
		if repeat.CaseCount != 3 || w.count(t, RuleRepeat) != 1 {
			t.Errorf("the third petition: %d cases in %d warnings", repeat.CaseCount, w.count(t, RuleRepeat))
		}
		// Past the acceptance deadline by more than 30 days: the petitions
		// of 3/11/2025 and 5, 6 and 7/1/2026 (due within 10 working days),
		// not the ones of February.
		if w.count(t, RuleLate) != 4 {
			t.Errorf("late warnings: %d, want 4", w.count(t, RuleLate))
		}
		// A province that tunes the late rule to a year raises no more.
		leader := w.Person("leader.langson", auth.RoleLeader, w.LangSon.ID)
		if err := w.s.SaveRules(ctx, w.officer, w.LangSon.ID, []RuleSetting{{Rule: RuleLate, Enabled: true, Threshold: 365}}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer tunes the rules: %v", err)
		}
		if err := w.s.SaveRules(ctx, leader, w.LangSon.ID, []RuleSetting{{Rule: RuleLate, Enabled: true, Threshold: 365}}); err != nil {
			t.Fatal(err)
		}
		w.petition(t, NewPetition{ReceivedOn: d0(2025, 11, 4), Subject: "Khiếu nại về giá đền bù"})
		if w.count(t, RuleLate) != 4 {
			t.Error("the tuned rule still fires")
		}
		// A leader closes a warning with an assessment; a change of its
		// case raises it no more.
		if _, err := w.s.CloseHotSpot(ctx, w.officer, repeat.ID, "Đã đối thoại"); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer closes: %v", err)
		}
		if _, err := w.s.CloseHotSpot(ctx, leader, repeat.ID, ""); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("closed without assessment: %v", err)
		}
		h, err := w.s.CloseHotSpot(ctx, leader, repeat.ID, "Đã tổ chức đối thoại, các hộ thống nhất phương án")
		if err != nil || h.Open || len(h.Cases) != 3 {
			t.Fatalf("close: %+v %v", h, err)
		}
		if _, err := w.s.Act(ctx, w.officer, Action{ID: third.ID, Kind: "note", Body: "Đã mời các hộ làm việc"}); err != nil {
			t.Fatal(err)
		}
		if w.count(t, RuleRepeat) != 1 {
			t.Error("a closed warning came back without a new case")
		}

		// A dialogue issue unanswered 15 days past its deadline.
		dl, err := w.s.PlanDialogue(ctx, w.officer, NewDialogue{UnitID: w.NewChiLang.ID, Topic: "Đối thoại về giải phóng mặt bằng",
			HeadName: "Nguyễn Văn Hùng", HeadTitle: "Bí thư Đảng ủy xã", PlannedOn: d0(2026, 1, 5), Place: "Hội trường xã", AnnouncedOn: d0(2025, 12, 20)})
		if err != nil {
			t.Fatal(err)
		}
		if dl, err = w.s.UpdateDialogue(ctx, w.officer, DialogueUpdate{ID: dl.ID, Version: dl.Version, Status: "held", HeldOn: d0(2026, 1, 5),
			Attendance: 120, AnnouncedOn: d0(2025, 12, 20)}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.AddIssue(ctx, w.officer, NewIssue{DialogueID: dl.ID, RaisedBy: "Ông Hoàng Văn Tư", Content: "Tiến độ chi trả bồi thường",
			ResponsibleUnitID: w.NewChiLang.ID, DueOn: d0(2026, 2, 25)}); err != nil {
			t.Fatal(err)
		}
		if w.count(t, RuleIssue) != 0 {
			t.Error("an issue 5 days late fires")
		}
		i, err := w.s.AddIssue(ctx, w.officer, NewIssue{DialogueID: dl.ID, Content: "Làm lại mương thủy lợi", ResponsibleUnitID: w.NewChiLang.ID, DueOn: d0(2026, 1, 20)})
		if err != nil {
			t.Fatal(err)
		}
		if w.count(t, RuleIssue) != 1 {
			t.Error("an issue 41 days late does not fire")
		}
		if i, err = w.s.FollowUp(ctx, w.officer, i.ID, i.Version, "done", "Đã khởi công", ""); err != nil || i.Status != "done" {
			t.Fatalf("follow up: %v", err)
		}

		// Mediation failed twice between the same parties.
		team, err := w.s.CreateTeam(ctx, w.officer, NewTeam{UnitID: w.NewChiLang.ID, Name: "Tổ hòa giải thôn Bản Lải", Area: "thôn Bản Lải"})
		if err != nil {
			t.Fatal(err)
		}
		failed := Case{TeamID: team.ID, ReceivedOn: d0(2026, 1, 10), MediatedOn: d0(2026, 1, 12), Matter: "Tranh chấp lối đi chung",
			Category: "neighbour", Result: "failed", Parties: []Party{{Name: "Hoàng Văn Sáu", BirthYear: 1970}, {Name: "Lý Thị Bảy"}}}
		if _, err := w.s.RecordCase(ctx, w.officer, failed); err != nil {
			t.Fatal(err)
		}
		other := failed
		other.Parties = []Party{{Name: "Hoàng Văn Sáu"}, {Name: "Vi Văn Tám"}}
		if _, err := w.s.RecordCase(ctx, w.officer, other); err != nil {
			t.Fatal(err)
		}
		if w.count(t, RuleMediation) != 0 {
			t.Error("one failure each fires")
		}
		again := failed
		again.ReceivedOn, again.MediatedOn = d0(2026, 2, 2), d0(2026, 2, 5)
		again.Parties = []Party{{Name: "LÝ THỊ BẢY"}, {Name: "Hoàng Văn Sáu"}}
		if _, err := w.s.RecordCase(ctx, w.officer, again); err != nil {
			t.Fatal(err)
		}
		if w.count(t, RuleMediation) != 1 {
			t.Error("the second failure does not fire")
		}
		// The leaders above see every open warning on their home page.
		open, n, err := w.s.HotSpots(ctx, leader, HotSpotFilter{Open: true, Leading: true})
		if err != nil || n != 7 || len(open) != 7 { // crowd, 4 late, issue, mediation
			t.Errorf("the leader's open warnings: %d (%v)", n, err)
		}
		st := w.Person("leader.soctrang", auth.RoleLeader, w.SocTrang.ID)
		if _, n, _ := w.s.HotSpots(ctx, st, HotSpotFilter{Open: true, Leading: true}); n != 0 {
			t.Errorf("Sóc Trăng's leader sees %d of Lạng Sơn's warnings", n)
		}
	})
}

// TestSweepInBatches: the daily sweep raises the warnings time alone
// brings, going through the cases a batch at a time (keyset on the id, so
// the cases evaluated and not yet late do not come round again), once a
// day. It runs only the late rule: a repeat warning (raised when the
// petitions were written) that is gone is not written again by it.
func TestSweepInBatches(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		defer func(n int) { sweepBatch = n }(sweepBatch)
		sweepBatch = 2
		// Five complaints received in late February: due in March.
		// Two of them, at the same place about the same matter, raise a
		// repeat warning as they are written.
		for i := range 5 {
			place := fmt.Sprintf("thôn %d", i+1)
			if i == 1 {
				place = "thôn 1"
			}
			w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 23+i), Subject: fmt.Sprintf("Khiếu nại số %d về ranh giới đất", i+1), Place: place})
		}
		if w.count(t, RuleRepeat) != 1 {
			t.Fatalf("%d repeat warnings as the petitions were written, want 1", w.count(t, RuleRepeat))
		}
		for _, q := range []string{`DELETE FROM citizen_hotspot_cases WHERE hotspot_id IN (SELECT id FROM citizen_hotspots WHERE rule = 'repeat')`,
			`DELETE FROM citizen_hotspots WHERE rule = 'repeat'`} {
			if _, err := d.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := w.s.Sweep(ctx); err != nil || n != 0 || w.count(t, RuleLate) != 0 {
			t.Fatalf("on 2 March: %d evaluated, %d warnings, %v", n, w.count(t, RuleLate), err)
		}
		// Past the deadline by less than the rule's 30 days: each is
		// looked at once, none warned.
		d.SetClock(func() time.Time { return now.AddDate(0, 0, 25) })
		if n, err := w.s.Sweep(ctx); err != nil || n != 5 || w.count(t, RuleLate) != 0 {
			t.Fatalf("on 27 March: %d evaluated, %d warnings, %v", n, w.count(t, RuleLate), err)
		}
		// Two months on, all five are late; a second sweep the same day
		// does nothing.
		d.SetClock(func() time.Time { return now.AddDate(0, 2, 0) })
		if n, err := w.s.Sweep(ctx); err != nil || n != 5 || w.count(t, RuleLate) != 5 {
			t.Fatalf("on 2 May: %d evaluated, %d warnings, %v", n, w.count(t, RuleLate), err)
		}
		if n, err := w.s.Sweep(ctx); err != nil || n != 0 {
			t.Errorf("a second sweep the same day: %d, %v", n, err)
		}
		// The next day only the cases not warned yet come round.
		d.SetClock(func() time.Time { return now.AddDate(0, 2, 1) })
		if n, err := w.s.Sweep(ctx); err != nil || n != 0 || w.count(t, RuleLate) != 5 {
			t.Errorf("the next day: %d evaluated, %d warnings, %v", n, w.count(t, RuleLate), err)
		}
		if n := w.count(t, RuleRepeat); n != 0 {
			t.Errorf("the sweep wrote %d repeat warnings again", n)
		}
	})
}

func TestMediationExcluded(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		team, err := w.s.CreateTeam(ctx, w.officer, NewTeam{UnitID: w.NewChiLang.ID, Name: "Tổ hòa giải thôn Nà Phái"})
		if err != nil {
			t.Fatal(err)
		}
		before := dbtest.Snapshot(t, d)
		_, err = w.s.RecordCase(ctx, w.officer, Case{TeamID: team.ID, ReceivedOn: d0(2026, 2, 2), Matter: "Đánh nhau gây thương tích",
			Category: "criminal", Parties: []Party{{Name: "A"}, {Name: "B"}}})
		if key, _ := apperr.KeyOf(err); key != "citizen.err.excluded" {
			t.Fatalf("a criminal matter: %v", err)
		}
		if after := dbtest.Snapshot(t, d); after != before {
			t.Error("a refused case wrote something")
		}
		c, err := w.s.RecordCase(ctx, w.officer, Case{TeamID: team.ID, ReceivedOn: d0(2026, 2, 2), Matter: "Tranh chấp ranh giới đất vườn",
			Category: "land", Parties: []Party{{Name: "Hà Văn Một", BirthYear: 1965, Address: "thôn Nà Phái"}, {Name: "Hà Thị Hai"}}})
		if err != nil || c.Number != 1 || c.Result != "ongoing" {
			t.Fatalf("record: %+v %v", c, err)
		}
		if _, err := w.s.SetResult(ctx, w.officer, c.ID, c.Version, "success", d0(2026, 2, 10), "", ""); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("settled without the agreement: %v", err)
		}
		if _, err := w.s.SetResult(ctx, w.officer, c.ID, c.Version, "success", d0(2026, 2, 10), "Hai bên thống nhất cắm lại mốc", ""); err != nil {
			t.Fatal(err)
		}
		sum, err := w.s.TeamSummary(ctx, w.officer, team.ID, 2026)
		if err != nil || sum.Received != 1 || sum.Success != 1 || sum.ByCategory["land"] != [3]int{1, 1, 0} {
			t.Errorf("summary %+v %v", sum, err)
		}
	})
}

// TestFiguresFillReport: the figures counted from the cases go into the
// report draft unchanged, or corrected with a note that keeps both.
func TestFiguresFillReport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		rs := report.NewStore(d, w.Org, w.Auth)
		if err := rs.SeedCatalogue(ctx, nil); err != nil {
			t.Fatal(err)
		}
		for i, day := range []time.Time{d0(2026, 1, 5), d0(2026, 1, 20), d0(2026, 2, 3), d0(2025, 12, 30)} {
			p := w.petition(t, NewPetition{ReceivedOn: day, Subject: "Kiến nghị số " + vntext.FormatInt(int64(i+1)), Kind: Proposal})
			if i == 0 {
				p, _ = w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "accept", On: d0(2026, 1, 6)})
				if _, err := w.s.Act(ctx, w.officer, Action{ID: p.ID, Kind: "resolve", On: d0(2026, 2, 2), Body: "Đã trả lời"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		team, _ := w.s.CreateTeam(ctx, w.officer, NewTeam{UnitID: w.NewChiLang.ID, Name: "Tổ hòa giải thôn Bản Lải", FoundedOn: d0(2020, 1, 1)})
		for i, res := range []string{"success", "success", "failed", "ongoing"} {
			c := Case{TeamID: team.ID, ReceivedOn: d0(2026, 1, 10+i), Matter: "Việc " + vntext.FormatInt(int64(i)), Category: "land",
				Result: res, Agreement: "Thỏa thuận", Parties: []Party{{Name: "A"}, {Name: "B" + vntext.FormatInt(int64(i))}}}
			if res != "ongoing" {
				c.MediatedOn = d0(2026, 1, 20)
			}
			if _, err := w.s.RecordCase(ctx, w.officer, c); err != nil {
				t.Fatal(err)
			}
		}
		per, _ := vntext.ParsePeriod("2026S1")
		figs, err := w.s.Figures(ctx, w.officer, w.NewChiLang.ID, per)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{"CQ01": 3, "CQ02": 1, "CQ07": 28, "AN01": 4, "AN02": 2, "AN04": 1, "DV09": 0}
		for _, f := range figs {
			if v, ok := want[f.Code]; ok && f.Value != v {
				t.Errorf("%s = %v, want %v", f.Code, f.Value, v)
			}
			if f.Code == "CQ01" && len(f.Cases) != 3 {
				t.Errorf("CQ01 names %d cases", len(f.Cases))
			}
		}
		viewer := w.Person("viewer.chilang", auth.RoleViewer, w.NewChiLang.ID)
		if _, err := w.s.FillReport(ctx, viewer, w.NewChiLang.ID, per, nil); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer fills: %v", err)
		}
		r, err := w.s.FillReport(ctx, w.officer, w.NewChiLang.ID, per, nil)
		if err != nil {
			t.Fatal(err)
		}
		inds, _ := rs.Indicators(ctx)
		byCode := map[string]report.Indicator{}
		for _, ind := range inds {
			byCode[ind.Code] = ind
		}
		for code, v := range want {
			if got, ok := r.Values.Get(byCode[code]); !ok || got != v {
				t.Errorf("the draft's %s = %v (%v), the cases count %v", code, got, ok, v)
			}
		}
		// A correction needs its reason, and keeps both numbers.
		if _, err := w.s.FillReport(ctx, w.officer, w.NewChiLang.ID, per, map[string]FillEntry{"CQ01": {Value: "5"}}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a correction without a note: %v", err)
		}
		r, err = w.s.FillReport(ctx, w.officer, w.NewChiLang.ID, per, map[string]FillEntry{"CQ01": {Value: "5", Note: "Hai đơn nhận qua Ủy ban chưa vào sổ"}})
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := r.Values.Get(byCode["CQ01"]); v != 5 {
			t.Errorf("corrected CQ01 = %v", v)
		}
		figs, _ = w.s.Figures(ctx, w.officer, w.NewChiLang.ID, per)
		for _, f := range figs {
			if f.Code == "CQ01" && (f.Filled == nil || f.Filled.Counted != 3 || f.Filled.Entered != 5 || !f.Filled.Differs() || f.Filled.Note == "") {
				t.Errorf("the fill of CQ01: %+v", f.Filled)
			}
		}
	})
}

func TestReceptionCompliance(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		r, err := w.s.ScheduleReception(ctx, w.officer, NewReception{UnitID: w.NewChiLang.ID, HeadName: "Nguyễn Văn Hùng", HeadTitle: "Bí thư Đảng ủy xã", On: d0(2026, 2, 10)})
		if err != nil {
			t.Fatal(err)
		}
		p, err := w.s.RecordVisit(ctx, w.officer, NewVisit{ReceptionID: r.ID, Visitor: "Hoàng Thị Mai", People: 1, About: "Tố cáo cán bộ thu tiền sai quy định",
			Petition: &NewPetition{Kind: Denunciation}})
		if err != nil {
			t.Fatal(err)
		}
		if p.Source != FromReception || p.Petitioner.Name != "Hoàng Thị Mai" {
			t.Errorf("the petition of the visit: %+v", p)
		}
		r, _ = w.s.Reception(ctx, w.Admin, r.ID)
		if len(r.Visits) != 1 || r.Visits[0].Visitor != "" || r.Status != Held {
			t.Errorf("the visit keeps the denouncer's name: %+v", r)
		}
		cs, err := w.s.Compliance(ctx, w.Admin, w.LangSon.ID, d0(2026, 2, 1))
		if err != nil {
			t.Fatal(err)
		}
		var province, chilang *Compliance
		for i := range cs {
			switch cs[i].Unit.ID {
			case w.LangSon.ID:
				province = &cs[i]
			case w.NewChiLang.ID:
				chilang = &cs[i]
			}
		}
		if province == nil || province.Required != 1 || province.Met() || chilang == nil || chilang.Held != 1 || chilang.Required != 2 || chilang.Met() {
			t.Errorf("compliance: %+v", cs)
		}
	})
}

func TestSentimentNotes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		n, err := w.s.FileNote(ctx, w.officer, NewNote{UnitID: w.NewChiLang.ID, Quick: true, Title: "Người dân lo ngại giá phân bón tăng",
			Happened: "Giá phân bón tăng 20% so với vụ trước", Source: "Cộng tác viên thôn Bản Lải"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.FileNote(ctx, w.officer, NewNote{UnitID: w.NewChiLang.ID, Title: "Tháng 2", Happened: "Ổn định", Period: "2026S3"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a bad period: %v", err)
		}
		leader := w.Person("leader.langson", auth.RoleLeader, w.LangSon.ID)
		list, n2, err := w.s.Notes(ctx, leader, NoteFilter{Below: true, Unread: true})
		if err != nil || n2 != 1 || list[0].ID != n.ID || list[0].Read {
			t.Fatalf("the province's unread notes: %v %v", list, err)
		}
		if err := w.s.MarkRead(ctx, leader, n.ID); err != nil {
			t.Fatal(err)
		}
		if _, n2, _ = w.s.Notes(ctx, leader, NoteFilter{Below: true, Unread: true}); n2 != 0 {
			t.Error("a read note is still unread")
		}
		if _, n2, _ = w.s.Notes(ctx, w.officer, NoteFilter{Below: true}); n2 != 0 {
			t.Error("the commune's own note is below it")
		}
		st := w.Person("leader.soctrang", auth.RoleLeader, w.SocTrang.ID)
		if _, err := w.s.Note(ctx, st, n.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another province reads the note: %v", err)
		}
	})
}

func TestMatterKey(t *testing.T) {
	a := MatterKey("Tranh chấp đất rừng giữa hộ ông Hoàng Văn A và Lâm trường Chi Lăng")
	b := MatterKey("Đơn về việc TRANH CHẤP ĐẤT RỪNG với lâm trường Chi Lăng")
	if !similar(a, b) {
		t.Errorf("%q and %q are not similar", a, b)
	}
	if c := MatterKey("Ô nhiễm tiếng ồn của xưởng gỗ"); similar(a, c) {
		t.Errorf("%q and %q are similar", a, c)
	}
	if MatterKey("Uỷ ban xã thu phí") != MatterKey("ủy ban xã thu phí") {
		t.Error("tone placement changes the key")
	}
}

// TestDue: the deadlines reminders read — a late petition, one due this
// week with its handler, a dialogue not announced — within the reader's
// scope.
func TestDue(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		late := w.petition(t, NewPetition{ReceivedOn: d0(2026, 1, 5), Subject: "Khiếu nại về tiền bồi thường"})
		week := w.petition(t, NewPetition{ReceivedOn: d0(2026, 2, 20), Subject: "Kiến nghị sửa đường liên thôn", Kind: Proposal})
		far := w.petition(t, NewPetition{ReceivedOn: d0(2026, 3, 2), Subject: "Phản ánh tiếng ồn", Kind: Report})
		dl, err := w.s.PlanDialogue(ctx, w.officer, NewDialogue{UnitID: w.NewChiLang.ID, Topic: "Giải phóng mặt bằng",
			HeadName: "Hoàng Văn Tám", PlannedOn: d0(2026, 3, 12), Place: "Hội trường xã"})
		if err != nil {
			t.Fatal(err)
		}
		today := w.s.Today()
		items, err := w.s.Due(ctx, auth.System(), time.Time{}, today.AddDate(0, 0, 6), 0)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]DueItem{}
		for _, it := range items {
			got[fmt.Sprintf("%s/%d", it.Kind, it.ID)] = it
		}
		if it, ok := got[fmt.Sprintf("petition/%d", late.ID)]; !ok || !it.Late(today) || it.UnitID != w.NewChiLang.ID {
			t.Errorf("the late petition: %+v (%v)", it, ok)
		}
		if it, ok := got[fmt.Sprintf("petition/%d", week.ID)]; !ok || it.Late(today) || len(it.UserIDs) != 1 || it.UserIDs[0] != w.officer.User.ID {
			t.Errorf("the petition due this week (%s): %+v (%v)", week.DueOn, it, ok)
		}
		if _, ok := got[fmt.Sprintf("petition/%d", far.ID)]; ok {
			t.Errorf("a petition due on %s listed", far.DueOn)
		}
		if it, ok := got[fmt.Sprintf("dialogue_notice/%d", dl.ID)]; !ok || !it.DueOn.Equal(d0(2026, 3, 5)) {
			t.Errorf("the dialogue to announce: %+v (%v)", it, ok)
		}
		// From today: the late one is gone.
		items, _ = w.s.Due(ctx, auth.System(), today, today.AddDate(0, 0, 6), 0)
		for _, it := range items {
			if it.Kind == "petition" && it.ID == late.ID {
				t.Error("a late petition listed from today")
			}
		}
		// Another province's officer sees none of it.
		out := w.Person("officer.soctrang", auth.RoleOfficer, w.SocTrang.ID)
		if items, err := w.s.Due(ctx, out, time.Time{}, today.AddDate(0, 0, 30), 0); err != nil || len(items) != 0 {
			t.Errorf("another province's officer: %+v, %v", items, err)
		}
	})
}
