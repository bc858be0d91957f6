// Package practiceui serves the "Dân vận khéo" model registry (package
// practice): the pages under /mo-hinh for signed-in users, the public
// pages of recognized models under /cong-khai/mo-hinh, and the API under
// /api/v1/practices. Handlers only read the request, call the practice
// store — which checks who may do what — and render.
//
//	practice.go  Mount, the list and the best models
//	model.go     one model: register, edit, its page, results and files
//	steps.go     the lifecycle steps: start, recognize, adopt, stop
//	public.go    the public pages
//	xlsx.go      the XLSX register: export and import
//	api.go       /api/v1/practices
package practiceui

import (
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templates embed.FS

// handlers serve the registry's pages and API.
type handlers struct {
	*kit.Kit
	tmpl  *kit.Templates
	store *practice.Store
	sites *portal.Store // the portal sites "Viết tin" drafts on
}

// Mount returns the registry's routes and its link in the header (the
// list for signed-in users, the public list for visitors).
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: practice.NewStore(k.DB, k.Org, k.Auth, k.Files), sites: portal.NewStore(k.DB, k.Org, k.Auth, k.Files)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /mo-hinh", Handler: k.Signed(h.list)},
			{Pattern: "GET /mo-hinh/tieu-bieu", Handler: k.Signed(h.best)},
			{Pattern: "GET /mo-hinh/moi", Handler: k.Signed(h.newForm)},
			{Pattern: "POST /mo-hinh/moi", Handler: k.Signed(h.create)},
			{Pattern: "GET /mo-hinh/xuat", Handler: k.Signed(h.export)},
			{Pattern: "GET /mo-hinh/nhap", Handler: k.Signed(h.importForm)},
			{Pattern: "POST /mo-hinh/nhap", Handler: k.Signed(h.importFile)},
			{Pattern: "GET /mo-hinh/{id}", Handler: k.Signed(h.show)},
			{Pattern: "GET /mo-hinh/{id}/sua", Handler: k.Signed(h.editForm)},
			{Pattern: "POST /mo-hinh/{id}/sua", Handler: k.Signed(h.update)},
			{Pattern: "GET /mo-hinh/{id}/trien-khai", Handler: k.Signed(h.startForm)},
			{Pattern: "POST /mo-hinh/{id}/trien-khai", Handler: k.Signed(h.start)},
			{Pattern: "GET /mo-hinh/{id}/cong-nhan", Handler: k.Signed(h.recognizeForm)},
			{Pattern: "POST /mo-hinh/{id}/cong-nhan", Handler: k.Signed(h.recognize)},
			{Pattern: "GET /mo-hinh/{id}/nhan-rong", Handler: k.Signed(h.adoptForm)},
			{Pattern: "POST /mo-hinh/{id}/nhan-rong", Handler: k.Signed(h.adopt)},
			{Pattern: "GET /mo-hinh/{id}/dung", Handler: k.Signed(h.stopForm)},
			{Pattern: "POST /mo-hinh/{id}/dung", Handler: k.Signed(h.stop)},
			{Pattern: "POST /mo-hinh/{id}/ket-qua", Handler: k.Signed(h.addResult)},
			{Pattern: "POST /mo-hinh/{id}/tep", Handler: k.Signed(h.addFile)},
			{Pattern: "GET /mo-hinh/{id}/tep/{fid}", Handler: k.Signed(h.file)},
			{Pattern: "GET /mo-hinh/{id}/tep/{fid}/anh-nho", Handler: k.Signed(h.thumb)},

			{Pattern: "GET /cong-khai/mo-hinh", Handler: k.Public(h.publicList)},
			{Pattern: "GET /cong-khai/mo-hinh/{id}", Handler: k.Public(h.publicShow)},
			{Pattern: "GET /cong-khai/mo-hinh/{id}/anh/{fid}", Handler: k.Public(h.publicThumb)},

			{Pattern: "GET /api/v1/practices", Handler: k.API(h.apiList)},
			{Pattern: "POST /api/v1/practices", Handler: k.API(h.apiCreate)},
			{Pattern: "GET /api/v1/practices/{id}", Handler: k.API(h.apiGet)},
			{Pattern: "POST /api/v1/practices/{id}/transitions", Handler: k.API(h.apiTransition)},
		},
		Nav: []kit.NavLink{
			{Href: "/mo-hinh", Key: "practice.nav", Show: kit.SignedIn},
			{Href: "/cong-khai/mo-hinh", Key: "practice.nav", Show: kit.Anonymous},
		},
	}, nil
}

