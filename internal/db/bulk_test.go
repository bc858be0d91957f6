package db_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestWithin: stores built on a DB bound to one transaction write in it,
// their own transactions become savepoints (a failing one undoes only its
// writes), and nothing is visible outside until the outer commit; a
// rollback of the outer transaction leaves nothing.
func TestWithin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		stop := errors.New("stop")
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			in := d.Within(tx)
			if err := in.WithTx(ctx, func(tx *db.Tx) error {
				_, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES ('kept')")
				return err
			}); err != nil {
				return err
			}
			// A failing inner transaction undoes its own writes only.
			err := in.WithTx(ctx, func(tx *db.Tx) error {
				if _, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES ('undone')"); err != nil {
					return err
				}
				return stop
			})
			if err != stop {
				return fmt.Errorf("inner error = %v", err)
			}
			var n int
			if err := in.QueryRowContext(ctx, "SELECT COUNT(*) FROM parent").Scan(&n); err != nil {
				return err
			}
			if n != 1 {
				return fmt.Errorf("inside: %d parents, want 1", n)
			}
			if d.Dialect() == db.Postgres { // SQLite's one writer is busy: no outside reader can be asked without waiting
				var out int
				if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM parent").Scan(&out); err != nil {
					return err
				}
				if out != 0 {
					return fmt.Errorf("outside before commit: %d parents", out)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, d, "parent"); n != 1 {
			t.Fatalf("after commit: %d parents, want 1", n)
		}
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			in := d.Within(tx)
			if _, err := in.ExecContext(ctx, "INSERT INTO parent (code) VALUES ('lost')"); err != nil {
				return err
			}
			return stop
		})
		if err != stop {
			t.Fatalf("outer error = %v", err)
		}
		if n := count(t, d, "parent"); n != 1 {
			t.Fatalf("after rollback: %d parents, want 1", n)
		}
	})
}

// TestCopyFrom writes more rows than one batch holds, in one
// transaction, on both engines, and keeps them in order.
func TestCopyFrom(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		var rows [][]any
		for i := 1; i <= 5003; i++ {
			rows = append(rows, []any{int64(i), fmt.Sprintf("c%05d", i)})
		}
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			n, err := tx.CopyFrom(ctx, "parent", []string{"id", "code"}, rows)
			if err == nil && n != int64(len(rows)) {
				err = fmt.Errorf("copied %d rows", n)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var n int
		var first, last string
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*), MIN(code), MAX(code) FROM parent").Scan(&n, &first, &last); err != nil {
			t.Fatal(err)
		}
		if n != 5003 || first != "c00001" || last != "c05003" {
			t.Fatalf("%d rows from %s to %s", n, first, last)
		}
		// A bad row fails the copy (and the transaction).
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			_, err := tx.CopyFrom(ctx, "parent", []string{"id", "code"}, [][]any{{int64(9000), "c00001"}})
			return err
		})
		if !errors.Is(err, db.ErrConflict) {
			t.Fatalf("duplicate code: %v, want a conflict", err)
		}
	})
}

