package lang

import (
	"math"
	"regexp"
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

// Noun returns the form of the counted noun that agrees with a number as
// written, s ("4", "0,25", "1 992"), in language l: Noun("4", "n.months")
// is "месяца" in Russian, "months" in English; a number with a fraction
// takes the form CLDR calls other ("0,25 черты бедности"). It is Plural for
// a number written elsewhere (a range, a default).
func (l Lang) Noun(s, noun string) string {
	en, ok := english.Nouns[noun]
	if !ok {
		return "!" + noun
	}
	if f, ok := l.catalogue().Nouns[noun]; ok {
		return f.form(l.category(s))
	}
	return en.form(EN.category(s))
}

// Nouns returns the keys of every counted noun (for tests).
func Nouns() []string {
	out := make([]string, 0, len(english.Nouns))
	for k := range english.Nouns {
		out = append(out, k)
	}
	return out
}

// countRE finds a number as Number writes it (thousands separated by
// spaces, U+00A0 or commas, a decimal comma or point), the word before it
// (a preposition) and the word after it.
var countRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N},.\-–])(?:(\p{L}+)[ \x{00a0}])?(\d{1,3}(?:[ \x{00a0}\x{202f},]\d{3})+|\d+)([.,]\d+)?[ \x{00a0}]+(\p{L}[\p{L}-]*)`)

// cases are the Russian prepositions that put a counted noun in the
// accusative ("на 3 года") or the genitive ("из 21 ребёнка"), and the
// suffix of the noun keys of that case.
var cases = map[string]string{"на": ".acc", "за": ".acc", "через": ".acc", "из": ".gen", "от": ".gen", "до": ".gen", "для": ".gen", "без": ".gen"}

// Disagreements finds, in text written in language l, every number
// followed by a form of one of the catalogue's counted nouns that no
// count of that number takes ("21 дней", "на 3 лет", "на 1 992 детей"
// where Plural writes "21 день", "на 3 года", "на 1 992 ребёнка"), and
// returns each as the number with its word. A form is allowed after a
// number when a noun of the catalogue has it for that number's CLDR
// category: after a preposition of the accusative or the genitive, a noun
// of that case (or a nominative one, key without a case: the inanimate
// accusative is the nominative); otherwise a noun of any case. This is
// how tests check the real outputs (console, report, workbook) for counts
// written without Plural.
func (l Lang) Disagreements(text string) []string {
	allowed := map[string]map[string]map[plural.Form]bool{} // case suffix ("" any), word, category
	add := func(cs, w string, c plural.Form) {
		if w == "" {
			return
		}
		if allowed[cs] == nil {
			allowed[cs] = map[string]map[plural.Form]bool{}
		}
		if allowed[cs][w] == nil {
			allowed[cs][w] = map[plural.Form]bool{}
		}
		allowed[cs][w][c] = true
	}
	for key, f := range l.catalogue().Nouns {
		suffixes := []string{""}
		switch {
		case strings.HasSuffix(key, ".acc"), strings.HasSuffix(key, ".gen"):
			suffixes = append(suffixes, key[strings.LastIndex(key, "."):])
		default:
			suffixes = append(suffixes, ".acc")
		}
		for _, cs := range suffixes {
			for _, c := range []plural.Form{plural.One, plural.Few, plural.Many, plural.Other} {
				add(cs, f.form(c), c)
			}
		}
	}
	var out []string
	for _, m := range countRE.FindAllStringSubmatch(text, -1) {
		prep, num, word := strings.ToLower(m[1]), m[2]+m[3], m[4]
		if _, known := allowed[""][word]; !known {
			continue
		}
		ok := allowed[""][word]
		if cs, isPrep := cases[prep]; isPrep && l == RU {
			ok = allowed[cs][word]
		}
		if l != RU && m[3] == "" {
			num = strings.ReplaceAll(num, ",", "") // English thousands
		}
		num = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' {
				return -1
			}
			return r
		}, num)
		if !ok[l.category(num)] {
			out = append(out, m[2]+m[3]+" "+word)
		}
	}
	return out
}
