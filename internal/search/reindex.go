package search

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Reindex rebuilds the index from the records in one transaction and
// returns the number of entries. Only the system (the command line) or a
// national administrator may. The table is analyzed after.
func (s *Store) Reindex(ctx context.Context, p *auth.Principal) (int64, error) {
	return s.reindex(ctx, p, true, nil)
}

// ReindexUnanalyzed is Reindex without the ANALYZE at its end, for a
// caller that builds the table's indexes after the rows are in and
// analyzes it then (the demo): analyzing twice cost about 2 s on the
// national demo.
func (s *Store) ReindexUnanalyzed(ctx context.Context, p *auth.Principal) (int64, error) {
	return s.reindex(ctx, p, false, nil)
}

// reindex rebuilds the index with fill, or the engine's way when fill is
// nil (the benchmark compares the two ways on PostgreSQL).
func (s *Store) reindex(ctx context.Context, p *auth.Principal, analyze bool, fill func(context.Context, *db.Tx) (int64, error)) (int64, error) {
	if !p.IsSystem() && (p == nil || !p.NationalAdmin) {
		return 0, apperr.Forbidden("search.err.reindex")
	}
	var n int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM search_entries"); err != nil {
			return fmt.Errorf("search: reindex: %w", err)
		}
		var err error
		switch {
		case fill != nil:
			n, err = fill(ctx, tx)
		case tx.Dialect() == db.Postgres:
			n, err = copyEntries(ctx, tx)
		default:
			n, err = insertEntries(ctx, tx)
		}
		if err != nil {
			return fmt.Errorf("search: reindex: %w", err)
		}
		if !analyze {
			return nil
		}
		// Fresh statistics for the rebuilt table: without them PostgreSQL
		// guessed one row for every word query of the national demo.
		if _, err := tx.ExecContext(ctx, "ANALYZE search_entries"); err != nil {
			return fmt.Errorf("search: reindex: analyze: %w", err)
		}
		return nil
	})
	return n, err
}

// insertEntries writes every entry with one statement, folding in SQL:
// on SQLite danvan_fold and danvan_lower are vntext's Go functions
// registered on the connection (package db).
func insertEntries(ctx context.Context, tx *db.Tx) (int64, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO search_entries (id, kind, record_id, unit_id, title, body, title_fold, body_fold, title_lc, day, public_from)
		SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, danvan_fold(s.title),
		       danvan_fold(s.body), danvan_lower(s.title), s.day, s.public_from FROM search_sources s`)
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

// entryColumns are search_entries' columns in the order copyEntries
// writes them: on PostgreSQL the vector of words too (migration 00550).
var entryColumns = []string{"id", "kind", "record_id", "unit_id", "title", "body", "title_fold", "body_fold", "title_lc", "day", "public_from", "words"}

// reindexBatch is how many entries copyEntries reads, folds and writes at
// a time: a few megabytes of text.
var reindexBatch = 10000

// copyEntries writes every entry on PostgreSQL, folding in Go. Its SQL
// functions danvan_fold and danvan_lower (LANGUAGE sql, migration 00400)
// cost about 50 µs a row, most of the national demo's reindex; vntext's
// are the ones SQLite's index is written with. The sources are read
// through a cursor of the transaction, a batch at a time, because one
// connection cannot read a query and COPY at once; one goroutine folds a
// batch (and makes its vectors of words) while the connection fetches
// the next and copies the one before.
func copyEntries(ctx context.Context, tx *db.Tx) (int64, error) {
	if _, err := tx.ExecContext(ctx, `DECLARE search_reindex NO SCROLL CURSOR FOR
		SELECT s.record_id * 16 + s.code, s.kind, s.record_id, s.unit_id, s.title, s.body, s.day, s.public_from FROM search_sources s`); err != nil {
		return 0, err
	}
	in := make(chan [][]any, 1)
	out := make(chan [][]any, 1)
	go func() {
		defer close(out)
		for b := range in {
			for _, r := range b {
				foldEntry(r)
			}
			out <- b
		}
	}()
	// At most one batch is with the folder at any time, so it never
	// blocks on out and ends once in is closed. It folds a batch while
	// the connection copies the one before and fetches the next.
	defer close(in)
	var n int64
	folding := false
	for {
		b, err := fetchEntries(ctx, tx)
		if err != nil {
			return n, err
		}
		var folded [][]any
		if folding {
			folded, folding = <-out, false
		}
		if len(b) > 0 {
			in <- b
			folding = true
		}
		if folded != nil {
			m, err := tx.CopyFrom(ctx, "search_entries", entryColumns, folded)
			n += m
			if err != nil {
				return n, err
			}
		}
		if len(b) == 0 {
			break
		}
	}
	_, err := tx.ExecContext(ctx, "CLOSE search_reindex")
	return n, err
}

// fetchEntries reads the cursor's next batch of sources as rows of
// entryColumns, the folded columns and the words empty.
func fetchEntries(ctx context.Context, tx *db.Tx) ([][]any, error) {
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("FETCH %d FROM search_reindex", reindexBatch))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var b [][]any
	for rows.Next() {
		var id, record, unit int64
		var kind string
		var title, body, day, public sql.NullString
		if err := rows.Scan(&id, &kind, &record, &unit, &title, &body, &day, &public); err != nil {
			return nil, err
		}
		b = append(b, []any{id, kind, record, unit, text(title), text(body), nil, nil, nil, text(day), text(public), nil})
	}
	return b, rows.Err()
}

// text is s's value for COPY: NULL stays NULL.
func text(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// foldEntry fills in a row's title_fold, body_fold and title_lc from its
// title and body, as danvan_fold and danvan_lower do on SQLite (NULL
// gives NULL), and its words from the folded two, as danvan_words does
// (a NULL fold gives no vector; the table refuses it as it refuses the
// NULL fold).
func foldEntry(r []any) {
	if t, ok := r[4].(string); ok {
		r[6] = vntext.Fold(t)
		r[8] = db.SearchLower(t)
	}
	if b, ok := r[5].(string); ok {
		r[7] = vntext.Fold(b)
	}
	if t, ok := r[6].(string); ok {
		if b, ok := r[7].(string); ok {
			r[11] = db.SearchWords(t, b)
		}
	}
}
