package emulation

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes pledges. Exported methods own their transaction
// and check the caller's permission themselves.
type Store struct {
	db          *db.DB
	units       *org.Store
	authz       *auth.Store
	conferences *meeting.Store
}

// NewStore returns a store over d whose methods check the caller's
// permissions with authz; conferences finds the conference a pledge is
// signed at (as the caller may see it).
func NewStore(d *db.DB, units *org.Store, authz *auth.Store, conferences *meeting.Store) *Store {
	return &Store{db: d, units: units, authz: authz, conferences: conferences}
}

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

// may reports whether p holds perm on unit unitID (see auth.CanAny).
func (s *Store) may(ctx context.Context, p *auth.Principal, perm auth.Permission, unitID int64) (bool, error) {
	return s.authz.CanAny(ctx, p, perm, unitID)
}

// require fails unless p holds perm on one of units.
func (s *Store) require(ctx context.Context, p *auth.Principal, perm auth.Permission, units []int64, key string) error {
	return s.authz.RequireAny(ctx, p, perm, key, units...)
}

// CanLaunch reports whether p may launch pledges of unit unitID and score
// them.
func (s *Store) CanLaunch(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	return s.may(ctx, p, auth.PermWrite, unitID)
}

// validate checks and normalizes a pledge's own fields.
func (p *Pledge) validate() error {
	var es apperr.Errors
	p.Title, p.Rules, p.Period = clean(p.Title), strings.TrimSpace(vntext.Normalize(p.Rules)), strings.TrimSpace(p.Period)
	if p.Title == "" {
		es.Add("title", "emulation.err.title")
	}
	if _, err := vntext.ParsePeriod(p.Period); err != nil {
		es.Add("period", "emulation.err.period")
	}
	if p.SignedOn.IsZero() {
		es.Add("signed_on", "emulation.err.signed_on")
	}
	if len(p.Commitments) == 0 {
		es.Add("commitments", "emulation.err.commitments")
	}
	for i := range p.Commitments {
		c := &p.Commitments[i]
		c.Description, c.IndicatorCode = clean(c.Description), strings.TrimSpace(c.IndicatorCode)
		if c.Kind != Target && c.Kind != Deliverable {
			c.Kind = Deliverable
			if c.IndicatorCode != "" {
				c.Kind = Target
			}
		}
		if c.Description == "" {
			es.Add(fmt.Sprintf("commitment.%d.description", i), "emulation.err.description")
		}
		if c.Kind == Target && c.IndicatorCode == "" {
			es.Add(fmt.Sprintf("commitment.%d.indicator", i), "emulation.err.indicator")
		}
		if c.MaxScore <= 0 || c.MaxScore > 1000 {
			es.Add(fmt.Sprintf("commitment.%d.max", i), "emulation.err.max")
		}
	}
	if len(p.Signatories) == 0 {
		es.Add("signatories", "emulation.err.signatories")
	}
	return es.Err()
}

