package campaignui

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/campaign"
	"github.com/danvan/danvan/internal/campaign/sheet"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// pageSize is how many campaigns a page of the list shows.
const pageSize = kit.DefaultPageSize

// maxUpload bounds an uploaded sheet before it is read.
const maxUpload = 4 << 20

type listView struct {
	kit.Page
	Rows     []campaign.Campaign
	Total    int
	Pager    kit.Pager
	Units    []org.Unit
	Kinds    []campaign.Kind
	Filter   listFilter
	CanWrite bool
}

type listFilter struct{ Unit, Kind, Query string }

// list shows the campaigns the user may read, newest first.
func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	lf := listFilter{Unit: q.Get("don_vi"), Kind: q.Get("loai"), Query: q.Get("q")}
	page, offset := kit.PageParams(r, pageSize)
	rows, total, err := h.store.List(r.Context(), p, campaign.Filter{UnitID: kit.FormID(lf.Unit), Kind: campaign.Kind(lf.Kind), Query: lf.Query, Offset: offset, Limit: pageSize})
	if err != nil {
		return err
	}
	v := listView{Rows: rows, Total: total, Pager: kit.NewPager(r, page, pageSize, total), Kinds: campaign.Kinds, Filter: lf}
	if v.Units, v.CanWrite, err = h.ListUnits(r, p); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "campaignui.list.title")
	h.tmpl.Render(w, r, http.StatusOK, "list", v)
	return nil
}

// campaignForm is the new campaign's form as typed.
type campaignForm struct {
	Unit, Kind, Name, StartsOn, EndsOn, Target, Description string
	CountsHouseholds                                        bool
	Units                                                   []string
}

type formView struct {
	kit.Page
	Form   campaignForm
	Units  []org.Unit // the units the user may run campaigns of
	Below  []org.Unit // units that may take part: those below the user's units today
	Kinds  []campaign.Kind
	Errors kit.Errors
}

// Has reports whether the unit id was chosen to take part.
func (f campaignForm) Has(id int64) bool { return slices.Contains(f.Units, strconv.FormatInt(id, 10)) }

func (h *handlers) newForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.renderForm(w, r, p, campaignForm{Unit: r.URL.Query().Get("don_vi"), Kind: string(campaign.Poor)}, nil)
}

func (h *handlers) renderForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, f campaignForm, formErr error) error {
	ctx := r.Context()
	v := formView{Form: f, Kinds: campaign.Kinds, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	if len(v.Units) == 0 {
		return apperr.Forbidden("campaign.err.forbidden_write")
	}
	for _, u := range v.Units {
		kids, err := h.Org.Children(ctx, u.ID, h.Today())
		if err != nil {
			return err
		}
		v.Below = append(v.Below, kids...)
	}
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	v.Page = h.Page(w, r, "campaignui.new.title")
	h.tmpl.Render(w, r, status, "form", v)
	return nil
}

// create records a new campaign; a refused form comes back as typed.
func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := campaignForm{Unit: r.PostFormValue("unit"), Kind: r.PostFormValue("kind"), Name: r.PostFormValue("name"),
		StartsOn: r.PostFormValue("starts_on"), EndsOn: r.PostFormValue("ends_on"), Target: r.PostFormValue("target"),
		Description: r.PostFormValue("description"), CountsHouseholds: r.PostFormValue("counts_households") != "", Units: r.PostForm["units"]}
	c := campaign.Campaign{UnitID: kit.FormID(f.Unit), Kind: campaign.Kind(f.Kind), Name: f.Name, Description: f.Description, CountsHouseholds: f.CountsHouseholds}
	var es apperr.Errors
	var err error
	if c.StartsOn, err = kit.FormDay("starts_on", f.StartsOn); err != nil {
		es.Add("starts_on", "campaign.err.starts_on")
	}
	if strings.TrimSpace(f.EndsOn) != "" {
		if c.EndsOn, err = kit.FormDay("ends_on", f.EndsOn); err != nil {
			es.Add("ends_on", "campaign.err.ends_on")
		}
	}
	if strings.TrimSpace(f.Target) != "" {
		var ok bool
		if c.Target, ok = sheet.ParseAmount(f.Target); !ok {
			es.Add("target", "campaign.err.amount")
		}
	}
	for _, u := range f.Units {
		c.Units = append(c.Units, campaign.Unit{ID: kit.FormID(u)})
	}
	if es.Err() != nil {
		return h.renderForm(w, r, p, f, es.Err())
	}
	out, err := h.store.Create(r.Context(), p, c)
	if c := apperr.CodeOf(err); c == apperr.CodeInvalid {
		return h.renderForm(w, r, p, f, err)
	} else if err != nil {
		return err
	}
	h.SetFlash(w, r, "campaignui.flash.created")
	http.Redirect(w, r, fmt.Sprintf("/cuoc-van-dong/%d", out.ID), http.StatusSeeOther)
	return nil
}

