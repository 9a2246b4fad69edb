package plots

import (
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestChainMapLabelsFree draws the chain map of every example and of the
// test village, in English and Russian, at every chart size, and checks
// the geometry: every flow's value is placed (none left out), no value
// overlaps a box or another value, every text lies on the canvas, and
// every box's label lies within its box. This is the issue 20 bug: on the
// Russian cotton map "468 млн TJS" was drawn half under the next box and
// read "68 млн TJS".
func TestChainMapLabelsFree(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	files = append(files, "testdata/village.toml", "../model/testdata/porters.toml")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "-scenarios.toml") || strings.HasSuffix(f, "screening-criteria.toml") {
			continue
		}
		c, err := valuechain.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := model.Simulate(c, model.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			for _, size := range []string{"default", "a4", "slide"} {
				p, m, err := newChainMap(r, l)
				if err != nil {
					t.Fatal(err)
				}
				sz := Sizes[size]
				dc := p.DataCanvas(draw.Crop(draw.New(vgimg.New(sz.W, sz.H)), vg.Points(3), -vg.Points(3), vg.Points(12), 0))
				g := m.geometry(dc, p)
				where := filepath.Base(f) + " " + string(l) + " " + size
				area := vg.Rectangle{Min: dc.Min, Max: dc.Max}
				for i, lb := range g.flowLabels {
					if lb.text == "" {
						t.Errorf("%s: link %d's value has no place", where, i)
						continue
					}
					n++
					if !inside(lb.rect, area) {
						t.Errorf("%s: %q is off the canvas", where, lb.text)
					}
					for b, box := range g.boxes {
						if overlaps(lb.rect, box) {
							t.Errorf("%s: %q overlaps box %d", where, lb.text, b)
						}
					}
					for j, other := range g.flowLabels[:i] {
						if other.text != "" && overlaps(lb.rect, other.rect) {
							t.Errorf("%s: %q overlaps %q (link %d)", where, lb.text, other.text, j)
						}
					}
					if lb.sty.Font.Size < 6 {
						t.Errorf("%s: %q at %v pt", where, lb.text, lb.sty.Font.Size.Points())
					}
				}
				for i, lb := range g.boxLabels {
					if !inside(lb.rect, g.boxes[i]) {
						t.Errorf("%s: the label of box %d (%q) runs out of its box", where, i, lb.text)
					}
					for j, box := range g.boxes {
						if j != i && overlaps(g.boxes[i], box) {
							t.Errorf("%s: boxes %d and %d overlap", where, i, j)
						}
					}
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d flow values checked", n)
	}
}

// TestServiceJoinsItsFlow: a service (the porters of
// model/testdata/porters.toml, who carry the wholesaler's goods to the
// stalls) stands in the column of the seller of the link it serves, and a
// line joins its box, from the edge that faces the band, to the band's
// middle (was: an unconnected box).
func TestServiceJoinsItsFlow(t *testing.T) {
	c, err := valuechain.Load("../model/testdata/porters.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	col, _, _, _ := layout(r)
	if col[2] != col[0] {
		t.Errorf("the porters stand in column %v, the wholesaler (whose link they serve) in %v", col[2], col[0])
	}
	p, m, err := newChainMap(r, lang.EN)
	if err != nil {
		t.Fatal(err)
	}
	sz := Sizes["default"]
	dc := p.DataCanvas(draw.Crop(draw.New(vgimg.New(sz.W, sz.H)), vg.Points(3), -vg.Points(3), vg.Points(12), 0))
	g := m.geometry(dc, p)
	if len(g.services) != 1 {
		t.Fatalf("%d service lines, want 1", len(g.services))
	}
	s, box, f := g.services[0], g.boxes[2], g.flows[0]
	if s[0].Y != box.Max.Y || s[0].X != (box.Min.X+box.Max.X)/2 {
		t.Errorf("the line starts at %v, not at the middle of the top of the porters' box %v", s[0], box)
	}
	mid := vg.Point{X: (f.from.X + f.to.X - f.head) / 2, Y: (f.from.Y + f.to.Y) / 2}
	if s[1].X != mid.X || s[1].Y != mid.Y-f.w/2 {
		t.Errorf("the line ends at %v, not at the lower edge of the band's middle %v (width %v)", s[1], mid, f.w)
	}
	if dot := Dot(r, lang.EN); !strings.Contains(dot, `"porters" -> "stalls" [style=dashed, arrowhead=none];`) {
		t.Errorf("the dot map does not join the porters to the stalls:\n%s", dot)
	}
}

// TestOverlaps checks the rectangle arithmetic the test above relies on.
func TestOverlaps(t *testing.T) {
	r := func(x0, y0, x1, y1 vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
	}
	for _, tc := range []struct {
		a, b vg.Rectangle
		want bool
	}{
		{r(0, 0, 10, 10), r(5, 5, 15, 15), true},
		{r(0, 0, 10, 10), r(10, 0, 20, 10), false}, // touching edges
		{r(0, 0, 10, 10), r(2, 2, 3, 3), true},     // inside
		{r(0, 0, 10, 10), r(0, 11, 10, 12), false},
	} {
		if got := overlaps(tc.a, tc.b); got != tc.want {
			t.Errorf("overlaps(%v, %v) = %v", tc.a, tc.b, got)
		}
	}
}
