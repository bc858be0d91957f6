package kit

import (
	"context"
	"net/http"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/i18n"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyLang
	keyPrincipal
)

// WithRequestID returns ctx carrying the request's id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, keyRequestID, id)
}

// RequestID is the id of the request ctx belongs to ("" outside one).
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(keyRequestID).(string)
	return id
}

// WithLang returns ctx carrying the interface language.
func WithLang(ctx context.Context, lang string) context.Context {
	return context.WithValue(ctx, keyLang, lang)
}

// Lang is the interface language of the request, Vietnamese by default.
func Lang(r *http.Request) string {
	if l, ok := r.Context().Value(keyLang).(string); ok {
		return l
	}
	return i18n.VI
}

// WithPrincipal returns ctx carrying the signed-in user.
func WithPrincipal(ctx context.Context, p *auth.Principal) context.Context {
	return context.WithValue(ctx, keyPrincipal, p)
}

// Principal is the signed-in user of the request (or the API token's
// owner), nil for a visitor.
func Principal(r *http.Request) *auth.Principal {
	p, _ := r.Context().Value(keyPrincipal).(*auth.Principal)
	return p
}
