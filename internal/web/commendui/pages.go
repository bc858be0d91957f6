package commendui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

// pageSize is how many decisions a page of the register shows.
const pageSize = kit.DefaultPageSize

// maxRows is how many recipient rows a posted form may carry.
const maxRows = 200

type listView struct {
	kit.Page
	Rows     []commendation.Decision
	Total    int
	Pager    kit.Pager
	Units    []org.Unit
	Forms    []commendation.Form
	Filter   listFilter
	CanWrite bool
}

// listFilter is the register's filter as typed in the query.
type listFilter struct{ Unit, Form, Year, Status, Query string }

// list is the register: the decisions the user may read, newest first.
func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	lf := listFilter{Unit: q.Get("don_vi"), Form: q.Get("hinh_thuc"), Year: q.Get("nam"), Status: q.Get("trang_thai"), Query: q.Get("q")}
	f := commendation.Filter{UnitID: kit.FormID(lf.Unit), Form: commendation.Form(lf.Form), Status: commendation.Status(lf.Status), Query: lf.Query, Limit: pageSize}
	if lf.Year != "" {
		y, err := strconv.Atoi(strings.TrimSpace(lf.Year))
		if err != nil {
			return apperr.Invalid("year", "commendation.err.year")
		}
		f.Year = y
	}
	page, offset := kit.PageParams(r, pageSize)
	f.Offset = offset
	rows, total, err := h.register.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	v := listView{Rows: rows, Total: total, Pager: kit.NewPager(r, page, pageSize, total), Forms: commendation.Forms, Filter: lf}
	if v.Units, v.CanWrite, err = h.ListUnits(r, p); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "commendui.list.title")
	h.tmpl.Render(w, r, http.StatusOK, "list", v)
	return nil
}

// decisionForm is the decision form as typed.
type decisionForm struct {
	UnitID, Number, SignedOn, Signer, SignerTitle, Form, Title, Period string
	Rows                                                               []recipientRow
	Confirm                                                            bool
}

type recipientRow struct{ Kind, Person, Unit, Name, Achievement string }

type formView struct {
	kit.Page
	Form       decisionForm
	Units      []org.Unit // the units the user may record for
	Below      []org.Unit // the chosen unit and those below it today
	People     []meeting.Person
	Forms      []commendation.Form
	Kinds      []commendation.RecipientKind
	Errors     kit.Errors
	Duplicates []duplicateLine
	Lines      []recipientLine // the typed rows and three blank ones
	// For a proposal: the units above the proposing one, the one asked
	// and the reason as typed.
	Above      []org.Unit
	To, Reason string
	// Of a list read from Excel: how many rows filled the form, and the
	// problems found at its cells.
	ListRead   int
	ListErrors []string
}

// isCell reports whether a field names a spreadsheet cell ("B12").
func isCell(field string) bool {
	letters := 0
	for letters < len(field) && field[letters] >= 'A' && field[letters] <= 'Z' {
		letters++
	}
	if letters == 0 || letters == len(field) {
		return false
	}
	_, err := strconv.Atoi(field[letters:])
	return err == nil
}

type recipientLine struct {
	I int
	recipientRow
}

type duplicateLine struct {
	Name string // the new decision's recipient
	commendation.Decision
}

// newForm is the form for a new decision; ?don_vi= chooses the issuing
// unit.
func (h *handlers) newForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := decisionForm{UnitID: r.URL.Query().Get("don_vi"), Form: string(commendation.Certificate)}
	return h.renderForm(w, r, p, f, nil, nil)
}

