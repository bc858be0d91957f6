package org_test

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

var (
	d2015 = org.Date(2015, 1, 1)
	d2018 = org.Date(2018, 1, 1)
	d2020 = org.Date(2020, 6, 15)
	d2025 = org.Date(2025, 7, 1)
	d2026 = org.Date(2026, 1, 1)
)

// tree is a small hierarchy built by build: one central board, two
// provinces with a district each and communes under the districts.
type tree struct {
	s                          *org.Store
	tw, p1, p2, h1, h2, front1 org.Unit
	x1, x2, x3                 org.Unit // communes of h1
	y1                         org.Unit // commune of h2
}

func mustCreate(t *testing.T, s *org.Store, nu org.NewUnit) org.Unit {
	t.Helper()
	u, err := s.Create(context.Background(), nu)
	if err != nil {
		t.Fatalf("create %s: %v", nu.Code, err)
	}
	return u
}

func build(t *testing.T, d *db.DB) *tree {
	t.Helper()
	s := org.NewStore(d)
	tr := &tree{s: s}
	tr.tw = mustCreate(t, s, org.NewUnit{Code: "TW", Name: "Ban Dân vận Trung ương", Level: org.Central, Kind: org.Board, ValidFrom: d2015})
	tr.p1 = mustCreate(t, s, org.NewUnit{Code: "P1", Name: "Ban Dân vận Tỉnh ủy Thái Nguyên", ShortName: "Thái Nguyên", Level: org.Province, Kind: org.Board, ParentID: tr.tw.ID, ValidFrom: d2015})
	tr.p2 = mustCreate(t, s, org.NewUnit{Code: "P2", Name: "Ban Dân vận Tỉnh ủy Bắc Kạn", ShortName: "Bắc Kạn", Level: org.Province, Kind: org.Board, ParentID: tr.tw.ID, ValidFrom: d2015})
	tr.front1 = mustCreate(t, s, org.NewUnit{Code: "P1-MTTQ", Name: "Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên", Level: org.Province, Kind: org.FatherlandFront, ParentID: tr.p1.ID, ValidFrom: d2015})
	tr.h1 = mustCreate(t, s, org.NewUnit{Code: "H1", Name: "Ban Dân vận Huyện ủy Đại Từ", Level: org.District, Kind: org.Board, ParentID: tr.p1.ID, ValidFrom: d2015})
	tr.h2 = mustCreate(t, s, org.NewUnit{Code: "H2", Name: "Ban Dân vận Huyện ủy Ba Bể", Level: org.District, Kind: org.Board, ParentID: tr.p2.ID, ValidFrom: d2015})
	tr.x1 = mustCreate(t, s, org.NewUnit{Code: "X1", Name: "Khối Dân vận xã La Bằng", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: d2015})
	tr.x2 = mustCreate(t, s, org.NewUnit{Code: "X2", Name: "Khối Dân vận xã Hoàng Nông", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: d2015})
	tr.x3 = mustCreate(t, s, org.NewUnit{Code: "X3", Name: "Khối Dân vận xã Phú Xuyên", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: d2018})
	tr.y1 = mustCreate(t, s, org.NewUnit{Code: "Y1", Name: "Khối Dân vận thị trấn Chợ Rã", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h2.ID, ValidFrom: d2015})
	return tr
}

// counts returns the number of rows of every table org writes, and of
// the audit log.
func counts(t *testing.T, d *db.DB) map[string]int {
	t.Helper()
	m := map[string]int{}
	for _, tb := range []string{"units", "unit_versions", "unit_closure", "unit_links", "audit_log"} {
		var n int
		if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+tb).Scan(&n); err != nil {
			t.Fatal(err)
		}
		m[tb] = n
	}
	return m
}

// snapshot is every changeable column of the org tables, to prove that
// a refused change left them as they were.
func snapshot(t *testing.T, d *db.DB) string {
	t.Helper()
	return dbtest.Rows(t, d,
		"SELECT id, code, valid_from, COALESCE(valid_to, '') FROM units ORDER BY id",
		"SELECT id, unit_id, valid_from, COALESCE(valid_to, ''), name, short_name, COALESCE(parent_id, 0), path FROM unit_versions ORDER BY id",
		"SELECT id, ancestor_id, descendant_id, depth, valid_from, COALESCE(valid_to, '') FROM unit_closure ORDER BY id")
}

func names(us []org.Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Code
	}
	return out
}

func codesEqual(t *testing.T, what string, got []org.Unit, want ...string) {
	t.Helper()
	if g := strings.Join(names(got), " "); g != strings.Join(want, " ") {
		t.Errorf("%s = [%s], want [%s]", what, g, strings.Join(want, " "))
	}
}

