package plots

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/screening"
)

// ScreeningChart draws each chain's score, best at the top.
func ScreeningChart(res *screening.Result, l lang.Lang) (*plot.Plot, error) {
	if len(res.Rows) == 0 {
		return nil, errNoData("screening")
	}
	p := newPlot(l.T("screen.title"))
	p.X.Label.Text = l.T("screen.axis")
	n := len(res.Rows)
	v := make(plotter.Values, n)
	names := make([]string, n)
	for i, r := range res.Rows {
		v[n-1-i] = r.Score
		names[n-1-i] = r.Name
	}
	b, err := plotter.NewBarChart(v, vg.Points(22))
	if err != nil {
		return nil, err
	}
	b.Horizontal, b.Color, b.LineStyle.Width = true, colour(1), 0
	p.Add(b)
	p.NominalY(fitY(p, names, 4.6*vg.Centimeter)...)
	p.X.Min, p.X.Max = 0, 1
	return p, nil
}
