package demo

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"path"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// NationalTasks is how many key tasks the national demo holds.
const NationalTasks = 50000

// GenerateMeetings adds conferences to a demo hierarchy (after Generate):
// for each half-year from 2015 to the present, a review conference of
// every province board and of a sample of district boards and commune
// blocs (the tree as it stood at the end of the half-year), with chairs,
// attendees, speakers, figures and key tasks due with the next half-year
// (most of the past ones done, some still open, hence overdue); then the
// five sample articles imported through the article import. At national
// scale the tasks total NationalTasks.
func GenerateMeetings(ctx context.Context, d *db.DB, opts Options) error {
	rng := rand.New(rand.NewSource(opts.Seed + 8))
	units := org.NewStore(d)
	st := meeting.NewStore(d, units, nil)
	today := d.Now()
	type slot struct {
		held   time.Time
		period string
		unit   org.Unit
		kids   []org.Unit
	}
	var slots []slot
	trees := map[bool][]org.Unit{}
	for y := 2015; y <= today.Year(); y++ {
		for half := 1; half <= 2; half++ {
			p := vntext.Period{Kind: vntext.Half, Year: y, Part: half}
			end := p.End()
			held := end.AddDate(0, 0, 5+rng.Intn(20))
			if half == 1 {
				held = end.AddDate(0, 0, -10+rng.Intn(20))
			}
			if held.After(today.AddDate(0, 2, 0)) {
				continue
			}
			old := end.Before(Reform)
			tree, ok := trees[old]
			if !ok {
				var err error
				tree, err = units.Tree(ctx, end)
				if err != nil {
					return fmt.Errorf("demo: meetings: tree: %w", err)
				}
				trees[old] = tree
			}
			children := map[int64][]org.Unit{}
			for _, u := range tree {
				if u.ParentID != 0 && (u.Kind == org.Board || u.Kind == org.CommuneBloc) {
					children[u.ParentID] = append(children[u.ParentID], u)
				}
			}
			demoCommune := firstCommune(tree)
			for _, u := range tree {
				if u.Kind != org.Board && u.Kind != org.CommuneBloc {
					continue
				}
				take := false
				switch u.Level {
				case org.Province:
					take = true
				case org.District:
					take = rng.Float64() < 0.12
				case org.Commune:
					// The demo officer's commune holds its own reviews.
					take = u.ID == demoCommune || rng.Float64() < 0.012
				}
				if take && u.ValidOn(held) {
					slots = append(slots, slot{held: held, period: p.String(), unit: u, kids: children[u.ID]})
				}
			}
		}
	}
	per, extra := 4, 0
	if opts.Scale == National && len(slots) > 0 {
		per, extra = NationalTasks/len(slots), NationalTasks%len(slots)
	}
	// On PostgreSQL the tables' foreign keys are checked once, when they
	// are added again after the last conference, instead of once per row
	// and key (db.Tx.DeferForeignKeys; on SQLite the demo loads without
	// checks).
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		restore, err := tx.DeferForeignKeys(ctx, meetingTables...)
		if err != nil {
			return fmt.Errorf("demo: meetings: %w", err)
		}
		in := d.Within(tx)
		st := meeting.NewStore(in, org.NewStore(in), nil)
		var batch []meeting.Conference
		analyzed := false
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			if _, err := st.CreateBatch(ctx, batch); err != nil {
				return fmt.Errorf("demo: meetings: %w", err)
			}
			batch = batch[:0]
			if !analyzed && tx.Dialect() == db.Postgres {
				// The reports step analyzed these tables while they were
				// empty, so PostgreSQL planned the store's lookups by
				// person and title as scans of the whole table and kept
				// those plans as the tables grew (the step took 41 s
				// instead of 20); statistics taken after the first batch
				// have them planned again, through the indexes.
				analyzed = true
				return analyzeMeetings(ctx, tx)
			}
			return nil
		}
		for i, s := range slots {
			n := per
			if i < extra {
				n++
			}
			batch = append(batch, meetingConference(rng, s.unit, s.kids, s.held, s.period, n, today))
			if len(batch) == 200 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if err := restore(ctx); err != nil {
			return fmt.Errorf("demo: meetings: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := d.WithTx(ctx, func(tx *db.Tx) error { return analyzeMeetings(ctx, tx) }); err != nil {
		return err
	}
	return importMeetingSamples(ctx, st, units, today)
}

// meetingTables are the tables GenerateMeetings fills.
var meetingTables = []string{"meeting_people", "meeting_person_titles", "meeting_conferences", "meeting_participants",
	"meeting_attending_units", "meeting_figures", "meeting_tasks", "meeting_task_owners"}

// analyzeMeetings refreshes the planner's statistics of the meeting tables.
func analyzeMeetings(ctx context.Context, tx *db.Tx) error {
	for _, t := range meetingTables {
		if _, err := tx.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return fmt.Errorf("demo: analyze %s: %w", t, err)
		}
	}
	return nil
}

