package plots

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"vcsim/lang"
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
