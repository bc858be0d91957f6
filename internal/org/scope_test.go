package org_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

func TestScopeUnits(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := org.NewStore(d)
		day := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
		mk := func(nu org.NewUnit) int64 {
			t.Helper()
			nu.ValidFrom = day(2015, 1, 1)
			u, err := s.Create(ctx, nu)
			if err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		root := mk(org.NewUnit{Code: "TW", Name: "Ban Dân vận Trung ương", Level: org.Central, Kind: org.Board})
		bk := mk(org.NewUnit{Code: "BK", Name: "Ban Dân vận Tỉnh ủy Bắc Kạn", Level: org.Province, Kind: org.Board, ParentID: root})
		tn := mk(org.NewUnit{Code: "TN", Name: "Ban Dân vận Tỉnh ủy Thái Nguyên", Level: org.Province, Kind: org.Board, ParentID: root})
		bkDist := mk(org.NewUnit{Code: "BK-1", Name: "Ban Dân vận Huyện ủy Ba Bể", Level: org.District, Kind: org.Board, ParentID: bk})
		bkCommune := mk(org.NewUnit{Code: "BK-1-1", Name: "Khối Dân vận xã Nam Mẫu", Level: org.Commune, Kind: org.CommuneBloc, ParentID: bkDist})
		tnDist := mk(org.NewUnit{Code: "TN-1", Name: "Ban Dân vận Huyện ủy Đại Từ", Level: org.District, Kind: org.Board, ParentID: tn})
		tnDist2 := mk(org.NewUnit{Code: "TN-2", Name: "Ban Dân vận Huyện ủy Phú Lương", Level: org.District, Kind: org.Board, ParentID: tn})
		moved := mk(org.NewUnit{Code: "TN-1-1", Name: "Khối Dân vận xã Yên Lãng", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tnDist})
		// 2020: the commune moves to the other district; it still lives.
		if _, err := s.Move(ctx, moved, tnDist2, day(2020, 1, 1)); err != nil {
			t.Fatal(err)
		}
		// 2025: Bắc Kạn merges into Thái Nguyên.
		if _, err := s.Merge(ctx, []int64{bk}, org.MergeTarget{ExistingID: tn}, day(2025, 7, 1)); err != nil {
			t.Fatal(err)
		}
		// Merging Bắc Kạn moved its district (and so the commune) under
		// Thái Nguyên; the closed province is linked to Thái Nguyên.
		bkTree := []int64{bk, bkDist, bkCommune}
		tests := []struct {
			name  string
			roots []int64
			want  []int64
		}{
			{"new province covers the merged province's old tree", []int64{tn}, append(bkTree, tn, tnDist, tnDist2, moved)},
			{"a district no longer covers a commune moved away", []int64{tnDist}, []int64{tnDist}},
			{"the district it moved to does", []int64{tnDist2}, []int64{tnDist2, moved}},
			{"root covers all", []int64{root}, append(bkTree, root, tn, tnDist, tnDist2, moved)},
			{"nothing", nil, nil},
		}
		for _, tt := range tests {
			got, err := s.ScopeUnits(ctx, tt.roots)
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			}
		}
	})
}

