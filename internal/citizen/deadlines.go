package citizen

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/vntext"
)

// Clock is one legal time limit: so many days, working days or calendar
// days.
type Clock struct {
	Days    int  `json:"days"`
	Working bool `json:"working"`
}

// Settings are a deployment's legal clocks and calendar: the defaults
// follow the laws in force (see DefaultSettings); a national
// administrator changes them where the law has variants or a newer text
// applies.
type Settings struct {
	// Complaints (Law on Complaints 2011, Articles 27–28; Decree
	// 124/2020 counts them in working days): accepted within
	// ComplaintAccept of receipt, decided within ComplaintResolve of
	// acceptance, ComplaintComplex for a complex case, ComplaintRemote
	// in remote areas and ComplaintRemoteComplex for both.
	ComplaintAccept        Clock `json:"complaint_accept"`
	ComplaintResolve       Clock `json:"complaint_resolve"`
	ComplaintComplex       Clock `json:"complaint_complex"`
	ComplaintRemote        Clock `json:"complaint_remote"`
	ComplaintRemoteComplex Clock `json:"complaint_remote_complex"`
	// Denunciations (Law on Denunciations 2018, Articles 24 and 30):
	// accepted within DenunciationAccept, settled within
	// DenunciationResolve of acceptance, extended by DenunciationExtension
	// at most DenunciationMaxExtensions times (once for a complex case,
	// twice for a very complex one).
	DenunciationAccept        Clock `json:"denunciation_accept"`
	DenunciationResolve       Clock `json:"denunciation_resolve"`
	DenunciationExtension     Clock `json:"denunciation_extension"`
	DenunciationMaxExtensions int   `json:"denunciation_max_extensions"`
	// Proposals and reports (kiến nghị, phản ánh; Law on Citizen
	// Reception 2013 and Decree 124/2020): taken up within ProposalAccept,
	// answered within ProposalResolve.
	ProposalAccept  Clock `json:"proposal_accept"`
	ProposalResolve Clock `json:"proposal_resolve"`
	// TransferRestarts makes a transferred petition's clock start again on
	// the day the competent unit receives it; false keeps the clock of
	// the first receipt running (the history follows either way).
	TransferRestarts bool `json:"transfer_restarts"`

	// The calendar: Tết's days off before the lunar new year and from it
	// (1 and 4 by default: the eve and the first four days), the day
	// beside National Day ("before" 1 September or "after" 3 September),
	// and the government's swaps of the year: days off and weekend days
	// worked.
	TetBefore        int         `json:"tet_before"`
	TetAfter         int         `json:"tet_after"`
	NationalDayExtra string      `json:"national_day_extra"`
	DaysOff          []time.Time `json:"days_off"`
	WorkDays         []time.Time `json:"work_days"`

	// Dialogues (Regulation on dialogue, Decision 23/2021 and the
	// Politburo's Regulation 11-QĐ/TW): announced DialogueNotice days
	// before, results published within DialoguePublish days.
	DialogueNotice  int `json:"dialogue_notice"`
	DialoguePublish int `json:"dialogue_publish"`
	// Reception days a head must hold each month, by level of the unit
	// (Regulation 11-QĐ/TW 2019): a province's at least one, a
	// district's and a commune's at least two.
	ReceptionProvince int `json:"reception_province"`
	ReceptionDistrict int `json:"reception_district"`
	ReceptionCommune  int `json:"reception_commune"`

	// Version changes on every save; a stale save is refused.
	Version int64 `json:"-"`
}

