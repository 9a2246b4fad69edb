package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// actorName returns the actor's name for an axis.
func actorName(c *valuechain.Chain, i int, l lang.Lang) string { return c.Actors[i].NameIn(l) }

// ValueAdded is a bar chart of each actor's share of the chain's value
// added, its amount written at the end of the bar.
func ValueAdded(r *model.Result, l lang.Lang) (*plot.Plot, error) {
	c := r.Chain
	p := newPlot(l.T("va.title"))
	p.X.Label.Text = l.T("va.axis")
	n := len(r.Accounts)
	vals := make(plotter.Values, n)
	names := make([]string, n)
	labels := make([]string, n)
	xys := make(plotter.XYs, n)
	for k := range r.Accounts {
		i := n - 1 - k // first actor on top
		a := &r.Accounts[k]
		vals[i] = 100 * a.VAShare
		names[i] = actorName(c, k, l)
		labels[i] = " " + l.Thousands(a.ValueAdded) + " " + c.Currency
		xys[i] = plotter.XY{X: vals[i], Y: float64(i)}
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(24))
	if err != nil {
		return nil, err
	}
	bars.Horizontal = true
	bars.Color = colour(0)
	bars.LineStyle.Width = 0
	p.Add(bars)
	lab, err := smallLabels(xys, labels, 0, -0.5, vg.Point{})
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	p.NominalY(fitY(p, names, 3.6*vg.Centimeter)...)
	p.X.Tick.Marker = ticker{l: l}
	p.X.Min = 0
	p.X.Max = maxOf(vals) * 1.45 // room for the amounts
	return p, nil
}

func maxOf(v plotter.Values) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// PriceBuildUp is a waterfall of the final price along the main channel:
// the farm-gate price, then each stage's transport and margin stacked on
// what came before, per unit of the final product.
func PriceBuildUp(r *model.Result, l lang.Lang) (*plot.Plot, error) {
	c := r.Chain
	st := r.Margins
	if len(st) == 0 {
		return nil, errNoData("price build-up")
	}
	p := newPlot(l.T("price.title"))
	last := st[len(st)-1]
	p.Y.Label.Text = l.T("price.axis", c.Currency, last.UnitIn(l))
	// A chain that starts with a purchase outside it (an importer) shows
	// that first price paid as a bar of its own.
	type bar struct {
		name                                       string
		bought, transport, services, margin, share float64
	}
	var bars []bar
	if st[0].Purchase > 0 {
		bars = append(bars, bar{name: l.T("price.bought"), bought: st[0].Purchase, share: st[0].PurchaseShare})
	}
	for _, s := range st {
		_, ai := c.Actor(s.Actor)
		bars = append(bars, bar{name: actorName(c, ai, l), transport: s.Transport, services: s.Services, margin: s.Margin, share: s.Share})
	}
	n := len(bars)
	base, trans, margin, bought, serv := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	hasServices := false
	names := make([]string, n)
	cum := 0.0
	for i, s := range bars {
		names[i] = s.name
		base[i] = cum
		trans[i] = s.transport
		margin[i] = s.margin
		bought[i] = s.bought
		serv[i] = s.services
		hasServices = hasServices || s.services > 0
		cum += s.bought + s.transport + s.services + s.margin
	}
	w := vg.Points(26)
	b, err := plotter.NewBarChart(base, w)
	if err != nil {
		return nil, err
	}
	b.Color = color.NRGBA{}
	b.LineStyle.Width = 0
	t, err := plotter.NewBarChart(trans, w)
	if err != nil {
		return nil, err
	}
	t.Color = colour(1)
	t.LineStyle.Width = 0
	t.StackOn(b)
	// Fees paid to services (porters...) sit on the transport of the
	// stage that pays them, under its margin.
	sv, err := plotter.NewBarChart(serv, w)
	if err != nil {
		return nil, err
	}
	sv.Color = colour(3)
	sv.LineStyle.Width = 0
	sv.StackOn(t)
	m, err := plotter.NewBarChart(margin, w)
	if err != nil {
		return nil, err
	}
	m.Color = colour(0)
	m.LineStyle.Width = 0
	m.StackOn(sv)
	p.Add(b, t, sv, m)
	p.Legend.Add(l.T("price.margin"), m)
	p.Legend.Add(l.T("price.transport"), t)
	legend := []string{l.T("price.margin"), l.T("price.transport")}
	if hasServices {
		p.Legend.Add(l.T("price.services"), sv)
		legend = append(legend, l.T("price.services"))
	}
	if bars[0].bought > 0 {
		pb, err := plotter.NewBarChart(bought, w)
		if err != nil {
			return nil, err
		}
		pb.Color = colour(2)
		pb.LineStyle.Width = 0
		pb.StackOn(m)
		p.Add(pb)
		p.Legend.Add(l.T("price.bought"), pb)
		legend = append(legend, l.T("price.bought"))
	}
	xys := make(plotter.XYs, n)
	labels := make([]string, n)
	for i, s := range bars {
		xys[i] = plotter.XY{X: float64(i), Y: base[i] + trans[i] + serv[i] + margin[i] + bought[i]}
		labels[i] = l.Number(s.margin+s.bought, 2) + " (" + l.Percent(s.share) + ")"
	}
	lab, err := smallLabels(xys, labels, -0.5, 0, vg.Point{Y: vg.Points(2)})
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(names))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min = 0
	p.Y.Max = cum * 1.12
	var pts plotter.XYs
	for i := range xys {
		pts = append(pts, barPoints(float64(i), 0, xys[i].Y+0.06*cum)...) // the bar and its label
	}
	placeLegend(p, pts, legend)
	return p, nil
}

