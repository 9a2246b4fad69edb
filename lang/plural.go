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

// nouns are the counted nouns of vcsim's messages, each in the case its
// messages need, in English and Russian. A message that counts takes the
// number with its noun from Plural, so that the noun agrees with the
// number written. Adding a language is adding a column here and in
// messages.
var nouns = map[string][2]forms{
	// nominative: "550 832 дня", "предотвращено 21 ребёнко-год"
	"n.days":       {{One: "day", Other: "days"}, {One: "день", Few: "дня", Many: "дней", Other: "дня"}},
	"n.childyears": {{One: "child-year", Other: "child-years"}, {One: "ребёнко-год", Few: "ребёнко-года", Many: "ребёнко-лет", Other: "ребёнко-года"}},
	"n.scenarios":  {{One: "scenario", Other: "scenarios"}, {One: "сценарий", Few: "сценария", Many: "сценариев", Other: "сценария"}},
	"n.draws":      {{One: "draw", Other: "draws"}, {One: "расчёт", Few: "расчёта", Many: "расчётов", Other: "расчёта"}},
	"n.times":      {{One: "time", Other: "times"}, {One: "раз", Few: "раза", Many: "раз", Other: "раза"}},
	// accusative after "на", "за", "через": "на 3 года", "за 1 год",
	// "на 1 992 ребёнка"
	"n.years.acc":    {{One: "year", Other: "years"}, {One: "год", Few: "года", Many: "лет", Other: "года"}},
	"n.children.acc": {{One: "child", Other: "children"}, {One: "ребёнка", Few: "ребёнка", Many: "детей", Other: "ребёнка"}},
	// genitive after "из": "из 21 ребёнка", "из 30 000 домохозяйств"
	"n.scenarios.gen":  {{One: "scenario", Other: "scenarios"}, {One: "сценария", Few: "сценариев", Many: "сценариев", Other: "сценария"}},
	"n.children.gen":   {{One: "child", Other: "children"}, {One: "ребёнка", Few: "детей", Many: "детей", Other: "ребёнка"}},
	"n.households.gen": {{One: "household", Other: "households"}, {One: "домохозяйства", Few: "домохозяйств", Many: "домохозяйств", Other: "домохозяйства"}},
	"n.files.gen":      {{One: "file", Other: "files"}, {One: "файла", Few: "файлов", Many: "файлов", Other: "файла"}},
}

// tag is the language of l for the CLDR rules.
func (l Lang) tag() language.Tag {
	if l == RU {
		return language.Russian
	}
	return language.English
}

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
	fs, ok := nouns[noun]
	if !ok {
		return "!" + noun
	}
	s := l.Number(n, decimals)
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return s + " " + fs[0].Other
	}
	f := fs[0]
	if l == RU {
		f = fs[1]
	}
	return s + " " + f.form(l.category(s))
}

// Nouns returns the keys of every counted noun (for tests).
func Nouns() []string {
	out := make([]string, 0, len(nouns))
	for k := range nouns {
		out = append(out, k)
	}
	return out
}
