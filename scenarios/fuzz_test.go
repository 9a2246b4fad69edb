package scenarios

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/valuechain"
)

// FuzzCompare runs the whole model on any chain and scenario file that
// validate: load, validate, simulate the baseline, compare the scenarios
// over two years. It fails on a panic and on any non-finite number in
// any output table (NaN is allowed only where a column says "undefined").
func FuzzCompare(f *testing.F) {
	for _, ex := range [][2]string{
		{"../examples/cotton-tajikistan.toml", "../examples/cotton-tajikistan-scenarios.toml"},
		{"../examples/tobacco-kyrgyzstan.toml", "../examples/tobacco-kyrgyzstan-scenarios.toml"},
	} {
		c, err := os.ReadFile(ex[0])
		if err != nil {
			f.Fatal(err)
		}
		// Seeds with small household groups, so that each run is quick.
		chain, err := valuechain.Parse(c, ex[0])
		if err != nil {
			f.Fatal(err)
		}
		for i, a := range chain.Actors {
			if a.Kind == valuechain.Household {
				if c, err = valuechain.SetValue(c, fmt.Sprintf("actor.%d.count", i), "300"); err != nil {
					f.Fatal(err)
				}
			}
		}
		s, err := os.ReadFile(ex[1])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c, s)
	}
	// A trader that hires a household group's own children (supplied_by),
	// and porters whose carts only boys push (done_by): the rationed use of
	// the children's hours and the idle girls under the identities too.
	for _, ex := range [][2]string{
		{"../model/testdata/supplied.toml", "[[scenario]]\nname = \"code\"\n  [[scenario.intervention]]\n  type = \"code_of_conduct\"\n  targets = [\"trader\"]\n  coverage = 0.5\n"},
		{"../model/testdata/carts.toml", "[[scenario]]\nname = \"transfer\"\n  [[scenario.intervention]]\n  type = \"cash_transfer\"\n  targets = [\"porters\"]\n  coverage = 1\n  effect = { amount = 300 }\n"},
	} {
		c, err := os.ReadFile(ex[0])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c, []byte(ex[1]))
	}
	f.Fuzz(func(t *testing.T, chainText, scenText []byte) {
		c, err := valuechain.Parse(chainText, "c.toml")
		if err != nil || valuechain.Validate(c, "c.toml") != nil {
			return
		}
		households := 0.0
		for _, a := range c.Actors {
			if a.Kind == valuechain.Household {
				households += a.Count
			}
		}
		if households > 3000 {
			return // keep each run short; size is not what this target explores
		}
		pop := model.NewPopulation(c, 1)
		r, err := model.Simulate(c, model.Options{Population: pop})
		if err != nil {
			t.Fatalf("a valid chain does not simulate: %v", err)
		}
		if err := r.CheckIncome(1e-9); err != nil {
			t.Fatalf("identities: %v\nchain:\n%s", err, chainText)
		}
		for name, rows := range map[string]any{
			"accounts.csv": tables.Accounts(r), "margins.csv": tables.Margins(r), "labour.csv": tables.Labour(r),
			"labour_tasks.csv": tables.Tasks(r),
			"child_labour.csv": tables.ChildLabour(r), "households.csv": tables.Households(r), "summary.json": tables.NewSummary(r, 1),
		} {
			if err := outfile.Finite(name, rows); err != nil {
				t.Fatalf("%v\nchain:\n%s", err, chainText)
			}
		}
		sf, err := Parse(scenText, "s.toml")
		if err != nil || Validate(sf, c, "s.toml") != nil {
			return
		}
		cmp, err := Compare(c, sf, 2, pop, nil)
		if err != nil {
			return // a scenario the model refuses, with an error
		}
		for name, rows := range map[string]any{
			"scenario_summary.csv": tables.Summaries(cmp.Baseline, cmp.Summaries),
			"scenario_years.csv":   tables.Years(append([]*model.Run{cmp.Baseline}, cmp.Runs...)...),
		} {
			if err := outfile.Finite(name, rows); err != nil {
				t.Fatalf("%v\nchain:\n%s\nscenarios:\n%s", err, chainText, scenText)
			}
		}
	})
}

