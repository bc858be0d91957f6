package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// ReportPeriods are the six-month periods the demo fills: 2015S1 to
// 2026S2. Reports up to 2025S1 come from the old three-tier tree, from
// 2025S2 from the new one (each period uses the tree of its last day).
var (
	FirstReportPeriod = vntext.Period{Kind: vntext.Half, Year: 2015, Part: 1}
	LastReportPeriod  = vntext.Period{Kind: vntext.Half, Year: 2026, Part: 2}
)

// NationalIndicators is how many indicators the national catalogue has:
// the standard ones plus generated thematic ones reported by provinces.
const NationalIndicators = 200

// GenerateReports fills the reporting catalogue (the standard indicators,
// plus generated thematic indicators up to NationalIndicators at national
// scale) and half-year reports for every board and commune bloc that
// lived at the end of each period from 2015S1 to 2026S2, with values that
// grow over the years. The last period is in progress (some reports
// missing, drafts, submitted, a few returned); in earlier periods a few
// reports are still submitted, returned or missing, so that completeness
// lists look real. It needs the demo hierarchy (Generate) and a catalogue
// without indicators; each period is written in its own transaction with
// batched multi-row inserts (report.Store.Load: no audit rows for this
// bulk history).
func GenerateReports(ctx context.Context, d *db.DB, opts Options) error {
	return generateReports(ctx, d, opts, nil)
}

