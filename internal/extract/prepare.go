package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/vntext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockKind says what part of the page a line of text is.
type blockKind uint8

const (
	kindMeta    blockKind = iota // page furniture, banner, dateline, byline
	kindTitle                    // the headline
	kindBody                     // running text of the article
	kindCaption                  // a photo caption: people yes, figures no
)

// block is one line (paragraph) of the normalized text.
type block struct {
	start, end int
	kind       blockKind
}

// document is the article as normalized text cut into blocks.
type document struct {
	text   string
	blocks []block
	title  int // index of the title block, -1 if none
	// notUTF8 is set when the input was not valid UTF-8 (a legacy
	// encoding such as TCVN3 or VNI, or a binary file).
	notUTF8 bool
	// titleFromCaption is set when the headline is a photo's caption
	// ("... - Ảnh 1.").
	titleFromCaption bool
}

func (d *document) hasBody() bool {
	for _, b := range d.blocks {
		if b.kind == kindBody {
			return true
		}
	}
	return false
}

func (d *document) str(b block) string { return d.text[b.start:b.end] }

// rawLine is a line of input before classification.
type rawLine struct {
	text     string
	heading  bool // from <h1>/<h2> or the page <title>
	caption  bool // inside <figcaption> or <figure>
	linkOnly bool // every letter is inside a link
}

// prepare turns the input into normalized, classified lines.
func prepare(doc []byte) *document {
	s := string(doc)
	notUTF8 := false
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		notUTF8 = true
	}
	var lines []rawLine
	var pageTitle string
	if looksHTML(s) {
		lines, pageTitle = htmlLines(s)
		lines = unwrapHTML(lines)
	} else {
		for _, l := range unwrap(splitLines(s)) {
			lines = append(lines, rawLine{text: l})
		}
	}
	d := &document{title: -1, notUTF8: notUTF8}
	var b strings.Builder
	b.Grow(len(s))
	var kept []rawLine
	for _, l := range lines {
		t := cleanLine(l.text)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		b.WriteString(t)
		d.blocks = append(d.blocks, block{start: start, end: b.Len(), kind: kindBody})
		l.text = t
		kept = append(kept, l)
	}
	d.text = b.String()
	classify(d, kept, cleanLine(pageTitle))
	return d
}

// splitLines splits on \n, \r\n and lone \r.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// unwrap joins hard-wrapped lines (text copied from a PDF or an e-mail):
// a long line that does not end a sentence, followed by a line that
// starts in lower case or with a digit, continues on that line. A date
// line ("thứ tư, 26/11/2025") stands alone: it is the page's. In a text
// wrapped at every line (see wrappedText) a line that ends no sentence
// continues more readily (continuesWrapped).
func unwrap(lines []string) []string {
	wrapped := wrappedText(lines)
	out := lines[:0:0]
	head, headWhole := -1, false // the first line that is no date line, still unjoined
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if n := len(out); n > 0 && t != "" {
			prev := strings.TrimSpace(out[n-1])
			r, _ := utf8.DecodeRuneInString(t)
			join := continues(prev, r)
			if !join && wrapped {
				join = continuesWrapped(prev, t, head == n-1 && headWhole)
			}
			if join && !isDateLine(cleanLine(t)) {
				out[n-1] = prev + " " + t
				headWhole = false
				continue
			}
		}
		if head < 0 && t != "" && !isDateLine(cleanLine(t)) {
			head, headWhole = len(out), true
		}
		out = append(out, l)
	}
	return out
}

// continues reports whether a line starting with r continues the line
// prev: prev ends with a comma, or is long, ends no sentence, and the next
// line starts in lower case or with a digit.
func continues(prev string, r rune) bool {
	if strings.HasSuffix(prev, ",") {
		return true
	}
	return len(prev) >= 40 && !endsSentence(prev) && (isLetter(r) && !isUpper(r) || r >= '0' && r <= '9')
}

