// Package commendation keeps the register of commendations (khen
// thưởng): the decisions a unit issues (number, date, signer, form), the
// recipients each names (a person of a directory, a unit, a household or
// a collective named in words) with the achievement rewarded, their
// revocation, and the proposals (đề nghị khen thưởng) a unit sends to the
// unit above, which decides them; an approved proposal becomes a decision.
//
// Rules kept here, so that the pages and the API cannot disagree:
//   - which form an issuer may give depends on its level, through a rule
//     table the deployment edits (Rules, SetRules; national
//     administrators only);
//   - a decision is recorded and revoked by whoever may write on the
//     issuing unit; it names recipients of that unit or below it on the
//     signing day only;
//   - a second award to the same recipient for the same achievement and
//     period is reported as a Duplicate and recorded only when confirmed;
//   - a revocation (the 2022 Law on Emulation and Commendation lets the
//     issuer withdraw an award given on false grounds) keeps the decision
//     in the register with its reason and day;
//   - a proposal is made by whoever may write on the proposing unit, for
//     a unit above it, and decided by a leader of that unit.
package commendation

import (
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Form is the form of a commendation.
type Form string

// The forms.
const (
	Certificate Form = "giay_khen"  // Giấy khen
	Merit       Form = "bang_khen"  // Bằng khen
	Flag        Form = "co_thi_dua" // Cờ thi đua
	Title       Form = "danh_hieu"  // a title, named in Decision.Title
)

// Forms lists every form, the highest last.
var Forms = []Form{Certificate, Merit, Flag, Title}

// Valid reports whether f is a known form.
func (f Form) Valid() bool {
	switch f {
	case Certificate, Merit, Flag, Title:
		return true
	}
	return false
}

// Label is the form's name (catalog key "commendation.form.<code>").
func (f Form) Label() i18n.Message { return i18n.M("commendation.form." + string(f)) }

// RecipientKind says who a recipient is.
type RecipientKind string

// The kinds of recipient.
const (
	Person     RecipientKind = "person"     // a person of a unit's directory
	UnitKind   RecipientKind = "unit"       // a unit of the hierarchy
	Household  RecipientKind = "household"  // a household, named in words
	Collective RecipientKind = "collective" // a collective not in the hierarchy, named in words
)

// RecipientKinds lists every kind of recipient.
var RecipientKinds = []RecipientKind{Person, UnitKind, Household, Collective}

// Valid reports whether k is a known kind.
func (k RecipientKind) Valid() bool {
	switch k {
	case Person, UnitKind, Household, Collective:
		return true
	}
	return false
}

// Label is the kind's name (catalog key "commendation.kind.<code>").
func (k RecipientKind) Label() i18n.Message { return i18n.M("commendation.kind." + string(k)) }

// Rule allows issuers of a level to give a form.
type Rule struct {
	Level org.Level
	Form  Form
}

// Decision is a commendation decision of the register.
type Decision struct {
	ID          int64
	UnitID      int64 // the issuing unit
	UnitName    string
	Number      string // as written: "125-QĐ/BDVTU"
	SignedOn    time.Time
	Signer      string
	SignerTitle string
	Form        Form
	Title       string // the title given, when Form is Title
	Period      string // the period the achievement belongs to, "" if none
	Recipients  []Recipient
	// RecipientCount is filled by List, which leaves Recipients empty.
	RecipientCount int
	RevokedOn      time.Time // zero while in force
	RevokedReason  string
	Version        int64
}

// Revoked reports whether the decision was revoked.
func (d Decision) Revoked() bool { return !d.RevokedOn.IsZero() }

// FormMessage is the form as a decision names it: the title itself for
// a title, else the form's label.
func (d Decision) FormMessage() i18n.Message {
	if d.Form == Title && d.Title != "" {
		return i18n.M("commendation.form.titled", d.Title)
	}
	return d.Form.Label()
}

// PeriodMessage is the label of the decision's period.
func (d Decision) PeriodMessage() i18n.Message { return periodMessage(d.Period) }

func periodMessage(code string) i18n.Message {
	v, err := vntext.ParsePeriod(code)
	if err != nil {
		return i18n.M("period.none")
	}
	return v.Message()
}

// Recipient is one person, unit, household or collective a decision
// commends.
type Recipient struct {
	ID          int64
	Kind        RecipientKind
	PersonID    int64  // for Person
	UnitID      int64  // for UnitKind
	Name        string // as written on the decision (filled for a person or a unit)
	Achievement string
	PracticeID  int64 // the "Dân vận khéo" model it rewards, 0 if none
}

// Award is one recipient's line of a decision, as a person's or a unit's
// page lists it.
type Award struct {
	Decision  Decision // without its recipients
	Recipient Recipient
}

// Duplicate is an earlier award, in force, to the same recipient for the
// same achievement and period as the recipient at Index of a new
// decision.
type Duplicate struct {
	Index    int // the new decision's recipient
	Decision Decision
}

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

// Bounds of the fields, checked before anything is stored.
const (
	maxText       = 300
	maxLong       = 2000
	maxRecipients = 500
)

// validate checks and normalizes a decision's own fields and its
// recipients' (their scope is checked by the store).
func (d *Decision) validate() error {
	var es apperr.Errors
	d.Number, d.Signer, d.SignerTitle = clean(d.Number), clean(d.Signer), clean(d.SignerTitle)
	if d.UnitID <= 0 {
		es.Add("unit", "commendation.err.unit")
	}
	if d.Number == "" || len(d.Number) > 60 {
		es.Add("number", "commendation.err.number")
	}
	if d.SignedOn.IsZero() {
		es.Add("signed_on", "commendation.err.signed_on")
	}
	if d.Signer == "" || len(d.Signer) > maxText {
		es.Add("signer", "commendation.err.signer")
	}
	if len(d.SignerTitle) > maxText {
		es.Add("signer_title", "commendation.err.too_long")
	}
	validateAward(&es, &d.Form, &d.Title, &d.Period, d.Recipients)
	return es.Err()
}

// validateAward checks and normalizes what a decision and a proposal
// share: the form, the title given (kept only for a title), the period
// and the recipients' own fields.
func validateAward(es *apperr.Errors, form *Form, title, period *string, rs []Recipient) {
	*title, *period = clean(*title), strings.TrimSpace(*period)
	if !form.Valid() {
		es.Add("form", "commendation.err.form")
	}
	if *form == Title && *title == "" {
		es.Add("title", "commendation.err.title")
	}
	if *form != Title {
		*title = ""
	}
	if len(*title) > maxText {
		es.Add("title", "commendation.err.too_long")
	}
	if *period != "" {
		if _, err := vntext.ParsePeriod(*period); err != nil {
			es.Add("period", "commendation.err.period")
		}
	}
	validateRecipients(es, rs)
}

// validateRecipients checks the recipients' own fields.
func validateRecipients(es *apperr.Errors, rs []Recipient) {
	if len(rs) == 0 {
		es.Add("recipients", "commendation.err.recipients")
	}
	if len(rs) > maxRecipients {
		es.Add("recipients", "commendation.err.too_many", maxRecipients)
		return
	}
	for i := range rs {
		r := &rs[i]
		r.Name, r.Achievement = clean(r.Name), clean(r.Achievement)
		field := func(f string) string { return "recipient." + strconv.Itoa(i) + "." + f }
		switch r.Kind {
		case Person:
			if r.PersonID <= 0 {
				es.Add(field("person"), "commendation.err.person")
			}
		case UnitKind:
			if r.UnitID <= 0 {
				es.Add(field("unit"), "commendation.err.recipient_unit")
			}
		case Household, Collective:
			if r.Name == "" {
				es.Add(field("name"), "commendation.err.name")
			}
		default:
			es.Add(field("kind"), "commendation.err.kind")
		}
		if len(r.Name) > maxText {
			es.Add(field("name"), "commendation.err.too_long")
		}
		if r.Achievement == "" {
			es.Add(field("achievement"), "commendation.err.achievement")
		}
		if len(r.Achievement) > maxLong {
			es.Add(field("achievement"), "commendation.err.too_long")
		}
	}
}
