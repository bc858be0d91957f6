package practice

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/picture"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// now is "today" in these tests: mid-2024, when the fixture's districts
// still stand between the province and the communes.
var now = time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// env is one test's world on one database.
type env struct {
	t     *testing.T
	d     *db.DB
	s     *Store
	auth  *auth.Store
	units *org.Store
	u     *fixture.Units
	dir   string // the file bucket's folder
	ctx   context.Context
	clock *time.Time

	officerQL, officerMS, officerDD, leaderQL, leaderCL, leaderCLO, leaderLS, leaderTW *auth.Principal
}

func newEnv(t *testing.T, d *db.DB) *env {
	t.Helper()
	clk := now
	d.SetClock(func() time.Time { return clk })
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	units := org.NewStore(d)
	as := auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})
	dir := t.TempDir()
	bucket, err := blob.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, d: d, s: NewStore(d, units, as, bucket), auth: as, units: units, u: fixture.Tree(t, d), dir: dir, ctx: ctx, clock: &clk}
	e.officerQL = e.user("officer.ql", auth.RoleOfficer, e.u.QuangLang.ID)
	e.officerMS = e.user("officer.ms", auth.RoleOfficer, e.u.MaiSao.ID)
	e.officerDD = e.user("officer.dd", auth.RoleOfficer, e.u.DongDang.ID)
	e.leaderQL = e.user("leader.ql", auth.RoleLeader, e.u.QuangLang.ID)
	e.leaderCL = e.user("leader.cl", auth.RoleLeader, e.u.ChiLang.ID)
	e.leaderCLO = e.user("leader.clo", auth.RoleLeader, e.u.CaoLoc.ID)
	e.leaderLS = e.user("leader.ls", auth.RoleLeader, e.u.LangSon.ID)
	e.leaderTW = e.user("leader.tw", auth.RoleLeader, e.u.Central.ID)
	return e
}

// user creates an account with one role and returns its signed-in principal.
func (e *env) user(login string, role auth.Role, unitID int64) *auth.Principal {
	e.t.Helper()
	return fixture.Person(e.t, e.auth, login, role, unitID)
}

func (e *env) input(unit int64, name string, f Field) Input {
	return Input{UnitID: unit, Name: name, Field: f, OwnerType: Collective, OwnerName: "Chi hội Phụ nữ thôn Bản Lấn",
		OwnerPhone: "0912 345 678", Movement: "Toàn dân đoàn kết xây dựng nông thôn mới", StartedOn: date(2023, 3, 1),
		Description: "Mô tả", Goals: "Mục tiêu", Notes: "Ghi chú nội bộ"}
}

func (e *env) create(p *auth.Principal, unit int64, name string, f Field) Practice {
	e.t.Helper()
	pr, err := e.s.Create(e.ctx, p, e.input(unit, name, f))
	if err != nil {
		e.t.Fatalf("create %q: %v", name, err)
	}
	return pr
}

// recognized creates a model in unit and takes it to recognized.
func (e *env) recognized(officer, leader *auth.Principal, unit, by int64, name string) Practice {
	e.t.Helper()
	pr := e.create(officer, unit, name, DefenceSecurity)
	if _, err := e.s.Start(e.ctx, officer, pr.ID, date(2023, 4, 1)); err != nil {
		e.t.Fatal(err)
	}
	pr, err := e.s.Recognize(e.ctx, leader, pr.ID, Recognition{ByUnitID: by, DecisionNo: "125-QĐ/HU", On: date(2024, 1, 10)})
	if err != nil {
		e.t.Fatal(err)
	}
	return pr
}

// snapshot is every practice row and the audit log's size: a refused
// action must leave it unchanged.
func (e *env) snapshot() string {
	e.t.Helper()
	rows, err := e.d.QueryContext(e.ctx, "SELECT id, status, version, replications, decision_no FROM practices ORDER BY id")
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, version, reps int64
		var st, dn string
		if err := rows.Scan(&id, &st, &version, &reps, &dn); err != nil {
			e.t.Fatal(err)
		}
		b.WriteString(strings.Join([]string{st, dn}, ","))
		b.WriteString(":" + string(rune('0'+version)) + string(rune('0'+reps)) + ";")
	}
	var n int
	if err := e.d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM audit_log WHERE entity = 'practice'").Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	b.WriteString(" audit=" + string(rune('0'+n)))
	return b.String()
}

func wantCode(t *testing.T, what string, err error, code apperr.Code) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, apperr.CodeOf(err), code)
	}
}

func TestLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pr := e.create(e.officerQL, e.u.QuangLang.ID, "Tiếng kẻng an ninh thôn Bản Lấn", DefenceSecurity)
		if pr.Status != Registered || pr.RootID != pr.ID || pr.Lineage == "" || pr.UnitName != e.u.QuangLang.Name {
			t.Fatalf("created %+v", pr)
		}
		rec := Recognition{ByUnitID: e.u.ChiLang.ID, DecisionNo: "125-QĐ/HU", On: date(2024, 1, 10)}

		// Refusals: each leaves everything as it was.
		before := e.snapshot()
		for _, c := range []struct {
			what string
			err  error
			code apperr.Code
		}{
			{"skip a step: recognize a registered model", func() error { _, err := e.s.Recognize(e.ctx, e.leaderCL, pr.ID, rec); return err }(), apperr.CodeConflict},
			{"a leader may not start (write)", func() error { _, err := e.s.Start(e.ctx, e.leaderCL, pr.ID, date(2023, 4, 1)); return err }(), apperr.CodeForbidden},
			{"neighbour commune officer cannot see it", func() error { _, err := e.s.Start(e.ctx, e.officerMS, pr.ID, date(2023, 4, 1)); return err }(), apperr.CodeNotFound},
			{"anonymous", func() error { _, err := e.s.Start(e.ctx, nil, pr.ID, date(2023, 4, 1)); return err }(), apperr.CodeUnauthorized},
			{"start before the model began", func() error { _, err := e.s.Start(e.ctx, e.officerQL, pr.ID, date(2022, 1, 1)); return err }(), apperr.CodeInvalid},
			{"start in the future", func() error { _, err := e.s.Start(e.ctx, e.officerQL, pr.ID, date(2030, 1, 1)); return err }(), apperr.CodeInvalid},
			{"neighbour officer edits", func() error {
				in := e.input(e.u.QuangLang.ID, "Đổi tên", Economy)
				in.ID, in.Version = pr.ID, pr.Version
				_, err := e.s.Update(e.ctx, e.officerDD, in)
				return err
			}(), apperr.CodeNotFound},
		} {
			wantCode(t, c.what, c.err, c.code)
		}
		if got := e.snapshot(); got != before {
			t.Fatalf("a refused action changed the data:\n%s\n%s", before, got)
		}

		if pr, _ = e.s.Start(e.ctx, e.officerQL, pr.ID, date(2023, 4, 1)); pr.Status != InProgress || !pr.ProgressOn.Equal(date(2023, 4, 1)) {
			t.Fatalf("after start: %+v", pr)
		}
		_, err := e.s.Start(e.ctx, e.officerQL, pr.ID, date(2023, 4, 1))
		wantCode(t, "start twice", err, apperr.CodeConflict)

		// Recognition by the wrong level or unit.
		before = e.snapshot()
		for _, c := range []struct {
			what string
			p    *auth.Principal
			by   int64
			code apperr.Code
		}{
			{"the owning commune's own leader", e.leaderQL, e.u.QuangLang.ID, apperr.CodeForbidden},
			{"a neighbour district's leader, naming his district", e.leaderCLO, e.u.CaoLoc.ID, apperr.CodeNotFound},
			{"a neighbour district's leader, naming the right district", e.leaderCLO, e.u.ChiLang.ID, apperr.CodeNotFound},
			{"the province leader naming a neighbour district", e.leaderLS, e.u.CaoLoc.ID, apperr.CodeForbidden},
			{"the province leader naming the commune itself", e.leaderLS, e.u.QuangLang.ID, apperr.CodeForbidden},
			{"the officer of the commune", e.officerQL, e.u.ChiLang.ID, apperr.CodeForbidden},
			{"a neighbour commune officer", e.officerMS, e.u.ChiLang.ID, apperr.CodeNotFound},
			{"anonymous", nil, e.u.ChiLang.ID, apperr.CodeUnauthorized},
		} {
			_, err := e.s.Recognize(e.ctx, c.p, pr.ID, Recognition{ByUnitID: c.by, DecisionNo: "1-QĐ", On: date(2024, 1, 10)})
			wantCode(t, c.what, err, c.code)
		}
		_, err = e.s.Recognize(e.ctx, e.leaderCL, pr.ID, Recognition{ByUnitID: e.u.ChiLang.ID, On: date(2024, 1, 10)})
		wantCode(t, "no decision number", err, apperr.CodeInvalid)
		_, err = e.s.Recognize(e.ctx, e.leaderCL, pr.ID, Recognition{ByUnitID: e.u.ChiLang.ID, DecisionNo: "1", On: date(2023, 3, 1)})
		wantCode(t, "recognized before it was in progress", err, apperr.CodeInvalid)
		if got := e.snapshot(); got != before {
			t.Fatalf("a refused recognition changed the data:\n%s\n%s", before, got)
		}
		// The province leader may recognize in the name of the province.
		units, err := e.s.Recognizers(e.ctx, e.leaderLS, pr.ID, now)
		if err != nil || len(units) != 2 || units[0].ID != e.u.LangSon.ID || units[1].ID != e.u.ChiLang.ID {
			t.Errorf("province leader's recognizers = %v, %v", units, err)
		}
		if units, err := e.s.Recognizers(e.ctx, e.leaderCLO, pr.ID, now); apperr.CodeOf(err) != apperr.CodeNotFound || len(units) != 0 {
			t.Errorf("neighbour district leader may recognize from %v", units)
		}

		pr, err = e.s.Recognize(e.ctx, e.leaderCL, pr.ID, rec)
		if err != nil {
			t.Fatal(err)
		}
		if pr.Status != Recognized || pr.RecognizedLevel != org.District || pr.RecognizedBy != e.u.ChiLang.ID ||
			pr.DecisionNo != "125-QĐ/HU" || !pr.RecognizedOn.Equal(rec.On) || pr.RecognizedByName != e.u.ChiLang.Name {
			t.Fatalf("after recognition: %+v", pr)
		}
		_, err = e.s.Recognize(e.ctx, e.leaderLS, pr.ID, Recognition{ByUnitID: e.u.LangSon.ID, DecisionNo: "2", On: date(2024, 2, 1)})
		wantCode(t, "recognize twice", err, apperr.CodeConflict)

		// Audited: create, start, recognize.
		var actions []string
		rows, err := d.QueryContext(e.ctx, "SELECT action FROM audit_log WHERE entity = 'practice' AND entity_id = ? ORDER BY id", pr.ID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a string
			rows.Scan(&a)
			actions = append(actions, a)
		}
		rows.Close()
		if strings.Join(actions, ",") != "create,start,recognize" {
			t.Errorf("audit actions = %v", actions)
		}

		// Stop: the leader of the owning unit may; a reason is needed; final.
		_, err = e.s.Stop(e.ctx, e.leaderQL, pr.ID, date(2024, 5, 1), "")
		wantCode(t, "stop without reason", err, apperr.CodeInvalid)
		_, err = e.s.Stop(e.ctx, e.leaderCLO, pr.ID, date(2024, 5, 1), "Không còn phù hợp")
		wantCode(t, "stop by a neighbour district", err, apperr.CodeNotFound)
		pr, err = e.s.Stop(e.ctx, e.leaderQL, pr.ID, date(2024, 5, 1), "Thôn sáp nhập, không còn phù hợp")
		if err != nil || pr.Status != Stopped || pr.StopReason == "" {
			t.Fatalf("stop: %+v, %v", pr, err)
		}
		_, err = e.s.Stop(e.ctx, e.officerQL, pr.ID, date(2024, 5, 1), "lại")
		wantCode(t, "stop twice", err, apperr.CodeConflict)
		in := e.input(e.u.QuangLang.ID, "Sửa sau khi dừng", Economy)
		in.ID, in.Version = pr.ID, pr.Version
		_, err = e.s.Update(e.ctx, e.officerQL, in)
		wantCode(t, "edit a stopped model", err, apperr.CodeConflict)
		if _, err := e.s.GetPublic(e.ctx, pr.ID); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a stopped model still has a public page: %v", err)
		}
	})
}

