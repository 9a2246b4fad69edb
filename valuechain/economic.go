package valuechain

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Economic holds the shadow (economic) values of a chain for its policy
// analysis matrix (package pam, docs/pam.md). Without it every value is at
// market prices and the matrix shows no divergence.
type Economic struct {
	// ExchangeRateFactor is the shadow exchange rate factor: border prices
	// and tradable inputs are multiplied by it (default 1).
	ExchangeRateFactor float64 `toml:"exchange_rate_factor,omitempty,omitzero"`
	// WageFactor is the shadow wage factor of hired unskilled labour
	// (default 1).
	WageFactor float64 `toml:"wage_factor,omitempty,omitzero"`
	// RemoveTaxes takes taxes net of subsidies out of the social costs:
	// they are transfers, not costs to the country.
	RemoveTaxes bool `toml:"remove_taxes,omitempty,omitzero"`
	// DomesticCosts lists the cost items (keys of actors' costs,
	// "fixed_costs" or "transport") that are wholly domestic: a shorthand
	// for a split with no tradable part.
	DomesticCosts []string `toml:"domestic_costs,omitempty,omitzero"`
	// BorderPrices are the import or export parity prices of traded
	// products, in the chain's currency at the official exchange rate.
	BorderPrices []BorderPrice `toml:"border_price,omitempty,omitzero"`
	// Costs gives cost items (keys of actors' costs, "fixed_costs" or
	// "transport") their own split into tradable and domestic parts and
	// their own social prices. An item not given here and not in
	// DomesticCosts takes the typical split of its name (package pam's
	// TypicalSplits) or, failing that, is wholly tradable.
	Costs map[string]CostItem `toml:"costs,omitempty,omitzero"`
	// Convention is "accounts" (default: the domestic factors are those
	// paid, so private profit is the net operating profit, which includes
	// the return to the household's own labour, land and capital) or
	// "textbook" (Monke and Pearson: the domestic factors include family
	// labour, own land and capital at their opportunity costs, so profit is
	// the excess profit above them).
	Convention string `toml:"convention,omitempty,omitzero"`
	// SocialDiscountRate is the opportunity cost of capital to the country
	// (a share a year), used on capital in the textbook convention
	// (default: each actor's private rate).
	SocialDiscountRate float64 `toml:"social_discount_rate,omitempty,omitzero"`
	// Factors gives actors' own land, capital and family labour, valued at
	// their opportunity costs in the textbook convention.
	Factors []Factors `toml:"factors,omitempty,omitzero"`
}

// Conventions of the domestic factors of the policy analysis matrix.
const (
	ConventionAccounts = "accounts"
	ConventionTextbook = "textbook"
)

// Textbook reports whether the matrix values the household's own factors
// at their opportunity costs.
func (e *Economic) Textbook() bool { return e != nil && e.Convention == ConventionTextbook }

// BorderPrice is the border (parity) price of a product of an actor.
type BorderPrice struct {
	Actor   string  `toml:"actor,omitempty,omitzero"`
	Product string  `toml:"product,omitempty,omitzero"` // empty for a one-product actor
	Price   float64 `toml:"price,omitempty,omitzero"`
}

// CostItem is the social valuation of a cost item: the share of it that
// is tradable, the social price of that part and of the rest.
type CostItem struct {
	// Split divides the item into its tradable and domestic parts.
	Split *Split `toml:"split,omitempty"`
	// SocialPriceFactor is the social price of the tradable part over its
	// market price (default: the exchange rate factor).
	SocialPriceFactor float64 `toml:"social_price_factor,omitempty,omitzero"`
	// BorderPrice and MarketPrice, per unit of the input, give the social
	// price factor of the tradable part instead: border price x exchange
	// rate factor / market price.
	BorderPrice float64 `toml:"border_price,omitempty,omitzero"`
	MarketPrice float64 `toml:"market_price,omitempty,omitzero"`
	// DomesticFactor is the social price of the domestic part over its
	// market price (default 1).
	DomesticFactor float64 `toml:"domestic_factor,omitempty,omitzero"`
}

