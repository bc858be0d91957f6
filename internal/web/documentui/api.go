package documentui

import (
	"fmt"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiSource is the record a document came from.
type apiSource struct {
	Kind   string `json:"kind"`
	ID     int64  `json:"id"`
	Period string `json:"period,omitempty"`
}

// apiSignature is a signature block.
type apiSignature struct {
	Mode  string `json:"mode"`
	For   string `json:"for,omitempty"`
	Title string `json:"title"`
	Name  string `json:"name"`
}

// apiVoid is a revocation.
type apiVoid struct {
	Reason string `json:"reason"`
	At     string `json:"at"`
}

// apiDocument is a row of the register.
type apiDocument struct {
	ID         int64             `json:"id"`
	UnitID     int64             `json:"unit_id"`
	Unit       string            `json:"unit"`
	Number     string            `json:"number"`
	Type       string            `json:"type"`
	Seq        int               `json:"seq"`
	IssuerCode string            `json:"issuer_code"`
	Term       string            `json:"term"`
	IssuedOn   string            `json:"issued_on"`
	Summary    string            `json:"summary"`
	Signature  apiSignature      `json:"signature"`
	Recipients []string          `json:"recipients"`
	Source     *apiSource        `json:"source,omitempty"`
	Parts      map[string]string `json:"parts,omitempty"`
	Replaces   int64             `json:"replaces,omitempty"`
	ReplacedBy int64             `json:"replaced_by,omitempty"`
	Void       *apiVoid          `json:"void,omitempty"`
	Scan       bool              `json:"scan"`
	URL        string            `json:"url"`
}

func toAPI(rec document.Record) apiDocument {
	d := apiDocument{ID: rec.ID, UnitID: rec.UnitID, Unit: rec.UnitName, Number: rec.Number, Type: string(rec.Type), Seq: rec.Seq,
		IssuerCode: rec.IssuerCode, Term: rec.TermName, IssuedOn: rec.IssuedOn.Format(time.DateOnly), Summary: rec.Summary,
		Signature:  apiSignature{Mode: string(rec.Signature.Mode), For: rec.Signature.For, Title: rec.Signature.Title, Name: rec.Signature.Name},
		Recipients: rec.Recipients, Parts: rec.Parts, Replaces: rec.Replaces, ReplacedBy: rec.ReplacedBy, Scan: rec.Scan != nil,
		URL: fmt.Sprintf("/van-ban/%d", rec.ID)}
	if d.Recipients == nil {
		d.Recipients = []string{}
	}
	if rec.Source.Kind != "" {
		d.Source = &apiSource{Kind: rec.Source.Kind, ID: rec.Source.ID, Period: rec.Source.Period}
	}
	if rec.Void != nil {
		d.Void = &apiVoid{Reason: rec.Void.Reason, At: rec.Void.At.UTC().Format(time.RFC3339)}
	}
	return d
}

// apiList: GET /api/v1/documents?unit_id=&type=&from=&to=&q=&source_kind=&source_id=&period=&limit=&offset=
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := document.Filter{Search: vntext.Normalize(q.Get("q"))}
	if v := q.Get("unit_id"); v != "" {
		id := kit.FormID(v)
		if id == 0 {
			return apperr.Invalid("unit_id", "documentui.err.unit")
		}
		f.Units = []int64{id}
	}
	if v := q.Get("type"); v != "" {
		if f.Type = document.Type(v); !f.Type.Valid() {
			return apperr.Invalid("type", "document.err.type")
		}
	}
	var err error
	if f.From, err = kit.APIDay("from", q.Get("from")); err != nil {
		return err
	}
	if f.To, err = kit.APIDay("to", q.Get("to")); err != nil {
		return err
	}
	if v := q.Get("source_kind"); v != "" {
		f.Source = document.Source{Kind: v, ID: kit.FormID(q.Get("source_id")), Period: q.Get("period")}
	}
	f.Limit, f.Offset = kit.APIPage(r)
	recs, total, err := h.store.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, recs, toAPI))
	return nil
}

func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := h.record(r, p)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPI(rec))
	return nil
}

// apiFile sends a document's file: docx, pdf or scan.
func (h *handlers) apiFile(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.file(w, r, p)
}

