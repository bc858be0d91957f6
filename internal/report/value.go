package report

import (
	"math"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/vntext"
)

// maxValue bounds a typed value (a thousand trillion: more than any
// count or amount in đồng a unit reports).
const maxValue = 1e15

// ParseValue reads one typed value for ind: the Vietnamese way ("5.112",
// "12,5", "85%"), checked against the indicator's rules. ok is false for
// empty text. label names the value in messages (a string or an
// i18n.Message, see ValueLabel); errors are apperr.Invalid without a
// field.
func ParseValue(ind Indicator, text string, label any) (v float64, ok bool, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, false, nil
	}
	n, perr := vntext.ParseNumber(text)
	if perr != nil || n.LowerBound || n.Approx || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return 0, false, apperr.Invalid("", "report.err.not_number", label, text)
	}
	v = n.Value
	if v < 0 {
		return 0, false, apperr.Invalid("", "report.err.negative", label)
	}
	if ind.Percent {
		if v > 100 {
			return 0, false, apperr.Invalid("", "report.err.percent_range", label)
		}
	} else if n.Percent {
		return 0, false, apperr.Invalid("", "report.err.not_number", label, text)
	}
	if ind.Integral && !ind.Percent && v != math.Trunc(v) {
		return 0, false, apperr.Invalid("", "report.err.not_whole", label)
	}
	if v > maxValue {
		return 0, false, apperr.Invalid("", "report.err.too_large", label, text, vntext.FormatInt(maxValue))
	}
	return v, true, nil
}

// checkRatios checks that each ratio's parts are consistent: the
// numerator is not larger than the denominator. byID holds every
// indicator of the report.
func checkRatios(inds []Indicator, byID map[int64]Indicator, vs Values, es *apperr.Errors) {
	for _, ind := range inds {
		if !ind.Derived() {
			continue
		}
		num, okN := byID[ind.NumeratorID]
		den, okD := byID[ind.DenominatorID]
		if !okN || !okD {
			continue
		}
		a, hasA := vs.Get(num)
		b, hasB := vs.Get(den)
		if hasA && hasB && a > b {
			es.Add(FieldName(Key{num.ID, firstPart(num)}), "report.err.ratio_parts", num.Label(), num.Format(a), den.Label(), den.Format(b))
		}
	}
}

func firstPart(ind Indicator) string {
	if p := ind.Parts(); p != nil {
		return p[0]
	}
	return ""
}

// RatioValue computes a ratio indicator from its parts' values; ok is
// false when the denominator is missing or zero.
func RatioValue(ind Indicator, num, den float64) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	v := num / den
	if ind.Percent {
		v *= 100
	}
	return v, true
}

// Ratio computes a ratio indicator from values holding its parts; ok is
// false when a part is missing or the denominator is zero.
func (vs Values) Ratio(ind Indicator, byID map[int64]Indicator) (float64, bool) {
	num, okN := vs.Get(byID[ind.NumeratorID])
	den, okD := vs.Get(byID[ind.DenominatorID])
	if !okN || !okD {
		return 0, false
	}
	return RatioValue(ind, num, den)
}
