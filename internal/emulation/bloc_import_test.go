package emulation_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/emulation/blocsheet"
)

func fp(f float64) *float64 { return &f }

// TestImportReviewAllOrNothing: a scoring table with one wrong cell
// writes nothing and names every wrong cell; the right table writes
// every score in one go; only the year's leader imports.
func TestImportReviewAllOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		organizer := world.Person("officer.langson", auth.RoleOfficer, u.LangSon.ID)
		b, err := s.CreateBloc(ctx, organizer, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: "Cụm số 2"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2026, []int64{u.NewChiLang.ID, u.NewDongDang.ID}); err != nil {
			t.Fatal(err)
		}
		y, err := s.AddCriteria(ctx, organizer, b.ID, 2026, []emulation.BlocCriterion{{Title: "Triển khai Quy chế dân chủ ở cơ sở", MaxPoints: 60},
			{Title: "Mô hình “Dân vận khéo”", MaxPoints: 40}, {Kind: emulation.Penalty, Title: "Báo cáo chậm", MaxPoints: 5}})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []int64{u.NewChiLang.ID, u.NewDongDang.ID} {
			if _, err := s.SelfScore(ctx, organizer, b.ID, 2026, m, map[int64]float64{y.Criteria[0].ID: 50, y.Criteria[1].ID: 30}, true); err != nil {
				t.Fatal(err)
			}
		}
		sheet := func(headers []string, lines ...blocsheet.Line) []byte {
			var buf bytes.Buffer
			if err := blocsheet.Write(&buf, headers, lines); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		// Columns by number and by title written without diacritics.
		headers := []string{"1. Triển khai QCDC", "mo hinh “dan van kheo”", "3"}
		bad := sheet(headers,
			blocsheet.Line{Code: "LS-X1", Scores: []*float64{fp(55), fp(35), nil}},
			blocsheet.Line{Code: "LS-X2", Scores: []*float64{fp(61), fp(20), fp(2)}},
			blocsheet.Line{Code: "ST-X1", Scores: []*float64{fp(10)}})
		leader := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		before := dbtest.Snapshot(t, d)
		_, _, err = s.ImportReview(ctx, leader, b.ID, 2026, bytes.NewReader(bad))
		es, ok := err.(apperr.Errors)
		if !ok || len(es) != 2 || es.Field("C3") == nil || es.Field("A4") == nil {
			t.Fatalf("bad table: %v", err)
		}
		if after := dbtest.Snapshot(t, d); after != before {
			t.Fatal("a refused table wrote")
		}
		if _, _, err := s.ImportReview(ctx, leader, b.ID, 2026, bytes.NewReader(sheet([]string{"9. Không có"}, blocsheet.Line{Code: "LS-X1", Scores: []*float64{fp(1)}}))); err == nil {
			t.Error("an unknown column was accepted")
		}
		good := sheet(headers,
			blocsheet.Line{Code: "LS-X1", Scores: []*float64{fp(55), fp(35), nil}},
			blocsheet.Line{Code: "ls-x2", Scores: []*float64{fp(58), fp(20), fp(2)}})
		other := world.Person("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
		if _, _, err := s.ImportReview(ctx, other, b.ID, 2026, bytes.NewReader(good)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("the deputy imports: %v", err)
		}
		y, n, err := s.ImportReview(ctx, leader, b.ID, 2026, bytes.NewReader(good))
		if err != nil || n != 5 {
			t.Fatalf("good table: %d %v", n, err)
		}
		r := y.Ranking()
		if r[0].Signatory.UnitID != u.NewChiLang.ID || r[0].Total != 90 || r[1].Total != 76 || y.Status != emulation.Scoring {
			t.Errorf("after import: %+v", r)
		}
		// The template carries the scores back out.
		codes, err := s.MemberCodes(ctx, y)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := emulation.ScoreSheet(&out, y, codes); err != nil {
			t.Fatal(err)
		}
		sh, err := blocsheet.Read(&out)
		if err != nil || len(sh.Rows) != 2 || sh.Rows[1].UnitCode != "LS-X2" || sh.Rows[1].Scores[0].Value != 58 {
			t.Errorf("template: %+v %v", sh, err)
		}
	})
}
