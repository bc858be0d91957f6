package search_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/search"
)

// BenchmarkReindexNational times the rebuild of the search index of the
// national demo on PostgreSQL, folding in SQL (the way before) and in Go
// (Reindex), both as the demo's search step runs it (from an empty table,
// the replacing trigger off, the entries' indexes built after the rows and
// one ANALYZE)
// and as danvan reindex does (indexes kept up to date row by row). It
// writes: DANVAN_REINDEX_POSTGRES names a copy of the demo's database
// (never the demo itself), and every run is rolled back.
func BenchmarkReindexNational(b *testing.B) {
	url := os.Getenv("DANVAN_REINDEX_POSTGRES")
	if url == "" {
		b.Skip("DANVAN_REINDEX_POSTGRES is not set: no copy of the national demo on PostgreSQL to rebuild")
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	d, err := db.Open(context.Background(), url+sep+"application_name="+benchApp)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	ways := map[string]func(s *search.Store, ctx context.Context, analyze bool) (int64, error){
		"sql": func(s *search.Store, ctx context.Context, analyze bool) (int64, error) {
			return s.ReindexSQL(ctx, auth.System(), analyze)
		},
		"go": func(s *search.Store, ctx context.Context, analyze bool) (int64, error) {
			if analyze {
				return s.Reindex(ctx, auth.System())
			}
			return s.ReindexUnanalyzed(ctx, auth.System())
		},
	}
	rollback := errors.New("rolled back")
	for _, mode := range []string{"demo", "command"} {
		for _, way := range []string{"sql", "go"} {
			b.Run(mode+"/"+way, func(b *testing.B) {
				ctx := context.Background()
				var fill, total, client, server time.Duration
				var n int64
				for range b.N {
					err := d.WithTx(ctx, func(tx *db.Tx) error {
						if mode == "demo" {
							// The demo's table is empty when its step
							// starts: the copy's entries go first, in the
							// transaction (rolled back), so that no dead
							// rows weigh on the index builds.
							if _, err := tx.ExecContext(ctx, "TRUNCATE search_entries"); err != nil {
								return err
							}
						}
						pids := serverPIDs(b, d)
						server0, client0, start := serverCPU(pids), cpuTime(), time.Now()
						build, again := func(context.Context) error { return nil }, func(context.Context) error { return nil }
						if mode == "demo" {
							var err error
							if again, err = tx.DeferTriggers(ctx, "search_entries_replace"); err != nil {
								return err
							}
							if build, err = tx.DeferIndexes(ctx, "search_entries"); err != nil {
								return err
							}
						}
						t0 := time.Now()
						var err error
						n, err = ways[way](search.NewStore(d.Within(tx), nil), ctx, mode == "command")
						if err != nil {
							return err
						}
						fill += time.Since(t0)
						if mode == "demo" {
							if err := build(ctx); err != nil {
								return err
							}
							if err := again(ctx); err != nil {
								return err
							}
							if _, err := tx.ExecContext(ctx, "ANALYZE search_entries"); err != nil {
								return err
							}
						}
						total += time.Since(start)
						client += cpuTime() - client0
						server += serverCPU(pids) - server0
						return rollback
					})
					if !errors.Is(err, rollback) {
						b.Fatal(err)
					}
				}
				per := func(t time.Duration) float64 { return t.Seconds() / float64(b.N) }
				b.ReportMetric(float64(n), "entries")
				b.ReportMetric(per(fill), "reindex-s")
				b.ReportMetric(per(total), "step-s")
				b.ReportMetric(per(client), "client-cpu-s")
				b.ReportMetric(per(server), "server-cpu-s")
			})
		}
	}
}
