package demo

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// citizenProvinces bounds the province boards that get citizen cases.
const citizenProvinces = 3

// GenerateCitizen gives the first province boards of today's tree (at
// most three, each with at least two communes) a year of citizen affairs,
// entered through the citizen store as the boards would have: petitions
// of every kind received over the last year, most accepted and resolved
// (some after their deadline), a few still open; a mediation team in two
// communes with its logbook; dialogues held with the issues raised and
// answered; the province secretary's reception days with their visitors;
// and sentiment notes. Each province also has a petition signed by many
// people, a dispute that failed at mediation twice and a complaint left
// unanswered far past its deadline: the rules raise those three warnings.
//
// The rule on late petitions judges by today's clock, so while the past
// year is typed in it is switched off for the province (and put back to
// its setting after), as it would otherwise warn of petitions that were
// in fact resolved in time.
func GenerateCitizen(ctx context.Context, d *db.DB, opts Options) error {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "demo"})
	units := org.NewStore(d)
	g := citizenGen{st: citizen.NewStore(d, units, auth.NewStore(d, units, auth.Config{})), sys: auth.System(),
		rng: rand.New(rand.NewSource(opts.Seed + 23))}
	g.today = g.st.Today()
	tree, err := units.Tree(ctx, g.today)
	if err != nil {
		return fmt.Errorf("demo: citizen: tree: %w", err)
	}
	done := 0
	for _, p := range tree {
		if done == citizenProvinces {
			break
		}
		if p.Level != org.Province || p.Kind != org.Board {
			continue
		}
		kids, err := units.Children(ctx, p.ID, g.today)
		if err != nil {
			return fmt.Errorf("demo: citizen: children: %w", err)
		}
		var communes []org.Unit
		for _, k := range kids {
			if k.Level == org.Commune && (k.Kind == org.Board || k.Kind == org.CommuneBloc) {
				communes = append(communes, k)
			}
		}
		if len(communes) < 2 {
			continue
		}
		if err := g.province(ctx, p, communes[:2]); err != nil {
			return fmt.Errorf("demo: citizen: %s: %w", p.Code, err)
		}
		done++
	}
	return nil
}

// citizenGen enters one demo's citizen cases.
type citizenGen struct {
	st    *citizen.Store
	sys   *auth.Principal
	rng   *rand.Rand
	today time.Time
	place int // numbers the places, so that no two petitions share one by chance
}

// ago is the day n days before today.
func (g *citizenGen) ago(n int) time.Time { return g.today.AddDate(0, 0, -n) }

// nextPlace is a place no other demo petition names.
func (g *citizenGen) nextPlace() string {
	g.place++
	return fmt.Sprintf("tổ dân phố số %d", g.place)
}

var (
	demoPetitionSubjects = []struct {
		kind    citizen.Kind
		subject string
	}{
		{citizen.Complaint, "Khiếu nại mức bồi thường khi thu hồi đất làm đường"},
		{citizen.Complaint, "Khiếu nại quyết định xử lý xây dựng công trình phụ"},
		{citizen.Denunciation, "Tố cáo cán bộ địa chính gây khó khăn khi cấp giấy chứng nhận"},
		{citizen.Proposal, "Kiến nghị sửa chữa tuyến đường liên thôn xuống cấp"},
		{citizen.Proposal, "Kiến nghị lắp đèn chiếu sáng đường vào trường học"},
		{citizen.Report, "Phản ánh xưởng chế biến gỗ gây tiếng ồn ban đêm"},
		{citizen.Report, "Phản ánh việc thu gom rác không đúng lịch"},
		{citizen.Complaint, "Khiếu nại việc xét hộ nghèo năm nay"},
	}
	demoPetitioners = []string{"Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Tám", "Phạm Thị Hoa", "Hoàng Văn Nam", "Vũ Thị Lan", "Đặng Văn Sơn", "Bùi Thị Thu"}
	demoMatters     = []struct{ category, matter string }{
		{"land", "Tranh chấp ranh giới thửa đất vườn"},
		{"neighbour", "Mâu thuẫn do nước thải chảy sang nhà bên cạnh"},
		{"family", "Mâu thuẫn vợ chồng về chia tài sản chung"},
		{"inheritance", "Tranh chấp chia thừa kế nhà đất của cha mẹ"},
		{"property", "Tranh chấp tiền vay mượn giữa hai hộ"},
		{"environment", "Mâu thuẫn do chăn nuôi gây mùi"},
	}
)

