// Package uncertainty holds what vcsim does with uncertain numbers:
// distributions given in chain and scenario files (valuechain.Distribution),
// their quantiles, samples of them (pseudo-random, Latin hypercube or
// scrambled Halton, joined by a Gaussian copula where a file correlates
// them), Monte Carlo comparisons of scenarios with paired draws, and
// sensitivity: one at a time (tornado) and Sobol indices.
package uncertainty

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Quantile returns the u-quantile (0 < u < 1) of a distribution.
func Quantile(d valuechain.Distribution, u float64) float64 {
	switch d.Dist {
	case "point", "guide":
		return d.Central()
	case "uniform":
		return d.Min + u*(d.Max-d.Min)
	case "triangular":
		if !(d.Min < d.Max) {
			return d.Mode // a zero-width range (distuv.NewTriangle panics on it)
		}
		return distuv.NewTriangle(d.Min, d.Max, d.Mode, nil).Quantile(u)
	case "pert":
		if !(d.Min < d.Max) {
			return d.Mode
		}
		// PERT: Beta(1 + 4 (mode-min)/(max-min), 1 + 4 (max-mode)/(max-min))
		// on [min, max] (Vose, Risk Analysis, 2008, ch. 9).
		r := d.Max - d.Min
		b := distuv.Beta{Alpha: 1 + 4*(d.Mode-d.Min)/r, Beta: 1 + 4*(d.Max-d.Mode)/r}
		return d.Min + r*b.Quantile(u)
	case "normal":
		n := distuv.Normal{Mu: d.Mean, Sigma: d.SD}
		lo, hi := 0.0, 1.0
		if d.HasMin {
			lo = n.CDF(d.Min)
		}
		if d.HasMax {
			hi = n.CDF(d.Max)
		}
		// Rounding may put lo + u (hi - lo) on 0 or 1, whose quantiles are
		// infinite: keep it inside. (valuechain refuses bounds that keep
		// less than valuechain.MinMass of the distribution.)
		p := math.Min(math.Max(lo+u*(hi-lo), math.SmallestNonzeroFloat64), math.Nextafter(1, 0))
		x := n.Quantile(p)
		if d.HasMin {
			x = math.Max(x, d.Min)
		}
		if d.HasMax {
			x = math.Min(x, d.Max)
		}
		return x
	case "lognormal":
		// Mean and sd of the number: sigma^2 = ln(1 + sd^2/mean^2),
		// mu = ln(mean) - sigma^2/2 (distuv.LogNormal takes those of its log).
		s2 := math.Log1p(d.SD * d.SD / (d.Mean * d.Mean))
		return distuv.LogNormal{Mu: math.Log(d.Mean) - s2/2, Sigma: math.Sqrt(s2)}.Quantile(u)
	}
	panic(fmt.Sprintf("uncertainty: unknown distribution %q", d.Dist))
}

// Param is an uncertain number of a comparison: which file it is in
// ("chain" or "scenarios"), its path there, its line and distribution.
type Param struct {
	File string
	valuechain.Uncertain
	// Label names it for a reader: "farm: price", "Cash transfer, cct: amount".
	Label string
}

// label names an uncertain number of a chain or scenario file for charts.
func label(file string, c *valuechain.Chain, f *scenarios.File, path string) string {
	parts := strings.Split(path, ".")
	idx := func(i int) int {
		if i >= len(parts) {
			return -1
		}
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			return -1
		}
		return n
	}
	rest := func(i int) string { return strings.Join(parts[min(i, len(parts)):], ".") }
	switch {
	case file == "chain" && parts[0] == "actor" && idx(1) >= 0 && idx(1) < len(c.Actors):
		return c.Actors[idx(1)].ID + ": " + rest(2)
	case file == "chain" && parts[0] == "link" && idx(1) >= 0 && idx(1) < len(c.Links):
		l := c.Links[idx(1)]
		return fmt.Sprintf("%s -> %s: %s", l.From, l.To, rest(2))
	case file == "scenarios" && f != nil && parts[0] == "scenario" && idx(1) >= 0 && idx(1) < len(f.Scenarios):
		s := f.Scenarios[idx(1)]
		if len(parts) > 3 && parts[2] == "intervention" && idx(3) >= 0 && idx(3) < len(s.Interventions) {
			iv := s.Interventions[idx(3)]
			return fmt.Sprintf("%s, %s: %s", s.Name, iv.Type, strings.TrimPrefix(rest(4), "effect."))
		}
		return s.Name + ": " + rest(2)
	}
	return path
}

// Name returns "chain:actor.0.price" or "scenarios:scenario.1...".
func (p Param) Name() string { return p.File + ":" + p.Path }

// Zero reports whether the distribution has no width: every draw is the
// central value.
func (p Param) Zero() bool {
	lo, hi := Quantile(p.Distribution, 1e-9), Quantile(p.Distribution, 1-1e-9)
	return lo == hi
}
