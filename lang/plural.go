package lang

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// forms are a noun's forms for the CLDR plural categories of a language
// (English uses One and Other; Russian One, Few, Many and Other, Other
// being the form after a fraction: "1,5 дня").
type forms struct{ One, Few, Many, Other string }

// tag is the language of l for the CLDR rules.
func (l Lang) tag() language.Tag { return l.catalogue().Tag }

// category returns the CLDR cardinal plural category of the number as
// written, s ("1 992", "1,5"), in language l, by golang.org/x/text's
// rules: the operands i (integer digits), v and f (the visible fraction
// digits, their count and value) and w and t (the same without trailing
// zeros).
func (l Lang) category(s string) plural.Form {
	digits := func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == '.' || r == ',' {
			return '.'
		}
		return -1
	}
	s = strings.Map(digits, s)
	ip, fp, _ := strings.Cut(s, ".")
	i, _ := strconv.Atoi(ip)
	f, _ := strconv.Atoi("0" + fp)
	tp := strings.TrimRight(fp, "0")
	t, _ := strconv.Atoi("0" + tp)
	return plural.Cardinal.MatchPlural(l.tag(), i, len(fp), len(tp), f, t)
}

// form returns the noun's form for category c.
func (f forms) form(c plural.Form) string {
	switch {
	case c == plural.One:
		return f.One
	case c == plural.Few && f.Few != "":
		return f.Few
	case c == plural.Many && f.Many != "":
		return f.Many
	}
	return f.Other
}

// Plural writes n with the given decimals and the noun that counts it, in
// the form that agrees with the number as written: "1 day", "2 days",
// "1 день", "2 дня", "5 дней", "21 день", "1 992 дня", "1,5 дня". An
// unknown noun is a programming error and comes back as "!noun".
func (l Lang) Plural(n float64, decimals int, noun string) string {
	en, ok := english.Nouns[noun]
	if !ok {
		return "!" + noun
	}
	s := l.Number(n, decimals)
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return s + " " + en.Other
	}
	if f, ok := l.catalogue().Nouns[noun]; ok {
		return s + " " + f.form(l.category(s))
	}
	return s + " " + en.form(EN.category(s))
}

// Nouns returns the keys of every counted noun (for tests).
func Nouns() []string {
	out := make([]string, 0, len(english.Nouns))
	for k := range english.Nouns {
		out = append(out, k)
	}
	return out
}
