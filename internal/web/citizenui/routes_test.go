package citizenui_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestEveryRouteOutOfScope walks every route the feature mounts as the
// officer and the leader of Sóc Trăng (who may write there, and nothing
// of Lạng Sơn) aimed at the cases of Lạng Sơn's commune of Chi Lăng — by
// path, by query and by the ids a form or a JSON body names. Each is
// refused, or answers with a page that shows none of those cases; nothing
// is written. A route added to Mount without a line here fails the test.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		sd := seedCases(t, s)
		chiLang, langSon, socTrang := itoa(s.Units.NewChiLang.ID), itoa(s.Units.LangSon.ID), itoa(s.Units.SocTrang.ID)
		pet, dl, is, team, mc, rec, note, hs := itoa(sd.complaint.ID), itoa(sd.dialogue.ID), itoa(sd.issue.ID), itoa(sd.team.ID),
			itoa(sd.mcase.ID), itoa(sd.reception.ID), itoa(sd.note.ID), itoa(sd.hotspot.ID)
		secrets := []string{sd.complaint.Subject, sd.denunciation.Subject, denouncer, sd.dialogue.Topic, sd.issue.Content, sd.team.Name,
			sd.mcase.Matter, sd.note.Title, "Hoàng Văn Bình", "Nguyễn Văn Hùng"}

		type send struct {
			query string
			form  url.Values
			json  string
		}
		requests := map[string]send{
			"GET /cong-dan":                              {},
			"GET /cong-dan/don":                          {query: "xem=tat-ca"},
			"GET /cong-dan/don/moi":                      {query: "don_vi=" + chiLang},
			"POST /cong-dan/don/moi":                     {form: url.Values{"unit": {chiLang}, "kind": {"complaint"}, "source": {"mail"}, "received_on": {"01/03/2026"}, "subject": {"Khiếu nại"}, "petitioner_name": {"A"}}},
			"GET /cong-dan/don/{id}":                     {},
			"POST /cong-dan/don/{id}/buoc":               {form: url.Values{"action": {"accept"}, "version": {"1"}}},
			"POST /cong-dan/don/{id}/phan-cong":          {form: url.Values{"handlers": {itoa(s.User("officer.soctrang").ID)}, "version": {"1"}}},
			"GET /cong-dan/tiep-dan":                     {query: "don_vi=" + chiLang + "&thang=2026-03"},
			"POST /cong-dan/tiep-dan":                    {form: url.Values{"unit": {chiLang}, "head_name": {"A"}, "on": {"10/03/2026"}}},
			"GET /cong-dan/tiep-dan/{id}":                {},
			"POST /cong-dan/tiep-dan/{id}/luot":          {form: url.Values{"visitor": {"A"}, "about": {"Việc"}}},
			"POST /cong-dan/tiep-dan/{id}/huy":           {form: url.Values{"reason": {"Bận"}}},
			"GET /cong-dan/doi-thoai":                    {},
			"GET /cong-dan/doi-thoai/moi":                {},
			"POST /cong-dan/doi-thoai/moi":               {form: url.Values{"unit": {chiLang}, "topic": {"X"}, "head_name": {"A"}, "planned_on": {"20/03/2026"}, "place": {"B"}}},
			"GET /cong-dan/doi-thoai/{id}":               {},
			"POST /cong-dan/doi-thoai/{id}":              {form: url.Values{"status": {"cancelled"}, "version": {"2"}}},
			"POST /cong-dan/doi-thoai/{id}/y-kien":       {form: url.Values{"content": {"Ý kiến"}}},
			"GET /cong-dan/y-kien":                       {},
			"GET /cong-dan/y-kien/{id}":                  {},
			"POST /cong-dan/y-kien/{id}":                 {form: url.Values{"status": {"done"}, "answer": {"Xong"}, "version": {"1"}}},
			"GET /cong-dan/hoa-giai":                     {},
			"POST /cong-dan/hoa-giai":                    {form: url.Values{"unit": {chiLang}, "name": {"Tổ"}}},
			"GET /cong-dan/hoa-giai/{id}":                {query: "nam=2026"},
			"POST /cong-dan/hoa-giai/{id}/hoa-giai-vien": {form: url.Values{"name": {"A"}}},
			"POST /cong-dan/hoa-giai/{id}/vu-viec":       {form: url.Values{"received_on": {"01/03/2026"}, "matter": {"X"}, "category": {"land"}, "p.0.name": {"A"}, "p.1.name": {"B"}}},
			"GET /cong-dan/vu-viec-hoa-giai/{id}":        {},
			"POST /cong-dan/vu-viec-hoa-giai/{id}":       {form: url.Values{"result": {"failed"}, "mediated_on": {"01/03/2026"}, "version": {"1"}}},
			"GET /cong-dan/diem-nong":                    {},
			"GET /cong-dan/diem-nong/quy-tac":            {query: "tinh=" + langSon},
			"POST /cong-dan/diem-nong/quy-tac":           {form: url.Values{"province": {langSon}, "on.late": {"1"}, "threshold.late": {"365"}}},
			"GET /cong-dan/diem-nong/{id}":               {},
			"POST /cong-dan/diem-nong/{id}":              {form: url.Values{"assessment": {"Đã xử lý"}}},
			"GET /cong-dan/tinh-hinh":                    {query: "xem=tat-ca"},
			"GET /cong-dan/tinh-hinh/moi":                {},
			"POST /cong-dan/tinh-hinh/moi":               {form: url.Values{"unit": {chiLang}, "kind": {"quick"}, "title": {"X"}, "happened": {"Y"}}},
			"GET /cong-dan/tinh-hinh/{id}":               {},
			"POST /cong-dan/tinh-hinh/{id}/da-doc":       {},
			"GET /cong-dan/thoi-han":                     {},
			"POST /cong-dan/thoi-han":                    {form: url.Values{"days.complaint_accept": {"5"}, "version": {"0"}}},
			"GET /cong-dan/so-lieu":                      {query: "don_vi=" + chiLang + "&ky=2026"},
			"POST /cong-dan/so-lieu":                     {form: url.Values{"unit": {chiLang}, "period": {"2026"}}},
			"GET /api/v1/petitions":                      {query: "unit=" + chiLang},
			"POST /api/v1/petitions":                     {json: fmt.Sprintf(`{"unit_id": %s, "kind": "complaint", "source": "mail", "received_on": "2026-03-01", "subject": "X", "petitioner": {"name": "A"}}`, chiLang)},
			"GET /api/v1/petitions/{id}":                 {},
			"POST /api/v1/petitions/{id}/actions":        {json: `{"action": "transfer", "to_unit_id": ` + socTrang + `, "body": "Chuyển"}`},
			"GET /api/v1/citizen/due":                    {query: "to=2026-12-31"},
			"GET /api/v1/dialogues":                      {query: "unit=" + chiLang},
			"GET /api/v1/dialogues/{id}":                 {},
			"GET /api/v1/mediation-teams/{id}/cases":     {query: "year=2026"},
			"GET /api/v1/hotspots":                       {query: "status=all"},
			"GET /api/v1/sentiment-notes":                {},
			"GET /api/v1/citizen/figures":                {query: "unit=" + chiLang + "&period=2026"},
		}
		ids := func(pattern string) []string {
			switch {
			case strings.Contains(pattern, "/don/"), strings.Contains(pattern, "/petitions/"):
				return []string{"id", pet}
			case strings.Contains(pattern, "/tiep-dan/"):
				return []string{"id", rec}
			case strings.Contains(pattern, "/doi-thoai/"), strings.Contains(pattern, "/dialogues/"):
				return []string{"id", dl}
			case strings.Contains(pattern, "/y-kien/"):
				return []string{"id", is}
			case strings.Contains(pattern, "/vu-viec-hoa-giai/"):
				return []string{"id", mc}
			case strings.Contains(pattern, "/hoa-giai/"), strings.Contains(pattern, "/mediation-teams/"):
				return []string{"id", team}
			case strings.Contains(pattern, "/diem-nong/"):
				return []string{"id", hs}
			case strings.Contains(pattern, "/tinh-hinh/"):
				return []string{"id", note}
			}
			return nil
		}
		routes := s.Routes("/cong-dan", "/api/v1/petitions", "/api/v1/citizen", "/api/v1/dialogues", "/api/v1/mediation-teams",
			"/api/v1/hotspots", "/api/v1/sentiment-notes")
		if len(routes) != len(requests) {
			t.Errorf("the feature mounts %d routes, the test knows %d", len(routes), len(requests))
		}
		probes := map[string][]webtest.Probe{}
		for pattern, req := range requests {
			pr := webtest.Probe{Values: ids(pattern), Query: req.query, Form: req.form}
			if req.json != "" {
				pr.JSON = req.json
			}
			probes[pattern] = []webtest.Probe{pr}
		}
		s.WalkOutOfScope(webtest.Walk{Routes: routes, Probes: probes, Logins: []string{"officer.soctrang", "leader.soctrang"}, Secrets: secrets, Skip: volatile})
	})
}
