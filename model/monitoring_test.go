package model

import (
	"math"
	"testing"
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
