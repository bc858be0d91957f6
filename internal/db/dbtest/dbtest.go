// Package dbtest opens fresh, migrated databases for tests: a SQLite file
// in the test's temporary folder always, and a PostgreSQL schema of its own
// when DANVAN_TEST_POSTGRES holds a connection string (CI sets it).
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/danvan/danvan/internal/db"
)

// EnvPostgres names the environment variable with the PostgreSQL
// connection string for tests.
const EnvPostgres = "DANVAN_TEST_POSTGRES"

// Kinds returns the database kinds tests should run on: "sqlite" always,
// and "postgres" when EnvPostgres is set.
func Kinds() []string {
	if os.Getenv(EnvPostgres) != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// Each runs fn as a subtest on a fresh migrated database of every kind in
// Kinds. Subtests are named after the kind.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			fn(t, Open(t, kind))
		})
	}
}

// Open returns a fresh migrated database of the given kind, closed (and,
// for PostgreSQL, dropped) when the test ends. It skips the test when the
// kind is "postgres" and EnvPostgres is not set.
func Open(t testing.TB, kind string) *db.DB {
	t.Helper()
	d := OpenEmpty(t, kind)
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s: %v", kind, err)
	}
	return d
}

// URL returns a connection URL for a fresh, empty database of the given
// kind, removed when the test ends. Tests that start whole servers use it.
func URL(t testing.TB, kind string) string {
	t.Helper()
	switch kind {
	case "sqlite":
		return "sqlite:" + filepath.Join(t.TempDir(), "test.db")
	case "postgres":
		base := os.Getenv(EnvPostgres)
		if base == "" {
			t.Skipf("%s is not set: skipping the PostgreSQL run", EnvPostgres)
		}
		return postgresSchema(t, base)
	}
	t.Fatalf("dbtest: unknown database kind %q", kind)
	return ""
}

// OpenEmpty is Open without the migrations.
func OpenEmpty(t testing.TB, kind string) *db.DB {
	t.Helper()
	d, err := db.Open(context.Background(), URL(t, kind))
	if err != nil {
		t.Fatalf("open %s: %v", kind, err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// postgresSchema creates a schema with a random name and returns base
// with search_path pointing at it; the schema is dropped after the test.
func postgresSchema(t testing.TB, base string) string {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := "t_" + hex.EncodeToString(b[:])
	admin, err := db.Open(context.Background(), base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvPostgres, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Servers opens a fresh database of the given kind, migrated, and
// returns it with a function that opens the same database again as
// another server would (its own connection pools); every pool is closed
// when the test ends. Tests of what several servers share (versions,
// caches, numbering, throttles) use it.
func Servers(t testing.TB, kind string) (first *db.DB, another func() *db.DB) {
	t.Helper()
	url := URL(t, kind)
	another = func() *db.DB {
		t.Helper()
		d, err := db.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return d
	}
	first = another()
	if _, err := first.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return first, another
}
