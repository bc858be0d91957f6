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

// Kind is what a petition is, which decides its legal clock.
type Kind string

// The kinds of petition.
const (
	Complaint    Kind = "complaint"    // khiếu nại
	Denunciation Kind = "denunciation" // tố cáo
	Proposal     Kind = "proposal"     // kiến nghị
	Report       Kind = "report"       // phản ánh
)

// Kinds lists the kinds in the order forms show them.
var Kinds = []Kind{Complaint, Denunciation, Proposal, Report}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Label is the kind's name.
func (k Kind) Label() i18n.Message { return i18n.M("citizen.kind." + string(k)) }

// Source is how a petition arrived.
type Source string

// The sources.
const (
	FromReception Source = "reception" // at a reception day
	FromMail      Source = "mail"      // by post
	FromPortal    Source = "portal"    // the portal's form
	FromPhone     Source = "phone"     // a phone call
)

// Sources lists the sources.
var Sources = []Source{FromReception, FromMail, FromPortal, FromPhone}

// Valid reports whether s is a known source.
func (s Source) Valid() bool { return slices.Contains(Sources, s) }

// Label is the source's name.
func (s Source) Label() i18n.Message { return i18n.M("citizen.source." + string(s)) }

// Status is where a petition stands.
type Status string

// The statuses of a petition.
const (
	Received Status = "received" // waiting to be accepted (thụ lý)
	Accepted Status = "accepted" // accepted, being settled
	Rejected Status = "rejected" // not accepted, with the reason
	Resolved Status = "resolved" // decided or answered
	Closed   Status = "closed"   // filed
)

// Statuses lists the statuses in order.
var Statuses = []Status{Received, Accepted, Rejected, Resolved, Closed}

// Valid reports whether st is a known status.
func (st Status) Valid() bool { return slices.Contains(Statuses, st) }

// Label is the status's name.
func (st Status) Label() i18n.Message { return i18n.M("citizen.status." + string(st)) }

// Open reports whether a petition in st still waits for a step.
func (st Status) Open() bool { return st == Received || st == Accepted }

// Petitioner is who sent a petition.
type Petitioner struct {
	Name, Address, Phone, IDNumber string
}

// Handler is an officer assigned to a petition.
type Handler struct {
	UserID int64
	Name   string
}

// Petition is a complaint, denunciation, proposal or report with its
// clock.
type Petition struct {
	ID             int64
	UnitID         int64 // the unit handling it now
	UnitName       string
	ReceivedUnitID int64 // where it first arrived
	ProvinceID     int64
	Kind           Kind
	Source         Source
	ReceptionID    int64
	ReceivedOn     time.Time
	Subject        string
	Content        string
	Place          string
	Signatories    int
	Complex        bool
	Remote         bool
	Status         Status
	// ClockFrom is the day the clock counts from: the receipt, or the
	// competent unit's receipt of a transfer when the settings restart it.
	ClockFrom  time.Time
	AcceptDue  time.Time
	AcceptedOn time.Time
	ResolveDue time.Time
	Extensions int
	ResolvedOn time.Time
	ClosedOn   time.Time
	// DueOn is the next deadline while a step is due, zero after.
	DueOn   time.Time
	Outcome string
	Version int64

	// Petitioner is who sent it. For a denunciation it is filled only for
	// the handlers assigned; Hidden tells the others it is withheld.
	Petitioner Petitioner
	Hidden     bool
	Handlers   []Handler
}

// Late reports whether a step is overdue on today.
func (p Petition) Late(today time.Time) bool { return !p.DueOn.IsZero() && p.DueOn.Before(today) }

// DaysLeft is how many calendar days remain until DueOn (negative when
// late).
func (p Petition) DaysLeft(today time.Time) int {
	return int(p.DueOn.Sub(today).Hours() / 24)
}

// Handled reports whether user id is one of the handlers assigned.
func (p Petition) Handled(id int64) bool {
	return slices.ContainsFunc(p.Handlers, func(h Handler) bool { return h.UserID == id })
}

