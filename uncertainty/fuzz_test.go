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

// FuzzCorrelate reads the tobacco chain with its three prices uncertain
// and up to three [[correlate]] tables of fuzzed paths and ranks: the
// reader either refuses the tables, naming the file and a line, or
// accepts them, and then the setup builds (no refusal left for run time:
// issue 21, an impossible matrix exited 1 after validate passed) and the
// correlated draws are finite and inside (0, 1) (a path listed twice
// corrupted the copula).
func FuzzCorrelate(f *testing.F) {
	data, err := os.ReadFile("../examples/tobacco-kyrgyzstan.toml")
	if err != nil {
		f.Fatal(err)
	}
	chain := string(data)
	for _, r := range [][2]string{
		{"price = 160  ", `price = { dist = "triangular", min = 130, mode = 160, max = 200 }  `},
		{"price = 250  ", `price = { dist = "triangular", min = 200, mode = 250, max = 300 }  `},
		{"price = 290                 # KGS per kg FOB", `price = { dist = "triangular", min = 250, mode = 290, max = 330 } # KGS per kg FOB`},
	} {
		if !strings.Contains(chain, r[0]) {
			f.Fatalf("no %q", r[0])
		}
		chain = strings.Replace(chain, r[0], r[1], 1)
	}
	paths := []string{"actor.0.price", "actor.1.price", "actor.2.price", "actor.0.count", "actor.9.price"}
	f.Add(uint8(1), uint8(0), uint8(1), uint8(0), uint8(0), uint8(0), 0.5, 0.0, 0.0)
	f.Add(uint8(1), uint8(0), uint8(0), uint8(0), uint8(0), uint8(0), 0.5, 0.0, 0.0)            // a path twice
	f.Add(uint8(2), uint8(0), uint8(1), uint8(1), uint8(0), uint8(0), 0.5, 0.7, 0.0)            // a pair twice
	f.Add(uint8(3), uint8(0), uint8(1), uint8(1), uint8(2), uint8(0x02), 0.9, 0.9, -0.9)        // impossible
	f.Add(uint8(3), uint8(0), uint8(1), uint8(1), uint8(2), uint8(0x02), 0.99, 0.99, 0.9999999) // nearly singular
	f.Fuzz(func(t *testing.T, n, a1, b1, a2, b2, a3 uint8, r1, r2, r3 float64) {
		// The third table pairs a3's low and high nibbles.
		pairs := [][2]uint8{{a1, b1}, {a2, b2}, {a3 & 15, a3 >> 4}}
		ranks := []float64{r1, r2, r3}
		var b strings.Builder
		b.WriteString(chain)
		for i := 0; i < int(n%4); i++ {
			p, q := paths[int(pairs[i][0])%len(paths)], paths[int(pairs[i][1])%len(paths)]
			rank := strings.NewReplacer("NaN", "nan", "+Inf", "inf", "-Inf", "-inf").Replace(fmt.Sprint(ranks[i]))
			fmt.Fprintf(&b, "\n[[correlate]]\nparams = [%q, %q]\nrank = %s\n", p, q, rank)
		}
		text := b.String()
		c, err := valuechain.Parse([]byte(text), "c.toml")
		if err == nil {
			err = valuechain.Validate(c, "c.toml")
		}
		if err != nil {
			if !strings.Contains(err.Error(), "c.toml:") {
				t.Fatalf("refused without the file and a line: %v", err)
			}
			return
		}
		s, err := NewSetup(c, nil, "c.toml", "")
		if err != nil {
			t.Fatalf("valid, but the setup refuses it: %v\n%s", err, text[len(chain):])
		}
		u, err := Uniforms(32, len(s.Params), Random, 1, s.Corr)
		if err != nil {
			t.Fatalf("valid, but no draws: %v\n%s", err, text[len(chain):])
		}
		for d := 0; d < 32; d++ {
			for j := range s.Params {
				if x := u.At(d, j); !(x > 0 && x < 1) {
					t.Fatalf("draw %d of %s is %v\n%s", d, s.Params[j].Path, x, text[len(chain):])
				}
			}
		}
	})
}
