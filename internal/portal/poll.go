package portal

import (
	"context"
	"crypto/hmac"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
)

// Polls (thăm dò ý kiến): a leader of the site's unit asks a question
// with two to ten options; readers vote until the poll is closed or its
// closing moment passes. One vote per browser: the browser keeps a
// signed voter id (NewVoter, VoterOf) that the database holds once per
// poll; clearing cookies gives a new id, so an address (kept as a keyed
// hash) may cast at most VotesPerAddress votes on a poll, enough for an
// office or a family behind one address and no more. A reader sees the
// results once they have voted, everyone once the poll is closed.

// Limits of polls.
const (
	maxQuestion     = 300
	maxOption       = 200
	MinOptions      = 2
	MaxOptions      = 10
	VotesPerAddress = 20
)

// PollOption is one answer of a poll with its votes.
type PollOption struct {
	ID    int64
	Label string
	Votes int
}

// Percent is the option's share of total, rounded to a whole percent.
func (o PollOption) Percent(total int) int {
	if total == 0 {
		return 0
	}
	return (o.Votes*100 + total/2) / total
}

// Poll is a question with its options.
type Poll struct {
	ID       int64
	SiteID   int64
	Question string
	Options  []PollOption
	ClosesAt time.Time // zero: open until closed
	ClosedAt time.Time // zero while not closed by hand
	Created  time.Time
	Total    int
}

// Closed reports whether the poll takes no more votes at now.
func (p Poll) Closed(now time.Time) bool {
	return !p.ClosedAt.IsZero() || (!p.ClosesAt.IsZero() && !now.Before(p.ClosesAt))
}

// PollInput is what a poll is created with.
type PollInput struct {
	Question string
	Options  string    // one per line
	ClosesAt time.Time // zero: open until closed
}

func (in *PollInput) validate(now time.Time) ([]string, error) {
	in.Question = cleanLine(in.Question)
	var es apperr.Errors
	if in.Question == "" || tooLong(in.Question, maxQuestion) {
		es.Add("question", "portal.err.poll_question", maxQuestion)
	}
	var opts []string
	seen := map[string]bool{}
	for l := range strings.SplitSeq(in.Options, "\n") {
		l = cleanLine(l)
		if l == "" || seen[l] {
			continue
		}
		seen[l] = true
		if tooLong(l, maxOption) {
			es.Add("options", "portal.err.poll_option", maxOption)
			break
		}
		opts = append(opts, l)
	}
	if len(opts) < MinOptions || len(opts) > MaxOptions {
		es.Add("options", "portal.err.poll_options", MinOptions, MaxOptions)
	}
	if !in.ClosesAt.IsZero() && !in.ClosesAt.After(now) {
		es.Add("closes_at", "portal.err.poll_closes")
	}
	return opts, es.Err()
}

// CreatePoll opens a poll on a site (approve on its unit: a poll is
// public as soon as it is made).
func (s *Store) CreatePoll(ctx context.Context, p *auth.Principal, siteID int64, in PollInput) (Poll, error) {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return Poll{}, err
	}
	if err := s.require(ctx, p, auth.PermApprove, st.UnitID); err != nil {
		return Poll{}, err
	}
	opts, err := in.validate(s.db.Now())
	if err != nil {
		return Poll{}, err
	}
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		var closes any
		if !in.ClosesAt.IsZero() {
			closes = db.Stamp(in.ClosesAt)
		}
		var err error
		id, err = tx.InsertID(ctx, "INSERT INTO portal_polls (site_id, question, closes_at, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
			siteID, in.Question, closes, p.User.ID, now)
		if err != nil {
			return err
		}
		for i, o := range opts {
			if _, err := tx.ExecContext(ctx, "INSERT INTO portal_poll_options (poll_id, position, label) VALUES (?, ?, ?)", id, i+1, o); err != nil {
				return err
			}
		}
		if err := bump(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "portal_poll", EntityID: id, UnitID: st.UnitID,
			After: map[string]any{"question": in.Question, "options": opts, "closes_at": closes}})
	})
	if err != nil {
		return Poll{}, wrap(err, "create poll")
	}
	s.forget(siteID)
	return s.poll(ctx, siteID, id)
}

// ClosePoll stops a poll's voting (approve on its site's unit).
func (s *Store) ClosePoll(ctx context.Context, p *auth.Principal, siteID, id int64) error {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return err
	}
	if err := s.require(ctx, p, auth.PermApprove, st.UnitID); err != nil {
		return err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE portal_polls SET closed_at = ? WHERE id = ? AND site_id = ? AND closed_at IS NULL",
			db.Stamp(tx.Now()), id, siteID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.NotFound("portal.err.poll_not_found")
		}
		if err := bump(ctx, tx, siteID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "close", Entity: "portal_poll", EntityID: id, UnitID: st.UnitID})
	})
	if err != nil {
		return wrap(err, "close poll")
	}
	s.forget(siteID)
	return nil
}

const pollCols = "id, site_id, question, closes_at, closed_at, created_at"

func scanPoll(r interface{ Scan(...any) error }) (Poll, error) {
	var pl Poll
	var closes, closed sql.NullString
	var created string
	if err := r.Scan(&pl.ID, &pl.SiteID, &pl.Question, &closes, &closed, &created); err != nil {
		return Poll{}, err
	}
	var err error
	if pl.ClosesAt, err = db.NullStamp(closes); err != nil {
		return Poll{}, err
	}
	if pl.ClosedAt, err = db.NullStamp(closed); err != nil {
		return Poll{}, err
	}
	pl.Created, err = db.ParseStamp(created)
	return pl, err
}

