package citizenui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// pages are the pages of the feature with the seeded records' ids.
func pages(s *webtest.Site, sd seed) []string {
	return []string{
		"/cong-dan", "/cong-dan/don", "/cong-dan/don?xem=qua-han", "/cong-dan/don?xem=tat-ca&loai=complaint&q=dat",
		"/cong-dan/don/moi", "/cong-dan/don/" + itoa(sd.denunciation.ID), "/cong-dan/don/" + itoa(sd.complaint.ID),
		"/cong-dan/tiep-dan?thang=2026-03", "/cong-dan/tiep-dan/" + itoa(sd.reception.ID),
		"/cong-dan/doi-thoai", "/cong-dan/doi-thoai/moi", "/cong-dan/doi-thoai/" + itoa(sd.dialogue.ID),
		"/cong-dan/y-kien", "/cong-dan/y-kien?xem=qua-han", "/cong-dan/y-kien/" + itoa(sd.issue.ID),
		"/cong-dan/hoa-giai", "/cong-dan/hoa-giai/" + itoa(sd.team.ID) + "?nam=2026", "/cong-dan/vu-viec-hoa-giai/" + itoa(sd.mcase.ID),
		"/cong-dan/diem-nong", "/cong-dan/diem-nong?xem=da-dong", "/cong-dan/diem-nong/" + itoa(sd.hotspot.ID),
		"/cong-dan/diem-nong/quy-tac?tinh=" + itoa(s.Units.LangSon.ID),
		"/cong-dan/tinh-hinh?xem=tat-ca", "/cong-dan/tinh-hinh/moi", "/cong-dan/tinh-hinh/" + itoa(sd.note.ID),
		"/cong-dan/so-lieu?don_vi=" + itoa(s.Units.NewChiLang.ID) + "&ky=2026",
		"/cong-dan/thoi-han", "/cong-dan/thoi-han?nam=2027",
	}
}

// TestPagesRender opens every page as the commune's officer and as the
// province's leader, in both languages: each answers 200 with the records
// it is about, and the English pages carry no Vietnamese from code.
func TestPagesRender(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		sd := seedCases(t, s)
		names := s.DataNames()
		for _, login := range []string{"officer.chilang", "leader.langson"} {
			c := s.As(login)
			for _, path := range pages(s, sd) {
				if login == "leader.langson" && strings.HasSuffix(path, "/moi") {
					continue // a leader records nothing
				}
				if login == "officer.chilang" && strings.Contains(path, "/quy-tac") {
					continue // a commune reads not its province's rules
				}
				for _, lang := range []string{"vi", "en"} {
					sep := "?"
					if strings.Contains(path, "?") {
						sep = "&"
					}
					res := c.Get(path + sep + "lang=" + lang)
					if res.StatusCode != http.StatusOK {
						t.Errorf("%s %s (%s) = %d: %s", login, path, lang, res.StatusCode, webtest.Body(t, res))
						continue
					}
					doc := webtest.Doc(t, res)
					if lang == "en" {
						data := append(names, sd.denunciation.Subject, sd.complaint.Subject, sd.dialogue.Topic, "Nguyễn Văn Hùng",
							"Bí thư Đảng ủy xã", "Hội trường xã", sd.issue.Content, "Ông Hoàng Văn Tư", sd.team.Name, "thôn Bản Lải",
							sd.mcase.Matter, "Hai hộ thống nhất mở lối đi 2 m", "Hoàng Văn Sáu", "Lý Thị Bảy", sd.note.Title,
							"Nhiều hộ bàn tán về giá đền bù thấp hơn xã bên", "Cần đối thoại sớm", "Trụ sở xã", denouncer,
							"0912345678", "Hoàng Văn Bình", "officer.chilang")
						if left := webtest.VietnameseLeft(doc, data...); len(left) > 0 {
							t.Errorf("%s %s in English shows Vietnamese: %v", login, path, left)
						}
					}
				}
			}
		}
		// The denunciation's page names its sender to the handler only.
		if body := webtest.Body(t, s.As("officer.chilang").Get("/cong-dan/don/"+itoa(sd.denunciation.ID))); !strings.Contains(body, denouncer) {
			t.Error("the handler does not see the denouncer")
		}
	})
}

// TestDenouncerHiddenEverywhere: the sender of a denunciation appears in
// no page or API answer to anyone but its assigned handler — another
// officer of the commune, its viewer, the province's officer and leader,
// the national administrator — and never in the audit log.
func TestDenouncerHiddenEverywhere(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		sd := seedCases(t, s)
		secrets := []string{denouncer, "0912345678"}
		id := itoa(sd.denunciation.ID)
		for _, login := range []string{"officer2.chilang", "viewer.chilang", "officer.langson", "leader.langson", "admin"} {
			c := s.As(login)
			for _, path := range append(pages(s, sd), "/cong-dan/don?xem=tat-ca") {
				body := webtest.Body(t, c.Get(path))
				for _, secret := range secrets {
					if strings.Contains(body, secret) {
						t.Errorf("%s sees %q on %s", login, secret, path)
					}
				}
			}
			token := s.Token(login)
			for _, path := range []string{"/api/v1/petitions/" + id, "/api/v1/petitions?due=open", "/api/v1/citizen/due"} {
				body := webtest.Body(t, s.APIResponse("GET", path, token, nil))
				for _, secret := range secrets {
					if strings.Contains(body, secret) {
						t.Errorf("%s sees %q in %s", login, secret, path)
					}
				}
			}
		}
		// A second officer is assigned by the leader: now they see it, the
		// first no longer does.
		leader := s.As("leader.langson")
		res := leader.Post("/cong-dan/don/"+id+"/phan-cong", url.Values{"handlers": {itoa(s.User("officer2.chilang").ID)},
			"version": {itoa(sd.denunciation.Version)}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("assign = %d: %s", res.StatusCode, webtest.Body(t, res))
		}
		if body := webtest.Body(t, s.As("officer2.chilang").Get("/cong-dan/don/"+id)); !strings.Contains(body, denouncer) {
			t.Error("the new handler does not see the denouncer")
		}
		if body := webtest.Body(t, s.As("officer.chilang").Get("/cong-dan/don/"+id)); strings.Contains(body, denouncer) {
			t.Error("the former handler still sees the denouncer")
		}
		if body := webtest.Body(t, leader.Get("/cong-dan/don/"+id)); strings.Contains(body, denouncer) {
			t.Error("the leader who assigned sees the denouncer")
		}
		if dump := s.Snapshot(); strings.Count(dump, denouncer) != 1 {
			t.Errorf("the denouncer's name is stored %d times (want once, on the petition)", strings.Count(dump, denouncer))
		}
	})
}
