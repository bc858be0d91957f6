package commendation_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// setup builds the fixture world on day today (the districts run until
// 01/07/2025) and its store.
func setup(t *testing.T, d *db.DB, today time.Time) (*commendation.Store, *fixture.World) {
	t.Helper()
	w := fixture.NewWorld(t, d, today)
	return commendation.NewStore(d, w.Org, w.Auth), w
}

// person adds a person to unit's directory, as a conference would.
func person(t *testing.T, d *db.DB, unitID int64, name string) int64 {
	t.Helper()
	var id int64
	err := d.WithTx(context.Background(), func(tx *db.Tx) error {
		var err error
		id, err = tx.InsertID(context.Background(), `INSERT INTO meeting_people (unit_id, name, name_fold, sort_key, created_at) VALUES (?, ?, ?, ?, ?)`,
			unitID, name, vntext.Fold(name), db.SortKey(name), db.Stamp(tx.Now()))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// unchanged fails t when the database differs from the snapshot before.
func unchanged(t *testing.T, d *db.DB, before string) {
	t.Helper()
	if after := dbtest.Snapshot(t, d); after != before {
		t.Error("a refused call wrote to the database")
	}
}

// districtDecision is a Giấy khen of the Chi Lăng district board in 2024
// to a commune, a person of the commune and a household.
func districtDecision(w *fixture.World, personID int64) commendation.Decision {
	return commendation.Decision{UnitID: w.ChiLang.ID, Number: "45-QĐ/BDVHU", SignedOn: org.Date(2024, 12, 20),
		Signer: "Hoàng Văn Nam", SignerTitle: "Trưởng ban", Form: commendation.Certificate, Period: "2024",
		Recipients: []commendation.Recipient{
			{Kind: commendation.UnitKind, UnitID: w.QuangLang.ID, Achievement: "Thực hiện tốt phong trào thi đua “Dân vận khéo” năm 2024"},
			{Kind: commendation.Person, PersonID: personID, Achievement: "Có thành tích xuất sắc trong hòa giải ở cơ sở"},
			{Kind: commendation.Household, Name: "Hộ ông Lương Văn Tư, thôn Bản Dăm", Achievement: "Hiến 300 m² đất làm đường nông thôn"},
		}}
}

func TestIssuerFormRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d, org.Date(2025, 3, 2))
		ctx := context.Background()
		pid := person(t, d, w.QuangLang.ID, "Nông Thị Hoa")
		// A district may not give a Bằng khen.
		in := districtDecision(w, pid)
		in.Form = commendation.Merit
		before := dbtest.Snapshot(t, d)
		if _, _, err := s.Create(ctx, w.Admin, in, false); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Fatalf("district gives a Bằng khen: %v", err)
		} else if k, _ := apperr.KeyOf(err); k != "commendation.err.form_level" {
			t.Errorf("district gives a Bằng khen: key %s", k)
		}
		unchanged(t, d, before)
		// The deployment allows it; then the same decision is recorded.
		rs, err := s.Rules(ctx)
		if err != nil {
			t.Fatal(err)
		}
		officer := w.Person("can.bo", auth.RoleOfficer, w.ChiLang.ID)
		if err := s.SetRules(ctx, officer, append(rs, commendation.Rule{Level: org.District, Form: commendation.Merit})); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer edits the rule table: %v", err)
		}
		if err := s.SetRules(ctx, w.Admin, append(rs, commendation.Rule{Level: "planet", Form: commendation.Merit})); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("an unknown level: %v", err)
		}
		if err := s.SetRules(ctx, w.Admin, append(rs, commendation.Rule{Level: org.District, Form: commendation.Merit})); err != nil {
			t.Fatal(err)
		}
		got, _, err := s.Create(ctx, officer, in, false)
		if err != nil {
			t.Fatalf("allowed now: %v", err)
		}
		if got.UnitName == "" || len(got.Recipients) != 3 || got.Recipients[0].Name == "" || got.Recipients[1].Name != "Nông Thị Hoa" {
			t.Errorf("recorded: %+v", got)
		}
	})
}

func TestDecisionScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d, org.Date(2025, 3, 2))
		ctx := context.Background()
		pid := person(t, d, w.QuangLang.ID, "Nông Thị Hoa")
		other := person(t, d, w.DongDang.ID, "Vi Văn Long")
		officer := w.Person("can.bo", auth.RoleOfficer, w.ChiLang.ID)
		outsider := w.Person("ngoai", auth.RoleOfficer, w.CaoLoc.ID)
		viewer := w.Person("xem", auth.RoleViewer, w.CaoLoc.ID)
		before := dbtest.Snapshot(t, d)
		// Another district's officer may not record Chi Lăng's decision.
		if _, _, err := s.Create(ctx, outsider, districtDecision(w, pid), false); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("outsider records: %v", err)
		}
		// A recipient outside the issuer is refused, naming it.
		bad := districtDecision(w, pid)
		bad.Recipients = append(bad.Recipients, commendation.Recipient{Kind: commendation.Person, PersonID: other, Achievement: "x"})
		if _, _, err := s.Create(ctx, officer, bad, false); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a person of another district: %v", err)
		}
		bad = districtDecision(w, pid)
		bad.Recipients[0].UnitID = w.HopThanh.ID
		if _, _, err := s.Create(ctx, officer, bad, false); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a unit of another district: %v", err)
		}
		// Signed on a day still to come.
		bad = districtDecision(w, pid)
		bad.SignedOn = org.Date(2025, 3, 3)
		if _, _, err := s.Create(ctx, officer, bad, false); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("signed tomorrow: %v", err)
		} else if k, _ := apperr.KeyOf(err); k != "commendation.err.future" {
			t.Errorf("signed tomorrow: key %s", k)
		}
		unchanged(t, d, before)

		dec, _, err := s.Create(ctx, officer, districtDecision(w, pid), false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Decision(ctx, viewer, dec.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another district reads the decision: %v", err)
		}
		if list, n, err := s.List(ctx, viewer, commendation.Filter{}); err != nil || n != 0 || len(list) != 0 {
			t.Errorf("another district's register: %d %v", n, err)
		}
		if _, _, err := s.List(ctx, viewer, commendation.Filter{UnitID: w.ChiLang.ID}); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("another district asks for Chi Lăng's register: %v", err)
		}
		if _, err := s.ForPerson(ctx, viewer, pid); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another district reads a person's awards: %v", err)
		}
		if _, err := s.Revoke(ctx, outsider, dec.ID, dec.Version, "sai", org.Date(2025, 1, 5)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("outsider revokes: %v", err)
		}
		// The commune reads its own award, though not the district's register.
		commune := w.Person("xa.quanglang", auth.RoleViewer, w.QuangLang.ID)
		awards, err := s.ForUnit(ctx, commune, w.QuangLang.ID)
		if err != nil || len(awards) != 1 || awards[0].Decision.Number != "45-QĐ/BDVHU" {
			t.Errorf("the commune's awards: %+v %v", awards, err)
		}
		if _, err := s.Decision(ctx, commune, dec.ID); err != nil {
			t.Errorf("a recipient unit reads its decision: %v", err)
		}
	})
}

