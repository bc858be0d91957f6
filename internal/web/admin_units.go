package web

import (
	"context"
	"errors"
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
)

// unitOp is one change an admin can make to a unit; Slug is its URL part.
type unitOp struct {
	Key  string
	Slug string
}

// unitOps are the changes, in the order the unit page offers them.
var unitOps = []unitOp{
	{"create", "tao"}, {"rename", "doi-ten"}, {"move", "chuyen"},
	{"merge", "sap-nhap"}, {"split", "chia-tach"}, {"close", "giai-the"},
}

// errDryRun rolls back a change made only to preview it.
var errDryRun = errors.New("web: preview only")

// maxSplitParts bounds the rows of the split form.
const maxSplitParts = 10

type adminIndexView struct {
	Page
	Units []org.Unit
}

func (a *adminHandlers) index(w http.ResponseWriter, r *http.Request) {
	p, ok := a.requireAdmin(w, r)
	if !ok {
		return
	}
	us, err := a.scopeUnits(r, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.render(w, r, http.StatusOK, "admin/index", adminIndexView{Page: a.page(w, r, "admin.title"), Units: us})
}

type adminUnitsView struct {
	Page
	Roots    []org.Unit
	Query    string
	Searched bool
	Results  []org.Unit
}

// units is the entry to unit administration: the units at the top of
// the admin's scope and a search among the units they administer.
func (a *adminHandlers) units(w http.ResponseWriter, r *http.Request) {
	p, ok := a.requireAdmin(w, r)
	if !ok {
		return
	}
	roots, err := a.scopeUnits(r, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v := adminUnitsView{Roots: roots, Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if v.Query != "" {
		v.Searched = true
		if v.Results, err = a.searchPickable(r, p, v.Query); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	v.Page = a.page(w, r, "admin.units.title")
	a.render(w, r, http.StatusOK, "admin/units", v)
}

// adminUnit checks that the signed-in user administers the unit of the
// path and returns it as it stands today; it answers the request itself
// when not.
func (a *adminHandlers) adminUnit(w http.ResponseWriter, r *http.Request) (*auth.Principal, org.Unit, bool) {
	id := adminPathID(r, "id")
	if id == 0 {
		a.fail(w, r, apperr.NotFound(translate(LangVI, "admin.err.nounit")))
		return nil, org.Unit{}, false
	}
	p, ok := a.allow(w, r, auth.PermAdmin, id)
	if !ok {
		return nil, org.Unit{}, false
	}
	u, err := a.org.Get(r.Context(), id, a.today())
	if apperr.CodeOf(err) == apperr.CodeNotFound {
		err = apperr.NotFound(translate(LangVI, "admin.err.ended"))
	}
	if err != nil {
		a.fail(w, r, err)
		return nil, org.Unit{}, false
	}
	return p, u, true
}

type adminUnitView struct {
	Page
	Unit      org.Unit
	Ancestors []org.Unit
	Children  []org.Unit
	Below     int
	Ops       []unitOp
}

func (a *adminHandlers) unit(w http.ResponseWriter, r *http.Request) {
	_, u, ok := a.adminUnit(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	v := adminUnitView{Unit: u, Ops: unitOps}
	var err error
	if v.Ancestors, err = a.org.Ancestors(ctx, u.ID, a.today()); err != nil {
		a.fail(w, r, err)
		return
	}
	if v.Children, err = a.org.Children(ctx, u.ID, a.today()); err != nil {
		a.fail(w, r, err)
		return
	}
	if v.Below, err = a.below(ctx, u.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	v.Page = a.page(w, r, "admin.unit.title")
	v.Title = u.Name
	a.render(w, r, http.StatusOK, "admin/unit", v)
}

// below counts the living units under id.
func (a *adminHandlers) below(ctx context.Context, id int64) (int, error) {
	sub, err := a.org.Subtree(ctx, id, a.today())
	if err != nil {
		return 0, err
	}
	return len(sub) - 1, nil
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
	if t, ok := adminDay(f.Date); ok {
		return t.Format(time.DateOnly)
	}
	return f.Date
}

// Has reports whether id is among the units picked for a merge.
func (f unitForm) Has(id int64) bool {
	for _, x := range f.IDs {
		if x == id {
			return true
		}
	}
	return false
}

// readUnitForm reads the posted form (or the defaults for a GET).
func readUnitForm(r *http.Request, op unitOp, u org.Unit) unitForm {
	if r.Method != http.MethodPost {
		f := unitForm{IntoMode: "existing", Kind: string(u.Kind), Level: string(u.Level)}
		switch op.Key {
		case "rename":
			f.Name, f.ShortName = u.Name, u.ShortName
		case "create":
			f.Kind, f.Level = "", ""
		case "merge":
			f.ParentID = u.ParentID
		case "split":
			f.Parts = make([]splitPartForm, 2)
		}
		return f
	}
	pf := r.PostForm
	get := func(k string) string { return strings.TrimSpace(pf.Get(k)) }
	f := unitForm{
		Step: get("step"), Date: get("date"), Code: get("code"), Name: get("name"), ShortName: get("short_name"),
		Level: get("level"), Kind: get("kind"), ParentID: adminInt(get("parent_id")),
		IntoMode: get("into_mode"), Into: adminInt(get("into")), Query: get("q"),
	}
	if f.IntoMode != "new" {
		f.IntoMode = "existing"
	}
	for _, s := range pf["ids"] {
		if id := adminInt(s); id != 0 && !f.Has(id) {
			f.IDs = append(f.IDs, id)
		}
	}
	if op.Key == "split" {
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

// unitPreview says what a change will do, from a dry run of it.
type unitPreview struct {
	Date     time.Time  // the first day of the new state
	LastDay  time.Time  // the last day of what ends
	Ending   []org.Unit // units that end
	Starting []org.Unit // units that start
	Receiver *org.Unit  // an existing unit receiving a merge
	Renamed  *[2]string // old and new name
	OldShort string
	NewShort string
	Moved    *[2]org.Unit // old and new parent
	Parts    []previewPart
	Affected int // units below that move with the change
	ResultID int64
}

type previewPart struct {
	Unit  org.Unit
	New   bool
	Share float64
}

type unitOpView struct {
	Page
	Op         unitOp
	Unit       org.Unit
	Ancestors  []org.Unit
	Below      int
	Form       unitForm
	Errors     apperr.Errors
	Candidates []org.Unit // units that may be picked (in scope, living)
	Parents    []org.Unit // merge into a new unit: where it may go
	Searched   bool
	Levels     []org.Level
	Kinds      []org.Kind
	Preview    *unitPreview
	Hidden     []hiddenField
}

type hiddenField struct{ Name, Value string }

func (a *adminHandlers) unitOpForm(op unitOp) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, u, ok := a.adminUnit(w, r)
		if !ok {
			return
		}
		a.showUnitForm(w, r, p, op, u, readUnitForm(r, op, u), nil, http.StatusOK)
	}
}

// showUnitForm renders the form of op with what was typed, errs beside
// the fields, and the units that may be picked.
func (a *adminHandlers) showUnitForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, op unitOp, u org.Unit, f unitForm, errs apperr.Errors, status int) {
	v, err := a.unitView(r, p, op, u, f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v.Errors = errs
	v.Page = a.page(w, r, "admin.op."+op.Key)
	a.render(w, r, status, "admin/unit_op", v)
}

func (a *adminHandlers) unitView(r *http.Request, p *auth.Principal, op unitOp, u org.Unit, f unitForm) (unitOpView, error) {
	ctx := r.Context()
	today := a.today()
	v := unitOpView{Op: op, Unit: u, Form: f, Levels: org.Levels, Kinds: org.Kinds}
	var err error
	if v.Ancestors, err = a.org.Ancestors(ctx, u.ID, today); err != nil {
		return v, err
	}
	if v.Below, err = a.below(ctx, u.ID); err != nil {
		return v, err
	}
	var pool []org.Unit
	exclude := []int64{u.ID}
	switch op.Key {
	case "move":
		pool = append(pool, v.Ancestors...)
		if len(v.Ancestors) >= 2 {
			gp := v.Ancestors[len(v.Ancestors)-2]
			kids, err := a.org.Children(ctx, gp.ID, today)
			if err != nil {
				return v, err
			}
			pool = append(pool, kids...)
		}
		exclude = append(exclude, u.ParentID)
	case "merge", "split":
		if u.ParentID != 0 {
			kids, err := a.org.Children(ctx, u.ParentID, today)
			if err != nil {
				return v, err
			}
			pool = append(pool, kids...)
		}
	}
	if op.Key == "move" || op.Key == "merge" || op.Key == "split" {
		// Units picked before (perhaps found by an earlier search) stay.
		picked := append([]int64{f.ParentID, f.Into}, f.IDs...)
		for _, pt := range f.Parts {
			picked = append(picked, adminInt(pt.Unit))
		}
		for _, id := range picked {
			if id == 0 {
				continue
			}
			if pu, err := a.org.Get(ctx, id, today); err == nil {
				pool = append(pool, pu)
			}
		}
		if f.Query != "" {
			v.Searched = true
			res, err := a.org.SearchByName(ctx, f.Query, today, 40)
			if err != nil && apperr.CodeOf(err) != apperr.CodeInvalid {
				return v, err
			}
			pool = append(pool, res...)
		}
		if v.Candidates, err = a.pickable(r, p, pool, exclude...); err != nil {
			return v, err
		}
		if op.Key != "move" {
			// Only units of the same level merge or receive a split.
			same := v.Candidates[:0]
			for _, c := range v.Candidates {
				if c.Level == u.Level {
					same = append(same, c)
				}
			}
			v.Candidates = same
		}
	}
	if op.Key == "merge" {
		if v.Parents, err = a.pickable(r, p, v.Ancestors); err != nil {
			return v, err
		}
	}
	return v, nil
}

func (a *adminHandlers) unitOpPost(op unitOp) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, u, ok := a.adminUnit(w, r)
		if !ok {
			return
		}
		f := readUnitForm(r, op, u)
		switch f.Step {
		case "search", "addpart", "edit":
			a.showUnitForm(w, r, p, op, u, f, nil, http.StatusOK)
			return
		}
		ch, err := a.planUnitOp(r, p, op, u, f)
		if err != nil {
			if c := apperr.CodeOf(err); c == apperr.CodeForbidden || c == apperr.CodeInternal {
				a.fail(w, r, err)
				return
			}
			a.showUnitForm(w, r, p, op, u, f, fieldErrors(err), adminFormStatus(err))
			return
		}
		var prev unitPreview
		confirm := f.Step == "confirm"
		err = a.org.Update(r.Context(), func(w *org.Writer) error {
			var err error
			if prev, err = ch(r.Context(), w); err != nil {
				return err
			}
			if !confirm {
				return errDryRun
			}
			return nil
		})
		if err != nil && !errors.Is(err, errDryRun) {
			if statusOf(err) == http.StatusInternalServerError {
				a.fail(w, r, err)
				return
			}
			a.showUnitForm(w, r, p, op, u, f, fieldErrors(err), adminFormStatus(err))
			return
		}
		if confirm {
			a.setFlash(w, r, "admin.done."+op.Key)
			http.Redirect(w, r, "/don-vi/"+strconv.FormatInt(prev.ResultID, 10), http.StatusSeeOther)
			return
		}
		v, err := a.unitView(r, p, op, u, f)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		v.Preview = &prev
		v.Hidden = hiddenFields(r)
		v.Page = a.page(w, r, "admin.preview.title")
		a.render(w, r, http.StatusOK, "admin/unit_preview", v)
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

// unitChange makes a change through w and says what it did.
type unitChange func(ctx context.Context, w *org.Writer) (unitPreview, error)

// planUnitOp checks the form (the date, that every unit named is one the
// user administers) and returns the change to run; org checks the rest.
func (a *adminHandlers) planUnitOp(r *http.Request, p *auth.Principal, op unitOp, u org.Unit, f unitForm) (unitChange, error) {
	ctx := r.Context()
	today := a.today()
	date, ok := adminDay(f.Date)
	if !ok {
		key := "admin.err.date"
		if f.Date == "" {
			key = "admin.err.nodate"
		}
		return nil, apperr.Invalid("date", translate(LangVI, key))
	}
	prev := unitPreview{Date: date, LastDay: date.AddDate(0, 0, -1)}
	// Units are shown as they will stand on their last day before the
	// change (today, for a change dated today or earlier).
	asOf := today
	if prev.LastDay.After(today) {
		asOf = prev.LastDay
		if au, err := a.org.Get(ctx, u.ID, asOf); err == nil {
			u = au
		}
	}
	// ref reads a unit the form names and checks that p administers it.
	ref := func(id int64, field string) (org.Unit, error) {
		ok, err := a.canAdmin(r, p, id)
		if err != nil {
			return org.Unit{}, err
		}
		if !ok {
			return org.Unit{}, apperr.Forbidden(translate(LangVI, "admin.err.scope"))
		}
		ru, err := a.org.Get(ctx, id, asOf)
		if apperr.CodeOf(err) == apperr.CodeNotFound {
			return org.Unit{}, apperr.Invalid(field, translate(LangVI, "admin.err.ended"))
		}
		return ru, err
	}
	switch op.Key {
	case "create":
		nu := org.NewUnit{Code: f.Code, Name: f.Name, ShortName: f.ShortName, Level: org.Level(f.Level),
			Kind: org.Kind(f.Kind), ParentID: u.ID, ValidFrom: date}
		return func(ctx context.Context, w *org.Writer) (unitPreview, error) {
			nu, err := w.Create(ctx, nu)
			if err != nil {
				return prev, err
			}
			prev.Starting, prev.ResultID = []org.Unit{nu}, nu.ID
			prev.LastDay = time.Time{}
			return prev, nil
		}, nil
	case "rename":
		return func(ctx context.Context, w *org.Writer) (unitPreview, error) {
			nu, err := w.Rename(ctx, u.ID, date, f.Name, f.ShortName)
			if err != nil {
				return prev, err
			}
			prev.Renamed = &[2]string{u.Name, nu.Name}
			prev.OldShort, prev.NewShort = u.ShortName, nu.ShortName
			prev.ResultID = u.ID
			return prev, nil
		}, nil
	case "move":
		if f.ParentID == 0 {
			return nil, apperr.Invalid("parent_id", translate(LangVI, "admin.err.noparent"))
		}
		np, err := ref(f.ParentID, "parent_id")
		if err != nil {
			return nil, err
		}
		var op org.Unit
		if u.ParentID != 0 {
			if op, err = a.org.Get(ctx, u.ParentID, asOf); err != nil {
				return nil, err
			}
		}
		n, err := a.below(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context, w *org.Writer) (unitPreview, error) {
			if _, err := w.Move(ctx, u.ID, np.ID, date); err != nil {
				return prev, err
			}
			prev.Moved = &[2]org.Unit{op, np}
			prev.Affected, prev.ResultID = n, u.ID
			return prev, nil
		}, nil
	case "merge":
		srcs := []org.Unit{u}
		affected := 0
		for _, id := range append([]int64{u.ID}, f.IDs...) {
			if id != u.ID {
				su, err := ref(id, "ids")
				if err != nil {
					return nil, err
				}
				srcs = append(srcs, su)
			}
			kids, err := a.org.Children(ctx, id, asOf)
			if err != nil {
				return nil, err
			}
			affected += len(kids)
		}
		into := org.MergeTarget{}
		var receiver org.Unit
		if f.IntoMode == "new" {
			if f.ParentID == 0 {
				return nil, apperr.Invalid("parent_id", translate(LangVI, "admin.err.noparent"))
			}
			if _, err := ref(f.ParentID, "parent_id"); err != nil {
				return nil, err
			}
			into.New = &org.NewUnit{Code: f.Code, Name: f.Name, ShortName: f.ShortName, Kind: org.Kind(f.Kind), ParentID: f.ParentID}
		} else {
			if f.Into == 0 {
				return nil, apperr.Invalid("into", translate(LangVI, "admin.err.nointo"))
			}
			var err error
			if receiver, err = ref(f.Into, "into"); err != nil {
				return nil, err
			}
			into.ExistingID = receiver.ID
		}
		return func(ctx context.Context, w *org.Writer) (unitPreview, error) {
			t, err := w.Merge(ctx, append([]int64{u.ID}, f.IDs...), into, date)
			if err != nil {
				return prev, err
			}
			prev.Ending, prev.Affected, prev.ResultID = srcs, affected, t.ID
			if into.New != nil {
				prev.Starting = []org.Unit{t}
			} else {
				prev.Receiver = &t
			}
			return prev, nil
		}, nil
	case "split":
		var parts []org.SplitPart
		var es apperr.Errors
		for i, pf := range f.Parts {
			if pf.Unit == "" && pf.Name == "" && pf.Code == "" && pf.Share == "" {
				continue // an empty row
			}
			sp := org.SplitPart{}
			share, err := vntext.ParseNumber(pf.Share)
			if err != nil || share.Value <= 0 || share.Value > 100 {
				es.Add(fmt.Sprintf("part_share_%d", i), translate(LangVI, "admin.err.share"))
			}
			sp.Share = share.Value / 100
			if id := adminInt(pf.Unit); id != 0 {
				if _, err := ref(id, "parts"); err != nil {
					if apperr.CodeOf(err) == apperr.CodeForbidden {
						return nil, err
					}
					es = append(es, fieldErrors(err)...)
				}
				sp.ExistingID = id
			} else {
				if u.ParentID != 0 {
					if _, err := ref(u.ParentID, "parts"); err != nil {
						return nil, err
					}
				}
				sp.New = &org.NewUnit{Code: pf.Code, Name: pf.Name, ShortName: pf.Short, Kind: u.Kind}
			}
			parts = append(parts, sp)
		}
		if err := es.Err(); err != nil {
			return nil, err
		}
		return func(ctx context.Context, w *org.Writer) (unitPreview, error) {
			us, err := w.Split(ctx, u.ID, parts, date)
			if err != nil {
				return prev, err
			}
			prev.Ending = []org.Unit{u}
			for i, pu := range us {
				prev.Parts = append(prev.Parts, previewPart{Unit: pu, New: parts[i].New != nil, Share: parts[i].Share})
			}
			prev.ResultID = us[0].ID
			return prev, nil
		}, nil
	case "close":
		return func(ctx context.Context, w *org.Writer) (unitPreview, error) {
			if _, err := w.Close(ctx, u.ID, date); err != nil {
				return prev, err
			}
			prev.Ending, prev.ResultID = []org.Unit{u}, u.ID
			return prev, nil
		}, nil
	}
	return nil, apperr.NotFound(translate(LangVI, "err.404"))
}

// opFields are the fields each form shows an error beside; other errors
// go above the form.
var opFields = map[string][]string{
	"create": {"date", "valid_from", "code", "name", "level", "kind"},
	"rename": {"date", "name"},
	"move":   {"date", "parent_id"},
	"merge":  {"date", "ids", "into", "code", "name", "kind", "parent_id", "valid_from"},
	"split":  {"date", "parts"},
	"close":  {"date"},
}

// Err is the error message for a field of the form ("date" covers the
// unit's start date too).
func (v unitOpView) Err(field string) string {
	if m := v.Errors.FieldKey(field); m != "" {
		return m
	}
	if field == "date" {
		return v.Errors.FieldKey("valid_from")
	}
	return ""
}

// OtherErrors are the messages that belong to no field of this form.
func (v unitOpView) OtherErrors() []string {
	var out []string
	for _, e := range v.Errors {
		if !slices.Contains(opFields[v.Op.Key], e.Field) && !strings.HasPrefix(e.Field, "part_share_") {
			out = append(out, legacyText(e.Key, e.Args))
		}
	}
	return out
}

// PartErr is the error beside row i of the split form.
func (v unitOpView) PartErr(i int) string { return v.Errors.FieldKey(fmt.Sprintf("part_share_%d", i)) }

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
