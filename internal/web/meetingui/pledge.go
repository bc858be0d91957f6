package meetingui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

type pledgesView struct {
	kit.Page
	Rows     []emulation.Row
	CanWrite bool
}

func (h *handlers) pledgeList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rows, err := h.pledges.List(r.Context(), p, emulation.ListFilter{Limit: 200})
	if err != nil {
		return err
	}
	v := pledgesView{Rows: rows, CanWrite: meeting.CanWriteSomewhere(p), Page: h.Page(w, r, "emulation.list.title")}
	h.tmpl.Render(w, r, http.StatusOK, "pledge/list", v)
	return nil
}

// pledgeForm is the pledge form as typed.
type pledgeForm struct {
	UnitID, ConferenceID, Title, Period, SignedOn, Rules string
	Commitments                                          []commitmentRow
	Signers                                              map[string]signerRow // by unit id
}

type commitmentRow struct{ Kind, Indicator, Target, Description, Max string }

type signerRow struct {
	Signed           bool
	Signer, SignedOn string
}

type pledgeFormView struct {
	kit.Page
	Form     pledgeForm
	Units    []org.Unit
	Children []org.Unit
	Errors   kit.Errors
	// CommitmentRows are the typed commitments and three blank ones.
	CommitmentRows []commitmentLine
}

type commitmentLine struct {
	I int
	commitmentRow
}

// Signer returns the row of unit id.
func (v pledgeFormView) Signer(id int64) signerRow {
	return v.Form.Signers[strconv.FormatInt(id, 10)]
}

// renderPledgeForm renders the pledge form for f with the errors of
// formErr (and their status).
func (h *handlers) renderPledgeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, f pledgeForm, formErr error) error {
	ctx := r.Context()
	v := pledgeFormView{Form: f, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	for i, c := range f.Commitments {
		v.CommitmentRows = append(v.CommitmentRows, commitmentLine{i, c})
	}
	for j := range 3 {
		v.CommitmentRows = append(v.CommitmentRows, commitmentLine{len(f.Commitments) + j, commitmentRow{Kind: string(emulation.Deliverable)}})
	}
	if id := kit.FormID(f.UnitID); id != 0 {
		if v.Children, err = h.Org.Children(ctx, id, h.Today()); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "emulation.new.title")
	h.tmpl.Render(w, r, formStatus(formErr), "pledge/form", v)
	return nil
}

// pledgeForm is the form for a new pledge; ?hoi_nghi= starts it from a
// conference the user may read (its unit, day and period), and no other.
func (h *handlers) pledgeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := pledgeForm{UnitID: q.Get("don_vi"), ConferenceID: q.Get("hoi_nghi"), Signers: map[string]signerRow{}}
	if f.ConferenceID != "" {
		c, err := h.meetings.Conference(r.Context(), p, kit.FormID(f.ConferenceID))
		if err != nil {
			return err
		}
		if f.UnitID == "" {
			f.UnitID = strconv.FormatInt(c.UnitID, 10)
		}
		f.SignedOn = vntext.FormatDate(c.HeldOn)
		f.Title = h.Text(r, emulation.DefaultTitle(c.Period))
	}
	return h.renderPledgeForm(w, r, p, f, nil)
}

func (h *handlers) pledgeCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := postedForm(r)
	if err != nil {
		return err
	}
	f := pledgeForm{UnitID: v.Get("unit"), ConferenceID: v.Get("conference"), Title: v.Get("title"), Period: v.Get("period"),
		SignedOn: v.Get("signed_on"), Rules: v.Get("rules"), Signers: map[string]signerRow{}}
	var es apperr.Errors
	in := emulation.Pledge{Title: f.Title, Period: f.Period, Rules: f.Rules, UnitID: kit.FormID(f.UnitID), ConferenceID: kit.FormID(f.ConferenceID)}
	signed, err := kit.FormDay("signed_on", f.SignedOn)
	if err != nil {
		es = append(es, asInvalid(err))
	}
	in.SignedOn = signed
	for i := range 200 {
		k := fmt.Sprintf("c.%d.", i)
		if _, ok := v[k+"description"]; !ok {
			break
		}
		row := commitmentRow{Kind: v.Get(k + "kind"), Indicator: v.Get(k + "indicator"), Target: v.Get(k + "target"), Description: v.Get(k + "description"), Max: v.Get(k + "max")}
		if strings.TrimSpace(row.Description) == "" && strings.TrimSpace(row.Indicator) == "" {
			continue
		}
		f.Commitments = append(f.Commitments, row)
		c := emulation.Commitment{Kind: emulation.CommitmentKind(row.Kind), IndicatorCode: row.Indicator, Description: row.Description}
		if n, err := vntext.ParseNumber(strings.TrimSpace(row.Max)); err == nil {
			c.MaxScore = n.Value // a maximum that is no number stays 0, which the domain refuses
		}
		if row.Target != "" {
			if n, err := vntext.ParseNumber(strings.TrimSpace(row.Target)); err == nil {
				c.Target = n.Value
			} else {
				es.Add(fmt.Sprintf("commitment.%d.target", len(in.Commitments)), "meetingui.err.target")
			}
		}
		in.Commitments = append(in.Commitments, c)
	}
	for _, key := range v["signed"] {
		row := signerRow{Signed: true, Signer: v.Get("signer." + key), SignedOn: v.Get("signer_on." + key)}
		f.Signers[key] = row
		id := kit.FormID(key)
		if id == 0 {
			continue
		}
		sg := emulation.Signatory{UnitID: id, Signer: row.Signer}
		if d, err := kit.FormDay("signer_on", row.SignedOn); err == nil {
			sg.SignedOn = d // a day that is not one leaves the pledge's
		}
		in.Signatories = append(in.Signatories, sg)
	}
	if len(es) > 0 {
		return h.renderPledgeForm(w, r, p, f, es)
	}
	pl, err := h.pledges.Create(r.Context(), p, in)
	switch apperr.CodeOf(err) {
	case "":
		h.SetFlash(w, r, "emulation.flash.created")
		http.Redirect(w, r, fmt.Sprintf("/thi-dua/%d", pl.ID), http.StatusSeeOther)
		return nil
	case apperr.CodeInvalid, apperr.CodeForbidden:
		return h.renderPledgeForm(w, r, p, f, signerFields(err, in.Signatories))
	}
	return err
}

