package meetingui_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestMeetingScopeOnEveryRoute: an anonymous visitor, an officer of the
// neighbouring commune, the leader of the other province and a disabled
// account are each refused on every page and endpoint of the feature, and
// no refusal changes anything; the owner commune's officer is served.
func TestMeetingScopeOnEveryRoute(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		sd := seedMeeting(t, s)
		conf, task, pledge, person := itoa(sd.conf.ID), itoa(sd.task.ID), itoa(sd.pledge.ID), itoa(sd.person)
		pages := []string{"/hoi-nghi/" + conf, "/hoi-nghi/" + conf + "/bien-ban", "/hoi-nghi/" + conf + "/nguon", "/hoi-nghi/" + conf + "/sua",
			"/hoi-nghi/" + conf + "/tai-lieu/" + itoa(sd.doc.ID), "/nhiem-vu/" + task, "/nguoi/" + person, "/nguoi/" + person + "/gop",
			"/nguoi?don_vi=" + itoa(s.Units.NewChiLang.ID)}
		lists := []string{"/hoi-nghi", "/hoi-nghi/lich?thang=2025-12", "/nhiem-vu", "/nhiem-vu?xem=cua-toi", "/thi-dua"}
		chiLang := itoa(s.Units.NewChiLang.ID)
		posts := map[string]url.Values{
			"/hoi-nghi/moi":                     {"unit": {chiLang}, "kind": {"so_ket"}, "title": {"X"}, "held_on": {"01/02/2026"}},
			"/hoi-nghi/nhap/luu":                {"unit": {chiLang}, "kind": {"so_ket"}, "title": {"Y"}, "held_on": {"01/02/2026"}, "source_text": {"Bài khác"}},
			"/hoi-nghi/" + conf + "/tai-lieu":   {"kind": {"report"}},
			"/hoi-nghi/" + conf + "/sua":        {"kind": {"tong_ket"}, "title": {"Sửa"}, "held_on": {"20/12/2025"}, "version": {"1"}},
			"/hoi-nghi/" + conf + "/nhiem-vu":   {"title": {"Việc mới"}, "due": {"2026"}},
			"/nhiem-vu/" + task:                 {"status": {"done"}, "note": {"xong"}},
			"/nguoi/" + person + "/gop":         {"other": {itoa(sd.other)}},
			"/thi-dua/moi":                      {"unit": {itoa(s.Units.LangSon.ID)}, "title": {"Z"}, "period": {"2026"}, "signed_on": {"01/02/2026"}, "c.0.description": {"a"}, "c.0.max": {"5"}, "signed": {chiLang}, "signer." + chiLang: {"A"}},
			"/thi-dua/" + pledge + "/cham-diem": {},
		}
		type who struct {
			name  string
			c     *webtest.Client
			token string
		}
		disabled := s.As("disabled")
		disabledToken := s.Token("disabled")
		disable(t, s, "disabled")
		whos := []who{{"", s.Anon(), ""}, {"disabled", disabled, disabledToken}}
		for _, login := range []string{"officer.dongdang", "leader.soctrang"} {
			whos = append(whos, who{login, s.As(login), s.Token(login)})
		}
		before := s.Snapshot(volatile...)
		for _, w := range whos {
			for _, p := range pages {
				if res := w.c.Get(p); res.StatusCode == http.StatusOK {
					t.Errorf("%q GET %s = 200", w.name, p)
				}
			}
			for _, p := range lists {
				res := w.c.Get(p)
				if res.StatusCode == http.StatusOK {
					body := webtest.Doc(t, res).Find("main").Text()
					if strings.Contains(body, sd.conf.Title) || strings.Contains(body, sd.task.Title) || strings.Contains(body, sd.pledge.Title) && w.name != "officer.dongdang" {
						t.Errorf("%q sees the commune's records on %s", w.name, p)
					}
				} else if w.name != "" && w.name != "disabled" {
					t.Errorf("%q GET %s = %d", w.name, p, res.StatusCode)
				}
			}
			for p, form := range posts {
				f := url.Values{}
				for k, v := range form {
					f[k] = v
				}
				if res := w.c.Post(p, f); res.StatusCode < 400 {
					t.Errorf("%q POST %s = %d", w.name, p, res.StatusCode)
				}
			}
			for _, p := range []string{"/api/v1/conferences/" + conf, "/api/v1/tasks/" + task} {
				if code, _ := s.API("GET", p, w.token, nil); code == http.StatusOK {
					t.Errorf("%q API %s = 200", w.name, p)
				}
			}
			for _, p := range []string{"/api/v1/conferences", "/api/v1/tasks?overdue=true"} {
				code, body := s.API("GET", p, w.token, nil)
				if code == http.StatusOK && body["total"].(float64) != 0 {
					t.Errorf("%q API %s lists %v", w.name, p, body["total"])
				}
			}
			if code, _ := s.API("POST", "/api/v1/tasks/"+task+"/status", w.token, `{"status":"done"}`); code == http.StatusOK {
				t.Errorf("%q API status change = 200", w.name)
			}
		}
		s.Unchanged("the refusals", before, volatile...)

		// The commune's own officer reads everything and may mark the task.
		c := s.As("officer.chilang")
		for _, p := range append(pages[:5], "/nhiem-vu/"+task, "/nguoi/"+person, "/thi-dua/"+pledge) {
			if res := c.Get(p); res.StatusCode != http.StatusOK {
				t.Errorf("officer GET %s = %d", p, res.StatusCode)
			}
		}
		over := webtest.Doc(t, c.Get("/nhiem-vu?xem=qua-han")).Find("#task-list").Text()
		if !strings.Contains(over, sd.task.Title) {
			t.Errorf("overdue list lacks the task: %q", over)
		}
		res := c.Post("/nhiem-vu/"+task, url.Values{"status": {"done"}, "note": {"Đã rà soát 12 mô hình"}, "version": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("officer marks done = %d", res.StatusCode)
		}
		if over := webtest.Doc(t, c.Get("/nhiem-vu?xem=qua-han")).Find("main").Text(); strings.Contains(over, sd.task.Title) {
			t.Errorf("done task still overdue")
		}
		if mine := webtest.Doc(t, c.Get("/nhiem-vu?xem=cua-toi&trang_thai=done")).Find("#task-list").Text(); !strings.Contains(mine, sd.task.Title) {
			t.Errorf("the officer's own done tasks lack the task: %q", mine)
		}
		// The officer edits the conference and adds a task; a stale edit is
		// refused with what was typed kept.
		if res := c.Post("/hoi-nghi/"+conf+"/sua", url.Values{"kind": {"tong_ket"}, "title": {"Tổng kết năm 2025"},
			"held_on": {"20/12/2025"}, "period": {"2025"}, "version": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("edit = %d", res.StatusCode)
		}
		res = c.Post("/hoi-nghi/"+conf+"/sua", url.Values{"kind": {"tong_ket"}, "title": {"Lần sửa cũ"}, "held_on": {"20/12/2025"}, "version": {"1"}})
		if res.StatusCode != http.StatusConflict {
			t.Errorf("stale edit = %d", res.StatusCode)
		} else if v, _ := webtest.Doc(t, res).Find("#title").Attr("value"); v != "Lần sửa cũ" {
			t.Errorf("stale edit lost the input: %q", v)
		}
		if res := c.Post("/hoi-nghi/"+conf+"/nhiem-vu", url.Values{"title": {"Tổ chức đối thoại với nhân dân"}, "due": {"30/06/2026"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("add task = %d", res.StatusCode)
		}
		if res := c.Post("/hoi-nghi/"+conf+"/nhiem-vu", url.Values{"title": {"Thiếu hạn"}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("task without due = %d", res.StatusCode)
		}
		page := webtest.Doc(t, c.Get("/hoi-nghi/"+conf)).Find("main").Text()
		if !strings.Contains(page, "Tổng kết năm 2025") || !strings.Contains(page, "Tổ chức đối thoại với nhân dân") {
			t.Errorf("edits not shown")
		}
		// The leader of Lạng Sơn sees the conference in the list, and not
		// the commune's task among the province's own.
		if mine := webtest.Doc(t, s.As("leader.langson").Get("/nhiem-vu?xem=cua-toi&trang_thai=done")).Find("main").Text(); strings.Contains(mine, sd.task.Title) {
			t.Errorf("the commune's task is among the province's own")
		}
		if body := webtest.Doc(t, s.As("leader.langson").Get("/hoi-nghi")).Find("main").Text(); !strings.Contains(body, "Tổng kết năm 2025") {
			t.Errorf("leader's list lacks the conference")
		}
	})
}

// TestImportRejectedKeepsCorrections reads sample 000 through the import
// page, corrects fields, submits with a bad date: nothing is saved and
// every correction comes back; fixed, it saves once; the same article
// again is detected.
func TestImportRejectedKeepsCorrections(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.As("admin")
		res := c.Post("/hoi-nghi/nhap", url.Values{"text": {string(article(t, sample0))}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("read article = %d", res.StatusCode)
		}
		page := webtest.Doc(t, res)
		marks := page.Find(".mt-source mark")
		if marks.Length() < 5 || page.Find("mark#src-chair-0").Text() != "Nguyễn Bá Thạch" || !strings.Contains(page.Find(".mt-source mark.m-figure").Text(), "47") {
			t.Errorf("marks: %d, chair %q", marks.Length(), page.Find("mark#src-chair-0").Text())
		}
		v := formValues(page.Find("form.mt-form"))
		if v.Get("p.0.name") != "Nguyễn Bá Thạch" || v.Get("held_on") != "25/12/2020" || v.Get("kind") != "tong_ket" || v.Get("period-nam")+v.Get("period-phan") != "2020" {
			t.Fatalf("proposed: %v", v)
		}
		// Corrections: title, place, an added speaker, the first task's
		// due date, the organizer; dropping the second task; a bad date.
		v.Set("unit", itoa(s.Units.LangSon.ID))
		v.Set("title", "Hội nghị tổng kết công tác dân vận năm 2020 (đã sửa)")
		v.Set("place", "Hội trường Huyện ủy")
		n := 0
		for v.Has(fmt.Sprintf("p.%d.name", n)) && v.Get(fmt.Sprintf("p.%d.name", n)) != "" {
			n++
		}
		v.Set(fmt.Sprintf("p.%d.name", n), "Lê Văn Hải")
		v.Set(fmt.Sprintf("p.%d.title", n), "TUV, Trưởng Ban Dân vận Tỉnh ủy")
		v.Set(fmt.Sprintf("p.%d.role", n), "speaker")
		v.Set("t.0.due", "30/06/2021")
		v.Set("t.1.drop", "1")
		v.Set("held_on", "32/13/2020")
		before := s.Snapshot(volatile...)
		res = c.Post("/hoi-nghi/nhap/luu", v)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("bad date save = %d", res.StatusCode)
		}
		s.Unchanged("a rejected import", before, volatile...)
		page = webtest.Doc(t, res)
		back := formValues(page.Find("form.mt-form"))
		for _, k := range []string{"unit", "title", "place", "held_on", "t.0.due", "source_text"} {
			if back.Get(k) != v.Get(k) {
				t.Errorf("%s came back as %q, typed %q", k, back.Get(k), v.Get(k))
			}
		}
		if back.Get(fmt.Sprintf("p.%d.name", n)) != "Lê Văn Hải" || back.Get(fmt.Sprintf("p.%d.role", n)) != "speaker" {
			t.Errorf("added speaker lost: %v", back)
		}
		if strings.Contains(page.Find(`form.mt-form textarea[name^="t."]`).Text(), "Đẩy mạnh các phong trào thi đua") {
			t.Errorf("dropped task came back")
		}
		if page.Find("#held_on ~ .field-error").Length() != 1 {
			t.Errorf("no error beside the date")
		}
		if page.Find("mark#src-chair-0").Length() != 1 {
			t.Errorf("source marks lost on the second showing")
		}
		// A unit that is not among the suggestions stays chosen too.
		other := url.Values{}
		for k, x := range back {
			other[k] = x
		}
		other.Set("unit", itoa(s.Units.LangSonWomen.ID))
		if got := formValues(webtest.Doc(t, c.Post("/hoi-nghi/nhap/luu", other)).Find("form.mt-form")).Get("unit"); got != other.Get("unit") {
			t.Errorf("chosen unit came back as %q, want %q", got, other.Get("unit"))
		}
		// Fixed, it saves.
		back.Set("held_on", "25/12/2020")
		res = c.Post("/hoi-nghi/nhap/luu", back)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save = %d: %s", res.StatusCode, webtest.Doc(t, res).Find(".notice, .field-error").Text())
		}
		text := webtest.Doc(t, c.Get(res.Header.Get("Location"))).Find("main").Text()
		for _, want := range []string{"(đã sửa)", "Nguyễn Bá Thạch", "Nguyễn Minh Tứ", "Lê Văn Hải", "47", "vụ việc", "30/06/2021", "Hội trường Huyện ủy"} {
			if !strings.Contains(text, want) {
				t.Errorf("conference page lacks %q", want)
			}
		}
		if s.Count("meeting_tasks") != 1 || s.Count("meeting_conferences") != 1 {
			t.Errorf("tasks %d conferences %d", s.Count("meeting_tasks"), s.Count("meeting_conferences"))
		}
		// The same article again: flagged on review, refused on save.
		page = webtest.Doc(t, c.Post("/hoi-nghi/nhap", url.Values{"text": {string(article(t, sample0))}}))
		if !strings.Contains(page.Find(".notice.error").Text(), "đã được nhập") {
			t.Errorf("duplicate not flagged on review")
		}
		again := formValues(page.Find("form.mt-form"))
		again.Set("unit", itoa(s.Units.LangSon.ID))
		before = s.Snapshot(volatile...)
		if res := c.Post("/hoi-nghi/nhap/luu", again); res.StatusCode != http.StatusConflict {
			t.Errorf("second import save = %d", res.StatusCode)
		}
		s.Unchanged("the second import", before, volatile...)
	})
}

