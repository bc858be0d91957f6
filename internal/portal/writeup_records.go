package portal

import (
	"context"
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/vntext"
)

// "Viết tin" from a "Dân vận khéo" model and from an issued document,
// as from a conference (writeup.go): the article is drafted in the
// portals' house style, prefilled in the editor's form, and nothing is
// saved until the editor saves it. A model's write-up reads back through
// package extract as a report about a model with the model's results as
// its figures (tested over every demo model).

// levelWords name the level of the unit that recognized a model.
var levelWords = map[org.Level]string{org.Central: "Trung ương", org.Province: "tỉnh", org.District: "huyện", org.Commune: "xã",
	org.Agency: "cơ quan"}

// WriteUpPractice drafts an article about model m with its results: the
// headline names the model; the lead who runs it, where, since when and
// in which field; then what it is, its goals, its recognition and its
// results in figures, and how far it was replicated.
func WriteUpPractice(m practice.Practice, results []practice.Result) ArticleInput {
	var b strings.Builder
	para := func(s string) {
		if s = strings.TrimSpace(s); s == "" {
			return
		}
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(s))
		b.WriteString("</p>\n")
	}
	name := "“" + strings.TrimSpace(m.Name) + "”"
	headline := "Mô hình " + name
	if m.UnitName != "" {
		headline += " ở " + m.UnitName
	}
	lead := ""
	if !m.StartedOn.IsZero() {
		lead = "Được triển khai từ tháng " + m.StartedOn.In(vntext.Zone).Format("01/2006") + ", mô hình " + name
	} else {
		lead = "Mô hình " + name
	}
	if owner := ownerWords(m); owner != "" {
		lead += " của " + owner
	}
	if m.Field != "" {
		lead += " thuộc lĩnh vực " + strings.ToLower(m.Field.Label())
	}
	lead += " đã mang lại nhiều kết quả thiết thực"
	if mv := strings.TrimSpace(m.Movement); mv != "" {
		lead += ", góp phần thực hiện " + lowerFirstWord(strings.TrimSuffix(mv, "."))
	}
	lead += "."
	para(m.Description)
	if g := strings.TrimSpace(m.Goals); g != "" {
		para("Mục tiêu của mô hình: " + lowerFirstWord(strings.TrimSuffix(g, ".")) + ".")
	}
	if m.Status.Public() && !m.RecognizedOn.IsZero() {
		s := "Ngày " + m.RecognizedOn.In(vntext.Zone).Format("02/01/2006") + ", mô hình được công nhận là mô hình “Dân vận khéo”"
		if lv, ok := levelWords[m.RecognizedLevel]; ok {
			s += " cấp " + lv
		}
		if m.RecognizedByName != "" {
			s += " (" + m.RecognizedByName
			if m.DecisionNo != "" {
				s += ", Quyết định số " + m.DecisionNo
			}
			s += ")"
		}
		para(s + ".")
	}
	if len(results) > 0 {
		var parts []string
		for _, r := range results {
			parts = append(parts, resultWords(r))
		}
		para("Kết quả nổi bật: " + strings.Join(parts, "; ") + ".")
	}
	if m.Replications > 0 {
		para(fmt.Sprintf("Mô hình đã được nhân rộng ra %s đơn vị khác.", vntext.FormatInt(int64(m.Replications))))
	}
	return bounded(ArticleInput{Category: Model, Headline: headline, Lead: lead, Body: b.String(),
		RecordKind: RecordPractice, RecordID: m.ID, Tags: "Dân vận khéo, Mô hình"})
}

// resultWords is a model's result as the portals write it: "284 hộ tham
// gia" when the indicator starts with its measure ("Hộ tham gia", hộ),
// else "số tiền tiết kiệm được: 433.000.000 đồng".
func resultWords(r practice.Result) string {
	ind, measure := strings.TrimSpace(r.Indicator), strings.TrimSpace(r.Measure)
	if measure != "" && measure != "%" && strings.HasPrefix(vntext.Fold(ind)+" ", vntext.Fold(measure)+" ") {
		return figureWords(meeting.Figure{Value: r.Value, Unit: measure, About: strings.TrimSpace(ind[len(measure):])})
	}
	v := figureWords(meeting.Figure{Value: r.Value, Unit: measure})
	if ind == "" {
		return v
	}
	return lowerFirstWord(ind) + ": " + v
}

// ownerWords is who runs a model: "đồng chí NAME - TITLE" for a person,
// the collective's name otherwise.
func ownerWords(m practice.Practice) string {
	n := strings.TrimSpace(m.OwnerName)
	if n == "" {
		return ""
	}
	if m.OwnerType == practice.Individual {
		return person(meeting.Participant{Name: n, Title: m.OwnerTitle})
	}
	return n
}

// reviewParts is the order of a review report's parts (document's
// review); other documents' parts follow in the order of their names.
var reviewParts = []string{"intro", "figures", "models", "conferences", "tasks", "assessment", "next", "proposals"}