// TestDeferIndexes drops a table's secondary indexes (not its unique
// constraint's) and builds them again from their definitions.
func TestDeferIndexes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		if _, err := d.ExecContext(ctx, "CREATE INDEX child_parent ON child (parent_id, id)"); err != nil {
			t.Fatal(err)
		}
		indexes := func(q db.Querier) string {
			t.Helper()
			sql := `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('parent', 'child') ORDER BY name`
			if d.Dialect() == db.Postgres {
				sql = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('parent', 'child') ORDER BY indexname`
			}
			rows, err := q.QueryContext(ctx, sql)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var names []string
			for rows.Next() {
				var n string
				rows.Scan(&n)
				names = append(names, n)
			}
			return strings.Join(names, " ")
		}
		before := indexes(d)
		if !strings.Contains(before, "child_parent") {
			t.Fatalf("indexes before: %s", before)
		}
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			rebuild, err := tx.DeferIndexes(ctx, "parent", "child")
			if err != nil {
				return err
			}
			during := indexes(tx)
			if strings.Contains(during, "child_parent") || during == "" {
				return fmt.Errorf("indexes while loading: %q (the unique one must stay)", during)
			}
			if _, err := tx.CopyFrom(ctx, "parent", []string{"id", "code"}, [][]any{{int64(1), "a"}}); err != nil {
				return err
			}
			if _, err := tx.CopyFrom(ctx, "child", []string{"id", "parent_id"}, [][]any{{int64(1), int64(1)}, {int64(2), int64(1)}}); err != nil {
				return err
			}
			return rebuild(ctx)
		})
		if err != nil {
			t.Fatal(err)
		}
		if after := indexes(d); after != before {
			t.Fatalf("indexes after: %q, want %q", after, before)
		}
	})
}

// TestDeferTriggers drops the triggers named with a prefix (not those on
// an excepted table, nor others) and creates them again; a rolled-back
// transaction keeps them.
func TestDeferTriggers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		ddl := []string{
			"CREATE TABLE seen (what TEXT NOT NULL)",
			"CREATE TRIGGER load_parent AFTER INSERT ON parent BEGIN INSERT INTO seen (what) VALUES ('parent'); END",
			"CREATE TRIGGER load_child AFTER INSERT ON child BEGIN INSERT INTO seen (what) VALUES ('child'); END",
			"CREATE TRIGGER keep_parent AFTER INSERT ON parent BEGIN INSERT INTO seen (what) VALUES ('kept'); END",
		}
		if d.Dialect() == db.Postgres {
			ddl = []string{
				"CREATE TABLE seen (what TEXT NOT NULL)",
				`CREATE FUNCTION seen_row() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN INSERT INTO seen (what) VALUES (TG_ARGV[0]); RETURN NULL; END $$`,
				"CREATE TRIGGER load_parent AFTER INSERT ON parent FOR EACH ROW EXECUTE FUNCTION seen_row('parent')",
				"CREATE TRIGGER load_child AFTER INSERT ON child FOR EACH ROW EXECUTE FUNCTION seen_row('child')",
				"CREATE TRIGGER keep_parent AFTER INSERT ON parent FOR EACH ROW EXECUTE FUNCTION seen_row('kept')",
			}
		}
		for _, q := range ddl {
			if _, err := d.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		seen := func(q db.Querier) string {
			t.Helper()
			rows, err := q.QueryContext(ctx, "SELECT what FROM seen ORDER BY what")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var got []string
			for rows.Next() {
				var s string
				if err := rows.Scan(&s); err != nil {
					t.Fatal(err)
				}
				got = append(got, s)
			}
			return strings.Join(got, " ")
		}
		insert := func(q interface {
			ExecContext(context.Context, string, ...any) (sql.Result, error)
		}, id int64) error {
			if _, err := q.ExecContext(ctx, "INSERT INTO parent (id, code) VALUES (?, ?)", id, fmt.Sprint("p", id)); err != nil {
				return err
			}
			_, err := q.ExecContext(ctx, "INSERT INTO child (id, parent_id) VALUES (?, ?)", id, id)
			return err
		}
		stop := errors.New("stop")
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			if _, err := tx.DeferTriggers(ctx, "load_", "child"); err != nil {
				return err
			}
			if err := insert(tx, 1); err != nil {
				return err
			}
			if got := seen(tx); got != "child kept" {
				return fmt.Errorf("with load_parent dropped: %q", got)
			}
			return stop
		})
		if err != stop {
			t.Fatalf("rolled back: %v", err)
		}
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			restore, err := tx.DeferTriggers(ctx, "load_")
			if err != nil {
				return err
			}
			if err := insert(tx, 2); err != nil {
				return err
			}
			if got := seen(tx); got != "kept" {
				return fmt.Errorf("with load_* dropped: %q", got)
			}
			return restore(ctx)
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := insert(d, 3); err != nil {
			t.Fatal(err)
		}
		if got := seen(d); got != "child kept kept parent" {
			t.Fatalf("after the triggers came back: %q", got)
		}
	})
}

// TestCacheStatements: a transaction that keeps its statements prepared
// runs them as before, also after a schema change and across savepoints,
// and a statement that cannot be prepared still reports its own error.
func TestCacheStatements(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			tx.CacheStatements()
			in := d.Within(tx)
			for i := int64(1); i <= 300; i++ {
				if i == 150 {
					if _, err := tx.ExecContext(ctx, "CREATE INDEX parent_code_id ON parent (code, id)"); err != nil {
						return err
					}
				}
				err := in.WithTx(ctx, func(tx *db.Tx) error {
					_, err := tx.ExecContext(ctx, "INSERT INTO parent (id, code) VALUES (?, ?)", i, fmt.Sprint("p", i))
					return err
				})
				if err != nil {
					return err
				}
				var n int64
				if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM parent WHERE id <= ?", i).Scan(&n); err != nil {
					return err
				}
				if n != i {
					return fmt.Errorf("after %d inserts: %d rows", i, n)
				}
			}
			// A refused row is refused through the kept statement too (the
			// savepoint keeps PostgreSQL's transaction usable).
			err := in.WithTx(ctx, func(tx *db.Tx) error {
				_, err := tx.ExecContext(ctx, "INSERT INTO parent (id, code) VALUES (?, ?)", 301, "p1")
				return err
			})
			if !errors.Is(err, db.ErrConflict) {
				return fmt.Errorf("a duplicate code: %v, want a conflict", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			tx.CacheStatements()
			_, err := tx.ExecContext(ctx, "SELECT missing_column FROM missing_table")
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "missing_") {
			t.Fatalf("a bad statement: %v, want its own error", err)
		}
	})
}

// TestWithBulkTx: a bulk transaction commits like WithTx; on SQLite it
// does not check foreign keys while it runs (a child of a missing parent
// is written), and the connection checks them again afterwards (the same
// row is refused by the next transaction). PostgreSQL checks them always.
func TestWithBulkTx(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		err := d.WithBulkTx(ctx, func(tx *db.Tx) error {
			if _, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES ('a')"); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO child (parent_id) VALUES (999)")
			return err
		})
		if d.Dialect() == db.Postgres {
			if err == nil || count(t, d, "parent") != 0 {
				t.Fatalf("PostgreSQL took a child without its parent (%v)", err)
			}
			return
		}
		if err != nil || count(t, d, "parent") != 1 || count(t, d, "child") != 1 {
			t.Fatalf("bulk transaction: %v, %d parents, %d children", err, count(t, d, "parent"), count(t, d, "child"))
		}
		err = d.WithTx(ctx, func(tx *db.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO child (parent_id) VALUES (998)")
			return err
		})
		if err == nil || count(t, d, "child") != 1 {
			t.Fatalf("after the bulk transaction a child without parent was written (%v)", err)
		}
	})
}

// TestDeferForeignKeys: on PostgreSQL the keys are gone while deferred (a
// child without parent is taken), come back with the same definition,
// and refuse the load when a row breaks them; on SQLite nothing changes.
func TestDeferForeignKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		load := func(parent int) error {
			return d.WithTx(ctx, func(tx *db.Tx) error {
				restore, err := tx.DeferForeignKeys(ctx, "child")
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, "INSERT INTO parent (id, code) VALUES (1, 'a') ON CONFLICT DO NOTHING"); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, "INSERT INTO child (parent_id) VALUES (?)", parent); err != nil {
					return fmt.Errorf("insert: %w", err)
				}
				return restore(ctx)
			})
		}
		if err := load(1); err != nil || count(t, d, "child") != 1 {
			t.Fatalf("a good load: %v, %d children", err, count(t, d, "child"))
		}
		err := load(77)
		if err == nil || count(t, d, "child") != 1 {
			t.Fatalf("a child without parent was kept (%v)", err)
		}
		if d.Dialect() == db.Postgres && (strings.Contains(err.Error(), "insert:") || !strings.Contains(err.Error(), "add foreign key")) {
			t.Errorf("PostgreSQL refused the row before the key came back: %v", err)
		}
		if d.Dialect() == db.Postgres {
			var n int
			if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
				WHERE t.relname = 'child' AND c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace`).Scan(&n); err != nil || n != 1 {
				t.Errorf("child has %d foreign keys after the loads (%v)", n, err)
			}
		}
	})
}