// TestScopeUnitsKeptSeesWrites: a server keeps the units a grant covers,
// and a change committed through another server (move, merge, split,
// create, close) is seen by its next call; a change rolled back is not;
// a Store over a transaction sees its uncommitted change and keeps
// nothing of it.
func TestScopeUnitsKeptSeesWrites(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			da, open := dbtest.Servers(t, kind)
			tr := build(t, da)
			db2 := open()
			a, b := tr.s, org.NewStore(db2)
			var extra org.Unit
			scope := func(s *org.Store, roots ...int64) []int64 {
				t.Helper()
				ids, err := s.ScopeUnits(ctx, roots)
				if err != nil {
					t.Fatal(err)
				}
				slices.Sort(ids)
				return ids
			}
			// fresh is a store that keeps nothing yet: the database's answer.
			fresh := func(roots ...int64) []int64 {
				t.Helper()
				return scope(org.NewStore(db2), roots...)
			}
			rootSets := [][]int64{{tr.p1.ID}, {tr.p2.ID}, {tr.h1.ID}, {tr.h2.ID}, {tr.h1.ID, tr.h2.ID}}
			check := func(step string) {
				t.Helper()
				for _, roots := range rootSets {
					kept, want := scope(b, roots...), fresh(roots...)
					if !slices.Equal(kept, want) {
						t.Errorf("%s: roots %v: kept %v, the database says %v", step, roots, kept, want)
					}
				}
			}
			check("start")
			// What a caller does to its answer does not reach the kept one.
			ids, err := b.ScopeUnits(ctx, []int64{tr.p1.ID})
			if err != nil {
				t.Fatal(err)
			}
			for i := range ids {
				ids[i] = -1
			}
			check("after the caller changed its copy")

			today := time.Now()
			day := org.Date(today.Year(), today.Month(), today.Day())
			has := func(ids []int64, id int64) bool { return slices.Contains(ids, id) }
			if !has(scope(b, tr.h1.ID), tr.x2.ID) || has(scope(b, tr.h2.ID), tr.x2.ID) {
				t.Fatalf("X2 should start under H1 alone")
			}
			// A move rolled back changes nothing.
			boom := errors.New("rolled back")
			err = a.Update(ctx, func(w *org.Writer) error {
				if _, err := w.Move(ctx, tr.x2.ID, tr.h2.ID, day); err != nil {
					return err
				}
				// Inside the transaction, a store over it sees the move
				// and keeps nothing of it.
				in := org.NewStore(db2.Within(w.Tx()))
				if got := scope(in, tr.h2.ID); !has(got, tr.x2.ID) {
					t.Errorf("inside the transaction, H2's scope %v lacks X2", got)
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatal(err)
			}
			check("rolled back")
			if has(scope(b, tr.h2.ID), tr.x2.ID) {
				t.Errorf("a rolled-back move is seen")
			}

			steps := []struct {
				name string
				do   func() error
				see  func() bool
			}{
				{"move", func() error {
					_, err := a.Move(ctx, tr.x2.ID, tr.h2.ID, day)
					return err
				}, func() bool { return has(scope(b, tr.h2.ID), tr.x2.ID) && !has(scope(b, tr.h1.ID), tr.x2.ID) }},
				{"merge", func() error {
					_, err := a.Merge(ctx, []int64{tr.x3.ID}, org.MergeTarget{ExistingID: tr.y1.ID}, day)
					return err
				}, func() bool { return has(scope(b, tr.h2.ID), tr.x3.ID) && !has(scope(b, tr.h1.ID), tr.x3.ID) }},
				{"create", func() error {
					u, err := a.Create(ctx, org.NewUnit{Code: "X9", Name: "Khối Dân vận xã Quân Chu", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID, ValidFrom: day})
					extra = u
					return err
				}, func() bool { return has(scope(b, tr.h1.ID), extra.ID) }},
				{"split", func() error {
					_, err := a.Split(ctx, tr.x1.ID, []org.SplitPart{
						{ExistingID: tr.y1.ID, Share: 0.5},
						{New: &org.NewUnit{Code: "X1B", Name: "Khối Dân vận xã La Bằng B", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.h1.ID}, Share: 0.5},
					}, day)
					return err
				}, func() bool { return has(scope(b, tr.h2.ID), tr.x1.ID) && has(scope(b, tr.h1.ID), tr.x1.ID) }},
				{"close", func() error {
					// Closed without a successor, the Front stays with its
					// province (the kept answer is compared in check).
					_, err := a.Close(ctx, tr.front1.ID, day)
					return err
				}, func() bool { return has(scope(b, tr.p1.ID), tr.front1.ID) }},
			}
			for _, st := range steps {
				if err := st.do(); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				check(st.name)
				if !st.see() {
					t.Errorf("%s: the other server does not see it", st.name)
				}
			}
		})
	}
}
