package auth

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Config holds the tunable parts of authentication. Zero fields take the
// value from DefaultConfig.
type Config struct {
	// Password is the argon2id cost for new password hashes.
	Password PasswordParams
	// SessionIdle ends a session that has not been used for this long.
	SessionIdle time.Duration
	// SessionMax ends a session this long after sign-in, used or not.
	SessionMax time.Duration
	// LastSeenEvery is how stale a session's last-seen time may get before
	// a request writes it again (so that not every request writes).
	LastSeenEvery time.Duration
	// ThrottleWindow is how far back failed sign-ins are counted.
	ThrottleWindow time.Duration
	// AccountFailures is how many failed sign-ins one login name may have
	// within the window; the next attempt is refused without checking the
	// password. The default 5 refuses the 6th.
	AccountFailures int
	// AddrFree is how many failed sign-ins one client address may have
	// within the window before it is slowed down (never shut out): each
	// further attempt waits AddrDelay after the latest failure, doubled
	// for every failure beyond AddrFree, at most AddrMaxDelay.
	AddrFree     int
	AddrDelay    time.Duration
	AddrMaxDelay time.Duration
	// HashConcurrency is how many argon2id hashes may run at once in this
	// process (each takes Password.Memory); HashWait how long a sign-in
	// waits for a turn before it is told to try again shortly.
	HashConcurrency int
	HashWait        time.Duration
	// AdminsWithoutTwoFactor lets administrators work without having set
	// up a second step (Principal.TwoFactorDue stays false for them;
	// units that require it still do). Tests of other features and the
	// demo set it; a deployment never should.
	AdminsWithoutTwoFactor bool
}

