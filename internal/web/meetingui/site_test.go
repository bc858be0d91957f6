package meetingui_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// newSite is the whole server over the fixture tree with the accounts the
// feature's tests act as: a national admin, the officers of two
// neighbouring communes of Lạng Sơn and of the province, the leaders of
// both provinces, and a disabled account of the first commune.
func newSite(t *testing.T, d *db.DB, opts ...webtest.Option) *webtest.Site {
	t.Helper()
	s := webtest.New(t, d, opts...)
	u := s.Units
	for _, a := range []struct {
		login string
		role  auth.Role
		unit  int64
	}{
		{"admin", auth.RoleAdmin, u.Central.ID},
		{"officer.chilang", auth.RoleOfficer, u.NewChiLang.ID},
		{"officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID},
		{"officer.langson", auth.RoleOfficer, u.LangSon.ID},
		{"officer.myxuyen", auth.RoleOfficer, u.NewMyXuyen.ID},
		{"leader.langson", auth.RoleLeader, u.LangSon.ID},
		{"leader.soctrang", auth.RoleLeader, u.SocTrang.ID},
		{"disabled", auth.RoleOfficer, u.NewChiLang.ID},
	} {
		s.AddUser(a.login, a.role, a.unit)
	}
	return s
}

// volatile are the tables a request may touch without changing anything
// of the feature (a session's last use, a token's).
var volatile = []string{"sessions", "api_tokens"}

// disable closes the account login, keeping the sessions it opened (the
// server must refuse them).
func disable(t *testing.T, s *webtest.Site, login string) {
	t.Helper()
	u := s.User(login)
	if _, err := s.Auth.SetActive(context.Background(), auth.System(), u.ID, u.Version, false); err != nil {
		t.Fatal(err)
	}
}

// stores are the feature's domain stores over the site's database.
func stores(s *webtest.Site) (*meeting.Store, *emulation.Store) {
	m := meeting.NewStore(s.DB, s.Org, s.Auth).WithFiles(s.Files)
	return m, emulation.NewStore(s.DB, s.Org, s.Auth, m)
}

// seed is what most tests act on: a conference of the new commune of Chi
// Lăng (imported from an article, with a document), its task overdue on
// the site's clock, its chair and a second record of the same man, and a
// pledge of Lạng Sơn signed by the commune and its neighbour.
type seed struct {
	conf   meeting.Conference
	doc    meeting.Document
	task   meeting.Task
	person int64
	other  int64
	pledge emulation.Pledge
}

func seedMeeting(t *testing.T, s *webtest.Site) seed {
	t.Helper()
	ctx := context.Background()
	meetings, pledges := stores(s)
	sys := auth.System()
	c, err := meetings.Create(ctx, sys, meeting.Conference{UnitID: s.Units.NewChiLang.ID, Kind: meeting.SoKet,
		Title: "Sơ kết công tác dân vận 6 tháng cuối năm 2025", HeldOn: org.Date(2025, 12, 20), Period: "2025S2",
		SourceText: "Sáng 20/12/2025, Khối Dân vận xã Chi Lăng tổ chức sơ kết.",
		Participants: []meeting.Participant{
			{Name: "Hoàng Văn Bình", Title: "Phó Bí thư Đảng ủy xã", Role: meeting.Chair},
			{Name: "Hoàng V. Bình", Title: "Bí thư Đảng ủy xã", Role: meeting.Attendee},
		},
		Tasks: []meeting.Task{{Title: "Rà soát các mô hình “Dân vận khéo”", DueOn: org.Date(2026, 1, 31)}}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := meetings.AddDocument(ctx, sys, c.ID, meeting.DocReport, "bao-cao.txt", "text/plain", []byte("Báo cáo sơ kết"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pledges.Create(ctx, sys, emulation.Pledge{UnitID: s.Units.LangSon.ID, Title: "Giao ước thi đua năm 2026",
		Period: "2026", SignedOn: org.Date(2026, 1, 10),
		Commitments: []emulation.Commitment{{Kind: emulation.Deliverable, Description: "Một mô hình mới", MaxScore: 50}},
		Signatories: []emulation.Signatory{{UnitID: s.Units.NewChiLang.ID, Signer: "Hoàng Văn Bình"}, {UnitID: s.Units.NewDongDang.ID, Signer: "Lý Thị Hoa"}}})
	if err != nil {
		t.Fatal(err)
	}
	return seed{conf: c, doc: doc, task: c.Tasks[0], person: c.Participants[0].PersonID, other: c.Participants[1].PersonID, pledge: p}
}

// data are the texts of the seeded records a page may show in any
// language: titles, the article, people's names and titles, signers.
func (sd seed) data() []string {
	out := append(lines(sd.conf.SourceText), sd.conf.Title, sd.conf.UnitName, sd.pledge.Title, sd.pledge.UnitName)
	for _, p := range sd.conf.Participants {
		out = append(out, p.Name, p.Title)
	}
	for _, task := range sd.conf.Tasks {
		out = append(out, task.Title)
	}
	for _, c := range sd.pledge.Commitments {
		out = append(out, c.Description)
	}
	for _, sg := range sd.pledge.Signatories {
		out = append(out, sg.Signer, sg.UnitName)
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// formValues collects what a browser would submit from the form.
func formValues(f *goquery.Selection) url.Values {
	v := url.Values{}
	f.Find("input").Each(func(_ int, in *goquery.Selection) {
		name, _ := in.Attr("name")
		typ, _ := in.Attr("type")
		if name == "" || typ == "file" {
			return
		}
		if (typ == "checkbox" || typ == "radio") && in.AttrOr("checked", "-") == "-" {
			return
		}
		v.Add(name, in.AttrOr("value", ""))
	})
	f.Find("textarea").Each(func(_ int, ta *goquery.Selection) {
		v.Add(ta.AttrOr("name", ""), strings.TrimPrefix(ta.Text(), "\n"))
	})
	f.Find("select").Each(func(_ int, sel *goquery.Selection) {
		name := sel.AttrOr("name", "")
		picked := sel.Find("option[selected]")
		if picked.Length() == 0 {
			if _, multi := sel.Attr("multiple"); multi {
				return
			}
			picked = sel.Find("option").First()
		}
		picked.Each(func(_ int, o *goquery.Selection) { v.Add(name, o.AttrOr("value", o.Text())) })
	})
	return v
}

// article is the first sample article.
func article(t *testing.T, name string) []byte {
	t.Helper()
	b, err := meeting.Samples.ReadFile("samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const sample0 = "000_e6cc3f3f0c785851.txt"
