package citizen

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Categories of a mediation case: the matters grassroots mediation takes
// up, then the ones the Law on Grassroots Mediation 2013 (Article 3(2))
// and Decree 15/2014 (Article 5) exclude.
var (
	Categories = []string{"land", "family", "neighbour", "property", "contract", "inheritance", "environment", "other"}
	Excluded   = []string{"criminal", "administrative", "public_interest", "marriage_unlawful", "transaction_void"}
)

// CategoryLabel is a category's name.
func CategoryLabel(c string) i18n.Message { return i18n.M("citizen.category." + c) }

// ExcludedReason is why the law keeps a category out of grassroots
// mediation.
func ExcludedReason(c string) i18n.Message { return i18n.M("citizen.excluded." + c) }

// Team is a grassroots mediation team (tổ hòa giải) of a village or
// residential group.
type Team struct {
	ID          int64
	UnitID      int64
	UnitName    string
	Name        string
	Area        string // the village or residential group
	FoundedOn   time.Time
	DissolvedOn time.Time
	Mediators   []Mediator
	Cases       int // in lists: the logbook's lines
}

// Mediator is a member of a team.
type Mediator struct {
	ID        int64
	TeamID    int64
	Name      string
	Gender    string // "male", "female" or ""
	BirthYear int
	Phone     string
	Leader    bool
	From, To  time.Time
}

// NewTeam creates a team.
type NewTeam struct {
	UnitID    int64
	Name      string
	Area      string
	FoundedOn time.Time
}

// CreateTeam adds a mediation team of unit (a commune, usually), for an
// officer of it.
func (s *Store) CreateTeam(ctx context.Context, p *auth.Principal, nt NewTeam) (Team, error) {
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", nt.UnitID); err != nil {
		return Team{}, err
	}
	nt.Name, nt.Area = clean(nt.Name), clean(nt.Area)
	var es apperr.Errors
	if nt.Name == "" {
		es.Add("name", "citizen.err.team_name")
	}
	if nt.FoundedOn.IsZero() {
		nt.FoundedOn = s.Today()
	}
	limit(&es, "name", nt.Name, 200)
	limit(&es, "area", nt.Area, 200)
	if err := es.Err(); err != nil {
		return Team{}, err
	}
	if _, err := s.checkUnit(ctx, nt.UnitID, s.Today(), "unit"); err != nil {
		return Team{}, err
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO citizen_mediation_teams (unit_id, name, sort_key, area, founded_on, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			nt.UnitID, nt.Name, db.SortKey(nt.Name), nt.Area, db.Day(nt.FoundedOn), db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "mediation_team", EntityID: id, UnitID: nt.UnitID, After: nt})
	})
	if err != nil {
		return Team{}, wrap(err, "create team")
	}
	return s.Team(ctx, p, id)
}

