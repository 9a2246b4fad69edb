package valuechain

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
)

// TestUnknownTable: a misspelt table header is named at its own line, with
// the table meant and the tables a chain has, in both languages; before,
// "[[actr]]" followed by "[actor.household]" gave "Key 'actor' was already
// created and cannot be used as an array" at a later line (QA finding 8).
func TestUnknownTable(t *testing.T) {
	chain := `name = "t"
currency = "TJS"
poverty_line = 1000

[[actr]]
id = "farm"
kind = "household"
count = 10
price = 2
output_per_unit = 100

[actor.household]
adults = 2

[[actor]]
id = "trader"
kind = "enterprise"
count = 1
`
	_, err := Parse([]byte(chain), "t.toml")
	if err == nil {
		t.Fatal("no error")
	}
	tables := "[[actor]], [[correlate]], [[link]], [[price_ratio]], [economic], [equivalence], [study]"
	for _, c := range []struct{ l, want string }{
		{"en", "t.toml:5: unknown table [[actr]]: did you mean [[actor]]? (the tables of this file: " + tables + ")"},
		{"ru", "t.toml:5: неизвестная таблица [[actr]]: может быть, [[actor]]? (таблицы этого файла: " + tables + ")"},
	} {
		if got := ErrorIn(err, lang.Lang(c.l)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.l, got, c.want)
		}
	}
	// Far from every name: no guess.
	_, err = Parse([]byte(strings.Replace(chain, "[[actr]]", "[[participants]]", 1)), "t.toml")
	if got := ErrorIn(err, "en"); !strings.HasPrefix(got, "t.toml:5: unknown table [[participants]] (the tables of this file: [[actor]]") {
		t.Errorf("participants: %s", got)
	}
	for _, c := range []struct {
		a, b string
		d    int
	}{{"actr", "actor", 1}, {"actor", "actor", 0}, {"", "link", 4}, {"lnik", "link", 2}, {"economc", "economic", 1}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

// TestGotTextInRussian: a value of the wrong type reads "а в файле текст"
// ("указано текст" did not agree), at its line (QA finding 14).
func TestGotTextInRussian(t *testing.T) {
	_, err := Parse([]byte("name = \"t\"\ncurrency = \"TJS\"\nadult_wage = \"5,4\"\n"), "t.toml")
	if err == nil {
		t.Fatal("no error")
	}
	want := `t.toml:3: adult_wage должно быть числом, а в файле текст "5,4"`
	if got := ErrorIn(err, lang.RU); !strings.Contains(got, want) {
		t.Errorf("got %s\nwant it to contain %s", got, want)
	}
}
