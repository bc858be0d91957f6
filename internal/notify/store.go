package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
)

// Config wires a Notifier.
type Config struct {
	// Mailer sends the digests; nil keeps them queued (in-app only).
	Mailer Mailer
	// Catalog renders the messages (web.Catalog(): the period labels of
	// vntext are needed beside this package's words).
	Catalog i18n.Catalog
	// BaseURL is the site's address for the links in e-mails
	// ("https://danvan.example.gov.vn").
	BaseURL string
	// Sources add later features' deadlines to the built-in ones, and
	// Kinds their kinds (for the unsubscribe page).
	Sources []Source
	Kinds   []Kind
	// Now is the clock (time.Now when nil).
	Now    func() time.Time
	Logger *slog.Logger
}

// Notifier makes and sends reminders. Several servers may each run one
// over the same database.
type Notifier struct {
	db      *db.DB
	cfg     Config
	sources []Source
	kinds   []Kind
}

// New returns a Notifier over d.
func New(d *db.DB, cfg Config) *Notifier {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	n := &Notifier{db: d, cfg: cfg}
	n.sources = append(BuiltinSources(), cfg.Sources...)
	n.kinds = append([]Kind{ReportDue, ReportOverdue, DecisionWaiting, TaskDue, TaskOverdue, CitizenDue, CitizenOverdue}, cfg.Kinds...)
	return n
}

// Kinds lists every kind of reminder, in the order pages show them.
func (n *Notifier) Kinds() []Kind { return slices.Clone(n.kinds) }

// maxAttempts is how often a digest is tried before it is given up: with
// the backoff capped at an hour, about two days.
const maxAttempts = 50

// lease is how long a server holds a digest it is sending.
const lease = 5 * time.Minute

// backoff is the wait after the attempts-th failure: 1, 2, 4 … minutes,
// at most an hour.
func backoff(attempts int) time.Duration {
	d := time.Minute << min(attempts-1, 6)
	return min(d, time.Hour)
}

// Settings reads the deployment's schedule (DefaultSettings until set).
func (n *Notifier) Settings(ctx context.Context) (Settings, error) {
	return settings(ctx, n.db)
}

func settings(ctx context.Context, q db.Querier) (Settings, error) {
	s := DefaultSettings
	var at string
	err := q.QueryRowContext(ctx, `SELECT hour, report_offset_days, report_lead_days, task_lead_days, overdue_days, updated_at
		FROM notify_settings WHERE id = 1`).Scan(&s.Hour, &s.ReportOffsetDays, &s.ReportLeadDays, &s.TaskLeadDays, &s.OverdueDays, &at)
	if errors.Is(err, db.ErrNotFound) {
		return DefaultSettings, nil
	}
	if err != nil {
		return Settings{}, fmt.Errorf("notify: settings: %w", err)
	}
	s.Version, err = db.ParseStamp(at)
	return s, err
}

