package plots

import (
	"image/color"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// quantileBox draws one distribution as a box from its 25th to its 75th
// percentile with the median across it and whiskers to the 5th and 95th
// percentiles. Unlike a box plot it draws no outlier glyphs, so hundreds
// of thousands of households make neither smears nor large files; the
// caption says what the whiskers are.
type quantileBox struct {
	X                       float64
	P05, P25, P50, P75, P95 float64
	Width                   vg.Length
	Fill                    color.Color
	Line                    draw.LineStyle
}

// newQuantileBox computes the weighted quantiles of v (weights w, nil for
// one each) with gonum's empirical quantile.
func newQuantileBox(x float64, v, w []float64, width vg.Length, fill color.Color) *quantileBox {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	sv := make([]float64, len(v))
	var sw []float64
	if w != nil {
		sw = make([]float64, len(v))
	}
	for i, j := range idx {
		sv[i] = v[j]
		if w != nil {
			sw[i] = w[j]
		}
	}
	q := func(p float64) float64 { return stat.Quantile(p, stat.Empirical, sv, sw) }
	return &quantileBox{X: x, P05: q(0.05), P25: q(0.25), P50: q(0.5), P75: q(0.75), P95: q(0.95),
		Width: width, Fill: fill, Line: draw.LineStyle{Color: color.Black, Width: vg.Points(1)}}
}

// Plot implements plot.Plotter.
func (b *quantileBox) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	x := trX(b.X)
	lo, q1, med, q3, hi := trY(b.P05), trY(b.P25), trY(b.P50), trY(b.P75), trY(b.P95)
	half := b.Width / 2
	box := []vg.Point{{X: x - half, Y: q1}, {X: x + half, Y: q1}, {X: x + half, Y: q3}, {X: x - half, Y: q3}}
	c.FillPolygon(b.Fill, c.ClipPolygonXY(box))
	c.StrokeLines(b.Line, c.ClipLinesXY(append(box, box[0]))...)
	c.StrokeLine2(b.Line, x-half, med, x+half, med)
	c.StrokeLine2(b.Line, x, q3, x, hi)
	c.StrokeLine2(b.Line, x, q1, x, lo)
	c.StrokeLine2(b.Line, x-half/2, hi, x+half/2, hi)
	c.StrokeLine2(b.Line, x-half/2, lo, x+half/2, lo)
}

// DataRange implements plot.DataRanger.
func (b *quantileBox) DataRange() (xmin, xmax, ymin, ymax float64) {
	return b.X, b.X, b.P05, b.P95
}

// GlyphBoxes implements plot.GlyphBoxer: the box's width.
func (b *quantileBox) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{{X: plt.X.Norm(b.X), Y: plt.Y.Norm(b.P50),
		Rectangle: vg.Rectangle{Min: vg.Point{X: -b.Width / 2}, Max: vg.Point{X: b.Width / 2}}}}
}

var _ plot.Plotter = (*quantileBox)(nil)
