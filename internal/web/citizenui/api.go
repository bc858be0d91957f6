package citizenui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// iso writes a day as YYYY-MM-DD, "" for none.
func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

type apiPetitioner struct {
	Name     string `json:"name"`
	Address  string `json:"address,omitempty"`
	Phone    string `json:"phone,omitempty"`
	IDNumber string `json:"id_number,omitempty"`
}

type apiEvent struct {
	On       string `json:"on"`
	Kind     string `json:"kind"`
	UnitID   int64  `json:"unit_id"`
	ToUnitID int64  `json:"to_unit_id,omitempty"`
	Body     string `json:"body,omitempty"`
	Author   string `json:"author,omitempty"`
}

type apiPetition struct {
	ID             int64  `json:"id"`
	UnitID         int64  `json:"unit_id"`
	Unit           string `json:"unit"`
	ReceivedUnitID int64  `json:"received_unit_id"`
	Kind           string `json:"kind"`
	Source         string `json:"source"`
	ReceivedOn     string `json:"received_on"`
	Subject        string `json:"subject"`
	Place          string `json:"place,omitempty"`
	Signatories    int    `json:"signatories"`
	Complex        bool   `json:"complex"`
	Remote         bool   `json:"remote"`
	Status         string `json:"status"`
	ClockFrom      string `json:"clock_from"`
	AcceptDue      string `json:"accept_due"`
	AcceptedOn     string `json:"accepted_on,omitempty"`
	ResolveDue     string `json:"resolve_due,omitempty"`
	Extensions     int    `json:"extensions"`
	ResolvedOn     string `json:"resolved_on,omitempty"`
	ClosedOn       string `json:"closed_on,omitempty"`
	DueOn          string `json:"due_on,omitempty"`
	Late           bool   `json:"late"`
	Version        int64  `json:"version"`
	// Petitioner is absent from lists, and for a denunciation from anyone
	// but its handlers (petitioner_hidden is then true).
	Petitioner *apiPetitioner `json:"petitioner,omitempty"`
	Hidden     bool           `json:"petitioner_hidden"`
	Content    string         `json:"content,omitempty"`
	Outcome    string         `json:"outcome,omitempty"`
	Handlers   []int64        `json:"handlers,omitempty"`
	History    []apiEvent     `json:"history,omitempty"`
}

func toAPIPetition(p citizen.Petition, today time.Time) apiPetition {
	return apiPetition{ID: p.ID, UnitID: p.UnitID, Unit: p.UnitName, ReceivedUnitID: p.ReceivedUnitID, Kind: string(p.Kind),
		Source: string(p.Source), ReceivedOn: iso(p.ReceivedOn), Subject: p.Subject, Place: p.Place, Signatories: p.Signatories,
		Complex: p.Complex, Remote: p.Remote, Status: string(p.Status), ClockFrom: iso(p.ClockFrom), AcceptDue: iso(p.AcceptDue),
		AcceptedOn: iso(p.AcceptedOn), ResolveDue: iso(p.ResolveDue), Extensions: p.Extensions, ResolvedOn: iso(p.ResolvedOn),
		ClosedOn: iso(p.ClosedOn), DueOn: iso(p.DueOn), Late: p.Late(today), Version: p.Version, Hidden: p.Hidden}
}

func (h *handlers) apiPetitions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	today := h.cases.Today()
	f := citizen.PetitionFilter{Kind: citizen.Kind(q.Get("kind")), Status: citizen.Status(q.Get("status")), Query: q.Get("q"),
		Limit: limit, Offset: offset}
	if u := q.Get("unit"); u != "" {
		if f.UnitID = kit.FormID(u); f.UnitID == 0 {
			return apperr.Invalid("unit", "citizen.err.unit")
		}
	}
	switch q.Get("due") {
	case "":
	case "week":
		f.DueFrom, f.DueTo = today, today.AddDate(0, 0, 6)
	case "late":
		f.DueTo = today.AddDate(0, 0, -1)
	case "open":
		f.Open = true
	default:
		return apperr.Invalid("due", "citizenui.err.due")
	}
	rows, total, err := h.cases.Petitions(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, func(pt citizen.Petition) apiPetition { return toAPIPetition(pt, today) }))
	return nil
}

// apiPetitionDetail is a petition with its content, sender (when the
// caller may see it), handlers and history.
func (h *handlers) apiPetitionDetail(r *http.Request, p *auth.Principal, pt citizen.Petition) (apiPetition, error) {
	out := toAPIPetition(pt, h.cases.Today())
	out.Content, out.Outcome = pt.Content, pt.Outcome
	if !pt.Hidden {
		pe := pt.Petitioner
		out.Petitioner = &apiPetitioner{Name: pe.Name, Address: pe.Address, Phone: pe.Phone, IDNumber: pe.IDNumber}
	}
	for _, hd := range pt.Handlers {
		out.Handlers = append(out.Handlers, hd.UserID)
	}
	ev, err := h.cases.Events(r.Context(), p, pt.ID)
	if err != nil {
		return out, err
	}
	for _, e := range ev {
		out.History = append(out.History, apiEvent{On: iso(e.On), Kind: e.Kind, UnitID: e.UnitID, ToUnitID: e.ToUnitID, Body: e.Body, Author: e.Author})
	}
	return out, nil
}

