package meetingui

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/extract"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/kit"
)

// blankRows are the empty rows each list offers for additions.
const blankRows = 2

// formView is the conference form: a person's own entry, or the review of
// what an article proposes with the article beside it.
type formView struct {
	kit.Page
	Import             bool
	Form               conferenceForm
	Errors             kit.Errors
	Kinds              []meeting.Kind
	Roles              []meeting.Role
	Units              []org.Unit // organizer choices: units the user may write on
	RepUnits           []org.Unit // units a participant may represent
	Suggestions        []meeting.Suggestion
	Children           []org.Unit // attending-unit choices under the organizer
	Owners             []org.Unit
	Marked             template.HTML
	Warnings           []string
	Duplicate          int64
	DuplicateElsewhere bool
	// The rows of each list with their form index, blank rows for
	// additions at the end.
	PeopleRows []personLine
	FigureRows []figureLine
	TaskRows   []taskLine
	// Indicators are the report's indicators a figure or a task may be
	// tied to, chosen by name from a list (not typed as a code).
	Indicators []report.Indicator
}

// indicatorOption is one choice of an indicator list.
type indicatorOption struct {
	Code, Label string
	Selected    bool
}

// IndicatorOptions lists the indicators by name with code for a row
// whose indicator is code; a code that is not in the list (typed through
// the API, or since removed) is kept as a choice of its own.
func (v formView) IndicatorOptions(code string) []indicatorOption {
	code = strings.TrimSpace(code)
	out := make([]indicatorOption, 0, len(v.Indicators)+1)
	found := code == ""
	for _, ind := range v.Indicators {
		sel := strings.EqualFold(ind.Code, code)
		found = found || sel
		out = append(out, indicatorOption{Code: ind.Code, Label: ind.LocalName(v.Lang) + " (" + ind.Code + ")", Selected: sel})
	}
	if !found {
		out = append([]indicatorOption{{Code: code, Label: code, Selected: true}}, out...)
	}
	return out
}

// personLine, figureLine and taskLine are rows of the form's lists with
// their index in the field names ("p.3.name").
type (
	personLine struct {
		I int
		personRow
	}
	figureLine struct {
		I int
		figureRow
	}
	taskLine struct {
		I int
		taskRow
	}
)

// OwnerSize is how many lines the owner choice shows.
func (v formView) OwnerSize() int { return min(max(len(v.Owners), 1), 4) }

// Field returns the error message of a form field.
func (v formView) Field(name string) string { return v.Errors.Field(name) }

// RowError returns the error of row i of a list ("p", "f", "t").
func (v formView) RowError(list string, i int) string {
	return v.Errors.Field(fmt.Sprintf("%s.%d", list, i))
}

func (v *formView) rows() {
	for i, p := range v.Form.People {
		v.PeopleRows = append(v.PeopleRows, personLine{i, p})
	}
	for i, f := range v.Form.Figures {
		v.FigureRows = append(v.FigureRows, figureLine{i, f})
	}
	for i, t := range v.Form.Tasks {
		v.TaskRows = append(v.TaskRows, taskLine{i, t})
	}
	for j := range blankRows {
		v.PeopleRows = append(v.PeopleRows, personLine{len(v.Form.People) + j, personRow{Role: string(meeting.Attendee)}})
		v.FigureRows = append(v.FigureRows, figureLine{len(v.Form.Figures) + j, figureRow{}})
		v.TaskRows = append(v.TaskRows, taskLine{len(v.Form.Tasks) + j, taskRow{Owners: []string{v.Form.UnitID}}})
	}
}

// formView builds the form for f with the errors of formErr: the
// organizer choices, and for the chosen organizer its units below (to
// attend and own tasks) and the people of its directory the names match,
// when the user may record that organizer's conferences.
func (h *handlers) formView(w http.ResponseWriter, r *http.Request, p *auth.Principal, f conferenceForm, imp bool, formErr error) (formView, error) {
	ctx := r.Context()
	today := h.Today()
	v := formView{Import: imp, Form: f, Kinds: meeting.Kinds, Roles: meeting.Roles, Errors: h.FormErrors(r, rowFields(formErr))}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermWrite, today); err != nil {
		return v, err
	}
	if v.RepUnits, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, today); err != nil {
		return v, err
	}
	held, err := kit.FormDay("held_on", f.HeldOn)
	if err != nil || held.IsZero() {
		held = today // the date's own error is shown beside it
	}
	if imp && f.Organizer != "" && meeting.CanWriteSomewhere(p) {
		if v.Suggestions, err = h.meetings.SuggestUnits(ctx, p, f.Organizer, f.Level, held); err != nil {
			return v, err
		}
		if f.UnitID == "" && len(v.Suggestions) > 0 {
			v.Form.UnitID = strconv.FormatInt(v.Suggestions[0].Unit.ID, 10)
		}
	}
	// A unit appears once: among the suggestions, or among the user's units.
	v.Units = slices.DeleteFunc(v.Units, func(u org.Unit) bool {
		return slices.ContainsFunc(v.Suggestions, func(sg meeting.Suggestion) bool { return sg.Unit.ID == u.ID })
	})
	if unitID := kit.FormID(v.Form.UnitID); unitID != 0 {
		if err := h.organizerChoices(r, p, &v, unitID, held); err != nil {
			return v, err
		}
	}
	if imp && f.SourceText != "" {
		rec, err := extract.Extract(ctx, []byte(f.SourceText), extract.Options{Source: f.SourceName})
		if err != nil {
			return v, err
		}
		v.Marked = markSource(rec)
		v.Warnings = rec.Warnings
	}
	if v.Indicators, err = report.NewStore(h.DB, h.Org, h.Auth).Indicators(ctx); err != nil {
		return v, err
	}
	v.rows()
	title := "meeting.new.title"
	if imp {
		title = "meeting.import.review"
	}
	v.Page = h.Page(w, r, title)
	return v, nil
}

