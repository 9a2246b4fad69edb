package plots

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// placeLegend puts the legend in the corner of the plot area that covers
// the fewest data points pts (in data coordinates), after the axes'
// ranges are set. The corner's size is estimated from the legend's
// entries: about 1.2% of the width per character of the longest entry and
// 7% of the height per line. Ties go to the top right, then the top left,
// the bottom left and the bottom right.
func placeLegend(p *plot.Plot, pts plotter.XYs, entries []string) {
	chars, lines := 0, 0
	for _, e := range entries {
		for _, ln := range strings.Split(e, "\n") {
			chars = max(chars, len([]rune(ln)))
			lines++
		}
	}
	fx := math.Min(0.6, 0.08+0.012*float64(chars))
	fy := math.Min(0.6, 0.07*float64(lines))
	xs, ys := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	corners := []struct{ top, left bool }{{true, false}, {true, true}, {false, true}, {false, false}}
	best, bestN := 0, math.MaxInt
	for k, c := range corners {
		n := 0
		for _, q := range pts {
			inX := q.X >= p.X.Max-fx*xs
			if c.left {
				inX = q.X <= p.X.Min+fx*xs
			}
			inY := q.Y >= p.Y.Max-fy*ys
			if !c.top {
				inY = q.Y <= p.Y.Min+fy*ys
			}
			if inX && inY {
				n++
			}
		}
		if n < bestN {
			best, bestN = k, n
		}
	}
	p.Legend.Top, p.Legend.Left = corners[best].top, corners[best].left
}

// linePoints returns the points of a polyline and 10 points on each of its
// segments, for placeLegend.
func linePoints(xys plotter.XYs) plotter.XYs {
	var out plotter.XYs
	for i, q := range xys {
		out = append(out, q)
		if i+1 < len(xys) {
			r := xys[i+1]
			for k := 1; k < 10; k++ {
				f := float64(k) / 10
				out = append(out, plotter.XY{X: q.X + f*(r.X-q.X), Y: q.Y + f*(r.Y-q.Y)})
			}
		}
	}
	return out
}

// barPoints returns points filling a vertical bar at x from lo to hi, for
// placeLegend (a bar is a third of a category wide).
func barPoints(x, lo, hi float64) plotter.XYs {
	var out plotter.XYs
	for _, dx := range []float64{-0.17, 0, 0.17} {
		for k := 0; k <= 10; k++ {
			out = append(out, plotter.XY{X: x + dx, Y: lo + float64(k)/10*(hi-lo)})
		}
	}
	return out
}
