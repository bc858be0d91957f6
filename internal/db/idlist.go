package db

import (
	"strconv"
	"strings"
)

// IDList writes ids as a comma-separated list for an SQL "IN (…)" of
// ids the program computed (a reach, a subtree): integers only, so it
// is safe to splice into a query, and one string however many ids
// there are (a placeholder per id would pass PostgreSQL's limit of
// 65.535 parameters at national scale).
func IDList(ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	return b.String()
}
