package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/search"
)

// Step is one part of GenerateAll, reported as it finishes.
type Step struct {
	Name string
	Took time.Duration // wall time
	CPU  time.Duration // user and system CPU time of this process (0 where unknown)
	Rows int64         // rows written (inserted, changed or deleted, triggers included)
}

// GenerateAll fills an empty, migrated database with the whole demo: the
// hierarchy (Generate), then reports, "Dân vận khéo" models and
// conferences with their key tasks. progress, when not nil, is called
// after each step. Every step runs in one transaction (each step's own
// transactions become savepoints of it): the demo is committed whole, or,
// when a step fails (or ctx is cancelled), not at all, and the database
// stays empty. The error says which step failed.
func GenerateAll(ctx context.Context, d *db.DB, opts Options, progress func(Step)) error {
	// Foreign keys are not checked while the demo loads (WithBulkTx: the
	// generator makes every reference itself; TestGenerateAllForeignKeys
	// checks them): two parent lookups less for each report value.
	return d.WithBulkTx(ctx, func(tx *db.Tx) error {
		// The domain stores run the same statements many thousand times:
		// each is parsed once.
		tx.CacheStatements()
		in := d.Within(tx)
		if in.Dialect() == db.SQLite {
			// A larger page cache for the one writer while it loads (the
			// tables and their indexes outgrow the default 2 MB many
			// times over), given back at the end.
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", bulkCacheKiB)); err != nil {
				return fmt.Errorf("demo: page cache: %w", err)
			}
			// Two threads for the sorts of CREATE INDEX (the indexes the
			// models step builds after loading); back to none at the end.
			if _, err := tx.ExecContext(ctx, "PRAGMA threads = 2"); err != nil {
				return fmt.Errorf("demo: threads: %w", err)
			}
			defer func() {
				_, _ = tx.ExecContext(context.WithoutCancel(ctx), "PRAGMA cache_size = -2000")
				_, _ = tx.ExecContext(context.WithoutCancel(ctx), "PRAGMA threads = 0")
			}()
		}
		var practices func() madePractices
		steps := []struct {
			name string
			run  func() error
		}{
			{"đơn vị (units)", func() error { return Generate(ctx, in, opts) }},
			{"báo cáo (reports)", func() error {
				// The models are made from the units while the reports
				// are analyzed (startPractices), and written after.
				return generateReports(ctx, in, opts, func() error {
					var err error
					practices, err = startPractices(ctx, in, opts, nil)
					return err
				})
			}},
			{"mô hình (models)", func() error {
				made := practices()
				practices = nil
				return writePractices(ctx, in, opts, made)
			}},
			{"hội nghị (conferences)", func() error { return GenerateMeetings(ctx, in, opts) }},
			{"giao ước thi đua (pledges)", func() error { return GeneratePledges(ctx, in, opts) }},
			{"trang thông tin (portal)", func() error { return GeneratePortal(ctx, in, opts) }},
			{"cụm, khối thi đua và ban chỉ đạo (blocs, committees)", func() error { return GenerateBlocs(ctx, in, opts) }},
			{"khen thưởng (commendations)", func() error { return GenerateCommendations(ctx, in, opts) }},
			{"cuộc vận động, văn bản chỉ đạo (campaigns, directives)", func() error { return GenerateCampaigns(ctx, in, opts) }},
			{"công tác dân vận với Nhân dân (citizen affairs)", func() error { return GenerateCitizen(ctx, in, opts) }},
		}
		run := func(name string, fn func() error) error {
			start, cpu := time.Now(), cputime.Used()
			rows, err := tx.RowsWritten(ctx)
			if err != nil {
				return err
			}
			if err := fn(); err != nil {
				return fmt.Errorf("demo: %s: %w", name, err)
			}
			if progress != nil {
				after, err := tx.RowsWritten(ctx)
				if err != nil {
					return err
				}
				progress(Step{Name: name, Took: time.Since(start), CPU: cputime.Used() - cpu, Rows: after - rows})
			}
			return nil
		}
		// The search index is built once, from every record, after the
		// last step (search.Store.ReindexUnanalyzed, the same entries the
		// triggers would have written row by row).
		restore, err := tx.DeferTriggers(ctx, "search_", "search_entries")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		for _, s := range steps {
			if err := run(s.name, s.run); err != nil {
				return err
			}
		}
		return run("chỉ mục tìm kiếm (search index)", func() error {
			if err := restore(ctx); err != nil {
				return err
			}
			if in.Dialect() == db.SQLite {
				if err := ftsHashSize(ctx, tx, bulkFTSHash); err != nil {
					return err
				}
			}
			// The entries' indexes (on PostgreSQL two GIN among them) are
			// built once after the rows are in, and one trigger is off
			// while Reindex writes them: kept up to date row by row they
			// took over 40 minutes of the national demo on PostgreSQL.
			// There the trigger is the one that replaces an entry written
			// twice (Reindex empties the table first). On SQLite it is the
			// one that writes each entry into the full-text tables (two
			// lookups and two inserts per entry): they are filled once from
			// the entries, in rowid order (TestGenerateAllSearchIndex
			// compares them with a reindex through the trigger).
			trigger := "search_entries_replace"
			if in.Dialect() == db.SQLite {
				trigger = "search_entries_put"
			}
			back, err := tx.DeferTriggers(ctx, trigger)
			if err != nil {
				return err
			}
			build, err := tx.DeferIndexes(ctx, "search_entries")
			if err != nil {
				return err
			}
			rebuild := func(ctx context.Context) error {
				if in.Dialect() == db.SQLite {
					for _, q := range ftsFill {
						if _, err := tx.ExecContext(ctx, q); err != nil {
							return err
						}
					}
				}
				if err := build(ctx); err != nil {
					return err
				}
				if err := back(ctx); err != nil {
					return err
				}
				_, err := tx.ExecContext(ctx, "ANALYZE search_entries")
				return err
			}
			// Unanalyzed: rebuild analyzes the entries once their indexes
			// are built, on both databases.
			if _, err := search.NewStore(in, nil).ReindexUnanalyzed(ctx, auth.System()); err != nil {
				return err
			}
			if err := rebuild(ctx); err != nil {
				return fmt.Errorf("demo: search index: %w", err)
			}
			if in.Dialect() == db.SQLite {
				return ftsHashSize(ctx, tx, defaultFTSHash)
			}
			return nil
		})
	})
}