// wrappedText reports whether the lines were cut inside their sentences
// throughout (an excerpt whose source broke its paragraphs at a fixed
// width or at every tag): at least three line ends fall where no
// sentence ends and the next line goes on in lower case or with a
// number that is no date line.
func wrappedText(lines []string) bool {
	n := 0
	prev := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			prev = ""
			continue
		}
		if prev != "" && !endsSentence(prev) {
			if r, _ := utf8.DecodeRuneInString(t); isLetter(r) && !isUpper(r) || r >= '0' && r <= '9' && !isDateLine(cleanLine(t)) {
				n++
				if n >= 3 {
					return true
				}
			}
		}
		prev = t
	}
	return false
}

// openWords end no phrase: a place or body word waiting for its name
// (`xã` / `Thượng`, `Ủy ban` / `MTTQ`), a title waiting for its holder, a
// preposition or conjunction waiting for its object.
var openWords = wordSet(`xã huyện tỉnh phường quận trấn thị thành ban ủy đ/c đc chí ông bà tịch thư trưởng phó của và với cho tại các có là về trận`)

// continuesWrapped reports whether, in a text wrapped inside its
// sentences, the line next goes on from prev although the length rule
// of continues does not hold: prev ends no sentence and is not a list's
// lead (`:`), next is no list item, and either next goes on in lower case
// or with a number, or it starts with a capital after a word that cannot
// end a phrase (a capitalized word of a name, an open word). The first
// line, the headline of most excerpts, takes no capital after it.
func continuesWrapped(prev, next string, afterFirst bool) bool {
	if prev == "" || endsSentence(prev) || strings.HasSuffix(prev, "-") || listItem(next) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if isLetter(r) && !isUpper(r) || r >= '0' && r <= '9' {
		return true
	}
	if !isUpper(r) || afterFirst {
		return false
	}
	last := prev
	if i := strings.LastIndexFunc(prev, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(prev[i:])
		last = prev[i+size:]
	}
	if lr, _ := utf8.DecodeRuneInString(last); isUpper(lr) && allLetters(last) {
		return true
	}
	return openWords[strings.ToLower(cleanLine(last))]
}

// allLetters reports whether s is one word of letters only.
func allLetters(s string) bool {
	for _, r := range s {
		if !isLetter(r) {
			return false
		}
	}
	return s != ""
}

// listItem reports whether a line opens a list item: a dash, bullet or
// plus sign, or a number or letter followed by `.` or `)`.
func listItem(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	switch r {
	case '-', '+', '•', '*', '–', '—', '·':
		return true
	}
	i := size
	if r >= '0' && r <= '9' {
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i > 2 {
			return false // "2030. Dự": a year ending a sentence, not an item's number
		}
	} else if !isLetter(r) || i >= len(t) || t[i] != '.' && t[i] != ')' {
		return false
	}
	return i < len(t) && (t[i] == '.' || t[i] == ')') && (i+1 == len(t) || t[i+1] == ' ')
}

// unwrapHTML applies unwrap's rules to lines cut by <br> inside a sentence.
func unwrapHTML(lines []rawLine) []rawLine {
	texts := make([]string, 0, len(lines))
	for _, l := range lines {
		if !l.heading {
			texts = append(texts, l.text)
		}
	}
	wrapped := wrappedText(texts)
	out := lines[:0:0]
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if n := len(out); n > 0 && t != "" && !l.heading && !out[n-1].heading {
			prev := strings.TrimSpace(out[n-1].text)
			r, _ := utf8.DecodeRuneInString(t)
			join := continues(prev, r)
			if !join && wrapped {
				join = continuesWrapped(prev, t, false) && !isUpper(r)
			}
			if join && !isDateLine(cleanLine(t)) {
				out[n-1].text = prev + " " + t
				out[n-1].linkOnly = out[n-1].linkOnly && l.linkOnly
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// cleanLine normalizes one line: spaces of every kind become one ASCII
// space, invisible characters go, and the text is NFC with one tone-mark
// placement.
func cleanLine(s string) string {
	if plainSpaces(s) {
		return vntext.Normalize(strings.TrimSpace(s))
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			continue
		case ' ', '\t', '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
			'\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\v', '\f',
			'\n', '\r', '\u0085', '\u2028', '\u2029':
			space = true
			continue
		}
		if r < 0x20 || r == 0x7f {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return vntext.Normalize(b.String())
}

// plainSpaces reports whether s has only single ASCII spaces and no
// control, invisible or special space characters, so cleanLine need not
// rebuild it.
func plainSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f:
			return false
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			return false
		case c == 0xC2 && i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0xAD || s[i+1] == 0x85):
			return false
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] <= 0x8F || s[i+2] >= 0xA8 && s[i+2] <= 0xAF):
			return false // U+2000-U+200F, U+2028-U+202F
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x81 && (s[i+2] == 0x9F || s[i+2] == 0xA0):
			return false // U+205F, U+2060
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80:
			return false // U+3000
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF:
			return false // BOM
		case c == 0xE2 && i+2 >= len(s), c == 0xE3 && i+2 >= len(s), c == 0xEF && i+2 >= len(s):
			return false
		}
	}
	return true
}

