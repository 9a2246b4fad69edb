package plausible

import (
	"encoding/json"
	"math"
	"os"
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

// TestRulesDocumented: docs/plausibility.md and its Russian version name
// every rule (in backquotes, in the table) with its thresholds, so that a
// rule added to Check without its documentation fails here.
func TestRulesDocumented(t *testing.T) {
	thresholds := map[string][]string{
		"labour_need":      {"1830", "5000"},
		"wages_over_sales": {"1 x"},
		"fte_over_sales":   {"5 x"},
		"price_falls":      {""},
		"margin":           {"-50%"},
		"va_share":         {"100%"},
		"income":           {"10%", "20"},
		"prevalence":       {"100%"},
		"conversion":       {"1"},
	}
	if len(thresholds) != len(Rules) {
		t.Fatalf("%d rules documented here, %d in Rules", len(thresholds), len(Rules))
	}
	for _, path := range []string{"../docs/plausibility.md", "../docs/ru/plausibility.md"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows := map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "| `") {
				rule, _, _ := strings.Cut(strings.TrimPrefix(line, "| `"), "`")
				rows[rule] = line
			}
		}
		for _, rule := range Rules {
			row, ok := rows[rule]
			if !ok {
				t.Errorf("%s: no row for the rule %s", path, rule)
				continue
			}
			// The row has the rule, when it fires, its threshold and why.
			if cells := strings.Split(strings.Trim(row, "| "), " | "); len(cells) != 4 {
				t.Errorf("%s: the row of %s has %d cells, want 4 (rule, when, threshold, why)", path, rule, len(cells))
			}
			for _, x := range thresholds[rule] {
				if !strings.Contains(row, x) {
					t.Errorf("%s: the row of %s does not give the threshold %q", path, rule, x)
				}
			}
		}
		if len(rows) != len(Rules) {
			t.Errorf("%s: %d rule rows, %d rules", path, len(rows), len(Rules))
		}
	}
}

// TestRuleThresholds: each rule fires on a number just beyond its
// threshold and not on one just inside it, on the tobacco example with
// one number changed (so a rule that fires on anything, or on nothing,
// fails here). The pairs bracket the thresholds within a few per cent:
//   - labour_need (households): the farm's tasks need (d + 0.335) days per
//     kg, 455 kg per household of 2.8 adults, so (d + 0.335) x 162.5 days
//     per adult; 1830 is reached at d = 10.93: 10.8 gives 1809, 11.1 gives
//     1858.2;
//   - labour_need (firms): the one exporter ships 2500 x 455 x 0.95 x 0.98
//     x 0.92 x 0.85 = 828148 kg; at 250 days an FTE, 5000 FTE is reached
//     at 1.509 days per kg: 1.45 gives 4803, 1.55 gives 5134.5;
//   - price_falls: the exporter buys at the fermenter's 250 with no loss:
//     249 falls, 250 does not;
//   - conversion: 1 kg from 1 kg is plausible, 1.01 is not;
//   - prevalence: no task children can do gives 0%; 0.01 of each gives
//     some children in child labour;
//   - the others move linearly with their number, bracketed by runs of
//     the model: wages_over_sales (adult_wage 34000 / 35500), fte_over_sales
//     (3050 / 3200: 1.6e-3 times the wage), margin (fermenter price 40 /
//     35), va_share (51 / 48), income above (other_income 3e6 / 3.2e6) and
//     below (poverty_line 420000 / 440000: income 43184, 0.1 of the line
//     at 431840).
func TestRuleThresholds(t *testing.T) {
	base, _ := examples.Chain("tobacco-kyrgyzstan")
	text := string(base)
	covered := map[string]bool{}
	for _, tc := range []struct {
		rule, old     string
		n             int    // replacements (-1: all)
		fires, inside string // the new text of old
		value         float64
	}{
		{"labour_need", "days_per_unit = ", 1, "days_per_unit = 11.1 # ", "days_per_unit = 10.8 # ", (11.1 + 0.335) * 455 / 2.8},
		{"labour_need", "days_per_unit = 0.002", 1, "days_per_unit = 1.55", "days_per_unit = 1.45", 2500 * 455 * 0.95 * 0.98 * 0.92 * 0.85 * 1.55 / 250},
		{"wages_over_sales", "adult_wage = ", 1, "adult_wage = 35500 # ", "adult_wage = 34000 # ", 0},
		{"fte_over_sales", "adult_wage = ", 1, "adult_wage = 3200 # ", "adult_wage = 3050 # ", 0},
		{"price_falls", "price = 290                 # KGS per kg FOB", 1, "price = 249 # ", "price = 250 # ", 249},
		{"margin", "price = 250 ", 1, "price = 35 ", "price = 40 ", 0},
		{"va_share", "price = 250 ", 1, "price = 48 ", "price = 51 ", 0},
		{"income", "other_income = 40000", 1, "other_income = 3.2e6", "other_income = 3e6", 0},
		{"income", "poverty_line = 45000", 1, "poverty_line = 440000", "poverty_line = 420000", 0},
		{"prevalence", "child_suitable = ", -1, "child_suitable = 0 # ", "child_suitable = 0.01 # ", 0},
		{"conversion", "conversion = ", 1, "conversion = 1.01 # ", "conversion = 1 # ", 1.01},
	} {
		if !strings.Contains(text, tc.old) {
			t.Fatalf("%s: no %q", tc.rule, tc.old)
		}
		covered[tc.rule] = true
		find := func(new string) *Warning {
			for _, w := range check(t, strings.Replace(text, tc.old, new, tc.n)) {
				if w.Rule == tc.rule {
					return &w
				}
			}
			return nil
		}
		w := find(tc.fires)
		switch {
		case w == nil:
			t.Errorf("%s does not fire on %q", tc.rule, tc.fires)
		case w.Line == 0 || w.Path == "":
			t.Errorf("%s: no line or path: %+v", tc.rule, *w)
		case tc.value != 0 && math.Abs(w.Value-tc.value) > 1e-6*tc.value:
			t.Errorf("%s on %q: value %v, want %v", tc.rule, tc.fires, w.Value, tc.value)
		}
		if w := find(tc.inside); w != nil {
			t.Errorf("%s fires on %q: %s", tc.rule, tc.inside, w.In("en"))
		}
	}
	for _, r := range Rules {
		if !covered[r] {
			t.Errorf("the rule %s has no case", r)
		}
	}
}
