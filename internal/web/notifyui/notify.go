// Package notifyui shows a person their reminders in the app and lets
// them choose which kinds they receive (/nhac-viec).
package notifyui

import (
	"embed"
	"io/fs"
	"net/http"
	"slices"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/notify"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templates embed.FS

type handlers struct {
	*kit.Kit
	tmpl     *kit.Templates
	notifier *notify.Notifier
}

// Mount returns the routes of the reminders page.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, notifier: notify.New(k.DB, notify.Config{Now: k.Now})}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET /nhac-viec", Handler: k.Signed(h.show)},
			{Pattern: "POST /nhac-viec", Handler: k.Signed(h.save)},
		},
		Nav: []kit.NavLink{{Href: "/nhac-viec", Key: "notify.nav", Show: kit.SignedIn}},
	}, nil
}

// kindChoice is one kind on the page: its key and whether it is received.
type kindChoice struct {
	Kind     notify.Kind
	Received bool
}

type view struct {
	kit.Page
	Day       string // the day the reminders were made, "" when none
	Reminders []notify.Reminder
	Kinds     []kindChoice
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rs, day, err := h.notifier.Reminders(r.Context(), p)
	if err != nil {
		return err
	}
	off, err := h.notifier.Unsubscribed(r.Context(), p)
	if err != nil {
		return err
	}
	v := view{Page: h.Page(w, r, "notify.title"), Reminders: rs}
	if !day.IsZero() {
		v.Day = day.Format("02/01/2006")
	}
	for _, k := range h.notifier.Kinds() {
		v.Kinds = append(v.Kinds, kindChoice{Kind: k, Received: !slices.Contains(off, k)})
	}
	h.tmpl.Render(w, r, http.StatusOK, "reminders", v)
	return nil
}

// save keeps the kinds ticked and unsubscribes from the others.
func (h *handlers) save(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	var off []notify.Kind
	for _, k := range h.notifier.Kinds() {
		if r.PostForm.Get("nhan_"+string(k)) == "" {
			off = append(off, k)
		}
	}
	if err := h.notifier.SetUnsubscribed(r.Context(), p, off); err != nil {
		return err
	}
	h.SetFlash(w, r, "notify.saved")
	http.Redirect(w, r, "/nhac-viec", http.StatusSeeOther)
	return nil
}
