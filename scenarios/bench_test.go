package scenarios

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"runtime"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// scaledCotton returns the cotton example with n farm households, and its
// scenario file. The example's school keys and observations are taken out,
// so that the benchmarks measure the chain without school keys that
// docs/performance.md measures (the example gained them with issue 23;
// BenchmarkCompareSchool puts its own back).
func scaledCotton(tb testing.TB, n int) (*valuechain.Chain, *File) {
	tb.Helper()
	text, err := os.ReadFile("../examples/cotton-tajikistan.toml")
	if err != nil {
		tb.Fatal(err)
	}
	c, err := valuechain.Parse(text, "cotton")
	if err != nil {
		tb.Fatal(err)
	}
	for i, a := range c.Actors {
		if a.Kind == valuechain.Household {
			if text, err = valuechain.SetValue(text, fmt.Sprintf("actor.%d.count", i), fmt.Sprint(n)); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if c, err = valuechain.Parse(text, "cotton"); err != nil {
		tb.Fatal(err)
	}
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			h.SchoolCost, h.SchoolHours, h.SchoolValue, h.SchoolTasteSD = nil, nil, nil, nil
			h.ObservedPrevalence, h.ObservedEnrolment = nil, nil
		}
	}
	if err := valuechain.Validate(c, "cotton"); err != nil {
		tb.Fatal(err)
	}
	f, err := Load("../examples/cotton-tajikistan-scenarios.toml")
	if err != nil {
		tb.Fatal(err)
	}
	if err := Validate(f, c, "scenarios"); err != nil {
		tb.Fatal(err)
	}
	return c, f
}

// BenchmarkCompare runs the cotton example's baseline and 5 scenarios over
// 10 years, at 30,000 and 1,500,000 farm households, as vcsim compare does
// (no run keeps its households; the population is drawn once, outside the
// timing). M-hh-years/s counts the 60 years of every run, also those the
// memo did not need to simulate again.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{30000, 1500000} {
		b.Run(fmt.Sprintf("households=%d", n), func(b *testing.B) {
			c, f := scaledCotton(b, n)
			pop := model.NewPopulation(c, 1)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := CompareWith(c, f, Options{Horizon: 10, Population: pop}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*10*6*float64(b.N)/b.Elapsed().Seconds()/1e6, "M-hh-years/s")
		})
	}
}

// BenchmarkRunPlan runs the cash-transfer scenario of the cotton example
// over 10 years, without a memo: every year is simulated.
func BenchmarkRunPlan(b *testing.B) {
	for _, n := range []int{30000, 1500000} {
		b.Run(fmt.Sprintf("households=%d", n), func(b *testing.B) {
			c, f := scaledCotton(b, n)
			pop := model.NewPopulation(c, 1)
			p := f.Scenarios[len(f.Scenarios)-1].Plan(c, 10)
			p.TotalsOnly = true
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := model.RunPlan(p, pop); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*10*float64(b.N)/b.Elapsed().Seconds()/1e6, "M-hh-years/s")
		})
	}
}

// BenchmarkSimulate simulates the cotton baseline year with every
// household kept (as vcsim run does), at 30,000 and 1,500,000 households.
func BenchmarkSimulate(b *testing.B) {
	for _, n := range []int{30000, 1500000} {
		b.Run(fmt.Sprintf("households=%d", n), func(b *testing.B) {
			c, _ := scaledCotton(b, n)
			pop := model.NewPopulation(c, 1)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := model.Simulate(c, model.Options{Population: pop}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "M-hh-years/s")
		})
	}
}

