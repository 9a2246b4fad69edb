package model

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// TestDetailsAddUp: on every example chain and on a sample with weights,
// the households one by one add up to the group's totals: households,
// mean income, the poor, and children in child labour and hazardous child
// labour by band.
func TestDetailsAddUp(t *testing.T) {
	for _, path := range []string{"../examples/cotton-tajikistan.toml", "../examples/tobacco-kyrgyzstan.toml",
		"../examples/apricot-batken.toml", "testdata/household.toml", "testdata/supplied.toml", "testdata/carts.toml"} {
		c := load(t, path)
		pop := NewPopulation(c, 7)
		r, err := Simulate(c, Options{Population: pop})
		if err != nil {
			t.Fatal(err)
		}
		ds, err := Details(r, pop)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range r.Groups {
			var w, inc, poor float64
			var cl, haz [nb]float64
			for _, x := range ds {
				if x.Group != g.Actor {
					continue
				}
				w += x.Weight
				inc += x.Weight * x.Income
				if x.Poor {
					poor += x.Weight
				}
				for b := range cl {
					if x.Class[b] >= ChildLabourWork {
						cl[b] += x.Weight * x.Children[b]
					}
					if x.Class[b] == HazardousWork {
						haz[b] += x.Weight * x.Children[b]
					}
				}
			}
			near := func(what string, got, want float64) {
				if math.Abs(got-want) > 1e-6*(1+math.Abs(want)) {
					t.Errorf("%s %s: %s %v from the details, %v in the group", path, g.Actor, what, got, want)
				}
			}
			near("households", w, float64(g.Households))
			near("mean income", inc/w, g.MeanIncome)
			near("poor", poor/w, g.BelowPoverty)
			for b := range cl {
				near(valuechain.BandNames[b]+" child labour", cl[b], g.ByBand[b].ChildLabour)
				near(valuechain.BandNames[b]+" hazardous", haz[b], g.ByBand[b].Hazardous)
			}
		}
	}
}

// TestDetailsNeedABaseline: a result with interventions has no details.
func TestDetailsNeedABaseline(t *testing.T) {
	c := load(t, "testdata/household.toml")
	pop := NewPopulation(c, 1)
	r, err := Simulate(c, Options{Population: pop, Policy: &Policy{Measures: []Measure{{Name: "x", Type: "cash_transfer", Targets: []string{c.Actors[0].ID}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Details(r, pop); err == nil {
		t.Error("details of a result with a policy")
	}
}

// TestCancel: a simulation whose context is done returns the context's
// error and no result, directly and through a memo and a plan, and the
// memo keeps nothing from it.
func TestCancel(t *testing.T) {
	c := load(t, "../examples/cotton-tajikistan.toml")
	pop := NewPopulation(c, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := Simulate(c, Options{Population: pop, Context: ctx}); r != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Simulate: %v, %v; want no result and context.Canceled", r != nil, err)
	}
	memo := NewMemo()
	if _, err := memo.Simulate(c, Options{Population: pop, Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("Memo.Simulate: %v", err)
	}
	if r, err := memo.Simulate(c, Options{Population: pop}); err != nil || r == nil || memo.Hits() != 0 {
		t.Errorf("after a cancelled year the memo answered from it: hits %d, %v", memo.Hits(), err)
	}
	plan := Plan{Name: "x", Base: c, Years: []PlanYear{{Chain: c}, {Chain: c}}, Context: ctx}
	if _, err := RunPlan(plan, pop); !errors.Is(err, context.Canceled) {
		t.Errorf("RunPlan: %v", err)
	}
}
