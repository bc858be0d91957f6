package emulationui

import (
	"bytes"
	"fmt"
	"github.com/danvan/danvan/internal/emulation/blocsheet"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// maxScores bounds the score fields one posted form may carry.
const maxScores = emulation.MaxBlocMembers * 20

type listView struct {
	kit.Page
	Rows   []emulation.BlocRow
	Total  int
	Pager  kit.Pager
	Filter blocFilter
	Scope  []org.Unit // the units the user may filter by
	Units  []org.Unit // the units the user may set up blocs for
	Kinds  []emulation.BlocKind
	Errors kit.Errors
	Typed  url.Values
}

// blocFilter is the list's filter as typed.
type blocFilter struct{ Unit, Query string }

// listPageSize is how many blocs a page of the list shows.
const listPageSize = kit.DefaultPageSize

// Val is the typed value of a field, else def.
func (v listView) Val(name, def string) string { return typed(v.Typed, name, def) }

func typed(vs url.Values, name, def string) string {
	if x, ok := vs[name]; ok && len(x) > 0 {
		return x[0]
	}
	return def
}

// list shows the blocs the user may see and, to who may, the form to set
// one up.
func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.listPage(w, r, p, nil, nil)
}

func (h *handlers) listPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, formErr error, form url.Values) error {
	q := r.URL.Query()
	bf := blocFilter{Unit: q.Get("don_vi"), Query: q.Get("q")}
	page, offset := kit.PageParams(r, listPageSize)
	rows, total, err := h.store.Blocs(r.Context(), p, emulation.BlocFilter{UnitID: kit.FormID(bf.Unit), Query: bf.Query, Offset: offset, Limit: listPageSize})
	if err != nil {
		return err
	}
	v := listView{Rows: rows, Total: total, Pager: kit.NewPager(r, page, listPageSize, total), Filter: bf,
		Kinds: emulation.BlocKinds, Errors: h.FormErrors(r, formErr), Typed: form}
	if v.Scope, _, err = h.ListUnits(r, p); err != nil {
		return err
	}
	if v.Units, err = h.Auth.GrantedUnits(r.Context(), p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "emulationui.list.title")
	h.tmpl.Render(w, r, status(formErr), "list", v)
	return nil
}

func status(err error) int {
	if err == nil {
		return http.StatusOK
	}
	return kit.Status(err)
}

// create sets up a bloc.
func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	f := r.PostForm
	b, err := h.store.CreateBloc(r.Context(), p, emulation.BlocGroup{UnitID: kit.FormID(f.Get("unit")), Kind: emulation.BlocKind(f.Get("kind")), Name: f.Get("name")})
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			return h.listPage(w, r, p, err, f)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cum-khoi-thi-dua/%d", b.ID), http.StatusSeeOther)
	return nil
}

type showView struct {
	kit.Page
	B           emulation.BlocGroup
	Years       []int
	Year        int
	Y           *emulation.BlocYear // nil while the year has no members
	Ranking     []emulation.Standing
	Leading     []emulation.Standing
	Rules       []string
	CanOrganize bool                   // the organizer's writer
	CanReview   bool                   // the leader's writer
	CanApprove  bool                   // the organizer's approver
	Mine        []emulation.BlocMember // members the user scores, not yet handed in
	Pledges     []emulation.Row
	Below       []org.Unit // units the organizer may take as members
	Errors      kit.Errors
	Typed       url.Values
	Imported    int
	MayPropose  bool       // the flag member's writer, before its proposal
	ProposeTo   []org.Unit // the units the flag proposal may go to: the organizer and those above
}

// Editing reports whether the form as typed was the edit of line cid.
func (v showView) Editing(cid int64) bool {
	return v.Typed.Get("line") == strconv.FormatInt(cid, 10)
}

// LineVal is the typed value of field name of the form editing line c,
// else c's own.
func (v showView) LineVal(c emulation.BlocCriterion, name string) string {
	if v.Editing(c.ID) {
		return v.Typed.Get(name)
	}
	switch name {
	case "title":
		return c.Title
	case "max":
		return number(c.MaxPoints)
	case "evidence":
		return c.Evidence
	case "kind":
		return string(c.Kind)
	}
	return ""
}

// AddVal is the typed value of field name of the form adding a line
// (not of a form editing one).
func (v showView) AddVal(name string) string {
	if v.Typed.Get("line") != "" {
		return ""
	}
	return v.Typed.Get(name)
}

// Val is the typed value of a field, else def.
func (v showView) Val(name, def string) string { return typed(v.Typed, name, def) }