func TestUpdateVersion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pr := e.create(e.officerQL, e.u.QuangLang.ID, "Chỉnh trang vườn nhà, cổng ngõ", CultureSociety)
		in := e.input(pr.UnitID, "Chỉnh trang vườn nhà, cổng ngõ xanh – sạch – đẹp", CultureSociety)
		in.ID, in.Version, in.UnitID = pr.ID, pr.Version, e.u.MaiSao.ID // the unit cannot change
		got, err := e.s.Update(e.ctx, e.officerQL, in)
		if err != nil || got.Version != pr.Version+1 || got.UnitID != e.u.QuangLang.ID || got.Name != in.Name {
			t.Fatalf("update: %+v, %v", got, err)
		}
		_, err = e.s.Update(e.ctx, e.officerQL, in)
		wantCode(t, "stale version", err, apperr.CodeConflict)
	})
}

func TestReplicationTree(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		orig := e.recognized(e.officerQL, e.leaderCL, e.u.QuangLang.ID, e.u.ChiLang.ID, "Tổ hòa giải ở cơ sở")
		unrec := e.create(e.officerQL, e.u.QuangLang.ID, "Mô hình chưa công nhận", Economy)

		before := e.snapshot()
		_, err := e.s.Adopt(e.ctx, e.officerMS, unrec.ID, Adoption{UnitID: e.u.MaiSao.ID})
		wantCode(t, "adopt an unrecognized model of another unit", err, apperr.CodeNotFound)
		_, err = e.s.Adopt(e.ctx, e.officerQL, unrec.ID, Adoption{UnitID: e.u.QuangLang.ID})
		wantCode(t, "adopt an unrecognized model", err, apperr.CodeConflict)
		_, err = e.s.Adopt(e.ctx, e.officerQL, orig.ID, Adoption{UnitID: e.u.QuangLang.ID})
		wantCode(t, "adopt in the owning unit", err, apperr.CodeInvalid)
		_, err = e.s.Adopt(e.ctx, e.officerMS, orig.ID, Adoption{UnitID: e.u.DongDang.ID})
		wantCode(t, "adopt for a unit one may not write", err, apperr.CodeForbidden)
		_, err = e.s.Adopt(e.ctx, e.leaderCL, orig.ID, Adoption{UnitID: e.u.MaiSao.ID})
		wantCode(t, "a leader adopts (no write permission)", err, apperr.CodeForbidden)
		_, err = e.s.Adopt(e.ctx, nil, orig.ID, Adoption{UnitID: e.u.MaiSao.ID})
		wantCode(t, "anonymous adopts", err, apperr.CodeUnauthorized)
		if got := e.snapshot(); got != before {
			t.Fatalf("a refused adoption changed the data:\n%s\n%s", before, got)
		}

		ms, err := e.s.Adopt(e.ctx, e.officerMS, orig.ID, Adoption{UnitID: e.u.MaiSao.ID, StartedOn: date(2024, 2, 1)})
		if err != nil {
			t.Fatal(err)
		}
		if ms.SourceID != orig.ID || ms.RootID != orig.ID || ms.Status != Registered || ms.OwnerName != e.u.MaiSao.Name || ms.Name != orig.Name {
			t.Fatalf("adopted: %+v", ms)
		}
		_, err = e.s.Adopt(e.ctx, e.officerMS, orig.ID, Adoption{UnitID: e.u.MaiSao.ID})
		wantCode(t, "adopt twice", err, apperr.CodeConflict)
		if o, _ := e.s.Get(e.ctx, e.officerQL, orig.ID); o.Status != Replicated || o.Replications != 1 {
			t.Fatalf("source after adoption: %s, %d replications", o.Status, o.Replications)
		}
		// The copy is recognized in turn and adopted across the district line.
		if _, err := e.s.Start(e.ctx, e.officerMS, ms.ID, date(2024, 2, 2)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Recognize(e.ctx, e.leaderCL, ms.ID, Recognition{ByUnitID: e.u.ChiLang.ID, DecisionNo: "9-QĐ/HU", On: date(2024, 3, 1)}); err != nil {
			t.Fatal(err)
		}
		dd, err := e.s.Adopt(e.ctx, e.officerDD, ms.ID, Adoption{UnitID: e.u.DongDang.ID, Name: "Tổ hòa giải ở cơ sở thị trấn Đồng Đăng"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.s.Adopt(e.ctx, e.officerDD, orig.ID, Adoption{UnitID: e.u.DongDang.ID})
		wantCode(t, "a unit adopts the same family twice", err, apperr.CodeConflict)

		fam, err := e.s.Family(e.ctx, e.officerQL, orig.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range fam {
			got = append(got, strings.Repeat(">", m.Depth)+m.UnitName)
		}
		want := []string{e.u.QuangLang.Name, ">" + e.u.MaiSao.Name, ">>" + e.u.DongDang.Name}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("family = %v, want %v", got, want)
		}
		// Only the owner's own model opens for its officer; the others
		// show where they run, nothing more.
		if !fam[0].Readable || fam[1].Readable || fam[2].Readable {
			t.Errorf("family readable flags for the Quang Lang officer: %+v", fam)
		}
		// A registered adoption is not public: its family is not shown to
		// an officer who cannot read it.
		_, err = e.s.Family(e.ctx, e.officerMS, dd.ID)
		wantCode(t, "family of an unreadable, unrecognized model", err, apperr.CodeNotFound)
		if fam, err := e.s.Family(e.ctx, nil, orig.ID); err != nil || len(fam) != 3 {
			t.Errorf("the public family of a recognized model: %v, %v", fam, err)
		}
		reps := func(id int64) int {
			pr, err := load(e.ctx, d, id)
			if err != nil {
				t.Fatal(err)
			}
			return pr.Replications
		}
		if reps(orig.ID) != 2 || reps(ms.ID) != 1 || reps(dd.ID) != 0 {
			t.Errorf("replications = %d, %d, %d; want 2, 1, 0", reps(orig.ID), reps(ms.ID), reps(dd.ID))
		}
		// A stopped adoption leaves the counts above it.
		if _, err := e.s.Stop(e.ctx, e.officerDD, dd.ID, now, "Không duy trì được"); err != nil {
			t.Fatal(err)
		}
		if reps(orig.ID) != 1 || reps(ms.ID) != 0 {
			t.Errorf("after stop: replications = %d, %d; want 1, 0", reps(orig.ID), reps(ms.ID))
		}
		best, err := e.s.Best(e.ctx, e.leaderTW, 0, 10)
		if err != nil || len(best) != 2 || best[0].ID != orig.ID {
			t.Errorf("best = %+v, %v", best, err)
		}
	})
}

func TestCountsMatchListAndStopLeaves(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		e.create(e.officerQL, e.u.QuangLang.ID, "Nuôi heo đất giúp hội viên nghèo", Economy)
		e.create(e.officerQL, e.u.QuangLang.ID, "Sản phẩm OCOP miến dong", Economy)
		stopMe := e.create(e.officerQL, e.u.QuangLang.ID, "Đường hoa tự quản", CultureSociety)
		e.create(e.officerMS, e.u.MaiSao.ID, "Camera an ninh", DefenceSecurity)
		e.recognized(e.officerDD, e.leaderCLO, e.u.DongDang.ID, e.u.CaoLoc.ID, "Tiếng kẻng an ninh")
		e.create(e.officerDD, e.u.DongDang.ID, "Dòng họ tự quản", PartyBuilding)

		check := func(what string, f Filter, wantTotal int) Counts {
			t.Helper()
			list, total, err := e.s.List(e.ctx, e.leaderTW, f)
			if err != nil {
				t.Fatal(err)
			}
			c, err := e.s.Counts(e.ctx, e.leaderTW, f)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, n := range c.ByField {
				sum += n
			}
			limit := f.Limit
			if limit == 0 {
				limit = 25
			}
			if total != wantTotal || len(list) != max(0, min(wantTotal-f.Offset, limit)) || c.Total != total || sum != total {
				t.Errorf("%s: list %d rows of %d, counts total %d, by field sum %d; want %d", what, len(list), total, c.Total, sum, wantTotal)
			}
			return c
		}
		check("everything", Filter{}, 6)
		check("district Chi Lăng", Filter{Unit: e.u.ChiLang.ID}, 4)
		check("district Chi Lăng, economy", Filter{Unit: e.u.ChiLang.ID, Field: Economy}, 2)
		check("recognized by a district", Filter{Level: org.District}, 1)
		check("period 2023", Filter{Period: "2023"}, 6)
		check("period 2022", Filter{Period: "2022"}, 0)
		check("owner individual", Filter{OwnerType: Individual}, 0)
		check("a page of two", Filter{Limit: 2}, 6)
		check("nothing in the unit", Filter{Unit: e.u.SocTrang.ID}, 0)
		_, _, err := e.s.List(e.ctx, e.leaderTW, Filter{Period: "20x3"})
		wantCode(t, "bad period", err, apperr.CodeInvalid)

		// The scope is the caller's: a commune officer lists his commune's
		// models only, another commune is not found, a visitor must sign in.
		if list, total, err := e.s.List(e.ctx, e.officerMS, Filter{}); err != nil || total != 1 || list[0].Name != "Camera an ninh" {
			t.Errorf("officer of Mai Sao lists %d: %v, %v", total, list, err)
		}
		if c, err := e.s.Counts(e.ctx, e.officerMS, Filter{}); err != nil || c.Total != 1 || c.ByStatus[Registered] != 1 {
			t.Errorf("officer of Mai Sao counts %+v, %v", c, err)
		}
		_, _, err = e.s.List(e.ctx, e.officerMS, Filter{Unit: e.u.QuangLang.ID})
		wantCode(t, "a neighbour commune's list", err, apperr.CodeNotFound)
		_, err = e.s.Counts(e.ctx, e.leaderCLO, Filter{Unit: e.u.ChiLang.ID})
		wantCode(t, "a neighbour district's counts", err, apperr.CodeNotFound)
		_, err = e.s.Best(e.ctx, e.officerMS, e.u.QuangLang.ID, 10)
		wantCode(t, "a neighbour commune's best models", err, apperr.CodeNotFound)
		_, _, err = e.s.List(e.ctx, nil, Filter{})
		wantCode(t, "a visitor's list", err, apperr.CodeUnauthorized)
		if best, err := e.s.Best(e.ctx, e.officerMS, 0, 10); err != nil || len(best) != 0 {
			t.Errorf("officer of Mai Sao's best models: %v, %v (the recognized one is in Đồng Đăng)", best, err)
		}

		c := check("before the stop", Filter{Unit: e.u.ChiLang.ID}, 4)
		if c.ByField[CultureSociety] != 1 || c.ByStatus[Registered] != 4 {
			t.Errorf("counts before stop: %+v", c)
		}
		if _, err := e.s.Stop(e.ctx, e.officerQL, stopMe.ID, now, "Thiếu kinh phí duy trì"); err != nil {
			t.Fatal(err)
		}
		c = check("after the stop", Filter{Unit: e.u.ChiLang.ID}, 3)
		if c.ByField[CultureSociety] != 0 || c.ByStatus[Registered] != 3 || c.ByStatus[Stopped] != 1 {
			t.Errorf("counts after stop: %+v", c)
		}
		check("only stopped", Filter{Unit: e.u.ChiLang.ID, Statuses: []Status{Stopped}}, 1)
		check("past the last page", Filter{Offset: 100}, 5)
	})
}