// Team returns a team with its mediators, to a reader of its unit.
func (s *Store) Team(ctx context.Context, p *auth.Principal, id int64) (Team, error) {
	var t Team
	var founded, dissolved string
	today := db.Day(s.Today())
	err := s.db.QueryRowContext(ctx, `SELECT t.id, t.unit_id, t.name, t.area, t.founded_on, t.dissolved_on, `+org.NameSQL("t.unit_id", "?")+`
		FROM citizen_mediation_teams t WHERE t.id = ?`, today, id).Scan(&t.ID, &t.UnitID, &t.Name, &t.Area, &founded, &dissolved, &t.UnitName)
	if errors.Is(err, db.ErrNotFound) {
		return Team{}, apperr.NotFound("citizen.err.team_not_found")
	}
	if err != nil {
		return Team{}, wrap(err, "team")
	}
	if err := parseDays(&t.FoundedOn, founded, &t.DissolvedOn, dissolved); err != nil {
		return Team{}, wrap(err, "team")
	}
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", t.UnitID); err != nil {
		return Team{}, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, team_id, name, gender, birth_year, phone, role, from_on, to_on FROM citizen_mediators
		WHERE team_id = ? ORDER BY CASE role WHEN 'leader' THEN 0 ELSE 1 END, sort_key, id`, id)
	if err != nil {
		return Team{}, wrap(err, "team")
	}
	defer rows.Close()
	for rows.Next() {
		var m Mediator
		var role, from, to string
		if err := rows.Scan(&m.ID, &m.TeamID, &m.Name, &m.Gender, &m.BirthYear, &m.Phone, &role, &from, &to); err != nil {
			return Team{}, wrap(err, "team")
		}
		m.Leader = role == "leader"
		if err := parseDays(&m.From, from, &m.To, to); err != nil {
			return Team{}, wrap(err, "team")
		}
		t.Mediators = append(t.Mediators, m)
	}
	return t, wrap(rows.Err(), "team")
}

// Teams lists the teams of the units p may read (unit 0) or of one unit,
// by unit and name.
func (s *Store) Teams(ctx context.Context, p *auth.Principal, unit int64, limitN, offset int) ([]Team, int, error) {
	var where string
	if unit != 0 {
		if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", unit); err != nil {
			return nil, 0, err
		}
		where = " WHERE t.unit_id = " + idList([]int64{unit})
	} else {
		r, err := s.reach(ctx, p, auth.PermRead)
		if err != nil {
			return nil, 0, err
		}
		if w := scopeWhere("t.unit_id", r); w != "" {
			where = " WHERE " + w
		}
	}
	if limitN <= 0 {
		limitN = 25
	}
	today := db.Day(s.Today())
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.unit_id, t.name, t.area, t.founded_on, t.dissolved_on, `+org.NameSQL("t.unit_id", "?")+`,
		(SELECT COUNT(*) FROM citizen_mediation_cases c WHERE c.team_id = t.id), COUNT(*) OVER ()
		FROM citizen_mediation_teams t`+where+` ORDER BY t.unit_id, t.sort_key, t.id LIMIT ? OFFSET ?`, today, min(limitN, 500), offset)
	if err != nil {
		return nil, 0, wrap(err, "teams")
	}
	defer rows.Close()
	out := []Team{}
	total := 0
	for rows.Next() {
		var t Team
		var founded, dissolved string
		if err := rows.Scan(&t.ID, &t.UnitID, &t.Name, &t.Area, &founded, &dissolved, &t.UnitName, &t.Cases, &total); err != nil {
			return nil, 0, wrap(err, "teams")
		}
		if err := parseDays(&t.FoundedOn, founded, &t.DissolvedOn, dissolved); err != nil {
			return nil, 0, wrap(err, "teams")
		}
		out = append(out, t)
	}
	return out, total, wrap(rows.Err(), "teams")
}

