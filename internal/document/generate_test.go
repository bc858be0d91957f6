package document

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// genEnv is the world a generator test drafts from: the fixture tree on
// 10 July 2024 with Lạng Sơn's figures for 2023S1 and 2024S1, a pledge
// with a target, models, conferences and tasks.
type genEnv struct {
	t       *testing.T
	ctx     context.Context
	w       *fixture.World
	store   *Store
	gen     *Generator
	reports *report.Store
	meet    *meeting.Store
	models  *practice.Store
	pledges *emulation.Store

	officerLS, viewerLS, officerQL, officerST *auth.Principal
	// The records drafted from.
	recognized, older           practice.Practice
	review, nextReview, commune meeting.Conference
}

var genNow = time.Date(2024, 7, 10, 3, 0, 0, 0, time.UTC)

func newGenEnv(t *testing.T, d *db.DB) *genEnv {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	w := fixture.NewWorld(t, d, genNow)
	files, err := blob.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &genEnv{t: t, ctx: ctx, w: w, store: NewStore(d, w.Org, w.Auth, files, DefaultSettings())}
	e.reports = report.NewStore(d, w.Org, w.Auth)
	e.meet = meeting.NewStore(d, w.Org, w.Auth)
	e.models = practice.NewStore(d, w.Org, w.Auth, files)
	e.pledges = emulation.NewStore(d, w.Org, w.Auth, e.meet)
	e.gen = NewGenerator(e.store, Sources{Reports: e.reports, Meetings: e.meet, Practices: e.models, Pledges: e.pledges})
	e.officerLS = w.Person("officer.ls", auth.RoleOfficer, w.LangSon.ID)
	e.viewerLS = w.Person("viewer.ls", auth.RoleViewer, w.LangSon.ID)
	e.officerQL = w.Person("officer.ql", auth.RoleOfficer, w.QuangLang.ID)
	e.officerST = w.Person("officer.st", auth.RoleOfficer, w.SocTrang.ID)
	for _, is := range []Issuer{
		{UnitID: w.LangSon.ID, From: fixture.Start, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"},
		{UnitID: w.QuangLang.ID, From: fixture.Start, Code: "KDV", Name: "Khối Dân vận", Superior: "Đảng ủy xã Quang Lang", Place: "Quang Lang"},
	} {
		if _, err := e.store.SetIssuer(ctx, w.Admin, is); err != nil {
			t.Fatal(err)
		}
	}
	e.figures()
	e.records()
	return e
}

func (e *genEnv) must(err error) {
	e.t.Helper()
	if err != nil {
		e.t.Fatal(err)
	}
}

// Figures: the standard catalogue; approved reports of the four Lạng
// Sơn communes for 2024S1 (one only submitted) and of two for 2023S1.
func (e *genEnv) figures() {
	ctx, w := e.ctx, e.w
	e.must(e.reports.SeedCatalogue(ctx, nil))
	form, err := e.reports.FormByCode(ctx, report.FormHalf)
	e.must(err)
	inds, err := e.reports.Indicators(ctx)
	e.must(err)
	code := map[string]int64{}
	for _, i := range inds {
		code[i.Code] = i.ID
	}
	vals := func(an01, an02, dv02 float64) report.Values {
		return report.Values{{IndicatorID: code["AN01"]}: an01, {IndicatorID: code["AN02"]}: an02, {IndicatorID: code["DV02"]}: dv02}
	}
	s1, before := period(e.t, "2024S1"), period(e.t, "2023S1")
	lr := func(u org.Unit, p vntext.Period, st report.Status, v report.Values) report.LoadReport {
		return report.LoadReport{UnitID: u.ID, FormID: form.ID, Period: p, Status: st, Values: v}
	}
	e.must(e.reports.Load(ctx, []report.LoadReport{
		lr(w.QuangLang, s1, report.Approved, vals(60, 50, 120)),
		lr(w.MaiSao, s1, report.Approved, vals(30, 25, 80)),
		lr(w.DongDang, s1, report.Approved, vals(40, 30, 100)),
		lr(w.HopThanh, s1, report.Submitted, vals(900, 900, 900)), // not approved: not counted
		lr(w.QuangLang, before, report.Approved, vals(50, 40, 150)),
		lr(w.DongDang, before, report.Approved, vals(45, 40, 150)),
		lr(w.SocTrang, s1, report.Approved, vals(7, 7, 7)), // another province
	}))
}

// Records: a pledge Lạng Sơn signed with the centre for 2024 (AN02 ≥
// 200), models of Quang Lang, and the province's review conferences.
func (e *genEnv) records() {
	ctx, w := e.ctx, e.w
	_, err := e.pledges.Create(ctx, w.Admin, emulation.Pledge{UnitID: w.Central.ID, Title: "Giao ước thi đua năm 2024", Period: "2024",
		SignedOn: date(2024, 1, 15), Commitments: []emulation.Commitment{
			{Kind: emulation.Target, IndicatorCode: "AN02", Target: 200, Description: "Hòa giải thành công 200 vụ việc", MaxScore: 10}},
		Signatories: []emulation.Signatory{{UnitID: w.LangSon.ID, Signer: "Hoàng Văn Bình"}}})
	e.must(err)
	mk := func(name string, started time.Time) practice.Practice {
		m, err := e.models.Create(ctx, e.officerQL, practice.Input{UnitID: w.QuangLang.ID, Name: name, Field: practice.Economy,
			OwnerType: practice.Collective, OwnerName: "Chi hội Nông dân thôn Nà Pài", StartedOn: started})
		e.must(err)
		return m
	}
	recognize := func(m practice.Practice, started, on time.Time, no string) practice.Practice {
		_, err := e.models.Start(ctx, e.officerQL, m.ID, started)
		e.must(err)
		m, err = e.models.Recognize(ctx, w.Admin, m.ID, practice.Recognition{ByUnitID: w.ChiLang.ID, DecisionNo: no, On: on})
		e.must(err)
		return m
	}
	e.recognized = recognize(mk("Vườn mẫu, cổng ngõ xanh", date(2023, 9, 1)), date(2023, 10, 1), date(2024, 3, 20), "125-QĐ/HU")
	e.older = recognize(mk("Tiếng kẻng an ninh", date(2022, 1, 10)), date(2022, 2, 1), date(2023, 5, 2), "98-QĐ/HU")
	mk("Chỉnh trang vườn nhà", date(2024, 2, 1))

	s2 := "2023S2"
	e.review = meeting.Conference{UnitID: w.LangSon.ID, Kind: meeting.TongKet, Title: "Hội nghị tổng kết công tác dân vận năm 2023",
		HeldOn: date(2023, 12, 28), TimeOfDay: "08:00", Place: "Hội trường Tỉnh ủy", Period: s2,
		Summary: "Các cấp đã chủ động tham mưu, thực hiện tốt công tác dân vận.", Outcome: "Hội nghị thống nhất nhiệm vụ năm 2024.",
		Participants: []meeting.Participant{
			{Name: "Nguyễn Văn Thạch", Title: "Phó Bí thư Thường trực Tỉnh ủy", Role: meeting.Chair},
			{Name: "Lê Thị Hoa", Title: "Trưởng Ban Dân vận Tỉnh ủy", Role: meeting.Speaker},
			{Name: "Phạm Văn Tứ", Title: "Phó Chủ tịch Ủy ban MTTQ tỉnh", Role: meeting.Attendee}},
		Figures: []meeting.Figure{{Value: 95, Unit: "vụ việc", About: "hòa giải thành công"}},
		Tasks: []meeting.Task{
			{Title: "Đẩy mạnh phong trào thi đua “Dân vận khéo”", Period: "2024S1", Status: meeting.Done, ClosedOn: date(2024, 6, 1), Owners: []int64{w.ChiLang.ID}},
			{Title: "Làm tốt công tác hòa giải ở cơ sở", Period: "2024S1", Status: meeting.InProgress, Owners: []int64{w.CaoLoc.ID}},
			{Title: "Tổ chức đối thoại với Nhân dân", DueOn: date(2024, 3, 31), Status: meeting.Open, Owners: []int64{w.ChiLang.ID, w.CaoLoc.ID}},
		}}
	e.nextReview = meeting.Conference{UnitID: w.LangSon.ID, Kind: meeting.SoKet, Title: "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024",
		HeldOn: date(2024, 6, 27), Period: "2024S1",
		Tasks: []meeting.Task{{Title: "Tuyên truyền Quy chế dân chủ ở cơ sở", Period: "2024S2", Status: meeting.Open, Owners: []int64{w.ChiLang.ID}}}}
	e.commune = meeting.Conference{UnitID: w.QuangLang.ID, Kind: meeting.DoiThoai, Title: "Hội nghị đối thoại với Nhân dân xã Quang Lang",
		HeldOn: date(2024, 4, 12)}
	other := meeting.Conference{UnitID: w.SocTrang.ID, Kind: meeting.SoKet, Title: "Hội nghị của Sóc Trăng", HeldOn: date(2024, 5, 5)}
	cs := []meeting.Conference{e.review, e.nextReview, e.commune, other}
	_, err = e.meet.CreateBatch(ctx, cs)
	e.must(err)
	rows, _, err := e.meet.List(ctx, w.Admin, meeting.Filter{Limit: 10, Asc: true})
	e.must(err)
	for _, r := range rows {
		for _, c := range []*meeting.Conference{&e.review, &e.nextReview, &e.commune} {
			if r.Title == c.Title {
				c.ID = r.ID
			}
		}
	}
}

func period(t *testing.T, code string) vntext.Period {
	t.Helper()
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func part(g Generated, key string) Part {
	for _, p := range g.Parts {
		if p.Name == key {
			return p
		}
	}
	return Part{}
}

// bodyText is the body's text, blocks joined by new lines, table cells
// by " | ".
func bodyText(bs []Block) string {
	var b strings.Builder
	for _, x := range bs {
		switch x := x.(type) {
		case Heading:
			b.WriteString(x.Text + "\n")
		case Paragraph:
			for _, r := range x.Runs {
				b.WriteString(r.Text)
			}
			b.WriteString("\n")
		case List:
			b.WriteString(strings.Join(x.Items, "\n") + "\n")
		case Table:
			for _, r := range append(x.Header, x.Rows...) {
				b.WriteString(strings.Join(r, " | ") + "\n")
			}
		}
	}
	return b.String()
}

// TestReviewReportDraftsFromRecords drafts Lạng Sơn's review for 2024S1
// and checks every part against the records: the key figures and their
// comparisons with a year before and with the pledge's target (only
// approved reports count), the models recognized in the period (not
// before), the conferences of the subtree, how the period's tasks
// ended, the next period's tasks, the appendix's figure table.
func TestReviewReportDraftsFromRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newGenEnv(t, d)
		g, err := e.gen.Draft(e.ctx, e.officerLS, Request{Kind: KindReview, UnitID: e.w.LangSon.ID, Period: period(t, "2024S1")})
		if err != nil {
			t.Fatal(err)
		}
		dr := g.Draft
		if dr.Type != Report || dr.Summary != "Sơ kết công tác dân vận 6 tháng đầu năm 2024, phương hướng, nhiệm vụ 6 tháng cuối năm 2024" ||
			dr.Source != (Source{Kind: "review", ID: e.w.LangSon.ID, Period: "2024S1"}) || dr.UnitID != e.w.LangSon.ID {
			t.Errorf("draft %+v", dr)
		}
		// AN02: 50 + 25 + 30 approved now (the submitted 900 is left
		// out), 40 + 40 a year before: +31,2%; 105 of the year's 200.
		figures := part(g, "figures").Text
		for _, want := range []string{
			"Số liệu tổng hợp từ báo cáo đã được phê duyệt của",
			"- Vụ việc hòa giải thành công: 105 vụ việc, tăng 31,2% so với cùng kỳ (6 tháng đầu năm 2023: 80 vụ việc); đạt 52,5% chỉ tiêu giao ước thi đua năm 2024 (200 vụ việc).",
			"- Cán bộ, đảng viên được bồi dưỡng nghiệp vụ công tác dân vận: 300 người, bằng cùng kỳ (6 tháng đầu năm 2023: 300 người).",
			"- Tỷ lệ hòa giải thành công: 80,8%, giảm 3,4 điểm phần trăm so với cùng kỳ (6 tháng đầu năm 2023: 84,2%).",
		} {
			if !strings.Contains(figures, want) {
				t.Errorf("figures lack %q:\n%s", want, figures)
			}
		}
		if strings.Contains(figures, "900") || strings.Contains(figures, "1.005") || strings.Contains(figures, "Tiền ủng hộ") {
			t.Errorf("figures count a report that is not approved, or name a figure nobody reported:\n%s", figures)
		}
		models := part(g, "models").Text
		if !strings.Contains(models, "1 mô hình “Dân vận khéo” đăng ký mới và 1 mô hình được công nhận (lĩnh vực kinh tế 1)") ||
			!strings.Contains(models, "- Mô hình “Vườn mẫu, cổng ngõ xanh” (") || !strings.Contains(models, "Quyết định số 125-QĐ/HU") ||
			strings.Contains(models, "Tiếng kẻng") {
			t.Errorf("models:\n%s", models)
		}
		confs := part(g, "conferences").Text
		if !strings.Contains(confs, "Trong kỳ, đã tổ chức 2 hội nghị (sơ kết 1, đối thoại 1)") ||
			!strings.Contains(confs, "- Ngày 12/04/2024, Khối Dân vận xã Quang Lang tổ chức hội nghị đối thoại với Nhân dân xã Quang Lang;") ||
			strings.Contains(confs, "Sóc Trăng") {
			t.Errorf("conferences:\n%s", confs)
		}
		tasks := part(g, "tasks")
		if tasks.Text != "Trong số 3 nhiệm vụ trọng tâm đề ra cho 6 tháng đầu năm 2024, đã hoàn thành 1, đang thực hiện 1, chưa thực hiện 1." {
			t.Errorf("tasks: %q", tasks.Text)
		}
		table := bodyText(tasks.Blocks)
		for _, want := range []string{"1 | Đẩy mạnh phong trào thi đua “Dân vận khéo” | Ban Dân vận Huyện ủy Chi Lăng | 6 tháng đầu năm 2024 | Hoàn thành (01/06/2024)",
			"Tổ chức đối thoại với Nhân dân | Ban Dân vận Huyện ủy Chi Lăng, Ban Dân vận Huyện ủy Cao Lộc | 31/03/2024 | Chưa thực hiện, quá hạn"} {
			if !strings.Contains(table, want) {
				t.Errorf("task table lacks %q:\n%s", want, table)
			}
		}
		next := part(g, "next").Text
		if !strings.Contains(next, "- Tuyên truyền Quy chế dân chủ ở cơ sở (đơn vị thực hiện: Ban Dân vận Huyện ủy Chi Lăng; thời hạn: 6 tháng cuối năm 2024).") ||
			!strings.Contains(next, "- Tiếp tục thực hiện 2 nhiệm vụ chưa hoàn thành của 6 tháng đầu năm 2024.") {
			t.Errorf("next:\n%s", next)
		}
		appendix := bodyText(part(g, "appendix").Blocks)
		for _, want := range []string{"PHỤ LỤC", "TT | Chỉ tiêu | Đơn vị tính | 6 tháng đầu năm 2024 | 6 tháng đầu năm 2023 | So với cùng kỳ",
			"| Vụ việc hòa giải thành công | vụ việc | 105 | 80 | +31,2%", "| Tỷ lệ hòa giải thành công | % | 80,8% | 84,2% | −3,4 điểm",
			"IV | QUỐC PHÒNG – AN NINH"} {
			if !strings.Contains(appendix, want) {
				t.Errorf("appendix lacks %q:\n%s", want, appendix)
			}
		}
		// The body is laid out from the parts, with numbered headings.
		body := bodyText(dr.Body)
		for _, want := range []string{"I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2024", "1. Kết quả thực hiện các chỉ tiêu chủ yếu",
			"II. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024"} {
			if !strings.Contains(body, want) {
				t.Errorf("body lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, "ĐỀ XUẤT, KIẾN NGHỊ") {
			t.Errorf("an empty part shows its heading:\n%s", body)
		}
		if !strings.Contains(strings.Join(dr.Recipients, "\n"), "Thường trực Tỉnh ủy Lạng Sơn (để báo cáo)") {
			t.Errorf("recipients %q", dr.Recipients)
		}
	})
}

// TestEditAndIssueGenerated: a person's edits replace the drafted
// narrative and keep the fixed tables; the issued register row keeps
// the source and the wording; a correction drafted from the record
// reads the wording back.
func TestEditAndIssueGenerated(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newGenEnv(t, d)
		req := Request{Kind: KindReview, UnitID: e.w.LangSon.ID, Period: period(t, "2024S1")}
		g, err := e.gen.Draft(e.ctx, e.officerLS, req)
		if err != nil {
			t.Fatal(err)
		}
		summary := "Sơ kết công tác dân vận 6 tháng đầu năm 2024"
		g.Apply(Edits{Summary: &summary, Parts: map[string]string{"assessment": "Đánh giá do cán bộ viết.\nDòng thứ hai.",
			"proposals": "Đề nghị Ban Dân vận Trung ương hướng dẫn.", "appendix": "bị bỏ qua", "nope": "x"},
			Signature:  &Signature{Mode: SignDeputy, For: "Trưởng ban", Title: "Phó Trưởng ban", Name: "Hoàng Thị Lan"},
			Recipients: []string{"Ban Dân vận Trung ương", "Lưu Văn phòng"}})
		body := bodyText(append(append([]Block{}, g.Draft.Body...), g.Draft.Appendix...))
		for _, want := range []string{"Đánh giá do cán bộ viết.\nDòng thứ hai.\n", "III. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị Ban Dân vận Trung ương hướng dẫn.",
			"| Vụ việc hòa giải thành công | vụ việc | 105 | 80 | +31,2%"} {
			if !strings.Contains(body, want) {
				t.Errorf("edited body lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, "bị bỏ qua") {
			t.Error("a fixed part took an edit")
		}
		rec, err := e.store.Issue(e.ctx, e.officerLS, g.Draft)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Number != "01-BC/BDVTU" || rec.Source != g.Draft.Source || rec.Summary != summary ||
			rec.Parts["assessment"] != "Đánh giá do cán bộ viết.\nDòng thứ hai." || rec.Signature.Mode != SignDeputy {
			t.Errorf("record %+v", rec)
		}
		// The documents drafted from this record are found by source.
		recs, n, err := e.store.List(e.ctx, e.viewerLS, Filter{Source: Source{Kind: "review", ID: e.w.LangSon.ID, Period: "2024S1"}})
		if err != nil || n != 1 || recs[0].ID != rec.ID {
			t.Errorf("by source: %d %v", n, err)
		}
		if _, n, _ := e.store.List(e.ctx, e.viewerLS, Filter{Source: Source{Kind: "review", ID: e.w.LangSon.ID, Period: "2023S1"}}); n != 0 {
			t.Errorf("another period finds %d", n)
		}
		// The next draft of the unit signs as the last one did.
		g2, err := e.gen.Draft(e.ctx, e.officerLS, Request{Kind: KindFree, UnitID: e.w.LangSon.ID, Type: Notice})
		if err != nil {
			t.Fatal(err)
		}
		if g2.Draft.Signature != rec.Signature || g2.Draft.Type != Notice {
			t.Errorf("free draft %+v", g2.Draft)
		}
	})
}

// TestDraftScope: a draft needs the write permission on the issuing
// unit, and reads records only within the drafter's scope.
func TestDraftScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newGenEnv(t, d)
		ls := e.w.LangSon.ID
		for _, c := range []struct {
			who  string
			p    *auth.Principal
			r    Request
			code apperr.Code
		}{
			{"a viewer", e.viewerLS, Request{Kind: KindReview, UnitID: ls, Period: period(t, "2024S1")}, apperr.CodeForbidden},
			{"another province", e.officerST, Request{Kind: KindReview, UnitID: ls, Period: period(t, "2024S1")}, apperr.CodeForbidden},
			{"a commune below", e.officerQL, Request{Kind: KindReview, UnitID: ls, Period: period(t, "2024S1")}, apperr.CodeForbidden},
			{"another province's models", e.officerST, Request{Kind: KindModels, UnitID: ls, Period: period(t, "2024S1")}, apperr.CodeForbidden},
			{"another province's minutes", e.officerST, Request{Kind: KindMinutes, RecordID: e.review.ID}, apperr.CodeForbidden},
			{"a commune's plan of the province", e.officerQL, Request{Kind: KindPlan, RecordID: e.review.ID}, apperr.CodeForbidden},
			{"nobody", nil, Request{Kind: KindReview, UnitID: ls, Period: period(t, "2024S1")}, apperr.CodeUnauthorized},
			{"a quarter", e.officerLS, Request{Kind: KindReview, UnitID: ls, Period: period(t, "2024Q1")}, apperr.CodeInvalid},
			{"a future period", e.officerLS, Request{Kind: KindReview, UnitID: ls, Period: period(t, "2025S1")}, apperr.CodeInvalid},
			{"an unknown kind", e.officerLS, Request{Kind: "commendation", UnitID: ls}, apperr.CodeInvalid},
			{"an unknown conference", e.officerLS, Request{Kind: KindMinutes, RecordID: 999999}, apperr.CodeNotFound},
		} {
			_, err := e.gen.Draft(e.ctx, c.p, c.r)
			if got := apperr.CodeOf(err); got != c.code {
				if got == apperr.CodeNotFound && c.code == apperr.CodeForbidden {
					continue // a record out of scope is not found
				}
				t.Errorf("%s: %v (%s), want %s", c.who, err, got, c.code)
			}
		}
		// The commune's officer drafts the commune's register, which
		// holds its models only.
		g, err := e.gen.Draft(e.ctx, e.officerQL, Request{Kind: KindModels, UnitID: e.w.QuangLang.ID, Period: period(t, "2024S1")})
		if err != nil {
			t.Fatal(err)
		}
		if tb := bodyText(part(g, "table").Blocks); !strings.Contains(tb, "Chỉnh trang vườn nhà") || strings.Contains(tb, "Vườn mẫu") {
			t.Errorf("register of 2024S1:\n%s", tb)
		}
	})
}