// DefaultConfig returns the production settings.
func DefaultConfig() Config {
	return Config{
		Password:        DefaultPasswordParams,
		SessionIdle:     8 * time.Hour,
		SessionMax:      7 * 24 * time.Hour,
		LastSeenEvery:   time.Minute,
		ThrottleWindow:  15 * time.Minute,
		AccountFailures: 5,
		AddrFree:        10,
		AddrDelay:       2 * time.Second,
		AddrMaxDelay:    time.Minute,
		HashConcurrency: max(2, runtime.NumCPU()),
		HashWait:        10 * time.Second,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Password.Time == 0 {
		c.Password = d.Password
	}
	if c.SessionIdle <= 0 {
		c.SessionIdle = d.SessionIdle
	}
	if c.SessionMax <= 0 {
		c.SessionMax = d.SessionMax
	}
	if c.LastSeenEvery <= 0 {
		c.LastSeenEvery = d.LastSeenEvery
	}
	if c.ThrottleWindow <= 0 {
		c.ThrottleWindow = d.ThrottleWindow
	}
	if c.AccountFailures <= 0 {
		c.AccountFailures = d.AccountFailures
	}
	if c.AddrFree <= 0 {
		c.AddrFree = d.AddrFree
	}
	if c.AddrDelay <= 0 {
		c.AddrDelay = d.AddrDelay
	}
	if c.AddrMaxDelay <= 0 {
		c.AddrMaxDelay = d.AddrMaxDelay
	}
	if c.HashConcurrency <= 0 {
		c.HashConcurrency = d.HashConcurrency
	}
	if c.HashWait <= 0 {
		c.HashWait = d.HashWait
	}
	return c
}

// Store reads and changes accounts, grants, sessions and tokens. It is
// safe for concurrent use. Exported methods each run in one transaction;
// every write is audited in it.
type Store struct {
	db    *db.DB
	units *org.Store
	cfg   Config
	dummy string  // a hash to verify against for unknown logins
	slots hashing // bounds the argon2id hashes running at once
	kept  keptAuth
}

// NewStore returns a Store over d (migrated), using units to decide which
// units a grant covers.
func NewStore(d *db.DB, units *org.Store, cfg Config) *Store {
	cfg = cfg.withDefaults()
	dummy, err := HashPassword("không có tài khoản này", cfg.Password)
	if err != nil {
		panic(err) // only if the system has no randomness
	}
	s := &Store{db: d, units: units, cfg: cfg, dummy: dummy, slots: make(hashing, cfg.HashConcurrency)}
	s.kept.roles.Max = maxKeptRoles
	return s
}

// Config returns the settings in force (defaults filled in).
func (s *Store) Config() Config { return s.cfg }

// auditUser is what the audit log keeps of an account: never the hash.
type auditUser struct {
	Login   string `json:"login"`
	Name    string `json:"name"`
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
	Active  bool   `json:"active"`
	Version int64  `json:"version"`
}

func (u User) audit() auditUser {
	return auditUser{Login: u.Login, Name: u.Name, Phone: u.Phone, Email: u.Email, Active: u.Active, Version: u.Version}
}

const userCols = `u.id, u.login, u.name, u.phone, u.email, u.active, u.version,
	u.password_changed_at, u.created_at, u.updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanUser(r scanner, extra ...any) (User, error) {
	var u User
	var active int
	var pwAt, created, updated string
	dest := append([]any{&u.ID, &u.Login, &u.Name, &u.Phone, &u.Email, &active, &u.Version, &pwAt, &created, &updated}, extra...)
	if err := r.Scan(dest...); err != nil {
		return User{}, err
	}
	u.Active = active == 1
	var err error
	if u.PasswordChangedAt, err = db.ParseStamp(pwAt); err != nil {
		return User{}, err
	}
	if u.CreatedAt, err = db.ParseStamp(created); err != nil {
		return User{}, err
	}
	if u.UpdatedAt, err = db.ParseStamp(updated); err != nil {
		return User{}, err
	}
	return u, nil
}

// getUser reads one account by id.
func getUser(ctx context.Context, q db.Querier, id int64) (User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, "SELECT "+userCols+" FROM users u WHERE u.id = ?", id))
	if errors.Is(err, db.ErrNotFound) {
		return User{}, apperr.NotFound("auth.err.unknown_user")
	}
	if err != nil {
		return User{}, fmt.Errorf("auth: get user %d: %w", id, err)
	}
	return u, nil
}

// mayRead refuses unless p may see account id: its own, one p may manage,
// or any for the system. Others are not found.
func (s *Store) mayRead(ctx context.Context, p *Principal, id int64) error {
	if err := requireSignedIn(p); err != nil {
		return err
	}
	if p.system || p.User.ID == id {
		return nil
	}
	return s.manages(ctx, p, id)
}

// User returns the account with the given id, when p may see it: its own
// account, an account p manages (CanManageUser), any for the system.
// Another is not found.
func (s *Store) User(ctx context.Context, p *Principal, id int64) (User, error) {
	if err := s.mayRead(ctx, p, id); err != nil {
		return User{}, err
	}
	return getUser(ctx, s.db, id)
}

// UserByLogin is User by login name (any case).
func (s *Store) UserByLogin(ctx context.Context, p *Principal, login string) (User, error) {
	u, err := s.userByLogin(ctx, login)
	if err != nil {
		return User{}, err
	}
	if err := s.mayRead(ctx, p, u.ID); err != nil {
		return User{}, err
	}
	return u, nil
}

func (s *Store) userByLogin(ctx context.Context, login string) (User, error) {
	l, _ := NormalizeLogin(login)
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+" FROM users u WHERE u.login = ?", l))
	if errors.Is(err, db.ErrNotFound) {
		return User{}, apperr.NotFound("auth.err.unknown_user")
	}
	if err != nil {
		return User{}, fmt.Errorf("auth: get user %q: %w", l, err)
	}
	return u, nil
}

// CreateUser adds an active account with the given password, on behalf
// of p: an administrator of any unit (the account has no role until one
// is granted), or the system.
func (s *Store) CreateUser(ctx context.Context, p *Principal, nu NewUser) (User, error) {
	if err := requireAdmin(p); err != nil {
		return User{}, err
	}
	var es apperr.Errors
	login, ok := NormalizeLogin(nu.Login)
	if !ok {
		es.Add("login", "auth.err.login_format")
	}
	validateProfile(&nu.Name, &nu.Phone, &nu.Email, &es)
	if err := CheckPassword(nu.Password, login, nu.Name); err != nil {
		es = append(es, err.(*apperr.Error))
	}
	if err := es.Err(); err != nil {
		return User{}, err
	}
	hash, err := s.hash(ctx, nu.Password)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		id, err := tx.InsertID(ctx, `INSERT INTO users (login, name, name_fold, sort_key, phone, email, password_hash,
			active, version, password_changed_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)`,
			login, nu.Name, vntext.Fold(nu.Name), db.SortKey(nu.Name), nu.Phone, nu.Email, hash, now, now, now)
		if errors.Is(err, db.ErrConflict) {
			return apperr.Invalid("login", "auth.err.login_taken")
		}
		if err != nil {
			return fmt.Errorf("auth: create user: %w", err)
		}
		if u, err = getUser(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "user", EntityID: id, After: u.audit()})
	})
	return u, err
}

// lockUser reads an account for change and checks the version the editor
// started from.
func lockUser(ctx context.Context, tx *db.Tx, id, version int64) (User, error) {
	u, err := getUser(ctx, tx, id)
	if err != nil {
		return User{}, err
	}
	if u.Version != version {
		return User{}, apperr.Conflict("auth.err.stale_user")
	}
	return u, nil
}

// UpdateUser changes an account's name, phone and e-mail, on behalf of p,
// who must manage it (CanManageUser). It is refused with apperr.Conflict
// when up.Version is not the current version.
func (s *Store) UpdateUser(ctx context.Context, p *Principal, up UserUpdate) (User, error) {
	if err := s.requireManage(ctx, p, up.ID); err != nil {
		return User{}, err
	}
	var es apperr.Errors
	validateProfile(&up.Name, &up.Phone, &up.Email, &es)
	if err := es.Err(); err != nil {
		return User{}, err
	}
	var u User
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		before, err := lockUser(ctx, tx, up.ID, up.Version)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE users SET name = ?, name_fold = ?, sort_key = ?, phone = ?, email = ?,
			version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			up.Name, vntext.Fold(up.Name), db.SortKey(up.Name), up.Phone, up.Email, db.Stamp(tx.Now()), up.ID, up.Version)
		if err != nil {
			return fmt.Errorf("auth: update user %d: %w", up.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return staleOr(err)
		}
		if u, err = getUser(ctx, tx, up.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "user", EntityID: u.ID, Before: before.audit(), After: u.audit()})
	})
	return u, err
}

// SetActive enables or disables an account, on behalf of p, who must
// manage it and may not disable their own. Disabling ends all its
// sessions at once; its API tokens stop working while it is disabled.
// It is refused with apperr.Conflict when version is stale.
func (s *Store) SetActive(ctx context.Context, p *Principal, id, version int64, active bool) (User, error) {
	if err := s.requireManage(ctx, p, id); err != nil {
		return User{}, err
	}
	if !active && !p.system && p.User.ID == id {
		return User{}, apperr.Invalid("", "auth.err.disable_self")
	}
	var u User
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		before, err := lockUser(ctx, tx, id, version)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE users SET active = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND version = ?`, boolInt(active), db.Stamp(tx.Now()), id, version)
		if err != nil {
			return fmt.Errorf("auth: set active %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return staleOr(err)
		}
		if !active {
			if err := endSessions(ctx, tx, id); err != nil {
				return err
			}
		}
		if u, err = getUser(ctx, tx, id); err != nil {
			return err
		}
		action := "enable"
		if !active {
			action = "disable"
		}
		return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "user", EntityID: id, Before: before.audit(), After: u.audit()})
	})
	return u, err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// SetPassword gives an account a new password (an administrator's reset,
