package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"vcsim/model"
	"vcsim/plots/lang"
	"vcsim/scenarios"
)

// runs returns the baseline and the scenario runs, with their names for
// labels (the baseline's translated).
func runs(cmp *scenarios.Comparison, l lang.Lang) ([]*model.Run, []string) {
	all := append([]*model.Run{cmp.Baseline}, cmp.Runs...)
	names := make([]string, len(all))
	for i, r := range all {
		names[i] = wrap(r.Name, 14)
	}
	names[0] = l.T("baseline")
	return all, names
}

func final(r *model.Run) model.YearKPI { return r.Years[len(r.Years)-1] }

// ScenarioChildren compares the children in child labour and in hazardous
// child labour in the final year, baseline and each scenario.
func ScenarioChildren(cmp *scenarios.Comparison, l lang.Lang) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	p := newPlot(l.T("scen.children"))
	p.Y.Label.Text = l.T("child.axis")
	cl, haz := make(plotter.Values, len(all)), make(plotter.Values, len(all))
	for i, r := range all {
		cl[i], haz[i] = final(r).ChildLabour, final(r).Hazardous
	}
	w := vg.Points(14)
	a, err := plotter.NewBarChart(cl, w)
	if err != nil {
		return nil, err
	}
	a.Color, a.LineStyle.Width, a.Offset = colour(1), 0, -w/2
	b, err := plotter.NewBarChart(haz, w)
	if err != nil {
		return nil, err
	}
	b.Color, b.LineStyle.Width, b.Offset = colour(3), 0, w/2
	p.Add(a, b)
	p.Legend.Add(l.T("scen.cl"), a)
	p.Legend.Add(l.T("scen.hazardous"), b)
	p.NominalX(names...)
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, maxOf(cl)*1.3
	return p, nil
}

// ScenarioIncome compares mean household income in the final year, with
// the share of households below the poverty line written on each bar.
func ScenarioIncome(cmp *scenarios.Comparison, l lang.Lang, currency string) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	p := newPlot(l.T("scen.income"))
	p.Y.Label.Text = l.T("scen.meanincome", currency)
	inc := make(plotter.Values, len(all))
	xys := make(plotter.XYs, len(all))
	labels := make([]string, len(all))
	for i, r := range all {
		y := final(r)
		inc[i] = y.MeanIncome
		xys[i] = plotter.XY{X: float64(i), Y: y.MeanIncome}
		labels[i] = l.Percent(y.BelowPoverty)
	}
	b, err := plotter.NewBarChart(inc, vg.Points(24))
	if err != nil {
		return nil, err
	}
	b.Color, b.LineStyle.Width = colour(2), 0
	p.Add(b)
	lab, err := smallLabels(xys, labels, draw.XCenter, 0, vg.Point{Y: vg.Points(2)})
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	p.X.Label.Text = l.T("scen.poorlabel")
	p.NominalX(names...)
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, maxOf(inc)*1.25
	return p, nil
}

// YearlyPaths draws the children in child labour year by year, one line a
// scenario, the baseline dashed. (An uncertainty band can be added under
// each line when Monte Carlo runs exist.)
func YearlyPaths(cmp *scenarios.Comparison, l lang.Lang) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	p := newPlot(l.T("paths.title"))
	p.X.Label.Text = l.T("paths.year")
	p.Y.Label.Text = l.T("child.axis")
	top := 0.0
	for i, r := range all {
		xys := make(plotter.XYs, len(r.Years))
		for k, y := range r.Years {
			xys[k] = plotter.XY{X: float64(y.Year), Y: y.ChildLabour}
			top = max(top, y.ChildLabour)
		}
		line, pts, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		c := colour(i)
		if i == 0 {
			c = colour(7)
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
		line.Color, pts.Color = c, c
		line.Width = vg.Points(1.5)
		pts.Shape = draw.CircleGlyph{}
		pts.Radius = vg.Points(2)
		p.Add(line, pts)
		p.Legend.Add(names[i], line, pts)
	}
	p.Legend.Top, p.Legend.Left = false, true
	p.X.Tick.Marker = plot.TickerFunc(func(min, max float64) []plot.Tick {
		var ts []plot.Tick
		for y := 1; y <= cmp.Horizon; y++ {
			ts = append(ts, plot.Tick{Value: float64(y), Label: l.Thousands(float64(y))})
		}
		return ts
	})
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, top*1.1
	return p, nil
}

// IncomeDistribution draws, for each run's final year, box plots of the
// households' income divided by their poverty line; 1 is the line.
func IncomeDistribution(cmp *scenarios.Comparison, l lang.Lang) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	p := newPlot(l.T("dist.title"))
	p.Y.Label.Text = l.T("dist.axis")
	top := 1.0
	for i, r := range all {
		res := r.Results[len(r.Results)-1]
		var v plotter.Values
		for _, g := range res.Groups {
			for _, inc := range g.Income {
				v = append(v, inc/g.Subsistence)
			}
		}
		if len(v) == 0 {
			return nil, errNoData("income distribution")
		}
		b, err := plotter.NewBoxPlot(vg.Points(18), float64(i), v)
		if err != nil {
			return nil, err
		}
		b.FillColor = colour(i)
		b.GlyphStyle.Radius = vg.Points(1)
		p.Add(b)
		top = max(top, b.AdjHigh)
	}
	line := plotter.NewFunction(func(float64) float64 { return 1 })
	line.Color = colour(3)
	line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	line.Width = vg.Points(1.2)
	p.Add(line)
	p.Legend.Add(l.T("dist.line"), line)
	p.NominalX(names...)
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, top*1.15
	return p, nil
}

// CostEffectiveness places each scenario by the present value of income
// gained per household (x) and its cost per child-year of child labour
// avoided (y), labelled with its name. Scenarios that avoid no child-year
// have no cost per child-year and are left out of the chart (the tables
// list them).
func CostEffectiveness(cmp *scenarios.Comparison, l lang.Lang, currency string) (*plot.Plot, error) {
	p := newPlot(l.T("ce.title"))
	p.X.Label.Text = l.T("ce.x", currency)
	p.Y.Label.Text = l.T("ce.y", currency)
	var xys plotter.XYs
	var labels []string
	for _, s := range cmp.Summaries {
		if !finite(s.CostPerChildYear) || !finite(s.IncomeGainedPerHH) {
			continue
		}
		xys = append(xys, plotter.XY{X: s.IncomeGainedPerHH, Y: s.CostPerChildYear})
		labels = append(labels, " "+short(s.Name, 30))
	}
	if len(xys) == 0 {
		return nil, errNoData("cost-effectiveness")
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle.Color = colour(0)
	sc.GlyphStyle.Radius = vg.Points(4)
	sc.GlyphStyle.Shape = draw.CircleGlyph{}
	p.Add(sc)
	lab, err := smallLabels(xys, labels, 0, draw.YCenter, vg.Point{X: vg.Points(5)})
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	minX, maxX, maxY := xys[0].X, xys[0].X, 0.0
	for _, pt := range xys {
		minX, maxX, maxY = min(minX, pt.X), max(maxX, pt.X), max(maxY, pt.Y)
	}
	span := max(maxX-minX, 1)
	p.X.Min, p.X.Max = min(0, minX-0.1*span), maxX+0.6*span // room for the names
	p.Y.Min, p.Y.Max = 0, maxY*1.15
	p.X.Tick.Marker = ticker{l: l}
	p.Y.Tick.Marker = ticker{l: l}
	p.Add(plotter.NewGrid())
	return p, nil
}
