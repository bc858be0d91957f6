// Package portal is the public face of a board: each unit that has one
// gets a news site (trang thông tin điện tử) fed by the records the board
// already keeps. It holds the sites, their articles with every version,
// the editorial workflow, images in the sizes pages need, reader
// feedback held for moderation, view counts, and the stamp that tells
// every server when the pages it cached are stale.
//
// # Who may do what
//
// Every method that reads or changes editorial data takes the acting
// *auth.Principal and checks it on the site's unit (the roles of package
// auth, no role of its own):
//
//	action                                            permission on the site's unit
//	create a site, change its settings                 PermAdmin (administrators)
//	read drafts, the queue, versions                   PermRead
//	write, edit, submit an article, upload images      PermWrite (officers)
//	publish, schedule, unpublish, return to draft,     PermApprove (leaders)
//	  moderate feedback
//
// An administrator holds both PermWrite and PermApprove. What anyone may
// read — published articles and approved feedback — is read by the
// Public* methods, which take no principal and return only what is
// public at the moment asked.
//
// # The workflow
//
//	draft ──submit──▶ submitted ──publish──▶ published ──unpublish──▶ unpublished
//	  ▲                   │                                              │
//	  └──────return───────┘◀──────────────edit (back to draft)───────────┘
//
// Publishing takes a moment (PublishAt): now, or later for a scheduled
// article, which is shown from that moment on without anything running
// at that moment. Every change writes a version row and an audit row in
// the same transaction; a stale edit (an old Version) is refused.
package portal

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

// Status is the editorial state of an article.
type Status string

// The states of an article.
const (
	Draft       Status = "draft"
	Submitted   Status = "submitted"
	Published   Status = "published"
	Unpublished Status = "unpublished"
)

// Statuses lists every state, in workflow order.
var Statuses = []Status{Draft, Submitted, Published, Unpublished}

// Valid reports whether s is a known state.
func (s Status) Valid() bool {
	return s == Draft || s == Submitted || s == Published || s == Unpublished
}

// Label is the state's name (catalog key "portal.status.<code>").
func (s Status) Label() i18n.Message { return i18n.M("portal.status." + string(s)) }

// Category is the section an article belongs to.
type Category string

// The sections of a site that hold articles.
const (
	News  Category = "news"  // Tin tức – Sự kiện
	Model Category = "model" // Dân vận khéo
	QA    Category = "qa"    // Hỏi – đáp
)

// Categories lists the sections, in the order of the site's menu.
var Categories = []Category{News, Model, QA}

// Valid reports whether c is a known section.
func (c Category) Valid() bool { return c == News || c == Model || c == QA }

// Label is the section's name (catalog key "portal.cat.<code>").
func (c Category) Label() i18n.Message { return i18n.M("portal.cat." + string(c)) }

// Slug is the section's path segment.
func (c Category) Slug() string {
	switch c {
	case Model:
		return "dan-van-kheo"
	case QA:
		return "hoi-dap"
	}
	return "tin-tuc"
}

// CategoryBySlug returns the section whose path segment is slug.
func CategoryBySlug(slug string) (Category, bool) {
	for _, c := range Categories {
		if c.Slug() == slug {
			return c, true
		}
	}
	return "", false
}

// RecordKind names the kind of record an article is about.
type RecordKind string

// The kinds of record an article can be drafted from.
const (
	RecordConference RecordKind = "conference"
	RecordPractice   RecordKind = "practice"
	RecordDocument   RecordKind = "document"
)

// Valid reports whether k is a known kind ("" is none).
func (k RecordKind) Valid() bool {
	return k == "" || k == RecordConference || k == RecordPractice || k == RecordDocument
}

// Label is the kind's name (catalog key "portal.record.<code>").
func (k RecordKind) Label() i18n.Message { return i18n.M("portal.record." + string(k)) }

// Site is a unit's news site.
type Site struct {
	ID       int64
	UnitID   int64
	UnitName string // the unit's name today
	Slug     string // the path segment: /trang/<slug>
	Host     string // the host name a proxy serves it under, "" for none
	Name     string // "Trang thông tin điện tử Ban Dân vận Tỉnh ủy Lạng Sơn"
	NameEN   string
	Tagline  string
	Address  string
	Phone    string
	Email    string
	Editor   string // who is responsible for the content (Nghị định 42/2022)
	About    string // the board's structure and duties, plain text
	AboutEN  string // the same in English, for the English page
	Version  int64
	Created  time.Time
	Updated  time.Time
}

