package meetingui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestImportPicksIndicatorsByName: the figures and tasks of a conference
// being imported are tied to an indicator chosen by name from a list (no
// free-text code); a code the list lacks is kept as a choice; the choice
// is saved.
func TestImportPicksIndicatorsByName(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		if _, err := report.NewStore(d, s.Org, s.Auth).CreateIndicators(context.Background(), s.Principal("admin"), []report.NewIndicator{{Indicator: report.Indicator{
			Code: "AN02", Name: "Vụ việc hòa giải thành công", Measure: "vụ việc", NameEN: "Mediation cases settled", MeasureEN: "cases",
			Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: []string{"province", "district", "commune"}}}}); err != nil {
			t.Fatal(err)
		}
		res := s.As("admin").Post("/hoi-nghi/nhap", url.Values{"text": {string(article(t, sample0))}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("read article = %d", res.StatusCode)
		}
		page := webtest.Doc(t, res)
		for _, name := range []string{"f.0.indicator", "t.0.indicator"} {
			sel := page.Find(`select[name="` + name + `"]`)
			if sel.Length() != 1 || !strings.Contains(sel.Find(`option[value="AN02"]`).Text(), "Vụ việc hòa giải thành công") {
				t.Errorf("%s is not a list of indicators by name: %q", name, sel.Text())
			}
		}
		if page.Find(`input[name="f.0.indicator"]`).Length() != 0 {
			t.Error("a free-text indicator code is still asked")
		}
		// A code the list lacks comes back chosen, not lost.
		v := url.Values{"f.0.indicator": {"XX99"}, "f.0.value": {"47"}, "text": {"x"}, "source_text": {"x"}, "title": {""}}
		again := webtest.Doc(t, s.As("admin").Post("/hoi-nghi/nhap/luu", v))
		if got := again.Find(`select[name="f.0.indicator"] option[selected]`).AttrOr("value", ""); got != "XX99" {
			t.Errorf("an unknown code came back as %q", got)
		}
	})
}
