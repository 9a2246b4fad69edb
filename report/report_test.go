package report

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// build writes the report of the test village and its scenarios.
func build(t *testing.T, l lang.Lang) ([]byte, int) {
	t.Helper()
	c, err := valuechain.Load("testdata/village.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Load("testdata/village-scenarios.toml")
	if err != nil {
		t.Fatal(err)
	}
	return writeReport(t, c, f, l, "village.toml", "village-scenarios.toml", false)
}

// writeReport compares the scenarios of f on chain c (seed 1) and writes
// the report with every chart, the PAM's too when pam is true; it returns
// the HTML and the number of charts.
func writeReport(t *testing.T, c *valuechain.Chain, f *scenarios.File, l lang.Lang, chainFile, scenFile string, withPAM bool) ([]byte, int) {
	t.Helper()
	if err := scenarios.Validate(f, c, scenFile); err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := scenarios.Compare(c, f, 0, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := plots.BaselineCharts(r, l)
	if err != nil {
		t.Fatal(err)
	}
	more, err := plots.ScenarioCharts(cmp, l, c.Currency)
	if err != nil {
		t.Fatal(err)
	}
	cs = append(cs, more...)
	if withPAM {
		if rows, total, err := pam.Compute(r); err == nil {
			if p, err := plots.PAMChart(append(rows, total), l, c.Currency); err == nil {
				cs = append(cs, plots.Chart{Name: "pam", Plot: p})
			}
		}
	}
	var buf bytes.Buffer
	in := Input{Lang: l, Chain: c, ChainFile: chainFile, ScenarioFile: scenFile, Seed: 1, Base: r, Comparison: cmp, Scenarios: f,
		Charts: cs, Source: plots.SourceLine(l, c.NameIn(l), scenFile, 1)}
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), len(cs)
}

var external = regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?\s*(https?:|//)|@import`)

// TestWellFormed: in both languages the report is well-formed (it parses
// as XML), has one inline SVG per chart, no external URL, every section,
// and numbers in the language's format.
func TestWellFormed(t *testing.T) {
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		html, charts := build(t, l)
		dec := xml.NewDecoder(bytes.NewReader(html))
		ids := map[string]bool{}
		svgs := 0
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v", l, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if se.Name.Local == "svg" {
					svgs++
				}
				for _, a := range se.Attr {
					if a.Name.Local == "id" {
						ids[a.Value] = true
					}
				}
			}
		}
		if svgs != charts || charts != 10 {
			t.Errorf("%s: %d inline SVGs for %d charts, want 10 each", l, svgs, charts)
		}
		if m := external.Find(html); m != nil {
			t.Errorf("%s: external URL %q", l, m)
		}
		for _, id := range Sections {
			if !ids[id] {
				t.Errorf("%s: section %q is missing", l, id)
			}
		}
		text := string(html)
		want := map[lang.Lang][]string{
			lang.EN: {"Rapid market assessment: Test village", "Value added", "Cash transfer", "Evidence", "Poverty line ("},
			lang.RU: {"Быстрая оценка рынка: Test village", "Добавленная стоимость", "Данные исследований", "Безусловные денежные трансферты", "за чертой бедности"},
		}
		for _, s := range want[l] {
			if !strings.Contains(text, s) {
				t.Errorf("%s: the report lacks %q", l, s)
			}
		}
		if l == lang.RU && !strings.Contains(text, "\u202f") {
			t.Error("ru: no Russian thousands separator")
		}
	}
}

// TestInBrowser renders the report with headless Chromium to a PDF and a
// PNG and checks that they are not blank. It needs Debian's chromium
// (.ci/run installs it); without it the test is skipped, except on CI.
func TestInBrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed on CI: .ci/run should install it")
		}
		t.Skip("chromium is not installed")
	}
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		dir := t.TempDir()
		html, _ := build(t, l)
		page := filepath.Join(dir, "report.html")
		if err := os.WriteFile(page, html, 0o644); err != nil {
			t.Fatal(err)
		}
		pdf, shot := filepath.Join(dir, "report.pdf"), filepath.Join(dir, "report.png")
		for _, out := range []string{"--print-to-pdf=" + pdf, "--screenshot=" + shot} {
			cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir="+filepath.Join(dir, "profile"+out[2:4]), "--no-pdf-header-footer",
				"--window-size=1000,1400", out, "file://"+page)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: chromium: %v\n%s", l, err, b)
			}
		}
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if pages := bytes.Count(data, []byte("/Type /Page\n")) + bytes.Count(data, []byte("/Type /Page/")) + bytes.Count(data, []byte("/Type /Page ")); len(data) < 50000 || pages < 2 {
			t.Errorf("%s: PDF of %d bytes and %d pages", l, len(data), pages)
		}
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if ink := inked(img); ink < 0.02 {
			t.Errorf("%s: the screenshot is blank (%.4f of its pixels are not white)", l, ink)
		}
	}
}

// inked returns the share of pixels that are not near white.
func inked(img image.Image) float64 {
	b := img.Bounds()
	n, ink := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			n++
			if r < 0xe000 || g < 0xe000 || bl < 0xe000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(n)
}
