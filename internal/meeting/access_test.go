package meeting_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// counts is the number of rows of every table the store writes.
func counts(t *testing.T, d *db.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"meeting_conferences", "meeting_people", "meeting_person_titles", "meeting_participants",
		"meeting_attending_units", "meeting_figures", "meeting_tasks", "meeting_task_owners", "meeting_task_notes",
		"meeting_documents", "audit_log"} {
		var n int
		if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", table, n)
	}
	var merged, version int
	if err := d.QueryRowContext(context.Background(), "SELECT COUNT(merged_into) FROM meeting_people").Scan(&merged); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRowContext(context.Background(), "SELECT COALESCE(SUM(version), 0) FROM meeting_conferences").Scan(&version); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "merged=%d versions=%d", merged, version)
	return b.String()
}

// TestRulesAreTheStores: the store itself refuses what a caller may not
// do, whoever calls it — nobody signed in, a neighbouring commune, a
// leader who may only read — and a refusal writes nothing.
func TestRulesAreTheStores(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		files, err := blob.Open(context.Background(), "mem://")
		if err != nil {
			t.Fatal(err)
		}
		s.WithFiles(files)
		ctx := context.Background()
		c := record(t, s, sampleConference(u))
		doc, err := s.AddDocument(ctx, world.Admin, c.ID, meeting.DocReport, "bao-cao.txt", "text/plain", []byte("Báo cáo"))
		if err != nil {
			t.Fatal(err)
		}
		later := record(t, s, meeting.Conference{UnitID: u.ChiLang.ID, Kind: meeting.SoKet, Title: "Sơ kết 2021",
			HeldOn: org.Date(2021, 7, 1), Period: "2021S1"})
		chair := c.ByRole(meeting.Chair)[0].PersonID
		other := c.ByRole(meeting.Attendee)[0].PersonID
		task := c.Tasks[0]
		neighbour := world.Person("officer.myxuyen", auth.RoleOfficer, u.NewMyXuyen.ID) // Sóc Trăng: outside Chi Lăng
		leader := world.Person("leader.langson", auth.RoleLeader, u.LangSon.ID)         // reads Chi Lăng, writes nothing
		owner := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)     // today's successor of Chi Lăng's communes
		before := counts(t, d)

		type call struct {
			name string
			do   func(p *auth.Principal) error
		}
		reads := []call{
			{"Conference", func(p *auth.Principal) error { _, err := s.Conference(ctx, p, c.ID); return err }},
			{"Previous", func(p *auth.Principal) error { _, err := s.Previous(ctx, p, later); return err }},
			{"OpenDocument", func(p *auth.Principal) error { _, _, err := s.OpenDocument(ctx, p, c.ID, doc.ID); return err }},
			{"People", func(p *auth.Principal) error { _, err := s.People(ctx, p, u.ChiLang.ID, "", 0); return err }},
			{"Person", func(p *auth.Principal) error { _, err := s.Person(ctx, p, chair); return err }},
			{"Task", func(p *auth.Principal) error { _, err := s.Task(ctx, p, task.ID); return err }},
			{"Notes", func(p *auth.Principal) error { _, err := s.Notes(ctx, p, task.ID); return err }},
			{"Tasks of the unit", func(p *auth.Principal) error {
				_, _, err := s.Tasks(ctx, p, meeting.TaskFilter{UnitID: u.ChiLang.ID})
				return err
			}},
		}
		edit := c
		edit.Title = "Sửa"
		writes := []call{
			{"Create", func(p *auth.Principal) error {
				x := sampleConference(u)
				x.Participants, x.AttendingUnits, x.Tasks = nil, nil, nil
				_, err := s.Create(ctx, p, x)
				return err
			}},
			{"Update", func(p *auth.Principal) error { _, err := s.Update(ctx, p, edit); return err }},
			{"AddTask", func(p *auth.Principal) error {
				_, err := s.AddTask(ctx, p, c.ID, meeting.Task{Title: "Thêm", Period: "2021"})
				return err
			}},
			{"AddDocument", func(p *auth.Principal) error {
				_, err := s.AddDocument(ctx, p, c.ID, meeting.DocOther, "x.txt", "text/plain", []byte("x"))
				return err
			}},
			{"MergePeople", func(p *auth.Principal) error { _, err := s.MergePeople(ctx, p, chair, other); return err }},
			{"Matches", func(p *auth.Principal) error {
				_, err := s.Matches(ctx, p, u.ChiLang.ID, []string{"Nguyễn Bá Thạch"})
				return err
			}},
		}
		update := call{"UpdateTask", func(p *auth.Principal) error {
			_, err := s.UpdateTask(ctx, p, meeting.TaskUpdate{ID: task.ID, Status: meeting.Done, Note: "xong"})
			return err
		}}
		for _, cl := range append(append(reads, writes...), update) {
			if err := cl.do(nil); apperr.CodeOf(err) != apperr.CodeUnauthorized {
				t.Errorf("visitor %s: %v", cl.name, err)
			}
			if err := cl.do(neighbour); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("neighbour %s: %v", cl.name, err)
			}
		}
		for _, cl := range reads {
			if err := cl.do(leader); err != nil {
				t.Errorf("leader %s: %v", cl.name, err)
			}
		}
		for _, cl := range append(writes, update) {
			if err := cl.do(leader); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("leader %s: %v", cl.name, err)
			}
		}
		if after := counts(t, d); after != before {
			t.Errorf("refusals wrote:\n before %s\n after  %s", before, after)
		}
		// The owner of the task follows it up; the district's closed
		// units pass to today's commune, whose officer writes for them.
		if ok, err := s.CanUpdateTask(ctx, owner, task); err != nil || !ok {
			t.Errorf("owner may not update its task: %v %v", ok, err)
		}
		if ok, err := s.CanUpdateTask(ctx, leader, task); err != nil || ok {
			t.Errorf("leader may update the task: %v %v", ok, err)
		}
		if err := update.do(owner); err != nil {
			t.Errorf("owner updates its task: %v", err)
		}
		// A store without an auth store serves nobody: not a refusal, a
		// failure of the system.
		bare := meeting.NewStore(d, org.NewStore(d), nil)
		if _, err := bare.Conference(ctx, world.Admin, c.ID); err == nil || apperr.CodeOf(err) != apperr.CodeInternal {
			t.Errorf("bare store: %v", err)
		}
	})
}