// SiteInput is what a site is created or changed with.
type SiteInput struct {
	UnitID  int64
	Slug    string
	Host    string
	Name    string
	NameEN  string
	Tagline string
	Address string
	Phone   string
	Email   string
	Editor  string
	About   string
	AboutEN string
	Version int64 // for a change: the version the editor started from
}

// Article is a news item of a site.
type Article struct {
	ID         int64
	SiteID     int64
	Slug       string
	Category   Category
	Status     Status
	Headline   string
	Lead       string
	Body       string // sanitized HTML
	Tags       []string
	ImageID    int64
	RecordKind RecordKind
	RecordID   int64
	PublishAt  time.Time // zero until published; later than now when scheduled
	AuthorID   int64
	Views      int64
	Version    int64
	Created    time.Time
	Updated    time.Time

	// Image is the lead image, filled in by the reading methods.
	Image *Image
}

// Scheduled reports whether a published article is waiting for its
// moment at now.
func (a Article) Scheduled(now time.Time) bool {
	return a.Status == Published && a.PublishAt.After(now)
}

// Live reports whether the public sees the article at now.
func (a Article) Live(now time.Time) bool {
	return a.Status == Published && !a.PublishAt.After(now)
}

// ArticleInput is what an editor writes.
type ArticleInput struct {
	Category   Category
	Headline   string
	Lead       string
	Body       string // HTML of the safe subset, or plain paragraphs
	Tags       string // comma-separated
	Slug       string // "" makes one from the headline
	ImageID    int64
	RecordKind RecordKind
	RecordID   int64
	Version    int64 // for an edit: the version the editor started from
}

// Limits of what is stored.
const (
	maxHeadline = 250
	maxLead     = 600
	MaxBody     = 200 << 10 // bytes of body HTML
	maxTags     = 10
	maxTag      = 60
	maxSlug     = 120
	maxName     = 200
	maxAbout    = 8000
	maxSiteText = 300
)

