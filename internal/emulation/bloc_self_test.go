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

// selfSheet writes a self-scoring sheet of lines.
func selfSheet(t *testing.T, lines ...blocsheet.SelfLine) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := blocsheet.WriteSelf(&b, "Khối Dân vận xã Chi Lăng", lines); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func set(v float64) blocsheet.Cell { return blocsheet.Cell{Set: true, Value: v} }

// TestCriteriaEditAndSelfImport: the organizer edits and removes lines of
// the criteria table (the lines after a removed one move up), a member
// imports its own scores from its self-scoring sheet all or nothing, and
// once anyone has scored, editing and removing are refused with the
// reason; the audit log keeps the edits.
func TestCriteriaEditAndSelfImport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, _, u := newStore(t, d)
		ctx := context.Background()
		organizer := world.Person("officer.langson", auth.RoleOfficer, u.LangSon.ID)
		b, err := s.CreateBloc(ctx, organizer, emulation.BlocGroup{UnitID: u.LangSon.ID, Kind: emulation.Cluster, Name: "Cụm số 3"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetMembers(ctx, organizer, b.ID, 2026, []int64{u.NewChiLang.ID, u.NewDongDang.ID}); err != nil {
			t.Fatal(err)
		}
		y, err := s.AddCriteria(ctx, organizer, b.ID, 2026, []emulation.BlocCriterion{{Title: "Triển khai Quy chế dân chủ ở cơ sở", MaxPoints: 60},
			{Title: "Dòng nhập nhầm", MaxPoints: 10}, {Title: "Mô hình Dân vận khéo", MaxPoints: 30}, {Kind: emulation.Penalty, Title: "Báo cáo chậm", MaxPoints: 5}})
		if err != nil {
			t.Fatal(err)
		}
		member := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		// Only the organizer edits; a bad line is refused by field.
		edit := emulation.BlocCriterion{ID: y.Criteria[2].ID, Title: "Mô hình “Dân vận khéo”", MaxPoints: 40, Evidence: "Quyết định công nhận"}
		if _, err := s.UpdateCriterion(ctx, member, b.ID, 2026, edit); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a member edits the criteria: %v", err)
		}
		if _, err := s.UpdateCriterion(ctx, organizer, b.ID, 2026, emulation.BlocCriterion{ID: edit.ID, Title: " ", MaxPoints: 0}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("an empty line: %v", err)
		}
		if _, err := s.UpdateCriterion(ctx, organizer, b.ID, 2025, edit); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("a line of a year the bloc has not: %v", err)
		}
		if y, err = s.UpdateCriterion(ctx, organizer, b.ID, 2026, edit); err != nil || y.Criteria[2].MaxPoints != 40 || y.Criteria[2].Evidence != "Quyết định công nhận" {
			t.Fatalf("edit: %+v %v", y.Criteria, err)
		}
		if y, err = s.RemoveCriterion(ctx, organizer, b.ID, 2026, y.Criteria[1].ID); err != nil || len(y.Criteria) != 3 ||
			y.Criteria[1].Title != "Mô hình “Dân vận khéo”" || y.Criteria[1].Number != 2 {
			t.Fatalf("remove: %+v %v", y.Criteria, err)
		}
		// A self-scoring sheet with a line number the table has not, a score
		// above its maximum and a line twice is refused whole.
		bad := selfSheet(t,
			blocsheet.SelfLine{Number: 1, Title: "Triển khai Quy chế dân chủ ở cơ sở", Max: 60, Score: set(50)},
			blocsheet.SelfLine{Number: 2, Max: 40, Score: set(45)},
			blocsheet.SelfLine{Number: 7, Score: set(1)},
			blocsheet.SelfLine{Title: "trien khai quy che dan chu o co so", Score: set(3)})
		before := dbtest.Snapshot(t, d)
		_, _, err = s.ImportSelf(ctx, member, b.ID, 2026, u.NewChiLang.ID, bytes.NewReader(bad), true)
		es, ok := err.(apperr.Errors)
		if !ok || len(es) != 3 || es.Field("D3") == nil || es.Field("A4") == nil || es.Field("A5") == nil {
			t.Fatalf("bad sheet: %v", err)
		}
		if dbtest.Snapshot(t, d) != before {
			t.Fatal("a refused sheet wrote")
		}
		good := selfSheet(t,
			blocsheet.SelfLine{Number: 1, Score: set(50)},
			blocsheet.SelfLine{Title: "mo hinh “dan van kheo”", Score: set(35.5)},
			blocsheet.SelfLine{Number: 3, Score: set(1)})
		other := world.Person("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
		if _, _, err := s.ImportSelf(ctx, other, b.ID, 2026, u.NewChiLang.ID, bytes.NewReader(good), true); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("another member imports Chi Lăng's scores: %v", err)
		}
		y, n, err := s.ImportSelf(ctx, member, b.ID, 2026, u.NewChiLang.ID, bytes.NewReader(good), true)
		if err != nil || n != 3 {
			t.Fatalf("good sheet: %d %v", n, err)
		}
		m, _ := y.Member(u.NewChiLang.ID)
		if !m.Submitted || m.Self[y.Criteria[1].ID] != 35.5 || y.Ranking()[0].Total != 84.5 {
			t.Errorf("after import: %+v %+v", m, y.Ranking())
		}
		if _, _, err := s.ImportSelf(ctx, member, b.ID, 2026, u.NewChiLang.ID, bytes.NewReader(good), false); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("imported again after handing in: %v", err)
		}
		// The sheet written for the other member lists the lines to fill.
		var out bytes.Buffer
		m2, _ := y.Member(u.NewDongDang.ID)
		if err := emulation.SelfSheet(&out, y, m2); err != nil {
			t.Fatal(err)
		}
		if lines, err := blocsheet.ReadSelf(&out); err != nil || len(lines) != 3 || lines[2].Title != "Báo cáo chậm" || lines[0].Score.Set {
			t.Errorf("self sheet: %+v %v", lines, err)
		}
		// Scoring has begun: the table stays as it is, with the reason.
		if _, err := s.UpdateCriterion(ctx, organizer, b.ID, 2026, edit); key(err) != "emulation.bloc.err.started" {
			t.Errorf("edit after scoring: %v", err)
		}
		if _, err := s.RemoveCriterion(ctx, organizer, b.ID, 2026, y.Criteria[2].ID); key(err) != "emulation.bloc.err.started" {
			t.Errorf("remove after scoring: %v", err)
		}
		var audits int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'bloc' AND action IN ('criterion_edit', 'criterion_remove')`).Scan(&audits); err != nil || audits != 2 {
			t.Errorf("audit entries: %d %v", audits, err)
		}
	})
}
