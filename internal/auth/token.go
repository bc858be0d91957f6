package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// auditToken is what the audit log keeps of an API token: its name,
// visible prefix and scope, never the secret or its hash.
type auditToken struct {
	UserID    int64   `json:"user_id"`
	Name      string  `json:"name"`
	Prefix    string  `json:"prefix"`
	ExpiresAt string  `json:"expires_at,omitempty"`
	ReadOnly  bool    `json:"read_only,omitempty"`
	UnitIDs   []int64 `json:"unit_ids,omitempty"`
	Revoked   bool    `json:"revoked,omitempty"`
}

func (t Token) audit() auditToken {
	a := auditToken{UserID: t.UserID, Name: t.Name, Prefix: t.Prefix, ReadOnly: t.ReadOnly, UnitIDs: t.UnitIDs, Revoked: !t.Active()}
	if !t.ExpiresAt.IsZero() {
		a.ExpiresAt = db.Stamp(t.ExpiresAt)
	}
	return a
}

const tokenCols = "t.id, t.user_id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at, t.expires_at, t.read_only"

func scanToken(r scanner, extra ...any) (Token, error) {
	var t Token
	var created string
	var used, revoked, expires sql.NullString
	var ro int
	if err := r.Scan(append([]any{&t.ID, &t.UserID, &t.Name, &t.Prefix, &created, &used, &revoked, &expires, &ro}, extra...)...); err != nil {
		return Token{}, err
	}
	t.ReadOnly = ro == 1
	var err error
	if t.CreatedAt, err = db.ParseStamp(created); err != nil {
		return Token{}, err
	}
	if t.LastUsedAt, err = db.NullStamp(used); err != nil {
		return Token{}, err
	}
	if t.RevokedAt, err = db.NullStamp(revoked); err != nil {
		return Token{}, err
	}
	if t.ExpiresAt, err = db.NullStamp(expires); err != nil {
		return Token{}, err
	}
	return t, nil
}

// tokenUnits reads the units token id is limited to.
func tokenUnits(ctx context.Context, q db.Querier, id int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT unit_id FROM api_token_units WHERE token_id = ? ORDER BY unit_id", id)
	if err != nil {
		return nil, fmt.Errorf("auth: units of token %d: %w", id, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return nil, fmt.Errorf("auth: units of token %d: %w", id, err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: units of token %d: %w", id, err)
	}
	return out, nil
}

// Token lifetimes: a token made without an expiry lasts
// DefaultTokenLife; none may last longer than MaxTokenLife.
const (
	DefaultTokenLife = 90 * 24 * time.Hour
	MaxTokenLife     = 366 * 24 * time.Hour
)

// TokenSpec describes an API token to make. A zero ExpiresAt means
// DefaultTokenLife from now; ReadOnly and UnitIDs narrow the owner's
// scope (see Token).
type TokenSpec struct {
	Name      string
	ExpiresAt time.Time
	ReadOnly  bool
	UnitIDs   []int64
}

// CreateToken makes an API token for account userID with the owner's
// whole scope, lasting DefaultTokenLife; see CreateScopedToken.
func (s *Store) CreateToken(ctx context.Context, p *Principal, userID int64, name string) (Token, string, error) {
	return s.CreateScopedToken(ctx, p, userID, TokenSpec{Name: name})
}

// CreateScopedToken makes an API token for account userID and returns it
// with its secret ("dv_" followed by 43 URL-safe characters). The secret
// is shown to the user once; only its SHA-256 is stored. A token is its
// owner's alone: p must be that account (or the system). The expiry must
// lie in the future and within MaxTokenLife; every unit chosen must be
// one the owner may read today.
func (s *Store) CreateScopedToken(ctx context.Context, p *Principal, userID int64, spec TokenSpec) (Token, string, error) {
	if err := requireSelf(p, userID); err != nil {
		return Token{}, "", err
	}
	var es apperr.Errors
	name := cleanName(spec.Name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		es.Add("name", "auth.err.token_name")
	}
	now := s.db.Now()
	exp := spec.ExpiresAt
	if exp.IsZero() {
		exp = now.Add(DefaultTokenLife)
	}
	if !exp.After(now) || exp.After(now.Add(MaxTokenLife)) {
		es.Add("expires_at", "auth.err.token_expiry", int(MaxTokenLife/(24*time.Hour)))
	}
	units := slices.Clone(spec.UnitIDs)
	slices.Sort(units)
	units = slices.Compact(units)
	if len(units) > maxTokenUnits {
		es.Add("unit_ids", "auth.err.token_units", maxTokenUnits)
	} else if len(units) > 0 {
		owner := p
		if p.system {
			u, err := getUser(ctx, s.db, userID)
			if err != nil {
				return Token{}, "", err
			}
			if owner, err = s.loadPrincipal(ctx, u); err != nil {
				return Token{}, "", err
			}
		}
		for _, id := range units {
			ok, err := s.Can(ctx, owner, PermRead, id)
			if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
				return Token{}, "", err
			}
			if !ok {
				es.Add("unit_ids", "auth.err.token_unit_scope")
				break
			}
		}
	}
	if err := es.Err(); err != nil {
		return Token{}, "", err
	}
	r, err := randomToken(32)
	if err != nil {
		return Token{}, "", err
	}
	secret := TokenPrefix + r
	prefix := secret[:len(TokenPrefix)+6]
	var t Token
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := getUser(ctx, tx, userID); err != nil {
			return err
		}
		id, err := tx.InsertID(ctx, "INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at, expires_at, read_only) VALUES (?, ?, ?, ?, ?, ?, ?)",
			userID, name, prefix, hashToken(secret), db.Stamp(tx.Now()), db.Stamp(exp), boolInt(spec.ReadOnly))
		if err != nil {
			return fmt.Errorf("auth: create token: %w", err)
		}
		for _, u := range units {
			if _, err := tx.ExecContext(ctx, "INSERT INTO api_token_units (token_id, unit_id) VALUES (?, ?)", id, u); err != nil {
				return fmt.Errorf("auth: create token: unit %d: %w", u, err)
			}
		}
		if t, err = scanToken(tx.QueryRowContext(ctx, "SELECT "+tokenCols+" FROM api_tokens t WHERE t.id = ?", id)); err != nil {
			return fmt.Errorf("auth: create token: %w", err)
		}
		t.UnitIDs = units
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "api_token", EntityID: id, After: t.audit()})
	})
	if err != nil {
		return Token{}, "", err
	}
	return t, secret, nil
}

