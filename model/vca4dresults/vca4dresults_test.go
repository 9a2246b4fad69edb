package vca4dresults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestReproducesStudies: the imported chain's total value added is the
// study's sum of directAddedValue (x currencyRatio) within 0.5%, and each
// actor's within 1%, as is its net operating profit.
func TestReproducesStudies(t *testing.T) {
	for _, path := range studies(t) {
		s, im := imported(t, path)
		rec, err := Reconcile(s, im)
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		for _, a := range s.EcoData.Actors {
			if a.Economic() {
				sum += *a.DirectAddedValue * s.CurrencyRatio
			}
		}
		if math.Abs(rec.VA-sum) > 0.005*math.Abs(sum) {
			t.Errorf("%s: total value added %g, study %g", path, rec.VA, sum)
		}
		for _, l := range rec.Lines {
			if math.Abs(l.VA-l.StudyVA) > 0.01*math.Abs(l.StudyVA) {
				t.Errorf("%s, %s: value added %g, study %g", path, l.Actor, l.VA, l.StudyVA)
			}
			if math.Abs(l.NOP-l.StudyNOP) > 0.01*math.Abs(l.StudyNOP)+1e-6 {
				t.Errorf("%s, %s: net operating profit %g, study %g", path, l.Actor, l.NOP, l.StudyNOP)
			}
		}
		r, err := model.Simulate(im.Chain, model.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(1e-9); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// TestRoundTrip: import, export, import again gives the same chain.
func TestRoundTrip(t *testing.T) {
	for _, path := range studies(t) {
		_, im := imported(t, path)
		again := roundTrip(t, im.Chain)
		if diff := compare(im.Chain, again); diff != "" {
			t.Errorf("%s: the chain changed on the round trip: %s", path, diff)
		}
	}
}

// TestExportExample: a vcsim example chain exports to a study that imports
// back into a chain with the same value added, actor by actor.
func TestExportExample(t *testing.T) {
	data, _ := examples.Chain("cotton-tajikistan")
	c, err := valuechain.Parse(data, "cotton")
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := reparse(t, Export(r))
	im, err := vca4d.Import(s)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := model.Simulate(im.Chain, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Accounts {
		if math.Abs(r2.Accounts[i].ValueAdded-a.ValueAdded) > 1e-9*math.Abs(a.ValueAdded) {
			t.Errorf("%s: value added %g after export and import, %g before", a.Actor, r2.Accounts[i].ValueAdded, a.ValueAdded)
		}
	}
}

// roundTrip exports a chain's baseline, writes and reads the study as
// JSON, and imports it again.
func roundTrip(t *testing.T, c *valuechain.Chain) *valuechain.Chain {
	t.Helper()
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	im, err := vca4d.Import(reparse(t, Export(r)))
	if err != nil {
		t.Fatal(err)
	}
	return im.Chain
}

func reparse(t *testing.T, s *vca4d.Study) *vca4d.Study {
	t.Helper()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatal(err)
	}
	s2, err := vca4d.Parse(buf.Bytes(), "exported.json")
	if err != nil {
		t.Fatal(err)
	}
	return s2
}

// compare returns where two chains differ beyond a relative 1e-9, or "".
func compare(a, b *valuechain.Chain) string {
	var x, y any
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	json.Unmarshal(ja, &x)
	json.Unmarshal(jb, &y)
	return diff("chain", x, y)
}

func diff(path string, x, y any) string {
	switch xv := x.(type) {
	case map[string]any:
		yv, ok := y.(map[string]any)
		if !ok || len(xv) != len(yv) {
			return fmt.Sprintf("%s: %v != %v", path, x, y)
		}
		for k := range xv {
			if d := diff(path+"."+k, xv[k], yv[k]); d != "" {
				return d
			}
		}
	case []any:
		yv, ok := y.([]any)
		if !ok || len(xv) != len(yv) {
			return fmt.Sprintf("%s: %d != %d elements", path, len(xv), len(yv))
		}
		for i := range xv {
			if d := diff(fmt.Sprintf("%s[%d]", path, i), xv[i], yv[i]); d != "" {
				return d
			}
		}
	case float64:
		yv, ok := y.(float64)
		if !ok || math.Abs(xv-yv) > 1e-9*math.Max(1, math.Abs(xv)) {
			return fmt.Sprintf("%s: %v != %v", path, x, y)
		}
	default:
		if x != y {
			return fmt.Sprintf("%s: %v != %v", path, x, y)
		}
	}
	return ""
}

// TestCompareDetectsChange keeps the round-trip comparison honest.
func TestCompareDetectsChange(t *testing.T) {
	_, im := imported(t, testdata+"cocoa-ecuador-eco.json")
	d := im.Chain.Clone()
	d.Links[2].Share *= 1 + 1e-6
	if compare(im.Chain, d) == "" {
		t.Error("a change of a link share went unnoticed")
	}
}

// FuzzParseImport: no study text makes vca4d.Parse, vca4d.Import or Reconcile panic.
func FuzzParseImport(f *testing.F) {
	fs, _ := filepath.Glob(testdata + "*.json")
	for _, p := range fs {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := vca4d.Parse(data, "fuzz.json")
		if err != nil {
			return
		}
		im, err := vca4d.Import(s)
		if err != nil {
			return
		}
		if _, err := Reconcile(s, im); err != nil {
			t.Fatalf("imported chain does not run: %v", err)
		}
	})
}

// testdata is where the five real studies are kept.
const testdata = "../../valuechain/vca4d/testdata/"

func studies(t *testing.T) []string {
	fs, err := filepath.Glob(testdata + "*.json")
	if err != nil || len(fs) != 5 {
		t.Fatalf("want the five studies in %s, got %v (%v)", testdata, fs, err)
	}
	return fs
}

func imported(t *testing.T, path string) (*vca4d.Study, *vca4d.Result) {
	t.Helper()
	s, err := vca4d.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	im, err := vca4d.Import(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, im
}
