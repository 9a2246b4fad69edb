package uncertainty

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Setup is a comparison whose numbers are uncertain: the chain and the
// scenario file as read (their central values), the uncertain numbers of
// both, and the correlation matrix of the Gaussian copula joining them
// (nil when they are independent).
type Setup struct {
	Chain  *valuechain.Chain
	File   *scenarios.File
	Params []Param
	Corr   *mat.SymDense
}

// NewSetup gathers the uncertain numbers of a chain and its scenario file
// (the scenario file's effects left out take the guide's range, see
// scenarios.File.Uncertainties), leaves out those of zero width, checks
// that each one's whole range gives a valid chain and scenario file, and
// builds the correlations the files ask for.
func NewSetup(c *valuechain.Chain, f *scenarios.File, chainName, scenName string) (*Setup, error) {
	s := &Setup{Chain: c, File: f}
	for _, u := range c.Uncertain {
		if p := (Param{File: "chain", Uncertain: u, Label: label("chain", c, f, u.Path)}); !p.Zero() {
			s.Params = append(s.Params, p)
		}
	}
	if f != nil {
		for _, u := range f.Uncertainties() {
			l := label("scenarios", c, f, u.Path)
			if u.PovertyLines {
				l += " (poverty lines)"
			}
			if p := (Param{File: "scenarios", Uncertain: u, Label: l}); !p.Zero() {
				s.Params = append(s.Params, p)
			}
		}
	}
	var problems []string
	for i, p := range s.Params {
		lo, hi := p.Bounds()
		for _, x := range []float64{lo, hi} {
			vals := make([]float64, len(s.Params))
			for j, q := range s.Params {
				vals[j] = q.Central()
			}
			vals[i] = x
			if _, _, err := s.Apply(vals); err != nil {
				name := chainName
				if p.File == "scenarios" {
					name = scenName
				}
				problems = append(problems, fmt.Sprintf("%s:%d: %s: the distribution reaches %v, which is not valid: %v", name, p.Line, p.Path, x, firstLine(err)))
				break
			}
		}
	}
	if len(problems) > 0 {
		return nil, &valuechain.InputError{File: chainName, Msg: "uncertain numbers out of range:\n" + strings.Join(problems, "\n")}
	}
	corr, err := s.correlations(chainName, scenName)
	if err != nil {
		return nil, err
	}
	s.Corr = corr
	return s, nil
}

func firstLine(err error) string {
	l, _, _ := strings.Cut(err.Error(), "\n")
	return l
}

// correlations builds the copula's correlation matrix from the files'
// [[correlate]] tables (rank correlations between every pair of a list),
// which valuechain.Validate and scenarios.Validate have checked. A number
// of no width (a point) has no draws to correlate and is left out.
func (s *Setup) correlations(chainName, scenName string) (*mat.SymDense, error) {
	index := map[string]int{}
	for i, p := range s.Params {
		index[p.Name()] = i
	}
	var corr *mat.SymDense
	add := func(file, name string, cs []valuechain.Correlation, pos valuechain.Positions) error {
		for n, c := range cs {
			line := pos.Line(fmt.Sprintf("correlate.%d", n))
			if c.Rank <= -1 || c.Rank >= 1 || math.IsNaN(c.Rank) {
				return valuechain.LineError(name, line, "correlate %d: rank must be between -1 and 1 (exclusive), got %v", n+1, c.Rank)
			}
			var ids []int
			for _, p := range c.Params {
				if i, ok := index[file+":"+p]; ok {
					ids = append(ids, i)
				}
			}
			if corr == nil {
				k := len(s.Params)
				corr = mat.NewSymDense(k, nil)
				for i := 0; i < k; i++ {
					corr.SetSym(i, i, 1)
				}
			}
			r := RankToPearson(c.Rank)
			for a := range ids {
				for b := a + 1; b < len(ids); b++ {
					if ids[a] == ids[b] {
						return valuechain.LineError(name, line, "correlate %d: params names %q twice", n+1, c.Params[a])
					}
					corr.SetSym(ids[a], ids[b], r)
				}
			}
		}
		return nil
	}
	if err := add("chain", chainName, s.Chain.Correlate, s.Chain.Positions()); err != nil {
		return nil, err
	}
	if s.File != nil {
		if err := add("scenarios", scenName, s.File.Correlate, s.File.Positions()); err != nil {
			return nil, err
		}
	}
	if corr != nil {
		var ch mat.Cholesky
		if !ch.Factorize(corr) {
			return nil, valuechain.LineError(chainName, 0, "the rank correlations of the [[correlate]] tables cannot hold together (their correlation matrix is not positive definite)")
		}
	}
	return corr, nil
}