// renderForm shows the decision form f with the errors of formErr and
// the awards it would repeat.
//
// listRead is how many rows a list read from Excel gave (none when
// absent).
func (h *handlers) renderForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, f decisionForm, formErr error, dups []commendation.Duplicate, listRead ...int) error {
	ctx := r.Context()
	v := formView{Form: f, Forms: commendation.Forms, Kinds: commendation.RecipientKinds, Errors: h.FormErrors(r, formErr)}
	if len(listRead) > 0 {
		v.ListRead = listRead[0]
	}
	for _, e := range v.Errors {
		if e.Field == "list" || e.Field == "file" || isCell(e.Field) {
			v.ListErrors = append(v.ListErrors, e.Message)
		}
	}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	if len(v.Units) == 0 {
		return apperr.Forbidden("commendation.err.forbidden_write")
	}
	if v.Form.UnitID == "" {
		v.Form.UnitID = strconv.FormatInt(v.Units[0].ID, 10)
	}
	unit := kit.FormID(v.Form.UnitID)
	ok, err := h.register.CanRecord(ctx, p, unit)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.Forbidden("commendation.err.forbidden_write")
	}
	if err := h.choices(r, p, unit, f.Rows, &v); err != nil {
		return err
	}
	for _, d := range dups {
		name := ""
		if d.Index < len(f.Rows) {
			name = f.Rows[d.Index].Name
		}
		v.Duplicates = append(v.Duplicates, duplicateLine{Name: name, Decision: d.Decision})
	}
	v.Page = h.Page(w, r, "commendui.new.title")
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "form", v)
	return nil
}

// choices fills what the recipient rows offer for unit: the units below
// it and its directory, and the rows typed plus three blank ones.
// MaxList is the largest list of recipients the form reads, for the
// browser's check before sending.
func (formView) MaxList() int64 { return commendation.MaxListFile }

func (h *handlers) choices(r *http.Request, p *auth.Principal, unit int64, rows []recipientRow, v *formView) error {
	var err error
	if v.Below, err = h.Org.Subtree(r.Context(), unit, h.Today()); err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
		return err
	}
	if len(v.Below) > 500 {
		v.Below = v.Below[:500]
	}
	if v.People, err = h.people.People(r.Context(), p, unit, "", 500); err != nil {
		return err
	}
	for i, row := range rows {
		v.Lines = append(v.Lines, recipientLine{i, row})
	}
	for j := range 3 {
		v.Lines = append(v.Lines, recipientLine{len(rows) + j, recipientRow{Kind: string(commendation.Collective)}})
	}
	return nil
}

// create records the posted decision; a second award for the same
// achievement is shown and recorded only once the user confirms.
func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	v := r.PostForm
	f := decisionForm{UnitID: v.Get("unit"), Number: v.Get("number"), SignedOn: v.Get("signed_on"), Signer: v.Get("signer"),
		SignerTitle: v.Get("signer_title"), Form: v.Get("form"), Title: v.Get("title"), Period: v.Get("period"), Confirm: v.Get("confirm") == "1"}
	in := commendation.Decision{UnitID: kit.FormID(f.UnitID), Number: f.Number, Signer: f.Signer, SignerTitle: f.SignerTitle,
		Form: commendation.Form(f.Form), Title: f.Title, Period: f.Period}
	var es apperr.Errors
	if day, err := kit.FormDay("signed_on", f.SignedOn); err != nil {
		if e, ok := apperr.As(err); ok {
			es = append(es, e)
		}
	} else {
		in.SignedOn = day
	}
	f.Rows, in.Recipients = recipients(v)
	if v.Get("action") == "read" {
		return h.readList(w, r, p, f)
	}
	if len(es) > 0 {
		return h.renderForm(w, r, p, f, es, nil)
	}
	d, dups, err := h.register.Create(r.Context(), p, in, f.Confirm)
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "commendui.flash.created")
		http.Redirect(w, r, fmt.Sprintf("/khen-thuong/%d", d.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid, apperr.CodeConflict:
		return h.renderForm(w, r, p, f, err, dups)
	}
	return err
}

