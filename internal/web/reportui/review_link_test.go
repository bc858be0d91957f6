package reportui_test

import (
	"net/http"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestDashboardReviewLink links the dashboard to drafting the unit's
// review report of the period shown, for who may write the unit's
// documents only, and only for a half year or a year; the link opens
// the draft.
func TestDashboardReviewLink(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.approvedFor(t, "canbo.xa", w.Units.NewChiLang.ID, "2026S1", "40")
		commune, province := itoa(w.Units.NewChiLang.ID), itoa(w.Units.LangSon.ID)
		for _, c := range []struct {
			who, query  string
			status      int
			label, href string // "" for no link
		}{
			{"canbo.xa", "don-vi=" + commune, http.StatusOK, "Soạn báo cáo sơ kết", "/van-ban/soan?loai=review&don-vi=" + commune + "&ky=2026S1"},
			{"canbo.xa", "don-vi=" + commune + "&ky=2025", http.StatusOK, "Soạn báo cáo tổng kết", "/van-ban/soan?loai=review&don-vi=" + commune + "&ky=2025"},
			{"canbo.xa", "don-vi=" + commune + "&ky=2026S1&lang=en", http.StatusOK, "Draft the half-year review report", "/van-ban/soan?loai=review&don-vi=" + commune + "&ky=2026S1"},
			// A year still to come has no review yet.
			{"canbo.xa", "don-vi=" + commune + "&ky=2027", 0, "", ""},
			{"xem.tinh", "don-vi=" + province, http.StatusOK, "", ""},
			{"xem.tinh", "don-vi=" + commune, http.StatusOK, "", ""},
			{"canbo.st", "don-vi=" + commune, http.StatusForbidden, "", ""},
		} {
			res := w.As(c.who).Get("/bao-cao/tong-hop?" + c.query)
			status := res.StatusCode
			link := webtest.Doc(t, res).Find("a.rp-review")
			if c.status != 0 && status != c.status {
				t.Errorf("%s at %s: %d, want %d\n%s", c.who, c.query, status, c.status, w.Logs())
			}
			if c.href == "" {
				if link.Length() != 0 {
					t.Errorf("%s at %s: a review link %q is shown", c.who, c.query, link.AttrOr("href", ""))
				}
				continue
			}
			if link.Length() != 1 || link.Text() != c.label || link.AttrOr("href", "") != c.href {
				t.Errorf("%s at %s: review link %q %q, want %q %q", c.who, c.query, link.Text(), link.AttrOr("href", ""), c.label, c.href)
				continue
			}
			if res := w.As(c.who).Get(c.href); res.StatusCode != http.StatusOK {
				t.Errorf("%s: %s answers %d", c.who, c.href, res.StatusCode)
			}
		}
	})
}