// AddMediator adds a member to a team, for an officer of its unit.
func (s *Store) AddMediator(ctx context.Context, p *auth.Principal, m Mediator) (Team, error) {
	t, err := s.Team(ctx, p, m.TeamID)
	if err != nil {
		return Team{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", t.UnitID); err != nil {
		return Team{}, err
	}
	m.Name, m.Phone = clean(m.Name), clean(m.Phone)
	var es apperr.Errors
	if m.Name == "" {
		es.Add("name", "citizen.err.mediator_name")
	}
	if m.Gender != "" && m.Gender != "male" && m.Gender != "female" {
		es.Add("gender", "citizen.err.gender")
	}
	if m.BirthYear != 0 && (m.BirthYear < 1900 || m.BirthYear > s.Today().Year()-18) {
		es.Add("birth_year", "citizen.err.birth_year")
	}
	limit(&es, "name", m.Name, 200)
	limit(&es, "phone", m.Phone, 30)
	if m.From.IsZero() {
		m.From = s.Today()
	}
	if err := es.Err(); err != nil {
		return Team{}, err
	}
	role := "member"
	if m.Leader {
		role = "leader"
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if m.Leader {
			// One leader at a time: the former one becomes a member.
			if _, err := tx.ExecContext(ctx, `UPDATE citizen_mediators SET role = 'member' WHERE team_id = ? AND role = 'leader'`, t.ID); err != nil {
				return err
			}
		}
		id, err := tx.InsertID(ctx, `INSERT INTO citizen_mediators (team_id, name, sort_key, gender, birth_year, phone, role, from_on)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.ID, m.Name, db.SortKey(m.Name), m.Gender, m.BirthYear, m.Phone, role, db.Day(m.From))
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "mediator", EntityID: id, UnitID: t.UnitID,
			After: map[string]any{"team": t.ID, "name": m.Name, "role": role}})
	})
	if err != nil {
		return Team{}, wrap(err, "add mediator")
	}
	return s.Team(ctx, p, t.ID)
}

// Party is a party to a dispute.
type Party struct {
	Name      string
	BirthYear int
	Address   string
}

// Case is a line of a team's logbook, in the columns of the Ministry of
// Justice's template: number, day received, mediators, parties (name,
// age, address), the matter, the agreement or demands, the result, notes.
type Case struct {
	ID         int64
	TeamID     int64
	TeamName   string
	UnitID     int64
	Number     int // within the team and the year received
	ReceivedOn time.Time
	MediatedOn time.Time
	Mediators  string
	Parties    []Party
	Matter     string
	Category   string
	Agreement  string
	Result     string // ongoing, success, failed
	Notes      string
	Version    int64
}

// ResultLabel is the result's name.
func (c Case) ResultLabel() i18n.Message { return i18n.M("citizen.result." + c.Result) }

// partiesKey is the folded names of the parties, sorted.
func partiesKey(ps []Party) string {
	var ns []string
	for _, p := range ps {
		if n := vntext.Fold(p.Name); n != "" {
			ns = append(ns, n)
		}
	}
	sort.Strings(ns)
	return strings.Join(ns, "|")
}

func (c *Case) validate(today time.Time) error {
	var es apperr.Errors
	c.Mediators, c.Matter, c.Agreement, c.Notes = clean(c.Mediators), cleanText(c.Matter), cleanText(c.Agreement), cleanText(c.Notes)
	if slices.Contains(Excluded, c.Category) {
		// The law keeps this matter out of grassroots mediation.
		es.Add("category", "citizen.err.excluded", ExcludedReason(c.Category))
	} else if !slices.Contains(Categories, c.Category) {
		es.Add("category", "citizen.err.category")
	}
	switch {
	case c.ReceivedOn.IsZero():
		es.Add("received_on", "citizen.err.received_on")
	case c.ReceivedOn.After(today):
		es.Add("received_on", "citizen.err.future")
	}
	if !c.MediatedOn.IsZero() && (c.MediatedOn.Before(c.ReceivedOn) || c.MediatedOn.After(today)) {
		es.Add("mediated_on", "citizen.err.mediated_on")
	}
	if c.Matter == "" {
		es.Add("matter", "citizen.err.matter")
	}
	var parties []Party
	for _, p := range c.Parties {
		p.Name, p.Address = clean(p.Name), clean(p.Address)
		if p.Name == "" && p.Address == "" && p.BirthYear == 0 {
			continue
		}
		if p.Name == "" {
			es.Add("parties", "citizen.err.party_name")
		}
		if p.BirthYear != 0 && (p.BirthYear < 1900 || p.BirthYear > today.Year()) {
			es.Add("parties", "citizen.err.birth_year")
		}
		limit(&es, "parties", p.Name, 200)
		limit(&es, "parties", p.Address, 300)
		parties = append(parties, p)
	}
	c.Parties = parties
	if len(parties) < 2 {
		es.Add("parties", "citizen.err.parties")
	}
	if len(parties) > 50 {
		es.Add("parties", "citizen.err.parties_many")
	}
	switch c.Result {
	case "":
		c.Result = "ongoing"
	case "ongoing":
	case "success", "failed":
		if c.MediatedOn.IsZero() {
			es.Add("mediated_on", "citizen.err.mediated_needed")
		}
	default:
		es.Add("result", "citizen.err.result")
	}
	if c.Result == "success" && c.Agreement == "" {
		es.Add("agreement", "citizen.err.agreement")
	}
	limit(&es, "mediators", c.Mediators, 500)
	limit(&es, "matter", c.Matter, 5000)
	limit(&es, "agreement", c.Agreement, 5000)
	limit(&es, "notes", c.Notes, 2000)
	return es.Err()
}

// RecordCase writes a new line in a team's logbook, for an officer of the
// team's unit. A matter the law excludes from grassroots mediation is
// refused with the reason. The hot-spot rules are evaluated on it.
func (s *Store) RecordCase(ctx context.Context, p *auth.Principal, c Case) (Case, error) {
	t, err := s.Team(ctx, p, c.TeamID)
	if err != nil {
		return Case{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", t.UnitID); err != nil {
		return Case{}, err
	}
	if err := c.validate(s.Today()); err != nil {
		return Case{}, err
	}
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err = insertCase(ctx, tx, t, c)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "mediation_case", EntityID: id, UnitID: t.UnitID,
			After: map[string]any{"team": t.ID, "matter": c.Matter, "category": c.Category, "result": c.Result}}); err != nil {
			return err
		}
		return s.evaluateMediation(ctx, tx, id)
	})
	if err != nil {
		return Case{}, wrap(err, "record case")
	}
	return s.Case(ctx, p, id)
}

func insertCase(ctx context.Context, tx *db.Tx, t Team, c Case) (int64, error) {
	y := c.ReceivedOn.Year()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) FROM citizen_mediation_cases WHERE team_id = ? AND received_on >= ? AND received_on <= ?`,
		t.ID, db.Day(date(y, time.January, 1)), db.Day(date(y, time.December, 31))).Scan(&n); err != nil {
		return 0, err
	}
	now := db.Stamp(tx.Now())
	id, err := tx.InsertID(ctx, `INSERT INTO citizen_mediation_cases (team_id, unit_id, number, received_on, mediated_on, mediators, matter,
		category, parties_key, agreement, result, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.UnitID, n+1, db.Day(c.ReceivedOn), optDay(c.MediatedOn), c.Mediators, c.Matter, c.Category, partiesKey(c.Parties),
		c.Agreement, c.Result, c.Notes, now, now)
	if err != nil {
		return 0, err
	}
	for i, p := range c.Parties {
		if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_mediation_parties (case_id, name, birth_year, address, position) VALUES (?, ?, ?, ?, ?)`,
			id, p.Name, p.BirthYear, p.Address, i); err != nil {
			return 0, err
		}
	}
	return id, nil
}

const caseCols = `c.id, c.team_id, t.name, c.unit_id, c.number, c.received_on, c.mediated_on, c.mediators, c.matter, c.category,
	c.agreement, c.result, c.notes, c.version`

func scanCase(r interface{ Scan(...any) error }) (Case, error) {
	var c Case
	var recv, med string
	if err := r.Scan(&c.ID, &c.TeamID, &c.TeamName, &c.UnitID, &c.Number, &recv, &med, &c.Mediators, &c.Matter, &c.Category,
		&c.Agreement, &c.Result, &c.Notes, &c.Version); err != nil {
		return Case{}, err
	}
	return c, parseDays(&c.ReceivedOn, recv, &c.MediatedOn, med)
}

// parties fills the parties of cs.
func (s *Store) parties(ctx context.Context, cs []Case) error {
	if len(cs) == 0 {
		return nil
	}
	idx := map[int64]int{}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		idx[c.ID], ids[i] = i, c.ID
	}
	rows, err := s.db.QueryContext(ctx, `SELECT case_id, name, birth_year, address FROM citizen_mediation_parties
		WHERE case_id IN (`+idList(ids)+`) ORDER BY case_id, position`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p Party
		if err := rows.Scan(&id, &p.Name, &p.BirthYear, &p.Address); err != nil {
			return err
		}
		cs[idx[id]].Parties = append(cs[idx[id]].Parties, p)
	}
	return rows.Err()
}