// TestMinutesAndPlanFromConference drafts the minutes and the plan of
// the province's year-end review.
func TestMinutesAndPlanFromConference(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newGenEnv(t, d)
		m, err := e.gen.Draft(e.ctx, e.officerLS, Request{Kind: KindMinutes, RecordID: e.review.ID})
		if err != nil {
			t.Fatal(err)
		}
		body := bodyText(m.Draft.Body)
		for _, want := range []string{
			"Vào hồi 08 giờ 00, ngày 28/12/2023, tại Hội trường Tỉnh ủy, Ban Dân vận Tỉnh ủy Lạng Sơn tổ chức hội nghị tổng kết công tác dân vận năm 2023.",
			"I. THÀNH PHẦN THAM DỰ", "- Chủ trì: đồng chí Nguyễn Văn Thạch - Phó Bí thư Thường trực Tỉnh ủy.",
			"- Phát biểu chỉ đạo: đồng chí Lê Thị Hoa - Trưởng Ban Dân vận Tỉnh ủy.",
			"II. NỘI DUNG HỘI NGHỊ", "1. Báo cáo kết quả", "- Hòa giải thành công: 95 vụ việc.",
			"Đồng chí Lê Thị Hoa - Trưởng Ban Dân vận Tỉnh ủy phát biểu chỉ đạo.",
			"3. Kết luận hội nghị\nHội nghị thống nhất nhiệm vụ năm 2024.",
			"III. NHIỆM VỤ ĐƯỢC GIAO", "2 | Làm tốt công tác hòa giải ở cơ sở | Ban Dân vận Huyện ủy Cao Lộc | 6 tháng đầu năm 2024",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("minutes lack %q:\n%s", want, body)
			}
		}
		if m.Draft.Type != Minutes || m.Draft.Signature.Name != "Nguyễn Văn Thạch" || m.Draft.Source != (Source{Kind: "minutes", ID: e.review.ID}) {
			t.Errorf("minutes draft %+v", m.Draft)
		}
		pl, err := e.gen.Draft(e.ctx, e.officerLS, Request{Kind: KindPlan, RecordID: e.review.ID})
		if err != nil {
			t.Fatal(err)
		}
		body = bodyText(pl.Draft.Body)
		for _, want := range []string{"I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN",
			"TT | Nội dung nhiệm vụ | Đơn vị thực hiện | Thời hạn hoàn thành",
			"3 | Tổ chức đối thoại với Nhân dân | Ban Dân vận Huyện ủy Chi Lăng, Ban Dân vận Huyện ủy Cao Lộc | 31/03/2024"} {
			if !strings.Contains(body, want) {
				t.Errorf("plan lacks %q:\n%s", want, body)
			}
		}
		if pl.Draft.Type != Plan || pl.Draft.Summary != "Thực hiện nhiệm vụ trọng tâm công tác dân vận 6 tháng đầu năm 2024" ||
			strings.Join(pl.Draft.Recipients, "; ") != "Ban Dân vận Huyện ủy Chi Lăng; Ban Dân vận Huyện ủy Cao Lộc; Lưu Văn phòng" {
			t.Errorf("plan draft %+v", pl.Draft)
		}
		// A conference without tasks gives no plan.
		if _, err := e.gen.Draft(e.ctx, e.officerQL, Request{Kind: KindPlan, RecordID: e.commune.ID}); errKey(err) != "document.err.no_tasks" {
			t.Errorf("plan without tasks: %v", err)
		}
	})
}

// TestRegisterOfModelsXLSX writes the register of models as a
// spreadsheet and reads it back.
func TestRegisterOfModelsXLSX(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	e := newGenEnv(t, d)
	var b strings.Builder
	w := &b
	buf := new(bytes.Buffer)
	if err := e.gen.ModelsXLSX(e.ctx, e.viewerLS, e.w.LangSon.ID, period(t, "2023"), buf); err != nil {
		t.Fatal(err)
	}
	rows, err := report.ReadTable(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		w.WriteString(strings.Join(r.Cells, " | ") + "\n")
	}
	got := b.String()
	if !strings.Contains(got, "1 | Vườn mẫu, cổng ngõ xanh | Chi hội Nông dân thôn Nà Pài | Khối Dân vận xã Quang Lang | Kinh tế | 01/09/2023 | Được công nhận (Quyết định số 125-QĐ/HU)") ||
		strings.Contains(got, "Tiếng kẻng") {
		t.Errorf("register:\n%s", got)
	}
	if err := e.gen.ModelsXLSX(e.ctx, e.officerST, e.w.LangSon.ID, period(t, "2023"), new(bytes.Buffer)); apperr.CodeOf(err) != apperr.CodeNotFound {
		t.Errorf("another province's register: %v", err)
	}
}
