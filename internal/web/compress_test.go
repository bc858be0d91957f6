package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPagesCompress: a page, the stylesheet and an API answer travel
// gzipped to a client that accepts it (and read back whole), plainly to
// one that does not; the figures printed are the page's two sizes.
func TestPagesCompress(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	page := webtest.Doc(t, s.Anon().Get("/don-vi"))
	css := page.Find(`link[rel="stylesheet"]`).AttrOr("href", "")
	tr := &http.Transport{DisableCompression: true}
	get := func(path, enc string) *http.Response {
		req, _ := http.NewRequest("GET", base+path, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		res, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, path := range []string{"/don-vi", css, "/api/v1/units"} {
		res := get(path, "gzip, br")
		zipped, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: Content-Encoding %q (status %d)", path, res.Header.Get("Content-Encoding"), res.StatusCode)
			continue
		}
		zr, err := gzip.NewReader(strings.NewReader(string(zipped)))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		res = get(path, "")
		want, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.Header.Get("Content-Encoding") != "" || len(plain) != len(want) {
			t.Errorf("%s: plain answer %q encoded, %d bytes unzipped vs %d plain", path, res.Header.Get("Content-Encoding"), len(plain), len(want))
		}
		if len(plain) > 1000 && len(zipped) >= len(plain)/2 {
			t.Errorf("%s: %d bytes gzipped, %d plain", path, len(zipped), len(plain))
		}
		t.Logf("%s: %d bytes, %d gzipped", path, len(plain), len(zipped))
	}
}
