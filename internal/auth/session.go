package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// LoginRequest is a sign-in attempt.
type LoginRequest struct {
	Login     string
	Password  string
	Addr      string // client address (IP), for throttling and the audit log
	UserAgent string // kept with the session so users can tell devices apart
}

// Login signs a user in and starts a new session (a new token every
// time, so a token planted before sign-in is worthless after it).
//
// The attempt is counted before the password is hashed (see reserve), and
// the hash waits for one of a bounded number of slots. It refuses, with
// an apperr.Unauthorized error:
//   - without checking the password, when the login name has had too many
//     failed attempts within the throttling window ("… thử lại lúc
//     10:05"), or the client address is being slowed down ("… chờ đến
//     10:05:07");
//   - an unknown login name or a wrong password, with the same message
//     for both ("Tên đăng nhập hoặc mật khẩu không đúng."); the attempt's
//     row stays, counted as a failure for the name and the address, and
//     the failure is audited (with the login name only when such an
//     account exists: people type passwords into the login field);
//   - a disabled account (after a correct password only), audited too.
//
// A successful sign-in clears the failures counted for the login name.
// For an account with two-factor sign-in on, it starts no session: the
// Session returned has only UserID and SecondStep, the secret to pass to
// VerifySecondStep with the code.
func (s *Store) Login(ctx context.Context, r LoginRequest) (Session, error) {
	login, _ := NormalizeLogin(r.Login)
	// Failures are counted under a hash of the login name, so that a
	// password typed into the login field is not kept in clear.
	key := hashToken(login)
	attempt, err := s.reserve(ctx, key, r.Addr)
	if err != nil {
		return Session{}, err
	}

	var hash string
	var twoFactor sql.NullString
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+", u.password_hash, u.totp_enabled_at FROM users u WHERE u.login = ?", login), &hash, &twoFactor)
	found := err == nil
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}
	if !found {
		hash = s.dummy // spend the same time as for a real account
	}
	ok, err := s.verify(ctx, r.Password, hash)
	if err != nil {
		// Not checked after all (busy): the attempt does not count.
		s.forget(ctx, attempt)
		if _, isApp := apperr.As(err); isApp {
			return Session{}, err
		}
		return Session{}, fmt.Errorf("auth: login %q: %w", login, err)
	}
	if !found || !ok {
		reason := "bad_password"
		if !found {
			reason, u = "unknown_login", User{}
		}
		if err := s.auditFailure(ctx, u, r.Addr, reason); err != nil {
			return Session{}, err
		}
		return Session{}, apperr.Unauthorized("auth.err.bad_login")
	}
	if !u.Active {
		s.forget(ctx, attempt)
		if err := s.auditFailure(ctx, u, r.Addr, "disabled"); err != nil {
			return Session{}, err
		}
		return Session{}, apperr.Unauthorized("auth.err.disabled")
	}
	var sess Session
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM login_failures WHERE login = ?", key); err != nil {
			return fmt.Errorf("auth: login: clear failures: %w", err)
		}
		if twoFactor.Valid {
			return nil
		}
		sess, err = s.startSession(ctx, tx, u, r.Addr, r.UserAgent)
		return err
	})
	if err != nil || !twoFactor.Valid {
		return sess, err
	}
	// The account signs in with a second step: no session yet.
	secret, err := s.challenge(ctx, u, r.Addr, r.UserAgent)
	if err != nil {
		return Session{}, err
	}
	return Session{UserID: u.ID, SecondStep: secret}, nil
}

// forget removes an attempt's row that turned out not to be a failure.
func (s *Store) forget(ctx context.Context, attempt int64) {
	if _, err := s.db.ExecContext(context.WithoutCancel(ctx), "DELETE FROM login_failures WHERE id = ?", attempt); err != nil {
		slog.WarnContext(ctx, "auth: forget a sign-in attempt", slog.Any("err", err))
	}
}

// auditFailure records a refused sign-in: who (when the account exists),
// from where, and why; never what was typed.
func (s *Store) auditFailure(ctx context.Context, u User, addr, reason string) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		actx := ctx
		if audit.ActorFrom(ctx).UserID == 0 {
			actx = audit.WithActor(ctx, audit.Actor{UserID: u.ID, Name: u.Login, Addr: addr})
		}
		return audit.Record(actx, tx, audit.Entry{Action: "login_failed", Entity: "session",
			After: auditSession{UserID: u.ID, Login: u.Login, Addr: addr, Reason: reason}})
	})
}

// StartSession starts a new session for an active account without a
// password, for the web layer to keep a user signed in right after they
// changed their own password (which ends every session).
func (s *Store) StartSession(ctx context.Context, userID int64, addr, userAgent string) (Session, error) {
	var sess Session
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		u, err := getUser(ctx, tx, userID)
		if err != nil {
			return err
		}
		if !u.Active {
			return apperr.Unauthorized("auth.err.disabled")
		}
		sess, err = s.startSession(ctx, tx, u, addr, userAgent)
		return err
	})
	return sess, err
}

// auditSession is what the audit log keeps of a session: never its
// tokens.
type auditSession struct {
	UserID    int64  `json:"user_id"`
	Login     string `json:"login"`
	Addr      string `json:"addr,omitempty"`
	ExpiresAt string `json:"expires_at,omitempty"`
	Reason    string `json:"reason,omitempty"` // why a sign-in was refused
}

