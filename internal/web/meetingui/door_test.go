package meetingui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestRecordingPagesRefuseAtTheDoor: a leader (who approves but records
// nothing) opening the new-conference or import page by its address is
// refused there, with the reason, before typing or uploading anything;
// posting an article is refused before it is read, and nothing is
// written. An officer still gets both pages.
func TestRecordingPagesRefuseAtTheDoor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		leader := s.As("leader.langson")
		leader.CSRF()
		before := s.Snapshot(volatile...)
		for _, path := range []string{"/hoi-nghi/nhap", "/hoi-nghi/moi"} {
			res := leader.Get(path)
			body := webtest.Body(t, res)
			if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "không có quyền ghi nhận hội nghị") {
				t.Errorf("leader GET %s = %d, want 403 with the reason", path, res.StatusCode)
			}
		}
		res := leader.Post("/hoi-nghi/nhap", url.Values{"text": {"Sáng ngày 11/7, Ban Dân vận Huyện ủy Chi Lăng tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023."}})
		if body := webtest.Body(t, res); res.StatusCode != http.StatusForbidden || strings.Contains(body, `name="title"`) {
			t.Errorf("leader's article = %d, or the review form was shown", res.StatusCode)
		}
		res = leader.Post("/hoi-nghi/nhap/luu", url.Values{"title": {"Hội nghị"}, "kind": {"so_ket"}, "held": {"01/07/2023"}})
		if body := webtest.Body(t, res); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "không có quyền ghi nhận hội nghị") {
			t.Errorf("leader's save = %d, want 403 with the reason", res.StatusCode)
		}
		s.Unchanged("the leader's refused pages", before, volatile...)
		officer := s.As("officer.chilang")
		for _, path := range []string{"/hoi-nghi/nhap", "/hoi-nghi/moi"} {
			if res := officer.Get(path); res.StatusCode != http.StatusOK {
				t.Errorf("officer GET %s = %d", path, res.StatusCode)
			}
		}
	})
}

// TestPeopleInNavigation: the people directory is in the header of a
// signed-in user, and not of a visitor (it is not public).
func TestPeopleInNavigation(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	if n := webtest.Doc(t, s.As("officer.chilang").Get("/")).Find(`header a[href="/nguoi"]`).Length(); n != 1 {
		t.Errorf("links to /nguoi in an officer's header: %d", n)
	}
	if n := webtest.Doc(t, s.Anon().Get("/")).Find(`header a[href="/nguoi"]`).Length(); n != 0 {
		t.Errorf("links to /nguoi in a visitor's header: %d", n)
	}
}
