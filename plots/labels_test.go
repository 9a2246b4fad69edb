package plots

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestFitLabels: names are wrapped to the width measured with the chart's
// font; the font shrinks before anything is cut; a name that cannot fit at
// the smallest size is cut with a numbered mark and written in full in the
// key under the X axis; no line drawn is wider than the space.
func TestFitLabels(t *testing.T) {
	const long = "Заготовительно-ферментационные компании и их поставщики"
	for _, c := range []struct {
		name     string
		names    []string
		width    vg.Length
		wantSize vg.Length
		wantKey  string
		want     []string
	}{
		{"fits as it is", []string{"baseline", "Cash transfer"}, 80, 9, "", []string{"baseline", "Cash transfer"}},
		{"wraps at spaces", []string{"Safe work and mechanised weeding"}, 60, 9, "", []string{"Safe work and\nmechanised\nweeding"}},
		{"breaks after a hyphen", []string{"Заготовительно-ферментационные компании"}, 100, 9, "", []string{"Заготовительно-\nферментационные\nкомпании"}},
		{"shrinks before it cuts", []string{"Хлопкоочистительные заводы"}, 80, 7.5, "", []string{"Хлопкоочистительные\nзаводы"}},
		{"cuts at the smallest size, with a key", []string{"baseline", long}, 60, minLabelSize, "(1) " + long, nil},
	} {
		p := newPlot("t")
		got := fitLabels(p, &p.X.Tick.Label, c.names, c.width)
		sty := p.X.Tick.Label
		if sty.Font.Size != c.wantSize {
			t.Errorf("%s: font size %v, want %v", c.name, sty.Font.Size, c.wantSize)
		}
		if p.X.Label.Text != c.wantKey {
			t.Errorf("%s: key %q, want %q", c.name, p.X.Label.Text, c.wantKey)
		}
		if c.want != nil && strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		for _, g := range got {
			lines := strings.Split(g, "\n")
			if len(lines) > maxLabelLines {
				t.Errorf("%s: %q has %d lines", c.name, g, len(lines))
			}
			for _, line := range lines {
				if w := sty.Width(line); w > c.width {
					t.Errorf("%s: line %q is %v wide, more than %v", c.name, line, w, c.width)
				}
			}
		}
		if c.wantKey != "" && !strings.HasSuffix(got[1], "… (1)") {
			t.Errorf("%s: cut name %q does not end in the key's mark", c.name, got[1])
		}
	}
}