// Employment is a stacked bar chart of each actor's full-time equivalents:
// family adults, hired adults and children.
func Employment(r *model.Result, l lang.Lang) (*plot.Plot, error) {
	c := r.Chain
	p := newPlot(l.T("labour.title"))
	p.X.Label.Text = l.T("labour.axis")
	n := len(r.Labour)
	fte := c.FTE()
	fam, hired, child := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	names := make([]string, n)
	for k, lab := range r.Labour {
		i := n - 1 - k
		fam[i] = lab.FamilyDays / fte
		hired[i] = lab.HiredDays / fte
		child[i] = lab.ChildDays / fte
		names[i] = actorName(c, k, l)
	}
	var prev *plotter.BarChart
	for j, s := range []struct {
		key string
		v   plotter.Values
	}{{"labour.family", fam}, {"labour.hired", hired}, {"labour.child", child}} {
		b, err := plotter.NewBarChart(s.v, vg.Points(24))
		if err != nil {
			return nil, err
		}
		b.Horizontal = true
		b.Color = colour([]int{0, 4, 3}[j])
		b.LineStyle.Width = 0
		if prev != nil {
			b.StackOn(prev)
		}
		prev = b
		p.Add(b)
		p.Legend.Add(l.T(s.key), b)
	}
	p.Legend.Top = false // the bars start at the top left
	p.NominalY(fitY(p, names, 3.6*vg.Centimeter)...)
	p.X.Tick.Marker = ticker{l: l}
	p.X.Min = 0
	return p, nil
}

// ChildLabour is a stacked bar chart of the children in child labour of
// the household groups, by age band (and sex where given): hazardous child
// labour and the rest.
func ChildLabour(r *model.Result, l lang.Lang) (*plot.Plot, error) {
	if len(r.Groups) == 0 {
		return nil, errNoData("child labour")
	}
	p := newPlot(l.T("child.title"))
	p.Y.Label.Text = l.T("child.axis")
	bySex := false
	for _, g := range r.Groups {
		bySex = bySex || g.BySex
	}
	var names []string
	var other, haz plotter.Values
	for b, ch := range r.ChildLabour {
		band := l.T("child.band", valuechain.BandNames[b])
		if !bySex {
			names = append(names, band)
			other = append(other, ch.ChildLabour-ch.Hazardous)
			haz = append(haz, ch.Hazardous)
			continue
		}
		for _, s := range []struct {
			key string
			x   model.Sex
		}{{"child.girls", ch.Girls}, {"child.boys", ch.Boys}} {
			names = append(names, band+"\n"+l.T(s.key))
			other = append(other, s.x.ChildLabour-s.x.Hazardous)
			haz = append(haz, s.x.Hazardous)
		}
	}
	w := vg.Points(22)
	h, err := plotter.NewBarChart(haz, w)
	if err != nil {
		return nil, err
	}
	h.Color = colour(3)
	h.LineStyle.Width = 0
	o, err := plotter.NewBarChart(other, w)
	if err != nil {
		return nil, err
	}
	o.Color = colour(1)
	o.LineStyle.Width = 0
	o.StackOn(h)
	p.Add(h, o)
	p.Legend.Add(l.T("child.hazardous"), h)
	p.Legend.Add(l.T("child.cl"), o)
	p.NominalX(fitX(p, names)...)
	nominalRange(p, len(names))
	p.Y.Tick.Marker = ticker{l: l}
	p.Y.Min = 0
	top := 0.0
	for i := range haz {
		top = max(top, haz[i]+other[i])
	}
	p.Y.Max = top * 1.25 // room for the legend
	var pts plotter.XYs
	for i := range haz {
		pts = append(pts, barPoints(float64(i), 0, haz[i]+other[i])...)
	}
	placeLegend(p, pts, []string{l.T("child.hazardous"), l.T("child.cl")})
	return p, nil
}

type noDataError string

func (e noDataError) Error() string { return "no data for the " + string(e) + " chart" }

func errNoData(chart string) error { return noDataError(chart) }
