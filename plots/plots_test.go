package plots

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/cmpimg"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/golden")

// charts draws every chart of the test village and its two scenarios.
func charts(t *testing.T, l lang.Lang) []Chart {
	t.Helper()
	c, err := valuechain.Load("testdata/village.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Load("testdata/village-scenarios.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := scenarios.Validate(f, c, "village-scenarios"); err != nil {
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
	cs, err := BaselineCharts(r, l)
	if err != nil {
		t.Fatal(err)
	}
	more, err := ScenarioCharts(cmp, l, c.Currency)
	if err != nil {
		t.Fatal(err)
	}
	return append(cs, more...)
}

// TestGoldenCharts compares every chart, in English and Russian, with the
// images in testdata/golden (go test ./plots -update rewrites them).
func TestGoldenCharts(t *testing.T) {
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		cs := charts(t, l)
		if len(cs) != 10 {
			t.Errorf("%s: %d charts, want 10", l, len(cs))
		}
		for _, c := range cs {
			var buf bytes.Buffer
			if err := Write(&buf, c.Plot, SourceLine(l, "Test village", "village-scenarios.toml", 1), "png"); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", c.Name+"_"+string(l)+".png")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./plots -update to create it)", err)
			}
			ok, err := cmpimg.EqualApprox("png", buf.Bytes(), want, 0.01)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				got := strings.TrimSuffix(golden, ".png") + ".got.png"
				os.WriteFile(got, buf.Bytes(), 0o644)
				t.Errorf("%s differs from %s (see %s)", c.Name, golden, got)
			}
		}
	}
}

// TestFormats writes a chart in each format, Cyrillic included.
func TestFormats(t *testing.T) {
	cs := charts(t, lang.RU)
	dir := t.TempDir()
	for _, ext := range []string{"png", "svg", "pdf"} {
		path := filepath.Join(dir, "map."+ext)
		if err := Save(cs[0].Plot, "Источник", path); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) < 1000 {
			t.Errorf("%s: %d bytes, %v", ext, len(data), err)
		}
		if ext == "svg" && !strings.Contains(string(data), "Карта цепочки") {
			t.Error("the SVG lacks its Russian title")
		}
		// gonum/plot's PDF fonts are Windows-1252 only: Russian charts
		// become a page holding the drawn chart.
		if ext == "pdf" && (!strings.HasPrefix(string(data), "%PDF-1.4") || !strings.Contains(string(data), "/Subtype /Image")) {
			t.Error("the Russian PDF is not the raster page")
		}
	}
	if err := Save(cs[0].Plot, "", filepath.Join(dir, "map.gif")); err == nil || !strings.Contains(err.Error(), "unknown chart format") {
		t.Errorf("gif: %v", err)
	}
}

// TestEnglishPDFIsVector: an English chart keeps gonum's vector PDF.
func TestEnglishPDFIsVector(t *testing.T) {
	cs := charts(t, lang.EN)
	var buf bytes.Buffer
	if err := Write(&buf, cs[1].Plot, "Source", "pdf"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "/Subtype /Image") || !strings.HasPrefix(buf.String(), "%PDF") {
		t.Error("the English PDF is not a vector PDF")
	}
}

func TestDot(t *testing.T) {
	c, _ := valuechain.Load("testdata/village.toml")
	r, _ := model.Simulate(c, model.Options{Seed: 1})
	dot := Dot(r, lang.EN)
	for _, s := range []string{"digraph chain", `"farm" -> "trader"`, "penwidth=10.00", "400 households", "2 firms"} {
		if !strings.Contains(dot, s) {
			t.Errorf("dot lacks %q:\n%s", s, dot)
		}
	}
}
