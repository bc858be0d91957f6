package emulationui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/web/kit"
)

// criterionEdit rewrites a line of the year's criteria table.
func (h *handlers) criterionEdit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		cid, err := kit.PathID(r, "cid")
		if err != nil {
			return err
		}
		maxPts, _, err := score("criterion.0.max", f.Get("max"))
		if err != nil {
			return fieldOf(err, cid)
		}
		_, err = h.store.UpdateCriterion(r.Context(), p, b.ID, year, emulation.BlocCriterion{ID: cid, Kind: emulation.CriterionKind(f.Get("kind")),
			Title: f.Get("title"), MaxPoints: maxPts, Evidence: f.Get("evidence")})
		return fieldOf(err, cid)
	})
}

// fieldOf moves the field errors of the one line a form edits onto that
// line's own fields (criterion.<cid>.<field>), so the page shows them
// beside the form that was sent.
func fieldOf(err error, cid int64) error {
	return apperr.RenameFields(err, func(f string) string {
		if rest, ok := strings.CutPrefix(f, "criterion.0."); ok {
			return fmt.Sprintf("criterion.%d.%s", cid, rest)
		}
		return f
	})
}

// criterionRemove removes a line of the year's criteria table once the
// form's confirmation box is ticked.
func (h *handlers) criterionRemove(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		cid, err := kit.PathID(r, "cid")
		if err != nil {
			return err
		}
		if f.Get("confirm") == "" {
			// Ask the store first, so who may not change the table hears
			// that rather than a request to confirm.
			if _, err := h.store.BlocYear(r.Context(), p, b.ID, year); err != nil {
				return err
			}
			if ok, err := h.store.CanLaunch(r.Context(), p, b.UnitID); err != nil || !ok {
				if err == nil {
					err = apperr.Forbidden("emulation.bloc.err.forbidden_write")
				}
				return err
			}
			return apperr.Invalid(fmt.Sprintf("criterion.%d.confirm", cid), "emulationui.err.confirm")
		}
		_, err = h.store.RemoveCriterion(r.Context(), p, b.ID, year, cid)
		return err
	})
}

// selfTemplate downloads member ?don-vi='s self-scoring sheet with its
// own scores so far.
func (h *handlers) selfTemplate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	b, _, year, err := h.bloc(r, p)
	if err != nil {
		return err
	}
	y, err := h.store.BlocYear(r.Context(), p, b.ID, year)
	if err != nil {
		return err
	}
	m, ok := y.Member(kit.FormID(r.URL.Query().Get("don-vi")))
	if !ok {
		return apperr.NotFound("emulation.bloc.err.not_of_year")
	}
	if ok, err := h.store.CanLaunch(r.Context(), p, m.UnitID); err != nil || !ok {
		if err == nil {
			err = apperr.Forbidden("emulation.bloc.err.forbidden_self")
		}
		return err
	}
	var buf bytes.Buffer
	if err := emulation.SelfSheet(&buf, y, m); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="tu-cham-%d-%d-%d.xlsx"`, b.ID, year, m.UnitID))
	_, err = w.Write(buf.Bytes())
	return err
}

// importSelf reads a member's own scores from its uploaded self-scoring
// sheet, all or nothing, handing them in when submit is ticked.
func (h *handlers) importSelf(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unit := kit.FormID(r.PostFormValue("unit"))
	return h.upload(w, r, p, apperr.Invalid(fmt.Sprintf("self.%d.file", unit), "emulationui.err.self_file"),
		func(b emulation.BlocGroup, year int, file io.Reader) (int, error) {
			_, n, err := h.store.ImportSelf(r.Context(), p, b.ID, year, unit, file, r.PostFormValue("submit") != "")
			return n, err
		})
}

// upload runs an import of the file sent in field "file" on bloc {id}'s
// year: without a file the page asks for one (missing), after checking
// the caller may see the year; a refused file shows the page with its
// errors; a read one, with how many scores it gave.
func (h *handlers) upload(w http.ResponseWriter, r *http.Request, p *auth.Principal, missing error,
	run func(b emulation.BlocGroup, year int, file io.Reader) (int, error)) error {
	b, years, year, err := h.bloc(r, p)
	if err != nil {
		return err
	}
	file, _, ferr := r.FormFile("file")
	if ferr != nil {
		if !errors.Is(ferr, http.ErrMissingFile) {
			h.LogError(r, "emulationui: read an uploaded file", ferr)
		}
		if _, err := h.store.BlocYear(r.Context(), p, b.ID, year); err != nil {
			return err
		}
		return h.page(w, r, p, b, years, year, missing, nil, 0)
	}
	defer file.Close()
	n, err := run(b, year, file)
	if err != nil {
		switch apperr.CodeOf(err) {
		case apperr.CodeInvalid, apperr.CodeConflict:
			return h.page(w, r, p, b, years, year, err, nil, 0)
		}
		return err
	}
	return h.page(w, r, p, b, years, year, nil, nil, n)
}

// proposeFlag proposes the year's flag member for the emulation flag
// through the commendation proposals.
func (h *handlers) proposeFlag(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		_, err := h.store.ProposeFlag(r.Context(), p, h.propose, b.ID, year, kit.FormID(f.Get("to")), f.Get("reason"))
		return err
	})
}
