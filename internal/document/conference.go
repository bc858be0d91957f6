package document

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/vntext"
)

// The minutes (biên bản) of a conference and the plan (kế hoạch) that
// carries out its key tasks, both drafted from the conference's record
// and issued by the conference's unit.

// clockRE matches a time of day written "08:00" or "8h30".
var clockRE = regexp.MustCompile(`^(\d{1,2})\s*[:hg]\s*(\d{2})$`)

// whenText opens the minutes: "Vào hồi 08 giờ 00, ngày 05/7/2023",
// "Vào buổi sáng ngày 05/7/2023", or "Ngày 05/7/2023".
func whenText(c meeting.Conference) string {
	day := shortDate(c.HeldOn)
	t := strings.TrimSpace(c.TimeOfDay)
	if m := clockRE.FindStringSubmatch(t); m != nil {
		h, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("Vào hồi %02d giờ %s, ngày %s", h, m[2], day)
	}
	if t != "" {
		return "Vào buổi " + strings.TrimPrefix(strings.ToLower(t), "buổi ") + " ngày " + day
	}
	return "Ngày " + day
}

// people lists participants as minutes name them: "đồng chí Nguyễn Văn A
// - Phó Bí thư Thường trực Tỉnh ủy; …".
func people(ps []meeting.Participant) string {
	var out []string
	for _, p := range ps {
		s := "đồng chí " + p.Name
		if p.Title != "" {
			s += " - " + p.Title
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// conference reads conference id for a draft.
func (g *Generator) conference(ctx context.Context, p *auth.Principal, id int64) (meeting.Conference, error) {
	if id <= 0 {
		return meeting.Conference{}, apperr.NotFound("document.err.no_conference")
	}
	c, err := g.meetings.Conference(ctx, p, id)
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return c, apperr.NotFound("document.err.no_conference")
	}
	return c, err
}

// taskTable is a conference's live tasks (dropped ones left out) as a
// plan's or minutes' table.
func taskTable(tasks []meeting.Task, dueHeader string) (Table, int) {
	t := Table{Header: [][]string{{"TT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", dueHeader}}, Widths: []float64{0.8, 4.5, 2.2, 1.6}}
	for _, task := range tasks {
		if task.Status == meeting.Dropped {
			continue
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(len(t.Rows) + 1), task.Title, strings.Join(task.OwnerNames, ", "), dueText(task)})
	}
	return t, len(t.Rows)
}

func (g *Generator) minutes(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	c, err := g.conference(ctx, p, r.RecordID)
	if err != nil {
		return Generated{}, err
	}
	var att []string
	if ps := c.ByRole(meeting.Chair); len(ps) > 0 {
		att = append(att, "- Chủ trì: "+people(ps)+".")
	}
	if ps := c.ByRole(meeting.Speaker); len(ps) > 0 {
		att = append(att, "- Phát biểu chỉ đạo: "+people(ps)+".")
	}
	if ps := c.ByRole(meeting.Attendee); len(ps) > 0 {
		att = append(att, "- Đại biểu dự: "+people(ps)+".")
	}
	if len(c.AttendingNames) > 0 {
		att = append(att, "- Đại diện các đơn vị: "+strings.Join(c.AttendingNames, ", ")+".")
	}
	var report []string
	if c.Summary != "" {
		report = append(report, c.Summary)
	}
	for _, f := range c.Figures {
		line := "- " + upperFirst(f.About) + ": " + f.Display()
		if f.Unit != "" {
			line += " " + f.Unit
		}
		report = append(report, line+".")
	}
	var directions []string
	for _, sp := range c.ByRole(meeting.Speaker) {
		s := "Đồng chí " + sp.Name
		if sp.Title != "" {
			s += " - " + sp.Title
		}
		directions = append(directions, s+" phát biểu chỉ đạo.")
	}
	opening := whenText(c)
	if c.Place != "" {
		opening += ", tại " + c.Place
	}
	opening += ", " + c.UnitName + " tổ chức " + lowerFirst(c.Title) + "."
	table, n := taskTable(c.Tasks, "Thời hạn")
	var tasks []Block
	if n > 0 {
		tasks = []Block{table}
	}
	sig := Signature{Mode: SignDirect, Title: "Chủ trì hội nghị"}
	if chairs := c.ByRole(meeting.Chair); len(chairs) > 0 {
		sig.Name = chairs[0].Name
	}
	text := func(s string) string { return capRunes(Clean(s), maxPartText) }
	return Generated{
		Draft: Draft{UnitID: c.UnitID, Type: Minutes, Summary: capRunes(c.Title, maxSummary), Signature: sig,
			Recipients: []string{"Lưu Văn phòng"}, Source: Source{Kind: string(KindMinutes), ID: c.ID}},
		Parts: []Part{
			{Name: "opening", Editable: true, Text: text(opening)},
			{Name: "attendance", Level: 1, Title: "THÀNH PHẦN THAM DỰ", Editable: true, Text: text(strings.Join(att, "\n")),
				Hint: "document.hint.attendance"},
			{Name: "content", Level: 1, Title: "NỘI DUNG HỘI NGHỊ"},
			{Name: "report", Level: 2, Title: "Báo cáo kết quả", Editable: true, Text: text(strings.Join(report, "\n")),
				Hint: "document.hint.report"},
			{Name: "directions", Level: 2, Title: "Ý kiến phát biểu chỉ đạo", Editable: true, Text: text(strings.Join(directions, "\n")),
				Hint: "document.hint.directions"},
			{Name: "outcome", Level: 2, Title: "Kết luận hội nghị", Editable: true, Text: text(c.Outcome), Hint: "document.hint.outcome"},
			{Name: "tasks", Level: 1, Title: "NHIỆM VỤ ĐƯỢC GIAO", Blocks: tasks},
			{Name: "closing", Editable: true, Text: "Hội nghị kết thúc cùng ngày. Biên bản đã được thông qua tại hội nghị."},
		},
	}, nil
}

func (g *Generator) plan(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	c, err := g.conference(ctx, p, r.RecordID)
	if err != nil {
		return Generated{}, err
	}
	table, n := taskTable(c.Tasks, "Thời hạn hoàn thành")
	if n == 0 {
		return Generated{}, apperr.Invalid("hoi-nghi", "document.err.no_tasks")
	}
	summary := "Thực hiện kết luận " + lowerFirst(c.Title)
	what := "các nhiệm vụ trọng tâm được xác định tại hội nghị"
	if next, err := vntext.ParsePeriod(meeting.NextPeriod(c.Period)); err == nil && c.Period != "" {
		summary = "Thực hiện nhiệm vụ trọng tâm công tác dân vận " + next.Label()
		what = "các nhiệm vụ trọng tâm công tác dân vận " + next.Label()
	}
	var recipients []string
	seen := map[string]bool{}
	for _, t := range c.Tasks {
		for _, o := range t.OwnerNames {
			if t.Status != meeting.Dropped && !seen[o] && o != c.UnitName {
				seen[o] = true
				recipients = append(recipients, o)
			}
		}
	}
	recipients = append(recipients, "Lưu Văn phòng")
	return Generated{
		Draft: Draft{UnitID: c.UnitID, Type: Plan, Summary: capRunes(summary, maxSummary), Recipients: recipients,
			Source: Source{Kind: string(KindPlan), ID: c.ID}},
		Parts: []Part{
			{Name: "basis", Editable: true, Text: "Căn cứ kết luận tại " + lowerFirst(c.Title) + " ngày " + shortDate(c.HeldOn) + ", " +
				c.UnitName + " xây dựng kế hoạch thực hiện " + what + " như sau:"},
			{Name: "purpose", Level: 1, Title: "MỤC ĐÍCH, YÊU CẦU", Editable: true, Text: "- Cụ thể hóa " + what +
				", phân công rõ đơn vị thực hiện và thời hạn hoàn thành.\n" +
				"- Các đơn vị được giao nhiệm vụ chủ động tổ chức thực hiện, bảo đảm chất lượng, đúng tiến độ; kịp thời báo cáo khó khăn, vướng mắc."},
			{Name: "tasks", Level: 1, Title: "NỘI DUNG, NHIỆM VỤ", Blocks: []Block{table}},
			{Name: "organization", Level: 1, Title: "TỔ CHỨC THỰC HIỆN", Editable: true, Text: "- Các đơn vị được giao nhiệm vụ xây dựng kế hoạch cụ thể, " +
				"tổ chức thực hiện và báo cáo kết quả về " + c.UnitName + " khi hoàn thành hoặc khi đến hạn.\n" +
				"- Văn phòng theo dõi, đôn đốc việc thực hiện kế hoạch, tổng hợp kết quả báo cáo lãnh đạo."},
		},
	}, nil
}
