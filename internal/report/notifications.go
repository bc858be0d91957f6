package report

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
)

// Notifications tell someone a report needs them or has been decided.
// They are stored as a catalog key and its arguments (message_key,
// message_args as JSON), never as a finished sentence, so each reader
// sees them in their own language.

// Notification tells someone a report needs them or has been decided.
type Notification struct {
	ID        int64
	ReportID  int64
	UnitID    int64
	Kind      string // "submitted", "approved", "returned"
	Message   i18n.Message
	CreatedAt time.Time
}

// Link is the page of the report the notification is about.
func (n Notification) Link() string { return fmt.Sprintf("/bao-cao/%d", n.ReportID) }

func notify(ctx context.Context, tx *db.Tx, unitID int64, role auth.Role, userID, reportID int64, kind string, msg i18n.Message) error {
	args, err := i18n.EncodeArgs(msg.Args)
	if err != nil {
		return fmt.Errorf("report: notify: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO report_notifications (unit_id, role, user_id, report_id, kind, message_key, message_args, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, unitID, string(role), db.NullID(userID), reportID, kind, msg.Key, args, db.Stamp(tx.Now()))
	if err != nil {
		return fmt.Errorf("report: notify: %w", err)
	}
	return nil
}

// Notifications returns the newest notifications for p (limit <= 0
// means 10): those addressed to p's account, those for leaders of the
// units where p holds auth.PermApprove (reports submitted to them) and
// those for officers of the units where p holds auth.PermWrite (their
// reports decided).
func (s *Store) Notifications(ctx context.Context, p *auth.Principal, limit int) ([]Notification, error) {
	if p == nil || !p.User.Active {
		return []Notification{}, nil
	}
	if limit <= 0 {
		limit = 10
	}
	leaderUnits, officerUnits := auth.ScopeRoots(p, auth.PermApprove), auth.ScopeRoots(p, auth.PermWrite)
	conds := []string{"user_id = ?"}
	args := []any{p.User.ID}
	if len(leaderUnits) > 0 {
		conds = append(conds, "(role = 'leader' AND unit_id IN ("+db.Placeholders(len(leaderUnits))+"))")
		for _, id := range leaderUnits {
			args = append(args, id)
		}
	}
	if len(officerUnits) > 0 {
		conds = append(conds, "(role = 'officer' AND unit_id IN ("+db.Placeholders(len(officerUnits))+"))")
		for _, id := range officerUnits {
			args = append(args, id)
		}
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, `SELECT id, report_id, unit_id, kind, message_key, message_args, created_at FROM report_notifications
		WHERE `+strings.Join(conds, " OR ")+` ORDER BY created_at DESC, id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("report: notifications: %w", err)
	}
	defer rows.Close()
	out := []Notification{}
	for rows.Next() {
		var n Notification
		var margs, at string
		if err := rows.Scan(&n.ID, &n.ReportID, &n.UnitID, &n.Kind, &n.Message.Key, &margs, &at); err != nil {
			return nil, fmt.Errorf("report: notifications: %w", err)
		}
		if n.Message.Args, err = i18n.DecodeArgs(margs); err != nil {
			return nil, fmt.Errorf("report: notification %d: %w", n.ID, err)
		}
		if n.CreatedAt, err = db.ParseStamp(at); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