// Num writes a number the Vietnamese way (decimal comma, no trailing
// zeros).
func (showView) Num(f float64) string { return number(f) }

func number(f float64) string {
	d := 0
	for p := 1.0; d < 2 && float64(int64(f*p)) != f*p; p *= 10 {
		d++
	}
	return vntext.FormatNumber(f, d)
}

// Self is member m's own score on c, as the form shows it.
func (v showView) Self(m emulation.BlocMember, c emulation.BlocCriterion) string {
	if x, ok := v.Typed[fmt.Sprintf("s.%d", c.ID)]; ok && len(x) > 0 && v.Typed.Get("unit") == strconv.FormatInt(m.UnitID, 10) {
		return x[0]
	}
	if x, ok := m.Self[c.ID]; ok {
		return number(x)
	}
	return ""
}

// Review is the bloc's score of member m on c, as the form shows it: the
// typed value, else the review score, else the member's own.
func (v showView) Review(m emulation.BlocMember, c emulation.BlocCriterion) string {
	if x, ok := v.Typed[fmt.Sprintf("r.%d.%d", m.UnitID, c.ID)]; ok && len(x) > 0 {
		return x[0]
	}
	if x, ok := m.Score(c.ID); ok {
		return number(x)
	}
	return ""
}

// Shown is member m's counted score on c for the table ("–" when none).
func (showView) Shown(m emulation.BlocMember, c emulation.BlocCriterion) string {
	if x, ok := m.Score(c.ID); ok {
		if c.Kind == emulation.Penalty && x != 0 {
			return "−" + number(x)
		}
		return number(x)
	}
	return "–"
}

// Role is the member's role in the year: leader, deputy or none.
func (v showView) Role(id int64) string {
	switch {
	case v.Y == nil:
		return ""
	case id == v.Y.LeaderID:
		return "emulationui.leader"
	case id == v.Y.DeputyID:
		return "emulationui.deputy"
	}
	return ""
}

// Started reports whether any member of the year has a score: the
// members and criteria then stay as they are.
func (v showView) Started() bool {
	if v.Y == nil {
		return false
	}
	for _, m := range v.Y.Members {
		if len(m.Self) > 0 || len(m.Review) > 0 {
			return true
		}
	}
	return false
}

// Codes are the current members' unit codes, one a line, for the
// members form.
func (v showView) Codes() string {
	if v.Y == nil {
		return ""
	}
	var b strings.Builder
	for _, m := range v.Y.Members {
		for _, u := range v.Below {
			if u.ID == m.UnitID {
				b.WriteString(u.Code + "\n")
			}
		}
	}
	return b.String()
}

// bloc reads bloc {id} as p may see it, with the year asked in ?nam= or
// the form's year (else its latest, else this year).
func (h *handlers) bloc(r *http.Request, p *auth.Principal) (emulation.BlocGroup, []int, int, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return emulation.BlocGroup{}, nil, 0, err
	}
	b, years, err := h.store.BlocGroup(r.Context(), p, id)
	if err != nil {
		return emulation.BlocGroup{}, nil, 0, err
	}
	year := h.Today().Year()
	if len(years) > 0 {
		year = years[0]
	}
	raw := r.URL.Query().Get("nam")
	if r.Method == http.MethodPost {
		raw = r.PostFormValue("year")
	}
	if raw != "" {
		y, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || y < 2000 || y > 2100 {
			return emulation.BlocGroup{}, nil, 0, apperr.Invalid("year", "emulation.bloc.err.year")
		}
		year = y
	}
	return b, years, year, nil
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	b, years, year, err := h.bloc(r, p)
	if err != nil {
		return err
	}
	return h.page(w, r, p, b, years, year, nil, nil, 0)
}

