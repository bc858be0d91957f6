package kit

import (
	"bytes"
	"compress/flate"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"sync"
)

// A page whose largest part is the same for many readers (a dashboard's
// body for one unit, period and language) keeps that part drawn: a Kept
// holds its HTML and, made the first time a compressed response needs
// it, the same bytes deflated once, so that each response compresses
// only its own small parts (the header with the user's name and form
// token, the footer) around it. Compressing the whole dashboard for every
// request was a fifth of the server's CPU under load (issue 15).

// Kept is a part of pages drawn once and sent in many responses. It is
// safe for concurrent use.
type Kept struct {
	html     []byte
	once     sync.Once
	deflated []byte
}

// NewKept keeps html, which the caller no longer changes.
func NewKept(html []byte) *Kept { return &Kept{html: html} }

// HTML is the part as drawn.
func (k *Kept) HTML() []byte { return k.html }

// keptLevel is the level a kept part is deflated at: done once for many
// responses, so thorough rather than fast.
const keptLevel = flate.DefaultCompression

// Deflated is the part as raw deflate blocks (RFC 1951) that refer to
// nothing before them and end with a sync flush: none of them is final
// and the last ends on a byte boundary, so they may be spliced into a
// deflate stream where its writer has flushed, and a writer with no
// history (flate.Writer.Reset) goes on after them.
func (k *Kept) Deflated() []byte {
	k.once.Do(func() {
		var b bytes.Buffer
		b.Grow(len(k.html)/4 + 64)
		fw, _ := flate.NewWriter(&b, keptLevel)
		fw.Write(k.html) // a bytes.Buffer does not fail
		fw.Flush()
		k.deflated = b.Bytes()
	})
	return k.deflated
}

// KeptWriter is a response writer that sends a kept part its own way:
// the compressing writer splices in its deflated form, a writer that
// counts bytes counts it. Writers that wrap another pass the part on
// with WriteKept.
type KeptWriter interface {
	WriteKept(k *Kept) (int, error)
}

// WriteKept writes k to w: through w's own WriteKept when it has one,
// else as its HTML. It returns the length of the HTML written.
func WriteKept(w io.Writer, k *Kept) (int, error) {
	if kw, ok := w.(KeptWriter); ok {
		return kw.WriteKept(k)
	}
	return w.Write(k.html)
}

// keptMark stands in a rendered page for its kept part. It is made at
// start-up with random bytes, so no text a page shows can carry it.
var keptMark = "<!--kept " + RandomHex(12) + "-->"

// KeptMark is what a page's view gives its template where the kept part
// goes (see RenderKept).
func KeptMark() template.HTML { return template.HTML(keptMark) }

// RenderKept is Render for a page that shows part where its view gives
// KeptMark (exactly once): the page is executed into a buffer around the
// mark, and the part is written in its place as it was kept.
func (t *Templates) RenderKept(w http.ResponseWriter, r *http.Request, status int, name string, view any, part *Kept) {
	buf := t.execute(w, r, name, view)
	if buf == nil {
		return
	}
	defer putRenderBuf(buf)
	page := buf.Bytes()
	at := bytes.Index(page, []byte(keptMark))
	if at < 0 || bytes.Contains(page[at+len(keptMark):], []byte(keptMark)) {
		t.k.ServerError(w, r, fmt.Errorf("kit: render %s: the page shows its kept part %d times", name, bytes.Count(page, []byte(keptMark))))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(page[:at])
	if err == nil {
		_, err = WriteKept(w, part)
	}
	if err == nil {
		_, err = w.Write(page[at+len(keptMark):])
	}
	if err != nil {
		t.k.Log.DebugContext(r.Context(), "write response", slog.Any("err", err))
	}
}
