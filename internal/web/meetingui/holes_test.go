package meetingui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// theirConference records a conference of xã Mỹ Xuyên (Sóc Trăng), far
// from Lạng Sơn's officers, chaired by someone only its directory knows.
func theirConference(t *testing.T, s *webtest.Site) meeting.Conference {
	t.Helper()
	meetings, _ := stores(s)
	c, err := meetings.Create(context.Background(), auth.System(), meeting.Conference{UnitID: s.Units.NewMyXuyen.ID, Kind: meeting.TongKet,
		Title: "Tổng kết công tác dân vận xã Mỹ Xuyên năm 2025", HeldOn: org.Date(2025, 12, 19), Period: "2025S2",
		Participants: []meeting.Participant{{Name: "Trần Văn Kín", Title: "Bí thư Đảng ủy xã Mỹ Xuyên", Role: meeting.Chair}}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestHoleAPIPersonOfAnotherUnit: POST /api/v1/conferences naming another
// unit's person by id used to return that person's name and write the
// new title onto them. Now it is refused on the field, names nobody, and
// writes nothing.
func TestHoleAPIPersonOfAnotherUnit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		theirs := theirConference(t, s)
		token := s.Token("officer.chilang")
		body := fmt.Sprintf(`{"unit_id": %d, "kind": "so_ket", "title": "Sơ kết", "held_on": "2026-02-01",
			"attendees": [{"person_id": %d, "title": "Chức danh mới"}]}`, s.Units.NewChiLang.ID, theirs.Participants[0].PersonID)
		before := s.Snapshot(volatile...)
		res := s.APIResponse("POST", "/api/v1/conferences", token, body)
		raw := webtest.Body(t, res)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(raw, `"field":"attendee.0.person"`) {
			t.Errorf("status %d body %s", res.StatusCode, raw)
		}
		if strings.Contains(raw, "Kín") || strings.Contains(raw, "Mỹ Xuyên") {
			t.Errorf("the answer tells of the other unit's person: %s", raw)
		}
		s.Unchanged("the refused conference", before, volatile...)
		// The commune's own person by id is still fine.
		meetings, _ := stores(s)
		mine, err := meetings.Create(context.Background(), auth.System(), meeting.Conference{UnitID: s.Units.NewChiLang.ID, Kind: meeting.SoKet,
			Title: "Sơ kết tháng 1", HeldOn: org.Date(2026, 1, 20), Participants: []meeting.Participant{{Name: "Hoàng Văn Bình", Role: meeting.Chair}}})
		if err != nil {
			t.Fatal(err)
		}
		body = fmt.Sprintf(`{"unit_id": %d, "kind": "so_ket", "title": "Sơ kết", "held_on": "2026-02-01",
			"attendees": [{"person_id": %d, "title": "Phó Bí thư"}]}`, s.Units.NewChiLang.ID, mine.Participants[0].PersonID)
		if code, got := s.API("POST", "/api/v1/conferences", token, body); code != http.StatusCreated || !strings.Contains(fmt.Sprint(got["attendees"]), "Hoàng Văn Bình") {
			t.Errorf("own person by id = %d %v", code, got)
		}
	})
}

