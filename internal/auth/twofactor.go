package auth

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"image/png"
	"slices"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// Two-factor sign-in: after the password, a six-digit code from an
// authenticator app (TOTP, RFC 6238: SHA-1, 30-second steps, one step of
// drift either way, github.com/pquerna/otp), or one of ten one-time
// recovery codes. It is required of every administrator and of every
// account holding a role on a unit (or below a unit) an administrator has
// marked (SetTwoFactorRequired); others may turn it on. An account that
// must and has not yet enrolled signs in with its password alone and is
// sent to the enrolment page until it has (Principal.TwoFactorDue).
//
// Codes are throttled as passwords are (reserve): failures counted per
// account and per address in login_failures, under a key of their own.

// totpOpts are the parameters every authenticator app understands.
var totpOpts = totp.ValidateOpts{Period: 30, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// totpIssuer names the system in the authenticator app.
const totpIssuer = "danvan"

// recoveryCount is how many recovery codes an account gets.
const recoveryCount = 10

// challengeLife is how long the second step may wait after the password.
const challengeLife = 5 * time.Minute

// Enrolment is what the enrolment page shows: the key to type by hand,
// the otpauth:// address and the same as a QR code (PNG).
type Enrolment struct {
	Secret string
	URL    string
	QR     []byte
}

// TwoFactor is the state of an account's second step.
type TwoFactor struct {
	Enabled   bool
	EnabledAt time.Time
	Required  bool // by an admin role or a unit's rule: it cannot be turned off
	Recovery  int  // recovery codes left
}

// TwoFactorStatus returns the second-step state of p's own account.
func (s *Store) TwoFactorStatus(ctx context.Context, p *Principal) (TwoFactor, error) {
	if err := requireSignedIn(p); err != nil {
		return TwoFactor{}, err
	}
	return s.twoFactorOf(ctx, p.User.ID, p.Grants)
}

// TwoFactorOf returns the second-step state of account userID, for p who
// may see the account (its own, one p manages, any for the system).
func (s *Store) TwoFactorOf(ctx context.Context, p *Principal, userID int64) (TwoFactor, error) {
	if err := s.mayRead(ctx, p, userID); err != nil {
		return TwoFactor{}, err
	}
	gs, err := listGrants(ctx, s.db, userID)
	if err != nil {
		return TwoFactor{}, err
	}
	return s.twoFactorOf(ctx, userID, gs)
}

func (s *Store) twoFactorOf(ctx context.Context, userID int64, gs []Grant) (TwoFactor, error) {
	var tf TwoFactor
	var at sql.NullString
	if err := s.db.QueryRowContext(ctx, "SELECT totp_enabled_at FROM users WHERE id = ?", userID).Scan(&at); err != nil {
		return TwoFactor{}, fmt.Errorf("auth: two-factor status: %w", err)
	}
	var err error
	if tf.EnabledAt, err = db.NullStamp(at); err != nil {
		return TwoFactor{}, err
	}
	tf.Enabled = !tf.EnabledAt.IsZero()
	if tf.Required, err = s.twoFactorRequired(ctx, gs); err != nil {
		return TwoFactor{}, err
	}
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL", userID).Scan(&tf.Recovery); err != nil {
		return TwoFactor{}, fmt.Errorf("auth: two-factor status: %w", err)
	}
	return tf, nil
}

// BeginTwoFactor makes a new TOTP key for p's own account and keeps it
// until ConfirmTwoFactor proves the app has it. An account that already
// signs in with a second step is refused (turn it off first).
func (s *Store) BeginTwoFactor(ctx context.Context, p *Principal) (Enrolment, error) {
	if err := requireSignedIn(p); err != nil {
		return Enrolment{}, err
	}
	if p.system || p.TokenID != 0 {
		return Enrolment{}, apperr.Forbidden("auth.err.2fa_browser")
	}
	en, err := enrolment(p.User.Login, nil)
	if err != nil {
		return Enrolment{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET totp_secret = ? WHERE id = ? AND totp_enabled_at IS NULL", en.Secret, p.User.ID)
		if err != nil {
			return fmt.Errorf("auth: begin two-factor: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return fmt.Errorf("auth: begin two-factor: %w", err)
			}
			return apperr.Conflict("auth.err.2fa_on")
		}
		return nil
	})
	if err != nil {
		return Enrolment{}, err
	}
	return en, nil
}