// Create records a pledge with its commitments and signatories, for a
// caller who may write on its unit. Every signatory must be a unit below
// the pledge's unit on the signing day; the conference, when given, must
// be one of the pledge's unit that the caller may read.
func (s *Store) Create(ctx context.Context, p *auth.Principal, pl Pledge) (Pledge, error) {
	if err := pl.validate(); err != nil {
		return Pledge{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{pl.UnitID}, "emulation.err.forbidden_write"); err != nil {
		return Pledge{}, err
	}
	if _, err := s.units.Get(ctx, pl.UnitID, pl.SignedOn); err != nil {
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Pledge{}, apperr.Invalid("unit", "emulation.err.unit_day")
		}
		return Pledge{}, err
	}
	if pl.ConferenceID != 0 {
		c, err := s.conferences.Conference(ctx, p, pl.ConferenceID)
		switch apperr.CodeOf(err) {
		case "":
		case apperr.CodeNotFound, apperr.CodeForbidden:
			return Pledge{}, apperr.Invalid("conference", "emulation.err.conference")
		default:
			return Pledge{}, err
		}
		if c.UnitID != pl.UnitID {
			return Pledge{}, apperr.Invalid("conference", "emulation.err.conference_unit")
		}
	}
	seen := map[int64]bool{}
	for i := range pl.Signatories {
		sg := &pl.Signatories[i]
		sg.Signer = clean(sg.Signer)
		if sg.SignedOn.IsZero() {
			sg.SignedOn = pl.SignedOn
		}
		field := fmt.Sprintf("signatory.%d.unit", i)
		if seen[sg.UnitID] {
			return Pledge{}, apperr.Invalid(field, "emulation.err.signed_twice")
		}
		seen[sg.UnitID] = true
		u, err := s.units.Get(ctx, sg.UnitID, sg.SignedOn)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return Pledge{}, apperr.Invalid(field, "emulation.err.unit_day")
		}
		if err != nil {
			return Pledge{}, err
		}
		if u.ID == pl.UnitID || !slices.Contains(u.PathIDs(), pl.UnitID) {
			return Pledge{}, apperr.Invalid(field, "emulation.err.not_below", u.Name)
		}
		if sg.Signer == "" {
			return Pledge{}, apperr.Invalid(fmt.Sprintf("signatory.%d.signer", i), "emulation.err.signer")
		}
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err := tx.InsertID(ctx, `INSERT INTO emulation_pledges (unit_id, conference_id, title, title_fold, period, signed_on, rules, version, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`, pl.UnitID, db.NullID(pl.ConferenceID), pl.Title, vntext.Fold(pl.Title), pl.Period,
			db.Day(pl.SignedOn), pl.Rules, db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		pl.ID = id
		for i, c := range pl.Commitments {
			var target any
			if c.Kind == Target {
				target = c.Target
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_commitments (pledge_id, position, kind, indicator_code, target, description, max_score)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, i, string(c.Kind), c.IndicatorCode, target, c.Description, c.MaxScore); err != nil {
				return err
			}
		}
		for _, sg := range pl.Signatories {
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_signatories (pledge_id, unit_id, signer, signed_on) VALUES (?, ?, ?, ?)`,
				id, sg.UnitID, sg.Signer, db.Day(sg.SignedOn)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "pledge", EntityID: id, UnitID: pl.UnitID,
			After: map[string]any{"title": pl.Title, "period": pl.Period, "commitments": len(pl.Commitments), "signatories": len(pl.Signatories)}})
	})
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: create pledge: %w", err)
	}
	return s.Pledge(ctx, p, pl.ID)
}

// Pledge returns pledge id with its commitments, signatories and scores,
// to a caller who may read its unit or the unit of one of its
// signatories.
func (s *Store) Pledge(ctx context.Context, p *auth.Principal, id int64) (Pledge, error) {
	pl, err := s.load(ctx, id)
	if err != nil {
		return Pledge{}, err
	}
	units := []int64{pl.UnitID}
	for _, sg := range pl.Signatories {
		units = append(units, sg.UnitID)
	}
	if err := s.require(ctx, p, auth.PermRead, units, "emulation.err.forbidden_read"); err != nil {
		return Pledge{}, err
	}
	return pl, nil
}

// load reads pledge id, whoever asks.
func (s *Store) load(ctx context.Context, id int64) (Pledge, error) {
	var p Pledge
	var conf *int64
	var signed string
	err := s.db.QueryRowContext(ctx, `SELECT p.id, p.unit_id, p.conference_id, p.title, p.period, p.signed_on, p.rules,
		`+org.NameSQL("p.unit_id", "p.signed_on")+`
		FROM emulation_pledges p WHERE p.id = ?`, id).Scan(&p.ID, &p.UnitID, &conf, &p.Title, &p.Period, &signed, &p.Rules, &p.UnitName)
	if errors.Is(err, db.ErrNotFound) {
		return Pledge{}, apperr.NotFound("emulation.err.not_found")
	}
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	if conf != nil {
		p.ConferenceID = *conf
	}
	if p.SignedOn, err = db.ParseDay(signed); err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	if err := s.fill(ctx, &p); err != nil {
		return Pledge{}, fmt.Errorf("emulation: pledge %d: %w", id, err)
	}
	return p, nil
}

// fill reads a pledge's commitments, signatories and scores.
func (s *Store) fill(ctx context.Context, p *Pledge) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, indicator_code, COALESCE(target, 0), description, max_score
		FROM emulation_commitments WHERE pledge_id = ? ORDER BY position`, p.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c Commitment
		var kind string
		if err := rows.Scan(&c.ID, &kind, &c.IndicatorCode, &c.Target, &c.Description, &c.MaxScore); err != nil {
			rows.Close()
			return err
		}
		c.Kind = CommitmentKind(kind)
		p.Commitments = append(p.Commitments, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT s.id, s.unit_id, s.signer, s.signed_on, `+org.NameSQL("s.unit_id", "s.signed_on")+`
		FROM emulation_signatories s WHERE s.pledge_id = ? ORDER BY s.id`, p.ID)
	if err != nil {
		return err
	}
	idx := map[int64]int{}
	for rows.Next() {
		var sg Signatory
		var on string
		if err := rows.Scan(&sg.ID, &sg.UnitID, &sg.Signer, &on, &sg.UnitName); err != nil {
			rows.Close()
			return err
		}
		if sg.SignedOn, err = db.ParseDay(on); err != nil {
			rows.Close()
			return err
		}
		sg.Scores = map[int64]float64{}
		idx[sg.ID] = len(p.Signatories)
		p.Signatories = append(p.Signatories, sg)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT sc.signatory_id, sc.commitment_id, sc.score FROM emulation_scores sc
		JOIN emulation_signatories s ON s.id = sc.signatory_id WHERE s.pledge_id = ?`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sid, cid int64
		var v float64
		if err := rows.Scan(&sid, &cid, &v); err != nil {
			return err
		}
		p.Signatories[idx[sid]].Scores[cid] = v
	}
	return rows.Err()
}

// Score is one score to record.
type Score struct {
	SignatoryID  int64
	CommitmentID int64
	Score        float64
}

// SetScores records scores on pledge id (replacing earlier ones), for a
// caller who may write on the pledge's unit, after checking each against
// its commitment's maximum.
func (s *Store) SetScores(ctx context.Context, p *auth.Principal, id int64, scores []Score) (Pledge, error) {
	pl, err := s.Pledge(ctx, p, id)
	if err != nil {
		return Pledge{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{pl.UnitID}, "emulation.err.forbidden_write"); err != nil {
		return Pledge{}, err
	}
	maxOf := map[int64]float64{}
	for _, c := range pl.Commitments {
		maxOf[c.ID] = c.MaxScore
	}
	sig := map[int64]bool{}
	for _, sg := range pl.Signatories {
		sig[sg.ID] = true
	}
	var es apperr.Errors
	for _, sc := range scores {
		m, ok := maxOf[sc.CommitmentID]
		field := fmt.Sprintf("score.%d.%d", sc.SignatoryID, sc.CommitmentID)
		if !ok || !sig[sc.SignatoryID] {
			es.Add(field, "emulation.err.not_of_pledge")
		} else if sc.Score < 0 || sc.Score > m || math.IsNaN(sc.Score) {
			es.Add(field, "emulation.err.score_range", vntext.FormatNumber(m, 1))
		}
	}
	if err := es.Err(); err != nil {
		return Pledge{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, sc := range scores {
			if _, err := tx.ExecContext(ctx, "DELETE FROM emulation_scores WHERE signatory_id = ? AND commitment_id = ?", sc.SignatoryID, sc.CommitmentID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_scores (signatory_id, commitment_id, score, scored_at) VALUES (?, ?, ?, ?)`,
				sc.SignatoryID, sc.CommitmentID, sc.Score, db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "score", Entity: "pledge", EntityID: id, UnitID: pl.UnitID,
			After: map[string]any{"scores": len(scores)}})
	})
	if err != nil {
		return Pledge{}, fmt.Errorf("emulation: score pledge %d: %w", id, err)
	}
	return s.Pledge(ctx, p, id)
}

// Row is a pledge as lists show it.
type Row struct {
	ID          int64
	UnitID      int64
	Title       string
	Period      string
	SignedOn    time.Time
	Signatories int
}

// PeriodMessage is the label of the pledge's period.
func (r Row) PeriodMessage() i18n.Message { return periodMessage(r.Period) }

// ListFilter selects pledges for List.
type ListFilter struct {
	ConferenceID int64 // only the pledges signed at this conference (0: any)
	Limit        int   // <= 0 means 100
	// Period keeps only the pledges for this period code, Signatory only
	// the pledges this unit signed ("" and 0: any).
	Period    string
	Signatory int64
}

// List returns the pledges the caller may see (of a unit they may read,
// or signed by one), newest first.
func (s *Store) List(ctx context.Context, p *auth.Principal, f ListFilter) ([]Row, error) {
	reach, err := s.authz.Reach(ctx, p, auth.PermRead)
	if err != nil {
		return nil, err
	}
	if !reach.All && len(reach.IDs) == 0 {
		return []Row{}, nil
	}
	var where []string
	var args []any
	if !reach.All {
		ids := make([]string, len(reach.IDs))
		for i, id := range reach.IDs {
			ids[i] = fmt.Sprint(id)
		}
		in := strings.Join(ids, ",")
		where = append(where, "(p.unit_id IN ("+in+") OR p.id IN (SELECT s.pledge_id FROM emulation_signatories s WHERE s.unit_id IN ("+in+")))")
	}
	if f.ConferenceID != 0 {
		where = append(where, "p.conference_id = ?")
		args = append(args, f.ConferenceID)
	}
	if f.Period != "" {
		where = append(where, "p.period = ?")
		args = append(args, f.Period)
	}
	if f.Signatory != 0 {
		where = append(where, "p.id IN (SELECT s.pledge_id FROM emulation_signatories s WHERE s.unit_id = ?)")
		args = append(args, f.Signatory)
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.unit_id, p.title, p.period, p.signed_on,
		(SELECT COUNT(*) FROM emulation_signatories s WHERE s.pledge_id = p.id)
		FROM emulation_pledges p `+w+` ORDER BY p.signed_on DESC, p.id DESC LIMIT ?`, append(args, f.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("emulation: list: %w", err)
	}
	defer rows.Close()
	out := []Row{}
	for rows.Next() {
		var r Row
		var on string
		if err := rows.Scan(&r.ID, &r.UnitID, &r.Title, &r.Period, &on, &r.Signatories); err != nil {
			return nil, fmt.Errorf("emulation: list: %w", err)
		}
		if r.SignedOn, err = db.ParseDay(on); err != nil {
			return nil, fmt.Errorf("emulation: list: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
