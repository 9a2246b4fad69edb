package plots

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Limits of fitLabels: labels may shrink from their style's size down to
// minLabelSize points, and take at most maxLabelLines lines.
const (
	minLabelSize  = 7
	maxLabelLines = 4
)

// fitLabels makes names fit a space width wide at the text style sty,
// measured with the chart's font: it wraps each name at spaces into at
// most maxLabelLines lines no wider than width; when a name does not fit
// it shrinks sty's font, a step at a time, down to minLabelSize points;
// only a name that still does not fit is cut, with "…" and a mark "(1)",
// "(2)"..., and its full name is written in a key under the chart's X
// axis. It returns the names to draw, and sets sty's font size to the one
// they fit at.
func fitLabels(p *plot.Plot, sty *draw.TextStyle, names []string, width vg.Length) []string {
	out := make([]string, len(names))
	fits := make([]bool, len(names))
	for size := sty.Font.Size; ; size -= 0.5 {
		s := *sty
		s.Font.Size = size
		all := true
		for i, n := range names {
			out[i], fits[i] = wrapWidth(n, s, width)
			all = all && fits[i]
		}
		if all || size-0.5 < minLabelSize {
			sty.Font.Size = size
			break
		}
	}
	var key []string
	for i, n := range names {
		if fits[i] {
			continue
		}
		key = append(key, n)
		out[i] = cut(n, *sty, width, fmt.Sprintf(" (%d)", len(key)))
	}
	if len(key) > 0 {
		var b strings.Builder
		b.WriteString(p.X.Label.Text)
		for i, n := range key {
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "(%d) %s", i+1, n)
		}
		p.X.Label.Text = b.String()
	}
	return out
}

// wrapWidth wraps s at spaces into lines no wider than width at sty, and
// reports whether it fits in maxLabelLines lines with no word wider than
// width.
func wrapWidth(s string, sty draw.TextStyle, width vg.Length) (string, bool) {
	ok := true
	for _, w := range strings.Fields(s) {
		for _, piece := range hyphenPieces(w) {
			if sty.Width(piece) > width {
				ok = false
			}
		}
	}
	lines := wrapLines(s, func(line string) bool { return sty.Width(line) <= width })
	return strings.Join(lines, "\n"), ok && len(lines) <= maxLabelLines
}

// cut returns s wrapped at spaces into lines no wider than width at
// sty, ending with "…" and mark where it stops: after maxLabelLines
// lines, or at the first word wider than width, which is shortened.
func cut(s string, sty draw.TextStyle, width vg.Length, mark string) string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		if sty.Width(w) > width {
			lines, cur = append(lines, strings.TrimSpace(cur+" "+w)), ""
			break
		}
		if cur != "" && sty.Width(cur+" "+w) > width {
			lines, cur = append(lines, cur), w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	lines = lines[:min(len(lines), maxLabelLines)]
	last := []rune(lines[len(lines)-1])
	for len(last) > 0 && sty.Width(string(last)+"…"+mark) > width {
		last = last[:len(last)-1]
	}
	lines[len(lines)-1] = strings.TrimSpace(string(last)) + "…" + mark
	return strings.Join(lines, "\n")
}

// slotWidth is the width of one of n categories on a nominal X axis of a
// chart of the default size (the smallest of Sizes), less a gap between
// neighbours' labels.
func slotWidth(n int) vg.Length {
	data := Sizes["default"].W - 2.4*vg.Centimeter // less the Y axis, its labels and margins
	return data/vg.Length(n) - vg.Points(1)
}

// fitX fits names to the categories of p's nominal X axis (see fitLabels).
func fitX(p *plot.Plot, names []string) []string {
	return fitLabels(p, &p.X.Tick.Label, names, slotWidth(len(names)))
}

// fitY fits names to width on p's nominal Y axis (see fitLabels).
func fitY(p *plot.Plot, names []string, width vg.Length) []string {
	return fitLabels(p, &p.Y.Tick.Label, names, width)
}
