package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestActionPlan: a recommended scenario of training for the test
// village's 2 traders at coverage 0.5 has 1 adopter; with a fixed cost of
// 1,000 in year 1 and 500 per adopter a year over the 3-year horizon its
// budget is 1,500, 500 and 500 (2,500 in all), worked by hand.
func TestActionPlan(t *testing.T) {
	c, err := valuechain.Load("testdata/village.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Load("testdata/village-scenarios.toml")
	if err != nil {
		t.Fatal(err)
	}
	f.Scenarios = append(f.Scenarios, scenarios.Scenario{Name: "Trader training", Recommended: true,
		Interventions: []scenarios.Intervention{{Type: "productivity", Targets: []string{"trader"}, Coverage: 0.5,
			Cost: scenarios.Cost{Fixed: 1000, PerAdopterPerYear: 500}, Responsible: []string{"traders' association"}}}})
	if err := scenarios.Validate(f, c, "s"); err != nil {
		t.Fatal(err)
	}
	cmp, err := scenarios.Compare(c, f, 0, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc{in: Input{Lang: lang.EN, Chain: c, Comparison: cmp, Scenarios: f}, l: lang.EN}
	ap := d.Plan()
	if len(ap.Plans) != 1 || ap.Plans[0].Name != "Trader training" || !strings.Contains(ap.Note, "recommended Trader training") {
		t.Fatalf("plan %+v", ap)
	}
	p := ap.Plans[0]
	row := p.Rows[0].Cells
	want := []string{"Productivity (training, farmer field schools)", "", "traders' association", "years 1–3", "500 – 1,500", "2,500"}
	for i, w := range want {
		if w != "" && row[i] != w {
			t.Errorf("column %d: %q, want %q", i, row[i], w)
		}
	}
	if !strings.HasPrefix(row[1], "Raise farm output") {
		t.Errorf("objective %q", row[1])
	}
	for y, w := range []string{"1,500", "500", "500"} {
		if got := p.Years[y].Cells[1]; got != w {
			t.Errorf("year %d budget %s, want %s", y+1, got, w)
		}
	}

	// Without a recommended scenario the plan is for the lowest cost per
	// child-year, and the note says so.
	f.Scenarios[2].Recommended = false
	ap = d.Plan()
	best := rankByCost(cmp.Summaries)[0].Name
	if len(ap.Plans) != 1 || ap.Plans[0].Name != best || !strings.Contains(ap.Note, "No scenario is marked") {
		t.Errorf("ranked plan %q for %+v, want %s", ap.Note, ap.Plans, best)
	}
}

// TestRankByCost: scenarios that avoid no child labour, or whose cost per
// child-year is not defined, are left out; the rest go cheapest first.
func TestRankByCost(t *testing.T) {
	sums := []model.Summary{
		{Name: "dear", ChildYearsAvoided: 10, CostPerChildYear: 900},
		{Name: "none", ChildYearsAvoided: 0, CostPerChildYear: math.NaN()},
		{Name: "cheap", ChildYearsAvoided: 5, CostPerChildYear: 100},
		{Name: "worse", ChildYearsAvoided: -3, CostPerChildYear: math.NaN()},
	}
	got := rankByCost(sums)
	if len(got) != 2 || got[0].Name != "cheap" || got[1].Name != "dear" {
		t.Errorf("ranked %+v", got)
	}
}

// TestTradeoffs: a scenario that takes 20 of 100 children out of child
// labour but raises the poor from 20% to 25% is named; one that lowers
// both is not.
func TestTradeoffs(t *testing.T) {
	cmp := &scenarios.Comparison{
		Baseline: &model.Run{Years: []model.YearKPI{{ChildLabour: 100, BelowPoverty: 0.2}}},
		Summaries: []model.Summary{
			{Name: "A", Final: model.YearKPI{ChildLabour: 80, BelowPoverty: 0.25}},
			{Name: "B", Final: model.YearKPI{ChildLabour: 90, BelowPoverty: 0.1}},
		},
	}
	d := &doc{in: Input{Lang: lang.EN, Comparison: cmp}, l: lang.EN}
	got := d.tradeoffs()
	want := "A lowers child labour by 20 children in the final year but raises the share of households below the poverty line from 20.0% to 25.0%."
	if len(got) != 1 || got[0] != want {
		t.Errorf("tradeoffs %q, want %q", got, want)
	}
}

// TestAssumptionValues: parameters read as a reader wants them, in the
// language's number format, without exponents or Go slice brackets.
func TestAssumptionValues(t *testing.T) {
	cases := []struct {
		l    lang.Lang
		in   any
		want string
	}{
		{lang.EN, 1.5e6, "1,500,000"},
		{lang.EN, 0.75, "0.75"},
		{lang.EN, []any{2.0, 1.6, 1.2}, "2; 1.6; 1.2"},
		{lang.EN, int64(30000), "30,000"},
		{lang.RU, 1.5e6, "1\u00a0500\u00a0000"},
		{lang.RU, 0.75, "0,75"},
		{lang.EN, true, "yes"},
		{lang.EN, "local", "local"},
	}
	for _, c := range cases {
		d := &doc{l: c.l}
		if got := d.value(c.in); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.l, c.in, got, c.want)
		}
	}
}