func (h *handlers) apiPetition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pt, err := byPath(r, p, h.cases.Petition)
	if err != nil {
		return err
	}
	out, err := h.apiPetitionDetail(r, p, pt)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}

// apiPetitionInput is the body of POST /api/v1/petitions.
type apiPetitionInput struct {
	UnitID      int64         `json:"unit_id"`
	Kind        string        `json:"kind"`
	Source      string        `json:"source"`
	ReceptionID int64         `json:"reception_id"`
	ReceivedOn  string        `json:"received_on"`
	Subject     string        `json:"subject"`
	Content     string        `json:"content"`
	Place       string        `json:"place"`
	Signatories int           `json:"signatories"`
	Complex     bool          `json:"complex"`
	Remote      bool          `json:"remote"`
	Petitioner  apiPetitioner `json:"petitioner"`
}

func (h *handlers) apiPetitionCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiPetitionInput
	if err := kit.ReadJSON(w, r, 256<<10, &in); err != nil {
		return err
	}
	np := citizen.NewPetition{UnitID: in.UnitID, Kind: citizen.Kind(in.Kind), Source: citizen.Source(in.Source), ReceptionID: in.ReceptionID,
		Subject: in.Subject, Content: in.Content, Place: in.Place, Signatories: in.Signatories, Complex: in.Complex, Remote: in.Remote,
		Petitioner: citizen.Petitioner{Name: in.Petitioner.Name, Address: in.Petitioner.Address, Phone: in.Petitioner.Phone, IDNumber: in.Petitioner.IDNumber}}
	var err error
	if np.ReceivedOn, err = kit.APIDay("received_on", in.ReceivedOn); err != nil {
		return err
	}
	pt, err := h.cases.CreatePetition(r.Context(), p, np)
	if err != nil {
		return err
	}
	out, err := h.apiPetitionDetail(r, p, pt)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusCreated, out)
	return nil
}

func (h *handlers) apiPetitionAct(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pt, err := byPath(r, p, h.cases.Petition)
	if err != nil {
		return err
	}
	var in struct {
		Action  string `json:"action"`
		On      string `json:"on"`
		Body    string `json:"body"`
		ToUnit  int64  `json:"to_unit_id"`
		Complex bool   `json:"complex"`
		Version int64  `json:"version"`
	}
	if err := kit.ReadJSON(w, r, 64<<10, &in); err != nil {
		return err
	}
	a := citizen.Action{ID: pt.ID, Version: in.Version, Kind: in.Action, Body: in.Body, ToUnit: in.ToUnit, Complex: in.Complex}
	if a.On, err = kit.APIDay("on", in.On); err != nil {
		return err
	}
	after, err := h.cases.Act(r.Context(), p, a)
	if err != nil {
		return err
	}
	ok, err := h.Auth.CanAny(r.Context(), p, auth.PermRead, after.UnitID, after.ReceivedUnitID)
	if err != nil {
		return err
	}
	if !ok {
		// Transferred out of the caller's reach: the step is taken, the
		// petition is no longer theirs to read.
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	out, err := h.apiPetitionDetail(r, p, after)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, out)
	return nil
}

type apiDue struct {
	Kind    string  `json:"kind"`
	ID      int64   `json:"id"`
	UnitID  int64   `json:"unit_id"`
	Title   string  `json:"title"`
	DueOn   string  `json:"due_on"`
	Late    bool    `json:"late"`
	UserIDs []int64 `json:"user_ids"`
	Link    string  `json:"link"`
}

func (h *handlers) apiDue(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	today := h.cases.Today()
	to, err := kit.APIDay("to", q.Get("to"))
	if err != nil {
		return err
	}
	if to.IsZero() {
		to = today.AddDate(0, 0, 6)
	}
	from, err := kit.APIDay("from", q.Get("from"))
	if err != nil {
		return err
	}
	limit, _ := kit.APIPage(r)
	items, err := h.cases.Due(r.Context(), p, from, to, limit)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(len(items), items, func(d citizen.DueItem) apiDue {
		return apiDue{Kind: d.Kind, ID: d.ID, UnitID: d.UnitID, Title: d.Title, DueOn: iso(d.DueOn), Late: d.Late(today),
			UserIDs: append([]int64{}, d.UserIDs...), Link: d.Link()}
	}))
	return nil
}

