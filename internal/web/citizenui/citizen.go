// Package citizenui serves citizen affairs (/cong-dan): petitions with
// their legal clock and history, citizen reception days, dialogues and the
// issues raised at them, grassroots mediation teams and their logbooks,
// hot-spot warnings, public sentiment notes and the report's figures
// counted from the cases; and their API (/api/v1/petitions,
// /api/v1/dialogues, /api/v1/hotspots, …). The handlers parse, call
// package citizen and render; who may see or do what is decided there.
package citizenui

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// handlers serve the feature's pages and API.
type handlers struct {
	*kit.Kit
	tmpl  *kit.Templates
	cases *citizen.Store
}

// pageSize is how many rows a list page shows.
const pageSize = kit.DefaultPageSize

// Mount returns the routes of citizen affairs and its link in the header.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, cases: citizen.NewStore(k.DB, k.Org, k.Auth)}
	if h.tmpl, err = k.Templates(fsys, template.FuncMap{"neg": func(n int) int { return -n }, "categoryLabel": citizen.CategoryLabel, "number": number}); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /cong-dan", Handler: k.Signed(h.overview)},

			{Pattern: "GET /cong-dan/don", Handler: k.Signed(h.petitions)},
			{Pattern: "GET /cong-dan/don/moi", Handler: k.Signed(h.petitionForm)},
			{Pattern: "POST /cong-dan/don/moi", Handler: k.Signed(h.petitionCreate)},
			{Pattern: "GET /cong-dan/don/{id}", Handler: k.Signed(h.petition)},
			{Pattern: "POST /cong-dan/don/{id}/buoc", Handler: k.Signed(h.petitionAct)},
			{Pattern: "POST /cong-dan/don/{id}/phan-cong", Handler: k.Signed(h.petitionAssign)},

			{Pattern: "GET /cong-dan/tiep-dan", Handler: k.Signed(h.receptions)},
			{Pattern: "POST /cong-dan/tiep-dan", Handler: k.Signed(h.receptionSchedule)},
			{Pattern: "GET /cong-dan/tiep-dan/{id}", Handler: k.Signed(h.reception)},
			{Pattern: "POST /cong-dan/tiep-dan/{id}/luot", Handler: k.Signed(h.receptionVisit)},
			{Pattern: "POST /cong-dan/tiep-dan/{id}/huy", Handler: k.Signed(h.receptionCancel)},

			{Pattern: "GET /cong-dan/doi-thoai", Handler: k.Signed(h.dialogues)},
			{Pattern: "GET /cong-dan/doi-thoai/moi", Handler: k.Signed(h.dialogueForm)},
			{Pattern: "POST /cong-dan/doi-thoai/moi", Handler: k.Signed(h.dialogueCreate)},
			{Pattern: "GET /cong-dan/doi-thoai/{id}", Handler: k.Signed(h.dialogue)},
			{Pattern: "POST /cong-dan/doi-thoai/{id}", Handler: k.Signed(h.dialogueUpdate)},
			{Pattern: "POST /cong-dan/doi-thoai/{id}/y-kien", Handler: k.Signed(h.issueAdd)},
			{Pattern: "GET /cong-dan/y-kien", Handler: k.Signed(h.issues)},
			{Pattern: "GET /cong-dan/y-kien/{id}", Handler: k.Signed(h.issue)},
			{Pattern: "POST /cong-dan/y-kien/{id}", Handler: k.Signed(h.issueFollowUp)},

			{Pattern: "GET /cong-dan/hoa-giai", Handler: k.Signed(h.teams)},
			{Pattern: "POST /cong-dan/hoa-giai", Handler: k.Signed(h.teamCreate)},
			{Pattern: "GET /cong-dan/hoa-giai/{id}", Handler: k.Signed(h.team)},
			{Pattern: "POST /cong-dan/hoa-giai/{id}/hoa-giai-vien", Handler: k.Signed(h.mediatorAdd)},
			{Pattern: "POST /cong-dan/hoa-giai/{id}/vu-viec", Handler: k.Signed(h.caseRecord)},
			{Pattern: "GET /cong-dan/vu-viec-hoa-giai/{id}", Handler: k.Signed(h.mediationCase)},
			{Pattern: "POST /cong-dan/vu-viec-hoa-giai/{id}", Handler: k.Signed(h.caseResult)},

			{Pattern: "GET /cong-dan/diem-nong", Handler: k.Signed(h.hotspots)},
			{Pattern: "GET /cong-dan/diem-nong/quy-tac", Handler: k.Signed(h.rules)},
			{Pattern: "POST /cong-dan/diem-nong/quy-tac", Handler: k.Signed(h.rulesSave)},
			{Pattern: "GET /cong-dan/diem-nong/{id}", Handler: k.Signed(h.hotspot)},
			{Pattern: "POST /cong-dan/diem-nong/{id}", Handler: k.Signed(h.hotspotClose)},

			{Pattern: "GET /cong-dan/tinh-hinh", Handler: k.Signed(h.notes)},
			{Pattern: "GET /cong-dan/tinh-hinh/moi", Handler: k.Signed(h.noteForm)},
			{Pattern: "POST /cong-dan/tinh-hinh/moi", Handler: k.Signed(h.noteCreate)},
			{Pattern: "GET /cong-dan/tinh-hinh/{id}", Handler: k.Signed(h.note)},
			{Pattern: "POST /cong-dan/tinh-hinh/{id}/da-doc", Handler: k.Signed(h.noteRead)},

			{Pattern: "GET /cong-dan/thoi-han", Handler: k.Signed(h.settings)},
			{Pattern: "POST /cong-dan/thoi-han", Handler: k.Signed(h.settingsSave)},

			{Pattern: "GET /cong-dan/so-lieu", Handler: k.Signed(h.figures)},
			{Pattern: "POST /cong-dan/so-lieu", Handler: k.Signed(h.figuresFill)},

			{Pattern: "GET /api/v1/petitions", Handler: k.API(h.apiPetitions)},
			{Pattern: "POST /api/v1/petitions", Handler: k.API(h.apiPetitionCreate)},
			{Pattern: "GET /api/v1/petitions/{id}", Handler: k.API(h.apiPetition)},
			{Pattern: "POST /api/v1/petitions/{id}/actions", Handler: k.API(h.apiPetitionAct)},
			{Pattern: "GET /api/v1/citizen/due", Handler: k.API(h.apiDue)},
			{Pattern: "GET /api/v1/dialogues", Handler: k.API(h.apiDialogues)},
			{Pattern: "GET /api/v1/dialogues/{id}", Handler: k.API(h.apiDialogue)},
			{Pattern: "GET /api/v1/mediation-teams/{id}/cases", Handler: k.API(h.apiLogbook)},
			{Pattern: "GET /api/v1/hotspots", Handler: k.API(h.apiHotspots)},
			{Pattern: "GET /api/v1/sentiment-notes", Handler: k.API(h.apiNotes)},
			{Pattern: "GET /api/v1/citizen/figures", Handler: k.API(h.apiFigures)},
		},
		Nav: []kit.NavLink{
			{Href: "/cong-dan", Key: "citizenui.nav", Show: kit.SignedIn},
		},
	}, nil
}

