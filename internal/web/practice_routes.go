package web

import "net/http"

// practiceRoutes registers the pages and API endpoints of the "Dân vận khéo" model registry.
func (s *Server) practiceRoutes(mux *http.ServeMux) {
	_ = mux
}