// TestHolePledgeOnAnotherUnitsConference: POST /thi-dua/moi with another
// unit's conference id used to put a pledge on it, and GET
// /thi-dua/moi?hoi_nghi=ID showed any conference's date and period. Both
// are refused now, and nothing is written.
func TestHolePledgeOnAnotherUnitsConference(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		theirs := theirConference(t, s)
		c := s.As("officer.langson")
		res := c.Get(fmt.Sprintf("/thi-dua/moi?hoi_nghi=%d", theirs.ID))
		body := webtest.Body(t, res)
		if res.StatusCode == http.StatusOK || strings.Contains(body, "19/12/2025") || strings.Contains(body, "6 tháng cuối năm 2025") || strings.Contains(body, theirs.Title) {
			t.Errorf("GET with another unit's conference = %d and shows it", res.StatusCode)
		}
		chiLang := itoa(s.Units.NewChiLang.ID)
		form := url.Values{"unit": {itoa(s.Units.LangSon.ID)}, "conference": {itoa(theirs.ID)}, "title": {"Giao ước thi đua năm 2026"}, "period": {"2026"},
			"signed_on": {"15/01/2026"}, "c.0.kind": {"deliverable"}, "c.0.description": {"Một mô hình mới"}, "c.0.max": {"60"},
			"signed": {chiLang}, "signer." + chiLang: {"Hoàng Văn Bình"}}
		before := s.Snapshot(volatile...)
		res = c.Post("/thi-dua/moi", form)
		body = webtest.Body(t, res)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Không tìm thấy hội nghị này trong phạm vi của bạn") {
			t.Errorf("pledge on another unit's conference = %d", res.StatusCode)
		}
		if strings.Contains(body, theirs.Title) || strings.Contains(body, "19/12/2025") {
			t.Errorf("the refusal shows the other conference")
		}
		s.Unchanged("the refused pledge", before, volatile...)
		// The board's own conference: the form starts from it (its title
		// in the user's language) and the pledge is signed there.
		meetings, _ := stores(s)
		own, err := meetings.Create(context.Background(), auth.System(), meeting.Conference{UnitID: s.Units.LangSon.ID, Kind: meeting.TongKet,
			Title: "Tổng kết năm 2025", HeldOn: org.Date(2026, 1, 12), Period: "2025"})
		if err != nil {
			t.Fatal(err)
		}
		page := webtest.Doc(t, c.Get(fmt.Sprintf("/thi-dua/moi?hoi_nghi=%d&lang=en", own.ID)))
		if got, _ := page.Find("#title").Attr("value"); got != "Emulation pledge, year 2025" {
			t.Errorf("default title in English = %q", got)
		}
		if got, _ := page.Find("#signed_on").Attr("value"); got != "12/01/2026" {
			t.Errorf("signing day = %q", got)
		}
		form.Set("conference", itoa(own.ID))
		if res := c.Post("/thi-dua/moi", form); res.StatusCode != http.StatusSeeOther {
			t.Errorf("pledge at the board's own conference = %d", res.StatusCode)
		}
	})
}

// TestHoleDirectoryOfAnotherUnit: POST /hoi-nghi/moi with refresh=1 and
// another unit as organizer used to show who is in that unit's people
// directory (and so did the refused save). Now neither shows anything of
// it, and the unit is marked as one the user may not record for.
func TestHoleDirectoryOfAnotherUnit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		theirConference(t, s)
		c := s.As("officer.chilang")
		form := func(unit int64, refresh bool) url.Values {
			v := url.Values{"unit": {itoa(unit)}, "kind": {"so_ket"}, "title": {"Sơ kết"}, "held_on": {"01/02/2026"},
				"p.0.name": {"Trần Văn Kín"}, "p.0.role": {"chair"}}
			if refresh {
				v.Set("refresh", "1")
			}
			return v
		}
		before := s.Snapshot(volatile...)
		for _, refresh := range []bool{true, false} {
			res := c.Post("/hoi-nghi/moi", form(s.Units.NewMyXuyen.ID, refresh))
			page := webtest.Doc(t, res)
			if page.Find(".mt-match").Length() != 0 || strings.Contains(page.Text(), "Bí thư Đảng ủy xã Mỹ Xuyên") {
				t.Errorf("refresh=%v shows the other unit's directory", refresh)
			}
			if !strings.Contains(page.Text(), "Bạn không có quyền ghi nhận hội nghị của đơn vị này") {
				t.Errorf("refresh=%v: the unit is not marked as refused", refresh)
			}
		}
		s.Unchanged("a refused save", before, volatile...)
		// In Sóc Trăng, the commune's own officer sees the match.
		page := webtest.Doc(t, s.As("officer.myxuyen").Post("/hoi-nghi/moi", form(s.Units.NewMyXuyen.ID, true)))
		if got := page.Find(".mt-match").Text(); !strings.Contains(got, "Bí thư Đảng ủy xã Mỹ Xuyên") {
			t.Errorf("the owner's match = %q", got)
		}
	})
}