// DefaultSettings are the clocks of the laws in force in 2026.
func DefaultSettings() Settings {
	return Settings{
		ComplaintAccept:           Clock{10, true},
		ComplaintResolve:          Clock{30, true},
		ComplaintComplex:          Clock{45, true},
		ComplaintRemote:           Clock{45, true},
		ComplaintRemoteComplex:    Clock{60, true},
		DenunciationAccept:        Clock{7, true},
		DenunciationResolve:       Clock{30, false},
		DenunciationExtension:     Clock{30, false},
		DenunciationMaxExtensions: 2,
		ProposalAccept:            Clock{10, true},
		ProposalResolve:           Clock{30, true},
		TetBefore:                 1,
		TetAfter:                  4,
		NationalDayExtra:          "after",
		DialogueNotice:            7,
		DialoguePublish:           10,
		ReceptionProvince:         1,
		ReceptionDistrict:         2,
		ReceptionCommune:          2,
	}
}

// Deadline is when a step falls due under the settings: accepting a
// petition received (or handed on) on from, or settling one accepted
// on from.
func (c *Calendar) Deadline(clock Clock, from time.Time) time.Time {
	return c.Add(from, clock.Days, clock.Working)
}

// ClockNames are the clocks in the order the settings page shows them
// (catalog key "citizen.clock.<name>").
var ClockNames = []string{"complaint_accept", "complaint_resolve", "complaint_complex", "complaint_remote",
	"complaint_remote_complex", "denunciation_accept", "denunciation_resolve", "denunciation_extension",
	"proposal_accept", "proposal_resolve"}

// Clock returns the clock named name (one of ClockNames).
func (s *Settings) Clock(name string) *Clock {
	switch name {
	case "complaint_accept":
		return &s.ComplaintAccept
	case "complaint_resolve":
		return &s.ComplaintResolve
	case "complaint_complex":
		return &s.ComplaintComplex
	case "complaint_remote":
		return &s.ComplaintRemote
	case "complaint_remote_complex":
		return &s.ComplaintRemoteComplex
	case "denunciation_accept":
		return &s.DenunciationAccept
	case "denunciation_resolve":
		return &s.DenunciationResolve
	case "denunciation_extension":
		return &s.DenunciationExtension
	case "proposal_accept":
		return &s.ProposalAccept
	case "proposal_resolve":
		return &s.ProposalResolve
	}
	return nil
}

// validate checks the settings, collecting every problem.
func (s *Settings) validate() error {
	var es apperr.Errors
	for _, n := range ClockNames {
		if c := s.Clock(n); c.Days < 1 || c.Days > 365 {
			es.Add(n, "citizen.err.clock_days")
		}
	}
	if s.DenunciationMaxExtensions < 0 || s.DenunciationMaxExtensions > 5 {
		es.Add("denunciation_max_extensions", "citizen.err.extensions_max")
	}
	if s.TetBefore < 0 || s.TetBefore > 7 || s.TetAfter < 1 || s.TetAfter > 10 {
		es.Add("tet", "citizen.err.tet_days")
	}
	if s.NationalDayExtra != "before" && s.NationalDayExtra != "after" {
		es.Add("national_day_extra", "citizen.err.national_day")
	}
	if s.DialogueNotice < 0 || s.DialogueNotice > 60 || s.DialoguePublish < 1 || s.DialoguePublish > 60 {
		es.Add("dialogue", "citizen.err.dialogue_days")
	}
	for _, n := range []int{s.ReceptionProvince, s.ReceptionDistrict, s.ReceptionCommune} {
		if n < 0 || n > 31 {
			es.Add("reception", "citizen.err.reception_days")
			break
		}
	}
	for _, d := range s.WorkDays {
		if !isWeekend(d) {
			es.Add("work_days", "citizen.err.workday_weekday", vntext.FormatDate(d))
			break
		}
	}
	for _, d := range s.DaysOff {
		if slices.ContainsFunc(s.WorkDays, d.Equal) {
			es.Add("days_off", "citizen.err.day_both", vntext.FormatDate(d))
			break
		}
	}
	if len(s.DaysOff) > 400 || len(s.WorkDays) > 400 {
		es.Add("days_off", "citizen.err.days_many")
	}
	return es.Err()
}

// maxDayList bounds the text of a list of days before it is read.
const maxDayList = 20000

