package portalui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/kit"
)

// Polls: the list of a site's polls (a public page like the others), a
// poll's page for one browser (the form until it has voted, then the
// results; everyone sees the results of a closed poll), the vote, and
// the editors' page that opens and closes polls.

// voterCookie holds the browser's signed voter id.
const voterCookie = "danvan_voter"

type pollsView struct {
	base
	Polls []portal.Poll
	Now   time.Time
}

func (h *handlers) polls(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	polls, err := h.store.PublicPolls(r.Context(), st.ID)
	if err != nil {
		return err
	}
	now := h.store.Now()
	for _, pl := range polls {
		if !pl.ClosesAt.IsZero() && pl.ClosesAt.After(now) && (m.stamp.NextDue.IsZero() || pl.ClosesAt.Before(m.stamp.NextDue)) {
			m.stamp.NextDue = pl.ClosesAt // the list changes when a poll closes by itself
		}
	}
	heading := h.T(r, "portalui.polls")
	h.tmpl.Render(w, r, http.StatusOK, "polls", pollsView{base: h.baseFor(r, st, heading+" – "+st.Name,
		h.T(r, "portalui.polls.desc", st.Name), "tham-do"), Polls: polls, Now: now})
	return nil
}

type pollView struct {
	base
	CSRF    string
	Poll    portal.Poll
	Results bool
	Closed  bool
	Chosen  int64
	Errors  kit.Errors
}

// pollFor reads the site and the poll of the path.
func (h *handlers) pollFor(r *http.Request) (portal.Site, portal.Poll, error) {
	st, err := h.store.PublicSite(r.Context(), r.PathValue("site"))
	if err != nil {
		return portal.Site{}, portal.Poll{}, err
	}
	id, err := kit.PathID(r, "id")
	if err != nil {
		return portal.Site{}, portal.Poll{}, err
	}
	pl, err := h.store.PublicPoll(r.Context(), st.ID, id)
	return st, pl, err
}

// voter returns the browser's voter id, giving it one when it has none.
func (h *handlers) voter(w http.ResponseWriter, r *http.Request) (string, error) {
	if c, err := r.Cookie(voterCookie); err == nil {
		id, err := h.store.VoterOf(r.Context(), c.Value)
		if err != nil || id != "" {
			return id, err
		}
	}
	v, err := h.store.NewVoter(r.Context())
	if err != nil {
		return "", err
	}
	http.SetCookie(w, &http.Cookie{Name: voterCookie, Value: v, Path: "/", MaxAge: 400 * 24 * 3600, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || (h.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")})
	id, err := h.store.VoterOf(r.Context(), v)
	return id, err
}

func (h *handlers) pollPage(w http.ResponseWriter, r *http.Request, st portal.Site, pl portal.Poll, voter string, errs kit.Errors, status int) error {
	chosen, err := h.store.Voted(r.Context(), pl.ID, voter)
	if err != nil {
		return err
	}
	closed := pl.Closed(h.store.Now())
	b := h.baseFor(r, st, pl.Question+" – "+st.Name, pl.Question, "tham-do")
	v := pollView{base: b, CSRF: kit.CSRFToken(r), Poll: pl, Closed: closed, Chosen: chosen, Results: closed || chosen != 0, Errors: errs}
	w.Header().Set("Cache-Control", "no-store")
	h.tmpl.Render(w, r, status, "poll", v)
	return nil
}

func (h *handlers) pollShow(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, pl, err := h.pollFor(r)
	if err != nil {
		return err
	}
	voter, err := h.voter(w, r)
	if err != nil {
		return err
	}
	return h.pollPage(w, r, st, pl, voter, nil, http.StatusOK)
}

func (h *handlers) pollVote(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, pl, err := h.pollFor(r)
	if err != nil {
		return err
	}
	voter, err := h.voter(w, r)
	if err != nil {
		return err
	}
	err = h.store.Vote(r.Context(), st.ID, pl.ID, kit.FormID(r.PostFormValue("option")), voter, audit.ActorFrom(r.Context()).Addr)
	if err != nil {
		if !isUserError(err) && apperr.CodeOf(err) != apperr.CodeConflict {
			return err
		}
		return h.pollPage(w, r, st, pl, voter, h.FormErrors(r, err), kit.Status(err))
	}
	http.Redirect(w, r, "/trang/"+st.Slug+"/tham-do/"+strconv.FormatInt(pl.ID, 10), http.StatusSeeOther)
	return nil
}

// ---- the editors' side

type editorPollsView struct {
	kit.Page
	Site       portal.Site
	Polls      []portal.Poll
	Input      portal.PollInput
	Closes     string
	Errors     kit.Errors
	CanApprove bool
	Now        time.Time
}

func (h *handlers) editorPollsPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, st portal.Site, in portal.PollInput, closes string,
	errs kit.Errors, status int) error {
	polls, err := h.store.Polls(r.Context(), p, st.ID)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, status, "editor/polls", editorPollsView{Page: h.Page(w, r, "portalui.polls"), Site: st, Polls: polls, Input: in,
		Closes: closes, Errors: errs, CanApprove: h.store.Can(r.Context(), p, auth.PermApprove, st), Now: h.store.Now()})
	return nil
}

func (h *handlers) editorPolls(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	return h.editorPollsPage(w, r, p, st, portal.PollInput{}, "", nil, http.StatusOK)
}

func (h *handlers) pollCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	in := portal.PollInput{Question: r.PostFormValue("question"), Options: r.PostFormValue("options")}
	closes := r.PostFormValue("closes_at")
	if in.ClosesAt, err = formMoment(closes); err == nil {
		_, err = h.store.CreatePoll(r.Context(), p, st.ID, in)
	}
	if err != nil {
		if !isUserError(err) {
			return err
		}
		return h.editorPollsPage(w, r, p, st, in, closes, h.FormErrors(r, err), kit.Status(err))
	}
	h.SetFlash(w, r, "portalui.flash.poll_opened")
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(st.ID, 10)+"/tham-do", http.StatusSeeOther)
	return nil
}

func (h *handlers) pollClose(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.confirmed(w, r, p, "tham-do", "portalui.flash.poll_closed", h.store.ClosePoll)
}