// byPath reads the record the path's {id} names, as p may see it.
func byPath[T any](r *http.Request, p *auth.Principal, get func(context.Context, *auth.Principal, int64) (T, error)) (T, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		var zero T
		return zero, err
	}
	return get(r.Context(), p, id)
}

// postedForm is the posted form (the middleware has read it already, to
// check its token); one that cannot be read is refused.
func postedForm(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, apperr.Invalid("", "form.err.unreadable")
	}
	return r.PostForm, nil
}

// formStatus is the status of a page shown again with a form's errors.
func formStatus(formErr error) int {
	if formErr == nil {
		return http.StatusOK
	}
	return kit.Status(formErr)
}

// shown reports whether err is one a form shows beside its fields (the
// page is rendered again with what was typed) rather than an error page.
func shown(err error) bool {
	c := apperr.CodeOf(err)
	return c == apperr.CodeInvalid || c == apperr.CodeConflict
}

// readDay reads the day typed in field into dst, adding an error to es
// when it is not one.
func readDay(es *apperr.Errors, field, typed string, dst *time.Time) {
	t, err := kit.FormDay(field, typed)
	if err != nil {
		es.Add(field, "form.err.date")
		return
	}
	*dst = t
}

// atoi reads a whole number typed in a form; 0 when empty, -1 when it is
// not a number (the domain refuses it).
func atoi(s string) int {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// unitChoice is a unit in a picker.
type unitChoice struct {
	ID   int64
	Name string
}

func choices(us []org.Unit) []unitChoice {
	out := make([]unitChoice, 0, len(us))
	for _, u := range us {
		out = append(out, unitChoice{ID: u.ID, Name: u.Name})
	}
	return out
}

// pickUnit is the unit a page is about: ?don_vi= when the user reads it,
// else the first of the user's units; 0 when there is none.
func pickUnit(r *http.Request, units []org.Unit) int64 {
	if id := kit.FormID(r.URL.Query().Get("don_vi")); id != 0 {
		if slices.ContainsFunc(units, func(u org.Unit) bool { return u.ID == id }) {
			return id
		}
		return id // the domain refuses it when it is out of reach
	}
	if len(units) > 0 {
		return units[0].ID
	}
	return 0
}