func TestSearchFoldingAndCollation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		names := []string{
			"Đường hoa tự quản",
			"Dân vận khéo trong xây dựng nông thôn mới",
			norm.NFD.String("Ăn sạch, ở sạch"),
			"Anh em cựu chiến binh giúp nhau",
			"Dòng họ tự quản về an ninh",
			"Tổ thuỷ lợi hoà giải", // old-style tone placement
			"Bé khoẻ bé ngoan",
			"Ủy ban Mặt trận với dân",
		}
		for _, n := range names {
			e.create(e.officerQL, e.u.QuangLang.ID, n, Economy)
		}
		list, _, err := e.s.List(e.ctx, e.officerQL, Filter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range list {
			got = append(got, p.Name)
		}
		want := make([]string, len(names))
		for i, n := range names {
			want[i] = vntext.Normalize(n)
		}
		vntext.Sort(want)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("order:\n got %v\nwant %v", got, want)
		}
		if !(strings.HasPrefix(want[0], "Anh") && strings.HasPrefix(want[1], "Ăn") && vntext.Compare("Dòng", "Đường") < 0) {
			t.Errorf("collation is not Vietnamese: %v", want)
		}
		for _, c := range []struct {
			q    string
			want string
		}{
			{"dan van kheo", "Dân vận khéo trong xây dựng nông thôn mới"},
			{"DÂN VẬN", "Dân vận khéo trong xây dựng nông thôn mới"},
			{"uỷ ban", "Ủy ban Mặt trận với dân"},
			{"ủy ban", "Ủy ban Mặt trận với dân"},
			{"thủy lợi hòa", "Tổ thủy lợi hòa giải"},
			{norm.NFD.String("thuỷ lợi"), "Tổ thủy lợi hòa giải"},
			{"duong hoa", "Đường hoa tự quản"},
			{"khỏe", "Bé khỏe bé ngoan"},
			{"an sach", "Ăn sạch, ở sạch"},
			{"Chi hội Phụ nữ", ""}, // the owner matches every model
			{"50%", "-"},
			{"_", "-"},
		} {
			list, total, err := e.s.List(e.ctx, e.officerQL, Filter{Search: c.q})
			if err != nil {
				t.Fatal(err)
			}
			switch c.want {
			case "":
				if total != len(names) {
					t.Errorf("search %q found %d, want all %d", c.q, total, len(names))
				}
			case "-":
				if total != 0 {
					t.Errorf("search %q found %d, want none (wildcards must be literal)", c.q, total)
				}
			default:
				if total != 1 || list[0].Name != c.want {
					t.Errorf("search %q found %d: %v", c.q, total, list)
				}
			}
		}
	})
}

