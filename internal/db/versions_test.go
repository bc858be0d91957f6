package db_test

import (
	"context"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestVersions: a bump is seen once committed, by another connection
// pool too (as another server would); within a request's context the
// versions are read once, and a bump committed with that context is seen
// at once; a rolled-back bump is not.
func TestVersions(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			a, open := dbtest.Servers(t, kind)
			b := open() // another server's pool
			version := func(d *db.DB, ctx context.Context, topic string) int64 {
				t.Helper()
				v, err := d.Versions(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return v[topic]
			}
			bump := func(ctx context.Context, fail bool, topics ...string) {
				t.Helper()
				err := a.WithTx(ctx, func(tx *db.Tx) error {
					if err := tx.Bump(ctx, topics...); err != nil {
						return err
					}
					if fail {
						return context.Canceled
					}
					return nil
				})
				if (err != nil) != fail {
					t.Fatalf("bump: %v", err)
				}
			}
			if v := version(b, ctx, "x"); v != 0 {
				t.Fatalf("a topic never bumped is at %d", v)
			}
			bump(ctx, false, "x", "y", "x")
			if v := version(b, ctx, "x"); v != 1 {
				t.Fatalf("x after one bump: %d (a topic named twice counts once)", v)
			}
			bump(ctx, true, "x")
			if v := version(b, ctx, "x"); v != 1 {
				t.Fatalf("x after a rolled-back bump: %d", v)
			}
			req := db.WithVersions(ctx)
			if v := version(b, req, "y"); v != 1 {
				t.Fatalf("y in a request: %d", v)
			}
			bump(ctx, false, "y") // by another request
			if v := version(b, req, "y"); v != 1 {
				t.Errorf("a request reads the versions once, saw y at %d", v)
			}
			if v := version(b, db.WithVersions(ctx), "y"); v != 2 {
				t.Errorf("the next request sees y at %d, want 2", v)
			}
			// A request that bumps sees its own bump after its commit.
			req = db.WithVersions(ctx)
			version(a, req, "y")
			bump(req, false, "y")
			if v := version(a, req, "y"); v != 3 {
				t.Errorf("after its own bump a request sees y at %d, want 3", v)
			}
		})
	}
}

// TestBumpOncePerTransaction: a topic bumped by many writes of one
// transaction is raised once; raised again by the first bump after the
// versions were read in the transaction (through the transaction or a
// DB within it), and after a savepoint that raised it was rolled back.
func TestBumpOncePerTransaction(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		version := func() int64 {
			t.Helper()
			v, err := d.Versions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v["x"]
		}
		steps := []struct {
			name  string
			raise int64
			fn    func(tx *db.Tx) error
		}{
			{"three bumps", 1, func(tx *db.Tx) error {
				for range 3 {
					if err := tx.Bump(ctx, "x"); err != nil {
						return err
					}
				}
				return nil
			}},
			{"a read in the transaction between", 2, func(tx *db.Tx) error {
				if err := tx.Bump(ctx, "x"); err != nil {
					return err
				}
				if _, err := tx.Versions(ctx); err != nil {
					return err
				}
				return tx.Bump(ctx, "x", "x")
			}},
			{"a read within between", 2, func(tx *db.Tx) error {
				if err := tx.Bump(ctx, "x"); err != nil {
					return err
				}
				if _, err := d.Within(tx).Versions(ctx); err != nil {
					return err
				}
				return tx.Bump(ctx, "x")
			}},
			{"a rolled-back savepoint first", 1, func(tx *db.Tx) error {
				err := d.Within(tx).WithTx(ctx, func(tx *db.Tx) error {
					if err := tx.Bump(ctx, "x"); err != nil {
						return err
					}
					return context.Canceled
				})
				if err != context.Canceled {
					t.Fatalf("savepoint: %v", err)
				}
				return tx.Bump(ctx, "x")
			}},
		}
		for _, s := range steps {
			before := version()
			if err := d.WithTx(ctx, s.fn); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if got := version() - before; got != s.raise {
				t.Errorf("%s: x raised by %d, want %d", s.name, got, s.raise)
			}
		}
	})
}
