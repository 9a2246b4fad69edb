package plots

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"vcsim/model"
	"vcsim/plots/lang"
	"vcsim/valuechain"
)

// layout places each actor in a column by its depth in the chain (longest
// path from a primary producer) and spreads each column's actors.
func layout(r *model.Result) (col, row []float64, cols, rows int) {
	c := r.Chain
	n := len(c.Actors)
	depth := make([]int, n)
	for _, i := range r.Order {
		for _, l := range c.Links {
			if l.From == c.Actors[i].ID {
				_, j := c.Actor(l.To)
				depth[j] = max(depth[j], depth[i]+1)
			}
		}
	}
	byCol := map[int][]int{}
	for i, d := range depth {
		byCol[d] = append(byCol[d], i)
		cols = max(cols, d+1)
	}
	col, row = make([]float64, n), make([]float64, n)
	for d, ids := range byCol {
		sort.Ints(ids)
		rows = max(rows, len(ids))
		for k, i := range ids {
			col[i] = float64(d)
			row[i] = float64(k)
		}
	}
	// Centre short columns.
	for _, ids := range byCol {
		off := float64(rows-len(ids)) / 2
		for _, i := range ids {
			row[i] = float64(rows-1) - (row[i] + off)
		}
	}
	return col, row, cols, rows
}

// ChainMap draws the chain: actors in columns by stage, arrows between them
// with widths in proportion to the value of the flow, each actor labelled
// with its count and value added.
func ChainMap(r *model.Result, l lang.Lang) (*plot.Plot, error) {
	c := r.Chain
	if len(c.Actors) == 0 {
		return nil, errNoData("chain map")
	}
	p := newPlot(l.T("map.title"))
	p.HideAxes()
	col, row, cols, rows := layout(r)
	m := &chainMap{r: r, l: l, col: col, row: row}
	for _, f := range r.Flows {
		m.max = max(m.max, f.Value)
	}
	p.Add(m)
	p.X.Min, p.X.Max = -0.55, float64(cols)-0.45
	p.Y.Min, p.Y.Max = -0.6, float64(rows)-0.4
	return p, nil
}

type chainMap struct {
	r        *model.Result
	l        lang.Lang
	col, row []float64
	max      float64
}

// Plot draws the arrows, then the boxes.
func (m *chainMap) Plot(dc draw.Canvas, p *plot.Plot) {
	c := m.r.Chain
	trX, trY := p.Transforms(&dc)
	sty := draw.TextStyle{Color: color.Black, Font: font.From(Sans, 7), Handler: plot.DefaultTextHandler,
		XAlign: draw.XCenter, YAlign: draw.YCenter}
	labels := make([]string, len(c.Actors))
	boxW, boxH := vg.Length(0), vg.Length(0)
	for i := range c.Actors {
		a := &m.r.Accounts[i]
		labels[i] = m.l.T("map.node", wrap(actorName(c, i), 18), m.l.Thousands(a.Count), m.l.Thousands(a.ValueAdded)+" "+c.Currency)
		boxW = max(boxW, sty.Width(labels[i])+vg.Points(8))
		boxH = max(boxH, sty.Height(labels[i])+vg.Points(6))
	}
	// Leave at least a third of the space between columns for the arrows.
	if len(c.Actors) > 1 {
		boxW = min(boxW, (trX(1)-trX(0))*0.66)
	}
	for li, l := range c.Links {
		f := m.r.Flows[li]
		_, i := c.Actor(l.From)
		_, j := c.Actor(l.To)
		from := vg.Point{X: trX(m.col[i]) + boxW/2, Y: trY(m.row[i])}
		to := vg.Point{X: trX(m.col[j]) - boxW/2, Y: trY(m.row[j])}
		w := vg.Points(1)
		if m.max > 0 {
			w += vg.Points(12) * vg.Length(f.Value/m.max)
		}
		ls := draw.LineStyle{Color: color.NRGBA{R: 0, G: 114, B: 178, A: 140}, Width: w}
		dc.StrokeLine2(ls, from.X, from.Y, to.X-vg.Points(6), to.Y)
		arrowHead(dc, to, vg.Points(6)+w/2)
	}
	for i := range c.Actors {
		ctr := vg.Point{X: trX(m.col[i]), Y: trY(m.row[i])}
		rect := vg.Rectangle{Min: vg.Point{X: ctr.X - boxW/2, Y: ctr.Y - boxH/2}, Max: vg.Point{X: ctr.X + boxW/2, Y: ctr.Y + boxH/2}}
		fill := color.NRGBA{R: 230, G: 159, B: 0, A: 70}
		if c.Actors[i].Kind == valuechain.Household {
			fill = color.NRGBA{R: 0, G: 158, B: 115, A: 70}
		}
		dc.SetColor(fill)
		dc.Fill(rect.Path())
		dc.SetColor(color.Gray{Y: 80})
		dc.SetLineWidth(vg.Points(0.6))
		dc.Stroke(rect.Path())
		dc.FillText(sty, ctr, labels[i])
	}
}

// arrowHead draws a filled triangle pointing right, its tip at pt.
func arrowHead(dc draw.Canvas, pt vg.Point, size vg.Length) {
	var path vg.Path
	path.Move(pt)
	path.Line(vg.Point{X: pt.X - size, Y: pt.Y + size/2})
	path.Line(vg.Point{X: pt.X - size, Y: pt.Y - size/2})
	path.Close()
	dc.SetColor(color.NRGBA{R: 0, G: 114, B: 178, A: 220})
	dc.Fill(path)
}

// Dot returns the chain map in Graphviz's dot language: actors with their
// count and value added, links with widths in proportion to their value.
func Dot(r *model.Result, l lang.Lang) string {
	c := r.Chain
	var b strings.Builder
	fmt.Fprintf(&b, "digraph chain {\n  label=%q;\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Liberation Sans\"];\n", c.Name)
	maxV := 0.0
	for _, f := range r.Flows {
		maxV = max(maxV, f.Value)
	}
	for i, a := range c.Actors {
		acc := &r.Accounts[i]
		fill := "#E69F0040"
		if a.Kind == valuechain.Household {
			fill = "#009E7340"
		}
		label := strings.ReplaceAll(l.T("map.node", a.DisplayName(), l.Thousands(acc.Count), l.Thousands(acc.ValueAdded)+" "+c.Currency), "\n", "\\n")
		fmt.Fprintf(&b, "  %q [label=\"%s\", fillcolor=%q];\n", a.ID, strings.ReplaceAll(label, `"`, `\"`), fill)
	}
	for li, lk := range c.Links {
		f := r.Flows[li]
		w := 1.0
		if maxV > 0 {
			w += 9 * f.Value / maxV
		}
		fmt.Fprintf(&b, "  %q -> %q [penwidth=%.2f, label=%q];\n", lk.From, lk.To, w, l.Thousands(f.Value)+" "+c.Currency)
	}
	b.WriteString("}\n")
	return b.String()
}
