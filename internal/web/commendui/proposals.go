package commendui

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

type proposalsView struct {
	kit.Page
	Units    []org.Unit // the units the user may read
	Unit     string
	Outgoing []commendation.Proposal
	Incoming []commendation.Proposal
	CanWrite bool
}

// proposals lists the proposals a unit sent and those sent to it.
func (h *handlers) proposals(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	v := proposalsView{Unit: r.URL.Query().Get("don_vi")}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, h.Today()); err != nil {
		return err
	}
	if v.Unit == "" && len(v.Units) > 0 {
		v.Unit = strconv.FormatInt(v.Units[0].ID, 10)
	}
	if unit := kit.FormID(v.Unit); unit != 0 {
		if v.Outgoing, err = h.register.Proposals(ctx, p, unit, false, ""); err != nil {
			return err
		}
		if v.Incoming, err = h.register.Proposals(ctx, p, unit, true, ""); err != nil {
			return err
		}
		if v.CanWrite, err = h.register.CanRecord(ctx, p, unit); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "commendui.proposals.title")
	h.tmpl.Render(w, r, http.StatusOK, "proposals", v)
	return nil
}

// proposalForm is a new proposal's form; ?don_vi= is the proposing unit.
func (h *handlers) proposalForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.renderProposal(w, r, p, decisionForm{UnitID: r.URL.Query().Get("don_vi"), Form: string(commendation.Merit)}, "", "", nil)
}

// renderProposal shows the proposal form f (to unit to, with reason) and
// the errors of formErr.
func (h *handlers) renderProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal, f decisionForm, to, reason string, formErr error) error {
	ctx := r.Context()
	v := formView{Form: f, Forms: commendation.Forms, Kinds: commendation.RecipientKinds, Errors: h.FormErrors(r, formErr), To: to, Reason: reason}
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
	if !slices.ContainsFunc(v.Units, func(u org.Unit) bool { return u.ID == unit }) {
		ok, err := h.register.CanRecord(ctx, p, unit)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.Forbidden("commendation.err.forbidden_write")
		}
	}
	if v.Above, err = h.Org.Ancestors(ctx, unit, h.Today()); err != nil {
		return err
	}
	v.Above = slices.DeleteFunc(v.Above, func(u org.Unit) bool { return u.ID == unit })
	if err := h.choices(r, p, unit, f.Rows, &v); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "commendui.proposal.new")
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "proposal_form", v)
	return nil
}

// propose sends the posted proposal up.
func (h *handlers) propose(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	v := r.PostForm
	f := decisionForm{UnitID: v.Get("unit"), Form: v.Get("form"), Title: v.Get("title"), Period: v.Get("period")}
	to, reason := v.Get("to"), v.Get("reason")
	rows, list := recipients(v)
	f.Rows = rows
	pr, err := h.register.Propose(r.Context(), p, commendation.Proposal{UnitID: kit.FormID(f.UnitID), ToUnitID: kit.FormID(to),
		Form: commendation.Form(f.Form), Title: f.Title, Period: f.Period, Reason: reason, Recipients: list})
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "commendui.flash.proposed")
		http.Redirect(w, r, fmt.Sprintf("/khen-thuong/de-nghi/%d", pr.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid:
		return h.renderProposal(w, r, p, f, to, reason, err)
	}
	return err
}

type proposalView struct {
	kit.Page
	P          commendation.Proposal
	CanDecide  bool
	Errors     kit.Errors
	Decide     decisionForm
	Note       string
	Duplicates []duplicateLine
}

// proposal is a proposal's page, with the forms that decide it for a
// leader of the unit asked.
func (h *handlers) proposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.loadProposal(r, p)
	if err != nil {
		return err
	}
	return h.renderDecide(w, r, p, pr, decisionForm{}, "", nil, nil)
}

func (h *handlers) loadProposal(r *http.Request, p *auth.Principal) (commendation.Proposal, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return commendation.Proposal{}, err
	}
	return h.register.Proposal(r.Context(), p, id)
}

func (h *handlers) renderDecide(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr commendation.Proposal, f decisionForm, note string, formErr error, dups []commendation.Duplicate) error {
	v := proposalView{P: pr, Decide: f, Note: note, Errors: h.FormErrors(r, formErr)}
	var err error
	if pr.Status == commendation.Submitted {
		if v.CanDecide, err = h.Auth.CanAny(r.Context(), p, auth.PermApprove, pr.ToUnitID); err != nil {
			return err
		}
	}
	for _, d := range dups {
		name := ""
		if d.Index < len(pr.Recipients) {
			name = pr.Recipients[d.Index].Name
		}
		v.Duplicates = append(v.Duplicates, duplicateLine{Name: name, Decision: d.Decision})
	}
	v.Page = h.Page(w, r, "commendui.proposal.title")
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "proposal", v)
	return nil
}

// approve decides a proposal by issuing the decision typed.
func (h *handlers) approve(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.loadProposal(r, p)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	v := r.PostForm
	f := decisionForm{Number: v.Get("number"), SignedOn: v.Get("signed_on"), Signer: v.Get("signer"), SignerTitle: v.Get("signer_title"), Confirm: v.Get("confirm") == "1"}
	in := commendation.Decision{Number: f.Number, Signer: f.Signer, SignerTitle: f.SignerTitle}
	day, err := kit.FormDay("signed_on", f.SignedOn)
	if err != nil {
		return h.renderDecide(w, r, p, pr, f, "", err, nil)
	}
	in.SignedOn = day
	version, _ := strconv.ParseInt(v.Get("version"), 10, 64)
	_, d, dups, err := h.register.Approve(r.Context(), p, pr.ID, version, in, f.Confirm)
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "commendui.flash.approved")
		http.Redirect(w, r, fmt.Sprintf("/khen-thuong/%d", d.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid, apperr.CodeConflict:
		return h.renderDecide(w, r, p, pr, f, "", err, dups)
	}
	return err
}

// reject decides a proposal against, with the reason typed.
func (h *handlers) reject(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.loadProposal(r, p)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	note := r.PostForm.Get("note")
	version, _ := strconv.ParseInt(r.PostForm.Get("version"), 10, 64)
	_, err = h.register.Reject(r.Context(), p, pr.ID, version, note)
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "commendui.flash.rejected")
		http.Redirect(w, r, fmt.Sprintf("/khen-thuong/de-nghi/%d", pr.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid, apperr.CodeConflict:
		return h.renderDecide(w, r, p, pr, decisionForm{}, note, err, nil)
	}
	return err
}
