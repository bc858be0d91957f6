package citizen

import (
	"context"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// The national benchmark lives in package citizen_test (it builds its
// tree with internal/demo, which imports citizen for its demo step); these
// give it the internals it measures.

// EvaluatePetition evaluates every rule on petition id in tx.
func (s *Store) EvaluatePetition(ctx context.Context, tx *db.Tx, id int64) error {
	return s.evaluatePetition(ctx, tx, id)
}

// EvaluateMediation evaluates the mediation rule on case id in tx.
func (s *Store) EvaluateMediation(ctx context.Context, tx *db.Tx, id int64) error {
	return s.evaluateMediation(ctx, tx, id)
}

// ProvinceOf is the province unit u lies in.
func ProvinceOf(u org.Unit) int64 { return provinceOf(u) }
