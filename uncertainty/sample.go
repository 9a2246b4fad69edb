package uncertainty

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/gonum/stat/samplemv"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Sampling methods.
const (
	Random = "random" // pseudo-random, a stream per draw
	LHS    = "lhs"    // Latin hypercube (gonum stat/samplemv)
	Halton = "halton" // scrambled Halton, Owen's scrambling (gonum stat/samplemv)
)

// Uniforms returns n draws of k numbers in (0, 1), one draw a row. With
// Random, row d comes from its own stream seeded by (seed, d), so a draw
// does not depend on how many draws there are or who computes it; Latin
// hypercube and Halton samples are made whole from the seed. corr, when
// not nil, is a k x k correlation matrix of a Gaussian copula that joins
// the columns (their ranks then correlate as asked, see RankToPearson).
func Uniforms(n, k int, method string, seed uint64, corr *mat.SymDense) (*mat.Dense, error) {
	if n <= 0 || k <= 0 {
		return nil, fmt.Errorf("uncertainty: need draws and parameters, got %d and %d", n, k)
	}
	u := mat.NewDense(n, k, nil)
	switch method {
	case Random, "":
		for d := 0; d < n; d++ {
			r := Stream(seed, "draw", uint64(d))
			for j := 0; j < k; j++ {
				u.Set(d, j, open01(r.Float64()))
			}
		}
	case LHS:
		samplemv.LatinHypercube{Src: Stream(seed, "lhs", 0), Q: distmv.NewUnitUniform(k, nil)}.Sample(u)
	case Halton:
		// Halton.Sample adds into its destination: u is freshly zeroed.
		samplemv.Halton{Kind: samplemv.Owen, Q: distmv.NewUnitUniform(k, nil), Src: Stream(seed, "halton", 0)}.Sample(u)
	default:
		return nil, fmt.Errorf("--sampling must be random, lhs or halton, got %q", method)
	}
	for d := 0; d < n; d++ {
		for j := 0; j < k; j++ {
			u.Set(d, j, open01(u.At(d, j)))
		}
	}
	if corr != nil {
		if err := copula(u, corr); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// copula gives the columns of u the dependence of a Gaussian copula with
// correlation matrix corr: each row's uniforms become independent normals,
// are correlated by corr's Cholesky factor (distmv.Normal.TransformNormal)
// and turned back into uniforms.
func copula(u *mat.Dense, corr *mat.SymDense) error {
	n, k := u.Dims()
	g, ok := distmv.NewNormal(make([]float64, k), corr, nil)
	if !ok {
		return fmt.Errorf("the correlations asked for are not possible together (the correlation matrix is not positive definite): lower some")
	}
	std := distuv.UnitNormal
	z := make([]float64, k)
	for d := 0; d < n; d++ {
		for j := 0; j < k; j++ {
			z[j] = std.Quantile(u.At(d, j))
		}
		g.TransformNormal(z, z)
		for j := 0; j < k; j++ {
			u.Set(d, j, open01(std.CDF(z[j])))
		}
	}
	return nil
}

// RankToPearson turns a Spearman rank correlation into the correlation of
// a Gaussian copula that gives it: 2 sin(pi rho / 6) (Pearson 1907).
func RankToPearson(rho float64) float64 { return valuechain.RankToPearson(rho) }

// open01 keeps a uniform strictly inside (0, 1), where every quantile is
// finite.
func open01(x float64) float64 {
	const eps = 1e-12
	return math.Min(math.Max(x, eps), 1-eps)
}

// Stream returns a random source seeded by seed, a name and an index.
func Stream(seed uint64, name string, i uint64) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(seed^h.Sum64(), i))
}