func TestCreateAndQueries(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s

		if tr.x1.Path != "/"+itoa(tr.tw.ID)+"/"+itoa(tr.p1.ID)+"/"+itoa(tr.h1.ID)+"/"+itoa(tr.x1.ID)+"/" {
			t.Errorf("x1 path = %s", tr.x1.Path)
		}
		if tr.x1.Depth != 3 || tr.x1.ParentID != tr.h1.ID || !tr.x1.Active() {
			t.Errorf("x1 = %+v", tr.x1)
		}
		u, err := s.Get(ctx, tr.x1.ID, d2020)
		if err != nil || u.Name != "Khối Dân vận xã La Bằng" || u.Level != org.Commune || u.Kind != org.CommuneBloc {
			t.Fatalf("Get = %+v, %v", u, err)
		}
		if got, err := s.GetByCode(ctx, "X1", d2020); err != nil || got.ID != tr.x1.ID {
			t.Errorf("GetByCode = %+v, %v", got, err)
		}

		// X3 starts in 2018: it is absent from the 2016 tree.
		tree2016, err := s.Tree(ctx, org.Date(2016, 5, 1))
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Tree(2016)", tree2016, "TW", "P2", "H2", "Y1", "P1", "H1", "X2", "X1", "P1-MTTQ")
		tree2020, err := s.Tree(ctx, d2020)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Tree(2020)", tree2020, "TW", "P2", "H2", "Y1", "P1", "H1", "X2", "X1", "X3", "P1-MTTQ")
		if _, err := s.Get(ctx, tr.x3.ID, org.Date(2016, 5, 1)); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("Get before start: err = %v, want not found", err)
		}

		sub, err := s.Subtree(ctx, tr.p1.ID, d2020)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Subtree(P1)", sub, "P1", "H1", "X2", "X1", "X3", "P1-MTTQ")
		kids, err := s.Children(ctx, tr.h1.ID, d2020)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Children(H1)", kids, "X2", "X1", "X3")
		anc, err := s.Ancestors(ctx, tr.x1.ID, d2020)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Ancestors(X1)", anc, "TW", "P1", "H1")
		anc, err = s.Ancestors(ctx, tr.tw.ID, d2020)
		if err != nil || len(anc) != 0 {
			t.Errorf("Ancestors(root) = %v, %v", anc, err)
		}

		n := counts(t, d)
		if n["units"] != 10 || n["unit_versions"] != 10 || n["audit_log"] != 10 {
			t.Errorf("counts = %v", n)
		}
		// Closure: each unit with itself and each ancestor.
		if n["unit_closure"] != 30 {
			t.Errorf("closure rows = %d, want 30", n["unit_closure"])
		}
		if _, err := s.Get(ctx, 999999, d2020); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("Get unknown: err = %v", err)
		}
	})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func TestCollation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d)
		tw := mustCreate(t, s, org.NewUnit{Code: "TW", Name: "Ban Dân vận Trung ương", Level: org.Central, Kind: org.Board, ValidFrom: d2015})
		// Inserted in an order that is neither collation nor byte order.
		for i, name := range []string{"Phường 10", "Đa Phúc", "Ân Thi", "Da Lộc", "Phường 2", "Ăn Hòa", "An Lão", "Bắc Sơn", "Bác Ái"} {
			mustCreate(t, s, org.NewUnit{Code: "P" + itoa(int64(i)), Name: name, Level: org.Province, Kind: org.Board, ParentID: tw.ID, ValidFrom: d2015})
		}
		want := "An Lão|Ăn Hòa|Ân Thi|Bác Ái|Bắc Sơn|Da Lộc|Đa Phúc|Phường 2|Phường 10"
		kids, err := s.Children(ctx, tw.ID, d2020)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := s.Tree(ctx, d2020)
		if err != nil {
			t.Fatal(err)
		}
		for what, us := range map[string][]org.Unit{"Children": kids, "Tree": tree[1:]} {
			var got []string
			for _, u := range us {
				got = append(got, u.Name)
			}
			if strings.Join(got, "|") != want {
				t.Errorf("%s order = %s, want %s", what, strings.Join(got, "|"), want)
			}
		}
	})
}

