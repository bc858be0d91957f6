package db_test

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = $1 AND b = $2"},
		{"SELECT '?' , ? FROM t", "SELECT '?' , $1 FROM t"},
		{"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"},
		{`SELECT "we?rd", ?`, `SELECT "we?rd", $1`},
		{"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2"},
		{"INSERT INTO t VALUES (?, ?, ?)", "INSERT INTO t VALUES ($1, $2, $3)"},
		{"SELECT 'unterminated ?", "SELECT 'unterminated ?"},
	}
	for _, tt := range tests {
		if got := db.Postgres.Rebind(tt.in); got != tt.want {
			t.Errorf("Postgres.Rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := db.SQLite.Rebind(tt.in); got != tt.in {
			t.Errorf("SQLite.Rebind(%q) = %q, want it unchanged", tt.in, got)
		}
	}
}

func FuzzRebind(f *testing.F) {
	f.Add("SELECT ? FROM t WHERE x = '?' -- ?\n AND y = ?")
	f.Add(`"a?""b" ? 'c''?'`)
	f.Fuzz(func(t *testing.T, q string) {
		out := db.Postgres.Rebind(q)
		// Removing the numbered placeholders must give back the input with
		// the rebound '?' removed: nothing else may change.
		if strings.Count(out, "$") < strings.Count(q, "$") {
			t.Fatalf("lost text: %q -> %q", q, out)
		}
		if !strings.Contains(q, "?") && out != q {
			t.Fatalf("changed a query without placeholders: %q -> %q", q, out)
		}
	})
}

func TestPlaceholders(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "?", 3: "?, ?, ?"} {
		if got := db.Placeholders(n); got != want {
			t.Errorf("Placeholders(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"mysql://x", "sqlite:", "sqlite:/no/such/folder/x.db"} {
		if d, err := db.Open(ctx, u); err == nil {
			d.Close()
			t.Errorf("Open(%q) succeeded, want an error", u)
		}
	}
}

// setup creates a scratch table the tests below write to.
func setup(t *testing.T, d *db.DB) {
	t.Helper()
	id := "INTEGER PRIMARY KEY"
	if d.Dialect() == db.Postgres {
		id = "BIGSERIAL PRIMARY KEY"
	}
	ctx := context.Background()
	for _, q := range []string{
		"CREATE TABLE parent (id " + id + ", code TEXT NOT NULL UNIQUE)",
		"CREATE TABLE child (id " + id + ", parent_id BIGINT NOT NULL REFERENCES parent(id))",
	} {
		if _, err := d.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func count(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTransactionsAndErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		fixed := time.Date(2025, 7, 1, 8, 30, 0, 0, time.UTC)
		d.SetClock(func() time.Time { return fixed })

		var id int64
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			if !tx.Now().Equal(fixed) {
				t.Errorf("tx.Now() = %v, want %v", tx.Now(), fixed)
			}
			var err error
			id, err = tx.InsertID(ctx, "INSERT INTO parent (code) VALUES (?)", "a")
			return err
		})
		if err != nil || id == 0 {
			t.Fatalf("insert: id=%d err=%v", id, err)
		}

		// A unique violation is ErrConflict, and the transaction that
		// hit it leaves nothing behind.
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			if _, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES (?)", "b"); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES (?)", "a")
			return err
		})
		if !errors.Is(err, db.ErrConflict) {
			t.Fatalf("duplicate insert: err = %v, want ErrConflict", err)
		}
		if n := count(t, d, "parent"); n != 1 {
			t.Fatalf("after failed tx: %d parents, want 1", n)
		}

		// A broken foreign key is ErrReference.
		_, err = d.ExecContext(ctx, "INSERT INTO child (parent_id) VALUES (?)", 9999)
		if !errors.Is(err, db.ErrReference) {
			t.Fatalf("bad reference: err = %v, want ErrReference", err)
		}

		// No row is ErrNotFound, inside and outside a transaction.
		var code string
		err = d.QueryRowContext(ctx, "SELECT code FROM parent WHERE id = ?", id+100).Scan(&code)
		if !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("missing row: err = %v, want ErrNotFound", err)
		}

		// A panic inside WithTx rolls back and is re-raised.
		func() {
			defer func() {
				if recover() == nil {
					t.Error("panic was swallowed")
				}
			}()
			_ = d.WithTx(ctx, func(tx *db.Tx) error {
				if _, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES (?)", "c"); err != nil {
					return err
				}
				panic("boom")
			})
		}()
		if n := count(t, d, "parent"); n != 1 {
			t.Fatalf("after panic: %d parents, want 1", n)
		}

		// An error returned by fn is passed through unchanged.
		sentinel := fmt.Errorf("stop")
		if err := d.WithTx(ctx, func(*db.Tx) error { return sentinel }); err != sentinel {
			t.Fatalf("WithTx returned %v, want the callback's error", err)
		}
	})
}

