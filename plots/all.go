package plots

import (
	"errors"
	"path/filepath"

	"gonum.org/v1/plot"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Part is the part of an assessment a chart draws.
type Part int

// The parts of an assessment.
const (
	PartBaseline    Part = iota // the baseline year
	PartScenarios               // the comparison of scenarios
	PartUncertainty             // the Monte Carlo draws
)

// Spec is one chart vcsim draws: its file name, the part of the
// assessment it draws, and how (a noDataError leaves it out).
type Spec struct {
	Name string
	Part Part
	Draw func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error)
}

// Specs is the one list of charts: plot, the report, the page, the zip
// export and the results workbooks draw these, in this order. Adding a
// chart is adding a line here.
var Specs = []Spec{
	{"chain_map", PartBaseline, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return ChainMap(a.Base, l) }},
	{"value_added", PartBaseline, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return ValueAdded(a.Base, l) }},
	{"price_build_up", PartBaseline, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return PriceBuildUp(a.Base, l) }},
	{"employment", PartBaseline, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return Employment(a.Base, l) }},
	{"child_labour", PartBaseline, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return ChildLabour(a.Base, l) }},
	{"pam", PartBaseline, pamChart},
	{"scenario_children", PartScenarios, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return ScenarioChildren(a.Comparison, l) }},
	{"scenario_income", PartScenarios, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) {
		return ScenarioIncome(a.Comparison, l, a.Chain.Currency)
	}},
	{"scenario_school", PartScenarios, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return ScenarioSchool(a.Comparison, l) }},
	{"scenario_paths", PartScenarios, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return YearlyPaths(a.Comparison, l) }},
	{"income_distribution", PartScenarios, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) {
		return IncomeDistribution(a.Comparison, l)
	}},
	{"cost_effectiveness", PartScenarios, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) {
		return CostEffectiveness(a.Comparison, l, a.Chain.Currency)
	}},
	{"scenario_children_interval", PartUncertainty, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return IntervalChart(a.MonteCarlo, l) }},
	{"scenario_paths_fan", PartUncertainty, func(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) { return FanChart(a.MonteCarlo, l) }},
}

// pamChart draws the policy analysis matrix of a chain with shadow values.
func pamChart(a *assess.Assessment, l lang.Lang) (*plot.Plot, error) {
	if pam.Neutral(a.Chain) {
		return nil, errNoData("pam")
	}
	rows, _, err := pam.Compute(a.Base)
	if err != nil {
		return nil, err
	}
	return PAMChart(rows, l, a.Chain.Currency)
}

// All draws every chart of the assessment that applies, in language l:
// those of the parts given (every part when none is given) that the
// assessment has.
func All(a *assess.Assessment, l lang.Lang, parts ...Part) ([]Chart, error) {
	want := func(p Part) bool {
		switch {
		case p == PartScenarios && a.Comparison == nil, p == PartUncertainty && a.MonteCarlo == nil:
			return false
		case len(parts) == 0:
			return true
		}
		for _, q := range parts {
			if q == p {
				return true
			}
		}
		return false
	}
	var cs []namedChart
	for _, s := range Specs {
		if want(s.Part) {
			cs = append(cs, namedChart{s.Name, func() (*plot.Plot, error) { return s.Draw(a, l) }})
		}
	}
	return collect(cs)
}

// Source is the small print under every chart of the assessment.
func Source(a *assess.Assessment, l lang.Lang) string {
	in := a.Inputs
	if a.Comparison == nil || in.ScenarioName == "" {
		return SourceLine(l, in.Chain.NameIn(l), "", in.Seed)
	}
	return SourceLine(l, in.Chain.NameIn(l), filepath.Base(in.ScenarioName), in.Seed)
}

// Chart is a chart with the file name it is saved under.
type Chart struct {
	Name string // file name without extension, e.g. "value_added"
	Plot *plot.Plot
}

// BaselineCharts returns the baseline charts of Specs that apply to r (a
// chain without households has no child-labour chart, one without shadow
// values no PAM chart).
func BaselineCharts(r *model.Result, l lang.Lang) ([]Chart, error) {
	return All(&assess.Assessment{Base: r, Chain: r.Chain}, l, PartBaseline)
}

// ScenarioCharts returns the scenario charts of Specs that apply to cmp,
// amounts in currency.
func ScenarioCharts(cmp *scenarios.Comparison, l lang.Lang, currency string) ([]Chart, error) {
	return All(&assess.Assessment{Comparison: cmp, Chain: &valuechain.Chain{Currency: currency}}, l, PartScenarios)
}

type namedChart struct {
	name string
	make func() (*plot.Plot, error)
}

// collect makes the charts, leaving out those without data.
func collect(cs []namedChart) ([]Chart, error) {
	var out []Chart
	for _, c := range cs {
		p, err := c.make()
		var nd noDataError
		if errors.As(err, &nd) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: c.name, Plot: p})
	}
	return out, nil
}
