package scenarios

import (
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/model"
)

// TestThreeEquilibria works testdata/market.toml by hand. Income without
// child work is Y0 = 200 w; the child's hour is worth v = 0.5 w / 8, and
// with alpha = 0 the child works h = (20000 - 200 w)/(v x 50) hours, at most
// 40. In adult-equivalent days the child supplies 0.5 x h x 50 / 8 =
// 20000/w - 200 when that is between 0 and 0.5 x 40 x 50 / 8 = 125. Supply:
// 325 below w = 20000/325 = 61.54, 20000/w up to w = 100, 200 above.
// Demand 2400 w^-0.5 meets it at
//   - w = (2400/325)^2 = 54.533 (stable: the child works 40 hours),
//   - w = (20000/2400)^2 = 69.444 (unstable),
//   - w = (2400/200)^2 = 144 (stable: no child labour).
//
// From the starting wage 60, supply exceeds demand (325 > 309.8) and the
// wage falls to the bad equilibrium. A ban in year 1 leaves supply at 200:
// demand exceeds it and the wage rises to 144, where the market stays
// after the ban ends.
func TestThreeEquilibria(t *testing.T) {
	c := chain(t, "testdata/market.toml")
	pop := model.NewPopulation(c, 1)
	m, err := model.NewMarket(c, pop, nil)
	if err != nil {
		t.Fatal(err)
	}
	eqs, err := m.Equilibria(80)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Equilibrium{
		{Wage: 2400.0 * 2400 / (325 * 325), Stable: true, ChildLabour: 1},
		{Wage: 20000.0 * 20000 / (2400 * 2400), Stable: false, ChildLabour: 1},
		{Wage: 144, Stable: true, ChildLabour: 0},
	}
	if len(eqs) != len(want) {
		t.Fatalf("%d equilibria %+v, want 3", len(eqs), eqs)
	}
	for i, w := range want {
		e := eqs[i]
		if math.Abs(e.Wage-w.Wage) > 1e-8*w.Wage || e.Stable != w.Stable || e.ChildLabour != w.ChildLabour {
			t.Errorf("equilibrium %d = %+v, want %+v", i+1, e, w)
		}
	}

	f := parse(t, c, `
[[scenario]]
name = "ban for one year"
  [[scenario.intervention]]
  type = "ban"
  targets = ["workers"]
  coverage = 1
  end = 1
`)
	cmp, err := Compare(c, f, 3, model.NewPopulation(c, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range cmp.Baseline.Years {
		if math.Abs(y.AdultWage-want[0].Wage) > 1e-8*want[0].Wage || y.ChildLabour != 1 {
			t.Errorf("baseline year %d: wage %v, child labour %v; want the bad equilibrium", y.Year, y.AdultWage, y.ChildLabour)
		}
	}
	for _, y := range cmp.Runs[0].Years {
		if math.Abs(y.AdultWage-144) > 1e-8*144 || y.ChildLabour != 0 {
			t.Errorf("ban scenario year %d: wage %v, child labour %v; want 144 and none", y.Year, y.AdultWage, y.ChildLabour)
		}
	}
}

// TestEquilibriaOutsideTheFirstScan: the market of TestThreeEquilibria
// with other starting wages w0 (demand unchanged: L_D0 = 2400/sqrt(w0)).
// With w0 = 20 the first scan covers [5, 80] and sees excess demand still
// positive at 80; the search goes on up and finds the stable equilibrium
// at 144 that the old scan missed. With w0 = 600 the scan [150, 2400] has
// supply above demand everywhere (the old scan found nothing); the search
// goes down until demand exceeds supply, just below 144, and finds it.
// The pair at 54.5 and 69.4 lies below a wage where excess demand already
// has the sign of low wages, so it is not searched for: that is the rule
// (docs/model.md), and the test pins it.
func TestEquilibriaOutsideTheFirstScan(t *testing.T) {
	for _, tc := range []struct {
		w0   float64
		want []float64
	}{
		{20, []float64{2400.0 * 2400 / (325 * 325), 20000.0 * 20000 / (2400 * 2400), 144}},
		{600, []float64{144}},
	} {
		c := chain(t, "testdata/market.toml")
		c.AdultWage = tc.w0
		c.LabourDemand = 2400 / math.Sqrt(tc.w0)
		m, err := model.NewMarket(c, model.NewPopulation(c, 1), nil)
		if err != nil {
			t.Fatal(err)
		}
		eqs, err := m.Equilibria(80)
		if err != nil {
			t.Fatal(err)
		}
		if len(eqs) != len(tc.want) {
			t.Fatalf("w0 = %v: %d equilibria %+v, want %v", tc.w0, len(eqs), eqs, tc.want)
		}
		for i, w := range tc.want {
			if math.Abs(eqs[i].Wage-w) > 1e-8*w {
				t.Errorf("w0 = %v: equilibrium %d at %v, want %v", tc.w0, i+1, eqs[i].Wage, w)
			}
		}
		if m.Note != "" {
			t.Errorf("w0 = %v: note %q, want none: both ends were found", tc.w0, m.Note)
		}
	}
}

// TestEquilibriaSearchNote: with demand that never falls below supply
// (elasticity 0 and a huge L_D0) the search stops at 1e4 w0 and says so.
func TestEquilibriaSearchNote(t *testing.T) {
	c := chain(t, "testdata/market.toml")
	c.LabourDemand = 1e9
	m, err := model.NewMarket(c, model.NewPopulation(c, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Elasticity = 1e-9
	eqs, err := m.Equilibria(80)
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 0 || !strings.Contains(m.Note, "demand still meets or exceeds supply") {
		t.Errorf("equilibria %v, note %q", eqs, m.Note)
	}
}