// Apply returns copies of the chain and scenario file with the uncertain
// numbers set to values (one per Param), validated.
func (s *Setup) Apply(values []float64) (*valuechain.Chain, *scenarios.File, error) {
	c := s.Chain.Clone()
	var f *scenarios.File
	if s.File != nil {
		f = s.File.Clone()
	}
	for i, p := range s.Params {
		var err error
		if p.File == "chain" {
			err = valuechain.SetPath(c, p.Path, values[i])
		} else {
			x := values[i]
			if p.PovertyLines {
				x *= c.PovertyLine // a transfer given in poverty lines
			}
			err = valuechain.SetPath(f, p.Path, x)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if err := valuechain.Validate(c, ""); err != nil {
		return nil, nil, err
	}
	if f != nil {
		if err := scenarios.Validate(f, c, ""); err != nil {
			return nil, nil, err
		}
	}
	return c, f, nil
}

// Values turns a row of uniforms into the parameters' values.
func (s *Setup) Values(u []float64) []float64 {
	v := make([]float64, len(s.Params))
	for i, p := range s.Params {
		v[i] = Quantile(p.Distribution, u[i])
	}
	return v
}

// Indicator is a number of scenario_summary.csv: its column name and
// whether more is better.
type Indicator struct {
	Name       string
	HigherBest bool
}

// Indicators are the indicators of every run, in the order of
// scenario_summary.csv's columns.
var Indicators = indicators()

func indicators() []Indicator {
	higher := map[string]bool{
		"mean_household_income_final_year": true, "child_years_of_child_labour_avoided": true,
		"child_years_of_hazardous_child_labour_avoided": true, "pv_household_income_gained": true,
		"pv_income_gained_per_household": true, "pv_education_benefit": true,
		"benefit_cost_ratio": true, "benefit_cost_ratio_with_spillover": true,
	}
	var out []Indicator
	t := reflect.TypeOf(tables.SummaryRow{})
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Type.Kind() != reflect.Float64 {
			continue
		}
		name := t.Field(i).Tag.Get("csv")
		out = append(out, Indicator{Name: name, HigherBest: higher[name]})
	}
	return out
}

// indicatorValues returns the indicators of each run of a comparison.
func indicatorValues(cmp *scenarios.Comparison) [][]float64 {
	rows := tables.AllRows(tables.Summaries(cmp.Baseline, cmp.Summaries))
	out := make([][]float64, len(rows))
	for r, row := range rows {
		v := reflect.ValueOf(row)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Kind() == reflect.Float64 {
				out[r] = append(out[r], v.Field(i).Float())
			}
		}
	}
	return out
}

// MonteCarlo is the outcome of a Monte Carlo comparison.
type MonteCarlo struct {
	Setup  *Setup
	Runs   []string      // baseline, then the scenarios
	Values *mat.Dense    // draws x parameters
	Y      [][][]float64 // [draw][run][indicator]
	// Paths are the children in child labour of every run, year by year:
	// [draw][run][year].
	Paths  [][][]float64
	Seed   uint64
	Method string
}

// RunName returns the name of run r in the language lang: a scenario's
// name_ru in Russian when it is given, else its name (Runs[r]).
func (mc *MonteCarlo) RunName(r int, l lang.Lang) string {
	if l == "ru" && r > 0 && mc.Setup != nil && mc.Setup.File != nil && r-1 < len(mc.Setup.File.Scenarios) {
		if ru := mc.Setup.File.Scenarios[r-1].NameRU; strings.TrimSpace(ru) != "" {
			return ru
		}
	}
	return mc.Runs[r]
}

// Options of a Monte Carlo comparison.
type Options struct {
	Draws    int
	Seed     uint64
	Sampling string // Random, LHS or Halton
	Horizon  int
	// Workers run draws side by side (0: GOMAXPROCS). The results do not
	// depend on it.
	Workers int
	// Progress, when not nil, is called after each draw (from one
	// goroutine at a time).
	Progress func(done, total int)
	// Context, when not nil, stops the draws once it is done: Run returns
	// its error.
	Context context.Context
	// First is the index of the first draw (random sampling only): the
	// draws First..First+Draws-1 of a run with more draws, the same values
	// and households, so that a long run can be made in parts (the page
	// shows its bands as they come).
	First int
}

