package kit

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/db"
)

// Permission refusals are audited where they become a 403: Fail for
// pages and APIError for the API, which every handler's error passes
// through. So that a script cannot flood the audit log, at most
// RefusalsPerActor refusals of one person (account, or address before
// sign-in) and RefusalsTotal in all are recorded per minute; the rest are
// logged as one warning each and counted in no table.
const (
	RefusalsPerActor = 10
	RefusalsTotal    = 300
)

// refusalLimits are the counters of one kit.
type refusalLimits struct {
	actor, total *Limiter
}

func newRefusalLimits(now func() time.Time) refusalLimits {
	return refusalLimits{actor: NewLimiter(RefusalsPerActor, time.Minute, now), total: NewLimiter(RefusalsTotal, time.Minute, now)}
}

// auditRefusal records that err, a refusal, answered r with 403: who,
// the method, path and route, and the message key saying why.
func (k *Kit) auditRefusal(r *http.Request, err error) {
	ctx := context.WithoutCancel(r.Context())
	a := audit.ActorFrom(ctx)
	key := "addr:" + a.Addr
	if a.UserID != 0 {
		key = "user:" + strconv.FormatInt(a.UserID, 10)
	}
	if ok, _ := k.refusals.actor.Allow(key); !ok {
		k.Log.WarnContext(ctx, "refusal not audited (over the limit)", slog.String("actor", key), slog.String("path", r.URL.Path))
		return
	}
	if ok, _ := k.refusals.total.Allow(""); !ok {
		k.Log.WarnContext(ctx, "refusal not audited (over the limit)", slog.String("actor", key), slog.String("path", r.URL.Path))
		return
	}
	reason, _ := apperr.KeyOf(err)
	what := map[string]string{"method": r.Method, "path": Clip(r.URL.RequestURI(), 300), "route": Clip(r.Pattern, 200), "reason": reason}
	werr := k.DB.WithTx(ctx, func(tx *db.Tx) error {
		return audit.Record(ctx, tx, audit.Entry{Action: "refused", Entity: "request", After: what})
	})
	if werr != nil {
		k.Log.ErrorContext(ctx, "audit a refusal", slog.String("path", r.URL.Path), slog.Any("err", werr))
	}
}

// Clip cuts s to at most n bytes at a character boundary.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
