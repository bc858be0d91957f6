package search

import (
	"context"

	"github.com/danvan/danvan/internal/auth"
)

// SetReindexBatch sets how many entries Reindex copies at a time on
// PostgreSQL and returns the function that puts the size back.
func SetReindexBatch(n int) (restore func()) {
	old := reindexBatch
	reindexBatch = n
	return func() { reindexBatch = old }
}

// ReindexSQL is Reindex folding in SQL on either engine, with its ANALYZE
// or not: the way PostgreSQL's index was rebuilt before it folded in Go.
func (s *Store) ReindexSQL(ctx context.Context, p *auth.Principal, analyze bool) (int64, error) {
	return s.reindex(ctx, p, analyze, insertEntries)
}
