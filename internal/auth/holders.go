package auth

import (
	"context"
	"fmt"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
)

// Holders lists the active accounts whose grants carry perm on unit
// unitID (a grant on the unit or on one of its ancestors in today's tree),
// sorted by name, for p who may read the unit: whom a case of the unit
// may be assigned to. Only the accounts' names and ids matter to the
// caller; it learns nothing of their other grants.
func (s *Store) Holders(ctx context.Context, p *Principal, perm Permission, unitID int64) ([]User, error) {
	if err := s.Require(ctx, p, PermRead, unitID); err != nil {
		return nil, err
	}
	cov, err := s.covering(ctx, p, unitID)
	if err != nil {
		return nil, err
	}
	var roles []any
	for _, r := range Roles {
		if r.Allows(perm) {
			roles = append(roles, string(r))
		}
	}
	if len(cov) == 0 || len(roles) == 0 {
		return nil, nil
	}
	args := append([]any{}, roles...)
	for _, id := range cov {
		args = append(args, id)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT "+userCols+", u.sort_key FROM users u JOIN grants g ON g.user_id = u.id"+
		" WHERE u.active = 1 AND g.role IN ("+db.Placeholders(len(roles))+") AND g.unit_id IN ("+db.Placeholders(len(cov))+")"+
		" ORDER BY u.sort_key, u.id", args...)
	if err != nil {
		return nil, fmt.Errorf("auth: holders of unit %d: %w", unitID, err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var key []byte
		u, err := scanUser(rows, &key)
		if err != nil {
			return nil, fmt.Errorf("auth: holders of unit %d: %w", unitID, err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: holders of unit %d: %w", unitID, err)
	}
	return out, nil
}

// HolderOf reports whether account userID is one of Holders(perm, unitID),
// without needing the caller's permission (the domain package that asks
// has checked its caller already). An unknown account is not one.
func (s *Store) HolderOf(ctx context.Context, userID int64, perm Permission, unitID int64) (bool, error) {
	u, err := getUser(ctx, s.db, userID)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	p, err := s.loadPrincipal(ctx, u)
	if err != nil {
		return false, err
	}
	return s.Can(ctx, p, perm, unitID)
}
