package kit

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
)

// DefaultPageSize is how many rows a list shows per page.
const DefaultPageSize = 25

// Pager is the pagination of a list page: which page, how many, and the
// links to the neighbours with every other query parameter kept.
type Pager struct {
	Page, Pages, Size, Total int
	PrevURL, NextURL         template.URL
}

// PageParams reads ?trang= (1-based) and returns the page and the SQL
// offset for size rows per page.
func PageParams(r *http.Request, size int) (page, offset int) {
	page, _ = strconv.Atoi(r.URL.Query().Get("trang"))
	if page < 1 {
		page = 1
	}
	if page > 100000 {
		page = 100000
	}
	return page, (page - 1) * size
}

// NewPager builds the pager for a list of total rows shown size at a time.
func NewPager(r *http.Request, page, size, total int) Pager {
	p := Pager{Page: page, Size: size, Total: total, Pages: (total + size - 1) / size}
	if p.Pages < 1 {
		p.Pages = 1
	}
	link := func(n int) template.URL {
		q := r.URL.Query()
		if n <= 1 {
			q.Del("trang")
		} else {
			q.Set("trang", strconv.Itoa(n))
		}
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		return template.URL(u.String())
	}
	if page > 1 {
		p.PrevURL = link(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.NextURL = link(page + 1)
	}
	return p
}
