package audit_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

func record(t *testing.T, d *db.DB, n int) {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 7, Name: "Nguyễn Văn An", Addr: "10.0.0.5"})
	if err := d.WithTx(ctx, func(tx *db.Tx) error {
		return audit.Record(ctx, tx, audit.Entry{Action: "rename", Entity: "unit", EntityID: int64(n), UnitID: 42,
			Before: map[string]string{"name": fmt.Sprintf("Xã %d", n)}, After: map[string]string{"name": "Xã Hòa Bình"}})
	}); err != nil {
		t.Fatal(err)
	}
}

func verify(t *testing.T, d *db.DB) audit.Verification {
	t.Helper()
	v, err := audit.Verify(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestChain: the audit log is tamper-evident. Rows written concurrently
// (on PostgreSQL from two handles, as two servers would) form one chain;
// changing a row, deleting one or slipping one in is reported at the
// first row whose hash no longer follows.
func TestChain(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			u := dbtest.URL(t, kind)
			open := func() *db.DB {
				d, err := db.Open(ctx, u)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { d.Close() })
				if _, err := d.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return d
			}
			d1, d2 := open(), open()
			// A row from before the chain (an older server's): outside it.
			if _, err := d1.ExecContext(ctx, "INSERT INTO audit_log (at, action, entity) VALUES ('2025-01-01T00:00:00.000000Z', 'create', 'unit')"); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			for i := range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					d := d1
					if i%2 == 1 {
						d = d2
					}
					record(t, d, i)
				}()
			}
			wg.Wait()
			if v := verify(t, d1); !v.OK() || v.Rows != 21 || v.Unhashed != 1 {
				t.Fatalf("untouched log: %+v", v)
			}
			var ids []int64
			rows, err := d1.QueryContext(ctx, "SELECT id FROM audit_log ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				ids = append(ids, id)
			}
			rows.Close()
			// Change one row's figures: reported at that row.
			mustExec(t, d1, "UPDATE audit_log SET after_json = ? WHERE id = ?", `{"name":"Xã khác"}`, ids[5])
			if v := verify(t, d1); v.BrokenAt != ids[5] {
				t.Errorf("a changed row: %+v, want broken at %d", v, ids[5])
			}
			mustExec(t, d1, "UPDATE audit_log SET after_json = ? WHERE id = ?", `{"name":"Xã Hòa Bình"}`, ids[5])
			if v := verify(t, d1); !v.OK() {
				t.Fatalf("restored: %+v", v)
			}
			// Delete a row: reported at the next one.
			mustExec(t, d1, "DELETE FROM audit_log WHERE id = ?", ids[9])
			if v := verify(t, d1); v.BrokenAt != ids[10] {
				t.Errorf("a deleted row: %+v, want broken at %d", v, ids[10])
			}
			// Blank a hash to pass a row off as from before the chain.
			mustExec(t, d1, "UPDATE audit_log SET hash = '' WHERE id = ?", ids[3])
			if v := verify(t, d1); v.BrokenAt != ids[3] {
				t.Errorf("a blanked hash: %+v, want broken at %d", v, ids[3])
			}
		})
	}
}

func mustExec(t *testing.T, d *db.DB, q string, args ...any) {
	t.Helper()
	if _, err := d.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatal(err)
	}
}

// TestRecordManySameAsRecord: RecordMany writes the rows Record writes
// for each entry in turn, hashes included (the clocks fixed alike), after
// a row already in the chain, on both databases; a batch of one is
// Record.
func TestRecordManySameAsRecord(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 3, Name: "Trần Thị Bình", Addr: "10.0.0.9"})
			at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
			entries := []audit.Entry{
				{Action: "create", Entity: "unit", EntityID: 5, UnitID: 5, After: map[string]string{"name": "Xã Hòa Bình"}},
				{Action: "rename", Entity: "unit", EntityID: 5, UnitID: 5, Before: map[string]string{"name": "Xã Hòa Bình"}, After: map[string]string{"name": "Phường Hòa Bình"}},
				{Action: "close", Entity: "unit", EntityID: 6, Before: map[string]any{"id": 6}},
				{Action: "login", Entity: "user"},
			}
			write := func(many bool) string {
				d := dbtest.Open(t, kind)
				d.SetClock(func() time.Time { return at })
				record(t, d, 1)
				err := d.WithTx(ctx, func(tx *db.Tx) error {
					if many {
						return audit.RecordMany(ctx, tx, entries)
					}
					for _, e := range entries {
						if err := audit.Record(ctx, tx, e); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if v := verify(t, d); !v.OK() || v.Rows != 1+len(entries) {
					t.Errorf("chain after RecordMany=%v: %+v", many, v)
				}
				return dbtest.Rows(t, d, `SELECT id, at, COALESCE(user_id, 0), actor, addr, action, entity, COALESCE(entity_id, 0),
					COALESCE(unit_id, 0), COALESCE(before_json, '-'), COALESCE(after_json, '-'), hash FROM audit_log ORDER BY id`)
			}
			one, many := write(false), write(true)
			if one != many {
				t.Errorf("RecordMany wrote:\n%s\nRecord:\n%s", many, one)
			}
			if strings.Count(many, `"Trần Thị Bình"`) != len(entries) {
				t.Errorf("rows:\n%s", many)
			}
		})
	}
}

// TestChainInOneTransaction: a transaction's entries chain to the one it
// wrote before without reading it back, and an entry undone with its
// savepoint is not chained to: the next one follows the last entry kept
// (both databases).
func TestChainInOneTransaction(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		record(t, d, 1)
		undo := errors.New("undo")
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			e := audit.Entry{Action: "rename", Entity: "unit", EntityID: 2, UnitID: 2, After: map[string]string{"name": "Xã An Bình"}}
			if err := audit.Record(ctx, tx, e); err != nil {
				return err
			}
			err := d.Within(tx).WithTx(ctx, func(tx *db.Tx) error {
				if err := audit.RecordMany(ctx, tx, []audit.Entry{e, e}); err != nil {
					return err
				}
				return undo
			})
			if !errors.Is(err, undo) {
				return fmt.Errorf("savepoint: %v", err)
			}
			for range 2 {
				if err := audit.Record(ctx, tx, e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if v := verify(t, d); !v.OK() || v.Rows != 4 {
			t.Errorf("chain after a savepoint rolled back: %+v", v)
		}
	})
}