func TestScopeAndPublic(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pr := e.create(e.officerQL, e.u.QuangLang.ID, "Hũ gạo tình thương", Economy)
		for _, c := range []struct {
			what string
			p    *auth.Principal
			ok   bool
		}{
			{"the owner", e.officerQL, true},
			{"the district leader", e.leaderCL, true},
			{"the province leader", e.leaderLS, true},
			{"a neighbour commune", e.officerMS, false},
			{"a neighbour district", e.leaderCLO, false},
			{"anonymous", nil, false},
		} {
			_, err := e.s.Get(e.ctx, c.p, pr.ID)
			if (err == nil) != c.ok {
				t.Errorf("%s reads: %v", c.what, err)
			}
		}
		// A disabled account (its principal still in hand) may do nothing.
		disabled := &auth.Principal{User: e.officerQL.User, Grants: e.officerQL.Grants}
		disabled.User.Active = false
		if _, err := e.s.Get(e.ctx, disabled, pr.ID); err == nil {
			t.Error("a disabled user reads")
		}
		before := e.snapshot()
		_, err := e.s.Create(e.ctx, disabled, e.input(e.u.QuangLang.ID, "X", Economy))
		wantCode(t, "disabled user creates", err, apperr.CodeForbidden)
		_, err = e.s.Create(e.ctx, e.officerMS, e.input(e.u.QuangLang.ID, "X", Economy))
		wantCode(t, "neighbour creates for another unit", err, apperr.CodeForbidden)
		_, err = e.s.Create(e.ctx, e.leaderCL, e.input(e.u.QuangLang.ID, "X", Economy))
		wantCode(t, "a leader registers (no write permission)", err, apperr.CodeForbidden)
		_, err = e.s.Create(e.ctx, e.officerQL, Input{UnitID: e.u.QuangLang.ID})
		if es, ok := err.(apperr.Errors); !ok || len(es) < 4 {
			t.Errorf("empty input: %v", err)
		}
		if got := e.snapshot(); got != before {
			t.Fatalf("a refused create changed the data")
		}

		if _, err := e.s.GetPublic(e.ctx, pr.ID); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a registered model has a public page: %v", err)
		}
		rec := e.recognized(e.officerQL, e.leaderCL, e.u.QuangLang.ID, e.u.ChiLang.ID, "Thắp sáng đường quê")
		pub, err := e.s.GetPublic(e.ctx, rec.ID)
		if err != nil || pub.Name != rec.Name || pub.RecognizedByName != e.u.ChiLang.Name {
			t.Errorf("public: %+v, %v", pub, err)
		}
	})
}