// PendingTwoFactor returns the enrolment BeginTwoFactor started for p's
// own account and ConfirmTwoFactor has not finished (to show it again
// after a wrong code); none is not found.
func (s *Store) PendingTwoFactor(ctx context.Context, p *Principal) (Enrolment, error) {
	if err := requireSignedIn(p); err != nil {
		return Enrolment{}, err
	}
	var secret sql.NullString
	err := s.db.QueryRowContext(ctx, "SELECT totp_secret FROM users WHERE id = ? AND totp_enabled_at IS NULL", p.User.ID).Scan(&secret)
	if errors.Is(err, db.ErrNotFound) || (err == nil && !secret.Valid) {
		return Enrolment{}, apperr.NotFound("auth.err.2fa_not_begun")
	}
	if err != nil {
		return Enrolment{}, fmt.Errorf("auth: pending two-factor: %w", err)
	}
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret.String)
	if err != nil {
		return Enrolment{}, fmt.Errorf("auth: pending two-factor: %w", err)
	}
	return enrolment(p.User.Login, raw)
}

// enrolment builds the key of account login (a new random one when
// secret is nil) with its address and QR code.
func enrolment(login string, secret []byte) (Enrolment, error) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: login, Secret: secret, Rand: rand.Reader})
	if err != nil {
		return Enrolment{}, fmt.Errorf("auth: two-factor key: %w", err)
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return Enrolment{}, fmt.Errorf("auth: two-factor QR: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Enrolment{}, fmt.Errorf("auth: two-factor QR: %w", err)
	}
	return Enrolment{Secret: key.Secret(), URL: key.URL(), QR: buf.Bytes()}, nil
}

// ConfirmTwoFactor turns the second step on for p's own account when
// code matches the key of BeginTwoFactor, and returns the account's new
// recovery codes: shown once, kept only as hashes.
func (s *Store) ConfirmTwoFactor(ctx context.Context, p *Principal, code string) ([]string, error) {
	if err := requireSignedIn(p); err != nil {
		return nil, err
	}
	if p.system || p.TokenID != 0 {
		return nil, apperr.Forbidden("auth.err.2fa_browser")
	}
	var codes []string
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var secret, at sql.NullString
		if err := tx.QueryRowContext(ctx, "SELECT totp_secret, totp_enabled_at FROM users WHERE id = ?", p.User.ID).Scan(&secret, &at); err != nil {
			return fmt.Errorf("auth: confirm two-factor: %w", err)
		}
		if at.Valid {
			return apperr.Conflict("auth.err.2fa_on")
		}
		if !secret.Valid {
			return apperr.Invalid("code", "auth.err.2fa_not_begun")
		}
		step, ok := totpStep(cleanCode(code), secret.String, tx.Now(), 0)
		if !ok {
			return apperr.Invalid("code", "auth.err.2fa_code")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET totp_enabled_at = ?, totp_last_step = ? WHERE id = ?", db.Stamp(tx.Now()), step, p.User.ID); err != nil {
			return fmt.Errorf("auth: confirm two-factor: %w", err)
		}
		var err error
		if codes, err = newRecoveryCodes(ctx, tx, p.User.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "enable_2fa", Entity: "user", EntityID: p.User.ID,
			After: map[string]any{"recovery_codes": len(codes)}})
	})
	return codes, err
}

// totpStep returns the time step (Unix time / 30 s) within one step of
// now whose code is code, when it is later than after: a code is
// accepted once (RFC 6238, 5.2), however fast it is typed again.
func totpStep(code, secret string, now time.Time, after int64) (int64, bool) {
	one := totpOpts
	one.Skew = 0
	for _, d := range []int64{0, -1, 1} {
		step := now.Unix()/int64(totpOpts.Period) + d
		if step <= after {
			continue
		}
		ok, err := totp.ValidateCustom(code, secret, time.Unix(step*int64(totpOpts.Period), 0), one)
		if err == nil && ok {
			return step, true
		}
	}
	return 0, false
}

// newRecoveryCodes replaces account userID's recovery codes by fresh
// ones, returned in clear ("ABCDE-FGHJK", no 0/O or 1/I to mistake).
func newRecoveryCodes(ctx context.Context, tx *db.Tx, userID int64) ([]string, error) {
	if _, err := tx.ExecContext(ctx, "DELETE FROM recovery_codes WHERE user_id = ?", userID); err != nil {
		return nil, fmt.Errorf("auth: recovery codes: %w", err)
	}
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	codes := make([]string, recoveryCount)
	for i := range codes {
		b := make([]byte, 10)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("auth: recovery codes: %w", err)
		}
		for j := range b {
			b[j] = alphabet[int(b[j])%len(alphabet)]
		}
		codes[i] = string(b[:5]) + "-" + string(b[5:])
		if _, err := tx.ExecContext(ctx, "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)",
			userID, hashToken(cleanCode(codes[i]))); err != nil {
			return nil, fmt.Errorf("auth: recovery codes: %w", err)
		}
	}
	return codes, nil
}

