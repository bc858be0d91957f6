package emulation

import (
	"context"
	"database/sql"
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
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Bounds of a bloc's year.
const (
	MaxBlocMembers  = 200
	MaxBlocCriteria = 100
)

// validYear reports whether y is a year a bloc may be scored for.
func validYear(y int) bool { return y >= 2000 && y <= 2100 }

// yearEnd is the last day of year y: a member must exist then or on its
// first day.
func yearEnd(y int) time.Time { return org.Date(y, 12, 31) }

// CreateBloc records a bloc or cluster of organizer unit b.UnitID, for a
// caller who may write on that unit.
func (s *Store) CreateBloc(ctx context.Context, p *auth.Principal, b BlocGroup) (BlocGroup, error) {
	b.Name = clean(b.Name)
	var es apperr.Errors
	if b.Name == "" {
		es.Add("name", "emulation.bloc.err.name")
	}
	if !slices.Contains(BlocKinds, b.Kind) {
		es.Add("kind", "emulation.bloc.err.kind")
	}
	if err := es.Err(); err != nil {
		return BlocGroup{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{b.UnitID}, "emulation.bloc.err.forbidden_write"); err != nil {
		return BlocGroup{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err := tx.InsertID(ctx, `INSERT INTO emulation_blocs (unit_id, kind, name, name_fold, created_at) VALUES (?, ?, ?, ?, ?)`,
			b.UnitID, string(b.Kind), b.Name, vntext.Fold(b.Name), db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		b.ID = id
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "bloc", EntityID: id, UnitID: b.UnitID,
			After: map[string]any{"name": b.Name, "kind": b.Kind}})
	})
	if err != nil {
		return BlocGroup{}, fmt.Errorf("emulation: create bloc: %w", err)
	}
	return s.bloc(ctx, b.ID)
}

// bloc reads bloc id, whoever asks.
func (s *Store) bloc(ctx context.Context, id int64) (BlocGroup, error) {
	var b BlocGroup
	var kind string
	err := s.db.QueryRowContext(ctx, `SELECT b.id, b.unit_id, b.kind, b.name, `+org.NameSQL("b.unit_id", "b.created_at")+`
		FROM emulation_blocs b WHERE b.id = ?`, id).Scan(&b.ID, &b.UnitID, &kind, &b.Name, &b.UnitName)
	if errors.Is(err, db.ErrNotFound) {
		return BlocGroup{}, apperr.NotFound("emulation.bloc.err.not_found")
	}
	if err != nil {
		return BlocGroup{}, fmt.Errorf("emulation: bloc %d: %w", id, err)
	}
	b.Kind = BlocKind(kind)
	return b, nil
}

// blocUnits are the units whose readers see bloc id: its organizer and
// every unit that was ever a member.
func (s *Store) blocUnits(ctx context.Context, b BlocGroup) ([]int64, error) {
	units := []int64{b.UnitID}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT unit_id FROM emulation_bloc_members WHERE bloc_id = ?`, b.ID)
	if err != nil {
		return nil, fmt.Errorf("emulation: bloc %d members: %w", b.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, rows.Err()
}

// BlocGroup returns bloc id to a caller who may read its organizer or
// one of its members, with the years it has, newest first.
func (s *Store) BlocGroup(ctx context.Context, p *auth.Principal, id int64) (BlocGroup, []int, error) {
	b, err := s.bloc(ctx, id)
	if err != nil {
		return BlocGroup{}, nil, err
	}
	units, err := s.blocUnits(ctx, b)
	if err != nil {
		return BlocGroup{}, nil, err
	}
	if err := s.require(ctx, p, auth.PermRead, units, "emulation.bloc.err.forbidden_read"); err != nil {
		return BlocGroup{}, nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT year FROM emulation_bloc_years WHERE bloc_id = ? ORDER BY year DESC`, id)
	if err != nil {
		return BlocGroup{}, nil, fmt.Errorf("emulation: bloc %d years: %w", id, err)
	}
	defer rows.Close()
	years := []int{}
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return BlocGroup{}, nil, err
		}
		years = append(years, y)
	}
	return b, years, rows.Err()
}

