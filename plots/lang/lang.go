// Package lang is vcsim's message catalogue: every label, header and
// sentence of charts and reports in English and Russian, and numbers
// formatted for each language (thousands separators; a decimal comma in
// Russian).
package lang

import (
	"fmt"
	"math"
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

// Parse returns the language named by s ("en" or "ru").
func Parse(s string) (Lang, error) {
	switch Lang(s) {
	case EN, RU:
		return Lang(s), nil
	}
	return "", fmt.Errorf("unknown language %q: use en or ru", s)
}

// T returns the message key in language l, formatted with args when given.
// An unknown key is a programming error and comes back as "!key".
func (l Lang) T(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return "!" + key
	}
	s := m[0]
	if l == RU {
		s = m[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Thousands formats x rounded to a whole number with a thousands
// separator: "1,234,567" in English, "1 234 567" in Russian (a narrow
// no-break space).
func (l Lang) Thousands(x float64) string { return l.Number(x, 0) }

// Number formats x with the given decimals and the language's separators.
func (l Lang) Number(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return l.T("na")
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if l == RU {
		sep, dec = "\u202f", ","
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

// Percent formats a share as a percentage with one decimal.
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
// page, which takes its labels from this catalogue).
func All(l Lang) map[string]string {
	out := make(map[string]string, len(messages))
	for k, m := range messages {
		s := m[0]
		if l == RU {
			s = m[1]
		}
		out[k] = s
	}
	return out
}
