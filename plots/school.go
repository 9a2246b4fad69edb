package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
)

// ScenarioSchool draws the ILO/UCW four-way table of the final year for
// the baseline and each scenario: the shares of children 5-17 who work
// only, work and study, study only, or neither, stacked to 100%. It has
// no data when the chain gives no school keys.
func ScenarioSchool(cmp *scenarios.Comparison, l lang.Lang) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	if len(all[0].Results) == 0 || !model.HasSchool(all[0].Results[0].Chain) {
		return nil, errNoData("scenario_school")
	}
	keys := []string{"school.workonly", "school.workstudy", "school.studyonly", "school.neither"}
	vals := make([]plotter.Values, len(keys))
	for k := range vals {
		vals[k] = make(plotter.Values, len(all))
	}
	for i, r := range all {
		var c model.Children
		for _, b := range final(r).Bands {
			c.Add(&b)
		}
		if c.Children == 0 {
			continue
		}
		s := c.School
		for k, x := range []float64{s.WorkOnly, s.WorkStudy, s.StudyOnly, s.Neither} {
			vals[k][i] = 100 * x / c.Children
		}
	}
	p := newPlot(l.T("school.title"))
	p.Y.Label.Text = l.T("school.axis")
	w := vg.Points(22)
	var prev *plotter.BarChart
	bars := make([]*plotter.BarChart, len(keys))
	for k := range keys {
		b, err := plotter.NewBarChart(vals[k], w)
		if err != nil {
			return nil, err
		}
		b.Color, b.LineStyle.Width = colour([]int{3, 1, 0, 5}[k]), 0
		if prev != nil {
			b.StackOn(prev)
		}
		p.Add(b)
		prev, bars[k] = b, b
	}
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(all))
	// Room above the bars for the legend; ticks up to 100% only.
	p.Y.Min, p.Y.Max = 0, 128
	p.Y.Tick.Marker = plot.TickerFunc(func(_, _ float64) []plot.Tick {
		var ts []plot.Tick
		for v := 0.0; v <= 100; v += 25 {
			ts = append(ts, plot.Tick{Value: v, Label: l.Thousands(v)})
		}
		return ts
	})
	p.Legend.Top = true
	for k, key := range keys {
		p.Legend.Add(l.T(key), bars[k])
	}
	p.Legend.Left = false
	p.Title.Text += "\n" + l.T("school.sub")
	return p, nil
}