// ftsFill fills the search index's full-text tables from its entries as
// the trigger search_entries_put (migration 00400) does for each entry.
var ftsFill = []string{
	`INSERT INTO search_fts (rowid, title_fold, body_fold) SELECT id, title_fold, body_fold FROM search_entries ORDER BY id`,
	`INSERT INTO search_trgm (rowid, title_fold) SELECT id, title_fold FROM search_entries WHERE kind IN ('person', 'unit') ORDER BY id`,
}

// bulkCacheKiB is the SQLite page cache of the writer during the load
// (and so the memory each of CREATE INDEX's sorts may fill): 64 MiB.
// Each cached page of 4 KiB takes a slot of 8 KiB of the driver's
// allocator (modernc.org/memory rounds the page and its header up to a
// power of two), so 1 GiB of cache was about 2 GB of fresh memory, which
// this machine's host backs lazily (first touches cost a fifth of the
// demo's CPU), and was freed page by page at the commit (a madvise or
// munmap per 64 KiB, 8-9 s). A page that leaves the smaller cache is
// written into the file's pages in the kernel's cache, which the file
// needs anyway, and read back from there when needed again. National
// demo on SQLite (one run each, load 4-6 from other work): 1 GiB 3.15 GB
// peak RSS, 1.18 M minor faults, 107-111 CPU-s; 512 MiB 2.29 GB, 0.93 M,
// 89 CPU-s; 256 MiB 1.75 GB, 0.80 M, 99-117 CPU-s; 128 MiB 1.55 GB,
// 0.68 M, 102 CPU-s; 64 MiB 1.37 GB, 0.60 M, 85-93 CPU-s.
const bulkCacheKiB = 64 << 10

// The memory an FTS5 table of the search index fills with new entries
// before it writes them out as a segment. SQLite's default (1 MiB) made
// about a thousand small segments of the national demo's index, merged
// again and again as the load went on (13 s of the search step's 22 s
// of CPU); with 64 MiB a few large ones are written and little is merged
// (the step took 16 s of CPU). It is set back to the default after the
// load (a row of the tables' configuration says so).
const (
	bulkFTSHash    = 64 << 20
	defaultFTSHash = 1 << 20
)

// ftsHashSize sets the FTS5 option hashsize of the search index's tables.
func ftsHashSize(ctx context.Context, tx *db.Tx, n int) error {
	for _, t := range []string{"search_fts", "search_trgm"} {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (%s, rank) VALUES ('hashsize', %d)", t, t, n)); err != nil {
			return fmt.Errorf("demo: %s hashsize: %w", t, err)
		}
	}
	return nil
}
