package meeting_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

// batchConferences are conferences that meet in the directory: the same
// people again (a name written otherwise, the same title a year later and
// a year earlier, another title), a namesake in another unit's directory,
// a person named by id, repeated attending units and task owners.
func batchConferences(u *fixture.Units, known int64) []meeting.Conference {
	first := sampleConference(u)
	first.AttendingUnits = append(first.AttendingUnits, u.QuangLang.ID)
	first.Tasks[0].Owners = append(first.Tasks[0].Owners, u.MaiSao.ID)
	later := sampleConference(u)
	later.Title, later.HeldOn, later.Period = "Hội nghị tổng kết công tác dân vận năm 2021", org.Date(2021, 12, 20), "2021"
	later.Participants = []meeting.Participant{
		{Name: "NGUYỄN BÁ THẠCH", Title: "Phó Bí thư Thường trực Huyện ủy", Role: meeting.Chair},
		{Name: "Nguyễn Minh Tứ", Title: "Chủ tịch UBND huyện", Role: meeting.Chair},
		{Name: "Lý Thị Hoa", Title: "Chủ tịch Hội LHPN huyện", Role: meeting.Attendee},
		{PersonID: known, Title: "Trưởng Ban Dân vận Huyện ủy", Role: meeting.Speaker},
	}
	earlier := sampleConference(u)
	earlier.Title, earlier.HeldOn, earlier.Period = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2019", org.Date(2019, 7, 5), "2019S1"
	earlier.Kind = meeting.SoKet
	earlier.Participants = earlier.Participants[:1]
	earlier.Tasks = nil
	elsewhere := sampleConference(u)
	elsewhere.UnitID, elsewhere.Title = u.LangSon.ID, "Hội nghị tổng kết công tác dân vận Tỉnh ủy năm 2020"
	elsewhere.AttendingUnits = []int64{u.ChiLang.ID, u.CaoLoc.ID, u.ChiLang.ID}
	elsewhere.Figures = nil
	return []meeting.Conference{first, later, earlier, elsewhere}
}

// TestBatchSameAsOneByOne: CreateBatch writes in one go the rows, ids,
// search entries and audit entries that Create writes one conference
// after the other, on each database; both find the same directory people
// again.
func TestBatchSameAsOneByOne(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			var snaps []string
			for _, batch := range []bool{false, true} {
				d := dbtest.Open(t, kind)
				// The same clock for both databases' fixtures: the audit
				// chains are compared too.
				d.SetClock(func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) })
				s, u := newStore(t, d)
				pre := sampleConference(u)
				pre.Title, pre.HeldOn, pre.Period = "Hội nghị chuyên đề", org.Date(2018, 5, 10), "2018"
				pre.Kind = meeting.ChuyenDe
				pre.Participants = []meeting.Participant{{Name: "Vi Văn Thành", Title: "Phó Trưởng Ban Dân vận Huyện ủy", Role: meeting.Chair}}
				pre.Tasks = nil
				known := record(t, s, pre).Participants[0].PersonID
				if known == 0 {
					t.Fatal("the first conference's participant has no person id")
				}
				cs := batchConferences(u, known)
				if batch {
					n, err := s.CreateBatch(ctx, cs)
					if err != nil {
						t.Fatal(err)
					}
					if n != 6 {
						t.Errorf("CreateBatch wrote %d tasks, want 6", n)
					}
				} else {
					for _, c := range cs {
						record(t, s, c)
					}
				}
				// Left out: what differs between any two databases (the
				// fixture's session tokens and password salts) and the
				// inner pages of SQLite's full-text tables, whose segments
				// follow the transactions (the entries themselves are in).
				skip := []string{"sessions", "users"}
				for _, fts := range []string{"search_fts", "search_trgm"} {
					for _, part := range []string{"_data", "_idx", "_docsize", "_config", "_content"} {
						skip = append(skip, fts+part)
					}
				}
				snaps = append(snaps, dbtest.Snapshot(t, d, skip...))
				people := dbtest.Rows(t, d, "SELECT unit_id, name FROM meeting_people ORDER BY id",
					"SELECT person_id, title, first_seen, last_seen FROM meeting_person_titles ORDER BY id")
				// The district's Thành, Thạch, Tứ, Nam and Hoa, and the
				// province's Thạch, Tứ and Nam; Tứ and Thành with two
				// titles each.
				if got := countRows(t, d, "meeting_people"); got != 8 {
					t.Errorf("batch %v: %d people, want 8:\n%s", batch, got, people)
				}
				if got := countRows(t, d, "meeting_person_titles"); got != 10 {
					t.Errorf("batch %v: %d titles, want 10:\n%s", batch, got, people)
				}
				var first, last string
				if err := d.QueryRowContext(ctx, `SELECT t.first_seen, t.last_seen FROM meeting_person_titles t JOIN meeting_people p ON p.id = t.person_id
					WHERE p.unit_id = ? AND p.name = 'Nguyễn Bá Thạch'`, u.ChiLang.ID).Scan(&first, &last); err != nil {
					t.Fatal(err)
				}
				if first != "2019-07-05" || last != "2021-12-20" {
					t.Errorf("batch %v: Thạch's title seen %s to %s, want 2019-07-05 to 2021-12-20", batch, first, last)
				}
			}
			if snaps[0] != snaps[1] {
				t.Errorf("one by one:\n%s\nbatch:\n%s", snaps[0], snaps[1])
			}
		})
	}
}

func countRows(t *testing.T, d *db.DB, table string) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
