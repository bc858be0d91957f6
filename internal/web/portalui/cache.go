package portalui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/kit"
)

// The public pages are the same for every reader, so each is made once
// and kept in memory, compressed, with its ETag: until the site's stamp
// moves (a publish, an edit, a moderated message, a change of settings;
// through any server, seen within portal.Store.StampTTL), until a
// scheduled article's moment comes, or for at most pageTTL (so that view
// counts shown move on). A proxy may keep them too (Cache-Control
// s-maxage), and a browser asking again with the ETag gets a 304.

// pageTTL bounds how long a kept page is served without being made again.
const pageTTL = time.Minute

// maxEntries bounds the pages kept; past it, half are dropped.
const maxEntries = 4000

// maxKey bounds the length of a path and query that is kept: longer
// (searches of long phrases) are made each time.
const maxKey = 300

// cacheControl is what a public page tells browsers and proxies.
const cacheControl = "public, max-age=30, s-maxage=60"

// Header values that are the same for every kept page, made once: a
// kept page is sent thousands of times a second, and each Header.Set
// makes a new slice. Header values are only read or replaced, never
// appended to in place, so the slices can be shared.
var (
	cacheControlValue = []string{cacheControl}
	varyValue         = []string{"Accept-Encoding"}
	gzipValue         = []string{"gzip"}
)

// entry is one kept page.
type entry struct {
	site     int64 // the site whose stamp it was made at (0: every site)
	stamp    int64
	expires  time.Time
	article  int64 // the article it shows, for the view counter
	body, gz []byte
	etag     string
	modified time.Time
	ctype    string
	// The headers that send writes, made once with the entry.
	etagH, modifiedH, ctypeH, lenH, gzLenH []string
}

// headers makes the entry's header values once.
func (e *entry) headers() {
	e.etagH = []string{e.etag}
	if !e.modified.IsZero() {
		e.modifiedH = []string{e.modified.Format(http.TimeFormat)}
	}
	e.ctypeH = []string{e.ctype}
	e.lenH = []string{strconv.Itoa(len(e.body))}
	e.gzLenH = []string{strconv.Itoa(len(e.gz))}
}

type pageCache struct {
	mu       sync.RWMutex
	m        map[string]*entry
	building map[string]chan struct{} // pages being made now, closed when made
}

func newPageCache() *pageCache {
	return &pageCache{m: map[string]*entry{}, building: map[string]chan struct{}{}}
}

func (c *pageCache) get(key string) *entry {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[key]
}

func (c *pageCache) put(key string, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxEntries {
		n := 0
		for k := range c.m {
			delete(c.m, k)
			if n++; n >= maxEntries/2 {
				break
			}
		}
	}
	c.m[key] = e
}

// claim makes the caller the one request that makes the page of key
// (ok), or returns the channel closed when the request making it now is
// done: under load, hundreds of requests for a page that has just
// changed would otherwise all make it at once.
func (c *pageCache) claim(key string) (done <-chan struct{}, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, busy := c.building[key]; busy {
		return ch, false
	}
	c.building[key] = make(chan struct{})
	return nil, true
}

func (c *pageCache) release(key string) {
	c.mu.Lock()
	if ch, ok := c.building[key]; ok {
		close(ch)
		delete(c.building, key)
	}
	c.mu.Unlock()
}

// meta is what a page's maker says about the page it made.
type meta struct {
	site    int64
	stamp   portal.Stamp
	article int64
	ctype   string // "" is HTML
}

// capture is a ResponseWriter that keeps what a page's maker writes.
type capture struct {
	h      http.Header
	status int
	buf    bytes.Buffer
}

func (c *capture) Header() http.Header { return c.h }

func (c *capture) WriteHeader(s int) {
	if c.status == 0 {
		c.status = s
	}
}

func (c *capture) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.buf.Write(b)
}

// maker makes a public page into w, filling m (the site and its stamp,
// read before the page's data) and returning its failure.
type maker func(w http.ResponseWriter, r *http.Request, m *meta) error

// public serves a page made by mk through the cache. Public pages are in
// Vietnamese whatever the reader's language cookie says (the English
// page is a page of its own): the same address is the same page for
// everyone.
func (h *handlers) public(lang string, mk maker) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(kit.WithLang(r.Context(), lang))
		key := r.Host + " " + r.URL.Path + "?" + r.URL.RawQuery
		keep := len(key) <= maxKey
		now := time.Now()
		if keep {
			e := h.cache.get(key)
			if e != nil && now.Before(e.expires) {
				if st, err := h.store.Stamp(r.Context(), e.site); err == nil && st.N == e.stamp &&
					(st.NextDue.IsZero() || h.store.Now().Before(st.NextDue)) {
					h.send(w, r, e)
					return
				}
			}
			done, mine := h.cache.claim(key)
			if !mine {
				if e != nil { // the page as it was, for the moment the new one takes
					h.send(w, r, e)
					return
				}
				select {
				case <-done:
					if e := h.cache.get(key); e != nil {
						h.send(w, r, e)
						return
					}
				case <-r.Context().Done():
					return
				}
			} else {
				defer h.cache.release(key)
			}
		}
		c := &capture{h: http.Header{}}
		var m meta
		if err := mk(c, r, &m); err != nil {
			h.Fail(w, r, err)
			return
		}
		if c.status != http.StatusOK {
			for k, v := range c.h {
				w.Header()[k] = v
			}
			w.WriteHeader(c.status)
			w.Write(c.buf.Bytes())
			return
		}
		e := &entry{site: m.site, stamp: m.stamp.N, article: m.article, body: c.buf.Bytes(), modified: m.stamp.Changed.UTC().Truncate(time.Second),
			ctype: m.ctype, expires: now.Add(pageTTL)}
		if e.ctype == "" {
			e.ctype = "text/html; charset=utf-8"
		}
		if !m.stamp.NextDue.IsZero() {
			if until := m.stamp.NextDue.Sub(h.store.Now()); until < pageTTL {
				e.expires = now.Add(max(until, 0))
			}
		}
		sum := sha256.Sum256(e.body)
		e.etag = `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(e.body)
		zw.Close()
		e.gz = gz.Bytes()
		e.headers()
		if keep {
			h.cache.put(key, e)
		}
		h.send(w, r, e)
	}
}

// send answers with a kept page: 304 when the browser holds it already,
// compressed when the browser takes gzip.
func (h *handlers) send(w http.ResponseWriter, r *http.Request, e *entry) {
	if e.article != 0 {
		h.store.CountView(e.article, r.UserAgent())
	}
	hd := w.Header()
	// The page is the same for every reader: no cookie rides on it (a
	// page made now may have given an anonymous visitor a form token; the
	// pages with forms are not kept).
	hd.Del("Set-Cookie")
	if kit.Principal(r) == nil {
		hd["Cache-Control"] = cacheControlValue
	}
	hd["Etag"] = e.etagH
	hd["Vary"] = varyValue
	if e.modifiedH != nil {
		hd["Last-Modified"] = e.modifiedH
	}
	if notModified(r, e) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd["Content-Type"] = e.ctypeH
	body, length := e.body, e.lenH
	if acceptsGzip(r) {
		hd["Content-Encoding"] = gzipValue
		body, length = e.gz, e.gzLenH
	}
	hd["Content-Length"] = length
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func notModified(r *http.Request, e *entry) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for t := range strings.SplitSeq(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == e.etag || t == "*" {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !e.modified.IsZero() {
		if t, err := http.ParseTime(ims); err == nil && !e.modified.After(t) {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
