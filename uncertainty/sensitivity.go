package uncertainty

import (
	"fmt"
	"math"
	"sort"
)

// Swing is what one uncertain number does to an indicator of a run when
// it alone goes from its 5th to its 95th percentile, the others staying at
// their medians.
type Swing struct {
	Run           string
	Param         Param
	Low, High     float64 // the number's 5th and 95th percentiles
	AtLow, AtHigh float64 // the indicator there
	Swing         float64 // |AtHigh - AtLow|
}

// IndicatorIndex returns the index in Indicators of a column name.
func IndicatorIndex(name string) (int, error) {
	var names []string
	for i, ind := range Indicators {
		if ind.Name == name {
			return i, nil
		}
		names = append(names, ind.Name)
	}
	return 0, fmt.Errorf("no indicator %q (the indicators are the columns of scenario_summary.csv: %v)", name, names)
}

// Tornado varies each uncertain number alone, with the households of
// opt.Seed, and returns the swings of indicator ind for every run, each
// run's sorted by swing, largest first.
func Tornado(s *Setup, ind int, opt Options) ([]Swing, error) {
	k := len(s.Params)
	med := make([]float64, k)
	for i, p := range s.Params {
		med[i] = Quantile(p.Distribution, 0.5)
	}
	ys := make([][][]float64, 2*k)
	err := forEach(2*k, opt.Workers, opt.Progress, func(e int) error {
		i, hi := e/2, e%2 == 1
		v := append([]float64(nil), med...)
		v[i] = Quantile(s.Params[i].Distribution, 0.05)
		if hi {
			v[i] = Quantile(s.Params[i].Distribution, 0.95)
		}
		y, err := s.simulate(v, opt.Seed, opt.Horizon)
		if err != nil {
			return fmt.Errorf("%s at %v: %w", s.Params[i].Path, v[i], err)
		}
		ys[e] = y
		return nil
	})
	if err != nil {
		return nil, err
	}
	runs := []string{"baseline"}
	if s.File != nil {
		for _, sc := range s.File.Scenarios {
			runs = append(runs, sc.Name)
		}
	}
	var out []Swing
	for r, run := range runs {
		var rs []Swing
		for i, p := range s.Params {
			lo, hi := ys[2*i][r][ind], ys[2*i+1][r][ind]
			sw := math.Abs(hi - lo)
			if math.IsNaN(sw) {
				sw = 0
			}
			rs = append(rs, Swing{Run: run, Param: p, Low: Quantile(p.Distribution, 0.05), High: Quantile(p.Distribution, 0.95),
				AtLow: lo, AtHigh: hi, Swing: sw})
		}
		sort.SliceStable(rs, func(a, b int) bool { return rs[a].Swing > rs[b].Swing })
		out = append(out, rs...)
	}
	return out, nil
}

// SobolResult is the Sobol indices of every uncertain number for one
// indicator of one run.
type SobolResult struct {
	Run   string
	Param Param
	SobolIndex
}

// SobolIndices estimates first-order and total Sobol indices of every
// uncertain number for indicator ind of every run, from n base draws
// (n (k + 2) comparisons, with the households of opt.Seed) and boot
// bootstrap resamples. The base draws are scrambled Halton points unless
// opt.Sampling says otherwise (Saltelli's scheme is made for quasi-random
// points).
func SobolIndices(s *Setup, ind, n, boot int, opt Options) ([]SobolResult, error) {
	k := len(s.Params)
	if k == 0 {
		return nil, fmt.Errorf("no uncertain number: give some as distributions")
	}
	if boot < 10 {
		return nil, fmt.Errorf("%d bootstrap resamples: a 95%% interval needs at least 10", boot)
	}
	if s.Corr != nil {
		return nil, fmt.Errorf("Sobol indices need independent inputs: remove the [[correlate]] tables, or use the tornado")
	}
	method := opt.Sampling
	if method == "" {
		method = Halton
	}
	u, err := Uniforms(n, 2*k, method, opt.Seed, nil)
	if err != nil {
		return nil, err
	}
	eval := func(rows [][]float64) ([][]float64, error) {
		out := make([][]float64, len(rows))
		err := forEach(len(rows), opt.Workers, opt.Progress, func(r int) error {
			y, err := s.simulate(s.Values(rows[r]), opt.Seed, opt.Horizon)
			if err != nil {
				return err
			}
			out[r] = make([]float64, len(y))
			for j := range y {
				out[r][j] = y[j][ind]
				if math.IsNaN(out[r][j]) {
					out[r][j] = 0 // an undefined ratio: Sobol indices need a number
				}
			}
			return nil
		})
		return out, err
	}
	idx, err := Sobol(u, k, eval, boot, opt.Seed)
	if err != nil {
		return nil, err
	}
	names := []string{"baseline"}
	if s.File != nil {
		for _, sc := range s.File.Scenarios {
			names = append(names, sc.Name)
		}
	}
	var out []SobolResult
	for r := range idx {
		for i, x := range idx[r] {
			out = append(out, SobolResult{Run: names[r], Param: s.Params[i], SobolIndex: x})
		}
	}
	return out, nil
}
