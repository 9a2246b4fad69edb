// Package plots draws vcsim's charts with gonum/plot: the chain map, value
// added and the price build-up, employment and child labour, and the
// comparison of scenarios. Each chart is a function from results to a
// *plot.Plot; Save writes it as PNG, SVG or PDF by the file's extension,
// with a source line under it. Labels come from the message catalogue
// (package lang) in English or Russian.
package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/outfile"
)

// Palette is the Okabe-Ito colour-blind-safe palette.
var Palette = []color.Color{
	color.NRGBA{0, 114, 178, 255},   // blue
	color.NRGBA{230, 159, 0, 255},   // orange
	color.NRGBA{0, 158, 115, 255},   // bluish green
	color.NRGBA{213, 94, 0, 255},    // vermillion
	color.NRGBA{86, 180, 233, 255},  // sky blue
	color.NRGBA{204, 121, 167, 255}, // reddish purple
	color.NRGBA{240, 228, 66, 255},  // yellow
	color.NRGBA{0, 0, 0, 255},       // black
}

// colour returns the i-th colour of the palette, cycling.
func colour(i int) color.Color { return Palette[i%len(Palette)] }

// Sans is the sans-serif face of every chart; Liberation Sans ships inside
// gonum/plot and has Cyrillic.
var Sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

func init() {
	plot.DefaultFont = Sans
	plotter.DefaultFont = Sans
}

// Size of charts: 16 x 10 cm, for slides and A4 pages.
const (
	Width  = 16 * vg.Centimeter
	Height = 10 * vg.Centimeter
	// DPI of PNG charts: sharp on slides and in print.
	DPI = 200
)

// newPlot returns a plot with vcsim's style and a title.
func newPlot(title string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 13
	p.Title.Padding = vg.Points(6)
	p.X.Label.TextStyle.Font.Size = 10
	p.Y.Label.TextStyle.Font.Size = 10
	p.X.Tick.Label.Font.Size = 9
	p.Y.Tick.Label.Font.Size = 9
	p.Legend.TextStyle.Font.Size = 9
	p.Legend.Top = true
	return p
}

// ticker labels ticks with the language's thousands separator (and as
// percentages when pct).
type ticker struct {
	l   lang.Lang
	pct bool
}

// Ticks returns gonum's default ticks with vcsim's labels, with as few
// decimals as the major ticks need.
func (t ticker) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	scale := 1.0
	if t.pct {
		scale = 100
	}
	dec := 0
	for ; dec < 4; dec++ {
		ok := true
		for _, tk := range ts {
			v := tk.Value * scale * math.Pow(10, float64(dec))
			if tk.Label != "" && math.Abs(v-math.Round(v)) > 1e-6*math.Max(1, math.Abs(v)) {
				ok = false
			}
		}
		if ok {
			break
		}
	}
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = t.l.Number(ts[i].Value*scale, dec)
		}
	}
	return ts
}

// Size is the width and height of a chart.
type Size struct{ W, H vg.Length }

// Sizes of charts by name: the default for reports and the workshop page,
// an A4 page's text width, and a 16:9 slide.
var Sizes = map[string]Size{
	"default": {Width, Height},
	"a4":      {17 * vg.Centimeter, 11 * vg.Centimeter},
	"slide":   {25.4 * vg.Centimeter, 14.2875 * vg.Centimeter},
}

// ParseSize reads a chart size: "default", "a4", "slide", or width x
// height in centimetres ("20x12", "20.5x12"), each from 5 to 60 cm.
func ParseSize(s string) (Size, error) {
	if sz, ok := Sizes[strings.ToLower(s)]; ok {
		return sz, nil
	}
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if ok {
		w, errW := strconv.ParseFloat(strings.TrimSpace(ws), 64)
		h, errH := strconv.ParseFloat(strings.TrimSpace(hs), 64)
		if errW == nil && errH == nil && w >= 5 && w <= 60 && h >= 5 && h <= 60 {
			return Size{vg.Length(w) * vg.Centimeter, vg.Length(h) * vg.Centimeter}, nil
		}
	}
	return Size{}, fmt.Errorf("chart size %q: use a4, slide, default, or width x height in cm from 5 to 60 (e.g. 20x12)", s)
}

// Save draws the plot with a source line under it and writes it to path:
// PNG at DPI, SVG or PDF by the extension.
func Save(p *plot.Plot, source, path string) error {
	var b bytes.Buffer
	if err := Write(&b, p, source, strings.TrimPrefix(filepath.Ext(path), ".")); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return outfile.WriteAtomic(path, b.Bytes())
}

