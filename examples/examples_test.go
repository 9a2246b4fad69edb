package examples_test

import (
	"fmt"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

func simulate(t *testing.T, name string, seed uint64) *model.Result {
	t.Helper()
	data, err := examples.Chain(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := valuechain.Parse(data, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := valuechain.Validate(c, name); err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestIdentities checks docs/model.md section 3's identities on every built-in example,
// for several seeds.
func TestIdentities(t *testing.T) {
	for _, name := range examples.Names() {
		for _, seed := range []uint64{1, 2, 99} {
			r := simulate(t, name, seed)
			if err := r.Check(1e-9); err != nil {
				t.Errorf("%s, seed %d: %v", name, seed, err)
			}
		}
	}
}

// TestSeedDeterminism: the same seed gives the same numbers.
func TestSeedDeterminism(t *testing.T) {
	for _, name := range examples.Names() {
		a, b := simulate(t, name, 7), simulate(t, name, 7)
		if a.ChildTotal() != b.ChildTotal() || a.Totals != b.Totals {
			t.Errorf("%s: two runs with seed 7 differ", name)
		}
	}
}

// TestCottonFarmAccount checks the dekhan farm account against the figures
// of the file, worked out by hand: 30,000 farms x 3,120 kg = 93.6 million kg
// at 5.0 TJS = 468 million TJS; external inputs (0.15 + 0.75 + 0.45 + 0.15 +
// 0.30) x 93.6 million + 600 x 30,000 = 186.48 million; value added 281.52
// million TJS, 9,384 TJS a farm; interest 0.24 x 186.48 million x 6/12 =
// 22.3776 million.
func TestCottonFarmAccount(t *testing.T) {
	r := simulate(t, "cotton-tajikistan", 1)
	a := r.Accounts[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"output", a.Output[0], 93.6e6},
		{"revenue", a.Revenue, 468e6},
		{"external inputs", a.ExternalInputs, 186.48e6},
		{"value added", a.ValueAdded, 281.52e6},
		{"value added per farm", a.PerUnit(a.ValueAdded), 9384},
		{"interest", a.Interest, 22.3776e6},
		{"rent", a.Rent, 9e6},
	} {
		if d := c.got - c.want; d > 1e-6*c.want || d < -1e-6*c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestExamplesArePlausible keeps the examples within the ranges their
// comments claim: child labour among children of the producer households
// between 5% and 40%, and the farmers' share of the final price between a
// third and three quarters.
func TestExamplesArePlausible(t *testing.T) {
	for _, name := range examples.Names() {
		r := simulate(t, name, 1)
		ch := r.ChildTotal()
		prev := ch.ChildLabour / ch.Children
		if prev < 0.05 || prev > 0.40 {
			t.Errorf("%s: child-labour prevalence %.3f outside [0.05, 0.40]", name, prev)
		}
		if s := r.Margins[0].Share; s < 0.33 || s > 0.75 {
			t.Errorf("%s: producer share %.3f outside [0.33, 0.75]", name, s)
		}
	}
}

func Example() {
	data, _ := examples.Chain("tobacco-kyrgyzstan")
	c, _ := valuechain.Parse(data, "tobacco")
	r, _ := model.Simulate(c, model.Options{Seed: 1})
	fmt.Printf("%s: %d actors, value added %.0f million %s\n",
		c.Name, len(r.Accounts), r.Totals.ValueAdded/1e6, c.Currency)
	// Output: Tobacco, southern Kyrgyzstan: 3 actors, value added 215 million KGS
}

// TestScenarioFiles runs every example's scenarios and checks the
// identities on every year of every scenario.
func TestScenarioFiles(t *testing.T) {
	for _, name := range examples.Names() {
		data, err := examples.Chain(name)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := valuechain.Parse(data, name)
		sdata, err := examples.Scenarios(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := scenarios.Parse(sdata, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := scenarios.Validate(f, c, name); err != nil {
			t.Fatal(err)
		}
		if len(f.Scenarios) < 4 {
			t.Errorf("%s: %d scenarios, want at least 4", name, len(f.Scenarios))
		}
		cmp, err := scenarios.Compare(c, f, 0, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, run := range cmp.Runs {
			for y, r := range run.Results {
				if err := r.Check(1e-9); err != nil {
					t.Errorf("%s, %s, year %d: %v", name, run.Name, y+1, err)
				}
			}
			if s := cmp.Summaries[i]; s.PVCost <= 0 {
				t.Errorf("%s, %s: no cost", name, run.Name)
			}
		}
	}
}
