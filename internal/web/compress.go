package web

import (
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/danvan/danvan/internal/web/kit"
)

// compressMin is the size below which a response of known length is sent
// as it is.
const compressMin = 512

// acceptEncoding is the request header naming the encodings a client
// takes, and the one responses vary on.
const acceptEncoding = "Accept-Encoding"

// compress gzips the text a server sends (pages, styles, scripts, JSON,
// SVG, CSV) to clients that accept it: a dashboard of 28.8 KB travels as
// about 6 KB to a phone on a slow connection. Responses that carry their
// own encoding, ranges and what is already compressed (XLSX, images) pass
// through untouched.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", acceptEncoding)
		if r.Method == http.MethodHead || r.Header.Get("Range") != "" || !acceptsGzip(r.Header.Get(acceptEncoding)) {
			next.ServeHTTP(w, r)
			return
		}
		g := &gzipWriter{ResponseWriter: w}
		defer g.close()
		next.ServeHTTP(g, r)
	})
}

// acceptsGzip reads an Accept-Encoding header ("gzip;q=0" refuses it).
func acceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			return strings.ReplaceAll(strings.TrimSpace(params), " ", "") != "q=0"
		}
	}
	return false
}

// flatePool keeps deflate writers at gzip's fastest level: on a
// national dashboard of 60 KB it writes 10.7 KB in about a third of the
// time the default level takes for 9.2 KB (issue 15: the default level
// was a quarter of the server's CPU under load). A part of a page kept
// for many responses (kit.Kept) is deflated once, thoroughly, and
// spliced in.
var flatePool = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }}

// gzipHeader starts every gzip stream sent (RFC 1952): deflate, no name
// or time, the fastest level (XFL 4), an unknown system.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 255}

// compressible says whether a response of this type is worth gzipping.
func compressible(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	ct = strings.TrimSpace(strings.ToLower(ct))
	switch {
	case strings.HasPrefix(ct, "text/"):
		return true
	case ct == "application/json", ct == "application/javascript", ct == "image/svg+xml",
		ct == "application/rss+xml", ct == "application/atom+xml", ct == "application/xml", ct == "application/problem+json":
		return true
	}
	return false
}

// gzipWriter decides at the response's first header or byte whether to
// compress it. It writes the gzip stream's frame itself (header, CRC-32
// and length of what it carries) around deflate blocks, so that a kept
// part's blocks, deflated once, can be put between the response's own.
type gzipWriter struct {
	http.ResponseWriter
	fw      *flate.Writer // nil: the response goes as it is
	decided bool
	started bool   // the gzip header is written
	crc     uint32 // of what has been written so far, before compressing
	size    uint32 // its length, modulo 2^32
}

func (g *gzipWriter) decide(code int) {
	g.decided = true
	h := g.Header()
	if code < 200 || code == http.StatusNoContent || code == http.StatusNotModified || h.Get("Content-Encoding") != "" ||
		!compressible(h.Get("Content-Type")) {
		return
	}
	if n, err := strconv.Atoi(h.Get("Content-Length")); err == nil && n < compressMin {
		return // known to be small: gzip would only add its header
	}
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	g.fw = flatePool.Get().(*flate.Writer)
	g.fw.Reset(g.ResponseWriter)
}

// start writes the gzip header before the first compressed byte (not at
// the decision: the status is not written yet then).
func (g *gzipWriter) start() error {
	if g.started {
		return nil
	}
	g.started = true
	_, err := g.ResponseWriter.Write(gzipHeader)
	return err
}

func (g *gzipWriter) WriteHeader(code int) {
	if !g.decided {
		g.decide(code)
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.decided {
		if g.Header().Get("Content-Type") == "" {
			g.Header().Set("Content-Type", http.DetectContentType(b))
		}
		g.WriteHeader(http.StatusOK)
	}
	if g.fw == nil {
		return g.ResponseWriter.Write(b)
	}
	if err := g.start(); err != nil {
		return 0, err
	}
	g.crc = crc32.Update(g.crc, crc32.IEEETable, b)
	g.size += uint32(len(b))
	return g.fw.Write(b)
}

// WriteKept splices in k's blocks deflated once: what was written before
// is flushed to a byte boundary, k's blocks follow, and the writer goes
// on without history (k's blocks refer to nothing before them, and
// nothing after them may refer into them).
func (g *gzipWriter) WriteKept(k *kit.Kept) (int, error) {
	if !g.decided {
		g.WriteHeader(http.StatusOK)
	}
	if g.fw == nil {
		return kit.WriteKept(g.ResponseWriter, k)
	}
	if err := g.start(); err != nil {
		return 0, err
	}
	if err := g.fw.Flush(); err != nil {
		return 0, err
	}
	if _, err := g.ResponseWriter.Write(k.Deflated()); err != nil {
		return 0, err
	}
	g.fw.Reset(g.ResponseWriter)
	html := k.HTML()
	g.crc = crc32.Update(g.crc, crc32.IEEETable, html)
	g.size += uint32(len(html))
	return len(html), nil
}

// Flush sends what is compressed so far (server-sent events, streaming).
func (g *gzipWriter) Flush() {
	if g.fw != nil && g.start() == nil {
		_ = g.fw.Flush()
	}
	if f, ok := g.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

// close ends the stream: the final block, then the CRC-32 and length.
func (g *gzipWriter) close() {
	if g.fw == nil {
		return
	}
	if g.start() == nil && g.fw.Close() == nil {
		var tail [8]byte
		binary.LittleEndian.PutUint32(tail[:4], g.crc)
		binary.LittleEndian.PutUint32(tail[4:], g.size)
		_, _ = g.ResponseWriter.Write(tail[:])
	}
	flatePool.Put(g.fw)
	g.fw = nil
}
