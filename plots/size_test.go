package plots

import (
	"bytes"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ilo-rma/vcsim/lang"
)

// TestParseSize: named sizes, sizes in centimetres, and the bounds.
func TestParseSize(t *testing.T) {
	cm := vg.Centimeter
	cases := []struct {
		in   string
		want Size
		ok   bool
	}{
		{"default", Size{16 * cm, 10 * cm}, true},
		{"A4", Size{17 * cm, 11 * cm}, true},
		{"slide", Size{25.4 * cm, 14.2875 * cm}, true},
		{"20x12", Size{20 * cm, 12 * cm}, true},
		{"20.5 x 12", Size{20.5 * cm, 12 * cm}, true},
		{"4x12", Size{}, false},
		{"20x61", Size{}, false},
		{"20", Size{}, false},
		{"big", Size{}, false},
	}
	for _, c := range cases {
		got, err := ParseSize(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseSize(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// TestWriteSize: a slide PNG at 200 dpi is 2000 x 1125 pixels (25.4 cm is
// 10 inches), and an SVG names fonts that exist on Windows and macOS too.
func TestWriteSize(t *testing.T) {
	var p *plot.Plot
	for _, c := range charts(t, lang.EN) {
		if c.Name == "value_added" {
			p = c.Plot
		}
	}
	var buf bytes.Buffer
	if err := WriteSize(&buf, p, "source", "png", Sizes["slide"]); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 2000 || b.Dy() != 1125 {
		t.Errorf("slide PNG is %d x %d, want 2000 x 1125", b.Dx(), b.Dy())
	}
	buf.Reset()
	if err := Write(&buf, p, "source", "svg"); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	if !strings.Contains(svg, "font-family:'Liberation Sans',Arial,Helvetica,sans-serif") || strings.Contains(svg, "font-family:Liberation Sans;") {
		t.Error("the SVG does not name a font stack")
	}
}

// TestSVGTextLengths: every text of an SVG chart carries the length vcsim
// measured it at with Liberation Sans, so that a fallback font is fitted to
// it: "R&D costs" is written escaped and measured as it reads. At 10
// points Liberation Sans (metric-compatible with Arial) sets "000" 16.68
// points wide: each digit advances 1139 of 2048 units of the em.
func TestSVGTextLengths(t *testing.T) {
	p := newPlot("R&D costs")
	p.X.Label.Text = "000"
	p.X.Label.TextStyle.Font.Size = 10
	var buf bytes.Buffer
	if err := Write(&buf, p, "source", "svg"); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	texts := regexp.MustCompile(`<text [^>]*textLength="([0-9.]+)" lengthAdjust="spacingAndGlyphs"\s*style="([^"]*)">([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
	if n := strings.Count(svg, "<text "); n == 0 || len(texts) != n {
		t.Fatalf("%d of %d texts carry their length:\n%s", len(texts), n, svg)
	}
	found := map[string]string{}
	for _, m := range texts {
		found[m[3]] = m[1]
		if !strings.HasPrefix(m[2], fontStack+";") {
			t.Errorf("text %q: style %q does not start with the font stack", m[3], m[2])
		}
	}
	if got := found["000"]; got != "16.68" {
		t.Errorf(`"000" at 10 points: textLength %q, want 16.68`, got)
	}
	title := draw.TextStyle{Font: font.From(Sans, p.Title.TextStyle.Font.Size), Handler: plot.DefaultTextHandler}
	if got, want := found["R&amp;D costs"], strconv.FormatFloat(float64(title.Width("R&D costs")), 'f', 2, 64); got != want {
		t.Errorf("title: textLength %q, want %q", got, want)
	}
}
