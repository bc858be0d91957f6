package report

import (
	"os"
	"regexp"
	"testing"

	"github.com/danvan/danvan/internal/i18n"
)

// Every standard indicator and form has an English name, and migration
// 00150 gives databases seeded before English names the same ones.
func TestCatalogueInEnglish(t *testing.T) {
	for _, ni := range Catalogue() {
		if ni.NameEN == "" || ni.MeasureEN == "" {
			t.Errorf("indicator %s has no English name or measure", ni.Code)
		}
		if ni.LocalName(i18n.EN) != ni.NameEN || ni.LocalName(i18n.VI) != ni.Name {
			t.Errorf("indicator %s: LocalName picks the wrong language", ni.Code)
		}
	}
	for _, f := range StandardForms(nil) {
		if f.NameEN == "" {
			t.Errorf("form %s has no English name", f.Code)
		}
	}
	update := regexp.MustCompile(`UPDATE report_indicators SET name_en = '((?:[^']|'')*)', measure_en = '([^']*)' WHERE code = '(\w+)';`)
	for _, dialect := range []string{"sqlite", "postgres"} {
		b, err := os.ReadFile("../db/migrations/" + dialect + "/00150_report_english_names.sql")
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, m := range update.FindAllStringSubmatch(string(b), -1) {
			want, ok := catalogueEnglish[m[3]]
			if !ok || regexp.MustCompile(`''`).ReplaceAllString(m[1], "'") != want[0] || m[2] != want[1] {
				t.Errorf("%s migration: %s = %q %q, catalogue says %q", dialect, m[3], m[1], m[2], want)
			}
			seen++
		}
		if seen != len(catalogueEnglish) {
			t.Errorf("%s migration names %d indicators in English, the catalogue %d", dialect, seen, len(catalogueEnglish))
		}
	}
	// An indicator without an English name shows its Vietnamese one.
	if got := (Indicator{Name: "Tổ tự quản", Measure: "tổ"}).LocalMeasure(i18n.EN); got != "tổ" {
		t.Errorf("fallback = %q", got)
	}
}
