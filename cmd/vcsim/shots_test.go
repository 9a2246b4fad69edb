package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/ilo-rma/vcsim/plots"
)

// TestChartsBeforeAndAfter draws the cotton example's charts in English
// and Russian, as `vcsim plot` does, next to the pictures drawn before the
// work on charts (docs/screenshots/before, commit f7790bb), and prints the
// path of each picture before and after, to look at them side by side
// (VCSIM_SHOTS keeps the pictures after). Every chart drawn before is
// still drawn, at the default size, and the charts whose legends, names
// or marks changed are not the same picture any more.
func TestChartsBeforeAndAfter(t *testing.T) {
	out := os.Getenv("VCSIM_SHOTS")
	if out == "" {
		out = t.TempDir()
	}
	changed := map[string]bool{"chain_map": true, "scenario_children": true, "scenario_income": true,
		"scenario_paths": true, "income_distribution": true}
	for _, lang := range []string{"en", "ru"} {
		dir := filepath.Join(out, "charts-"+lang)
		if _, errOut, status := vcsim(t, "plot", "--lang", lang, "--out", dir, "--quiet", "--force"); status != 0 {
			t.Fatalf("plot --lang %s: %s", lang, errOut)
		}
		before, err := filepath.Glob(filepath.Join("..", "..", "docs", "screenshots", "before", lang, "*.png"))
		if err != nil || len(before) < 10 {
			t.Fatalf("%s: %d pictures before (%v)", lang, len(before), err)
		}
		for _, b := range before {
			name := strings.TrimSuffix(filepath.Base(b), ".png")
			a := filepath.Join(dir, name+".png")
			t.Logf("%s %s: before %s, after %s", lang, name, filepath.Join("docs", "screenshots", "before", lang, name+".png"), a)
			after, err := os.ReadFile(a)
			if err != nil {
				t.Errorf("%s: %s was drawn before and is not now: %v", lang, name, err)
				continue
			}
			img, err := png.Decode(bytes.NewReader(after))
			if err != nil {
				t.Errorf("%s: %s: %v", lang, a, err)
				continue
			}
			w, h := float64(plots.Width/vg.Inch)*plots.DPI, float64(plots.Height/vg.Inch)*plots.DPI
			if sz := img.Bounds().Size(); float64(sz.X) < w-1 || float64(sz.X) > w+1 || float64(sz.Y) < h-1 || float64(sz.Y) > h+1 {
				t.Errorf("%s: %s is %v, want %.0f x %.0f", lang, a, sz, w, h)
			}
			old, err := os.ReadFile(b)
			if err != nil {
				t.Fatal(err)
			}
			if changed[name] && bytes.Equal(old, after) {
				t.Errorf("%s: %s is the picture drawn before", lang, name)
			}
		}
	}
}