func TestRename(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		hue := org.Date(2025, 1, 1)
		// NFD input with the other tone placement comes back normalized.
		u, err := s.Rename(ctx, tr.tw.ID, hue, "  Ban Tuyên giáo và  Dân vận Trung ương ", "Ban TGDVTW")
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != "Ban Tuyên giáo và Dân vận Trung ương" || !u.VersionFrom.Equal(hue) {
			t.Errorf("after rename: %+v", u)
		}
		old, err := s.Get(ctx, tr.tw.ID, org.Date(2024, 12, 31))
		if err != nil || old.Name != "Ban Dân vận Trung ương" {
			t.Errorf("before rename: %q, %v", old.Name, err)
		}
		h, err := s.History(ctx, tr.tw.ID)
		if err != nil || len(h) != 2 {
			t.Fatalf("History = %v, %v", h, err)
		}
		if !h[0].ValidTo.Equal(org.Date(2024, 12, 31)) || !h[1].ValidTo.IsZero() || h[1].ShortName != "Ban TGDVTW" {
			t.Errorf("History = %+v", h)
		}
		// A second rename on the same day amends the version.
		if _, err := s.Rename(ctx, tr.tw.ID, hue, "Ban Tuyên giáo và Dân vận Trung ương", ""); err != nil {
			t.Fatal(err)
		}
		if h, _ := s.History(ctx, tr.tw.ID); len(h) != 2 || h[1].ShortName != "" {
			t.Errorf("History after same-day rename = %+v", h)
		}
		// Search folds marks and tone placement.
		for _, q := range []string{"tuyen giao", "TUYÊN GIÁO", "Tuyên  giáo"} {
			got, err := s.SearchByName(ctx, q, d2026, 5)
			if err != nil || len(got) != 1 || got[0].ID != tr.tw.ID {
				t.Errorf("SearchByName(%q) = %v, %v", q, names(got), err)
			}
		}
		got, err := s.SearchByName(ctx, "tuyen giao", org.Date(2020, 1, 1), 5)
		if err != nil || len(got) != 0 {
			t.Errorf("SearchByName before rename = %v, %v", names(got), err)
		}
		// The old name, searched today, leads to the renamed board.
		if fs, err := s.SearchFormer(ctx, "ban dan van trung", d2026, 0); err != nil || len(fs) != 1 || len(fs[0].Now) != 1 ||
			fs[0].Now[0].Unit.Name != "Ban Tuyên giáo và Dân vận Trung ương" || fs[0].Unit.Name != "Ban Dân vận Trung ương" {
			t.Errorf("SearchFormer(old name) = %+v, %v", fs, err)
		}
		if fs, err := s.SearchFormer(ctx, "tuyen giao", d2026, 0); err != nil || len(fs) != 0 {
			t.Errorf("SearchFormer(today's name) = %+v, %v", fs, err)
		}
		got, err = s.SearchByName(ctx, "khoi dan van", d2020, 2)
		if err != nil || len(got) != 2 {
			t.Errorf("SearchByName limit 2 = %v, %v", names(got), err)
		}
		got, err = s.SearchByName(ctx, "thai nguyen", d2020, 10)
		if err != nil || len(got) != 2 || got[0].Code != "P1" {
			t.Errorf("SearchByName(thai nguyen) = %v, %v (short name match first)", names(got), err)
		}
		if _, err := s.SearchByName(ctx, "  ", d2020, 10); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("empty search: %v", err)
		}
		if got, err := s.SearchByName(ctx, "100%_", d2020, 10); err != nil || len(got) != 0 {
			t.Errorf("wildcards not escaped: %v, %v", names(got), err)
		}
	})
}

func TestMove(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		moved := org.Date(2021, 1, 1)
		before := org.Date(2020, 12, 31)
		// District Đại Từ with its three communes moves to Bắc Kạn.
		u, err := s.Move(ctx, tr.h1.ID, tr.p2.ID, moved)
		if err != nil {
			t.Fatal(err)
		}
		if u.ParentID != tr.p2.ID || !strings.HasSuffix(u.Path, "/"+itoa(tr.p2.ID)+"/"+itoa(tr.h1.ID)+"/") {
			t.Errorf("moved unit = %+v", u)
		}
		for _, c := range []struct {
			at   time.Time
			unit org.Unit
			want []string
		}{
			{before, tr.p1, []string{"P1", "H1", "X2", "X1", "X3", "P1-MTTQ"}},
			{before, tr.p2, []string{"P2", "H2", "Y1"}},
			{moved, tr.p1, []string{"P1", "P1-MTTQ"}},
			{moved, tr.p2, []string{"P2", "H2", "Y1", "H1", "X2", "X1", "X3"}},
		} {
			sub, err := s.Subtree(ctx, c.unit.ID, c.at)
			if err != nil {
				t.Fatal(err)
			}
			codesEqual(t, "Subtree("+c.unit.Code+", "+c.at.Format("2006-01-02")+")", sub, c.want...)
		}
		anc, err := s.Ancestors(ctx, tr.x2.ID, before)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Ancestors(X2) before", anc, "TW", "P1", "H1")
		anc, err = s.Ancestors(ctx, tr.x2.ID, moved)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Ancestors(X2) after", anc, "TW", "P2", "H1")
		x2, err := s.Get(ctx, tr.x2.ID, moved)
		if err != nil || x2.Path != "/"+itoa(tr.tw.ID)+"/"+itoa(tr.p2.ID)+"/"+itoa(tr.h1.ID)+"/"+itoa(tr.x2.ID)+"/" || x2.ParentID != tr.h1.ID {
			t.Errorf("X2 after move = %+v, %v", x2, err)
		}
		h, err := s.History(ctx, tr.x2.ID)
		if err != nil || len(h) != 2 || h[0].Path == h[1].Path {
			t.Errorf("X2 history = %+v, %v", h, err)
		}
		// Moving back and forth on one day amends instead of stacking.
		back := org.Date(2022, 3, 1)
		if _, err := s.Move(ctx, tr.h1.ID, tr.p1.ID, back); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Move(ctx, tr.h1.ID, tr.p2.ID, back); err != nil {
			t.Fatal(err)
		}
		sub, err := s.Subtree(ctx, tr.p2.ID, back)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Subtree(P2) after same-day moves", sub, "P2", "H2", "Y1", "H1", "X2", "X1", "X3")
		sub, err = s.Subtree(ctx, tr.p1.ID, back)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Subtree(P1) after same-day moves", sub, "P1", "P1-MTTQ")
		if h, _ := s.History(ctx, tr.h1.ID); len(h) != 3 {
			t.Errorf("H1 history has %d versions, want 3: %+v", len(h), h)
		}
	})
}