// looksHTML reports whether s is an HTML page or fragment rather than text.
func looksHTML(s string) bool {
	head := s
	if len(head) > 4096 {
		head = head[:4096]
	}
	if !strings.Contains(head, "<") {
		return false
	}
	l := strings.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<br", "<article", "<h1", "<span", "<table", "<meta"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}

// skipClass lists class/id fragments of page furniture.
var skipClass = []string{"menu", "navbar", "breadcrumb", "footer", "sidebar", "share", "social",
	"comment", "poll", "vote", "related", "tinlienquan", "tin-lien-quan", "othernews", "other-news",
	"tinkhac", "tin-khac", "banner", "advert", "quangcao", "login", "search", "binhluan", "phanhoi"}

// htmlLines walks the page and returns its text with block boundaries,
// leaving out scripts, forms, navigation and other furniture.
func htmlLines(s string) ([]rawLine, string) {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return []rawLine{{text: s}}, ""
	}
	w := &htmlWalker{}
	w.walk(root, false, false, 0)
	w.flush()
	return w.lines, w.title
}

type htmlWalker struct {
	lines   []rawLine
	cur     strings.Builder
	letters int // letters in cur
	inLink  int // letters in cur inside <a>
	heading bool
	caption bool
	title   string
}

func (w *htmlWalker) flush() {
	t := strings.TrimSpace(w.cur.String())
	if t != "" {
		w.lines = append(w.lines, rawLine{
			text: t, heading: w.heading, caption: w.caption,
			linkOnly: w.letters > 0 && w.inLink == w.letters,
		})
	}
	w.cur.Reset()
	w.letters, w.inLink = 0, 0
	w.heading, w.caption = false, false
}

func isBlockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Section, atom.Article,
		atom.Header, atom.Blockquote, atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Dl,
		atom.Pre, atom.Hr, atom.Main, atom.Tbody, atom.Center, atom.Img:
		return true
	}
	return false
}

func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Footer, atom.Aside,
		atom.Form, atom.Select, atom.Option, atom.Button, atom.Iframe, atom.Svg, atom.Canvas,
		atom.Input, atom.Textarea, atom.Menu, atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Map:
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, c := range skipClass {
			if strings.Contains(v, c) {
				return true
			}
		}
	}
	return false
}

func (w *htmlWalker) walk(n *html.Node, inLink, inCaption bool, depth int) {
	if depth > 200 {
		return
	}
	switch n.Type {
	case html.TextNode:
		t := n.Data
		if strings.TrimSpace(t) == "" {
			if w.cur.Len() > 0 {
				w.cur.WriteByte(' ')
			}
			return
		}
		w.cur.WriteString(t)
		for _, r := range t {
			if r > ' ' {
				w.letters++
				if inLink {
					w.inLink++
				}
			}
		}
		if inCaption {
			w.caption = true
		}
		return
	case html.ElementNode:
		if n.DataAtom == atom.Head {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Title && c.FirstChild != nil {
					w.title = c.FirstChild.Data
				}
			}
			return
		}
		if skipElement(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && isBlockAtom(n.DataAtom)
	if block {
		w.flush()
	}
	if n.DataAtom == atom.A {
		inLink = true
	}
	if n.DataAtom == atom.Figcaption || n.DataAtom == atom.Figure {
		inCaption = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inLink, inCaption, depth+1)
	}
	if block {
		if n.DataAtom == atom.H1 || n.DataAtom == atom.H2 {
			w.heading = true
		}
		w.flush()
	}
}