func TestMigrateIsIdempotent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		n, err := d.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second Migrate: applied %d, err %v; want 0, nil", n, err)
		}
		st, err := d.MigrationStatus(ctx)
		if err != nil || len(st) == 0 {
			t.Fatalf("MigrationStatus: %v %v", st, err)
		}
		for _, s := range st {
			if !s.Applied {
				t.Errorf("migration %d %s not applied", s.Version, s.Name)
			}
		}
	})
}

// columns lists "table.column" for every table the migrations made. The
// full-text index each dialect builds its own way (SQLite's FTS5 virtual
// tables and the shadow tables they keep, see db/search.go) is left out,
// and so are views.
func columns(t *testing.T, d *db.DB) []string {
	t.Helper()
	q := `SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
	      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'goose_db_version'
	      AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
	      AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
	                      AND substr(m.name, 1, length(v.name) + 1) = v.name || '_')`
	if d.Dialect() == db.Postgres {
		q = `SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c
		     JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
		     WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE' AND c.table_name <> 'goose_db_version'`
	}
	rows, err := d.QueryContext(context.Background(), q)
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
	slices.Sort(out)
	return out
}

// TestDialectsReachSameSchema proves the two migration folders build the
// same tables with the same columns.
func TestDialectsReachSameSchema(t *testing.T) {
	if os.Getenv(dbtest.EnvPostgres) == "" {
		t.Skipf("%s is not set: the schema comparison needs PostgreSQL", dbtest.EnvPostgres)
	}
	lite := columns(t, dbtest.Open(t, "sqlite"))
	pg := columns(t, dbtest.Open(t, "postgres"))
	if len(lite) == 0 {
		t.Fatal("no tables in the SQLite schema")
	}
	if !slices.Equal(lite, pg) {
		for _, c := range lite {
			if !slices.Contains(pg, c) {
				t.Errorf("only in SQLite: %s", c)
			}
		}
		for _, c := range pg {
			if !slices.Contains(lite, c) {
				t.Errorf("only in PostgreSQL: %s", c)
			}
		}
	}
}

