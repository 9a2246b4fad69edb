// Package lang is vcsim's message catalogue: every label, header and
// sentence of charts and reports in English and Russian, and numbers
// formatted for each language (thousands separators; a decimal comma in
// Russian).
package lang

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Lang is a language of output.
type Lang string

// Languages.
const (
	EN Lang = "en"
	RU Lang = "ru"
)

// T returns the message key in language l, formatted with args when given.
// An unknown key is a programming error and comes back as "!key".
func (l Lang) T(key string, args ...any) string {
	s, ok := l.message(key)
	if !ok {
		return "!" + key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Thousands formats x rounded to a whole number with a thousands
// separator: "1,234,567" in English, "1 234 567" in Russian (a no-break
// space, U+00A0, as CLDR's Russian locale and browsers write it).
func (l Lang) Thousands(x float64) string { return l.Number(x, 0) }

// Number formats x with the given decimals and the language's separators:
// CLDR's decimal pattern #,##0.### with its symbols (English "," and ".";
// Russian U+00A0 and ","), as golang.org/x/text/number writes it. This and
// Percent are vcsim's only number formatters: the console, the report, the
// workbook's labels and the page (web/assets/app.js follows the same rule)
// all use them.
func (l Lang) Number(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return l.T("na")
	}
	s := strconv.FormatFloat(roundHalfUp(math.Abs(x), decimals), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if l == RU {
		sep, dec = "\u00a0", ","
	}
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("-")
	}
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// roundHalfUp returns x (not negative) or, where x lies exactly halfway
// between two numbers of the given decimals, the next float64 above it, so
// that strconv's exact rounding (which breaks such ties to even: 306.5 ->
// "306") rounds the tie up instead: 306.5 -> "307", as math.Round in the
// CSV files and the page's Intl.NumberFormat (roundingMode halfExpand)
// write it. A tie is exact: x's shortest decimal form then has one digit
// more than decimals, and that digit is 5.
func roundHalfUp(x float64, decimals int) float64 {
	if decimals < 0 {
		return x
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	_, frac, _ := strings.Cut(s, ".")
	if len(frac) != decimals+1 || frac[decimals] != '5' {
		return x
	}
	// The shortest form may end in 5 where the exact binary value does not
	// (1.005 is 1.00499999999999989...): check the tie exactly.
	scaled := new(big.Float).SetPrec(256).SetFloat64(x)
	scaled.Mul(scaled, new(big.Float).SetPrec(256).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
	whole, _ := scaled.Int(nil)
	scaled.Sub(scaled, new(big.Float).SetPrec(256).SetInt(whole))
	if scaled.Cmp(big.NewFloat(0.5)) == 0 {
		return math.Nextafter(x, math.Inf(1))
	}
	return x
}

// Percent formats a share as a percentage with one decimal by CLDR's
// percent pattern: "66.6%" in English, "66,6 %" in Russian (#,##0 % with
// a no-break space before the sign).
func (l Lang) Percent(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return l.T("na")
	}
	if l == RU {
		return l.Number(100*x, 1) + "\u00a0%"
	}
	return l.Number(100*x, 1) + "%"
}

// All returns every message in language l, by key (for the workshop
// page, which takes its labels from this catalogue); a message l's
// catalogue lacks is in English.
func All(l Lang) map[string]string {
	out := make(map[string]string, len(english.Messages))
	for k, s := range english.Messages {
		out[k] = s
	}
	for k, s := range l.catalogue().Messages {
		out[k] = s
	}
	return out
}

// Count writes n with the noun that counts households (household true) or
// firms, in the language's plural form: "1 firm", "2,500 households",
// "1 предприятие", "3 предприятия", "2 500 домохозяйств". n is written
// rounded to a whole number and the noun agrees with what is written.
func (l Lang) Count(n float64, household bool) string {
	if household {
		return l.Plural(n, 0, "n.households")
	}
	return l.Plural(n, 0, "n.firms")
}

// Compact writes an amount in thousands, millions or billions with at most
// three significant digits: "468 M", "1.2 bn", "12.5 k" ("468 млн",
// "1,2 млрд", "12,5 тыс."), for labels where the full number does not fit.
func (l Lang) Compact(x float64) string {
	a := math.Abs(x)
	for _, u := range []struct {
		div float64
		key string
	}{{1e9, "unit.bn"}, {1e6, "unit.m"}, {1e3, "unit.k"}} {
		if a >= u.div {
			v := x / u.div
			dec := 0
			switch av := math.Abs(v); {
			case av < 9.995:
				dec = 2
			case av < 99.95:
				dec = 1
			}
			s := strconv.FormatFloat(v, 'f', dec, 64)
			if dec > 0 {
				s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
			}
			if l == RU {
				s = strings.Replace(s, ".", ",", 1)
			}
			return s + " " + l.T(u.key)
		}
	}
	return l.Number(x, 0)
}
