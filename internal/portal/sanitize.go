package portal

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"

	"github.com/danvan/danvan/internal/vntext"
)

// The body of an article is HTML of a small, safe subset: paragraphs,
// headings of levels 2 to 4, emphasis, lists, quotations, tables and
// links to web or mail addresses (which get rel="nofollow noopener").
// Everything else — scripts, styles, event handlers, images, frames,
// forms, javascript: and data: links — is removed on save by
// bluemonday, so nothing stored can run in a reader's browser. Images
// are the article's own, shown by the page in the sizes it needs.

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

func bodyPolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.NewPolicy()
		p.AllowElements("p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
			"ul", "ol", "li", "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption")
		p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[1-9][0-9]?$`)).OnElements("td", "th")
		p.AllowAttrs("href").OnElements("a")
		p.AllowURLSchemes("http", "https", "mailto")
		p.RequireParseableURLs(true)
		p.AllowRelativeURLs(true)
		p.RequireNoFollowOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(false)
		p.RequireNoReferrerOnLinks(false)
		policy = p
	})
	return policy
}

// tagRE finds what looks like the start of a tag, a comment or an
// entity: text holding none is plain text.
var tagRE = regexp.MustCompile(`<[a-zA-Z/!?]|&[a-zA-Z#]`)

// Sanitize returns the safe HTML of an article's body. Text without any
// tag is taken as plain paragraphs separated by blank lines. The text is
// NFC-normalized with one tone placement.
func Sanitize(body string) string {
	body = vntext.Normalize(strings.ReplaceAll(body, "\r\n", "\n"))
	if !tagRE.MatchString(body) {
		var b strings.Builder
		for para := range strings.SplitSeq(body, "\n\n") {
			para = strings.TrimSpace(para)
			if para == "" {
				continue
			}
			b.WriteString("<p>")
			b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
			b.WriteString("</p>\n")
		}
		body = b.String()
	}
	return strings.TrimSpace(bodyPolicy().Sanitize(body))
}

// TextOf returns the text of sanitized HTML: block elements end lines,
// paragraphs are separated by a blank line; what feeds, search, the meta
// description and extract read.
func TextOf(h string) string {
	z := xhtml.NewTokenizer(strings.NewReader(h))
	var b strings.Builder
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.TrimSpace(collapseBlank(b.String()))
		case xhtml.TextToken:
			b.WriteString(strings.ReplaceAll(string(z.Text()), "\n", " "))
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p", "h2", "h3", "h4", "blockquote", "table", "ul", "ol", "figure":
				b.WriteString("\n\n")
			case "br", "li", "tr", "figcaption", "caption":
				b.WriteString("\n")
			case "td", "th":
				b.WriteString(" ")
			}
		}
	}
}

// collapseBlank trims every line and keeps at most one blank line.
func collapseBlank(s string) string {
	var out []string
	blank := true
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// Excerpt is the first n characters of a text, cut at a word, with an
// ellipsis when cut: for meta descriptions and lists.
func Excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