// ParseDays reads a list of days typed the Vietnamese way or as ISO
// dates, separated by commas, semicolons, spaces or line breaks
// ("25/01/2025, 27/01/2025"), each once, in order. An empty text is no
// day. A word that is not one day is an apperr.Invalid on field naming it.
func ParseDays(field, text string) ([]time.Time, error) {
	if len(text) > maxDayList {
		return nil, apperr.Invalid(field, "citizen.err.days_many")
	}
	words := strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	})
	var out []time.Time
	for _, w := range words {
		t, err := time.Parse(time.DateOnly, w)
		if err != nil {
			d, perr := vntext.ParseDate(w)
			ok := perr == nil && d.EndDay == 0 && d.EndMonth == 0
			if ok {
				t, ok = d.Time()
			}
			if !ok {
				return nil, apperr.Invalid(field, "citizen.err.day_word", w)
			}
		}
		if t.Year() < 2000 || t.Year() > 2100 {
			return nil, apperr.Invalid(field, "citizen.err.day_word", w)
		}
		if !slices.ContainsFunc(out, t.Equal) {
			out = append(out, t)
		}
	}
	sortDays(out)
	return out, nil
}

const settingsName = "clocks"

// Settings returns the deployment's settings (the defaults until a
// national administrator saves others). Anyone signed in may read them:
// they are the law as the deployment counts it.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	return loadSettings(ctx, s.db)
}

func loadSettings(ctx context.Context, q db.Querier) (Settings, error) {
	set := DefaultSettings()
	var body string
	var version int64
	err := q.QueryRowContext(ctx, `SELECT body, version FROM citizen_settings WHERE name = ?`, settingsName).Scan(&body, &version)
	if errors.Is(err, db.ErrNotFound) {
		return set, nil
	}
	if err != nil {
		return set, wrap(err, "settings")
	}
	if err := json.Unmarshal([]byte(body), &set); err != nil {
		return DefaultSettings(), wrap(err, "settings")
	}
	set.Version = version
	return set, nil
}

// calendar is the calendar of the current settings.
func (s *Store) calendar(ctx context.Context, q db.Querier) (*Calendar, Settings, error) {
	set, err := loadSettings(ctx, q)
	if err != nil {
		return nil, set, err
	}
	return s.cal.get(set), set, nil
}

// Calendar returns the calendar the deadlines are counted on.
func (s *Store) Calendar(ctx context.Context) (*Calendar, error) {
	c, _, err := s.calendar(ctx, s.db)
	return c, err
}

// SaveSettings replaces the deployment's settings, for a national
// administrator; set.Version must be the version read (0 for the
// defaults). Deadlines already set stay as they are; new steps count
// with the new clocks.
func (s *Store) SaveSettings(ctx context.Context, p *auth.Principal, set Settings) (Settings, error) {
	if p == nil {
		return Settings{}, apperr.Unauthorized("auth.err.sign_in")
	}
	if !p.IsSystem() && !p.NationalAdmin {
		return Settings{}, apperr.Forbidden("citizen.err.settings_admin")
	}
	if err := set.validate(); err != nil {
		return Settings{}, err
	}
	body, err := json.Marshal(set)
	if err != nil {
		return Settings{}, wrap(err, "save settings")
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		cur, err := loadSettings(ctx, tx)
		if err != nil {
			return err
		}
		if cur.Version != set.Version {
			return apperr.Conflict("citizen.err.stale")
		}
		now := db.Stamp(tx.Now())
		if cur.Version == 0 {
			_, err = tx.ExecContext(ctx, `INSERT INTO citizen_settings (name, body, version, updated_at) VALUES (?, ?, 1, ?)`, settingsName, string(body), now)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE citizen_settings SET body = ?, version = version + 1, updated_at = ? WHERE name = ?`, string(body), now, settingsName)
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "update", Entity: "citizen_settings", Before: cur, After: set})
	})
	if err != nil {
		return Settings{}, wrap(err, "save settings")
	}
	return s.Settings(ctx)
}
