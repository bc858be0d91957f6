package document

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// The review report (báo cáo sơ kết / tổng kết) of a unit for a six
// months or a year: its figures are the dashboard's — the approved
// reports rolled up over its subtree, as reported — with each key figure
// compared with the same period a year before and with the unit's
// emulation target; then the models recognized, the conferences held,
// how the period's key tasks ended, and the next period's tasks; the
// full figure table as an appendix.

// Bounds on what a review lists by name.
const (
	reviewModels      = 10 // recognized models named
	reviewConferences = 10 // conferences named
	reviewTasks       = 60 // tasks in the table
)

func (g *Generator) review(ctx context.Context, p *auth.Principal, r Request) (Generated, error) {
	per := r.Period
	today := g.today()
	if err := reviewPeriod(per, today); err != nil {
		return Generated{}, err
	}
	if r.UnitID <= 0 {
		return Generated{}, apperr.Invalid("unit_id", "document.err.unit")
	}
	if err := g.store.requireWrite(ctx, p, r.UnitID); err != nil {
		return Generated{}, err
	}
	next := report.Next(per)
	before := report.YearBefore(per)

	// The sections read different records: they are read at once, each
	// on its own connection (SQLite has several readers), the figures
	// (the dashboard's key figures and the appendix's table, from one
	// roll-up) on this goroutine.
	var (
		targets map[string]target
		models  string
		confs   string
		tasks   reviewTaskText
		errs    [5]error
		wg      sync.WaitGroup
	)
	wg.Go(func() { targets, errs[1] = g.targets(ctx, p, r.UnitID, per) })
	wg.Go(func() { models, errs[2] = g.reviewModels(ctx, p, r.UnitID, per) })
	wg.Go(func() { confs, errs[3] = g.reviewConferences(ctx, p, r.UnitID, per) })
	wg.Go(func() { tasks, errs[4] = g.reviewTasks(ctx, p, r.UnitID, per, today) })
	rv, err := g.reports.Review(ctx, p, report.Query{UnitID: r.UnitID, Period: per, Today: today})
	errs[0] = err
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return Generated{}, err // the first section's, as when read one by one
		}
	}
	appendix, err := g.reviewAppendix(ctx, rv)
	if err != nil {
		return Generated{}, err
	}
	u := rv.Unit
	name := u.Name
	summary := map[bool]string{true: "Sơ kết", false: "Kết quả"}[per.Kind == vntext.Half && per.Part == 1]
	if per.Kind == vntext.Year {
		summary = "Tổng kết"
	}
	summary += " công tác dân vận " + per.Label() + ", phương hướng, nhiệm vụ " + next.Label()
	figures := reviewFigures(rv, targets, before)

	parts := []Part{
		{Name: "intro", Editable: true, Text: name + " báo cáo kết quả công tác dân vận " + per.Label() +
			" và phương hướng, nhiệm vụ " + next.Label() + " như sau:"},
		{Name: "results", Level: 1, Title: "KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN " + strings.ToUpper(per.Label())},
		{Name: "figures", Level: 2, Title: "Kết quả thực hiện các chỉ tiêu chủ yếu", Editable: true, Text: figures,
			Hint: "document.hint.figures"},
		{Name: "models", Level: 2, Title: "Phong trào thi đua “Dân vận khéo”", Editable: true, Text: models,
			Hint: "document.hint.models"},
		{Name: "conferences", Level: 2, Title: "Công tác tổ chức hội nghị", Editable: true, Text: confs,
			Hint: "document.hint.conferences"},
		{Name: "tasks", Level: 2, Title: "Kết quả thực hiện nhiệm vụ trọng tâm " + per.Label(), Editable: true,
			Text: tasks.summary, Blocks: tasks.table, Hint: "document.hint.tasks"},
		{Name: "assessment", Level: 2, Title: "Đánh giá chung", Editable: true, Text: assessment(rv),
			Hint: "document.hint.assessment"},
		{Name: "next", Level: 1, Title: "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM " + strings.ToUpper(next.Label()), Editable: true,
			Text: tasks.next, Hint: "document.hint.next"},
		{Name: "proposals", Level: 1, Title: "ĐỀ XUẤT, KIẾN NGHỊ", Editable: true, Hint: "document.hint.proposals"},
		{Name: "appendix", Appendix: true, Blocks: appendix},
	}
	return Generated{
		Unit: u,
		Draft: Draft{UnitID: u.ID, Type: Report, Summary: summary, Recipients: g.defaultRecipients(ctx, p, u),
			Source: Source{Kind: string(KindReview), ID: u.ID, Period: per.String()}},
		Parts: parts,
	}, nil
}

