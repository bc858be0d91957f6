package meeting_test

import (
	"context"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// world is the fixture world newStore built last; its Admin, a national
// administrator, passes every rule, so the tests of what the store
// records need not think about scope.
var world *fixture.World

func newStore(t *testing.T, d *db.DB) (*meeting.Store, *fixture.Units) {
	t.Helper()
	world = fixture.NewWorld(t, d, org.Date(2026, 11, 23))
	return meeting.NewStore(d, world.Org, world.Auth), world.Units
}

// record records c as the world's administrator, failing the test on
// any error.
func record(t *testing.T, s *meeting.Store, c meeting.Conference) meeting.Conference {
	t.Helper()
	got, err := s.Create(context.Background(), world.Admin, c)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sampleConference(u *fixture.Units) meeting.Conference {
	return meeting.Conference{
		UnitID: u.ChiLang.ID, Kind: meeting.TongKet,
		Title:  "Hội nghị tổng kết công tác dân vận năm 2020",
		HeldOn: org.Date(2020, 12, 25), TimeOfDay: "sáng", Place: "Hội trường Huyện ủy", Period: "2020",
		Participants: []meeting.Participant{
			{Name: "Nguyễn Bá Thạch", Title: "Phó Bí thư Thường trực Huyện ủy", Role: meeting.Chair},
			{Name: "Nguyễn Minh Tứ", Title: "UVBTVHU, Phó Chủ tịch Thường trực UBND huyện", Role: meeting.Attendee},
			{Name: "Hoàng Văn Nam", Title: "Phó Trưởng Ban Dân vận Tỉnh ủy", Role: meeting.Speaker, UnitID: u.LangSon.ID},
		},
		AttendingUnits: []int64{u.QuangLang.ID, u.MaiSao.ID},
		Figures:        []meeting.Figure{{Value: 47, Unit: "vụ việc", About: "hòa giải thành công"}},
		Tasks: []meeting.Task{
			{Title: "Đẩy mạnh phong trào “Dân vận khéo”", Period: "2021", Owners: []int64{u.QuangLang.ID, u.MaiSao.ID}},
			{Title: "Tổng kết mô hình tiếng kẻng an ninh", DueOn: org.Date(2027, 3, 31)},
		},
	}
}

func TestConferenceSavedAndReadBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		c := record(t, s, sampleConference(u))
		got, err := s.Conference(ctx, world.Admin, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.UnitName != "Ban Dân vận Huyện ủy Chi Lăng" || got.Kind != meeting.TongKet || !got.HeldOn.Equal(org.Date(2020, 12, 25)) ||
			got.Period != "2020" || got.PeriodMessage().Key != "period.year" || got.TimeOfDay != "sáng" {
			t.Errorf("conference = %+v", got)
		}
		chairs, att, sp := got.ByRole(meeting.Chair), got.ByRole(meeting.Attendee), got.ByRole(meeting.Speaker)
		if len(chairs) != 1 || chairs[0].Name != "Nguyễn Bá Thạch" || chairs[0].Title != "Phó Bí thư Thường trực Huyện ủy" {
			t.Errorf("chairs = %+v", chairs)
		}
		if len(att) != 1 || att[0].Name != "Nguyễn Minh Tứ" {
			t.Errorf("attendees = %+v", att)
		}
		if len(sp) != 1 || sp[0].UnitID != u.LangSon.ID || sp[0].UnitName != "Ban Dân vận Tỉnh ủy Lạng Sơn" {
			t.Errorf("speakers = %+v", sp)
		}
		if len(got.AttendingUnits) != 2 || len(got.Figures) != 1 || got.Figures[0].Value != 47 {
			t.Errorf("units %v figures %+v", got.AttendingUnits, got.Figures)
		}
		if len(got.Tasks) != 2 {
			t.Fatalf("tasks = %+v", got.Tasks)
		}
		t0, t1 := got.Tasks[0], got.Tasks[1]
		if len(t0.Owners) != 2 || !t0.DueEnd.Equal(org.Date(2021, 12, 31)) || t0.Status != meeting.Open {
			t.Errorf("task 0 = %+v", t0)
		}
		if len(t1.Owners) != 1 || t1.Owners[0] != u.ChiLang.ID || !t1.DueEnd.Equal(org.Date(2027, 3, 31)) {
			t.Errorf("task 1 = %+v", t1)
		}
		var n int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log WHERE entity = 'conference'").Scan(&n); err != nil || n != 1 {
			t.Errorf("audit rows = %d, %v", n, err)
		}
	})
}

func TestInvalidConferenceSavesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		tests := []struct {
			name  string
			edit  func(c *meeting.Conference)
			field string
		}{
			{"no title", func(c *meeting.Conference) { c.Title = " " }, "title"},
			{"bad period", func(c *meeting.Conference) { c.Period = "2020H1" }, "period"},
			{"no date", func(c *meeting.Conference) { c.HeldOn = time.Time{} }, "held_on"},
			{"task without due", func(c *meeting.Conference) { c.Tasks[1].DueOn = time.Time{} }, "task.1.due"},
			{"unit not yet created", func(c *meeting.Conference) { c.HeldOn = org.Date(2010, 1, 1) }, "unit"},
			{"chair without name", func(c *meeting.Conference) { c.Participants[0].Name = "" }, "chair.0.name"},
		}
		for _, tc := range tests {
			c := sampleConference(u)
			tc.edit(&c)
			_, err := s.Create(ctx, world.Admin, c)
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Errorf("%s: err = %v", tc.name, err)
				continue
			}
			if es, ok := err.(apperr.Errors); ok && es.Field(tc.field) == nil {
				t.Errorf("%s: no message for %s in %v", tc.name, tc.field, err)
			}
		}
		for _, table := range []string{"meeting_conferences", "meeting_people", "meeting_tasks", "meeting_participants"} {
			var n int
			if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s has %d rows (%v)", table, n, err)
			}
		}
	})
}

// TestSamePersonNFDAndTonePlacement: the same official, once in NFC with
// "Huyện ủy", once in NFD with "Huyện uỷ", is one person with one title.
func TestSamePersonNFDAndTonePlacement(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		first := sampleConference(u)
		a := record(t, s, first)
		second := meeting.Conference{UnitID: u.ChiLang.ID, Kind: meeting.SoKet, Title: "Sơ kết 6 tháng đầu năm 2021",
			HeldOn: org.Date(2021, 7, 9), Period: "2021S1",
			Participants: []meeting.Participant{{
				Name:  norm.NFD.String("Nguyễn Bá Thạch"),
				Title: norm.NFD.String("Phó Bí thư Thường trực Huyện uỷ"), Role: meeting.Chair}}}
		b := record(t, s, second)
		pa, pb := a.ByRole(meeting.Chair)[0].PersonID, b.ByRole(meeting.Chair)[0].PersonID
		if pa != pb {
			t.Fatalf("two people: %d and %d", pa, pb)
		}
		p, err := s.Person(ctx, world.Admin, pa)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Titles) != 1 || !p.Titles[0].FirstSeen.Equal(org.Date(2020, 12, 25)) || !p.Titles[0].LastSeen.Equal(org.Date(2021, 7, 9)) {
			t.Errorf("titles = %+v", p.Titles)
		}
		if len(p.Conferences) != 2 {
			t.Errorf("conferences = %+v", p.Conferences)
		}
		people, err := s.People(ctx, world.Admin, u.ChiLang.ID, "nguyen ba", 0)
		if err != nil || len(people) != 1 {
			t.Errorf("directory search = %+v, %v", people, err)
		}
	})
}

func TestMergePeople(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		c := sampleConference(u)
		c.Participants = append(c.Participants, meeting.Participant{Name: "Ng. Bá Thạch", Title: "Bí thư Huyện ủy", Role: meeting.Attendee})
		got := record(t, s, c)
		keep := got.ByRole(meeting.Chair)[0].PersonID
		drop := got.ByRole(meeting.Attendee)[1].PersonID
		p, err := s.MergePeople(ctx, world.Admin, keep, drop)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Titles) != 2 || len(p.Conferences) != 2 {
			t.Errorf("merged = %+v", p)
		}
		// The dropped record now leads to the kept one.
		q, err := s.Person(ctx, world.Admin, drop)
		if err != nil || q.ID != keep {
			t.Errorf("Person(dropped) = %d, %v", q.ID, err)
		}
		if _, err := s.MergePeople(ctx, world.Admin, keep, drop); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("merging again: %v", err)
		}
		people, _ := s.People(ctx, world.Admin, u.ChiLang.ID, "", 0)
		for _, x := range people {
			if x.ID == drop {
				t.Errorf("dropped person still listed")
			}
		}
	})
}

