package report

import (
	"fmt"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// parsePeriodKind reads a kind's English name ("half").
func parsePeriodKind(s string) (vntext.PeriodKind, error) {
	for k := vntext.Year; k <= vntext.Stage; k++ {
		if k.String() == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("report: unknown period kind %q", s)
}

// ParsePeriod reads a period code for a report (apperr.Invalid on error).
func ParsePeriod(code string) (vntext.Period, error) {
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		return vntext.Period{}, apperr.Invalid("period", "report.err.bad_period")
	}
	return p, nil
}

// Previous returns the period before p of the same kind: 2024S1 for
// 2024S2, 2023S2 for 2024S1, 2023 for 2024.
func Previous(p vntext.Period) vntext.Period {
	switch p.Kind {
	case vntext.Year:
		return vntext.Period{Kind: vntext.Year, Year: p.Year - 1}
	case vntext.Half:
		if p.Part == 1 {
			return vntext.Period{Kind: vntext.Half, Year: p.Year - 1, Part: 2}
		}
		return vntext.Period{Kind: vntext.Half, Year: p.Year, Part: 1}
	case vntext.Quarter:
		if p.Part == 1 {
			return vntext.Period{Kind: vntext.Quarter, Year: p.Year - 1, Part: 4}
		}
		return vntext.Period{Kind: vntext.Quarter, Year: p.Year, Part: p.Part - 1}
	case vntext.Month:
		if p.Part == 1 {
			return vntext.Period{Kind: vntext.Month, Year: p.Year - 1, Part: 12}
		}
		return vntext.Period{Kind: vntext.Month, Year: p.Year, Part: p.Part - 1}
	case vntext.Stage:
		n := p.ToYear - p.Year
		return vntext.Period{Kind: vntext.Stage, Year: p.Year - n, ToYear: p.Year}
	}
	return p
}

// YearBefore returns the same period one year earlier (2023S1 for 2024S1).
func YearBefore(p vntext.Period) vntext.Period {
	q := p
	q.Year--
	if q.Kind == vntext.Stage {
		q.ToYear--
	}
	return q
}

// Next returns the period after p of the same kind (not for stages).
func Next(p vntext.Period) vntext.Period {
	switch p.Kind {
	case vntext.Year:
		return vntext.Period{Kind: vntext.Year, Year: p.Year + 1}
	case vntext.Half:
		if p.Part == 2 {
			return vntext.Period{Kind: vntext.Half, Year: p.Year + 1, Part: 1}
		}
		return vntext.Period{Kind: vntext.Half, Year: p.Year, Part: 2}
	case vntext.Quarter:
		if p.Part == 4 {
			return vntext.Period{Kind: vntext.Quarter, Year: p.Year + 1, Part: 1}
		}
		return vntext.Period{Kind: vntext.Quarter, Year: p.Year, Part: p.Part + 1}
	case vntext.Month:
		if p.Part == 12 {
			return vntext.Period{Kind: vntext.Month, Year: p.Year + 1, Part: 1}
		}
		return vntext.Period{Kind: vntext.Month, Year: p.Year, Part: p.Part + 1}
	}
	n := p.ToYear - p.Year
	return vntext.Period{Kind: vntext.Stage, Year: p.ToYear, ToYear: p.ToYear + n}
}

// PeriodsBetween lists the periods of first's kind from first to last.
func PeriodsBetween(first, last vntext.Period) []vntext.Period {
	var out []vntext.Period
	for p := first; !p.Start().After(last.Start()) && len(out) < 400; p = Next(p) {
		out = append(out, p)
	}
	return out
}
