package scenarios

import (
	"fmt"
	"testing"

	"github.com/ilo-rma/vcsim/model"
)

// BenchmarkCompareSchool is BenchmarkCompare with school keys on the
// cotton farms: every household compares up to 8 enrolment combinations.
// Its ratio to BenchmarkCompare is the cost of the school decision
// (target: at most 2.5).
func BenchmarkCompareSchool(b *testing.B) {
	for _, n := range []int{30000, 1500000} {
		b.Run(fmt.Sprintf("households=%d", n), func(b *testing.B) {
			c, f := scaledCotton(b, n)
			for i := range c.Actors {
				if h := c.Actors[i].Household; h != nil {
					h.SchoolCost = &[3]float64{100, 150, 200}
					h.SchoolValue = &[3]float64{1.5, 1.5, 1.5}
				}
			}
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