// organizerChoices fills what depends on the chosen organizer: the unit
// itself among the choices, the units below it that may attend or own
// tasks (tasks are carried out from now on, so today's units under it and
// the ones its closed units passed into may own them too), and the
// directory matches of the typed names — only for a user who may record
// the organizer's conferences; anyone else is told so on the unit.
func (h *handlers) organizerChoices(r *http.Request, p *auth.Principal, v *formView, unitID int64, held time.Time) error {
	ctx := r.Context()
	today := h.Today()
	has := func(us []org.Unit, id int64) bool {
		return slices.ContainsFunc(us, func(u org.Unit) bool { return u.ID == id })
	}
	u, err := h.Org.Get(ctx, unitID, held)
	switch {
	case err == nil:
		v.Owners = append(v.Owners, u)
		if !has(v.Units, u.ID) && !slices.ContainsFunc(v.Suggestions, func(sg meeting.Suggestion) bool { return sg.Unit.ID == u.ID }) {
			v.Units = append([]org.Unit{u}, v.Units...)
		}
	case apperr.CodeOf(err) != apperr.CodeNotFound:
		return err
	}
	// Children fails with not-found for a unit that did not live on the
	// day: it has none then.
	if v.Children, err = h.Org.Children(ctx, unitID, held); err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
		return err
	}
	v.Owners = append(v.Owners, v.Children...)
	now, err := h.Org.Children(ctx, unitID, today)
	if err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
		return err
	}
	for _, u := range now {
		if !has(v.Owners, u.ID) {
			v.Owners = append(v.Owners, u)
		}
	}
	for _, old := range slices.Clone(v.Owners) {
		if old.Active() {
			continue
		}
		mapped, err := h.Org.MapToToday(ctx, old.ID, today)
		if c := apperr.CodeOf(err); c == apperr.CodeInvalid || c == apperr.CodeNotFound {
			continue // not yet started, or gone: nothing to map
		}
		if err != nil {
			return err
		}
		for _, m := range mapped {
			if !has(v.Owners, m.Unit.ID) {
				v.Owners = append(v.Owners, m.Unit)
			}
		}
	}
	names := make([]string, len(v.Form.People))
	for i, row := range v.Form.People {
		names[i] = row.Name
	}
	matches, err := h.meetings.Matches(ctx, p, unitID, names)
	switch apperr.CodeOf(err) {
	case "":
		for i, row := range v.Form.People {
			if m, ok := matches[row.Name]; ok {
				v.Form.People[i].Match = m.Name
				if t := m.LatestTitle(); t != "" {
					v.Form.People[i].Match += " – " + t
				}
			}
		}
	case apperr.CodeForbidden:
		if v.Errors.Field("unit") == "" {
			h.Add(r, &v.Errors, "unit", "meeting.err.forbidden_write")
		}
	default:
		return err
	}
	for i := range v.Form.Tasks {
		if len(v.Form.Tasks[i].Owners) == 0 {
			v.Form.Tasks[i].Owners = []string{v.Form.UnitID}
		}
	}
	return nil
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

// renderForm renders the conference form (typed or reviewed from an
// article) with the status given.
func (h *handlers) renderForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, f conferenceForm, imp bool, formErr error, art meeting.Article) error {
	v, err := h.formView(w, r, p, f, imp, formErr)
	if err != nil {
		return err
	}
	v.Duplicate, v.DuplicateElsewhere = art.Duplicate, art.DuplicateElsewhere
	if len(art.Warnings) > 0 {
		v.Warnings = art.Warnings
	}
	h.tmpl.Render(w, r, status, "conference/form", v)
	return nil
}

// newForm is the empty conference form.
func (h *handlers) newForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := meeting.RequireRecorder(p); err != nil {
		return err
	}
	f := conferenceForm{Kind: string(meeting.SoKet), UnitID: r.URL.Query().Get("don_vi")}
	return h.renderForm(w, r, p, http.StatusOK, f, false, nil, meeting.Article{})
}