// Split is the tradable and domestic shares of a cost item; give one, or
// both summing to 1.
type Split struct {
	Tradable *float64 `toml:"tradable,omitempty"`
	Domestic *float64 `toml:"domestic,omitempty"`
}

// TradableShare returns the split's tradable share.
func (s *Split) TradableShare() float64 {
	if s.Tradable != nil {
		return *s.Tradable
	}
	if s.Domestic != nil {
		return 1 - *s.Domestic
	}
	return 1
}

// Factors are an actor's own land, capital and family labour, per
// household or firm.
type Factors struct {
	Actor        string        `toml:"actor,omitempty,omitzero"`
	Land         *Land         `toml:"land,omitempty"`
	Capital      *Capital      `toml:"capital,omitempty"`
	FamilyLabour *FamilyLabour `toml:"family_labour,omitempty"`
}

// Land is the land a household or firm farms: its area and its rent a
// unit of area a year at private and at social prices.
type Land struct {
	Area       float64 `toml:"area,omitempty,omitzero"`        // e.g. hectares per household
	Rent       float64 `toml:"rent,omitempty,omitzero"`        // private (market) rent per unit of area (default: social_rent)
	SocialRent float64 `toml:"social_rent,omitempty,omitzero"` // social rent per unit of area (default: rent)
}

// Capital is the working and fixed capital of a household or firm and its
// private opportunity cost (a share a year); its social cost is the
// chain's social discount rate.
type Capital struct {
	Working float64 `toml:"working,omitempty,omitzero"`
	Fixed   float64 `toml:"fixed,omitempty,omitzero"`
	Rate    float64 `toml:"rate,omitempty,omitzero"` // default: the chain's discount_rate
}

// FamilyLabour values the household adults' own days (the model's) at a
// private and a social wage a day.
type FamilyLabour struct {
	Wage       float64 `toml:"wage,omitempty,omitzero"`        // default: the actor's adult wage
	SocialWage float64 `toml:"social_wage,omitempty,omitzero"` // default: wage x wage_factor
}

// Plausible ranges of the shadow values: outside them a number is almost
// surely a mistake (a factor typed as a percentage, a price in the wrong
// unit), and the matrix's ratios would run to hundreds of digits.
const (
	MinShadowFactor = 0.1 // the exchange rate factor and the social price factor of an input
	MaxShadowFactor = 10
	MinWageFactor   = 0.05
	MaxWageFactor   = 2
	MaxBorderRatio  = 100 // a border price x the exchange rate factor within this factor of the market price
)