// TestReferencedRecordsAreInScope: whatever a new conference names by id
// — a person, an attending or represented unit, a task owner — must be
// within the caller's reach; the person of another unit's directory is
// refused without a word about them, and nothing is written onto them.
func TestReferencedRecordsAreInScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		theirs := record(t, s, meeting.Conference{UnitID: u.NewMyXuyen.ID, Kind: meeting.SoKet, Title: "Sơ kết xã Mỹ Xuyên",
			HeldOn: org.Date(2026, 1, 10), Participants: []meeting.Participant{{Name: "Trần Văn Kín", Title: "Bí thư Đảng ủy xã", Role: meeting.Chair}}})
		stranger := theirs.Participants[0].PersonID
		officer := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		mine := func() meeting.Conference {
			return meeting.Conference{UnitID: u.NewChiLang.ID, Kind: meeting.SoKet, Title: "Sơ kết xã Chi Lăng", HeldOn: org.Date(2026, 2, 1)}
		}
		before := counts(t, d)
		tests := []struct {
			name  string
			edit  func(c *meeting.Conference)
			field string
			key   string
		}{
			{"person of another unit", func(c *meeting.Conference) {
				c.Participants = []meeting.Participant{{PersonID: stranger, Title: "Chức danh mới", Role: meeting.Attendee}}
			}, "attendee.0.person", "meeting.err.person_unit"},
			{"unknown person", func(c *meeting.Conference) {
				c.Participants = []meeting.Participant{{PersonID: 999999, Role: meeting.Chair}}
			}, "chair.0.person", "meeting.err.person_unit"},
			{"attending unit outside", func(c *meeting.Conference) { c.AttendingUnits = []int64{u.NewKeSach.ID} }, "units", "meeting.err.unit_scope"},
			{"represented unit outside", func(c *meeting.Conference) {
				c.Participants = []meeting.Participant{{Name: "Lê Văn A", Role: meeting.Speaker, UnitID: u.SocTrang.ID}}
			}, "speaker.0.unit", "meeting.err.unit_scope"},
			{"task owner outside", func(c *meeting.Conference) {
				c.Tasks = []meeting.Task{{Title: "Việc", Period: "2026", Owners: []int64{u.NewMyXuyen.ID}}}
			}, "task.0.owners", "meeting.err.owner_scope"},
		}
		for _, tc := range tests {
			c := mine()
			tc.edit(&c)
			_, err := s.Create(ctx, officer, c)
			e, ok := apperr.As(err)
			if !ok || e.Code != apperr.CodeInvalid || e.Field != tc.field || e.Key != tc.key {
				t.Errorf("%s: %v", tc.name, err)
			}
			if strings.Contains(err.Error(), "Kín") {
				t.Errorf("%s: the error names the person: %v", tc.name, err)
			}
		}
		if after := counts(t, d); after != before {
			t.Errorf("refused conferences wrote:\n before %s\n after  %s", before, after)
		}
		p, err := s.Person(ctx, world.Admin, stranger)
		if err != nil || len(p.Titles) != 1 || p.Titles[0].Title != "Bí thư Đảng ủy xã" {
			t.Errorf("the other unit's person = %+v, %v", p, err)
		}
		// Their own people by id are fine, and so is their own merge chain.
		ok := mine()
		ok.Participants = []meeting.Participant{{Name: "Hoàng Văn Bình", Role: meeting.Chair}}
		first, err := s.Create(ctx, officer, ok)
		if err != nil {
			t.Fatal(err)
		}
		again := mine()
		again.Title, again.HeldOn = "Sơ kết lần hai", org.Date(2026, 2, 15)
		again.Participants = []meeting.Participant{{PersonID: first.Participants[0].PersonID, Title: "Phó Bí thư", Role: meeting.Chair}}
		if got, err := s.Create(ctx, officer, again); err != nil || got.Participants[0].Name != "Hoàng Văn Bình" {
			t.Errorf("own person by id: %+v, %v", got.Participants, err)
		}
	})
}

