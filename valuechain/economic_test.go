package valuechain

import (
	"strconv"
	"strings"
	"testing"
)

// TestEconomicBadInputs: every mistake in the [economic] table is refused
// at its key's line, saying what was expected (issue 21, point 6).
func TestEconomicBadInputs(t *testing.T) {
	const head = `name = "x"
currency = "USD"
[[actor]]
id = "farm"
kind = "enterprise"
count = 1
output_per_unit = 10
price = 5
final_market = "export"
costs = { fuel = 1, fertiliser = 2 }
[economic]
`
	// Line 12 is the first line after [economic].
	for _, tc := range []struct {
		name, body string
		line       int
		want       string
	}{
		{"tiny exchange rate factor", "exchange_rate_factor = 1e-300\n", 12, "exchange_rate_factor: must be between 0.1 and 10 (a plausible shadow exchange rate factor), got 1e-300"},
		{"huge exchange rate factor", "exchange_rate_factor = 105\n", 12, "must be between 0.1 and 10"},
		{"negative exchange rate factor", "exchange_rate_factor = -1.05\n", 12, "exchange_rate_factor: must not be negative, got -1.05"},
		{"tiny wage factor", "wage_factor = 1e-9\n", 12, "wage_factor: must be between 0.05 and 2 (a plausible shadow wage factor), got 1e-09"},
		{"misspelt domestic cost", "exchange_rate_factor = 1.1\ndomestic_costs = [\"fual\"]\n", 13, `domestic_costs: "fual" is not a cost item of any actor (items: fertiliser, fixed_costs, fuel, transport)`},
		{"domestic cost twice", "domestic_costs = [\"fuel\", \"fuel\"]\n", 12, `"fuel" is listed twice`},
		{"misspelt cost item", "[economic.costs]\nfertilser = { split = { tradable = 0.6 } }\n", 13, `costs "fertilser": "fertilser" is not a cost item`},
		{"split over 1", "[economic.costs]\nfuel = { split = { tradable = 1.6 } }\n", 13, "split.tradable: must be between 0 and 1, got 1.6"},
		{"split not summing", "[economic.costs]\nfuel = { split = { tradable = 0.6, domestic = 0.3 } }\n", 13, "tradable 0.6 and domestic 0.3 sum to 0.9, not 1"},
		{"empty split", "[economic.costs]\nfuel = { split = {} }\n", 13, "give tradable or domestic"},
		{"border price without market price", "[economic.costs]\nfuel = { border_price = 2 }\n", 13, "border_price needs market_price"},
		{"factor and border price", "[economic.costs]\nfuel = { social_price_factor = 1.2, border_price = 2, market_price = 2 }\n", 13, "not both"},
		{"tiny item factor", "[economic.costs]\nfuel = { social_price_factor = 1e-300 }\n", 13, "must be between 0.1 and 10 (a plausible social price factor)"},
		{"border price in another unit", "[[economic.border_price]]\nactor = \"farm\"\nprice = 5000\n", 14, "5000 x the exchange rate factor 1 is 1e+03 times the market price 5 of farm"},
		{"unknown convention", "convention = \"book\"\n", 12, `convention: must be "accounts" or "textbook", got "book"`},
		{"factors without textbook", "[[economic.factors]]\nactor = \"farm\"\nland = { area = 1, rent = 10 }\n", 12, `[[economic.factors]] needs convention = "textbook"`},
		{"family labour of an enterprise", "convention = \"textbook\"\n[[economic.factors]]\nactor = \"farm\"\nfamily_labour = { wage = 10 }\n", 15, `"farm" is an enterprise`},
		{"land without area", "convention = \"textbook\"\n[[economic.factors]]\nactor = \"farm\"\nland = { rent = 10 }\n", 15, "land.area: is missing"},
		{"capital without a rate", "convention = \"textbook\"\n[[economic.factors]]\nactor = \"farm\"\ncapital = { working = 10 }\n", 15, "capital.rate: is missing"},
		{"factors of no actor", "convention = \"textbook\"\n[[economic.factors]]\nactor = \"farn\"\n", 14, `actor: names no actor: "farn"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(head+tc.body), "c.toml")
			if err == nil {
				err = Validate(c, "c.toml")
			}
			if err == nil {
				t.Fatal("accepted")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("got %q, want %q", msg, tc.want)
			}
			if want := "c.toml:" + strconv.Itoa(tc.line) + ":"; !strings.HasPrefix(msg, want) {
				t.Errorf("got %q, want it at line %d", msg, tc.line)
			}
			if ve, ok := err.(*ValidationError); ok {
				if ru := ve.In("ru"); strings.Contains(ru, "must ") || strings.Contains(ru, " is ") {
					t.Errorf("no Russian: %s", ru)
				}
			}
		})
	}
}