// WriteUpDocument drafts an article about issued document rec: the
// headline is its type and summary; the lead says who issued it, when,
// and its number; the body is what its authors wrote, paragraph by
// paragraph ("- " lines as a list).
func WriteUpDocument(rec document.Record) ArticleInput {
	summary := strings.TrimSpace(rec.Summary)
	typeWords := ""
	if n := rec.Type.Name(); n != "" {
		typeWords = upperFirst(strings.ToLower(n))
	}
	headline := summary
	if typeWords != "" {
		headline = typeWords + " " + lowerFirstWord(summary)
	}
	what := "văn bản"
	if typeWords != "" {
		what = strings.ToLower(typeWords)
	}
	lead := "Ngày " + rec.IssuedOn.In(vntext.Zone).Format("02/01/2006") + ", " + rec.UnitName + " ban hành " + what +
		" số " + rec.Number
	if summary != "" {
		lead += " về " + lowerFirstWord(strings.TrimSuffix(summary, "."))
	}
	lead += "."

	keys := make([]string, 0, len(rec.Parts))
	for k := range rec.Parts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ia, ib := slices.Index(reviewParts, a), slices.Index(reviewParts, b)
		switch {
		case ia >= 0 && ib >= 0:
			return ia - ib
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	for _, k := range keys {
		inList := false
		for line := range strings.SplitSeq(rec.Parts[k], "\n") {
			line = strings.TrimSpace(line)
			item, isItem := strings.CutPrefix(line, "- ")
			if isItem != inList {
				b.WriteString(map[bool]string{true: "<ul>\n", false: "</ul>\n"}[isItem])
				inList = isItem
			}
			switch {
			case line == "":
			case isItem:
				b.WriteString("<li>" + html.EscapeString(item) + "</li>\n")
			default:
				b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
			}
		}
		if inList {
			b.WriteString("</ul>\n")
		}
	}
	return bounded(ArticleInput{Category: News, Headline: headline, Lead: lead, Body: b.String(),
		RecordKind: RecordDocument, RecordID: rec.ID, Tags: "Văn bản"})
}

// bounded cuts an article's headline and lead to their limits.
func bounded(in ArticleInput) ArticleInput {
	if len([]rune(in.Headline)) > maxHeadline {
		in.Headline = string([]rune(in.Headline)[:maxHeadline])
	}
	if len([]rune(in.Lead)) > maxLead {
		in.Lead = string([]rune(in.Lead)[:maxLead])
	}
	return in
}

// lowerFirstWord lower-cases the first letter of s when its first word
// is not an abbreviation or a name in capitals ("Sơ kết" → "sơ kết",
// "HĐND" stays).
func lowerFirstWord(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// WriteUpSites are the sites of unitID on which p may write: where a
// record of the unit offers "Viết tin".
func (s *Store) WriteUpSites(ctx context.Context, p *auth.Principal, unitID int64) ([]Site, error) {
	if p == nil {
		return nil, nil
	}
	sites, err := s.PublicSites(ctx)
	if err != nil {
		return nil, err
	}
	var out []Site
	for _, st := range sites {
		if st.UnitID == unitID && s.Can(ctx, p, auth.PermWrite, st) {
			out = append(out, st)
		}
	}
	return out, nil
}

// writableSite is site siteID when p may write on it.
func (s *Store) writableSite(ctx context.Context, p *auth.Principal, siteID int64) (Site, error) {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return Site{}, err
	}
	return st, s.require(ctx, p, auth.PermWrite, st.UnitID)
}

// DraftFromPractice prefills an article of site siteID about model id,
// for a caller who may write on the site and read the model. Only a
// recognized model (one with a public page) is written up. Nothing is
// written.
func (s *Store) DraftFromPractice(ctx context.Context, p *auth.Principal, siteID, id int64) (ArticleInput, error) {
	if _, err := s.writableSite(ctx, p, siteID); err != nil {
		return ArticleInput{}, err
	}
	models := practice.NewStore(s.db, s.units, s.auth, s.files)
	m, err := models.Get(ctx, p, id)
	if err != nil {
		return ArticleInput{}, err
	}
	if !m.Status.Public() {
		return ArticleInput{}, apperr.Invalid("record_id", "portal.err.practice_not_public")
	}
	results, err := models.Results(ctx, p, id)
	if err != nil {
		return ArticleInput{}, err
	}
	return WriteUpPractice(m, results), nil
}

// DraftFromDocument prefills an article of site siteID about issued
// document id, for a caller who may write on the site and read the
// document; a revoked document is not written up. Nothing is written.
func (s *Store) DraftFromDocument(ctx context.Context, p *auth.Principal, siteID, id int64) (ArticleInput, error) {
	if _, err := s.writableSite(ctx, p, siteID); err != nil {
		return ArticleInput{}, err
	}
	rec, err := s.documents().Get(ctx, p, id)
	if err != nil {
		return ArticleInput{}, err
	}
	if rec.Void != nil {
		return ArticleInput{}, apperr.Invalid("record_id", "portal.err.document_revoked")
	}
	return WriteUpDocument(rec), nil
}
