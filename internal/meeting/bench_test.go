package meeting_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
)

// national is the national demo with its conferences and 50,000 tasks in
// a temporary SQLite file, generated once per test process.
var national struct {
	once     sync.Once
	err      error
	dir      string // the temporary folder, removed by TestMain
	d        *db.DB
	province int64 // today's province board with the most tasks below it
}

func nationalDemo(b *testing.B) (*db.DB, int64) {
	b.Helper()
	national.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "danvan-meeting-bench-")
		if err != nil {
			national.err = err
			return
		}
		national.dir = dir
		d, err := db.Open(ctx, "sqlite:"+filepath.Join(dir, "national.db"))
		if err != nil {
			national.err = err
			return
		}
		if _, err := d.Migrate(ctx); err != nil {
			national.err = err
			return
		}
		start := time.Now()
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
			national.err = err
			return
		}
		if err := demo.GenerateMeetings(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
			national.err = err
			return
		}
		var tasks int
		d.QueryRowContext(ctx, "SELECT COUNT(*) FROM meeting_tasks").Scan(&tasks)
		b.Logf("national demo with %d tasks generated in %s", tasks, time.Since(start).Round(time.Second))
		// The province whose subtree owns the most tasks.
		err = d.QueryRowContext(ctx, `SELECT c.ancestor_id FROM unit_closure c
			JOIN units u ON u.id = c.ancestor_id AND u.level = 'province' AND u.valid_to IS NULL
			JOIN meeting_task_owners o ON o.unit_id = c.descendant_id
			GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&national.province)
		national.d, national.err = d, err
	})
	if national.err != nil {
		b.Fatal(national.err)
	}
	return national.d, national.province
}

// TestMain removes the national demo's temporary database after the
// benchmarks, so that each run does not leave one behind in /tmp.
func TestMain(m *testing.M) {
	code := m.Run()
	if national.d != nil {
		national.d.Close()
	}
	if national.dir != "" {
		os.RemoveAll(national.dir)
	}
	os.Exit(code)
}

// BenchmarkLeaderOverdueProvince is a province leader's overdue list at
// national scale: the scope (the province's subtree today and the old
// units merged into it) and the first page of its overdue tasks.
func BenchmarkLeaderOverdueProvince(b *testing.B) {
	d, province := nationalDemo(b)
	ctx := context.Background()
	units, a := fixture.Stores(d)
	st := meeting.NewStore(d, units, a)
	today := d.Now()
	leader := func() *auth.Principal {
		return &auth.Principal{User: auth.User{ID: 1, Active: true}, Grants: []auth.Grant{{UnitID: province, Role: auth.RoleLeader}}}
	}
	_, total, err := st.Tasks(ctx, leader(), meeting.TaskFilter{OverdueOn: today})
	if err != nil || total == 0 {
		b.Fatalf("overdue = %d, %v", total, err)
	}
	b.Logf("province %d: %d overdue tasks", province, total)
	b.Run("scope+query", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := st.Tasks(ctx, leader(), meeting.TaskFilter{OverdueOn: today}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