// TestArticlesRespectScope: a duplicate article is named only to whoever
// may see the earlier conference; units are suggested only where the
// caller may record; the saved-article folder is only for those who may
// record somewhere.
func TestArticlesRespectScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, u := newStore(t, d)
		ctx := context.Background()
		dir := t.TempDir()
		article, err := meeting.Samples.ReadFile("samples/000_e6cc3f3f0c785851.txt")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "bai.txt"), article, 0o644); err != nil {
			t.Fatal(err)
		}
		s.WithArticles(dir)
		officer := world.Person("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
		viewer := world.Person("viewer.langson", auth.RoleViewer, u.LangSon.ID)
		socTrang := world.Person("officer.soctrang", auth.RoleOfficer, u.SocTrang.ID)

		if names, err := s.SavedArticles(ctx, viewer); err != nil || len(names) != 0 {
			t.Errorf("viewer sees the folder: %v %v", names, err)
		}
		if _, err := s.SavedArticle(ctx, viewer, "bai.txt"); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("viewer reads a saved article: %v", err)
		}
		if names, err := s.SavedArticles(ctx, officer); err != nil || len(names) != 1 || names[0] != "bai.txt" {
			t.Errorf("officer's folder: %v %v", names, err)
		}
		if names, err := s.SavedArticles(ctx, auth.System()); err != nil || len(names) != 1 {
			t.Errorf("the system's folder: %v %v", names, err)
		}
		if _, err := s.SavedArticle(ctx, officer, "../bai.txt"); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("a name outside the folder: %v", err)
		}
		doc, err := s.SavedArticle(ctx, officer, "bai.txt")
		if err != nil || len(doc) != len(article) {
			t.Fatalf("saved article: %d bytes, %v", len(doc), err)
		}
		if _, err := s.DraftArticle(ctx, viewer, doc, meeting.ImportOptions{}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("viewer drafts an article: %v", err)
		}
		a, err := s.DraftArticle(ctx, officer, doc, meeting.ImportOptions{})
		if err != nil || a.Duplicate != 0 || a.DuplicateElsewhere || a.Organizer == "" {
			t.Fatalf("draft = %+v, %v", a, err)
		}
		// Suggestions lie where the caller may record.
		sug, err := s.SuggestUnits(ctx, socTrang, "Ban Dân vận Tỉnh ủy Lạng Sơn", "province", org.Date(2020, 12, 25))
		if err != nil {
			t.Fatal(err)
		}
		for _, sg := range sug {
			if sg.Unit.ID == u.LangSon.ID || sg.Unit.ID == u.ChiLang.ID {
				t.Errorf("Sóc Trăng's officer is offered %s", sg.Unit.Name)
			}
		}
		sug, err = s.SuggestUnits(ctx, world.Admin, "Ban Dân vận Tỉnh ủy Lạng Sơn", "province", org.Date(2020, 12, 25))
		if err != nil || len(sug) == 0 || sug[0].Unit.ID != u.LangSon.ID {
			t.Errorf("admin's suggestions = %+v, %v", sug, err)
		}
		// Sóc Trăng imports it; Chi Lăng learns only that it exists.
		c := a.Conference
		c.UnitID = u.SocTrang.ID
		theirs, err := s.Create(ctx, socTrang, c)
		if err != nil {
			t.Fatal(err)
		}
		a, err = s.DraftArticle(ctx, officer, doc, meeting.ImportOptions{})
		if err != nil || a.Duplicate != 0 || !a.DuplicateElsewhere {
			t.Errorf("officer's draft of a duplicate = %d %v, %v", a.Duplicate, a.DuplicateElsewhere, err)
		}
		c.UnitID, c.HeldOn = u.NewChiLang.ID, org.Date(2025, 12, 25)
		c.Tasks = nil
		_, err = s.Create(ctx, officer, c)
		if id, dup := meeting.DuplicateOf(err); !dup || id != 0 || apperr.CodeOf(err) != apperr.CodeConflict || !errors.Is(err, meeting.ErrDuplicate) {
			t.Errorf("officer's duplicate = %d %v: %v", id, dup, err)
		}
		if e, _ := apperr.As(err); e == nil || len(e.Args) != 0 {
			t.Errorf("the conflict names the other unit's conference: %v", err)
		}
		c.UnitID = u.SocTrang.ID
		_, err = s.Create(ctx, socTrang, c)
		if id, dup := meeting.DuplicateOf(err); !dup || id != theirs.ID {
			t.Errorf("Sóc Trăng's duplicate = %d %v: %v", id, dup, err)
		}
	})
}