// BlocRow is a bloc as lists show it.
type BlocRow struct {
	BlocGroup
	Year    int // its latest year, 0 if none
	Members int // members in that year
	Status  BlocStatus
}

// BlocFilter selects a page of the blocs list.
type BlocFilter struct {
	UnitID int64  // blocs organized by this unit or one below it; 0 for all
	Query  string // in the name (folded)
	Offset int
	Limit  int // 0 means 50; at most 500
}

// Blocs returns a page of the blocs the caller may see (of a unit they
// may read, or with a member they may read) that f selects, in
// Vietnamese name order, and how many there are in all.
func (s *Store) Blocs(ctx context.Context, p *auth.Principal, f BlocFilter) ([]BlocRow, int, error) {
	scope, err := s.authz.ListScope(ctx, p, f.UnitID, "emulation.bloc.err.not_found")
	if err != nil {
		return nil, 0, err
	}
	if scope != nil && len(scope) == 0 {
		return []BlocRow{}, 0, nil
	}
	var conds []string
	var args []any
	if scope != nil {
		in := db.IDList(scope)
		c := "(b.unit_id IN (" + in + ")"
		if f.UnitID == 0 {
			c += " OR b.id IN (SELECT m.bloc_id FROM emulation_bloc_members m WHERE m.unit_id IN (" + in + "))"
		}
		conds = append(conds, c+")")
	}
	if q := vntext.Fold(strings.TrimSpace(f.Query)); q != "" {
		conds = append(conds, `b.name_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	// The names first, to sort them the Vietnamese way; then the page's
	// details.
	ids, total, err := db.PageByName(ctx, s.db, `SELECT b.id, b.name FROM emulation_blocs b `+where+` ORDER BY b.id`, args, f.Offset, f.Limit)
	if err != nil {
		return nil, 0, fmt.Errorf("emulation: blocs: %w", err)
	}
	out := make([]BlocRow, 0, len(ids))
	if len(ids) == 0 {
		return out, total, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT b.id, b.unit_id, b.kind, b.name, `+org.NameSQL("b.unit_id", "b.created_at")+`,
		COALESCE(y.year, 0), COALESCE(y.status, ''),
		(SELECT COUNT(*) FROM emulation_bloc_members m WHERE m.bloc_id = b.id AND m.year = y.year)
		FROM emulation_blocs b
		LEFT JOIN emulation_bloc_years y ON y.bloc_id = b.id AND y.year = (SELECT MAX(year) FROM emulation_bloc_years z WHERE z.bloc_id = b.id)
		WHERE b.id IN (`+db.IDList(ids)+`)`)
	if err != nil {
		return nil, 0, fmt.Errorf("emulation: blocs: %w", err)
	}
	defer rows.Close()
	byID := map[int64]BlocRow{}
	for rows.Next() {
		var r BlocRow
		var kind, status string
		if err := rows.Scan(&r.ID, &r.UnitID, &kind, &r.Name, &r.UnitName, &r.Year, &status, &r.Members); err != nil {
			return nil, 0, fmt.Errorf("emulation: blocs: %w", err)
		}
		r.Kind, r.Status = BlocKind(kind), BlocStatus(status)
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("emulation: blocs: %w", err)
	}
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, total, nil
}

// SetMembers sets the members of bloc id for year, in rotation order,
// and chooses the year's leader and deputy by the rotation rule (see
// Rotate) from the previous year's leader. Every member must be a unit
// below the organizer that exists on the year's first or last day. A
// year whose scoring has begun keeps its members.
func (s *Store) SetMembers(ctx context.Context, p *auth.Principal, id int64, year int, members []int64) (BlocYear, error) {
	b, err := s.bloc(ctx, id)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{b.UnitID}, "emulation.bloc.err.forbidden_write"); err != nil {
		return BlocYear{}, err
	}
	if !validYear(year) {
		return BlocYear{}, apperr.Invalid("year", "emulation.bloc.err.year")
	}
	if len(members) == 0 || len(members) > MaxBlocMembers {
		return BlocYear{}, apperr.Invalid("members", "emulation.bloc.err.members", MaxBlocMembers)
	}
	seen := map[int64]bool{}
	for i, m := range members {
		field := fmt.Sprintf("member.%d", i)
		if seen[m] {
			return BlocYear{}, apperr.Invalid(field, "emulation.bloc.err.member_twice")
		}
		seen[m] = true
		u, err := s.units.Get(ctx, m, yearEnd(year))
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			u, err = s.units.Get(ctx, m, org.Date(year, 1, 1))
		}
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return BlocYear{}, apperr.Invalid(field, "emulation.bloc.err.member_year", year)
		}
		if err != nil {
			return BlocYear{}, err
		}
		if u.ID == b.UnitID || !slices.Contains(u.PathIDs(), b.UnitID) {
			return BlocYear{}, apperr.Invalid(field, "emulation.err.not_below", u.Name)
		}
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, `SELECT status FROM emulation_bloc_years WHERE bloc_id = ? AND year = ?`, id, year).Scan(&status)
		exists := err == nil
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		if exists {
			var scored int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM emulation_bloc_scores sc JOIN emulation_bloc_criteria c ON c.id = sc.criterion_id
				WHERE c.bloc_id = ? AND c.year = ?`, id, year).Scan(&scored); err != nil {
				return err
			}
			if status != string(Scoring) || scored > 0 {
				return apperr.Conflict("emulation.bloc.err.started")
			}
		}
		var last int64
		if err := tx.QueryRowContext(ctx, `SELECT leader_unit_id FROM emulation_bloc_years WHERE bloc_id = ? AND year = ?`, id, year-1).Scan(&last); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		leader, deputy := Rotate(members, last)
		if exists {
			if _, err := tx.ExecContext(ctx, `DELETE FROM emulation_bloc_members WHERE bloc_id = ? AND year = ?`, id, year); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_years SET leader_unit_id = ?, deputy_unit_id = ?, version = version + 1 WHERE bloc_id = ? AND year = ?`,
				leader, db.NullID(deputy), id, year); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_bloc_years (bloc_id, year, leader_unit_id, deputy_unit_id, status, version) VALUES (?, ?, ?, ?, ?, 1)`,
			id, year, leader, db.NullID(deputy), string(Scoring)); err != nil {
			return err
		}
		for i, m := range members {
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_bloc_members (bloc_id, year, unit_id, position) VALUES (?, ?, ?, ?)`, id, year, m, i); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "members", Entity: "bloc", EntityID: id, UnitID: b.UnitID,
			After: map[string]any{"year": year, "members": members, "leader": leader, "deputy": deputy}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d members", id)
	}
	return s.BlocYear(ctx, p, id, year)
}

