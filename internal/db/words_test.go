package db_test

import (
	"context"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/vntext"
)

// TestSearchWordsMatchSQL: db.SearchWords, the vector Reindex writes by
// COPY on PostgreSQL, is the one danvan_words (migration 00550, the
// triggers' way) makes, for the folded texts of the fold cases and for
// what reaches the limits of a tsvector: a word repeated beyond the
// positions kept of one word, in the title, the text and both; texts
// longer than the last position; words too long to be indexed; the
// same word in title and text. PostgreSQL only: SQLite has no vectors.
func TestSearchWordsMatchSQL(t *testing.T) {
	long := strings.Repeat("x", 2046)
	pairs := [][2]string{
		{"", ""},
		{"ban dan van", ""},
		{"", "ban dan van"},
		{"ban dan van huyen", "ban dan van tinh uy dan van kheo"},
		{"46-qd/bdvhu 1.250 ho; 3,5 ty", "so 12/kh-bdv ngay 01/3/2024 1e5 0x1f abc123def x_y"},
		{strings.Repeat("a ", 300), "a b"},
		{"a b", strings.Repeat("b a ", 300)},
		{strings.Repeat("a ", 200), strings.Repeat("a ", 200)},
		{"t", strings.Repeat("w ", 9000) + strings.Repeat("v ", 9000) + "z"},
		{strings.Repeat("q ", 16400), "q r"},
		{long + " " + long + "x y", "z " + long + "xx " + long},
		{"ao aob a aa b ab", "ab a"},
	}
	for _, c := range foldCases {
		f := vntext.Fold(vntext.Normalize(c))
		pairs = append(pairs, [2]string{f, f + " " + f})
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		if d.Dialect() != db.Postgres {
			t.Skip("the stored vector of words is PostgreSQL's")
		}
		ctx := context.Background()
		for _, p := range pairs {
			v := db.SearchWords(p[0], p[1])
			var same bool
			var want, got string
			if err := d.QueryRowContext(ctx, `SELECT danvan_words(CAST(? AS TEXT), CAST(? AS TEXT)) = CAST(? AS tsvector),
				CAST(danvan_words(CAST(? AS TEXT), CAST(? AS TEXT)) AS TEXT), CAST(CAST(? AS tsvector) AS TEXT)`,
				p[0], p[1], v, p[0], p[1], v).Scan(&same, &want, &got); err != nil {
				t.Fatalf("%.40q, %.40q: %v", p[0], p[1], err)
			}
			if !same || got != want {
				t.Errorf("%.40q, %.40q:\ngot  %.300s\nwant %.300s", p[0], p[1], got, want)
			}
		}
	})
}

// BenchmarkSearchWords measures the vector of one entry the size of a
// national demo model's (a title and about 300 characters of text).
func BenchmarkSearchWords(b *testing.B) {
	title := "mo hinh dan van kheo xay dung nong thon moi o xa tan lap"
	body := strings.Repeat("van dong nhan dan tham gia hien dat lam duong, xay dung nong thon moi kieu mau; ", 4)
	b.SetBytes(int64(len(title) + len(body)))
	for b.Loop() {
		db.SearchWords(title, body)
	}
}