// province enters a year of cases of province p, at its communes.
func (g *citizenGen) province(ctx context.Context, p org.Unit, communes []org.Unit) error {
	rules, err := g.st.RuleSettings(ctx, g.sys, p.ID)
	if err != nil {
		return err
	}
	quiet := append([]citizen.RuleSetting(nil), rules...)
	for i := range quiet {
		if quiet[i].Rule == citizen.RuleLate {
			quiet[i].Enabled = false
		}
	}
	if err := g.st.SaveRules(ctx, g.sys, p.ID, quiet); err != nil {
		return fmt.Errorf("rules: %w", err)
	}
	for _, c := range communes {
		if err := g.petitions(ctx, c); err != nil {
			return err
		}
	}
	if err := g.st.SaveRules(ctx, g.sys, p.ID, rules); err != nil {
		return fmt.Errorf("rules: %w", err)
	}
	// Today's situation, judged by every rule: a complaint nobody
	// accepted for months, a petition signed by many people.
	if _, err := g.petition(ctx, communes[0], citizen.Complaint, "Khiếu nại việc chậm chi trả tiền hỗ trợ tái định cư", g.ago(120), 1); err != nil {
		return err
	}
	if _, err := g.petition(ctx, communes[1], citizen.Proposal, "Kiến nghị di dời bãi tập kết rác gần khu dân cư", g.ago(12), 37); err != nil {
		return err
	}
	for i, c := range communes {
		if err := g.mediation(ctx, c, i == 0); err != nil {
			return err
		}
		if err := g.dialogues(ctx, c); err != nil {
			return err
		}
		if err := g.notes(ctx, c); err != nil {
			return err
		}
	}
	return g.receptions(ctx, p)
}

// petition records a petition of kind received on day at unit u.
func (g *citizenGen) petition(ctx context.Context, u org.Unit, kind citizen.Kind, subject string, on time.Time, signers int) (citizen.Petition, error) {
	src := []citizen.Source{citizen.FromMail, citizen.FromPortal, citizen.FromPhone}[g.rng.Intn(3)]
	who := citizen.Petitioner{Name: demoPetitioners[g.rng.Intn(len(demoPetitioners))], Address: "thôn " + fmt.Sprint(1+g.rng.Intn(9)) + ", " + u.Name}
	pt, err := g.st.CreatePetition(ctx, g.sys, citizen.NewPetition{UnitID: u.ID, Kind: kind, Source: src, ReceivedOn: on,
		Subject: subject, Place: g.nextPlace(), Signatories: signers, Petitioner: who})
	if err != nil {
		return pt, fmt.Errorf("petition: %w", err)
	}
	return pt, nil
}

// act applies one step to petition pt.
func (g *citizenGen) act(ctx context.Context, pt citizen.Petition, kind string, on time.Time, body string) (citizen.Petition, error) {
	if on.After(g.today) {
		on = g.today
	}
	next, err := g.st.Act(ctx, g.sys, citizen.Action{ID: pt.ID, Version: pt.Version, Kind: kind, On: on, Body: body})
	if err != nil {
		return next, fmt.Errorf("petition %d: %s: %w", pt.ID, kind, err)
	}
	return next, nil
}

// petitions enters a year of petitions at commune u: about two a month,
// most resolved within their deadline, one in five after it, the last
// weeks' still being handled.
func (g *citizenGen) petitions(ctx context.Context, u org.Unit) error {
	for i := 0; i < 24; i++ {
		s := demoPetitionSubjects[g.rng.Intn(len(demoPetitionSubjects))]
		recv := g.ago(360 - i*15 - g.rng.Intn(7))
		pt, err := g.petition(ctx, u, s.kind, s.subject, recv, 1)
		if err != nil {
			return err
		}
		if g.today.Sub(recv) < 30*24*time.Hour {
			continue // still in its first days
		}
		if pt, err = g.act(ctx, pt, "accept", recv.AddDate(0, 0, 3+g.rng.Intn(5)), ""); err != nil {
			return err
		}
		due := pt.ResolveDue
		var on time.Time
		if g.rng.Intn(5) == 0 {
			on = due.AddDate(0, 0, 5+g.rng.Intn(20)) // late
		} else {
			on = pt.AcceptedOn.AddDate(0, 0, 10+g.rng.Intn(12))
			if on.After(due) {
				on = due
			}
		}
		if !on.Before(g.today) {
			continue
		}
		if pt, err = g.act(ctx, pt, "resolve", on, "Đã giải quyết, trả lời bằng văn bản cho người gửi đơn."); err != nil {
			return err
		}
		if _, err = g.act(ctx, pt, "close", on.AddDate(0, 0, 2), ""); err != nil {
			return err
		}
	}
	return nil
}

