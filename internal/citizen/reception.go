package citizen

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

// ReceptionStatus is where a reception day stands.
type ReceptionStatus string

// The statuses of a reception day.
const (
	Scheduled ReceptionStatus = "scheduled"
	Held      ReceptionStatus = "held"
	Cancelled ReceptionStatus = "cancelled"
)

// Label is the status's name.
func (r ReceptionStatus) Label() i18n.Message { return i18n.M("citizen.reception." + string(r)) }

// Reception is a head's citizen reception day.
type Reception struct {
	ID        int64
	UnitID    int64
	UnitName  string
	HeadName  string
	HeadTitle string
	On        time.Time
	Place     string
	Status    ReceptionStatus
	Note      string
	Visits    []Visit
}

// Visit is who came to a reception day and about what.
type Visit struct {
	ID         int64
	Visitor    string // empty for a denunciation: the sender is kept on the petition
	People     int
	About      string
	PetitionID int64
}

// NewReception schedules a reception day.
type NewReception struct {
	UnitID    int64
	HeadName  string
	HeadTitle string
	On        time.Time
	Place     string
}

// ScheduleReception adds a reception day of unit, for an officer of it.
func (s *Store) ScheduleReception(ctx context.Context, p *auth.Principal, nr NewReception) (Reception, error) {
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", nr.UnitID); err != nil {
		return Reception{}, err
	}
	nr.HeadName, nr.HeadTitle, nr.Place = clean(nr.HeadName), clean(nr.HeadTitle), clean(nr.Place)
	var es apperr.Errors
	if nr.HeadName == "" {
		es.Add("head_name", "citizen.err.head")
	}
	if nr.On.IsZero() {
		es.Add("on", "citizen.err.day")
	}
	limit(&es, "head_name", nr.HeadName, 200)
	limit(&es, "head_title", nr.HeadTitle, 200)
	limit(&es, "place", nr.Place, 300)
	if err := es.Err(); err != nil {
		return Reception{}, err
	}
	if _, err := s.checkUnit(ctx, nr.UnitID, nr.On, "unit"); err != nil {
		return Reception{}, err
	}
	var id int64
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		var err error
		id, err = tx.InsertID(ctx, `INSERT INTO citizen_receptions (unit_id, head_name, head_title, on_day, place, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?)`, nr.UnitID, nr.HeadName, nr.HeadTitle, db.Day(nr.On), nr.Place, now, now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "reception", EntityID: id, UnitID: nr.UnitID, After: nr})
	})
	if err != nil {
		return Reception{}, wrap(err, "schedule reception")
	}
	return s.Reception(ctx, p, id)
}

func (s *Store) reception(ctx context.Context, id int64) (Reception, error) {
	var r Reception
	var on, status string
	err := s.db.QueryRowContext(ctx, `SELECT id, unit_id, head_name, head_title, on_day, place, status, note FROM citizen_receptions WHERE id = ?`, id).
		Scan(&r.ID, &r.UnitID, &r.HeadName, &r.HeadTitle, &on, &r.Place, &status, &r.Note)
	if errors.Is(err, db.ErrNotFound) {
		return r, apperr.NotFound("citizen.err.reception_not_found")
	}
	if err != nil {
		return r, err
	}
	r.Status = ReceptionStatus(status)
	r.On, err = db.ParseDay(on)
	return r, err
}

// Reception returns a reception day with its visits, to a reader of its
// unit.
func (s *Store) Reception(ctx context.Context, p *auth.Principal, id int64) (Reception, error) {
	r, err := s.reception(ctx, id)
	if err != nil {
		return Reception{}, wrap(err, "reception")
	}
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", r.UnitID); err != nil {
		return Reception{}, err
	}
	names, err := s.units.NamesOn(ctx, []int64{r.UnitID}, r.On)
	if err != nil {
		return Reception{}, wrap(err, "reception")
	}
	r.UnitName = names[r.UnitID]
	rows, err := s.db.QueryContext(ctx, `SELECT id, visitor, people, about, COALESCE(petition_id, 0) FROM citizen_reception_visits
		WHERE reception_id = ? ORDER BY id`, id)
	if err != nil {
		return Reception{}, wrap(err, "reception")
	}
	defer rows.Close()
	for rows.Next() {
		var v Visit
		if err := rows.Scan(&v.ID, &v.Visitor, &v.People, &v.About, &v.PetitionID); err != nil {
			return Reception{}, wrap(err, "reception")
		}
		r.Visits = append(r.Visits, v)
	}
	return r, wrap(rows.Err(), "reception")
}

