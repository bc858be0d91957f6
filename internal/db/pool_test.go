package db

import (
	"context"
	"database/sql"
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