// filterForm is the list's query string, kept to redraw the form.
type filterForm struct {
	Unit      int64
	Q         string
	Field     string
	Status    string // "" active, a status, or "tat-ca" for all
	Level     string
	Period    string
	OwnerType string
}

type listView struct {
	kit.Page
	Form      filterForm
	Units     []org.Unit // units offered in the unit filter
	Rows      []practice.Practice
	Counts    practice.Counts
	Pager     kit.Pager
	Fields    []practice.Field
	Statuses  []practice.Status
	Levels    []org.Level
	CanCreate bool
	Error     string
	ExportURL string
}

// FieldCount and StatusCount let the template walk counts in a fixed order.
func (v listView) FieldCount(f practice.Field) int   { return v.Counts.ByField[f] }
func (v listView) StatusCount(s practice.Status) int { return v.Counts.ByStatus[s] }

// filterFrom reads the list's query string into a form and a filter.
func filterFrom(r *http.Request) (filterForm, practice.Filter) {
	q := r.URL.Query()
	form := filterForm{Q: strings.TrimSpace(q.Get("q")), Field: q.Get("linh-vuc"), Status: q.Get("trang-thai"),
		Level: q.Get("cap"), Period: strings.TrimSpace(q.Get("ky")), OwnerType: q.Get("chu-the"), Unit: kit.FormID(q.Get("don-vi"))}
	f := practice.Filter{Unit: form.Unit, Field: practice.Field(form.Field), Level: org.Level(form.Level), Period: form.Period,
		OwnerType: practice.OwnerType(form.OwnerType), Search: form.Q}
	switch form.Status {
	case "":
	case "tat-ca":
		f.Statuses = practice.Statuses
	default:
		f.Statuses = []practice.Status{practice.Status(form.Status)}
	}
	return form, f
}

func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	form, f := filterFrom(r)
	page, offset := kit.PageParams(r, kit.DefaultPageSize)
	f.Limit, f.Offset = kit.DefaultPageSize, offset
	v := listView{Page: h.Page(w, r, "practice.list.title"), Form: form, Fields: practice.Fields,
		Statuses: practice.Statuses, Levels: org.Levels}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, h.Today()); err != nil {
		return err
	}
	wr, err := h.store.WritableUnits(ctx, p, 1)
	if err != nil {
		return err
	}
	v.CanCreate = len(wr) > 0
	status := http.StatusOK
	rows, total, err := h.store.List(ctx, p, f)
	if err == nil {
		v.Counts, err = h.store.Counts(ctx, p, f)
	}
	if err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			return err
		}
		v.Error, status = h.Message(r, err), http.StatusBadRequest
	}
	v.Rows = rows
	v.Pager = kit.NewPager(r, page, kit.DefaultPageSize, total)
	if form.Unit != 0 {
		v.ExportURL = "/mo-hinh/xuat?don-vi=" + strconv.FormatInt(form.Unit, 10)
	}
	h.tmpl.Render(w, r, status, "list", v)
	return nil
}

type bestView struct {
	kit.Page
	Unit  int64
	Units []org.Unit
	Rows  []practice.Best
}

func (h *handlers) best(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID := kit.FormID(r.URL.Query().Get("don-vi"))
	rows, err := h.store.Best(r.Context(), p, unitID, 20)
	if err != nil {
		return err
	}
	units, err := h.Auth.GrantedUnits(r.Context(), p, auth.PermRead, h.Today())
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "best", bestView{Page: h.Page(w, r, "practice.best.title"), Unit: unitID, Units: units, Rows: rows})
	return nil
}
