// Package searchui serves the one search over every kind of record: the
// results page of signed-in users (/tim-kiem) with its filters by kind,
// unit and period, grouped by kind with the matching words marked; the
// public portal's search of published articles (/tra-cuu); and the API
// (/api/v1/search). Handlers parse and render; package search decides
// what each reader may find.
package searchui

import (
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/search"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

// pageSize is how many hits a page shows.
const pageSize = 20

type handlers struct {
	*kit.Kit
	tmpl  *kit.Templates
	index *search.Store
}

// Mount returns the search routes.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, index: search.NewStore(k.DB, k.Auth)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /tim-kiem", Handler: k.Signed(h.results)},
			{Pattern: "GET /tra-cuu", Handler: k.Public(h.public)},
			{Pattern: "GET /api/v1/search", Handler: k.API(h.apiSearch)},
		},
	}, nil
}

// Path returns the page of a hit's record ("" when it has none).
func Path(h search.Hit) string {
	id := strconv.FormatInt(h.ID, 10)
	switch h.Kind {
	case search.KindPerson:
		return "/nguoi/" + id
	case search.KindUnit:
		return "/don-vi/" + id
	case search.KindConference:
		return "/hoi-nghi/" + id
	case search.KindTask:
		return "/nhiem-vu/" + id
	case search.KindPractice:
		return "/mo-hinh/" + id
	case search.KindReport:
		return "/bao-cao/" + id
	case search.KindDocument:
		return "/van-ban/" + id
	case search.KindPetition:
		return "/cong-dan/don/" + id
	case search.KindDialogue:
		return "/cong-dan/doi-thoai/" + id
	case search.KindMediation:
		return "/cong-dan/vu-viec-hoa-giai/" + id
	case search.KindCommendation:
		return "/khen-thuong/" + id
	case search.KindArticle:
		return h.ArticlePath
	}
	return ""
}

// hitView is a hit with its words marked.
type hitView struct {
	search.Hit
	Path    string
	Title   []search.Segment
	Snippet []search.Segment
}

// group is the hits of one kind on the page.
type group struct {
	Kind  search.Kind
	Total int
	More  string // the link to every hit of the kind, when the page shows some
	Hits  []hitView
}

// kindChip is one choice of the kind filter.
type kindChip struct {
	Kind    search.Kind // "" for every kind
	Count   int
	Href    string
	Current bool
}

type resultsView struct {
	kit.Page
	Query   string
	Kind    search.Kind
	Unit    string
	Period  string
	Units   []org.Unit
	Chips   []kindChip
	Groups  []group
	Total   int
	Typo    bool
	More    bool // the counts stop at search.MaxCounted
	Pager   kit.Pager
	Public  bool
	Started bool // a query was typed
}

// results is the search page of a signed-in user.
func (h *handlers) results(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.render(w, r, p, false)
}

// public is the portal's search: published articles only.
func (h *handlers) public(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.render(w, r, nil, true)
}

func (h *handlers) render(w http.ResponseWriter, r *http.Request, p *auth.Principal, public bool) error {
	q := r.URL.Query()
	v := resultsView{Query: q.Get("q"), Kind: search.Kind(q.Get("loai")), Unit: q.Get("don_vi"), Period: q.Get("ky"), Public: public}
	page, _ := kit.PageParams(r, pageSize)
	sq := search.Query{Text: v.Query, Period: v.Period, Page: page, PerPage: pageSize, Public: public}
	if v.Kind != "" {
		sq.Kinds = []search.Kind{v.Kind}
	}
	if !public {
		sq.UnitID = kit.FormID(v.Unit)
	}
	res, err := h.index.Search(r.Context(), p, sq)
	if err != nil {
		return err
	}
	v.Started = strings.TrimSpace(v.Query) != ""
	v.Total, v.Typo, v.More = res.Total, res.Typo, res.More
	v.Pager = kit.NewPager(r, page, pageSize, res.Total)
	link := func(k search.Kind) string {
		lq := r.URL.Query()
		lq.Del("trang")
		lq.Del("lang")
		if k == "" {
			lq.Del("loai")
		} else {
			lq.Set("loai", string(k))
		}
		return r.URL.Path + "?" + lq.Encode()
	}
	all := 0
	for _, k := range search.Kinds {
		all += res.ByKind[k]
	}
	if v.Started && all > 0 {
		v.Chips = append(v.Chips, kindChip{Count: all, Href: link(""), Current: v.Kind == ""})
		for _, k := range search.Kinds {
			if n := res.ByKind[k]; n > 0 || k == v.Kind {
				v.Chips = append(v.Chips, kindChip{Kind: k, Count: n, Href: link(k), Current: k == v.Kind})
			}
		}
	}
	for _, k := range search.Kinds {
		var g group
		for _, hit := range res.Hits {
			if hit.Kind != k {
				continue
			}
			g.Hits = append(g.Hits, hitView{Hit: hit, Path: Path(hit),
				Title: search.Highlight(hit.Title, res.Words), Snippet: search.Highlight(hit.Snippet, res.Words)})
		}
		if len(g.Hits) == 0 {
			continue
		}
		g.Kind, g.Total = k, res.ByKind[k]
		if v.Kind == "" && g.Total > len(g.Hits) {
			g.More = link(k)
		}
		v.Groups = append(v.Groups, g)
	}
	if !public {
		if v.Units, err = h.Auth.GrantedUnits(r.Context(), p, auth.PermRead, h.Today()); err != nil {
			return err
		}
		v.Page = h.Page(w, r, "searchui.title")
	} else {
		v.Page = h.Page(w, r, "searchui.public.title")
	}
	h.tmpl.Render(w, r, http.StatusOK, "results", v)
	return nil
}
