package plots

import (
	"errors"

	"gonum.org/v1/plot"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
)

// Chart is a chart with the file name it is saved under.
type Chart struct {
	Name string // file name without extension, e.g. "value_added"
	Plot *plot.Plot
}

// BaselineCharts returns every chart of a baseline result that applies: a
// chain without households has no child-labour chart.
func BaselineCharts(r *model.Result, l lang.Lang) ([]Chart, error) {
	return collect([]namedChart{
		{"chain_map", func() (*plot.Plot, error) { return ChainMap(r, l) }},
		{"value_added", func() (*plot.Plot, error) { return ValueAdded(r, l) }},
		{"price_build_up", func() (*plot.Plot, error) { return PriceBuildUp(r, l) }},
		{"employment", func() (*plot.Plot, error) { return Employment(r, l) }},
		{"child_labour", func() (*plot.Plot, error) { return ChildLabour(r, l) }},
	})
}

// ScenarioCharts returns every chart of a comparison that applies.
func ScenarioCharts(cmp *scenarios.Comparison, l lang.Lang, currency string) ([]Chart, error) {
	return collect([]namedChart{
		{"scenario_children", func() (*plot.Plot, error) { return ScenarioChildren(cmp, l) }},
		{"scenario_income", func() (*plot.Plot, error) { return ScenarioIncome(cmp, l, currency) }},
		{"scenario_paths", func() (*plot.Plot, error) { return YearlyPaths(cmp, l) }},
		{"income_distribution", func() (*plot.Plot, error) { return IncomeDistribution(cmp, l) }},
		{"cost_effectiveness", func() (*plot.Plot, error) { return CostEffectiveness(cmp, l, currency) }},
	})
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