func (s *Store) startSession(ctx context.Context, tx *db.Tx, u User, addr, ua string) (Session, error) {
	token, err := randomToken(32)
	if err != nil {
		return Session{}, err
	}
	csrf, err := randomToken(32)
	if err != nil {
		return Session{}, err
	}
	if len(ua) > 300 {
		ua = ua[:300]
	}
	now := tx.Now()
	exp := now.Add(s.cfg.SessionMax)
	id, err := tx.InsertID(ctx, `INSERT INTO sessions (user_id, token_hash, csrf_token, addr, user_agent, created_at, last_seen_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, hashToken(token), csrf, addr, ua, db.Stamp(now), db.Stamp(now), db.Stamp(exp))
	if err != nil {
		return Session{}, fmt.Errorf("auth: start session: %w", err)
	}
	if audit.ActorFrom(ctx).UserID == 0 {
		ctx = audit.WithActor(ctx, audit.Actor{UserID: u.ID, Name: u.Login, Addr: addr})
	}
	if err := audit.Record(ctx, tx, audit.Entry{Action: "login", Entity: "session", EntityID: id,
		After: auditSession{UserID: u.ID, Login: u.Login, Addr: addr, ExpiresAt: db.Stamp(exp)}}); err != nil {
		return Session{}, err
	}
	return Session{ID: id, UserID: u.ID, Token: token, CSRFToken: csrf, CreatedAt: now, ExpiresAt: exp}, nil
}

// Authenticate returns the principal of the session whose cookie token is
// given. It fails with an apperr.Unauthorized error when the token is
// unknown or ended, the session has been idle too long or reached its
// absolute end, or the account is disabled. It refreshes the session's
// last-seen time at most once per Config.LastSeenEvery.
func (s *Store) Authenticate(ctx context.Context, token string) (*Principal, error) {
	if token == "" || len(token) > 128 {
		return nil, apperr.Unauthorized("auth.err.session_expired")
	}
	var sid int64
	var csrf, lastSeen, expires string
	var twoFactor sql.NullString
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+`, s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.totp_enabled_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, hashToken(token)),
		&sid, &csrf, &lastSeen, &expires, &twoFactor)
	if errors.Is(err, db.ErrNotFound) {
		return nil, apperr.Unauthorized("auth.err.session_expired")
	}
	if err != nil {
		return nil, fmt.Errorf("auth: authenticate: %w", err)
	}
	if !u.Active {
		return nil, apperr.Unauthorized("auth.err.disabled")
	}
	seen, err := db.ParseStamp(lastSeen)
	if err != nil {
		return nil, err
	}
	exp, err := db.ParseStamp(expires)
	if err != nil {
		return nil, err
	}
	now := s.db.Now()
	if !now.Before(exp) || !now.Before(seen.Add(s.cfg.SessionIdle)) {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE id = ?", sid); err != nil {
			return nil, fmt.Errorf("auth: end expired session: %w", err)
		}
		return nil, apperr.Unauthorized("auth.err.session_expired")
	}
	if now.Sub(seen) >= s.cfg.LastSeenEvery {
		if _, err := s.db.ExecContext(ctx, "UPDATE sessions SET last_seen_at = ? WHERE id = ?", db.Stamp(now), sid); err != nil {
			return nil, fmt.Errorf("auth: session last seen: %w", err)
		}
	}
	p, err := s.loadPrincipal(ctx, u)
	if err != nil {
		return nil, err
	}
	p.SessionID, p.CSRFToken = sid, csrf
	if !twoFactor.Valid {
		if p.TwoFactorDue, err = s.twoFactorRequired(ctx, p.Grants); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Logout ends the session whose cookie token is given. An unknown or
// already ended session is not an error.
func (s *Store) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var id, userID int64
		var addr string
		err := tx.QueryRowContext(ctx, "SELECT id, user_id, addr FROM sessions WHERE token_hash = ?", hashToken(token)).Scan(&id, &userID, &addr)
		if errors.Is(err, db.ErrNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("auth: logout: %w", err)
		}
		u, err := getUser(ctx, tx, userID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE id = ?", id); err != nil {
			return fmt.Errorf("auth: logout: %w", err)
		}
		if audit.ActorFrom(ctx).UserID == 0 {
			ctx = audit.WithActor(ctx, audit.Actor{UserID: u.ID, Name: u.Login, Addr: addr})
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "logout", Entity: "session", EntityID: id,
			Before: auditSession{UserID: u.ID, Login: u.Login, Addr: addr}})
	})
}

// endSessions ends every session of an account.
func endSessions(ctx context.Context, tx *db.Tx, userID int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", userID); err != nil {
		return fmt.Errorf("auth: end sessions of user %d: %w", userID, err)
	}
	return nil
}

// PurgeExpired deletes sessions past their idle or absolute end and
// failed sign-ins older than the throttling window; run it now and then
// (expired sessions are refused whether purged or not). It returns how
// many rows it deleted.
func (s *Store) PurgeExpired(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now()
		res, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?",
			db.Stamp(now), db.Stamp(now.Add(-s.cfg.SessionIdle)))
		if err != nil {
			return fmt.Errorf("auth: purge sessions: %w", err)
		}
		a, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("auth: purge sessions: %w", err)
		}
		res, err = tx.ExecContext(ctx, "DELETE FROM login_failures WHERE at <= ?", db.Stamp(now.Add(-s.cfg.ThrottleWindow)))
		if err != nil {
			return fmt.Errorf("auth: purge login failures: %w", err)
		}
		b, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("auth: purge login failures: %w", err)
		}
		n = a + b
		return nil
	})
	return n, err
}
