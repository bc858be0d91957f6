package org_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

// adminToday is "today" in these tests.
var adminToday = org.Date(2026, 3, 2)

// grantOn is an Authorizer that administers the subtrees (in today's
// tree) of its roots, as an admin grant does.
type grantOn struct {
	s     *org.Store
	roots []int64
	err   error // a failure to find out, returned for every question
	asked *[]int64
}

func (g grantOn) Administers(ctx context.Context, id int64) (bool, error) {
	if g.asked != nil {
		*g.asked = append(*g.asked, id)
	}
	if g.err != nil {
		return false, g.err
	}
	u, err := g.s.Get(ctx, id, adminToday)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, r := range u.PathIDs() {
		if slices.Contains(g.roots, r) {
			return true, nil
		}
	}
	return false, nil
}

// TestCrossLevelMergeOfChildlessDistrict: a district with no units below
// merged into its province, or merged with a commune, is refused by the
// level rule itself (org.err.merge_level). Nothing else would refuse it:
// with no children to move, no placement rule is ever asked, so this
// test fails if the level check is removed.
func TestCrossLevelMergeOfChildlessDistrict(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		empty := mustCreate(t, s, org.NewUnit{Code: "H3", Name: "Ban Dân vận Huyện ủy Phổ Yên", Level: org.District, Kind: org.Board, ParentID: tr.p1.ID, ValidFrom: d2015})
		kids, err := s.Children(ctx, empty.ID, d2020)
		if err != nil || len(kids) != 0 {
			t.Fatalf("the district should have no children: %v %v", kids, err)
		}
		tests := []struct {
			name  string
			ids   []int64
			into  org.MergeTarget
			field string
			key   string
		}{
			{"district into its province", []int64{empty.ID}, org.MergeTarget{ExistingID: tr.p1.ID}, "into", "org.err.merge_level"},
			{"district into a commune", []int64{empty.ID}, org.MergeTarget{ExistingID: tr.x1.ID}, "into", "org.err.merge_level"},
			{"district with a commune", []int64{tr.x2.ID, empty.ID}, org.MergeTarget{ExistingID: tr.x1.ID}, "ids", "org.err.merge_level"},
			{"district into a new province", []int64{empty.ID, tr.h1.ID}, org.MergeTarget{New: &org.NewUnit{Code: "NP", Name: "Ban Dân vận Tỉnh ủy Mới",
				Level: org.Province, Kind: org.Board, ParentID: tr.tw.ID}}, "into", "org.err.merge_new_level"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before, snap := counts(t, d), snapshot(t, d)
				_, err := s.Merge(ctx, tt.ids, tt.into, d2025)
				e, ok := apperr.As(err)
				if !ok || e.Code != apperr.CodeInvalid || e.Key != tt.key || e.Field != tt.field {
					t.Fatalf("merge = %v, want invalid %s on %q", err, tt.key, tt.field)
				}
				errText(t, err)
				if !mapsEqual(before, counts(t, d)) || snapshot(t, d) != snap {
					t.Error("a refused merge changed stored rows")
				}
			})
		}
	})
}