// Event is one step of a petition's history.
type Event struct {
	ID       int64
	On       time.Time
	Kind     string // received, accepted, rejected, transferred, extended, replied, resolved, closed, noted, assigned
	UnitID   int64
	UnitName string
	ToUnitID int64
	ToName   string
	Body     string
	Author   string
}

// Label is the event's name.
func (e Event) Label() i18n.Message { return i18n.M("citizen.event." + e.Kind) }

// NewPetition is a petition to record.
type NewPetition struct {
	UnitID      int64
	Kind        Kind
	Source      Source
	ReceptionID int64
	ReceivedOn  time.Time
	Subject     string
	Content     string
	Place       string
	Signatories int
	Complex     bool
	Remote      bool
	Petitioner  Petitioner
}

// validate cleans and checks np, collecting every problem.
func (np *NewPetition) validate(today time.Time) error {
	var es apperr.Errors
	np.Subject, np.Place = clean(np.Subject), clean(np.Place)
	np.Content = cleanText(np.Content)
	np.Petitioner = Petitioner{Name: clean(np.Petitioner.Name), Address: clean(np.Petitioner.Address),
		Phone: clean(np.Petitioner.Phone), IDNumber: clean(np.Petitioner.IDNumber)}
	if !np.Kind.Valid() {
		es.Add("kind", "citizen.err.kind")
	}
	if !np.Source.Valid() {
		es.Add("source", "citizen.err.source")
	}
	switch {
	case np.ReceivedOn.IsZero():
		es.Add("received_on", "citizen.err.received_on")
	case np.ReceivedOn.After(today):
		es.Add("received_on", "citizen.err.future")
	case np.ReceivedOn.Year() < 2000:
		es.Add("received_on", "citizen.err.received_on")
	}
	if np.Subject == "" {
		es.Add("subject", "citizen.err.subject")
	}
	limit(&es, "subject", np.Subject, 300)
	limit(&es, "content", np.Content, 20000)
	limit(&es, "place", np.Place, 300)
	if np.Petitioner.Name == "" && np.Kind != Denunciation {
		// An anonymous denunciation is recorded as information; others
		// need a sender.
		es.Add("petitioner_name", "citizen.err.petitioner")
	}
	limit(&es, "petitioner_name", np.Petitioner.Name, 200)
	limit(&es, "petitioner_address", np.Petitioner.Address, 300)
	limit(&es, "petitioner_phone", np.Petitioner.Phone, 30)
	limit(&es, "petitioner_id", np.Petitioner.IDNumber, 30)
	if np.Signatories == 0 {
		np.Signatories = 1
	}
	if np.Signatories < 1 || np.Signatories > 100000 {
		es.Add("signatories", "citizen.err.signatories")
	}
	return es.Err()
}

// acceptClock and resolveClock are the clocks of a petition's kind.
func acceptClock(set Settings, k Kind) Clock {
	switch k {
	case Complaint:
		return set.ComplaintAccept
	case Denunciation:
		return set.DenunciationAccept
	}
	return set.ProposalAccept
}

func resolveClock(set Settings, k Kind, complex, remote bool) Clock {
	switch k {
	case Complaint:
		switch {
		case complex && remote:
			return set.ComplaintRemoteComplex
		case remote:
			return set.ComplaintRemote
		case complex:
			return set.ComplaintComplex
		}
		return set.ComplaintResolve
	case Denunciation:
		return set.DenunciationResolve
	}
	return set.ProposalResolve
}

// matterWords are words too common to tell one matter from another.
var matterWords = map[string]bool{
	"ve": true, "viec": true, "cua": true, "va": true, "cac": true, "nhung": true, "cho": true, "tai": true,
	"o": true, "da": true, "khong": true, "co": true, "la": true, "trong": true, "den": true, "theo": true,
	"ong": true, "ba": true, "don": true, "de": true, "nghi": true, "kien": true, "khieu": true, "nai": true,
	"to": true, "cao": true, "phan": true, "anh": true, "gia": true, "dinh": true, "voi": true, "bi": true,
}