func TestDuplicateAwardAndRevocation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d, org.Date(2025, 3, 2))
		ctx := context.Background()
		pid := person(t, d, w.QuangLang.ID, "Nông Thị Hoa")
		officer := w.Person("can.bo", auth.RoleOfficer, w.ChiLang.ID)
		first, dups, err := s.Create(ctx, officer, districtDecision(w, pid), false)
		if err != nil || len(dups) != 0 {
			t.Fatalf("first: %v %v", dups, err)
		}
		// The same number twice in one register.
		if _, _, err := s.Create(ctx, officer, districtDecision(w, pid), true); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("the same number: %v", err)
		}
		// A second award for the same achievement (tone marks placed the
		// other way) is reported and not written until confirmed.
		second := districtDecision(w, pid)
		second.Number = "52-QĐ/BDVHU"
		second.SignedOn = org.Date(2025, 1, 10)
		second.Recipients = []commendation.Recipient{{Kind: commendation.Household, Name: "hộ ông Lương Văn Tư, thôn Bản Dăm",
			Achievement: "Hiến 300 m² đất làm đường nông thôn"}, {Kind: commendation.Person, PersonID: pid, Achievement: "Tích cực tuyên truyền"}}
		before := dbtest.Snapshot(t, d)
		_, dups, err = s.Create(ctx, officer, second, false)
		if apperr.CodeOf(err) != apperr.CodeConflict || len(dups) != 2 || dups[0].Index != 0 || dups[0].Decision.ID != first.ID || dups[1].Index != 1 {
			t.Fatalf("duplicate: %+v %v", dups, err)
		}
		unchanged(t, d, before)
		if _, dups, err := s.Check(ctx, officer, second); err != nil || len(dups) != 2 {
			t.Errorf("check: %d %v", len(dups), err)
		}
		got, dups, err := s.Create(ctx, officer, second, true)
		if err != nil || len(dups) != 2 || got.ID == 0 {
			t.Fatalf("confirmed: %v %v", dups, err)
		}

		// Revocation: a reason is needed, the version must be current, and
		// the award stops counting as a duplicate.
		if _, err := s.Revoke(ctx, officer, first.ID, first.Version, "  ", org.Date(2025, 2, 1)); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("no reason: %v", err)
		}
		if _, err := s.Revoke(ctx, officer, first.ID, first.Version, "Kê khai không trung thực", org.Date(2024, 1, 1)); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("revoked before signed: %v", err)
		}
		if _, err := s.Revoke(ctx, officer, first.ID, first.Version+5, "Kê khai không trung thực", org.Date(2025, 2, 1)); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("stale: %v", err)
		}
		rev, err := s.Revoke(ctx, officer, first.ID, first.Version, "Kê khai thành tích không trung thực", org.Date(2025, 2, 1))
		if err != nil || !rev.Revoked() || rev.RevokedReason != "Kê khai thành tích không trung thực" {
			t.Fatalf("revoke: %+v %v", rev, err)
		}
		if _, err := s.Revoke(ctx, officer, first.ID, rev.Version, "lần nữa", org.Date(2025, 2, 1)); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("revoked twice: %v", err)
		}
		third := second
		third.Number = "60-QĐ/BDVHU"
		third.Recipients = second.Recipients[:1]
		if _, dups, err := s.Check(ctx, officer, third); err != nil || len(dups) != 1 || dups[0].Decision.ID != got.ID {
			t.Errorf("after revoking the first, only the second counts: %+v %v", dups, err)
		}
		// The register lists both, filters by status, form and words.
		all, n, err := s.List(ctx, officer, commendation.Filter{})
		if err != nil || n != 2 || all[0].ID != got.ID || all[1].RecipientCount != 3 {
			t.Errorf("register: %d %+v %v", n, all, err)
		}
		if _, n, _ := s.List(ctx, officer, commendation.Filter{Status: commendation.Revoked}); n != 1 {
			t.Errorf("revoked: %d", n)
		}
		if _, n, _ := s.List(ctx, officer, commendation.Filter{Query: "luong van tu"}); n != 2 {
			t.Errorf("by a household's name without diacritics: %d", n)
		}
		if _, n, _ := s.List(ctx, officer, commendation.Filter{Query: "52-qd"}); n != 1 {
			t.Errorf("by number: %d", n)
		}
		if _, n, _ := s.List(ctx, officer, commendation.Filter{Year: 2024}); n != 1 {
			t.Errorf("by year: %d", n)
		}
		if _, _, err := s.List(ctx, officer, commendation.Filter{Form: "huy_chuong"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("unknown form: %v", err)
		}
		awards, err := s.ForPerson(ctx, officer, pid)
		if err != nil || len(awards) != 2 || !awards[1].Decision.Revoked() {
			t.Errorf("the person's awards: %+v %v", awards, err)
		}
	})
}