// importMeetingSamples imports the sample articles; an article whose organizer
// matches no demo unit goes to the first province.
func importMeetingSamples(ctx context.Context, st *meeting.Store, units *org.Store, today time.Time) error {
	names, err := fs.Glob(meeting.Samples, "samples/*.txt")
	if err != nil {
		return err
	}
	var fallback int64
	for _, n := range names {
		doc, err := meeting.Samples.ReadFile(n)
		if err != nil {
			return err
		}
		_, err = st.Import(ctx, doc, meeting.ImportOptions{SourceName: path.Base(n), Published: today})
		if err != nil && fallback == 0 {
			tree, terr := units.Tree(ctx, Start)
			if terr != nil {
				return terr
			}
			for _, u := range tree {
				if u.Level == org.Province && u.Kind == org.Board {
					fallback = u.ID
					break
				}
			}
		}
		if err != nil {
			_, err = st.Import(ctx, doc, meeting.ImportOptions{UnitID: fallback, SourceName: path.Base(n), Published: today})
		}
		if err != nil {
			return fmt.Errorf("demo: import sample %s: %w", n, err)
		}
	}
	return nil
}

var (
	meetingSurnames  = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Hà", "Lò", "Siu"}
	meetingMiddles   = []string{"Văn", "Thị", "Minh", "Bá", "Đức", "Thanh", "Quang", "Hữu", "Ngọc", "Thu"}
	meetingGivens    = []string{"Thạch", "Tứ", "Hải", "Hoa", "Lan", "Bình", "Dũng", "Hùng", "Phương", "Thảo", "Nam", "Sơn", "Hằng", "Tuấn", "Yến", "Khánh"}
	meetingTaskTexts = []string{
		"Tiếp tục đổi mới nội dung, phương thức công tác dân vận, hướng mạnh về cơ sở",
		"Đẩy mạnh phong trào thi đua “Dân vận khéo”, xây dựng và nhân rộng các mô hình hiệu quả",
		"Thực hiện tốt Quy chế dân chủ ở cơ sở; tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân",
		"Nắm chắc tình hình tư tưởng nhân dân, phát hiện sớm và giải quyết kịp thời các vụ việc phức tạp",
		"Phối hợp với Mặt trận Tổ quốc và các đoàn thể thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
		"Làm tốt công tác hòa giải ở cơ sở, không để phát sinh điểm nóng",
		"Tham mưu sơ kết việc thực hiện Kết luận số 114-KL/TW về nâng cao chất lượng công tác dân vận",
		"Vận động nhân dân đóng góp Quỹ “Vì người nghèo”, chăm lo cho hộ nghèo dịp Tết",
	}
)

// meetingPerson is a stable official of a unit: the same unit gets the same
// few people every half-year, so the directory fills with titles over time.
func meetingPerson(u org.Unit, k int) string {
	h := int(u.ID)*7 + k*13
	return meetingSurnames[h%len(meetingSurnames)] + " " + meetingMiddles[(h/3)%len(meetingMiddles)] + " " + meetingGivens[(h/5+k)%len(meetingGivens)]
}

func meetingCommittee(u org.Unit) string {
	switch u.Level {
	case org.Province:
		return "Tỉnh ủy"
	case org.District:
		return "Huyện ủy"
	}
	return "Đảng ủy xã"
}

