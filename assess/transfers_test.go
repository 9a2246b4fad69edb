package assess

import (
	"context"
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestPoorVillageTransfers is issue 23's closing question: a poor
// population of vcsim's own making (scenarios/testdata/poor-village.toml,
// 2,000 farm households, about half below the poverty line), fitted
// before simulating to 30% of children in child labour and 75% enrolled in
// every band; what a cash transfer of 7% of spending (86 USD a household
// a year) does, unconditional, and conditional on enrolment and no child
// labour (34.4 USD per complying child: 86 for a household of the
// village's average 2.5 children).
//
// The fit must land within a point of the targets. The transfers must act
// the way the evidence says (Todd and Wolpin 2006 for Progresa, whose
// transfers were about a fifth of consumption): the conditional one raises
// enrolment by a few points, the unconditional one, through income alone,
// by well under a point; both cut child labour, the conditional one more,
// by less money. Measured (seed 1, year 1): child labour 30.0% -> 21.6%
// (unconditional), 19.2% (conditional); enrolment 75.1% -> 75.1% and
// 79.3%; pinned loosely.
func TestPoorVillageTransfers(t *testing.T) {
	c, err := valuechain.Load("../scenarios/testdata/poor-village.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := valuechain.Validate(c, "poor-village.toml"); err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Load("../scenarios/testdata/poor-village-scenarios.toml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Run(context.Background(), Inputs{Chain: c, Scenarios: f, Seed: 1}, Options{Years: 1, TotalsOnly: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Fits) != 1 {
		t.Fatalf("fits %+v, want the farm households'", a.Fits)
	}
	fit := a.Fits[0]
	if math.Abs(fit.Fitted-0.30) > 0.01 {
		t.Errorf("fitted prevalence %.4f, want 0.30 within a point", fit.Fitted)
	}
	for b, e := range fit.Enrolment {
		if math.Abs(e-0.75) > 0.01 {
			t.Errorf("band %d: fitted enrolment %.4f, want 0.75 within a point", b, e)
		}
	}
	type out struct{ prevalence, enrolment float64 }
	get := func(y int, name string) out {
		var r = a.Comparison.Baseline
		for _, x := range a.Comparison.Runs {
			if x.Name == name {
				r = x
			}
		}
		k := r.Years[y]
		var enrolled, children float64
		for _, b := range k.Bands {
			enrolled += b.School.Enrolled
			children += b.Children
		}
		return out{k.ChildLabour / k.Children, enrolled / children}
	}
	base := get(0, "")
	uct := get(0, "Unconditional transfer, 7% of spending")
	cct := get(0, "Conditional transfer, 7% of spending")
	t.Logf("child labour %.4f -> %.4f (unconditional), %.4f (conditional); enrolment %.4f -> %.4f, %.4f",
		base.prevalence, uct.prevalence, cct.prevalence, base.enrolment, uct.enrolment, cct.enrolment)
	if d := cct.enrolment - base.enrolment; d < 0.02 || d > 0.08 {
		t.Errorf("the conditional transfer raises enrolment by %.4f, want 2 to 8 points", d)
	}
	if d := uct.enrolment - base.enrolment; math.Abs(d) > 0.01 {
		t.Errorf("the unconditional transfer moves enrolment by %.4f, want under a point", d)
	}
	if d := base.prevalence - uct.prevalence; d < 0.04 || d > 0.12 {
		t.Errorf("the unconditional transfer cuts child labour by %.4f, want 4 to 12 points", d)
	}
	if cct.prevalence >= uct.prevalence {
		t.Errorf("child labour %.4f with the conditional transfer, %.4f with the unconditional: want less with the conditional", cct.prevalence, uct.prevalence)
	}
}
