package practiceui

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/danvan/danvan/internal/practice/sheet"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/kit"
)

// export sends the register of ?don-vi= (its subtree, as far as the user
// may read it) as XLSX.
func (h *handlers) export(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID := kit.FormID(r.URL.Query().Get("don-vi"))
	var buf bytes.Buffer
	if err := h.store.Export(r.Context(), p, unitID, &buf); err != nil {
		return err
	}
	name := fmt.Sprintf("so-mo-hinh-%d-%s.xlsx", unitID, h.Today().Format("20060102"))
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	if _, err := buf.WriteTo(w); err != nil {
		h.Log.DebugContext(r.Context(), "practice: send export", "request_id", kit.RequestID(r.Context()), "err", err)
	}
	return nil
}

type importView struct {
	kit.Page
	Unit     int64
	Units    []org.Unit
	Errors   kit.Errors
	Created  int
	Updated  int
	Imported bool
}

func (h *handlers) importView(w http.ResponseWriter, r *http.Request, p *auth.Principal, unitID int64) (importView, error) {
	v := importView{Page: h.Page(w, r, "practice.import.title"), Unit: unitID}
	var err error
	if v.Units, err = h.store.WritableUnits(r.Context(), p, 500); err != nil {
		return v, err
	}
	if v.Unit == 0 && len(v.Units) > 0 {
		v.Unit = v.Units[0].ID
	}
	return v, nil
}

func (h *handlers) importForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := h.importView(w, r, p, kit.FormID(r.URL.Query().Get("don-vi")))
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "import", v)
	return nil
}

// importFile reads an uploaded register and writes it, all or nothing.
func (h *handlers) importFile(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID := kit.FormID(r.PostFormValue("unit_id"))
	v, err := h.importView(w, r, p, unitID)
	if err != nil {
		return err
	}
	file, _, ferr := r.FormFile("file")
	switch {
	case ferr != nil:
		if !errors.Is(ferr, http.ErrMissingFile) {
			h.LogError(r, "practice: read an uploaded register", ferr)
		}
		err = apperr.Invalid("file", "practice.err.import_file")
	default:
		defer file.Close()
		var rows []practice.SheetRow
		if rows, err = practice.ReadSheet(file); err == nil {
			v.Created, v.Updated, err = h.store.Import(r.Context(), p, unitID, rows)
		}
	}
	if err != nil {
		if kit.IsInternal(err) {
			return err
		}
		v.Errors = h.FormErrors(r, err)
		h.tmpl.Render(w, r, kit.Status(err), "import", v)
		return nil
	}
	v.Imported = true
	h.tmpl.Render(w, r, http.StatusOK, "import", v)
	return nil
}

// MaxFile is the largest register the import reads, for the browser's
// check before it sends one.
func (importView) MaxFile() int64 { return sheet.MaxFile }
