package pam

import (
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

// TestRatiosByHand: A = 150,000, B = 42,000, C = 61,000 at private prices
// and E = 140,000, F = 46,000, G = 55,000 at social prices give D =
// 47,000, H = 39,000, L = 8,000 and the ratios worked by hand.
func TestRatiosByHand(t *testing.T) {
	m := Matrix{A: 150000, B: 42000, C: 61000, E: 140000, F: 46000, G: 55000}
	m.D, m.H = m.A-m.B-m.C, m.E-m.F-m.G
	_, _, _, l := m.Divergences()
	near(t, "D", m.D, 47000, 0)
	near(t, "H", m.H, 39000, 0)
	near(t, "L", l, 8000, 0)
	// PSE = L/A = 8,000/150,000 = 0.0533.
	want := map[string]float64{"npco": 1.0714, "npci": 0.9130, "epc": 1.1489, "pcr": 0.5648, "drc": 0.5851, "pc": 1.2051, "srp": 0.0571, "scb": 0.7214, "pse": 0.0533}
	for _, r := range m.Ratios() {
		near(t, r.Name, r.Value, want[r.Name], 5e-5)
	}
}

// TestUndefinedRatios: a zero or negative denominator gives NaN and a
// reason, never Inf.
func TestUndefinedRatios(t *testing.T) {
	m := Matrix{A: 100, B: 120, C: 10, D: -30, E: 100, F: 100, G: 10, H: -10}
	for _, r := range m.Ratios() {
		switch r.Name {
		case "epc", "drc":
			if !math.IsNaN(r.Value) || !strings.Contains(r.Reason, "value added at social prices (E - F) is zero") {
				t.Errorf("%s = %v (%s), want undefined", r.Name, r.Value, r.Reason)
			}
		case "pcr":
			if !math.IsNaN(r.Value) || !strings.Contains(r.Reason, "is negative") {
				t.Errorf("pcr = %v (%s)", r.Value, r.Reason)
			}
		case "pc":
			if !math.IsNaN(r.Value) || !strings.Contains(r.Reason, "social profit (H) is negative") {
				t.Errorf("pc = %v (%s)", r.Value, r.Reason)
			}
		}
		if math.IsInf(r.Value, 0) {
			t.Errorf("%s is infinite", r.Name)
		}
	}
}

func chain(t *testing.T, text string) *valuechain.Chain {
	t.Helper()
	c, err := valuechain.Parse([]byte(text), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := valuechain.Validate(c, "t.toml"); err != nil {
		t.Fatal(err)
	}
	return c
}

func compute(t *testing.T, c *valuechain.Chain) ([]Row, Row) {
	t.Helper()
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rows, total, err := Compute(r)
	if err != nil {
		t.Fatal(err)
	}
	return rows, total
}

// TestSingleActorChain: a mill making 1,000 units at 150 with packaging at 42
// a unit (tradable) and 100 days of hired work at 610 a day gives A =
// 150,000, B = 42,000, C = 61,000. A shadow exchange rate factor of 46/42,
// a border price of 140,000/1,000/(46/42) and a shadow wage factor of
// 55/61 give E = 140,000, F = 46,000 and G = 55,000: the matrix of
// TestRatiosByHand.
func TestSingleActorChain(t *testing.T) {
	c := chain(t, `name = "mill"
currency = "USD"
adult_wage = 610
[economic]
exchange_rate_factor = 1.0952380952380953
wage_factor = 0.9016393442622951
[[economic.border_price]]
actor = "mill"
price = 127.82608695652173
[[actor]]
id = "mill"
kind = "enterprise"
count = 1
output_per_unit = 1000
price = 150
final_market = "export"
costs = { packaging = 42 }
[[actor.task]]
name = "work"
days_per_unit = 0.1
`)
	rows, total := compute(t, c)
	m := rows[0].Matrix
	for _, x := range []struct {
		name      string
		got, want float64
	}{{"A", m.A, 150000}, {"B", m.B, 42000}, {"C", m.C, 61000}, {"D", m.D, 47000},
		{"E", m.E, 140000}, {"F", m.F, 46000}, {"G", m.G, 55000}, {"H", m.H, 39000}} {
		near(t, x.name, x.got, x.want, 1e-6)
	}
	if total.Matrix != m {
		t.Errorf("the chain's matrix %+v is not the one actor's %+v", total.Matrix, m)
	}
}

const twoStage = `name = "two"
currency = "USD"
[economic]
domestic_costs = ["fuel"]
[[economic.border_price]]
actor = "trader"
price = 22
[[actor]]
id = "farm"
kind = "enterprise"
count = 1
output_per_unit = 100
price = 10
costs = { pesticides = 2 }
[[actor]]
id = "trader"
kind = "enterprise"
count = 1
price = 25
final_market = "export"
costs = { fuel = 3 }
[[link]]
from = "farm"
to = "trader"
share = 1
`

// TestTwoStageChain: a farm sells 100 units at 10 to a trader (pesticides
// 2 a unit, tradable), who sells them for export at 25 (fuel 3 a unit,
// domestic); the border price of the trader's product is 22, the shadow
// exchange rate factor 1.
//
// Actors, by hand: farm A = E = 100 x 10 = 1,000, B = F = 100 x 2 = 200,
// C = G = 0, D = H = 800; trader A = 100 x 25 = 2,500, B = F = 1,000 (the
// farm's product, which has no border price), C = G = 100 x 3 = 300,
// D = 1,200, E = 100 x 22 = 2,200, H = 900.
//
// The chain, consolidated: A = the final sales = 2,500; B = the inputs
// bought outside the chain = the pesticides, 200; C = 0 + 300 = 300;
// D = 2,500 - 200 - 300 = 2,000; E = 2,200; F = 200; G = 300;
// H = 2,200 - 200 - 300 = 1,700; I = 300, J = 0, K = 0, L = 300. The
// farm's sale of 1,000 to the trader cancels. Ratios: NPCO = 2,500/2,200
// = 1.136364; NPCI = 200/200 = 1; EPC = 2,300/2,000 = 1.15; PCR =
// 300/2,300 = 0.130435; DRC = 300/2,000 = 0.15; PC = 2,000/1,700 =
// 1.176471; SRP = 300/2,200 = 0.136364; SCB = 500/2,200 = 0.227273; PSE =
// 300/2,500 = 0.12.
//
// The sum of the actors counts the 1,000 twice: A = 3,500, B = 1,200,
// E = 3,200, F = 1,200, so NPCO = 3,500/3,200 = 1.09375 and SRP =
// 300/3,200 = 0.09375, while D, H, EPC and DRC are the chain's.
func TestTwoStageChain(t *testing.T) {
	c := chain(t, twoStage)
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Build(r)
	if err != nil {
		t.Fatal(err)
	}
	want := []Matrix{
		{A: 1000, B: 200, C: 0, D: 800, E: 1000, F: 200, G: 0, H: 800},
		{A: 2500, B: 1000, C: 300, D: 1200, E: 2200, F: 1000, G: 300, H: 900},
	}
	for i, w := range want {
		if tab.Actors[i].Matrix != w {
			t.Errorf("%s: %+v, want %+v", tab.Actors[i].Actor, tab.Actors[i].Matrix, w)
		}
	}
	if w := (Matrix{A: 2500, B: 200, C: 300, D: 2000, E: 2200, F: 200, G: 300, H: 1700}); tab.Chain.Matrix != w {
		t.Errorf("chain %+v, want %+v", tab.Chain.Matrix, w)
	}
	if w := (Matrix{A: 3500, B: 1200, C: 300, D: 2000, E: 3200, F: 1200, G: 300, H: 1700}); tab.Sum.Matrix != w {
		t.Errorf("sum of actors %+v, want %+v", tab.Sum.Matrix, w)
	}
	i, j, k, l := tab.Chain.Divergences()
	if i != 300 || j != 0 || k != 0 || l != 300 {
		t.Errorf("divergences %v %v %v %v, want 300 0 0 300", i, j, k, l)
	}
	ratios := map[string]float64{"npco": 2500.0 / 2200, "npci": 1, "epc": 1.15, "pcr": 300.0 / 2300, "drc": 0.15,
		"pc": 2000.0 / 1700, "srp": 300.0 / 2200, "scb": 500.0 / 2200, "pse": 0.12}
	got := tab.Chain.Ratios()
	if len(got) != len(ratios) {
		t.Fatalf("%d ratios, want %d", len(got), len(ratios))
	}
	for _, x := range got {
		near(t, "chain "+x.Name, x.Value, ratios[x.Name], 1e-9)
	}
	for _, x := range tab.Sum.Ratios() {
		switch x.Name {
		case "npco", "srp":
			near(t, "sum "+x.Name, x.Value, map[string]float64{"npco": 1.09375, "srp": 0.09375}[x.Name], 1e-9)
		}
	}
	if rows := CSVRows(tab); len(rows) != 4 || rows[2].Actor != "total" || rows[3].Actor != "sum_of_actors" || rows[2].NPCO != Ratio4(2500.0/2200) {
		t.Errorf("pam.csv rows: %+v", rows)
	}
}

// TestNoShadowValuesNoDivergence: the examples without their [economic]
// table have every divergence zero, on every actor.
func TestNoShadowValuesNoDivergence(t *testing.T) {
	for _, path := range []string{"../examples/cotton-tajikistan.toml", "../examples/tobacco-kyrgyzstan.toml"} {
		c, err := valuechain.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		c.Economic = nil // market prices
		if !Neutral(c) {
			t.Fatalf("%s has shadow values", path)
		}
		rows, total := compute(t, c)
		for _, r := range append(rows, total) {
			i, j, k, l := r.Divergences()
			if math.Abs(i)+math.Abs(j)+math.Abs(k)+math.Abs(l) > 1e-6*r.A {
				t.Errorf("%s %s: divergences %v %v %v %v", path, r.Actor, i, j, k, l)
			}
		}
	}
}