// page renders a bloc's year, with the errors of formErr and the form as
// typed when a step was refused.
func (h *handlers) page(w http.ResponseWriter, r *http.Request, p *auth.Principal, b emulation.BlocGroup, years []int, year int, formErr error, form url.Values, imported int) error {
	ctx := r.Context()
	v := showView{B: b, Years: years, Year: year, Errors: h.FormErrors(r, formErr), Typed: form, Imported: imported}
	// The bloc's own rule for a score, the pledges' rules for the order
	// and ties (not their total, which counts commitments), the rotation
	// and the flag.
	v.Rules = append([]string{"emulation.bloc.rule.score"}, emulation.Rules[2:]...)
	v.Rules = append(v.Rules, "emulation.bloc.rule.rotation", "emulation.bloc.rule.flag")
	y, err := h.store.BlocYear(ctx, p, b.ID, year)
	switch apperr.CodeOf(err) {
	case "":
		v.Y = &y
		v.Ranking, v.Leading = y.Ranking(), y.Leading()
		if v.CanReview, err = h.store.CanReview(ctx, p, y); err != nil {
			return err
		}
		if v.CanApprove, err = h.store.CanApprove(ctx, p, y); err != nil {
			return err
		}
		for _, m := range y.Members {
			ok, err := h.store.CanLaunch(ctx, p, m.UnitID)
			if err != nil {
				return err
			}
			if ok && !m.Submitted && y.Status == emulation.Scoring {
				v.Mine = append(v.Mine, m)
			}
		}
		if v.MayPropose, err = h.store.MayProposeFlag(ctx, p, y); err != nil {
			return err
		}
		if v.MayPropose {
			if v.ProposeTo, err = h.above(r, b.UnitID); err != nil {
				return err
			}
		}
	case apperr.CodeNotFound:
	default:
		return err
	}
	if v.CanOrganize, err = h.store.CanLaunch(ctx, p, b.UnitID); err != nil {
		return err
	}
	if v.CanOrganize {
		if v.Below, err = h.Org.Subtree(ctx, b.UnitID, org.Date(year, 12, 31)); err != nil && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		v.Below = slices.DeleteFunc(v.Below, func(u org.Unit) bool { return u.ID == b.UnitID })
		if len(v.Below) > 300 {
			v.Below = v.Below[:300]
		}
		rows, err := h.store.List(ctx, p, emulation.ListFilter{Limit: 50})
		if err != nil {
			return err
		}
		for _, row := range rows {
			if row.UnitID == b.UnitID {
				v.Pledges = append(v.Pledges, row)
			}
		}
	}
	v.Page = h.Page(w, r, "emulationui.show.title")
	v.Title = b.Name
	h.tmpl.Render(w, r, status(formErr), "show", v)
	return nil
}

// step runs one posted step on bloc {id}: a refusal of the input shows
// the page again with the form as typed; anything else is returned.
func (h *handlers) step(w http.ResponseWriter, r *http.Request, p *auth.Principal, run func(b emulation.BlocGroup, year int, f url.Values) error) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("", "form.err.unreadable")
	}
	b, years, year, err := h.bloc(r, p)
	if err != nil {
		return err
	}
	if err := run(b, year, r.PostForm); err != nil {
		switch apperr.CodeOf(err) {
		case apperr.CodeInvalid, apperr.CodeConflict:
			return h.page(w, r, p, b, years, year, err, r.PostForm, 0)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cum-khoi-thi-dua/%d?nam=%d", b.ID, year), http.StatusSeeOther)
	return nil
}

// members sets the year's members from unit codes, one a line, in
// rotation order.
func (h *handlers) members(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		var ids []int64
		for i, line := range strings.Split(f.Get("codes"), "\n") {
			code := strings.TrimSpace(line)
			if code == "" {
				continue
			}
			if len(ids) >= emulation.MaxBlocMembers {
				return apperr.Invalid("codes", "emulation.bloc.err.members", emulation.MaxBlocMembers)
			}
			u, err := h.Org.GetByCode(r.Context(), code, org.Date(year, 12, 31))
			if apperr.CodeOf(err) == apperr.CodeNotFound {
				u, err = h.Org.GetByCode(r.Context(), code, org.Date(year, 1, 1))
			}
			if apperr.CodeOf(err) == apperr.CodeNotFound {
				return apperr.Invalid("codes", "emulationui.err.code", i+1, clip(code, 40))
			}
			if err != nil {
				return err
			}
			ids = append(ids, u.ID)
		}
		_, err := h.store.SetMembers(r.Context(), p, b.ID, year, ids)
		return fieldAs(err, "codes")
	})
}

// clip cuts s to n characters.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// fieldAs shows an invalid error of a member's line on the codes field.
func fieldAs(err error, field string) error {
	if e, ok := apperr.As(err); ok && e.Code == apperr.CodeInvalid && strings.HasPrefix(e.Field, "member") {
		return apperr.Invalid(field, e.Key, e.Args...)
	}
	return err
}

// score reads a typed score ("8,5" or "8.5"); ok is false when blank.
func score(field, s string) (float64, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, true, nil
	}
	n, err := vntext.ParseNumber(s)
	if err != nil || n.Percent || n.LowerBound || n.Approx {
		return 0, false, apperr.Invalid(field, "emulationui.err.number")
	}
	return n.Value, true, nil
}

