package web

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/extract"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// confForm is the conference form exactly as the person typed it, so a
// rejected save shows every correction again.
type confForm struct {
	UnitID     string
	Kind       string
	Title      string
	HeldOn     string
	TimeOfDay  string
	Place      string
	Period     string
	Summary    string
	Outcome    string
	Organizer  string // as written in the article
	Level      string
	Attending  []string
	People     []confPersonRow
	Figures    []confFigureRow
	Tasks      []confTaskRow
	SourceName string
	SourceText string
}

type confPersonRow struct {
	Role, Name, Title, UnitID, Src string
	Match                          string // the directory person the name matches, "" when new
}

type confFigureRow struct{ Value, Unit, About, Indicator, Src string }

type confTaskRow struct {
	Title, Due, Indicator, Src string
	Owners                     []string
}

// blankRows are the empty rows each list offers for additions.
const blankRows = 2

// Has reports whether the attending units include id (for checkboxes).
func (f confForm) Has(id int64) bool {
	s := strconv.FormatInt(id, 10)
	for _, a := range f.Attending {
		if a == s {
			return true
		}
	}
	return false
}

// Owns reports whether a task row's owners include id.
func (t confTaskRow) Owns(id int64) bool {
	s := strconv.FormatInt(id, 10)
	for _, a := range t.Owners {
		if a == s {
			return true
		}
	}
	return false
}

func formFromDraft(d meeting.Draft) confForm {
	c := d.Conference
	f := confForm{Kind: string(c.Kind), Title: c.Title, TimeOfDay: c.TimeOfDay, Place: c.Place, Period: c.Period,
		Summary: c.Summary, Outcome: c.Outcome, Organizer: d.Organizer, Level: d.Level,
		SourceName: c.SourceName, SourceText: c.SourceText}
	if !c.HeldOn.IsZero() {
		f.HeldOn = vntext.FormatDate(c.HeldOn)
	}
	nc, na := 0, 0
	for _, p := range c.Participants {
		src := ""
		if p.Role == meeting.Chair {
			src = fmt.Sprintf("chair-%d", nc)
			nc++
		} else {
			src = fmt.Sprintf("attendee-%d", na)
			na++
		}
		f.People = append(f.People, confPersonRow{Role: string(p.Role), Name: p.Name, Title: p.Title, Src: src})
	}
	for i, x := range c.Figures {
		f.Figures = append(f.Figures, confFigureRow{Value: vntext.FormatNumber(x.Value, decimals(x.Value)), Unit: x.Unit, About: x.About, Src: fmt.Sprintf("figure-%d", i)})
	}
	for i, t := range c.Tasks {
		f.Tasks = append(f.Tasks, confTaskRow{Title: t.Title, Due: t.Period, Src: fmt.Sprintf("task-%d", i)})
	}
	return f
}

func decimals(v float64) int {
	for d := 0; d < 4; d++ {
		p := 1.0
		for i := 0; i < d; i++ {
			p *= 10
		}
		if float64(int64(v*p)) == v*p {
			return d
		}
	}
	return 4
}

// readConfForm reads the posted form; rows left blank or ticked "bỏ" are
// dropped, rows stay in order.
func readConfForm(r *http.Request) confForm {
	v := r.PostForm
	f := confForm{UnitID: v.Get("unit"), Kind: v.Get("kind"), Title: v.Get("title"), HeldOn: v.Get("held_on"),
		TimeOfDay: v.Get("time_of_day"), Place: v.Get("place"), Period: v.Get("period"), Summary: v.Get("summary"),
		Outcome: v.Get("outcome"), Organizer: v.Get("organizer"), Level: v.Get("level"), Attending: v["units"],
		SourceName: v.Get("source_name"), SourceText: v.Get("source_text")}
	blank := func(ss ...string) bool {
		for _, s := range ss {
			if strings.TrimSpace(s) != "" {
				return false
			}
		}
		return true
	}
	for i := 0; i < 500; i++ {
		k := fmt.Sprintf("p.%d.", i)
		if _, ok := v[k+"name"]; !ok {
			break
		}
		row := confPersonRow{Role: v.Get(k + "role"), Name: v.Get(k + "name"), Title: v.Get(k + "title"), UnitID: v.Get(k + "unit"), Src: v.Get(k + "src")}
		if v.Get(k+"drop") != "" || blank(row.Name, row.Title) {
			continue
		}
		f.People = append(f.People, row)
	}
	for i := 0; i < 1000; i++ {
		k := fmt.Sprintf("f.%d.", i)
		if _, ok := v[k+"value"]; !ok {
			break
		}
		row := confFigureRow{Value: v.Get(k + "value"), Unit: v.Get(k + "unit"), About: v.Get(k + "about"), Indicator: v.Get(k + "indicator"), Src: v.Get(k + "src")}
		if v.Get(k+"drop") != "" || blank(row.Value, row.Unit, row.About) {
			continue
		}
		f.Figures = append(f.Figures, row)
	}
	for i := 0; i < 500; i++ {
		k := fmt.Sprintf("t.%d.", i)
		if _, ok := v[k+"title"]; !ok {
			break
		}
		row := confTaskRow{Title: v.Get(k + "title"), Due: v.Get(k + "due"), Indicator: v.Get(k + "indicator"), Owners: v[k+"owners"], Src: v.Get(k + "src")}
		if v.Get(k+"drop") != "" || blank(row.Title) {
			continue
		}
		f.Tasks = append(f.Tasks, row)
	}
	return f
}

