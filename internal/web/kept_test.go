package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/web/kit"
)

// TestGzipSplicesKeptParts: a response made of the writer's own bytes
// and kept parts (deflated once, spliced in between the writer's
// flushes) is one gzip stream that reads back as the plain response, with
// Go's reader and with the gzip program (another implementation); the
// same response to a client without gzip is the plain bytes. Parts at the
// start, at the end, side by side, empty, and larger than deflate's
// window (32 KiB) are all tried, the writer's own text is repeated after
// a part (a writer that kept its history would point back across the
// part), and one kept part serves many responses.
func TestGzipSplicesKeptParts(t *testing.T) {
	var big strings.Builder
	for i := range 4000 {
		fmt.Fprintf(&big, "<tr><td>xã %d</td><td class=\"num\">%d</td></tr>\n", i, i*37%1000)
	}
	row := kit.NewKept([]byte(big.String()))
	small := kit.NewKept([]byte("<p>Chỉ tiêu chủ yếu</p>"))
	empty := kit.NewKept(nil)
	head := strings.Repeat("<header>Ban Dân vận Tỉnh ủy Lạng Sơn</header>\n", 40)
	cases := map[string][]any{
		"own, kept, own":  {head, row, "<footer>xong</footer>"},
		"kept first":      {row, "<footer>xong</footer>"},
		"kept last":       {head, small},
		"side by side":    {head, small, row, small, empty, "tail"},
		"only kept":       {row},
		"empty kept part": {head, empty, head},
		"own repeated":    {head, small, head, row, head},
	}
	gz, gzErr := exec.LookPath("gzip")
	for name, parts := range cases {
		h := compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			for _, p := range parts {
				switch p := p.(type) {
				case string:
					io.WriteString(w, p)
				case *kit.Kept:
					kit.WriteKept(w, p)
				}
			}
		}))
		var want strings.Builder
		for _, p := range parts {
			switch p := p.(type) {
			case string:
				want.WriteString(p)
			case *kit.Kept:
				want.Write(p.HTML())
			}
		}
		for _, enc := range []string{"", "gzip", "gzip"} {
			req := httptest.NewRequest("GET", "/", nil)
			if enc != "" {
				req.Header.Set("Accept-Encoding", enc)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			sent := rec.Body.Bytes()
			if got := rec.Header().Get("Content-Encoding"); got != enc {
				t.Fatalf("%s: Content-Encoding %q, want %q", name, got, enc)
			}
			if enc == "" {
				if string(sent) != want.String() {
					t.Errorf("%s: the plain response differs", name)
				}
				continue
			}
			zr, err := gzip.NewReader(bytes.NewReader(sent))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			zr.Multistream(false)
			got, err := io.ReadAll(zr)
			if err != nil || string(got) != want.String() {
				t.Fatalf("%s: read back %d bytes of %d (%v)", name, len(got), want.Len(), err)
			}
			if rest, _ := io.ReadAll(zr); len(rest) != 0 {
				t.Errorf("%s: bytes after the stream", name)
			}
			if gzErr != nil {
				continue
			}
			cmd := exec.Command(gz, "-dc")
			cmd.Stdin = bytes.NewReader(sent)
			out, err := cmd.Output()
			if err != nil || string(out) != want.String() {
				t.Errorf("%s: gzip -dc read %d bytes of %d: %v", name, len(out), want.Len(), err)
			}
		}
	}
	if gzErr != nil {
		t.Logf("no gzip program (%v): checked with Go's reader only", gzErr)
	}
	t.Logf("a kept part of %d bytes is sent as %d deflated once", len(row.HTML()), len(row.Deflated()))
}