// or the command line) and ends all its sessions. p must manage the
// account.
func (s *Store) SetPassword(ctx context.Context, p *Principal, id int64, password string) error {
	if err := s.requireManage(ctx, p, id); err != nil {
		return err
	}
	avoid, err := s.avoidFor(ctx, id)
	if err != nil {
		return err
	}
	if err := CheckPassword(password, avoid...); err != nil {
		return err
	}
	hash, err := s.hash(ctx, password)
	if err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		return setPassword(ctx, tx, id, hash, "set_password")
	})
}

// ChangePassword is a user changing their own password: old must be the
// current one, which is what authorizes it. All the user's sessions end, including the one making the
// change; sign the user in again (Login) to continue.
func (s *Store) ChangePassword(ctx context.Context, id int64, old, password string) error {
	var hash string
	err := s.db.QueryRowContext(ctx, "SELECT password_hash FROM users WHERE id = ?", id).Scan(&hash)
	if errors.Is(err, db.ErrNotFound) {
		return apperr.NotFound("auth.err.unknown_user")
	}
	if err != nil {
		return fmt.Errorf("auth: change password: %w", err)
	}
	ok, err := s.verify(ctx, old, hash)
	if err != nil {
		return fmt.Errorf("auth: change password of user %d: %w", id, err)
	}
	if !ok {
		return apperr.Invalid("old_password", "auth.err.old_password")
	}
	if old == password {
		return apperr.Invalid("password", "auth.err.same_password")
	}
	avoid, err := s.avoidFor(ctx, id)
	if err != nil {
		return err
	}
	if err := CheckPassword(password, avoid...); err != nil {
		return err
	}
	newHash, err := s.hash(ctx, password)
	if err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(tx *db.Tx) error {
		// Refuse if the password changed since it was checked above.
		var cur string
		if err := tx.QueryRowContext(ctx, "SELECT password_hash FROM users WHERE id = ?", id).Scan(&cur); err != nil {
			return fmt.Errorf("auth: change password: %w", err)
		}
		if cur != hash {
			return apperr.Conflict("auth.err.stale_user")
		}
		return setPassword(ctx, tx, id, newHash, "change_password")
	})
}

