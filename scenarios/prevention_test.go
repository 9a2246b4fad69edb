package scenarios

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/ilo-rma/vcsim/model"
)

// preventionScenarios: a transfer in year 1 only keeps children out of
// work; when it ends, some would start. Monitoring (with and without
// prevention, ramping up over two years) covers the dekhan farms.
const preventionScenarios = `
[[scenario]]
name = "transfer, then monitoring with prevention"
  [[scenario.intervention]]
  type = "cash_transfer"
  targets = ["dekhan"]
  coverage = 1
  end = 1
  effect = { amount = 4000 }
  [[scenario.intervention]]
  type = "monitoring"
  targets = ["dekhan"]
  coverage = 0.7
  ramp_years = 2
  effect = { withdrawal = 0.6, prevention = 0.6 }

[[scenario]]
name = "transfer, then monitoring without prevention"
  [[scenario.intervention]]
  type = "cash_transfer"
  targets = ["dekhan"]
  coverage = 1
  end = 1
  effect = { amount = 4000 }
  [[scenario.intervention]]
  type = "monitoring"
  targets = ["dekhan"]
  coverage = 0.7
  ramp_years = 2
  effect = { withdrawal = 0.6, prevention = 0 }
`

// TestPreventionAcrossYears: prevention acts only on children who would
// start work (none in year 1, when the transfer keeps them out; some in
// years 2 and 3), so the two scenarios agree in year 1 and the one with
// prevention has fewer children in child labour afterwards; the
// comparison of 40,000 households (3 chunks) is identical with GOMAXPROCS
// 1 and 2, and the memo keeps years with different pasts apart.
func TestPreventionAcrossYears(t *testing.T) {
	c, _ := scaledCotton(t, 40000)
	f, err := Parse([]byte(preventionScenarios), "prevention.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(f, c, "prevention.toml"); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first *Comparison
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		cmp, err := Compare(c, f, 3, model.NewPopulation(c, 7), nil)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = cmp
			continue
		}
		for i := range cmp.Runs {
			if !reflect.DeepEqual(first.Runs[i].Years, cmp.Runs[i].Years) {
				t.Errorf("GOMAXPROCS %d: run %q differs", procs, cmp.Runs[i].Name)
			}
		}
	}
	with, without := first.Runs[0], first.Runs[1]
	if a, b := with.Years[0].ChildLabour, without.Years[0].ChildLabour; a != b {
		t.Errorf("year 1: %v with prevention, %v without; want equal (nobody starts work)", a, b)
	}
	for y := 1; y < 3; y++ {
		a, b := with.Years[y].ChildLabour, without.Years[y].ChildLabour
		prevented := with.Results[y].Measures[1].Prevented
		if !(a < b) || prevented <= 0 {
			t.Errorf("year %d: %v in child labour with prevention, %v without (prevented %v); want fewer", y+1, a, b, prevented)
		}
		t.Logf("year %d: child labour %.0f with prevention, %.0f without; %.0f children prevented", y+1, a, b, prevented)
	}
}
