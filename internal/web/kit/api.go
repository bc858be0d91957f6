package kit

import (
	"net/http"
	"strconv"
)

// APIPage reads an API list's ?limit= (1 to 500, 100 when absent or out
// of range) and ?offset= (0 when absent or negative).
func APIPage(r *http.Request) (limit, offset int) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 500 {
		limit = 100
	}
	offset, err = strconv.Atoi(r.URL.Query().Get("offset"))
	if err != nil {
		offset = 0
	}
	return limit, max(offset, 0)
}

// List is the body of an API list: one page of items and how many there
// are in all.
type List[T any] struct {
	Total int `json:"total"`
	Items []T `json:"items"`
}

// ListOf is the List of a page of rows, each shown with show; an empty
// page is an empty array, never null.
func ListOf[R, T any](total int, rows []R, show func(R) T) List[T] {
	out := List[T]{Total: total, Items: make([]T, 0, len(rows))}
	for _, row := range rows {
		out.Items = append(out.Items, show(row))
	}
	return out
}
