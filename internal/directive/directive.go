// Package directive keeps the register of directive documents (văn bản
// chỉ đạo) a board works under, received from above: resolutions,
// conclusions, directives, instructions, plans and regulations, each with
// its number and code as written ("114-KL/TW"), date, issuer, summary and
// file; and what was done under each: the conferences, reports, key
// tasks and campaigns that carry it out, linked to it. A directive's page
// shows all of them.
//
// Rules kept here, so that the pages and the API cannot disagree:
//   - a directive is registered by whoever may write on the registering
//     unit, under a number not yet in that unit's register (numbers
//     compare without case and spacing: "114-kl/tw" is "114-KL/TW");
//   - it is read by whoever may read that unit, and by the units below
//     it (a directive received from above guides them too);
//   - a record is linked to (or unlinked from) a directive by whoever may
//     read the directive and write on the record's unit;
//   - the list of what was done under a directive shows only the records
//     the reader may read;
//   - an article's text links the conference it became to the directives
//     it cites that are in a register the importer may read (Cited finds
//     the codes).
package directive

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Kind is what a directive is.
type Kind string

// The kinds of directive.
const (
	Resolution  Kind = "resolution"  // Nghị quyết (NQ)
	Conclusion  Kind = "conclusion"  // Kết luận (KL)
	Order       Kind = "directive"   // Chỉ thị (CT), a directive in the narrow sense
	Instruction Kind = "instruction" // Hướng dẫn (HD)
	Plan        Kind = "plan"        // Kế hoạch (KH)
	Regulation  Kind = "regulation"  // Quy định (QĐ)
	Other       Kind = "other"
)

// Kinds lists every kind.
var Kinds = []Kind{Resolution, Conclusion, Order, Instruction, Plan, Regulation, Other}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case Resolution, Conclusion, Order, Instruction, Plan, Regulation, Other:
		return true
	}
	return false
}

// Label is the kind's name (catalog key "directive.kind.<code>").
func (k Kind) Label() i18n.Message { return i18n.M("directive.kind." + string(k)) }

// KindOf guesses a directive's kind from the letters of its code:
// "114-KL/TW" is a conclusion, "25-NQ/TW" a resolution; Other when the
// code says nothing.
func KindOf(number string) Kind {
	key := NumberKey(number)
	for _, part := range strings.FieldsFunc(key, func(r rune) bool { return r == '-' || r == '/' }) {
		switch part {
		case "NQ":
			return Resolution
		case "KL":
			return Conclusion
		case "CT":
			return Order
		case "HD":
			return Instruction
		case "KH":
			return Plan
		case "QĐ", "QD":
			return Regulation
		}
	}
	return Other
}

// NumberKey is the form numbers are compared in: NFC, upper case, no
// white space ("114 - kl/tw" is "114-KL/TW").
func NumberKey(number string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, vntext.Normalize(number))
}

// codeRE finds a document's code: a number, then the kind's letters and
// the issuer's with "-" and "/" between ("114-KL/TW", "11/CT-BCA-V05",
// "35/2021/NĐ-CP").
var codeRE = regexp.MustCompile(`\b\d{1,5}(?:/\d{4})?\s?[-/]\s?\p{Lu}{1,6}(?:[-/]\p{Lu}[\p{Lu}\d]*)+`)

// Cited returns the codes of the documents text cites, as NumberKeys,
// each once, in order.
func Cited(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range codeRE.FindAllString(vntext.Normalize(text), -1) {
		k := NumberKey(m)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// Directive is a directive document of a unit's register.
type Directive struct {
	ID       int64
	UnitID   int64 // the unit whose register holds it
	UnitName string
	Kind     Kind
	Number   string // as written: "114-KL/TW"
	IssuedOn time.Time
	Issuer   string // "Ban Bí thư"
	Summary  string
	FileName string // "" without a file
	FileType string
	Version  int64
}

// File is a directive's file as uploaded.
type File struct {
	Name string
	Data []byte
}

// TargetKind is the kind of record carrying a directive out.
type TargetKind string

// The kinds of record linked to a directive.
const (
	Conference TargetKind = "conference"
	Report     TargetKind = "report"
	Task       TargetKind = "task"
	Campaign   TargetKind = "campaign"
)

// TargetKinds lists every kind of record a directive links.
var TargetKinds = []TargetKind{Conference, Report, Task, Campaign}

// Valid reports whether k is a known kind of record.
func (k TargetKind) Valid() bool {
	switch k {
	case Conference, Report, Task, Campaign:
		return true
	}
	return false
}

// Label is the kind's name (catalog key "directive.target.<code>").
func (k TargetKind) Label() i18n.Message { return i18n.M("directive.target." + string(k)) }

// Link is a record carrying a directive out.
type Link struct {
	DirectiveID int64
	Kind        TargetKind
	TargetID    int64
	UnitID      int64
	UnitName    string
	Title       string    // the record's title (a report's: its period code)
	Day         time.Time // held, due, started or the period's end
}

// Bounds, checked before anything is stored.
const (
	maxText     = 300
	maxSummary  = 4000
	maxFile     = 20 << 20
	maxFileName = 200
)

func clean(s string) string { return strings.TrimSpace(vntext.Normalize(s)) }

func (d *Directive) validate() error {
	var es apperr.Errors
	d.Number, d.Issuer, d.Summary = clean(d.Number), clean(d.Issuer), clean(d.Summary)
	if d.Kind == "" {
		d.Kind = KindOf(d.Number)
	}
	if d.UnitID <= 0 {
		es.Add("unit", "directive.err.unit")
	}
	if !d.Kind.Valid() {
		es.Add("kind", "directive.err.kind")
	}
	if d.Number == "" || len(d.Number) > 60 {
		es.Add("number", "directive.err.number")
	}
	if d.IssuedOn.IsZero() {
		es.Add("issued_on", "directive.err.issued_on")
	}
	if d.Issuer == "" || len(d.Issuer) > maxText {
		es.Add("issuer", "directive.err.issuer")
	}
	if d.Summary == "" || len(d.Summary) > maxSummary {
		es.Add("summary", "directive.err.summary")
	}
	return es.Err()
}