// target is an emulation target on an indicator, and the period it was
// set for (the year, for a six-month review without a target of its
// own).
type target struct {
	value  float64
	period vntext.Period
}

// targets are the unit's emulation targets for per by indicator code:
// those of the pledges it signed for per, else for per's year.
func (g *Generator) targets(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period) (map[string]target, error) {
	out := map[string]target{}
	if g.pledges == nil {
		return out, nil
	}
	periods := []vntext.Period{per}
	if per.Kind == vntext.Half {
		periods = append(periods, vntext.Period{Kind: vntext.Year, Year: per.Year})
	}
	for _, tp := range periods {
		rows, err := g.pledges.List(ctx, p, emulation.ListFilter{Period: tp.String(), Signatory: unitID, Limit: 20})
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			pl, err := g.pledges.Pledge(ctx, p, row.ID)
			if err != nil {
				return nil, err
			}
			for _, c := range pl.Commitments {
				if _, seen := out[c.IndicatorCode]; c.Kind == emulation.Target && c.IndicatorCode != "" && !seen {
					out[c.IndicatorCode] = target{value: c.Target, period: tp}
				}
			}
		}
	}
	return out, nil
}

// figureText is a figure with its unit of measure: "1.234 vụ việc",
// "95,2%".
func figureText(ind report.Indicator, v float64) string {
	s := ind.Format(v)
	if ind.Percent || ind.Measure == "" || ind.Measure == "%" {
		return s
	}
	return s + " " + ind.Measure
}

// changeText compares a key figure with the same period a year before:
// "tăng 12,5% so với cùng kỳ", "giảm 2 điểm phần trăm so với cùng kỳ",
// "bằng cùng kỳ"; "" when there is nothing to compare.
func changeText(k report.KeyFigure) string {
	if !k.HasChange {
		return ""
	}
	unit := "%"
	if k.Points {
		unit = " điểm phần trăm"
	}
	switch {
	case k.Change > 0.05:
		return "tăng " + percent(k.Change) + unit + " so với cùng kỳ"
	case k.Change < -0.05:
		return "giảm " + percent(-k.Change) + unit + " so với cùng kỳ"
	}
	return "bằng cùng kỳ"
}

// reviewFigures drafts the key figures' paragraph: how complete the
// figures are, then one line per key indicator.
func reviewFigures(d report.Review, targets map[string]target, before vntext.Period) string {
	var lines []string
	if n := len(d.Progress); n > 0 {
		approved := d.Counts[report.Approved]
		line := fmt.Sprintf("Số liệu tổng hợp từ báo cáo đã được phê duyệt của %s/%s đơn vị trực thuộc", vntext.FormatInt(int64(approved)), vntext.FormatInt(int64(n)))
		if approved < n {
			line += fmt.Sprintf(" (%s đơn vị chưa có báo cáo được phê duyệt)", vntext.FormatInt(int64(n-approved)))
		}
		lines = append(lines, line+".")
	}
	for _, k := range d.Keys {
		ind := k.Indicator
		if !k.Now.Has {
			continue // a figure nobody reported is not written as zero
		}
		line := "- " + ind.Name + ": " + figureText(ind, k.Now.Value)
		if c := changeText(k); c != "" {
			line += ", " + c + " (" + before.Label() + ": " + figureText(ind, k.Before.Value) + ")"
		}
		if t, ok := targets[ind.Code]; ok {
			line += "; " + targetText(ind, k.Now.Value, t, d.Period)
		}
		lines = append(lines, line+".")
	}
	return strings.Join(lines, "\n")
}