// furniturePrefixes start lines that are page furniture, in lower case.
var furniturePrefixes = []string{
	"quay lại", "trở về", "[trở về]", "về trang trước", "bài viết khác", "các bài viết khác", "tin khác",
	"các tin khác", "tin liên quan", "bài liên quan", "các tin liên quan", "tin cùng chuyên mục",
	"xem thêm", "gửi cho bạn bè", "gởi cho bạn bè", "rss", "gửi bài viết", "gửi email", "in bài", "in trang", "bản in", "chia sẻ",
	"lượt xem", "số lượt xem", "lượt truy cập", "ngày đăng", "ngày cập nhật", "cập nhật lúc", "cập nhật:",
	"đăng lúc", "phản hồi", "thông tin người gửi", "ý kiến bạn đọc", "bình luận", "gửi ý kiến",
	"gửi phản hồi", "thăm dò ý kiến", "bạn đánh giá", "bạn thấy", "liên kết website", "liên kết web",
	"xem tất cả", "xem kết quả", "biểu quyết", "chào mừng", "trang thông tin", "cổng thông tin",
	"chi tiết tin", "bản quyền", "copyright", "©",
	"điện thoại:", "email:", "e-mail:", "địa chỉ:", "fax:", "hotline", "đường dây nóng", "tác giả:",
	"tin, ảnh:", "tin và ảnh:", "tin, ảnh :", "bài, ảnh:", "ảnh:", "nguồn:", "(nguồn", "nguồn tin:",
	"»", "«", "tags:", "từ khóa:", "từ khoá:", "tải về", "tập tin đính kèm", "file đính kèm",
	"lên đầu trang",
}

// furnitureLines are whole lines of furniture (menus, poll options).
var furnitureLines = map[string]bool{"trang chủ": true, "đăng nhập": true, "đăng ký": true,
	"tìm kiếm": true, "top": true, "print": true, "share": true, "rất tốt": true, "tốt": true,
	"bình thường": true, "chưa tốt": true, "ý kiến khác": true, "kém": true, "khá": true,
	"giới thiệu": true, "liên hệ": true, "sơ đồ trang": true, "tin tức": true, "tin tức - sự kiện": true,
	"văn bản": true, "thư viện ảnh": true, "video": true, "english": true, "rss": true, "in": true}

// endMarkers end the article: what follows them is other news, feedback
// forms and polls.
var endMarkers = []string{
	"quay lại", "trở về", "[trở về]", "về trang trước", "bài viết khác", "các bài viết khác", "tin khác",
	"các tin khác", "tin liên quan", "bài liên quan", "các tin liên quan", "tin cùng chuyên mục",
	"gửi cho bạn bè", "phản hồi", "thông tin người gửi", "ý kiến bạn đọc", "bình luận",
	"thăm dò ý kiến", "liên kết website",
}

// softEndMarkers end the article only when no long paragraph follows:
// some portals put a related-news line in the middle of the text.
var softEndMarkers = map[string]bool{"xem thêm": true, "tin liên quan": true, "bài liên quan": true,
	"các tin liên quan": true, "tin cùng chuyên mục": true}

var imageExt = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".pdf", ".doc", ".docx", ".xls", ".xlsx"}

// isFurniture reports whether a line is page furniture; end reports
// whether it also ends the article.
func isFurniture(t string) (furn, end bool) {
	if len(t) > 400 {
		return false, false
	}
	l := lowerASCIIish(t)
	if furnitureLines[strings.TrimSpace(l)] {
		return true, false
	}
	if len(l) < 160 && (strings.Contains(l, "»") || strings.Contains(l, " > ") || strings.Contains(l, " | ")) && !endsSentence(t) {
		return true, false // breadcrumb or menu
	}
	if len(l) <= 120 {
		for _, p := range endMarkers {
			if hasWordPrefix(l, p) {
				return true, true
			}
		}
		for _, p := range furniturePrefixes {
			if hasWordPrefix(l, p) {
				return true, false
			}
		}
		for _, e := range imageExt {
			if strings.HasSuffix(l, e) && !strings.Contains(l, " ") {
				return true, false
			}
		}
	}
	if strings.Contains(l, "lượt xem:") || strings.Contains(l, "ngày đăng:") || strings.Contains(l, "lượt xem :") {
		return true, false
	}
	return false, false
}

