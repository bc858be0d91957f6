package report

import (
	"context"

	"github.com/danvan/danvan/internal/auth"
)

// RollupUnkept is Rollup computed afresh every time: the benchmarks
// measure the roll-up itself with it, and Rollup's kept answers apart.
func (s *Store) RollupUnkept(ctx context.Context, p *auth.Principal, q Query) (Totals, error) {
	return s.rollupTotals(ctx, p, q, false)
}
