package uncertainty

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/ilo-rma/vcsim/model/tables"
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

// estimate formats a median with its 90% interval, rounded together.
func estimate(s Summary, percent bool) string {
	if s.Draws == 0 {
		return "n/a"
	}
	w := s.P95 - s.P05
	f := tables.Thousands
	if percent {
		f = tables.Percent
	}
	if math.Abs(s.P50) < 100 && !percent {
		f = tables.Decimal
	}
	return fmt.Sprintf("%s (%s to %s)", f(Round(s.P50, w)), f(Round(s.P05, w)), f(Round(s.P95, w)))
}

// WriteTable prints, for each run, the headlines with their medians and
// 90% intervals (5th to 95th percentile over the draws), rounded to the
// digits the intervals support, and the probability that the run has
// fewer children in child labour than the baseline in the final year.
func (mc *MonteCarlo) WriteTable(w io.Writer, currency string) error {
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
	fmt.Fprintf(w, "Median and 90%% interval over %d draws (%s sampling, seed %d); %d uncertain numbers\n\n", len(mc.Y), orRandom(mc.Method), mc.Seed, len(mc.Setup.Params))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "scenario\tchild labour (final year)\tbelow poverty\tcost per child-year (%s)\tBCR\tP(less child labour than baseline)\t\n", currency)
	for _, run := range mc.Runs {
		p := "-"
		if x, ok := pb[run]; ok && !math.IsNaN(x) {
			p = tables.Percent(x)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", run,
			estimate(get(run, "children_in_child_labour_final_year"), false),
			estimate(get(run, "share_below_poverty_line_final_year"), true),
			estimate(get(run, "cost_per_child_year_avoided"), false),
			estimate(get(run, "benefit_cost_ratio"), false), p)
	}
	return tw.Flush()
}

func orRandom(m string) string {
	if m == "" {
		return Random
	}
	return m
}
