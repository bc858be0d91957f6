package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

type pledgeListView struct {
	Page
	Rows     []emulation.Row
	CanWrite bool
}

func (h *meetingHandlers) pledgeList(w http.ResponseWriter, r *http.Request) {
	sc, ok := h.readScope(w, r)
	if !ok {
		return
	}
	rows, err := h.pledges.List(r.Context(), sc.All, sc.IDs, 0, 200)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := pledgeListView{Rows: rows, CanWrite: len(auth.ScopeRoots(principal(r), auth.PermWrite)) > 0}
	v.Page = h.page(w, r, "emulation.list.title")
	h.render(w, r, http.StatusOK, "meeting/pledges", v)
}

// pledgeForm is the pledge form as typed.
type pledgeForm struct {
	UnitID, ConferenceID, Title, Period, SignedOn, Rules string
	Commitments                                          []pledgeCommitmentRow
	Signers                                              map[string]pledgeSignerRow // by unit id
}

type pledgeCommitmentRow struct{ Kind, Indicator, Target, Description, Max string }

type pledgeSignerRow struct {
	Signed           bool
	Signer, SignedOn string
}

type pledgeFormView struct {
	Page
	Form     pledgeForm
	Units    []org.Unit
	Children []org.Unit
	Errors   apperr.Errors
	// CommitmentRows are the typed commitments and three blank ones.
	CommitmentRows []pledgeCommitmentView
}

type pledgeCommitmentView struct {
	I int
	pledgeCommitmentRow
}

// Signer returns the row of unit id.
func (v pledgeFormView) Signer(id int64) pledgeSignerRow {
	return v.Form.Signers[strconv.FormatInt(id, 10)]
}

func (h *meetingHandlers) pledgeFormView(w http.ResponseWriter, r *http.Request, f pledgeForm) pledgeFormView {
	v := pledgeFormView{Form: f, Units: h.grantedUnits(r, auth.PermWrite)}
	for i, c := range f.Commitments {
		v.CommitmentRows = append(v.CommitmentRows, pledgeCommitmentView{i, c})
	}
	for j := 0; j < 3; j++ {
		v.CommitmentRows = append(v.CommitmentRows, pledgeCommitmentView{len(f.Commitments) + j, pledgeCommitmentRow{Kind: "deliverable"}})
	}
	if id, err := strconv.ParseInt(f.UnitID, 10, 64); err == nil {
		v.Children, _ = h.org.Children(r.Context(), id, h.today())
	}
	v.Page = h.page(w, r, "emulation.new.title")
	return v
}

func (h *meetingHandlers) pledgeForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.requireUser(w, r); !ok {
		return
	}
	q := r.URL.Query()
	f := pledgeForm{UnitID: q.Get("don_vi"), ConferenceID: q.Get("hoi_nghi"), Signers: map[string]pledgeSignerRow{}}
	if cid, err := strconv.ParseInt(f.ConferenceID, 10, 64); err == nil {
		if c, err := h.store.Conference(r.Context(), cid); err == nil {
			if f.UnitID == "" {
				f.UnitID = strconv.FormatInt(c.UnitID, 10)
			}
			f.SignedOn = vntext.FormatDate(c.HeldOn)
			f.Title = "Giao ước thi đua " + c.PeriodLabel()
		}
	}
	h.render(w, r, http.StatusOK, "meeting/pledge_form", h.pledgeFormView(w, r, f))
}

func (h *meetingHandlers) pledgeCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, apperr.Invalid("", "Biểu mẫu không hợp lệ."))
		return
	}
	v := r.PostForm
	f := pledgeForm{UnitID: v.Get("unit"), ConferenceID: v.Get("conference"), Title: v.Get("title"), Period: v.Get("period"),
		SignedOn: v.Get("signed_on"), Rules: v.Get("rules"), Signers: map[string]pledgeSignerRow{}}
	var es apperr.Errors
	in := emulation.Pledge{Title: f.Title, Period: f.Period, Rules: f.Rules}
	in.UnitID, _ = strconv.ParseInt(f.UnitID, 10, 64)
	in.ConferenceID, _ = strconv.ParseInt(f.ConferenceID, 10, 64)
	if d, ok := meetingDay(f.SignedOn); ok {
		in.SignedOn = d
	} else if strings.TrimSpace(f.SignedOn) != "" {
		es.Add("signed_on", "Ngày ký không hợp lệ.")
	}
	for i := 0; i < 200; i++ {
		k := fmt.Sprintf("c.%d.", i)
		if _, ok := v[k+"description"]; !ok {
			break
		}
		row := pledgeCommitmentRow{Kind: v.Get(k + "kind"), Indicator: v.Get(k + "indicator"), Target: v.Get(k + "target"), Description: v.Get(k + "description"), Max: v.Get(k + "max")}
		if strings.TrimSpace(row.Description) == "" && strings.TrimSpace(row.Indicator) == "" {
			continue
		}
		f.Commitments = append(f.Commitments, row)
		c := emulation.Commitment{Kind: emulation.CommitmentKind(row.Kind), IndicatorCode: row.Indicator, Description: row.Description}
		if n, err := vntext.ParseNumber(strings.TrimSpace(row.Max)); err == nil {
			c.MaxScore = n.Value
		}
		if row.Target != "" {
			if n, err := vntext.ParseNumber(strings.TrimSpace(row.Target)); err == nil {
				c.Target = n.Value
			} else {
				es.Add(fmt.Sprintf("commitment.%d.target", len(in.Commitments)), "Chỉ tiêu không hợp lệ.")
			}
		}
		in.Commitments = append(in.Commitments, c)
	}
	for _, key := range v["signed"] {
		row := pledgeSignerRow{Signed: true, Signer: v.Get("signer." + key), SignedOn: v.Get("signer_on." + key)}
		f.Signers[key] = row
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			continue
		}
		sg := emulation.Signatory{UnitID: id, Signer: row.Signer}
		if d, ok := meetingDay(row.SignedOn); ok {
			sg.SignedOn = d
		}
		in.Signatories = append(in.Signatories, sg)
	}
	again := func(status int, err error) {
		fv := h.pledgeFormView(w, r, f)
		fv.Errors = fieldErrors(err)
		h.render(w, r, status, "meeting/pledge_form", fv)
	}
	if ok, err := h.auth.Can(r.Context(), p, auth.PermWrite, in.UnitID); err != nil || !ok {
		again(http.StatusForbidden, apperr.Invalid("unit", "Bạn không có quyền phát động giao ước của đơn vị này."))
		return
	}
	if len(es) > 0 {
		again(http.StatusBadRequest, es)
		return
	}
	pl, err := h.pledges.Create(r.Context(), in)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			again(http.StatusBadRequest, err)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.setFlash(w, r, "emulation.flash.created")
	http.Redirect(w, r, fmt.Sprintf("/thi-dua/%d", pl.ID), http.StatusSeeOther)
}