func TestResults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pr := e.create(e.officerQL, e.u.QuangLang.ID, "Tổ tiết kiệm phụ nữ", Economy)
		_, err := e.s.AddResult(e.ctx, e.officerQL, pr.ID, Result{On: date(2022, 1, 1), Indicator: "Hộ tham gia", Value: 5})
		wantCode(t, "result before the start", err, apperr.CodeInvalid)
		_, err = e.s.AddResult(e.ctx, e.officerMS, pr.ID, Result{On: date(2024, 1, 1), Indicator: "Hộ tham gia", Value: 5})
		wantCode(t, "neighbour adds a result", err, apperr.CodeNotFound)
		for _, r := range []Result{
			{On: date(2024, 6, 1), Indicator: "Số tiền tiết kiệm", Value: 1.2e9, Measure: "đồng"},
			{On: date(2023, 12, 31), Indicator: "Hộ tham gia", Value: 5112, Measure: "hộ"},
		} {
			if _, err := e.s.AddResult(e.ctx, e.officerQL, pr.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		rs, err := e.s.Results(e.ctx, e.officerQL, pr.ID)
		if err != nil || len(rs) != 2 || rs[0].Value != 5112 || rs[1].Measure != "đồng" {
			t.Errorf("results = %+v, %v", rs, err)
		}
		_, err = e.s.Results(e.ctx, e.officerMS, pr.ID)
		wantCode(t, "a neighbour reads the results of a registered model", err, apperr.CodeNotFound)
		_, err = e.s.Results(e.ctx, nil, pr.ID)
		wantCode(t, "a visitor reads the results of a registered model", err, apperr.CodeNotFound)
	})
}