// maxTokenUnits bounds how many units one token may be limited to.
const maxTokenUnits = 50

// Tokens lists the API tokens of account userID, newest first, revoked
// ones included, when p may see the account: its own, one p manages (so
// that an administrator can revoke them), any for the system.
func (s *Store) Tokens(ctx context.Context, p *Principal, userID int64) ([]Token, error) {
	if err := s.mayRead(ctx, p, userID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+tokenCols+" FROM api_tokens t WHERE t.user_id = ? ORDER BY t.id DESC", userID)
	if err != nil {
		return nil, fmt.Errorf("auth: tokens: %w", err)
	}
	var ts []Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("auth: tokens: %w", err)
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("auth: tokens: %w", err)
	}
	rows.Close()
	for i := range ts {
		if ts[i].UnitIDs, err = tokenUnits(ctx, s.db, ts[i].ID); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

// Token returns one API token (without its secret) when it is p's own
// or its owner is an account p manages (any for the system); another's
// is not found.
func (s *Store) Token(ctx context.Context, p *Principal, id int64) (Token, error) {
	if err := requireSignedIn(p); err != nil {
		return Token{}, err
	}
	return s.reachableToken(ctx, s.db, p, id)
}

// reachableToken reads token id when it belongs to p or to an account p
// manages (any for the system).
func (s *Store) reachableToken(ctx context.Context, q db.Querier, p *Principal, id int64) (Token, error) {
	t, err := scanToken(q.QueryRowContext(ctx, "SELECT "+tokenCols+" FROM api_tokens t WHERE t.id = ?", id))
	if errors.Is(err, db.ErrNotFound) {
		return Token{}, apperr.NotFound("auth.err.unknown_token")
	}
	if err != nil {
		return Token{}, fmt.Errorf("auth: token %d: %w", id, err)
	}
	if !p.system && t.UserID != p.User.ID {
		ok := false
		if len(ScopeRoots(p, PermAdmin)) > 0 {
			if ok, err = s.CanManageUser(ctx, p, t.UserID); err != nil {
				return Token{}, err
			}
		}
		if !ok {
			return Token{}, apperr.NotFound("auth.err.unknown_token")
		}
	}
	if t.UnitIDs, err = tokenUnits(ctx, q, t.ID); err != nil {
		return Token{}, err
	}
	return t, nil
}

// RevokeToken revokes API token id for good: p's own, or one of an
// account p manages (an administrator's revocation; the system may revoke
// any). Revoking a revoked token is refused with apperr.Conflict.
func (s *Store) RevokeToken(ctx context.Context, p *Principal, id int64) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		t, err := s.reachableToken(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if !t.Active() {
			return apperr.Conflict("auth.err.token_revoked")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", db.Stamp(tx.Now()), id); err != nil {
			return fmt.Errorf("auth: revoke token %d: %w", id, err)
		}
		before := t.audit()
		t.RevokedAt = tx.Now()
		return audit.Record(ctx, tx, audit.Entry{Action: "revoke", Entity: "api_token", EntityID: id,
			Before: before, After: t.audit()})
	})
}

