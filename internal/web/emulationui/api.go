package emulationui

import (
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/web/kit"
)

// apiBloc is a bloc in the API's lists.
type apiBloc struct {
	ID      int64  `json:"id"`
	UnitID  int64  `json:"unit_id"`
	Unit    string `json:"unit"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Year    int    `json:"year,omitempty"`
	Members int    `json:"members"`
	Status  string `json:"status,omitempty"`
}

func (h *handlers) apiList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := emulation.BlocFilter{UnitID: kit.FormID(r.URL.Query().Get("unit")), Query: r.URL.Query().Get("q")}
	f.Limit, f.Offset = kit.APIPage(r)
	rows, total, err := h.store.Blocs(r.Context(), p, f)
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, kit.ListOf(total, rows, func(b emulation.BlocRow) apiBloc {
		return apiBloc{ID: b.ID, UnitID: b.UnitID, Unit: b.UnitName, Kind: string(b.Kind), Name: b.Name, Year: b.Year, Members: b.Members, Status: string(b.Status)}
	}))
	return nil
}

// apiYear is a bloc's year.
type apiYear struct {
	ID         int64          `json:"id"`
	UnitID     int64          `json:"unit_id"`
	Name       string         `json:"name"`
	Kind       string         `json:"kind"`
	Year       int            `json:"year"`
	Status     string         `json:"status"`
	LeaderID   int64          `json:"leader_unit_id"`
	DeputyID   int64          `json:"deputy_unit_id,omitempty"`
	PledgeID   int64          `json:"pledge_id,omitempty"`
	FlagUnitID int64          `json:"flag_unit_id,omitempty"`
	ProposalID int64          `json:"flag_proposal_id,omitempty"`
	Criteria   []apiCriterion `json:"criteria"`
	Ranking    []apiStanding  `json:"ranking"`
}

type apiCriterion struct {
	ID        int64   `json:"id"`
	Number    int     `json:"number"`
	Kind      string  `json:"kind"`
	Title     string  `json:"title"`
	MaxPoints float64 `json:"max_points"`
	Evidence  string  `json:"evidence"`
}

type apiStanding struct {
	Rank      int                `json:"rank"`
	Tied      bool               `json:"tied"`
	UnitID    int64              `json:"unit_id"`
	Unit      string             `json:"unit"`
	Total     float64            `json:"total"`
	Submitted bool               `json:"submitted"`
	Self      map[string]float64 `json:"self_scores"`
	Review    map[string]float64 `json:"review_scores"`
}

func scoreMap(m map[int64]float64) map[string]float64 {
	out := map[string]float64{}
	for k, v := range m {
		out[strconv.FormatInt(k, 10)] = v
	}
	return out
}

func toAPIYear(y emulation.BlocYear) apiYear {
	out := apiYear{ID: y.ID, UnitID: y.UnitID, Name: y.Name, Kind: string(y.Kind), Year: y.Year, Status: string(y.Status), LeaderID: y.LeaderID,
		DeputyID: y.DeputyID, PledgeID: y.PledgeID, FlagUnitID: y.FlagUnitID, ProposalID: y.FlagProposalID, Criteria: []apiCriterion{}, Ranking: []apiStanding{}}
	for _, c := range y.Criteria {
		out.Criteria = append(out.Criteria, apiCriterion{ID: c.ID, Number: c.Number, Kind: string(c.Kind), Title: c.Title, MaxPoints: c.MaxPoints, Evidence: c.Evidence})
	}
	for _, s := range y.Ranking() {
		m, _ := y.Member(s.Signatory.UnitID)
		out.Ranking = append(out.Ranking, apiStanding{Rank: s.Rank, Tied: s.Tied, UnitID: m.UnitID, Unit: m.UnitName, Total: s.Total,
			Submitted: m.Submitted, Self: scoreMap(m.Self), Review: scoreMap(m.Review)})
	}
	return out
}

// apiYearOf reads bloc {id}'s year from ?year= (else its latest).
func (h *handlers) apiYearOf(r *http.Request, p *auth.Principal, raw string) (emulation.BlocYear, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return emulation.BlocYear{}, err
	}
	b, years, err := h.store.BlocGroup(r.Context(), p, id)
	if err != nil {
		return emulation.BlocYear{}, err
	}
	year := h.Today().Year()
	if len(years) > 0 {
		year = years[0]
	}
	if raw != "" {
		if year, err = strconv.Atoi(raw); err != nil {
			return emulation.BlocYear{}, apperr.Invalid("year", "emulation.bloc.err.year")
		}
	}
	return h.store.BlocYear(r.Context(), p, b.ID, year)
}

func (h *handlers) apiShow(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	y, err := h.apiYearOf(r, p, r.URL.Query().Get("year"))
	if err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIYear(y))
	return nil
}

// apiSelfScoreInput is the body of POST /api/v1/emulation-blocs/{id}/self-scores.
type apiSelfScoreInput struct {
	Year   int                `json:"year"`
	UnitID int64              `json:"unit_id"`
	Scores map[string]float64 `json:"scores"` // by criterion id
	Submit bool               `json:"submit"`
}

func (h *handlers) apiSelfScore(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiSelfScoreInput
	if err := kit.ReadJSON(w, r, 256<<10, &in); err != nil {
		return err
	}
	if len(in.Scores) > maxScores {
		return apperr.Invalid("scores", "emulationui.err.too_many")
	}
	scores := map[int64]float64{}
	for k, v := range in.Scores {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			return apperr.Invalid("scores", "emulation.bloc.err.not_of_year")
		}
		scores[id] = v
	}
	y, err := h.apiYearOf(r, p, strconv.Itoa(in.Year))
	if err != nil {
		return err
	}
	if y, err = h.store.SelfScore(r.Context(), p, y.ID, y.Year, in.UnitID, scores, in.Submit); err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIYear(y))
	return nil
}

// apiCriterionInput is the body of PUT
// /api/v1/emulation-blocs/{id}/criteria/{criterion_id}.
type apiCriterionInput struct {
	Year      int     `json:"year"`
	Kind      string  `json:"kind"`
	Title     string  `json:"title"`
	MaxPoints float64 `json:"max_points"`
	Evidence  string  `json:"evidence"`
}

func (h *handlers) apiCriterionUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiCriterionInput
	if err := kit.ReadJSON(w, r, 64<<10, &in); err != nil {
		return err
	}
	return h.apiCriterion(w, r, p, strconv.Itoa(in.Year), func(y emulation.BlocYear, cid int64) (emulation.BlocYear, error) {
		return h.store.UpdateCriterion(r.Context(), p, y.ID, y.Year, emulation.BlocCriterion{ID: cid, Kind: emulation.CriterionKind(in.Kind),
			Title: in.Title, MaxPoints: in.MaxPoints, Evidence: in.Evidence})
	})
}

func (h *handlers) apiCriterionDelete(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.apiCriterion(w, r, p, r.URL.Query().Get("year"), func(y emulation.BlocYear, cid int64) (emulation.BlocYear, error) {
		return h.store.RemoveCriterion(r.Context(), p, y.ID, y.Year, cid)
	})
}

// apiCriterion runs change on line {criterion_id} of bloc {id}'s year
// and answers with the year after it.
func (h *handlers) apiCriterion(w http.ResponseWriter, r *http.Request, p *auth.Principal, year string,
	change func(y emulation.BlocYear, cid int64) (emulation.BlocYear, error)) error {
	cid, err := kit.PathID(r, "criterion_id")
	if err != nil {
		return err
	}
	y, err := h.apiYearOf(r, p, year)
	if err != nil {
		return err
	}
	if y, err = change(y, cid); err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIYear(y))
	return nil
}

// apiFlagInput is the body of POST /api/v1/emulation-blocs/{id}/flag-proposal.
type apiFlagInput struct {
	Year     int    `json:"year"`
	ToUnitID int64  `json:"to_unit_id"`
	Reason   string `json:"reason"`
}

func (h *handlers) apiFlagProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in apiFlagInput
	if err := kit.ReadJSON(w, r, 64<<10, &in); err != nil {
		return err
	}
	y, err := h.apiYearOf(r, p, strconv.Itoa(in.Year))
	if err != nil {
		return err
	}
	if y, err = h.store.ProposeFlag(r.Context(), p, h.propose, y.ID, y.Year, in.ToUnitID, in.Reason); err != nil {
		return err
	}
	h.JSON(w, r, http.StatusOK, toAPIYear(y))
	return nil
}
