package model

import "testing"

// BenchmarkHouseholds times the per-household loop: the decision, the farm
// cap, income and the tally, for one household per iteration.
func BenchmarkHouseholds(b *testing.B) {
	hh := Household{
		Decision: Decision{N: [nb]float64{1.2, 0.6, 0.5}, V: [nb]float64{0.5, 0.7, 0.9},
			Beta: [nb]float64{0.1, 0.2, 0.3}, Alpha: 1, S: 20000, H: 56, W: 20},
		NetFarm: 25000, Need: 200, CapDays: 80, FamilyDays: 300, Wage: 60, OtherIncome: 8000,
		Gamma: [nb]float64{0.5, 0.7, 0.9}, HoursPerDay: 8, Exposure: [nb]float64{0.4, 0.4, 0.4},
		FamilyTimeValue: 1,
	}
	d := NewDraws(1<<16, 0.5, 1, "bench")
	var t Tally
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i & (1<<16 - 1)
		o := hh.Decide(d.Scale[k], d.Hazard[k])
		t.Add(&hh, &o, 1)
	}
	if t.SumIncome == 0 {
		b.Fatal("no income")
	}
}

// BenchmarkSimulateHouseholdChain runs a whole small chain.
func BenchmarkSimulateHouseholdChain(b *testing.B) {
	c := load(b, "testdata/household.toml")
	pop := NewPopulation(c, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Simulate(c, Options{Population: pop}); err != nil {
			b.Fatal(err)
		}
	}
}
