package web

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/web/kit"
)

// APILimit bounds the request rate of /api/v1: at most PerAddr requests
// from one client address and PerToken with one token within each
// Window; the next is answered 429 with Retry-After. Each server counts
// its own requests (several servers behind a proxy each allow the
// limit).
type APILimit struct {
	PerToken int
	PerAddr  int
	Window   time.Duration
}

// DefaultAPILimit allows a busy integration 10 requests a second on
// average per token, and an office of several behind one address twice
// that.
var DefaultAPILimit = APILimit{PerToken: 600, PerAddr: 1200, Window: time.Minute}

// apiLimiters are one server's counters.
type apiLimiters struct {
	addr, token *kit.Limiter
}

func newAPILimiters(l APILimit, now func() time.Time) apiLimiters {
	d := DefaultAPILimit
	if l.PerToken > 0 {
		d.PerToken = l.PerToken
	}
	if l.PerAddr > 0 {
		d.PerAddr = l.PerAddr
	}
	if l.Window > 0 {
		d.Window = l.Window
	}
	return apiLimiters{addr: kit.NewLimiter(d.PerAddr, d.Window, now), token: kit.NewLimiter(d.PerToken, d.Window, now)}
}

// tooMany answers 429 with the seconds to wait, in Retry-After and in
// the error's message.
func (s *Server) tooMany(w http.ResponseWriter, r *http.Request, retry time.Duration) {
	secs := int((retry + time.Second - 1) / time.Second)
	secs = max(secs, 1)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	s.JSON(w, r, http.StatusTooManyRequests, kit.APIErrorBody{Error: kit.APIErrorDetail{
		Code: "too_many_requests", Message: s.T(r, "api.err.rate_limited", secs)}})
}

// downloadAgain is how long the same person fetching the same file again
// (a photo on a page they reload) is not recorded again.
const downloadAgain = 10 * time.Minute

// auditDownload records that p received a file or an export: every
// successful response carrying Content-Disposition, whichever feature
// served it (the file's name, the path and the route; never its
// content). Repeats of one path by one person within downloadAgain are
// not recorded again.
func (s *Server) auditDownload(r *http.Request, w *statusWriter, p *auth.Principal) {
	cd := w.Header().Get("Content-Disposition")
	if p == nil || cd == "" || w.status != http.StatusOK {
		return
	}
	key := strconv.FormatInt(p.User.ID, 10) + " " + r.URL.Path
	if ok, _ := s.downloads.Allow(key); !ok {
		return
	}
	path := kit.Clip(r.URL.RequestURI(), 300)
	ctx := context.WithoutCancel(r.Context())
	err := s.DB.WithTx(ctx, func(tx *db.Tx) error {
		return audit.Record(ctx, tx, audit.Entry{Action: "download", Entity: "file",
			After: map[string]string{"path": path, "disposition": kit.Clip(cd, 300), "type": kit.Clip(w.Header().Get("Content-Type"), 100)}})
	})
	if err != nil {
		s.Log.ErrorContext(ctx, "audit a download", slog.String("path", r.URL.Path), slog.Any("err", err))
	}
}
