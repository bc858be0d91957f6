package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

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
// It refuses, with an apperr.Unauthorized error:
//   - without checking the password, when the login name or the client
//     address has had too many failed attempts within the throttling
//     window ("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau N
//     phút.");
//   - an unknown login name or a wrong password, with the same message
//     for both ("Tên đăng nhập hoặc mật khẩu không đúng."), counting a
//     failure for the name and the address;
//   - a disabled account (after a correct password only).
//
// A successful sign-in clears the failures counted for the login name.
func (s *Store) Login(ctx context.Context, r LoginRequest) (Session, error) {
	login, _ := NormalizeLogin(r.Login)
	// Failures are counted under a hash of the login name, so that a
	// password typed into the login field is not kept in clear.
	key := hashToken(login)
	now := s.db.Now()
	wait, err := s.throttled(ctx, key, r.Addr, now)
	if err != nil {
		return Session{}, err
	}
	if wait > 0 {
		return Session{}, apperr.Unauthorized("auth.err.throttled", minutes(wait))
	}

	var hash string
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+", u.password_hash FROM users u WHERE u.login = ?", login), &hash)
	found := err == nil
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return Session{}, fmt.Errorf("auth: login: %w", err)
	}
	if !found {
		hash = s.dummy // spend the same time as for a real account
	}
	ok, err := VerifyPassword(r.Password, hash)
	if err != nil {
		return Session{}, fmt.Errorf("auth: login %q: %w", login, err)
	}
	if !found || !ok {
		if err := s.recordFailure(ctx, key, r.Addr); err != nil {
			return Session{}, err
		}
		return Session{}, apperr.Unauthorized("auth.err.bad_login")
	}
	if !u.Active {
		return Session{}, apperr.Unauthorized("auth.err.disabled")
	}
	var sess Session
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM login_failures WHERE login = ?", key); err != nil {
			return fmt.Errorf("auth: login: clear failures: %w", err)
		}
		sess, err = s.startSession(ctx, tx, u, r.Addr, r.UserAgent)
		return err
	})
	return sess, err
}

// minutes rounds a wait up to whole minutes, at least 1.
func minutes(d time.Duration) int {
	m := int((d + time.Minute - 1) / time.Minute)
	return max(m, 1)
}

// throttled returns how long sign-ins for login (the hashed key) or from
// addr must wait, or 0 when they may go ahead.
func (s *Store) throttled(ctx context.Context, login, addr string, now time.Time) (time.Duration, error) {
	since := db.Stamp(now.Add(-s.cfg.ThrottleWindow))
	wait := time.Duration(0)
	check := func(col, val string, limit int) error {
		rows, err := s.db.QueryContext(ctx, "SELECT at FROM login_failures WHERE "+col+" = ? AND at > ? ORDER BY at", val, since)
		if err != nil {
			return fmt.Errorf("auth: throttle: %w", err)
		}
		defer rows.Close()
		var ats []string
		for rows.Next() {
			var at string
			if err := rows.Scan(&at); err != nil {
				return fmt.Errorf("auth: throttle: %w", err)
			}
			ats = append(ats, at)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("auth: throttle: %w", err)
		}
		if len(ats) < limit {
			return nil
		}
		// Attempts may resume when enough failures have left the window
		// to bring the count below the limit.
		t, err := db.ParseStamp(ats[len(ats)-limit])
		if err != nil {
			return err
		}
		wait = max(wait, t.Add(s.cfg.ThrottleWindow).Sub(now))
		return nil
	}
	if err := check("login", login, s.cfg.AccountFailures); err != nil {
		return 0, err
	}
	if addr != "" {
		if err := check("addr", addr, s.cfg.AddrFailures); err != nil {
			return 0, err
		}
	}
	return wait, nil
}

// recordFailure counts a failed sign-in under login (the hashed key) and
// addr (and drops the login's failures
// that have left the window). Failed attempts are not audited: people
// type passwords into the login field.
func (s *Store) recordFailure(ctx context.Context, login, addr string) error {
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now()
		if _, err := tx.ExecContext(ctx, "DELETE FROM login_failures WHERE login = ? AND at <= ?",
			login, db.Stamp(now.Add(-s.cfg.ThrottleWindow))); err != nil {
			return fmt.Errorf("auth: login failure: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO login_failures (login, addr, at) VALUES (?, ?, ?)",
			login, addr, db.Stamp(now)); err != nil {
			return fmt.Errorf("auth: login failure: %w", err)
		}
		return nil
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
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+`, s.id, s.csrf_token, s.last_seen_at, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, hashToken(token)),
		&sid, &csrf, &lastSeen, &expires)
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