// TestOverdueOnFixedClock: on 2026-11-23, a task due with 2021 and one due
// 2026-11-22 are overdue; one due today, one done and one dropped are not.
func TestOverdueOnFixedClock(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		today := org.Date(2026, 11, 23)
		c := meeting.Conference{UnitID: u.LangSon.ID, Kind: meeting.TrienKhai, Title: "Triển khai nhiệm vụ", HeldOn: org.Date(2025, 12, 1),
			Tasks: []meeting.Task{
				{Title: "A quá hạn theo kỳ", Period: "2021", Owners: []int64{u.NewChiLang.ID}},
				{Title: "B quá hạn một ngày", DueOn: org.Date(2026, 11, 22), Owners: []int64{u.NewDongDang.ID}},
				{Title: "C hạn hôm nay", DueOn: today, Owners: []int64{u.NewChiLang.ID}},
				{Title: "D đã xong", DueOn: org.Date(2026, 1, 1), Status: meeting.Done, Owners: []int64{u.NewChiLang.ID}},
				{Title: "E không thực hiện", DueOn: org.Date(2026, 1, 1), Status: meeting.Dropped, DropReason: "Sáp nhập đơn vị", Owners: []int64{u.NewChiLang.ID}},
				{Title: "F quá hạn ở tỉnh khác", DueOn: org.Date(2026, 1, 1), Owners: []int64{u.NewMyXuyen.ID}},
			}}
		record(t, s, c)
		leader := world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID)
		ts, total, err := s.Tasks(ctx, leader, meeting.TaskFilter{OverdueOn: today})
		if err != nil {
			t.Fatal(err)
		}
		if total != 2 || len(ts) != 2 || ts[0].Title != "A quá hạn theo kỳ" || ts[1].Title != "B quá hạn một ngày" {
			t.Fatalf("overdue = %d %+v", total, ts)
		}
		for _, x := range ts {
			if !x.Overdue(today) {
				t.Errorf("%q not Overdue", x.Title)
			}
		}
		// The owner marks B done: it leaves the list. The leader of the
		// province may read it but not follow it up.
		if _, err := s.UpdateTask(ctx, leader, meeting.TaskUpdate{ID: ts[1].ID, Version: ts[1].Version, Status: meeting.Done}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("leader updates a task: %v", err)
		}
		owner := world.Person("officer.dongdang", auth.RoleOfficer, u.NewDongDang.ID)
		done, err := s.UpdateTask(ctx, owner, meeting.TaskUpdate{ID: ts[1].ID, Version: ts[1].Version, Status: meeting.Done, Note: "Đã hoàn thành"})
		if err != nil {
			t.Fatal(err)
		}
		if done.Status != meeting.Done || done.Overdue(today) || !done.ClosedOn.Equal(today) {
			t.Errorf("done = %+v", done)
		}
		if _, err := s.UpdateTask(ctx, world.Admin, meeting.TaskUpdate{ID: ts[1].ID, Version: ts[1].Version, Status: meeting.Open}); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("stale update: %v", err)
		}
		if _, err := s.UpdateTask(ctx, world.Admin, meeting.TaskUpdate{ID: ts[0].ID, Status: meeting.Dropped}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("drop without reason: %v", err)
		}
		if _, total, err = s.Tasks(ctx, leader, meeting.TaskFilter{OverdueOn: today}); err != nil || total != 1 {
			t.Errorf("after done: %d overdue", total)
		}
		notes, err := s.Notes(ctx, world.Admin, ts[1].ID)
		if err != nil || len(notes) != 1 || notes[0].Status != meeting.Done || !notes[0].NotedOn.Equal(today) || notes[0].Author != owner.User.Name {
			t.Errorf("notes = %+v, %v", notes, err)
		}
		// An owner sees its own tasks, open ones first by due day.
		chiLang := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		mine, n, err := s.Tasks(ctx, chiLang, meeting.TaskFilter{Own: true, Open: true})
		if err != nil || n != 2 || mine[0].Title != "A quá hạn theo kỳ" {
			t.Errorf("owner's open tasks = %d %+v %v", n, mine, err)
		}
		// The province's own tasks are not the commune's.
		if _, n, err := s.Tasks(ctx, leader, meeting.TaskFilter{Own: true}); err != nil || n != 0 {
			t.Errorf("the province's own tasks = %d, %v", n, err)
		}
		// One unit's tasks: the owner's, refused to a neighbour.
		if _, n, err := s.Tasks(ctx, leader, meeting.TaskFilter{UnitID: u.NewChiLang.ID}); err != nil || n != 4 {
			t.Errorf("Chi Lăng's tasks for the leader = %d, %v", n, err)
		}
		if _, _, err := s.Tasks(ctx, owner, meeting.TaskFilter{UnitID: u.NewChiLang.ID}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a neighbour lists Chi Lăng's tasks: %v", err)
		}
	})
}

