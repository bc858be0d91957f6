package notify_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// TestCitizenDeadlinesAreReminded: a dialogue the commune must announce
// this week reaches its officer as a citizen-affairs reminder.
func TestCitizenDeadlinesAreReminded(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := fixture.NewWorld(t, d, at(2, 8).UTC())
		officer := w.Person("canbo.cl", auth.RoleOfficer, w.NewChiLang.ID)
		cs := citizen.NewStore(d, w.Org, w.Auth)
		dl, err := cs.PlanDialogue(ctx, officer, citizen.NewDialogue{UnitID: w.NewChiLang.ID, Topic: "Giải phóng mặt bằng đường tỉnh",
			HeadName: "Hoàng Văn Tám", PlannedOn: org.Date(2026, 12, 10), Place: "Hội trường xã"})
		if err != nil {
			t.Fatal(err)
		}
		catalog, _ := i18n.Merge(notify.Messages, vntext.Messages)
		n := notify.New(d, notify.Config{Catalog: catalog, Sources: []notify.Source{notify.CitizenSource(cs)},
			Now: func() time.Time { return at(2, 8) }})
		if _, err := n.Plan(ctx); err != nil {
			t.Fatal(err)
		}
		rs, _, err := n.Reminders(ctx, officer)
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for _, r := range rs {
			found = append(found, string(r.Kind)+" "+catalog.Text("vi", r.Message)+" "+r.Link)
		}
		want := "citizen_due Thông báo đối thoại “Giải phóng mặt bằng đường tỉnh” của Khối Dân vận xã Chi Lăng: đến hạn ngày"
		if len(found) != 1 || !strings.HasPrefix(found[0], want) || !strings.HasSuffix(found[0], "/cong-dan/doi-thoai/"+strconv.FormatInt(dl.ID, 10)) {
			t.Errorf("reminders: %q\nwant one starting %q", found, want)
		}
	})
}
