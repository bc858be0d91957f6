package extract

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"time"

	"golang.org/x/text/unicode/norm"
)

// TestSpellingInvariance checks that the same article gives the same
// record however it is encoded: NFD, Windows line ends, no-break spaces,
// the other tone-mark placement, Ð for Đ.
func TestSpellingInvariance(t *testing.T) {
	variants := map[string]func(string) string{
		"nfd":   norm.NFD.String,
		"crlf":  func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"nbsp":  func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") },
		"tones": strings.NewReplacer("ủy", "uỷ", "hòa", "hoà", "Hòa", "Hoà", "thủy", "thuỷ", "Thủy", "Thuỷ").Replace,
		"eth":   func(s string) string { return strings.ReplaceAll(s, "Đ", "Ð") },
	}
	for _, d := range checkedDirs() {
		for _, c := range loadCases(t, d.articles, d.gold) {
			want := recordJSON(t, c.doc, c.published)
			for name, f := range variants {
				if name == "nbsp" && looksHTML(string(c.doc)) {
					continue // a no-break space inside a tag is not HTML
				}
				got := recordJSON(t, []byte(f(string(c.doc))), c.published)
				if got != want {
					t.Errorf("%s (%s):\n got %s\nwant %s", c.name, name, got, want)
				}
			}
		}
	}
}

func recordJSON(t *testing.T, doc []byte, pub time.Time) string {
	t.Helper()
	rec, err := Extract(context.Background(), doc, Options{Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEdgeInputs feeds input that is not an article.
func TestEdgeInputs(t *testing.T) {
	for _, in := range []string{"", " \n\r\n ", "<html><script>var a=1</script></html>", "\xff\xfe\x00\x01",
		"<p>", "Quay lại\nGửi cho bạn bè", strings.Repeat("Đồng chí ", 1000)} {
		rec, err := Extract(context.Background(), []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Chairs)+len(rec.Attendees)+len(rec.Figures) != 0 || rec.EventDate != nil {
			t.Errorf("%q: unexpected values %+v", in, rec)
		}
		if len(rec.Warnings) == 0 {
			t.Errorf("%q: want a warning", in)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, []byte("x"), Options{}); err == nil {
		t.Error("want an error for a cancelled context")
	}
}