// conference turns the form into a conference; what cannot be parsed is
// reported on its field (the domain checks the rest).
func (f confForm) conference() (meeting.Conference, apperr.Errors) {
	var es apperr.Errors
	c := meeting.Conference{Kind: meeting.Kind(f.Kind), Title: f.Title, TimeOfDay: f.TimeOfDay, Place: f.Place,
		Period: strings.TrimSpace(f.Period), Summary: f.Summary, Outcome: f.Outcome, SourceName: f.SourceName, SourceText: f.SourceText}
	c.UnitID, _ = strconv.ParseInt(f.UnitID, 10, 64)
	if strings.TrimSpace(f.HeldOn) != "" {
		t, ok := meetingDay(f.HeldOn)
		if !ok {
			es.Add("held_on", "Ngày họp không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 25/12/2020.")
		}
		c.HeldOn = t
	}
	for _, a := range f.Attending {
		if id, err := strconv.ParseInt(a, 10, 64); err == nil {
			c.AttendingUnits = append(c.AttendingUnits, id)
		}
	}
	for _, p := range f.People {
		uid, _ := strconv.ParseInt(p.UnitID, 10, 64)
		c.Participants = append(c.Participants, meeting.Participant{Name: p.Name, Title: p.Title, Role: meeting.Role(p.Role), UnitID: uid})
	}
	for i, x := range f.Figures {
		n, err := vntext.ParseNumber(strings.TrimSpace(x.Value))
		if err != nil {
			es.Add(fmt.Sprintf("f.%d", i), "Số liệu không hợp lệ (ví dụ 5.112 hoặc 1,5).")
		}
		c.Figures = append(c.Figures, meeting.Figure{Value: n.Value, Unit: x.Unit, About: x.About, IndicatorCode: x.Indicator})
	}
	for i, t := range f.Tasks {
		task := meeting.Task{Title: t.Title, IndicatorCode: t.Indicator}
		due := strings.TrimSpace(t.Due)
		if d, ok := meetingDay(due); ok && strings.ContainsAny(due, "/-.") && len(due) > 7 && !isPeriodCode(due) {
			task.DueOn = d
		} else {
			task.Period = due
		}
		for _, o := range t.Owners {
			if id, err := strconv.ParseInt(o, 10, 64); err == nil {
				task.Owners = append(task.Owners, id)
			}
		}
		_ = i
		c.Tasks = append(c.Tasks, task)
	}
	return c, es
}

func isPeriodCode(s string) bool {
	_, err := vntext.ParsePeriod(s)
	return err == nil
}

// formErrors renames the domain's field errors (participant, figure and
// task indexes) to the form's rows.
func formErrors(err error) apperr.Errors {
	es := fieldErrors(err)
	out := make(apperr.Errors, 0, len(es))
	for _, e := range es {
		e2 := *e
		parts := strings.Split(e.Field, ".")
		if len(parts) >= 2 {
			switch parts[0] {
			case "chair", "attendee", "speaker":
				e2.Field = "p." + parts[1]
			case "figure":
				e2.Field = "f." + parts[1]
			case "task":
				e2.Field = "t." + parts[1]
			}
		}
		out = append(out, &e2)
	}
	return out
}