// MatterKey is the folded significant words of a subject, each once,
// sorted: two petitions about the same matter share most of them,
// however they are spelled or ordered.
func MatterKey(subject string) string {
	var ws []string
	for _, w := range strings.FieldsFunc(vntext.Fold(subject), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(w) > 1 && !matterWords[w] && !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// CreatePetition records a petition received by unit np.UnitID, for an
// officer of that unit, who becomes its first handler. Its acceptance
// deadline is counted from the day received. Every hot-spot rule is
// evaluated on it.
func (s *Store) CreatePetition(ctx context.Context, p *auth.Principal, np NewPetition) (Petition, error) {
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", np.UnitID); err != nil {
		return Petition{}, err
	}
	today := s.Today()
	if err := np.validate(today); err != nil {
		return Petition{}, err
	}
	u, err := s.checkUnit(ctx, np.UnitID, np.ReceivedOn, "unit")
	if err != nil {
		return Petition{}, err
	}
	if np.ReceptionID != 0 {
		r, err := s.reception(ctx, np.ReceptionID)
		if err != nil || r.UnitID != np.UnitID {
			return Petition{}, apperr.Invalid("reception", "citizen.err.reception")
		}
		np.Source = FromReception
	}
	var id int64
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		id, err = s.insertPetition(ctx, tx, np, u, author(p))
		if err != nil {
			return err
		}
		if p != nil && !p.IsSystem() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_petition_handlers (petition_id, user_id, assigned_at) VALUES (?, ?, ?)`,
				id, p.User.ID, db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: "create", Entity: "petition", EntityID: id, UnitID: np.UnitID,
			After: auditPetition(np.Kind, np.Subject, np.ReceivedOn)}); err != nil {
			return err
		}
		return s.evaluatePetition(ctx, tx, id)
	})
	if err != nil {
		return Petition{}, wrap(err, "create petition")
	}
	return s.Petition(ctx, p, id)
}

// insertPetition writes a new petition with its first event.
func (s *Store) insertPetition(ctx context.Context, tx *db.Tx, np NewPetition, u org.Unit, by string) (int64, error) {
	cal, set, err := s.calendar(ctx, tx)
	if err != nil {
		return 0, err
	}
	due := cal.Deadline(acceptClock(set, np.Kind), np.ReceivedOn)
	now := db.Stamp(tx.Now())
	recv := db.Day(np.ReceivedOn)
	id, err := tx.InsertID(ctx, `INSERT INTO citizen_petitions (unit_id, received_unit_id, province_id, kind, source, reception_id,
		received_on, subject, subject_fold, matter_key, content, place, place_fold, signatories, complex, remote, status,
		clock_from, accept_due, due_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
		u.ID, u.ID, provinceOf(u), string(np.Kind), string(np.Source), db.NullID(np.ReceptionID), recv, np.Subject,
		vntext.Fold(np.Subject), MatterKey(np.Subject), np.Content, np.Place, vntext.Fold(np.Place), np.Signatories,
		boolInt(np.Complex), boolInt(np.Remote), recv, db.Day(due), db.Day(due), now, now)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_petitioners (petition_id, name, address, phone, id_number) VALUES (?, ?, ?, ?, ?)`,
		id, np.Petitioner.Name, np.Petitioner.Address, np.Petitioner.Phone, np.Petitioner.IDNumber); err != nil {
		return 0, err
	}
	return id, addEvent(ctx, tx, id, np.ReceivedOn, "received", u.ID, 0, "", by)
}

func addEvent(ctx context.Context, tx *db.Tx, id int64, on time.Time, kind string, unit, to int64, body, by string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO citizen_petition_events (petition_id, on_day, kind, unit_id, to_unit_id, body, author, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, db.Day(on), kind, unit, db.NullID(to), body, by, db.Stamp(tx.Now()))
	return err
}

// auditPetition is what the audit log keeps of a petition: never who
// sent it.
func auditPetition(k Kind, subject string, received time.Time) map[string]any {
	return map[string]any{"kind": k, "subject": subject, "received_on": db.Day(received)}
}

const petitionCols = `p.id, p.unit_id, p.received_unit_id, COALESCE(p.province_id, 0), p.kind, p.source, COALESCE(p.reception_id, 0),
	p.received_on, p.subject, p.content, p.place, p.signatories, p.complex, p.remote, p.status, p.clock_from, p.accept_due,
	p.accepted_on, p.resolve_due, p.extensions, p.resolved_on, p.closed_on, p.due_on, p.outcome, p.version`

func scanPetition(r interface{ Scan(...any) error }, extra ...any) (Petition, error) {
	var p Petition
	var kind, source, status, recv, from, adue, acc, rdue, res, closed, due string
	var complex, remote int
	dest := append([]any{&p.ID, &p.UnitID, &p.ReceivedUnitID, &p.ProvinceID, &kind, &source, &p.ReceptionID,
		&recv, &p.Subject, &p.Content, &p.Place, &p.Signatories, &complex, &remote, &status, &from, &adue,
		&acc, &rdue, &p.Extensions, &res, &closed, &due, &p.Outcome, &p.Version}, extra...)
	if err := r.Scan(dest...); err != nil {
		return Petition{}, err
	}
	p.Kind, p.Source, p.Status = Kind(kind), Source(source), Status(status)
	p.Complex, p.Remote = complex == 1, remote == 1
	err := parseDays(&p.ReceivedOn, recv, &p.ClockFrom, from, &p.AcceptDue, adue, &p.AcceptedOn, acc,
		&p.ResolveDue, rdue, &p.ResolvedOn, res, &p.ClosedOn, closed, &p.DueOn, due)
	return p, err
}

// petition reads petition id with its handlers, whoever asks, without
// the petitioner.
func (s *Store) petition(ctx context.Context, q db.Querier, id int64) (Petition, error) {
	pt, err := scanPetition(q.QueryRowContext(ctx, `SELECT `+petitionCols+` FROM citizen_petitions p WHERE p.id = ?`, id))
	if errors.Is(err, db.ErrNotFound) {
		return Petition{}, apperr.NotFound("citizen.err.petition_not_found")
	}
	if err != nil {
		return Petition{}, err
	}
	rows, err := q.QueryContext(ctx, `SELECT h.user_id, u.name FROM citizen_petition_handlers h JOIN users u ON u.id = h.user_id
		WHERE h.petition_id = ? ORDER BY h.assigned_at, h.user_id`, id)
	if err != nil {
		return Petition{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var h Handler
		if err := rows.Scan(&h.UserID, &h.Name); err != nil {
			return Petition{}, err
		}
		pt.Handlers = append(pt.Handlers, h)
	}
	return pt, rows.Err()
}

// seesPetitioner reports whether p may see who sent pt: anyone who may
// read it, except for a denunciation, whose sender only its assigned
// handlers see.
func seesPetitioner(p *auth.Principal, pt Petition) bool {
	if pt.Kind != Denunciation {
		return true
	}
	return p != nil && !p.IsSystem() && pt.Handled(p.User.ID)
}

// fillPetitioner sets the sender when p may see it, else marks it
// hidden.
func (s *Store) fillPetitioner(ctx context.Context, p *auth.Principal, pt *Petition) error {
	if !seesPetitioner(p, *pt) {
		pt.Hidden = true
		pt.Petitioner = Petitioner{}
		return nil
	}
	err := s.db.QueryRowContext(ctx, `SELECT name, address, phone, id_number FROM citizen_petitioners WHERE petition_id = ?`, pt.ID).
		Scan(&pt.Petitioner.Name, &pt.Petitioner.Address, &pt.Petitioner.Phone, &pt.Petitioner.IDNumber)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	return err
}

// Petition returns petition id to a reader of its unit or of the unit
// that first received it; the sender of a denunciation only to its
// handlers.
func (s *Store) Petition(ctx context.Context, p *auth.Principal, id int64) (Petition, error) {
	pt, err := s.petition(ctx, s.db, id)
	if err != nil {
		return Petition{}, wrap(err, "petition")
	}
	if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", pt.UnitID, pt.ReceivedUnitID); err != nil {
		return Petition{}, err
	}
	if err := s.fillPetitioner(ctx, p, &pt); err != nil {
		return Petition{}, wrap(err, "petition")
	}
	names, err := s.units.NamesOn(ctx, []int64{pt.UnitID}, s.Today())
	if err != nil {
		return Petition{}, wrap(err, "petition")
	}
	pt.UnitName = names[pt.UnitID]
	return pt, nil
}

// Events returns a petition's history, oldest first, to whoever may
// read it.
func (s *Store) Events(ctx context.Context, p *auth.Principal, id int64) ([]Event, error) {
	if _, err := s.Petition(ctx, p, id); err != nil {
		return nil, err
	}
	today := db.Day(s.Today())
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.on_day, e.kind, e.unit_id, COALESCE(e.to_unit_id, 0), e.body, e.author,
		`+org.NameSQL("e.unit_id", "?")+`, COALESCE(`+org.NameSQL("e.to_unit_id", "?")+`, '')
		FROM citizen_petition_events e WHERE e.petition_id = ? ORDER BY e.on_day, e.id`, today, today, id)
	if err != nil {
		return nil, wrap(err, "events")
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var on string
		if err := rows.Scan(&e.ID, &on, &e.Kind, &e.UnitID, &e.ToUnitID, &e.Body, &e.Author, &e.UnitName, &e.ToName); err != nil {
			return nil, wrap(err, "events")
		}
		if e.On, err = db.ParseDay(on); err != nil {
			return nil, wrap(err, "events")
		}
		out = append(out, e)
	}
	return out, wrap(rows.Err(), "events")
}

