package portal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// FeedbackStatus is where a reader's message stands.
type FeedbackStatus string

// The states of feedback.
const (
	FeedbackPending  FeedbackStatus = "pending"
	FeedbackApproved FeedbackStatus = "approved"
	FeedbackRejected FeedbackStatus = "rejected"
)

// Label is the state's name (catalog key "portal.feedback.<code>").
func (s FeedbackStatus) Label() i18n.Message { return i18n.M("portal.feedback." + string(s)) }

// Feedback is a reader's message (phản hồi) about a site or one of its
// articles. Only approved feedback is shown to the public; the sender's
// e-mail is shown to moderators only; the address it came from is kept
// as a keyed hash, for the hourly limit, never as itself.
type Feedback struct {
	ID          int64
	SiteID      int64
	ArticleID   int64 // 0: about the site
	Headline    string
	Name        string
	Email       string
	Body        string
	Status      FeedbackStatus
	Flags       []string // the flagged words the message holds
	Reply       string
	ModeratedBy string
	ModeratedAt time.Time
	Created     time.Time
}

// FeedbackInput is what a reader sends. Trap is the honeypot field: a
// form hides it from people, and only a program fills it in.
type FeedbackInput struct {
	ArticleID int64
	Name      string
	Email     string
	Body      string
	Trap      string
	Addr      string // the client's address, as the web layer resolved it
}

// Limits of feedback.
const (
	// FeedbackPerHour is how many messages one address may send in an
	// hour, to all sites together.
	FeedbackPerHour = 3
	// FeedbackSitePerHour is how many messages a site takes in an hour
	// from everyone, so that a flood from many addresses stays bounded.
	FeedbackSitePerHour = 200
	maxFeedbackBody     = 3000
	maxFeedbackName     = 100
)

// flaggedWords are folded words a moderator should look at twice: insults,
// incitement, fraud bait. The queue shows which ones a message holds.
var flaggedWords = []string{"lua dao", "phan dong", "bao loan", "bieu tinh", "chui", "ngu", "do ngu", "cho chet", "lo dit",
	"dit", "dm", "vcl", "casino", "ca cuoc", "no hu", "vay tien nhanh", "http", "www", "giet"}

