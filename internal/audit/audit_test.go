package audit_test

import (
	"context"
	"strconv"
	"strings"
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
		if at != "2025-07-01T00:00:00.000000Z" || userID != 7 || actor != "Nguyễn Văn An" || addr != "10.0.0.5" ||
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

func TestList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clock := time.Date(2025, 7, 1, 9, 0, 0, 0, time.UTC)
		d.SetClock(func() time.Time { return clock })
		write := func(user int64, entity string, unit int64) {
			t.Helper()
			actx := withActorCtx(ctx, user)
			if err := d.WithTx(actx, func(tx *db.Tx) error {
				return audit.Record(actx, tx, audit.Entry{Action: "create", Entity: entity, EntityID: 1, UnitID: unit})
			}); err != nil {
				t.Fatal(err)
			}
			clock = clock.Add(24 * time.Hour)
		}
		write(1, "unit", 10) // 2025-07-01
		write(2, "unit", 11) // 07-02
		write(1, "user", 0)  // 07-03
		write(2, "report", 10)

		uid := int64(1)
		tests := []struct {
			name  string
			f     audit.Filter
			want  []string // entity/unit of the rows, newest first
			total int
		}{
			{"all", audit.Filter{}, []string{"report/10", "user/0", "unit/11", "unit/10"}, 4},
			{"user", audit.Filter{UserID: &uid}, []string{"user/0", "unit/10"}, 2},
			{"entity", audit.Filter{Entity: "unit"}, []string{"unit/11", "unit/10"}, 2},
			{"units", audit.Filter{Units: []int64{10}}, []string{"report/10", "unit/10"}, 2},
			{"units and none", audit.Filter{Units: []int64{11}, AnyUnit: true}, []string{"user/0", "unit/11"}, 2},
			{"empty scope", audit.Filter{Units: []int64{}}, nil, 0},
			{"date range", audit.Filter{From: time.Date(2025, 7, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)}, []string{"user/0", "unit/11"}, 2},
			{"page 2", audit.Filter{Limit: 3, Offset: 3}, []string{"unit/10"}, 4},
			{"past the end", audit.Filter{Limit: 3, Offset: 9}, nil, 4},
		}
		for _, tt := range tests {
			rows, total, err := audit.List(ctx, d, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.Entity+"/"+strconv.FormatInt(r.UnitID, 10))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || total != tt.total {
				t.Errorf("%s: got %v (total %d), want %v (total %d)", tt.name, got, total, tt.want, tt.total)
			}
		}
	})
}

func withActorCtx(ctx context.Context, user int64) context.Context {
	return audit.WithActor(ctx, audit.Actor{UserID: user, Name: "u" + strconv.FormatInt(user, 10)})
}
