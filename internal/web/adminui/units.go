package adminui

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// unitOp is one change an admin can make to a unit; Slug is its URL part.
type unitOp struct {
	Key  org.Op
	Slug string
}

// unitOps are the changes, in the order the unit page offers them.
var unitOps = []unitOp{
	{org.OpCreate, "tao"}, {org.OpRename, "doi-ten"}, {org.OpMove, "chuyen"},
	{org.OpMerge, "sap-nhap"}, {org.OpSplit, "chia-tach"}, {org.OpClose, "giai-the"},
}

// maxSplitParts bounds the rows of the split form.
const maxSplitParts = 10

type unitsView struct {
	kit.Page
	Roots    []org.Unit
	Query    string
	Searched bool
	Results  []org.Unit
}

// units is the entry to unit administration: the units at the top of
// the admin's scope and a search among the units they administer.
func (h *handlers) units(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	roots, err := h.Auth.AdministeredUnits(ctx, p, h.Today())
	if err != nil {
		return err
	}
	v := unitsView{Roots: roots, Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if v.Query != "" {
		v.Searched = true
		if v.Results, err = h.Org.SearchAdministered(ctx, h.Auth.Authorizer(p), v.Query, h.Today(), 40); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "admin.units.title")
	h.tmpl.Render(w, r, http.StatusOK, "units", v)
	return nil
}

// administered returns the unit of the path as it stands today, when p
// administers it.
func (h *handlers) administered(r *http.Request, p *auth.Principal) (org.Unit, error) {
	return pathRecord(r, p, func(ctx context.Context, p *auth.Principal, id int64) (org.Unit, error) {
		return h.Org.Administered(ctx, h.Auth.Authorizer(p), id, h.Today())
	})
}

type unitView struct {
	kit.Page
	Unit      org.Unit
	Ancestors []org.Unit
	// Linked are the ancestors the reader administers: the trail links
	// only those (a province's admin may not open the national board).
	Linked   map[int64]bool
	Children []org.Unit
	Below    int
	Ops      []unitOp
}

func (h *handlers) unit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u, err := h.administered(r, p)
	if err != nil {
		return err
	}
	ctx := r.Context()
	today := h.Today()
	v := unitView{Unit: u, Ops: unitOps}
	if v.Ancestors, err = h.Org.Ancestors(ctx, u.ID, today); err != nil {
		return err
	}
	if v.Linked, err = administers(ctx, h.Auth.Authorizer(p), v.Ancestors); err != nil {
		return err
	}
	if v.Children, err = h.Org.Children(ctx, u.ID, today); err != nil {
		return err
	}
	if v.Below, err = h.Org.CountBelow(ctx, u.ID, today); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "admin.unit.title")
	v.Title = u.Name
	h.tmpl.Render(w, r, http.StatusOK, "unit", v)
	return nil
}

// splitPartForm is one row of the split form, as typed.
type splitPartForm struct {
	Unit  string // an existing unit's id, or "" for a new unit
	Code  string
	Name  string
	Short string
	Share string // in percent: "60", "37,5"
}

// unitForm is everything the unit forms send, as typed, so that a form
// shown again keeps it.
type unitForm struct {
	Step      string
	Date      string
	Code      string
	Name      string
	ShortName string
	Level     string
	Kind      string
	ParentID  int64   // move: the new parent; merge into a new unit: its parent
	IDs       []int64 // merge: the other units merged
	IntoMode  string  // merge: "existing" or "new"
	Into      int64   // merge: the existing unit receiving
	Parts     []splitPartForm
	Query     string
}

// DateValue is the date for the input: ISO when it reads as a date (what
// a date picker shows), else exactly what was typed.
func (f unitForm) DateValue() string {
	if t, err := kit.FormDay("date", f.Date); err == nil && !t.IsZero() {
		return t.Format(time.DateOnly)
	}
	return f.Date
}

// Has reports whether id is among the units picked for a merge.
func (f unitForm) Has(id int64) bool { return slices.Contains(f.IDs, id) }

