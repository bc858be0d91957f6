package document_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/cputime"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// BenchmarkReviewReportNational drafts the review report of the largest
// province of 2023 for 2023S1 on the national demo and writes it as DOCX
// and PDF: what "issue" does but the register row (target: under 1 s).
// Before timing, it checks that every key figure of the draft's appendix
// equals the dashboard's. On SQLite the demo is generated once into
// DANVAN_DOCUMENT_BENCH_DIR (reused when present) or a temporary folder;
// generating it takes minutes. DANVAN_DOCUMENT_BENCH_POSTGRES names a
// PostgreSQL database holding the national demo instead (never
// generated here; the benchmark adds the two issuers it needs).
func BenchmarkReviewReportNational(b *testing.B) {
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "bench"})
	url := os.Getenv("DANVAN_DOCUMENT_BENCH_POSTGRES")
	generate := false
	if url == "" {
		dir := os.Getenv("DANVAN_DOCUMENT_BENCH_DIR")
		if dir == "" {
			dir = b.TempDir()
		}
		path := filepath.Join(dir, "national.db")
		_, statErr := os.Stat(path)
		url, generate = "sqlite:"+path, statErr != nil
	}
	d, err := db.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if generate {
		if _, err := d.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.National, Seed: 1}, nil); err != nil {
			b.Fatal(err)
		}
		b.Logf("national demo generated in %s", time.Since(t0).Round(time.Second))
	}
	b.Logf("database: %s", d.Dialect())
	units, a := fixture.Stores(d)
	var province int64
	err = d.QueryRowContext(ctx, `SELECT c.ancestor_id FROM unit_closure c JOIN units u ON u.id = c.ancestor_id
		JOIN units k ON k.id = c.descendant_id
		WHERE u.level = 'province' AND u.kind = 'board' AND u.valid_from <= '2023-01-01' AND (u.valid_to IS NULL OR u.valid_to >= '2023-06-30')
		AND k.valid_from <= '2023-01-01' AND (k.valid_to IS NULL OR k.valid_to >= '2023-06-30')
		GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC, c.ancestor_id LIMIT 1`).Scan(&province)
	if err != nil {
		b.Fatal(err)
	}
	files, err := blob.Open(ctx, "mem://")
	if err != nil {
		b.Fatal(err)
	}
	sys := auth.System()
	store := document.NewStore(d, units, a, files, document.DefaultSettings())
	for _, is := range []document.Issuer{
		{UnitID: province, From: demo.Start, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy", Place: "Tỉnh"},
		{UnitID: 1, From: demo.Start, Code: "BDVTW", Name: "Ban Dân vận Trung ương", Superior: "Ban Chấp hành Trung ương", Place: "Hà Nội"},
	} {
		if _, err := store.IssuerOn(ctx, sys, is.UnitID, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			if _, err := store.SetIssuer(ctx, sys, is); err != nil {
				b.Fatal(err)
			}
		}
	}
	per, _ := vntext.ParsePeriod("2023S1")
	for _, c := range []struct {
		name string
		unit int64
	}{{"province", province}, {"country", 1}} {
		b.Run(c.name, func(b *testing.B) {
			benchReview(ctx, b, url, files, document.Request{Kind: document.KindReview, UnitID: c.unit, Period: per})
		})
	}
}

// reviewStores are what drafting a review reads through, opened afresh.
type reviewStores struct {
	db      *db.DB
	store   *document.Store
	gen     *document.Generator
	reports *report.Store
}

// openReview opens the database at url with new connections and new
// stores: nothing read before is kept, in SQLite's page caches or in the
// stores, as in a server just started (PostgreSQL keeps its shared
// buffers).
func openReview(ctx context.Context, b *testing.B, url string, files *blob.Bucket) reviewStores {
	d, err := db.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	units, a := fixture.Stores(d)
	store := document.NewStore(d, units, a, files, document.DefaultSettings())
	reports := report.NewStore(d, units, a)
	meetings := meeting.NewStore(d, units, a)
	gen := document.NewGenerator(store, document.Sources{Reports: reports, Meetings: meetings,
		Practices: practice.NewStore(d, units, a, files), Pledges: emulation.NewStore(d, units, a, meetings)})
	return reviewStores{db: d, store: store, gen: gen, reports: reports}
}