// readList fills the form's recipient rows from the list of recipients
// in the uploaded Excel file, matched to the directory and the units
// below the issuing unit; nothing is recorded until the user saves.
func (h *handlers) readList(w http.ResponseWriter, r *http.Request, p *auth.Principal, f decisionForm) error {
	file, _, err := r.FormFile("list")
	if err != nil {
		return h.renderForm(w, r, p, f, apperr.Invalid("list", "commendui.list.nofile"), nil)
	}
	defer file.Close()
	rows, err := commendation.ReadList(file)
	if err == nil {
		var rcs []commendation.Recipient
		if rcs, err = h.register.MatchList(r.Context(), p, kit.FormID(f.UnitID), h.Today(), rows); err == nil {
			f.Rows = f.Rows[:0]
			for _, rc := range rcs {
				f.Rows = append(f.Rows, recipientRow{Kind: string(rc.Kind), Person: idText(rc.PersonID), Unit: idText(rc.UnitID), Name: rc.Name, Achievement: rc.Achievement})
			}
		}
	}
	switch apperr.CodeOf(err) {
	case "":
		return h.renderForm(w, r, p, f, nil, nil, len(rows))
	case apperr.CodeInvalid:
		return h.renderForm(w, r, p, f, err, nil)
	}
	return err
}

func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// recipients reads the recipient rows of a posted form (blank rows are
// left out), as typed and for the domain.
func recipients(v url.Values) ([]recipientRow, []commendation.Recipient) {
	var rows []recipientRow
	var out []commendation.Recipient
	for i := range maxRows {
		k := fmt.Sprintf("r.%d.", i)
		if _, ok := v[k+"kind"]; !ok {
			break
		}
		row := recipientRow{Kind: v.Get(k + "kind"), Person: v.Get(k + "person"), Unit: v.Get(k + "unit"), Name: v.Get(k + "name"), Achievement: v.Get(k + "achievement")}
		if strings.TrimSpace(row.Name) == "" && strings.TrimSpace(row.Achievement) == "" && row.Person == "" && row.Unit == "" {
			continue
		}
		rows = append(rows, row)
		rc := commendation.Recipient{Kind: commendation.RecipientKind(row.Kind), Name: row.Name, Achievement: row.Achievement}
		switch rc.Kind {
		case commendation.Person:
			rc.PersonID, rc.Name = kit.FormID(row.Person), ""
		case commendation.UnitKind:
			rc.UnitID, rc.Name = kit.FormID(row.Unit), ""
		}
		out = append(out, rc)
	}
	return rows, out
}

type showView struct {
	kit.Page
	D        commendation.Decision
	CanWrite bool
	Errors   kit.Errors
	Reason   string
	Day      string
}

// show is a decision's page, with the revocation form for those who may.
func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := h.load(r, p)
	if err != nil {
		return err
	}
	return h.renderShow(w, r, p, d, nil, "", "")
}

func (h *handlers) load(r *http.Request, p *auth.Principal) (commendation.Decision, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return commendation.Decision{}, err
	}
	return h.register.Decision(r.Context(), p, id)
}

func (h *handlers) renderShow(w http.ResponseWriter, r *http.Request, p *auth.Principal, d commendation.Decision, formErr error, reason, day string) error {
	v := showView{D: d, Errors: h.FormErrors(r, formErr), Reason: reason, Day: day}
	var err error
	if v.CanWrite, err = h.register.CanRecord(r.Context(), p, d.UnitID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "commendui.show.title")
	v.Title = d.Number
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "show", v)
	return nil
}

// revoke withdraws a decision with the reason and day typed; the form
// asks the user to confirm first.
func (h *handlers) revoke(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := h.load(r, p)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	reason, dayText := r.PostForm.Get("reason"), r.PostForm.Get("revoked_on")
	if r.PostForm.Get("confirm") != "1" {
		return h.renderShow(w, r, p, d, apperr.Invalid("confirm", "commendui.err.confirm"), reason, dayText)
	}
	day, err := kit.FormDay("revoked_on", dayText)
	if err != nil {
		return h.renderShow(w, r, p, d, err, reason, dayText)
	}
	version, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 64)
	out, err := h.register.Revoke(r.Context(), p, d.ID, version, reason, day)
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "commendui.flash.revoked")
		http.Redirect(w, r, fmt.Sprintf("/khen-thuong/%d", out.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid, apperr.CodeConflict:
		return h.renderShow(w, r, p, d, err, reason, dayText)
	}
	return err
}
