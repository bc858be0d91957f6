package meeting_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// TestTaskOwnerSeesTheConference: the commune a province's conference
// gave a task reads that conference's public part (its own task only, no
// documents); the commune's neighbour's task and the documents stay
// hidden, and an officer of another province is still refused.
func TestTaskOwnerSeesTheConference(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		files, err := blob.Open(context.Background(), "mem://")
		if err != nil {
			t.Fatal(err)
		}
		s.WithFiles(files)
		ctx := context.Background()
		c := record(t, s, meeting.Conference{UnitID: u.LangSon.ID, Kind: meeting.TrienKhai, Title: "Triển khai nhiệm vụ năm 2026",
			HeldOn: org.Date(2025, 12, 1), Tasks: []meeting.Task{
				{Title: "Việc của xã Chi Lăng", Period: "2026", Owners: []int64{u.NewChiLang.ID}},
				{Title: "Việc của xã Đồng Đăng", Period: "2026", Owners: []int64{u.NewDongDang.ID}},
			}})
		if _, err := s.AddDocument(ctx, world.Admin, c.ID, meeting.DocReport, "bao-cao.txt", "text/plain", []byte("Báo cáo")); err != nil {
			t.Fatal(err)
		}
		owner := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		got, err := s.Conference(ctx, owner, c.ID)
		if err != nil {
			t.Fatalf("the owner of a task reads its conference: %v", err)
		}
		if !got.OwnerView || len(got.Tasks) != 1 || got.Tasks[0].Title != "Việc của xã Chi Lăng" || len(got.Documents) != 0 {
			t.Errorf("owner's view: OwnerView %v, %d tasks, %d documents", got.OwnerView, len(got.Tasks), len(got.Documents))
		}
		full, err := s.Conference(ctx, world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID), c.ID)
		if err != nil || full.OwnerView || len(full.Tasks) != 2 || len(full.Documents) != 1 {
			t.Errorf("the province's leader sees %+v, %v", full, err)
		}
		stranger := world.Person("officer.myxuyen", auth.RoleOfficer, u.NewMyXuyen.ID)
		if _, err := s.Conference(ctx, stranger, c.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("an officer of another province reads it: %v", err)
		}
	})
}
