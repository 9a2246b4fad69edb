package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// randomPolicy returns a policy of 1 to 4 measures on actor id drawn at
// random: transfers, conditional transfers, premiums, safety, education
// and monitoring (with a random coverage history), so that every path of
// householdRange is taken.
func randomPolicy(rng *rand.Rand, id string) *Policy {
	var pol Policy
	for j := range 1 + rng.IntN(4) {
		m := Measure{Name: fmt.Sprint("m", j), Targets: []string{id}, AdoptKey: fmt.Sprint("key", rng.IntN(3)),
			Coverage: 0.2 + 0.7*rng.Float64()}
		switch rng.IntN(6) {
		case 0:
			m.Transfer = 500 + 2000*rng.Float64()
		case 1:
			m.CCT = 200 + 600*rng.Float64()
			if rng.IntN(2) == 0 {
				m.CCTHoursCap = 5 + 10*rng.Float64()
			}
		case 2:
			m.PremiumRate = 0.02 + 0.1*rng.Float64()
		case 3:
			m.HazardChange, m.YouthHazardChange, m.BetaChange = -0.5*rng.Float64(), -0.5*rng.Float64(), 0.5*rng.Float64()
		case 4:
			m.SchoolCostChange, m.SchoolValueGain, m.BetaChange = -0.5, 0.5*rng.Float64(), 0.2*rng.Float64()
		case 5:
			m.Withdrawal, m.Months = 0.3+0.5*rng.Float64(), float64(rng.IntN(13))
			if rng.IntN(2) == 0 {
				m.Compensation = 500 * rng.Float64()
			}
			for range 1 + rng.IntN(8) {
				m.History = append(m.History, rng.Float64())
			}
			m.Coverage = m.History[len(m.History)-1]
		}
		pol.Measures = append(pol.Measures, m)
	}
	return &pol
}

// TestCombosAreOneByOne: households built once per combination of the
// measures they adopt and the years they have been monitored
// (householdRange) give the same result, bit for bit, as households built
// one by one, on the cotton example with and without school keys, under
// random policies.
func TestCombosAreOneByOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 23))
	for trial := range 24 {
		c := loadCotton(t)
		for i := range c.Actors {
			if h := c.Actors[i].Household; h != nil {
				c.Actors[i].Count = 2000
				if trial%2 == 1 {
					h.SchoolCost = &[nb]float64{100, 150, 200}
					h.SchoolValue = &[nb]float64{1.5, 1.5, 1.5}
				}
			}
		}
		if err := valuechain.Validate(c, "cotton"); err != nil {
			t.Fatal(err)
		}
		pop := NewPopulation(c, uint64(trial))
		pol := randomPolicy(rng, "dekhan")
		run := func(cache bool) *Result {
			defer func(v bool) { cacheCombos = v }(cacheCombos)
			cacheCombos = cache
			r, err := Simulate(c, Options{Population: pop, Policy: pol})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		got, want := run(true), run(false)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("trial %d (%+v): households built once per combination differ from households built one by one", trial, pol.Measures)
		}
	}
}
