package meetingui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPledgePages: an admin signs a Lạng Sơn pledge with two communes,
// scores them to a tie, sees both ranked first with the rules beside,
// then breaks the tie.
func TestPledgePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.As("admin")
		a, b := itoa(s.Units.NewChiLang.ID), itoa(s.Units.NewDongDang.ID)
		form := webtest.Doc(t, c.Get("/thi-dua/moi?don_vi="+itoa(s.Units.LangSon.ID)))
		if form.Find(`input[name=signed][value="`+a+`"]`).Length() != 1 {
			t.Fatalf("pledge form lacks the commune checkbox")
		}
		v := url.Values{"unit": {itoa(s.Units.LangSon.ID)}, "title": {"Giao ước thi đua năm 2026"}, "period": {"2026"},
			"signed_on": {"15/01/2026"}, "c.0.kind": {"deliverable"}, "c.0.description": {"Xây dựng mô hình mới"}, "c.0.max": {"60"},
			"c.1.kind": {"target"}, "c.1.indicator": {"HG01"}, "c.1.target": {"20"}, "c.1.description": {"Hòa giải 20 vụ việc"}, "c.1.max": {"40"},
			"signed": {a, b}, "signer." + a: {"Hoàng Văn Bình"}, "signer." + b: {"Lý Thị Hoa"}}
		// Without a signer for one commune: refused, input kept.
		bad := url.Values{}
		for k, x := range v {
			bad[k] = x
		}
		bad.Set("signer."+b, "")
		res := c.Post("/thi-dua/moi", bad)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("missing signer = %d", res.StatusCode)
		}
		page := webtest.Doc(t, res)
		if got, _ := page.Find(`input[name="c.1.description"]`).Attr("value"); got != "Hòa giải 20 vụ việc" || s.Count("emulation_pledges") != 0 {
			t.Errorf("refused pledge: kept %q, pledges %d", got, s.Count("emulation_pledges"))
		}
		if got := page.Find(`#sg` + b).Parent().Parent().Find(".field-error").Text(); !strings.Contains(got, "Hãy ghi người ký") {
			t.Errorf("the missing signer's row says %q", got)
		}
		res = c.Post("/thi-dua/moi", v)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create = %d", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		page = webtest.Doc(t, c.Get(loc))
		var names []string
		page.Find(`input[name^="s."]`).Each(func(_ int, in *goquery.Selection) { names = append(names, in.AttrOr("name", "")) })
		if len(names) != 4 {
			t.Fatalf("score inputs = %v", names)
		}
		scores := url.Values{}
		for i, n := range names {
			scores.Set(n, []string{"50", "30", "40", "40"}[i]) // 80 each: a tie
		}
		if res := c.Post(loc+"/cham-diem", scores); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("score = %d", res.StatusCode)
		}
		rank := webtest.Doc(t, c.Get(loc)).Find(".pl-table tbody tr")
		if rank.Length() != 2 || !strings.Contains(rank.Eq(0).Text(), "đồng hạng") || !strings.HasPrefix(strings.TrimSpace(rank.Eq(1).Find("td").First().Text()), "1") {
			t.Errorf("tie ranking: %q", rank.Text())
		}
		if !strings.Contains(webtest.Doc(t, c.Get(loc)).Find(".pl-rules").Text(), "đồng hạng") {
			t.Errorf("rules not shown beside the ranking")
		}
		scores.Set(names[0], "70") // over the maximum of 60
		if res := c.Post(loc+"/cham-diem", scores); res.StatusCode != http.StatusBadRequest {
			t.Errorf("score over max = %d", res.StatusCode)
		}
		scores.Set(names[0], "55")
		if res := c.Post(loc+"/cham-diem", scores); res.StatusCode != http.StatusSeeOther {
			t.Errorf("rescore = %d", res.StatusCode)
		}
		rank = webtest.Doc(t, c.Get(loc)).Find(".pl-table tbody tr")
		if !strings.Contains(rank.Eq(0).Text(), "Chi Lăng") || strings.Contains(rank.Text(), "đồng hạng") {
			t.Errorf("after breaking the tie: %q", rank.Text())
		}
		// The signing commune's officer reads it and may not score it.
		o := s.As("officer.chilang")
		if res := o.Get(loc); res.StatusCode != http.StatusOK {
			t.Errorf("signatory reads = %d", res.StatusCode)
		}
		before := s.Snapshot(volatile...)
		if res := o.Post(loc+"/cham-diem", scores); res.StatusCode != http.StatusForbidden {
			t.Errorf("signatory scores = %d", res.StatusCode)
		}
		s.Unchanged("a refused score", before, volatile...)
	})
}
