package plots

import (
	"fmt"
	"image/color"
	"slices"
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
	// A service handles the product of the links it serves: it stands in
	// the column of the first one's seller (a line joins it to the bands).
	for i := range c.Actors {
		if c.Actors[i].Kind != valuechain.Service {
			continue
		}
		for _, l := range c.Links {
			if slices.Contains(l.Services, c.Actors[i].ID) {
				_, j := c.Actor(l.From)
				depth[i] = depth[j]
				break
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
	p, _, err := newChainMap(r, l)
	return p, err
}

// newChainMap returns the chain map and its plotter.
func newChainMap(r *model.Result, l lang.Lang) (*plot.Plot, *chainMap, error) {
	c := r.Chain
	if len(c.Actors) == 0 {
		return nil, nil, errNoData("chain map")
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
	return p, m, nil
}

type chainMap struct {
	r        *model.Result
	l        lang.Lang
	col, row []float64
	max      float64
}

// mapLabel is a text of the chain map: its style, the point it is drawn
// at (the style's alignment says how) and the rectangle it covers.
type mapLabel struct {
	sty  draw.TextStyle
	at   vg.Point
	text string
	rect vg.Rectangle
	// leader, when its ends differ, is a line from the band to a value
	// placed away from it.
	leader [2]vg.Point
}

// mapFlow is a link's band: where it leaves and enters its boxes, its
// width and the length of its arrow head.
type mapFlow struct {
	from, to vg.Point
	w, head  vg.Length
}

// mapGeometry is where everything of the chain map goes on a canvas:
// boxes with their labels, bands with theirs. Plot draws it; the tests
// check that no label overlaps a box or another label.
type mapGeometry struct {
	boxes     []vg.Rectangle
	boxLabels []mapLabel
	flows     []mapFlow
	// flowLabels holds each link's value; a label that found no free
	// place has empty text (the value is then in the tables only).
	flowLabels []mapLabel
	// services joins each service's box to the middle of each band it
	// serves: from the box's edge that faces the band to the band.
	services [][2]vg.Point
}

// serviceDashes is the dash pattern of the lines that join a service to
// the flows it serves: it handles the product, it is not a flow.
var serviceDashes = []vg.Length{vg.Points(3), vg.Points(2)}

// textRect is the rectangle text covers drawn with sty at pt.
func textRect(sty draw.TextStyle, pt vg.Point, text string) vg.Rectangle {
	w, h := sty.Width(text), sty.Height(text)
	x := pt.X + vg.Length(sty.XAlign)*w
	y := pt.Y + vg.Length(sty.YAlign)*h
	return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
}

// overlaps reports whether two rectangles share more than an edge.
func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// inside reports whether a lies within b.
func inside(a, b vg.Rectangle) bool {
	return a.Min.X >= b.Min.X && a.Max.X <= b.Max.X && a.Min.Y >= b.Min.Y && a.Max.Y <= b.Max.Y
}

// Plot draws the flows as bands, then the boxes, then the flows' values.
func (m *chainMap) Plot(dc draw.Canvas, p *plot.Plot) {
	g := m.geometry(dc, p)
	c := m.r.Chain
	for _, f := range g.flows {
		band(dc, f.from, vg.Point{X: f.to.X - f.head, Y: f.to.Y}, f.w)
		arrowHead(dc, f.to, f.head, f.w/2+vg.Points(2))
	}
	for _, s := range g.services {
		dc.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 70}, Width: vg.Points(1), Dashes: serviceDashes}, s[:])
	}
	dc.SetLineDash(nil, 0) // the boxes' edges are solid
	for i := range c.Actors {
		fill := color.NRGBA{R: 230, G: 159, B: 0, A: 70}
		switch c.Actors[i].Kind {
		case valuechain.Household:
			fill = color.NRGBA{R: 0, G: 158, B: 115, A: 70}
		case valuechain.Service:
			fill = color.NRGBA{R: 204, G: 121, B: 167, A: 70}
		}
		rect := g.boxes[i]
		dc.SetColor(color.White)
		dc.Fill(rect.Path())
		dc.SetColor(fill)
		dc.Fill(rect.Path())
		dc.SetColor(color.Gray{Y: 80})
		dc.SetLineWidth(vg.Points(0.6))
		dc.Stroke(rect.Path())
		lb := g.boxLabels[i]
		dc.FillText(lb.sty, lb.at, lb.text)
	}
	for _, lb := range g.flowLabels {
		if lb.text == "" {
			continue
		}
		if lb.leader[0] != lb.leader[1] {
			dc.SetColor(color.Gray{Y: 90})
			dc.SetLineWidth(vg.Points(0.5))
			dc.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 90}, Width: vg.Points(0.5)}, lb.leader[:])
		}
		dc.FillText(lb.sty, lb.at, lb.text)
	}
}