// confFormView is the conference form: a person's own entry, or the
// review of what an article proposes with the article beside it.
type confFormView struct {
	Page
	Import      bool
	Form        confForm
	Errors      apperr.Errors
	Kinds       []meeting.Kind
	Roles       []meeting.Role
	Units       []org.Unit // organizer choices: units the user may write on
	RepUnits    []org.Unit // units a participant may represent
	Suggestions []meeting.Suggestion
	Children    []org.Unit // attending-unit and owner choices under the organizer
	Owners      []org.Unit
	Marked      template.HTML
	Warnings    []string
	Duplicate   int64
	// The rows of each list with their form index, blank rows for
	// additions at the end.
	PeopleRows []meetingPersonRow
	FigureRows []meetingFigureRow
	TaskRows   []meetingTaskRow
}

type meetingPersonRow struct {
	I int
	confPersonRow
}

type meetingFigureRow struct {
	I int
	confFigureRow
}

type meetingTaskRow struct {
	I int
	confTaskRow
}

// OwnerSize is how many lines the owner choice shows.
func (v confFormView) OwnerSize() int { return min(max(len(v.Owners), 1), 4) }

func (v *confFormView) rows() {
	for i, p := range v.Form.People {
		v.PeopleRows = append(v.PeopleRows, meetingPersonRow{i, p})
	}
	for i, f := range v.Form.Figures {
		v.FigureRows = append(v.FigureRows, meetingFigureRow{i, f})
	}
	for i, t := range v.Form.Tasks {
		v.TaskRows = append(v.TaskRows, meetingTaskRow{i, t})
	}
	for j := 0; j < blankRows; j++ {
		v.PeopleRows = append(v.PeopleRows, meetingPersonRow{len(v.Form.People) + j, confPersonRow{Role: string(meeting.Attendee)}})
		v.FigureRows = append(v.FigureRows, meetingFigureRow{len(v.Form.Figures) + j, confFigureRow{}})
		v.TaskRows = append(v.TaskRows, meetingTaskRow{len(v.Form.Tasks) + j, confTaskRow{Owners: []string{v.Form.UnitID}}})
	}
}

// Field returns the error message of a form field.
func (v confFormView) Field(name string) string { return v.Errors.FieldKey(name) }

// RowError returns the error of row i of a list ("p", "f", "t").
func (v confFormView) RowError(list string, i int) string {
	return v.Errors.FieldKey(fmt.Sprintf("%s.%d", list, i))
}

func (h *meetingHandlers) formView(w http.ResponseWriter, r *http.Request, f confForm, title string, imp bool) confFormView {
	ctx := r.Context()
	v := confFormView{Import: imp, Form: f, Kinds: meeting.Kinds, Roles: meeting.Roles}
	v.Units = h.grantedUnits(r, auth.PermWrite)
	v.RepUnits = h.grantedUnits(r, auth.PermRead)
	held, _ := meetingDay(f.HeldOn)
	if held.IsZero() {
		held = h.today()
	}
	p := principal(r)
	if imp && f.Organizer != "" {
		allowed := func(id int64) bool { ok, _ := h.auth.Can(ctx, p, auth.PermWrite, id); return ok }
		v.Suggestions, _ = h.store.SuggestUnits(ctx, f.Organizer, f.Level, held, allowed)
		if f.UnitID == "" && len(v.Suggestions) > 0 {
			v.Form.UnitID = strconv.FormatInt(v.Suggestions[0].Unit.ID, 10)
		}
	}
	// A unit appears once: among the suggestions, or among the user's units.
	var rest []org.Unit
	for _, u := range v.Units {
		suggested := false
		for _, sg := range v.Suggestions {
			suggested = suggested || sg.Unit.ID == u.ID
		}
		if !suggested {
			rest = append(rest, u)
		}
	}
	v.Units = rest
	unitID, _ := strconv.ParseInt(v.Form.UnitID, 10, 64)
	if unitID != 0 {
		if u, err := h.org.Get(ctx, unitID, held); err == nil {
			v.Owners = append(v.Owners, u)
			known := containsUnit(v.Units, u.ID)
			for _, sg := range v.Suggestions {
				known = known || sg.Unit.ID == u.ID
			}
			if !known {
				v.Units = append([]org.Unit{u}, v.Units...)
			}
		}
		v.Children, _ = h.org.Children(ctx, unitID, held)
		v.Owners = append(v.Owners, v.Children...)
		// Tasks are carried out from now on: today's units under the
		// organizer may own them too, and, for an organizer or units of
		// it closed since, today's units they passed into.
		if now, err := h.org.Children(ctx, unitID, h.today()); err == nil {
			for _, u := range now {
				if !containsUnit(v.Owners, u.ID) {
					v.Owners = append(v.Owners, u)
				}
			}
		}
		for _, old := range append([]org.Unit{}, v.Owners...) {
			if old.Active() {
				continue
			}
			mapped, err := h.org.MapToToday(ctx, old.ID, h.today())
			if err != nil {
				continue
			}
			for _, m := range mapped {
				if !containsUnit(v.Owners, m.Unit.ID) {
					v.Owners = append(v.Owners, m.Unit)
				}
			}
		}
		for i, row := range v.Form.People {
			if row.Name == "" {
				continue
			}
			if m, err := h.store.MatchName(ctx, unitID, row.Name); err == nil {
				v.Form.People[i].Match = m.Name
				if t := m.LatestTitle(); t != "" {
					v.Form.People[i].Match += " – " + t
				}
			}
		}
		for i := range v.Form.Tasks {
			if len(v.Form.Tasks[i].Owners) == 0 {
				v.Form.Tasks[i].Owners = []string{v.Form.UnitID}
			}
		}
	}
	if imp && f.SourceText != "" {
		rec, err := extract.Extract(ctx, []byte(f.SourceText), extract.Options{Source: f.SourceName})
		if err == nil {
			v.Marked = markSource(rec)
			v.Warnings = rec.Warnings
		}
	}
	v.rows()
	v.Page = h.page(w, r, title)
	return v
}

