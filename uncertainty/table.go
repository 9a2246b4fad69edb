package uncertainty

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ilo-rma/vcsim/lang"
)

// Round rounds x to the digits an interval of width w supports: to the
// power of ten just under a tenth of the width (an interval 1,500 wide
// gives hundreds).
func Round(x, w float64) float64 {
	if !(w > 0) || math.IsNaN(x) {
		return x
	}
	step := math.Pow(10, math.Floor(math.Log10(w/10)))
	return math.Round(x/step) * step
}

// estimate formats a median with its 90% interval, rounded together, in
// the language l: "12,700 (11,400 to 14,100)", "12 700 (11 400–14 100)".
func estimate(s Summary, percent bool, l lang.Lang) string {
	if s.Draws == 0 {
		return l.T("na")
	}
	f := l.Thousands
	if percent {
		f = l.Percent
	}
	if math.Abs(s.P50) < 100 && !percent {
		f = func(x float64) string { return l.Number(x, 2) }
	}
	return Interval(s, f, l)
}

// Interval writes a median with its 90% interval, rounded together
// (Round) and each number written by f, in the language l: "12,700
// (11,400 to 14,100)", "12 700 (11 400–14 100)". It is the one format of
// an interval: the console's tables and the report use it.
func Interval(s Summary, f func(float64) string, l lang.Lang) string {
	w := s.P95 - s.P05
	return l.T("unc.interval", f(Round(s.P50, w)), f(Round(s.P05, w)), f(Round(s.P95, w)))
}

// WriteTable prints, in the language l, for each run, the headlines with
// their medians and 90% intervals (5th to 95th percentile over the draws),
// rounded to the digits the intervals support, and the probability that
// the run has fewer children in child labour than the baseline in the
// final year. Runs are named in l (RunName, "baseline" translated).
func (mc *MonteCarlo) WriteTable(w io.Writer, currency string, l lang.Lang) error {
	sums := mc.Summaries()
	get := func(run, ind string) Summary {
		for _, s := range sums {
			if s.Run == run && s.Indicator == ind {
				return s
			}
		}
		return Summary{}
	}
	pb := map[string]float64{}
	for _, p := range mc.Pairs() {
		if p.B == mc.Runs[0] && p.Indicator == "children_in_child_labour_final_year" {
			pb[p.A] = p.PBetter
		}
	}
	fmt.Fprintf(w, "%s\n\n", l.T("unc.head", len(mc.Y), l.T("unc."+orRandom(mc.Method)), mc.Seed, len(mc.Setup.Params)))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t\n", l.T("unc.cols", currency))
	for i, run := range mc.Runs {
		p := "-"
		if x, ok := pb[run]; ok && !math.IsNaN(x) {
			p = l.Percent(x)
		}
		name := mc.RunName(i, l)
		if i == 0 {
			name = l.T("baseline")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", name,
			estimate(get(run, "children_in_child_labour_final_year"), false, l),
			estimate(get(run, "share_below_poverty_line_final_year"), true, l),
			estimate(get(run, "cost_per_child_year_avoided"), false, l),
			estimate(get(run, "benefit_cost_ratio"), false, l), p)
	}
	return tw.Flush()
}

func orRandom(m string) string {
	if m == "" {
		return Random
	}
	return m
}

// sig writes x with four significant digits (as %.4g) in the language l:
// a decimal comma in Russian.
func sig(x float64, l lang.Lang) string {
	s := strconv.FormatFloat(x, 'g', 4, 64)
	if l == lang.RU {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// WriteTornado prints, in the language l, each run's five largest swings
// of the indicator named name: each uncertain number alone from its 5th to
// its 95th percentile, and the indicator at both ends.
func WriteTornado(w io.Writer, sw []Swing, name string, runName func(run string) string, l lang.Lang) {
	fmt.Fprintln(w, l.T("unc.tornado", name))
	run, shown := "", 0
	for _, s := range sw {
		if s.Run != run {
			run, shown = s.Run, 0
			fmt.Fprintf(w, "\n%s\n", runName(run))
		}
		if shown < 5 && s.Swing > 0 {
			fmt.Fprintf(w, "  %-50s %10s .. %-10s -> %12s .. %-12s %s %s\n", s.Param.Label, sig(s.Low, l), sig(s.High, l),
				l.Thousands(s.AtLow), l.Thousands(s.AtHigh), l.T("unc.swing"), l.Thousands(s.Swing))
			shown++
		}
	}
}

// WriteSobol prints, in the language l, the indices above 0.01 of every
// run.
func WriteSobol(w io.Writer, res []SobolResult, name string, runName func(run string) string, l lang.Lang) {
	fmt.Fprintln(w, l.T("unc.sobol", name))
	run := ""
	f := func(x float64) string { return fmt.Sprintf("%5s", l.Number(x, 2)) }
	to := l.T("unc.to")
	for _, r := range res {
		if r.Run != run {
			run = r.Run
			fmt.Fprintf(w, "\n%s\n", runName(run))
		}
		if r.ST > 0.01 {
			fmt.Fprintf(w, "  %-50s S1 %s (%s %s %s)  ST %s (%s %s %s)\n", r.Param.Label, f(r.S1), f(r.S1Low), to, f(r.S1High), f(r.ST), f(r.STLow), to, f(r.STHigh))
		}
	}
}
