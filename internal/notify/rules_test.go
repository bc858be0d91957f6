package notify_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/org"
)

// TestScheduleAndUnsubscribeRules: only the system's operator sets the
// schedule, a bad one is refused; a person unsubscribes only themself
// and only from kinds that exist; refused calls write nothing.
func TestScheduleAndUnsubscribeRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := fixture.NewWorld(t, d, org.Date(2026, 12, 2))
		officer := w.Person("canbo.ls", auth.RoleOfficer, w.LangSon.ID)
		n := notify.New(d, notify.Config{})
		before := dbtest.Snapshot(t, d)
		if err := n.SetSettings(ctx, w.Admin, notify.DefaultSettings); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a national admin sets the schedule: %v", err)
		}
		bad := notify.DefaultSettings
		bad.Hour = 24
		if err := n.SetSettings(ctx, auth.System(), bad); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("hour 24: %v", err)
		}
		if err := n.SetUnsubscribed(ctx, officer, []notify.Kind{"report_due", "no_such_kind"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("an unknown kind: %v", err)
		}
		if err := n.SetUnsubscribed(ctx, nil, []notify.Kind{"report_due"}); apperr.CodeOf(err) != apperr.CodeUnauthorized {
			t.Errorf("a visitor unsubscribes: %v", err)
		}
		if after := dbtest.Snapshot(t, d); after != before {
			t.Error("a refused call wrote something")
		}
		good := notify.Settings{Hour: 6, ReportOffsetDays: -5, ReportLeadDays: 10, TaskLeadDays: 2, OverdueDays: 15}
		if err := n.SetSettings(ctx, auth.System(), good); err != nil {
			t.Fatal(err)
		}
		got, err := n.Settings(ctx)
		if err != nil || got.Hour != 6 || got.ReportOffsetDays != -5 || got.ReportLeadDays != 10 || got.TaskLeadDays != 2 || got.OverdueDays != 15 {
			t.Errorf("settings read back: %+v %v", got, err)
		}
		if err := n.SetUnsubscribed(ctx, officer, []notify.Kind{notify.TaskDue, notify.TaskDue}); err != nil {
			t.Fatal(err)
		}
		if off, err := n.Unsubscribed(ctx, officer); err != nil || len(off) != 1 || off[0] != notify.TaskDue {
			t.Errorf("unsubscribed: %v %v", off, err)
		}
		if off, _ := n.Unsubscribed(ctx, w.Admin); len(off) != 0 {
			t.Errorf("the admin's kinds changed with the officer's: %v", off)
		}
	})
}

// TestParseSMTP reads --smtp URLs and refuses the unsafe or incomplete.
func TestParseSMTP(t *testing.T) {
	s, err := notify.ParseSMTP("smtp://nhac%40viec:m%E1%BA%ADt@mail.example.vn?from=nhacviec@example.vn")
	if err != nil || s.Addr != "mail.example.vn:587" || s.Security != "starttls" || s.User != "nhac@viec" || s.Password != "mật" || s.From != "nhacviec@example.vn" {
		t.Errorf("smtp://: %+v %v", s, err)
	}
	if s, err := notify.ParseSMTP("smtps://u:p@mail.example.vn?from=a@example.vn"); err != nil || s.Addr != "mail.example.vn:465" || s.Security != "tls" {
		t.Errorf("smtps://: %+v %v", s, err)
	}
	if s, err := notify.ParseSMTP("smtp://localhost:25?security=none&from=a@example.vn"); err != nil || s.Security != "none" {
		t.Errorf("a local relay: %+v %v", s, err)
	}
	for _, bad := range []string{
		"smtp://u:p@localhost:25?security=none&from=a@example.vn", // a password in clear
		"smtp://mail.example.vn",                                  // no sender
		"smtp://mail.example.vn?from=not-an-address",
		"http://mail.example.vn?from=a@example.vn",
		"smtps://mail.example.vn?security=none&from=a@example.vn",
	} {
		if _, err := notify.ParseSMTP(bad); err == nil {
			t.Errorf("%s was accepted", bad)
		}
	}
}
