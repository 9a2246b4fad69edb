package plots

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// placeLegend puts the legend in the corner of the plot area that covers
// the fewest data points pts (in data coordinates), after the axes'
// ranges are set. Ties go to the top right, then the top left, the bottom
// left and the bottom right. When every corner covers data, it makes room
// instead: it widens the X axis (or raises the Y axis, whichever leaves
// the data more of the plot) so that the legend sits in the top right
// beside (or above) every point, outside the data. The legend's size is
// measured from entries with the legend's font, against the data area of
// a chart of the default size (the smallest of Sizes).
func placeLegend(p *plot.Plot, pts plotter.XYs, entries []string) {
	fx, fy := legendShare(p, entries)
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
	if bestN == 0 || fx >= 0.9 || fy >= 0.9 {
		return
	}
	// Every corner covers data: the legend goes to the top right, beside
	// or above all of it. Data up to xmax (ymax) leave the right (top)
	// share fx (fy) of the widened axis free when
	// max = (xmax - fx min) / (1 - fx).
	xmax, ymax := math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		xmax, ymax = math.Max(xmax, q.X), math.Max(ymax, q.Y)
	}
	p.Legend.Top, p.Legend.Left = true, false
	if fx <= fy { // widening X leaves the data the larger share
		p.X.Max = math.Max(p.X.Max, (xmax-fx*p.X.Min)/(1-fx))
	} else {
		p.Y.Max = math.Max(p.Y.Max, (ymax-fy*p.Y.Min)/(1-fy))
	}
}

// legendShare returns the shares of the data area's width and height
// that p's legend with entries takes, measured with the legend's font,
// thumbnails and padding, in a chart of the default size.
func legendShare(p *plot.Plot, entries []string) (fx, fy float64) {
	sty := p.Legend.TextStyle
	// gonum gives every entry the height of the tallest.
	var w, tallest vg.Length
	for _, e := range entries {
		for _, ln := range strings.Split(e, "\n") {
			w = max(w, sty.Width(ln))
		}
		tallest = max(tallest, sty.Height(e))
	}
	h := vg.Length(len(entries)) * (tallest + p.Legend.Padding)
	w += p.Legend.ThumbnailWidth + 2*p.Legend.Padding + vg.Points(8)
	h += vg.Points(8)
	sz := Sizes["default"]
	dataW, dataH := sz.W-2.4*vg.Centimeter, sz.H-2.8*vg.Centimeter // less axes, title and source line
	return float64(w / dataW), float64(h / dataH)
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