// flagsOf returns the flagged words body holds (as whole words).
func flagsOf(body string) []string {
	f := " " + strings.Join(strings.FieldsFunc(vntext.Fold(body), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ") + " "
	var out []string
	for _, w := range flaggedWords {
		if strings.Contains(f, " "+w+" ") || (w == "http" || w == "www") && strings.Contains(f, " "+w) {
			out = append(out, w)
		}
	}
	return out
}

// SendFeedback takes a reader's message for the site at siteID, held for
// moderation. A message with the honeypot filled in is dropped without a
// word (the sender sees the same thanks); past the limits it is refused.
// It returns whether the message was kept.
func (s *Store) SendFeedback(ctx context.Context, siteID int64, in FeedbackInput) (bool, error) {
	in.Name, in.Email, in.Body = cleanLine(in.Name), strings.TrimSpace(in.Email), cleanText(in.Body)
	var es apperr.Errors
	if in.Name == "" || tooLong(in.Name, maxFeedbackName) {
		es.Add("name", "portal.err.feedback_name", maxFeedbackName)
	}
	if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email || tooLong(in.Email, 254) {
		es.Add("email", "portal.err.email")
	}
	if in.Body == "" || tooLong(in.Body, maxFeedbackBody) {
		es.Add("body", "portal.err.feedback_body", maxFeedbackBody)
	}
	if err := es.Err(); err != nil {
		return false, err
	}
	if strings.TrimSpace(in.Trap) != "" {
		return false, nil
	}
	hash, err := s.mac(ctx, "feedback", in.Addr)
	if err != nil {
		return false, err
	}
	kept := false
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now()
		if in.ArticleID != 0 {
			conds, args := live(now)
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_articles a WHERE a.id = ? AND a.site_id = ? AND "+
				strings.Join(conds, " AND "), append([]any{in.ArticleID, siteID}, args...)...).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return apperr.NotFound("portal.err.article_not_found")
			}
		}
		since := db.Stamp(now.Add(-time.Hour))
		var mine, site int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_feedback WHERE addr_hash = ? AND created_at > ?", hash, since).Scan(&mine); err != nil {
			return err
		}
		if mine >= FeedbackPerHour {
			return apperr.Invalid("body", "portal.err.feedback_limit", FeedbackPerHour)
		}
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_feedback WHERE site_id = ? AND created_at > ?", siteID, since).Scan(&site); err != nil {
			return err
		}
		if site >= FeedbackSitePerHour {
			return apperr.Invalid("body", "portal.err.feedback_busy")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO portal_feedback (site_id, article_id, name, email, body, addr_hash, status, flags, created_at)
			VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`, siteID, db.NullID(in.ArticleID), in.Name, in.Email, in.Body, hash,
			strings.Join(flagsOf(in.Name+" "+in.Body), ","), db.Stamp(now))
		kept = err == nil
		return err
	})
	if err != nil {
		return false, wrap(err, "send feedback")
	}
	return kept, nil
}

const feedbackCols = `f.id, f.site_id, COALESCE(f.article_id, 0), COALESCE(a.headline, ''), f.name, f.email, f.body, f.status, f.flags,
	f.reply, COALESCE(u.name, ''), f.moderated_at, f.created_at`

const feedbackFrom = ` FROM portal_feedback f LEFT JOIN portal_articles a ON a.id = f.article_id LEFT JOIN users u ON u.id = f.moderated_by`

func scanFeedback(r interface{ Scan(...any) error }, extra ...any) (Feedback, error) {
	var f Feedback
	var flags, created string
	var moderated sql.NullString
	if err := r.Scan(append([]any{&f.ID, &f.SiteID, &f.ArticleID, &f.Headline, &f.Name, &f.Email, &f.Body, &f.Status, &flags,
		&f.Reply, &f.ModeratedBy, &moderated, &created}, extra...)...); err != nil {
		return f, err
	}
	if flags != "" {
		f.Flags = strings.Split(flags, ",")
	}
	var err error
	if f.ModeratedAt, err = db.NullStamp(moderated); err != nil {
		return f, err
	}
	f.Created, err = db.ParseStamp(created)
	return f, err
}

func (s *Store) feedbackList(ctx context.Context, where string, args []any, order string, limit, offset int) ([]Feedback, int, error) {
	if limit <= 0 || limit > 100 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+feedbackCols+", COUNT(*) OVER ()"+feedbackFrom+" WHERE "+where+" ORDER BY "+order+
		" LIMIT ? OFFSET ?", append(args, limit, max(offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("portal: feedback: %w", err)
	}
	defer rows.Close()
	var out []Feedback
	var n int
	for rows.Next() {
		f, err := scanFeedback(rows, &n)
		if err != nil {
			return nil, 0, fmt.Errorf("portal: feedback: %w", err)
		}
		out = append(out, f)
	}
	return out, n, rows.Err()
}

// FeedbackQueue lists a site's feedback in a state, oldest first for the
// pending queue and newest first otherwise (approve on the site: the
// queue shows senders' e-mail addresses).
func (s *Store) FeedbackQueue(ctx context.Context, p *auth.Principal, siteID int64, status FeedbackStatus, offset int) ([]Feedback, int, error) {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return nil, 0, err
	}
	if err := s.require(ctx, p, auth.PermApprove, st.UnitID); err != nil {
		return nil, 0, err
	}
	order := "f.created_at DESC, f.id DESC"
	switch status {
	case FeedbackPending:
		order = "f.created_at, f.id"
	case FeedbackApproved, FeedbackRejected:
	default:
		return nil, 0, apperr.Invalid("status", "portal.err.status")
	}
	return s.feedbackList(ctx, "f.site_id = ? AND f.status = ?", []any{siteID, string(status)}, order, 50, offset)
}

// Moderate approves or rejects a pending message (approve on its site),
// with a reply shown under it when approved.
func (s *Store) Moderate(ctx context.Context, p *auth.Principal, id int64, approve bool, reply string) error {
	var siteID int64
	var status string
	err := s.db.QueryRowContext(ctx, "SELECT site_id, status FROM portal_feedback WHERE id = ?", id).Scan(&siteID, &status)
	if err != nil {
		if errors.Is(err, db.ErrNotFound) {
			return apperr.NotFound("portal.err.feedback_not_found")
		}
		return fmt.Errorf("portal: feedback %d: %w", id, err)
	}
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return apperr.NotFound("portal.err.feedback_not_found")
		}
		return err
	}
	if err := s.require(ctx, p, auth.PermApprove, st.UnitID); err != nil {
		return err
	}
	reply = cleanText(reply)
	if tooLong(reply, maxFeedbackBody) {
		return apperr.Invalid("reply", "portal.err.too_long", maxFeedbackBody)
	}
	to := FeedbackRejected
	if approve {
		to = FeedbackApproved
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE portal_feedback SET status = ?, reply = ?, moderated_by = ?, moderated_at = ?
			WHERE id = ? AND status = 'pending'`, string(to), reply, p.User.ID, db.Stamp(tx.Now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("portal.err.feedback_done")
		}
		if approve {
			if err := bump(ctx, tx, siteID); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "moderate", Entity: "portal_feedback", EntityID: id, UnitID: st.UnitID,
			Before: map[string]any{"status": status}, After: map[string]any{"status": to, "reply": reply}})
	})
	if err != nil {
		return wrap(err, "moderate feedback")
	}
	if approve {
		s.forget(siteID)
	}
	return nil
}

// PublicFeedback lists the approved feedback of a live article (0: the
// site's own), oldest first, without e-mail addresses.
func (s *Store) PublicFeedback(ctx context.Context, siteID, articleID int64) ([]Feedback, error) {
	where, args := "f.site_id = ? AND f.status = 'approved' AND f.article_id IS NULL", []any{siteID}
	if articleID != 0 {
		where, args = "f.site_id = ? AND f.status = 'approved' AND f.article_id = ?", []any{siteID, articleID}
	}
	out, _, err := s.feedbackList(ctx, where, args, "f.created_at, f.id", 100, 0)
	for i := range out {
		out[i].Email = ""
	}
	return out, err
}