// importView is the first step of an import: paste, upload or name a file.
type importView struct {
	kit.Page
	Text      string
	Published string
	Files     []string
	Errors    kit.Errors
}

// MaxArticle is the largest article the import reads, for the browser's
// check before sending.
func (importView) MaxArticle() int64 { return meeting.MaxArticle }

func (h *handlers) importForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := meeting.RequireRecorder(p); err != nil {
		return err
	}
	files, err := h.meetings.SavedArticles(r.Context(), p)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "conference/import", importView{Page: h.Page(w, r, "meeting.import.title"), Files: files})
	return nil
}

// importRead reads the article (pasted, uploaded, or a saved file by
// name), has the domain draft its conference and shows the review form
// beside the text.
func (h *handlers) importRead(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	if err := meeting.RequireRecorder(p); err != nil {
		return err // before the upload is read
	}
	r.Body = http.MaxBytesReader(w, r.Body, 2*meeting.MaxArticle)
	if err := r.ParseMultipartForm(2 * meeting.MaxArticle); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return apperr.Invalid("file", "meetingui.err.upload_article")
	}
	v := importView{Text: r.FormValue("text"), Published: r.FormValue("published")}
	var es apperr.Errors
	var doc []byte
	name := ""
	if f, hdr, err := r.FormFile("file"); err == nil {
		doc, err = io.ReadAll(io.LimitReader(f, meeting.MaxArticle))
		f.Close()
		if err != nil {
			es.Add("file", "meetingui.err.file_read")
		}
		name = filepath.Base(hdr.Filename)
	}
	if fn := r.FormValue("saved"); fn != "" && len(doc) == 0 {
		b, err := h.meetings.SavedArticle(ctx, p, fn)
		switch apperr.CodeOf(err) {
		case "":
			doc, name = b, fn
		case apperr.CodeInvalid:
			es = append(es, asInvalid(err))
		default:
			return err
		}
	}
	if len(doc) == 0 && strings.TrimSpace(v.Text) != "" {
		doc, name = []byte(v.Text), ""
	}
	if len(doc) == 0 && len(es) == 0 {
		es.Add("text", "meetingui.err.article_needed")
	}
	published, err := kit.FormDay("published", v.Published)
	if err != nil {
		es = append(es, asInvalid(err))
	}
	if len(es) > 0 {
		files, err := h.meetings.SavedArticles(ctx, p)
		if err != nil {
			return err
		}
		v.Files, v.Errors = files, h.FormErrors(r, es)
		v.Page = h.Page(w, r, "meeting.import.title")
		h.tmpl.Render(w, r, http.StatusBadRequest, "conference/import", v)
		return nil
	}
	art, err := h.meetings.DraftArticle(ctx, p, doc, meeting.ImportOptions{SourceName: name, Published: published})
	if err != nil {
		return err
	}
	return h.renderForm(w, r, p, http.StatusOK, formFromDraft(art.Draft), true, nil, art)
}

// save records the conference of the form (typed or reviewed from an
// article) in one transaction, or shows the form again with every input
// kept and the errors beside the fields.
func (h *handlers) save(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := meeting.RequireRecorder(p); err != nil {
		return err
	}
	posted, err := postedForm(r)
	if err != nil {
		return err
	}
	imp := r.URL.Path == "/hoi-nghi/nhap/luu"
	f := readConferenceForm(posted)
	if posted.Get("refresh") != "" {
		// Only show the form again with choices for the chosen organizer;
		// nothing is checked or saved.
		return h.renderForm(w, r, p, http.StatusOK, f, imp, nil, meeting.Article{})
	}
	c, es := f.conference()
	if len(es) > 0 {
		return h.renderForm(w, r, p, http.StatusBadRequest, f, imp, es, meeting.Article{})
	}
	if !imp {
		c.SourceText, c.SourceName = "", ""
	}
	saved, err := h.meetings.Create(r.Context(), p, c)
	if err != nil {
		var art meeting.Article
		if id, dup := meeting.DuplicateOf(err); dup {
			art.Duplicate, art.DuplicateElsewhere = id, id == 0
		}
		switch apperr.CodeOf(err) {
		case apperr.CodeInvalid, apperr.CodeConflict, apperr.CodeForbidden:
			return h.renderForm(w, r, p, kit.Status(err), f, imp, err, art)
		}
		return err
	}
	if imp && c.SourceText != "" {
		// The article's conference carries out the directives it cites
		// that are in a register the user reads; the conference is kept
		// whatever happens to the links.
		if _, err := directive.NewStore(h.DB, h.Org, h.Auth, h.Files).LinkCited(r.Context(), p, saved.ID, c.SourceText); err != nil {
			h.LogError(r, "link the directives an article cites", err)
		}
	}
	h.SetFlash(w, r, "meeting.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/hoi-nghi/%d", saved.ID), http.StatusSeeOther)
	return nil
}