// Action is one step taken on a petition.
type Action struct {
	ID      int64
	Version int64  // the version the officer saw; a stale one is refused
	Kind    string // accept, reject, extend, reply, resolve, close, note, transfer
	On      time.Time
	Body    string // the reason, the answer, the decision, the note
	// ToUnit is where a transfer sends the petition.
	ToUnit int64
	// Complex marks, on acceptance, a complex case (the longer clock).
	Complex bool
}

// ActionKinds are the steps an officer may take, in the order a page
// offers them.
var ActionKinds = []string{"accept", "reject", "extend", "reply", "resolve", "close", "note", "transfer"}

// Allowed reports whether step kind may be taken on pt now, under set.
func (pt Petition) Allowed(kind string, set Settings) bool {
	switch kind {
	case "accept", "reject":
		return pt.Status == Received
	case "extend":
		return pt.Status == Accepted && pt.Kind == Denunciation && pt.Extensions < set.DenunciationMaxExtensions
	case "reply", "note":
		return true
	case "resolve":
		return pt.Status == Accepted
	case "close":
		return pt.Status == Resolved || pt.Status == Rejected
	case "transfer":
		return pt.Status.Open()
	}
	return false
}

// Act takes one step on a petition, for an officer of its unit: accept
// it (its settling deadline counts from the day accepted), refuse it with
// the reason, extend a denunciation's deadline, reply, record the
// decision, close it, add a note, or transfer it to the competent unit
// (the history follows; the clock goes on or starts again as the
// settings say; the handlers of the new unit are assigned there). Every
// hot-spot rule is evaluated again.
func (s *Store) Act(ctx context.Context, p *auth.Principal, a Action) (Petition, error) {
	pt, err := s.Petition(ctx, p, a.ID)
	if err != nil {
		return Petition{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_write", pt.UnitID); err != nil {
		return Petition{}, err
	}
	today := s.Today()
	if a.On.IsZero() {
		a.On = today
	}
	a.Body = cleanText(a.Body)
	var es apperr.Errors
	if !slices.Contains(ActionKinds, a.Kind) {
		es.Add("action", "citizen.err.action")
	}
	if a.On.After(today) {
		es.Add("on", "citizen.err.future")
	}
	if a.On.Before(pt.ReceivedOn) {
		es.Add("on", "citizen.err.before_received")
	}
	limit(&es, "body", a.Body, 20000)
	switch a.Kind {
	case "reject", "reply", "resolve", "note", "transfer":
		if a.Body == "" {
			es.Add("body", "citizen.err.body_"+a.Kind)
		}
	}
	var to org.Unit
	if a.Kind == "transfer" {
		switch {
		case a.ToUnit == pt.UnitID:
			es.Add("to_unit", "citizen.err.transfer_same")
		case a.ToUnit <= 0:
			es.Add("to_unit", "citizen.err.unit")
		default:
			to, err = s.checkUnit(ctx, a.ToUnit, a.On, "to_unit")
			if err != nil {
				if _, ok := apperr.As(err); !ok {
					return Petition{}, err
				}
				es.Add("to_unit", "citizen.err.unit_day")
			}
		}
	}
	if err := es.Err(); err != nil {
		return Petition{}, err
	}
	by := author(p)
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := s.petition(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if a.Version != 0 && a.Version != cur.Version {
			return apperr.Conflict("citizen.err.stale")
		}
		cal, set, err := s.calendar(ctx, tx)
		if err != nil {
			return err
		}
		if !cur.Allowed(a.Kind, set) {
			return apperr.Conflict("citizen.err.action_now", i18n.M("citizen.action."+a.Kind), cur.Status.Label())
		}
		next := cur
		event := map[string]string{"accept": "accepted", "reject": "rejected", "extend": "extended", "reply": "replied",
			"resolve": "resolved", "close": "closed", "note": "noted", "transfer": "transferred"}[a.Kind]
		switch a.Kind {
		case "accept":
			next.Status, next.AcceptedOn, next.Complex = Accepted, a.On, cur.Complex || a.Complex
			next.ResolveDue = cal.Deadline(resolveClock(set, cur.Kind, next.Complex, cur.Remote), a.On)
			next.DueOn = next.ResolveDue
		case "reject":
			next.Status, next.DueOn, next.Outcome, next.ResolvedOn = Rejected, time.Time{}, a.Body, a.On
		case "extend":
			next.Extensions++
			next.ResolveDue = cal.Deadline(set.DenunciationExtension, cur.ResolveDue)
			next.DueOn = next.ResolveDue
		case "resolve":
			next.Status, next.ResolvedOn, next.Outcome, next.DueOn = Resolved, a.On, a.Body, time.Time{}
		case "close":
			next.Status, next.ClosedOn = Closed, a.On
		case "transfer":
			next.UnitID = to.ID
			next.ProvinceID = provinceOf(to)
			if set.TransferRestarts {
				next.ClockFrom = a.On
				if cur.Status == Received {
					next.AcceptDue = cal.Deadline(acceptClock(set, cur.Kind), a.On)
					next.DueOn = next.AcceptDue
				} else {
					next.AcceptedOn = a.On
					next.ResolveDue = cal.Deadline(resolveClock(set, cur.Kind, cur.Complex, cur.Remote), a.On)
					next.DueOn = next.ResolveDue
				}
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE citizen_petitions SET unit_id = ?, province_id = ?, status = ?, complex = ?, clock_from = ?,
			accept_due = ?, accepted_on = ?, resolve_due = ?, extensions = ?, resolved_on = ?, closed_on = ?, due_on = ?, outcome = ?,
			version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			next.UnitID, db.NullID(next.ProvinceID), string(next.Status), boolInt(next.Complex), db.Day(next.ClockFrom),
			db.Day(next.AcceptDue), optDay(next.AcceptedOn), optDay(next.ResolveDue), next.Extensions, optDay(next.ResolvedOn),
			optDay(next.ClosedOn), optDay(next.DueOn), next.Outcome, db.Stamp(tx.Now()), a.ID, cur.Version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("citizen.err.stale")
		}
		if a.Kind == "transfer" {
			// The new unit assigns its own handlers: the old ones no
			// longer see a denouncer.
			if _, err := tx.ExecContext(ctx, `DELETE FROM citizen_petition_handlers WHERE petition_id = ?`, a.ID); err != nil {
				return err
			}
		}
		if err := addEvent(ctx, tx, a.ID, a.On, event, cur.UnitID, to.ID, a.Body, by); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{Action: a.Kind, Entity: "petition", EntityID: a.ID, UnitID: cur.UnitID,
			Before: map[string]any{"status": cur.Status, "unit_id": cur.UnitID, "due_on": optDay(cur.DueOn)},
			After:  map[string]any{"status": next.Status, "unit_id": next.UnitID, "due_on": optDay(next.DueOn), "text": a.Body}}); err != nil {
			return err
		}
		return s.evaluatePetition(ctx, tx, a.ID)
	})
	if err != nil {
		return Petition{}, wrap(err, "act on petition")
	}
	out, err := s.petition(ctx, s.db, a.ID)
	if err != nil {
		return Petition{}, wrap(err, "act on petition")
	}
	if ok, err := s.may(ctx, p, auth.PermRead, out.UnitID, out.ReceivedUnitID); err != nil || !ok {
		return out, err // transferred out of reach: the caller sees no more
	}
	return s.Petition(ctx, p, a.ID)
}

