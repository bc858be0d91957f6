// Package campaign keeps the campaigns and funds (cuộc vận động, quỹ) a
// unit runs — "Vì người nghèo", "Toàn dân đoàn kết xây dựng nông thôn
// mới, đô thị văn minh", OCOP and local ones — with their period,
// target and the units taking part, and the money and in-kind
// contributions each unit reports per period, with the households
// helped where the campaign counts them.
//
// Contributions roll up the hierarchy as report figures do, through the
// one placement report.SumFacts shares with report's roll-up: as
// reported (each contribution under the ancestors its unit had at the
// end of its period) or mapped onto today's units (a merged or split
// unit's contributions passed to its successors by the links' shares).
//
// Rules kept here, so that the pages and the API cannot disagree:
//   - a campaign is created and edited by whoever may write on its unit;
//   - it is read by whoever may read its unit or a unit taking part;
//   - a contribution is recorded by whoever may write on the
//     contributing unit, which must be the campaign's unit, a unit taking
//     part or a unit below one of them, for a period that overlaps the
//     campaign's;
//   - a roll-up is read by whoever may read the unit rolled up to.
package campaign

import (
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Kind is what a campaign is.
type Kind string

// The kinds of campaign.
const (
	Poor     Kind = "poor"      // Quỹ "Vì người nghèo"
	NewRural Kind = "new_rural" // "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"
	OCOP     Kind = "ocop"      // "Mỗi xã một sản phẩm"
	Local    Kind = "local"     // a campaign of a unit's own
)

// Kinds lists every kind.
var Kinds = []Kind{Poor, NewRural, OCOP, Local}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case Poor, NewRural, OCOP, Local:
		return true
	}
	return false
}

// Label is the kind's name (catalog key "campaign.kind.<code>").
func (k Kind) Label() i18n.Message { return i18n.M("campaign.kind." + string(k)) }

// Campaign is a campaign or fund run by a unit.
type Campaign struct {
	ID       int64
	UnitID   int64 // the unit running it
	UnitName string
	Kind     Kind
	Name     string
	StartsOn time.Time
	EndsOn   time.Time // zero while open-ended
	Target   int64     // in đồng, 0 for none
	// CountsHouseholds says whether contributions count the households
	// helped.
	CountsHouseholds bool
	Description      string
	// Units are the units taking part (besides the campaign's own).
	Units   []Unit
	Version int64
}

// Unit is a unit taking part in a campaign.
type Unit struct {
	ID   int64
	Name string
}

// Contribution is what a unit gave to a campaign in a period.
type Contribution struct {
	ID         int64
	CampaignID int64
	UnitID     int64
	UnitName   string
	Period     vntext.Period
	Money      int64 // đồng
	InKind     int64 // the value of goods and work given, in đồng
	Households int64 // households helped, when the campaign counts them
	Note       string
	Version    int64
}

// Totals are a roll-up's sums.
type Totals struct {
	Money, InKind, Households float64
}

// Total is money and in-kind value together.
func (t Totals) Total() float64 { return t.Money + t.InKind }

// Bounds of the fields, checked before anything is stored.
const (
	maxText   = 300
	maxLong   = 4000
	maxAmount = sheet.MaxAmount
	maxUnits  = 2000
)

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

// validate checks and normalizes a campaign's own fields.
func (c *Campaign) validate() error {
	var es apperr.Errors
	c.Name, c.Description = clean(c.Name), clean(c.Description)
	if c.UnitID <= 0 {
		es.Add("unit", "campaign.err.unit")
	}
	if !c.Kind.Valid() {
		es.Add("kind", "campaign.err.kind")
	}
	if c.Name == "" || len(c.Name) > maxText {
		es.Add("name", "campaign.err.name")
	}
	if c.StartsOn.IsZero() {
		es.Add("starts_on", "campaign.err.starts_on")
	}
	if !c.EndsOn.IsZero() && c.EndsOn.Before(c.StartsOn) {
		es.Add("ends_on", "campaign.err.ends_on")
	}
	if c.Target < 0 || c.Target > maxAmount {
		es.Add("target", "campaign.err.amount")
	}
	if len(c.Description) > maxLong {
		es.Add("description", "campaign.err.too_long")
	}
	if len(c.Units) > maxUnits {
		es.Add("units", "campaign.err.units")
	}
	return es.Err()
}

// validate checks a contribution's own fields against its campaign.
func (k *Contribution) validate(c Campaign) error {
	var es apperr.Errors
	k.Note = clean(k.Note)
	if k.UnitID <= 0 {
		es.Add("unit", "campaign.err.unit")
	}
	if !k.Period.Valid() {
		es.Add("period", "campaign.err.period")
	} else if k.Period.End().Before(c.StartsOn) || (!c.EndsOn.IsZero() && k.Period.Start().After(c.EndsOn)) {
		es.Add("period", "campaign.err.period_outside")
	}
	for _, f := range []struct {
		field string
		v     int64
	}{{"money", k.Money}, {"in_kind", k.InKind}, {"households", k.Households}} {
		if f.v < 0 || f.v > maxAmount {
			es.Add(f.field, "campaign.err.amount")
		}
	}
	if k.Households != 0 && !c.CountsHouseholds {
		es.Add("households", "campaign.err.households")
	}
	if k.Money == 0 && k.InKind == 0 && k.Households == 0 {
		es.Add("money", "campaign.err.empty")
	}
	if len(k.Note) > maxText {
		es.Add("note", "campaign.err.too_long")
	}
	return es.Err()
}
