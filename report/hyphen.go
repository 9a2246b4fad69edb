package report

import (
	"strings"
	"unicode"

	"github.com/ilo-rma/vcsim/lang"
)

// softHyphen is U+00AD: a browser may break a word there, and then shows
// a hyphen; otherwise it is not shown.
const softHyphen = "\u00ad"

// H is the message key in the report's language with soft hyphens in its
// long Russian words, for the narrow headers of the report's tables:
// Chromium hyphenates (CSS hyphens: auto) only with a dictionary it
// downloads, so offline it broke "Промежуточн/ое" without a hyphen.
func (d *doc) H(key string, args ...any) string {
	s := d.T(key, args...)
	if d.l != lang.RU {
		return s
	}
	return hyphenateRU(s)
}

// minHyphenated is the shortest word that gets soft hyphens.
const minHyphenated = 7

// hyphenateRU puts soft hyphens between the syllables of every Cyrillic
// word of s of at least minHyphenated letters, by the rules of Russian
// hyphenation: no part without a vowel, no single letter left on a line,
// й, ь and ъ stay with the letter before them, and a group of consonants
// between two vowels is split after its first consonant ("пот-реб-ле-ние",
// "рань-ше-го", "со-от-но-ше-ние"), and no part between two hyphens is a
// single letter ("пред-при-ятие").
func hyphenateRU(s string) string {
	var b strings.Builder
	word := []rune{}
	flush := func() {
		b.WriteString(hyphenateWord(word))
		word = word[:0]
	}
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			word = append(word, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// vowel and sign say what a Cyrillic letter is for hyphenation.
func vowel(r rune) bool { return strings.ContainsRune("аеёиоуыэюя", unicode.ToLower(r)) }
func sign(r rune) bool  { return strings.ContainsRune("йьъ", unicode.ToLower(r)) }

// hyphenateWord is one word with its soft hyphens.
func hyphenateWord(w []rune) string {
	n := len(w)
	if n < minHyphenated {
		return string(w)
	}
	var cuts []int // a soft hyphen goes before w[cut]
	prev := -1     // the vowel before
	for j, r := range w {
		if !vowel(r) {
			continue
		}
		if prev >= 0 {
			cut := prev + 1 // vowel | vowel, or vowel | consonant vowel
			if k := j - prev - 1; k >= 2 || (k == 1 && sign(w[prev+1])) {
				cut = prev + 2 // the first consonant (or sign) stays
				if cut < j && sign(w[cut]) {
					cut++
				}
			}
			if cut >= 2 && n-cut >= 2 && !sign(w[cut]) && (len(cuts) == 0 || cut-cuts[len(cuts)-1] >= 2) {
				cuts = append(cuts, cut)
			}
		}
		prev = j
	}
	var b strings.Builder
	last := 0
	for _, c := range cuts {
		b.WriteString(string(w[last:c]))
		b.WriteString(softHyphen)
		last = c
	}
	b.WriteString(string(w[last:]))
	return b.String()
}