// signerFields renames the domain's errors on signatories ("signatory.1.
// signer", by position) to the form's rows, which are by unit
// ("signatory.<unit id>.signer").
func signerFields(err error, sigs []emulation.Signatory) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	parts := strings.SplitN(e.Field, ".", 3)
	if len(parts) != 3 || parts[0] != "signatory" {
		return err
	}
	i, convErr := strconv.Atoi(parts[1])
	if convErr != nil || i < 0 || i >= len(sigs) {
		return err
	}
	e2 := *e
	e2.Field = fmt.Sprintf("signatory.%d.%s", sigs[i].UnitID, parts[2])
	return &e2
}

type pledgeView struct {
	kit.Page
	P         emulation.Pledge
	Ranking   []emulation.Standing
	Rules     []string // catalog keys
	CanWrite  bool
	Errors    kit.Errors
	ScoreForm map[string]string
}

// Score is the score of signatory s on commitment c as the form shows it.
func (v pledgeView) Score(s emulation.Signatory, c emulation.Commitment) string {
	k := fmt.Sprintf("s.%d.%d", s.ID, c.ID)
	if x, ok := v.ScoreForm[k]; ok {
		return x
	}
	if x, ok := s.Scores[c.ID]; ok {
		return number(x)
	}
	return ""
}

// Num writes a score the Vietnamese way (decimal comma).
func (pledgeView) Num(f float64) string { return number(f) }

// loadPledge reads pledge {id} as p may see it.
func (h *handlers) loadPledge(r *http.Request, p *auth.Principal) (emulation.Pledge, error) {
	return byPath(r, p, h.pledges.Pledge)
}

// pledgePage renders a pledge with its ranking and, for those who may,
// the score form as typed (with the status of formErr when refused).
func (h *handlers) pledgePage(w http.ResponseWriter, r *http.Request, p *auth.Principal, pl emulation.Pledge, formErr error, form map[string]string) error {
	v := pledgeView{P: pl, Ranking: emulation.Rank(pl.Signatories), Rules: emulation.Rules, ScoreForm: form, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.CanWrite, err = h.pledges.CanLaunch(r.Context(), p, pl.UnitID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "emulation.show.title")
	v.Title = pl.Title
	h.tmpl.Render(w, r, formStatus(formErr), "pledge/show", v)
	return nil
}

func (h *handlers) pledgeShow(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pl, err := h.loadPledge(r, p)
	if err != nil {
		return err
	}
	return h.pledgePage(w, r, p, pl, nil, nil)
}

// pledgeScore records the scores typed in the pledge's score table.
func (h *handlers) pledgeScore(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pl, err := h.loadPledge(r, p)
	if err != nil {
		return err
	}
	if err := unlessAllowed("emulation.err.forbidden_write")(h.pledges.CanLaunch(r.Context(), p, pl.UnitID)); err != nil {
		return err
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
				es.Add(fmt.Sprintf("score.%d.%d", s.ID, c.ID), "meetingui.err.score")
				continue
			}
			scores = append(scores, emulation.Score{SignatoryID: s.ID, CommitmentID: c.ID, Score: n.Value})
		}
	}
	if len(es) > 0 {
		return h.pledgePage(w, r, p, pl, es, form)
	}
	if _, err := h.pledges.SetScores(r.Context(), p, pl.ID, scores); err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			return h.pledgePage(w, r, p, pl, err, form)
		}
		return err
	}
	h.SetFlash(w, r, "emulation.flash.scored")
	http.Redirect(w, r, fmt.Sprintf("/thi-dua/%d#xep-hang", pl.ID), http.StatusSeeOther)
	return nil
}