// targetText compares a figure with its target: "đạt 52,3% chỉ tiêu
// giao ước thi đua năm 2023 (2.400 vụ việc)"; a percentage reached or
// not: "đạt chỉ tiêu giao ước thi đua (90%)".
func targetText(ind report.Indicator, v float64, t target, per vntext.Period) string {
	of := "chỉ tiêu giao ước thi đua"
	if t.period != per {
		of += " " + t.period.Label()
	}
	if ind.Percent {
		if v >= t.value {
			return "đạt " + of + " (" + figureText(ind, t.value) + ")"
		}
		return "chưa đạt " + of + " (" + figureText(ind, t.value) + ")"
	}
	if t.value <= 0 {
		return of + ": " + figureText(ind, t.value)
	}
	return "đạt " + percent(v/t.value*100) + "% " + of + " (" + figureText(ind, t.value) + ")"
}

// assessment drafts the general assessment from the key figures: how
// many rose and which fell.
func assessment(d report.Review) string {
	var up, down, compared int
	var fell []string
	for _, k := range d.Keys {
		if !k.HasChange {
			continue
		}
		compared++
		switch {
		case k.Change > 0.05:
			up++
		case k.Change < -0.05:
			down++
			fell = append(fell, lowerFirst(k.Indicator.Name))
		}
	}
	if compared == 0 {
		return ""
	}
	line := fmt.Sprintf("So với cùng kỳ, %d/%d chỉ tiêu chủ yếu tăng", up, compared)
	if down > 0 {
		line += fmt.Sprintf(", %d chỉ tiêu giảm (%s)", down, strings.Join(fell, "; "))
	}
	return line + "."
}

// reviewModels drafts the models' paragraph: how many were registered
// and recognized in the period in the unit's subtree as it stood then,
// by field, and the first recognized ones by name.
func (g *Generator) reviewModels(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period) (string, error) {
	ms, err := g.practices.InPeriod(ctx, p, unitID, per, reviewModels)
	if err != nil {
		return "", err
	}
	if ms.Registered == 0 && ms.Recognized == 0 {
		return "", nil
	}
	line := fmt.Sprintf("Trong kỳ, có %s mô hình “Dân vận khéo” đăng ký mới và %s mô hình được công nhận",
		vntext.FormatInt(int64(ms.Registered)), vntext.FormatInt(int64(ms.Recognized)))
	var byField []string
	for _, fl := range practice.Fields {
		if n := ms.RecognizedByField[fl]; n > 0 {
			byField = append(byField, "lĩnh vực "+strings.ToLower(fl.Label())+" "+vntext.FormatInt(int64(n)))
		}
	}
	if len(byField) > 0 {
		line += " (" + strings.Join(byField, ", ") + ")"
	}
	lines := []string{line + "."}
	if ms.Recognized == 0 {
		return lines[0], nil
	}
	lines[0] = strings.TrimSuffix(lines[0], ".") + ", trong đó có:"
	for _, m := range ms.Named {
		l := "- Mô hình “" + m.Name + "” (" + m.UnitName
		if m.DecisionNo != "" {
			l += ", Quyết định số " + m.DecisionNo
		}
		lines = append(lines, l+");")
	}
	if more := ms.Recognized - len(ms.Named); more > 0 {
		lines = append(lines, fmt.Sprintf("- Và %s mô hình khác.", vntext.FormatInt(int64(more))))
	} else if n := len(lines); n > 1 {
		lines[n-1] = strings.TrimSuffix(lines[n-1], ";") + "."
	}
	return strings.Join(lines, "\n"), nil
}

// reviewConferences drafts the conferences' paragraph: how many the
// unit and the units below held in the period, by kind, and the first of
// them by date.
func (g *Generator) reviewConferences(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period) (string, error) {
	f := meeting.Filter{UnitID: unitID, From: per.Start(), To: per.End(), Limit: reviewConferences, Asc: true}
	rows, total, err := g.meetings.List(ctx, p, f)
	if err != nil {
		return "", err
	}
	if total == 0 {
		return "", nil
	}
	counts, err := g.meetings.CountByKind(ctx, p, f)
	if err != nil {
		return "", err
	}
	var byKind []string
	for _, k := range meeting.Kinds {
		if n := counts[k]; n > 0 {
			byKind = append(byKind, strings.ToLower(meetingKind(k))+" "+vntext.FormatInt(int64(n)))
		}
	}
	line := "Trong kỳ, đã tổ chức " + vntext.FormatInt(int64(total)) + " hội nghị"
	if len(byKind) > 0 {
		line += " (" + strings.Join(byKind, ", ") + ")"
	}
	lines := []string{line + ", trong đó:"}
	for _, c := range rows {
		lines = append(lines, "- Ngày "+shortDate(c.HeldOn)+", "+c.UnitName+" tổ chức "+lowerFirst(c.Title)+";")
	}
	if more := total - len(rows); more > 0 {
		lines = append(lines, fmt.Sprintf("- Và %s hội nghị khác.", vntext.FormatInt(int64(more))))
	} else {
		lines[len(lines)-1] = strings.TrimSuffix(lines[len(lines)-1], ";") + "."
	}
	return strings.Join(lines, "\n"), nil
}

