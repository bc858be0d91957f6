package web

import (
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/upload"
	"github.com/danvan/danvan/internal/web/kit"
)

// Heavy uploads: a request sending files (multipart/form-data) may make
// the server unpack a workbook or decode a picture, up to the bounds of
// package upload (about a hundred megabytes and a second or two of a
// core each). However many such requests arrive, one server reads at
// most uploadsTotal of them at once, and one person (account, or address
// before sign-in) at most uploadsPerUser; the others wait up to
// uploadWait for a turn, then are told to try again shortly (503 with
// Retry-After) before their body is read.
const (
	uploadsPerUser = 2
	uploadWait     = 5 * time.Second
	uploadRetry    = 30 * time.Second
)

// uploadsTotal is how many uploads are read at once: one per core, at
// least two.
func uploadsTotal() int { return max(2, runtime.NumCPU()) }

// newUploadGate returns the gate of one server.
func newUploadGate() *upload.Gate {
	return upload.NewGate(uploadsTotal(), uploadsPerUser, uploadWait)
}

// uploadTurn waits for r's turn when it sends files and returns the
// function that ends the turn; when no turn comes it answers 503 itself
// and returns false.
func (s *Server) uploadTurn(g *upload.Gate, w http.ResponseWriter, r *http.Request) (func(), bool) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return func() {}, true
	}
	key := "addr:" + s.clientAddr(r)
	if p := kit.Principal(r); p != nil {
		key = "user:" + strconv.FormatInt(p.User.ID, 10)
	}
	release, ok := g.Enter(r.Context(), key)
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(uploadRetry/time.Second)))
		s.ErrorPage(w, r, http.StatusServiceUnavailable, s.T(r, "upload.err.busy"))
		return nil, false
	}
	return release, true
}