// polls reads a site's polls (newest first) with their options.
func (s *Store) polls(ctx context.Context, siteID, id int64) ([]Poll, error) {
	where, args := "site_id = ?", []any{siteID}
	if id != 0 {
		where, args = "site_id = ? AND id = ?", []any{siteID, id}
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+pollCols+" FROM portal_polls WHERE "+where+" ORDER BY created_at DESC, id DESC LIMIT 100", args...)
	if err != nil {
		return nil, fmt.Errorf("portal: polls: %w", err)
	}
	var out []Poll
	byID := map[int64]int{}
	for rows.Next() {
		pl, err := scanPoll(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("portal: polls: %w", err)
		}
		byID[pl.ID] = len(out)
		out = append(out, pl)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("portal: polls: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(out))
	for _, pl := range out {
		ids = append(ids, strconv.FormatInt(pl.ID, 10))
	}
	orows, err := s.db.QueryContext(ctx, "SELECT poll_id, id, label, votes FROM portal_poll_options WHERE poll_id IN ("+
		strings.Join(ids, ",")+") ORDER BY poll_id, position")
	if err != nil {
		return nil, fmt.Errorf("portal: poll options: %w", err)
	}
	defer orows.Close()
	for orows.Next() {
		var pid int64
		var o PollOption
		if err := orows.Scan(&pid, &o.ID, &o.Label, &o.Votes); err != nil {
			return nil, fmt.Errorf("portal: poll options: %w", err)
		}
		pl := &out[byID[pid]]
		pl.Options = append(pl.Options, o)
		pl.Total += o.Votes
	}
	return out, orows.Err()
}

func (s *Store) poll(ctx context.Context, siteID, id int64) (Poll, error) {
	ps, err := s.polls(ctx, siteID, id)
	if err != nil {
		return Poll{}, err
	}
	if len(ps) == 0 {
		return Poll{}, apperr.NotFound("portal.err.poll_not_found")
	}
	return ps[0], nil
}

// Polls lists a site's polls for its readers on the editorial side.
func (s *Store) Polls(ctx context.Context, p *auth.Principal, siteID int64) ([]Poll, error) {
	if _, err := s.Site(ctx, p, siteID); err != nil {
		return nil, err
	}
	return s.polls(ctx, siteID, 0)
}

// PublicPolls lists a site's polls, to anyone (their counts are shown
// only by the pages that may show them).
func (s *Store) PublicPolls(ctx context.Context, siteID int64) ([]Poll, error) {
	return s.polls(ctx, siteID, 0)
}

// PublicPoll returns one poll of a site, to anyone.
func (s *Store) PublicPoll(ctx context.Context, siteID, id int64) (Poll, error) {
	return s.poll(ctx, siteID, id)
}

// NewVoter makes a voter id for a browser, signed: the cookie's value.
func (s *Store) NewVoter(ctx context.Context) (string, error) {
	id := randomHex(16)
	sig, err := s.mac(ctx, "voter", id)
	if err != nil {
		return "", err
	}
	return id + "." + sig, nil
}

// VoterOf checks a cookie's value and returns its voter id ("" when it
// is not one this deployment signed).
func (s *Store) VoterOf(ctx context.Context, cookie string) (string, error) {
	id, sig, ok := strings.Cut(cookie, ".")
	if !ok || len(id) != 32 || len(sig) != 32 {
		return "", nil
	}
	want, err := s.mac(ctx, "voter", id)
	if err != nil {
		return "", err
	}
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return "", nil
	}
	return id, nil
}

// Voted reports which option voter chose on poll (0: none).
func (s *Store) Voted(ctx context.Context, pollID int64, voter string) (int64, error) {
	if voter == "" {
		return 0, nil
	}
	var opt int64
	err := s.db.QueryRowContext(ctx, "SELECT option_id FROM portal_poll_votes WHERE poll_id = ? AND voter = ?", pollID, voter).Scan(&opt)
	if errors.Is(err, db.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("portal: voted: %w", err)
	}
	return opt, nil
}

// Vote casts voter's vote for option on a site's open poll, from address
// addr. A second vote of the same voter is refused, as is a vote past the
// address's limit.
func (s *Store) Vote(ctx context.Context, siteID, pollID, option int64, voter, addr string) error {
	if voter == "" {
		return apperr.Invalid("option", "portal.err.poll_cookie")
	}
	hash, err := s.mac(ctx, "poll", addr)
	if err != nil {
		return err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now()
		pl, err := scanPoll(tx.QueryRowContext(ctx, "SELECT "+pollCols+" FROM portal_polls WHERE id = ? AND site_id = ?", pollID, siteID))
		if errors.Is(err, db.ErrNotFound) {
			return apperr.NotFound("portal.err.poll_not_found")
		}
		if err != nil {
			return err
		}
		if pl.Closed(now) {
			return apperr.Invalid("option", "portal.err.poll_closed")
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_poll_options WHERE id = ? AND poll_id = ?", option, pollID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.Invalid("option", "portal.err.poll_choose")
		}
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_poll_votes WHERE poll_id = ? AND voter = ?", pollID, voter).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("portal.err.poll_voted")
		}
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM portal_poll_votes WHERE poll_id = ? AND addr_hash = ?", pollID, hash).Scan(&n); err != nil {
			return err
		}
		if n >= VotesPerAddress {
			return apperr.Invalid("option", "portal.err.poll_limit", VotesPerAddress)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO portal_poll_votes (poll_id, voter, option_id, addr_hash, created_at) VALUES (?, ?, ?, ?, ?)",
			pollID, voter, option, hash, db.Stamp(now)); err != nil {
			if errors.Is(err, db.ErrConflict) {
				return apperr.Conflict("portal.err.poll_voted")
			}
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE portal_poll_options SET votes = votes + 1 WHERE id = ?", option)
		return err
	})
	if err != nil {
		return wrap(err, "vote")
	}
	return nil
}