// criterion adds a line to the year's criteria table.
func (h *handlers) criterion(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		maxPts, _, err := score("criterion.0.max", f.Get("max"))
		if err != nil {
			return err
		}
		_, err = h.store.AddCriteria(r.Context(), p, b.ID, year, []emulation.BlocCriterion{{Kind: emulation.CriterionKind(f.Get("kind")),
			Title: f.Get("title"), MaxPoints: maxPts, Evidence: f.Get("evidence")}})
		return err
	})
}

// fromPledge takes the year's criteria from a pledge.
func (h *handlers) fromPledge(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		_, err := h.store.CriteriaFromPledge(r.Context(), p, b.ID, year, kit.FormID(f.Get("pledge")))
		return err
	})
}

// selfScore records a member's own scores (s.<criterion>), handed in
// when submit is set.
func (h *handlers) selfScore(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		unit := kit.FormID(f.Get("unit"))
		scores := map[int64]float64{}
		var es apperr.Errors
		for k, vs := range f {
			rest, ok := strings.CutPrefix(k, "s.")
			if !ok || len(vs) == 0 {
				continue
			}
			if len(scores) >= maxScores {
				return apperr.Invalid("", "emulationui.err.too_many")
			}
			cid := kit.FormID(rest)
			x, set, err := score(fmt.Sprintf("score.%d.%d", unit, cid), vs[0])
			if err != nil {
				es = append(es, err.(*apperr.Error))
				continue
			}
			if set {
				scores[cid] = x
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		_, err := h.store.SelfScore(r.Context(), p, b.ID, year, unit, scores, f.Get("submit") != "")
		return err
	})
}

// review records the bloc's review scores (r.<unit>.<criterion>), closing
// the review when close is set.
func (h *handlers) review(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		var list []emulation.BlocScore
		var es apperr.Errors
		for k, vs := range f {
			rest, ok := strings.CutPrefix(k, "r.")
			if !ok || len(vs) == 0 {
				continue
			}
			if len(list) >= maxScores {
				return apperr.Invalid("", "emulationui.err.too_many")
			}
			us, cs, _ := strings.Cut(rest, ".")
			unit, cid := kit.FormID(us), kit.FormID(cs)
			x, set, err := score(fmt.Sprintf("score.%d.%d", unit, cid), vs[0])
			if err != nil {
				es = append(es, err.(*apperr.Error))
				continue
			}
			if set {
				list = append(list, emulation.BlocScore{UnitID: unit, CriterionID: cid, Score: x})
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		_, err := h.store.Review(r.Context(), p, b.ID, year, list, f.Get("close") != "")
		return err
	})
}

// approve approves the reviewed year with the member proposed for the
// flag.
func (h *handlers) approve(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		_, err := h.store.Approve(r.Context(), p, b.ID, year, kit.FormID(f.Get("flag")))
		return err
	})
}

// sendBack returns the reviewed year to the bloc with a note.
func (h *handlers) sendBack(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.step(w, r, p, func(b emulation.BlocGroup, year int, f url.Values) error {
		_, err := h.store.Return(r.Context(), p, b.ID, year, f.Get("note"))
		return err
	})
}

// template downloads the year's scoring table with the scores so far.
func (h *handlers) template(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	b, _, year, err := h.bloc(r, p)
	if err != nil {
		return err
	}
	y, err := h.store.BlocYear(r.Context(), p, b.ID, year)
	if err != nil {
		return err
	}
	codes, err := h.store.MemberCodes(r.Context(), y)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := emulation.ScoreSheet(&buf, y, codes); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="cham-diem-%d-%d.xlsx"`, b.ID, year))
	_, err = w.Write(buf.Bytes())
	return err
}

// importScores reads the bloc's review scores from an uploaded table,
// all or nothing.
func (h *handlers) importScores(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.upload(w, r, p, apperr.Invalid("file", "emulationui.err.file"), func(b emulation.BlocGroup, year int, file io.Reader) (int, error) {
		_, n, err := h.store.ImportReview(r.Context(), p, b.ID, year, file)
		return n, err
	})
}

// above lists unit id as it stands today and the units above it,
// nearest first.
func (h *handlers) above(r *http.Request, id int64) ([]org.Unit, error) {
	u, err := h.Org.Get(r.Context(), id, h.Today())
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := []org.Unit{u}
	path := u.PathIDs()
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == id {
			continue
		}
		a, err := h.Org.Get(r.Context(), path[i], h.Today())
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// MaxFile is the largest score sheet the imports read, for the browser's
// check before it sends one.
func (showView) MaxFile() int64 { return blocsheet.MaxFile }