// BenchmarkHouseholdYears simulates one year of the cotton chain with
// 1,500,000 farm households and the cash-transfer scenario's measures in
// force, through the path compare takes for a year (Simulate, totals
// only), and reports household-years per second.
func BenchmarkHouseholdYears(b *testing.B) {
	const n = 1500000
	c, f := scaledCotton(b, n)
	pop := model.NewPopulation(c, 1)
	var sc *Scenario
	for i := range f.Scenarios {
		if f.Scenarios[i].Name == "Cash transfer" {
			sc = &f.Scenarios[i]
		}
	}
	if sc == nil {
		b.Fatal("no cash transfer scenario")
	}
	y := sc.Plan(c, 5).Years[4]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := model.Simulate(y.Chain, model.Options{Population: pop, Policy: y.Policy, AggregatesOnly: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "M-hh-years/s")
}

// TestSameResultsOnAnyNumberOfProcessors: households are run in fixed
// chunks whose sums are added in order, so a comparison with 100,000
// households (7 chunks) is identical, number for number, with GOMAXPROCS
// 1, 2 and 3, with an open labour market and with a local one (whose
// search for each year's wage reads those sums).
func TestSameResultsOnAnyNumberOfProcessors(t *testing.T) {
	for _, market := range []string{"open", "local"} {
		c, f := scaledCotton(t, 100000)
		c.LabourMarket = market
		var first *Comparison
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
		for _, procs := range []int{1, 2, 3} {
			runtime.GOMAXPROCS(procs)
			cmp, err := Compare(c, f, 3, model.NewPopulation(c, 7), nil)
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = cmp
				continue
			}
			if !reflect.DeepEqual(first.Summaries, cmp.Summaries) || !reflect.DeepEqual(first.Baseline.Years, cmp.Baseline.Years) {
				t.Errorf("%s market: GOMAXPROCS %d gives other numbers than GOMAXPROCS 1", market, procs)
			}
			for i := range cmp.Runs {
				if !reflect.DeepEqual(first.Runs[i].Years, cmp.Runs[i].Years) {
					t.Errorf("%s market, GOMAXPROCS %d: run %q differs", market, procs, cmp.Runs[i].Name)
				}
			}
		}
	}
}

// TestLocalMarketClears: in every year of every run of the cotton
// comparison with a local labour market, demand at the year's wage,
// L_D0 (w/w0)^-0.5, equals what the households supply at that wage
// (adults' days plus gamma x children's days, summed from the year's own
// simulation) to one part in a million, and the wages differ from run to
// run (the market moved).
func TestLocalMarketClears(t *testing.T) {
	c, f := scaledCotton(t, 30000)
	c.LabourMarket = "local"
	pop := model.NewPopulation(c, 1)
	cmp, err := CompareWith(c, f, Options{Horizon: 4, Population: pop})
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.NewMarket(c, pop, nil)
	if err != nil {
		t.Fatal(err)
	}
	wages := map[float64]bool{}
	for _, run := range append([]*model.Run{cmp.Baseline}, cmp.Runs...) {
		for i, r := range run.Results {
			w := run.Years[i].AdultWage
			wages[w] = true
			var supply float64
			for _, g := range r.Groups {
				supply += g.AdultSupply + g.ChildAE
			}
			demand := m.D0 * math.Pow(w/c.AdultWage, -0.5)
			if math.Abs(demand-supply) > 1e-6*demand {
				t.Errorf("%s year %d: wage %v, demand %v, supply %v: off by %.2g of demand", run.Name, i+1, w, demand, supply, (demand-supply)/demand)
			}
		}
	}
	if len(wages) < 5 {
		t.Errorf("only %d different wages over the runs: the market did not move", len(wages))
	}
}

// BenchmarkCompareLocal is BenchmarkCompare at 30,000 households with a
// local labour market: each year's wage is the equilibrium the market
// reaches from last year's. Its ratio to BenchmarkCompare is the cost of
// the market.
func BenchmarkCompareLocal(b *testing.B) {
	c, f := scaledCotton(b, 30000)
	c.LabourMarket = "local"
	pop := model.NewPopulation(c, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CompareWith(c, f, Options{Horizon: 10, Population: pop}); err != nil {
			b.Fatal(err)
		}
	}
}
