package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
)

// TestDemoLooksLived: the demo reads like a province at work. Tasks of
// past years are nearly all closed and this year's late ones a minority;
// every report of a period that has ended is decided, the running
// period is partly submitted; the demo officer's own commune (the first
// commune of a province, as auth.DemoAccounts picks it) has conferences,
// tasks, models and pledges.
func TestDemoLooksLived(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	ctx := context.Background()
	if err := demo.GenerateAll(ctx, d, demo.Options{Scale: "small", Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := d.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	yearStart := d.Now().Format("2006") + "-01-01"
	past := count(`SELECT COUNT(*) FROM meeting_tasks WHERE due_end < ?`, yearStart)
	closed := count(`SELECT COUNT(*) FROM meeting_tasks WHERE due_end < ? AND status IN ('done', 'dropped')`, yearStart)
	if past == 0 || closed*100 < past*85 {
		t.Errorf("tasks of past years closed: %d of %d, want at least 85%%", closed, past)
	}
	t.Logf("tasks of past years closed: %d of %d", closed, past)
	last := demo.LastReportPeriod.String()
	if n := count(`SELECT COUNT(*) FROM reports WHERE period <> ? AND period LIKE '____S_' AND status <> 'approved'`, last); n != 0 {
		t.Errorf("%d reports of ended periods are not decided", n)
	}
	running := count(`SELECT COUNT(*) FROM reports WHERE period = ?`, last)
	waiting := count(`SELECT COUNT(*) FROM reports WHERE period = ? AND status IN ('draft', 'submitted', 'returned')`, last)
	if running == 0 || waiting == 0 || waiting == running {
		t.Errorf("the running period: %d reports, %d not approved; want it partly done", running, waiting)
	}
	units := org.NewStore(d)
	accounts, err := auth.DemoAccounts(ctx, auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams}), units)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range accounts {
		if a.Role != auth.RoleOfficer {
			continue
		}
		if n := count(`SELECT COUNT(*) FROM meeting_conferences WHERE unit_id = ?`, a.UnitID); n == 0 {
			t.Errorf("the demo officer's commune (%s) has no conferences", a.UnitName)
		}
		if n := count(`SELECT COUNT(*) FROM meeting_task_owners WHERE unit_id = ?`, a.UnitID); n == 0 {
			t.Errorf("the demo officer's commune (%s) owns no tasks", a.UnitName)
		}
		if n := count(`SELECT COUNT(*) FROM practices WHERE unit_id = ?`, a.UnitID); n == 0 {
			t.Errorf("the demo officer's commune (%s) has no models", a.UnitName)
		}
		// It signed last year's pledge, scored in full, and this year's.
		if n := count(`SELECT COUNT(*) FROM emulation_signatories WHERE unit_id = ?`, a.UnitID); n != 2 {
			t.Errorf("the demo officer's commune (%s) signed %d pledges, want 2", a.UnitName, n)
		}
		if n := count(`SELECT COUNT(*) FROM emulation_scores sc JOIN emulation_signatories sg ON sg.id = sc.signatory_id WHERE sg.unit_id = ?`, a.UnitID); n != 6 {
			t.Errorf("the demo officer's commune (%s) has %d scores, want 4 + 2", a.UnitName, n)
		}
	}
}
