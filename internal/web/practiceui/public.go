package practiceui

import (
	"net/http"
	"strings"

	"github.com/danvan/danvan/internal/auth"
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

// publicShow shows a recognized model to anyone; a signed-in user (p)
// who may adopt it is offered to.
func (h *handlers) publicShow(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	pub, err := h.loadPublic(r)
	if err != nil {
		return err
	}
	v := publicView{Page: h.Page(w, r, "practice.public.title"), P: pub}
	v.Title = pub.Name
	if v.Results, err = h.store.Results(ctx, p, pub.ID); err != nil {
		return err
	}
	if v.Photos, err = h.store.PublicPhotos(ctx, pub.ID); err != nil {
		return err
	}
	if p != nil {
		us, err := h.store.AdoptionUnits(ctx, p, pub.ID, 1)
		if err != nil {
			return err
		}
		v.CanAdopt = len(us) > 0
	}
	h.tmpl.Render(w, r, http.StatusOK, "public", v)
	return nil
}

// loadPublic reads the {id} model when it is public (recognized): what
// its public page shows, to anyone.
func (h *handlers) loadPublic(r *http.Request) (practice.PublicPractice, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return practice.PublicPractice{}, err
	}
	return h.store.GetPublic(r.Context(), id)
}

// publicThumb serves the thumbnail of a photo of a recognized model.
func (h *handlers) publicThumb(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	id, fid, err := fileIDs(r)
	if err != nil {
		return err
	}
	f, body, err := h.store.OpenPublicThumb(r.Context(), id, fid)
	if err != nil {
		return err
	}
	h.sendFile(w, r, f, body, true, "public")
	return nil
}

type publicListView struct {
	kit.Page
	Q     string
	Rows  []practice.Practice
	Pager kit.Pager
}

// publicList lists recognized models for everyone, with a search.
func (h *handlers) publicList(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page, offset := kit.PageParams(r, kit.DefaultPageSize)
	rows, total, err := h.store.ListPublic(r.Context(), q, kit.DefaultPageSize, offset)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "public_list", publicListView{Page: h.Page(w, r, "practice.public.list"),
		Q: q, Rows: rows, Pager: kit.NewPager(r, page, kit.DefaultPageSize, total)})
	return nil
}
