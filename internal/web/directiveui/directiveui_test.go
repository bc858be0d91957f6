package directiveui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

var volatile = []string{"sessions", "api_tokens"}

const pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

// newSite: officers of Lạng Sơn, of its commune of Chi Lăng and of Sóc
// Trăng; Lạng Sơn's register holds Kết luận 114-KL/TW with its file, and
// the commune held a conference that carries it out.
func newSite(t *testing.T, d *db.DB) (*webtest.Site, directive.Directive, int64) {
	t.Helper()
	s := webtest.New(t, d)
	u := s.Units
	s.AddUser("officer.langson", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("officer.chilang", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("officer.soctrang", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.soctrang", auth.RoleLeader, u.SocTrang.ID)
	store := directive.NewStore(d, s.Org, s.Auth, s.Files)
	ctx := context.Background()
	dir, err := store.Create(ctx, s.Principal("officer.langson"), directive.Directive{UnitID: u.LangSon.ID, Number: "114-KL/TW",
		IssuedOn: org.Date(2015, 7, 14), Issuer: "Ban Bí thư", Summary: "Nâng cao chất lượng công tác dân vận của cơ quan nhà nước"},
		&directive.File{Name: "114-KL-TW.pdf", Data: []byte(pdf)})
	if err != nil {
		t.Fatal(err)
	}
	var conf int64
	err = d.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		title := "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW"
		conf, err = tx.InsertID(ctx, `INSERT INTO meeting_conferences (unit_id, kind, title, title_fold, held_on, created_at, updated_at)
			VALUES (?, 'so_ket', ?, ?, '2026-01-15', ?, ?)`, u.NewChiLang.ID, title, vntext.Fold(title), now, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, dir, conf
}

func TestDirectivePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dir, conf := newSite(t, d)
		commune := s.As("officer.chilang")
		// The commune reads its province's register and links its conference.
		doc := webtest.Doc(t, commune.Get("/van-ban-chi-dao?q=114-kl"))
		if !strings.Contains(doc.Find("#danh-sach").Text(), "Kết luận 114-KL/TW") {
			t.Fatalf("list: %s", doc.Find("main").Text())
		}
		path := "/van-ban-chi-dao/" + itoa(dir.ID)
		if res := commune.Post(path+"/gan", url.Values{"kind": {"conference"}, "target": {"999999"}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("an unknown conference: %d", res.StatusCode)
		}
		if res := commune.Post(path+"/tim-trich-dan", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("link citing: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		doc = webtest.Doc(t, s.As("officer.langson").Get(path))
		if !strings.Contains(doc.Find("#da-thuc-hien").Text(), "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW") {
			t.Errorf("done under it: %s", doc.Find("main").Text())
		}
		if res := commune.Post(path+"/bo-gan", url.Values{"kind": {"conference"}, "target": {itoa(conf)}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("unlink without confirming: %d", res.StatusCode)
		}
		if res := commune.Post(path+"/bo-gan", url.Values{"kind": {"conference"}, "target": {itoa(conf)}, "confirm": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("unlink: %d", res.StatusCode)
		}
		// Unlinked, the conference is found again by searching, and linked
		// with the button beside it (a form that works without script).
		doc = webtest.Doc(t, commune.Get(path+"?loai=conference&tim=SO+KET+10+nam"))
		pick := doc.Find("#ung-vien form")
		if pick.Length() != 1 || !strings.Contains(doc.Find("#ung-vien").Text(), "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW") {
			t.Fatalf("candidates: %s", doc.Find("#gan").Text())
		}
		if pick.Find(`input[name="target"]`).AttrOr("value", "") != itoa(conf) || pick.AttrOr("action", "") != path+"/gan" {
			t.Errorf("the candidate's form: %s", pick.Text())
		}
		if doc := webtest.Doc(t, commune.Get(path+"?loai=task&tim=khong+co")); doc.Find("#ung-vien").Length() != 1 || doc.Find("#ung-vien form").Length() != 0 {
			t.Errorf("no candidate: %s", doc.Find("#gan").Text())
		}
		if res := commune.Post(path+"/gan", url.Values{"kind": {"conference"}, "target": {itoa(conf)}, "tim": {"SO KET 10 nam"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("link: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		if doc := webtest.Doc(t, commune.Get(path+"?loai=conference&tim=SO+KET+10+nam")); doc.Find("#ung-vien form").Length() != 0 {
			t.Errorf("a linked conference is offered again: %s", doc.Find("#ung-vien").Text())
		}
		// The file.
		res := commune.Get(path + "/tep")
		if body := webtest.Body(t, res); res.StatusCode != http.StatusOK || body != pdf || res.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("file: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
		// English: no Vietnamese but the data.
		doc = webtest.Doc(t, commune.Get(path+"?lang=en"))
		if left := webtest.VietnameseLeft(doc, append(s.DataNames(), "Ban Bí thư", dir.Summary, "Sơ kết 10 năm thực hiện Kết luận 114-KL/TW")...); len(left) > 0 {
			t.Errorf("English page shows Vietnamese: %v", left)
		}
		// A refused form keeps what was typed, and the file chosen: it is
		// kept pending and the form sent again without it registers it.
		ls := s.As("officer.langson")
		res = ls.PostMultipart("/van-ban-chi-dao/moi", map[string]string{"unit": itoa(s.Units.LangSon.ID), "number": "25-NQ/TW", "issued_on": "03/06/2021",
			"issuer": "", "summary": "Tăng cường công tác dân vận trong tình hình mới"},
			webtest.File{Field: "tep", Name: "25-NQ.pdf", Data: []byte(pdf)})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || doc.Find("#number").AttrOr("value", "") != "25-NQ/TW" {
			t.Fatalf("no issuer: %d", res.StatusCode)
		}
		kept := doc.Find(".pending-file")
		token := kept.Find(`input[name="tep-cho"]`).AttrOr("value", "")
		if token == "" || !strings.Contains(kept.Text(), "25-NQ.pdf") {
			t.Fatalf("the refused form does not keep the file: %q", kept.Text())
		}
		if max := doc.Find(`input[type=file][name=tep]`).AttrOr("data-max", ""); max != itoa(20<<20) {
			t.Errorf("data-max %q", max)
		}
		res = ls.PostMultipart("/van-ban-chi-dao/moi", map[string]string{"unit": itoa(s.Units.LangSon.ID), "number": "25-NQ/TW", "issued_on": "03/06/2021",
			"issuer": "Ban Chấp hành Trung ương", "summary": "Tăng cường công tác dân vận trong tình hình mới", "tep-cho": token})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("register: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		if res := ls.Get(res.Header.Get("Location") + "/tep"); webtest.Body(t, res) != pdf {
			t.Errorf("the kept file did not reach the directive: %d", res.StatusCode)
		}
		var pending int
		if err := d.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM pending_uploads`).Scan(&pending); err != nil || pending != 0 {
			t.Errorf("%d pending uploads after use (%v)", pending, err)
		}
		code, body := s.API("GET", "/api/v1/directives/"+itoa(dir.ID), s.Token("officer.langson"), nil)
		if code != http.StatusOK || len(body["links"].([]any)) != 1 {
			t.Errorf("API: %d %v", code, body)
		}
	})
}

// TestEveryRouteOutOfScope: a visitor, and Sóc Trăng's officer and
// leader, aimed at Lạng Sơn's register and the commune's conference, are
// refused or see none of it; nothing is written (webtest.WalkOutOfScope).
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dir, conf := newSite(t, d)
		langSon := itoa(s.Units.LangSon.ID)
		secrets := []string{"Kết luận 114-KL/TW", dir.Summary, "Sơ kết 10 năm", "114-KL-TW.pdf"}
		id := []string{"id", itoa(dir.ID)}
		link := url.Values{"kind": {"conference"}, "target": {itoa(conf)}}
		probes := map[string][]webtest.Probe{
			"GET /van-ban-chi-dao":     {{Query: "don_vi=" + langSon}},
			"GET /van-ban-chi-dao/moi": {{Query: "don_vi=" + langSon}},
			"POST /van-ban-chi-dao/moi": {{Form: url.Values{"unit": {langSon}, "number": {"1-KH/TU"}, "issued_on": {"01/01/2026"}, "issuer": {"X"}, "summary": {"Y"}},
				File: &webtest.File{Field: "tep", Name: "1-KH.pdf", Data: []byte(pdf)}}},
			"GET /van-ban-chi-dao/{id}":                {{Values: id}, {Values: id, Query: "loai=conference&tim=so+ket"}},
			"GET /van-ban-chi-dao/{id}/tep":            {{Values: id}},
			"POST /van-ban-chi-dao/{id}/gan":           {{Values: id, Form: link}},
			"POST /van-ban-chi-dao/{id}/bo-gan":        {{Values: id, Form: url.Values{"kind": {"conference"}, "target": {itoa(conf)}, "confirm": {"1"}}}},
			"POST /van-ban-chi-dao/{id}/tim-trich-dan": {{Values: id}},
			"GET /api/v1/directives":                   {{Query: "unit=" + langSon}},
			"POST /api/v1/directives":                  {{JSON: `{"unit_id": ` + langSon + `, "number": "1-KH/TU", "issued_on": "2026-01-01", "issuer": "X", "summary": "Y"}`}},
			"GET /api/v1/directives/{id}":              {{Values: id}},
			"POST /api/v1/directives/{id}/links":       {{Values: id, JSON: `{"kind": "conference", "target_id": ` + itoa(conf) + `}`}},
		}
		s.WalkOutOfScope(webtest.Walk{Routes: s.Routes("/van-ban-chi-dao", "/api/v1/directives"), Probes: probes,
			Logins: []string{"", "officer.soctrang", "leader.soctrang"}, Secrets: secrets, Skip: volatile})
	})
}

// TestRecordsNameTheirDirectives: the conference, task and report pages
// name and link the directives they carry out, those of the registers
// the reader may read only.
func TestRecordsNameTheirDirectives(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s, dir, conf := newSite(t, d)
		ctx := context.Background()
		u := s.Units
		sys := auth.System()
		var task int64
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			now := db.Stamp(tx.Now())
			var err error
			task, err = tx.InsertID(ctx, `INSERT INTO meeting_tasks (conference_id, unit_id, title, title_fold, due_end, status, position, created_at, updated_at)
				VALUES (?, ?, 'Rà soát quy chế dân chủ', 'ra soat quy che dan chu', '2026-06-30', 'open', 1, ?, ?)`, conf, u.NewChiLang.ID, now, now)
			if err == nil {
				_, err = tx.ExecContext(ctx, `INSERT INTO meeting_task_owners (task_id, unit_id) VALUES (?, ?)`, task, u.NewChiLang.ID)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		reports := report.NewStore(d, s.Org, s.Auth)
		if err := reports.SeedCatalogue(ctx, nil); err != nil {
			t.Fatal(err)
		}
		form, err := reports.FormByCode(ctx, report.FormHalf)
		if err != nil {
			t.Fatal(err)
		}
		per, err := vntext.ParsePeriod("2025S2")
		if err != nil {
			t.Fatal(err)
		}
		rep, err := reports.SaveDraft(ctx, s.Principal("officer.chilang"), report.Target{UnitID: u.NewChiLang.ID, FormID: form.ID, Period: per}, report.Input{})
		if err != nil {
			t.Fatal(err)
		}
		// Sóc Trăng's register holds a directive the commune may not read,
		// linked (by the system) to the same records.
		store := directive.NewStore(d, s.Org, s.Auth, s.Files)
		other, err := store.Create(ctx, sys, directive.Directive{UnitID: u.SocTrang.ID, Number: "05-CT/TU", IssuedOn: org.Date(2021, 3, 1),
			Issuer: "Tỉnh ủy Sóc Trăng", Summary: "Chỉ thị riêng của Sóc Trăng"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []struct {
			k  directive.TargetKind
			id int64
		}{{directive.Conference, conf}, {directive.Task, task}, {directive.Report, rep.ID}} {
			for _, id := range []int64{dir.ID, other.ID} {
				if err := store.Link(ctx, sys, id, l.k, l.id); err != nil {
					t.Fatal(err)
				}
			}
		}
		commune := s.As("officer.chilang")
		for _, path := range []string{"/hoi-nghi/" + itoa(conf), "/nhiem-vu/" + itoa(task), "/bao-cao/" + itoa(rep.ID)} {
			doc := webtest.Doc(t, commune.Get(path))
			line := doc.Find(".carries-out")
			if !strings.Contains(line.Text(), "Kết luận 114-KL/TW") || line.Find(`a[href="/van-ban-chi-dao/`+itoa(dir.ID)+`"]`).Length() != 1 {
				t.Errorf("%s: the directive it carries out: %q", path, line.Text())
			}
			if strings.Contains(doc.Text(), "05-CT/TU") {
				t.Errorf("%s names a directive of a register the commune may not read", path)
			}
			if !strings.Contains(doc.Text(), "Thực hiện văn bản chỉ đạo") {
				t.Errorf("%s: no label", path)
			}
		}
	})
}