// readUnitForm reads the posted form (or the defaults for a GET).
func readUnitForm(r *http.Request, op unitOp, u org.Unit) unitForm {
	if r.Method != http.MethodPost {
		f := unitForm{IntoMode: "existing", Kind: string(u.Kind), Level: string(u.Level)}
		switch op.Key {
		case org.OpRename:
			f.Name, f.ShortName = u.Name, u.ShortName
		case org.OpCreate:
			f.Kind, f.Level = "", ""
		case org.OpMerge:
			f.ParentID = u.ParentID
		case org.OpSplit:
			f.Parts = make([]splitPartForm, 2)
		}
		return f
	}
	pf := r.PostForm
	get := func(k string) string { return strings.TrimSpace(pf.Get(k)) }
	f := unitForm{
		Step: get("step"), Date: get("date"), Code: get("code"), Name: get("name"), ShortName: get("short_name"),
		Level: get("level"), Kind: get("kind"), ParentID: kit.FormID(get("parent_id")),
		IntoMode: get("into_mode"), Into: kit.FormID(get("into")), Query: get("q"),
	}
	if f.IntoMode != "new" {
		f.IntoMode = "existing"
	}
	for _, s := range pf["ids"] {
		if id := kit.FormID(s); id != 0 && !f.Has(id) {
			f.IDs = append(f.IDs, id)
		}
	}
	if op.Key == org.OpSplit {
		n, _ := strconv.Atoi(get("parts"))
		if f.Step == "addpart" {
			n++
		}
		n = min(max(n, 2), maxSplitParts)
		f.Parts = make([]splitPartForm, n)
		for i := range f.Parts {
			k := strconv.Itoa(i)
			f.Parts[i] = splitPartForm{Unit: get("part_unit_" + k), Code: get("part_code_" + k), Name: get("part_name_" + k),
				Short: get("part_short_" + k), Share: get("part_share_" + k)}
		}
	}
	return f
}

// change turns the form into the change org is asked to make; what is
// wrong with the form itself (a date or a share that does not read) is
// a validation error on its field.
func (f unitForm) change(op unitOp, u org.Unit) (org.Change, error) {
	var es apperr.Errors
	date, err := kit.FormDay("date", f.Date)
	if e, ok := apperr.As(err); ok {
		es = append(es, e)
	}
	ch := org.Change{Op: op.Key, Unit: u.ID, Date: date}
	switch op.Key {
	case org.OpCreate:
		ch.New = org.NewUnit{Code: f.Code, Name: f.Name, ShortName: f.ShortName, Level: org.Level(f.Level), Kind: org.Kind(f.Kind)}
	case org.OpRename:
		ch.Name, ch.ShortName = f.Name, f.ShortName
	case org.OpMove:
		ch.Parent = f.ParentID
	case org.OpMerge:
		ch.With = f.IDs
		if f.IntoMode == "new" {
			ch.Into.New = &org.NewUnit{Code: f.Code, Name: f.Name, ShortName: f.ShortName, Kind: org.Kind(f.Kind), ParentID: f.ParentID}
		} else {
			ch.Into.ExistingID = f.Into
		}
	case org.OpSplit:
		for i, pf := range f.Parts {
			if pf.Unit == "" && pf.Name == "" && pf.Code == "" && pf.Share == "" {
				continue // an empty row
			}
			share, err := vntext.ParseNumber(pf.Share)
			if err != nil || share.Value <= 0 || share.Value > 100 {
				es.Add(fmt.Sprintf("part_share_%d", i), "admin.err.share")
			}
			sp := org.SplitPart{Share: share.Value / 100}
			if id := kit.FormID(pf.Unit); id != 0 {
				sp.ExistingID = id
			} else {
				sp.New = &org.NewUnit{Code: pf.Code, Name: pf.Name, ShortName: pf.Short}
			}
			ch.Parts = append(ch.Parts, sp)
		}
	}
	return ch, es.Err()
}

type unitOpView struct {
	kit.Page
	Op         unitOp
	Unit       org.Unit
	Ancestors  []org.Unit
	Linked     map[int64]bool
	Below      int
	Form       unitForm
	Errors     kit.Errors
	Candidates []org.Unit // units that may be picked (in scope, living)
	Parents    []org.Unit // merge into a new unit: where it may go
	Searched   bool
	Levels     []org.Level
	Kinds      []org.Kind
	Preview    *org.Outcome
	Hidden     []hiddenField
}