// geometry places the chain map on dc. Text is as large as the space
// between columns and rows allows (7 to 11 points for the boxes), so a
// short chain fills its canvas; names wrap narrower until the boxes leave
// at least 38% of the space between columns to the bands. Each flow's
// value goes in the gap its band crosses, on one line or two, above or
// below the band or further up or down, at the first place where it
// overlaps no box and no other value, and shrinks to 6 points before it
// gives up (an unplaced value is left out rather than drawn under a box).
func (m *chainMap) geometry(dc draw.Canvas, p *plot.Plot) *mapGeometry {
	c := m.r.Chain
	trX, trY := p.Transforms(&dc)
	colGap := dc.Max.X - dc.Min.X
	if p.X.Max-p.X.Min > 1.2 {
		colGap = trX(1) - trX(0)
	}
	rowGap := dc.Max.Y - dc.Min.Y
	if p.Y.Max-p.Y.Min > 1.2 {
		rowGap = trY(1) - trY(0)
	}
	label := func(width int) []string {
		labels := make([]string, len(c.Actors))
		for i := range c.Actors {
			a := &m.r.Accounts[i]
			labels[i] = m.l.T("map.node", wrap(actorName(c, i, m.l), width), m.l.Count(a.Count, c.Actors[i].Kind == valuechain.Household),
				m.l.Compact(a.ValueAdded)+" "+c.Currency)
		}
		return labels
	}
	var (
		sty        draw.TextStyle
		boxW, boxH vg.Length
		labels     []string
	)
	measure := func(size vg.Length, width int) {
		sty = draw.TextStyle{Color: color.Black, Font: font.From(Sans, size), Handler: plot.DefaultTextHandler,
			XAlign: draw.XCenter, YAlign: draw.YCenter}
		labels = label(width)
		boxW, boxH = 0, 0
		for _, lb := range labels {
			boxW = max(boxW, sty.Width(lb)+vg.Points(8))
			boxH = max(boxH, sty.Height(lb)+vg.Points(6))
		}
	}
	fits := func() bool { return boxW <= 0.62*colGap && boxH <= 0.75*rowGap }
	done := false
	for size := vg.Length(11); size >= 7 && !done; size-- {
		for _, width := range []int{18, 14, 11} {
			if measure(size, width); fits() {
				done = true
				break
			}
		}
	}
	if !done {
		// Text below 7 points is unreadable on a projector: the boxes
		// keep 7 points and the narrowest wrapping, however wide.
		measure(7, 11)
	}
	g := &mapGeometry{}
	for i := range c.Actors {
		ctr := vg.Point{X: trX(m.col[i]), Y: trY(m.row[i])}
		g.boxes = append(g.boxes, vg.Rectangle{Min: vg.Point{X: ctr.X - boxW/2, Y: ctr.Y - boxH/2}, Max: vg.Point{X: ctr.X + boxW/2, Y: ctr.Y + boxH/2}})
		g.boxLabels = append(g.boxLabels, mapLabel{sty: sty, at: ctr, text: labels[i], rect: textRect(sty, ctr, labels[i])})
	}
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
		_, i := c.Actor(l.From)
		_, j := c.Actor(l.To)
		w := width[li]
		g.flows = append(g.flows, mapFlow{
			from: vg.Point{X: trX(m.col[i]) + boxW/2, Y: trY(m.row[i]) + out[li]},
			to:   vg.Point{X: trX(m.col[j]) - boxW/2, Y: trY(m.row[j]) + in[li]},
			w:    w, head: vg.Points(5) + w/4,
		})
	}
	// Services: a line from the box to the middle of each band it serves.
	for li, l := range c.Links {
		f := g.flows[li]
		mid := vg.Point{X: (f.from.X + f.to.X - f.head) / 2, Y: (f.from.Y + f.to.Y) / 2}
		for _, id := range l.Services {
			_, s := c.Actor(id)
			b := g.boxes[s]
			from := vg.Point{X: (b.Min.X + b.Max.X) / 2, Y: b.Max.Y}
			to := vg.Point{X: mid.X, Y: mid.Y - f.w/2} // the band's near edge
			switch {
			case mid.Y < b.Min.Y:
				from.Y, to.Y = b.Min.Y, mid.Y+f.w/2
			case mid.Y <= b.Max.Y:
				from, to = vg.Point{X: b.Max.X, Y: (b.Min.Y + b.Max.Y) / 2}, mid
			}
			g.services = append(g.services, [2]vg.Point{from, to})
		}
	}
	// The flows' values, the widest bands first (they get the best places).
	order := make([]int, len(c.Links))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return width[order[a]] > width[order[b]] })
	area := vg.Rectangle{Min: dc.Min, Max: dc.Max}
	for size := max(sty.Font.Size-2, 6); size >= 6; size -= 0.5 {
		small := draw.TextStyle{Color: color.Gray{Y: 60}, Font: font.From(Sans, size), Handler: plot.DefaultTextHandler,
			XAlign: draw.XCenter, YAlign: draw.YBottom}
		g.flowLabels = make([]mapLabel, len(c.Links))
		all := true
		for _, li := range order {
			lb, ok := m.placeValue(g, small, li, area)
			g.flowLabels[li] = lb
			all = all && ok
		}
		if all {
			break
		}
	}
	return g
}

