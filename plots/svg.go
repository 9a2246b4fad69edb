package plots

import (
	"html"
	"regexp"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// fontStack is the CSS font family SVG charts name: Liberation Sans, which
// vcsim measures text with, then fonts of the same metrics on Windows and
// macOS (Arial, Helvetica), then any sans-serif.
const fontStack = "font-family:'Liberation Sans',Arial,Helvetica,sans-serif"

// svgText matches a text element as gonum's SVG canvas writes it: its
// attributes, its style with the font size, and its escaped text.
var (
	svgText     = regexp.MustCompile(`<text ([^>]*?)\s*style="font-family:Liberation Sans;([^"]*)">([^<]*)</text>`)
	svgFontSize = regexp.MustCompile(`font-size:([0-9.]+)px`)
)

// portableSVG makes an SVG chart look the same where Liberation Sans is
// missing: it names the font stack, and gives every text the length vcsim
// measured it at (textLength, with lengthAdjust="spacingAndGlyphs"), so
// that a wider or narrower fallback font is fitted to the same space
// instead of running into its neighbours or off the picture.
func portableSVG(svg []byte) []byte {
	return svgText.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := svgText.FindSubmatch(m)
		fs := svgFontSize.FindSubmatch(sub[2])
		if fs == nil {
			return m
		}
		size, err := strconv.ParseFloat(string(fs[1]), 64)
		if err != nil {
			return m
		}
		text := html.UnescapeString(string(sub[3]))
		sty := draw.TextStyle{Font: font.From(Sans, vg.Length(size)), Handler: plot.DefaultTextHandler}
		w := sty.Width(text)
		out := "<text " + string(sub[1]) + " textLength=\"" + strconv.FormatFloat(float64(w), 'f', 2, 64) + "\" lengthAdjust=\"spacingAndGlyphs\"\n\tstyle=\"" +
			fontStack + ";" + string(sub[2]) + "\">" + string(sub[3]) + "</text>"
		return []byte(out)
	})
}
