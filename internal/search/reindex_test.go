package search_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/search"
	"github.com/danvan/danvan/internal/vntext"
)

// sqlEntries is what the index would hold when written by SQL alone:
// every source folded by the database's danvan_fold and danvan_lower, as
// the triggers and the single INSERT … SELECT that Reindex ran before it
// folded in Go on PostgreSQL, with danvan_words' vector of the folded
// title and text there. Rows as entries gives them.
func sqlEntries(t *testing.T, d *db.DB) string {
	t.Helper()
	words := "'-'"
	if d.Dialect() == db.Postgres {
		words = "CAST(danvan_words(danvan_fold(s.title), danvan_fold(s.body)) AS TEXT)"
	}
	return dumpRows(t, d, `SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body,
		danvan_fold(s.title), danvan_fold(s.body), danvan_lower(s.title), s.day, COALESCE(s.public_from, '-'), `+words+` FROM search_sources s ORDER BY 1`)
}

// TestReindexMatchesSQL: Reindex (on PostgreSQL it folds and makes the
// vectors of words in Go and writes with COPY, a few entries at a time
// here so that many batches go through its pipeline) writes, row for
// row, the entries the SQL functions give and the triggers wrote, over
// text with marks as stored, NFD and the other tone placement normalized
// on the way in, punctuation and empty bodies; and the searches find the
// same before and after.
func TestReindexMatchesSQL(t *testing.T) {
	texts := []string{
		"Nguyễn Thị Hồng Nhung", "Ủy ban MTTQ xã Hòa Bình", "Thủy lợi nội đồng", "khỏe mạnh",
		"Đảng bộ ĐẠI HỌC", "“Dân vận khéo” – 46-QĐ/BDVHU (2023)", "Ư Ơ Ă Â Ê Ô  tab\tdòng\nmới", "Αθήνα Москва",
		"Nguye\u0302\u0303n Văn Thuỷ", "hoà giải ở cơ sở",
	}
	queries := []string{"nguyen thi", "ủy ban", "hoa binh", "dan van kheo", "dai hoc", "thuy", "hòa giải", "46 qd", "tab dong moi"}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, w := setup(t, d)
		units := []int64{w.LangSon.ID, w.ChiLang.ID, w.CaoLoc.ID, w.QuangLang.ID, w.MaiSao.ID, w.DongDang.ID,
			w.SocTrang.ID, w.MyXuyen.ID, w.KeSach.ID, w.DaiTam.ID}
		for i, text := range texts {
			records(t, d, units[i], vntext.Normalize(text))
		}
		searches := func() string {
			var b strings.Builder
			for _, q := range queries {
				res := find(t, s, w.Admin, search.Query{Text: q, PerPage: search.MaxPerPage})
				fmt.Fprintf(&b, "%s: %d %v %v\n", q, res.Total, res.ByKind, keys(res))
			}
			return b.String()
		}
		triggers, found := entries(t, d), searches()
		if want := sqlEntries(t, d); triggers != want {
			t.Fatalf("the triggers wrote other entries than the SQL functions give:\n%s\nwant\n%s", triggers, want)
		}
		count := func() (n int64) {
			if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM search_entries").Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := count(); n < 100 {
			t.Fatalf("%d entries: too few to test batches", n)
		}
		for _, batch := range []int{7, 10000} {
			restore := search.SetReindexBatch(batch)
			if _, err := d.ExecContext(ctx, "DELETE FROM search_entries"); err != nil {
				t.Fatal(err)
			}
			n, err := s.Reindex(ctx, auth.System())
			restore()
			if err != nil {
				t.Fatalf("batch %d: %v", batch, err)
			}
			got := entries(t, d)
			if c := count(); n != c {
				t.Errorf("batch %d: Reindex says %d entries, the table has %d", batch, n, c)
			}
			if got != triggers {
				t.Errorf("batch %d: Reindex wrote\n%s\nthe triggers\n%s", batch, got, triggers)
			}
			if after := searches(); after != found {
				t.Errorf("batch %d: searches after Reindex:\n%s\nbefore:\n%s", batch, after, found)
			}
		}
		if _, err := s.ReindexUnanalyzed(ctx, auth.System()); err != nil {
			t.Fatal(err)
		}
		if got := entries(t, d); got != triggers {
			t.Error("ReindexUnanalyzed wrote other entries than the triggers")
		}
	})
}
