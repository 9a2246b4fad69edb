package workbook

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
)

// TestEconomicRoundTrip: the PAM's per-item social prices and splits
// ([economic.costs]) and the actors' own factors ([[economic.factors]],
// sheet Factors) survive a trip through a workbook.
func TestEconomicRoundTrip(t *testing.T) {
	text, _ := examples.Chain("cotton-tajikistan")
	s := strings.Replace(string(text), "  [[economic.border_price]]\n  actor = \"dekhan\"", `convention = "textbook"
social_discount_rate = 0.08
[economic.costs]
fertiliser = { split = { tradable = 0.6 }, social_price_factor = 1.2 }
seed = { split = { domestic = 0.4 }, border_price = 1, market_price = 1.2, domestic_factor = 0.9 }
[[economic.factors]]
actor = "dekhan"
land = { area = 1.2, rent = 900, social_rent = 700 }
capital = { working = 2000, fixed = 5000, rate = 0.2 }
family_labour = { wage = 60, social_wage = 45 }
  [[economic.border_price]]
  actor = "dekhan"`, 1)
	if s == string(text) {
		t.Fatal("the example's first border price moved: fix the test")
	}
	roundTrip(t, "cotton-economic", []byte(s), nil)
}