// Merge returns the draws of a followed by those of b: two parts of one
// run (Options.First), with the same setup, runs and seed.
func Merge(a, b *MonteCarlo) *MonteCarlo {
	if a == nil {
		return b
	}
	ra, k := a.Values.Dims()
	rb, _ := b.Values.Dims()
	v := mat.NewDense(ra+rb, k, nil)
	v.Slice(0, ra, 0, k).(*mat.Dense).Copy(a.Values)
	v.Slice(ra, ra+rb, 0, k).(*mat.Dense).Copy(b.Values)
	return &MonteCarlo{Setup: a.Setup, Runs: a.Runs, Values: v, Y: append(append([][][]float64{}, a.Y...), b.Y...),
		Paths: append(append([][][]float64{}, a.Paths...), b.Paths...), Seed: a.Seed, Method: a.Method}
}

// Run runs the comparison for every draw. Draw d uses the same parameter
// values and the same households (a population seeded by the seed and d)
// in every run, so differences between runs are paired.
func Run(s *Setup, opt Options) (*MonteCarlo, error) {
	if opt.First < 0 || opt.First > 0 && opt.Sampling != Random && opt.Sampling != "" {
		return nil, fmt.Errorf("uncertainty: a run in parts (first draw %d) needs random sampling, not %q", opt.First, opt.Sampling)
	}
	u, err := Uniforms(opt.First+opt.Draws, max(len(s.Params), 1), opt.Sampling, opt.Seed, s.Corr)
	if err != nil {
		return nil, err
	}
	u = u.Slice(opt.First, opt.First+opt.Draws, 0, max(len(s.Params), 1)).(*mat.Dense)
	mc := &MonteCarlo{Setup: s, Values: mat.NewDense(opt.Draws, max(len(s.Params), 1), nil), Y: make([][][]float64, opt.Draws),
		Paths: make([][][]float64, opt.Draws), Seed: opt.Seed, Method: opt.Sampling}
	mc.Runs = append(mc.Runs, scenarios.Baseline)
	if s.File != nil {
		for _, sc := range s.File.Scenarios {
			mc.Runs = append(mc.Runs, sc.Name)
		}
	}
	values := make([][]float64, opt.Draws)
	for d := range values {
		values[d] = s.Values(u.RawRowView(d)[:len(s.Params)])
		for j, x := range values[d] {
			mc.Values.Set(d, j, x)
		}
	}
	err = forEach(opt.Draws, opt.Workers, opt.Progress, func(d int) error {
		if opt.Context != nil && opt.Context.Err() != nil {
			return opt.Context.Err()
		}
		cmp, err := s.compare(opt.Context, values[d], DrawSeed(opt.Seed, opt.First+d), opt.Horizon)
		if err != nil {
			return fmt.Errorf("draw %d: %w", opt.First+d+1, err)
		}
		mc.Y[d] = indicatorValues(cmp)
		for _, r := range append([]*model.Run{cmp.Baseline}, cmp.Runs...) {
			path := make([]float64, len(r.Years))
			for t, y := range r.Years {
				path[t] = y.ChildLabour
			}
			mc.Paths[d] = append(mc.Paths[d], path)
		}
		return nil
	})
	return mc, err
}

// DrawSeed is the seed of draw d's household population.
func DrawSeed(seed uint64, d int) uint64 { return Stream(seed, "population", uint64(d)).Uint64() }

// simulate runs the comparison at the given values with the households of
// seed and returns every run's indicators.
func (s *Setup) simulate(values []float64, seed uint64, horizon int) ([][]float64, error) {
	cmp, err := s.compare(context.Background(), values, seed, horizon)
	if err != nil {
		return nil, err
	}
	return indicatorValues(cmp), nil
}

// compare runs the comparison at the given values with the households of
// seed.
func (s *Setup) compare(ctx context.Context, values []float64, seed uint64, horizon int) (*scenarios.Comparison, error) {
	c, f, err := s.Apply(values)
	if err != nil {
		return nil, err
	}
	pop := model.NewPopulation(c, seed)
	if f == nil {
		f = &scenarios.File{}
	}
	return scenarios.CompareWith(c, f, scenarios.Options{Horizon: horizon, Population: pop, Context: ctx})
}

