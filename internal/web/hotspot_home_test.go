package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestLeaderHomeShowsHotSpots: a petition signed by 40 people (đông
// người) at xã Chi Lăng raises a warning; the leader of Lạng Sơn finds it
// on the home page with its rule, cases and unit, a link to it and to the
// full list; the leader of Sóc Trăng finds the empty state, and an officer
// of Sóc Trăng neither the warning nor the inbox.
func TestLeaderHomeShowsHotSpots(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := webtest.New(t, d, webtest.At(time.Date(2026, 9, 15, 8, 0, 0, 0, time.UTC)))
		u := s.Units
		s.AddUser("quantri.tw", auth.RoleAdmin, u.Central.ID)
		s.AddUser("lanhdao.ls", auth.RoleLeader, u.LangSon.ID)
		s.AddUser("lanhdao.st", auth.RoleLeader, u.SocTrang.ID)
		s.AddUser("canbo.st", auth.RoleOfficer, u.SocTrang.ID)
		cases := citizen.NewStore(d, s.Org, s.Auth)
		if _, err := cases.CreatePetition(ctx, s.Principal("quantri.tw"), citizen.NewPetition{UnitID: u.NewChiLang.ID,
			Kind: citizen.Proposal, Source: citizen.FromMail, ReceivedOn: org.Date(2026, 9, 10),
			Subject: "Kiến nghị di dời bãi rác gần khu dân cư", Place: "thôn Bắc Thủy", Signatories: 40,
			Petitioner: citizen.Petitioner{Name: "Hoàng Văn Thụ", Address: "thôn Bắc Thủy, xã Chi Lăng"}}); err != nil {
			t.Fatal(err)
		}
		spots, n, err := cases.HotSpots(ctx, s.Principal("lanhdao.ls"), citizen.HotSpotFilter{Open: true, Leading: true, Limit: 5})
		if err != nil || n != 1 || len(spots) != 1 {
			t.Fatalf("the crowd rule raised %d warnings (%v), want 1", n, err)
		}

		page := webtest.Doc(t, s.As("lanhdao.ls").Get("/"))
		card := page.Find("section.inbox #diem-nong")
		text := strings.Join(strings.Fields(card.Text()), " ")
		for _, want := range []string{"Cảnh báo điểm nóng đang mở", "Đơn đông người", "xã Chi Lăng", "1 vụ việc", "Kiến nghị di dời bãi rác"} {
			if !strings.Contains(text, want) {
				t.Errorf("the leader's hot-spot card lacks %q: %q", want, text)
			}
		}
		if got := strings.TrimSpace(card.Find(".count").Text()); got != "1" {
			t.Errorf("count %q, want 1", got)
		}
		if href, _ := card.Find("li a").Attr("href"); href != "/cong-dan/diem-nong/"+itoa(spots[0].ID) {
			t.Errorf("the warning links to %q", href)
		}
		if card.Find(`a[href="/cong-dan/diem-nong?xem=dang-mo"]`).Length() != 1 {
			t.Error("no link to the full list of open warnings")
		}
		if page.Find("section.inbox > p.muted").Length() != 0 {
			t.Error("the inbox says it is empty beside an open warning")
		}

		other := webtest.Doc(t, s.As("lanhdao.st").Get("/"))
		card = other.Find("#diem-nong")
		if card.Find("li").Length() != 0 || strings.Contains(card.Text(), "bãi rác") {
			t.Errorf("Sóc Trăng's leader sees Lạng Sơn's warning: %q", card.Text())
		}
		if !strings.Contains(card.Text(), "Không có cảnh báo điểm nóng nào đang mở") {
			t.Errorf("no empty state for Sóc Trăng's leader: %q", card.Text())
		}
		body := webtest.Body(t, s.As("canbo.st").Get("/"))
		if strings.Contains(body, "bãi rác") || strings.Contains(body, `id="diem-nong"`) {
			t.Error("an officer of another province sees the warning on the home page")
		}
	})
}
