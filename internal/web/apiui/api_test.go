package apiui_test

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/apiui"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestDescriptionIsServed reads /api/v1/openapi.yaml without a token (it
// is the file in docs/) and the reference page, which lists every
// operation with its operationId, in both languages.
func TestDescriptionIsServed(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	want, err := os.ReadFile("../../../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res := s.Anon().Get("/api/v1/openapi.yaml")
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !bytes.Equal(got, want) || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/yaml") {
		t.Fatalf("GET /api/v1/openapi.yaml: %d %q, %d bytes (want %d)", res.StatusCode, res.Header.Get("Content-Type"), len(got), len(want))
	}
	ops := apiui.Operations(want)
	if len(ops) < 20 {
		t.Fatalf("only %d operations read from the description", len(ops))
	}
	seen := map[string]bool{}
	for _, op := range ops {
		if op.ID == "" || op.Summary == "" || seen[op.ID] {
			t.Errorf("operation %s %s: id %q (twice: %v), summary %q", op.Method, op.Path, op.ID, seen[op.ID], op.Summary)
		}
		seen[op.ID] = true
	}
	for _, lang := range []string{"vi", "en"} {
		doc := webtest.Doc(t, s.Anon().Get("/tai-lieu-api?lang="+lang))
		rows := doc.Find("ul.operations li")
		if rows.Length() != len(ops) {
			t.Errorf("%s: the reference page lists %d operations, the description %d", lang, rows.Length(), len(ops))
		}
		if id := doc.Find("li#submitReport code.op-path").Text(); id != "POST /api/v1/reports/submit" {
			t.Errorf("%s: submitReport row: %q", lang, id)
		}
		if left := webtest.VietnameseLeft(doc); lang == "en" && len(left) > 0 {
			t.Errorf("Vietnamese on the English page: %v", left)
		}
	}
}
