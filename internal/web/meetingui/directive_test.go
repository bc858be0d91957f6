package meetingui_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
)

// TestImportLinksCitedDirectives: an imported article that cites
// Kết luận 114-KL/TW, in the province's register, is linked to it as
// carrying it out; the code it cites that no register holds is left.
func TestImportLinksCitedDirectives(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		dirs := directive.NewStore(d, s.Org, s.Auth, s.Files)
		dir, err := dirs.Create(context.Background(), auth.System(), directive.Directive{UnitID: s.Units.LangSon.ID, Number: "114-KL/TW",
			IssuedOn: org.Date(2015, 7, 14), Issuer: "Ban Bí thư", Summary: "Nâng cao chất lượng công tác dân vận của cơ quan nhà nước"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		res := s.As("admin").Post("/hoi-nghi/nhap/luu", url.Values{"unit": {itoa(s.Units.NewChiLang.ID)}, "kind": {"so_ket"},
			"title": {"Sơ kết 10 năm thực hiện Kết luận 114-KL/TW"}, "held_on": {"15/01/2026"},
			"source_text": {"Sáng 15/01, xã Chi Lăng sơ kết 10 năm thực hiện Kết luận số 114-KL/TW, ngày 14-7-2015 của Ban Bí thư và Chỉ thị 05-CT/TW."}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save = %d", res.StatusCode)
		}
		links, err := dirs.Links(context.Background(), auth.System(), dir.ID)
		if err != nil || len(links) != 1 || links[0].Kind != directive.Conference || links[0].Title != "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW" {
			t.Errorf("links: %+v %v", links, err)
		}
	})
}
