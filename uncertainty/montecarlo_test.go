package uncertainty

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// setup reads the tobacco example with text changes, and its scenarios.
func setup(t *testing.T, chainEdits, scenEdits [][2]string) *Setup {
	t.Helper()
	ct, err := os.ReadFile("../examples/tobacco-kyrgyzstan.toml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.ReadFile("../examples/tobacco-kyrgyzstan-scenarios.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range chainEdits {
		if !bytes.Contains(ct, []byte(e[0])) {
			t.Fatalf("no %q in the chain", e[0])
		}
		ct = bytes.Replace(ct, []byte(e[0]), []byte(e[1]), 1)
	}
	for _, e := range scenEdits {
		if !bytes.Contains(st, []byte(e[0])) {
			t.Fatalf("no %q in the scenarios", e[0])
		}
		st = bytes.Replace(st, []byte(e[0]), []byte(e[1]), 1)
	}
	c, err := valuechain.Parse(ct, "c.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := valuechain.Validate(c, "c.toml"); err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Parse(st, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := scenarios.Validate(f, c, "s.toml"); err != nil {
		t.Fatal(err)
	}
	s, err := NewSetup(c, f, "c.toml", "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDistributionsInFiles: a distribution in place of a number is read
// with its line, the number takes its central value, and bad ones are
// refused at their line.
func TestDistributionsInFiles(t *testing.T) {
	s := setup(t, [][2]string{{"price = 160 ", `price = { dist = "triangular", min = 130, mode = 160, max = 200 } `}}, nil)
	p := s.Params[0]
	ct, _ := os.ReadFile("../examples/tobacco-kyrgyzstan.toml")
	if p.Name() != "chain:actor.0.price" || p.Line != lineOf(string(ct), "price = 160 ") || s.Chain.Actors[0].Price != 160 {
		t.Errorf("param %+v (line %d), price %v", p.Name(), p.Line, s.Chain.Actors[0].Price)
	}
	for _, tc := range []struct{ text, want string }{
		{`x = 1` + "\n" + `price = { dist = "triangular", min = 200, mode = 160, max = 130 }`, "c.toml:2: price: min 200, mode 160 and max 130 must be in that order"},
		{`price = { dist = "normal", mean = 160, sd = -1 }`, "c.toml:1: price: sd must be above 0"},
		{`price = { dist = "weibull", k = 1 }`, "dist must be one of point, uniform, triangular, pert, normal, lognormal"},
		{`price = { dist = "uniform", min = 1 }`, "a uniform distribution needs max"},
		{`price = { dist = "pert", min = 1, mode = 2, max = 3, sd = 1 }`, `a pert distribution takes min, mode, max, not "sd"`},
	} {
		var c struct {
			Price float64 `toml:"price"`
			X     float64 `toml:"x"`
		}
		_, err := valuechain.DecodeStrict([]byte(tc.text), "c.toml", "doc", &c)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.text, err, tc.want)
		}
	}
	// A range that leaves the valid values is refused with the line.
	line := lineOf(string(ct), "share = 0.95 ")
	ct = bytes.Replace(ct, []byte("share = 0.95 "), []byte(`share = { dist = "uniform", min = 0.9, max = 1.2 } `), 1)
	c, err := valuechain.Parse(ct, "c.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewSetup(c, nil, "c.toml", ""); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("c.toml:%d: link.0.share: the distribution reaches 1.2, which is not valid", line)) {
		t.Errorf("error %v", err)
	}
}

// TestZeroWidthIsDeterministic: when every distribution is a point, each
// draw of the Monte Carlo is the deterministic comparison with that
// draw's households.
func TestZeroWidthIsDeterministic(t *testing.T) {
	s := setup(t, [][2]string{{"price = 160 ", `price = { dist = "triangular", min = 160, mode = 160, max = 160 } `}},
		nil)
	s.Params = nil // the guide's ranges too: nothing uncertain
	mc, err := Run(s, Options{Draws: 3, Seed: 5, Horizon: 3})
	if err != nil {
		t.Fatal(err)
	}
	for d := range mc.Y {
		want, err := s.simulate(nil, DrawSeed(5, d), 3)
		if err != nil {
			t.Fatal(err)
		}
		for r := range want {
			for i := range want[r] {
				a, b := mc.Y[d][r][i], want[r][i]
				if a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
					t.Errorf("draw %d run %d indicator %s: %v, deterministic %v", d, r, Indicators[i].Name, a, b)
				}
			}
		}
	}
}

