package vntext

import (
	"testing"

	"github.com/danvan/danvan/internal/i18n"
)

// The catalog's Vietnamese label of every kind of period is Label's.
func TestPeriodMessageMatchesLabel(t *testing.T) {
	for _, code := range []string{"2023", "2023S1", "2023S2", "2023Q3", "202307", "2010-2020"} {
		p, err := ParsePeriod(code)
		if err != nil {
			t.Fatal(err)
		}
		m := p.Message()
		if got := Messages.T(i18n.VI, m.Key, m.Args...); got != p.Label() {
			t.Errorf("%s: catalog says %q, Label %q", code, got, p.Label())
		}
		if got := Messages.T(i18n.EN, m.Key, m.Args...); got == p.Label() || got == "" {
			t.Errorf("%s: English label %q", code, got)
		}
	}
}
