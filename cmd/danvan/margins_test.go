package main

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestServeRefusesBadMargins: serve stops before opening anything when
// the document margins, from the flag or from DANVAN_DOCUMENT_MARGINS,
// are not four margins within bounds, and says which setting is wrong.
func TestServeRefusesBadMargins(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		env  string
	}{
		{"flag, three numbers", []string{"--document-margins", "25,25,35"}, ""},
		{"flag, too narrow", []string{"--document-margins", "25,25,35,2"}, ""},
		{"environment", nil, "25;25;35;15"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("DANVAN_DOCUMENT_MARGINS", c.env)
			args := append([]string{"--db", "sqlite:" + t.TempDir() + "/never.db"}, c.args...)
			err := runServe(t.Context(), args, strings.NewReader(""), io.Discard, io.Discard)
			var u usageError
			if !errors.As(err, &u) || !strings.Contains(err.Error(), "--document-margins") {
				t.Fatalf("runServe(%q) with DANVAN_DOCUMENT_MARGINS=%q: %v, want a usage error naming --document-margins", c.args, c.env, err)
			}
		})
	}
}
