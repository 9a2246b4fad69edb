package plausible

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

func check(t *testing.T, text string) []Warning {
	t.Helper()
	c, err := valuechain.Parse([]byte(text), "c.toml")
	if err == nil {
		err = valuechain.Validate(c, "c.toml")
	}
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return Check(c, r)
}

// TestExamplesPlausible: the built-in examples raise no warning (each
// rule's case that does not fire).
func TestExamplesPlausible(t *testing.T) {
	for _, name := range examples.Names() {
		text, _ := examples.Chain(name)
		for _, w := range check(t, string(text)) {
			t.Errorf("%s: %s", name, w.In("en"))
		}
	}
}

// TestRules: each rule fires on the tobacco example with one number typed
// in the wrong unit, at the key's line, in both languages.
func TestRules(t *testing.T) {
	base, _ := examples.Chain("tobacco-kyrgyzstan")
	text := string(base)
	for _, tc := range []struct {
		rule, old, new, want, wantRU string
	}{
		// 1e6 days per kg on 2500 households of 2.8 adults: far above
		// 5 x 366 = 1830 days per adult.
		{"labour_need", "days_per_unit = ", "days_per_unit = 1e4 # ", "days a year per adult of its households", "дней работы в год на взрослого"},
		{"fte_over_sales", "days_per_unit = ", "days_per_unit = 1e4 # ", "at the adult wage cost", "по зарплате взрослого"},
		{"price_falls", "price = 290                 # KGS per kg FOB", "price = 29 # ", "sells at 29 what it buys at", "продаёт по 29"},
		{"margin", "price = 250 ", "price = 25 ", "its margin is", "наценки"},
		{"income", "other_income = 40000", "other_income = 4e8", "mean household income is", "среднего дохода"},
		{"conversion", "conversion = ", "conversion = 35 # ", "of each unit it buys", "из каждой купленной"},
		{"va_share", "price = 250 ", "price = 25 ", "of the chain's value added", "добавленной стоимости цепочки"},
		{"wages_over_sales", "adult_wage = ", "adult_wage = 1e6 # ", "wage bill is", "фонд оплаты труда"},
		{"prevalence", "child_suitable = ", "child_suitable = 0 # ", "of its children are in child labour", "его детей, занятых детским трудом"},
	} {
		if !strings.Contains(text, tc.old) {
			t.Fatalf("%s: no %q", tc.rule, tc.old)
		}
		n := 1
		if tc.rule == "prevalence" {
			n = -1 // no task children can do: none in child labour
		}
		changed := strings.Replace(text, tc.old, tc.new, n)
		ws := check(t, changed)
		found := false
		for _, w := range ws {
			if w.Rule != tc.rule {
				continue
			}
			found = true
			if !strings.Contains(w.In("en"), tc.want) || !strings.Contains(w.In("ru"), tc.wantRU) {
				t.Errorf("%s: %s / %s", tc.rule, w.In("en"), w.In("ru"))
			}
			if w.Line == 0 {
				t.Errorf("%s: no line: %+v", tc.rule, w)
			}
		}
		if !found {
			t.Errorf("%s does not fire: %v", tc.rule, ws)
		}
	}
}

// TestLocalizedJSON: a warning as the page gets it, in Russian, with a
// decimal comma in its numbers and range, and its value as JSON (null
// when not finite).
func TestLocalizedJSON(t *testing.T) {
	base, _ := examples.Chain("tobacco-kyrgyzstan")
	// other_income 4e8 a year: far above 20 poverty lines.
	ws := check(t, strings.Replace(string(base), "other_income = 40000", "other_income = 4e8", 1))
	var w Warning
	for _, x := range ws {
		if x.Rule == "income" {
			w = x
		}
	}
	if w.Rule == "" {
		t.Fatalf("no income warning: %v", ws)
	}
	if w.Plausible != "from 0.1 to 20" || !strings.Contains(w.Text, w.Message) {
		t.Errorf("en: %q / %q", w.Plausible, w.Text)
	}
	r := w.Localized("ru")
	if r.Plausible != "от 0,1 до 20" || !strings.HasPrefix(r.Message, "отношение среднего дохода домохозяйства") || strings.Contains(r.Message, ".") ||
		!strings.HasPrefix(r.Text, "участник ") || r.Hint == w.Hint {
		t.Errorf("ru: %+v", r)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["path"] != w.Path || m["rule"] != "income" || m["value"] != w.Value || m["plausible"] != "от 0,1 до 20" || m["line"] != float64(w.Line) {
		t.Errorf("JSON %s", b)
	}
	w.Value = math.Inf(1)
	if b, err = json.Marshal(w); err != nil || !strings.Contains(string(b), `"value":null`) {
		t.Errorf("infinite value: %s, %v", b, err)
	}
}
