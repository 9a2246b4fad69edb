package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
)

// runs returns the baseline and the scenario runs, with their names for
// labels (the baseline's translated).
func runs(cmp *scenarios.Comparison, l lang.Lang) ([]*model.Run, []string) {
	all := append([]*model.Run{cmp.Baseline}, cmp.Runs...)
	names := make([]string, len(all))
	names[0] = l.T("baseline")
	for i := range cmp.Runs {
		names[i+1] = cmp.RunName(i, l)
	}
	return all, names
}

// yearTicks marks the years 1..horizon, and no more: a legend beside the
// lines may widen the axis past the last year.
func yearTicks(horizon int, l lang.Lang) plot.Ticker {
	return plot.TickerFunc(func(min, max float64) []plot.Tick {
		var ts []plot.Tick
		for y := 1; y <= horizon; y++ {
			ts = append(ts, plot.Tick{Value: float64(y), Label: l.Thousands(float64(y))})
		}
		return ts
	})
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
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(all))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, maxOf(cl)*1.3
	var pts plotter.XYs
	for i := range cl {
		pts = append(pts, barPoints(float64(i), 0, max(cl[i], haz[i]))...)
	}
	placeLegend(p, pts, []string{l.T("scen.cl"), l.T("scen.hazardous")})
	return p, nil
}

// ScenarioIncome compares mean household income in the final year, with
// the share of households below the poverty line written on each bar.
// When the scenarios' incomes differ by less than a tenth of the
// baseline's (differences a zero-based axis would hide), it draws each
// scenario's change against the baseline instead, with its sign.
func ScenarioIncome(cmp *scenarios.Comparison, l lang.Lang, currency string) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	base := final(all[0]).MeanIncome
	lo, hi := base, base
	for _, r := range all {
		lo, hi = min(lo, final(r).MeanIncome), max(hi, final(r).MeanIncome)
	}
	if base > 0 && hi-lo < 0.1*base && len(all) > 1 {
		return incomeChange(all, names, l, currency)
	}
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
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(all))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, maxOf(inc)*1.25
	return p, nil
}

// incomeChange draws each scenario's change of mean household income in
// the final year against the baseline, signed, with the change and the
// share of poor households (baseline -> scenario) written at each bar.
func incomeChange(all []*model.Run, names []string, l lang.Lang, currency string) (*plot.Plot, error) {
	p := newPlot(l.T("scen.income"))
	p.Y.Label.Text = l.T("scen.incomechange", currency)
	base := final(all[0])
	n := len(all) - 1
	d := make(plotter.Values, n)
	var up, down plotter.XYs
	var upL, downL []string
	lo, hi := 0.0, 0.0
	for i, r := range all[1:] {
		y := final(r)
		d[i] = y.MeanIncome - base.MeanIncome
		lo, hi = min(lo, d[i]), max(hi, d[i])
		text := signed(l, d[i]) + "\n" + l.Percent(base.BelowPoverty) + " → " + l.Percent(y.BelowPoverty)
		if d[i] >= 0 {
			up, upL = append(up, plotter.XY{X: float64(i), Y: d[i]}), append(upL, text)
		} else {
			down, downL = append(down, plotter.XY{X: float64(i), Y: d[i]}), append(downL, text)
		}
	}
	b, err := plotter.NewBarChart(d, vg.Points(24))
	if err != nil {
		return nil, err
	}
	b.Color, b.LineStyle.Width = colour(2), 0
	p.Add(b)
	zero := plotter.NewFunction(func(float64) float64 { return 0 })
	zero.Width = vg.Points(0.8)
	p.Add(zero)
	for _, s := range []struct {
		xys    plotter.XYs
		labels []string
		align  draw.YAlignment
		off    vg.Length
	}{{up, upL, 0, vg.Points(2)}, {down, downL, draw.YTop, -vg.Points(2)}} {
		if len(s.xys) == 0 {
			continue
		}
		lab, err := smallLabels(s.xys, s.labels, draw.XCenter, s.align, vg.Point{Y: s.off})
		if err != nil {
			return nil, err
		}
		p.Add(lab)
	}
	p.X.Label.Text = l.T("scen.changelabel", l.Thousands(base.MeanIncome), currency)
	p.X.Label.TextStyle.Font.Size = 8
	p.NominalX(fitX(p, names[1:])...)
	nominalRange(p, n)
	p.Y.Tick.Marker = ticker{l: l}
	span := max(hi-lo, 1)
	p.Y.Min, p.Y.Max = lo-0.3*span, hi+0.3*span
	if lo == 0 {
		p.Y.Min = 0
	}
	return p, nil
}