func meetingConference(rng *rand.Rand, u org.Unit, kids []org.Unit, held time.Time, period string, ntasks int, today time.Time) meeting.Conference {
	p, _ := vntext.ParsePeriod(period)
	kind := meeting.SoKet
	if p.Part == 2 {
		kind = meeting.TongKet
	}
	com := meetingCommittee(u)
	c := meeting.Conference{UnitID: u.ID, Kind: kind, HeldOn: held, Period: period,
		Title:     fmt.Sprintf("Hội nghị %s công tác dân vận %s", map[meeting.Kind]string{meeting.SoKet: "sơ kết", meeting.TongKet: "tổng kết"}[kind], p.Label()),
		TimeOfDay: []string{"sáng", "chiều", "08:00"}[rng.Intn(3)], Place: "Hội trường " + com,
		Participants: []meeting.Participant{
			{Name: meetingPerson(u, 0), Title: "Phó Bí thư Thường trực " + com, Role: meeting.Chair},
			{Name: meetingPerson(u, 1), Title: "UVBTV, Trưởng Ban Dân vận " + com, Role: meeting.Chair},
			{Name: meetingPerson(u, 2), Title: "Phó Chủ tịch Ủy ban MTTQ", Role: meeting.Attendee},
		},
		Figures: []meeting.Figure{
			{Value: float64(5 + rng.Intn(80)), Unit: "vụ việc", About: "hòa giải thành công"},
			{Value: float64(2 + rng.Intn(30)), Unit: "mô hình", About: "“Dân vận khéo” được công nhận"},
			{Value: float64(100 + rng.Intn(5000)), Unit: "lượt cán bộ", About: "được bồi dưỡng nghiệp vụ"},
		},
		Summary: "Các cấp đã chủ động tham mưu, thực hiện tốt công tác dân vận; phong trào thi đua “Dân vận khéo” tiếp tục lan tỏa.",
		Outcome: "Hội nghị thống nhất phương hướng, nhiệm vụ kỳ tới.",
	}
	for i := 0; i < min(len(kids), 6); i++ {
		c.AttendingUnits = append(c.AttendingUnits, kids[i].ID)
	}
	next := meeting.NextPeriod(period)
	np, _ := vntext.ParsePeriod(next)
	for i := 0; i < ntasks; i++ {
		t := meeting.Task{Title: meetingTaskTexts[(i+rng.Intn(3))%len(meetingTaskTexts)], Period: next, Status: meeting.Open, Owners: []int64{u.ID}}
		if len(kids) > 0 && rng.Intn(3) > 0 {
			t.Owners = []int64{kids[rng.Intn(len(kids))].ID}
		}
		if rng.Intn(4) == 0 {
			t.Period = ""
			t.DueOn = held.AddDate(0, 1+rng.Intn(5), 0)
		}
		due := np.End()
		if !t.DueOn.IsZero() {
			due = t.DueOn
		}
		if due.Before(today) {
			// Tasks of past years are nearly all closed; this year's that
			// are due have more left late (in progress or not begun).
			done := 70
			if due.Year() < today.Year() {
				done = 94
			}
			switch r := rng.Intn(100); {
			case r < done:
				t.Status, t.ClosedOn = meeting.Done, due.AddDate(0, 0, -rng.Intn(30))
			case r < done+2:
				t.Status, t.DropReason, t.ClosedOn = meeting.Dropped, "Nhiệm vụ không còn phù hợp sau sắp xếp bộ máy", due
			case r < done+2+(98-done)/2:
				t.Status = meeting.InProgress
			}
		} else if rng.Intn(3) == 0 {
			t.Status = meeting.InProgress
		}
		c.Tasks = append(c.Tasks, t)
	}
	return c
}

// firstCommune is the first commune in tree order that lies in a
// province: the unit of the demo officer (auth.DemoAccounts picks it so),
// whose own conferences and tasks the demo should show. 0 when none.
func firstCommune(tree []org.Unit) int64 {
	levels := make(map[int64]org.Level, len(tree))
	for _, u := range tree {
		levels[u.ID] = u.Level
	}
	for _, u := range tree {
		if u.Level != org.Commune {
			continue
		}
		for _, id := range u.PathIDs() {
			if levels[id] == org.Province {
				return u.ID
			}
		}
	}
	return 0
}
