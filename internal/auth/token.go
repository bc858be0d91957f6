package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// auditToken is what the audit log keeps of an API token: its name and
// visible prefix, never the secret or its hash.
type auditToken struct {
	UserID  int64  `json:"user_id"`
	Name    string `json:"name"`
	Prefix  string `json:"prefix"`
	Revoked bool   `json:"revoked,omitempty"`
}

const tokenCols = "t.id, t.user_id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at"

func scanToken(r scanner, extra ...any) (Token, error) {
	var t Token
	var created string
	var used, revoked sql.NullString
	if err := r.Scan(append([]any{&t.ID, &t.UserID, &t.Name, &t.Prefix, &created, &used, &revoked}, extra...)...); err != nil {
		return Token{}, err
	}
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
	return t, nil
}

// CreateToken makes an API token for account userID and returns it with
// its secret ("dv_" followed by 43 URL-safe characters). The secret is
// shown to the user once; only its SHA-256 is stored. A token is its
// owner's alone: p must be that account (or the system).
func (s *Store) CreateToken(ctx context.Context, p *Principal, userID int64, name string) (Token, string, error) {
	if err := requireSelf(p, userID); err != nil {
		return Token{}, "", err
	}
	name = cleanName(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return Token{}, "", apperr.Invalid("name", "auth.err.token_name")
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
		id, err := tx.InsertID(ctx, "INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
			userID, name, prefix, hashToken(secret), db.Stamp(tx.Now()))
		if err != nil {
			return fmt.Errorf("auth: create token: %w", err)
		}
		if t, err = scanToken(tx.QueryRowContext(ctx, "SELECT "+tokenCols+" FROM api_tokens t WHERE t.id = ?", id)); err != nil {
			return fmt.Errorf("auth: create token: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "api_token", EntityID: id,
			After: auditToken{UserID: userID, Name: name, Prefix: prefix}})
	})
	if err != nil {
		return Token{}, "", err
	}
	return t, secret, nil
}

// Tokens lists the API tokens of account userID, newest first, revoked
// ones included; p must be that account (or the system).
func (s *Store) Tokens(ctx context.Context, p *Principal, userID int64) ([]Token, error) {
	if err := requireSelf(p, userID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+tokenCols+" FROM api_tokens t WHERE t.user_id = ? ORDER BY t.id DESC", userID)
	if err != nil {
		return nil, fmt.Errorf("auth: tokens: %w", err)
	}
	defer rows.Close()
	var ts []Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("auth: tokens: %w", err)
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("auth: tokens: %w", err)
	}
	return ts, nil
}

// Token returns one API token (without its secret) when it is p's own
// (any for the system); another's is not found.
func (s *Store) Token(ctx context.Context, p *Principal, id int64) (Token, error) {
	if err := requireSignedIn(p); err != nil {
		return Token{}, err
	}
	return ownToken(ctx, s.db, p, id)
}

// ownToken reads token id when it belongs to p (any for the system).
func ownToken(ctx context.Context, q db.Querier, p *Principal, id int64) (Token, error) {
	t, err := scanToken(q.QueryRowContext(ctx, "SELECT "+tokenCols+" FROM api_tokens t WHERE t.id = ?", id))
	if errors.Is(err, db.ErrNotFound) || (err == nil && !p.system && t.UserID != p.User.ID) {
		return Token{}, apperr.NotFound("auth.err.unknown_token")
	}
	if err != nil {
		return Token{}, fmt.Errorf("auth: token %d: %w", id, err)
	}
	return t, nil
}

// RevokeToken revokes p's API token id for good (the system may revoke
// any). Revoking a revoked token is refused with apperr.Conflict.
func (s *Store) RevokeToken(ctx context.Context, p *Principal, id int64) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		t, err := ownToken(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if !t.Active() {
			return apperr.Conflict("auth.err.token_revoked")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", db.Stamp(tx.Now()), id); err != nil {
			return fmt.Errorf("auth: revoke token %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "revoke", Entity: "api_token", EntityID: id,
			Before: auditToken{UserID: t.UserID, Name: t.Name, Prefix: t.Prefix},
			After:  auditToken{UserID: t.UserID, Name: t.Name, Prefix: t.Prefix, Revoked: true}})
	})
}

// AuthenticateToken returns the principal for an API call with the given
// bearer secret. It fails with an apperr.Unauthorized error when the
// token is unknown or revoked or its account is disabled. It refreshes
// the token's last-used time at most once per Config.LastSeenEvery.
func (s *Store) AuthenticateToken(ctx context.Context, secret string) (*Principal, error) {
	if !strings.HasPrefix(secret, TokenPrefix) || len(secret) > 128 {
		return nil, apperr.Unauthorized("auth.err.bad_token")
	}
	var tid int64
	var used, revoked sql.NullString
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+`, t.id, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`, hashToken(secret)),
		&tid, &used, &revoked)
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.Unauthorized("auth.err.bad_token")
	}
	if err != nil {
		return nil, fmt.Errorf("auth: authenticate token: %w", err)
	}
	if revoked.Valid || !u.Active {
		return nil, apperr.Unauthorized("auth.err.bad_token")
	}
	last, err := db.NullStamp(used)
	if err != nil {
		return nil, err
	}
	now := s.db.Now()
	if last.IsZero() || now.Sub(last) >= s.cfg.LastSeenEvery {
		if _, err := s.db.ExecContext(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", db.Stamp(now), tid); err != nil {
			return nil, fmt.Errorf("auth: token last used: %w", err)
		}
	}
	p, err := s.loadPrincipal(ctx, u)
	if err != nil {
		return nil, err
	}
	p.TokenID = tid
	return p, nil
}