func TestPreviousConferenceTasks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		a := record(t, s, sampleConference(u))
		b := record(t, s, meeting.Conference{UnitID: u.ChiLang.ID, Kind: meeting.SoKet, Title: "Sơ kết 2021", HeldOn: org.Date(2021, 7, 1), Period: "2021S1"})
		prev, err := s.Previous(ctx, world.Admin, b)
		if err != nil || prev.ID != a.ID || len(prev.Tasks) != 2 {
			t.Errorf("previous = %+v, %v", prev, err)
		}
		if _, err := s.Previous(ctx, world.Admin, a); apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Errorf("previous of the first: %v", err)
		}
	})
}

func TestListFilters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		record(t, s, sampleConference(u))
		record(t, s, meeting.Conference{UnitID: u.SocTrang.ID, Kind: meeting.DoiThoai, Title: "Đối thoại với nông dân", HeldOn: org.Date(2021, 3, 1)})
		nobody := world.Person("nobody", "", 0)
		socTrang := world.Person("viewer.soctrang", auth.RoleViewer, u.SocTrang.ID)
		tests := []struct {
			name string
			p    *auth.Principal
			f    meeting.Filter
			want int
		}{
			{"all", world.Admin, meeting.Filter{}, 2},
			{"no grant", nobody, meeting.Filter{}, 0},
			{"visitor", nil, meeting.Filter{}, 0},
			{"scope", socTrang, meeting.Filter{}, 1},
			{"kind", world.Admin, meeting.Filter{Kind: meeting.TongKet}, 1},
			{"period", world.Admin, meeting.Filter{Period: "2020"}, 1},
			{"half within a stage", world.Admin, meeting.Filter{Period: "2016-2020"}, 1},
			{"other period", world.Admin, meeting.Filter{Period: "2020S1"}, 0},
			{"folded search", world.Admin, meeting.Filter{Query: "DOI THOAI"}, 1},
			{"unit subtree", world.Admin, meeting.Filter{UnitID: u.LangSon.ID}, 1},
			{"unit subtree outside scope", socTrang, meeting.Filter{UnitID: u.LangSon.ID}, 0},
		}
		for _, tc := range tests {
			_, n, err := s.List(ctx, tc.p, tc.f)
			if err != nil || n != tc.want {
				t.Errorf("%s: %d, %v; want %d", tc.name, n, err, tc.want)
			}
		}
	})
}

func TestUpdateAndAddTask(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		c := record(t, s, sampleConference(u))
		edit := c
		edit.Title, edit.Place, edit.Outcome = "Tổng kết năm 2020 (sửa)", "Nhà văn hóa huyện", "Thống nhất 5 nhiệm vụ"
		got, err := s.Update(ctx, world.Admin, edit)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != edit.Title || got.Version != 2 || len(got.Tasks) != 2 || len(got.Participants) != 3 {
			t.Errorf("updated = %+v", got)
		}
		if _, err := s.Update(ctx, world.Admin, edit); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("stale update: %v", err)
		}
		task, err := s.AddTask(ctx, world.Admin, c.ID, meeting.Task{Title: "Thêm nhiệm vụ", Period: "2021S2"})
		if err != nil {
			t.Fatal(err)
		}
		if len(task.Owners) != 1 || task.Owners[0] != u.ChiLang.ID || !task.DueEnd.Equal(org.Date(2021, 12, 31)) {
			t.Errorf("added = %+v", task)
		}
		if _, err := s.AddTask(ctx, world.Admin, c.ID, meeting.Task{Title: "Không hạn"}); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("task without due: %v", err)
		}
	})
}
