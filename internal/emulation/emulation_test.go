package emulation_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

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
		u := fixture.Tree(t, d)
		ctx := context.Background()
		s := emulation.NewStore(d, org.NewStore(d))
		in := emulation.Pledge{UnitID: u.ChiLang.ID, Title: "Giao ước thi đua năm 2021", Period: "2021", SignedOn: date(2021, 1, 15),
			Commitments: []emulation.Commitment{
				{Kind: emulation.Target, IndicatorCode: "HG01", Target: 20, Description: "Hòa giải thành công 20 vụ việc", MaxScore: 40},
				{Kind: emulation.Deliverable, Description: "Xây dựng một mô hình “Dân vận khéo”", MaxScore: 60},
			},
			Signatories: []emulation.Signatory{
				{UnitID: u.QuangLang.ID, Signer: "Nguyễn Văn A"},
				{UnitID: u.MaiSao.ID, Signer: "Trần Thị B", SignedOn: date(2021, 1, 16)},
			}}
		// A unit outside the board's subtree cannot sign.
		bad := in
		bad.Signatories = append([]emulation.Signatory{}, in.Signatories...)
		bad.Signatories = append(bad.Signatories, emulation.Signatory{UnitID: u.DongDang.ID, Signer: "X"})
		if _, err := s.Create(ctx, bad); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("outsider signs: %v", err)
		}
		p, err := s.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Commitments) != 2 || len(p.Signatories) != 2 || p.MaxTotal() != 100 || !p.Signatories[1].SignedOn.Equal(date(2021, 1, 16)) {
			t.Fatalf("pledge = %+v", p)
		}
		c1, c2 := p.Commitments[0].ID, p.Commitments[1].ID
		ql, ms := p.Signatories[0].ID, p.Signatories[1].ID
		if _, err := s.SetScores(ctx, p.ID, []emulation.Score{{ql, c1, 41}}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("score over max: %v", err)
		}
		p, err = s.SetScores(ctx, p.ID, []emulation.Score{{ql, c1, 30}, {ql, c2, 50}, {ms, c1, 40}, {ms, c2, 40}})
		if err != nil {
			t.Fatal(err)
		}
		r := emulation.Rank(p.Signatories)
		if r[0].Rank != 1 || r[1].Rank != 1 || !r[0].Tied || r[0].Total != 80 || r[0].Signatory.UnitName != "Khối Dân vận xã Mai Sao" {
			t.Errorf("tie: %+v", r)
		}
		p, err = s.SetScores(ctx, p.ID, []emulation.Score{{ms, c2, 45}})
		if err != nil {
			t.Fatal(err)
		}
		r = emulation.Rank(p.Signatories)
		if r[0].Signatory.UnitID != u.MaiSao.ID || r[0].Total != 85 || r[1].Rank != 2 || r[0].Tied {
			t.Errorf("after rescoring: %+v", r)
		}
		rows, err := s.List(ctx, false, []int64{u.ChiLang.ID}, 0, 0)
		if err != nil || len(rows) != 1 || rows[0].Signatories != 2 {
			t.Errorf("list = %+v, %v", rows, err)
		}
	})
}
