package plots

import (
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// TestPlaceLegend: lines high on the right push the legend to the left;
// lines everywhere high push it down; nothing moves it from the top right.
func TestPlaceLegend(t *testing.T) {
	cases := []struct {
		name      string
		pts       plotter.XYs
		top, left bool
	}{
		{"empty", nil, true, false},
		{"high on the right", linePoints(plotter.XYs{{X: 0, Y: 1}, {X: 5, Y: 9.5}, {X: 10, Y: 9.8}}), true, true},
		{"high everywhere", linePoints(plotter.XYs{{X: 0, Y: 9.6}, {X: 10, Y: 9.6}}), false, true},
		{"tall bars on the left, low on the right", append(barPoints(0, 0, 10), barPoints(10, 0, 2)...), true, false},
	}
	for _, c := range cases {
		p := plot.New()
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 10
		placeLegend(p, c.pts, []string{"baseline", "a scenario"})
		if p.Legend.Top != c.top || p.Legend.Left != c.left {
			t.Errorf("%s: top %v left %v, want top %v left %v", c.name, p.Legend.Top, p.Legend.Left, c.top, c.left)
		}
	}
}

// TestLegendMakesRoom: lines across the whole plot leave no corner free;
// the legend goes to the top right, and the axis that leaves the data more
// room widens (X for a short, tall legend, Y for a long, flat one) so that
// no point lies in the legend's box. The box is measured: a longer entry
// takes more of the width.
func TestLegendMakesRoom(t *testing.T) {
	var full plotter.XYs
	for _, y := range []float64{0.5, 5, 9.5} {
		full = append(full, linePoints(plotter.XYs{{X: 0, Y: y}, {X: 10, Y: y}})...)
	}
	tall := []string{"baseline", "a", "b", "c", "d", "e", "f", "g"}
	long := []string{"baseline", "a scenario with a much longer name than the others"}
	var shares []float64
	for _, c := range []struct {
		entries []string
		widenX  bool
	}{{tall, true}, {long, false}} {
		p := newPlot("t")
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 10
		placeLegend(p, full, c.entries)
		fx, fy := legendShare(p, c.entries)
		shares = append(shares, fx)
		if !p.Legend.Top || p.Legend.Left {
			t.Errorf("%q: legend top %v left %v, want the top right", c.entries, p.Legend.Top, p.Legend.Left)
		}
		if (p.X.Max > 10) != c.widenX || (p.Y.Max > 10) == c.widenX {
			t.Errorf("%q: axes to x %v, y %v; want the %s axis widened", c.entries, p.X.Max, p.Y.Max, map[bool]string{true: "X", false: "Y"}[c.widenX])
		}
		x0, y0 := p.X.Max-fx*(p.X.Max-p.X.Min), p.Y.Max-fy*(p.Y.Max-p.Y.Min)
		for _, q := range full {
			if q.X > x0+1e-9 && q.Y > y0+1e-9 {
				t.Errorf("%q: point %v lies in the legend's box from (%v, %v)", c.entries, q, x0, y0)
				break
			}
		}
	}
	if !(shares[1] > shares[0]) {
		t.Errorf("legend shares %v: the longer entry should take more width", shares)
	}
}
