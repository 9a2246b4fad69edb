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
