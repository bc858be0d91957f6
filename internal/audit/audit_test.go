package audit_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

func TestRecord(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 7, Name: "Nguyễn Văn An", Addr: "10.0.0.5"})
		d.SetClock(func() time.Time { return time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC) })
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			return audit.Record(ctx, tx, audit.Entry{
				Action: "rename", Entity: "unit", EntityID: 42, UnitID: 42,
				Before: map[string]string{"name": "Xã A"}, After: map[string]string{"name": "Xã B"},
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		var at, actor, addr, action, before, after string
		var userID, entityID int64
		err = d.QueryRowContext(ctx, `SELECT at, user_id, actor, addr, action, entity_id, before_json, after_json FROM audit_log`).
			Scan(&at, &userID, &actor, &addr, &action, &entityID, &before, &after)
		if err != nil {
			t.Fatal(err)
		}
		if at != "2025-07-01T00:00:00Z" || userID != 7 || actor != "Nguyễn Văn An" || addr != "10.0.0.5" ||
			action != "rename" || entityID != 42 || before != `{"name":"Xã A"}` || after != `{"name":"Xã B"}` {
			t.Errorf("row = %q %d %q %q %q %d %q %q", at, userID, actor, addr, action, entityID, before, after)
		}
	})
}

func TestRecordRolledBackWithWrite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		_ = d.WithTx(ctx, func(tx *db.Tx) error {
			if err := audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "unit", EntityID: 1}); err != nil {
				t.Fatal(err)
			}
			return context.Canceled // the write fails after the audit row
		})
		var n int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%d audit rows survived a rolled-back write", n)
		}
	})
}
