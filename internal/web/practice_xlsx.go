package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
)

// export sends the register of ?don-vi= (its subtree) as XLSX.
func (h *practiceHandlers) export(w http.ResponseWriter, r *http.Request) {
	unitID, _ := strconv.ParseInt(r.URL.Query().Get("don-vi"), 10, 64)
	if unitID <= 0 {
		h.fail(w, r, apperr.Invalid("don-vi", "Hãy chọn đơn vị để xuất sổ mô hình."))
		return
	}
	if _, ok := h.allow(w, r, auth.PermRead, unitID); !ok {
		return
	}
	units, err := h.practiceUnits(r, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := h.store.Export(r.Context(), units, &buf); err != nil {
		h.fail(w, r, err)
		return
	}
	name := fmt.Sprintf("so-mo-hinh-%d-%s.xlsx", unitID, h.today().Format("20060102"))
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	buf.WriteTo(w)
}

type practiceImportView struct {
	Page
	Unit     int64
	Units    []org.Unit
	Errors   []*apperr.Error
	Created  int
	Updated  int
	Imported bool
}

func (h *practiceHandlers) importView(w http.ResponseWriter, r *http.Request, p *auth.Principal, unitID int64) practiceImportView {
	v := practiceImportView{Page: h.page(w, r, "practice.import.title"), Unit: unitID}
	v.Units, _ = h.store.WritableUnits(r.Context(), p, 500)
	if v.Unit == 0 && len(v.Units) > 0 {
		v.Unit = v.Units[0].ID
	}
	return v
}

func (h *practiceHandlers) importForm(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	unitID, _ := strconv.ParseInt(r.URL.Query().Get("don-vi"), 10, 64)
	h.render(w, r, http.StatusOK, "practice/import", h.importView(w, r, p, unitID))
}

// importFile reads an uploaded register and writes it, all or nothing.
func (h *practiceHandlers) importFile(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	unitID, _ := strconv.ParseInt(r.PostFormValue("unit_id"), 10, 64)
	v := h.importView(w, r, p, unitID)
	var err error
	file, _, ferr := r.FormFile("file")
	if ferr != nil {
		err = apperr.Invalid("file", "Chưa chọn tệp Excel.")
	} else {
		defer file.Close()
		var rows []practice.SheetRow
		if rows, err = practice.ReadSheet(file); err == nil {
			v.Created, v.Updated, err = h.store.Import(r.Context(), p, unitID, rows)
		}
	}
	if err != nil {
		status := statusOf(err)
		if status == http.StatusInternalServerError {
			h.fail(w, r, err)
			return
		}
		v.Errors = fieldErrors(err)
		h.render(w, r, status, "practice/import", v)
		return
	}
	v.Imported = true
	h.render(w, r, http.StatusOK, "practice/import", v)
}

// practiceLevel reads a level filter value.
func practiceLevel(s string) org.Level { return org.Level(s) }