// SetSettings changes the deployment's schedule; only the system's
// operator (the command line) may.
func (n *Notifier) SetSettings(ctx context.Context, p *auth.Principal, s Settings) error {
	if !p.IsSystem() {
		return apperr.Forbidden("notify.err.settings")
	}
	if err := s.validate(); err != nil {
		return apperr.Invalid("", "notify.err.settings_invalid", err.Error())
	}
	return n.db.WithTx(ctx, func(tx *db.Tx) error {
		before, err := settings(ctx, tx)
		if err != nil {
			return err
		}
		now := db.Stamp(n.cfg.Now())
		if _, err := tx.ExecContext(ctx, `DELETE FROM notify_settings WHERE id = 1`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO notify_settings (id, hour, report_offset_days, report_lead_days, task_lead_days, overdue_days, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?)`, s.Hour, s.ReportOffsetDays, s.ReportLeadDays, s.TaskLeadDays, s.OverdueDays, now); err != nil {
			return fmt.Errorf("notify: set settings: %w", err)
		}
		return recordAudit(ctx, tx, "update", "notify_settings", 0, before, s)
	})
}

// Unsubscribed lists the kinds p asked not to receive.
func (n *Notifier) Unsubscribed(ctx context.Context, p *auth.Principal) ([]Kind, error) {
	if p == nil || p.User.ID == 0 {
		return nil, apperr.Unauthorized("notify.err.signin")
	}
	rows, err := n.db.QueryContext(ctx, `SELECT kind FROM notify_unsubscribes WHERE user_id = ? ORDER BY kind`, p.User.ID)
	if err != nil {
		return nil, fmt.Errorf("notify: unsubscribed: %w", err)
	}
	defer rows.Close()
	var out []Kind
	for rows.Next() {
		var k Kind
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// SetUnsubscribed replaces the kinds p does not want with off. Unknown
// kinds are refused.
func (n *Notifier) SetUnsubscribed(ctx context.Context, p *auth.Principal, off []Kind) error {
	if p == nil || p.User.ID == 0 {
		return apperr.Unauthorized("notify.err.signin")
	}
	for _, k := range off {
		if !slices.Contains(n.kinds, k) {
			return apperr.Invalid("kind", "notify.err.kind", string(k))
		}
	}
	before, err := n.Unsubscribed(ctx, p)
	if err != nil {
		return err
	}
	return n.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM notify_unsubscribes WHERE user_id = ?`, p.User.ID); err != nil {
			return fmt.Errorf("notify: unsubscribe: %w", err)
		}
		now := db.Stamp(n.cfg.Now())
		seen := map[Kind]bool{}
		for _, k := range off {
			if seen[k] {
				continue
			}
			seen[k] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO notify_unsubscribes (user_id, kind, created_at) VALUES (?, ?, ?)`,
				p.User.ID, string(k), now); err != nil {
				return fmt.Errorf("notify: unsubscribe: %w", err)
			}
		}
		return recordAudit(ctx, tx, "unsubscribe", "user", p.User.ID, before, off)
	})
}

// Reminder is one line of a person's reminders in the app.
type Reminder struct {
	Kind    Kind
	Due     time.Time
	Message i18n.Message
	Link    string
}

// Reminders lists p's reminders of the newest day made (up to today), in
// order of deadline, and that day.
func (n *Notifier) Reminders(ctx context.Context, p *auth.Principal) ([]Reminder, time.Time, error) {
	if p == nil || p.User.ID == 0 {
		return nil, time.Time{}, apperr.Unauthorized("notify.err.signin")
	}
	var day string
	err := n.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(day), '') FROM notify_reminders WHERE user_id = ? AND day <= ?`,
		p.User.ID, db.Day(LocalDay(n.cfg.Now()))).Scan(&day)
	if err != nil || day == "" {
		return nil, time.Time{}, err
	}
	rs, err := n.reminders(ctx, n.db, p.User.ID, day)
	if err != nil {
		return nil, time.Time{}, err
	}
	d, err := db.ParseDay(day)
	return rs, d, err
}

// reminders reads one person's reminders of a day, less the kinds they
// unsubscribed from since.
func (n *Notifier) reminders(ctx context.Context, q db.Querier, userID int64, day string) ([]Reminder, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.kind, r.due_on, r.message_key, r.message_args, r.link FROM notify_reminders r
		WHERE r.user_id = ? AND r.day = ?
		AND NOT EXISTS (SELECT 1 FROM notify_unsubscribes x WHERE x.user_id = r.user_id AND x.kind = r.kind)
		ORDER BY r.due_on, r.id`, userID, day)
	if err != nil {
		return nil, fmt.Errorf("notify: reminders: %w", err)
	}
	defer rows.Close()
	var out []Reminder
	for rows.Next() {
		var r Reminder
		var due, args string
		if err := rows.Scan(&r.Kind, &due, &r.Message.Key, &args, &r.Link); err != nil {
			return nil, err
		}
		if r.Due, err = db.ParseDay(due); err != nil {
			return nil, err
		}
		if r.Message.Args, err = i18n.DecodeArgs(args); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Plan makes today's reminders when the hour has come and no server has
// made them yet: it records the day, every person's reminders (less the
// kinds they unsubscribed from) and one queued digest for each person
// with an e-mail address. It returns how many reminders it made (0 when
// it was not this server's turn).
func (n *Notifier) Plan(ctx context.Context) (int, error) {
	now := n.cfg.Now()
	st, err := n.Settings(ctx)
	if err != nil {
		return 0, err
	}
	if now.In(Zone).Hour() < st.Hour {
		return 0, nil
	}
	day := LocalDay(now)
	var made int
	err = n.db.WithTx(ctx, func(tx *db.Tx) error {
		var done int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM notify_days WHERE day = ?`, db.Day(day)).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			return nil
		}
		// Claim the day first: a second server blocks here until the first
		// commits, then finds the row taken.
		if _, err := tx.ExecContext(ctx, `INSERT INTO notify_days (day, planned_at, items) VALUES (?, ?, 0)`,
			db.Day(day), db.Stamp(now)); err != nil {
			return err
		}
		items, err := n.collect(ctx, tx, Window{Day: day, Settings: st})
		if err != nil {
			return err
		}
		made, err = n.record(ctx, tx, day, now, items)
		return err
	})
	if errors.Is(err, db.ErrConflict) {
		return 0, nil // another server made them
	}
	if err != nil {
		return 0, fmt.Errorf("notify: plan %s: %w", db.Day(day), err)
	}
	if made > 0 {
		n.cfg.Logger.Info("reminders made", slog.String("day", db.Day(day)), slog.Int("items", made))
	}
	return made, nil
}

