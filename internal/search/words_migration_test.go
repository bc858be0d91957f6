package search_test

import (
	"context"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestWordsMigration: a database whose index was written before
// migration 00550 (units named by the triggers of 00400) gets every
// entry's vector of words on the way up, danvan_words' own on
// PostgreSQL; entries written after get theirs from the triggers, and
// an entry folded again gets its words again. The word and title-only
// searches find the entries through the new column.
func TestWordsMigration(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := dbtest.OpenEmpty(t, kind)
			if _, err := d.MigrateTo(ctx, 540); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				`INSERT INTO units (id, code, level, kind, valid_from, created_at) VALUES
					(1, 'P', 'province', 'board', '2015-01-01', '2015-01-01T00:00:00Z'),
					(2, 'C', 'commune', 'commune_bloc', '2015-01-01', '2015-01-01T00:00:00Z')`,
				`INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, name_fold, short_name, sort_key, parent_id, path, created_at) VALUES
					(1, '2015-01-01', NULL, 'Ban Dân vận Tỉnh ủy Lạng Sơn', 'x', 'BDV 46-QĐ', '', NULL, '/1/', '2015-01-01T00:00:00Z'),
					(2, '2015-01-01', NULL, 'Khối Dân vận xã Mai Sao', 'x', 'Xã Mai Sao', '', 1, '/1/2/', '2015-01-01T00:00:00Z')`,
			} {
				if _, err := d.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if _, err := d.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			count := func(where string, args ...any) int {
				t.Helper()
				var n int
				if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM search_entries e WHERE "+where, args...).Scan(&n); err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				return n
			}
			wrong := "e.words IS NOT NULL"
			if d.Dialect() == db.Postgres {
				wrong = "e.words IS DISTINCT FROM danvan_words(e.title_fold, e.body_fold)"
			}
			if n := count("1 = 1"); n != 2 {
				t.Fatalf("%d entries before the migration, want 2", n)
			}
			if n := count(wrong); n != 0 {
				t.Errorf("%d entries without their words after the migration", n)
			}
			found := func(phrase string, title bool) int {
				t.Helper()
				q := d.Dialect().Search([]db.SearchTerm{{Alternatives: [][]string{strings.Fields(phrase)}}}, title)
				var n int
				if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM search_entries e"+q.Join+" WHERE "+q.Where, q.Args...).Scan(&n); err != nil {
					t.Fatalf("%q: %v", phrase, err)
				}
				return n
			}
			if _, err := d.ExecContext(ctx, `INSERT INTO units (id, code, level, kind, valid_from, created_at) VALUES (3, 'D', 'commune', 'commune_bloc', '2015-01-01', '2015-01-01T00:00:00Z')`); err != nil {
				t.Fatal(err)
			}
			if _, err := d.ExecContext(ctx, `INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, name_fold, short_name, sort_key, parent_id, path, created_at)
				VALUES (3, '2015-01-01', NULL, 'Khối Dân vận xã Đồng Đăng', 'x', 'Sao Mai', '', 1, '/1/3/', '2015-01-01T00:00:00Z')`); err != nil {
				t.Fatal(err)
			}
			if n := count(wrong); n != 0 {
				t.Errorf("%d entries without their words after a new unit", n)
			}
			for _, c := range []struct {
				phrase      string
				title, want int
			}{
				{"dan van", 3, 3}, {"mai sao", 1, 1}, {"sao mai", 0, 1}, {"46 qd", 0, 1}, {"lang son", 1, 1}, {"dong dang", 1, 1}, {"van xa", 2, 2},
			} {
				if n := found(c.phrase, true); n != c.title {
					t.Errorf("%q in titles: %d entries, want %d", c.phrase, n, c.title)
				}
				if n := found(c.phrase, false); n != c.want {
					t.Errorf("%q: %d entries, want %d", c.phrase, n, c.want)
				}
			}
			if _, err := d.ExecContext(ctx, `UPDATE search_entries SET title_fold = 'ban dan van moi' WHERE record_id = 1 AND kind = 'unit'`); err != nil {
				t.Fatal(err)
			}
			if n := count(wrong); n != 0 {
				t.Errorf("%d entries without their words after folding again", n)
			}
			if d.Dialect() == db.Postgres {
				if n := found("dan van moi", true); n != 1 {
					t.Errorf("the title folded again: %d entries, want 1", n)
				}
			}
		})
	}
}
