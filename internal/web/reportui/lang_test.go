package reportui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/reportui"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPagesInEnglish renders every reporting page with ?lang=en, as the
// people who see it, and fails on Vietnamese left in the page's text once
// the data (unit, indicator, form and person names, what people typed) is
// taken out: such a word came from code or a template.
func TestPagesInEnglish(t *testing.T) {
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	ctx := context.Background()
	rep := w.submitted(t)
	leader, officer := w.As("lanhdao.tinh"), w.As("canbo.xa")
	if res := leader.Post("/bao-cao/"+itoa(rep.ID)+"/tra-lai", url.Values{"version": {itoa(rep.Version)}, "comment": {"Bổ sung số liệu hòa giải"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("return = %d", res.StatusCode)
	}
	// The data a page may show: the units' and accounts' names, the
	// catalogue, the forms and what was typed.
	data := w.DataNames()
	// Indicators and forms have English names: theirs are not data here.
	forms, err := w.store.Forms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forms {
		data = append(data, f.Name)
	}
	data = append(data, "Bổ sung số liệu hòa giải", "Tổ chức tốt các hội nghị.", "12 vụ", report.SheetName)
	check := func(who, path string, res *http.Response) {
		t.Helper()
		if res.StatusCode >= 500 {
			t.Errorf("%s %s: %d", who, path, res.StatusCode)
		}
		// Clipped: VietnameseLeft appends to the list it is given and sorts
		// it, which must not reorder this one's backing array.
		for _, left := range webtest.VietnameseLeft(webtest.Doc(t, res), slices.Clip(data)...) {
			t.Errorf("%s %s in English shows Vietnamese: %s", who, path, left)
		}
	}
	province, commune := itoa(w.Units.LangSon.ID), itoa(w.Units.NewChiLang.ID)
	for _, c := range []struct {
		who    string
		client *webtest.Client
		path   string
	}{
		{"a visitor", w.Anon(), "/chi-tieu"},
		{"the leader", leader, "/chi-tieu"},
		{"the leader", leader, "/bao-cao/tong-hop?don-vi=" + province + "&ky=2026S2&gom=cho-duyet"},
		{"the leader", leader, "/bao-cao/tong-hop?don-vi=" + province + "&ky=2026S2&xem=nay&sap-xep=DV02"},
		{"the leader", leader, "/bao-cao"},
		{"the leader", leader, "/bao-cao/" + itoa(rep.ID)},
		{"the officer", officer, "/bao-cao"},
		{"the officer", officer, "/bao-cao/nhap?don-vi=" + commune + "&ky=2026S2"},
		{"the officer", officer, "/bao-cao/tai-len?don-vi=" + commune + "&ky=2026S2"},
		{"the officer", officer, "/bao-cao/" + itoa(rep.ID)},
		{"the officer", officer, "/"},
	} {
		sep := "?"
		if strings.Contains(c.path, "?") {
			sep = "&"
		}
		check(c.who, c.path, c.client.Get(c.path+sep+"lang=en"))
	}
	// Refused forms in English: the entry's errors, an upload's problems,
	// a decision refused.
	form := url.Values{"don-vi": {commune}, "ky": {"2026S2"}, "mau": {report.FormHalf}, "version": {itoa(rep.Version + 1)},
		field(w.dv): {"-3"}, field(w.an1): {"4"}, field(w.an2): {"9"}, field(w.pc): {"120"}, "action": {"submit"}}
	check("the officer", "POST /bao-cao/nhap", officer.Post("/bao-cao/nhap?lang=en", form))
	csv := []byte("Mã đơn vị,Tên,Mã chỉ tiêu,Tên,ĐVT,Phân tổ,Giá trị\nLS-X1,x,DV02,x,x,,12 vụ\nLS-X9,x,DV02,x,x,,1\nLS-X1,x,AN03,x,x,,1\n")
	check("the officer", "POST /bao-cao/tai-len", officer.PostMultipart("/bao-cao/tai-len?lang=en&don-vi="+commune+"&ky=2026S2",
		map[string]string{"mau": report.FormHalf}, webtest.File{Field: "tep", Name: "so-lieu.csv", Data: csv}))
	check("the leader", "POST /bao-cao/{id}/duyet", leader.Post("/bao-cao/"+itoa(rep.ID)+"/duyet?lang=en", url.Values{"version": {"1"}}))
	check("another province's officer", "GET /bao-cao/{id}", w.As("canbo.st").Get("/bao-cao/"+itoa(rep.ID)+"?lang=en"))
	// An export in English has English headers and statuses.
	res := leader.Get("/bao-cao/xuat.csv?lang=en&don-vi=" + province + "&ky=2026S2")
	body := webtest.Body(t, res)
	if !strings.Contains(body, "Unit code") || !strings.Contains(body, "Returned") || strings.Contains(body, "Bị trả lại") {
		t.Errorf("English export: %q", body)
	}
	// The API's errors follow ?lang=en too.
	code, out := w.API("GET", "/api/v1/reports/"+itoa(rep.ID)+"?lang=en", w.Token("canbo.st"), nil)
	if msg, _ := out["error"].(map[string]any)["message"].(string); code != http.StatusForbidden || msg != "You may not see this unit's reports and figures." {
		t.Errorf("API error in English = %d %q", code, msg)
	}
}

// TestCatalogCoversReporting checks that every label key the reporting
// pages build from a value list (statuses, aggregations, fields, parts,
// sections, kinds of period, roles, levels, the value table's columns) is
// in the server's catalog with both languages (keys written as literals
// are checked for the whole program by package web), and that the two
// languages of each of reporting's own messages take the same arguments.
func TestCatalogCoversReporting(t *testing.T) {
	keys := []string{"report.status.new"}
	for _, s := range report.Statuses {
		keys = append(keys, s.Message().Key)
	}
	for _, a := range report.Aggregations {
		keys = append(keys, a.Message().Key)
	}
	for _, f := range report.Fields {
		keys = append(keys, report.FieldMessage(f).Key)
	}
	for _, p := range report.OrganizationParts {
		keys = append(keys, report.PartMessage(p).Key)
	}
	for _, sec := range report.Sections {
		keys = append(keys, report.SectionMessage(sec).Key)
	}
	for k := vntext.Year; k <= vntext.Stage; k++ {
		keys = append(keys, report.KindMessage(k).Key)
	}
	for _, r := range auth.Roles {
		keys = append(keys, "role."+string(r))
	}
	for _, l := range org.Levels {
		keys = append(keys, "level."+string(l))
	}
	keys = append(keys, report.ColumnKeys...)
	webtest.CheckKeys(t, "reporting's labels", keys...)

	verbs := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	args := func(s string) []string {
		var out []string
		for _, v := range verbs.FindAllString(s, -1) {
			if v != "%%" {
				out = append(out, v)
			}
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []i18n.Catalog{report.Messages, reportui.Messages} {
		for key, m := range c {
			if a, b := args(m.VI()), args(m.EN()); !slices.Equal(a, b) {
				t.Errorf("key %q: Vietnamese takes %v, English %v", key, a, b)
			}
		}
	}
}