// collect asks every source, drops the kinds people unsubscribed from,
// inactive accounts and duplicates (one task, two owner units).
func (n *Notifier) collect(ctx context.Context, tx *db.Tx, w Window) ([]Item, error) {
	off := map[int64]map[Kind]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT user_id, kind FROM notify_unsubscribes`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var uid int64
		var k Kind
		if err := rows.Scan(&uid, &k); err != nil {
			rows.Close()
			return nil, err
		}
		if off[uid] == nil {
			off[uid] = map[Kind]bool{}
		}
		off[uid][k] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	type key struct {
		user int64
		kind Kind
		ref  string
	}
	seen := map[key]bool{}
	var out []Item
	for _, src := range n.sources {
		items, err := src(ctx, tx, w)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			k := key{it.UserID, it.Kind, it.Ref}
			if seen[k] || off[it.UserID][it.Kind] {
				continue
			}
			seen[k] = true
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].UserID < out[b].UserID })
	return out, nil
}

func (n *Notifier) record(ctx context.Context, tx *db.Tx, day, now time.Time, items []Item) (int, error) {
	users := map[int64]bool{}
	for _, it := range items {
		args, err := i18n.EncodeArgs(it.Message.Args)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO notify_reminders (user_id, day, kind, ref, due_on, message_key, message_args, link)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, it.UserID, db.Day(day), string(it.Kind), it.Ref, db.Day(it.Due),
			it.Message.Key, args, it.Link); err != nil {
			return 0, fmt.Errorf("reminder %s for user %d: %w", it.Ref, it.UserID, err)
		}
		users[it.UserID] = true
	}
	for uid := range users {
		if _, err := tx.ExecContext(ctx, `INSERT INTO notify_digests (user_id, day, email, status, next_at, created_at)
			SELECT id, ?, email, 'pending', ?, ? FROM users WHERE id = ? AND email <> '' AND active = 1`,
			db.Day(day), db.Stamp(now), db.Stamp(now), uid); err != nil {
			return 0, fmt.Errorf("digest for user %d: %w", uid, err)
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE notify_days SET items = ? WHERE day = ?`, len(items), db.Day(day))
	return len(items), err
}

