package campaign

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes campaigns and their contributions. Exported
// methods own their transaction and check the caller's permission
// themselves.
type Store struct {
	db    *db.DB
	units *org.Store
	authz *auth.Store
	cache *db.Kept[keptKey, keptStamp, map[int64]Totals]
}

// NewStore returns a store over d whose methods check permissions with
// authz.
func NewStore(d *db.DB, units *org.Store, authz *auth.Store) *Store {
	return &Store{db: d, units: units, authz: authz, cache: &db.Kept[keptKey, keptStamp, map[int64]Totals]{Max: maxKept}}
}

// CanManage reports whether p may create and edit unitID's campaigns.
func (s *Store) CanManage(ctx context.Context, p *auth.Principal, unitID int64) (bool, error) {
	return s.authz.CanAny(ctx, p, auth.PermWrite, unitID)
}

// Create records campaign c with the units taking part, for a caller who
// may write on its unit.
func (s *Store) Create(ctx context.Context, p *auth.Principal, c Campaign) (Campaign, error) {
	if err := c.validate(); err != nil {
		return Campaign{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "campaign.err.forbidden_write", c.UnitID); err != nil {
		return Campaign{}, err
	}
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		var ends any
		if !c.EndsOn.IsZero() {
			ends = db.Day(c.EndsOn)
		}
		id, err := tx.InsertID(ctx, `INSERT INTO campaigns (unit_id, kind, name, name_fold, starts_on, ends_on, target, counts_households, description, version, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`, c.UnitID, string(c.Kind), c.Name, vntext.Fold(c.Name), db.Day(c.StartsOn), ends,
			c.Target, boolInt(c.CountsHouseholds), c.Description, db.Stamp(tx.Now()))
		if errors.Is(err, db.ErrReference) {
			return apperr.Invalid("unit", "campaign.err.unit")
		}
		if err != nil {
			return fmt.Errorf("campaign: create: %w", err)
		}
		c.ID = id
		seen := map[int64]bool{c.UnitID: true}
		for _, u := range c.Units {
			if seen[u.ID] {
				continue
			}
			seen[u.ID] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO campaign_units (campaign_id, unit_id) VALUES (?, ?)`, id, u.ID); err != nil {
				if errors.Is(err, db.ErrReference) {
					return apperr.Invalid("units", "campaign.err.unit")
				}
				return fmt.Errorf("campaign: create: unit %d: %w", u.ID, err)
			}
		}
		if err := tx.Bump(ctx, TopicContributions); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "campaign", EntityID: id, UnitID: c.UnitID,
			After: map[string]any{"name": c.Name, "kind": c.Kind, "starts_on": db.Day(c.StartsOn), "target": c.Target, "units": len(seen) - 1}})
	})
	if err != nil {
		return Campaign{}, err
	}
	return s.Get(ctx, p, c.ID)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const campaignColumns = `c.id, c.unit_id, c.kind, c.name, c.starts_on, c.ends_on, c.target, c.counts_households, c.description, c.version, ` +
	`COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = c.unit_id ORDER BY v.valid_from DESC LIMIT 1), '')`

func scanCampaign(sc interface{ Scan(...any) error }) (Campaign, error) {
	var c Campaign
	var starts string
	var ends *string
	var counts int
	if err := sc.Scan(&c.ID, &c.UnitID, &c.Kind, &c.Name, &starts, &ends, &c.Target, &counts, &c.Description, &c.Version, &c.UnitName); err != nil {
		return Campaign{}, err
	}
	c.CountsHouseholds = counts != 0
	var err error
	if c.StartsOn, err = db.ParseDay(starts); err != nil {
		return Campaign{}, err
	}
	if ends != nil {
		if c.EndsOn, err = db.ParseDay(*ends); err != nil {
			return Campaign{}, err
		}
	}
	return c, nil
}

// load reads campaign id with the units taking part.
func (s *Store) load(ctx context.Context, q db.Querier, id int64) (Campaign, error) {
	c, err := scanCampaign(q.QueryRowContext(ctx, `SELECT `+campaignColumns+` FROM campaigns c WHERE c.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Campaign{}, apperr.NotFound("campaign.err.not_found")
	}
	if err != nil {
		return Campaign{}, fmt.Errorf("campaign: %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT u.unit_id, `+org.NameSQL("u.unit_id", "?")+` FROM campaign_units u WHERE u.campaign_id = ?`, db.Day(s.db.Now()), id)
	if err != nil {
		return Campaign{}, fmt.Errorf("campaign: %d: units: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var u Unit
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return Campaign{}, fmt.Errorf("campaign: %d: units: %w", id, err)
		}
		c.Units = append(c.Units, u)
	}
	if err := rows.Err(); err != nil {
		return Campaign{}, fmt.Errorf("campaign: %d: units: %w", id, err)
	}
	slices.SortStableFunc(c.Units, func(a, b Unit) int { return vntext.Compare(a.Name, b.Name) })
	return c, nil
}

// unitIDs are the campaign's unit and the units taking part.
func (c Campaign) unitIDs() []int64 {
	ids := []int64{c.UnitID}
	for _, u := range c.Units {
		ids = append(ids, u.ID)
	}
	return ids
}

// Get returns campaign id to a caller who may read its unit or a unit
// taking part.
func (s *Store) Get(ctx context.Context, p *auth.Principal, id int64) (Campaign, error) {
	c, err := s.load(ctx, s.db, id)
	if err != nil {
		return Campaign{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "campaign.err.forbidden_read", c.unitIDs()...); err != nil {
		return Campaign{}, err
	}
	return c, nil
}

// Filter selects campaigns.
type Filter struct {
	UnitID int64  // run by or joined by this unit or one below it; 0 for every unit in reach
	Kind   Kind   // "" for every kind
	Query  string // in the name (folded)
	Offset int
	Limit  int // 0 means 50; at most 200
}

// List returns a page of the campaigns f selects that p may read (run by
// or joined by a unit in p's reach), newest first, and how many there
// are in all.
func (s *Store) List(ctx context.Context, p *auth.Principal, f Filter) ([]Campaign, int, error) {
	units, err := s.authz.ListScope(ctx, p, f.UnitID, "campaign.err.not_found")
	if err != nil {
		return nil, 0, err
	}
	var conds []string
	var args []any
	if units != nil {
		if len(units) == 0 {
			return []Campaign{}, 0, nil
		}
		in := db.Placeholders(len(units))
		conds = append(conds, "(c.unit_id IN ("+in+") OR EXISTS (SELECT 1 FROM campaign_units u WHERE u.campaign_id = c.id AND u.unit_id IN ("+in+")))")
		for range 2 {
			for _, id := range units {
				args = append(args, id)
			}
		}
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, 0, apperr.Invalid("kind", "campaign.err.kind")
		}
		conds = append(conds, "c.kind = ?")
		args = append(args, string(f.Kind))
	}
	if q := vntext.Fold(clean(f.Query)); q != "" {
		conds = append(conds, `c.name_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	where := "1 = 1"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM campaigns c WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("campaign: list: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 200)
	rows, err := s.db.QueryContext(ctx, `SELECT `+campaignColumns+` FROM campaigns c WHERE `+where+`
		ORDER BY c.starts_on DESC, c.id DESC LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("campaign: list: %w", err)
	}
	defer rows.Close()
	out := []Campaign{}
	for rows.Next() {
		c, err := scanCampaign(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("campaign: list: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("campaign: list: %w", err)
	}
	return out, total, nil
}

// Record records contribution k (its unit's figures for its period,
// replacing what the unit recorded for that period before: k.Version
// then must be the version read, 0 for a new one), for a caller who may
// write on the contributing unit.
func (s *Store) Record(ctx context.Context, p *auth.Principal, k Contribution) (Contribution, error) {
	var out Contribution
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		c, err := s.load(ctx, tx, k.CampaignID)
		if err != nil {
			return err
		}
		if err := s.authz.RequireAny(ctx, p, auth.PermRead, "campaign.err.forbidden_read", c.unitIDs()...); err != nil {
			return err
		}
		written, _, err := s.record(ctx, tx, p, c, []Contribution{k}, true)
		if err != nil {
			return err
		}
		out = written[0]
		return nil
	})
	if err != nil {
		return Contribution{}, err
	}
	return out, nil
}

// record checks and writes contributions ks of campaign c in tx, in
// order, each replacing what its unit recorded for its period (a later
// one of the same unit and period replacing an earlier one, as if
// written after it); checkVersion false replaces a contribution whatever
// its version (an import, which says so). Record writes one, Import a
// sheet's lines, through the same statements: one read of which units
// take part and one of what they recorded, the new contributions
// copied together, the replaced ones updated from one list of values,
// one bump and the audit entries together. It returns the contributions
// as written, or the index of the first refused and why.
func (s *Store) record(ctx context.Context, tx *db.Tx, p *auth.Principal, c Campaign, ks []Contribution, checkVersion bool) ([]Contribution, int, error) {
	if len(ks) == 0 {
		return nil, 0, nil
	}
	units := make([]int64, 0, len(ks))
	for _, k := range ks {
		units = append(units, k.UnitID)
	}
	part, err := s.takingPart(ctx, tx, c, units)
	if err != nil {
		return nil, 0, err
	}
	type key struct {
		unit   int64
		period string
	}
	type held struct {
		id, version int64
		row         int // the contribution written last for it, -1 for none in ks
	}
	known := map[key]*held{}
	rows, err := tx.QueryContext(ctx, `SELECT id, unit_id, period, version FROM campaign_contributions
		WHERE campaign_id = ? AND unit_id IN (`+db.IDList(units)+`)`, c.ID)
	if err != nil {
		return nil, 0, fmt.Errorf("campaign: contribution: %w", err)
	}
	for rows.Next() {
		var k key
		h := &held{row: -1}
		if err := rows.Scan(&h.id, &k.unit, &k.period, &h.version); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("campaign: contribution: %w", err)
		}
		known[k] = h
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, 0, fmt.Errorf("campaign: contribution: %w", err)
	}
	out := make([]Contribution, len(ks))
	var added []int // indexes of contributions new to the campaign
	replaced := map[int64]int{}
	entries := make([]audit.Entry, len(ks))
	for i, k := range ks {
		if err := k.validate(c); err != nil {
			return nil, i, err
		}
		if err := s.authz.RequireAny(ctx, p, auth.PermWrite, "campaign.err.forbidden_contribute", k.UnitID); err != nil {
			return nil, i, err
		}
		if !part[k.UnitID] {
			return nil, i, apperr.Invalid("unit", "campaign.err.not_taking_part")
		}
		code := k.Period.String()
		h, ok := known[key{k.UnitID, code}]
		switch {
		case !ok:
			if checkVersion && k.Version != 0 {
				return nil, i, apperr.Conflict("campaign.err.stale")
			}
			h = &held{version: 1}
			known[key{k.UnitID, code}] = h
			added = append(added, i)
		default:
			if checkVersion && k.Version != h.version {
				return nil, i, apperr.Conflict("campaign.err.stale")
			}
			h.version++
			if h.id != 0 {
				replaced[h.id] = i
			} else {
				added[slices.Index(added, h.row)] = i
			}
		}
		h.row = i
		k.ID, k.Version = h.id, h.version
		out[i] = k
		entries[i] = audit.Entry{Action: "contribute", Entity: "campaign", EntityID: c.ID, UnitID: k.UnitID,
			After: map[string]any{"unit_id": k.UnitID, "period": code, "money": k.Money, "in_kind": k.InKind, "households": k.Households}}
	}
	ids, err := tx.ReserveIDs(ctx, "campaign_contributions", len(added))
	if err != nil {
		return nil, 0, fmt.Errorf("campaign: contribution: %w", err)
	}
	now := db.Stamp(tx.Now())
	news := make([][]any, len(added))
	for j, i := range added {
		k := &out[i]
		k.ID = ids[j]
		news[j] = []any{k.ID, c.ID, k.UnitID, k.Period.String(), db.Day(k.Period.Start()), db.Day(k.Period.End()),
			k.Money, k.InKind, k.Households, k.Note, k.Version, now}
	}
	// A contribution added and replaced in the same call has the id
	// reserved for the last that wrote it; the earlier ones share it.
	for i := range out {
		if out[i].ID == 0 {
			out[i].ID = out[known[key{out[i].UnitID, out[i].Period.String()}].row].ID
		}
	}
	if _, err := tx.CopyFrom(ctx, "campaign_contributions", []string{"id", "campaign_id", "unit_id", "period", "period_start", "period_end",
		"money", "in_kind", "households", "note", "version", "created_at"}, news); err != nil {
		return nil, 0, fmt.Errorf("campaign: contribution: %w", err)
	}
	var changed []any
	n := 0
	for id, i := range replaced {
		k := out[i]
		changed = append(changed, id, k.Money, k.InKind, k.Households, k.Note, k.Version)
		n++
	}
	if n > 0 {
		values := strings.TrimSuffix(strings.Repeat("(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT)), ", n), ", ")
		if _, err := tx.ExecContext(ctx, `WITH v (id, money, in_kind, households, note, version) AS (VALUES `+values+`)
			UPDATE campaign_contributions SET money = v.money, in_kind = v.in_kind, households = v.households, note = v.note, version = v.version
			FROM v WHERE campaign_contributions.id = v.id`, changed...); err != nil {
			return nil, 0, fmt.Errorf("campaign: contribution: %w", err)
		}
	}
	if err := tx.Bump(ctx, TopicContributions); err != nil {
		return nil, 0, err
	}
	return out, 0, audit.RecordMany(ctx, tx, entries)
}

// takingPart returns which of units take part in campaign c: its unit, a
// unit taking part, or a unit that was ever below one of them.
func (s *Store) takingPart(ctx context.Context, q db.Querier, c Campaign, units []int64) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT descendant_id FROM unit_closure
		WHERE descendant_id IN (`+db.IDList(units)+`) AND ancestor_id IN (`+db.IDList(c.unitIDs())+`)`)
	if err != nil {
		return nil, fmt.Errorf("campaign: taking part: %w", err)
	}
	part := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("campaign: taking part: %w", err)
		}
		part[id] = true
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("campaign: taking part: %w", err)
	}
	return part, nil
}

// Contributions returns the contributions to campaign id of unitID and
// the units below it (0 for every unit in p's reach), by period then
// unit name, at most limit (0 means 500).
func (s *Store) Contributions(ctx context.Context, p *auth.Principal, id, unitID int64, limit int) ([]Contribution, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	units, err := s.authz.ListScope(ctx, p, unitID, "campaign.err.not_found")
	if err != nil {
		return nil, err
	}
	cond, args := "1 = 1", []any{id}
	if units != nil {
		if len(units) == 0 {
			return []Contribution{}, nil
		}
		cond = "k.unit_id IN (" + db.Placeholders(len(units)) + ")"
		for _, u := range units {
			args = append(args, u)
		}
	}
	if limit <= 0 || limit > 500 {
		limit = 500
	}
	rows, err := s.db.QueryContext(ctx, `SELECT k.id, k.unit_id, `+org.NameSQL("k.unit_id", "k.period_end")+`, k.period, k.money, k.in_kind, k.households, k.note, k.version
		FROM campaign_contributions k WHERE k.campaign_id = ? AND `+cond+` ORDER BY k.period_start DESC, k.unit_id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("campaign: contributions: %w", err)
	}
	defer rows.Close()
	out := []Contribution{}
	for rows.Next() {
		k := Contribution{CampaignID: id}
		var code string
		if err := rows.Scan(&k.ID, &k.UnitID, &k.UnitName, &code, &k.Money, &k.InKind, &k.Households, &k.Note, &k.Version); err != nil {
			return nil, fmt.Errorf("campaign: contributions: %w", err)
		}
		if k.Period, err = vntext.ParsePeriod(code); err != nil {
			return nil, fmt.Errorf("campaign: contributions: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Query asks for a campaign's roll-up.
type Query struct {
	CampaignID int64
	UnitID     int64         // rolled up to this unit
	Period     vntext.Period // the contributions of periods within it; zero for all
	// Mapped maps contributions of units closed since onto today's units
	// (a merged unit's to its successor, a split unit's by the shares);
	// otherwise each counts where its unit stood when its period ended.
	Mapped bool
	Today  time.Time // the day whose tree Mapped maps onto; zero for today
}

// Rollup returns the sums of campaign q.CampaignID's contributions under
// q.UnitID, and the sums under each unit directly below it by unit id,
// for a caller who may read q.UnitID and the campaign.
func (s *Store) Rollup(ctx context.Context, p *auth.Principal, q Query) (Totals, map[int64]Totals, error) {
	if _, err := s.Get(ctx, p, q.CampaignID); err != nil {
		return Totals{}, nil, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "campaign.err.forbidden_read", q.UnitID); err != nil {
		return Totals{}, nil, err
	}
	all, err := s.keptSum(ctx, q, false)
	if err != nil {
		return Totals{}, nil, err
	}
	kids, err := s.keptSum(ctx, q, true)
	if err != nil {
		return Totals{}, nil, err
	}
	out := make(map[int64]Totals, len(kids))
	for id, t := range kids {
		out[id] = t
	}
	return all[0], out, nil
}

// Total returns the sums of campaign q.CampaignID's contributions under
// q.UnitID only (what a benchmark and a campaign list need), for a
// caller who may read q.UnitID and the campaign.
func (s *Store) Total(ctx context.Context, p *auth.Principal, q Query) (Totals, error) {
	if _, err := s.Get(ctx, p, q.CampaignID); err != nil {
		return Totals{}, err
	}
	if err := s.authz.RequireAny(ctx, p, auth.PermRead, "campaign.err.forbidden_read", q.UnitID); err != nil {
		return Totals{}, err
	}
	all, err := s.keptSum(ctx, q, false)
	return all[0], err
}

// sum rolls the contributions up with report's placement.
func (s *Store) sum(ctx context.Context, q Query, byChild bool) (map[int64]Totals, error) {
	view := report.AsReported
	if q.Mapped {
		view = report.Mapped
	}
	// The unary plus keeps SQLite from reading the rows through the
	// campaign's index (the unique key campaign, unit, period) and
	// looking each one up in the closure: lacking fresh statistics for
	// the table its planner chose that order, which costs a table read
	// and a closure search per contribution (160.000 for a country, six
	// times slower). Placed from the closure, each unit's rows are read
	// from the covering roll-up index, the campaign compared there.
	// PostgreSQL's planner joins the same either way.
	raw, err := report.SumFacts(ctx, s.db, report.Facts{
		Table:   "campaign_contributions",
		Where:   "+r.campaign_id = ?",
		Args:    []any{q.CampaignID},
		Columns: []string{"money", "in_kind", "households"},
	}, report.Query{UnitID: q.UnitID, Period: q.Period, View: view, Today: q.Today}, byChild)
	if err != nil {
		return nil, fmt.Errorf("campaign: roll-up: %w", err)
	}
	out := make(map[int64]Totals, len(raw))
	for id, v := range raw {
		out[id] = Totals{Money: v[0], InKind: v[1], Households: v[2]}
	}
	return out, nil
}
