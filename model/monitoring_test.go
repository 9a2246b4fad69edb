package model

import (
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// monitoredHousehold: one child of 5-11 whose every hour replaces hired
// labour (V = 1 an hour: gamma 0.5 x wage 16 / 8 hours), Y0 = 1000, S =
// 1800. K = 1000 - 1800 + 56 x 20 = 320, leisure 0.1 x 320 / 22 = 1.4545, so
// the child works h = 54.545 hours a week (child labour) and earns
// 54.545 x 20 = 1090.91 a season in wages saved: cash income 2090.91.
func monitoredHousehold() Household {
	return Household{
		Decision: Decision{N: [nb]float64{1}, V: [nb]float64{1, 1, 1}, Beta: [nb]float64{0.1, 0.2, 0.3},
			Alpha: 1, S: 1800, H: 56, W: 20},
		NetFarm: 17000, Need: 1000, Wage: 16, OffFarmWage: 16, CapDays: math.Inf(1), FamilyTimeValue: 1,
		Gamma: [nb]float64{0.5, 0.7, 0.9}, HoursPerDay: 8,
	}
}

// TestMonitoring: at withdrawal 0.6 within 4 months, in the first
// monitored year 60% of the identified children are withdrawn after 4
// months: they count for 4/12 of the year, so the child-years still in
// child labour are 0.4 + 0.6 x 4/12 = 0.6 (monitored = 0.4); in the second
// year 0.4 x 0.6 = 0.24 of the first year's (monitored = 1 - 0.4 x 0.6 =
// 0.76). The household loses the wages its child saved for the withdrawn
// 0.4 child-year: 0.4 x 1090.91 = 436.36, and falls to 1654.55, below the
// poverty line 1800; the package's transfer of 1090.91 per withdrawn child
// (with) pays 0.4 x 1090.91 back, and its income and poverty are as
// without monitoring.
func TestMonitoring(t *testing.T) {
	if got := monitored(0.6, 4, 1); math.Abs(got-0.4) > 1e-12 {
		t.Errorf("first year: withdrawn %v, want 0.4", got)
	}
	if got := monitored(0.6, 4, 2); math.Abs(got-0.76) > 1e-12 {
		t.Errorf("second year: withdrawn %v, want 0.76", got)
	}
	if got := monitored(0.6, 0, 2); math.Abs(got-(1-0.4*0.4)) > 1e-12 {
		t.Errorf("months 0 (withdrawn at once): %v, want 0.84", got)
	}
	earn := (56 - 0.1*320/22.0) * 20
	plain := monitoredHousehold()
	o0 := plain.Decide(1, 1)
	if math.Abs(o0.Income-(1000+earn)) > 1e-9 || math.Abs(earn-1090.909090909) > 1e-6 {
		t.Fatalf("without monitoring: income %v, want %v", o0.Income, 1000+earn)
	}
	for _, c := range []struct {
		comp   float64
		income float64
		poor   bool
	}{
		{0, 1000 + 0.6*earn, true},
		{earn, 1000 + earn, false},
	} {
		hh := monitoredHousehold()
		adopt(&hh, &Measure{Withdrawal: 0.6, Months: 4, History: []float64{1}, Compensation: c.comp}, 0.5)
		o := hh.Decide(1, 1)
		if math.Abs(o.Active[0]-0.6) > 1e-12 || math.Abs(o.Income-c.income) > 1e-9 || (o.Income < hh.S) != c.poor {
			t.Errorf("compensation %v: active %v, income %v (poor %v); want 0.6, %v (%v)", c.comp, o.Active[0], o.Income, o.Income < hh.S, c.income, c.poor)
		}
	}
}

// TestPreventionHousehold: the household of TestMonitoring, whose child
// would work 54.545 hours a week (child labour), monitored with
// prevention 0.6.
//   - Not in child labour last year: the child would start work; 0.6 of
//     the child is kept out (Prevented 0.6), 0.4 works: income
//     1000 + 0.4 x 1090.91 = 1436.36.
//   - In child labour last year (not kept out): the child is not at risk
//     but already working; prevention does nothing (active 1).
//   - Kept out last year: the 0.6 stays out.
//   - With withdrawal 0.6 within 4 months in the first year (withdrawn
//     0.4 of the year) as well: of the 0.4 that start, 0.4 x 0.4 are
//     withdrawn: active 0.4 x 0.6 = 0.24; with the package's transfer of
//     1090.91 per child withdrawn or prevented (1 - 0.24 = 0.76 of a
//     child), income is 1000 + 0.24 x 1090.91 + 0.76 x 1090.91 =
//     2090.91, as without monitoring: poverty unchanged.
func TestPreventionHousehold(t *testing.T) {
	earn := (56 - 0.1*320/22.0) * 20
	for _, c := range []struct {
		name                      string
		last                      uint8
		withdrawal, comp          float64
		active, prevented, income float64
	}{
		{"would start", notWorking, 0, 0, 0.4, 0.6, 1000 + 0.4*earn},
		{"already working", working, 0, 0, 1, 0, 1000 + earn},
		{"kept out last year", keptOut, 0, 0, 0.4, 0.6, 1000 + 0.4*earn},
		{"with withdrawal", notWorking, 0.6, 0, 0.24, 0.6, 1000 + 0.24*earn},
		{"with withdrawal and compensation", notWorking, 0.6, earn, 0.24, 0.6, 1000 + earn},
	} {
		hh := monitoredHousehold()
		adopt(&hh, &Measure{Withdrawal: c.withdrawal, Months: 4, History: []float64{1}, Compensation: c.comp, Prevention: 0.6}, 0.5)
		hh.kept[0] = keptShare(c.last, true, 0, hh.Prevent)
		o := hh.Decide(1, 1)
		if math.Abs(o.Active[0]-c.active) > 1e-12 || math.Abs(o.Prevented-c.prevented) > 1e-12 || math.Abs(o.Income-c.income) > 1e-9 {
			t.Errorf("%s: active %v, prevented %v, income %v; want %v, %v, %v", c.name, o.Active[0], o.Prevented, o.Income, c.active, c.prevented, c.income)
		}
		if c.comp > 0 && o.Income < hh.S {
			t.Errorf("%s: income %v below the poverty line %v", c.name, o.Income, hh.S)
		}
		cl := [nb]bool{true}
		if want, got := map[bool]uint8{true: keptOut, false: working}[c.prevented > 0], nextState(cl, &hh.kept); got != want {
			t.Errorf("%s: state %v, want %v", c.name, got, want)
		}
	}
	// Without a past (the first year of a plan without its base chain)
	// nobody counts as starting.
	if k := keptShare(notWorking, false, 0, 0.6); k != 0 {
		t.Errorf("unknown past: kept %v, want 0", k)
	}
}

// TestPreventionCounts: twelve cotton households (the example's dekhan
// farms) get a transfer of 4,000 TJS in year 1 only (other_income 7,000 ->
// 11,000), and monitoring with prevention 0.6 (no withdrawal) in years 1-3.
// Year 1: the transfer keeps children out of work, so none starts:
// nobody is prevented. Year 2: without the transfer the children of year 1
// who were not in child labour and now would be are the children at risk,
// counted here household by household from the two years' details
// (starters); 0.6 of them do not start: child labour is year 2's without
// prevention less 0.6 x starters. Year 3: the same children stay out.
func TestPreventionCounts(t *testing.T) {
	c := loadCotton(t)
	_, gi := c.Actor("dekhan")
	c.Actors[gi].Count = 12
	if err := valuechain.Validate(c, "cotton.toml"); err != nil {
		t.Fatal(err)
	}
	c1 := c.Clone()
	c1.Actors[gi].Household.OtherIncome += 4000
	pop := NewPopulation(c, 3)
	// Count the starters: children of bands in child labour without the
	// transfer and not with it.
	details := func(ch *valuechain.Chain) []HouseholdDetail {
		r, err := Simulate(ch, Options{Population: pop})
		if err != nil {
			t.Fatal(err)
		}
		d, err := Details(r, pop)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	with, without := details(c1), details(c)
	inCL := func(w WorkClass) bool { return w >= ChildLabourWork }
	var starters, cl1, cl2 float64
	for k := range without {
		for b := range nb {
			n := without[k].Children[b]
			if inCL(with[k].Class[b]) {
				cl1 += n
			}
			if inCL(without[k].Class[b]) {
				cl2 += n
				if !inCL(with[k].Class[b]) {
					starters += n
					t.Logf("household %d, band %d: %.2f children start work (%.1f h a week; %.1f h with the transfer)",
						k+1, b, n, without[k].Hours[b], with[k].Hours[b])
				}
			}
		}
	}
	if starters == 0 {
		t.Fatal("no child starts work when the transfer ends: the test shows nothing")
	}
	pol := &Policy{Measures: []Measure{{Name: "monitoring", Type: "monitoring", Targets: []string{"dekhan"}, Coverage: 1,
		AdoptKey: "monitoring", Prevention: 0.6}}}
	p := Plan{Base: c, Years: []PlanYear{{Chain: c1, Policy: pol}, {Chain: c, Policy: pol}, {Chain: c, Policy: pol}}, Memo: NewMemo()}
	run, err := RunPlan(p, pop)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ cl, prevented float64 }{{cl1, 0}, {cl2 - 0.6*starters, 0.6 * starters}, {cl2 - 0.6*starters, 0.6 * starters}}
	for y, w := range want {
		r := run.Results[y]
		got := r.Groups[0].ByBand[0].ChildLabour + r.Groups[0].ByBand[1].ChildLabour + r.Groups[0].ByBand[2].ChildLabour
		if math.Abs(got-w.cl) > 1e-9 || math.Abs(r.Measures[0].Prevented-w.prevented) > 1e-9 {
			t.Errorf("year %d: child labour %v, prevented %v; want %v, %v", y+1, got, r.Measures[0].Prevented, w.cl, w.prevented)
		}
	}
	t.Logf("child labour: year 1 %.2f (transfer), year 2 %.2f without prevention; %.2f children at risk, %.2f prevented",
		cl1, cl2, starters, 0.6*starters)
}
