package portal

import (
	"net/url"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// allowedTags are the elements a sanitized body may hold.
var allowedTags = map[string]bool{"p": true, "br": true, "h2": true, "h3": true, "h4": true, "strong": true, "em": true, "b": true,
	"i": true, "u": true, "s": true, "sub": true, "sup": true, "ul": true, "ol": true, "li": true, "blockquote": true, "hr": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "caption": true, "figure": true, "figcaption": true, "a": true}

// safeHTML reports what in h is outside the safe subset, "" for nothing.
func safeHTML(h string) string {
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			tok := z.Token()
			if !allowedTags[tok.Data] {
				return "element " + tok.Data
			}
			for _, a := range tok.Attr {
				switch a.Key {
				case "rel", "colspan", "rowspan":
				case "href":
					u, err := url.Parse(a.Val)
					if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
						return "href " + a.Val
					}
				default:
					return "attribute " + a.Key
				}
			}
		case xhtml.CommentToken, xhtml.DoctypeToken:
			return "comment or doctype"
		}
	}
}

func TestSanitizeCorpusSafe(t *testing.T) {
	for _, p := range xss {
		if why := safeHTML(Sanitize(p)); why != "" {
			t.Errorf("Sanitize(%q) keeps %s", p, why)
		}
	}
}

// FuzzSanitize: whatever is typed, the stored body holds only the safe
// subset, and sanitizing it again changes nothing that matters.
func FuzzSanitize(f *testing.F) {
	for _, p := range xss {
		f.Add(p)
	}
	f.Add("Dòng một\n\n1 < 2 & 3")
	f.Add(`<p>Kết quả <a href="https://dangcongsan.vn">xem</a></p>`)
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		if why := safeHTML(out); why != "" {
			t.Fatalf("Sanitize(%q) = %q keeps %s", in, out, why)
		}
		if why := safeHTML(Sanitize(out)); why != "" {
			t.Fatalf("second pass keeps %s", why)
		}
	})
}