// wrap adds context to an error that is not already a domain error.
func wrap(err error, format string, args ...any) error {
	if _, ok := apperr.As(err); ok {
		return err
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// AddCriteria appends lines to the criteria table of bloc id's year, for
// the organizer's writers, while no score has been given.
func (s *Store) AddCriteria(ctx context.Context, p *auth.Principal, id int64, year int, cs []BlocCriterion) (BlocYear, error) {
	return s.addCriteria(ctx, p, id, year, cs, 0)
}

// CriteriaFromPledge makes each commitment of pledge pledgeID a criterion
// of bloc id's year (its description the title, its maximum the points)
// and links the year to the pledge. The pledge must be the organizer's
// and one the caller may read.
func (s *Store) CriteriaFromPledge(ctx context.Context, p *auth.Principal, id int64, year int, pledgeID int64) (BlocYear, error) {
	b, err := s.bloc(ctx, id)
	if err != nil {
		return BlocYear{}, err
	}
	pl, err := s.Pledge(ctx, p, pledgeID)
	switch apperr.CodeOf(err) {
	case "":
	case apperr.CodeNotFound, apperr.CodeForbidden, apperr.CodeUnauthorized:
		return BlocYear{}, apperr.Invalid("pledge", "emulation.bloc.err.pledge")
	default:
		return BlocYear{}, err
	}
	if pl.UnitID != b.UnitID {
		return BlocYear{}, apperr.Invalid("pledge", "emulation.bloc.err.pledge_unit")
	}
	var cs []BlocCriterion
	for _, c := range pl.Commitments {
		cs = append(cs, BlocCriterion{Kind: Criterion, Title: c.Description, MaxPoints: c.MaxScore, CommitmentID: c.ID})
	}
	return s.addCriteria(ctx, p, id, year, cs, pledgeID)
}

func (s *Store) addCriteria(ctx context.Context, p *auth.Principal, id int64, year int, cs []BlocCriterion, pledgeID int64) (BlocYear, error) {
	b, err := s.bloc(ctx, id)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{b.UnitID}, "emulation.bloc.err.forbidden_write"); err != nil {
		return BlocYear{}, err
	}
	var es apperr.Errors
	for i := range cs {
		cs[i].check(&es, i)
	}
	if len(cs) == 0 {
		es.Add("criteria", "emulation.bloc.err.criteria")
	}
	if err := es.Err(); err != nil {
		return BlocYear{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := s.unscored(ctx, tx, id, year); err != nil {
			return err
		}
		var n, lines int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(position) + 1, 0) FROM emulation_bloc_criteria WHERE bloc_id = ? AND year = ?`, id, year).Scan(&lines, &n); err != nil {
			return err
		}
		if lines+len(cs) > MaxBlocCriteria {
			return apperr.Invalid("criteria", "emulation.bloc.err.too_many", MaxBlocCriteria)
		}
		for i, c := range cs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO emulation_bloc_criteria (bloc_id, year, position, kind, title, max_points, evidence, commitment_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, year, n+i, string(c.Kind), c.Title, c.MaxPoints, c.Evidence, db.NullID(c.CommitmentID)); err != nil {
				return err
			}
		}
		if pledgeID != 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_years SET pledge_id = ?, version = version + 1 WHERE bloc_id = ? AND year = ?`, pledgeID, id, year); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "criteria", Entity: "bloc", EntityID: id, UnitID: b.UnitID,
			After: map[string]any{"year": year, "added": len(cs), "pledge": pledgeID}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d criteria", id)
	}
	return s.BlocYear(ctx, p, id, year)
}

