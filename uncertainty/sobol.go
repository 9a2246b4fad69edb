package uncertainty

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// SobolIndex is a first-order index S1 and a total index ST of one input
// for one output, with bootstrap 95% intervals.
type SobolIndex struct {
	S1, S1Low, S1High float64
	ST, STLow, STHigh float64
}

// Sobol estimates first-order and total Sobol indices of k inputs for the
// outputs of f, with the sampling scheme of Saltelli et al. (2010,
// Computer Physics Communications 181: 259-270): two independent n x k
// samples A and B of the inputs' uniforms, and for each input i the matrix
// A_B^i, A with column i from B; f runs n (k + 2) times. The estimators
// are Saltelli's (2010, table 2 (b)) for S1,
//
//	S1_i = mean((f(B) - mean f) (f(A_B^i) - f(A))) / V,
//
// and Jansen's (1999) for ST,
//
//	ST_i = mean((f(A) - f(A_B^i))^2) / 2 / V,
//
// with V the variance of f over A and B together. The 95% intervals are
// the 2.5 and 97.5 percentiles of the estimates over boot resamples of
// the n rows (seeded by seed). f takes a row of uniforms and returns the
// outputs; calls to f may run concurrently when eval says so: eval(rows)
// must fill out[r] = f(rows[r]) for every row.
//
// Result index [output][input].
func Sobol(uAB *mat.Dense, k int, eval func(rows [][]float64) ([][]float64, error), boot int, seed uint64) ([][]SobolIndex, error) {
	n, c := uAB.Dims()
	if c != 2*k {
		return nil, fmt.Errorf("uncertainty: Sobol needs 2k = %d columns of uniforms, got %d", 2*k, c)
	}
	rows := make([][]float64, 0, n*(k+2))
	for r := 0; r < n; r++ {
		a, b := make([]float64, k), make([]float64, k)
		for j := 0; j < k; j++ {
			a[j], b[j] = uAB.At(r, j), uAB.At(r, k+j)
		}
		rows = append(rows, a, b)
		for i := 0; i < k; i++ {
			abi := append([]float64(nil), a...)
			abi[i] = b[i]
			rows = append(rows, abi)
		}
	}
	out, err := eval(rows)
	if err != nil {
		return nil, err
	}
	m := len(out[0])
	res := make([][]SobolIndex, m)
	for o := 0; o < m; o++ {
		fA, fB := make([]float64, n), make([]float64, n)
		fAB := make([][]float64, k)
		for i := range fAB {
			fAB[i] = make([]float64, n)
		}
		for r := 0; r < n; r++ {
			base := r * (k + 2)
			fA[r], fB[r] = out[base][o], out[base+1][o]
			for i := 0; i < k; i++ {
				fAB[i][r] = out[base+2+i][o]
			}
		}
		all := make([]int, n)
		for r := range all {
			all[r] = r
		}
		s1, st := sobolEstimates(fA, fB, fAB, all)
		res[o] = make([]SobolIndex, k)
		bs1 := make([][]float64, k)
		bst := make([][]float64, k)
		src := Stream(seed, "bootstrap", uint64(o))
		idx := make([]int, n)
		for b := 0; b < boot; b++ {
			for r := range idx {
				idx[r] = src.IntN(n)
			}
			x1, xt := sobolEstimates(fA, fB, fAB, idx)
			for i := 0; i < k; i++ {
				bs1[i] = append(bs1[i], x1[i])
				bst[i] = append(bst[i], xt[i])
			}
		}
		for i := 0; i < k; i++ {
			res[o][i] = SobolIndex{S1: s1[i], ST: st[i]}
			if boot > 1 {
				res[o][i].S1Low, res[o][i].S1High = interval(bs1[i])
				res[o][i].STLow, res[o][i].STHigh = interval(bst[i])
			}
		}
	}
	return res, nil
}

// sobolEstimates returns S1 and ST of every input over the rows idx.
func sobolEstimates(fA, fB []float64, fAB [][]float64, idx []int) (s1, st []float64) {
	k := len(fAB)
	both := make([]float64, 0, 2*len(idx))
	for _, r := range idx {
		both = append(both, fA[r], fB[r])
	}
	v := stat.Variance(both, nil)
	s1, st = make([]float64, k), make([]float64, k)
	if !(v > 0) {
		return s1, st // a constant output: no input explains any variance
	}
	n := float64(len(idx))
	// Centre f(B) on the mean: the estimator's expectation is the same,
	// its variance far smaller when the output's mean is large against
	// its spread (children in child labour: thousands, varying by tens).
	mean := stat.Mean(both, nil)
	for i := 0; i < k; i++ {
		var a, b float64
		for _, r := range idx {
			d := fAB[i][r] - fA[r]
			a += (fB[r] - mean) * d
			b += d * d
		}
		s1[i] = a / n / v
		st[i] = b / n / 2 / v
	}
	return s1, st
}

// interval returns the 2.5 and 97.5 percentiles of x.
func interval(x []float64) (lo, hi float64) {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	return stat.Quantile(0.025, stat.Empirical, s, nil), stat.Quantile(0.975, stat.Empirical, s, nil)
}

// Ishigami is the test function of Ishigami and Homma (1990) on three
// inputs uniform on [-pi, pi]: sin x1 + a sin^2 x2 + b x3^4 sin x1. Its
// Sobol indices are known in closed form (see IshigamiIndices).
func Ishigami(x []float64, a, b float64) float64 {
	return math.Sin(x[0]) + a*math.Pow(math.Sin(x[1]), 2) + b*math.Pow(x[2], 4)*math.Sin(x[0])
}

// IshigamiIndices returns the first-order and total indices of the
// Ishigami function (Sobol' and Levitan 1999; Saltelli et al. 2008, 4.9).
func IshigamiIndices(a, b float64) (s1, st [3]float64) {
	pi4 := math.Pow(math.Pi, 4)
	v1 := 0.5 * math.Pow(1+b*pi4/5, 2)
	v2 := a * a / 8
	v13 := b * b * math.Pow(math.Pi, 8) * (1.0/18 - 1.0/50)
	v := v1 + v2 + v13
	return [3]float64{v1 / v, v2 / v, 0}, [3]float64{(v1 + v13) / v, v2 / v, v13 / v}
}
