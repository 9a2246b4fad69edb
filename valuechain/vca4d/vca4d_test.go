package vca4d

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

func studies(t *testing.T) []string {
	fs, err := filepath.Glob("testdata/*.json")
	if err != nil || len(fs) != 5 {
		t.Fatalf("want the five studies in testdata, got %v (%v)", fs, err)
	}
	return fs
}

func imported(t *testing.T, path string) (*Study, *Result) {
	t.Helper()
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	im, err := Import(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, im
}

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

// TestPriceRatios: the chain carries the study's farm-to-final price
// comparisons, with the same ratios.
func TestPriceRatios(t *testing.T) {
	for _, path := range studies(t) {
		s, im := imported(t, path)
		got := im.Chain.PriceRatios
		want := s.EcoData.FarmToFinalPricesRatio
		if len(got) != len(want) {
			t.Fatalf("%s: %d price ratios, study %d", path, len(got), len(want))
		}
		for i := range want {
			if got[i].FarmPrice/got[i].EndPrice != want[i].FarmPrice/want[i].EndPrice || got[i].Label != want[i].Label {
				t.Errorf("%s: ratio %d = %+v, study %+v", path, i, got[i], want[i])
			}
		}
	}
}

// TestKnownQuirks: the notes name, actor by actor, the sales missing from
// the flows and the sales of an actor to itself.
func TestKnownQuirks(t *testing.T) {
	_, im := imported(t, "testdata/banana-burundi-eco.json")
	var unlisted, self int
	for _, n := range im.Notes {
		if strings.Contains(n.Msg, Unlisted) {
			unlisted++
		}
		if strings.Contains(n.Msg, "to itself") {
			self++
		}
	}
	if unlisted != 6 || self != 2 {
		t.Errorf("banana: %d notes of unlisted sales (want 6), %d of own use (want 2)", unlisted, self)
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
	im, err := Import(s)
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

func TestMalformedStudies(t *testing.T) {
	good := `{"id": "x", "year": 2020, "currencyRatio": 1, "targetCurrency": "USD", "ecoData": {
 "actors": [{"name": "Farm", "stage": "P", "numberOfActors": 10, "directAddedValue": 5, "netOperatingProfit": 4, "totalCosts": 6},
            {"name": "Consumer", "stage": "End use"}],
 "flows": [{"sellerActorName": "Farm", "buyerActorName": "Consumer", "volumeExchanged": 10, "monetaryValue": 10, "unitPrice": 1, "volumeUnit": "kg", "product": "Grain"}]}}`
	if _, err := Parse([]byte(good), "s.json"); err != nil {
		t.Fatalf("the good study fails: %v", err)
	}
	r := strings.Replace
	tests := []struct{ name, text, want string }{
		{"not JSON", "{", "s.json: $: not a JSON object"},
		{"wrong type", r(good, `"year": 2020`, `"year": "2020"`, 1), "$.year"},
		{"missing id", r(good, `"id": "x", `, ``, 1), "$.id: is missing"},
		{"missing value added", r(good, `"directAddedValue": 5, `, ``, 1), `$.ecoData.actors[0].directAddedValue: is missing for actor "Farm"`},
		{"unknown seller", r(good, `"sellerActorName": "Farm"`, `"sellerActorName": "Ferm"`, 1), `$.ecoData.flows[0].sellerActorName: "Ferm" is not the name of an actor`},
		{"unknown buyer", r(good, `"buyerActorName": "Consumer"`, `"buyerActorName": "Nobody"`, 1), `$.ecoData.flows[0].buyerActorName: "Nobody"`},
		{"negative volume", r(good, `"volumeExchanged": 10`, `"volumeExchanged": -10`, 1), "$.ecoData.flows[0].volumeExchanged: must be greater than 0, got -10"},
		{"zero currency ratio", r(good, `"currencyRatio": 1`, `"currencyRatio": 0`, 1), "$.currencyRatio: must be a number greater than 0"},
		{"no economic actor", r(good, `"numberOfActors": 10, `, ``, 1), "$.ecoData.actors: no actor has economic data"},
		{"duplicate actor", r(good, `{"name": "Consumer", "stage": "End use"}`, `{"name": "Farm", "stage": "End use"}`, 1), `"Farm" is used by another actor`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.text), "s.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	// A final-demand actor that sells cannot be imported: a clear error.
	bad := r(good, `"product": "Grain"}]`, `"product": "Grain"}, {"sellerActorName": "Consumer", "buyerActorName": "Farm", "volumeExchanged": 1, "monetaryValue": 1, "unitPrice": 1, "volumeUnit": "kg", "product": "Grain"}]`, 1)
	s, err := Parse([]byte(bad), "s.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(s); err == nil || !strings.Contains(err.Error(), `$.ecoData.flows[1].sellerActorName: "Consumer" sells but has no economic data`) {
		t.Errorf("import error %v", err)
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
	im, err := Import(reparse(t, Export(r)))
	if err != nil {
		t.Fatal(err)
	}
	return im.Chain
}

func reparse(t *testing.T, s *Study) *Study {
	t.Helper()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatal(err)
	}
	s2, err := Parse(buf.Bytes(), "exported.json")
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
	_, im := imported(t, "testdata/cocoa-ecuador-eco.json")
	d := im.Chain.Clone()
	d.Links[2].Share *= 1 + 1e-6
	if compare(im.Chain, d) == "" {
		t.Error("a change of a link share went unnoticed")
	}
}

// FuzzParseImport: no study text makes Parse, Import or Reconcile panic.
func FuzzParseImport(f *testing.F) {
	fs, _ := filepath.Glob("testdata/*.json")
	for _, p := range fs {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data, "fuzz.json")
		if err != nil {
			return
		}
		im, err := Import(s)
		if err != nil {
			return
		}
		if _, err := Reconcile(s, im); err != nil {
			t.Fatalf("imported chain does not run: %v", err)
		}
	})
}