// cleanCode brings a typed code to one form: no spaces or dashes, upper
// case.
func cleanCode(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, s))
}

// DisableTwoFactor turns the second step off for account userID: the
// account itself when nothing requires it, or an administrator who
// manages the account (a lost phone; an account that must use it then
// enrols again at its next sign-in). Its key and recovery codes go.
func (s *Store) DisableTwoFactor(ctx context.Context, p *Principal, userID int64) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	if p.system || p.User.ID != userID {
		if err := s.requireManage(ctx, p, userID); err != nil {
			return err
		}
	} else {
		req, err := s.twoFactorRequired(ctx, p.Grants)
		if err != nil {
			return err
		}
		if req {
			return apperr.Forbidden("auth.err.2fa_required")
		}
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = ? AND totp_enabled_at IS NOT NULL", userID)
		if err != nil {
			return fmt.Errorf("auth: disable two-factor: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return fmt.Errorf("auth: disable two-factor: %w", err)
			}
			return apperr.Conflict("auth.err.2fa_off")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM recovery_codes WHERE user_id = ?", userID); err != nil {
			return fmt.Errorf("auth: disable two-factor: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "disable_2fa", Entity: "user", EntityID: userID})
	})
}

// SetTwoFactorRequired marks unit unitID (a unit p administers) as one
// whose users, holding a role on it or below it, must sign in with a
// second step, or clears the mark.
func (s *Store) SetTwoFactorRequired(ctx context.Context, p *Principal, unitID int64, required bool) error {
	if err := s.Require(ctx, p, PermAdmin, unitID); err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		if required {
			_, err = tx.ExecContext(ctx, "INSERT INTO twofactor_units (unit_id, set_by, set_at) VALUES (?, ?, ?)",
				unitID, db.NullID(audit.ActorFrom(ctx).UserID), db.Stamp(tx.Now()))
			if errors.Is(err, db.ErrConflict) {
				return nil // already required
			}
		} else {
			_, err = tx.ExecContext(ctx, "DELETE FROM twofactor_units WHERE unit_id = ?", unitID)
		}
		if err != nil {
			return fmt.Errorf("auth: require two-factor on unit %d: %w", unitID, err)
		}
		if err := tx.Bump(ctx, TopicGrants); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "require_2fa", Entity: "unit", EntityID: unitID, UnitID: unitID,
			After: map[string]bool{"required": required}})
	})
}

// TwoFactorRequiredOn reports whether unit unitID itself is marked (see
// SetTwoFactorRequired); p must be able to read it.
func (s *Store) TwoFactorRequiredOn(ctx context.Context, p *Principal, unitID int64) (bool, error) {
	if err := s.Require(ctx, p, PermRead, unitID); err != nil {
		return false, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM twofactor_units WHERE unit_id = ?", unitID).Scan(&n); err != nil {
		return false, fmt.Errorf("auth: two-factor rule of unit %d: %w", unitID, err)
	}
	return n > 0, nil
}

// twoFactorRequired reports whether an account holding gs must use a
// second step: an admin grant, or a grant on a marked unit or below one.
func (s *Store) twoFactorRequired(ctx context.Context, gs []Grant) (bool, error) {
	if len(gs) == 0 {
		return false, nil
	}
	for _, g := range gs {
		if g.Role == RoleAdmin && !s.cfg.AdminsWithoutTwoFactor {
			return true, nil
		}
	}
	marked, err := s.markedUnits(ctx)
	if err != nil {
		return false, err
	}
	if len(marked) == 0 {
		return false, nil
	}
	for _, g := range gs {
		cov, err := s.covering(ctx, nil, g.UnitID)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return false, err
		}
		for _, id := range cov {
			if slices.Contains(marked, id) {
				return true, nil
			}
		}
	}
	return false, nil
}