// TestApplyChecksEveryUnit: a change asked for by a person is refused
// unless they administer every unit it touches, before anything is
// written, by Preview and Apply alike.
func TestApplyChecksEveryUnit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		d.SetClock(func() time.Time { return adminToday })
		tr := build(t, d)
		s := tr.s
		p1 := grantOn{s: s, roots: []int64{tr.p1.ID}}   // the admin of Thái Nguyên
		x1 := grantOn{s: s, roots: []int64{tr.x1.ID}}   // the admin of one commune
		both := grantOn{s: s, roots: []int64{tr.tw.ID}} // a national admin
		date := org.Date(2026, 7, 1)
		newCommune := func(code string) *org.NewUnit {
			return &org.NewUnit{Code: code, Name: "Khối Dân vận xã " + code, Kind: org.CommuneBloc}
		}
		refused := []struct {
			name string
			a    org.Authorizer
			ch   org.Change
		}{
			{"rename another province's commune", p1, org.Change{Op: org.OpRename, Unit: tr.y1.ID, Date: date, Name: "X"}},
			{"create under another province", p1, org.Change{Op: org.OpCreate, Unit: tr.h2.ID, Date: date,
				New: org.NewUnit{Code: "N1", Name: "Khối Dân vận xã N1", Level: org.Commune, Kind: org.CommuneBloc}}},
			{"move under another province", p1, org.Change{Op: org.OpMove, Unit: tr.x1.ID, Date: date, Parent: tr.h2.ID}},
			{"move a commune up by its own admin", x1, org.Change{Op: org.OpMove, Unit: tr.x1.ID, Date: date, Parent: tr.p1.ID}},
			{"merge with another province's commune", p1, org.Change{Op: org.OpMerge, Unit: tr.x1.ID, Date: date,
				With: []int64{tr.y1.ID}, Into: org.MergeTarget{ExistingID: tr.x2.ID}}},
			{"merge into another province's commune", p1, org.Change{Op: org.OpMerge, Unit: tr.x1.ID, Date: date,
				Into: org.MergeTarget{ExistingID: tr.y1.ID}}},
			{"merge into a new unit under another province", p1, org.Change{Op: org.OpMerge, Unit: tr.x1.ID, Date: date,
				With: []int64{tr.x2.ID}, Into: org.MergeTarget{New: &org.NewUnit{Code: "M1", Name: "M1", Kind: org.CommuneBloc, ParentID: tr.h2.ID}}}},
			{"split into another province's commune", p1, org.Change{Op: org.OpSplit, Unit: tr.x1.ID, Date: date,
				Parts: []org.SplitPart{{ExistingID: tr.x2.ID, Share: 0.5}, {ExistingID: tr.y1.ID, Share: 0.5}}}},
			{"split into new units under a parent not administered", x1, org.Change{Op: org.OpSplit, Unit: tr.x1.ID, Date: date,
				Parts: []org.SplitPart{{New: newCommune("S1"), Share: 0.5}, {New: newCommune("S2"), Share: 0.5}}}},
			{"close another province's commune", p1, org.Change{Op: org.OpClose, Unit: tr.y1.ID, Date: date}},
		}
		for _, tt := range refused {
			t.Run(tt.name, func(t *testing.T) {
				before, snap := counts(t, d), snapshot(t, d)
				for _, run := range []func(context.Context, org.Authorizer, org.Change) (org.Outcome, error){s.Preview, s.Apply} {
					_, err := run(ctx, tt.a, tt.ch)
					if apperr.CodeOf(err) != apperr.CodeForbidden {
						t.Fatalf("err = %v, want forbidden", err)
					}
					errText(t, err)
				}
				if !mapsEqual(before, counts(t, d)) || snapshot(t, d) != snap {
					t.Error("a refused change wrote something")
				}
			})
		}

		// Allowed: a preview says what will change and changes nothing;
		// Apply makes the same change.
		ch := org.Change{Op: org.OpMerge, Unit: tr.x1.ID, Date: date, With: []int64{tr.x2.ID},
			Into: org.MergeTarget{New: &org.NewUnit{Code: "M2", Name: "Khối Dân vận xã Hợp Nhất", Kind: org.CommuneBloc, ParentID: tr.h1.ID}}}
		before, snap := counts(t, d), snapshot(t, d)
		prev, err := s.Preview(ctx, p1, ch)
		if err != nil {
			t.Fatal(err)
		}
		if !mapsEqual(before, counts(t, d)) || snapshot(t, d) != snap {
			t.Fatal("a preview wrote something")
		}
		if len(prev.Ending) != 2 || len(prev.Starting) != 1 || prev.Starting[0].Name != "Khối Dân vận xã Hợp Nhất" ||
			!prev.LastDay.Equal(org.Date(2026, 6, 30)) || prev.Receiver != nil {
			t.Errorf("preview = %+v", prev)
		}
		done, err := s.Apply(ctx, p1, ch)
		if err != nil {
			t.Fatal(err)
		}
		if done.Result.Code != "M2" || len(done.Ending) != 2 {
			t.Errorf("applied = %+v", done)
		}
		if u, err := s.Get(ctx, done.Result.ID, date); err != nil || u.ParentID != tr.h1.ID {
			t.Errorf("merged unit: %+v %v", u, err)
		}

		// A move says where from and where to and how many units go with it.
		out, err := s.Preview(ctx, both, org.Change{Op: org.OpMove, Unit: tr.h2.ID, Date: date, Parent: tr.p1.ID})
		if err != nil {
			t.Fatal(err)
		}
		if out.Moved == nil || out.Moved[0].ID != tr.p2.ID || out.Moved[1].ID != tr.p1.ID || out.Affected != 1 {
			t.Errorf("move preview = %+v", out)
		}

		// A failure to find out is not a refusal: it is passed on.
		broken := grantOn{s: s, err: errors.New("database gone")}
		if _, err := s.Apply(ctx, broken, org.Change{Op: org.OpClose, Unit: tr.y1.ID, Date: date}); apperr.CodeOf(err) != apperr.CodeInternal {
			t.Errorf("authorizer failure = %v, want an internal error", err)
		}
		if _, err := s.Administered(ctx, broken, tr.y1.ID, adminToday); apperr.CodeOf(err) != apperr.CodeInternal {
			t.Errorf("Administered with a failing authorizer = %v", err)
		}
	})
}

