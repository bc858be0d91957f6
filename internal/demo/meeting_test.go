package demo_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/db"
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

// TestGenerateMeetingsForeignKeys: the conferences are written with the
// meeting tables' foreign keys put aside on PostgreSQL; they come back
// as they were, and every reference written holds on both databases.
func TestGenerateMeetingsForeignKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.Generate(ctx, d, demo.Options{Seed: 3}); err != nil {
			t.Fatal(err)
		}
		before := foreignKeys(t, d, "meeting%")
		if len(before) < 12 {
			t.Fatalf("only %d foreign keys on the meeting tables: %q", len(before), before)
		}
		if err := demo.GenerateMeetings(ctx, d, demo.Options{Seed: 3}); err != nil {
			t.Fatal(err)
		}
		if after := foreignKeys(t, d, "meeting%"); !slices.Equal(before, after) {
			t.Errorf("foreign keys after the conferences:\n%q\nbefore:\n%q", after, before)
		}
		// Every task's owner and conference exist (PostgreSQL checked
		// them as the keys came back; SQLite checks them as rows come).
		var orphans int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting_task_owners o
			LEFT JOIN meeting_tasks t ON t.id = o.task_id LEFT JOIN units u ON u.id = o.unit_id
			WHERE t.id IS NULL OR u.id IS NULL`).Scan(&orphans); err != nil || orphans != 0 {
			t.Errorf("%d task owners without task or unit (%v)", orphans, err)
		}
		var tasks int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM meeting_tasks").Scan(&tasks); err != nil || tasks == 0 {
			t.Errorf("%d tasks (%v)", tasks, err)
		}
	})
}

// foreignKeys lists the foreign keys of the tables whose names are LIKE
// pattern, as "table key definition", in order.
func foreignKeys(t *testing.T, d *db.DB, pattern string) []string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT m.name || ' ' || f."from" || ' -> ' || f."table" || '.' || f."to"
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND m.name LIKE ? ORDER BY 1`
	if d.Dialect() == db.Postgres {
		q = `SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
			JOIN pg_class t ON t.oid = c.conrelid
			WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname LIKE ? ORDER BY 1`
	}
	rows, err := d.QueryContext(ctx, q, pattern)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