// TestMeetingAPI creates a conference through the API and reads it back.
func TestMeetingAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		token := s.Token("officer.chilang")
		body := fmt.Sprintf(`{"unit_id": %d, "kind": "trien_khai", "title": "Triển khai nhiệm vụ năm 2026", "held_on": "2026-01-05",
			"chairs": [{"name": "Hoàng Văn Bình", "title": "Phó Bí thư"}],
			"figures": [{"value": 12, "unit": "mô hình", "about": "Dân vận khéo"}],
			"tasks": [{"title": "Nhân rộng mô hình", "due_on": "2026-02-01"}]}`, s.Units.NewChiLang.ID)
		code, got := s.API("POST", "/api/v1/conferences", token, body)
		if code != http.StatusCreated {
			t.Fatalf("create = %d %v", code, got)
		}
		tasks, _ := got["task_list"].([]any)
		if len(tasks) != 1 || tasks[0].(map[string]any)["overdue"] != true {
			t.Fatalf("created = %v", got)
		}
		taskID := int64(tasks[0].(map[string]any)["id"].(float64))
		code, list := s.API("GET", "/api/v1/tasks?overdue=true", token, nil)
		if code != 200 || list["total"].(float64) != 1 {
			t.Errorf("overdue = %d %v", code, list)
		}
		if code, _ := s.API("POST", fmt.Sprintf("/api/v1/tasks/%d/status", taskID), token, `{"status":"done","note":"xong"}`); code != 200 {
			t.Errorf("status = %d", code)
		}
		if _, list := s.API("GET", "/api/v1/tasks?overdue=true", token, nil); list["total"].(float64) != 0 {
			t.Errorf("still overdue: %v", list)
		}
		if code, one := s.API("GET", fmt.Sprintf("/api/v1/conferences/%d", int64(got["id"].(float64))), token, nil); code != 200 || one["title"] != "Triển khai nhiệm vụ năm 2026" {
			t.Errorf("get = %d %v", code, one)
		}
		// The one error body: a bad kind, an unknown field, a bad date.
		for _, tc := range []struct {
			method, path, body, field string
		}{
			{"GET", "/api/v1/conferences?kind=hop", "", "kind"},
			{"GET", "/api/v1/tasks?status=xong", "", "status"},
			{"POST", "/api/v1/conferences", `{"unit_id": 1, "colour": "red"}`, "colour"},
			{"POST", "/api/v1/conferences", fmt.Sprintf(`{"unit_id": %d, "kind": "so_ket", "title": "X", "held_on": "20/12/2025"}`, s.Units.NewChiLang.ID), "held_on"},
		} {
			var body any
			if tc.body != "" {
				body = tc.body
			}
			code, e := s.API(tc.method, tc.path, token, body)
			detail, _ := e["error"].(map[string]any)
			if code != http.StatusBadRequest || detail["code"] != "invalid" || detail["field"] != tc.field || detail["message"] == "" {
				t.Errorf("%s %s = %d %v", tc.method, tc.path, code, e)
			}
		}
	})
}

