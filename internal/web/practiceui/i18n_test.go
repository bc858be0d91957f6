package practiceui_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPagesInEnglish renders every page of the registry with ?lang=en —
// lists, a model, each step's form, refused forms with their errors, the
// import's errors, the public pages and an error page — and fails on any
// Vietnamese word left once the data the test entered is taken out: such
// a word came from Go code or a template, not from the data.
func TestPagesInEnglish(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	w := newWorld(t, d)
	reg, rec, _ := w.models()
	prog, err := w.store.Create(w.ctx, w.p["officer.ql"], practice.Input{UnitID: w.Units.QuangLang.ID, Name: "Tổ hòa giải",
		Field: practice.Economy, OwnerType: practice.Collective, OwnerName: "Tổ hòa giải thôn", StartedOn: date(2023, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.Start(w.ctx, w.p["officer.ql"], prog.ID, date(2023, 2, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.AddResult(w.ctx, w.p["officer.ql"], rec.ID, practice.Result{On: date(2024, 2, 1), Indicator: "Hộ tham gia", Value: 120, Measure: "hộ"}); err != nil {
		t.Fatal(err)
	}
	// The names of units and accounts, the data the test entered, and
	// the words of the file format, which stay as they are in every
	// language.
	data := append(w.DataNames(), registeredName, recognizedName, "Tổ hòa giải thôn", "Tổ hòa giải", "Hoàng Văn Thào", "Trưởng thôn",
		"125-QĐ/HU", "Hộ tham gia", "hộ")
	data = append(data, sheet.Columns...)

	var broken bytes.Buffer
	sheet.Write(&broken, []sheet.Record{{Name: "X", UnitCode: "ST-MX-TD", Field: "Thể thao", OwnerType: "?", Owner: "X", Started: "31/02/2023"}})
	officer, leader, neighbour, visitor := w.As("officer.ql"), w.As("leader.cl"), w.As("officer.ms"), w.Anon()
	m := func(id int64, rest string) string { return fmt.Sprintf("/mo-hinh/%d%s", id, rest) }
	pages := []struct {
		what string
		doc  *goquery.Document
	}{
		{"list", webtest.Doc(t, officer.Get("/mo-hinh?lang=en"))},
		{"list, every status", webtest.Doc(t, officer.Get("/mo-hinh?lang=en&trang-thai=tat-ca"))},
		{"list with a bad period", webtest.Doc(t, officer.Get("/mo-hinh?lang=en&ky=20x3"))},
		{"best", webtest.Doc(t, leader.Get("/mo-hinh/tieu-bieu?lang=en"))},
		{"new", webtest.Doc(t, officer.Get("/mo-hinh/moi?lang=en"))},
		{"new, refused", webtest.Doc(t, officer.PostMultipart("/mo-hinh/moi?lang=en", map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID), "owner_phone": "12", "started_on": "31/02/2023"}))},
		{"model", webtest.Doc(t, officer.Get(m(rec.ID, "?lang=en")))},
		{"model in progress, leader", webtest.Doc(t, leader.Get(m(prog.ID, "?lang=en")))},
		{"edit", webtest.Doc(t, officer.Get(m(reg.ID, "/sua?lang=en")))},
		{"edit, stale", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/sua?lang=en"), map[string]string{"name": "X", "field": "economy", "owner_type": "collective", "owner_name": "X", "started_on": "2023-01-01", "version": "99"}))},
		{"result, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/ket-qua?lang=en"), map[string]string{"on": "2024-01-01", "indicator": "", "value": "abc"}))},
		{"file, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/tep?lang=en"), nil, webtest.File{Field: "file", Name: "x.pdf", Data: []byte("<html>")}))},
		{"start", webtest.Doc(t, officer.Get(m(reg.ID, "/trien-khai?lang=en")))},
		{"start, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/trien-khai?lang=en"), map[string]string{"on": "2030-01-01"}))},
		{"recognize", webtest.Doc(t, leader.Get(m(prog.ID, "/cong-nhan?lang=en")))},
		{"recognize, refused", webtest.Doc(t, leader.PostMultipart(m(prog.ID, "/cong-nhan?lang=en"), map[string]string{"by_unit": fmt.Sprint(w.Units.ChiLang.ID), "on": "2024-01-01"}))},
		{"recognize a registered model", webtest.Doc(t, leader.PostMultipart(m(reg.ID, "/cong-nhan?lang=en"), map[string]string{"by_unit": fmt.Sprint(w.Units.ChiLang.ID), "decision_no": "1", "on": "2024-01-01"}))},
		{"adopt", webtest.Doc(t, neighbour.Get(m(rec.ID, "/nhan-rong?lang=en")))},
		{"stop", webtest.Doc(t, officer.Get(m(reg.ID, "/dung?lang=en")))},
		{"stop, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/dung?lang=en"), map[string]string{"on": "2024-01-01"}))},
		{"import", webtest.Doc(t, officer.Get("/mo-hinh/nhap?lang=en"))},
		{"import, refused", webtest.Doc(t, officer.PostMultipart("/mo-hinh/nhap?lang=en", map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID)}, webtest.File{Field: "file", Name: "so.xlsx", Data: broken.Bytes()}))},
		{"out of scope", webtest.Doc(t, neighbour.Get(m(reg.ID, "?lang=en")))},
		{"public list", webtest.Doc(t, visitor.Get("/cong-khai/mo-hinh?lang=en"))},
		{"public model", webtest.Doc(t, visitor.Get(fmt.Sprintf("/cong-khai/mo-hinh/%d?lang=en", rec.ID)))},
	}
	for _, pg := range pages {
		// Clipped: VietnameseLeft appends to and sorts the slice it is given.
		for _, left := range webtest.VietnameseLeft(pg.doc, slices.Clip(data)...) {
			t.Errorf("%s: Vietnamese on the English page: %s", pg.what, left)
		}
	}
}

// TestCatalogCoversPracticeKeysFromValues: the labels the registry
// builds from a value (a field, a status, an owner type) and the words
// of each lifecycle step's page, built from the step's name, are in the
// catalog in both languages. Keys written out in code and templates are
// checked for the whole program by package web.
func TestCatalogCoversPracticeKeysFromValues(t *testing.T) {
	var keys []string
	for _, f := range practice.Fields {
		keys = append(keys, f.Message().Key)
	}
	for _, s := range practice.Statuses {
		keys = append(keys, s.Message().Key)
	}
	for _, o := range []practice.OwnerType{practice.Collective, practice.Individual} {
		keys = append(keys, o.Message().Key)
	}
	for _, step := range []string{"start", "recognize", "adopt", "stop"} {
		for _, part := range []string{"title", "explain", "on", "submit"} {
			keys = append(keys, "practice."+step+"."+part)
		}
	}
	webtest.CheckKeys(t, "the registry", keys...)
}