// Candidates are the officers a petition of unit may be assigned to.
func (s *Store) Candidates(ctx context.Context, p *auth.Principal, unit int64) ([]auth.User, error) {
	if s.authz == nil {
		return nil, errNoAuth
	}
	return s.authz.Holders(ctx, p, auth.PermWrite, unit)
}

// Assign sets the officers handling a petition (each must be able to
// write on its unit), for a leader or an officer of the unit. The
// denouncer's identity is then visible to them and to nobody else.
func (s *Store) Assign(ctx context.Context, p *auth.Principal, id, version int64, users []int64) (Petition, error) {
	pt, err := s.Petition(ctx, p, id)
	if err != nil {
		return Petition{}, err
	}
	lead, err := s.may(ctx, p, auth.PermApprove, pt.UnitID)
	if err != nil {
		return Petition{}, err
	}
	if !lead {
		if err := s.require(ctx, p, auth.PermWrite, "citizen.err.forbidden_assign", pt.UnitID); err != nil {
			return Petition{}, err
		}
	}
	if len(users) == 0 {
		return Petition{}, apperr.Invalid("handlers", "citizen.err.handlers_none")
	}
	if len(users) > 20 {
		return Petition{}, apperr.Invalid("handlers", "citizen.err.handlers_many")
	}
	slices.Sort(users)
	users = slices.Compact(users)
	for _, u := range users {
		ok, err := s.authz.HolderOf(ctx, u, auth.PermWrite, pt.UnitID)
		if err != nil {
			return Petition{}, wrap(err, "assign")
		}
		if !ok {
			return Petition{}, apperr.Invalid("handlers", "citizen.err.handler_scope")
		}
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE citizen_petitions SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
			db.Stamp(tx.Now()), id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Conflict("citizen.err.stale")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM citizen_petition_handlers WHERE petition_id = ?`, id); err != nil {
			return err
		}
		for _, u := range users {
			if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_petition_handlers (petition_id, user_id, assigned_at) VALUES (?, ?, ?)`,
				id, u, db.Stamp(tx.Now())); err != nil {
				return err
			}
		}
		if err := addEvent(ctx, tx, id, s.Today(), "assigned", pt.UnitID, 0, "", author(p)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "assign", Entity: "petition", EntityID: id, UnitID: pt.UnitID,
			After: map[string]any{"handlers": users}})
	})
	if err != nil {
		return Petition{}, wrap(err, "assign")
	}
	return s.Petition(ctx, p, id)
}