// TestPairsAndQuantiles: a scenario that removes every child from child
// labour (a ban on the farm) is better than the baseline on every draw:
// P = 1; the summaries' quantiles are gonum's stat.Quantile of the draws.
func TestPairsAndQuantiles(t *testing.T) {
	s := setup(t, nil, [][2]string{{`type = "cooperative"`, `type = "ban"`}, {"  ramp_years = 2\n", ""}})
	mc, err := Run(s, Options{Draws: 40, Seed: 2, Horizon: 2})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range mc.Pairs() {
		if p.A == "Cooperative" && p.B == "baseline" && p.Indicator == "children_in_child_labour_final_year" {
			found = true
			if p.PBetter != 1 || p.Draws != 40 || !(p.DiffP95 < 0) {
				t.Errorf("ban against baseline: %+v, want P = 1 on 40 draws", p)
			}
		}
	}
	if !found {
		t.Fatal("no pair")
	}
	for _, sm := range mc.Summaries() {
		if sm.Run != "baseline" || sm.Indicator != "children_in_child_labour_final_year" {
			continue
		}
		var x []float64
		for _, y := range mc.Y {
			x = append(x, y[0][0])
		}
		sort.Float64s(x)
		for _, c := range []struct{ p, got float64 }{{0.05, sm.P05}, {0.25, sm.P25}, {0.5, sm.P50}, {0.75, sm.P75}, {0.95, sm.P95}} {
			if want := stat.Quantile(c.p, stat.Empirical, x, nil); c.got != want {
				t.Errorf("p%.0f = %v, stat.Quantile %v", 100*c.p, c.got, want)
			}
		}
		if m := stat.Mean(x, nil); math.Abs(sm.Mean-m) > 1e-9*m {
			t.Errorf("mean %v, want %v", sm.Mean, m)
		}
	}
}

// TestSameFilesWithAnyWorkers: the same seed gives byte-identical draws
// and summaries with 1 and 2 workers.
func TestSameFilesWithAnyWorkers(t *testing.T) {
	s := setup(t, [][2]string{{"price = 160 ", `price = { dist = "pert", min = 130, mode = 160, max = 200 } `}}, nil)
	var outs []string
	for _, w := range []int{1, 2} {
		mc, err := Run(s, Options{Draws: 12, Seed: 9, Horizon: 2, Workers: w, Sampling: LHS})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := mc.WriteDraws(&b); err != nil {
			t.Fatal(err)
		}
		for _, r := range mc.UncertaintyRows() {
			b.WriteString(r.Scenario + r.Indicator + fmtNum(float64(r.P50)) + "\n")
		}
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] {
		t.Error("1 and 2 workers give different draws")
	}
}

// TestCopulaRankCorrelation: two uniforms joined with rank correlation
// 0.8 show a Spearman correlation near 0.8 over 20,000 draws.
func TestCopulaRankCorrelation(t *testing.T) {
	corr := matSym(2, 0.8)
	u, err := Uniforms(20000, 2, Random, 3, corr)
	if err != nil {
		t.Fatal(err)
	}
	a, b := make([]float64, 20000), make([]float64, 20000)
	for i := range a {
		a[i], b[i] = u.At(i, 0), u.At(i, 1)
	}
	// The columns are uniform, so their Pearson correlation is Spearman's.
	if r := stat.Correlation(a, b, nil); math.Abs(r-0.8) > 0.01 {
		t.Errorf("rank correlation %.4f, want 0.8", r)
	}
}

