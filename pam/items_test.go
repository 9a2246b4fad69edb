package pam

import (
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestSplitItem: a farm sells 100 units at 10 (no border price: E = A =
// 1,000) and buys fertiliser at 2 a unit, split 60/40 with a social price
// factor of 1.5 on its tradable part, and fuel at 1 a unit, which takes
// the typical split (0.9 tradable) at the exchange rate factor 1.25.
//
// By hand: fertiliser 200 -> B 0.6 x 200 = 120, C 80, F 120 x 1.5 = 180,
// G 80 x 1 = 80; fuel 100 -> B 90, C 10, F 90 x 1.25 = 112.5, G 10. So
// A = 1,000, B = 210, C = 90, D = 700; E = 1,000, F = 292.5, G = 90,
// H = 617.5; L = 82.5, PSE = 82.5/1,000 = 0.0825, NPCI = 210/292.5 =
// 0.717949.
func TestSplitItem(t *testing.T) {
	c := chain(t, `name = "split"
currency = "USD"
[economic]
exchange_rate_factor = 1.25
[economic.costs]
fertiliser = { split = { tradable = 0.6 }, social_price_factor = 1.5 }
[[actor]]
id = "farm"
kind = "enterprise"
count = 1
output_per_unit = 100
price = 10
costs = { fertiliser = 2, fuel = 1 }
`)
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Build(r)
	if err != nil {
		t.Fatal(err)
	}
	want := Matrix{A: 1000, B: 210, C: 90, D: 700, E: 1000, F: 292.5, G: 90, H: 617.5}
	got := tab.Actors[0].Matrix
	for _, x := range []struct {
		name      string
		got, want float64
	}{{"A", got.A, want.A}, {"B", got.B, want.B}, {"C", got.C, want.C}, {"D", got.D, want.D},
		{"E", got.E, want.E}, {"F", got.F, want.F}, {"G", got.G, want.G}, {"H", got.H, want.H}} {
		near(t, x.name, x.got, x.want, 1e-9)
	}
	for _, x := range tab.Chain.Ratios() {
		switch x.Name {
		case "pse":
			near(t, "pse", x.Value, 0.0825, 1e-12)
		case "npci":
			near(t, "npci", x.Value, 210/292.5, 1e-12)
		}
	}
	src := map[string]Item{}
	for _, it := range tab.Items {
		src[it.Name] = it
	}
	if it := src["fertiliser"]; it.Source != "chain file" || it.Tradable != 0.6 || it.Factor != 1.5 {
		t.Errorf("fertiliser %+v", it)
	}
	if it := src["fuel"]; it.Source != "typical" || it.Tradable != 0.9 || it.Factor != 1.25 {
		t.Errorf("fuel %+v", it)
	}
	if it := src["transport"]; it.Source != "typical" || it.Tradable != 0.3 {
		t.Errorf("transport %+v", it)
	}
}

// TestOwnFactors: ten farm households sell 1,000 units at 10 (A = E =
// 10,000) with no costs, so their net operating profit is 10,000 and, in
// the accounts convention, D = H = 10,000. In the textbook convention
// their own factors enter C and G at opportunity cost:
//
//	land: 1.5 ha x 10 households x rent 200 = 3,000 (social rent 150: 2,250)
//	capital: (1,000 + 4,000) x 10 = 50,000 x 12% = 6,000 (social discount rate 5%: 2,500)
//	family labour: 500 days x 8 = 4,000 (social: 8 x wage factor 0.8 = 6.4 a day: 3,200)
//
// so C = 13,000, D = 10,000 - 13,000 = -3,000; G = 7,950, H = 2,050; L =
// -5,050 and PSE = -5,050/10,000 = -0.505: D falls by 13,000 and H by
// 7,950. The result is built by hand, so the family's 500 days are given,
// not simulated.
func TestOwnFactors(t *testing.T) {
	text := `name = "own"
currency = "USD"
poverty_line = 1000
adult_wage = 5
[economic]
convention = "textbook"
wage_factor = 0.8
social_discount_rate = 0.05
[[economic.factors]]
actor = "farm"
land = { area = 1.5, rent = 200, social_rent = 150 }
capital = { working = 1000, fixed = 4000, rate = 0.12 }
family_labour = { wage = 8 }
[[actor]]
id = "farm"
kind = "household"
count = 10
output_per_unit = 100
price = 10
[actor.household]
adults = 2
`
	c := chain(t, text)
	result := func(c *valuechain.Chain) *model.Result {
		return &model.Result{Chain: c,
			Accounts: []model.Account{{Actor: "farm", Count: 10, Output: []float64{1000}, Revenue: 10000, NetOperatingProfit: 10000}},
			Labour:   []model.Labour{{Actor: "farm", FamilyDays: 500}},
			Finals:   []model.FinalSale{{Actor: "farm", Volume: 1000, Price: 10, Value: 10000}},
		}
	}
	tab, err := Build(result(c))
	if err != nil {
		t.Fatal(err)
	}
	if w := (Matrix{A: 10000, C: 13000, D: -3000, E: 10000, G: 7950, H: 2050}); tab.Actors[0].Matrix != w || tab.Chain.Matrix != w {
		t.Errorf("textbook: actor %+v, chain %+v, want %+v", tab.Actors[0].Matrix, tab.Chain.Matrix, w)
	}
	wantF := map[string][2]float64{"land": {3000, 2250}, "capital": {6000, 2500}, "family_labour": {4000, 3200}}
	if len(tab.Actors[0].Factors) != 3 {
		t.Fatalf("factors %+v", tab.Actors[0].Factors)
	}
	for _, f := range tab.Actors[0].Factors {
		if w := wantF[f.Name]; f.Private != w[0] || f.Social != w[1] {
			t.Errorf("%s: %v %v, want %v", f.Name, f.Private, f.Social, w)
		}
	}
	for _, x := range tab.Chain.Ratios() {
		if x.Name == "pse" {
			near(t, "pse", x.Value, -0.505, 1e-12)
		}
	}
	// The accounts convention: the same chain without its factors.
	c.Economic = &valuechain.Economic{WageFactor: 0.8}
	tab, err = Build(result(c))
	if err != nil {
		t.Fatal(err)
	}
	if w := (Matrix{A: 10000, D: 10000, E: 10000, H: 10000}); tab.Actors[0].Matrix != w {
		t.Errorf("accounts: %+v, want %+v", tab.Actors[0].Matrix, w)
	}
}