func TestProposalUpAndDecided(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, w := setup(t, d, org.Date(2026, 3, 2))
		ctx := context.Background()
		pid := person(t, d, w.NewChiLang.ID, "Lộc Văn Tâm")
		commune := w.Person("xa.chilang", auth.RoleOfficer, w.NewChiLang.ID)
		leader := w.Person("lanh.dao", auth.RoleLeader, w.LangSon.ID)
		officer := w.Person("tinh", auth.RoleOfficer, w.LangSon.ID)
		in := commendation.Proposal{UnitID: w.NewChiLang.ID, ToUnitID: w.LangSon.ID, Form: commendation.Merit, Period: "2025",
			Reason:     "Hoàn thành xuất sắc nhiệm vụ năm 2025",
			Recipients: []commendation.Recipient{{Kind: commendation.Person, PersonID: pid, Achievement: "Vận động nhân dân hiến đất"}}}
		// Sideways or to itself is refused.
		bad := in
		bad.ToUnitID = w.NewDongDang.ID
		if _, err := s.Propose(ctx, commune, bad); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("sideways: %v", err)
		}
		// A decision of a district signed after the district closed.
		closed := commendation.Decision{UnitID: w.ChiLang.ID, Number: "1-QĐ/BDVHU", SignedOn: org.Date(2025, 8, 1), Signer: "A",
			Form: commendation.Certificate, Recipients: []commendation.Recipient{{Kind: commendation.Collective, Name: "Tổ hòa giải thôn Bản Dăm", Achievement: "x"}}}
		if _, _, err := s.Create(ctx, w.Admin, closed, false); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("signed after the issuer closed: %v", err)
		} else if k, _ := apperr.KeyOf(err); k != "commendation.err.unit_day" {
			t.Errorf("signed after the issuer closed: key %s", k)
		}
		pr, err := s.Propose(ctx, commune, in)
		if err != nil || pr.Status != commendation.Submitted || pr.ToUnitName == "" {
			t.Fatalf("propose: %+v %v", pr, err)
		}
		list, err := s.Proposals(ctx, leader, w.LangSon.ID, true, commendation.Submitted)
		if err != nil || len(list) != 1 || list[0].ID != pr.ID {
			t.Errorf("incoming: %+v %v", list, err)
		}
		dec := commendation.Decision{Number: "812-QĐ/TU", SignedOn: org.Date(2026, 2, 20), Signer: "Đoàn Thị Hậu", SignerTitle: "Phó Bí thư Thường trực"}
		// An officer of the province may not decide, nor the commune.
		for _, who := range []*auth.Principal{officer, commune} {
			if _, _, _, err := s.Approve(ctx, who, pr.ID, pr.Version, dec, false); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("%s approves: %v", who.User.Login, err)
			}
		}
		pr2, got, _, err := s.Approve(ctx, leader, pr.ID, pr.Version, dec, false)
		if err != nil || pr2.Status != commendation.Approved || pr2.DecisionID != got.ID || got.UnitID != w.LangSon.ID || got.Form != commendation.Merit {
			t.Fatalf("approve: %+v %+v %v", pr2, got, err)
		}
		if _, _, _, err := s.Approve(ctx, leader, pr.ID, pr2.Version, dec, false); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("approved twice: %v", err)
		}
		if _, err := s.Reject(ctx, leader, pr.ID, pr2.Version, "muộn"); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("rejected after approval: %v", err)
		}
		awards, err := s.ForPerson(ctx, commune, pid)
		if err != nil || len(awards) != 1 || awards[0].Decision.Number != "812-QĐ/TU" {
			t.Errorf("the person's award: %+v %v", awards, err)
		}
		// A second proposal, rejected with its reason.
		in.Recipients[0].Achievement = "Khác"
		pr3, err := s.Propose(ctx, commune, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Reject(ctx, leader, pr3.ID, pr3.Version, ""); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("rejected without a reason: %v", err)
		}
		pr3, err = s.Reject(ctx, leader, pr3.ID, pr3.Version, "Chưa đủ tiêu chuẩn")
		if err != nil || pr3.Status != commendation.Rejected || pr3.Note != "Chưa đủ tiêu chuẩn" {
			t.Errorf("reject: %+v %v", pr3, err)
		}
	})
}
