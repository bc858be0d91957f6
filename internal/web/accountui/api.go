package accountui

import (
	"net/http"

	"github.com/danvan/danvan/internal/auth"
)

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

func (h *handlers) apiMe(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	me := apiMe{ID: p.User.ID, Login: p.User.Login, Name: p.User.Name, Phone: p.User.Phone, Email: p.User.Email, Grants: []apiGrant{}}
	for _, g := range p.Grants {
		me.Grants = append(me.Grants, apiGrant{UnitID: g.UnitID, Role: string(g.Role)})
	}
	h.JSON(w, r, http.StatusOK, me)
	return nil
}
