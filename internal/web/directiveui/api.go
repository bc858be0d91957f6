package directiveui

import (
	"encoding/base64"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiDirective is a directive in the API; Links only for one.
type apiDirective struct {
	ID       int64     `json:"id"`
	UnitID   int64     `json:"unit_id"`
	Unit     string    `json:"unit"`
	Kind     string    `json:"kind"`
	Number   string    `json:"number"`
	IssuedOn string    `json:"issued_on"`
	Issuer   string    `json:"issuer"`
	Summary  string    `json:"summary"`
	FileName string    `json:"file_name,omitempty"`
	Version  int64     `json:"version"`
	Links    []apiLink `json:"links,omitempty"`
}

type apiLink struct {
	Kind     string `json:"kind"`
	TargetID int64  `json:"target_id"`
	UnitID   int64  `json:"unit_id"`
	Unit     string `json:"unit"`
	Title    string `json:"title"`
	Day      string `json:"day,omitempty"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toAPI(d directive.Directive) apiDirective {
	return apiDirective{ID: d.ID, UnitID: d.UnitID, Unit: d.UnitName, Kind: string(d.Kind), Number: d.Number, IssuedOn: day(d.IssuedOn),
		Issuer: d.Issuer, Summary: d.Summary, FileName: d.FileName, Version: d.Version}
}

// apiList: GET /api/v1/directives?unit=&kind=&q=&limit=&offset=
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := directive.Filter{UnitID: kit.FormID(q.Get("unit")), Kind: directive.Kind(q.Get("kind")), Query: q.Get("q")}
	f.Limit, f.Offset = kit.APIPage(r)
	rows, total, err := h.store.List(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, toAPI))
	return nil
}

type apiCreateBody struct {
	UnitID   int64  `json:"unit_id"`
	Kind     string `json:"kind"`
	Number   string `json:"number"`
	IssuedOn string `json:"issued_on"`
	Issuer   string `json:"issuer"`
	Summary  string `json:"summary"`
	FileName string `json:"file_name"`
	File     string `json:"file"` // base64
}

// apiCreate: POST /api/v1/directives
func (h *handlers) apiCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var b apiCreateBody
	if err := kit.ReadJSON(w, r, 28<<20, &b); err != nil {
		return err
	}
	d := directive.Directive{UnitID: b.UnitID, Kind: directive.Kind(b.Kind), Number: b.Number, Issuer: b.Issuer, Summary: b.Summary}
	var err error
	if d.IssuedOn, err = kit.APIDay("issued_on", b.IssuedOn); err != nil {
		return err
	}
	var f *directive.File
	if b.File != "" {
		data, err := base64.StdEncoding.DecodeString(b.File)
		if err != nil {
			return apperr.Invalid("file", "directive.err.file_type")
		}
		f = &directive.File{Name: b.FileName, Data: data}
	}
	out, err := h.store.Create(r.Context(), p, d, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusCreated, toAPI(out))
	return nil
}

// apiGet: GET /api/v1/directives/{id}, with what was done under it.
func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	d, err := h.store.Get(r.Context(), p, id)
	if err != nil {
		return err
	}
	links, err := h.store.Links(r.Context(), p, id)
	if err != nil {
		return err
	}
	out := toAPI(d)
	out.Links = []apiLink{}
	for _, l := range links {
		out.Links = append(out.Links, apiLink{Kind: string(l.Kind), TargetID: l.TargetID, UnitID: l.UnitID, Unit: l.UnitName, Title: l.Title, Day: day(l.Day)})
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}

type apiLinkBody struct {
	Kind     string `json:"kind"`
	TargetID int64  `json:"target_id"`
	Remove   bool   `json:"remove"`
}

// apiLink: POST /api/v1/directives/{id}/links links (or, with remove,
// unlinks) a record.
func (h *handlers) apiLink(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var b apiLinkBody
	if err := kit.ReadJSON(w, r, 1<<12, &b); err != nil {
		return err
	}
	k := directive.TargetKind(b.Kind)
	if !k.Valid() {
		return apperr.Invalid("kind", "directive.err.target_kind")
	}
	if b.Remove {
		err = h.store.Unlink(r.Context(), p, id, k, b.TargetID)
	} else {
		err = h.store.Link(r.Context(), p, id, k, b.TargetID)
	}
	if err != nil {
		return err
	}
	return h.apiGet(w, r, p)
}