// Band returns, for run r and every year, the p-quantiles of children in
// child labour over the draws, for each p of ps: [p][year].
func (mc *MonteCarlo) Band(r int, ps ...float64) [][]float64 {
	if len(mc.Paths) == 0 {
		return nil
	}
	years := len(mc.Paths[0][r])
	out := make([][]float64, len(ps))
	for i := range out {
		out[i] = make([]float64, years)
	}
	x := make([]float64, len(mc.Paths))
	for t := 0; t < years; t++ {
		for d := range mc.Paths {
			x[d] = mc.Paths[d][r][t]
		}
		sort.Float64s(x)
		for i, p := range ps {
			out[i][t] = q(p, x)
		}
	}
	return out
}

// forEach calls f for 0..n-1 on workers goroutines (0: GOMAXPROCS) and
// returns the error of the lowest index that failed.
func forEach(n, workers int, progress func(done, total int), f func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	errs := make([]error, n)
	var next, done atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = f(i)
				if progress != nil {
					mu.Lock()
					progress(int(done.Add(1)), n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Summary describes one indicator of one run over the draws.
type Summary struct {
	Run, Indicator          string
	Draws                   int // draws where it is defined
	Mean, SD                float64
	P05, P25, P50, P75, P95 float64
}

// Summaries returns every run's indicators over the draws (draws where an
// indicator is not defined, such as a cost per child-year without a
// child-year avoided, are left out and counted).
func (mc *MonteCarlo) Summaries() []Summary {
	var out []Summary
	for r, run := range mc.Runs {
		for i, ind := range Indicators {
			x := mc.column(r, i)
			s := Summary{Run: run, Indicator: ind.Name, Draws: len(x)}
			if len(x) == 0 {
				nan := math.NaN()
				s.Mean, s.SD, s.P05, s.P25, s.P50, s.P75, s.P95 = nan, nan, nan, nan, nan, nan, nan
			} else {
				s.Mean, s.SD = stat.MeanStdDev(x, nil)
				if len(x) == 1 {
					s.SD = 0
				}
				s.P05, s.P25, s.P50 = q(0.05, x), q(0.25, x), q(0.5, x)
				s.P75, s.P95 = q(0.75, x), q(0.95, x)
			}
			out = append(out, s)
		}
	}
	return out
}

// column returns the defined values of run r's indicator i, sorted.
func (mc *MonteCarlo) column(r, i int) []float64 {
	var x []float64
	for _, y := range mc.Y {
		if v := y[r][i]; !math.IsNaN(v) && !math.IsInf(v, 0) {
			x = append(x, v)
		}
	}
	sort.Float64s(x)
	return x
}

// q is the empirical p-quantile of sorted x (gonum stat.Quantile).
func q(p float64, x []float64) float64 { return stat.Quantile(p, stat.Empirical, x, nil) }

// Pair compares two runs on one indicator over the paired draws.
type Pair struct {
	A, B, Indicator string
	Draws           int     // draws where both are defined
	PBetter         float64 // share of draws where A is strictly better than B
	DiffP05         float64 // 5th percentile of A - B
	DiffP50         float64
	DiffP95         float64
}

// Pairs compares every two runs on every indicator. "Better" is fewer
// children in child labour, a lower cost per child-year, a higher BCR...
// (Indicator.HigherBest).
func (mc *MonteCarlo) Pairs() []Pair {
	var out []Pair
	for a := range mc.Runs {
		for b := range mc.Runs {
			if a == b {
				continue
			}
			for i, ind := range Indicators {
				p := Pair{A: mc.Runs[a], B: mc.Runs[b], Indicator: ind.Name}
				var diffs []float64
				better := 0
				for _, y := range mc.Y {
					va, vb := y[a][i], y[b][i]
					if math.IsNaN(va) || math.IsNaN(vb) || math.IsInf(va, 0) || math.IsInf(vb, 0) {
						continue
					}
					diffs = append(diffs, va-vb)
					if (ind.HigherBest && va > vb) || (!ind.HigherBest && va < vb) {
						better++
					}
				}
				p.Draws = len(diffs)
				nan := math.NaN()
				p.PBetter, p.DiffP05, p.DiffP50, p.DiffP95 = nan, nan, nan, nan
				if len(diffs) > 0 {
					sort.Float64s(diffs)
					p.PBetter = float64(better) / float64(len(diffs))
					p.DiffP05, p.DiffP50, p.DiffP95 = q(0.05, diffs), q(0.5, diffs), q(0.95, diffs)
				}
				out = append(out, p)
			}
		}
	}
	return out
}