type hiddenField struct{ Name, Value string }

func (h *handlers) unitOpForm(op unitOp) kit.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
		u, err := h.administered(r, p)
		if err != nil {
			return err
		}
		return h.showUnitForm(w, r, p, op, u, readUnitForm(r, op, u), nil, http.StatusOK)
	}
}

// showUnitForm renders the form of op with what was typed, the errors of
// refusal beside the fields, and the units that may be picked.
func (h *handlers) showUnitForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, op unitOp, u org.Unit, f unitForm, refusal error, status int) error {
	v, err := h.unitOpView(r.Context(), p, op, u, f)
	if err != nil {
		return err
	}
	v.Errors = h.FormErrors(r, refusal)
	v.Page = h.Page(w, r, "admin.op."+string(op.Key))
	h.tmpl.Render(w, r, status, "unit_op", v)
	return nil
}

// unitOpView gathers what the form of op shows: where the unit stands
// and the units the user may pick (nearby ones, the ones picked before
// and the ones found by name), as org says the user may.
func (h *handlers) unitOpView(ctx context.Context, p *auth.Principal, op unitOp, u org.Unit, f unitForm) (unitOpView, error) {
	today := h.Today()
	a := h.Auth.Authorizer(p)
	v := unitOpView{Op: op, Unit: u, Form: f, Levels: org.Levels, Kinds: org.Kinds}
	var err error
	if v.Ancestors, err = h.Org.Ancestors(ctx, u.ID, today); err != nil {
		return v, err
	}
	if v.Linked, err = administers(ctx, a, v.Ancestors); err != nil {
		return v, err
	}
	if v.Below, err = h.Org.CountBelow(ctx, u.ID, today); err != nil {
		return v, err
	}
	if op.Key != org.OpMove && op.Key != org.OpMerge && op.Key != org.OpSplit {
		return v, nil
	}
	pool, exclude, err := h.nearby(ctx, op, u, v.Ancestors)
	if err != nil {
		return v, err
	}
	// Units picked before (perhaps found by an earlier search) stay.
	picked := append([]int64{f.ParentID, f.Into}, f.IDs...)
	for _, pt := range f.Parts {
		picked = append(picked, kit.FormID(pt.Unit))
	}
	for _, id := range picked {
		if id == 0 {
			continue
		}
		pu, err := h.Org.Get(ctx, id, today)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			continue // no longer there: org says so when the form is sent
		}
		if err != nil {
			return v, err
		}
		pool = append(pool, pu)
	}
	if f.Query != "" {
		v.Searched = true
		res, err := h.Org.SearchByName(ctx, f.Query, today, 40)
		if err != nil && apperr.CodeOf(err) != apperr.CodeInvalid {
			return v, err
		}
		pool = append(pool, res...)
	}
	if v.Candidates, err = h.Org.Pickable(ctx, a, pool, exclude...); err != nil {
		return v, err
	}
	if op.Key != org.OpMove {
		// Only units of the same level merge or receive a split.
		v.Candidates = slices.DeleteFunc(v.Candidates, func(c org.Unit) bool { return c.Level != u.Level })
	}
	if op.Key == org.OpMerge {
		if v.Parents, err = h.Org.Pickable(ctx, a, v.Ancestors); err != nil {
			return v, err
		}
	}
	return v, nil
}

// nearby are the units a change of u most likely names: for a move, its
// ancestors and its parent's siblings (not its parent); for a merge or a
// split, its siblings. exclude are the ids the form must not offer.
func (h *handlers) nearby(ctx context.Context, op unitOp, u org.Unit, ancestors []org.Unit) (pool []org.Unit, exclude []int64, err error) {
	today := h.Today()
	exclude = []int64{u.ID}
	switch op.Key {
	case org.OpMove:
		pool = append(pool, ancestors...)
		if len(ancestors) >= 2 {
			kids, err := h.Org.Children(ctx, ancestors[len(ancestors)-2].ID, today)
			if err != nil {
				return nil, nil, err
			}
			pool = append(pool, kids...)
		}
		exclude = append(exclude, u.ParentID)
	case org.OpMerge, org.OpSplit:
		if u.ParentID != 0 {
			kids, err := h.Org.Children(ctx, u.ParentID, today)
			if err != nil {
				return nil, nil, err
			}
			pool = append(pool, kids...)
		}
	}
	return pool, exclude, nil
}