// Send sends the queued digests that are due, each claimed first so that
// no other server sends it too. It returns how many it sent; a digest the
// mail server refuses stays queued for a later attempt.
func (n *Notifier) Send(ctx context.Context) (int, error) {
	if n.cfg.Mailer == nil {
		return 0, nil
	}
	sent := 0
	for {
		now := db.Stamp(n.cfg.Now())
		rows, err := n.db.QueryContext(ctx, `SELECT id FROM notify_digests
			WHERE (status = 'pending' AND next_at <= ?) OR (status = 'sending' AND lease_until < ?)
			ORDER BY id LIMIT 20`, now, now)
		if err != nil {
			return sent, fmt.Errorf("notify: queue: %w", err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return sent, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return sent, err
		}
		if len(ids) == 0 {
			return sent, nil
		}
		progress := false
		for _, id := range ids {
			ok, err := n.sendOne(ctx, id)
			if err != nil {
				return sent, err
			}
			if ok {
				sent++
			}
			progress = true
		}
		if !progress {
			return sent, nil
		}
	}
}

// sendOne claims digest id and sends it. It reports whether a mail went
// out; a refused mail is rescheduled, not an error.
func (n *Notifier) sendOne(ctx context.Context, id int64) (bool, error) {
	now := n.cfg.Now()
	res, err := n.db.ExecContext(ctx, `UPDATE notify_digests SET status = 'sending', lease_until = ?, attempts = attempts + 1
		WHERE id = ? AND ((status = 'pending' AND next_at <= ?) OR (status = 'sending' AND lease_until < ?))`,
		db.Stamp(now.Add(lease)), id, db.Stamp(now), db.Stamp(now))
	if err != nil {
		return false, fmt.Errorf("notify: claim digest %d: %w", id, err)
	}
	if k, err := res.RowsAffected(); err != nil || k != 1 {
		return false, err // another server has it
	}
	var userID int64
	var day, name, email string
	var attempts int
	if err := n.db.QueryRowContext(ctx, `SELECT d.user_id, d.day, d.attempts, u.name, u.email FROM notify_digests d
		JOIN users u ON u.id = d.user_id WHERE d.id = ?`, id).Scan(&userID, &day, &attempts, &name, &email); err != nil {
		return false, fmt.Errorf("notify: digest %d: %w", id, err)
	}
	rs, err := n.reminders(ctx, n.db, userID, day)
	if err != nil {
		return false, err
	}
	if len(rs) == 0 || email == "" {
		_, err := n.db.ExecContext(ctx, `UPDATE notify_digests SET status = 'skipped' WHERE id = ?`, id)
		return false, err
	}
	d, err := db.ParseDay(day)
	if err != nil {
		return false, err
	}
	msg, err := n.compose(name, email, d, rs, now)
	if err != nil {
		return false, err
	}
	if serr := n.cfg.Mailer.Send(ctx, email, msg); serr != nil {
		status, next := "pending", now.Add(backoff(attempts))
		if attempts >= maxAttempts {
			status = "failed"
		}
		n.cfg.Logger.Warn("reminder mail refused", slog.Int64("digest", id), slog.Int("attempt", attempts), slog.Any("err", serr))
		_, err := n.db.ExecContext(ctx, `UPDATE notify_digests SET status = ?, next_at = ?, lease_until = '', last_error = ? WHERE id = ?`,
			status, db.Stamp(next), truncate(serr.Error(), 500), id)
		return false, err
	}
	_, err = n.db.ExecContext(ctx, `UPDATE notify_digests SET status = 'sent', sent_at = ?, lease_until = '', last_error = '' WHERE id = ?`,
		db.Stamp(n.cfg.Now()), id)
	return true, err
}

// QueueStatus counts the digests of a day by status (for the operator
// and the tests).
func (n *Notifier) QueueStatus(ctx context.Context, day time.Time) (map[string]int, error) {
	rows, err := n.db.QueryContext(ctx, `SELECT status, COUNT(*) FROM notify_digests WHERE day = ? GROUP BY status`, db.Day(day))
	if err != nil {
		return nil, fmt.Errorf("notify: queue status: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var c int
		if err := rows.Scan(&s, &c); err != nil {
			return nil, err
		}
		out[s] = c
	}
	return out, rows.Err()
}

// Run makes and sends reminders every interval until ctx ends.
func (n *Notifier) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := n.Plan(ctx); err != nil && ctx.Err() == nil {
			n.cfg.Logger.Error("reminders", slog.Any("err", err))
		}
		if _, err := n.Send(ctx); err != nil && ctx.Err() == nil {
			n.cfg.Logger.Error("reminder mail", slog.Any("err", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// recordAudit writes one change of reminders to the audit log.
func recordAudit(ctx context.Context, tx *db.Tx, action, entity string, id int64, before, after any) error {
	return audit.Record(ctx, tx, audit.Entry{Action: action, Entity: entity, EntityID: id, Before: before, After: after})
}
