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

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
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

// Plot draws the flows as bands, then the boxes. Text is as large as the
// space between columns and rows allows (7 to 11 points), so a short chain
// fills its canvas.
func (m *chainMap) Plot(dc draw.Canvas, p *plot.Plot) {
	c := m.r.Chain
	trX, trY := p.Transforms(&dc)
	labels := make([]string, len(c.Actors))
	for i := range c.Actors {
		a := &m.r.Accounts[i]
		labels[i] = m.l.T("map.node", wrap(actorName(c, i, m.l), 18), m.l.Count(a.Count, c.Actors[i].Kind == valuechain.Household),
			m.l.Thousands(a.ValueAdded)+" "+c.Currency)
	}
	colGap := dc.Max.X - dc.Min.X
	if p.X.Max-p.X.Min > 1.2 {
		colGap = trX(1) - trX(0)
	}
	rowGap := dc.Max.Y - dc.Min.Y
	if p.Y.Max-p.Y.Min > 1.2 {
		rowGap = trY(1) - trY(0)
	}
	var sty draw.TextStyle
	var boxW, boxH vg.Length
	for size := vg.Length(11); size >= 6; size-- {
		sty = draw.TextStyle{Color: color.Black, Font: font.From(Sans, size), Handler: plot.DefaultTextHandler,
			XAlign: draw.XCenter, YAlign: draw.YCenter}
		boxW, boxH = 0, 0
		for _, lb := range labels {
			boxW = max(boxW, sty.Width(lb)+vg.Points(8))
			boxH = max(boxH, sty.Height(lb)+vg.Points(6))
		}
		if boxW <= 0.6*colGap && boxH <= 0.75*rowGap {
			break
		}
	}
	// Leave at least a third of the space between columns for the bands.
	boxW = min(boxW, 0.66*colGap)
	small := draw.TextStyle{Color: color.Gray{Y: 60}, Font: font.From(Sans, max(sty.Font.Size-2, 6)), Handler: plot.DefaultTextHandler,
		XAlign: draw.XCenter, YAlign: draw.YBottom}
	// Band widths, and where each band leaves and enters its boxes: the
	// bands of one box are stacked along its edge, the upper target's (or
	// source's) on top, as in a Sankey diagram, so they do not overlap.
	width := make([]vg.Length, len(c.Links))
	for li := range c.Links {
		width[li] = vg.Points(1)
		if m.max > 0 {
			width[li] += vg.Points(14) * vg.Length(m.r.Flows[li].Value/m.max)
		}
	}
	out, in := m.stack(width, true), m.stack(width, false)
	for li, l := range c.Links {
		f := m.r.Flows[li]
		_, i := c.Actor(l.From)
		_, j := c.Actor(l.To)
		w := width[li]
		from := vg.Point{X: trX(m.col[i]) + boxW/2, Y: trY(m.row[i]) + out[li]}
		to := vg.Point{X: trX(m.col[j]) - boxW/2, Y: trY(m.row[j]) + in[li]}
		head := vg.Points(5) + w/4
		band(dc, from, vg.Point{X: to.X - head, Y: to.Y}, w)
		arrowHead(dc, to, head, w/2+vg.Points(2))
		mid := vg.Point{X: (from.X + to.X - head) / 2, Y: (from.Y+to.Y)/2 + w/2 + vg.Points(1)}
		dc.FillText(small, mid, m.l.Compact(f.Value)+" "+c.Currency)
	}
	for i := range c.Actors {
		ctr := vg.Point{X: trX(m.col[i]), Y: trY(m.row[i])}
		rect := vg.Rectangle{Min: vg.Point{X: ctr.X - boxW/2, Y: ctr.Y - boxH/2}, Max: vg.Point{X: ctr.X + boxW/2, Y: ctr.Y + boxH/2}}
		fill := color.NRGBA{R: 230, G: 159, B: 0, A: 70}
		if c.Actors[i].Kind == valuechain.Household {
			fill = color.NRGBA{R: 0, G: 158, B: 115, A: 70}
		}
		dc.SetColor(color.White)
		dc.Fill(rect.Path())
		dc.SetColor(fill)
		dc.Fill(rect.Path())
		dc.SetColor(color.Gray{Y: 80})
		dc.SetLineWidth(vg.Points(0.6))
		dc.Stroke(rect.Path())
		dc.FillText(sty, ctr, labels[i])
	}
}

// stack returns, for each link, the offset from its box's centre at which
// its band leaves (out) or enters (!out) the box: the box's bands stacked
// top to bottom by the row of the box at their other end.
func (m *chainMap) stack(width []vg.Length, out bool) []vg.Length {
	c := m.r.Chain
	off := make([]vg.Length, len(c.Links))
	byBox := map[int][]int{}
	other := make([]int, len(c.Links))
	for li, l := range c.Links {
		_, i := c.Actor(l.From)
		_, j := c.Actor(l.To)
		if !out {
			i, j = j, i
		}
		byBox[i] = append(byBox[i], li)
		other[li] = j
	}
	for _, ls := range byBox {
		sort.SliceStable(ls, func(a, b int) bool { return m.row[other[ls[a]]] > m.row[other[ls[b]]] })
		var total vg.Length
		for _, li := range ls {
			total += width[li]
		}
		top := total / 2
		for _, li := range ls {
			off[li] = top - width[li]/2
			top -= width[li]
		}
	}
	return off
}

// bandColour is the colour of the flows.
var bandColour = color.NRGBA{R: 0, G: 114, B: 178, A: 150}

// band draws a flow of width w from a box's right edge at from to the
// point to: an S-curve whose ends are horizontal, so that it meets both
// boxes square however far apart their rows are (the Sankey diagram's
// band).
func band(dc draw.Canvas, from, to vg.Point, w vg.Length) {
	mx := (from.X + to.X) / 2
	h := w / 2
	var path vg.Path
	path.Move(vg.Point{X: from.X, Y: from.Y + h})
	path.CubeTo(vg.Point{X: mx, Y: from.Y + h}, vg.Point{X: mx, Y: to.Y + h}, vg.Point{X: to.X, Y: to.Y + h})
	path.Line(vg.Point{X: to.X, Y: to.Y - h})
	path.CubeTo(vg.Point{X: mx, Y: to.Y - h}, vg.Point{X: mx, Y: from.Y - h}, vg.Point{X: from.X, Y: from.Y - h})
	path.Close()
	dc.SetColor(bandColour)
	dc.Fill(path)
}

// arrowHead draws a filled triangle pointing right, in the direction the
// band arrives in, its tip at pt, length long and half-height half.
func arrowHead(dc draw.Canvas, pt vg.Point, long, half vg.Length) {
	var path vg.Path
	path.Move(pt)
	path.Line(vg.Point{X: pt.X - long, Y: pt.Y + half})
	path.Line(vg.Point{X: pt.X - long, Y: pt.Y - half})
	path.Close()
	dc.SetColor(color.NRGBA{R: 0, G: 114, B: 178, A: 230})
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
		label := strings.ReplaceAll(l.T("map.node", a.NameIn(string(l)), l.Count(acc.Count, a.Kind == valuechain.Household), l.Thousands(acc.ValueAdded)+" "+c.Currency), "\n", "\\n")
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
