package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
)

// The JSON API under /api/v1: bearer tokens only (no cookies), errors as
// {"error": {"code": "...", "message": "..."}}, documented in
// docs/openapi.yaml (a test checks that every route is there).

type apiErrorBody struct {
	Error apiErrorDetail `json:"error"`
}

type apiErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// writeJSON encodes v into a buffer first, so an encoding error never
// sends half a body.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.ErrorContext(r.Context(), "encode json", slog.Any("err", err))
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"Đã có lỗi hệ thống."}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	code := apperr.CodeOf(err)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "internal error", slog.Any("err", err))
		code = apperr.CodeInternal
	}
	d := apiErrorDetail{Code: string(code), Message: apperr.MessageOf(err)}
	if e, ok := apperr.As(err); ok && code != apperr.CodeInternal {
		d.Field = e.Field
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="danvan"`)
	}
	s.writeJSON(w, r, status, apiErrorBody{Error: d})
}

// apiUser returns the caller of an API request, answering 401 itself
// when there is none.
func (s *Server) apiUser(w http.ResponseWriter, r *http.Request) (*auth.Principal, bool) {
	if p := principal(r); p != nil {
		return p, true
	}
	s.apiError(w, r, apperr.Unauthorized("Cần mã truy cập API (Authorization: Bearer …)."))
	return nil, false
}

// apiAllow checks perm on unitID for the API caller.
func (s *Server) apiAllow(w http.ResponseWriter, r *http.Request, perm auth.Permission, unitID int64) (*auth.Principal, bool) {
	p, ok := s.apiUser(w, r)
	if !ok {
		return nil, false
	}
	if err := s.auth.Require(r.Context(), p, perm, unitID); err != nil {
		s.apiError(w, r, err)
		return nil, false
	}
	return p, true
}

// apiDate reads ?date=YYYY-MM-DD (default today).
func (s *Server) apiDate(r *http.Request) (time.Time, error) {
	v := r.URL.Query().Get("date")
	if v == "" {
		return s.today(), nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, apperr.Invalid("date", "Ngày phải có dạng YYYY-MM-DD.")
	}
	return t, nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.NotFound("Không tìm thấy.")
	}
	return id, nil
}

// apiMe is the caller's account and grants.
type apiMe struct {
	ID     int64      `json:"id"`
	Login  string     `json:"login"`
	Name   string     `json:"name"`
	Phone  string     `json:"phone,omitempty"`
	Email  string     `json:"email,omitempty"`
	Grants []apiGrant `json:"grants"`
}

type apiGrant struct {
	UnitID int64  `json:"unit_id"`
	Role   string `json:"role"`
}

func (s *Server) apiGetMe(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiUser(w, r)
	if !ok {
		return
	}
	me := apiMe{ID: p.User.ID, Login: p.User.Login, Name: p.User.Name, Phone: p.User.Phone, Email: p.User.Email, Grants: []apiGrant{}}
	for _, g := range p.Grants {
		me.Grants = append(me.Grants, apiGrant{UnitID: g.UnitID, Role: string(g.Role)})
	}
	s.writeJSON(w, r, http.StatusOK, me)
}

// apiUnit is a unit as the API shows it.
type apiUnit struct {
	ID        int64   `json:"id"`
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	ShortName string  `json:"short_name,omitempty"`
	Level     string  `json:"level"`
	Kind      string  `json:"kind"`
	ParentID  *int64  `json:"parent_id"`
	ValidFrom string  `json:"valid_from"`
	ValidTo   *string `json:"valid_to"`
}

func toAPIUnit(u org.Unit) apiUnit {
	a := apiUnit{ID: u.ID, Code: u.Code, Name: u.Name, ShortName: u.ShortName, Level: string(u.Level),
		Kind: string(u.Kind), ValidFrom: u.ValidFrom.Format(time.DateOnly)}
	if u.ParentID != 0 {
		a.ParentID = &u.ParentID
	}
	if !u.ValidTo.IsZero() {
		to := u.ValidTo.Format(time.DateOnly)
		a.ValidTo = &to
	}
	return a
}

func toAPIUnits(us []org.Unit) []apiUnit {
	out := make([]apiUnit, len(us))
	for i, u := range us {
		out[i] = toAPIUnit(u)
	}
	return out
}

// apiListUnits is the tree on a date, limited to the caller's scope: the
// subtrees of the units the caller may read.
func (s *Server) apiListUnits(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiUser(w, r)
	if !ok {
		return
	}
	date, err := s.apiDate(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	scope, err := s.auth.Scope(r.Context(), p, auth.PermRead)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	var units []org.Unit
	if scope.All {
		units, err = s.org.Tree(r.Context(), date)
	} else {
		seen := map[int64]bool{}
		for _, root := range scope.Roots {
			sub, serr := s.org.Subtree(r.Context(), root, date)
			if apperr.CodeOf(serr) == apperr.CodeNotFound {
				continue // the granted unit did not exist on that date
			}
			if serr != nil {
				err = serr
				break
			}
			for _, u := range sub {
				if !seen[u.ID] {
					seen[u.ID] = true
					units = append(units, u)
				}
			}
		}
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
}

// apiUnitRequest reads the unit id and ?date= of a unit endpoint and
// checks that the caller may read the unit; it answers the error itself.
func (s *Server) apiUnitRequest(w http.ResponseWriter, r *http.Request) (id int64, date time.Time, ok bool) {
	id, err := pathID(r)
	if err == nil {
		date, err = s.apiDate(r)
	}
	if err != nil {
		s.apiError(w, r, err)
		return 0, time.Time{}, false
	}
	if _, ok := s.apiAllow(w, r, auth.PermRead, id); !ok {
		return 0, time.Time{}, false
	}
	return id, date, true
}

func (s *Server) apiGetUnit(w http.ResponseWriter, r *http.Request) {
	id, date, ok := s.apiUnitRequest(w, r)
	if !ok {
		return
	}
	u, err := s.org.Get(r.Context(), id, date)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	anc, err := s.org.Ancestors(r.Context(), id, date)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"unit": toAPIUnit(u), "ancestors": toAPIUnits(anc)})
}

func (s *Server) apiGetSubtree(w http.ResponseWriter, r *http.Request) {
	id, date, ok := s.apiUnitRequest(w, r)
	if !ok {
		return
	}
	units, err := s.org.Subtree(r.Context(), id, date)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"date": date.Format(time.DateOnly), "units": toAPIUnits(units)})
}

// apiNotFound answers unknown /api/ paths in JSON.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.apiError(w, r, apperr.NotFound("Không có điểm truy cập API này."))
}