func TestMergeTreeBeforeAfter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		// Bắc Kạn merges into Thái Nguyên: its district moves along.
		got, err := s.Merge(ctx, []int64{tr.p2.ID}, org.MergeTarget{ExistingID: tr.p1.ID}, d2025)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != tr.p1.ID {
			t.Errorf("Merge returned %s", got.Code)
		}
		tb, err := s.Tree(ctx, d2025.AddDate(0, 0, -1))
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Tree before merge", tb, "TW", "P2", "H2", "Y1", "P1", "H1", "X2", "X1", "X3", "P1-MTTQ")
		ta, err := s.Tree(ctx, d2025)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Tree after merge", ta, "TW", "P1", "H2", "Y1", "H1", "X2", "X1", "X3", "P1-MTTQ")
		p2, err := s.Get(ctx, tr.p2.ID, org.Date(2025, 6, 30))
		if err != nil || !p2.ValidTo.Equal(org.Date(2025, 6, 30)) {
			t.Errorf("P2 on its last day = %+v, %v", p2, err)
		}
		if _, err := s.Get(ctx, tr.p2.ID, d2025); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("P2 after merge: %v", err)
		}
		succ, err := s.Successors(ctx, tr.p2.ID)
		if err != nil || len(succ) != 1 || succ[0].SuccessorID != tr.p1.ID || succ[0].Share != 1 || succ[0].Kind != org.LinkMerge || succ[0].Unit.Code != "P1" {
			t.Errorf("Successors(P2) = %+v, %v", succ, err)
		}
		pred, err := s.Predecessors(ctx, tr.p1.ID)
		if err != nil || len(pred) != 1 || pred[0].PredecessorID != tr.p2.ID || !pred[0].Date.Equal(d2025) || pred[0].Unit.Name != "Ban Dân vận Tỉnh ủy Bắc Kạn" {
			t.Errorf("Predecessors(P1) = %+v, %v", pred, err)
		}
		if l, err := s.Predecessors(ctx, tr.p2.ID); err != nil || len(l) != 0 {
			t.Errorf("Predecessors(P2) = %+v, %v", l, err)
		}
		anc, err := s.Ancestors(ctx, tr.y1.ID, d2025)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Ancestors(Y1) after merge", anc, "TW", "P1", "H2")

		// Districts abolished: communes merge into a new commune directly
		// under the province, the districts close.
		nx, err := s.Merge(ctx, []int64{tr.x1.ID, tr.x2.ID, tr.y1.ID}, org.MergeTarget{New: &org.NewUnit{
			Code: "NX1", Name: "Khối Dân vận xã Đại Từ", Kind: org.CommuneBloc, ParentID: tr.p1.ID}}, d2025.AddDate(0, 1, 0))
		if err != nil {
			t.Fatal(err)
		}
		if nx.Level != org.Commune || nx.ParentID != tr.p1.ID || !nx.ValidFrom.Equal(d2025.AddDate(0, 1, 0)) {
			t.Errorf("new commune = %+v", nx)
		}
		if _, err := s.Close(ctx, tr.h2.ID, d2025.AddDate(0, 1, 0)); err != nil {
			t.Fatal(err)
		}
		m, err := s.MapToToday(ctx, tr.y1.ID, d2026)
		if err != nil || len(m) != 1 || m[0].Unit.ID != nx.ID || m[0].Share != 1 {
			t.Errorf("MapToToday(Y1) = %+v, %v", m, err)
		}
		m, err = s.MapToToday(ctx, tr.x3.ID, d2026)
		if err != nil || len(m) != 1 || m[0].Unit.ID != tr.x3.ID || m[0].Share != 1 {
			t.Errorf("MapToToday(X3, still valid) = %+v, %v", m, err)
		}
		m, err = s.MapToToday(ctx, tr.p2.ID, d2020)
		if err != nil || len(m) != 1 || m[0].Unit.ID != tr.p2.ID {
			t.Errorf("MapToToday(P2 as of 2020) = %+v, %v", m, err)
		}

		// Found by a name it no longer bears: the closed commune with the
		// commune that took it over, the province with the one it merged
		// into; not on a day it still bore the name.
		fs, err := s.SearchFormer(ctx, "cho ra", d2026, 0)
		if err != nil || len(fs) != 1 || fs[0].Unit.ID != tr.y1.ID || len(fs[0].Now) != 1 || fs[0].Now[0].Unit.ID != nx.ID {
			t.Errorf("SearchFormer(chợ rã) = %+v, %v", fs, err)
		}
		if fs[0].Unit.Name != "Khối Dân vận thị trấn Chợ Rã" || !fs[0].Unit.ValidTo.Equal(d2025.AddDate(0, 1, -1)) {
			t.Errorf("SearchFormer(chợ rã): the unit as it ended = %+v", fs[0].Unit)
		}
		fs, err = s.SearchFormer(ctx, "Bắc Kạn", d2026, 0)
		if err != nil || len(fs) != 1 || fs[0].Unit.ID != tr.p2.ID || len(fs[0].Now) != 1 || fs[0].Now[0].Unit.ID != tr.p1.ID {
			t.Errorf("SearchFormer(bắc kạn) = %+v, %v", fs, err)
		}
		if fs, err := s.SearchFormer(ctx, "cho ra", d2020, 0); err != nil || len(fs) != 0 {
			t.Errorf("SearchFormer(chợ rã) in 2020, when it was alive = %+v, %v", fs, err)
		}
		// A living unit is not a former name of itself.
		if fs, err := s.SearchFormer(ctx, "phu xuyen", d2026, 0); err != nil || len(fs) != 0 {
			t.Errorf("SearchFormer(phú xuyên) = %+v, %v", fs, err)
		}
	})
}