// cleanLine is a one-line text as stored: NFC with one tone placement,
// no control or format characters, spaces collapsed.
func cleanLine(s string) string {
	s = vntext.Normalize(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanText is a multi-line plain text as stored: lines cleaned, blank
// lines kept once.
func cleanText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = cleanLine(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// tooLong reports whether s has more than n characters.
func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }

// Slugify makes a path segment from a Vietnamese text: folded to ASCII
// (đ to d, tones dropped), lower case, words joined by hyphens, at most
// maxSlug bytes, cut at a word.
func Slugify(s string) string {
	f := vntext.Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > 20 {
			out = out[:i]
		}
	}
	return strings.Trim(out, "-")
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validSlug reports whether s is a path segment Slugify could make.
func validSlug(s string) bool { return len(s) <= maxSlug && slugRE.MatchString(s) }

var hostRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)

// validate cleans a site's input and checks it.
func (in *SiteInput) validate() error {
	in.Slug = strings.ToLower(strings.TrimSpace(in.Slug))
	in.Host = strings.ToLower(strings.TrimSpace(in.Host))
	in.Name, in.NameEN, in.Tagline = cleanLine(in.Name), cleanLine(in.NameEN), cleanLine(in.Tagline)
	in.Address, in.Phone, in.Email, in.Editor = cleanLine(in.Address), cleanLine(in.Phone), cleanLine(in.Email), cleanLine(in.Editor)
	in.About, in.AboutEN = cleanText(in.About), cleanText(in.AboutEN)
	var es apperr.Errors
	if in.UnitID <= 0 {
		es.Add("unit", "portal.err.site_unit")
	}
	if !validSlug(in.Slug) || len(in.Slug) > 60 || reservedSlugs[in.Slug] {
		es.Add("slug", "portal.err.site_slug")
	}
	if in.Host != "" && (len(in.Host) > 253 || !hostRE.MatchString(in.Host)) {
		es.Add("host", "portal.err.site_host")
	}
	if in.Name == "" || tooLong(in.Name, maxName) {
		es.Add("name", "portal.err.site_name")
	}
	if tooLong(in.NameEN, maxName) {
		es.Add("name_en", "portal.err.site_name")
	}
	for _, f := range []struct{ field, v string }{{"tagline", in.Tagline}, {"address", in.Address}, {"phone", in.Phone}, {"editor", in.Editor}} {
		if tooLong(f.v, maxSiteText) {
			es.Add(f.field, "portal.err.too_long", maxSiteText)
		}
	}
	if in.Email != "" {
		if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email || tooLong(in.Email, 254) {
			es.Add("email", "portal.err.email")
		}
	}
	if tooLong(in.About, maxAbout) {
		es.Add("about", "portal.err.too_long", maxAbout)
	}
	if tooLong(in.AboutEN, maxAbout) {
		es.Add("about_en", "portal.err.too_long", maxAbout)
	}
	return es.Err()
}

// reservedSlugs are path segments under /trang that are not sites.
var reservedSlugs = map[string]bool{"static": true, "rss": true, "sitemap": true}

// parseTags splits a comma-separated list into clean, distinct tags.
func parseTags(s string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for part := range strings.SplitSeq(s, ",") {
		t := cleanLine(part)
		if t == "" {
			continue
		}
		if tooLong(t, maxTag) || Slugify(t) == "" {
			return nil, apperr.Invalid("tags", "portal.err.tag", maxTag)
		}
		if seen[Slugify(t)] {
			continue
		}
		seen[Slugify(t)] = true
		out = append(out, t)
	}
	if len(out) > maxTags {
		return nil, apperr.Invalid("tags", "portal.err.tags", maxTags)
	}
	return out, nil
}

// validate cleans an article's input and checks it; it returns the tags
// and the sanitized body.
func (in *ArticleInput) validate() (tags []string, body string, err error) {
	in.Headline, in.Lead = cleanLine(in.Headline), cleanLine(in.Lead)
	in.Slug = strings.ToLower(strings.TrimSpace(in.Slug))
	var es apperr.Errors
	if !in.Category.Valid() {
		es.Add("category", "portal.err.category")
	}
	if in.Headline == "" || tooLong(in.Headline, maxHeadline) {
		es.Add("headline", "portal.err.headline", maxHeadline)
	}
	if tooLong(in.Lead, maxLead) {
		es.Add("lead", "portal.err.too_long", maxLead)
	}
	if in.Slug != "" && !validSlug(in.Slug) {
		es.Add("slug", "portal.err.slug")
	}
	if len(in.Body) > MaxBody {
		es.Add("body", "portal.err.body_long", MaxBody>>10)
	} else {
		body = Sanitize(in.Body)
		if strings.TrimSpace(TextOf(body)) == "" {
			es.Add("body", "portal.err.body")
		}
	}
	if !in.RecordKind.Valid() || (in.RecordKind == "") != (in.RecordID == 0) {
		es.Add("record", "portal.err.record")
	}
	tags, terr := parseTags(in.Tags)
	if terr != nil {
		es = append(es, terr.(*apperr.Error))
	}
	if err := es.Err(); err != nil {
		return nil, "", err
	}
	return tags, body, nil
}

// Term is a Party committee term (nhiệm kỳ) an archive groups articles
// by. Provincial and district congresses meet every five years, in the
// autumn of 2010, 2015, 2020 and 2025; a term runs from the 1 October of
// its congress year.
type Term struct{ From, To int }

// Code is the term's path segment: "2020-2025".
func (t Term) Code() string { return strconv.Itoa(t.From) + "-" + strconv.Itoa(t.To) }

// Label is the term's name.
func (t Term) Label() i18n.Message { return i18n.M("portal.term", t.From, t.To) }

// Start and End bound the term: [Start, End).
func (t Term) Start() time.Time { return time.Date(t.From, 10, 1, 0, 0, 0, 0, vntext.Zone) }

// End is the moment the next term starts.
func (t Term) End() time.Time { return time.Date(t.To, 10, 1, 0, 0, 0, 0, vntext.Zone) }

// TermOf is the term a moment lies in.
func TermOf(t time.Time) Term {
	t = t.In(vntext.Zone)
	y := t.Year()
	from := y - ((y-2010)%5+5)%5
	if t.Before(time.Date(from, 10, 1, 0, 0, 0, 0, vntext.Zone)) {
		from -= 5
	}
	return Term{From: from, To: from + 5}
}

// ParseTerm reads a term's code.
func ParseTerm(code string) (Term, bool) {
	a, b, ok := strings.Cut(code, "-")
	if !ok {
		return Term{}, false
	}
	from, err1 := strconv.Atoi(a)
	to, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || from < 2000 || from > 2100 || to != from+5 || (from-2010)%5 != 0 {
		return Term{}, false
	}
	return Term{From: from, To: to}, true
}