// economic checks the [economic] table.
func (v *validator) economic(c *Chain) {
	e := c.Economic
	if e == nil {
		return
	}
	const w = "economic"
	v.At(w, "economic")
	v.zero(w, "economic.exchange_rate_factor", "exchange_rate_factor", e.ExchangeRateFactor, "1")
	v.zero(w, "economic.wage_factor", "wage_factor", e.WageFactor, "1")
	v.factor(w, "exchange_rate_factor", e.ExchangeRateFactor, MinShadowFactor, MaxShadowFactor, "shadow exchange rate factor")
	v.factor(w, "wage_factor", e.WageFactor, MinWageFactor, MaxWageFactor, "shadow wage factor")
	serf := orDefault(e.ExchangeRateFactor, 1)
	seen := map[string]bool{}
	for i, b := range e.BorderPrices {
		bw := fmt.Sprintf("economic: border_price %d", i+1)
		v.At(bw, fmt.Sprintf("economic.border_price.%d", i))
		a, _ := c.Actor(b.Actor)
		switch {
		case a == nil:
			v.add(bw, "actor", "names no actor: %q", b.Actor)
		case a.ProductIndex(b.Product) < 0:
			v.add(bw, "product", "actor %q makes no product %q", b.Actor, b.Product)
		case seen[Label(b.Actor, b.Product)]:
			v.add(bw, "product", "%s has two border prices", Label(b.Actor, b.Product))
		}
		seen[Label(b.Actor, b.Product)] = true
		v.pos(bw, "price", b.Price)
		v.num(bw, "price", b.Price, 0, MaxMoney)
		if a != nil && b.Price > 0 && serf >= MinShadowFactor && serf <= MaxShadowFactor {
			if k := a.ProductIndex(b.Product); k >= 0 {
				if p := a.Outputs()[k].Price; p > 0 {
					if r := b.Price * serf / p; r > MaxBorderRatio || r < 1/MaxBorderRatio {
						v.add(bw, "price", "%v x the exchange rate factor %v is %.3g times the market price %v of %s: more than %v times apart (a price in another unit?)", b.Price, serf, r, p, Label(b.Actor, b.Product), float64(MaxBorderRatio))
					}
				}
			}
		}
	}
	items := CostItems(c)
	known := strings.Join(items, ", ")
	listed := map[string]bool{}
	for _, k := range e.DomesticCosts {
		switch {
		case !slices.Contains(items, k):
			v.add(w, "domestic_costs", "%q is not a cost item of any actor (items: %s)", k, known)
		case listed[k]:
			v.add(w, "domestic_costs", "%q is listed twice", k)
		}
		listed[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(e.Costs)) {
		it := e.Costs[k]
		iw := fmt.Sprintf("economic: costs %q", k)
		v.At(iw, "economic.costs."+k)
		if !slices.Contains(items, k) {
			v.add(iw, "", "%q is not a cost item of any actor (items: %s)", k, known)
		}
		if listed[k] {
			v.add(iw, "split", "%q is listed twice", k)
		}
		if s := it.Split; s != nil {
			switch {
			case s.Tradable == nil && s.Domestic == nil:
				v.add(iw, "split", "give tradable or domestic, or both summing to 1")
			case s.Tradable != nil && s.Domestic != nil && abs(*s.Tradable+*s.Domestic-1) > 1e-9:
				v.add(iw, "split", "tradable %v and domestic %v sum to %.4g, not 1", *s.Tradable, *s.Domestic, *s.Tradable+*s.Domestic)
			}
			if s.Tradable != nil {
				v.num(iw, "split.tradable", *s.Tradable, 0, 1)
			}
			if s.Domestic != nil {
				v.num(iw, "split.domestic", *s.Domestic, 0, 1)
			}
		}
		v.zero(iw, "economic.costs."+k+".social_price_factor", "social_price_factor", it.SocialPriceFactor, "the exchange rate factor")
		v.zero(iw, "economic.costs."+k+".domestic_factor", "domestic_factor", it.DomesticFactor, "1")
		v.factor(iw, "social_price_factor", it.SocialPriceFactor, MinShadowFactor, MaxShadowFactor, "social price factor")
		v.factor(iw, "domestic_factor", it.DomesticFactor, MinShadowFactor, MaxShadowFactor, "social price factor")
		if it.SocialPriceFactor != 0 && (it.BorderPrice != 0 || it.MarketPrice != 0) {
			v.add(iw, "social_price_factor", "give social_price_factor or border_price with market_price, not both")
		}
		if (it.BorderPrice != 0) != (it.MarketPrice != 0) {
			v.add(iw, "border_price", "border_price needs market_price (the input's market price per the same unit), and market_price needs border_price")
		}
		if it.BorderPrice != 0 || it.MarketPrice != 0 {
			v.num(iw, "border_price", it.BorderPrice, 0, MaxMoney)
			v.num(iw, "market_price", it.MarketPrice, 0, MaxMoney)
			if it.BorderPrice > 0 && it.MarketPrice > 0 {
				v.factor(iw, "border_price", it.BorderPrice*serf/it.MarketPrice, MinShadowFactor, MaxShadowFactor, "social price factor (border_price x exchange_rate_factor / market_price)")
			}
		}
	}
	switch e.Convention {
	case "", ConventionAccounts, ConventionTextbook:
	default:
		v.add(w, "convention", "must be %q or %q, got %q", ConventionAccounts, ConventionTextbook, e.Convention)
	}
	v.num(w, "social_discount_rate", e.SocialDiscountRate, 0, 1)
	if len(e.Factors) > 0 && !e.Textbook() {
		v.add(w, "factors", "%s needs convention = \"textbook\" (the accounts convention counts the household's own factors in its profit)", "[[economic.factors]]")
	}
	if e.SocialDiscountRate != 0 && !e.Textbook() {
		v.add(w, "social_discount_rate", "%s needs convention = \"textbook\" (the accounts convention counts the household's own factors in its profit)", "social_discount_rate")
	}
	have := map[string]bool{}
	for i, f := range e.Factors {
		fw := fmt.Sprintf("economic: factors %d", i+1)
		v.At(fw, fmt.Sprintf("economic.factors.%d", i))
		a, _ := c.Actor(f.Actor)
		switch {
		case a == nil:
			v.add(fw, "actor", "names no actor: %q", f.Actor)
		case have[f.Actor]:
			v.add(fw, "actor", "actor %q has two factors tables", f.Actor)
		}
		have[f.Actor] = true
		if l := f.Land; l != nil {
			if l.Area == 0 {
				v.add(fw, "land.area", "is missing: the land's area per household or firm")
			}
			v.num(fw, "land.area", l.Area, 0, MaxQuantity)
			if l.Rent == 0 && l.SocialRent == 0 {
				v.add(fw, "land", "give rent or social_rent (a year per unit of area)")
			}
			v.num(fw, "land.rent", l.Rent, 0, MaxMoney)
			v.num(fw, "land.social_rent", l.SocialRent, 0, MaxMoney)
		}
		if k := f.Capital; k != nil {
			v.num(fw, "capital.working", k.Working, 0, MaxMoney)
			v.num(fw, "capital.fixed", k.Fixed, 0, MaxMoney)
			v.num(fw, "capital.rate", k.Rate, 0, 1)
			if k.Rate == 0 && c.DiscountRate == 0 {
				v.add(fw, "capital.rate", "is missing: the capital's opportunity cost a year (or give the chain's discount_rate)")
			}
		}
		if fl := f.FamilyLabour; fl != nil {
			if a != nil && a.Household == nil {
				v.add(fw, "family_labour", "%q is an enterprise: family labour is a household's", a.ID)
			}
			v.num(fw, "family_labour.wage", fl.Wage, 0, MaxMoney)
			v.num(fw, "family_labour.social_wage", fl.SocialWage, 0, MaxMoney)
			if fl.Wage == 0 && a != nil && a.Wage(c) == 0 {
				v.add(fw, "family_labour.wage", "is missing: the private opportunity wage a day (or give the actor's or the chain's adult_wage)")
			}
		}
	}
}

// factor checks an optional shadow factor (0: not given) lies in its
// plausible range.
func (v *validator) factor(where, field string, x, lo, hi float64, what string) {
	if x == 0 {
		return
	}
	if x < 0 {
		v.num(where, field, x, 0, hi)
		return
	}
	if !(x >= lo && x <= hi) {
		v.add(where, field, "must be between %v and %v (a plausible %s), got %v", lo, hi, what, x)
	}
}

// CostItems returns, sorted, the cost items the [economic] table may name:
// every key of the actors' costs, "fixed_costs", "transport" and, where an
// actor buys from outside the chain, "purchase_price".
func CostItems(c *Chain) []string {
	set := map[string]bool{"fixed_costs": true, "transport": true}
	for i := range c.Actors {
		if c.Actors[i].PurchasePrice != 0 {
			set["purchase_price"] = true
		}
	}
	for i := range c.Actors {
		for k := range c.Actors[i].Costs {
			set[k] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