type apiIssue struct {
	ID                int64  `json:"id"`
	RaisedBy          string `json:"raised_by,omitempty"`
	Content           string `json:"content"`
	Answer            string `json:"answer,omitempty"`
	AnsweredOn        string `json:"answered_on,omitempty"`
	ResponsibleUnitID int64  `json:"responsible_unit_id,omitempty"`
	DueOn             string `json:"due_on,omitempty"`
	Status            string `json:"status"`
	Late              bool   `json:"late"`
}

type apiDialogue struct {
	ID          int64      `json:"id"`
	UnitID      int64      `json:"unit_id"`
	Unit        string     `json:"unit"`
	Topic       string     `json:"topic"`
	HeadName    string     `json:"head_name"`
	HeadTitle   string     `json:"head_title,omitempty"`
	PlannedOn   string     `json:"planned_on"`
	Place       string     `json:"place,omitempty"`
	Link        string     `json:"link,omitempty"`
	AnnouncedOn string     `json:"announced_on,omitempty"`
	Status      string     `json:"status"`
	HeldOn      string     `json:"held_on,omitempty"`
	Attendance  int        `json:"attendance"`
	PublishedOn string     `json:"published_on,omitempty"`
	Warnings    []string   `json:"warnings"`
	Issues      []apiIssue `json:"issues,omitempty"`
}

func (h *handlers) toAPIDialogue(r *http.Request, d citizen.Dialogue, set citizen.Settings, today time.Time) apiDialogue {
	out := apiDialogue{ID: d.ID, UnitID: d.UnitID, Unit: d.UnitName, Topic: d.Topic, HeadName: d.HeadName, HeadTitle: d.HeadTitle,
		PlannedOn: iso(d.PlannedOn), Place: d.Place, Link: d.Link, AnnouncedOn: iso(d.AnnouncedOn), Status: d.Status, HeldOn: iso(d.HeldOn),
		Attendance: d.Attendance, PublishedOn: iso(d.PublishedOn), Warnings: []string{}}
	for _, m := range d.Warnings(today, set) {
		out.Warnings = append(out.Warnings, h.Text(r, m))
	}
	for _, i := range d.Issues {
		out.Issues = append(out.Issues, apiIssue{ID: i.ID, RaisedBy: i.RaisedBy, Content: i.Content, Answer: i.Answer,
			AnsweredOn: iso(i.AnsweredOn), ResponsibleUnitID: i.ResponsibleUnitID, DueOn: iso(i.DueOn), Status: i.Status, Late: i.Late(today)})
	}
	return out
}

func (h *handlers) apiDialogues(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	f := citizen.DialogueFilter{Query: q.Get("q"), Limit: limit, Offset: offset}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 2000 || n > 2100 {
			return apperr.Invalid("year", "citizenui.err.year")
		}
		f.Year = n
	}
	if u := q.Get("unit"); u != "" {
		if f.UnitID = kit.FormID(u); f.UnitID == 0 {
			return apperr.Invalid("unit", "citizen.err.unit")
		}
	}
	ds, total, err := h.cases.Dialogues(r.Context(), p, f)
	if err != nil {
		return err
	}
	set, err := h.cases.Settings(r.Context())
	if err != nil {
		return err
	}
	today := h.cases.Today()
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, ds, func(d citizen.Dialogue) apiDialogue { return h.toAPIDialogue(r, d, set, today) }))
	return nil
}

func (h *handlers) apiDialogue(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	d, err := byPath(r, p, h.cases.Dialogue)
	if err != nil {
		return err
	}
	set, err := h.cases.Settings(r.Context())
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, h.toAPIDialogue(r, d, set, h.cases.Today()))
	return nil
}

type apiParty struct {
	Name      string `json:"name"`
	BirthYear int    `json:"birth_year,omitempty"`
	Address   string `json:"address,omitempty"`
}

type apiCase struct {
	ID         int64      `json:"id"`
	Number     int        `json:"number"`
	ReceivedOn string     `json:"received_on"`
	MediatedOn string     `json:"mediated_on,omitempty"`
	Mediators  string     `json:"mediators,omitempty"`
	Parties    []apiParty `json:"parties"`
	Matter     string     `json:"matter"`
	Category   string     `json:"category"`
	Agreement  string     `json:"agreement,omitempty"`
	Result     string     `json:"result"`
	Notes      string     `json:"notes,omitempty"`
}

