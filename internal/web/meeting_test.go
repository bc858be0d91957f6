package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
)

const sampleArticle = "../meeting/samples/000_e6cc3f3f0c785851.txt"

// meetingSeed is what the scope tests act on: a conference of the new
// commune of Chi Lăng (imported from an article, with a document), its
// overdue task, its chair, and a pledge of Lạng Sơn signed by the commune.
type meetingSeed struct {
	conf   meeting.Conference
	task   meeting.Task
	person int64
	other  int64
	pledge emulation.Pledge
}

func seedMeeting(t *testing.T, s *site) meetingSeed {
	t.Helper()
	ctx := context.Background()
	units := org.NewStore(s.db)
	st := meeting.NewStore(s.db, units, nil)
	c, err := st.Create(ctx, meeting.Conference{UnitID: s.units.NewChiLang.ID, Kind: meeting.SoKet,
		Title: "Sơ kết công tác dân vận 6 tháng cuối năm 2025", HeldOn: date(2025, 12, 20), Period: "2025S2",
		SourceText: "Sáng 20/12/2025, Khối Dân vận xã Chi Lăng tổ chức sơ kết.",
		Participants: []meeting.Participant{
			{Name: "Hoàng Văn Bình", Title: "Phó Bí thư Đảng ủy xã", Role: meeting.Chair},
			{Name: "Hoàng V. Bình", Title: "Bí thư Đảng ủy xã", Role: meeting.Attendee},
		},
		Tasks: []meeting.Task{{Title: "Rà soát các mô hình “Dân vận khéo”", DueOn: date(2026, 1, 31)}}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := emulation.NewStore(s.db, units).Create(ctx, emulation.Pledge{UnitID: s.units.LangSon.ID, Title: "Giao ước thi đua năm 2026",
		Period: "2026", SignedOn: date(2026, 1, 10),
		Commitments: []emulation.Commitment{{Kind: emulation.Deliverable, Description: "Một mô hình mới", MaxScore: 50}},
		Signatories: []emulation.Signatory{{UnitID: s.units.NewChiLang.ID, Signer: "Hoàng Văn Bình"}, {UnitID: s.units.NewDongDang.ID, Signer: "Lý Thị Hoa"}}})
	if err != nil {
		t.Fatal(err)
	}
	return meetingSeed{conf: c, task: c.Tasks[0], person: c.Participants[0].PersonID, other: c.Participants[1].PersonID, pledge: p}
}

// asDisabled returns a client holding a session opened while the
// "disabled" account was still active.
func (s *site) asDisabled() *client {
	s.t.Helper()
	ctx := context.Background()
	u, err := s.auth.User(ctx, s.users["disabled"].ID)
	if err != nil {
		s.t.Fatal(err)
	}
	if u, err = s.auth.SetActive(ctx, u.ID, u.Version, true); err != nil {
		s.t.Fatal(err)
	}
	c := s.as("disabled")
	if _, err := s.auth.SetActive(ctx, u.ID, u.Version, false); err != nil {
		s.t.Fatal(err)
	}
	return c
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// snapshot counts the rows every meeting write touches.
func (s *site) snapshot() string {
	var b strings.Builder
	for _, table := range []string{"meeting_conferences", "meeting_people", "meeting_participants", "meeting_tasks",
		"meeting_task_notes", "meeting_documents", "meeting_figures", "emulation_pledges", "emulation_scores", "audit_log"} {
		fmt.Fprintf(&b, "%s=%d ", table, s.count(table))
	}
	var status string
	var merged *int64
	s.db.QueryRowContext(context.Background(), "SELECT status FROM meeting_tasks ORDER BY id LIMIT 1").Scan(&status)
	s.db.QueryRowContext(context.Background(), "SELECT MAX(merged_into) FROM meeting_people").Scan(&merged)
	fmt.Fprintf(&b, "status=%s merged=%v", status, merged != nil)
	return b.String()
}

// TestMeetingScopeOnEveryRoute: an anonymous visitor, an officer of the
// neighbouring commune, the leader of the other province and a disabled
// account are each refused on every page and endpoint of the feature, and
// no refusal changes anything; the owner commune's officer is served.
func TestMeetingScopeOnEveryRoute(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		sd := seedMeeting(t, s)
		ctx := context.Background()
		id := func(n int64) string { return fmt.Sprint(n) }
		conf, task, pledge := id(sd.conf.ID), id(sd.task.ID), id(sd.pledge.ID)
		pages := []string{"/hoi-nghi/" + conf, "/hoi-nghi/" + conf + "/bien-ban", "/hoi-nghi/" + conf + "/nguon", "/hoi-nghi/" + conf + "/sua",
			"/hoi-nghi/" + conf + "/tai-lieu/1", "/nhiem-vu/" + task, "/nguoi/" + id(sd.person), "/nguoi/" + id(sd.person) + "/gop",
			"/nguoi?don_vi=" + id(s.units.NewChiLang.ID)}
		lists := []string{"/hoi-nghi", "/hoi-nghi/lich?thang=2025-12", "/nhiem-vu", "/nhiem-vu?xem=cua-toi", "/thi-dua"}
		posts := map[string]url.Values{
			"/hoi-nghi/moi":                     {"unit": {id(s.units.NewChiLang.ID)}, "kind": {"so_ket"}, "title": {"X"}, "held_on": {"01/02/2026"}},
			"/hoi-nghi/nhap/luu":                {"unit": {id(s.units.NewChiLang.ID)}, "kind": {"so_ket"}, "title": {"Y"}, "held_on": {"01/02/2026"}, "source_text": {"Bài khác"}},
			"/hoi-nghi/" + conf + "/tai-lieu":   {"kind": {"report"}},
			"/nhiem-vu/" + task:                 {"status": {"done"}, "note": {"xong"}},
			"/nguoi/" + id(sd.person) + "/gop":  {"other": {id(sd.other)}},
			"/thi-dua/moi":                      {"unit": {id(s.units.LangSon.ID)}, "title": {"Z"}, "period": {"2026"}, "signed_on": {"01/02/2026"}, "c.0.description": {"a"}, "c.0.max": {"5"}, "signed": {id(s.units.NewChiLang.ID)}, "signer." + id(s.units.NewChiLang.ID): {"A"}},
			"/thi-dua/" + pledge + "/cham-diem": {},
		}
		before := s.snapshot()
		for _, who := range []string{"", "officer.dongdang", "leader.soctrang", "disabled"} {
			c := s.anon()
			switch who {
			case "":
			case "disabled":
				c = s.asDisabled()
			default:
				c = s.as(who)
			}
			for _, p := range pages {
				res := c.get(p)
				if res.StatusCode == http.StatusOK {
					t.Errorf("%q GET %s = 200", who, p)
				}
			}
			for _, p := range lists {
				res := c.get(p)
				if res.StatusCode == http.StatusOK {
					body := doc(t, res).Find("main").Text()
					if strings.Contains(body, sd.conf.Title) || strings.Contains(body, sd.task.Title) || strings.Contains(body, sd.pledge.Title) && who != "officer.dongdang" {
						t.Errorf("%q sees the commune's records on %s", who, p)
					}
				} else if who != "" && who != "disabled" {
					t.Errorf("%q GET %s = %d", who, p, res.StatusCode)
				}
			}
			tok := c.csrf()
			for p, form := range posts {
				f := url.Values{"csrf": {tok}}
				for k, v := range form {
					f[k] = v
				}
				res := c.post(p, f)
				if res.StatusCode < 300 || (res.StatusCode == http.StatusOK) {
					t.Errorf("%q POST %s = %d", who, p, res.StatusCode)
				}
			}
			// The API, with a token for signed-in accounts.
			token := ""
			if who != "" && who != "disabled" {
				_, secret, err := s.auth.CreateToken(ctx, s.users[who].ID, "test")
				if err != nil {
					t.Fatal(err)
				}
				token = secret
			}
			for _, p := range []string{"/api/v1/conferences/" + conf, "/api/v1/tasks/" + task} {
				if code, _ := apiGet(c, p, token); code == http.StatusOK {
					t.Errorf("%q API %s = 200", who, p)
				}
			}
			for _, p := range []string{"/api/v1/conferences", "/api/v1/tasks?overdue=true"} {
				code, body := apiGet(c, p, token)
				if code == http.StatusOK && body["total"].(float64) != 0 {
					t.Errorf("%q API %s lists %v", who, p, body["total"])
				}
			}
			req := httptest.NewRequest(http.MethodPost, "/api/v1/tasks/"+task+"/status", strings.NewReader(`{"status":"done"}`))
			req.Header.Set("Content-Type", "application/json")
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			if res := c.do(req); res.StatusCode == http.StatusOK {
				t.Errorf("%q API status change = 200", who)
			}
			if after := s.snapshot(); after != before && !strings.Contains(after, "audit_log") {
				t.Errorf("%q changed something", who)
			}
		}
		// Token creation writes audit rows; compare the feature's tables.
		trim := func(s string) string {
			i := strings.Index(s, "audit_log")
			j := strings.Index(s, "status=")
			return s[:i] + s[j:]
		}
		if after := s.snapshot(); trim(after) != trim(before) {
			t.Errorf("denials changed the data:\n before %s\n after  %s", before, after)
		}
		var audits int
		d.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log WHERE entity IN ('conference', 'task', 'person', 'pledge')").Scan(&audits)
		if audits != 2 {
			t.Errorf("feature audit rows = %d, want the 2 of the seed", audits)
		}

		// The commune's own officer reads everything and may mark the task.
		c := s.as("officer.chilang")
		for _, p := range append(pages[:4], "/nhiem-vu/"+task, "/nguoi/"+id(sd.person), "/thi-dua/"+pledge) {
			if res := c.get(p); res.StatusCode != http.StatusOK {
				t.Errorf("officer GET %s = %d", p, res.StatusCode)
			}
		}
		over := doc(t, c.get("/nhiem-vu?xem=qua-han")).Find("#task-list").Text()
		if !strings.Contains(over, sd.task.Title) {
			t.Errorf("overdue list lacks the task: %q", over)
		}
		res := c.post("/nhiem-vu/"+task, url.Values{"csrf": {c.csrf()}, "status": {"done"}, "note": {"Đã rà soát 12 mô hình"}, "version": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("officer marks done = %d", res.StatusCode)
		}
		if over := doc(t, c.get("/nhiem-vu?xem=qua-han")).Find("main").Text(); strings.Contains(over, sd.task.Title) {
			t.Errorf("done task still overdue")
		}
		if mine := doc(t, c.get("/nhiem-vu?xem=cua-toi&trang_thai=done")).Find("#task-list").Text(); !strings.Contains(mine, sd.task.Title) {
			t.Errorf("the officer's own done tasks lack the task: %q", mine)
		}
		// The officer edits the conference and adds a task; a stale edit is
		// refused with what was typed kept.
		if res := c.post("/hoi-nghi/"+conf+"/sua", url.Values{"csrf": {c.csrf()}, "kind": {"tong_ket"}, "title": {"Tổng kết năm 2025"},
			"held_on": {"20/12/2025"}, "period": {"2025"}, "version": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("edit = %d", res.StatusCode)
		}
		res = c.post("/hoi-nghi/"+conf+"/sua", url.Values{"csrf": {c.csrf()}, "kind": {"tong_ket"}, "title": {"Lần sửa cũ"}, "held_on": {"20/12/2025"}, "version": {"1"}})
		if res.StatusCode != http.StatusConflict {
			t.Errorf("stale edit = %d", res.StatusCode)
		} else if v, _ := doc(t, res).Find("#title").Attr("value"); v != "Lần sửa cũ" {
			t.Errorf("stale edit lost the input: %q", v)
		}
		if res := c.post("/hoi-nghi/"+conf+"/nhiem-vu", url.Values{"csrf": {c.csrf()}, "title": {"Tổ chức đối thoại với nhân dân"}, "due": {"30/06/2026"}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("add task = %d", res.StatusCode)
		}
		if res := c.post("/hoi-nghi/"+conf+"/nhiem-vu", url.Values{"csrf": {c.csrf()}, "title": {"Thiếu hạn"}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("task without due = %d", res.StatusCode)
		}
		page := doc(t, c.get("/hoi-nghi/"+conf)).Find("main").Text()
		if !strings.Contains(page, "Tổng kết năm 2025") || !strings.Contains(page, "Tổ chức đối thoại với nhân dân") {
			t.Errorf("edits not shown")
		}
		// The leader of Lạng Sơn sees the conference in the list, and not
		// the commune's task among the province's own.
		if mine := doc(t, s.as("leader.langson").get("/nhiem-vu?xem=cua-toi&trang_thai=done")).Find("main").Text(); strings.Contains(mine, sd.task.Title) {
			t.Errorf("the commune's task is among the province's own")
		}
		if body := doc(t, s.as("leader.langson").get("/hoi-nghi")).Find("main").Text(); !strings.Contains(body, "Tổng kết năm 2025") {
			t.Errorf("leader's list lacks the conference")
		}
	})
}

// formValues collects what a browser would submit from the form.
func formValues(f *goquery.Selection) url.Values {
	v := url.Values{}
	f.Find("input").Each(func(_ int, in *goquery.Selection) {
		name, _ := in.Attr("name")
		typ, _ := in.Attr("type")
		if name == "" || typ == "file" {
			return
		}
		if (typ == "checkbox" || typ == "radio") && in.AttrOr("checked", "-") == "-" {
			return
		}
		v.Add(name, in.AttrOr("value", ""))
	})
	f.Find("textarea").Each(func(_ int, ta *goquery.Selection) {
		v.Add(ta.AttrOr("name", ""), strings.TrimPrefix(ta.Text(), "\n"))
	})
	f.Find("select").Each(func(_ int, sel *goquery.Selection) {
		name := sel.AttrOr("name", "")
		picked := sel.Find("option[selected]")
		if picked.Length() == 0 {
			if _, multi := sel.Attr("multiple"); multi {
				return
			}
			picked = sel.Find("option").First()
		}
		picked.Each(func(_ int, o *goquery.Selection) { v.Add(name, o.AttrOr("value", o.Text())) })
	})
	return v
}

// TestImportRejectedKeepsCorrections reads sample 000 through the import
// page, corrects fields, submits with a bad date: nothing is saved and
// every correction comes back; fixed, it saves once; the same article
// again is detected.
func TestImportRejectedKeepsCorrections(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		article, err := os.ReadFile(sampleArticle)
		if err != nil {
			t.Fatal(err)
		}
		c := s.as("admin")
		res := c.post("/hoi-nghi/nhap", url.Values{"csrf": {c.csrf()}, "text": {string(article)}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("read article = %d", res.StatusCode)
		}
		page := doc(t, res)
		marks := page.Find(".mt-source mark")
		if marks.Length() < 5 || page.Find("mark#src-chair-0").Text() != "Nguyễn Bá Thạch" || !strings.Contains(page.Find(".mt-source mark.m-figure").Text(), "47") {
			t.Errorf("marks: %d, chair %q", marks.Length(), page.Find("mark#src-chair-0").Text())
		}
		form := page.Find("form.mt-form")
		v := formValues(form)
		if v.Get("p.0.name") != "Nguyễn Bá Thạch" || v.Get("held_on") != "25/12/2020" || v.Get("kind") != "tong_ket" || v.Get("period") != "2020" {
			t.Fatalf("proposed: %v", v)
		}
		// Corrections: title, place, an added speaker, the first task's
		// due date, the organizer; dropping the second task; a bad date.
		v.Set("unit", fmt.Sprint(s.units.LangSon.ID))
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
		before := s.snapshot()
		res = c.post("/hoi-nghi/nhap/luu", v)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("bad date save = %d", res.StatusCode)
		}
		if after := s.snapshot(); after != before {
			t.Errorf("a rejected import saved something:\n%s\n%s", before, after)
		}
		page = doc(t, res)
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
		other.Set("unit", fmt.Sprint(s.units.LangSonWomen.ID))
		if got := formValues(doc(t, c.post("/hoi-nghi/nhap/luu", other)).Find("form.mt-form")).Get("unit"); got != other.Get("unit") {
			t.Errorf("chosen unit came back as %q, want %q", got, other.Get("unit"))
		}
		// Fixed, it saves.
		back.Set("held_on", "25/12/2020")
		res = c.post("/hoi-nghi/nhap/luu", back)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save = %d: %s", res.StatusCode, doc(t, res).Find(".notice, .field-error").Text())
		}
		show := doc(t, c.get(res.Header.Get("Location")))
		text := show.Find("main").Text()
		for _, want := range []string{"(đã sửa)", "Nguyễn Bá Thạch", "Nguyễn Minh Tứ", "Lê Văn Hải", "47", "vụ việc", "30/06/2021", "Hội trường Huyện ủy"} {
			if !strings.Contains(text, want) {
				t.Errorf("conference page lacks %q", want)
			}
		}
		if s.count("meeting_tasks") != 1 || s.count("meeting_conferences") != 1 {
			t.Errorf("tasks %d conferences %d", s.count("meeting_tasks"), s.count("meeting_conferences"))
		}
		// The same article again: flagged on review, refused on save.
		res = c.post("/hoi-nghi/nhap", url.Values{"csrf": {c.csrf()}, "text": {string(article)}})
		page = doc(t, res)
		if !strings.Contains(page.Find(".notice.error").Text(), "đã được nhập") {
			t.Errorf("duplicate not flagged on review")
		}
		again := formValues(page.Find("form.mt-form"))
		again.Set("unit", fmt.Sprint(s.units.LangSon.ID))
		before = s.snapshot()
		if res := c.post("/hoi-nghi/nhap/luu", again); res.StatusCode != http.StatusConflict {
			t.Errorf("second import save = %d", res.StatusCode)
		}
		if s.snapshot() != before {
			t.Errorf("second import saved something")
		}
	})
}

// TestMeetingAPI creates a conference through the API and reads it back.
func TestMeetingAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		_, token, err := s.auth.CreateToken(context.Background(), s.users["officer.chilang"].ID, "t")
		if err != nil {
			t.Fatal(err)
		}
		c := s.anon()
		body := fmt.Sprintf(`{"unit_id": %d, "kind": "trien_khai", "title": "Triển khai nhiệm vụ năm 2026", "held_on": "2026-01-05",
			"chairs": [{"name": "Hoàng Văn Bình", "title": "Phó Bí thư"}],
			"figures": [{"value": 12, "unit": "mô hình", "about": "Dân vận khéo"}],
			"tasks": [{"title": "Nhân rộng mô hình", "due_on": "2026-02-01"}]}`, s.units.NewChiLang.ID)
		req := httptest.NewRequest(http.MethodPost, "/api/v1/conferences", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		res := c.do(req)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("create = %d", res.StatusCode)
		}
		var got struct {
			ID       int64 `json:"id"`
			TaskList []struct {
				ID      int64 `json:"id"`
				Overdue bool  `json:"overdue"`
			} `json:"task_list"`
		}
		json.NewDecoder(res.Body).Decode(&got)
		if len(got.TaskList) != 1 || !got.TaskList[0].Overdue {
			t.Fatalf("created = %+v", got)
		}
		code, list := apiGet(c, "/api/v1/tasks?overdue=true", token)
		if code != 200 || list["total"].(float64) != 1 {
			t.Errorf("overdue = %d %v", code, list)
		}
		req = httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/v1/tasks/%d/status", got.TaskList[0].ID), strings.NewReader(`{"status":"done","note":"xong"}`))
		req.Header.Set("Authorization", "Bearer "+token)
		if res := c.do(req); res.StatusCode != 200 {
			t.Errorf("status = %d", res.StatusCode)
		}
		if _, list := apiGet(c, "/api/v1/tasks?overdue=true", token); list["total"].(float64) != 0 {
			t.Errorf("still overdue: %v", list)
		}
		if code, one := apiGet(c, fmt.Sprintf("/api/v1/conferences/%d", got.ID), token); code != 200 || one["title"] != "Triển khai nhiệm vụ năm 2026" {
			t.Errorf("get = %d %v", code, one)
		}
	})
}