// Write draws the plot with its source line as format "png", "svg" or
// "pdf". gonum/plot's PDF backend writes Windows-1252 text only: a chart
// with Cyrillic (or other) text is written as a PDF page holding the chart
// drawn at DPI instead.
func Write(w io.Writer, p *plot.Plot, source, format string) error {
	return WriteSize(w, p, source, format, Sizes["default"])
}

// WriteSize is Write at the given size.
func WriteSize(w io.Writer, p *plot.Plot, source, format string, sz Size) (err error) {
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	switch strings.ToLower(format) {
	case "png":
		img := vgimg.NewWith(vgimg.UseWH(sz.W, sz.H), vgimg.UseDPI(DPI))
		c = vgimg.PngCanvas{Canvas: img}
	case "svg":
		c = vgsvg.NewWith(vgsvg.UseWH(sz.W, sz.H), vgsvg.EmbedFonts(false))
	case "pdf":
		if needsRaster(p, source) {
			return writeRasterPDF(w, p, source, sz)
		}
		defer func() {
			// The PDF backend panics when it cannot write its font files.
			if r := recover(); r != nil {
				err = fmt.Errorf("cannot write the PDF: %v", r)
			}
		}()
		pdf := vgpdf.New(sz.W, sz.H)
		pdf.EmbedFonts(true)
		c = pdf
	default:
		return fmt.Errorf("unknown chart format %q: use png, svg or pdf", format)
	}
	dc := draw.New(c)
	drawWithSource(dc, p, source)
	if strings.EqualFold(format, "svg") {
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return err
		}
		_, err = w.Write(portableSVG(buf.Bytes()))
		return err
	}
	_, err = c.WriteTo(w)
	return err
}

// drawWithSource draws the plot above a small source line.
func drawWithSource(dc draw.Canvas, p *plot.Plot, source string) {
	sty := draw.TextStyle{Color: color.Gray{Y: 90}, Font: font.From(Sans, 7), Handler: plot.DefaultTextHandler}
	strip := sty.Height(source) + vg.Points(4)
	// A small margin left and right keeps the outermost labels off the
	// image's edge.
	p.Draw(draw.Crop(dc, vg.Points(3), -vg.Points(3), strip, 0))
	sty.XAlign = draw.XRight
	dc.FillText(sty, vg.Point{X: dc.Max.X - vg.Points(4), Y: dc.Min.Y + vg.Points(3)}, source)
}

// SourceLine is the small print under a chart.
func SourceLine(l lang.Lang, chain, scenarios string, seed uint64) string {
	if scenarios == "" {
		return l.T("source", chain, seed)
	}
	return l.T("source.scen", chain, scenarios, seed)
}

// smallLabels returns 8-point labels at xys, aligned by xAlign and yAlign
// (draw.XAlignment units) and offset.
func smallLabels(xys plotter.XYs, labels []string, xAlign draw.XAlignment, yAlign draw.YAlignment, offset vg.Point) (*plotter.Labels, error) {
	lab, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
	if err != nil {
		return nil, err
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font.Size = 8
		lab.TextStyle[i].XAlign = xAlign
		lab.TextStyle[i].YAlign = yAlign
	}
	lab.Offset = offset
	return lab, nil
}

// wrap breaks a label into lines of about n characters, for legends and
// the chain map's boxes, which grow to hold them; axis labels are fitted
// to their space by fitLabels.
func wrap(s string, n int) string {
	return strings.Join(wrapLines(s, func(line string) bool { return len([]rune(line)) <= n }), "\n")
}

// wrapLines breaks s into lines at spaces and after the hyphens inside
// words ("Заготовительно-ферментационные"), starting a new line where the
// next piece would make the line not fit; a piece that does not fit alone
// has a line of its own.
func wrapLines(s string, fits func(line string) bool) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		for k, piece := range hyphenPieces(w) {
			next := piece
			if cur != "" {
				sep := " "
				if k > 0 {
					sep = "" // the rest of a hyphenated word
				}
				next = cur + sep + piece
			}
			if cur != "" && !fits(next) {
				lines = append(lines, cur)
				cur = piece
				continue
			}
			cur = next
		}
	}
	return append(lines, cur)
}

// hyphenPieces splits a word after each hyphen inside it: "a-b-c" gives
// "a-", "b-", "c".
func hyphenPieces(w string) []string {
	var out []string
	for {
		i := strings.Index(w, "-")
		if i <= 0 || i == len(w)-1 {
			return append(out, w)
		}
		out, w = append(out, w[:i+1]), w[i+1:]
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
