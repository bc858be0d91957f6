// Package citizen holds the cases of citizen affairs that the
// mass-mobilization boards follow: petitions (đơn thư: khiếu nại, tố
// cáo, kiến nghị, phản ánh) with the deadlines the law sets, citizen
// reception days (tiếp công dân), direct dialogues between heads and the
// people (đối thoại) and the issues raised at them, grassroots mediation
// (hòa giải ở cơ sở) with its teams and logbooks, hot-spot warnings
// (điểm nóng) and public sentiment notes (tình hình tư tưởng nhân dân).
// It also counts the cases into the indicators of a period's report.
//
// # Where things are
//
//	citizen.go    the Store, who may do what, shared helpers
//	calendar.go   working days: weekends, public holidays (Tết and the
//	              Hùng Kings' day by the lunar calendar), the deployment's
//	              swaps
//	deadlines.go  the legal clocks and the deployment's settings
//	petitions.go  intake, acceptance, transfer, extension, replies, closing;
//	              the denouncer's identity
//	reception.go  reception days, visitors, the compliance view
//	dialogues.go  dialogues, their issues and the follow-up of those
//	mediation.go  mediation teams, mediators, the logbook, the yearly summary
//	hotspots.go   the rules, their evaluation on every change, warnings
//	sentiment.go  sentiment notes, rolled up, read marks
//	figures.go    the report's indicators counted from the cases
//
// # Who may do what
//
// Every exported method takes the acting *auth.Principal and checks it
// here. Reading a case needs auth.PermRead on its unit; recording and
// changing one auth.PermWrite. A petition is also read by the unit that
// first received it (the history follows a transfer). The identity of a
// denouncer (người tố cáo) is shown only to the officers assigned to
// handle the denunciation — not to other officers, leaders or
// administrators of the unit, and never written to the audit log.
// Leaders (auth.PermApprove) assign handlers, close hot-spot warnings
// with an assessment and tune a province's rules; a national
// administrator sets the deployment's legal clocks.
package citizen

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Store reads and writes citizen-affairs cases. Exported methods own
// their transaction and check the caller's permission themselves.
type Store struct {
	db    *db.DB
	units *org.Store
	authz *auth.Store
	cal   *calendarCache
}

// NewStore returns a store over d checking permissions with authz. A
// store without authz serves only the trusted bulk loader (the demo).
func NewStore(d *db.DB, units *org.Store, authz *auth.Store) *Store {
	return &Store{db: d, units: units, authz: authz, cal: newCalendarCache()}
}

// errNoAuth is what a store built without an auth store answers when
// asked to act for a person.
var errNoAuth = errors.New("citizen: store has no auth store: it only loads in bulk")

// vietnam is the zone the boards' days are counted in (no daylight
// saving: a fixed offset).
var vietnam = time.FixedZone("ICT", 7*3600)

// Today is the calendar day in Vietnam by the database's clock, at
// midnight UTC (the form every day is handled in).
func (s *Store) Today() time.Time { return db.DayOf(s.db.Now().In(vietnam)) }

// require fails unless p holds perm on unit: unauthorized for nobody
// signed in, else forbidden with key.
func (s *Store) require(ctx context.Context, p *auth.Principal, perm auth.Permission, key string, units ...int64) error {
	if s.authz == nil {
		return errNoAuth
	}
	return s.authz.RequireAny(ctx, p, perm, key, units...)
}

// may reports whether p holds perm on one of units.
func (s *Store) may(ctx context.Context, p *auth.Principal, perm auth.Permission, units ...int64) (bool, error) {
	if s.authz == nil {
		return false, errNoAuth
	}
	return s.authz.CanAny(ctx, p, perm, units...)
}

// reach is the set of units p may act on with perm, for list queries.
func (s *Store) reach(ctx context.Context, p *auth.Principal, perm auth.Permission) (auth.Reach, error) {
	if s.authz == nil {
		return auth.Reach{}, errNoAuth
	}
	if p == nil {
		return auth.Reach{}, apperr.Unauthorized("auth.err.sign_in")
	}
	return s.authz.Reach(ctx, p, perm)
}

