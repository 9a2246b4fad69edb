package uncertainty

import (
	"math"
	"testing"
)

// TestSobolIshigami: at a = 7, b = 0.1 the Ishigami function's indices are
// S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437; the estimates at
// N = 10,000 must hold each within its bootstrap 95% interval.
func TestSobolIshigami(t *testing.T) {
	const a, b, n = 7, 0.1, 10000
	s1, st := IshigamiIndices(a, b)
	want := [2][3]float64{{0.3139, 0.4424, 0}, {0.5576, 0.4424, 0.2437}}
	for i := 0; i < 3; i++ {
		if math.Abs(s1[i]-want[0][i]) > 5e-5 || math.Abs(st[i]-want[1][i]) > 5e-5 {
			t.Fatalf("closed form %v %v, want %v", s1, st, want)
		}
	}
	method, seed := Halton, uint64(1)
	u, err := Uniforms(n, 6, method, seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	eval := func(rows [][]float64) ([][]float64, error) {
		out := make([][]float64, len(rows))
		for r, x := range rows {
			y := make([]float64, 3)
			for i := range y {
				y[i] = -math.Pi + 2*math.Pi*x[i]
			}
			out[r] = []float64{Ishigami(y, a, b)}
		}
		return out, nil
	}
	idx, err := Sobol(u, 3, eval, 500, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range idx[0] {
		t.Logf("x%d: S1 %.4f [%.4f, %.4f] (%.4f), ST %.4f [%.4f, %.4f] (%.4f)", i+1, x.S1, x.S1Low, x.S1High, s1[i], x.ST, x.STLow, x.STHigh, st[i])
		if !(x.S1Low <= s1[i] && s1[i] <= x.S1High) {
			t.Errorf("x%d: S1 = %.4f outside its interval [%.4f, %.4f]", i+1, s1[i], x.S1Low, x.S1High)
		}
		if !(x.STLow <= st[i] && st[i] <= x.STHigh) {
			t.Errorf("x%d: ST = %.4f outside its interval [%.4f, %.4f]", i+1, st[i], x.STLow, x.STHigh)
		}
	}
}
