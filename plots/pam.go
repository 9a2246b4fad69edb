package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/pam"
)

// PAMChart draws each actor's profit at private and at social prices: the
// bottom row of the policy analysis matrix.
func PAMChart(rows []pam.Row, l lang.Lang, currency string) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, errNoData("pam")
	}
	p := newPlot(l.T("pam.title"))
	p.Y.Label.Text = l.T("pam.axis", currency)
	d, h := make(plotter.Values, len(rows)), make(plotter.Values, len(rows))
	names := make([]string, len(rows))
	lo, hi := 0.0, 0.0
	for i, r := range rows {
		d[i], h[i] = r.D, r.H
		name := r.Name
		if l == lang.RU && r.NameRU != "" {
			name = r.NameRU
		}
		names[i] = name
		lo, hi = min(lo, r.D, r.H), max(hi, r.D, r.H)
	}
	w := vg.Points(14)
	a, err := plotter.NewBarChart(d, w)
	if err != nil {
		return nil, err
	}
	a.Color, a.LineStyle.Width, a.Offset = colour(1), 0, -w/2
	b, err := plotter.NewBarChart(h, w)
	if err != nil {
		return nil, err
	}
	b.Color, b.LineStyle.Width, b.Offset = colour(2), 0, w/2
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil // categories need no vertical lines
	p.Add(grid, a, b)
	p.Legend.Add(l.T("pam.private"), a)
	p.Legend.Add(l.T("pam.social"), b)
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(names))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min, p.Y.Max = lo*1.1, hi*1.3
	var pts plotter.XYs
	for i := range d {
		pts = append(pts, barPoints(float64(i), min(0, d[i], h[i]), max(0, d[i], h[i]))...)
	}
	placeLegend(p, pts, []string{l.T("pam.private"), l.T("pam.social")})
	return p, nil
}