// NewVisit records who came to a reception day. When Petition is set
// (its Kind at least), the visit opens a petition received that day by
// the reception's unit; a denunciation's visitor is then kept on the
// petition only, where only its handlers see it.
type NewVisit struct {
	ReceptionID int64
	Visitor     string
	People      int
	About       string
	Petition    *NewPetition
}

// RecordVisit adds a visit to a reception day (which is then held), for
// an officer of its unit; it returns the petition opened, if any (ID 0
// otherwise).
func (s *Store) RecordVisit(ctx context.Context, p *auth.Principal, nv NewVisit) (Petition, error) {
	r, err := s.Reception(ctx, p, nv.ReceptionID)
	if err != nil {
		return Petition{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", r.UnitID); err != nil {
		return Petition{}, err
	}
	today := s.Today()
	nv.Visitor, nv.About = clean(nv.Visitor), cleanText(nv.About)
	var es apperr.Errors
	if r.Status == Cancelled {
		es.Add("", "citizen.err.reception_cancelled")
	}
	if r.On.After(today) {
		es.Add("", "citizen.err.reception_future")
	}
	if nv.About == "" {
		es.Add("about", "citizen.err.about")
	}
	if nv.People == 0 {
		nv.People = 1
	}
	if nv.People < 1 || nv.People > 10000 {
		es.Add("people", "citizen.err.signatories")
	}
	limit(&es, "visitor", nv.Visitor, 200)
	limit(&es, "about", nv.About, 5000)
	var np NewPetition
	if nv.Petition != nil {
		np = *nv.Petition
		np.UnitID, np.Source, np.ReceptionID, np.ReceivedOn = r.UnitID, FromReception, r.ID, r.On
		if np.Subject == "" {
			np.Subject = nv.About
		}
		if np.Petitioner.Name == "" {
			np.Petitioner.Name = nv.Visitor
		}
		if np.Signatories == 0 {
			np.Signatories = nv.People
		}
		if err := np.validate(today); err != nil {
			var pes apperr.Errors
			if errors.As(err, &pes) {
				es = append(es, pes...)
			}
		}
		if np.Kind == Denunciation {
			nv.Visitor = ""
		}
	}
	if err := es.Err(); err != nil {
		return Petition{}, err
	}
	u, err := s.checkUnit(ctx, r.UnitID, r.On, "unit")
	if err != nil {
		return Petition{}, err
	}
	var pid int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		if nv.Petition != nil {
			if pid, err = s.insertPetition(ctx, tx, np, u, author(p)); err != nil {
				return err
			}
			if p != nil && !p.IsSystem() {
				if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_petition_handlers (petition_id, user_id, assigned_at) VALUES (?, ?, ?)`,
					pid, p.User.ID, db.Stamp(tx.Now())); err != nil {
					return err
				}
			}
			if err := audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "petition", EntityID: pid, UnitID: r.UnitID,
				After: auditPetition(np.Kind, np.Subject, np.ReceivedOn)}); err != nil {
				return err
			}
			if err := s.evaluatePetition(ctx, tx, pid); err != nil {
				return err
			}
		}
		vid, err := tx.InsertID(ctx, `INSERT INTO citizen_reception_visits (reception_id, visitor, people, about, petition_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, r.ID, nv.Visitor, nv.People, nv.About, db.NullID(pid), db.Stamp(tx.Now()))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE citizen_receptions SET status = 'held', updated_at = ? WHERE id = ?`, db.Stamp(tx.Now()), r.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "visit", Entity: "reception", EntityID: r.ID, UnitID: r.UnitID,
			After: map[string]any{"visit": vid, "people": nv.People, "about": nv.About, "petition": pid}})
	})
	if err != nil {
		return Petition{}, wrap(err, "record visit")
	}
	if pid == 0 {
		return Petition{}, nil
	}
	return s.Petition(ctx, p, pid)
}

// CancelReception cancels a scheduled reception day with the reason.
func (s *Store) CancelReception(ctx context.Context, p *auth.Principal, id int64, reason string) error {
	r, err := s.Reception(ctx, p, id)
	if err != nil {
		return err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", r.UnitID); err != nil {
		return err
	}
	reason = clean(reason)
	if reason == "" {
		return apperr.Invalid("reason", "citizen.err.reason")
	}
	if r.Status != Scheduled {
		return apperr.Conflict("citizen.err.reception_not_scheduled")
	}
	return wrap(s.db.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE citizen_receptions SET status = 'cancelled', note = ?, updated_at = ? WHERE id = ?`,
			reason, db.Stamp(tx.Now()), id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "cancel", Entity: "reception", EntityID: id, UnitID: r.UnitID,
			After: map[string]any{"reason": reason}})
	}), "cancel reception")
}

