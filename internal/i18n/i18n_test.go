package i18n_test

import (
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/i18n"
)

func TestTranslate(t *testing.T) {
	c := i18n.Catalog{
		"a":      {"Có %d vụ việc", "%d cases"},
		"only":   {"Chỉ tiếng Việt", ""},
		"period": {"6 tháng đầu năm %d", "first half of %d"},
		"wrap":   {"Kỳ %s", "Period %s"},
	}
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{i18n.VI, "a", []any{47}, "Có 47 vụ việc"},
		{i18n.EN, "a", []any{47}, "47 cases"},
		{i18n.EN, "only", nil, "Chỉ tiếng Việt"},
		{i18n.EN, "missing", nil, "[missing]"},
		{i18n.EN, "wrap", []any{i18n.M("period", 2023)}, "Period first half of 2023"},
		{i18n.VI, "wrap", []any{i18n.M("period", 2023)}, "Kỳ 6 tháng đầu năm 2023"},
		{i18n.EN, "wrap", []any{i18n.Text{"Hòa giải", "Mediation"}}, "Period Mediation"},
		{i18n.VI, "wrap", []any{i18n.Text{"Hòa giải", "Mediation"}}, "Kỳ Hòa giải"},
		{i18n.EN, "wrap", []any{i18n.Text{"Hòa giải", ""}}, "Period Hòa giải"},
	}
	for _, tt := range tests {
		if got := c.T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	// Translating a message argument must not change the caller's slice.
	args := []any{i18n.M("period", 2023)}
	c.T(i18n.EN, "wrap", args...)
	if _, ok := args[0].(i18n.Message); !ok {
		t.Error("T replaced a Message argument in the caller's slice")
	}
}

func TestMergeRefusesDuplicates(t *testing.T) {
	a := i18n.Catalog{"x": {"x", "x"}, "y": {"y", "y"}}
	b := i18n.Catalog{"z": {"z", "z"}}
	m, err := i18n.Merge(a, b)
	if err != nil || len(m) != 3 || !m.Has("z") {
		t.Fatalf("Merge = %v, %v", m, err)
	}
	if _, err := i18n.Merge(a, i18n.Catalog{"y": {"khác", "other"}}); err == nil || !strings.Contains(err.Error(), "y") {
		t.Errorf("duplicate key: err = %v", err)
	}
}
