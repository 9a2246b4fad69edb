package assess

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// localCotton is the cotton example with a local labour market whose
// demand (5 million adult-equivalent days at 60 TJS) exceeds what the
// households supply at that wage, so that the wage settles below it.
func localCotton(t *testing.T) (*valuechain.Chain, *scenarios.File) {
	t.Helper()
	data, err := examples.Chain("cotton-tajikistan")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "\nadult_wage = 60", "\nlabour_market = \"local\"\nlabour_demand = 5000000\nadult_wage = 60", 1)
	c, err := valuechain.Parse([]byte(text), "cotton-local")
	if err != nil {
		t.Fatal(err)
	}
	if c.LabourMarket != "local" {
		t.Fatal("the replacement did not make the market local")
	}
	sd, _ := examples.Scenarios("cotton-tajikistan")
	f, err := scenarios.Parse(sd, "cotton scenarios")
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}

// TestLocalMarketSettledOnce: with a local labour market the baseline is
// the settled market's (issue 19: run said 39,382 children, the page
// 14,237), the comparison's baseline starts there, and a what-if that
// changes nothing gives the baseline back.
func TestLocalMarketSettledOnce(t *testing.T) {
	c, f := localCotton(t)
	a, err := Run(context.Background(), Inputs{Chain: c, Scenarios: f, Seed: 1}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Market == nil || a.Market.Wage >= c.AdultWage {
		t.Fatalf("market %+v: demand above supply at 60 TJS must settle lower", a.Market)
	}
	if a.Base.Chain.AdultWage != a.Market.Wage {
		t.Errorf("baseline at wage %g, market settled at %g", a.Base.Chain.AdultWage, a.Market.Wage)
	}
	h := a.Headline()
	open, err := Run(context.Background(), Inputs{Chain: model0(c), Seed: 1}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if h.ChildLabour <= open.Headline().ChildLabour {
		t.Errorf("a lower settled wage must bring more child labour: %g settled, %g at 60 TJS", h.ChildLabour, open.Headline().ChildLabour)
	}
	// The comparison's baseline reaches the same equilibrium (to the
	// market's tolerance of 1e-6 of demand): the same children, to a child.
	for _, y := range a.Comparison.Baseline.Years {
		if math.Abs(y.ChildLabour-h.ChildLabour) > 0.5 {
			t.Errorf("year %d of the baseline run: %g children, baseline year %g", y.Year, y.ChildLabour, h.ChildLabour)
		}
	}
	none := &scenarios.File{Scenarios: []scenarios.Scenario{{Name: "what-if"}}}
	base, run, _, err := a.WhatIf(context.Background(), c, none)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := run.Years[0].ChildLabour, base.Years[0].ChildLabour; math.Abs(got-want) > 0.5 {
		t.Errorf("what-if without levers: %g children, baseline %g", got, want)
	}
}

// model0 is c with an open labour market.
func model0(c *valuechain.Chain) *valuechain.Chain {
	d := c.Clone()
	d.LabourMarket, d.LabourDemand = "", 0
	return d
}

// TestCancel: a cancelled context stops the assessment with its error.
func TestCancel(t *testing.T) {
	c, f := localCotton(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, Inputs{Chain: c, Scenarios: f, Seed: 1}, Options{}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestProgress: one report per run (the baseline and five scenarios of
// the cotton example), then one per draw.
func TestProgress(t *testing.T) {
	c, f := localCotton(t)
	c = model0(c)
	var runs, draws int
	_, err := Run(context.Background(), Inputs{Chain: c, Scenarios: f, Seed: 1}, Options{Draws: 3, Years: 1, TotalsOnly: true},
		func(s Stage, done, total int, name string) {
			switch s {
			case StageRuns:
				runs++
				if total != 6 || done != runs {
					t.Errorf("run report %d of %d (%s), want %d of 6", done, total, name, runs)
				}
			case StageDraws:
				draws++
			}
		})
	if err != nil {
		t.Fatal(err)
	}
	if runs != 6 || draws != 3 {
		t.Errorf("%d run reports, %d draw reports; want 6 and 3", runs, draws)
	}
}

// TestDrawsWithSurvey: refused before any work.
func TestDrawsWithSurvey(t *testing.T) {
	c, f := localCotton(t)
	_, err := Run(context.Background(), Inputs{Chain: c, Scenarios: f, Survey: &valuechain.Survey{}}, Options{Draws: 2}, nil)
	if !errors.Is(err, ErrDrawsWithSurvey) {
		t.Errorf("error %v", err)
	}
}

// TestWarnings: the assessment carries the plausibility warnings of the
// chain as given (a conversion of 35 kg per kg bought, 0.35 typed as a
// percentage), with the key's path and line, and none for the example.
func TestWarnings(t *testing.T) {
	data, err := examples.Chain("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string // rule and path of each warning
	}{
		{string(data), nil},
		{strings.Replace(string(data), "conversion = ", "conversion = 35 # ", 1), []string{"conversion actor.1.conversion"}},
	} {
		c, err := valuechain.Parse([]byte(tc.text), "c.toml")
		if err == nil {
			err = valuechain.Validate(c, "c.toml")
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := Run(context.Background(), Inputs{Chain: c, Seed: 1}, Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range a.Warnings {
			if w.Line == 0 {
				t.Errorf("no line: %+v", w)
			}
			if w.Rule == "conversion" || tc.want == nil {
				got = append(got, w.Rule+" "+w.Path)
			}
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("warnings %v, want %v", got, tc.want)
		}
	}
}