// lineOf returns the line (from 1) of the first line holding needle.
func lineOf(text, needle string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	return 0
}

// matSym returns a k x k correlation matrix with every pair at the copula
// correlation of rank correlation rho.
func matSym(k int, rho float64) *mat.SymDense {
	m := mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		m.SetSym(i, i, 1)
		for j := i + 1; j < k; j++ {
			m.SetSym(i, j, RankToPearson(rho))
		}
	}
	return m
}

// BenchmarkMonteCarlo runs 1,000 draws of the cotton example at 20,000
// farm households, 5 years, the baseline and 5 scenarios, with the
// guide's ranges of every effect uncertain.
func BenchmarkMonteCarlo(b *testing.B) {
	ct, err := os.ReadFile("../examples/cotton-tajikistan.toml")
	if err != nil {
		b.Fatal(err)
	}
	ct = bytes.Replace(ct, []byte("count = 30000"), []byte("count = 20000"), 1)
	c, err := valuechain.Parse(ct, "cotton")
	if err != nil {
		b.Fatal(err)
	}
	f, err := scenarios.Load("../examples/cotton-tajikistan-scenarios.toml")
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewSetup(c, f, "cotton", "scenarios")
	if err != nil {
		b.Fatal(err)
	}
	draws := benchDraws
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(s, Options{Draws: draws, Seed: 1, Horizon: 5}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(draws*b.N)/b.Elapsed().Seconds(), "draws/s")
}

// benchDraws is the number of draws of BenchmarkMonteCarlo.
var benchDraws = 1000 // VCSIM_BENCH_DRAWS overrides

// TestTransferInPovertyLines: a cash transfer without an amount takes the
// guide's range in poverty lines (0.1 to 0.5 a year, mode 0.25); each
// draw's amount is that many poverty lines of money, so the transfer
// lowers child labour in every draw as the deterministic run's 0.25 does
// (a draw read as money would pay a fraction of a somoni, and do
// nothing).
func TestTransferInPovertyLines(t *testing.T) {
	ct, _ := os.ReadFile("../examples/cotton-tajikistan.toml")
	ct = bytes.Replace(ct, []byte("count = 30000"), []byte("count = 3000"), 1)
	c, err := valuechain.Parse(ct, "cotton")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Parse([]byte(`[[scenario]]
name = "Cash transfer"
  [[scenario.intervention]]
  type = "cash_transfer"
  targets = ["dekhan"]
  coverage = 0.5
`), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSetup(c, f, "cotton", "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Params) != 1 || !s.Params[0].PovertyLines {
		t.Fatalf("params %+v, want the amount in poverty lines", s.Params)
	}
	mc, err := Run(s, Options{Draws: 8, Seed: 3, Horizon: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range mc.Pairs() {
		if p.A == "Cash transfer" && p.B == "baseline" && p.Indicator == "children_in_child_labour_final_year" && (p.PBetter != 1 || !(p.DiffP95 < 0)) {
			t.Errorf("the transfer does not lower child labour on every draw: %+v", p)
		}
	}
}

// TestRunNames: charts and tables in Russian name a scenario by its
// name_ru, and by its name where it has none or in English.
func TestRunNames(t *testing.T) {
	mc := &MonteCarlo{
		Setup: &Setup{File: &scenarios.File{Scenarios: []scenarios.Scenario{{Name: "Cash transfer", NameRU: "Денежная выплата"}, {Name: "Cooperative"}}}},
		Runs:  []string{scenarios.Baseline, "Cash transfer", "Cooperative"},
	}
	for _, c := range []struct {
		run        int
		lang, want string
	}{{0, "ru", scenarios.Baseline}, {1, "ru", "Денежная выплата"}, {1, "en", "Cash transfer"}, {2, "ru", "Cooperative"}} {
		if got := mc.RunName(c.run, lang.Lang(c.lang)); got != c.want {
			t.Errorf("RunName(%d, %s) = %q, want %q", c.run, c.lang, got, c.want)
		}
	}
}