// TestConferenceDocumentsAndSavedArticles uploads a document and reads it
// back, and imports an article saved in the configured folder by name
// (a name outside the folder is refused).
func TestConferenceDocumentsAndSavedArticles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bai-000.txt"), article(t, sample0), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSite(t, dbtest.Open(t, "sqlite"), webtest.Configure(func(c *web.Config) { c.ImportDir = dir }))
	sd := seedMeeting(t, s)
	c := s.As("officer.chilang")

	if opt := webtest.Doc(t, c.Get("/hoi-nghi/nhap")).Find(`#saved option[value="bai-000.txt"]`); opt.Length() != 1 {
		t.Errorf("saved article not offered")
	}
	if opt := webtest.Doc(t, s.As("leader.langson").Get("/hoi-nghi/nhap")).Find(`#saved`); opt.Length() != 0 {
		t.Errorf("saved articles offered to a leader who records nothing")
	}
	if res := c.Post("/hoi-nghi/nhap", url.Values{"saved": {"../../etc/passwd"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("outside name = %d", res.StatusCode)
	}
	res := c.Post("/hoi-nghi/nhap", url.Values{"saved": {"bai-000.txt"}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("saved import = %d", res.StatusCode)
	}
	if got, _ := webtest.Doc(t, res).Find(`input[name=source_name]`).Attr("value"); got != "bai-000.txt" {
		t.Errorf("source name = %q", got)
	}

	res = c.PostMultipart(fmt.Sprintf("/hoi-nghi/%d/tai-lieu", sd.conf.ID), map[string]string{"kind": "speech"},
		webtest.File{Field: "file", Name: "phat-bieu.txt", Data: []byte("Bài phát biểu chỉ đạo")})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", res.StatusCode)
	}
	links := webtest.Doc(t, c.Get(fmt.Sprintf("/hoi-nghi/%d", sd.conf.ID))).Find(`#tai-lieu + .card a`)
	link, ok := links.Last().Attr("href")
	if links.Length() != 2 || !ok {
		t.Fatalf("document links = %d", links.Length())
	}
	res = c.Get(link)
	got, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 || string(got) != "Bài phát biểu chỉ đạo" || !strings.Contains(res.Header.Get("Content-Disposition"), "phat-bieu.txt") {
		t.Errorf("download = %d %q %q", res.StatusCode, got, res.Header.Get("Content-Disposition"))
	}
	if res := s.As("officer.dongdang").Get(link); res.StatusCode == 200 {
		t.Errorf("neighbour downloads the document")
	}
	// An empty file is refused beside the form, nothing stored.
	before := s.Count("meeting_documents")
	res = c.PostMultipart(fmt.Sprintf("/hoi-nghi/%d/tai-lieu", sd.conf.ID), map[string]string{"kind": "report"},
		webtest.File{Field: "file", Name: "rong.txt"})
	if res.StatusCode != http.StatusBadRequest || s.Count("meeting_documents") != before {
		t.Errorf("empty upload = %d, documents %d", res.StatusCode, s.Count("meeting_documents"))
	}
	if !strings.Contains(webtest.Doc(t, res).Find(".field-error").Text(), "Tệp rỗng") {
		t.Errorf("no message beside the upload")
	}
}