func TestSplitAndMapping(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		// 2019: X1 merges into X2. 2025: X2 splits into a new commune
		// (30%) and X3 (70%).
		if _, err := s.Merge(ctx, []int64{tr.x1.ID}, org.MergeTarget{ExistingID: tr.x2.ID}, org.Date(2019, 1, 1)); err != nil {
			t.Fatal(err)
		}
		parts, err := s.Split(ctx, tr.x2.ID, []org.SplitPart{
			{New: &org.NewUnit{Code: "X4", Name: "Khối Dân vận xã Hoàng Nông Mới", Kind: org.CommuneBloc}, Share: 0.3},
			{ExistingID: tr.x3.ID, Share: 0.7},
		}, d2025)
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) != 2 || parts[0].Code != "X4" || parts[0].ParentID != tr.h1.ID || parts[1].ID != tr.x3.ID {
			t.Fatalf("Split = %+v", parts)
		}
		var splitAudit string
		if err := d.QueryRowContext(ctx, "SELECT after_json FROM audit_log WHERE action = 'split' AND entity_id = ?", tr.x2.ID).Scan(&splitAudit); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf(`"successors":[{"id":%d,"share":0.3},{"id":%d,"share":0.7}]`, parts[0].ID, tr.x3.ID); !strings.Contains(splitAudit, want) {
			t.Errorf("split audit = %s, want it to contain %s", splitAudit, want)
		}
		m, err := s.MapToToday(ctx, tr.x1.ID, d2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) != 2 || m[0].Unit.ID != tr.x3.ID || math.Abs(m[0].Share-0.7) > 1e-9 || m[1].Unit.Code != "X4" || math.Abs(m[1].Share-0.3) > 1e-9 {
			t.Errorf("MapToToday(X1 via merge then split) = %+v", m)
		}
		// As of 2020 X1 maps to X2, which then still existed.
		m, err = s.MapToToday(ctx, tr.x1.ID, d2020)
		if err != nil || len(m) != 1 || m[0].Unit.ID != tr.x2.ID || m[0].Share != 1 {
			t.Errorf("MapToToday(X1, 2020) = %+v, %v", m, err)
		}
		if _, err := s.MapToToday(ctx, parts[0].ID, d2020); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("MapToToday before start: %v", err)
		}
		succ, err := s.Successors(ctx, tr.x2.ID)
		if err != nil || len(succ) != 2 || succ[0].Kind != org.LinkSplit || succ[0].Share+succ[1].Share != 1 {
			t.Errorf("Successors(X2) = %+v, %v", succ, err)
		}
		// A closed unit without successor maps to nothing.
		if _, err := s.Close(ctx, tr.y1.ID, d2025); err != nil {
			t.Fatal(err)
		}
		m, err = s.MapToToday(ctx, tr.y1.ID, d2026)
		if err != nil || len(m) != 0 {
			t.Errorf("MapToToday(closed) = %+v, %v", m, err)
		}
		tree, err := s.Tree(ctx, d2025)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "Tree after split", tree, "TW", "P2", "H2", "P1", "H1", "X4", "X3", "P1-MTTQ")
	})
}

func TestRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		// A closed province to refuse things under.
		dead := mustCreate(t, s, org.NewUnit{Code: "DEAD", Name: "Ban Dân vận Tỉnh ủy Hà Tây", Level: org.Province, Kind: org.Board, ParentID: tr.tw.ID, ValidFrom: d2015})
		if _, err := s.Close(ctx, dead.ID, org.Date(2016, 8, 1)); err != nil {
			t.Fatal(err)
		}
		// A rename in 2022 makes anything dated earlier on P1 overlap.
		if _, err := s.Rename(ctx, tr.p1.ID, org.Date(2022, 1, 1), "Ban Dân vận Tỉnh ủy Thái Nguyên (mới)", ""); err != nil {
			t.Fatal(err)
		}
		commune := func(code string, parent int64, from time.Time) org.NewUnit {
			return org.NewUnit{Code: code, Name: "Khối Dân vận xã Mới", Level: org.Commune, Kind: org.CommuneBloc, ParentID: parent, ValidFrom: from}
		}
		tests := []struct {
			name string
			op   func() error
			code apperr.Code
			msg  string
		}{
			{"empty name", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "E", Name: "  ", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "Chưa nhập tên đơn vị"},
			{"empty code", func() error {
				_, err := s.Create(ctx, org.NewUnit{Name: "X", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "Chưa nhập mã đơn vị"},
			{"duplicate code", func() error { _, err := s.Create(ctx, commune("X1", tr.h1.ID, d2020)); return err }, apperr.CodeConflict, "đã được dùng"},
			{"no date", func() error { _, err := s.Create(ctx, commune("N1", tr.h1.ID, time.Time{})); return err }, apperr.CodeInvalid, "Chưa nhập ngày hiệu lực"},
			{"bad level", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N", Name: "X", Level: "village", Kind: org.Board, ParentID: tr.h1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "Cấp đơn vị không hợp lệ"},
			{"bloc above commune", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N", Name: "X", Level: org.District, Kind: org.CommuneBloc, ParentID: tr.p1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "Khối Dân vận chỉ có ở cấp xã"},
			{"unknown parent", func() error { _, err := s.Create(ctx, commune("N2", 424242, d2020)); return err }, apperr.CodeInvalid, "Không tìm thấy đơn vị"},
			{"province under commune", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N3", Name: "Ban Dân vận Tỉnh ủy X", Level: org.Province, Kind: org.Board, ParentID: tr.x1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "Không thể đặt đơn vị cấp “Tỉnh, thành phố” dưới đơn vị cấp “Xã, phường, thị trấn”"},
			{"district under district", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N3", Name: "Ban Dân vận Huyện ủy X", Level: org.District, Kind: org.Board, ParentID: tr.h1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "Không thể đặt đơn vị cấp “Huyện, thị xã, thành phố thuộc tỉnh” dưới đơn vị cấp “Huyện, thị xã, thành phố thuộc tỉnh”"},
			{"organization under organization", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N3", Name: "Hội Nông dân tỉnh", Level: org.Province, Kind: org.FarmersUnion, ParentID: tr.front1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "chỉ đặt được dưới Ban Dân vận"},
			{"province without parent", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N3", Name: "Ban Dân vận Tỉnh ủy X", Level: org.Province, Kind: org.Board, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "phải thuộc một đơn vị cấp trên"},
			{"closed parent", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N4", Name: "Ban Dân vận Huyện ủy X", Level: org.District, Kind: org.Board, ParentID: dead.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeInvalid, "đã ngừng hoạt động từ ngày 01/08/2016"},
			{"parent not yet valid", func() error { _, err := s.Create(ctx, commune("N5", tr.h1.ID, org.Date(2010, 1, 1))); return err }, apperr.CodeInvalid, "chưa được thành lập vào ngày 01/01/2010"},
			{"parent changed later", func() error {
				_, err := s.Create(ctx, org.NewUnit{Code: "N6", Name: "Ban Dân vận Huyện ủy X", Level: org.District, Kind: org.Board, ParentID: tr.p1.ID, ValidFrom: d2020})
				return err
			}, apperr.CodeConflict, "có thay đổi từ ngày 01/01/2022"},
			{"rename unknown", func() error { _, err := s.Rename(ctx, 777777, d2020, "X", ""); return err }, apperr.CodeNotFound, "Không tìm thấy đơn vị"},
			{"rename empty", func() error { _, err := s.Rename(ctx, tr.x1.ID, d2020, " ", ""); return err }, apperr.CodeInvalid, "Chưa nhập tên đơn vị"},
			{"rename before start", func() error { _, err := s.Rename(ctx, tr.x3.ID, d2015, "X", ""); return err }, apperr.CodeInvalid, "bắt đầu hoạt động từ ngày 01/01/2018"},
			{"rename overlapping", func() error { _, err := s.Rename(ctx, tr.p1.ID, d2020, "X", ""); return err }, apperr.CodeConflict, "trùng với thời gian hiệu lực"},
			{"rename closed", func() error { _, err := s.Rename(ctx, dead.ID, d2020, "X", ""); return err }, apperr.CodeConflict, "đã ngừng hoạt động"},
			{"move under itself", func() error { _, err := s.Move(ctx, tr.h1.ID, tr.h1.ID, d2020); return err }, apperr.CodeInvalid, "Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó"},
			{"move under descendant", func() error { _, err := s.Move(ctx, tr.p2.ID, tr.h2.ID, d2020); return err }, apperr.CodeInvalid, "Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó"},
			{"move under closed", func() error { _, err := s.Move(ctx, tr.h1.ID, dead.ID, d2020); return err }, apperr.CodeInvalid, "đã ngừng hoạt động"},
			{"move under commune", func() error { _, err := s.Move(ctx, tr.h1.ID, tr.y1.ID, d2020); return err }, apperr.CodeInvalid, "Không thể đặt đơn vị cấp “Huyện, thị xã, thành phố thuộc tỉnh” dưới đơn vị cấp “Xã, phường, thị trấn”"},
			{"move same parent", func() error { _, err := s.Move(ctx, tr.h1.ID, tr.p1.ID, d2026); return err }, apperr.CodeInvalid, "đã thuộc đơn vị cấp trên này"},
			{"move subtree changed later", func() error { _, err := s.Move(ctx, tr.h2.ID, tr.p1.ID, d2020); return err }, apperr.CodeConflict, "có thay đổi từ ngày 01/01/2022"},
			{"merge across levels", func() error {
				_, err := s.Merge(ctx, []int64{tr.h2.ID}, org.MergeTarget{ExistingID: tr.p2.ID}, d2025)
				return err
			}, apperr.CodeInvalid, "Chỉ sáp nhập được các đơn vị cùng cấp"},
			{"merge sources across levels", func() error {
				_, err := s.Merge(ctx, []int64{tr.x1.ID, tr.h2.ID}, org.MergeTarget{ExistingID: tr.x2.ID}, d2025)
				return err
			}, apperr.CodeInvalid, "Chỉ sáp nhập được các đơn vị cùng cấp"},
			{"merge one into new", func() error {
				_, err := s.Merge(ctx, []int64{tr.x1.ID}, org.MergeTarget{New: &org.NewUnit{Code: "M", Name: "M", Kind: org.CommuneBloc, ParentID: tr.h1.ID}}, d2025)
				return err
			}, apperr.CodeInvalid, "Cần ít nhất hai đơn vị"},
			{"merge no target", func() error {
				_, err := s.Merge(ctx, []int64{tr.x1.ID, tr.x2.ID}, org.MergeTarget{}, d2025)
				return err
			}, apperr.CodeInvalid, "đúng một đơn vị nhận sáp nhập"},
			{"merge into itself", func() error {
				_, err := s.Merge(ctx, []int64{tr.x1.ID}, org.MergeTarget{ExistingID: tr.x1.ID}, d2025)
				return err
			}, apperr.CodeInvalid, "không thể đồng thời"},
			{"merge into closed", func() error {
				_, err := s.Merge(ctx, []int64{tr.p2.ID}, org.MergeTarget{ExistingID: dead.ID}, d2025)
				return err
			}, apperr.CodeConflict, "đã ngừng hoạt động"},
			{"merge new under a source", func() error {
				_, err := s.Merge(ctx, []int64{tr.x1.ID, tr.x2.ID}, org.MergeTarget{New: &org.NewUnit{Code: "M", Name: "M", Kind: org.CommuneBloc, ParentID: tr.x1.ID}}, d2025)
				return err
			}, apperr.CodeInvalid, "không thể là đơn vị bị sáp nhập"},
			{"merge before start", func() error {
				_, err := s.Merge(ctx, []int64{tr.x3.ID}, org.MergeTarget{ExistingID: tr.x2.ID}, d2015)
				return err
			}, apperr.CodeInvalid, "bắt đầu hoạt động từ ngày 01/01/2018"},
			{"merge new code taken", func() error {
				_, err := s.Merge(ctx, []int64{tr.x1.ID, tr.x2.ID}, org.MergeTarget{New: &org.NewUnit{Code: "X3", Name: "M", Kind: org.CommuneBloc, ParentID: tr.h1.ID}}, d2025)
				return err
			}, apperr.CodeConflict, "đã được dùng"},
			{"split shares short", func() error {
				_, err := s.Split(ctx, tr.x1.ID, []org.SplitPart{{ExistingID: tr.x2.ID, Share: 0.5}, {ExistingID: tr.x3.ID, Share: 0.4}}, d2025)
				return err
			}, apperr.CodeInvalid, "Tổng tỷ lệ các phần chia tách phải bằng 1 (100%); hiện là 90"},
			{"split share zero", func() error {
				_, err := s.Split(ctx, tr.x1.ID, []org.SplitPart{{ExistingID: tr.x2.ID, Share: 1}, {ExistingID: tr.x3.ID, Share: 0}}, d2025)
				return err
			}, apperr.CodeInvalid, "lớn hơn 0"},
			{"split one part", func() error {
				_, err := s.Split(ctx, tr.x1.ID, []org.SplitPart{{ExistingID: tr.x2.ID, Share: 1}}, d2025)
				return err
			}, apperr.CodeInvalid, "ít nhất hai"},
			{"split with children", func() error {
				_, err := s.Split(ctx, tr.h1.ID, []org.SplitPart{{ExistingID: tr.h2.ID, Share: 0.5}, {New: &org.NewUnit{Code: "S", Name: "S", Kind: org.Board}, Share: 0.5}}, d2025)
				return err
			}, apperr.CodeConflict, "còn 3 đơn vị cấp dưới"},
			{"split into other level", func() error {
				_, err := s.Split(ctx, tr.x1.ID, []org.SplitPart{{ExistingID: tr.h2.ID, Share: 0.5}, {ExistingID: tr.x3.ID, Share: 0.5}}, d2025)
				return err
			}, apperr.CodeInvalid, "phải cùng cấp “Xã, phường, thị trấn”"},
			{"split into itself", func() error {
				_, err := s.Split(ctx, tr.x1.ID, []org.SplitPart{{ExistingID: tr.x1.ID, Share: 0.5}, {ExistingID: tr.x3.ID, Share: 0.5}}, d2025)
				return err
			}, apperr.CodeInvalid, "không thể là đơn vị nhận"},
			{"split new part bad", func() error {
				_, err := s.Split(ctx, tr.x1.ID, []org.SplitPart{{ExistingID: tr.x2.ID, Share: 0.5}, {New: &org.NewUnit{Code: "S", Kind: org.CommuneBloc}, Share: 0.5}}, d2025)
				return err
			}, apperr.CodeInvalid, "Chưa nhập tên đơn vị"},
			{"close with children", func() error { _, err := s.Close(ctx, tr.h1.ID, d2025); return err }, apperr.CodeConflict, "còn 3 đơn vị cấp dưới"},
			{"close on first day", func() error { _, err := s.Close(ctx, tr.x3.ID, d2018); return err }, apperr.CodeInvalid, "bắt đầu hoạt động từ ngày 01/01/2018"},
			{"close twice", func() error { _, err := s.Close(ctx, dead.ID, d2025); return err }, apperr.CodeConflict, "đã ngừng hoạt động"},
			{"close unknown", func() error { _, err := s.Close(ctx, 31337, d2025); return err }, apperr.CodeNotFound, "Không tìm thấy đơn vị"},
			{"move unknown", func() error { _, err := s.Move(ctx, 31337, tr.p1.ID, d2025); return err }, apperr.CodeNotFound, "Không tìm thấy đơn vị"},
			{"merge unknown source", func() error {
				_, err := s.Merge(ctx, []int64{31337}, org.MergeTarget{ExistingID: tr.x2.ID}, d2025)
				return err
			}, apperr.CodeInvalid, "Không tìm thấy đơn vị"},
			{"split unknown", func() error {
				_, err := s.Split(ctx, 31337, []org.SplitPart{{ExistingID: tr.x2.ID, Share: 0.5}, {ExistingID: tr.x3.ID, Share: 0.5}}, d2025)
				return err
			}, apperr.CodeNotFound, "Không tìm thấy đơn vị"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before, snap := counts(t, d), snapshot(t, d)
				err := tt.op()
				if err == nil {
					t.Fatalf("no error, want %s %q", tt.code, tt.msg)
				}
				if got := apperr.CodeOf(err); got != tt.code {
					t.Errorf("code = %s, want %s (%v)", got, tt.code, err)
				}
				if msg := errText(t, err); !strings.Contains(msg, tt.msg) {
					t.Errorf("message = %q, want it to contain %q", msg, tt.msg)
				}
				if after := counts(t, d); !mapsEqual(before, after) {
					t.Errorf("rows changed: before %v, after %v", before, after)
				}
				if snapshot(t, d) != snap {
					t.Errorf("a refused change altered stored rows")
				}
			})
		}
	})
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestAuditAndBatch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		before := counts(t, d)["audit_log"]
		// A batch is one transaction: a refusal in the middle undoes the
		// changes made before it.
		err := s.Update(ctx, func(w *org.Writer) error {
			if _, err := w.Rename(ctx, tr.x1.ID, d2020, "Khối Dân vận xã La Bằng Mới", ""); err != nil {
				return err
			}
			_, err := w.Move(ctx, tr.h1.ID, tr.h1.ID, d2020)
			return err
		})
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Fatalf("batch: %v", err)
		}
		if u, _ := s.Get(ctx, tr.x1.ID, d2026); u.Name != "Khối Dân vận xã La Bằng" {
			t.Errorf("rename in a refused batch survived: %q", u.Name)
		}
		if _, err := s.Rename(ctx, tr.x1.ID, d2020, "Khối Dân vận xã La Bằng Mới", ""); err != nil {
			t.Fatal(err)
		}
		var action, entity, beforeJSON, afterJSON string
		var entityID int64
		if err := d.QueryRowContext(ctx, `SELECT action, entity, entity_id, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1`).
			Scan(&action, &entity, &entityID, &beforeJSON, &afterJSON); err != nil {
			t.Fatal(err)
		}
		if action != "rename" || entity != "unit" || entityID != tr.x1.ID || !strings.Contains(beforeJSON, "La Bằng\"") || !strings.Contains(afterJSON, "La Bằng Mới") {
			t.Errorf("audit row = %s %s %d %s %s", action, entity, entityID, beforeJSON, afterJSON)
		}
		if n := counts(t, d)["audit_log"]; n != before+1 {
			t.Errorf("audit rows = %d, want %d", n, before+1)
		}
	})
}

// errText is the Vietnamese message of err, from org's catalog; it fails
// the test when the key is not in the catalog in both languages.
func errText(t *testing.T, err error) string {
	t.Helper()
	k, args := apperr.KeyOf(err)
	m, ok := org.Messages[k]
	if !ok || m.VI() == "" || m.EN() == "" {
		t.Errorf("error key %q is not in org.Messages in both languages", k)
	}
	return org.Messages.T(i18n.VI, k, args...)
}