func containsUnit(us []org.Unit, id int64) bool {
	for _, u := range us {
		if u.ID == id {
			return true
		}
	}
	return false
}

// markSource renders the article's text with each extracted value in a
// <mark> whose id the form's rows link to; overlapping spans keep the
// first.
func markSource(rec extract.Record) template.HTML {
	type span struct {
		a, b      int
		id, class string
	}
	var ss []span
	add := func(sp extract.Span, id, class string) {
		if sp.End > sp.Start && sp.End <= len(rec.Text) {
			ss = append(ss, span{sp.Start, sp.End, id, class})
		}
	}
	add(rec.Spans.Title, "src-title", "m-title")
	add(rec.Spans.EventDate, "src-date", "m-date")
	add(rec.Spans.Organizer, "src-organizer", "m-organizer")
	add(rec.Spans.Period, "src-period", "m-period")
	for i, sp := range rec.Spans.Chairs {
		add(sp, fmt.Sprintf("src-chair-%d", i), "m-person")
	}
	for i, sp := range rec.Spans.Attendees {
		add(sp, fmt.Sprintf("src-attendee-%d", i), "m-person")
	}
	for i, sp := range rec.Spans.Figures {
		add(sp, fmt.Sprintf("src-figure-%d", i), "m-figure")
	}
	for i, sp := range rec.Spans.Tasks {
		add(sp, fmt.Sprintf("src-task-%d", i), "m-task")
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].a < ss[j].a })
	var b strings.Builder
	pos := 0
	for _, s := range ss {
		if s.a < pos {
			continue
		}
		b.WriteString(template.HTMLEscapeString(rec.Text[pos:s.a]))
		fmt.Fprintf(&b, `<mark id="%s" class="%s">%s</mark>`, s.id, s.class, template.HTMLEscapeString(rec.Text[s.a:s.b]))
		pos = s.b
	}
	b.WriteString(template.HTMLEscapeString(rec.Text[pos:]))
	return template.HTML(b.String())
}

// newForm is the empty conference form.
func (h *meetingHandlers) newForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.requireUser(w, r); !ok {
		return
	}
	f := confForm{Kind: string(meeting.SoKet), UnitID: r.URL.Query().Get("don_vi")}
	h.render(w, r, http.StatusOK, "meeting/form", h.formView(w, r, f, "meeting.new.title", false))
}

// importPage is the first step of an import: paste, upload or name a file.
type importPageView struct {
	Page
	Text      string
	Published string
	Files     []string
	Errors    apperr.Errors
}

func (h *meetingHandlers) importFiles() []string {
	if h.importDir == "" {
		return nil
	}
	ents, err := os.ReadDir(h.importDir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		n := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(n, ".") && (strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm")) {
			out = append(out, n)
		}
	}
	return out
}

func (h *meetingHandlers) importForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.requireUser(w, r); !ok {
		return
	}
	h.render(w, r, http.StatusOK, "meeting/import", importPageView{Page: h.page(w, r, "meeting.import.title"), Files: h.importFiles()})
}