// generateReports is GenerateReports, calling beforeAnalyze (when not
// nil) once the reports are written, before their tables are analyzed.
func generateReports(ctx context.Context, d *db.DB, opts Options, beforeAnalyze func() error) error {
	rng := rand.New(rand.NewSource(opts.Seed + 6))
	units := org.NewStore(d)
	s := report.NewStore(d, units, nil)
	var extra []report.NewIndicator
	if opts.Scale == National {
		extra = thematicIndicators(rng, NationalIndicators-len(report.Catalogue()))
	}
	if err := s.SeedCatalogue(ctx, extra); err != nil {
		return fmt.Errorf("demo: reports: %w", err)
	}
	form, err := s.FormByCode(ctx, report.FormHalf)
	if err != nil {
		return fmt.Errorf("demo: reports: %w", err)
	}
	byCode := map[string]report.Indicator{}
	for _, i := range form.Indicators {
		byCode[i.Code] = i
	}
	// On PostgreSQL the reports' and values' foreign keys are checked
	// once, when they are added again after the last period, instead of
	// once per row and key as they are written (db.Tx.DeferForeignKeys;
	// on SQLite the demo loads without foreign-key checks), and the
	// values' primary key (db.Tx.DeferPrimaryKeys: the values are unique
	// by construction; nothing on SQLite) and the reports' secondary
	// indexes (db.Tx.DeferIndexes, both databases) are built once, after
	// them: nothing reads them while the periods are written.
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		restoreFKs, err := tx.DeferForeignKeys(ctx, "reports", "report_values")
		if err != nil {
			return fmt.Errorf("demo: reports: %w", err)
		}
		restorePK, err := tx.DeferPrimaryKeys(ctx, "report_values")
		if err != nil {
			return fmt.Errorf("demo: reports: %w", err)
		}
		buildIndexes, err := tx.DeferIndexes(ctx, "reports")
		if err != nil {
			return fmt.Errorf("demo: reports: %w", err)
		}
		in := d.Within(tx)
		changes, err := treeChanges(ctx, in)
		if err != nil {
			return fmt.Errorf("demo: reports: %w", err)
		}
		if err := loadReports(ctx, rng, org.NewStore(in), changes, report.NewStore(in, org.NewStore(in), nil), form, byCode); err != nil {
			return err
		}
		for _, restore := range []func(context.Context) error{buildIndexes, restorePK, restoreFKs} {
			if err := restore(ctx); err != nil {
				return fmt.Errorf("demo: reports: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if beforeAnalyze != nil {
		if err := beforeAnalyze(); err != nil {
			return err
		}
	}
	// The tables this step wrote, not the whole database (on PostgreSQL
	// the system catalogues and every empty table besides).
	for _, t := range []string{"report_indicators", "report_forms", "report_form_items", "reports", "report_values"} {
		if _, err := d.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return fmt.Errorf("demo: analyze %s: %w", t, err)
		}
	}
	return nil
}

// treeChanges reads the days on which the hierarchy's versions start and
// end: the tree of a day is the tree of an earlier day when none of them
// lies between the two.
func treeChanges(ctx context.Context, d *db.DB) (changed func(from, to string) bool, err error) {
	rows, err := d.QueryContext(ctx, "SELECT valid_from, COALESCE(valid_to, '') FROM unit_versions")
	if err != nil {
		return nil, fmt.Errorf("tree changes: %w", err)
	}
	defer rows.Close()
	starts, ends := map[string]bool{}, map[string]bool{}
	for rows.Next() {
		var from, to string
		if err := rows.Scan(&from, &to); err != nil {
			return nil, fmt.Errorf("tree changes: %w", err)
		}
		starts[from] = true
		if to != "" {
			ends[to] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tree changes: %w", err)
	}
	// A version starting on day s changes the tree from s on; one whose
	// last day is e, from the day after e.
	return func(from, to string) bool {
		for s := range starts {
			if from < s && s <= to {
				return true
			}
		}
		for e := range ends {
			if from <= e && e < to {
				return true
			}
		}
		return false
	}, nil
}

// loadReports writes the reports of every period, one period at a time.
// The reports and values of a period are made in a goroutine of their
// own while the previous period is written: the database (this
// goroutine's alone, the transaction's connection) reads each period's
// tree and writes its reports, the other makes the next batch, which
// takes as long as a sixth of the writing. rng is drawn from in the same
// order as before, by one goroutine: the data is the same.
//
// A period's tree is read again only when the hierarchy changed (changed,
// from treeChanges) since the end of the period before: it changes on a
// few days of 2025, and reading it took a tenth of the step on PostgreSQL.
func loadReports(ctx context.Context, rng *rand.Rand, units *org.Store, changed func(from, to string) bool, s *report.Store, form report.Form, byCode map[string]report.Indicator) error {
	type job struct {
		p    vntext.Period
		tree []org.Unit
	}
	type made struct {
		p     vntext.Period
		batch []report.LoadReport
	}
	jobs, out := make(chan job, 1), make(chan made, 1)
	go func() {
		defer close(out)
		for j := range jobs {
			out <- made{j.p, reportBatch(rng, j.p, j.tree, form, byCode)}
		}
	}()
	closed := false
	defer func() {
		if !closed {
			close(jobs)
		}
		for range out { // let the goroutine finish
		}
	}()
	p := FirstReportPeriod
	var tree []org.Unit // the tree on treeDay
	var treeDay string
	send := func() error {
		if p.Start().After(LastReportPeriod.Start()) {
			if !closed {
				close(jobs)
				closed = true
			}
			return nil
		}
		end := db.Day(p.End())
		if tree == nil || changed(treeDay, end) {
			var err error
			if tree, err = units.Tree(ctx, p.End()); err != nil {
				return fmt.Errorf("demo: reports %s: %w", p, err)
			}
		}
		treeDay = end
		jobs <- job{p, tree}
		p = report.Next(p)
		return nil
	}
	if err := send(); err != nil {
		return err
	}
	for {
		if err := send(); err != nil {
			return err
		}
		m, ok := <-out
		if !ok {
			return nil
		}
		if err := s.Load(ctx, m.batch); err != nil {
			return fmt.Errorf("demo: reports %s: %w", m.p, err)
		}
	}
}

// reportBatch makes the reports of period p for the boards and commune
// blocs of tree (its tree on the period's last day).
func reportBatch(rng *rand.Rand, p vntext.Period, tree []org.Unit, form report.Form, byCode map[string]report.Indicator) []report.LoadReport {
	var batch []report.LoadReport
	forLevel := map[org.Level][]report.Indicator{}
	for _, u := range tree {
		if u.Kind != org.Board && u.Kind != org.CommuneBloc || u.Level == org.Central || u.Level == org.Agency {
			continue
		}
		st, ok := demoStatus(rng, p)
		if !ok {
			continue
		}
		inds, ok := forLevel[u.Level]
		if !ok {
			inds = form.For(string(u.Level), p)
			forLevel[u.Level] = inds
		}
		lr := report.LoadReport{UnitID: u.ID, FormID: form.ID, Period: p, Status: st,
			Values: demoValues(u, p, inds, byCode)}
		if st == report.Returned {
			lr.Comment = returnComments[rng.Intn(len(returnComments))]
		}
		batch = append(batch, lr)
	}
	return batch
}

var returnComments = []string{
	"Số liệu hòa giải chưa khớp với báo cáo của Mặt trận; đề nghị rà soát lại.",
	"Đề nghị bổ sung phần nhiệm vụ trọng tâm kỳ tới.",
	"Số tiền ủng hộ Quỹ “Vì người nghèo” cao bất thường, đề nghị kiểm tra lại.",
}

// demoStatus decides a report's status, or that there is none.
func demoStatus(rng *rand.Rand, p vntext.Period) (report.Status, bool) {
	x := rng.Float64()
	if p == LastReportPeriod { // in progress
		switch {
		case x < 0.10:
			return "", false
		case x < 0.20:
			return report.Draft, true
		case x < 0.35:
			return report.Submitted, true
		case x < 0.39:
			return report.Returned, true
		}
		return report.Approved, true
	}
	// A period that has ended is decided everywhere, as in a province
	// that works: every report approved.
	return report.Approved, true
}

// seedOf is a stable number per unit and text, so that a unit's figures
// keep their size from one period to the next.
func seedOf(id int64, s string) float64 {
	// FNV-1a of "id/s", hashed in place (the figures of every seed stay
	// what they were when it was hashed through fmt.Fprintf).
	const offset, prime = 14695981039346656037, 1099511628211
	var buf [20]byte
	h := uint64(offset)
	for _, c := range strconv.AppendInt(buf[:0], id, 10) {
		h = (h ^ uint64(c)) * prime
	}
	h = (h ^ '/') * prime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return float64(h%1000003) / 1000003
}

// demoValues makes plausible figures for one unit and period: counts that
// grow a few percent a year, noise, ratio parts that agree.
func demoValues(u org.Unit, p vntext.Period, inds []report.Indicator, byCode map[string]report.Indicator) report.Values {
	size := 0.6 + 0.8*seedOf(u.ID, "size")
	switch u.Level {
	case org.Province:
		size *= 1.5
	case org.District:
		size *= 0.6
	}
	if u.ValidFrom.After(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		size *= 2.8 // the merged communes of 2025 are about three old ones
	}
	growth := 1 + 0.04*float64(p.Year-2015)
	noise := func(tag string) float64 {
		return 0.8 + 0.4*seedOf(u.ID, tag+p.String())
	}
	vs := report.Values{}
	count := func(ind report.Indicator, base float64) float64 {
		return math.Round(base * size * growth * noise(ind.Code))
	}
	for _, ind := range inds {
		if ind.Derived() {
			continue
		}
		k := report.Key{IndicatorID: ind.ID}
		base, ok := demoBase[ind.Code]
		if !ok {
			base = 2 + 40*seedOf(int64(ind.ID), "base")
		}
		switch {
		case ind.Parts() != nil:
			for _, part := range ind.Parts() {
				vs[report.Key{IndicatorID: ind.ID, Part: part}] = math.Round(base / 5 * size * growth * noise(part))
			}
			continue
		case ind.Percent:
			vs[k] = math.Round((base+(100-base)*seedOf(u.ID, ind.Code+p.String()))*10) / 10
		case !ind.Integral:
			vs[k] = math.Round(base*noise(ind.Code)*10) / 10
		case ind.Aggregation == report.Last:
			vs[k] = math.Round(base * size * (1 + 0.01*float64(p.Year-2015)))
		default:
			vs[k] = count(ind, base)
		}
	}
	// Parts of ratios (and of hot spots) must agree.
	part := func(numCode, denCode string, lo, hi float64) {
		num, okN := byCode[numCode]
		den, okD := byCode[denCode]
		if !okN || !okD {
			return
		}
		d, ok := vs[report.Key{IndicatorID: den.ID}]
		if !ok {
			return
		}
		vs[report.Key{IndicatorID: num.ID}] = math.Floor(d * (lo + (hi-lo)*seedOf(u.ID, numCode+p.String())))
	}
	part("AN02", "AN01", 0.7, 0.97)
	part("CQ02", "CQ01", 0.75, 1)
	part("CQ06", "CQ05", 0.5, 1)
	part("VH02", "VH01", 0.7, 0.95)
	part("DV05", "DV04", 0.3, 0.8)
	return vs
}

// demoBase is the typical figure of a commune in six months in 2015
// (percentages: the lowest plausible value).
var demoBase = map[string]float64{
	"DV01": 3, "DV02": 25, "DV03": 2, "DV04": 3, "DV05": 2, "DV06": 1, "DV07": 2, "DV08": 4,
	"DV09": 2, "DV10": 120, "DV11": 15, "CQ01": 12, "CQ02": 10, "CQ04": 2, "CQ05": 1, "CQ06": 1, "CQ07": 45,
	"AN01": 8, "AN02": 7, "AN04": 6, "AN05": 10, "AN06": 3, "AN07": 70,
	"KT01": 45_000_000, "KT02": 2, "KT03": 6, "KT04": 400, "KT05": 150_000_000, "KT06": 800, "KT07": 1,
	"VH01": 2200, "VH02": 1800, "VH04": 8, "VH05": 30, "VH06": 1.2, "VH07": 75,
	"DT01": 2, "DT02": 3,
}

// thematicIndicators generates n thematic indicators reported by
// provinces, to give the national catalogue its size.
func thematicIndicators(rng *rand.Rand, n int) []report.NewIndicator {
	topics := []struct{ field, name, measure string }{
		{"economy", "Hộ được hỗ trợ vốn sản xuất trong chương trình", "hộ"},
		{"economy", "Lớp tập huấn khuyến nông theo chuyên đề", "lớp"},
		{"culture_society", "Hoạt động văn hóa, thể thao cộng đồng theo chuyên đề", "hoạt động"},
		{"culture_society", "Lượt người được tuyên truyền theo chuyên đề", "lượt người"},
		{"defence_security", "Buổi tuyên truyền pháp luật theo chuyên đề", "buổi"},
		{"party_building", "Đảng viên được kết nạp từ đoàn viên, hội viên theo chuyên đề", "người"},
		{"government_building", "Thủ tục hành chính được hướng dẫn theo chuyên đề", "thủ tục"},
		{"ethnic_religion", "Hoạt động vận động đồng bào theo chuyên đề", "hoạt động"},
	}
	out := make([]report.NewIndicator, 0, n)
	for i := 1; i <= n; i++ {
		tp := topics[rng.Intn(len(topics))]
		out = append(out, report.NewIndicator{Indicator: report.Indicator{
			Code: fmt.Sprintf("CD%03d", i), Name: fmt.Sprintf("%s số %d", tp.name, i), Measure: tp.measure, Field: tp.field,
			Aggregation: report.Sum, Integral: true, Levels: []string{"province"}, Position: 1000 + i,
		}})
	}
	return out
}
