package demo_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
)

func TestGenerateMeetingsSmall(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	ctx := context.Background()
	if err := demo.Generate(ctx, d, demo.Options{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if err := demo.GenerateMeetings(ctx, d, demo.Options{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		var n int
		if err := d.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count("SELECT COUNT(*) FROM meeting_conferences WHERE source_hash IS NOT NULL"); n != 5 {
		t.Errorf("imported samples = %d, want 5", n)
	}
	if n := count("SELECT COUNT(DISTINCT unit_id) FROM meeting_conferences c JOIN units u ON u.id = c.unit_id WHERE u.level = 'province'"); n < 2 {
		t.Errorf("provinces with conferences = %d", n)
	}
	today := d.Now().Format("2006-01-02")
	if n := count("SELECT COUNT(*) FROM meeting_tasks WHERE status IN ('open', 'in_progress') AND due_end < '" + today + "'"); n == 0 {
		t.Errorf("no overdue tasks")
	}
	if n := count("SELECT COUNT(*) FROM meeting_tasks WHERE status = 'done'"); n == 0 {
		t.Errorf("no done tasks")
	}
	// The same officials come back: fewer people than participations.
	if p, m := count("SELECT COUNT(*) FROM meeting_people"), count("SELECT COUNT(*) FROM meeting_participants"); p*2 > m {
		t.Errorf("people %d for %d participations", p, m)
	}
}
