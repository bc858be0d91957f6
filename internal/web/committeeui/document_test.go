package committeeui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/committee"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestDraftDecisionDocument: a committee's decision links to drafting it
// as a Party-format decision (QĐ) through the documents' generator: the
// draft carries the decision's title, the grounds from the decision that
// set the committee up, the head on the decision's day as signer and the
// members of that day as an appendix; it downloads as DOCX and is issued
// with the register's number; a commune's officer and another province
// cannot draft it.
func TestDraftDecisionDocument(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, sd := newSite(t, d)
		u := s.Units
		ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
		if _, err := document.NewStore(d, s.Org, s.Auth, s.Files, document.DefaultSettings()).SetIssuer(ctx, auth.System(), document.Issuer{
			UnitID: u.LangSon.ID, From: u.LangSon.ValidFrom, Code: "BDVTU", Name: "Ban Dân vận", Superior: "Tỉnh ủy Lạng Sơn", Place: "Lạng Sơn"}); err != nil {
			t.Fatal(err)
		}
		store := committee.NewStore(d, s.Org, s.Auth, meeting.NewStore(d, s.Org, s.Auth))
		board := s.Principal("officer.langson")
		if _, err := store.AddMember(ctx, board, sd.c.ID, committee.Term{Name: "Lương Thị Thu", Title: "Trưởng Ban Dân vận Tỉnh ủy", UnitID: u.LangSon.ID,
			Role: committee.Deputy, From: org.Date(2021, 3, 1)}); err != nil {
			t.Fatal(err)
		}
		dec, err := store.AddDecision(ctx, board, sd.c.ID, committee.Decision{Number: "05-QĐ/BCĐ", SignedOn: org.Date(2025, 3, 10),
			Title: "Ban hành Kế hoạch kiểm tra thực hiện Quy chế dân chủ ở cơ sở năm 2025", Summary: "Kiểm tra 5 xã, phường trong quý II."})
		if err != nil {
			t.Fatal(err)
		}
		c := s.As("officer.langson")
		link, ok := webtest.Doc(t, c.Get("/ban-chi-dao/"+itoa(sd.c.ID))).Find("#quyet-dinh a.soan-van-ban").Attr("href")
		if !ok {
			t.Fatal("no link to draft the decision")
		}
		res := c.Get(link)
		doc := webtest.Doc(t, res)
		preview := doc.Find("#doc-preview").Text()
		for _, want := range []string{"Về việc ban hành Kế hoạch kiểm tra", "QUYẾT ĐỊNH:", "Căn cứ Quyết định số 88-QĐ/TU ngày 01/03/2021",
			"Kiểm tra 5 xã, phường", "T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Hoàng Văn Nghiệm",
			"BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ TỈNH LẠNG SƠN", "TỈNH ỦY LẠNG SƠN", "-QĐ/BCĐ", "Lương Thị Thu", "Phó Trưởng ban"} {
			if !strings.Contains(preview, want) {
				t.Errorf("the draft lacks %q", want)
			}
		}
		if res.StatusCode != http.StatusOK {
			t.Fatalf("draft: %d\n%s", res.StatusCode, preview)
		}
		form := webtest.FormValues(doc, "#draft-form input, #draft-form textarea, #draft-form select")
		if form.Get("ban-ghi") != itoa(dec.ID) {
			t.Errorf("the draft form does not carry the decision: %q", form.Get("ban-ghi"))
		}
		form.Set("action", "docx")
		if res := c.Post("/van-ban/soan", form); res.StatusCode != http.StatusOK || !strings.HasPrefix(webtest.Body(t, res), "PK") {
			t.Errorf("the decision as DOCX: %d", res.StatusCode)
		}
		for _, login := range []string{"officer.chilang", "officer.soctrang"} {
			if res := s.As(login).Get(link); res.StatusCode == http.StatusOK && strings.Contains(webtest.Body(t, res), "Kế hoạch kiểm tra") {
				t.Errorf("%s drafts Lạng Sơn's committee decision", login)
			}
		}
		form.Set("action", "ban-hanh")
		res = c.Post("/van-ban/soan", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("issue: %d %s", res.StatusCode, webtest.Doc(t, res).Find(".notice, .field-error").Text())
		}
		doc = webtest.Doc(t, c.Get(res.Header.Get("Location")))
		if n := doc.Find("#doc-number").Text(); n != "01-QĐ/BCĐ" {
			t.Errorf("issued as %q", n)
		}
		recs, _, err := document.NewStore(d, s.Org, s.Auth, s.Files, document.DefaultSettings()).List(ctx, board,
			document.Filter{Source: document.Source{Kind: string(committee.DocumentKind), ID: dec.ID}})
		if err != nil || len(recs) != 1 || recs[0].Type != document.Decision {
			t.Errorf("the register by source: %+v %v", recs, err)
		}
	})
}
