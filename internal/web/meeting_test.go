package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// meetingSeed is what the home page test shows: a conference of the new
// commune of Chi Lăng and its task, due 31 January 2026. (The feature's
// own tests are in package meetingui; this stays until the home page's
// test moves onto webtest.)
type meetingSeed struct {
	conf meeting.Conference
	task meeting.Task
}

func seedMeeting(t *testing.T, s *site) meetingSeed {
	t.Helper()
	ctx := context.Background()
	sess, err := s.auth.StartSession(ctx, s.users["admin"].ID, "192.0.2.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := s.auth.Authenticate(ctx, sess.Token)
	if err != nil {
		t.Fatal(err)
	}
	units := org.NewStore(s.db)
	c, err := meeting.NewStore(s.db, units, s.auth).Create(ctx, admin, meeting.Conference{UnitID: s.units.NewChiLang.ID, Kind: meeting.SoKet,
		Title: "Sơ kết công tác dân vận 6 tháng cuối năm 2025", HeldOn: time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), Period: "2025S2",
		Tasks: []meeting.Task{{Title: "Rà soát các mô hình “Dân vận khéo”", DueOn: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)}}})
	if err != nil {
		t.Fatal(err)
	}
	return meetingSeed{conf: c, task: c.Tasks[0]}
}
