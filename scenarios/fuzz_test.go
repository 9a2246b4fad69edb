package scenarios

import (
	"fmt"
	"os"
	"testing"

	"vcsim/model"
	"vcsim/model/tables"
	"vcsim/outfile"
	"vcsim/valuechain"
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
		for name, rows := range map[string]any{
			"accounts.csv": tables.Accounts(r), "margins.csv": tables.Margins(r), "labour.csv": tables.Labour(r),
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
