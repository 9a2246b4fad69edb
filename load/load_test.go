package load

import (
	"errors"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// TestStudyProblemsAreInputErrors: a VCA4D study's problems reach the
// command line and the page as input errors (exit status 2, HTTP 400),
// with the text the study reader wrote (file, JSON path, what is wrong).
// They were the reader's own type: `vcsim run --chain broken.json` exited
// with status 1 and the page answered 500, as on a failure of vcsim.
func TestStudyProblemsAreInputErrors(t *testing.T) {
	good := `{"id": "x", "year": 2020, "currencyRatio": 1, "targetCurrency": "USD", "ecoData": {
 "actors": [{"name": "Farm", "stage": "P", "numberOfActors": 10, "directAddedValue": 5, "netOperatingProfit": 4, "totalCosts": 6},
            {"name": "Consumer", "stage": "End use"}],
 "flows": [{"sellerActorName": "Farm", "buyerActorName": "Consumer", "volumeExchanged": 10, "monetaryValue": 10, "unitPrice": 1, "volumeUnit": "kg", "product": "Grain"}]}}`
	r := strings.Replace
	for _, tc := range []struct{ name, text, want string }{
		{"not JSON", "{", "s.json: $: not a JSON object"},
		{"missing id", r(good, `"id": "x", `, ``, 1), "s.json: $.id: is missing"},
		{"unknown seller", r(good, `"sellerActorName": "Farm"`, `"sellerActorName": "Ferm"`, 1), `s.json: $.ecoData.flows[0].sellerActorName: "Ferm" is not the name of an actor`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Chain([]byte(tc.text), "s.json")
			var ie *valuechain.InputError
			var ies valuechain.InputErrors
			if !errors.As(err, &ie) && !errors.As(err, &ies) {
				t.Fatalf("%T is not an input error: %v", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
	if _, err := Chain([]byte(good), "s.json"); err != nil {
		t.Errorf("the good study: %v", err)
	}
}
