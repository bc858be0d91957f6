package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserLeaderHotSpots: on a 390×844 phone and a 1366×900 screen the
// leader of Lạng Sơn finds the open warning on the home page with its
// count, and the card is no wider than the screen.
func TestBrowserLeaderHotSpots(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	d := dbtest.Open(t, "sqlite")
	s := webtest.New(t, d, webtest.At(time.Date(2026, 9, 15, 8, 0, 0, 0, time.UTC)))
	u := s.Units
	s.AddUser("quantri.tw", auth.RoleAdmin, u.Central.ID)
	s.AddUser("lanhdao.ls", auth.RoleLeader, u.LangSon.ID)
	if _, err := citizen.NewStore(d, s.Org, s.Auth).CreatePetition(context.Background(), s.Principal("quantri.tw"), citizen.NewPetition{
		UnitID: u.NewChiLang.ID, Kind: citizen.Proposal, Source: citizen.FromMail, ReceivedOn: org.Date(2026, 9, 10),
		Subject: "Kiến nghị di dời bãi tập kết rác gần khu dân cư thôn Bắc Thủy", Place: "thôn Bắc Thủy", Signatories: 40,
		Petitioner: citizen.Petitioner{Name: "Hoàng Văn Thụ"}}); err != nil {
		t.Fatal(err)
	}
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "lanhdao.ls")
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1366, 900}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#diem-nong li"))); err != nil {
			t.Fatalf("%s: the home page: %v", size.name, err)
		}
		webtest.Look(t, ctx, shots, "hotspots-"+size.name)
		if got := webtest.Text(t, ctx, "#diem-nong"); !strings.Contains(got, "bãi tập kết rác") || webtest.Text(t, ctx, "#diem-nong .count") != "1" {
			t.Errorf("%s: the card reads %q", size.name, got)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('diem-nong').scrollWidth > document.getElementById('diem-nong').clientWidth || document.documentElement.scrollWidth > window.innerWidth`))
		if err != nil || wide {
			t.Errorf("%s: the card overflows the screen (%v)", size.name, err)
		}
	}
}