// TestNamesInLanguage: the Russian report of the cotton example uses the
// chain's, actors' and scenarios' name_ru and the products' unit_ru (the
// price build-up's "price / unit" cells); the English one their name and
// unit.
func TestNamesInLanguage(t *testing.T) {
	ru, en := string(exampleReport(t, "cotton-tajikistan", lang.RU)), string(exampleReport(t, "cotton-tajikistan", lang.EN))
	for _, w := range []string{"Быстрая оценка рынка: Хлопок, Согдийская область, Таджикистан", "Хлопкоочистительные заводы", "Полевые школы фермеров", " / кг хлопка-сырца<", " / кг хлопка-волокна<"} {
		if !strings.Contains(ru, w) {
			t.Errorf("the Russian report lacks %q", w)
		}
		if strings.Contains(en, w) {
			t.Errorf("the English report has %q", w)
		}
	}
	for _, w := range []string{"Ginneries", "Farmer field schools", " / kg raw cotton<", " / kg lint<"} {
		if !strings.Contains(en, w) {
			t.Errorf("the English report lacks %q", w)
		}
		if strings.Contains(ru, w) {
			t.Errorf("the Russian report has %q", w)
		}
	}
}

// TestAssumptionNotes: the assumptions carry their label with the unit and
// the comment on their line of the chain file; a # inside quotes is not a
// comment.
func TestAssumptionNotes(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{`price = 160   # KGS per kg (assumption)`, "KGS per kg (assumption)"},
		{`name = "No #1 farm"`, ""},
		{`unit = "kg" # after a "quoted # sign"`, `after a "quoted # sign"`},
		{`count = 2500`, ""},
	} {
		if got := comment(c.line); got != c.want {
			t.Errorf("comment(%q) = %q, want %q", c.line, got, c.want)
		}
	}
	text := []byte("name = \"x\"\ncurrency = \"KGS\"\nbase_year = 2022\nadult_wage = 700  # KGS a day (assumption)\n")
	c, err := valuechain.Parse(text, "x")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc{in: Input{Lang: lang.EN, Chain: c, ChainText: text}, l: lang.EN}
	found := map[string]Assumption{}
	for _, g := range d.assumptions() {
		for _, a := range g.Rows {
			found[a.Key] = a
		}
	}
	if a := found["adult_wage"]; a.Label != "Adult wage (KGS a day)" || a.Comment != "KGS a day (assumption)" || a.Value != "700" {
		t.Errorf("adult_wage: %+v", a)
	}
	if a := found["base_year"]; a.Value != "2022" {
		t.Errorf("base_year: %+v", a)
	}
}

// TestLowBCRSafety (issue 19 point 9): the report calls a safety
// scenario's BCR low only when the table shows it below 1; a cooperative
// with safety training and a BCR of 4.77 (the bazaar porters' chain) is
// not named, nor a scenario without safety measures, nor one whose BCR is
// not defined. Each branch, with the sentence it gives.
func TestLowBCRSafety(t *testing.T) {
	osh := scenarios.Intervention{Type: "osh"}
	coop := scenarios.Intervention{Type: "cooperative"}
	hazard := scenarios.Intervention{Type: "training", Effect: map[string]float64{"hazard_change": -0.3}}
	f := &scenarios.File{Scenarios: []scenarios.Scenario{
		{Name: "Cooperative", Interventions: []scenarios.Intervention{coop, osh}},              // BCR 4.77: not low
		{Name: "Safe work", Interventions: []scenarios.Intervention{osh}},                      // 0.12: low
		{Name: "School", Interventions: []scenarios.Intervention{coop}},                        // 0.5 but no safety measure
		{Name: "Hazard training", Interventions: []scenarios.Intervention{hazard}},             // 0.99: low
		{Name: "Free kit", Interventions: []scenarios.Intervention{osh}},                       // no cost: BCR not defined
		{Name: "Mechanised", Interventions: []scenarios.Intervention{{Type: "mechanisation"}}}, // exactly 1: not low
	}}
	named := func(bcr ...float64) []model.Summary { // the appraisals, by the scenarios' names
		out := make([]model.Summary, len(bcr))
		for i, b := range bcr {
			out[i] = model.Summary{Name: f.Scenarios[i].Name, BCR: b}
		}
		return out
	}
	sums := named(4.77, 0.12, 0.5, 0.99, math.NaN(), 1)
	got := lowBCRSafety(f, sums)
	if want := []int{1, 3}; !slices.Equal(got, want) {
		t.Errorf("low-BCR safety scenarios %v, want %v", got, want)
	}
	base := &model.Run{Years: []model.YearKPI{{ChildLabour: 100}}}
	for _, tc := range []struct {
		sums []model.Summary
		want string
	}{
		{sums, "Safe work, Hazard training aim at safer work, and their BCR is below 1"},
		{named(4.77, 1.5, 0.5, 2, math.NaN(), 1),
			"not health: safer work and fewer injuries are not in it."},
	} {
		cmp := &scenarios.Comparison{Baseline: base, Summaries: tc.sums}
		d := &doc{in: Input{Lang: lang.EN, Comparison: cmp, Scenarios: f}, l: lang.EN}
		if cs := d.Caveats(); len(cs) == 0 || !strings.Contains(cs[0], tc.want) {
			t.Errorf("caveats %q, want the first to contain %q", cs, tc.want)
		}
	}
}