// challenge starts the second step of a sign-in whose password was right
// and returns its secret.
func (s *Store) challenge(ctx context.Context, u User, addr, ua string) (string, error) {
	secret, err := randomToken(32)
	if err != nil {
		return "", err
	}
	if len(ua) > 300 {
		ua = ua[:300]
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now()
		if _, err := tx.ExecContext(ctx, "DELETE FROM login_challenges WHERE user_id = ? OR expires_at <= ?", u.ID, db.Stamp(now)); err != nil {
			return fmt.Errorf("auth: challenge: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO login_challenges (user_id, token_hash, addr, user_agent, expires_at) VALUES (?, ?, ?, ?, ?)",
			u.ID, hashToken(secret), addr, ua, db.Stamp(now.Add(challengeLife))); err != nil {
			return fmt.Errorf("auth: challenge: %w", err)
		}
		return nil
	})
	return secret, err
}

// SecondStep is the second step of a sign-in: the challenge secret from
// Session.SecondStep and the code typed (six digits from the app, or a
// recovery code).
type SecondStep struct {
	Challenge string
	Code      string
	Addr      string
	UserAgent string
}

// VerifySecondStep finishes a sign-in begun by Login and returns the
// session. A wrong code counts as a failed sign-in of the account and the
// address (the same throttling as passwords); after too many, or once the
// challenge is five minutes old, the user signs in again from the start.
// A recovery code works once.
func (s *Store) VerifySecondStep(ctx context.Context, r SecondStep) (Session, error) {
	if r.Challenge == "" || len(r.Challenge) > 128 {
		return Session{}, apperr.Unauthorized("auth.err.2fa_expired")
	}
	var cid int64
	var expires string
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+`, c.id, c.expires_at
		FROM login_challenges c JOIN users u ON u.id = c.user_id WHERE c.token_hash = ?`, hashToken(r.Challenge)), &cid, &expires)
	if errors.Is(err, db.ErrNotFound) {
		return Session{}, apperr.Unauthorized("auth.err.2fa_expired")
	}
	if err != nil {
		return Session{}, fmt.Errorf("auth: second step: %w", err)
	}
	exp, err := db.ParseStamp(expires)
	if err != nil {
		return Session{}, err
	}
	if !s.db.Now().Before(exp) || !u.Active {
		return Session{}, apperr.Unauthorized("auth.err.2fa_expired")
	}
	key := hashToken(fmt.Sprintf("2fa:%d", u.ID))
	attempt, err := s.reserve(ctx, key, r.Addr)
	if err != nil {
		return Session{}, err
	}
	code := cleanCode(r.Code)
	var sess Session
	ok := false
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var secret sql.NullString
		var last sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT totp_secret, totp_last_step FROM users WHERE id = ? AND totp_enabled_at IS NOT NULL", u.ID).Scan(&secret, &last); err != nil {
			if errors.Is(err, db.ErrNotFound) {
				return apperr.Unauthorized("auth.err.2fa_expired")
			}
			return fmt.Errorf("auth: second step: %w", err)
		}
		how := "totp"
		if len(code) == 6 {
			var step int64
			if step, ok = totpStep(code, secret.String, tx.Now(), last.Int64); ok {
				if _, err := tx.ExecContext(ctx, "UPDATE users SET totp_last_step = ? WHERE id = ?", step, u.ID); err != nil {
					return fmt.Errorf("auth: second step: %w", err)
				}
			}
		} else if len(code) == 10 {
			res, err := tx.ExecContext(ctx, "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
				db.Stamp(tx.Now()), u.ID, hashToken(code))
			if err != nil {
				return fmt.Errorf("auth: second step: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("auth: second step: %w", err)
			}
			ok, how = n == 1, "recovery_code"
		}
		if !ok {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM login_failures WHERE login = ?", key); err != nil {
			return fmt.Errorf("auth: second step: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM login_challenges WHERE id = ?", cid); err != nil {
			return fmt.Errorf("auth: second step: %w", err)
		}
		actx := ctx
		if audit.ActorFrom(ctx).UserID == 0 {
			actx = audit.WithActor(ctx, audit.Actor{UserID: u.ID, Name: u.Login, Addr: r.Addr})
		}
		if how == "recovery_code" {
			if err := audit.Record(actx, tx, audit.Entry{Action: "use_recovery_code", Entity: "user", EntityID: u.ID}); err != nil {
				return err
			}
		}
		sess, err = s.startSession(actx, tx, u, r.Addr, r.UserAgent)
		return err
	})
	if err != nil {
		s.forget(ctx, attempt)
		return Session{}, err
	}
	if !ok {
		if err := s.auditFailure(ctx, u, r.Addr, "bad_code"); err != nil {
			return Session{}, err
		}
		return Session{}, apperr.Invalid("code", "auth.err.2fa_code")
	}
	return sess, nil
}
