package notify_test

import (
	"context"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// at is a time of December 2026 in Asia/Ho_Chi_Minh.
func at(day, hour int) time.Time { return time.Date(2026, 12, day, hour, 0, 0, 0, notify.Zone) }

// TestAMonthOfRemindersAcrossTwoServers runs two servers over one
// database through December 2026, an hour at a time, with a real SMTP
// server (STARTTLS and AUTH) that is down on the morning of the 20th. A
// province officer's monthly report for November is late, a commune's
// was sent and waits for the province leader (who decides on the 15th),
// and the commune has a key task due on the 20th; the province officer
// unsubscribes from overdue reports on the 10th. Every person gets one
// digest a day exactly on the days they have something, nothing of a
// kind they left, and the 20th's digests once the server is back.
func TestAMonthOfRemindersAcrossTwoServers(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			url := dbtest.URL(t, kind)
			ctx := context.Background()
			d1, err := db.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer d1.Close()
			if _, err := d1.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			d2, err := db.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer d2.Close()
			monthOfReminders(t, d1, d2)
		})
	}
}

func monthOfReminders(t *testing.T, d1, d2 *db.DB) {
	ctx := context.Background()
	var clock atomic.Value
	clock.Store(at(1, 0))
	now := func() time.Time { return clock.Load().(time.Time) }
	w := fixture.NewWorld(t, d1, at(1, 0))
	d1.SetClock(now)
	d2.SetClock(now)
	officer := w.Person("canbo.ls", auth.RoleOfficer, w.LangSon.ID)
	commune := w.Person("canbo.cl", auth.RoleOfficer, w.NewChiLang.ID)
	leader := w.Person("lanhdao.ls", auth.RoleLeader, w.LangSon.ID)
	w.Person("xem.ls", auth.RoleViewer, w.LangSon.ID)
	for _, p := range []*auth.Principal{officer, commune, leader} {
		exec(t, d1, `UPDATE users SET email = ? WHERE id = ?`, p.User.Login+"@example.vn", p.User.ID)
	}
	exec(t, d1, `UPDATE users SET email = 'xem@example.vn' WHERE login = 'xem.ls'`)
	// A monthly form for provinces and communes; the commune sent November's report.
	exec(t, d1, `INSERT INTO report_forms (id, code, name, period_kind, sections, levels, valid_from, created_at)
		VALUES (900, 'THANG', 'Báo cáo tháng', 'month', ',results,', ',province,commune,', '2025-07-01', '2025-07-01T00:00:00.000000Z')`)
	exec(t, d1, `INSERT INTO reports (form_id, unit_id, period, period_kind, period_start, period_end, status, submitted_at, created_at, updated_at)
		VALUES (900, ?, '202611', 'month', '2026-11-01', '2026-11-30', 'submitted', '2026-11-30T03:00:00.000000Z',
		'2026-11-30T03:00:00.000000Z', '2026-11-30T03:00:00.000000Z')`, w.NewChiLang.ID)
	ms := meeting.NewStore(d1, w.Org, w.Auth)
	if _, err := ms.Create(ctx, w.Admin, meeting.Conference{UnitID: w.LangSon.ID, Kind: meeting.TongKet,
		Title: "Hội nghị sơ kết công tác dân vận", HeldOn: org.Date(2026, 11, 10), Period: "2026",
		Tasks: []meeting.Task{{Title: "Rà soát mô hình “Dân vận khéo”", DueOn: org.Date(2026, 12, 20), Owners: []int64{w.NewChiLang.ID}}}}); err != nil {
		t.Fatal(err)
	}

	srv := newMailServer(t, "danvan", "mật khẩu thư")
	catalog, err := i18n.Merge(notify.Messages, vntext.Messages)
	if err != nil {
		t.Fatal(err)
	}
	newNotifier := func(d *db.DB) *notify.Notifier {
		m, err := notify.ParseSMTP("smtp://danvan:m%E1%BA%ADt%20kh%E1%BA%A9u%20th%C6%B0@localhost:" + strings.Split(srv.Addr(), ":")[1] + "?from=nhacviec@example.vn")
		if err != nil {
			t.Fatal(err)
		}
		m.TLS = tlsConfig(srv)
		m.Timeout = 5 * time.Second
		return notify.New(d, notify.Config{Mailer: m, Catalog: catalog, BaseURL: "https://danvan.example.vn", Now: now})
	}
	servers := []*notify.Notifier{newNotifier(d1), newNotifier(d2)}

	var planned atomic.Int64
	for tick := at(1, 0); tick.Before(at(32, 0)); tick = tick.Add(time.Hour) {
		clock.Store(tick)
		switch tick {
		case at(10, 6):
			if err := servers[0].SetUnsubscribed(ctx, officer, []notify.Kind{notify.ReportOverdue}); err != nil {
				t.Fatal(err)
			}
		case at(15, 6):
			exec(t, d1, `UPDATE reports SET status = 'approved' WHERE form_id = 900`)
		case at(20, 6):
			srv.Stop()
		case at(20, 11):
			srv.Start()
		}
		var wg sync.WaitGroup
		for _, n := range servers {
			wg.Go(func() {
				k, err := n.Plan(ctx)
				if err != nil {
					t.Error(err)
				}
				planned.Add(int64(k))
				if _, err := n.Send(ctx); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
	}

	days := map[string][]int{}
	seen := map[string]bool{}
	for _, m := range srv.Received() {
		msg, err := mail.ReadMessage(strings.NewReader(m.Data))
		if err != nil {
			t.Fatal(err)
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
		var day int
		if _, err := fmt.Sscanf(subject, "[danvan] Nhắc việc ngày %d/12/2026", &day); err != nil {
			t.Fatalf("subject %q: %v", subject, err)
		}
		key := fmt.Sprintf("%s %d", m.To, day)
		if seen[key] {
			t.Errorf("%s got two digests on %d/12", m.To, day)
		}
		seen[key] = true
		days[m.To] = append(days[m.To], day)
		text := string(body)
		if testing.Verbose() && day == 1 {
			t.Logf("%s on 1/12:\n%s", m.To, text)
		}
		if m.To == "canbo.ls@example.vn" && day >= 10 && strings.Contains(text, "quá hạn") {
			t.Errorf("unsubscribed from overdue reports, yet on %d/12:\n%s", day, text)
		}
		if m.To == "canbo.cl@example.vn" && day == 17 && (!strings.Contains(text, "Nhiệm vụ “Rà soát mô hình “Dân vận khéo”” của Khối Dân vận xã Chi Lăng: đến hạn ngày 20/12/2026.") ||
			!strings.Contains(text, "https://danvan.example.vn/nhiem-vu/") || !strings.Contains(text, "Kính gửi đồng chí Cán bộ canbo.cl,")) {
			t.Errorf("the commune's digest of 17/12:\n%s", text)
		}
		if m.To == "lanhdao.ls@example.vn" && day == 1 && !strings.Contains(text, "Báo cáo tháng, kỳ tháng 11 năm 2026, của Khối Dân vận xã Chi Lăng: gửi ngày 30/11/2026, đang chờ phê duyệt.") {
			t.Errorf("the leader's digest of 1/12:\n%s", text)
		}
		if m.To == "canbo.ls@example.vn" && day == 6 && !strings.Contains(text, "Báo cáo tháng, kỳ tháng 11 năm 2026, của Ban Dân vận Tỉnh ủy Lạng Sơn: đã quá hạn nộp từ ngày 05/12/2026.") {
			t.Errorf("the province officer's digest of 6/12:\n%s", text)
		}
	}
	span := func(a, b int) []int {
		var out []int
		for i := a; i <= b; i++ {
			out = append(out, i)
		}
		return out
	}
	want := map[string][]int{
		"canbo.ls@example.vn":   append(span(1, 9), span(29, 31)...), // November's report due, then overdue until unsubscribed; December's due from the 29th
		"canbo.cl@example.vn":   append(span(1, 5), span(17, 31)...), // October's report, overdue until 30 days after its deadline (5/11); the task from 3 days ahead, then overdue; December's report from the 29th
		"lanhdao.ls@example.vn": span(1, 14),                         // the commune's report until decided on the 15th
	}
	for to, wd := range want {
		got := days[to]
		sort.Ints(got)
		if !slices.Equal(got, wd) {
			t.Errorf("%s got digests on %v, want %v", to, got, wd)
		}
	}
	if len(days) != len(want) {
		t.Errorf("digests went to %v", days)
	}
	st, err := servers[1].QueueStatus(ctx, time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if st["sent"] != 1 || len(st) != 1 { // only the commune has something that day
		t.Errorf("queue of 20/12: %v", st)
	}
	var attempts int
	if err := d1.QueryRowContext(ctx, `SELECT MAX(attempts) FROM notify_digests WHERE day = '2026-12-20'`).Scan(&attempts); err != nil || attempts < 2 {
		t.Errorf("the 20th's digests were tried %d times (%v), want a retry", attempts, err)
	}
	// The viewer has nothing to do; in the app, the leader's last list is the 14th's.
	rs, day, err := servers[0].Reminders(ctx, leader)
	if err != nil || len(rs) != 1 || rs[0].Kind != notify.DecisionWaiting || !day.Equal(time.Date(2026, 12, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the leader's reminders in the app: %v on %v (%v)", rs, day, err)
	}
	if planned.Load() == 0 {
		t.Error("no reminders were made")
	}
}

func exec(t *testing.T, d *db.DB, q string, args ...any) {
	t.Helper()
	if _, err := d.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