// PetitionFilter selects petitions for Petitions.
type PetitionFilter struct {
	UnitID int64 // only this unit's (which the caller must read); 0: all in reach
	Kind   Kind
	Status Status
	// Open keeps petitions still waiting for a step.
	Open bool
	// DueFrom and DueTo keep open petitions whose next deadline lies
	// between them (inclusive): "due this week" is today to today+6;
	// "late" is DueTo yesterday.
	DueFrom, DueTo time.Time
	Query          string // folded search in the subject
	Limit, Offset  int    // Limit <= 0 means 25, at most 500
}

// Petitions returns one page of the petitions f selects among those of
// the units p may read, the nearest deadline first (then the newest),
// and how many there are. No petitioner is filled in a list.
func (s *Store) Petitions(ctx context.Context, p *auth.Principal, f PetitionFilter) ([]Petition, int, error) {
	var where []string
	var args []any
	if f.UnitID != 0 {
		if err := s.require(ctx, p, auth.PermRead, "citizen.err.forbidden_read", f.UnitID); err != nil {
			return nil, 0, err
		}
		where = append(where, "p.unit_id = ?")
		args = append(args, f.UnitID)
	} else {
		r, err := s.reach(ctx, p, auth.PermRead)
		if err != nil {
			return nil, 0, err
		}
		if w := scopeWhere("p.unit_id", r); w != "" {
			where = append(where, w)
		}
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, 0, apperr.Invalid("kind", "citizen.err.kind")
		}
		where = append(where, "p.kind = ?")
		args = append(args, string(f.Kind))
	}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, 0, apperr.Invalid("status", "citizen.err.status")
		}
		where = append(where, "p.status = ?")
		args = append(args, string(f.Status))
	}
	due := !f.DueFrom.IsZero() || !f.DueTo.IsZero()
	if f.Open || due {
		where = append(where, "p.due_on <> ''")
	}
	if !f.DueFrom.IsZero() {
		where = append(where, "p.due_on >= ?")
		args = append(args, db.Day(f.DueFrom))
	}
	if !f.DueTo.IsZero() {
		where = append(where, "p.due_on <= ?")
		args = append(args, db.Day(f.DueTo))
	}
	if q := vntext.Fold(f.Query); q != "" {
		where = append(where, `p.subject_fold LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.EscapeLike(q)+"%")
	}
	if f.Limit <= 0 {
		f.Limit = 25
	}
	f.Limit = min(f.Limit, 500)
	w := ""
	if len(where) > 0 {
		w = " WHERE " + strings.Join(where, " AND ")
	}
	order := " ORDER BY p.received_on DESC, p.id DESC"
	if due || f.Open {
		order = " ORDER BY p.due_on, p.id"
	}
	today := db.Day(s.Today())
	rows, err := s.db.QueryContext(ctx, `SELECT `+petitionCols+`, `+org.NameSQL("p.unit_id", "?")+`, COUNT(*) OVER ()
		FROM citizen_petitions p`+w+order+` LIMIT ? OFFSET ?`, append(append([]any{today}, args...), f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, wrap(err, "petitions")
	}
	defer rows.Close()
	out := []Petition{}
	total := 0
	for rows.Next() {
		var name string
		pt, err := scanPetition(rows, &name, &total)
		if err != nil {
			return nil, 0, wrap(err, "petitions")
		}
		pt.UnitName = name
		pt.Hidden = pt.Kind == Denunciation
		out = append(out, pt)
	}
	return out, total, wrap(rows.Err(), "petitions")
}
