package commendui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/commendation"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiRecipient is one line of a decision or a proposal in the API.
type apiRecipient struct {
	Kind        string `json:"kind"`
	PersonID    int64  `json:"person_id,omitempty"`
	UnitID      int64  `json:"unit_id,omitempty"`
	Name        string `json:"name,omitempty"`
	Achievement string `json:"achievement"`
	PracticeID  int64  `json:"practice_id,omitempty"`
}

// apiDecision is a decision of the register in the API; Recipients is
// left out of lists, which give RecipientCount.
type apiDecision struct {
	ID             int64          `json:"id"`
	UnitID         int64          `json:"unit_id"`
	Unit           string         `json:"unit"`
	Number         string         `json:"number"`
	SignedOn       string         `json:"signed_on"`
	Signer         string         `json:"signer"`
	SignerTitle    string         `json:"signer_title,omitempty"`
	Form           string         `json:"form"`
	Title          string         `json:"title,omitempty"`
	Period         string         `json:"period,omitempty"`
	Status         string         `json:"status"`
	RevokedOn      string         `json:"revoked_on,omitempty"`
	RevokedReason  string         `json:"revoked_reason,omitempty"`
	Version        int64          `json:"version"`
	RecipientCount int            `json:"recipient_count"`
	Recipients     []apiRecipient `json:"recipients,omitempty"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toAPIRecipients(rs []commendation.Recipient) []apiRecipient {
	out := make([]apiRecipient, 0, len(rs))
	for _, r := range rs {
		out = append(out, apiRecipient{Kind: string(r.Kind), PersonID: r.PersonID, UnitID: r.UnitID, Name: r.Name,
			Achievement: r.Achievement, PracticeID: r.PracticeID})
	}
	return out
}

func toAPIDecision(d commendation.Decision) apiDecision {
	out := apiDecision{ID: d.ID, UnitID: d.UnitID, Unit: d.UnitName, Number: d.Number, SignedOn: day(d.SignedOn), Signer: d.Signer,
		SignerTitle: d.SignerTitle, Form: string(d.Form), Title: d.Title, Period: d.Period, Status: string(commendation.InForce),
		RevokedOn: day(d.RevokedOn), RevokedReason: d.RevokedReason, Version: d.Version, RecipientCount: d.RecipientCount}
	if d.Revoked() {
		out.Status = string(commendation.Revoked)
	}
	if d.Recipients != nil {
		out.Recipients = toAPIRecipients(d.Recipients)
		out.RecipientCount = len(d.Recipients)
	}
	return out
}

// apiCommendations: GET /api/v1/commendations?unit=&form=&year=&status=&q=&limit=&offset=
func (h *handlers) apiCommendations(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := commendation.Filter{Form: commendation.Form(q.Get("form")), Status: commendation.Status(q.Get("status")), Query: q.Get("q")}
	f.Limit, f.Offset = kit.APIPage(r)
	f.Limit = min(f.Limit, 200)
	if u := q.Get("unit"); u != "" {
		if f.UnitID = kit.FormID(u); f.UnitID == 0 {
			return apperr.Invalid("unit", "commendation.err.unit_not_found")
		}
	}
	if y := q.Get("year"); y != "" {
		var err error
		if f.Year, err = strconv.Atoi(y); err != nil {
			return apperr.Invalid("year", "commendation.err.year")
		}
	}
	rows, total, err := h.register.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, toAPIDecision))
	return nil
}

// apiCommendation: GET /api/v1/commendations/{id}
func (h *handlers) apiCommendation(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := h.load(r, p)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIDecision(d))
	return nil
}

// apiDecisionInput is the body that records a decision.
type apiDecisionInput struct {
	UnitID      int64          `json:"unit_id"`
	Number      string         `json:"number"`
	SignedOn    string         `json:"signed_on"`
	Signer      string         `json:"signer"`
	SignerTitle string         `json:"signer_title"`
	Form        string         `json:"form"`
	Title       string         `json:"title"`
	Period      string         `json:"period"`
	Recipients  []apiRecipient `json:"recipients"`
	// ConfirmDuplicates records the decision even when a recipient was
	// already commended for the same achievement and period.
	ConfirmDuplicates bool `json:"confirm_duplicates"`
}

// apiDuplicates is the answer to a decision held back by earlier awards.
type apiDuplicates struct {
	Error      kit.APIErrorDetail `json:"error"`
	Duplicates []apiDuplicate     `json:"duplicates"`
}

type apiDuplicate struct {
	Recipient int         `json:"recipient"` // the index of the new decision's recipient
	Decision  apiDecision `json:"decision"`
}

// apiCreateCommendation: POST /api/v1/commendations. A second award for
// the same achievement answers 409 with the earlier decisions unless the
// body confirms it.
func (h *handlers) apiCreateCommendation(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiDecisionInput
	if err := kit.ReadJSON(w, r, 0, &in); err != nil {
		return err
	}
	if len(in.Recipients) > maxRows {
		return apperr.Invalid("recipients", "commendation.err.too_many", maxRows)
	}
	signed, err := kit.APIDay("signed_on", in.SignedOn)
	if err != nil {
		return err
	}
	d := commendation.Decision{UnitID: in.UnitID, Number: in.Number, SignedOn: signed, Signer: in.Signer, SignerTitle: in.SignerTitle,
		Form: commendation.Form(in.Form), Title: in.Title, Period: in.Period}
	for _, rc := range in.Recipients {
		d.Recipients = append(d.Recipients, commendation.Recipient{Kind: commendation.RecipientKind(rc.Kind), PersonID: rc.PersonID,
			UnitID: rc.UnitID, Name: rc.Name, Achievement: rc.Achievement, PracticeID: rc.PracticeID})
	}
	out, dups, err := h.register.Create(r.Context(), p, d, in.ConfirmDuplicates)
	if apperr.CodeOf(err) == apperr.CodeConflict && len(dups) > 0 {
		body := apiDuplicates{Error: kit.APIErrorDetail{Code: string(apperr.CodeConflict), Message: h.Message(r, err)}}
		for _, dup := range dups {
			body.Duplicates = append(body.Duplicates, apiDuplicate{Recipient: dup.Index, Decision: toAPIDecision(dup.Decision)})
		}
		h.JSON(w, r, http.StatusConflict, body)
		return nil
	}
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusCreated, toAPIDecision(out))
	return nil
}

// apiRevokeInput is the body that revokes a decision.
type apiRevokeInput struct {
	Version   int64  `json:"version"`
	Reason    string `json:"reason"`
	RevokedOn string `json:"revoked_on"`
}

// apiRevokeCommendation: POST /api/v1/commendations/{id}/revoke
func (h *handlers) apiRevokeCommendation(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var in apiRevokeInput
	if err := kit.ReadJSON(w, r, 0, &in); err != nil {
		return err
	}
	on, err := kit.APIDay("revoked_on", in.RevokedOn)
	if err != nil {
		return err
	}
	out, err := h.register.Revoke(r.Context(), p, id, in.Version, in.Reason, on)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIDecision(out))
	return nil
}

// apiAwards: GET /api/v1/people/{id}/commendations and
// /api/v1/units/{id}/commendations, a recipient's awards, newest first.
func (h *handlers) apiAwards(forPerson bool) kit.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
		id, err := kit.PathID(r, "id")
		if err != nil {
			return err
		}
		var awards []commendation.Award
		if forPerson {
			awards, err = h.register.ForPerson(r.Context(), p, id)
		} else {
			awards, err = h.register.ForUnit(r.Context(), p, id)
		}
		if err != nil {
			return err
		}
		type award struct {
			Decision  apiDecision  `json:"decision"`
			Recipient apiRecipient `json:"recipient"`
		}
		h.JSON(w, r, http.StatusOK, kit.ListOf(len(awards), awards, func(a commendation.Award) award {
			return award{Decision: toAPIDecision(a.Decision), Recipient: toAPIRecipients([]commendation.Recipient{a.Recipient})[0]}
		}))
		return nil
	}
}
