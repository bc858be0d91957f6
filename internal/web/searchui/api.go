package searchui

import (
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/search"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiHit is one record found, in the API.
type apiHit struct {
	Kind    string `json:"kind"`
	ID      int64  `json:"id"`
	UnitID  int64  `json:"unit_id"`
	Unit    string `json:"unit"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
	Day     string `json:"day,omitempty"`
	Path    string `json:"path,omitempty"`
}

// apiResult is the API's answer: a page of hits, their total and the
// counts of every kind within the caller's scope.
type apiResult struct {
	kit.List[apiHit]
	ByKind map[string]int `json:"by_kind"`
	Typo   bool           `json:"typo"`
	// More: more matched than the counts read (search.MaxCounted).
	More bool `json:"more"`
}

// apiSearch: GET /api/v1/search?q=&kind=&unit=&period=&limit=&offset=
// (offset is taken down to a multiple of limit; limit at most 100).
func (h *handlers) apiSearch(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	limit = min(limit, search.MaxPerPage)
	sq := search.Query{Text: q.Get("q"), Period: q.Get("period"), UnitID: kit.FormID(q.Get("unit")), Page: offset/limit + 1, PerPage: limit}
	for _, k := range q["kind"] {
		sq.Kinds = append(sq.Kinds, search.Kind(k))
	}
	res, err := h.index.Search(r.Context(), p, sq)
	if err != nil {
		return err
	}
	out := apiResult{List: kit.ListOf(res.Total, res.Hits, func(hit search.Hit) apiHit {
		a := apiHit{Kind: string(hit.Kind), ID: hit.ID, UnitID: hit.UnitID, Unit: hit.UnitName, Title: hit.Title, Snippet: hit.Snippet, Path: Path(hit)}
		if !hit.Day.IsZero() {
			a.Day = hit.Day.Format(time.DateOnly)
		}
		return a
	}), ByKind: map[string]int{}, Typo: res.Typo, More: res.More}
	for k, n := range res.ByKind {
		out.ByKind[string(k)] = n
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}