// revokeTokens revokes every live token of account userID (its password
// changed, so what it handed out before goes), in the caller's
// transaction, and returns how many.
func revokeTokens(ctx context.Context, tx *db.Tx, userID int64) (int64, error) {
	res, err := tx.ExecContext(ctx, "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", db.Stamp(tx.Now()), userID)
	if err != nil {
		return 0, fmt.Errorf("auth: revoke tokens of user %d: %w", userID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("auth: revoke tokens of user %d: %w", userID, err)
	}
	return n, nil
}

// AuthenticateToken returns the principal for an API call with the given
// bearer secret. It fails with an apperr.Unauthorized error when the
// token is unknown, revoked or expired or its account is disabled. The
// principal holds the owner's grants narrowed to the token's scope
// (narrowToken), so every domain check applies the token's limits. It
// refreshes the token's last-used time at most once per
// Config.LastSeenEvery.
func (s *Store) AuthenticateToken(ctx context.Context, secret string) (*Principal, error) {
	if !strings.HasPrefix(secret, TokenPrefix) || len(secret) > 128 {
		return nil, apperr.Unauthorized("auth.err.bad_token")
	}
	var tid int64
	var used, revoked, expires sql.NullString
	var ro int
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+`, t.id, t.last_used_at, t.revoked_at, t.expires_at, t.read_only
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`, hashToken(secret)),
		&tid, &used, &revoked, &expires, &ro)
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.Unauthorized("auth.err.bad_token")
	}
	if err != nil {
		return nil, fmt.Errorf("auth: authenticate token: %w", err)
	}
	if revoked.Valid || !u.Active {
		return nil, apperr.Unauthorized("auth.err.bad_token")
	}
	now := s.db.Now()
	exp, err := db.NullStamp(expires)
	if err != nil {
		return nil, err
	}
	if !exp.IsZero() && !now.Before(exp) {
		return nil, apperr.Unauthorized("auth.err.token_expired")
	}
	last, err := db.NullStamp(used)
	if err != nil {
		return nil, err
	}
	if last.IsZero() || now.Sub(last) >= s.cfg.LastSeenEvery {
		if _, err := s.db.ExecContext(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", db.Stamp(now), tid); err != nil {
			return nil, fmt.Errorf("auth: token last used: %w", err)
		}
	}
	p, err := s.loadPrincipal(ctx, u)
	if err != nil {
		return nil, err
	}
	units, err := tokenUnits(ctx, s.db, tid)
	if err != nil {
		return nil, err
	}
	if err := s.narrowToken(ctx, p, ro == 1, units); err != nil {
		return nil, err
	}
	p.TokenID = tid
	return p, nil
}

// narrowToken replaces p's grants by what a token limited to readOnly and
// units leaves of them: with units, a grant on each chosen unit with the
// role of each of p's grants covering it; with readOnly, every role
// becomes viewer. p is never widened: a chosen unit p no longer reaches
// keeps no role.
func (s *Store) narrowToken(ctx context.Context, p *Principal, readOnly bool, units []int64) error {
	if !readOnly && len(units) == 0 {
		return nil
	}
	gs := p.Grants
	if len(units) > 0 {
		var out []Grant
		for _, unit := range units {
			cov, err := s.covering(ctx, p, unit)
			if apperr.CodeOf(err) == apperr.CodeNotFound {
				continue
			}
			if err != nil {
				return err
			}
			for _, g := range gs {
				if slices.Contains(cov, g.UnitID) {
					n := g
					n.UnitID = unit
					out = append(out, n)
				}
			}
		}
		gs = out
	}
	if readOnly {
		out := make([]Grant, 0, len(gs))
		for _, g := range gs {
			g.Role = RoleViewer
			out = append(out, g)
		}
		gs = out
	}
	p.Grants = gs
	national, err := s.nationalAdmin(ctx, gs)
	if err != nil {
		return fmt.Errorf("auth: principal of user %d: %w", p.User.ID, err)
	}
	p.NationalAdmin = national
	return nil
}