// FuzzChainNumbers puts fuzzed numbers into the keys of the tobacco
// example and its scenario file, so that every run reaches validation and,
// when the numbers are in range, the whole model: baseline, survey
// population and a comparison over two years. It fails on a panic and on
// any non-finite number in any output.
func FuzzChainNumbers(f *testing.F) {
	chain, err := os.ReadFile("../examples/tobacco-kyrgyzstan.toml")
	if err != nil {
		f.Fatal(err)
	}
	scen, err := os.ReadFile("../examples/tobacco-kyrgyzstan-scenarios.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(455.0, 160.0, 9.0, 1.0, 4.0, 2.8, 1.6, 40000.0, 0.5, 6000.0, 700.0, 0.95)
	f.Add(1e12, 1e15, 1e15, 1e6, 1e6, 100.0, 50.0, 1e15, 1.0, 1e15, 1e15, 1.0)
	f.Add(1e-300, 1e-300, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1e-9, 0.0, 1e-300, 1e-9)
	f.Fuzz(func(t *testing.T, output, price, cost, alpha, beta, adults, children, other, coverage, amount, wage, share float64) {
		set := func(text []byte, path string, x float64) []byte {
			out, err := valuechain.SetValue(text, path, strconv.FormatFloat(x, 'g', -1, 64))
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		c := set(chain, "actor.0.count", 300)
		for path, x := range map[string]float64{
			"actor.0.output_per_unit": output, "actor.0.price": price, "actor.0.costs.fertiliser": cost,
			"actor.0.household.alpha": alpha, "actor.0.household.adults": adults,
			"actor.0.household.children_12_14": children, "actor.0.household.other_income": other,
			"adult_wage": wage, "link.0.share": share,
		} {
			c = set(c, path, x)
		}
		c = []byte(strings.Replace(string(c), "beta = [4.0, 3.0, 2.0]", fmt.Sprintf("beta = [%g, 3.0, 2.0]", beta), 1))
		s := set(scen, "scenario.0.intervention.0.coverage", coverage)
		s = set(s, "scenario.1.intervention.2.effect.amount", amount)
		ch, err := valuechain.Parse(c, "c.toml")
		if err != nil {
			t.Logf("parse: %v", err)
			return // a number TOML cannot hold (NaN and infinities are written as text)
		}
		if err := valuechain.Validate(ch, "c.toml"); err != nil {
			t.Logf("validate: %v", err)
			return
		}
		pop := model.NewPopulation(ch, 1)
		r, err := model.Simulate(ch, model.Options{Population: pop})
		if err != nil {
			t.Fatalf("a valid chain does not simulate: %v", err)
		}
		if err := r.CheckIncome(1e-9); err != nil {
			t.Fatalf("identities: %v\n%s", err, c)
		}
		if err := outfile.Finite("summary.json", tables.NewSummary(r, 1)); err != nil {
			t.Fatalf("%v\n%s", err, c)
		}
		for name, rows := range map[string]any{"accounts.csv": tables.Accounts(r), "margins.csv": tables.Margins(r),
			"labour.csv": tables.Labour(r), "child_labour.csv": tables.ChildLabour(r), "households.csv": tables.Households(r)} {
			if err := outfile.Finite(name, rows); err != nil {
				t.Fatalf("%v\n%s", err, c)
			}
		}
		sf, err := Parse(s, "s.toml")
		if err != nil || Validate(sf, ch, "s.toml") != nil {
			return
		}
		cmp, err := Compare(ch, sf, 2, pop, nil)
		if err != nil {
			t.Fatalf("valid files do not compare: %v", err)
		}
		for _, run := range cmp.Runs {
			for y, r := range run.Results {
				if err := r.CheckIncome(1e-9); err != nil {
					t.Fatalf("%s, year %d: %v\n%s\n%s", run.Name, y+1, err, c, s)
				}
			}
		}
		for name, rows := range map[string]any{
			"scenario_summary.csv": tables.Summaries(cmp.Baseline, cmp.Summaries),
			"scenario_years.csv":   tables.Years(append([]*model.Run{cmp.Baseline}, cmp.Runs...)...),
		} {
			if err := outfile.Finite(name, rows); err != nil {
				t.Fatalf("%v\n%s\n%s", err, c, s)
			}
		}
	})
}