// Case returns a logbook line to a reader of the team's unit.
func (s *Store) Case(ctx context.Context, p *auth.Principal, id int64) (Case, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, `SELECT `+caseCols+` FROM citizen_mediation_cases c
		JOIN citizen_mediation_teams t ON t.id = c.team_id WHERE c.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Case{}, apperr.NotFound("citizen.err.case_not_found")
	}
	if err != nil {
		return Case{}, wrap(err, "case")
	}
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", c.UnitID); err != nil {
		return Case{}, err
	}
	cs := []Case{c}
	return cs[0], wrap(s.parties(ctx, cs), "case")
}

// SetResult records how a mediation ended (success with the agreement,
// or failed), for an officer of the team's unit.
func (s *Store) SetResult(ctx context.Context, p *auth.Principal, id, version int64, result string, mediatedOn time.Time, agreement, notes string) (Case, error) {
	c, err := s.Case(ctx, p, id)
	if err != nil {
		return Case{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", c.UnitID); err != nil {
		return Case{}, err
	}
	next := c
	next.Result, next.MediatedOn = result, mediatedOn
	if agreement != "" {
		next.Agreement = agreement
	}
	if notes != "" {
		next.Notes = notes
	}
	if err := next.validate(s.Today()); err != nil {
		return Case{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE citizen_mediation_cases SET result = ?, mediated_on = ?, agreement = ?, notes = ?,
			version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			next.Result, optDay(next.MediatedOn), next.Agreement, next.Notes, db.Stamp(tx.Now()), id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("citizen.err.stale")
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "mediation_case", EntityID: id, UnitID: c.UnitID,
			Before: map[string]any{"result": c.Result}, After: map[string]any{"result": next.Result, "agreement": next.Agreement}}); err != nil {
			return err
		}
		return s.evaluateMediation(ctx, tx, id)
	})
	if err != nil {
		return Case{}, wrap(err, "set result")
	}
	return s.Case(ctx, p, id)
}

// Logbook returns a team's logbook for a year, in the order received.
func (s *Store) Logbook(ctx context.Context, p *auth.Principal, team int64, year int) ([]Case, error) {
	t, err := s.Team(ctx, p, team)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+caseCols+` FROM citizen_mediation_cases c JOIN citizen_mediation_teams t ON t.id = c.team_id
		WHERE c.team_id = ? AND c.received_on >= ? AND c.received_on <= ? ORDER BY c.number, c.id LIMIT 5000`,
		t.ID, db.Day(date(year, time.January, 1)), db.Day(date(year, time.December, 31)))
	if err != nil {
		return nil, wrap(err, "logbook")
	}
	var out []Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			rows.Close()
			return nil, wrap(err, "logbook")
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, wrap(err, "logbook")
	}
	return out, wrap(s.parties(ctx, out), "logbook")
}

// Summary is a team's (or a unit's) mediation in a year: received,
// settled, failed, still going, by category.
type Summary struct {
	Year       int
	Received   int
	Success    int
	Failed     int
	Ongoing    int
	ByCategory map[string][3]int // category -> received, success, failed
	Mediators  int
}

// Rate is the share of the finished mediations that succeeded (0 when
// none finished).
func (s Summary) Rate() float64 {
	if s.Success+s.Failed == 0 {
		return 0
	}
	return float64(s.Success) / float64(s.Success+s.Failed)
}

// TeamSummary is a team's yearly summary.
func (s *Store) TeamSummary(ctx context.Context, p *auth.Principal, team int64, year int) (Summary, error) {
	t, err := s.Team(ctx, p, team)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Year: year, ByCategory: map[string][3]int{}, Mediators: len(t.Mediators)}
	rows, err := s.db.QueryContext(ctx, `SELECT category, result, COUNT(*) FROM citizen_mediation_cases
		WHERE team_id = ? AND received_on >= ? AND received_on <= ? GROUP BY category, result`,
		team, db.Day(date(year, time.January, 1)), db.Day(date(year, time.December, 31)))
	if err != nil {
		return Summary{}, wrap(err, "summary")
	}
	defer rows.Close()
	for rows.Next() {
		var cat, res string
		var n int
		if err := rows.Scan(&cat, &res, &n); err != nil {
			return Summary{}, wrap(err, "summary")
		}
		c := sum.ByCategory[cat]
		c[0] += n
		sum.Received += n
		switch res {
		case "success":
			sum.Success += n
			c[1] += n
		case "failed":
			sum.Failed += n
			c[2] += n
		default:
			sum.Ongoing += n
		}
		sum.ByCategory[cat] = c
	}
	return sum, wrap(rows.Err(), "summary")
}
