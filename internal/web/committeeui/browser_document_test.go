package committeeui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserDecisionDraft follows a committee decision's link to its
// Party-format draft on a phone and a laptop: the preview names the
// decision and its signer, and no page is wider than the screen.
func TestBrowserDecisionDraft(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, sd := newSite(t, dbtest.Open(t, "sqlite"))
	u := s.Units
	bg := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	if _, err := document.NewStore(s.DB, s.Org, s.Auth, s.Files, document.DefaultSettings()).SetIssuer(bg, auth.System(), document.Issuer{
		UnitID: u.LangSon.ID, From: u.LangSon.ValidFrom, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"}); err != nil {
		t.Fatal(err)
	}
	if _, err := committee.NewStore(s.DB, s.Org, s.Auth, meeting.NewStore(s.DB, s.Org, s.Auth)).AddDecision(bg, s.Principal("officer.langson"), sd.c.ID,
		committee.Decision{Number: "05-QĐ/BCĐ", SignedOn: org.Date(2025, 3, 10), Title: "Ban hành Kế hoạch kiểm tra thực hiện Quy chế dân chủ ở cơ sở năm 2025"}); err != nil {
		t.Fatal(err)
	}
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "officer.langson")
	for _, v := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1366, 900}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.w, v.h), chromedp.Navigate(base+"/ban-chi-dao/"+itoa(sd.c.ID)), chromedp.WaitVisible(chromedp.CSS("#quyet-dinh a.soan-van-ban")),
			chromedp.Click(chromedp.CSS("#quyet-dinh a.soan-van-ban")), chromedp.WaitVisible(chromedp.CSS("#doc-preview"))); err != nil {
			t.Fatal(err)
		}
		if got := webtest.Text(t, ctx, "#doc-preview"); !strings.Contains(got, "QUYẾT ĐỊNH") || !strings.Contains(got, "Hoàng Văn Nghiệm") {
			t.Errorf("%s preview: %q", v.name, got)
		}
		webtest.Look(t, ctx, shots, "decision-draft-"+v.name)
	}
}