// objects lists the files under the bucket folder.
func objects(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err == nil && !de.IsDir() {
			out = append(out, strings.TrimPrefix(p, dir))
		}
		return nil
	})
	return out
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestUploads(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		pr := e.create(e.officerQL, e.u.QuangLang.ID, "Camera an ninh thôn", DefenceSecurity)
		pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
		for _, c := range []struct {
			what string
			p    *auth.Principal
			up   Upload
			code apperr.Code
		}{
			{"too large", e.officerQL, Upload{Name: "to.pdf", Body: bytes.NewReader(append(pdf, make([]byte, MaxFileSize)...))}, apperr.CodeInvalid},
			{"text named .jpg", e.officerQL, Upload{Name: "anh.jpg", Body: strings.NewReader("xin chào, đây không phải ảnh")}, apperr.CodeInvalid},
			{"HTML named .pdf", e.officerQL, Upload{Name: "x.pdf", Body: strings.NewReader("<html><script>alert(1)</script></html>")}, apperr.CodeInvalid},
			{"a PNG header and garbage", e.officerQL, Upload{Name: "x.png", Body: bytes.NewReader(append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...))}, apperr.CodeInvalid},
			{"empty", e.officerQL, Upload{Name: "x.png", Body: strings.NewReader("")}, apperr.CodeInvalid},
			{"a neighbour", e.officerMS, Upload{Name: "x.pdf", Body: bytes.NewReader(pdf)}, apperr.CodeNotFound},
			{"a leader", e.leaderCL, Upload{Name: "x.pdf", Body: bytes.NewReader(pdf)}, apperr.CodeForbidden},
		} {
			_, err := e.s.AddFile(e.ctx, c.p, pr.ID, c.up)
			wantCode(t, c.what, err, c.code)
		}
		if objs := objects(t, e.dir); len(objs) != 0 {
			t.Fatalf("refused uploads left files: %v", objs)
		}
		var n int
		d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM practice_files").Scan(&n)
		if n != 0 {
			t.Fatalf("refused uploads left %d rows", n)
		}

		img, err := e.s.AddFile(e.ctx, e.officerQL, pr.ID, Upload{Name: `C:\Ảnh\hội nghị.PNG`, Body: bytes.NewReader(pngBytes(t, 1200, 600)), Caption: "Lễ ra mắt"})
		if err != nil {
			t.Fatal(err)
		}
		if img.Name != "hội nghị.png" || img.ContentType != "image/png" || img.Width != 1200 || !img.HasThumb {
			t.Errorf("image file: %+v", img)
		}
		doc, err := e.s.AddFile(e.ctx, e.officerQL, pr.ID, Upload{Name: "quyết định.pdf", Body: bytes.NewReader(pdf)})
		if err != nil || doc.HasThumb || doc.ContentType != "application/pdf" {
			t.Fatalf("pdf: %+v, %v", doc, err)
		}
		_, r, err := e.s.OpenFile(e.ctx, e.officerQL, pr.ID, img.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		th, _, err := image.DecodeConfig(r)
		r.Close()
		if err != nil || th.Width != ThumbSize || th.Height != ThumbSize/2 {
			t.Errorf("thumbnail %dx%d, %v", th.Width, th.Height, err)
		}
		if _, _, err := e.s.OpenFile(e.ctx, e.officerQL, pr.ID, doc.ID, true); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a PDF has a thumbnail: %v", err)
		}
		if _, _, err := e.s.OpenFile(e.ctx, e.officerQL, pr.ID+1, img.ID, false); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a file is reachable through another model: %v", err)
		}
		if _, _, err := e.s.OpenFile(e.ctx, e.officerMS, pr.ID, img.ID, true); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a neighbour opens a file: %v", err)
		}
		if _, _, err := e.s.OpenPublicThumb(e.ctx, pr.ID, img.ID); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("the photo of a registered model is public: %v", err)
		}
		if _, err := e.s.Files(e.ctx, e.officerMS, pr.ID); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a neighbour lists the files: %v", err)
		}
		if _, err := e.s.PublicPhotos(e.ctx, pr.ID); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("the photos of a registered model are public: %v", err)
		}
		if len(objects(t, e.dir)) != 3 {
			t.Errorf("stored objects: %v", objects(t, e.dir))
		}

		// The crash: the objects are stored, the process dies before the
		// row is marked ready.
		e.s.afterStore = func() { panic("crash") }
		func() {
			defer func() {
				if recover() == nil {
					t.Fatal("no crash")
				}
			}()
			e.s.AddFile(e.ctx, e.officerQL, pr.ID, Upload{Name: "mất.png", Body: bytes.NewReader(pngBytes(t, 64, 64))})
		}()
		e.s.afterStore = nil
		if len(objects(t, e.dir)) != 5 {
			t.Fatalf("the crash should have left two objects: %v", objects(t, e.dir))
		}
		files, err := e.s.Files(e.ctx, e.officerQL, pr.ID)
		if err != nil || len(files) != 2 {
			t.Fatalf("after the crash the model shows %d files, want the 2 complete ones (%v)", len(files), err)
		}
		var pendingID int64
		d.QueryRowContext(e.ctx, "SELECT id FROM practice_files WHERE state = 'pending'").Scan(&pendingID)
		if pendingID == 0 {
			t.Fatal("no pending row")
		}
		if _, _, err := e.s.OpenFile(e.ctx, e.officerQL, pr.ID, pendingID, false); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("the orphan is served: %v", err)
		}
		// A sweep right away keeps it (it may be an upload in flight) …
		if n, err := e.s.Sweep(e.ctx, PendingGrace); err != nil || n != 0 {
			t.Errorf("early sweep removed %d, %v", n, err)
		}
		// … and removes it once it is old.
		*e.clock = now.Add(2 * PendingGrace)
		if n, err := e.s.Sweep(e.ctx, PendingGrace); err != nil || n != 3 {
			t.Errorf("sweep removed %d, %v; want 2 objects and 1 row", n, err)
		}
		if len(objects(t, e.dir)) != 3 {
			t.Errorf("after the sweep: %v", objects(t, e.dir))
		}
		d.QueryRowContext(e.ctx, "SELECT COUNT(*) FROM practice_files").Scan(&n)
		if n != 2 {
			t.Errorf("after the sweep %d rows, want 2", n)
		}
		// An object no row names (its row lost some other way) goes in the
		// full sweep once it is old; referenced objects stay.
		if err := e.s.files.WriteAll(e.ctx, "practice/999/lac.jpg", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if n, err := e.s.SweepPending(e.ctx, PendingGrace); err != nil || n != 0 {
			t.Errorf("pending sweep removed %d, %v", n, err)
		}
		*e.clock = time.Now().Add(2 * PendingGrace)
		if n, err := e.s.Sweep(e.ctx, PendingGrace); err != nil || n != 1 {
			t.Errorf("full sweep removed %d, %v; want the one orphan", n, err)
		}
		if objs := objects(t, e.dir); len(objs) != 3 {
			t.Errorf("after the full sweep: %v", objs)
		}
	})
}