// benchReview checks that the draft's key figures are the dashboard's,
// then drafts and writes the review report b.N times, reporting the
// CPU time each took next to the wall time.
func benchReview(ctx context.Context, b *testing.B, url string, files *blob.Bucket, req document.Request) {
	sys := auth.System()
	per := req.Period
	rs := openReview(ctx, b, url, files)
	defer rs.db.Close()
	store, gen, reports := rs.store, rs.gen, rs.reports
	// The draft's figures are the dashboard's.
	t0, c0, s0 := time.Now(), cputime.Used(), dbtest.ServerCPU(ctx, rs.db)
	g, err := gen.Draft(ctx, sys, req)
	if err != nil {
		b.Fatal(err)
	}
	server := ""
	if s1 := dbtest.ServerCPU(ctx, rs.db); s0 >= 0 && s1 >= 0 {
		server = fmt.Sprintf(", PostgreSQL's %s CPU", (s1 - s0).Round(time.Millisecond))
	}
	b.Logf("first draft (new connections and stores): %s wall, %s CPU%s, load %s", time.Since(t0).Round(time.Millisecond),
		(cputime.Used() - c0).Round(time.Millisecond), server, cputime.Load())
	dash, err := reports.Dashboard(ctx, sys, report.DashboardQuery{UnitID: req.UnitID, Period: per, Today: time.Now()})
	if err != nil {
		b.Fatal(err)
	}
	rows := map[string][]string{}
	for _, p := range g.Parts {
		for _, bl := range p.Blocks {
			if t, ok := bl.(document.Table); ok {
				for _, r := range t.Rows {
					if len(r) > 3 {
						rows[r[1]] = r
					}
				}
			}
		}
	}
	checked := 0
	for _, k := range dash.Keys {
		if !k.Now.Has {
			continue
		}
		r, ok := rows[k.Indicator.Name]
		if !ok || r[3] != k.Indicator.Format(k.Now.Value) {
			b.Fatalf("%s: the draft says %q, the dashboard %s", k.Indicator.Name, r, k.Indicator.Format(k.Now.Value))
		}
		if !strings.Contains(g.Parts[2].Text, k.Indicator.Name+": "+k.Indicator.Format(k.Now.Value)) {
			b.Errorf("the narrative lacks %s = %s", k.Indicator.Name, k.Indicator.Format(k.Now.Value))
		}
		checked++
	}
	if checked == 0 {
		b.Fatal("no key figure to compare")
	}
	b.Logf("%s, %s: %d key figures equal the dashboard's; appendix of %d rows", dash.Unit.Name, per, checked, len(rows))

	var size int
	c0, s0 = cputime.Used(), dbtest.ServerCPU(ctx, rs.db)
	for b.Loop() {
		g, err := gen.Draft(ctx, sys, req)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := store.Preview(ctx, sys, withSigner(g.Draft))
		if err != nil {
			b.Fatal(err)
		}
		var docx, pdf bytes.Buffer
		if err := document.WriteDOCX(&docx, doc, document.DefaultSettings()); err != nil {
			b.Fatal(err)
		}
		if err := document.WritePDF(&pdf, doc, document.DefaultSettings()); err != nil {
			b.Fatal(err)
		}
		size = docx.Len() + pdf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KiB/doc")
	cputime.Report(b, c0)
	if s1 := dbtest.ServerCPU(ctx, rs.db); s0 >= 0 && s1 >= 0 {
		b.ReportMetric(float64((s1-s0).Microseconds())/1000/float64(b.N), "pg-cpu-ms/op")
	}
	b.Logf("load average: %s", cputime.Load())
}

// withSigner gives a draft the signer's name a person types.
func withSigner(d document.Draft) document.Draft {
	d.Signature.Name = "Nguyễn Văn An"
	return d
}
