package dbtest

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
)

// Rows runs each query and returns every row it gives as text, one line a
// row: what a test compares before and after a refused call to prove that
// nothing was written.
func Rows(t testing.TB, d *db.DB, queries ...string) string {
	t.Helper()
	var b strings.Builder
	for _, q := range queries {
		rows, err := d.QueryContext(context.Background(), q)
		if err != nil {
			t.Fatalf("dbtest: %s: %v", q, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if raw, ok := v.([]byte); ok {
					vals[i] = string(raw)
				}
			}
			raw, _ := json.Marshal(vals)
			b.Write(raw)
			b.WriteByte('\n')
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		b.WriteString(strconv.Itoa(n) + " rows: " + q + "\n")
	}
	return b.String()
}

// Snapshot returns every row of every table but the ones named in skip
// (and goose's own), as Rows does: two snapshots taken around a refused
// request must be equal.
func Snapshot(t testing.TB, d *db.DB, skip ...string) string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if d.Dialect() == db.Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	rows, err := d.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		switch {
		case name == "goose_db_version" || slices.Contains(skip, name):
		case name == "audit_log":
			// The audit log records some reads on purpose: a refusal (kit
			// audits every 403) and a file or export sent (web audits
			// every download). Those requests must write nothing else.
			queries = append(queries, "SELECT * FROM audit_log WHERE action NOT IN ('refused', 'download') ORDER BY 1")
		default:
			queries = append(queries, "SELECT * FROM "+name+" ORDER BY 1")
		}
	}
	rows.Close()
	return Rows(t, d, queries...)
}
