package documentui

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// listForm is the register's filters as typed (query parameters).
type listForm struct {
	Unit, Type, From, To, Query string
}

// listView is the outgoing register (sổ văn bản đi).
type listView struct {
	kit.Page
	Form     listForm
	Errors   kit.Errors
	Units    []org.Unit
	Types    []document.Type
	Records  []document.Record
	Pager    kit.Pager
	CanDraft bool
	// Export is the query of the XLSX export: the same filters.
	Export string
}

// filter reads the register's filters from the query: the form as typed,
// the domain filter, and the error of a filter that is not valid.
func filter(r *http.Request) (listForm, document.Filter, error) {
	q := r.URL.Query()
	lf := listForm{Unit: q.Get("don-vi"), Type: q.Get("loai"), From: q.Get("tu"), To: q.Get("den"), Query: q.Get("q")}
	f := document.Filter{Search: vntext.Normalize(lf.Query)}
	if id := kit.FormID(lf.Unit); id != 0 {
		f.Units = []int64{id}
	} else {
		lf.Unit = ""
	}
	if t := document.Type(lf.Type); t.Valid() {
		f.Type = t
	} else {
		lf.Type = ""
	}
	var es apperr.Errors
	var err error
	if f.From, err = kit.FormDay("tu", lf.From); err != nil {
		es.Add("tu", "form.err.date")
	}
	if f.To, err = kit.FormDay("den", lf.To); err != nil {
		es.Add("den", "form.err.date")
	}
	return lf, f, es.Err()
}

func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	lf, f, ferr := filter(r)
	v := listView{Form: lf, Types: document.Types, Errors: h.FormErrors(r, ferr), Export: r.URL.RawQuery}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, h.Today()); err != nil {
		return err
	}
	writable, err := h.Auth.TopUnits(ctx, p, auth.PermWrite, h.Today())
	if err != nil {
		return err
	}
	v.CanDraft = len(writable) > 0
	page, off := kit.PageParams(r, pageSize)
	if ferr == nil {
		f.Limit, f.Offset = pageSize, off
		recs, total, err := h.store.List(ctx, p, f)
		if err != nil {
			return err
		}
		v.Records, v.Pager = recs, kit.NewPager(r, page, pageSize, total)
	} else {
		v.Pager = kit.NewPager(r, 1, pageSize, 0)
	}
	v.Page = h.Page(w, r, "documentui.list.title")
	status := http.StatusOK
	if ferr != nil {
		status = http.StatusBadRequest
	}
	h.tmpl.Render(w, r, status, "list", v)
	return nil
}

// registerXLSX sends the register the filters choose as a spreadsheet.
func (h *handlers) registerXLSX(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	_, f, err := filter(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := h.store.RegisterXLSX(r.Context(), p, f, &buf); err != nil {
		return err
	}
	sendFile(w, "so-van-ban-di-"+h.Today().Format("20060102")+".xlsx", xlsxType, buf.Bytes())
	return nil
}

// modelsXLSX sends the register of "Dân vận khéo" models of a unit and
// period (?don-vi=&ky=) as a spreadsheet.
func (h *handlers) modelsXLSX(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	unit := kit.FormID(q.Get("don-vi"))
	per, err := vntext.ParsePeriod(q.Get("ky"))
	if err != nil {
		return apperr.Invalid("ky", "document.err.period")
	}
	var buf bytes.Buffer
	if err := h.gen.ModelsXLSX(r.Context(), p, unit, per, &buf); err != nil {
		return err
	}
	sendFile(w, fmt.Sprintf("mo-hinh-%d-%s.xlsx", unit, per), xlsxType, buf.Bytes())
	return nil
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// sendFile answers a file to save, with its name.
func sendFile(w http.ResponseWriter, name, contentType string, data []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	_, _ = w.Write(data)
}