// Receptions lists the reception days of the units p may read in month
// (any day of it), by day; unit 0 means all in reach.
func (s *Store) Receptions(ctx context.Context, p *auth.Principal, unit int64, month time.Time) ([]Reception, error) {
	var where []string
	first := time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)
	args := []any{db.Day(first), db.Day(first.AddDate(0, 1, -1))}
	if unit != 0 {
		if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", unit); err != nil {
			return nil, err
		}
		where = append(where, "r.unit_id = ?")
		args = append(args, unit)
	} else {
		reach, err := s.reach(ctx, p, auth.PermRead)
		if err != nil {
			return nil, err
		}
		if w := scopeWhere("r.unit_id", reach); w != "" {
			where = append(where, w)
		}
	}
	w := ""
	if len(where) > 0 {
		w = " AND " + strings.Join(where, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.unit_id, r.head_name, r.head_title, r.on_day, r.place, r.status, r.note,
		`+org.NameSQL("r.unit_id", "r.on_day")+`, (SELECT COUNT(*) FROM citizen_reception_visits v WHERE v.reception_id = r.id)
		FROM citizen_receptions r WHERE r.on_day >= ? AND r.on_day <= ?`+w+` ORDER BY r.on_day, r.id LIMIT 1000`, args...)
	if err != nil {
		return nil, wrap(err, "receptions")
	}
	defer rows.Close()
	var out []Reception
	for rows.Next() {
		var r Reception
		var on, status string
		var visits int
		if err := rows.Scan(&r.ID, &r.UnitID, &r.HeadName, &r.HeadTitle, &on, &r.Place, &status, &r.Note, &r.UnitName, &visits); err != nil {
			return nil, wrap(err, "receptions")
		}
		r.Status = ReceptionStatus(status)
		if r.On, err = db.ParseDay(on); err != nil {
			return nil, wrap(err, "receptions")
		}
		r.Visits = make([]Visit, visits) // only the count matters in a list
		out = append(out, r)
	}
	return out, wrap(rows.Err(), "receptions")
}

// Compliance is one unit's reception days in a month against what the
// rules require of its head.
type Compliance struct {
	Unit      org.Unit
	Required  int
	Scheduled int
	Held      int
}

// Met reports whether the unit held the days required.
func (c Compliance) Met() bool { return c.Held >= c.Required }

// Compliance lists, for unit (read by p) and the units directly below it
// on the month's last day, how many reception days each held in month
// against the number required for its level.
func (s *Store) Compliance(ctx context.Context, p *auth.Principal, unit int64, month time.Time) ([]Compliance, error) {
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", unit); err != nil {
		return nil, err
	}
	first := time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	top, err := s.units.Get(ctx, unit, last)
	if err != nil {
		return nil, wrap(err, "compliance")
	}
	kids, err := s.units.Children(ctx, unit, last)
	if err != nil {
		return nil, wrap(err, "compliance")
	}
	units := append([]org.Unit{top}, kids...)
	var out []Compliance
	for _, u := range units {
		if u.Kind != org.Board && u.Kind != org.CommuneBloc {
			continue // beside the boards: no head's reception
		}
		c := Compliance{Unit: u}
		switch u.Level {
		case org.Province:
			c.Required = set.ReceptionProvince
		case org.District:
			c.Required = set.ReceptionDistrict
		case org.Commune:
			c.Required = set.ReceptionCommune
		default:
			continue
		}
		err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END), 0)
			FROM citizen_receptions WHERE unit_id = ? AND on_day >= ? AND on_day <= ? AND status <> 'cancelled'`,
			u.ID, db.Day(first), db.Day(last)).Scan(&c.Scheduled, &c.Held)
		if err != nil {
			return nil, wrap(err, "compliance")
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out[min(1, len(out)):], func(a, b Compliance) int {
		return boolInt(a.Met()) - boolInt(b.Met())
	})
	return out, nil
}
