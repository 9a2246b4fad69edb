package plots

import (
	"image/color"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/uncertainty"
)

// UncertaintyCharts returns the Monte Carlo charts of Specs: each run's
// children in child labour in the final year with its 90% interval, and
// the fan chart of them year by year.
func UncertaintyCharts(mc *uncertainty.MonteCarlo, l lang.Lang) ([]Chart, error) {
	return All(&assess.Assessment{MonteCarlo: mc}, l, PartUncertainty)
}

// IntervalChart draws each run's children in child labour in the final
// year: the median over the draws as a bar, with its 90% interval (5th to
// 95th percentile) as an error bar.
func IntervalChart(mc *uncertainty.MonteCarlo, l lang.Lang) (*plot.Plot, error) {
	ind, err := uncertainty.IndicatorIndex("children_in_child_labour_final_year")
	if err != nil {
		return nil, err
	}
	sums := mc.Summaries()
	n := len(mc.Runs)
	med := make(plotter.Values, n)
	errs := make(plotter.YErrors, n)
	pts := make(plotter.XYs, n)
	names := make([]string, n)
	top := 0.0
	for r := range mc.Runs {
		s := sums[r*len(uncertainty.Indicators)+ind]
		if s.Draws == 0 {
			return nil, errNoData("interval chart")
		}
		med[r] = s.P50
		errs[r].Low, errs[r].High = s.P50-s.P05, s.P95-s.P50
		pts[r] = plotter.XY{X: float64(r), Y: s.P50}
		names[r] = mc.RunName(r, l)
		top = max(top, s.P95)
	}
	names[0] = l.T("baseline")
	p := newPlot(l.T("interval.title", len(mc.Y)))
	p.Y.Label.Text = l.T("child.axis")
	b, err := plotter.NewBarChart(med, vg.Points(22))
	if err != nil {
		return nil, err
	}
	b.Color, b.LineStyle.Width = colour(1), 0
	eb, err := plotter.NewYErrorBars(struct {
		plotter.XYer
		plotter.YErrorer
	}{pts, errs})
	if err != nil {
		return nil, err
	}
	eb.LineStyle.Width = vg.Points(1.2)
	eb.CapWidth = vg.Points(8)
	p.Add(b, eb)
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(names))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, top*1.15
	return p, nil
}

// FanChart draws, for each run, the median of children in child labour
// year by year, with its 50% band (25th to 75th percentile) and 90% band
// (5th to 95th) over the draws.
func FanChart(mc *uncertainty.MonteCarlo, l lang.Lang) (*plot.Plot, error) {
	if len(mc.Paths) == 0 {
		return nil, errNoData("fan chart")
	}
	p := newPlot(l.T("fan.title", len(mc.Paths)))
	p.X.Label.Text = l.T("paths.year")
	p.Y.Label.Text = l.T("child.axis")
	top := 0.0
	var cover plotter.XYs
	var entries []string
	for r := range mc.Runs {
		b := mc.Band(r, 0.05, 0.25, 0.5, 0.75, 0.95)
		for t := range b[0] {
			cover = append(cover, barPoints(float64(t+1), b[0][t], b[4][t])...)
		}
		c := colour(r)
		for _, band := range [][2]int{{0, 4}, {1, 3}} {
			var pts plotter.XYs
			for t, y := range b[band[1]] {
				pts = append(pts, plotter.XY{X: float64(t + 1), Y: y})
			}
			for t := len(b[band[0]]) - 1; t >= 0; t-- {
				pts = append(pts, plotter.XY{X: float64(t + 1), Y: b[band[0]][t]})
			}
			poly, err := plotter.NewPolygon(pts)
			if err != nil {
				return nil, err
			}
			r8, g8, b8, _ := c.RGBA()
			alpha := uint8(40)
			if band[0] == 1 {
				alpha = 80
			}
			poly.Color = color.NRGBA{R: uint8(r8 >> 8), G: uint8(g8 >> 8), B: uint8(b8 >> 8), A: alpha}
			poly.LineStyle.Width = 0
			p.Add(poly)
		}
		var med plotter.XYs
		for t, y := range b[2] {
			med = append(med, plotter.XY{X: float64(t + 1), Y: y})
			top = max(top, b[4][t])
		}
		line, err := plotter.NewLine(med)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = c, vg.Points(1.5)
		p.Add(line)
		name := mc.RunName(r, l)
		if r == 0 {
			name = l.T("baseline")
		}
		p.Legend.Add(wrap(name, 26), line)
		entries = append(entries, wrap(name, 26))
	}
	p.X.Tick.Marker = yearTicks(len(mc.Paths[0][0]), l)
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = 0, top*1.35
	placeLegend(p, cover, entries)
	return p, nil
}