// meetingKind is a conference kind's Vietnamese name.
func meetingKind(k meeting.Kind) string { return meeting.Messages[k.Label().Key].VI() }

// lowerFirst lower-cases a title's first letter when the second is not a
// capital too ("Hội nghị …" → "hội nghị …", "HĐND" stays).
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) > 1 && strings.ToUpper(string(rs[1])) != string(rs[1]) {
		return strings.ToLower(string(rs[0])) + string(rs[1:])
	}
	return s
}

// reviewTaskText is what the review says of the key tasks.
type reviewTaskText struct {
	summary string  // how the period's tasks ended
	table   []Block // the period's tasks, one row each
	next    string  // the next period's tasks, one line each
}

// reviewTasks reads the key tasks set by the unit's own conferences
// (held from a year before the period to the end of the next one): those
// due in the period, and how they ended; those due in the next period.
func (g *Generator) reviewTasks(ctx context.Context, p *auth.Principal, unitID int64, per vntext.Period, today time.Time) (reviewTaskText, error) {
	next := report.Next(per)
	var due, coming, open []meeting.Task
	ts, err := g.meetings.TasksSet(ctx, p, unitID, per.Start().AddDate(-1, 0, 0), next.End(), per.Start(), next.End())
	if err != nil {
		return reviewTaskText{}, err
	}
	for _, t := range ts {
		switch {
		case within(t.DueEnd, per):
			due = append(due, t)
			if !t.Status.Closed() {
				open = append(open, t)
			}
		case within(t.DueEnd, next):
			coming = append(coming, t)
		}
	}
	var out reviewTaskText
	if len(due) > 0 {
		n := map[meeting.Status]int{}
		for _, t := range due {
			n[t.Status]++
		}
		line := fmt.Sprintf("Trong số %d nhiệm vụ trọng tâm đề ra cho %s, đã hoàn thành %d, đang thực hiện %d, chưa thực hiện %d",
			len(due), per.Label(), n[meeting.Done], n[meeting.InProgress], n[meeting.Open])
		if n[meeting.Dropped] > 0 {
			line += fmt.Sprintf(", dừng thực hiện %d", n[meeting.Dropped])
		}
		out.summary = line + "."
		t := Table{Header: [][]string{{"TT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Kết quả"}}, Widths: []float64{0.7, 3.5, 2, 2, 2.2}}
		for i, task := range due {
			if i == reviewTasks {
				t.Rows = append(t.Rows, []string{"", fmt.Sprintf("Và %d nhiệm vụ khác", len(due)-reviewTasks)})
				break
			}
			t.Rows = append(t.Rows, []string{fmt.Sprint(i + 1), task.Title, strings.Join(task.OwnerNames, ", "), dueText(task), taskResult(task, today)})
		}
		out.table = []Block{t}
	}
	var lines []string
	for _, t := range coming {
		lines = append(lines, "- "+strings.TrimSuffix(t.Title, ".")+taskWho(t)+".")
	}
	if len(open) > 0 {
		lines = append(lines, fmt.Sprintf("- Tiếp tục thực hiện %d nhiệm vụ chưa hoàn thành của %s.", len(open), per.Label()))
	}
	out.next = strings.Join(lines, "\n")
	return out, nil
}

// within reports whether day falls in per.
func within(day time.Time, per vntext.Period) bool {
	return !day.IsZero() && !day.Before(per.Start()) && !day.After(per.End())
}

// dueText says when a task is due: a date, or a period's name.
func dueText(t meeting.Task) string {
	if !t.DueOn.IsZero() {
		return shortDate(t.DueOn)
	}
	if per, err := vntext.ParsePeriod(t.Period); err == nil {
		return upperFirst(per.Label())
	}
	return ""
}