// CanWrite reports whether p may record and change the cases of unit
// (pages use it to offer forms; the methods check again).
func (s *Store) CanWrite(ctx context.Context, p *auth.Principal, unit int64) (bool, error) {
	return s.may(ctx, p, auth.PermWrite, unit)
}

// CanLead reports whether p leads unit (auth.PermApprove covering it):
// assigns handlers, closes warnings, tunes rules.
func (s *Store) CanLead(ctx context.Context, p *auth.Principal, unit int64) (bool, error) {
	return s.may(ctx, p, auth.PermApprove, unit)
}

// WritableUnits are the living units below (and of) p's grants carrying
// auth.PermWrite, for the unit pickers of forms.
func (s *Store) WritableUnits(ctx context.Context, p *auth.Principal) ([]org.Unit, error) {
	if s.authz == nil {
		return nil, errNoAuth
	}
	if p == nil {
		return nil, apperr.Unauthorized("auth.err.sign_in")
	}
	return s.authz.GrantedUnits(ctx, p, auth.PermWrite, s.Today())
}

// ReadableUnits are the living units p's read grants cover at the top
// and their children, for filters.
func (s *Store) ReadableUnits(ctx context.Context, p *auth.Principal) ([]org.Unit, error) {
	if s.authz == nil {
		return nil, errNoAuth
	}
	if p == nil {
		return nil, apperr.Unauthorized("auth.err.sign_in")
	}
	return s.authz.GrantedUnits(ctx, p, auth.PermRead, s.Today())
}

// checkUnit fails on field when unit id did not exist on day.
func (s *Store) checkUnit(ctx context.Context, id int64, day time.Time, field string) (org.Unit, error) {
	if id <= 0 {
		return org.Unit{}, apperr.Invalid(field, "citizen.err.unit")
	}
	u, err := s.units.Get(ctx, id, day)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return org.Unit{}, apperr.Invalid(field, "citizen.err.unit_day")
	}
	return u, err
}

// provinceOf is the province (the unit just below the root) that unit u
// lies in, or u itself for a root.
func provinceOf(u org.Unit) int64 {
	ids := u.PathIDs()
	if len(ids) >= 2 {
		return ids[1]
	}
	return u.ID
}

// clean trims, collapses the spaces of and normalizes one line of text.
func clean(s string) string { return vntext.Normalize(strings.Join(strings.Fields(s), " ")) }

// cleanText normalizes a paragraph, keeping its line breaks.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(vntext.Normalize(s))
}

// limit adds an error on field when s is longer than n characters.
func limit(es *apperr.Errors, field, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		es.Add(field, "citizen.err.too_long", n)
	}
}

// optDay is the stored form of an optional day: "" for none.
func optDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return db.Day(t)
}

// parseDays reads stored days into their destinations.
func parseDays(pairs ...any) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		dst := pairs[i].(*time.Time)
		t, err := db.ParseDay(pairs[i+1].(string))
		if err != nil {
			return err
		}
		*dst = t
	}
	return nil
}

// idList writes ids for an IN list (ids come from the database, never
// from a request).
func idList(ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, id)
	}
	return b.String()
}

// scopeWhere restricts col to the reach: "" for everything, "1 = 0" for
// nothing.
func scopeWhere(col string, r auth.Reach) string {
	switch {
	case r.All:
		return ""
	case len(r.IDs) == 0:
		return "1 = 0"
	}
	return col + " IN (" + idList(r.IDs) + ")"
}

// wrap gives an internal error its context and lets domain errors pass.
func wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	if _, ok := apperr.As(err); ok {
		return err
	}
	var es apperr.Errors
	if errors.As(err, &es) {
		return err
	}
	return fmt.Errorf("citizen: %s: %w", what, err)
}

// author is how a change is signed in a case's history.
func author(p *auth.Principal) string {
	if p == nil || p.IsSystem() {
		return ""
	}
	return p.User.Name
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
