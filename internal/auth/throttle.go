package auth

import (
	"context"
	"fmt"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Sign-in throttling. Every attempt is counted before its password is
// hashed: reserve, in one transaction holding a lock on the login name
// and one on the address (advisory locks on PostgreSQL, so that any
// number of servers on one database count together; SQLite has one
// writer), counts the failures of the window and, when the attempt may
// go ahead, inserts its row at once. So of forty simultaneous wrong
// passwords for one account, five are checked and thirty-five refused
// without hashing. A sign-in that succeeds deletes its login's rows; one
// that fails leaves its row, which is the failure counted.
//
// Per login name, the AccountFailures-th failure within ThrottleWindow
// shuts the name out until enough failures leave the window; the message
// says at what time (Vietnam's) it may try again. Per address nobody is
// shut out: an office behind one address keeps signing in. After
// AddrFree failures from one address within the window, each further
// attempt from it must wait AddrDelay after the latest failure, doubling
// with every further failure up to AddrMaxDelay; the message says until
// when.

// reserve counts an attempt for login (the hashed key) from addr and
// returns its row id, or an apperr.Unauthorized error saying when to try
// again.
func (s *Store) reserve(ctx context.Context, login, addr string) (int64, error) {
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now()
		since := db.Stamp(now.Add(-s.cfg.ThrottleWindow))
		// Always the address first, then the login: no two attempts can
		// wait for each other's lock.
		if addr != "" {
			if err := tx.Lock(ctx, "signin-addr:"+addr); err != nil {
				return err
			}
		}
		if err := tx.Lock(ctx, "signin-login:"+login); err != nil {
			return err
		}
		// Per login: the (limit)-th newest failure leaves the window at
		// the time attempts may resume.
		var n int
		var oldest string
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(MIN(at), '') FROM login_failures WHERE login = ? AND at > ?",
			login, since).Scan(&n, &oldest); err != nil {
			return fmt.Errorf("auth: throttle: %w", err)
		}
		if n >= s.cfg.AccountFailures {
			var at string
			err := tx.QueryRowContext(ctx, "SELECT at FROM login_failures WHERE login = ? AND at > ? ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?",
				login, since, s.cfg.AccountFailures-1).Scan(&at)
			if err != nil {
				return fmt.Errorf("auth: throttle: %w", err)
			}
			t, err := db.ParseStamp(at)
			if err != nil {
				return err
			}
			return apperr.Unauthorized("auth.err.throttled", clockMinute(t.Add(s.cfg.ThrottleWindow)))
		}
		// Per address: slowed down, never shut out.
		if addr != "" {
			var m int
			var last string
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_failures WHERE addr = ? AND at > ?",
				addr, since).Scan(&m, &last); err != nil {
				return fmt.Errorf("auth: throttle: %w", err)
			}
			if m >= s.cfg.AddrFree && last != "" {
				t, err := db.ParseStamp(last)
				if err != nil {
					return err
				}
				if next := t.Add(s.addrDelay(m)); now.Before(next) {
					return apperr.Unauthorized("auth.err.slowed", clockSecond(next))
				}
			}
		}
		var err error
		id, err = tx.InsertID(ctx, "INSERT INTO login_failures (login, addr, at) VALUES (?, ?, ?)", login, addr, db.Stamp(now))
		if err != nil {
			return fmt.Errorf("auth: count sign-in attempt: %w", err)
		}
		return nil
	})
	return id, err
}

// addrDelay is how long an address with m failures in the window waits
// after its latest one.
func (s *Store) addrDelay(m int) time.Duration {
	d := s.cfg.AddrDelay
	for i := s.cfg.AddrFree; i < m && d < s.cfg.AddrMaxDelay; i++ {
		d *= 2
	}
	return min(d, s.cfg.AddrMaxDelay)
}

// clockMinute is t in Vietnam's time as "10:05", rounded up to the
// minute (so that the time said is never too early).
func clockMinute(t time.Time) string {
	if r := t.Truncate(time.Minute); r.Before(t) {
		t = r.Add(time.Minute)
	}
	return t.In(vntext.Zone).Format("15:04")
}

// clockSecond is t in Vietnam's time as "10:05:07", rounded up to the
// second.
func clockSecond(t time.Time) string {
	if r := t.Truncate(time.Second); r.Before(t) {
		t = r.Add(time.Second)
	}
	return t.In(vntext.Zone).Format("15:04:05")
}

// hashing bounds how many argon2id computations run at once in this
// process (each takes the configured memory, 32 MiB by default): a
// flood of sign-ins waits for a slot instead of growing the process.
type hashing chan struct{}

// acquire waits for a slot, at most wait; it refuses with
// "auth.err.busy" when none frees up in time.
func (h hashing) acquire(ctx context.Context, wait time.Duration) (func(), error) {
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case h <- struct{}{}:
		return func() { <-h }, nil
	case <-t.C:
		return nil, apperr.Unauthorized("auth.err.busy")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// verify checks pw against hash in a hashing slot.
func (s *Store) verify(ctx context.Context, pw, hash string) (bool, error) {
	release, err := s.slots.acquire(ctx, s.cfg.HashWait)
	if err != nil {
		return false, err
	}
	defer release()
	return VerifyPassword(pw, hash)
}

// hash hashes pw in a hashing slot.
func (s *Store) hash(ctx context.Context, pw string) (string, error) {
	release, err := s.slots.acquire(ctx, s.cfg.HashWait)
	if err != nil {
		return "", err
	}
	defer release()
	return HashPassword(pw, s.cfg.Password)
}
