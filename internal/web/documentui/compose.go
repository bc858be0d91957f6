package documentui

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// requestForm is what a draft is made from, as typed: the kind
// (loai), the issuing unit (don-vi) and period (ky) of a review or a
// register of models, the conference (hoi-nghi) of minutes and plans,
// the type (kieu) of a document written by hand, and the issued
// document a correction replaces (thay-the).
type requestForm struct {
	Kind, Unit, Period, Conference, Type, Replaces string
	// Record is the record of a kind another package registers (the
	// commendation decision).
	Record string
}

// readRequest reads the request fields of a GET query or a POST form.
func readRequest(get func(string) string) requestForm {
	return requestForm{Kind: get("loai"), Unit: get("don-vi"), Period: strings.TrimSpace(get("ky")),
		Conference: get("hoi-nghi"), Type: get("kieu"), Replaces: get("thay-the"), Record: get("ban-ghi")}
}

// request is the domain request of a form, or the field errors that
// keep it from being one.
func (f requestForm) request() (document.Request, error) {
	r := document.Request{Kind: document.Kind(f.Kind), UnitID: kit.FormID(f.Unit), RecordID: kit.FormID(f.Conference),
		Type: document.Type(f.Type)}
	var es apperr.Errors
	switch r.Kind {
	case document.KindReview, document.KindModels:
		if r.UnitID == 0 {
			es.Add("don-vi", "documentui.err.unit")
		}
		per, err := vntext.ParsePeriod(f.Period)
		if err != nil {
			es.Add("ky", "document.err.period")
		}
		r.Period = per
	case document.KindMinutes, document.KindPlan:
		if r.RecordID == 0 {
			es.Add("hoi-nghi", "documentui.err.conference")
		}
	case document.KindFree:
		if r.UnitID == 0 {
			es.Add("don-vi", "documentui.err.unit")
		}
		if !r.Type.Valid() {
			es.Add("kieu", "document.err.type")
		}
	default:
		// A registered kind drafts from its record; the generator
		// refuses a kind nobody registered.
		if r.RecordID = kit.FormID(f.Record); r.RecordID == 0 {
			es.Add("loai", "document.err.kind")
		}
	}
	return r, es.Err()
}

// query is the form as a query string, for links back to the draft.
func (f requestForm) query() string {
	return string(kit.Query("loai", f.Kind, "don-vi", f.Unit, "ky", f.Period, "hoi-nghi", f.Conference, "kieu", f.Type, "thay-the", f.Replaces, "ban-ghi", f.Record))
}

// chooseView asks what to draft.
type chooseView struct {
	kit.Page
	Form        requestForm
	Errors      kit.Errors
	Kinds       []document.Kind
	Units       []org.Unit
	Types       []document.Type
	Conferences []meeting.Row
}

// draftForm is what a person typed in a draft: the summary, the parts
// (part.<key>), the signature and the recipients (one a line).
type draftForm struct {
	Summary, SignMode, SignFor, SignTitle, SignName, Recipients string
	Parts                                                       map[string]string
}

// composeView is a draft with its fields and its preview.
type composeView struct {
	kit.Page
	Req      requestForm
	Query    string
	Gen      document.Generated
	Editable []document.Part // the parts a person may rewrite
	Form     draftForm
	Errors   kit.Errors
	Preview  preview
	Modes    []document.SignMode
	Replaces *document.Record
}

// Part returns the text of part key as typed.
func (f draftForm) Part(key string) string { return f.Parts[key] }

// edits are the domain edits of a typed draft.
func (f draftForm) edits(replaces int64) document.Edits {
	summary := f.Summary
	sig := document.Signature{Mode: document.SignMode(f.SignMode), For: f.SignFor, Title: f.SignTitle, Name: f.SignName}
	rs := []string{}
	for _, l := range strings.Split(f.Recipients, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			rs = append(rs, l)
		}
	}
	return document.Edits{Summary: &summary, Parts: f.Parts, Signature: &sig, Recipients: rs, Replaces: replaces}
}

// formOf is a draft's fields as the form shows them.
func formOf(g document.Generated) draftForm {
	d := g.Draft
	f := draftForm{Summary: d.Summary, SignMode: string(d.Signature.Mode), SignFor: d.Signature.For, SignTitle: d.Signature.Title,
		SignName: d.Signature.Name, Recipients: strings.Join(d.Recipients, "\n"), Parts: map[string]string{}}
	for _, p := range g.Editable() {
		f.Parts[p.Name] = p.Text
	}
	return f
}

// readDraft reads the typed draft of a POST.
func readDraft(r *http.Request, g document.Generated) draftForm {
	f := draftForm{Summary: r.PostFormValue("summary"), SignMode: r.PostFormValue("sign_mode"), SignFor: r.PostFormValue("sign_for"),
		SignTitle: r.PostFormValue("sign_title"), SignName: r.PostFormValue("sign_name"), Recipients: r.PostFormValue("recipients"),
		Parts: map[string]string{}}
	for _, p := range g.Editable() {
		f.Parts[p.Name] = r.PostFormValue("part." + p.Name)
	}
	return f
}