func TestThumbOrientation(t *testing.T) {
	// A 40×20 image stored with orientation 6 (rotate 90° clockwise)
	// comes out 20×40.
	src := image.NewRGBA(image.Rect(0, 0, 40, 20))
	out := picture.Orient(downscale(src, ThumbSize), 6)
	if b := out.Bounds(); b.Dx() != 20 || b.Dy() != 40 {
		t.Errorf("oriented %v", b)
	}
	exif := []byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0xFF, 0xD9}
	if o := picture.Orientation(exif); o != 6 {
		t.Errorf("orientation = %d, want 6", o)
	}
	if o := picture.Orientation([]byte{0xFF, 0xD8, 0xFF}); o != 1 {
		t.Errorf("truncated: %d", o)
	}
}

// TestSheetVocabulary checks that the spreadsheet layout names the
// fields as the registry does.
func TestSheetVocabulary(t *testing.T) {
	if len(sheet.Fields) != len(Fields) {
		t.Fatalf("sheet has %d fields, the registry %d", len(sheet.Fields), len(Fields))
	}
	for i, f := range Fields {
		if sheet.Fields[i].Code != string(f) || sheet.Fields[i].Label != f.Label() {
			t.Errorf("sheet field %d = %+v, registry %s %q", i, sheet.Fields[i], f, f.Label())
		}
	}
}

// TestThumbResampling checks the thumbnail scaler: a picture split
// black and white keeps its halves, a transparent one is laid on white,
// and the JPEG made from a photo carrying EXIF (orientation, maker notes,
// GPS and the like) is turned upright and carries no EXIF itself.
func TestThumbResampling(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 1000, 400))
	for y := 0; y < 400; y++ {
		for x := 500; x < 1000; x++ {
			src.Set(x, y, color.White)
		}
		for x := 0; x < 500; x++ {
			src.Set(x, y, color.Black)
		}
	}
	out := downscale(src, ThumbSize)
	if b := out.Bounds(); b.Dx() != ThumbSize || b.Dy() != ThumbSize*400/1000 {
		t.Fatalf("scaled to %v", b)
	}
	gray := func(x, y int) uint32 { r, _, _, _ := out.At(x, y).RGBA(); return r >> 8 }
	if gray(10, 50) > 10 || gray(ThumbSize-10, 50) < 245 {
		t.Errorf("halves after scaling: left %d, right %d", gray(10, 50), gray(ThumbSize-10, 50))
	}
	// A one-pixel checkerboard averages to grey, where picking pixels
	// (nearest neighbour) would give black or white: the scaler filters.
	board := image.NewGray(image.Rect(0, 0, 1200, 1200))
	for y := 0; y < 1200; y++ {
		for x := 0; x < 1200; x++ {
			if (x+y)%2 == 0 {
				board.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	small := downscale(board, ThumbSize)
	for _, pt := range []image.Point{{10, 10}, {200, 333}, {479, 479}} {
		if r, _, _, _ := small.At(pt.X, pt.Y).RGBA(); r>>8 < 90 || r>>8 > 165 {
			t.Errorf("checkerboard at %v scaled to %d, want grey", pt, r>>8)
		}
	}
	clear := downscale(image.NewNRGBA(image.Rect(0, 0, 900, 900)), ThumbSize)
	if r, g, b, _ := clear.At(100, 100).RGBA(); r>>8 != 255 || g>>8 != 255 || b>>8 != 255 {
		t.Errorf("a transparent picture is not laid on white: %v", clear.At(100, 100))
	}

	// A 600×300 JPEG with an EXIF segment saying "rotate 90° clockwise".
	var plain bytes.Buffer
	if err := jpeg.Encode(&plain, image.NewRGBA(image.Rect(0, 0, 600, 300)), nil); err != nil {
		t.Fatal(err)
	}
	exif := []byte{0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0}
	photo := append(append([]byte{0xFF, 0xD8}, exif...), plain.Bytes()[2:]...)
	if o := picture.Orientation(photo); o != 6 {
		t.Fatalf("test photo orientation = %d", o)
	}
	thumb, w, h, err := makeThumb(photo)
	if err != nil {
		t.Fatal(err)
	}
	if w != 600 || h != 300 {
		t.Errorf("original size %d×%d", w, h)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(thumb))
	if err != nil || cfg.Width != ThumbSize/2 || cfg.Height != ThumbSize {
		t.Errorf("thumbnail %d×%d, %v; want %d×%d, upright", cfg.Width, cfg.Height, err, ThumbSize/2, ThumbSize)
	}
	if bytes.Contains(thumb, []byte("Exif")) || picture.Orientation(thumb) != 1 {
		t.Error("the thumbnail carries EXIF")
	}
}