// apiDraftIn asks for a draft and carries a person's edits; every edit
// left out keeps the drafted value.
type apiDraftIn struct {
	Kind       string            `json:"kind"`
	UnitID     int64             `json:"unit_id,omitempty"`
	Period     string            `json:"period,omitempty"`
	RecordID   int64             `json:"record_id,omitempty"`
	Type       string            `json:"type,omitempty"`
	Replaces   int64             `json:"replaces,omitempty"`
	Summary    *string           `json:"summary,omitempty"`
	Parts      map[string]string `json:"parts,omitempty"`
	Signature  *apiSignature     `json:"signature,omitempty"`
	Recipients []string          `json:"recipients,omitempty"`
}

// apiPart is one part of a draft.
type apiPart struct {
	Key      string `json:"key"`
	Title    string `json:"title,omitempty"`
	Editable bool   `json:"editable"`
	Text     string `json:"text,omitempty"`
}

// apiDraftOut is a draft: its fields, its parts and its number line.
type apiDraftOut struct {
	Type       string       `json:"type"`
	UnitID     int64        `json:"unit_id"`
	Number     string       `json:"number"`
	Summary    string       `json:"summary"`
	Signature  apiSignature `json:"signature"`
	Recipients []string     `json:"recipients"`
	Source     *apiSource   `json:"source,omitempty"`
	Parts      []apiPart    `json:"parts"`
}

// draftOf reads a draft request, drafts it and applies its edits.
func (h *handlers) draftOf(w http.ResponseWriter, r *http.Request, p *auth.Principal) (document.Generated, error) {
	var in apiDraftIn
	if err := kit.ReadJSON(w, r, 0, &in); err != nil {
		return document.Generated{}, err
	}
	req := document.Request{Kind: document.Kind(in.Kind), UnitID: in.UnitID, RecordID: in.RecordID, Type: document.Type(in.Type)}
	if in.Period != "" {
		per, err := vntext.ParsePeriod(in.Period)
		if err != nil {
			return document.Generated{}, apperr.Invalid("period", "document.err.period")
		}
		req.Period = per
	}
	g, err := h.gen.Draft(r.Context(), p, req)
	if err != nil {
		return document.Generated{}, err
	}
	e := document.Edits{Summary: in.Summary, Parts: in.Parts, Recipients: in.Recipients, Replaces: in.Replaces}
	if s := in.Signature; s != nil {
		e.Signature = &document.Signature{Mode: document.SignMode(s.Mode), For: s.For, Title: s.Title, Name: s.Name}
	}
	g.Apply(e)
	return g, nil
}

// apiDraft: POST /api/v1/documents/drafts drafts a document and returns
// it, numbered blank; nothing is written.
func (h *handlers) apiDraft(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	g, err := h.draftOf(w, r, p)
	if err != nil {
		return err
	}
	d := g.Draft
	out := apiDraftOut{Type: string(d.Type), UnitID: d.UnitID, Summary: d.Summary, Recipients: d.Recipients,
		Signature: apiSignature{Mode: string(d.Signature.Mode), For: d.Signature.For, Title: d.Signature.Title, Name: d.Signature.Name}}
	if out.Recipients == nil {
		out.Recipients = []string{}
	}
	if d.Source.Kind != "" {
		out.Source = &apiSource{Kind: d.Source.Kind, ID: d.Source.ID, Period: d.Source.Period}
	}
	if doc, err := h.store.Preview(r.Context(), p, d); err == nil {
		out.Number = doc.Number
	}
	for _, pt := range g.Parts {
		out.Parts = append(out.Parts, apiPart{Key: pt.Name, Title: pt.Title, Editable: pt.Editable, Text: pt.Text})
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}

// apiIssue: POST /api/v1/documents drafts a document with the edits sent
// and issues it.
func (h *handlers) apiIssue(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	g, err := h.draftOf(w, r, p)
	if err != nil {
		return err
	}
	rec, err := h.store.Issue(r.Context(), p, g.Draft)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/documents/%d", rec.ID))
	h.JSON(w, r, http.StatusCreated, toAPI(rec))
	return nil
}

// apiVoid: POST /api/v1/documents/{id}/void {"reason": "..."}.
func (h *handlers) apiVoid(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := kit.ReadJSON(w, r, 0, &in); err != nil {
		return err
	}
	rec, err := h.store.Void(r.Context(), p, id, in.Reason)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPI(rec))
	return nil
}
