package lang

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Catalogue is everything vcsim says in one language. Each language is one
// file of this package (en.go, ru.go) that fills a Catalogue and registers
// it in its init function: adding a language (Kyrgyz, Tajik, Uzbek) is
// adding such a file. A message, key label or noun the catalogue lacks is
// said in English.
//
// The catalogues are plain maps rather than golang.org/x/text/message
// catalogues: x/text's Printer formats every number argument in the
// language's own way (%d of 30000 becomes "30,000" in English), which
// would change outputs whose numbers vcsim already formats itself
// (Number, Percent), and its catalogue gives a message back only through
// a Printer. The plural rules are x/text's (see Plural).
type Catalogue struct {
	// Lang is the code given to --lang ("en", "ru").
	Lang Lang
	// Name is the language's name in itself ("English", "Русский").
	Name string
	// Tag is the language for the CLDR plural rules.
	Tag language.Tag
	// Nouns holds the counted nouns in the forms of the language's plural
	// categories, by key ("n.days").
	Nouns map[string]forms
	// Messages holds every label, header and sentence, by key ("ui.title").
	Messages map[string]string
	// Keys holds the readable names of a chain file's keys, with units,
	// by key ("price"); "costs." is the words before a cost item's name.
	Keys map[string]string
	// Texts holds the translations of the messages other packages write
	// in English (the checks of input files, command-line mistakes,
	// plausibility warnings, the guide's effects), by their English format;
	// the arguments are the same, in the same order. English needs none.
	Texts map[string]string
}

// catalogues are the registered languages, by code.
var catalogues = map[Lang]*Catalogue{}

// register adds a catalogue; a language registered twice is a
// programming error.
func register(c *Catalogue) {
	if _, dup := catalogues[c.Lang]; dup {
		panic("lang: language " + string(c.Lang) + " registered twice")
	}
	catalogues[c.Lang] = c
}

// catalogue returns l's catalogue, or the English one for a language
// without a catalogue.
func (l Lang) catalogue() *Catalogue {
	if c, ok := catalogues[l]; ok {
		return c
	}
	return &english
}

// Languages returns the codes of every language with a catalogue,
// English first, then the others in alphabetical order.
func Languages() []Lang {
	out := make([]Lang, 0, len(catalogues))
	for l := range catalogues {
		if l != EN {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return append([]Lang{EN}, out...)
}

// Parse returns the language named by s ("en" or "ru", or any other
// language with a catalogue).
func Parse(s string) (Lang, error) {
	if _, ok := catalogues[Lang(s)]; ok {
		return Lang(s), nil
	}
	codes := make([]string, 0, len(catalogues))
	for _, l := range Languages() {
		codes = append(codes, string(l))
	}
	list := strings.Join(codes, ", ")
	if n := len(codes); n > 1 {
		list = strings.Join(codes[:n-1], ", ") + " or " + codes[n-1]
	}
	return "", fmt.Errorf("unknown language %q: use %s", s, list)
}

// message returns the message key in language l, in English when l's
// catalogue lacks it; ok is false when no catalogue has it.
func (l Lang) message(key string) (s string, ok bool) {
	if s, ok = l.catalogue().Messages[key]; ok {
		return s, true
	}
	s, ok = english.Messages[key]
	return s, ok
}

// Text returns the translation of the English text or format en in
// language l, and whether l's catalogue has one; without one it returns en
// itself (English).
func (l Lang) Text(en string) (string, bool) {
	if s, ok := l.catalogue().Texts[en]; ok {
		return s, true
	}
	return en, false
}

// Sprintf formats the English format with args in language l: the
// format's translation (Text) with the same arguments.
func (l Lang) Sprintf(format string, args ...any) string {
	f, _ := l.Text(format)
	return fmt.Sprintf(f, args...)
}