// importRead reads the article (pasted, uploaded, or a saved file by
// name), runs the extractor and shows the review form beside the text.
func (h *meetingHandlers) importRead(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.requireUser(w, r); !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	if err := r.ParseMultipartForm(4 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		h.fail(w, r, apperr.Invalid("file", "Tệp quá lớn (tối đa 2 MB) hoặc biểu mẫu không hợp lệ."))
		return
	}
	v := importPageView{Text: r.FormValue("text"), Published: r.FormValue("published"), Files: h.importFiles()}
	var doc []byte
	name := ""
	if f, hdr, err := r.FormFile("file"); err == nil {
		doc, err = io.ReadAll(io.LimitReader(f, 2<<20))
		f.Close()
		if err != nil {
			v.Errors.Add("file", "Không đọc được tệp.")
		}
		name = filepath.Base(hdr.Filename)
	}
	if fn := r.FormValue("saved"); fn != "" && len(doc) == 0 {
		if !containsString(h.importFiles(), fn) {
			v.Errors.Add("saved", "Không có tệp này trong thư mục bài viết đã lưu.")
		} else {
			b, err := os.ReadFile(filepath.Join(h.importDir, fn))
			if err != nil {
				v.Errors.Add("saved", "Không đọc được tệp.")
			}
			doc, name = b, fn
		}
	}
	if len(doc) == 0 && strings.TrimSpace(v.Text) != "" {
		doc, name = []byte(v.Text), ""
	}
	if len(doc) == 0 && len(v.Errors) == 0 {
		v.Errors.Add("text", "Hãy dán nội dung bài viết, chọn tệp hoặc chọn bài đã lưu.")
	}
	var published time.Time
	if strings.TrimSpace(v.Published) != "" {
		t, ok := meetingDay(v.Published)
		if !ok {
			v.Errors.Add("published", "Ngày đăng không hợp lệ.")
		}
		published = t
	}
	if len(v.Errors) > 0 {
		v.Page = h.page(w, r, "meeting.import.title")
		h.render(w, r, http.StatusBadRequest, "meeting/import", v)
		return
	}
	rec, err := extract.Extract(r.Context(), doc, extract.Options{Source: name, Published: published})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := meeting.DraftFrom(rec)
	f := formFromDraft(d)
	fv := h.formView(w, r, f, "meeting.import.review", true)
	if id, err := h.store.ConferenceBySource(r.Context(), f.SourceText); err == nil {
		fv.Duplicate = id
	}
	fv.Warnings = d.Warnings
	h.render(w, r, http.StatusOK, "meeting/form", fv)
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// save records the conference of the form (typed or reviewed from an
// article) in one transaction, or shows the form again with every input
// kept and the errors beside the fields.
func (h *meetingHandlers) save(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, apperr.Invalid("", "Biểu mẫu không hợp lệ."))
		return
	}
	imp := r.URL.Path == "/hoi-nghi/nhap/luu"
	f := readConfForm(r)
	title := "meeting.new.title"
	if imp {
		title = "meeting.import.review"
	}
	again := func(status int, err error, dup int64) {
		v := h.formView(w, r, f, title, imp)
		v.Errors = formErrors(err)
		v.Duplicate = dup
		h.render(w, r, status, "meeting/form", v)
	}
	if r.PostFormValue("refresh") != "" {
		// Only show the form again with choices for the chosen organizer;
		// nothing is checked or saved.
		h.render(w, r, http.StatusOK, "meeting/form", h.formView(w, r, f, title, imp))
		return
	}
	c, es := f.conference()
	if c.UnitID == 0 {
		es.Add("unit", "Hãy chọn đơn vị tổ chức hội nghị.")
	} else if ok, err := h.auth.Can(r.Context(), p, auth.PermWrite, c.UnitID); err != nil || !ok {
		again(http.StatusForbidden, apperr.Invalid("unit", "Bạn không có quyền ghi nhận hội nghị của đơn vị này."), 0)
		return
	}
	for _, t := range c.Tasks {
		for _, o := range t.Owners {
			if ok, err := h.auth.Can(r.Context(), p, auth.PermRead, o); err != nil || !ok {
				again(http.StatusForbidden, apperr.Invalid("unit", "Đơn vị chủ trì nhiệm vụ nằm ngoài phạm vi của bạn."), 0)
				return
			}
		}
	}
	if len(es) > 0 {
		again(http.StatusBadRequest, es, 0)
		return
	}
	if !imp {
		c.SourceText, c.SourceName = "", ""
	}
	saved, err := h.store.Create(r.Context(), c)
	if err != nil {
		if dup, ok := meeting.DuplicateOf(err); ok {
			again(http.StatusConflict, err, dup)
			return
		}
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			again(http.StatusBadRequest, err, 0)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.setFlash(w, r, "meeting.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d", saved.ID), http.StatusSeeOther)
}
