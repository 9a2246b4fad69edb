package pam

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestDocsExamples: the [economic] table of docs/pam.md, with its
// [economic.costs], put in place of the cotton example's, is a valid chain
// whose PAM computes, so the documented keys stay true.
func TestDocsExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/pam.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	var economic, costs string
	for _, b := range blocks {
		switch {
		case strings.HasPrefix(b[1], "[economic]\n"):
			economic = b[1]
		case strings.HasPrefix(b[1], "[economic.costs]\n"):
			costs = b[1]
		}
	}
	if economic == "" || costs == "" {
		t.Fatalf("docs/pam.md lost its [economic] or [economic.costs] example")
	}
	example, err := os.ReadFile("../examples/cotton-tajikistan.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(example)
	start := strings.Index(text, "[economic]\n")
	end := strings.Index(text, "[[actor]]")
	if start < 0 || end < start {
		t.Fatal("the cotton example's [economic] table moved")
	}
	// The docs' table, its cost items, then the example's border prices.
	border := text[strings.Index(text[start:], "  [[economic.border_price]]")+start : end]
	economic = economic[:strings.Index(economic, "  [[economic.border_price]]")] + costs
	text = text[:start] + economic + border + strings.Replace(text[end:], "[[actor]]", "[[economic.factors]]\nactor = \"dekhan\"\nland = { area = 1.2, rent = 900, social_rent = 700 }\ncapital = { working = 3000, fixed = 8000, rate = 0.2 }\nfamily_labour = { wage = 60, social_wage = 45 }\n\n[[actor]]", 1)
	c, err := valuechain.Parse([]byte(text), "docs.toml")
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if err := valuechain.Validate(c, "docs.toml"); err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Build(r)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Convention != valuechain.ConventionTextbook || len(tab.Actors[0].Factors) != 3 {
		t.Errorf("convention %q, factors %+v", tab.Convention, tab.Actors[0].Factors)
	}
}
