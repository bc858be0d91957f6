package citizen_test

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// The national benchmark: the national demo tree in a temporary SQLite
// file, with 1.000.000 petitions and 300.000 mediation cases spread over
// today's communes and provinces (a fifth of the petitions still open,
// some late), generated once per test process.
//
//	go test ./internal/citizen -run '^$' -bench National -benchtime 200x
var national struct {
	once     sync.Once
	err      error
	dir      string
	d        *db.DB
	s        *citizen.Store
	leader   *auth.Principal // leader of the province with the most petitions
	petition int64           // an open petition of that province
	mcase    int64           // a failed mediation case of that province
}

// benchNow is the benchmark's clock.
var benchNow = time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC)

const (
	benchPetitions = 1_000_000
	benchCases     = 300_000
)

func nationalCases(b *testing.B) {
	b.Helper()
	national.once.Do(func() { national.err = buildNational(b) })
	if national.err != nil {
		b.Skipf("national data could not be built: %v", national.err)
	}
}

func buildNational(b *testing.B) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "danvan-citizen-bench-")
	if err != nil {
		return err
	}
	national.dir = dir
	path := filepath.Join(dir, "national.db")
	// A national demo already written (DANVAN_LOAD_SQLITE, as the load
	// benchmark uses) is copied rather than generated again.
	given := os.Getenv("DANVAN_LOAD_SQLITE")
	if given != "" {
		if err := copyFile(given, path); err != nil {
			return err
		}
	}
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		return err
	}
	national.d = d
	if _, err := d.Migrate(ctx); err != nil {
		return err
	}
	start := time.Now()
	if given == "" {
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.National, Seed: 1}); err != nil {
			return err
		}
	}
	// The demo's own cases keep their ids; the benchmark's come after.
	var firstPetition, firstTeam, firstCase int64
	for _, q := range []struct {
		table string
		into  *int64
	}{{"citizen_petitions", &firstPetition}, {"citizen_mediation_teams", &firstTeam}, {"citizen_mediation_cases", &firstCase}} {
		if err := d.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+q.table).Scan(q.into); err != nil {
			return err
		}
	}
	d.SetClock(func() time.Time { return benchNow })
	units := org.NewStore(d)
	today := db.DayOf(benchNow)
	tree, err := units.Tree(ctx, today)
	if err != nil {
		return err
	}
	var communes []org.Unit
	for _, u := range tree {
		if u.Level == org.Commune && u.Kind == org.CommuneBloc {
			communes = append(communes, u)
		}
	}
	if len(communes) == 0 {
		return fmt.Errorf("no commune in the national tree")
	}
	b.Logf("national tree in %s: %d units today, %d communes", time.Since(start).Round(time.Millisecond), len(tree), len(communes))

	start = time.Now()
	rng := rand.New(rand.NewSource(1))
	now := db.Stamp(benchNow)
	subjects := []string{"Khiếu nại việc thu hồi đất làm đường", "Tranh chấp đất rừng với lâm trường", "Kiến nghị sửa đường liên thôn",
		"Phản ánh ô nhiễm từ xưởng chế biến gỗ", "Tố cáo sai phạm trong cấp đất", "Khiếu nại về giá đền bù", "Kiến nghị làm cầu tràn"}
	kinds := []citizen.Kind{citizen.Complaint, citizen.Complaint, citizen.Proposal, citizen.Report, citizen.Denunciation, citizen.Complaint, citizen.Proposal}
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		rebuild, err := tx.DeferIndexes(ctx, "citizen_petitions", "citizen_mediation_cases")
		if err != nil {
			return err
		}
		cols := []string{"id", "unit_id", "received_unit_id", "province_id", "kind", "source", "received_on", "subject", "subject_fold",
			"matter_key", "place", "place_fold", "signatories", "status", "clock_from", "accept_due", "accepted_on", "resolve_due",
			"resolved_on", "due_on", "created_at", "updated_at"}
		var rows [][]any
		flush := func(table string, cols []string) error {
			_, err := tx.CopyFrom(ctx, table, cols, rows)
			rows = rows[:0]
			return err
		}
		for i := 1; i <= benchPetitions; i++ {
			u := communes[rng.Intn(len(communes))]
			k := rng.Intn(len(subjects))
			recv := today.AddDate(0, 0, -rng.Intn(700))
			accDue := recv.AddDate(0, 0, 14)
			status, accepted, resDue, resolved, due := "resolved", db.Day(recv.AddDate(0, 0, 7)), db.Day(recv.AddDate(0, 0, 49)), db.Day(recv.AddDate(0, 0, 40)), ""
			if rng.Intn(5) == 0 { // a fifth still open, some of them late
				status, resolved = "accepted", ""
				due = db.Day(today.AddDate(0, 0, rng.Intn(60)-20))
				resDue = due
			}
			place := fmt.Sprintf("thôn %d", rng.Intn(12)+1)
			rows = append(rows, []any{firstPetition + int64(i), u.ID, u.ID, citizen.ProvinceOf(u), string(kinds[k]), "mail", db.Day(recv), subjects[k],
				vntext.Fold(subjects[k]), citizen.MatterKey(subjects[k]), place, vntext.Fold(place), int64(1 + rng.Intn(3)), status, db.Day(recv),
				db.Day(accDue), accepted, resDue, resolved, due, now, now})
			if len(rows) == 5000 {
				if err := flush("citizen_petitions", cols); err != nil {
					return err
				}
			}
		}
		if err := flush("citizen_petitions", cols); err != nil {
			return err
		}
		for i, u := range communes {
			rows = append(rows, []any{firstTeam + int64(i+1), u.ID, "Tổ hòa giải thôn 1", db.SortKey("Tổ hòa giải thôn 1"), "thôn 1", "2020-01-01", now})
		}
		if err := flush("citizen_mediation_teams", []string{"id", "unit_id", "name", "sort_key", "area", "founded_on", "created_at"}); err != nil {
			return err
		}
		ccols := []string{"id", "team_id", "unit_id", "number", "received_on", "mediated_on", "matter", "category", "parties_key", "result", "created_at", "updated_at"}
		results := []string{"success", "success", "success", "failed", "ongoing"}
		for i := 1; i <= benchCases; i++ {
			t := rng.Intn(len(communes))
			recv := today.AddDate(0, 0, -rng.Intn(700))
			rows = append(rows, []any{firstCase + int64(i), firstTeam + int64(t+1), communes[t].ID, int64(i), db.Day(recv), db.Day(recv.AddDate(0, 0, 3)),
				"Tranh chấp lối đi chung", "neighbour", fmt.Sprintf("ho %d|ho %d", rng.Intn(500), rng.Intn(500)), results[rng.Intn(len(results))], now, now})
			if len(rows) == 5000 {
				if err := flush("citizen_mediation_cases", ccols); err != nil {
					return err
				}
			}
		}
		if err := flush("citizen_mediation_cases", ccols); err != nil {
			return err
		}
		return rebuild(ctx)
	})
	if err != nil {
		return err
	}
	if _, err := d.ExecContext(ctx, "ANALYZE"); err != nil {
		return err
	}
	b.Logf("%d petitions and %d mediation cases loaded in %s", benchPetitions, benchCases, time.Since(start).Round(time.Millisecond))

	// The province with the most petitions, its leader, and the daily
	// sweep's warnings (every late petition past the rule's threshold).
	var province int64
	if err := d.QueryRowContext(ctx, `SELECT province_id FROM citizen_petitions GROUP BY province_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&province); err != nil {
		return err
	}
	authz := auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})
	national.s = citizen.NewStore(d, units, authz)
	start, cpu := time.Now(), cputime.Used()
	swept, err := national.s.Sweep(ctx)
	if err != nil {
		return err
	}
	var warnings int
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM citizen_hotspots`).Scan(&warnings); err != nil {
		return err
	}
	b.Logf("sweep: %d cases evaluated, %d warnings, in %s (CPU %s, load %s)", swept, warnings, time.Since(start).Round(time.Millisecond),
		(cputime.Used() - cpu).Round(time.Millisecond), cputime.Load())
	// The rules a write runs (crowd, repeat) over the open petitions of
	// the leader's province, as if each had been written: the copy above
	// went round the store, so without this the leader's list of
	// warnings would hold only the sweep's.
	start, cpu = time.Now(), cputime.Used()
	var open []int64
	rows, err := d.QueryContext(ctx, `SELECT id FROM citizen_petitions WHERE province_id = ? AND status <> 'resolved' ORDER BY id`, province)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		open = append(open, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for from := 0; from < len(open); from += 500 {
		batch := open[from:min(from+500, len(open))]
		if err := d.WithTx(ctx, func(tx *db.Tx) error {
			for _, id := range batch {
				if err := national.s.EvaluatePetition(ctx, tx, id); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM citizen_hotspots WHERE province_id = ? AND status = 'open'`, province).Scan(&warnings); err != nil {
		return err
	}
	b.Logf("the province's %d open petitions evaluated as written: %d open warnings there, in %s (CPU %s, load %s)", len(open), warnings,
		time.Since(start).Round(time.Millisecond), (cputime.Used() - cpu).Round(time.Millisecond), cputime.Load())
	u, err := authz.CreateUser(ctx, auth.System(), auth.NewUser{Login: "leader.bench", Name: "Lãnh đạo tỉnh", Password: "Mật-khẩu-thử-2026"})
	if err != nil {
		return err
	}
	if _, err := authz.GrantRole(ctx, auth.System(), u.ID, province, auth.RoleLeader); err != nil {
		return err
	}
	sess, err := authz.StartSession(ctx, u.ID, "192.0.2.1", "bench")
	if err != nil {
		return err
	}
	if national.leader, err = authz.Authenticate(ctx, sess.Token); err != nil {
		return err
	}
	if err := d.QueryRowContext(ctx, `SELECT id FROM citizen_petitions WHERE province_id = ? AND due_on <> '' ORDER BY id LIMIT 1`, province).Scan(&national.petition); err != nil {
		return err
	}
	return d.QueryRowContext(ctx, `SELECT c.id FROM citizen_mediation_cases c JOIN citizen_petitions p ON p.unit_id = c.unit_id
		WHERE p.id = ? AND c.result = 'failed' ORDER BY c.id LIMIT 1`, national.petition).Scan(&national.mcase)
}

// copyFile copies the file at from to to.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// TestMain removes the national database after the benchmarks.
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

// BenchmarkNationalDueThisWeek is a province leader's "due this week":
// the first page of the province's petitions whose next deadline falls in
// the coming seven days, with their count.
func BenchmarkNationalDueThisWeek(b *testing.B) {
	nationalCases(b)
	ctx := context.Background()
	today := db.DayOf(benchNow)
	var n int
	cpu := cputime.Used()
	for b.Loop() {
		var err error
		if _, n, err = national.s.Petitions(ctx, national.leader, citizen.PetitionFilter{DueFrom: today, DueTo: today.AddDate(0, 0, 6), Limit: 25}); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, cpu)
	b.ReportMetric(float64(n), "due")
}

// BenchmarkNationalHotSpots is a province leader's open warnings: the
// first page and the count.
func BenchmarkNationalHotSpots(b *testing.B) {
	nationalCases(b)
	ctx := context.Background()
	var n int
	cpu := cputime.Used()
	for b.Loop() {
		var err error
		if _, n, err = national.s.HotSpots(ctx, national.leader, citizen.HotSpotFilter{Open: true, Leading: true, Limit: 25}); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, cpu)
	b.ReportMetric(float64(n), "warnings")
}

// BenchmarkNationalEvaluatePetition evaluates every rule on a change of
// one open petition (what each write on a petition does in its
// transaction), rolled back.
func BenchmarkNationalEvaluatePetition(b *testing.B) {
	nationalCases(b)
	benchEvaluate(b, func(ctx context.Context, tx *db.Tx) error {
		return national.s.EvaluatePetition(ctx, tx, national.petition)
	})
}

// BenchmarkNationalEvaluateMediation evaluates the mediation rule on a
// change of a failed case, rolled back.
func BenchmarkNationalEvaluateMediation(b *testing.B) {
	nationalCases(b)
	benchEvaluate(b, func(ctx context.Context, tx *db.Tx) error {
		return national.s.EvaluateMediation(ctx, tx, national.mcase)
	})
}

var errRollback = fmt.Errorf("rolled back")

func benchEvaluate(b *testing.B, eval func(context.Context, *db.Tx) error) {
	ctx := context.Background()
	cpu := cputime.Used()
	defer cputime.Report(b, cpu)
	for b.Loop() {
		err := national.d.WithTx(ctx, func(tx *db.Tx) error {
			if err := eval(ctx, tx); err != nil {
				return err
			}
			return errRollback
		})
		if err != errRollback {
			b.Fatal(err)
		}
	}
}