func TestMigrationFilesPaired(t *testing.T) {
	lite, _ := os.ReadDir("migrations/sqlite")
	pg, _ := os.ReadDir("migrations/postgres")
	names := func(es []os.DirEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	if a, b := names(lite), names(pg); !slices.Equal(a, b) {
		t.Fatalf("migration files differ:\nsqlite:   %v\npostgres: %v", a, b)
	}
}

// TestLockSerializes holds the lock in one transaction and checks that a
// second transaction taking it waits until the first commits.
func TestLockSerializes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		held := make(chan struct{})
		release := make(chan struct{})
		done := make(chan error, 1)
		go func() {
			done <- d.WithTx(ctx, func(tx *db.Tx) error {
				if err := tx.Lock(ctx, "test"); err != nil {
					return err
				}
				close(held)
				<-release
				_, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES ('first')")
				return err
			})
		}()
		<-held
		second := make(chan error, 1)
		go func() {
			second <- d.WithTx(ctx, func(tx *db.Tx) error {
				if err := tx.Lock(ctx, "test"); err != nil {
					return err
				}
				// The first transaction committed before this one got
				// the lock, so its row is visible here.
				var n int
				if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM parent WHERE code = 'first'").Scan(&n); err != nil {
					return err
				}
				if n != 1 {
					return fmt.Errorf("second transaction ran before the first committed (saw %d rows)", n)
				}
				return nil
			})
		}()
		// Wait until the second transaction is seen waiting: for the
		// advisory lock on PostgreSQL, for the one writer connection on
		// SQLite. Without a working lock it would instead finish first.
		waiting := func() bool {
			if d.Dialect() == db.Postgres {
				var n int
				err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").Scan(&n)
				return err == nil && n > 0
			}
			w, _ := d.Stats()
			return w.WaitCount > 0
		}
		for !waiting() {
			select {
			case err := <-second:
				t.Fatalf("the second transaction finished while the first held the lock: %v", err)
			case <-time.After(5 * time.Millisecond):
			}
		}
		close(release)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if err := <-second; err != nil {
			t.Fatal(err)
		}
	})
}

// TestLockAfterSavepoint: Lock asks PostgreSQL once per transaction for
// a lock it holds, so it must know when the lock was given up: a
// savepoint rolled back releases the locks taken inside it, and Lock
// takes such a lock again; a savepoint released keeps them.
func TestLockAfterSavepoint(t *testing.T) {
	if os.Getenv(dbtest.EnvPostgres) == "" {
		t.Skipf("%s is not set", dbtest.EnvPostgres)
	}
	ctx := context.Background()
	d := dbtest.Open(t, "postgres")
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		var pid int64
		if err := tx.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
			return err
		}
		// Seen from another connection.
		holds := func(name string) bool {
			t.Helper()
			var n int
			err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
				AND pid = ? AND CAST(objid AS BIGINT) = ?`, pid, int64(crc32.ChecksumIEEE([]byte("danvan:lock:"+name)))).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			return n > 0
		}
		in := d.Within(tx)
		undo := errors.New("undo")
		err := in.WithTx(ctx, func(tx *db.Tx) error {
			for range 2 {
				if err := tx.Lock(ctx, "a"); err != nil {
					return err
				}
			}
			if !holds("a") {
				t.Error("the lock is not held inside the savepoint")
			}
			return undo
		})
		if !errors.Is(err, undo) {
			return err
		}
		if holds("a") {
			t.Error("the lock is held after its savepoint was rolled back")
		}
		if err := tx.Lock(ctx, "a"); err != nil {
			return err
		}
		if !holds("a") {
			t.Error("Lock after the savepoint's rollback did not take the lock again")
		}
		if err := in.WithTx(ctx, func(tx *db.Tx) error { return tx.Lock(ctx, "b") }); err != nil {
			return err
		}
		if err := tx.Lock(ctx, "b"); err != nil {
			return err
		}
		if !holds("b") {
			t.Error("a lock taken in a released savepoint is not held")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPostgresSessionSettings(t *testing.T) {
	if os.Getenv(dbtest.EnvPostgres) == "" {
		t.Skipf("%s is not set", dbtest.EnvPostgres)
	}
	ctx := context.Background()
	jit := func(u string) string {
		t.Helper()
		d, err := db.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		var v string
		if err := d.QueryRowContext(ctx, "SHOW jit").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	base := os.Getenv(dbtest.EnvPostgres)
	if got := jit(base); got != "off" {
		t.Errorf("jit = %q by default, want off", got)
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	if got := jit(base + sep + "jit=on"); got != "on" {
		t.Errorf("jit = %q when the URL asks for on", got)
	}
}
