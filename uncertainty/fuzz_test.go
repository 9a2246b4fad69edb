package uncertainty

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// FuzzDistribution reads the tobacco chain with the farm price given as a
// fuzzed distribution: the reader either refuses it (at its line) or
// accepts it, and then every quantile the draws use is a finite number
// inside the distribution's bounds (issue 21: a normal far in its tail
// and a lognormal of mean 1e-300 passed validate and failed at draw 15).
func FuzzDistribution(f *testing.F) {
	data, err := os.ReadFile("../examples/tobacco-kyrgyzstan.toml")
	if err != nil {
		f.Fatal(err)
	}
	chain := string(data)
	if !strings.Contains(chain, "price = 160  ") {
		f.Fatal("no farm price")
	}
	f.Add("normal", 160.0, 10.0, 1000.0, 0.0, true, false)
	f.Add("lognormal", 1e-300, 1.0, 0.0, 0.0, false, false)
	f.Add("triangular", 130.0, 160.0, 200.0, 0.0, false, false)
	f.Add("uniform", -1e308, 1e308, 0.0, 0.0, false, false)
	f.Add("pert", 100.0, 150.0, 200.0, 0.0, false, false)
	f.Fuzz(func(t *testing.T, dist string, a, b, c, d float64, hasMin, hasMax bool) {
		var spec string
		switch dist {
		case "normal":
			spec = fmt.Sprintf(`dist = "normal", mean = %v, sd = %v`, a, b)
			if hasMin {
				spec += fmt.Sprintf(", min = %v", c)
			}
			if hasMax {
				spec += fmt.Sprintf(", max = %v", d)
			}
		case "lognormal":
			spec = fmt.Sprintf(`dist = "lognormal", mean = %v, sd = %v`, a, b)
		case "uniform":
			spec = fmt.Sprintf(`dist = "uniform", min = %v, max = %v`, a, b)
		case "triangular", "pert":
			spec = fmt.Sprintf(`dist = %q, min = %v, mode = %v, max = %v`, dist, a, b, c)
		default:
			spec = fmt.Sprintf(`dist = %q, value = %v`, dist, a)
		}
		spec = strings.NewReplacer("NaN", "nan", "+Inf", "inf", "-Inf", "-inf").Replace(spec)
		text := strings.Replace(chain, "price = 160  ", "price = { "+spec+" }  ", 1)
		ch, err := valuechain.Parse([]byte(text), "c.toml")
		if err != nil || ch == nil {
			return // refused
		}
		for _, u := range ch.Uncertain {
			lo, hi := u.Bounds()
			for _, p := range []float64{1e-12, 1e-9, 0.01, 0.5, 0.99, 1 - 1e-9, 1 - 1e-12} {
				x := Quantile(u.Distribution, p)
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("%s: quantile %v is %v", spec, p, x)
				}
				if (u.Dist == "uniform" || u.Dist == "triangular" || u.Dist == "pert") && (x < lo || x > hi) {
					t.Fatalf("%s: quantile %v is %v, outside [%v, %v]", spec, p, x, lo, hi)
				}
			}
		}
	})
}
