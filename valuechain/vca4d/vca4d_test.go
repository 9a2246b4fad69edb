package vca4d

import (
	"path/filepath"
	"strings"
	"testing"

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

// TestNegativeSplit: a study whose split of value added has a negative
// part imports into a valid chain, with a note (issue 21: negative
// employee wages were imported without one; a negative part ended in
// "the imported chain is not valid"). Negative wages, interest,
// depreciation or rent are left out and value added is split among the
// other parts; a negative government share is a net subsidy, so the
// actors' net operating profit still equals the study's.
func TestNegativeSplit(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(av *AddedValue)
		note string
	}{
		{"negative wages", func(av *AddedValue) { av.EmployeeWages = -av.EmployeeWages }, "gives negative employee wages"},
		{"negative depreciation", func(av *AddedValue) { av.Depreciation = -av.Depreciation }, "gives negative depreciation"},
		{"negative rent", func(av *AddedValue) { av.LandOwnersFees = -1000 }, "gives negative land owners' fees"},
		{"net subsidies", func(av *AddedValue) { av.Government = -60e6 }, "a net subsidy"},
	} {
		s, err := Load("testdata/cocoa-ecuador-eco.json")
		if err != nil {
			t.Fatal(err)
		}
		tc.set(&s.EcoData.AddedValue)
		im, err := Import(s)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		found := false
		for _, n := range im.Notes {
			found = found || strings.Contains(n.Msg, tc.note)
		}
		if !found {
			t.Errorf("%s: no note %q in %v", tc.name, tc.note, im.Notes)
		}
		if err := valuechain.Validate(im.Chain, ""); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
