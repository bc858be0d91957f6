package portalui

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/apperr"
)

// A site may be served under a host name of its own (portal.Site.Host,
// set by an administrator): behind a proxy that sends that Host, the
// site's home is at / and its pages at /<section>/<article>, the same
// pages as under /trang/<site>. Links inside the pages keep their
// /trang/<site> form, which that host serves too.

// hostTTL is how long a host's site (or its lack of one) is believed
// before it is read again: a change of a site's host name takes effect
// within it on every server.
const hostTTL = 15 * time.Second

// maxHosts bounds the host names remembered (a client may send any).
const maxHosts = 1000

type hostSite struct {
	slug string // "" when no site has the host
	read time.Time
}

type hostMap struct {
	mu sync.Mutex
	m  map[string]hostSite
}

// siteOfHost returns the slug of the site served under host, "" for none.
func (h *handlers) siteOfHost(ctx context.Context, host string) (string, error) {
	if host == "" || strings.IndexByte(host, '.') < 0 {
		return "", nil
	}
	now := time.Now()
	h.hosts.mu.Lock()
	e, ok := h.hosts.m[host]
	h.hosts.mu.Unlock()
	if ok && now.Sub(e.read) < hostTTL {
		return e.slug, nil
	}
	st, err := h.store.PublicSiteByHost(ctx, host)
	switch {
	case err == nil:
		e = hostSite{slug: st.Slug, read: now}
	case apperr.CodeOf(err) == apperr.CodeNotFound:
		e = hostSite{read: now}
	default:
		return "", err
	}
	h.hosts.mu.Lock()
	if h.hosts.m == nil || len(h.hosts.m) >= maxHosts {
		h.hosts.m = map[string]hostSite{}
	}
	h.hosts.m[host] = e
	h.hosts.mu.Unlock()
	return e.slug, nil
}

// hostName is the request's host without its port, in lower case.
func hostName(r *http.Request) string {
	host := r.Host
	if hn, _, err := net.SplitHostPort(host); err == nil {
		host = hn
	}
	return strings.ToLower(strings.TrimSuffix(host, "."))
}

// ownPaths are the paths a site's host serves as they are: the portal's
// own addresses, its files, robots.txt and the health checks.
var ownPaths = []string{"/trang", "/tai-nguyen/", "/static/", "/robots.txt", "/healthz", "/readyz", "/favicon.ico"}

// byHost rewrites a request to a site's host name into the site's path.
func (h *handlers) byHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slug, err := h.siteOfHost(r.Context(), hostName(r))
		if err != nil {
			h.Fail(w, r, err)
			return
		}
		if slug == "" {
			next.ServeHTTP(w, r)
			return
		}
		p := r.URL.Path
		for _, own := range ownPaths {
			if p == own || strings.HasPrefix(p, own) && (strings.HasSuffix(own, "/") || p[len(own)] == '/') {
				next.ServeHTTP(w, r)
				return
			}
		}
		r2 := new(http.Request)
		*r2 = *r
		u := *r.URL
		u.Path, u.RawPath = "/trang/"+slug+strings.TrimSuffix(p, "/"), ""
		r2.URL = &u
		next.ServeHTTP(w, r2)
	})
}

// robots tells crawlers what to read: the portal and its files, the
// public unit tree and the sign-in page (on a site's own host name,
// everything), never the signed-in pages, the feedback forms or
// searches; and where the sitemaps are.
func (h *handlers) robots(w http.ResponseWriter, r *http.Request) {
	slug, err := h.siteOfHost(r.Context(), hostName(r))
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	o := h.origin(r)
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	if slug != "" {
		b.WriteString("Disallow: /gop-y\nDisallow: /tim-kiem\nDisallow: /trang/" + slug + "/gop-y\nDisallow: /trang/" + slug + "/tim-kiem\nAllow: /\n")
		b.WriteString("\nSitemap: " + o + "/trang/" + slug + "/sitemap.xml\n")
	} else {
		b.WriteString("Disallow: /trang/*/gop-y\nDisallow: /trang/*/tim-kiem\nAllow: /trang\nAllow: /tai-nguyen/\nAllow: /don-vi\nAllow: /dang-nhap\nDisallow: /\n")
		b.WriteString("\nSitemap: " + o + "/trang/sitemap.xml\n")
	}
	hd := w.Header()
	hd.Del("Set-Cookie")
	hd.Set("Content-Type", "text/plain; charset=utf-8")
	hd.Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte(b.String()))
}