// TornadoChart draws the largest swings of an indicator for one run: a
// bar per uncertain number from the indicator at its 5th percentile to
// the indicator at its 95th, the longest at the top.
func TornadoChart(sw []uncertainty.Swing, run, indicator string, l lang.Lang) (*plot.Plot, error) {
	var rows []uncertainty.Swing
	for _, s := range sw {
		if s.Run == run && s.Swing > 0 {
			rows = append(rows, s)
		}
	}
	if len(rows) == 0 {
		return nil, errNoData("tornado")
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].Swing > rows[b].Swing })
	rows = rows[:min(len(rows), 10)]
	p := newPlot(l.T("tornado.title", run))
	p.X.Label.Text = indicator
	names := make([]string, len(rows))
	for i := range rows {
		s := rows[len(rows)-1-i]
		names[i] = s.Param.Label
		lo, hi := min(s.AtLow, s.AtHigh), max(s.AtLow, s.AtHigh)
		bar, err := plotter.NewPolygon(plotter.XYs{{X: lo, Y: float64(i) - 0.35}, {X: hi, Y: float64(i) - 0.35}, {X: hi, Y: float64(i) + 0.35}, {X: lo, Y: float64(i) + 0.35}})
		if err != nil {
			return nil, err
		}
		bar.Color, bar.LineStyle.Width = colour(1), 0
		p.Add(bar)
	}
	p.NominalY(fitY(p, names, 6*vg.Centimeter)...)
	p.X.Tick.Marker = ticker{l: l}
	return p, nil
}

// SobolChart draws the first-order and total indices of each uncertain
// number for one run.
func SobolChart(res []uncertainty.SobolResult, run string, l lang.Lang) (*plot.Plot, error) {
	var rows []uncertainty.SobolResult
	for _, r := range res {
		if r.Run == run {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil, errNoData("sobol")
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].ST > rows[b].ST })
	rows = rows[:min(len(rows), 10)]
	s1, st := make(plotter.Values, len(rows)), make(plotter.Values, len(rows))
	names := make([]string, len(rows))
	for i, r := range rows {
		s1[i], st[i] = max(r.S1, 0), max(r.ST, 0)
		names[i] = r.Param.Label
	}
	p := newPlot(l.T("sobol.title", run))
	w := vg.Points(9)
	a, err := plotter.NewBarChart(s1, w)
	if err != nil {
		return nil, err
	}
	a.Color, a.LineStyle.Width, a.Offset, a.Horizontal = colour(1), 0, -w/2, true
	b, err := plotter.NewBarChart(st, w)
	if err != nil {
		return nil, err
	}
	b.Color, b.LineStyle.Width, b.Offset, b.Horizontal = colour(3), 0, w/2, true
	p.Add(a, b)
	p.Legend.Add(l.T("sobol.s1"), a)
	p.Legend.Add(l.T("sobol.st"), b)
	p.NominalY(fitY(p, names, 6*vg.Centimeter)...)
	p.X.Min, p.X.Max = 0, 1
	return p, nil
}
