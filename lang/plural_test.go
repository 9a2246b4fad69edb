package lang

import (
	"regexp"
	"strings"
	"testing"
)

// counts are the numbers every counted noun is written with in the test:
// each CLDR category of Russian, and the teens that are not "one" or "few".
var counts = []float64{0, 1, 2, 5, 11, 21, 22, 25, 101, 1992}

// cldrRU is the CLDR cardinal rule of Russian for whole numbers, written
// out from the CLDR plural rules table (one: v = 0 and i % 10 = 1 and
// i % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
// many: the other whole numbers), independently of x/text.
func cldrRU(n int) string {
	switch {
	case n%10 == 1 && n%100 != 11:
		return "one"
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return "few"
	}
	return "many"
}

// TestPluralForms writes every counted noun for each of counts in both
// languages and checks its form against the CLDR rule.
func TestPluralForms(t *testing.T) {
	for _, key := range Nouns() {
		en, ru := english.Nouns[key], russian.Nouns[key]
		for _, n := range counts {
			want := ru.Many
			switch cldrRU(int(n)) {
			case "one":
				want = ru.One
			case "few":
				want = ru.Few
			}
			got := RU.Plural(n, 0, key)
			if wantS := RU.Thousands(n) + " " + want; got != wantS {
				t.Errorf("%s, %v in Russian: %q, want %q", key, n, got, wantS)
			}
			wantEN := en.Other
			if n == 1 {
				wantEN = en.One
			}
			if got, wantS := EN.Plural(n, 0, key), EN.Thousands(n)+" "+wantEN; got != wantS {
				t.Errorf("%s, %v in English: %q, want %q", key, n, got, wantS)
			}
		}
	}
}

// TestPluralWorked: the forms the issue found wrong, written out by hand.
func TestPluralWorked(t *testing.T) {
	nb := "\u00a0" // Russian thousands separator
	for _, tc := range []struct {
		n        float64
		decimals int
		noun     string
		want     string
	}{
		{550832, 0, "n.days", "550" + nb + "832 дня"}, // was "550 832 дней"
		{99381, 0, "n.days", "99" + nb + "381 день"},  // was "99 381 дней"
		{1, 0, "n.days", "1 день"},
		{2, 0, "n.days", "2 дня"},
		{5, 0, "n.days", "5 дней"},
		{21, 0, "n.days", "21 день"},
		{1992, 0, "n.days", "1" + nb + "992 дня"},
		{1.5, 1, "n.days", "1,5 дня"},   // a fraction takes "other"
		{3, 0, "n.years.acc", "3 года"}, // "на 3 года", was "на 3 лет"
		{1, 0, "n.years.acc", "1 год"},  // "за 1 год", was "за 1 лет"
		{5, 0, "n.years.acc", "5 лет"},
		{34753, 0, "n.childyears", "34" + nb + "753 ребёнко-года"}, // was "34 753 ребёнко-лет"
		{11, 0, "n.childyears", "11 ребёнко-лет"},
		{1992, 0, "n.children.acc", "1" + nb + "992 ребёнка"}, // "на 1 992 ребёнка", was "на 1 992 детей"
		{25, 0, "n.children.acc", "25 детей"},
		{21, 0, "n.children.gen", "21 ребёнка"}, // "из 21 ребёнка"
		{81000, 0, "n.children.gen", "81" + nb + "000 детей"},
		{30000, 0, "n.households.gen", "30" + nb + "000 домохозяйств"},
		{101, 0, "n.households.gen", "101 домохозяйства"},
		{2, 0, "n.times", "2 раза"},
		{1000, 0, "n.times", "1" + nb + "000 раз"},
		{1, 0, "n.files.gen", "1 файла"}, // "в 1 из 1 файла"
		{3, 0, "n.files.gen", "3 файлов"},
	} {
		if got := RU.Plural(tc.n, tc.decimals, tc.noun); got != tc.want {
			t.Errorf("%v %s: %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
	if got := EN.Plural(1, 0, "n.childyears"); got != "1 child-year" {
		t.Errorf("English: %q", got)
	}
	if got := EN.Plural(1992, 0, "n.days"); got != "1,992 days" {
		t.Errorf("English: %q", got)
	}
}

// TestNoBareCounts: no Russian message puts a number straight before a
// counted noun (the number must come with its noun from Plural).
func TestNoBareCounts(t *testing.T) {
	bare := regexp.MustCompile(`%[sdv] (дн[еяи]|дет(?:ей|и|ям)(?:[^а-яё]|$)|лет|год|сценари|домохозяйств|ребёнк|ребёнко|раз|файл|символ|розыгрыш|расчёт|предприят|ячеек|столбц|строк|част|байт|уровн)`)
	// constants: the number is always the same, and its noun agrees with it
	constant := map[string]bool{
		"a key has more than %d parts (dots)":                                                                                           true, // MaxKeyParts, 16: больше 16 частей
		"a table name has more than %d parts (dots)":                                                                                    true, // 16
		"tables and arrays are nested more than %d deep":                                                                                true, // MaxDepth, 32: глубже 32 уровней
		"the sheet has more than %d rows; vcsim reads at most %d":                                                                       true, // MaxRows, 200 000: больше 200 000 строк
		"a value in column %s, beyond the %d columns vcsim reads (is a cell filled far to the right?)":                                  true, // MaxCols, 1 000
		"%v x the exchange rate factor %v is %.3g times the market price %v of %s: more than %v times apart (a price in another unit?)": true, // MaxBorderRatio, 100: в 100 раз
	}
	check := func(key, m string) {
		if loc := bare.FindString(m); loc != "" && !constant[key] {
			t.Errorf("%s: %q counts without Plural: %s", key, loc, m)
		}
	}
	for key, m := range russian.Messages {
		if key == "txt.fitted.school" { // "дети 5–11 лет": an age band, not a count
			continue
		}
		check(key, m)
	}
	for en, m := range russian.Texts {
		check(en, m)
	}
	for _, key := range Nouns() {
		if strings.Contains(RU.Plural(5, 0, key), "!") {
			t.Errorf("%s: unknown", key)
		}
	}
}