// lockYear reads the status row of a bloc's year inside tx (not found
// when the year has no members yet).
func (s *Store) lockYear(ctx context.Context, tx *db.Tx, id int64, year int) (BlocYear, error) {
	var y BlocYear
	var status string
	var deputy, pledge, flag, proposal *int64
	err := tx.QueryRowContext(ctx, `SELECT leader_unit_id, deputy_unit_id, pledge_id, status, flag_unit_id, flag_proposal_id, note, version
		FROM emulation_bloc_years WHERE bloc_id = ? AND year = ?`, id, year).Scan(&y.LeaderID, &deputy, &pledge, &status, &flag, &proposal, &y.Note, &y.Version)
	if errors.Is(err, db.ErrNotFound) {
		return BlocYear{}, apperr.NotFound("emulation.bloc.err.no_year", year)
	}
	if err != nil {
		return BlocYear{}, err
	}
	y.Year, y.Status = year, BlocStatus(status)
	y.DeputyID, y.PledgeID, y.FlagUnitID, y.FlagProposalID = deref(deputy), deref(pledge), deref(flag), deref(proposal)
	return y, nil
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// BlocYear returns bloc id's year with its members, criteria and scores
// to a caller who may read the organizer or one of the members.
func (s *Store) BlocYear(ctx context.Context, p *auth.Principal, id int64, year int) (BlocYear, error) {
	b, _, err := s.BlocGroup(ctx, p, id)
	if err != nil {
		return BlocYear{}, err
	}
	return s.loadYear(ctx, b, year)
}

// loadYear reads a bloc's year, whoever asks.
func (s *Store) loadYear(ctx context.Context, b BlocGroup, year int) (BlocYear, error) {
	var y BlocYear
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		y, err = s.lockYear(ctx, tx, b.ID, year)
		return err
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d year %d", b.ID, year)
	}
	y.BlocGroup = b
	day := db.Day(yearEnd(year))
	rows, err := s.db.QueryContext(ctx, `SELECT m.unit_id, m.position, m.submitted_at IS NOT NULL, `+org.NameSQL("m.unit_id", "?")+`
		FROM emulation_bloc_members m WHERE m.bloc_id = ? AND m.year = ? ORDER BY m.position`, day, b.ID, year)
	if err != nil {
		return BlocYear{}, fmt.Errorf("emulation: bloc %d members: %w", b.ID, err)
	}
	idx := map[int64]int{}
	for rows.Next() {
		m := BlocMember{Self: map[int64]float64{}, Review: map[int64]float64{}}
		if err := rows.Scan(&m.UnitID, &m.Position, &m.Submitted, &m.UnitName); err != nil {
			rows.Close()
			return BlocYear{}, err
		}
		idx[m.UnitID] = len(y.Members)
		y.Members = append(y.Members, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return BlocYear{}, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT id, position, kind, title, max_points, evidence, COALESCE(commitment_id, 0)
		FROM emulation_bloc_criteria WHERE bloc_id = ? AND year = ? ORDER BY position`, b.ID, year)
	if err != nil {
		return BlocYear{}, fmt.Errorf("emulation: bloc %d criteria: %w", b.ID, err)
	}
	for rows.Next() {
		var c BlocCriterion
		var kind string
		if err := rows.Scan(&c.ID, &c.Number, &kind, &c.Title, &c.MaxPoints, &c.Evidence, &c.CommitmentID); err != nil {
			rows.Close()
			return BlocYear{}, err
		}
		c.Kind = CriterionKind(kind)
		c.Number = len(y.Criteria) + 1
		y.Criteria = append(y.Criteria, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return BlocYear{}, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT sc.criterion_id, sc.unit_id, sc.self_score, sc.review_score FROM emulation_bloc_scores sc
		JOIN emulation_bloc_criteria c ON c.id = sc.criterion_id WHERE c.bloc_id = ? AND c.year = ?`, b.ID, year)
	if err != nil {
		return BlocYear{}, fmt.Errorf("emulation: bloc %d scores: %w", b.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var cid, uid int64
		var self, review sql.NullFloat64
		if err := rows.Scan(&cid, &uid, &self, &review); err != nil {
			return BlocYear{}, err
		}
		i, ok := idx[uid]
		if !ok {
			continue
		}
		if self.Valid {
			y.Members[i].Self[cid] = self.Float64
		}
		if review.Valid {
			y.Members[i].Review[cid] = review.Float64
		}
	}
	return y, rows.Err()
}

// BlocScore is one score to record: a member's on a line.
type BlocScore struct {
	UnitID      int64
	CriterionID int64
	Score       float64
}

// checkScores checks scores against the year's members and lines.
func checkScores(y BlocYear, scores []BlocScore) error {
	maxOf := map[int64]float64{}
	for _, c := range y.Criteria {
		maxOf[c.ID] = c.MaxPoints
	}
	var es apperr.Errors
	for _, sc := range scores {
		field := fmt.Sprintf("score.%d.%d", sc.UnitID, sc.CriterionID)
		m, ok := maxOf[sc.CriterionID]
		if _, member := y.Member(sc.UnitID); !ok || !member {
			es.Add(field, "emulation.bloc.err.not_of_year")
		} else if math.IsNaN(sc.Score) || sc.Score < 0 || sc.Score > m {
			es.Add(field, "emulation.err.score_range", vntext.FormatNumber(m, 1))
		}
	}
	return es.Err()
}

// SelfScore records member unitID's own scores in bloc id's year, for a
// caller who may write on that member, while the year is being scored
// and the member has not handed in; submit hands them in, which needs a
// score on every line.
func (s *Store) SelfScore(ctx context.Context, p *auth.Principal, id int64, year int, unitID int64, scores map[int64]float64, submit bool) (BlocYear, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, err
	}
	m, ok := y.Member(unitID)
	if !ok {
		return BlocYear{}, apperr.Invalid("unit", "emulation.bloc.err.not_of_year")
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{unitID}, "emulation.bloc.err.forbidden_self"); err != nil {
		return BlocYear{}, err
	}
	if y.Status != Scoring || m.Submitted {
		return BlocYear{}, apperr.Conflict("emulation.bloc.err.handed_in")
	}
	list := make([]BlocScore, 0, len(scores))
	for cid, v := range scores {
		list = append(list, BlocScore{UnitID: unitID, CriterionID: cid, Score: v})
	}
	if err := checkScores(y, list); err != nil {
		return BlocYear{}, err
	}
	if submit {
		for _, c := range y.Criteria {
			_, had := m.Self[c.ID]
			if _, now := scores[c.ID]; !had && !now && c.Kind == Criterion {
				return BlocYear{}, apperr.Invalid(fmt.Sprintf("score.%d.%d", unitID, c.ID), "emulation.bloc.err.incomplete", c.Number)
			}
		}
		if len(y.Criteria) == 0 {
			return BlocYear{}, apperr.Invalid("criteria", "emulation.bloc.err.criteria")
		}
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := s.lockYear(ctx, tx, id, year)
		if err != nil {
			return err
		}
		if cur.Status != Scoring {
			return apperr.Conflict("emulation.bloc.err.handed_in")
		}
		for _, sc := range list {
			if err := upsertScore(ctx, tx, sc, "self_score"); err != nil {
				return err
			}
		}
		if submit {
			res, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_members SET submitted_at = ? WHERE bloc_id = ? AND year = ? AND unit_id = ? AND submitted_at IS NULL`,
				db.Stamp(tx.Now()), id, year, unitID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return apperr.Conflict("emulation.bloc.err.handed_in")
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "self_score", Entity: "bloc", EntityID: id, UnitID: unitID,
			After: map[string]any{"year": year, "scores": len(list), "submitted": submit}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d self-score", id)
	}
	return s.BlocYear(ctx, p, id, year)
}

// upsertScore sets one column of a score row, keeping the other.
func upsertScore(ctx context.Context, tx *db.Tx, sc BlocScore, column string) error {
	res, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_scores SET `+column+` = ?, scored_at = ? WHERE criterion_id = ? AND unit_id = ?`,
		sc.Score, db.Stamp(tx.Now()), sc.CriterionID, sc.UnitID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO emulation_bloc_scores (criterion_id, unit_id, `+column+`, scored_at) VALUES (?, ?, ?, ?)`,
		sc.CriterionID, sc.UnitID, sc.Score, db.Stamp(tx.Now()))
	return err
}

// CanReview reports whether p may review bloc year y (writes on its
// leader).
func (s *Store) CanReview(ctx context.Context, p *auth.Principal, y BlocYear) (bool, error) {
	return s.may(ctx, p, auth.PermWrite, y.LeaderID)
}

// Review records the bloc's review scores on bloc id's year, for a
// caller who may write on the year's leader, once every member has
// handed in; close ends the review (status reviewed). All the scores
// are written or none.
func (s *Store) Review(ctx context.Context, p *auth.Principal, id int64, year int, scores []BlocScore, close bool) (BlocYear, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, []int64{y.LeaderID}, "emulation.bloc.err.forbidden_review"); err != nil {
		return BlocYear{}, err
	}
	if y.Status != Scoring {
		return BlocYear{}, apperr.Conflict("emulation.bloc.err.status")
	}
	if !y.AllSubmitted() {
		return BlocYear{}, apperr.Conflict("emulation.bloc.err.not_handed_in")
	}
	if err := checkScores(y, scores); err != nil {
		return BlocYear{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := s.lockYear(ctx, tx, id, year)
		if err != nil {
			return err
		}
		if cur.Status != Scoring {
			return apperr.Conflict("emulation.bloc.err.status")
		}
		for _, sc := range scores {
			if err := upsertScore(ctx, tx, sc, "review_score"); err != nil {
				return err
			}
		}
		if close {
			if _, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_years SET status = ?, reviewed_at = ?, version = version + 1 WHERE bloc_id = ? AND year = ?`,
				string(Reviewed), db.Stamp(tx.Now()), id, year); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "review", Entity: "bloc", EntityID: id, UnitID: y.LeaderID,
			After: map[string]any{"year": year, "scores": len(scores), "closed": close}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d review", id)
	}
	return s.BlocYear(ctx, p, id, year)
}

// CanApprove reports whether p may approve bloc year y (approves on its
// organizer).
func (s *Store) CanApprove(ctx context.Context, p *auth.Principal, y BlocYear) (bool, error) {
	return s.may(ctx, p, auth.PermApprove, y.UnitID)
}

// Approve approves bloc id's reviewed year, for a caller who may approve
// on the organizer, and records the member proposed for the flag: the
// leading member, or when the lead is tied flag, which must be one of
// the tied members (0 leaves the choice to be made: refused on a tie).
func (s *Store) Approve(ctx context.Context, p *auth.Principal, id int64, year int, flag int64) (BlocYear, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermApprove, []int64{y.UnitID}, "emulation.bloc.err.forbidden_approve"); err != nil {
		return BlocYear{}, err
	}
	if y.Status != Reviewed {
		return BlocYear{}, apperr.Conflict("emulation.bloc.err.status")
	}
	lead := y.Leading()
	switch {
	case len(lead) == 1 && (flag == 0 || flag == lead[0].Signatory.UnitID):
		flag = lead[0].Signatory.UnitID
	case len(lead) > 1 && flag == 0:
		return BlocYear{}, apperr.Invalid("flag", "emulation.bloc.err.flag_tie")
	case !slices.ContainsFunc(lead, func(s Standing) bool { return s.Signatory.UnitID == flag }):
		return BlocYear{}, apperr.Invalid("flag", "emulation.bloc.err.flag_leading")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_years SET status = ?, flag_unit_id = ?, approved_at = ?, version = version + 1
			WHERE bloc_id = ? AND year = ? AND status = ?`, string(Approved), flag, db.Stamp(tx.Now()), id, year, string(Reviewed))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("emulation.bloc.err.status")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "approve", Entity: "bloc", EntityID: id, UnitID: y.UnitID,
			After: map[string]any{"year": year, "flag": flag}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d approve", id)
	}
	return s.BlocYear(ctx, p, id, year)
}

// Return sends bloc id's reviewed year back to the bloc with a note, for
// a caller who may approve on the organizer: the bloc reviews again.
func (s *Store) Return(ctx context.Context, p *auth.Principal, id int64, year int, note string) (BlocYear, error) {
	y, err := s.BlocYear(ctx, p, id, year)
	if err != nil {
		return BlocYear{}, err
	}
	if err := s.require(ctx, p, auth.PermApprove, []int64{y.UnitID}, "emulation.bloc.err.forbidden_approve"); err != nil {
		return BlocYear{}, err
	}
	if note = clean(note); note == "" {
		return BlocYear{}, apperr.Invalid("note", "emulation.bloc.err.note")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE emulation_bloc_years SET status = ?, note = ?, version = version + 1
			WHERE bloc_id = ? AND year = ? AND status = ?`, string(Scoring), note, id, year, string(Reviewed))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("emulation.bloc.err.status")
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "return", Entity: "bloc", EntityID: id, UnitID: y.UnitID,
			After: map[string]any{"year": year, "note": note}})
	})
	if err != nil {
		return BlocYear{}, wrap(err, "emulation: bloc %d return", id)
	}
	return s.BlocYear(ctx, p, id, year)
}