// mediation founds commune u's mediation team and enters its logbook: a
// case about every month, most settled; with twice, the same two
// households failed twice over the same boundary.
func (g *citizenGen) mediation(ctx context.Context, u org.Unit, twice bool) error {
	t, err := g.st.CreateTeam(ctx, g.sys, citizen.NewTeam{UnitID: u.ID, Name: "Tổ hòa giải thôn 1", Area: "thôn 1", FoundedOn: g.ago(3 * 365)})
	if err != nil {
		return fmt.Errorf("team: %w", err)
	}
	for i, m := range []citizen.Mediator{{Name: "Lò Văn Thắng", Gender: "male", BirthYear: 1962, Leader: true},
		{Name: "Hà Thị Nhung", Gender: "female", BirthYear: 1975}, {Name: "Nông Văn Quý", Gender: "male", BirthYear: 1980}} {
		m.TeamID, m.From = t.ID, g.ago(3*365-i)
		if _, err := g.st.AddMediator(ctx, g.sys, m); err != nil {
			return fmt.Errorf("mediator: %w", err)
		}
	}
	record := func(recv time.Time, parties []citizen.Party, cat, matter, result string) error {
		c := citizen.Case{TeamID: t.ID, ReceivedOn: recv, MediatedOn: recv.AddDate(0, 0, 3), Mediators: "Lò Văn Thắng, Hà Thị Nhung",
			Parties: parties, Matter: matter, Category: cat, Result: result}
		if result == "success" {
			c.Agreement = "Hai bên thống nhất thỏa thuận, cam kết thực hiện."
		}
		if _, err := g.st.RecordCase(ctx, g.sys, c); err != nil {
			return fmt.Errorf("mediation case: %w", err)
		}
		return nil
	}
	for i := 0; i < 12; i++ {
		m := demoMatters[g.rng.Intn(len(demoMatters))]
		result := "success"
		if g.rng.Intn(6) == 0 {
			result = "failed"
		}
		parties := []citizen.Party{{Name: fmt.Sprintf("Hộ ông %s", demoPetitioners[i%len(demoPetitioners)]), BirthYear: 1960 + i, Address: "thôn 1, " + u.Name},
			{Name: fmt.Sprintf("Hộ bà %s (%d)", demoPetitioners[(i+3)%len(demoPetitioners)], i), BirthYear: 1970 + i, Address: "thôn 1, " + u.Name}}
		if err := record(g.ago(350-i*29), parties, m.category, m.matter, result); err != nil {
			return err
		}
	}
	if !twice {
		return nil
	}
	parties := []citizen.Party{{Name: "Ông Lương Văn Khánh", BirthYear: 1958, Address: "thôn 1, " + u.Name},
		{Name: "Bà Vi Thị Hằng", BirthYear: 1966, Address: "thôn 1, " + u.Name}}
	for _, n := range []int{75, 20} {
		if err := record(g.ago(n), parties, "land", "Tranh chấp lối đi chung giữa hai thửa đất", "failed"); err != nil {
			return err
		}
	}
	return nil
}