// TestApplyAsksAboutEveryUnit records which units a merge into a new unit
// and a split with a new part ask about: the unit, the others merged,
// the new unit's parent; the unit, an existing part, the new part's
// parent.
func TestApplyAsksAboutEveryUnit(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	ctx := context.Background()
	d.SetClock(func() time.Time { return adminToday })
	tr := build(t, d)
	s := tr.s
	date := org.Date(2026, 7, 1)
	var asked []int64
	a := grantOn{s: s, roots: []int64{tr.tw.ID}, asked: &asked}
	if _, err := s.Preview(ctx, a, org.Change{Op: org.OpMerge, Unit: tr.x1.ID, Date: date, With: []int64{tr.x2.ID},
		Into: org.MergeTarget{New: &org.NewUnit{Code: "M", Name: "M", Kind: org.CommuneBloc, ParentID: tr.h1.ID}}}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{tr.x1.ID, tr.x2.ID, tr.h1.ID} {
		if !slices.Contains(asked, id) {
			t.Errorf("merge did not ask about unit %d (asked %v)", id, asked)
		}
	}
	asked = nil
	if _, err := s.Preview(ctx, a, org.Change{Op: org.OpSplit, Unit: tr.x1.ID, Date: date, Parts: []org.SplitPart{
		{ExistingID: tr.x2.ID, Share: 0.4}, {New: &org.NewUnit{Code: "S", Name: "S"}, Share: 0.6}}}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{tr.x1.ID, tr.x2.ID, tr.h1.ID} {
		if !slices.Contains(asked, id) {
			t.Errorf("split did not ask about unit %d (asked %v)", id, asked)
		}
	}
}

// TestAdministeredAndPickable: the unit an administration page is about,
// and the choices its forms offer, are the living units the user
// administers.
func TestAdministeredAndPickable(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		d.SetClock(func() time.Time { return adminToday })
		tr := build(t, d)
		s := tr.s
		if _, err := s.Close(ctx, tr.x3.ID, org.Date(2025, 1, 1)); err != nil {
			t.Fatal(err)
		}
		p1 := grantOn{s: s, roots: []int64{tr.p1.ID}}
		tests := []struct {
			id   int64
			code apperr.Code
		}{
			{tr.x1.ID, ""},
			{tr.y1.ID, apperr.CodeForbidden},
			{424242, apperr.CodeNotFound},
			{tr.x3.ID, apperr.CodeForbidden}, // closed: no longer in today's subtree
		}
		for _, tt := range tests {
			_, err := s.Administered(ctx, p1, tt.id, adminToday)
			if apperr.CodeOf(err) != tt.code {
				t.Errorf("Administered(%d) = %v, want %q", tt.id, err, tt.code)
			}
		}
		// The system administers the closed commune, which is not there today.
		if _, err := s.Administered(ctx, org.System, tr.x3.ID, adminToday); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("closed unit = %v, want not found", err)
		}
		x3, err := s.Get(ctx, tr.x3.ID, org.Date(2024, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Pickable(ctx, p1, []org.Unit{tr.x1, tr.y1, tr.x1, tr.x2, x3, tr.h1}, tr.h1.ID)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "pickable", got, "X1", "X2")
		found, err := s.SearchAdministered(ctx, p1, "khoi dan van", adminToday, 0)
		if err != nil {
			t.Fatal(err)
		}
		codesEqual(t, "search", found, "X2", "X1")
		if none, err := s.SearchAdministered(ctx, p1, "  ", adminToday, 0); err != nil || len(none) != 0 {
			t.Errorf("empty search = %v %v", none, err)
		}
	})
}