// contributionForm is a contribution as typed.
type contributionForm struct{ Unit, Period, Money, InKind, Households, Note, Version string }

// childLine is a unit below the chosen one with its sums.
type childLine struct {
	ID   int64
	Name string
	campaign.Totals
}

type showView struct {
	kit.Page
	C        campaign.Campaign
	Unit     org.Unit // the unit rolled up to
	Units    []org.Unit
	Mapped   bool
	Period   string
	Total    campaign.Totals
	Children []childLine
	// Progress is the share of the target reached (money and in kind), 0 without a target.
	Progress      float64
	Contributions []campaign.Contribution
	Writable      []org.Unit            // the units whose contributions the user may record, below the chosen unit
	Directives    []directive.Directive // what the campaign carries out
	Form          contributionForm
	Errors        kit.Errors
	Imported      int
}

// Amount writes an amount in đồng the Vietnamese way.
func (v showView) Amount(f float64) string { return vntext.FormatNumber(f, 0) }

// Words writes an amount in words.
func (v showView) Words(f float64) string { return vntext.AmountWords(int64(f + 0.5)) }

// Target writes the campaign's target with its words.
func (v showView) Target() string { return vntext.AmountWithWords(v.C.Target) }

// show is a campaign's page: ?don_vi= the unit rolled up to (the
// campaign's own by default), ?ky= a period, ?cach=quy-doi the mapped view.
func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.renderShow(w, r, p, contributionForm{}, nil, 0)
}

func (h *handlers) renderShow(w http.ResponseWriter, r *http.Request, p *auth.Principal, f contributionForm, formErr error, imported int) error {
	ctx := r.Context()
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Get(ctx, p, id)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := showView{C: c, Mapped: q.Get("cach") == "quy-doi", Period: strings.TrimSpace(q.Get("ky")), Form: f, Errors: h.FormErrors(r, formErr), Imported: imported}
	unitID := kit.FormID(q.Get("don_vi"))
	if unitID == 0 {
		unitID = c.UnitID
		if ok, err := h.Auth.CanAny(ctx, p, auth.PermRead, c.UnitID); err != nil {
			return err
		} else if !ok {
			for _, u := range c.Units {
				if ok, err := h.Auth.CanAny(ctx, p, auth.PermRead, u.ID); err != nil {
					return err
				} else if ok {
					unitID = u.ID
					break
				}
			}
		}
	}
	if v.Unit, err = h.Org.Get(ctx, unitID, h.Today()); err != nil {
		return err
	}
	query := campaign.Query{CampaignID: c.ID, UnitID: unitID, Mapped: v.Mapped}
	if v.Period != "" {
		if query.Period, err = vntext.ParsePeriod(v.Period); err != nil {
			return apperr.Invalid("period", "campaign.err.period")
		}
	}
	total, kids, err := h.store.Rollup(ctx, p, query)
	if err != nil {
		return err
	}
	v.Total = total
	if c.Target > 0 {
		v.Progress = total.Total() / float64(c.Target)
	}
	names, err := h.Org.NamesOn(ctx, mapKeys(kids), h.Today())
	if err != nil {
		return err
	}
	for id, t := range kids {
		v.Children = append(v.Children, childLine{ID: id, Name: names[id], Totals: t})
	}
	slices.SortFunc(v.Children, func(a, b childLine) int { return vntext.Compare(a.Name, b.Name) })
	if v.Directives, err = h.directives.For(ctx, p, directive.Campaign, c.ID); err != nil {
		return err
	}
	if v.Contributions, err = h.store.Contributions(ctx, p, c.ID, unitID, 200); err != nil {
		return err
	}
	if v.Units, err = h.Auth.GrantedUnits(ctx, p, auth.PermRead, h.Today()); err != nil {
		return err
	}
	sub, err := h.Org.Subtree(ctx, unitID, h.Today())
	if err != nil {
		return err
	}
	for _, u := range sub {
		if ok, err := h.Auth.CanAny(ctx, p, auth.PermWrite, u.ID); err != nil {
			return err
		} else if ok {
			v.Writable = append(v.Writable, u)
		}
		if len(v.Writable) >= 500 {
			break
		}
	}
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	v.Page = h.Page(w, r, "campaignui.show.title")
	v.Page.Title = c.Name
	h.tmpl.Render(w, r, status, "show", v)
	return nil
}

func mapKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// contribute records a unit's contribution for a period.
func (h *handlers) contribute(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	f := contributionForm{Unit: r.PostFormValue("unit"), Period: r.PostFormValue("period"), Money: r.PostFormValue("money"),
		InKind: r.PostFormValue("in_kind"), Households: r.PostFormValue("households"), Note: r.PostFormValue("note"), Version: r.PostFormValue("version")}
	k := campaign.Contribution{CampaignID: id, UnitID: kit.FormID(f.Unit), Note: f.Note}
	var es apperr.Errors
	if k.Period, err = vntext.ParsePeriod(f.Period); err != nil {
		es.Add("period", "campaign.err.period")
	}
	for _, x := range []struct {
		field, in string
		dst       *int64
	}{{"money", f.Money, &k.Money}, {"in_kind", f.InKind, &k.InKind}, {"households", f.Households, &k.Households}} {
		if strings.TrimSpace(x.in) == "" {
			continue
		}
		var ok bool
		if *x.dst, ok = sheet.ParseAmount(x.in); !ok {
			es.Add(x.field, "campaign.err.amount")
		}
	}
	k.Version, _ = strconv.ParseInt(strings.TrimSpace(f.Version), 10, 64)
	err = es.Err()
	if err == nil {
		_, err = h.store.Record(r.Context(), p, k)
	}
	switch c := apperr.CodeOf(err); {
	case err == nil:
	case c == apperr.CodeInvalid || c == apperr.CodeConflict:
		return h.renderShow(w, r, p, f, err, 0)
	default:
		return err
	}
	h.SetFlash(w, r, "campaignui.flash.recorded")
	http.Redirect(w, r, fmt.Sprintf("/cuoc-van-dong/%d", id), http.StatusSeeOther)
	return nil
}

// importSheet records the contributions of an uploaded sheet, all or
// nothing.
func (h *handlers) importSheet(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	n, err := h.importFile(r, p, id)
	switch c := apperr.CodeOf(err); {
	case err == nil:
		return h.renderShow(w, r, p, contributionForm{}, nil, n)
	case c == apperr.CodeInvalid || c == apperr.CodeConflict:
		return h.renderShow(w, r, p, contributionForm{}, err, 0)
	default:
		return err
	}
}

// template sends the blank contributions sheet for the period ?ky=
// (this year by default), to fill in and import.
func (h *handlers) template(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	var per vntext.Period
	if code := strings.TrimSpace(r.URL.Query().Get("ky")); code != "" {
		if per, err = vntext.ParsePeriod(code); err != nil {
			return apperr.Invalid("ky", "campaign.err.period")
		}
	}
	data, per, err := h.store.Template(r.Context(), p, id, per)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": fmt.Sprintf("dong-gop-%d-%s.xlsx", id, per)}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
	return nil
}

func (h *handlers) importFile(r *http.Request, p *auth.Principal, id int64) (int, error) {
	file, _, err := r.FormFile("tep")
	if err != nil {
		return 0, apperr.Invalid("file", "campaignui.import.nofile")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxUpload+1))
	if err != nil {
		return 0, apperr.Invalid("file", "campaign.err.file")
	}
	if len(data) > maxUpload {
		return 0, apperr.Invalid("file", "campaignui.import.too_big", 4)
	}
	return h.store.Import(r.Context(), p, id, data)
}

// MaxFile is the largest contributions sheet the import reads, for the
// browser's check before it sends one.
func (showView) MaxFile() int64 { return maxUpload }
