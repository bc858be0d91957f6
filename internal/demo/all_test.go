package demo_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/search"
)

// TestGenerateAllWholeOrNothing: the small demo is generated whole, and
// a demo stopped after its first step (as a failure or an interrupt
// stops it) leaves every table empty.
func TestGenerateAllWholeOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var steps []string
		err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, func(s demo.Step) {
			steps = append(steps, s.Name)
			cancel()
		})
		if err == nil || !errors.Is(err, context.Canceled) || len(steps) != 1 {
			t.Fatalf("a cancelled demo: %v after %v", err, steps)
		}
		var left int
		if err := d.QueryRowContext(context.Background(), `SELECT (SELECT COUNT(*) FROM units) + (SELECT COUNT(*) FROM unit_versions)
			+ (SELECT COUNT(*) FROM unit_closure) + (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM data_versions)`).Scan(&left); err != nil || left != 0 {
			t.Fatalf("a cancelled demo left %d rows (%v)", left, err)
		}
		empty := dbtest.Rows(t, d, "SELECT COUNT(*) FROM units", "SELECT COUNT(*) FROM unit_versions",
			"SELECT COUNT(*) FROM audit_log", "SELECT COUNT(*) FROM data_versions")
		steps = nil
		if err := demo.GenerateAll(context.Background(), d, demo.Options{Scale: demo.Small, Seed: 1}, func(s demo.Step) {
			steps = append(steps, s.Name)
		}); err != nil {
			t.Fatalf("after a cancelled demo: %v", err)
		}
		full := dbtest.Rows(t, d, "SELECT COUNT(*) FROM units", "SELECT COUNT(*) FROM unit_versions",
			"SELECT COUNT(*) FROM audit_log", "SELECT COUNT(*) FROM data_versions")
		if len(steps) < 7 || full == empty { // every step reports (units … commendations, and any added since)
			t.Errorf("steps %v; before %s, after %s", steps, empty, full)
		}
		var reports, practices int
		if err := d.QueryRowContext(context.Background(), "SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM practices)").Scan(&reports, &practices); err != nil || reports == 0 || practices == 0 {
			t.Errorf("reports %d, models %d, %v", reports, practices, err)
		}
	})
}

// TestGenerateAllForeignKeys: the demo is loaded without foreign-key
// checks on SQLite (db.WithBulkTx), so every reference it wrote is checked
// here, and the search index's tables are back to SQLite's default
// segment size. PostgreSQL checks the references as they are written.
func TestGenerateAllForeignKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
			t.Fatal(err)
		}
		var entries, sources int
		if err := d.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM search_entries), (SELECT COUNT(*) FROM search_sources)").Scan(&entries, &sources); err != nil || entries == 0 || entries != sources {
			t.Errorf("search index: %d entries for %d records (%v)", entries, sources, err)
		}
		if d.Dialect() != db.SQLite {
			// The search index's indexes and its replacing trigger,
			// put aside while it was built, are back.
			var idx, trg int
			if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'search_entries' AND schemaname = current_schema()),
				(SELECT COUNT(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relname = 'search_entries'
				   AND c.relnamespace = current_schema()::regnamespace AND g.tgname = 'search_entries_replace')`).Scan(&idx, &trg); err != nil || idx != 5 || trg != 1 {
				t.Errorf("search_entries has %d indexes and %d replacing triggers (%v)", idx, trg, err)
			}
			return
		}
		rows, err := d.QueryContext(ctx, "PRAGMA foreign_key_check")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		bad := 0
		for rows.Next() {
			var table, parent string
			var rowid, fk any
			if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
				t.Fatal(err)
			}
			if bad++; bad <= 5 {
				t.Errorf("%s row %v refers to a missing %s", table, rowid, parent)
			}
		}
		if err := rows.Err(); err != nil || bad > 0 {
			t.Fatalf("%d broken references (%v)", bad, err)
		}
		for _, tb := range []string{"search_fts_config", "search_trgm_config"} {
			var v int
			if err := d.QueryRowContext(ctx, "SELECT v FROM "+tb+" WHERE k = 'hashsize'").Scan(&v); err != nil || v != 1<<20 {
				t.Errorf("%s hashsize %d (%v)", tb, v, err)
			}
		}
		var fk int
		if err := d.WithTx(ctx, func(tx *db.Tx) error { // on the writer's connection
			return tx.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		}); err != nil || fk != 1 {
			t.Errorf("foreign_keys %d after the demo (%v)", fk, err)
		}
	})
}

// TestGenerateAllSearchIndex: on SQLite the demo fills the search
// index's full-text tables from the entries in one statement each, not
// through the trigger: they hold the same rows, find the same entries and
// come out the same from a reindex through the trigger; the trigger and
// the entries' indexes are back.
func TestGenerateAllSearchIndex(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	tables := func() string {
		return dbtest.Rows(t, d,
			"SELECT rowid, title_fold, body_fold FROM search_fts ORDER BY rowid",
			"SELECT rowid, title_fold FROM search_trgm ORDER BY rowid",
			"SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH 'dan van'",
			"SELECT COUNT(*) FROM search_trgm WHERE search_trgm MATCH 'thai'",
			"SELECT name FROM sqlite_master WHERE tbl_name = 'search_entries' ORDER BY name")
	}
	var entries, fts, trgm int
	if err := d.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM search_entries), (SELECT COUNT(*) FROM search_fts),
		(SELECT COUNT(*) FROM search_trgm WHERE search_trgm MATCH 'thai')`).Scan(&entries, &fts, &trgm); err != nil || entries == 0 || fts != entries || trgm == 0 {
		t.Fatalf("%d entries, %d in search_fts, %d trigram hits (%v)", entries, fts, trgm, err)
	}
	bulk := tables()
	if _, err := search.NewStore(d, nil).Reindex(ctx, auth.System()); err != nil {
		t.Fatal(err)
	}
	if again := tables(); again != bulk {
		t.Errorf("the demo's search index differs from a reindex through the trigger:\n%.2000s\n---\n%.2000s", bulk, again)
	}
	if !strings.Contains(bulk, "search_entries_put") || !strings.Contains(bulk, "search_entries_unit") {
		t.Errorf("trigger or index missing after the demo:\n%s", bulk[max(0, len(bulk)-300):])
	}
}
