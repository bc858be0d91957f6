package web

import "net/http"

// adminRoutes registers the pages and API endpoints of administration (units, users, grants, API tokens, audit log).
func (s *Server) adminRoutes(mux *http.ServeMux) {
	_ = mux
}