// placeValue finds a place for link li's value in the gap its band
// crosses, free of boxes and of the values placed so far.
func (m *chainMap) placeValue(g *mapGeometry, sty draw.TextStyle, li int, area vg.Rectangle) (mapLabel, bool) {
	c := m.r.Chain
	f := g.flows[li]
	value := m.l.Compact(m.r.Flows[li].Value)
	texts := []string{value + " " + c.Currency, value + "\n" + c.Currency}
	x := (f.from.X + f.to.X - f.head) / 2
	mid := (f.from.Y + f.to.Y) / 2
	gap := vg.Points(1)
	// Above the band, below it, then further away 2 points at a time:
	// where the gap between the boxes is narrower than the value, it goes
	// above or below the boxes, with a leader line to its band.
	for d := vg.Length(0); d <= vg.Points(80); d += vg.Points(2) {
		for _, text := range texts {
			h := sty.Height(text)
			for _, y := range []vg.Length{mid + f.w/2 + gap + d, mid - f.w/2 - gap - h - d} {
				at := vg.Point{X: x, Y: y}
				r := textRect(sty, at, text)
				if !inside(r, area) || m.blocked(g, r) {
					continue
				}
				lb := mapLabel{sty: sty, at: at, text: text, rect: r}
				if d > vg.Points(3) {
					lb.leader = [2]vg.Point{{X: x, Y: mid}, {X: x, Y: r.Min.Y}}
					if y < mid {
						lb.leader[1].Y = r.Max.Y
					}
				}
				return lb, true
			}
		}
	}
	return mapLabel{sty: sty}, false
}

// blocked reports whether r, with a margin of 1.5 points, overlaps a box
// or a value placed before.
func (m *chainMap) blocked(g *mapGeometry, r vg.Rectangle) bool {
	pad := vg.Points(1.5)
	r = vg.Rectangle{Min: vg.Point{X: r.Min.X - pad, Y: r.Min.Y - pad}, Max: vg.Point{X: r.Max.X + pad, Y: r.Max.Y + pad}}
	for _, b := range g.boxes {
		if overlaps(r, b) {
			return true
		}
	}
	for _, lb := range g.flowLabels {
		if lb.text != "" && overlaps(r, lb.rect) {
			return true
		}
	}
	return false
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
		label := strings.ReplaceAll(l.T("map.node", a.NameIn(l), l.Count(acc.Count, a.Kind == valuechain.Household), l.Thousands(acc.ValueAdded)+" "+c.Currency), "\n", "\\n")
		fmt.Fprintf(&b, "  %q [label=\"%s\", fillcolor=%q];\n", a.ID, strings.ReplaceAll(label, `"`, `\"`), fill)
	}
	for li, lk := range c.Links {
		f := r.Flows[li]
		w := 1.0
		if maxV > 0 {
			w += 9 * f.Value / maxV
		}
		fmt.Fprintf(&b, "  %q -> %q [penwidth=%.2f, label=%q];\n", lk.From, lk.To, w, l.Thousands(f.Value)+" "+c.Currency)
		for _, s := range lk.Services {
			// A service is paid by the buyer for handling the link's product.
			fmt.Fprintf(&b, "  %q -> %q [style=dashed, arrowhead=none];\n", s, lk.To)
		}
	}
	b.WriteString("}\n")
	return b.String()
}