// TestDeferPrimaryKeys: on PostgreSQL a table's primary key is gone while
// deferred and comes back, with its definition, when restored; a
// duplicate loaded meanwhile makes the restore fail, so the load is
// refused whole (on SQLite the key stays and refuses the row itself).
func TestDeferPrimaryKeys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		mustExec := func(q string) {
			t.Helper()
			if _, err := d.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		mustExec("CREATE TABLE pair (a BIGINT NOT NULL, b TEXT NOT NULL, v DOUBLE PRECISION NOT NULL, PRIMARY KEY (a, b))")
		keyDef := func() string {
			if d.Dialect() != db.Postgres {
				return ""
			}
			var def string
			if err := d.QueryRowContext(ctx, `SELECT COALESCE(MAX(pg_get_constraintdef(c.oid)), '') FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
				WHERE t.relname = 'pair' AND c.contype = 'p' AND t.relnamespace = current_schema()::regnamespace`).Scan(&def); err != nil {
				t.Fatal(err)
			}
			return def
		}
		want := keyDef()
		if d.Dialect() == db.Postgres && want != "PRIMARY KEY (a, b)" {
			t.Fatalf("key before = %q", want)
		}
		load := func(rows ...string) error {
			return d.WithTx(ctx, func(tx *db.Tx) error {
				restore, err := tx.DeferPrimaryKeys(ctx, "pair")
				if err != nil {
					return err
				}
				if d.Dialect() == db.Postgres {
					var n int
					if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
						WHERE t.relname = 'pair' AND c.contype = 'p' AND t.relnamespace = current_schema()::regnamespace`).Scan(&n); err != nil || n != 0 {
						return fmt.Errorf("%d primary keys while deferred (%v)", n, err)
					}
				}
				for _, b := range rows {
					if _, err := tx.ExecContext(ctx, "INSERT INTO pair (a, b, v) VALUES (1, ?, 0.5)", b); err != nil {
						return fmt.Errorf("insert: %w", err)
					}
				}
				return restore(ctx)
			})
		}
		if err := load("x", "y"); err != nil || count(t, d, "pair") != 2 {
			t.Fatalf("a good load: %v, %d rows", err, count(t, d, "pair"))
		}
		err := load("z", "z")
		if err == nil || count(t, d, "pair") != 2 {
			t.Fatalf("a duplicate was kept (%v)", err)
		}
		if d.Dialect() == db.Postgres && !strings.Contains(err.Error(), "add primary key") {
			t.Errorf("PostgreSQL refused the row before the key came back: %v", err)
		}
		if got := keyDef(); got != want {
			t.Errorf("key after the loads = %q, want %q", got, want)
		}
		// The key holds again after the loads.
		if _, err := d.ExecContext(ctx, "INSERT INTO pair (a, b, v) VALUES (1, 'x', 1)"); err == nil {
			t.Error("a duplicate after the loads was taken")
		}
	})
}

// TestWithBulkTxJournal: on SQLite a bulk load runs with a rollback
// journal when the file is its own (idle readers do not stop it), and in
// WAL mode when another connection is reading; either way WAL is back
// after it, committed or rolled back.
func TestWithBulkTxJournal(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	setup(t, d)
	mode := func(q interface {
		QueryRowContext(context.Context, string, ...any) *db.Row
	}) string {
		t.Helper()
		var m string
		if err := q.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	load := func(code string, fail bool) (during string, err error) {
		err = d.WithBulkTx(ctx, func(tx *db.Tx) error {
			during = mode(tx)
			if _, err := tx.ExecContext(ctx, "INSERT INTO parent (code) VALUES (?)", code); err != nil {
				return err
			}
			if fail {
				return errors.New("load failed")
			}
			return nil
		})
		return during, err
	}
	count(t, d, "parent") // leaves an idle reader in the pool
	if during, err := load("a", false); err != nil || during != "delete" || count(t, d, "parent") != 1 {
		t.Fatalf("bulk load alone: %v, journal %q, %d rows", err, during, count(t, d, "parent"))
	}
	if m := mode(d); m != "wal" {
		t.Fatalf("after the load the journal is %q", m)
	}
	if during, err := load("b", true); err == nil || during != "delete" || count(t, d, "parent") != 1 {
		t.Fatalf("failed bulk load: %v, journal %q, %d rows", err, during, count(t, d, "parent"))
	}
	if m := mode(d); m != "wal" {
		t.Fatalf("after a failed load the journal is %q", m)
	}
	// A reader in the middle of its rows holds the file: the load stays
	// in WAL mode and is committed all the same.
	rows, err := d.QueryContext(ctx, "SELECT code FROM parent")
	if err != nil {
		t.Fatal(err)
	}
	during, err := load("c", false)
	rows.Close()
	if err != nil || during != "wal" || count(t, d, "parent") != 2 {
		t.Fatalf("bulk load beside a reader: %v, journal %q, %d rows", err, during, count(t, d, "parent"))
	}
}