// signed writes x as a whole number with its sign: +633, −120.
func signed(l lang.Lang, x float64) string {
	s := l.Thousands(x)
	if x > 0 && s != l.Thousands(0) {
		return "+" + s
	}
	return s
}

// YearlyPaths draws the children in child labour year by year, one line a
// scenario, the baseline dashed. (An uncertainty band can be added under
// each line when Monte Carlo runs exist.)
func YearlyPaths(cmp *scenarios.Comparison, l lang.Lang) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	for i := range names {
		names[i] = wrap(names[i], 26) // the legend's entries
	}
	p := newPlot(l.T("paths.title"))
	p.X.Label.Text = l.T("paths.year")
	p.Y.Label.Text = l.T("child.axis")
	top := 0.0
	var pts plotter.XYs
	for i, r := range all {
		xys := make(plotter.XYs, len(r.Years))
		for k, y := range r.Years {
			xys[k] = plotter.XY{X: float64(y.Year), Y: y.ChildLabour}
			top = max(top, y.ChildLabour)
		}
		pts = append(pts, linePoints(xys)...)
		line, glyphs, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		c := colour(i)
		if i == 0 {
			c = colour(7)
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
		line.Color, glyphs.Color = c, c
		line.Width = vg.Points(1.5)
		glyphs.Shape = draw.CircleGlyph{}
		glyphs.Radius = vg.Points(2)
		p.Add(line, glyphs)
		p.Legend.Add(names[i], line, glyphs)
	}
	p.X.Tick.Marker = yearTicks(cmp.Horizon, l)
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, top*1.1
	placeLegend(p, pts, names)
	return p, nil
}

// IncomeDistribution draws, for each run's final year, the households'
// income divided by their poverty line (1 is the line): a box over the
// middle half of the households, the median across it, and whiskers from
// the 5th to the 95th percentile. Households stand for their weights.
func IncomeDistribution(cmp *scenarios.Comparison, l lang.Lang) (*plot.Plot, error) {
	all, names := runs(cmp, l)
	p := newPlot(l.T("dist.title"))
	p.Y.Label.Text = l.T("dist.axis")
	p.X.Label.Text = l.T("dist.caption")
	p.X.Label.TextStyle.Font.Size = 8
	top := 1.0
	for i, r := range all {
		res := r.Results[len(r.Results)-1]
		var v, w []float64
		weighted := false
		for _, g := range res.Groups {
			weighted = weighted || g.Weights != nil
		}
		for _, g := range res.Groups {
			for k, inc := range g.Income {
				v = append(v, inc/g.Subsistence)
				if weighted {
					wk := 1.0
					if g.Weights != nil {
						wk = g.Weights[k]
					}
					w = append(w, wk)
				}
			}
		}
		if len(v) == 0 {
			return nil, errNoData("income distribution")
		}
		b := newQuantileBox(float64(i), v, w, vg.Points(18), colour(i))
		p.Add(b)
		top = max(top, b.P95)
	}
	line := plotter.NewFunction(func(float64) float64 { return 1 })
	line.Color = colour(3)
	line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	line.Width = vg.Points(1.2)
	p.Add(line)
	// The caption names the dashed line: a legend or a label on the line
	// would cover a box.
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(all))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, top*1.15
	return p, nil
}

// nominalRange gives n categories at 0..n-1 room for their labels: half a
// category and a little more on either side, so that the first and the
// last label are not clipped at the image's edge.
// It also takes back the padding NominalX puts between the Y axis and the
// data for the first label, which the half category already gives.
func nominalRange(p *plot.Plot, n int) {
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
	p.Y.Padding = vg.Points(2)
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
	for i, s := range cmp.Summaries {
		if !finite(s.CostPerChildYear) || !finite(s.IncomeGainedPerHH) {
			continue
		}
		xys = append(xys, plotter.XY{X: s.IncomeGainedPerHH, Y: s.CostPerChildYear})
		labels = append(labels, wrap(cmp.RunName(i, l), 22))
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
