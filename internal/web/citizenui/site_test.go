package citizenui_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/web/webtest"
)

// newSite is the whole server over the fixture tree with the accounts the
// feature's tests act as: a national admin; the officers of two
// neighbouring communes of Lạng Sơn, of the province and of a commune of
// Sóc Trăng; the leaders of both provinces; a viewer of Chi Lăng.
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
		{"officer2.chilang", auth.RoleOfficer, u.NewChiLang.ID},
		{"viewer.chilang", auth.RoleViewer, u.NewChiLang.ID},
		{"officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID},
		{"officer.langson", auth.RoleOfficer, u.LangSon.ID},
		{"leader.langson", auth.RoleLeader, u.LangSon.ID},
		{"officer.soctrang", auth.RoleOfficer, u.SocTrang.ID},
		{"leader.soctrang", auth.RoleLeader, u.SocTrang.ID},
	} {
		s.AddUser(a.login, a.role, a.unit)
	}
	return s
}

// volatile are the tables a request may touch without changing anything
// of the feature (a session's last use, a token's).
var volatile = []string{"sessions", "api_tokens"}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seed are the cases of xã Chi Lăng the tests read: a denunciation (whose
// sender only officer.chilang handles), a late complaint, a dialogue held
// with an issue, a mediation team with a case, a reception day, a
// sentiment note, and the warnings they raised (swept).
type seed struct {
	store        *citizen.Store
	denunciation citizen.Petition
	complaint    citizen.Petition
	dialogue     citizen.Dialogue
	issue        citizen.Issue
	team         citizen.Team
	mcase        citizen.Case
	reception    citizen.Reception
	note         citizen.Note
	hotspot      citizen.HotSpot
}

// denouncer is the sender of the seeded denunciation.
const denouncer = "Lường Thị Quyên"

func seedCases(t *testing.T, s *webtest.Site) seed {
	t.Helper()
	ctx := context.Background()
	st := citizen.NewStore(s.DB, s.Org, s.Auth)
	p := s.Principal("officer.chilang")
	chiLang := s.Units.NewChiLang.ID
	var sd seed
	sd.store = st
	var err error
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sd.denunciation, err = st.CreatePetition(ctx, p, citizen.NewPetition{UnitID: chiLang, Kind: citizen.Denunciation, Source: citizen.FromMail,
		ReceivedOn: day(2026, 2, 26), Subject: "Tố cáo sai phạm trong cấp đất ở thôn Khuổi Phầy",
		Petitioner: citizen.Petitioner{Name: denouncer, Address: "thôn Bản Lải", Phone: "0912345678"}})
	must(err)
	sd.complaint, err = st.CreatePetition(ctx, p, citizen.NewPetition{UnitID: chiLang, Kind: citizen.Complaint, Source: citizen.FromReception,
		ReceivedOn: day(2026, 1, 5), Subject: "Khiếu nại việc thu hồi đất làm đường tránh", Place: "thôn Bản Lải", Signatories: 6,
		Petitioner: citizen.Petitioner{Name: "Hoàng Văn Bình"}})
	must(err)
	sd.dialogue, err = st.PlanDialogue(ctx, p, citizen.NewDialogue{UnitID: chiLang, Topic: "Đối thoại về giải phóng mặt bằng đường tránh",
		HeadName: "Nguyễn Văn Hùng", HeadTitle: "Bí thư Đảng ủy xã", PlannedOn: day(2026, 2, 10), Place: "Hội trường xã", AnnouncedOn: day(2026, 2, 1)})
	must(err)
	sd.dialogue, err = st.UpdateDialogue(ctx, p, citizen.DialogueUpdate{ID: sd.dialogue.ID, Version: sd.dialogue.Version, Status: "held",
		HeldOn: day(2026, 2, 10), Attendance: 85, AnnouncedOn: day(2026, 2, 1)})
	must(err)
	sd.issue, err = st.AddIssue(ctx, p, citizen.NewIssue{DialogueID: sd.dialogue.ID, RaisedBy: "Ông Hoàng Văn Tư", Content: "Tiến độ chi trả tiền bồi thường",
		ResponsibleUnitID: chiLang, DueOn: day(2026, 2, 25)})
	must(err)
	sd.team, err = st.CreateTeam(ctx, p, citizen.NewTeam{UnitID: chiLang, Name: "Tổ hòa giải thôn Bản Lải", Area: "thôn Bản Lải", FoundedOn: day(2020, 5, 1)})
	must(err)
	sd.mcase, err = st.RecordCase(ctx, p, citizen.Case{TeamID: sd.team.ID, ReceivedOn: day(2026, 1, 10), MediatedOn: day(2026, 1, 12),
		Matter: "Tranh chấp lối đi chung giữa hai hộ", Category: "neighbour", Result: "success", Agreement: "Hai hộ thống nhất mở lối đi 2 m",
		Parties: []citizen.Party{{Name: "Hoàng Văn Sáu", BirthYear: 1970}, {Name: "Lý Thị Bảy", Address: "thôn Bản Lải"}}})
	must(err)
	sd.reception, err = st.ScheduleReception(ctx, p, citizen.NewReception{UnitID: chiLang, HeadName: "Nguyễn Văn Hùng", On: day(2026, 3, 2), Place: "Trụ sở xã"})
	must(err)
	sd.note, err = st.FileNote(ctx, p, citizen.NewNote{UnitID: chiLang, Quick: true, Title: "Dư luận về giá đền bù đường tránh",
		Happened: "Nhiều hộ bàn tán về giá đền bù thấp hơn xã bên", Assessment: "Cần đối thoại sớm"})
	must(err)
	if _, err := st.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	hs, _, err := st.HotSpots(ctx, auth.System(), citizen.HotSpotFilter{Open: true, Limit: 50})
	must(err)
	for _, h := range hs {
		if h.Rule == citizen.RuleCrowd {
			sd.hotspot, err = st.HotSpot(ctx, auth.System(), h.ID)
			must(err)
		}
	}
	if sd.hotspot.ID == 0 {
		t.Fatalf("no crowd warning among %+v", hs)
	}
	return sd
}