func softEnd(t string) bool {
	l := lowerASCIIish(t)
	for m := range softEndMarkers {
		if hasWordPrefix(l, m) {
			return true
		}
	}
	return false
}

// longAfter reports a paragraph of running text after block i.
func longAfter(d *document, i int) bool {
	for _, b := range d.blocks[i+1:] {
		if t := d.str(b); len(t) >= 200 && endsSentence(t) {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether l starts with p followed by a non-letter.
func hasWordPrefix(l, p string) bool {
	if !strings.HasPrefix(l, p) {
		return false
	}
	if len(l) == len(p) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(l[len(p):])
	return !isLetter(r)
}

// classify decides the kind of every block: furniture, banner lines before
// the headline, the headline, datelines, captions, bylines and body.
func classify(d *document, lines []rawLine, pageTitle string) {
	n := len(d.blocks)
	// Furniture and the end of the article.
	bodyChars := 0
	cut := n
	for i := 0; i < n; i++ {
		t := d.str(d.blocks[i])
		furn, end := isFurniture(t)
		if lines[i].linkOnly && !lines[i].heading && len(t) < 160 {
			furn = true
		}
		if furn {
			d.blocks[i].kind = kindMeta
			if end && bodyChars >= 200 && !(softEnd(t) && longAfter(d, i)) {
				cut = i
				break
			}
			continue
		}
		if isDateLine(t) {
			d.blocks[i].kind = kindMeta
			continue
		}
		if len(t) >= 120 {
			bodyChars += len(t)
		}
	}
	for i := cut; i < n; i++ {
		d.blocks[i].kind = kindMeta
	}
	// The headline: an HTML heading, else the first short line that names
	// an event or a board before the first long paragraph.
	firstLong := -1
	for i := 0; i < cut; i++ {
		if d.blocks[i].kind == kindBody && paragraphLike(d.str(d.blocks[i])) {
			firstLong = i
			break
		}
	}
	limit := firstLong
	if limit < 0 {
		limit = cut
	}
	title := -1
	// The last heading before the text that names an event: a portal's
	// own name ("Ban Dân vận Tỉnh ủy ...") may come first as a heading.
	for i := 0; i < limit; i++ {
		t := d.str(d.blocks[i])
		if d.blocks[i].kind == kindBody && lines[i].heading && titleLike(t) && !isBannerLine(t) && hasEventWord(t) {
			title = i
		}
	}
	for i := 0; i < limit && title < 0; i++ {
		t := d.str(d.blocks[i])
		if d.blocks[i].kind == kindBody && lines[i].heading && titleLike(t) && !isBannerLine(t) {
			title = i
		}
	}
	if title < 0 {
		// A headline written as a sentence, with its full stop, over the
		// page's date line: "Ủy ban MTTQ Việt Nam huyện Mê Linh tổ chức
		// Hội nghị giao ban ... năm 2018." then "14/09/2018 - 03:12 PM";
		// or in capitals, which no lead sentence is written in ("KHỐI DÂN
		// VẬN ĐẢNG ỦY TỔ CHỨC HỘI NGHỊ GIAO BAN ... NĂM 2021.").
		for i := 0; i+1 < cut && i < limit; i++ {
			if d.blocks[i].kind != kindBody {
				continue
			}
			t := d.str(d.blocks[i])
			if u := strings.TrimSuffix(t, "."); u != t && titleLike(u) && hasEventWord(u) && (isDateLine(d.str(d.blocks[i+1])) || allCapsLine(u)) {
				title = i
			}
			break
		}
	}
	if title < 0 {
		for i := 0; i < limit; i++ {
			if t := d.str(d.blocks[i]); d.blocks[i].kind == kindBody && titleLike(t) && hasEventWord(t) && (!isBannerLine(t) || hasStrongEventWord(t)) {
				title = i
				break
			}
		}
	}
	if title < 0 {
		for i := 0; i < limit; i++ {
			t := d.str(d.blocks[i])
			if d.blocks[i].kind == kindBody && titleLike(t) && !isBannerLine(t) {
				title = i
				break
			}
		}
	}
	if title < 0 && pageTitle != "" {
		for i := 0; i < cut; i++ {
			if d.blocks[i].kind == kindBody && strings.HasPrefix(pageTitle, d.str(d.blocks[i])) {
				title = i
				break
			}
		}
	}
	if title >= 0 {
		body := false
		for i := title + 1; i < cut; i++ {
			if d.blocks[i].kind == kindBody {
				body = true
				break
			}
		}
		if !body {
			title = -1 // a one-paragraph text: all body
		}
	}
	if title < 0 {
		// Some newspapers' pages caption their first photo with the
		// headline: "Tuyên dương 54 tập thể, 61 gương điển hình dân vận
		// khéo - Ảnh 1." after an excerpt's first paragraph. It is the
		// headline, though the text before it stays body.
		for i := 0; i < cut; i++ {
			t := d.str(d.blocks[i])
			if u, ok := strings.CutSuffix(strings.TrimSuffix(t, "."), " - Ảnh 1"); ok && d.blocks[i].kind == kindBody && titleLike(u) && hasEventWord(u) {
				d.title = i
				d.blocks[i].kind = kindTitle
				d.blocks[i].end = d.blocks[i].start + len(u) // the headline, not the photo's number
				d.titleFromCaption = true
				break
			}
		}
	}
	if title >= 0 {
		d.title = title
		d.blocks[title].kind = kindTitle
		for i := 0; i < title; i++ {
			d.blocks[i].kind = kindMeta
		}
		// A repeated headline (the sapo line of some portals) is not body.
		for i := title + 1; i < cut && i <= title+3; i++ {
			if sameHeadline(d.str(d.blocks[i]), d.str(d.blocks[title])) {
				d.blocks[i].kind = kindMeta
			}
		}
	}
	// Captions and bylines: short lines without closing punctuation.
	lastLong := -1
	for i := 0; i < cut; i++ {
		if d.blocks[i].kind == kindBody && len(d.str(d.blocks[i])) >= 200 {
			lastLong = i
		}
	}
	for i := 0; i < cut; i++ {
		b := &d.blocks[i]
		if b.kind != kindBody {
			continue
		}
		t := d.str(*b)
		if lines[i].caption && len(t) < 300 {
			b.kind = kindCaption
			continue
		}
		if len(t) < 160 && !endsSentence(t) && !isListItem(t) {
			if i > lastLong && lastLong >= 0 && !namesPerson(t) && cutSentence(t) {
				// the excerpt's last sentence, cut short: "6 tháng cuối
				// năm, các cấp hội cựu chiến binh tiếp tục đổ"
				continue
			}
			if i > lastLong && lastLong >= 0 && !namesPerson(t) {
				b.kind = kindMeta // byline, source
			} else {
				b.kind = kindCaption
			}
		}
	}
}

// namesPerson reports a line that opens with a person ("Đồng chí Trần
// Nhật Minh – ... tiếp thu ..."): a caption, never a byline.
func namesPerson(t string) bool {
	l := lowerASCIIish(t[:min(len(t), 24)])
	return strings.HasPrefix(l, "đồng chí ") || strings.HasPrefix(l, "đ/c ")
}

// paragraphLike reports a block of running text, not a long headline:
// at least 200 bytes with a full stop inside or at its end.
func paragraphLike(t string) bool {
	if len(t) < 200 {
		return false
	}
	t = strings.TrimRight(t, " ")
	return strings.Contains(t, ". ") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":")
}

// sameHeadline reports whether line repeats the headline, as the sapo
// line of some portals does, maybe in another case and with a word or
// two more or less.
func sameHeadline(line, title string) bool {
	if line == title {
		return true
	}
	if len(line) > 2*len(title)+20 {
		return false
	}
	w1, w2 := foldWords(line), foldWords(title)
	if len(w1) < 4 || len(w2) < 4 {
		return false
	}
	in := map[string]int{}
	for _, w := range w2 {
		in[w]++
	}
	common := 0
	for _, w := range w1 {
		if in[w] > 0 {
			in[w]--
			common++
		}
	}
	return common*10 >= 9*max(len(w1), len(w2))
}

// foldWords splits s into words folded for matching (lower case, no
// marks).
func foldWords(s string) []string {
	return strings.FieldsFunc(vntext.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, " ")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', ':', ';', '!', '?', '…', '”', '"', '»', ')':
		if r == ')' && strings.HasPrefix(t, "(") {
			return false // "(baosoctrang.org.vn)"
		}
		return true
	}
	return false
}

func isListItem(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] {
	case '-', '+', '*':
		return true
	}
	if strings.HasPrefix(t, "•") || strings.HasPrefix(t, "–") {
		return true
	}
	// "1. ", "2) ", "a) "
	i := 0
	for i < len(t) && i < 3 && (t[i] >= '0' && t[i] <= '9' || t[i] >= 'a' && t[i] <= 'z') {
		i++
	}
	return i > 0 && i < len(t)-1 && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// titleLike reports whether t could be a headline.
func titleLike(t string) bool {
	if len(t) < 12 || len(t) > 400 {
		return false
	}
	// A headline does not end with a full stop; a one-sentence lead does.
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "...") {
		return false
	}
	// Several sentences are a paragraph, not a headline.
	for i := 0; i+2 < len(t); i++ {
		if t[i] == '.' && t[i+1] == ' ' && isUpperStartByte(t[i+2:]) {
			return false
		}
	}
	if isDateLine(t) {
		return false
	}
	letters := 0
	for _, r := range t {
		if isLetter(r) {
			letters++
		}
	}
	return letters >= 8
}