// compose shows what to draft, or with a complete request the draft.
func (h *handlers) compose(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	rf := readRequest(q.Get)
	var rec *document.Record
	var edits *document.Edits
	if id := kit.FormID(rf.Replaces); id != 0 {
		// A correction drafts again from the record the document came
		// from, with its issued wording.
		got, err := h.store.Get(r.Context(), p, id)
		if err != nil {
			return err
		}
		req, e := got.Redraft()
		rf = requestForm{Kind: string(req.Kind), Unit: itoa(req.UnitID), Conference: itoa(req.RecordID), Type: string(req.Type),
			Replaces: itoa(got.ID), Record: itoa(req.RecordID)}
		if req.Period.Valid() {
			rf.Period = req.Period.String()
		}
		rec, edits = &got, &e
	}
	if rf.Kind == "" {
		return h.choose(w, r, p, rf, nil)
	}
	req, err := rf.request()
	if err != nil {
		return h.choose(w, r, p, rf, err)
	}
	g, err := h.gen.Draft(r.Context(), p, req)
	if err != nil {
		if c := apperr.CodeOf(err); c == apperr.CodeInvalid || (c == apperr.CodeNotFound && req.RecordID != 0) {
			return h.choose(w, r, p, rf, err)
		}
		return err
	}
	if edits != nil {
		g.Apply(*edits)
	}
	return h.draftPage(w, r, p, rf, g, formOf(g), rec, nil)
}

// choose renders the choice of what to draft, with the request's errors.
func (h *handlers) choose(w http.ResponseWriter, r *http.Request, p *auth.Principal, rf requestForm, formErr error) error {
	ctx := r.Context()
	v := chooseView{Form: rf, Errors: h.FormErrors(r, formErr), Kinds: h.gen.Kinds(), Types: document.Types}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	if v.Conferences, _, err = h.meetings.List(ctx, p, meeting.Filter{Limit: 50}); err != nil {
		return err
	}
	if rf.Period == "" {
		v.Form.Period = lastHalf(h.Today())
	}
	v.Page = h.Page(w, r, "documentui.choose.title")
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "choose", v)
	return nil
}

// lastHalf is the period whose review is most often drafted on today:
// the first six months from June, the year from November, else the
// year before.
func lastHalf(today time.Time) string {
	switch y := today.Year(); {
	case today.Month() >= time.November:
		return strconv.Itoa(y)
	case today.Month() >= time.June:
		return strconv.Itoa(y) + "S1"
	default:
		return strconv.Itoa(y - 1)
	}
}

// draftPage renders a draft: its fields as typed and its preview.
func (h *handlers) draftPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, rf requestForm, g document.Generated,
	f draftForm, replaces *document.Record, formErr error) error {
	v := composeView{Req: rf, Query: rf.query(), Gen: g, Editable: g.Editable(), Form: f, Errors: h.FormErrors(r, formErr), Modes: signModes, Replaces: replaces}
	doc, err := h.store.Sketch(r.Context(), p, g.Draft)
	if err != nil && apperr.CodeOf(err) != apperr.CodeInvalid {
		return err
	}
	if err != nil {
		// No issuer code on the day: the page says so, and shows the
		// body without a header.
		if formErr == nil {
			v.Errors = h.FormErrors(r, err)
		}
		doc = &document.Document{Type: g.Draft.Type, Summary: g.Draft.Summary, Body: g.Draft.Body, Appendix: g.Draft.Appendix,
			Signature: g.Draft.Signature, Recipients: g.Draft.Recipients}
	}
	v.Preview = previewOf(doc)
	v.Page = h.Page(w, r, "documentui.compose.title")
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "compose", v)
	return nil
}

// signModes are the ways of signing a form offers.
var signModes = []document.SignMode{document.SignDirect, document.SignDeputy, document.SignBehalf}

// composePost takes a typed draft: shows it again (xem), sends it as a
// draft PDF or DOCX (pdf, docx), or issues it (ban-hanh).
func (h *handlers) composePost(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	rf := readRequest(r.PostFormValue)
	req, err := rf.request()
	if err != nil {
		return err
	}
	g, err := h.gen.Draft(ctx, p, req)
	if err != nil {
		return err
	}
	var replaces *document.Record
	replaceID := kit.FormID(rf.Replaces)
	if replaceID != 0 {
		rec, err := h.store.Get(ctx, p, replaceID)
		if err != nil {
			return err
		}
		replaces = &rec
	}
	f := readDraft(r, g)
	g.Apply(f.edits(replaceID))
	switch action := r.PostFormValue("action"); action {
	case "pdf", "docx":
		doc, err := h.store.Preview(ctx, p, g.Draft)
		if err != nil {
			if apperr.CodeOf(err) == apperr.CodeInvalid {
				return h.draftPage(w, r, p, rf, g, f, replaces, err)
			}
			return err
		}
		var buf bytes.Buffer
		if action == "pdf" {
			err = document.WritePDF(&buf, doc, h.settings)
			if err == nil {
				sendFile(w, "du-thao.pdf", "application/pdf", buf.Bytes())
			}
		} else {
			err = document.WriteDOCX(&buf, doc, h.settings)
			if err == nil {
				sendFile(w, "du-thao.docx", docxType, buf.Bytes())
			}
		}
		return err
	case "ban-hanh":
		rec, err := h.store.Issue(ctx, p, g.Draft)
		if err != nil {
			if c := apperr.CodeOf(err); c == apperr.CodeInvalid || c == apperr.CodeConflict {
				return h.draftPage(w, r, p, rf, g, f, replaces, err)
			}
			return err
		}
		h.SetFlash(w, r, "documentui.flash.issued")
		http.Redirect(w, r, fmt.Sprintf("/van-ban/%d", rec.ID), http.StatusSeeOther)
		return nil
	}
	return h.draftPage(w, r, p, rf, g, f, replaces, nil)
}

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

func itoa(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