// unitOpPost previews a change (nothing is kept), or makes it when the
// preview's confirmation is sent; the buttons that only change the form
// (search, add a part, go back and edit) show it again.
func (h *handlers) unitOpPost(op unitOp) kit.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
		u, err := h.administered(r, p)
		if err != nil {
			return err
		}
		f := readUnitForm(r, op, u)
		switch f.Step {
		case "search", "addpart", "edit":
			return h.showUnitForm(w, r, p, op, u, f, nil, http.StatusOK)
		}
		ch, err := f.change(op, u)
		var out org.Outcome
		if err == nil {
			a := h.Auth.Authorizer(p)
			if f.Step == "confirm" {
				out, err = h.Org.Apply(r.Context(), a, ch)
			} else {
				out, err = h.Org.Preview(r.Context(), a, ch)
			}
		}
		if err != nil {
			return refused(err, func(status int) error { return h.showUnitForm(w, r, p, op, u, f, err, status) })
		}
		if f.Step == "confirm" {
			h.SetFlash(w, r, "admin.done."+string(op.Key))
			http.Redirect(w, r, "/don-vi/"+strconv.FormatInt(out.Result.ID, 10), http.StatusSeeOther)
			return nil
		}
		v, err := h.unitOpView(r.Context(), p, op, u, f)
		if err != nil {
			return err
		}
		v.Preview = &out
		v.Hidden = hiddenFields(r)
		v.Page = h.Page(w, r, "admin.preview.title")
		h.tmpl.Render(w, r, http.StatusOK, "unit_preview", v)
		return nil
	}
}

// hiddenFields carries the posted form to the confirmation, without the
// csrf token (the page adds its own) and the button pressed.
func hiddenFields(r *http.Request) []hiddenField {
	var out []hiddenField
	keys := make([]string, 0, len(r.PostForm))
	for k := range r.PostForm {
		if k != "csrf" && k != "step" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range r.PostForm[k] {
			out = append(out, hiddenField{k, v})
		}
	}
	return out
}

// opFields are the fields each form shows an error beside; other errors
// go above the form.
var opFields = map[org.Op][]string{
	org.OpCreate: {"date", "valid_from", "code", "name", "level", "kind"},
	org.OpRename: {"date", "name"},
	org.OpMove:   {"date", "parent_id"},
	org.OpMerge:  {"date", "ids", "into", "code", "name", "kind", "parent_id", "valid_from"},
	org.OpSplit:  {"date", "parts"},
	org.OpClose:  {"date"},
}

// Err is the error message for a field of the form ("date" covers the
// unit's start date too).
func (v unitOpView) Err(field string) string {
	if m := v.Errors.Field(field); m != "" {
		return m
	}
	if field == "date" {
		return v.Errors.Field("valid_from")
	}
	return ""
}

// OtherErrors are the messages that belong to no field of this form.
func (v unitOpView) OtherErrors() []string {
	var out []string
	for _, e := range v.Errors {
		if !slices.Contains(opFields[v.Op.Key], e.Field) && !strings.HasPrefix(e.Field, "part_share_") {
			out = append(out, e.Message)
		}
	}
	return out
}

// PartErr is the error beside row i of the split form.
func (v unitOpView) PartErr(i int) string { return v.Errors.Field(fmt.Sprintf("part_share_%d", i)) }

// Is reports whether the unit id is the one picked in a single-choice field.
func (v unitOpView) Is(field string, id int64) bool {
	switch field {
	case "parent_id":
		return v.Form.ParentID == id
	case "into":
		return v.Form.Into == id
	}
	return false
}

// PartNo numbers the rows of the split form from 1.
func (v unitOpView) PartNo(i int) int { return i + 1 }

// administers says which of units a may administer.
func administers(ctx context.Context, a org.Authorizer, units []org.Unit) (map[int64]bool, error) {
	out := map[int64]bool{}
	for _, u := range units {
		ok, err := a.Administers(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		out[u.ID] = ok
	}
	return out, nil
}