func setPassword(ctx context.Context, tx *db.Tx, id int64, hash, action string) error {
	now := db.Stamp(tx.Now())
	res, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?",
		hash, now, now, id)
	if err != nil {
		return fmt.Errorf("auth: set password of user %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("auth: set password of user %d: %w", id, err)
	}
	if n != 1 {
		return apperr.NotFound("auth.err.unknown_user")
	}
	if err := endSessions(ctx, tx, id); err != nil {
		return err
	}
	// The API tokens handed out under the old password go too.
	revoked, err := revokeTokens(ctx, tx, id)
	if err != nil {
		return err
	}
	// The entry says that the password changed, never what it is.
	return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: "user", EntityID: id,
		After: map[string]any{"password_changed_at": now, "tokens_revoked": revoked}})
}

// UserFilter selects accounts for ListUsers. Nil pointers and empty
// slices mean "any".
type UserFilter struct {
	// Query matches the login name or the folded full name (so "nguyen
	// van" finds "Nguyễn Văn An").
	Query *string
	// Active selects active or disabled accounts.
	Active *bool
	// UnitIDs selects accounts holding a grant on one of these units.
	UnitIDs []int64
	// Offset and Limit page the result; Limit 0 means 50, at most 500.
	Offset, Limit int
}

// ListUsers returns the accounts that match f among those p administers,
// sorted by full name with Vietnamese collation, and how many match in
// all (for pagination). A national administrator (and the system) sees
// every account; another administrator the accounts holding a role on a
// unit of their reach (past units included); anyone else is refused.
func (s *Store) ListUsers(ctx context.Context, p *Principal, f UserFilter) ([]User, int, error) {
	if err := requireAdmin(p); err != nil {
		return nil, 0, err
	}
	r, err := s.Reach(ctx, p, PermAdmin)
	if err != nil {
		return nil, 0, err
	}
	if !r.All {
		if len(r.IDs) == 0 {
			return nil, 0, nil
		}
		if len(f.UnitIDs) > 0 {
			var in []int64
			for _, id := range f.UnitIDs {
				if r.Contains(id) {
					in = append(in, id)
				}
			}
			if len(in) == 0 {
				return nil, 0, nil
			}
			f.UnitIDs = in
		} else {
			f.UnitIDs = r.IDs
		}
	}
	return s.listUsers(ctx, f)
}

func (s *Store) listUsers(ctx context.Context, f UserFilter) ([]User, int, error) {
	var where []string
	var args []any
	if f.Query != nil {
		if q := strings.TrimSpace(*f.Query); q != "" {
			like := "%" + db.EscapeLike(vntext.Fold(q)) + "%"
			where = append(where, `(u.name_fold LIKE ? ESCAPE '\' OR u.login LIKE ? ESCAPE '\')`)
			args = append(args, like, "%"+db.EscapeLike(strings.ToLower(q))+"%")
		}
	}
	if f.Active != nil {
		where = append(where, "u.active = ?")
		args = append(args, boolInt(*f.Active))
	}
	if len(f.UnitIDs) > 0 {
		where = append(where, "u.id IN (SELECT g.user_id FROM grants g WHERE g.unit_id IN ("+db.Placeholders(len(f.UnitIDs))+"))")
		for _, id := range f.UnitIDs {
			args = append(args, id)
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	if limit > 500 {
		limit = 500
	}
	offset := max(f.Offset, 0)
	q := "SELECT " + userCols + ", COUNT(*) OVER() FROM users u"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY u.sort_key, u.id LIMIT ? OFFSET ?"
	args = append(args, limit, offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("auth: list users: %w", err)
	}
	defer rows.Close()
	var out []User
	total := 0
	for rows.Next() {
		u, err := scanUser(rows, &total)
		if err != nil {
			return nil, 0, fmt.Errorf("auth: list users: %w", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("auth: list users: %w", err)
	}
	if len(out) == 0 && offset > 0 {
		// Past the last page: still report the total.
		f.Offset, f.Limit = 0, 1
		_, total, err = s.listUsers(ctx, f)
		return nil, total, err
	}
	return out, total, nil
}

// staleOr is the error of an update that changed no row: a failure to
// count the rows, or a version changed meanwhile.
func staleOr(err error) error {
	if err != nil {
		return fmt.Errorf("auth: rows affected: %w", err)
	}
	return apperr.Conflict("auth.err.stale_user")
}