func isUpperStartByte(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isUpper(r)
}

// isBannerLine is a site banner: all capitals or a portal greeting.
func isBannerLine(t string) bool {
	upper, lower := 0, 0
	for _, r := range t {
		if isUpper(r) {
			upper++
		} else if isLetter(r) {
			lower++
		}
	}
	return upper > 0 && lower == 0
}

var eventWords = []string{"hội nghị", "tổng kết", "sơ kết", "triển khai", "tập huấn", "khen thưởng",
	"tuyên dương", "đối thoại", "mô hình", "dân vận", "tọa đàm", "hội thảo", "chuyên đề", "bồi dưỡng",
	"giao ban", "quán triệt", "lễ ", "biểu dương", "ra mắt", "phát động", "bàn giao"}

// strongEventWords name a meeting even in an all-capitals headline
// ("HỘI NGHỊ TỔNG KẾT ..."), unlike a portal banner ("BAN DÂN VẬN ...").
var strongEventWords = []string{"hội nghị", "tổng kết", "sơ kết", "triển khai", "tập huấn", "khen thưởng",
	"tuyên dương", "đối thoại", "tọa đàm", "hội thảo", "giao ban", "quán triệt", "bàn giao"}

func hasStrongEventWord(t string) bool {
	l := lowerASCIIish(t)
	for _, w := range strongEventWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func hasEventWord(t string) bool {
	l := lowerASCIIish(t)
	for _, w := range eventWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isDateLine is a line that is only a date, with an optional weekday and
// time: a publication line, never the event.
func isDateLine(t string) bool {
	if len(t) > 60 {
		return false
	}
	l := lowerASCIIish(t)
	for _, w := range []string{"chủ nhật", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7", "ngày"} {
		if strings.HasPrefix(l, w) {
			l = strings.TrimSpace(l[len(w):])
			break
		}
	}
	l = strings.TrimLeft(l, ", -|")
	if l == "" || l[0] < '0' || l[0] > '9' {
		return false
	}
	digits := 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case bytes.IndexByte([]byte("/-.:|, ()apmhgiờ"), c) >= 0:
		default:
			if c >= utf8.RuneSelf {
				continue
			}
			return false
		}
	}
	return digits >= 4
}

// cutSentence reports running text that stops without its full stop: a
// line of ten words or more, at least half in lower case ("Năm 2018, Huyện
// đoàn Phong Điền tiếp tục thực hiện hiệu qu"), and the last line of the
// text. A byline ("NGỌC MINH - NGÔ CHIẾN", "Đỗ Hùng (Tổng hợp)") or a
// source line is short or capitalized.
func cutSentence(t string) bool {
	words := strings.Fields(t)
	if len(words) < 10 {
		return false
	}
	lower := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if isLetter(r) && !isUpper(r) {
			lower++
		}
	}
	return lower*10 >= len(words)*5
}

// allCapsLine reports a line whose letters are all capitals.
func allCapsLine(t string) bool {
	n := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			n++
		}
	}
	return n >= 8
}