// taskWho is " (đơn vị thực hiện: …; thời hạn: …)" for a task.
func taskWho(t meeting.Task) string {
	var parts []string
	if len(t.OwnerNames) > 0 {
		parts = append(parts, "đơn vị thực hiện: "+strings.Join(t.OwnerNames, ", "))
	}
	if d := dueText(t); d != "" {
		parts = append(parts, "thời hạn: "+lowerFirst(d))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// taskResult says how a task ended, or where it stands on today.
func taskResult(t meeting.Task, today time.Time) string {
	switch t.Status {
	case meeting.Done:
		if !t.ClosedOn.IsZero() {
			return "Hoàn thành (" + shortDate(t.ClosedOn) + ")"
		}
		return "Hoàn thành"
	case meeting.Dropped:
		if t.DropReason != "" {
			return "Dừng thực hiện: " + t.DropReason
		}
		return "Dừng thực hiện"
	case meeting.InProgress:
		if t.Overdue(today) {
			return "Đang thực hiện, quá hạn"
		}
		return "Đang thực hiện"
	}
	if t.Overdue(today) {
		return "Chưa thực hiện, quá hạn"
	}
	return "Chưa thực hiện"
}

// upperFirst capitalizes a label's first letter ("6 tháng đầu năm" stays).
func upperFirst(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	return strings.ToUpper(string(rs[0])) + string(rs[1:])
}

// reviewAppendix is the full figure table: every indicator valid in the
// period with a figure in it or a year before, by field, with the
// comparison.
func (g *Generator) reviewAppendix(ctx context.Context, rv report.Review) ([]Block, error) {
	inds, err := g.reports.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	per, before := rv.Period, rv.YearBefore
	now, prev := rv.Figures.Now, rv.Figures.Before
	t := Table{
		Header: [][]string{{"TT", "Chỉ tiêu", "Đơn vị tính", upperFirst(per.Label()), upperFirst(before.Label()), "So với cùng kỳ"}},
		Widths: []float64{0.8, 4.0, 1.3, 1.5, 1.5, 1.4},
	}
	for fi, field := range report.Fields {
		var rows [][]string
		for _, ind := range inds {
			if ind.Field != field || !ind.ValidIn(per) {
				continue
			}
			a, b := now[ind.ID], prev[ind.ID]
			if !a.Has && !b.Has {
				continue
			}
			cell := func(f report.Figure) string {
				if !f.Has {
					return "–"
				}
				return ind.Format(f.Value)
			}
			measure := ind.Measure
			rows = append(rows, []string{fmt.Sprint(len(rows) + 1), ind.Name, measure, cell(a), cell(b), compareCell(ind, a, b)})
		}
		if len(rows) == 0 {
			continue
		}
		t.Rows = append(t.Rows, []string{romanNumeral(fi + 1), strings.ToUpper(report.Messages[report.FieldMessage(field).Key].VI())})
		t.Rows = append(t.Rows, rows...)
	}
	if len(t.Rows) == 0 {
		return nil, nil
	}
	return []Block{
		PageBreak{},
		Paragraph{Align: Center, Runs: []Run{{Text: "PHỤ LỤC", Bold: true}}},
		Paragraph{Align: Center, Runs: []Run{{Text: "Số liệu kết quả công tác dân vận " + per.Label(), Bold: true}}},
		Paragraph{Align: Center, Runs: []Run{{Text: "(Tổng hợp từ báo cáo đã được phê duyệt của các đơn vị)", Italic: true}}},
		t,
	}, nil
}

// compareCell is the table's comparison with the year before: "+12,5%",
// "−3%", "+2,1 điểm" for a percentage, "" when there is nothing to
// compare. It is the dashboard's change.
func compareCell(ind report.Indicator, a, b report.Figure) string {
	if !a.Has || !b.Has {
		return ""
	}
	var v float64
	suffix := "%"
	switch {
	case ind.Percent:
		v, suffix = a.Value-b.Value, " điểm"
	case b.Value != 0:
		v = (a.Value - b.Value) / b.Value * 100
	default:
		return ""
	}
	switch {
	case v > 0.05:
		return "+" + percent(v) + suffix
	case v < -0.05:
		return "−" + percent(-v) + suffix
	}
	return "0" + suffix
}