// dialogues holds a dialogue at commune u each quarter, with the issues
// raised and their answers; the latest one's follow-up item is still due.
func (g *citizenGen) dialogues(ctx context.Context, u org.Unit) error {
	for q := 0; q < 4; q++ {
		on := g.ago(340 - q*90)
		dl, err := g.st.PlanDialogue(ctx, g.sys, citizen.NewDialogue{UnitID: u.ID, Topic: "Đối thoại về xây dựng nông thôn mới và giải phóng mặt bằng",
			HeadName: "Đồng chí Bí thư Đảng ủy xã", HeadTitle: "Bí thư Đảng ủy", PlannedOn: on, Place: "Hội trường " + u.Name, AnnouncedOn: on.AddDate(0, 0, -10)})
		if err != nil {
			return fmt.Errorf("dialogue: %w", err)
		}
		if dl, err = g.st.UpdateDialogue(ctx, g.sys, citizen.DialogueUpdate{ID: dl.ID, Version: dl.Version, Status: "held", AnnouncedOn: on.AddDate(0, 0, -10),
			HeldOn: on, Attendance: 60 + g.rng.Intn(80), PublishedOn: on.AddDate(0, 0, 4+g.rng.Intn(8)),
			Summary: "Nhân dân nêu các ý kiến về đường giao thông, đất đai, chính sách; lãnh đạo xã trả lời trực tiếp."}); err != nil {
			return fmt.Errorf("dialogue %d: held: %w", dl.ID, err)
		}
		for i := 0; i < 3; i++ {
			ni := citizen.NewIssue{DialogueID: dl.ID, RaisedBy: demoPetitioners[g.rng.Intn(len(demoPetitioners))],
				Content: demoPetitionSubjects[g.rng.Intn(len(demoPetitionSubjects))].subject,
				Answer:  "Ủy ban nhân dân xã tiếp thu, giao bộ phận chuyên môn kiểm tra và trả lời trong tháng."}
			if q == 3 && i == 0 {
				ni.Answer, ni.ResponsibleUnitID, ni.DueOn = "", u.ID, g.today.AddDate(0, 0, 14)
			}
			if _, err := g.st.AddIssue(ctx, g.sys, ni); err != nil {
				return fmt.Errorf("dialogue %d: issue: %w", dl.ID, err)
			}
		}
	}
	return nil
}

// receptions keeps the province secretary's monthly reception day, with
// two visitors each, over the last six months.
func (g *citizenGen) receptions(ctx context.Context, p org.Unit) error {
	for m := 1; m <= 6; m++ {
		on := g.ago(m*30 + g.rng.Intn(5))
		r, err := g.st.ScheduleReception(ctx, g.sys, citizen.NewReception{UnitID: p.ID, HeadName: "Đồng chí Bí thư Tỉnh ủy", HeadTitle: "Bí thư Tỉnh ủy",
			On: on, Place: "Trụ sở Tiếp công dân tỉnh"})
		if err != nil {
			return fmt.Errorf("reception: %w", err)
		}
		for v := 0; v < 2; v++ {
			if _, err := g.st.RecordVisit(ctx, g.sys, citizen.NewVisit{ReceptionID: r.ID, Visitor: demoPetitioners[g.rng.Intn(len(demoPetitioners))],
				People: 1 + g.rng.Intn(3), About: demoPetitionSubjects[g.rng.Intn(len(demoPetitionSubjects))].subject}); err != nil {
				return fmt.Errorf("reception %d: visit: %w", r.ID, err)
			}
		}
	}
	return nil
}

// notes files a quick sentiment note and the last quarter's note at
// commune u.
func (g *citizenGen) notes(ctx context.Context, u org.Unit) error {
	quarter := g.ago(92)
	period := fmt.Sprintf("%dQ%d", quarter.Year(), (int(quarter.Month())-1)/3+1)
	for _, n := range []citizen.NewNote{
		{UnitID: u.ID, Quick: true, NotedOn: g.ago(9), Source: "Cộng tác viên dư luận xã hội thôn 2", Title: "Dư luận về giá phân bón tăng",
			Happened: "Nhiều hộ phản ánh giá phân bón vụ mới tăng cao.", Assessment: "Tâm lý lo lắng, chưa có biểu hiện phức tạp.",
			Recommendations: "Đề nghị hội nông dân xã phối hợp hướng dẫn bà con."},
		{UnitID: u.ID, Period: period, NotedOn: g.ago(60), Source: "Ban Dân vận " + u.Name, Title: "Tình hình tư tưởng nhân dân quý " + period,
			Happened: "Nhân dân phấn khởi với kết quả xây dựng nông thôn mới.", Assessment: "Tình hình ổn định.",
			Recommendations: "Tiếp tục nắm bắt tình hình ở các thôn có giải phóng mặt bằng."},
	} {
		if _, err := g.st.FileNote(ctx, g.sys, n); err != nil {
			return fmt.Errorf("sentiment note: %w", err)
		}
	}
	return nil
}
