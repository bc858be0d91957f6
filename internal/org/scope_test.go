package org_test

import (
	"context"
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
