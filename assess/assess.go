// Package assess turns parsed inputs into everything vcsim reports: it
// draws the households once, settles the local labour market once, runs
// the baseline, compares the scenarios and, when asked, runs the Monte
// Carlo draws. The command line, the workshop page, the report, the
// results workbook and the zip export all read one Assessment, so that
// they show the same numbers.
//
// It loads nothing itself: the caller parses and validates the chain, the
// scenario file and the survey (package load does that for the command
// line and the page).
package assess

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/plausible"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Inputs are what an assessment is made of, parsed and validated.
type Inputs struct {
	Chain *valuechain.Chain
	// Scenarios, when not nil, are compared with the baseline.
	Scenarios *scenarios.File
	// Survey, when not nil, replaces the synthetic households of the
	// groups it covers.
	Survey *valuechain.Survey
	// Seed draws the households (and the Monte Carlo's draws).
	Seed uint64
	// ChainName and ScenarioName say where the inputs came from (a file
	// name, "example cotton-tajikistan"): the charts' source line and the
	// report print them.
	ChainName, ScenarioName string
}

// Options say what to run beyond the baseline.
type Options struct {
	// Years is the comparison's horizon (0: the chain's).
	Years int
	// Draws, when above 0, runs a Monte Carlo of that many draws of the
	// uncertain numbers (it needs scenarios and no survey).
	Draws int
	// Sampling is how draws are made (uncertainty.Random when empty).
	Sampling string
	// Workers run draws side by side (0: one per processor); results do
	// not depend on it.
	Workers int
	// TotalsOnly keeps no household of the baseline and the runs: enough
	// for the headline numbers and the tables of runs, not for the charts
	// of incomes and hours (the what-if page).
	TotalsOnly bool
	// Sensitivity ranks the uncertain numbers of the chain and the
	// scenario file by what each does alone to the children in child
	// labour in the final year (uncertainty.Tornado: each from its 5th to
	// its 95th percentile, the others at their medians). The report asks
	// for it; it costs two comparisons per uncertain number. It is not
	// run with a survey (its draws are of synthetic households).
	Sensitivity bool
}

// Stage names what a progress report counts.
type Stage string

// The stages of an assessment.
const (
	StageRuns  Stage = "runs"  // the baseline and each scenario
	StageDraws Stage = "draws" // Monte Carlo draws
)

// Progress is called after each run and each draw: the stage, how many of
// total are done, and the run's name (empty for draws). Draws may report
// from several goroutines, one at a time.
type Progress func(stage Stage, done, total int, name string)

// Assessment is one assessment: the inputs, the households, the settled
// labour market, the baseline, the comparison and the Monte Carlo.
type Assessment struct {
	Inputs  Inputs
	Options Options
	// Chain is the chain as assessed: the input chain at the wage its
	// local labour market settles at, or the input chain itself.
	Chain *valuechain.Chain
	// Population is the households every run sees.
	Population *model.Population
	// Market is the settled local labour market, nil with an open one.
	Market *model.Settled
	// Base is the baseline year.
	Base *model.Result
	// Comparison is nil without scenarios.
	Comparison *scenarios.Comparison
	// MonteCarlo is nil without draws.
	MonteCarlo *uncertainty.MonteCarlo
	// Fits are the preferences fitted to the groups' observed prevalence
	// (and enrolment) before anything was simulated (model.FitObserved);
	// Inputs.Chain is then the fitted chain.
	Fits []model.Fit
	// Sensitivity is the one-at-a-time ranking (Options.Sensitivity):
	// every run's swings, largest first, of the children in child labour
	// in the final year; nil when not asked for or when no number is
	// uncertain.
	Sensitivity []uncertainty.Swing
	// Warnings are the plausibility warnings of the input chain and its
	// baseline (plausible.Check): numbers that are valid but look typed
	// in the wrong unit. The command line prints them (--strict refuses
	// them), the page shows them next to their fields, the report lists
	// them; all read this list.
	Warnings []plausible.Warning
}

// ErrDrawsWithSurvey says that a Monte Carlo cannot use surveyed
// households yet.
var ErrDrawsWithSurvey = errors.New("draws with a survey are not supported yet: the surveyed households are not drawn")

