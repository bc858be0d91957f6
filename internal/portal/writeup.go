package portal

import (
	"context"
	"html"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/vntext"
)

// "Viết tin": a conference's record drafted as a news article in the
// portals' house style: the headline, a lead with the moment, the place
// and the organizer, who chaired and who attended with their titles
// ("đồng chí NAME - TITLE"), the results in figures, and the key tasks.
// The draft is written so that package extract reads the record back
// from it (the round trip is tested over every demo conference).

// WriteUp drafts an article about conference c held by organizer (the
// unit's name on the day).
func WriteUp(c meeting.Conference, organizer string) ArticleInput {
	held := c.HeldOn.In(vntext.Zone)
	var b strings.Builder
	para := func(s string) {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(s))
		b.WriteString("</p>\n")
	}

	title := strings.TrimSpace(c.Title)
	if title == "" {
		title = "Hội nghị " + kindWords(c.Kind)
	}
	when := held.Format("02/01/2006")
	switch tod := strings.ToLower(strings.TrimSpace(c.TimeOfDay)); {
	case tod == "sáng" || tod == "chiều" || tod == "tối":
		when = upperFirst(tod) + " ngày " + when
	case tod != "":
		when = "Ngày " + when + ", vào lúc " + strings.ReplaceAll(c.TimeOfDay, ":", " giờ ")
	default:
		when = "Ngày " + when
	}
	lead := when + ", "
	if c.Place != "" {
		lead += "tại " + c.Place + ", "
	}
	// The event as the lead names it: the title, when it says what kind of
	// conference it was; else the kind and the period in words.
	event := lowerFirst(title)
	if !strings.HasPrefix(event, "hội nghị") || !strings.Contains(vntext.Fold(title), vntext.Fold(kindWord[c.Kind])) {
		event = "hội nghị " + kindWords(c.Kind)
		if p, err := vntext.ParsePeriod(c.Period); c.Period != "" && err == nil {
			event += " " + p.Label()
		}
	}
	lead += organizer + " tổ chức " + event + "."

	chairs, speakers, attendees := c.ByRole(meeting.Chair), c.ByRole(meeting.Speaker), c.ByRole(meeting.Attendee)
	if len(chairs) > 0 {
		para(upperFirst(joinPeople(chairs)) + " chủ trì hội nghị.")
	}
	for _, s := range speakers {
		para(upperFirst(person(s)) + " dự và phát biểu chỉ đạo hội nghị.")
	}
	if len(attendees) > 0 {
		para("Dự hội nghị có " + joinPeople(attendees) + ".")
	}
	if len(c.AttendingNames) > 0 {
		para("Cùng dự có đại diện lãnh đạo " + strings.Join(c.AttendingNames, ", ") + ".")
	}
	if s := strings.TrimSpace(c.Summary); s != "" {
		para(s)
	}
	if len(c.Figures) > 0 {
		var parts []string
		for _, f := range c.Figures {
			parts = append(parts, figureWords(f))
		}
		para("Kết quả trong kỳ: " + strings.Join(parts, "; ") + ".")
	}
	if s := strings.TrimSpace(c.Outcome); s != "" {
		para(s)
	}
	if len(c.Tasks) > 0 {
		para("Hội nghị đã thống nhất các nhiệm vụ trọng tâm thời gian tới:")
		b.WriteString("<ul>\n")
		for _, t := range c.Tasks {
			b.WriteString("<li>")
			b.WriteString(html.EscapeString(strings.TrimRight(strings.TrimSpace(t.Title), ".;") + "."))
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	in := ArticleInput{Category: News, Headline: title, Lead: lead, Body: b.String(), RecordKind: RecordConference, RecordID: c.ID,
		Tags: strings.Join(tagsOf(c), ", ")}
	if len([]rune(in.Headline)) > maxHeadline {
		in.Headline = string([]rune(in.Headline)[:maxHeadline])
	}
	if len([]rune(in.Lead)) > maxLead {
		in.Lead = string([]rune(in.Lead)[:maxLead])
	}
	return in
}

// kindWord is the word that names a kind of conference.
var kindWord = map[meeting.Kind]string{meeting.SoKet: "sơ kết", meeting.TongKet: "tổng kết", meeting.TrienKhai: "triển khai",
	meeting.ChuyenDe: "chuyên đề", meeting.DoiThoai: "đối thoại", meeting.KhenThuong: "khen thưởng"}

func kindWords(k meeting.Kind) string {
	switch k {
	case meeting.SoKet:
		return "sơ kết công tác dân vận"
	case meeting.TongKet:
		return "tổng kết công tác dân vận"
	case meeting.TrienKhai:
		return "triển khai nhiệm vụ công tác dân vận"
	case meeting.DoiThoai:
		return "đối thoại với Nhân dân"
	case meeting.KhenThuong:
		return "biểu dương, khen thưởng"
	}
	return "chuyên đề công tác dân vận"
}

func tagsOf(c meeting.Conference) []string {
	tags := []string{"Hội nghị"}
	switch c.Kind {
	case meeting.SoKet:
		tags = append(tags, "Sơ kết")
	case meeting.TongKet:
		tags = append(tags, "Tổng kết")
	case meeting.DoiThoai:
		tags = append(tags, "Đối thoại")
	}
	return tags
}

func lowerFirst(s string) string {
	for _, w := range []string{"Hội nghị", "Lễ", "Buổi"} {
		if strings.HasPrefix(s, w) {
			return strings.ToLower(w[:1]) + s[1:]
		}
	}
	return s
}

// person is "đồng chí NAME - TITLE".
func person(p meeting.Participant) string {
	s := "đồng chí " + p.Name
	if t := strings.TrimSpace(p.Title); t != "" {
		s += " - " + t
	}
	return s
}

func joinPeople(ps []meeting.Participant) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = person(p)
	}
	return strings.Join(parts, "; ")
}

// upperFirst capitalizes the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// figureWords is a figure as the portals write it: "47 vụ việc hòa giải
// thành công", "5.112 lượt cán bộ được bồi dưỡng".
func figureWords(f meeting.Figure) string {
	dec := 0
	if f.Value != math.Trunc(f.Value) {
		dec = -1
	}
	s := vntext.FormatNumber(f.Value, dec)
	if f.Unit == "%" {
		s += "%"
	} else if f.Unit != "" {
		s += " " + f.Unit
	}
	if f.About != "" {
		s += " " + f.About
	}
	return s
}

// DraftFromConference prefills an article of site siteID about
// conference confID, for a caller who may write on the site and read the
// whole conference. Nothing is written: the editor saves the draft.
func (s *Store) DraftFromConference(ctx context.Context, p *auth.Principal, siteID, confID int64) (ArticleInput, error) {
	st, err := s.Site(ctx, p, siteID)
	if err != nil {
		return ArticleInput{}, err
	}
	if err := s.require(ctx, p, auth.PermWrite, st.UnitID); err != nil {
		return ArticleInput{}, err
	}
	c, err := meeting.NewStore(s.db, s.units, s.auth).Conference(ctx, p, confID)
	if err != nil {
		return ArticleInput{}, err
	}
	if c.OwnerView {
		return ArticleInput{}, apperr.Forbidden("meeting.err.forbidden_read")
	}
	names, err := s.units.NamesOn(ctx, []int64{c.UnitID}, c.HeldOn)
	if err != nil {
		return ArticleInput{}, err
	}
	org := names[c.UnitID]
	if org == "" {
		org = c.UnitName
	}
	return WriteUp(c, org), nil
}
