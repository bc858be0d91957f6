package practiceui

import (
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/kit"
)

// The public pages show what the store marks public: recognized models
// (GetPublic, ListPublic) with their results and photos, to anyone.

type publicView struct {
	kit.Page
	P        practice.PublicPractice
	Results  []practice.Result
	Photos   []practice.File
	CanAdopt bool
}

func (h *handlers) publicShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := kit.PathID(r, "id")
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	pub, err := h.store.GetPublic(ctx, id)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	v := publicView{Page: h.Page(w, r, "practice.public.title"), P: pub}
	v.Title = pub.Name
	p := kit.Principal(r)
	if v.Results, err = h.store.Results(ctx, p, id); err != nil {
		h.Fail(w, r, err)
		return
	}
	if v.Photos, err = h.store.PublicPhotos(ctx, id); err != nil {
		h.Fail(w, r, err)
		return
	}
	if p != nil {
		us, err := h.store.AdoptionUnits(ctx, p, id, 1)
		if err != nil {
			h.Fail(w, r, err)
			return
		}
		v.CanAdopt = len(us) > 0
	}
	h.tmpl.Render(w, r, http.StatusOK, "public", v)
}

// publicThumb serves the thumbnail of a photo of a recognized model.
func (h *handlers) publicThumb(w http.ResponseWriter, r *http.Request) {
	id, err := kit.PathID(r, "id")
	var fid int64
	if err == nil {
		fid, err = kit.PathID(r, "fid")
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	f, body, err := h.store.OpenPublicThumb(r.Context(), id, fid)
	h.sendFile(w, r, f, body, err, true, "public")
}

type publicListView struct {
	kit.Page
	Q     string
	Rows  []practice.Practice
	Pager kit.Pager
}

// publicList lists recognized models for everyone, with a search.
func (h *handlers) publicList(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page, offset := kit.PageParams(r, kit.DefaultPageSize)
	rows, total, err := h.store.ListPublic(r.Context(), q, kit.DefaultPageSize, offset)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.tmpl.Render(w, r, http.StatusOK, "public_list", publicListView{Page: h.Page(w, r, "practice.public.list"),
		Q: q, Rows: rows, Pager: kit.NewPager(r, page, kit.DefaultPageSize, total)})
}
