package valuechain

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// RankToPearson turns a Spearman rank correlation into the correlation of
// the Gaussian copula that gives it: 2 sin(pi rho / 6) (Kruskal 1958).
func RankToPearson(rho float64) float64 { return 2 * math.Sin(math.Pi*rho/6) }

// CheckCorrelations checks a file's [[correlate]] tables against the
// uncertain numbers it gives, adding each problem at its table: a rank
// outside (-1, 1), a number named that is not uncertain, or named twice
// in one table, a pair given two ranks, and ranks that cannot hold
// together (their copula's correlation matrix is not positive definite,
// so no draws have them).
func CheckCorrelations(ps *Problems, cs []Correlation, unc []Uncertain) {
	uncertain := map[string]bool{}
	for _, u := range unc {
		uncertain[u.Path] = true
	}
	type pair struct{ a, b string }
	given := map[pair]int{}
	index := map[string]int{}
	var order []string
	for i, c := range cs {
		where := fmt.Sprintf("correlate %d", i+1)
		ps.At(where, fmt.Sprintf("correlate.%d", i))
		if math.IsNaN(c.Rank) || c.Rank <= -1 || c.Rank >= 1 {
			ps.Add(where, "rank", "must be between -1 and 1 (exclusive), got %v", c.Rank)
		}
		if len(c.Params) < 2 {
			ps.Add(where, "params", "names %d numbers: a correlation needs at least two", len(c.Params))
		}
		seen := map[string]bool{}
		for _, p := range c.Params {
			switch {
			case seen[p]:
				ps.Add(where, "params", "names %q twice: each number once", p)
			case !uncertain[p]:
				ps.Add(where, "params", "%q is not an uncertain number of the file (give it as a distribution, or check the path: actor.0.price is the first actor's price)", p)
			}
			if !seen[p] {
				if _, ok := index[p]; !ok {
					index[p] = len(order)
					order = append(order, p)
				}
			}
			seen[p] = true
		}
		for a := range c.Params {
			for b := a + 1; b < len(c.Params); b++ {
				x, y := c.Params[a], c.Params[b]
				if x == y {
					continue
				}
				if x > y {
					x, y = y, x
				}
				if j, dup := given[pair{x, y}]; dup && j != i {
					ps.Add(where, "params", "the pair %q and %q has a rank already in correlate %d: give each pair one rank", x, y, j+1)
					continue
				}
				given[pair{x, y}] = i
			}
		}
	}
	if len(ps.List) > 0 || len(given) == 0 {
		return
	}
	k := len(order)
	m := mat.NewSymDense(k, nil)
	for i := range k {
		m.SetSym(i, i, 1)
	}
	for p, i := range given {
		m.SetSym(index[p.a], index[p.b], RankToPearson(cs[i].Rank))
	}
	var ch mat.Cholesky
	if !ch.Factorize(m) {
		ps.Add("correlate 1", "rank", "the ranks of the [[correlate]] tables cannot hold together (their correlation matrix is not positive definite: if a goes with b and b with c, a must go with c): make them weaker or consistent")
	}
}
