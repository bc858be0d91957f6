// Package extract reads a Vietnamese news article about the work of a
// mass-mobilization board (plain text or HTML) and returns the structured
// record an official would otherwise type by hand: the kind of event, its
// date, organizer and level, the period it reviews, who chaired and who
// attended, the figures it reports and the key tasks it sets.
//
// The rules are written for precision: every name and figure returned is
// found in the normalized text of the input, and where the extractor is
// unsure it adds a plain-words warning instead of guessing. The contract is
// docs/extract-schema.md.
package extract

import (
	"context"
	"fmt"
	"time"
)

// Event types, as in the contract.
const (
	TypeTongKet    = "tong_ket"
	TypeSoKet      = "so_ket"
	TypeTrienKhai  = "trien_khai"
	TypeChuyenDe   = "chuyen_de"
	TypeKhenThuong = "khen_thuong"
	TypeMoHinh     = "mo_hinh"
	TypeOther      = "other"
)

// Levels of the organizing body, as in the contract.
const (
	LevelCentral  = "central"
	LevelProvince = "province"
	LevelDistrict = "district"
	LevelCommune  = "commune"
	LevelAgency   = "agency"
)

// Options tell Extract what it cannot read from the document itself.
type Options struct {
	// Source names the input in the record (a path, a URL).
	Source string
	// Published is the publication date of the article, zero if unknown.
	// It only supplies a missing year of the event date.
	Published time.Time
}

// Record is the contract object for one article. Its JSON form is the
// line `danvan extract` prints.
type Record struct {
	Source    string   `json:"source"`
	Title     string   `json:"title"`
	EventType string   `json:"event_type"`
	EventDate *string  `json:"event_date"`
	Organizer *string  `json:"organizer"`
	Level     *string  `json:"level"`
	Period    *Period  `json:"period"`
	Chairs    []Person `json:"chairs"`
	Attendees []Person `json:"attendees"`
	Figures   []Figure `json:"figures"`
	Tasks     []string `json:"tasks"`
	Warnings  []string `json:"warnings"`

	// Spans locate the values in Text, for a page that shows where each
	// value was found. Not part of the JSON contract.
	Spans Spans `json:"-"`
	// Text is the normalized text of the article that Spans point into.
	Text string `json:"-"`
}

// Period is the period an event reviews. Part is "H1", "H2", "Q1"…"Q4",
// "year" or "multi"; Year is set except for "multi", which sets FromYear
// and ToYear.
type Period struct {
	Year     *int   `json:"year"`
	Part     string `json:"part"`
	FromYear *int   `json:"from_year"`
	ToYear   *int   `json:"to_year"`
}

// Person is a named chair or attendee. Title is nil when the text gives
// none.
type Person struct {
	Name  string  `json:"name"`
	Title *string `json:"title"`
}

// Figure is one explicit quantity the article reports.
type Figure struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	About string  `json:"about"`
}

// Span is a byte range [Start, End) of Record.Text.
type Span struct {
	Start, End int
}

// Spans holds, for each value of a Record, where in Record.Text it was
// found. A zero Span means the value was not read from one place (or is
// absent). Slices run parallel to the record's lists.
type Spans struct {
	Title     Span
	EventDate Span
	// Organizer spans the body as written; OrganizerPlace, when set, the
	// place the extractor added to it from elsewhere in the article (the
	// headline, a date line, another mention of the body), so that
	// Record.Organizer is the text at Organizer, a space and the text at
	// OrganizerPlace.
	Organizer      Span
	OrganizerPlace Span
	Period         Span
	Chairs         []Span
	Attendees      []Span
	// Figures spans the number as written, qualifier and multiplier included.
	Figures []Span
	Tasks   []Span
}

// maxInput bounds the document size Extract reads; longer input is cut
// (with a warning) so a huge page cannot stall a request.
const maxInput = 2 << 20

// Extract reads doc (plain text or HTML, UTF-8, NFC or NFD) and returns its
// record. It fails only when ctx is done; a document it cannot make sense
// of gives a record with null fields and warnings.
func Extract(ctx context.Context, doc []byte, opts Options) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, fmt.Errorf("extract: %w", err)
	}
	rec := Record{
		Source:    opts.Source,
		EventType: TypeOther,
		Chairs:    []Person{},
		Attendees: []Person{},
		Figures:   []Figure{},
		Tasks:     []string{},
		Warnings:  []string{},
	}
	if len(doc) > maxInput {
		doc = doc[:maxInput]
		rec.Warnings = append(rec.Warnings, "Văn bản quá dài; chỉ đọc 2 MiB đầu.")
	}
	d := prepare(doc)
	rec.Text = d.text
	if d.notUTF8 {
		rec.Warnings = append(rec.Warnings, "Văn bản không phải UTF-8 hợp lệ (có thể là mã TCVN3/VNI); các ký tự lỗi đã được thay thế, kết quả có thể thiếu.")
	}
	if !d.hasBody() {
		rec.Warnings = append(rec.Warnings, "Không tìm thấy nội dung bài viết.")
		return rec, nil
	}
	a := analyze(d, opts)
	a.fill(&rec)
	if err := ctx.Err(); err != nil {
		return Record{}, fmt.Errorf("extract: %w", err)
	}
	return rec, nil
}
