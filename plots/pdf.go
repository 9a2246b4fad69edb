package plots

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"io"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// needsRaster reports whether the chart has text outside the Windows-1252
// code page, which gonum/plot's PDF backend cannot write (Cyrillic).
func needsRaster(p *plot.Plot, source string) bool {
	var buf bytes.Buffer
	if err := Write(&buf, p, source, "svg"); err != nil {
		return true
	}
	for s := buf.Bytes(); len(s) > 0; {
		r, n := utf8.DecodeRune(s)
		if r > 0xff && r != '…' && r != '–' && r != '—' {
			return true
		}
		s = s[n:]
	}
	return false
}

// writeRasterPDF draws the chart at DPI and writes it as a one-page PDF
// holding that image, so that any script prints correctly.
func writeRasterPDF(w io.Writer, p *plot.Plot, source string, sz Size) error {
	c := vgimg.NewWith(vgimg.UseWH(sz.W, sz.H), vgimg.UseDPI(DPI))
	drawWithSource(draw.New(c), p, source)
	return rasterPDF(w, c.Image(), sz.W.Points(), sz.H.Points())
}

// rasterPDF writes a minimal PDF 1.4 file with one page of wPt x hPt
// points showing img (RGB, Flate-compressed).
func rasterPDF(w io.Writer, img image.Image, wPt, hPt float64) error {
	b := img.Bounds()
	var raw bytes.Buffer
	zw := zlib.NewWriter(&raw)
	row := make([]byte, 0, 3*b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row = row[:0]
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			row = append(row, byte(r>>8), byte(g>>8), byte(bl>>8))
		}
		if _, err := zw.Write(row); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", wPt, hPt)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>", wPt, hPt),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", b.Dx(), b.Dy(), raw.Len(), raw.Bytes()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	_, err := w.Write(out.Bytes())
	return err
}
