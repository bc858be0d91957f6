package emulationui_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/emulation/blocsheet"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestCriteriaSelfSheetAndFlagThroughThePages: the organizer edits a line
// (a wrong maximum keeps what was typed beside that line) and removes one
// only once the box is ticked; a member downloads its self-scoring sheet,
// fills it in and imports it (a wrong file first, which writes nothing);
// after scoring the table stays as it is with the reason; once the year
// is approved the leading member sends its flag proposal, which the
// province then finds among its incoming commendation proposals.
func TestCriteriaSelfSheetAndFlagThroughThePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, y := newSite(t, d)
		u := s.Units
		path := "/cum-khoi-thi-dua/" + itoa(y.ID)
		c2 := itoa(y.Criteria[1].ID)
		board := s.As("officer.langson")

		res := board.Post(path+"/tieu-chi/"+c2, url.Values{"year": {"2026"}, "line": {c2}, "kind": {"criterion"}, "title": {"Mô hình “Dân vận khéo” tiêu biểu"}, "max": {"bốn mươi"}})
		doc := webtest.Doc(t, res)
		if res.StatusCode < 400 || doc.Find("#dong-"+c2+" .field-error").Length() == 0 {
			t.Errorf("a wrong maximum: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		if v, _ := doc.Find("#e-max-" + c2).Attr("value"); v != "bốn mươi" {
			t.Errorf("typed maximum lost: %q", v)
		}
		if _, open := doc.Find("#dong-" + c2).Attr("open"); !open {
			t.Error("the edited line's form is closed again")
		}
		if res := board.Post(path+"/tieu-chi/"+c2, url.Values{"year": {"2026"}, "line": {c2}, "kind": {"criterion"}, "title": {"Mô hình “Dân vận khéo” tiêu biểu"}, "max": {"40"}, "evidence": {"Quyết định công nhận"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d", res.StatusCode)
		}
		if res := board.Post(path+"/tieu-chi", url.Values{"year": {"2026"}, "kind": {"bonus"}, "title": {"Dòng thêm nhầm"}, "max": {"5"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add: %d", res.StatusCode)
		}
		doc = webtest.Doc(t, board.Get(path+"?nam=2026"))
		if doc.Find("#tieu-chi tbody tr").Length() != 3 || !strings.Contains(doc.Find("#tieu-chi").Text(), "tiêu biểu") {
			t.Fatalf("criteria: %s", doc.Find("#tieu-chi").Text())
		}
		c3, _ := doc.Find("#sua-tieu-chi details").Eq(2).Find("input[name=line]").Attr("value")
		res = board.Post(path+"/tieu-chi/"+c3+"/xoa", url.Values{"year": {"2026"}, "line": {c3}})
		if doc := webtest.Doc(t, res); res.StatusCode < 400 || doc.Find("#dong-"+c3+" .field-error").Length() == 0 {
			t.Errorf("removed without confirming: %d", res.StatusCode)
		}
		if res := board.Post(path+"/tieu-chi/"+c3+"/xoa", url.Values{"year": {"2026"}, "line": {c3}, "confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("remove: %d", res.StatusCode)
		}
		if n := webtest.Doc(t, board.Get(path+"?nam=2026")).Find("#tieu-chi tbody tr").Length(); n != 2 {
			t.Fatalf("%d lines after the removal", n)
		}

		// Chi Lăng fills in its self-scoring sheet.
		chiLang := s.As("officer.chilang")
		link, ok := webtest.Doc(t, chiLang.Get(path+"?nam=2026")).Find(`a[href*="/phieu-tu-cham"]`).Attr("href")
		if !ok {
			t.Fatal("no self-scoring sheet to download")
		}
		res = chiLang.Get(link)
		raw, _ := io.ReadAll(res.Body)
		lines, err := blocsheet.ReadSelf(bytes.NewReader(raw))
		if res.StatusCode != http.StatusOK || err != nil || len(lines) != 2 || lines[1].Title != "Mô hình “Dân vận khéo” tiêu biểu" || lines[1].Max != 40 {
			t.Fatalf("self-scoring sheet: %d %+v %v", res.StatusCode, lines, err)
		}
		if res := s.As("officer.dongdang").Get(link); res.StatusCode != http.StatusForbidden {
			t.Errorf("Đồng Đăng downloads Chi Lăng's sheet: %d", res.StatusCode)
		}
		fill := func(a, b float64) []byte {
			lines[0].Score, lines[1].Score = blocsheet.Cell{Set: true, Value: a}, blocsheet.Cell{Set: true, Value: b}
			var buf bytes.Buffer
			if err := blocsheet.WriteSelf(&buf, "Chi Lăng", lines); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		fields := map[string]string{"year": "2026", "unit": itoa(u.NewChiLang.ID), "submit": "1"}
		before := s.Snapshot(volatile...)
		res = chiLang.PostMultipart(path+"/nhap-tu-cham", fields, webtest.File{Field: "file", Name: "tu-cham.xlsx", Data: fill(58, 41)})
		doc = webtest.Doc(t, res)
		if res.StatusCode < 400 || !strings.Contains(doc.Find("#loi").Text(), "D3") && !strings.Contains(doc.Find("#loi").Text(), "cột D") {
			t.Errorf("a score over the maximum: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		s.Unchanged("a refused self-scoring sheet", before, volatile...)
		res = chiLang.PostMultipart(path+"/nhap-tu-cham", fields, webtest.File{Field: "file", Name: "tu-cham.xlsx", Data: fill(58, 39.5)})
		if doc := webtest.Doc(t, res); res.StatusCode != http.StatusOK || doc.Find("#da-nhap").Length() != 1 || !strings.Contains(doc.Find("#thanh-vien").Text(), "đã nộp") {
			t.Fatalf("import: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}
		if res := s.As("officer.dongdang").Post(path+"/tu-cham", url.Values{"year": {"2026"}, "unit": {itoa(u.NewDongDang.ID)}, "s." + itoa(y.Criteria[0].ID): {"50"}, "s." + c2: {"30"}, "submit": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("Đồng Đăng hands in: %d", res.StatusCode)
		}
		// Scored: the table stays, and the page says why.
		if webtest.Doc(t, board.Get(path+"?nam=2026")).Find("#sua-tieu-chi").Length() != 0 {
			t.Error("the edit forms are offered after scoring")
		}
		res = board.Post(path+"/tieu-chi/"+c2, url.Values{"year": {"2026"}, "line": {c2}, "title": {"X"}, "max": {"5"}})
		if doc := webtest.Doc(t, res); res.StatusCode != http.StatusConflict || !strings.Contains(doc.Find("#loi").Text(), "đã bắt đầu chấm điểm") {
			t.Errorf("an edit after scoring: %d %s", res.StatusCode, doc.Find("#loi").Text())
		}

		// Reviewed, approved; the leading member proposes itself.
		if res := chiLang.Post(path+"/cham", url.Values{"year": {"2026"}, "close": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("close the review: %d", res.StatusCode)
		}
		if res := s.As("leader.langson").Post(path+"/duyet", url.Values{"year": {"2026"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve: %d", res.StatusCode)
		}
		if webtest.Doc(t, s.As("officer.dongdang").Get(path+"?nam=2026")).Find("#de-nghi-co-thi-dua").Length() != 0 {
			t.Error("the second member is offered the flag proposal")
		}
		doc = webtest.Doc(t, chiLang.Get(path+"?nam=2026"))
		if doc.Find(`form[action$="/de-nghi-co"] select[name=to] option`).Length() < 1 {
			t.Fatalf("no flag proposal form: %s", doc.Find("main").Text())
		}
		if res := chiLang.Post(path+"/de-nghi-co", url.Values{"year": {"2026"}, "to": {itoa(u.LangSon.ID)}, "reason": {"Dẫn đầu cụm với 97,5 điểm"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("propose the flag: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		doc = webtest.Doc(t, chiLang.Get(path+"?nam=2026"))
		if href, _ := doc.Find("#de-nghi-co-da-gui a").Attr("href"); !strings.HasPrefix(href, "/khen-thuong/de-nghi/") || doc.Find("#de-nghi-co-thi-dua").Length() != 0 {
			t.Errorf("after the proposal: %q", href)
		}
		in, err := commendation.NewStore(d, s.Org, s.Auth).Proposals(context.Background(), s.Principal("leader.langson"), u.LangSon.ID, true, commendation.Submitted)
		if err != nil || len(in) != 1 || in[0].Form != commendation.Flag || in[0].Recipients[0].UnitID != u.NewChiLang.ID {
			t.Errorf("the province's incoming proposals: %+v %v", in, err)
		}
	})
}

// TestBlocAPIWrites: the API edits and removes a criteria line for the
// organizer only, and refuses the flag proposal before the year is
// approved, then makes it for the leading member once it is.
func TestBlocAPIWrites(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, y := newSite(t, d)
		u := s.Units
		base := "/api/v1/emulation-blocs/" + itoa(y.ID)
		line := base + "/criteria/" + itoa(y.Criteria[1].ID)
		body := map[string]any{"year": 2026, "kind": "bonus", "title": "Mô hình “Dân vận khéo” được nhân rộng", "max_points": 15}
		if code, _ := s.API("PUT", line, s.Token("officer.chilang"), body); code != http.StatusForbidden {
			t.Errorf("a member edits a line: %d", code)
		}
		code, got := s.API("PUT", line, s.Token("officer.langson"), body)
		crit, _ := got["criteria"].([]any)
		if code != http.StatusOK || len(crit) != 2 || crit[1].(map[string]any)["kind"] != "bonus" || crit[1].(map[string]any)["max_points"] != 15.0 {
			t.Fatalf("edit: %d %v", code, got)
		}
		if code, got = s.API("DELETE", line+"?year=2026", s.Token("officer.langson"), nil); code != http.StatusOK || len(got["criteria"].([]any)) != 1 {
			t.Fatalf("remove: %d %v", code, got)
		}
		if code, _ := s.API("POST", base+"/flag-proposal", s.Token("officer.chilang"), map[string]any{"year": 2026}); code != http.StatusConflict {
			t.Errorf("a flag proposal before approval: %d", code)
		}
		ctx := context.Background()
		store := emulation.NewStore(d, s.Org, s.Auth, meeting.NewStore(d, s.Org, s.Auth))
		for login, unit := range map[string]int64{"officer.chilang": u.NewChiLang.ID, "officer.dongdang": u.NewDongDang.ID} {
			sc := map[int64]float64{y.Criteria[0].ID: 40}
			if unit == u.NewChiLang.ID {
				sc[y.Criteria[0].ID] = 55
			}
			if _, err := store.SelfScore(ctx, s.Principal(login), y.ID, 2026, unit, sc, true); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := store.Review(ctx, s.Principal("officer.chilang"), y.ID, 2026, nil, true); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Approve(ctx, s.Principal("leader.langson"), y.ID, 2026, 0); err != nil {
			t.Fatal(err)
		}
		code, got = s.API("POST", base+"/flag-proposal", s.Token("officer.chilang"), map[string]any{"year": 2026, "reason": "Dẫn đầu cụm"})
		if code != http.StatusOK || got["flag_proposal_id"] == nil {
			t.Fatalf("flag proposal: %d %v", code, got)
		}
		if code, _ := s.API("POST", base+"/flag-proposal", s.Token("officer.chilang"), map[string]any{"year": 2026}); code != http.StatusConflict {
			t.Errorf("a second flag proposal: %d", code)
		}
	})
}