type pledgeView struct {
	Page
	P         emulation.Pledge
	Ranking   []emulation.Standing
	Rules     []string
	CanWrite  bool
	Errors    apperr.Errors
	ScoreForm map[string]string
}

// Score is the score of signatory s on commitment c as the form shows it.
func (v pledgeView) Score(s emulation.Signatory, c emulation.Commitment) string {
	k := fmt.Sprintf("s.%d.%d", s.ID, c.ID)
	if x, ok := v.ScoreForm[k]; ok {
		return x
	}
	if x, ok := s.Scores[c.ID]; ok {
		return vntext.FormatNumber(x, decimals(x))
	}
	return ""
}

func (h *meetingHandlers) loadPledge(w http.ResponseWriter, r *http.Request, perm auth.Permission) (emulation.Pledge, bool) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return emulation.Pledge{}, false
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return emulation.Pledge{}, false
	}
	pl, err := h.pledges.Pledge(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return emulation.Pledge{}, false
	}
	units := []int64{pl.UnitID}
	if perm == auth.PermRead {
		for _, s := range pl.Signatories {
			units = append(units, s.UnitID)
		}
	}
	for _, u := range units {
		if ok, err := h.auth.Can(r.Context(), p, perm, u); err == nil && ok {
			return pl, true
		}
	}
	h.fail(w, r, apperr.Forbidden("Bạn không có quyền với giao ước này."))
	return emulation.Pledge{}, false
}

func (h *meetingHandlers) pledgePage(w http.ResponseWriter, r *http.Request, status int, pl emulation.Pledge, err error, form map[string]string) {
	v := pledgeView{P: pl, Ranking: emulation.Rank(pl.Signatories), Rules: emulation.Rules, ScoreForm: form}
	v.CanWrite, _ = h.auth.Can(r.Context(), principal(r), auth.PermWrite, pl.UnitID)
	if err != nil {
		v.Errors = fieldErrors(err)
	}
	v.Page = h.page(w, r, "emulation.show.title")
	v.Title = pl.Title
	h.render(w, r, status, "meeting/pledge", v)
}

func (h *meetingHandlers) pledgeShow(w http.ResponseWriter, r *http.Request) {
	pl, ok := h.loadPledge(w, r, auth.PermRead)
	if !ok {
		return
	}
	h.pledgePage(w, r, http.StatusOK, pl, nil, nil)
}

// pledgeScore records the scores typed in the pledge's score table.
func (h *meetingHandlers) pledgeScore(w http.ResponseWriter, r *http.Request) {
	pl, ok := h.loadPledge(w, r, auth.PermWrite)
	if !ok {
		return
	}
	form := map[string]string{}
	var scores []emulation.Score
	var es apperr.Errors
	for _, s := range pl.Signatories {
		for _, c := range pl.Commitments {
			k := fmt.Sprintf("s.%d.%d", s.ID, c.ID)
			raw := strings.TrimSpace(r.PostFormValue(k))
			form[k] = raw
			if raw == "" {
				continue
			}
			n, err := vntext.ParseNumber(raw)
			if err != nil {
				es.Add(fmt.Sprintf("score.%d.%d", s.ID, c.ID), "Điểm không hợp lệ.")
				continue
			}
			scores = append(scores, emulation.Score{SignatoryID: s.ID, CommitmentID: c.ID, Score: n.Value})
		}
	}
	if len(es) > 0 {
		h.pledgePage(w, r, http.StatusBadRequest, pl, es, form)
		return
	}
	if _, err := h.pledges.SetScores(r.Context(), pl.ID, scores); err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			h.pledgePage(w, r, http.StatusBadRequest, pl, err, form)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.setFlash(w, r, "emulation.flash.scored")
	http.Redirect(w, r, fmt.Sprintf("/thi-dua/%d#xep-hang", pl.ID), http.StatusSeeOther)
}

// Num writes a score the Vietnamese way (decimal comma).
func (pledgeView) Num(f float64) string { return vntext.FormatNumber(f, decimals(f)) }
