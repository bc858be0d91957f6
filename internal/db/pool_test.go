package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestSQLiteReadPool checks that the SQLite read pool's connections carry
// their own page cache, memory map and in-memory temporary storage, while
// the writer keeps SQLite's defaults and stays the one writer.
func TestSQLiteReadPool(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, "sqlite:"+t.TempDir()+"/pool.db")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// Several readers at once, so that the pool opens more than one
	// connection: each must have the settings.
	const n = 4
	var conns []*sql.Conn
	for range n {
		c, err := d.read.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var cache, mmap, temp int64
		var only int
		for _, p := range []struct {
			name string
			v    any
		}{{"cache_size", &cache}, {"mmap_size", &mmap}, {"temp_store", &temp}, {"query_only", &only}} {
			if err := c.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(p.v); err != nil {
				t.Fatalf("reader %d: PRAGMA %s: %v", i, p.name, err)
			}
		}
		if cache != -ReadCacheKiB {
			t.Errorf("reader %d: cache_size = %d, want %d", i, cache, -ReadCacheKiB)
		}
		// SQLite caps the map at the size it was built for; a map of at
		// least the 1 GiB is what the readers need.
		if mmap < 1<<30 || mmap > ReadMmapSize {
			t.Errorf("reader %d: mmap_size = %d, want between 1 GiB and %d", i, mmap, ReadMmapSize)
		}
		if temp != 2 {
			t.Errorf("reader %d: temp_store = %d, want 2 (memory)", i, temp)
		}
		if only != 1 {
			t.Errorf("reader %d: query_only = %d, want 1", i, only)
		}
	}
	err = d.WithTx(ctx, func(tx *Tx) error {
		var cache, mmap, temp, only int64
		for _, p := range []struct {
			name string
			v    any
		}{{"cache_size", &cache}, {"mmap_size", &mmap}, {"temp_store", &temp}, {"query_only", &only}} {
			if err := tx.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(p.v); err != nil {
				return err
			}
		}
		if cache != -2000 || mmap != 0 || temp != 0 || only != 0 {
			t.Errorf("writer: cache_size %d, mmap_size %d, temp_store %d, query_only %d; want SQLite's defaults (-2000, 0, 0) and writable",
				cache, mmap, temp, only)
		}
		_, err := tx.ExecContext(ctx, "CREATE TABLE pool_check (x INTEGER)")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conns[0].ExecContext(ctx, "INSERT INTO pool_check VALUES (1)"); err == nil {
		t.Error("a reader wrote")
	}
	if w, r := d.Stats(); w.MaxOpenConnections != 1 || r.OpenConnections < n {
		t.Errorf("writer pool max %d (want 1), readers open %d (want at least %d)", w.MaxOpenConnections, r.OpenConnections, n)
	}
}

// TestSQLiteReadStatements: the readers keep the statements of short
// queries prepared, one per query text, at most maxStmts of them; long
// queries are not kept; answers stay right while statements are dropped
// under concurrent readers, and after the writer changes the table's
// shape.
func TestSQLiteReadStatements(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, "sqlite:"+t.TempDir()+"/stmts.db")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.ExecContext(ctx, "CREATE TABLE kept (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if _, err := d.ExecContext(ctx, "INSERT INTO kept (id, name) VALUES (?, ?)", i, fmt.Sprintf("n%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	kept := func() int {
		d.stmts.mu.RLock()
		defer d.stmts.mu.RUnlock()
		return len(d.stmts.m)
	}
	var name string
	for range 3 {
		if err := d.QueryRowContext(ctx, "SELECT name FROM kept WHERE id = ?", 7).Scan(&name); err != nil || name != "n7" {
			t.Fatalf("got %q, %v", name, err)
		}
	}
	if n := kept(); n != 1 {
		t.Errorf("%d statements kept after one query three times, want 1", n)
	}
	// A kept statement reads what was written since it last ran, on the
	// same connection (one reader: the statement's own).
	d.read.SetMaxOpenConns(1)
	for _, want := range []string{"n7 again", "n7 once more", "n7"} {
		if _, err := d.ExecContext(ctx, "UPDATE kept SET name = ? WHERE id = 7", want); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRowContext(ctx, "SELECT name FROM kept WHERE id = ?", 7).Scan(&name); err != nil || name != want {
			t.Errorf("after the write: %q, %v; want %q", name, err, want)
		}
	}
	d.read.SetMaxOpenConns(8)
	long := "SELECT COUNT(*) FROM kept WHERE id IN (" + strings.Repeat("1, ", maxStmtBytes/3) + "2)"
	var count int
	if err := d.QueryRowContext(ctx, long).Scan(&count); err != nil || count != 2 {
		t.Fatalf("long query: %d, %v", count, err)
	}
	if n := kept(); n != 1 {
		t.Errorf("a long query was kept (%d statements)", n)
	}
	// Many more query texts than are kept, from several readers at
	// once: each answer is its own.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 * maxStmts {
				id := (g*7 + i) % 50
				// A distinct text per i, the same for every reader.
				rows, err := d.QueryContext(ctx, fmt.Sprintf("SELECT name, %d FROM kept WHERE id = ?", i), id)
				if err != nil {
					errs <- err
					return
				}
				var got string
				var tag int
				for rows.Next() {
					if err := rows.Scan(&got, &tag); err != nil {
						errs <- err
					}
				}
				if err := rows.Close(); err != nil {
					errs <- err
					return
				}
				if got != fmt.Sprintf("n%d", id) || tag != i {
					errs <- fmt.Errorf("query %d for id %d: %q, %d", i, id, got, tag)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := kept(); n > maxStmts || n < maxStmts/2 {
		t.Errorf("%d statements kept, want at most %d (and most of them)", n, maxStmts)
	}
	// The writer adds a column: a kept "SELECT *" sees it.
	star := "SELECT * FROM kept WHERE id = 1"
	cols := func() int {
		rows, err := d.QueryContext(ctx, star)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cs, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		return len(cs)
	}
	if n := cols(); n != 2 {
		t.Fatalf("%d columns", n)
	}
	if _, err := d.ExecContext(ctx, "ALTER TABLE kept ADD COLUMN extra TEXT"); err != nil {
		t.Fatal(err)
	}
	if n := cols(); n != 3 {
		t.Errorf("after ALTER TABLE a kept statement gives %d columns, want 3", n)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if n := kept(); n != 0 {
		t.Errorf("%d statements kept after Close", n)
	}
}
