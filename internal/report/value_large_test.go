package report_test

import (
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/report"
)

// TestValueTooLarge: a number too large to be a real figure is called too
// large, with the bound, not "not a number".
func TestValueTooLarge(t *testing.T) {
	ind := report.Indicator{Name: "Số người", Integral: true, Aggregation: report.Sum}
	_, _, err := report.ParseValue(ind, "99999999999999999999999", "Số người")
	e, ok := apperr.As(err)
	if !ok || e.Key != "report.err.too_large" {
		t.Fatalf("err = %v, want report.err.too_large", err)
	}
	cat, err2 := i18n.Merge(report.Messages)
	if err2 != nil {
		t.Fatal(err2)
	}
	msg := cat.T("vi", e.Key, e.Args...)
	if !strings.Contains(msg, "quá lớn") || !strings.Contains(msg, "1.000.000.000.000.000") || strings.Contains(msg, "không phải là số") {
		t.Errorf("message = %q", msg)
	}
	if v, ok, err := report.ParseValue(ind, "1.000.000.000.000.000", "Số người"); err != nil || !ok || v != 1e15 {
		t.Errorf("the bound itself: %v %v %v", v, ok, err)
	}
}