// Run makes the assessment of in. ctx stops it (Run then returns ctx's
// error); progress, when not nil, is told of each run and draw.
func Run(ctx context.Context, in Inputs, opt Options, progress Progress) (*Assessment, error) {
	if in.Chain == nil {
		return nil, errors.New("assess: no chain")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if opt.Draws > 0 && in.Survey != nil {
		return nil, ErrDrawsWithSurvey
	}
	var pop *model.Population
	if in.Survey != nil {
		pop = model.NewSurveyPopulation(in.Chain, in.Survey, in.Seed)
	} else {
		pop = model.NewPopulation(in.Chain, in.Seed)
	}
	// Calibrated by default: groups that give observed prevalence (and
	// enrolment) have alpha (and delta) fitted to them first.
	input := in.Chain
	fitted, fits, err := fitObserved(in.Chain, pop, in.Seed, in.Survey != nil)
	if err != nil {
		return nil, err
	}
	in.Chain = fitted
	a := &Assessment{Inputs: in, Options: opt, Chain: in.Chain, Population: pop, Fits: fits}
	if in.Chain.LabourMarket == "local" {
		m, err := model.Settle(in.Chain, a.Population)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a.Market = &m
		a.Chain = model.WithWage(in.Chain, m.Wage)
	}
	if a.Base, err = model.Simulate(a.Chain, model.Options{Population: a.Population, AggregatesOnly: opt.TotalsOnly, Context: ctx}); err != nil {
		return nil, err
	}
	// The ranking draws synthetic households: none with a survey (as no
	// Monte Carlo), rather than a ranking of other households than the
	// results'.
	if opt.Sensitivity && in.Survey == nil {
		if err := a.sensitivity(); err != nil {
			return nil, err
		}
	}
	// Checked on the chain as given: its paths and lines are the file's.
	a.Warnings = plausible.Check(input, a.Base)
	if in.Scenarios == nil {
		return a, nil
	}
	var runs func(done, total int, name string)
	if progress != nil {
		runs = func(done, total int, name string) { progress(StageRuns, done, total, name) }
	}
	// The comparison starts from the input chain: its plans settle the
	// market themselves, year by year, from the base chain's equilibrium.
	if a.Comparison, err = scenarios.CompareWith(in.Chain, in.Scenarios, scenarios.Options{
		Horizon: opt.Years, Population: a.Population, Progress: runs, Households: !opt.TotalsOnly, Context: ctx}); err != nil {
		return nil, err
	}
	if opt.Draws <= 0 {
		return a, nil
	}
	s, err := uncertainty.NewSetup(in.Chain, in.Scenarios, in.ChainName, in.ScenarioName)
	if err != nil {
		return nil, err
	}
	var draws func(done, total int)
	if progress != nil {
		draws = func(done, total int) { progress(StageDraws, done, total, "") }
	}
	if a.MonteCarlo, err = uncertainty.Run(s, uncertainty.Options{Draws: opt.Draws, Seed: in.Seed, Sampling: opt.Sampling,
		Horizon: opt.Years, Workers: opt.Workers, Progress: draws, Context: ctx}); err != nil {
		return nil, err
	}
	return a, nil
}

// SensitivityIndicator is the indicator the assessment's sensitivity
// ranking measures.
const SensitivityIndicator = "children_in_child_labour_final_year"

// sensitivity runs the tornado of the assessment's uncertain numbers.
func (a *Assessment) sensitivity() error {
	in := a.Inputs
	s, err := uncertainty.NewSetup(in.Chain, in.Scenarios, in.ChainName, in.ScenarioName)
	if err != nil {
		return err
	}
	if len(s.Params) == 0 {
		return nil
	}
	ind, err := uncertainty.IndicatorIndex(SensitivityIndicator)
	if err != nil {
		return err
	}
	a.Sensitivity, err = uncertainty.Tornado(s, ind, uncertainty.Options{Seed: in.Seed, Horizon: a.Options.Years, Workers: a.Options.Workers})
	return err
}

// WhatIf runs chain d with the scenarios of f (one scenario, one year)
// on the assessment's households, against the baseline year: the
// workshop's what-if. With a local labour market d's market settles
// from d's own wage, as a scenario's does. The preferences fitted before
// the baseline (a.Fits) replace d's own, so a what-if built on the
// chain's text is calibrated as the baseline is.
func (a *Assessment) WhatIf(ctx context.Context, d *valuechain.Chain, f *scenarios.File) (base, run *model.Run, sum model.Summary, err error) {
	if len(f.Scenarios) != 1 {
		return nil, nil, sum, fmt.Errorf("assess: a what-if is one scenario, got %d", len(f.Scenarios))
	}
	d = withFits(d, a.Fits)
	plan := f.Scenarios[0].Plan(d, 1)
	plan.TotalsOnly, plan.Context = true, ctx
	if run, err = model.RunPlan(plan, a.Population); err != nil {
		return nil, nil, sum, err
	}
	base = &model.Run{Name: scenarios.Baseline, Years: []model.YearKPI{model.KPIs(1, a.Base)}}
	return base, run, model.Compare(base, run, f.AppraisalFor(a.Inputs.Chain)), nil
}

// Headline is the numbers every surface shows: the baseline year's and,
// for each scenario, its final year's children in child labour and its
// benefit-cost ratio.
type Headline struct {
	ChildLabour, Hazardous float64
	// BelowPoverty is the share of households below the poverty line.
	BelowPoverty float64
	ValueAdded   float64
	Scenarios    []ScenarioHeadline
}

// ScenarioHeadline is one scenario's headline.
type ScenarioHeadline struct {
	Name        string
	ChildLabour float64 // final year
	BCR         float64 // NaN when not defined
}

// Headline returns the assessment's headline numbers.
func (a *Assessment) Headline() Headline {
	k := model.KPIs(1, a.Base)
	h := Headline{ChildLabour: k.ChildLabour, Hazardous: k.Hazardous, BelowPoverty: k.BelowPoverty, ValueAdded: k.ValueAdded}
	if a.Comparison == nil {
		return h
	}
	for i, r := range a.Comparison.Runs {
		y := r.Years[len(r.Years)-1]
		bcr := math.NaN()
		if i < len(a.Comparison.Summaries) {
			bcr = a.Comparison.Summaries[i].BCR
		}
		h.Scenarios = append(h.Scenarios, ScenarioHeadline{Name: r.Name, ChildLabour: y.ChildLabour, BCR: bcr})
	}
	return h
}