func (h *handlers) apiLogbook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := byPath(r, p, h.cases.Team)
	if err != nil {
		return err
	}
	year := h.cases.Today().Year()
	if y := r.URL.Query().Get("year"); y != "" {
		if year, err = strconv.Atoi(y); err != nil || year < 2000 || year > 2100 {
			return apperr.Invalid("year", "citizenui.err.year")
		}
	}
	cs, err := h.cases.Logbook(r.Context(), p, t.ID, year)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(len(cs), cs, func(c citizen.Case) apiCase {
		out := apiCase{ID: c.ID, Number: c.Number, ReceivedOn: iso(c.ReceivedOn), MediatedOn: iso(c.MediatedOn), Mediators: c.Mediators,
			Parties: []apiParty{}, Matter: c.Matter, Category: c.Category, Agreement: c.Agreement, Result: c.Result, Notes: c.Notes}
		for _, pa := range c.Parties {
			out.Parties = append(out.Parties, apiParty(pa))
		}
		return out
	}))
	return nil
}

type apiHotspot struct {
	ID         int64  `json:"id"`
	UnitID     int64  `json:"unit_id"`
	Unit       string `json:"unit"`
	Rule       string `json:"rule"`
	Summary    string `json:"summary"`
	Open       bool   `json:"open"`
	OpenedOn   string `json:"opened_on"`
	Cases      int    `json:"cases"`
	Assessment string `json:"assessment,omitempty"`
	ClosedOn   string `json:"closed_on,omitempty"`
}

func (h *handlers) apiHotspots(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	f := citizen.HotSpotFilter{Limit: limit, Offset: offset, Leading: q.Get("leading") == "true"}
	switch q.Get("status") {
	case "", "open":
		f.Open = true
	case "closed":
		f.Closed = true
	case "all":
	default:
		return apperr.Invalid("status", "citizen.err.status")
	}
	if _, err := h.cases.Sweep(r.Context()); err != nil {
		return err
	}
	hs, total, err := h.cases.HotSpots(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, hs, func(x citizen.HotSpot) apiHotspot {
		return apiHotspot{ID: x.ID, UnitID: x.UnitID, Unit: x.UnitName, Rule: string(x.Rule), Summary: x.Summary, Open: x.Open,
			OpenedOn: iso(x.OpenedOn), Cases: x.CaseCount, Assessment: x.Assessment, ClosedOn: iso(x.ClosedOn)}
	}))
	return nil
}

type apiNote struct {
	ID              int64  `json:"id"`
	UnitID          int64  `json:"unit_id"`
	Unit            string `json:"unit"`
	Kind            string `json:"kind"`
	Period          string `json:"period,omitempty"`
	NotedOn         string `json:"noted_on"`
	Source          string `json:"source,omitempty"`
	Title           string `json:"title"`
	Happened        string `json:"happened"`
	Assessment      string `json:"assessment,omitempty"`
	Recommendations string `json:"recommendations,omitempty"`
	Read            bool   `json:"read"`
}

func (h *handlers) apiNotes(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	limit, offset := kit.APIPage(r)
	f := citizen.NoteFilter{Query: q.Get("q"), Below: q.Get("below") == "true", Unread: q.Get("unread") == "true", Limit: limit, Offset: offset}
	ns, total, err := h.cases.Notes(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, ns, func(n citizen.Note) apiNote {
		kind := "periodic"
		if n.Quick {
			kind = "quick"
		}
		return apiNote{ID: n.ID, UnitID: n.UnitID, Unit: n.UnitName, Kind: kind, Period: n.Period, NotedOn: iso(n.NotedOn), Source: n.Source,
			Title: n.Title, Happened: n.Happened, Assessment: n.Assessment, Recommendations: n.Recommendations, Read: n.Read}
	}))
	return nil
}

type apiCaseRef struct {
	Kind  string `json:"kind"`
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

type apiFigure struct {
	Code    string       `json:"code"`
	Value   float64      `json:"value"`
	How     string       `json:"how"`
	Cases   []apiCaseRef `json:"cases"`
	Entered *float64     `json:"entered,omitempty"`
	Note    string       `json:"note,omitempty"`
}

func (h *handlers) apiFigures(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	unit := kit.FormID(q.Get("unit"))
	if unit == 0 {
		return apperr.Invalid("unit", "citizen.err.unit")
	}
	per, err := vntext.ParsePeriod(q.Get("period"))
	if err != nil || per.Kind == vntext.Stage {
		return apperr.Invalid("period", "citizen.err.period")
	}
	figs, err := h.cases.Figures(r.Context(), p, unit, per)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(len(figs), figs, func(f citizen.Figure) apiFigure {
		out := apiFigure{Code: f.Code, Value: f.Value, How: h.Text(r, f.How), Cases: []apiCaseRef{}}
		for _, c := range f.Cases {
			out.Cases = append(out.Cases, apiCaseRef(c))
		}
		if f.Filled != nil {
			e := f.Filled.Entered
			out.Entered, out.Note = &e, f.Filled.Note
		}
		return out
	}))
	return nil
}
