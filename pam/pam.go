// Package pam computes the policy analysis matrix of a value chain
// (Monke and Pearson 1989, The Policy Analysis Matrix for Agricultural
// Development, Cornell University Press): each actor's and the whole
// chain's revenue, tradable inputs, domestic factors and profit at private
// (market) prices and at social (economic) prices, the divergences between
// them and the ratios that summarise them.
//
// Private values come from the baseline's accounts: revenue A; tradable
// inputs B, the purchases from other actors and the tradable cost items;
// domestic factors C, transport, the domestic cost items, wages, interest,
// depreciation, rent and taxes net of subsidies, so that D = A - B - C is
// the net operating profit. Social values revalue products that have a
// border price at that price times the shadow exchange rate factor, in
// the seller's revenue and in the buyer's purchases alike, tradable cost
// items at the factor, hired wages at the shadow wage factor, and leave
// taxes out when the chain says so (valuechain.Economic).
package pam

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Matrix is a policy analysis matrix.
type Matrix struct {
	A, B, C, D float64 // revenue, tradable inputs, domestic factors, profit at private prices
	E, F, G, H float64 // the same at social prices
}

// Divergences returns I = A - E, J = B - F, K = C - G, L = D - H.
func (m Matrix) Divergences() (i, j, k, l float64) {
	return m.A - m.E, m.B - m.F, m.C - m.G, m.D - m.H
}

// Add adds n to m.
func (m *Matrix) Add(n Matrix) {
	m.A += n.A
	m.B += n.B
	m.C += n.C
	m.D += n.D
	m.E += n.E
	m.F += n.F
	m.G += n.G
	m.H += n.H
}

// Ratio is one of the PAM's ratios: its value, or NaN with the reason it
// is not defined.
type Ratio struct {
	Name   string
	Value  float64
	Reason string // why it is not defined; empty when it is
}

// Ratios returns NPCO = A/E, NPCI = B/F, EPC = (A-B)/(E-F) (the effective
// protection of value added), PCR = C/(A-B), DRC = G/(E-F), PC = D/H,
// SRP = L/E, SCB = (F+G)/E and the producer subsidy equivalent PSE = L/A.
// A ratio whose denominator is zero or negative is not defined (NaN) and
// says why.
func (m Matrix) Ratios() []Ratio {
	_, _, _, l := m.Divergences()
	r := ratio
	return []Ratio{
		r("npco", m.A, m.E, "revenue at social prices (E)"),
		r("npci", m.B, m.F, "tradable inputs at social prices (F)"),
		r("epc", m.A-m.B, m.E-m.F, "value added at social prices (E - F)"),
		r("pcr", m.C, m.A-m.B, "value added at private prices (A - B)"),
		m.DRC(),
		r("pc", m.D, m.H, "social profit (H)"),
		r("srp", l, m.E, "revenue at social prices (E)"),
		r("scb", m.F+m.G, m.E, "revenue at social prices (E)"),
		r("pse", l, m.A, "revenue at private prices (A)"),
	}
}

// DRC returns the domestic resource cost ratio G/(E-F).
func (m Matrix) DRC() Ratio {
	return ratio("drc", m.G, m.E-m.F, "value added at social prices (E - F)")
}

// ratio returns num/den, or NaN with the reason when den is zero or
// negative.
func ratio(name string, num, den float64, what string) Ratio {
	if den <= 0 || math.IsNaN(den) {
		return Ratio{Name: name, Value: math.NaN(), Reason: fmt.Sprintf("not defined: %s is %s", what, sign(den))}
	}
	return Ratio{Name: name, Value: num / den}
}

func sign(x float64) string {
	if x == 0 {
		return "zero"
	}
	return "negative"
}

// Row is an actor's matrix, or the chain's (Actor "total"), or the sum
// of the actors' (Actor "sum_of_actors").
type Row struct {
	Actor, Name string
	NameRU      string // the actor's name in Russian, when the chain gives it
	Matrix
	// Factors are the actor's own factors at opportunity cost, included
	// in C and G (textbook convention only).
	Factors []Factor
}

// Table is the policy analysis matrix of a chain: each actor's, the
// chain's consolidated one and, as an extra, the sum of the actors'.
type Table struct {
	Actors []Row
	// Chain is the consolidated matrix of the whole chain (Monke and
	// Pearson's system PAM): its revenue is the chain's final sales (to
	// consumers and exports), its tradable inputs are bought from outside
	// the chain, and sales between actors cancel.
	Chain Row
	// Sum adds the actors' matrices: a purchase between actors is in the
	// seller's revenue and the buyer's inputs alike, so A, B, E and F
	// count it twice. Profits, EPC and DRC are those of Chain; NPCO,
	// NPCI, SRP, SCB and PSE are not.
	Sum Row
	// Items says how each cost item was split and valued.
	Items []Item
	// Convention is valuechain.ConventionAccounts or ConventionTextbook.
	Convention string
}

// Compute returns each actor's matrix and the chain's consolidated one
// (Table.Chain).
func Compute(r *model.Result) (rows []Row, total Row, err error) {
	t, err := Build(r)
	if err != nil {
		return nil, Row{}, err
	}
	return t.Actors, t.Chain, nil
}

// Item is how a cost item is valued: its tradable share, the social price
// factors of its tradable and domestic parts, and where the split comes
// from.
type Item struct {
	Name     string  `json:"item"`
	Tradable float64 `json:"tradable_share"`
	// Factor is the social over the market price of the tradable part;
	// DomesticFactor that of the domestic part.
	Factor         float64 `json:"social_price_factor"`
	DomesticFactor float64 `json:"domestic_factor"`
	// Source says where the split comes from: "chain file" (a split in
	// [economic.costs]), "domestic_costs", "typical" (TypicalSplits) or
	// "default" (wholly tradable; transport wholly domestic).
	Source string `json:"split_from"`
}

// TypicalSplit is the usual tradable share of a kind of cost item.
type TypicalSplit struct {
	Names    []string // the cost keys it applies to
	Tradable float64
	Reason   string
}

// TypicalSplits are the tradable shares vcsim gives cost items the chain
// file does not split (docs/pam.md gives the sources). A key matches when
// it is one of Names exactly.
var TypicalSplits = []TypicalSplit{
	{[]string{"fertiliser", "fertilizer", "fertilisers", "fertilizers"}, 0.9, "imported or made from traded feedstock; about a tenth is domestic distribution and handling"},
	{[]string{"fuel", "diesel", "petrol", "gasoline"}, 0.9, "traded petroleum; about a tenth is domestic distribution"},
	{[]string{"seed", "seeds"}, 0.5, "certified seed is traded, farm-saved and local seed is domestic"},
	{[]string{"machinery", "machinery_services", "mechanisation", "mechanization", "ploughing", "tractor_services"}, 0.5, "machines, spare parts and fuel are traded; operators' labour and the contractor's capital are domestic"},
	{[]string{"transport"}, 0.3, "vehicles, tyres and fuel are traded; drivers' labour, roads and the carrier's capital are domestic"},
}

// typical returns the typical split of a cost key.
func typical(key string) (TypicalSplit, bool) {
	for _, t := range TypicalSplits {
		if slices.Contains(t.Names, key) {
			return t, true
		}
	}
	return TypicalSplit{}, false
}

// Items returns how each cost item of the chain is valued, sorted by name.
func Items(c *valuechain.Chain) []Item {
	e := valuechain.Economic{}
	if c.Economic != nil {
		e = *c.Economic
	}
	serf := or1(e.ExchangeRateFactor)
	var out []Item
	for _, k := range valuechain.CostItems(c) {
		it := Item{Name: k, Tradable: 1, Factor: serf, DomesticFactor: 1, Source: "default"}
		if k == "transport" {
			it.Tradable = 0
		}
		if t, ok := typical(k); ok {
			it.Tradable, it.Source = t.Tradable, "typical"
		}
		if slices.Contains(e.DomesticCosts, k) {
			it.Tradable, it.Source = 0, "domestic_costs"
		}
		if ci, ok := e.Costs[k]; ok {
			if ci.Split != nil {
				it.Tradable, it.Source = ci.Split.TradableShare(), "chain file"
			}
			switch {
			case ci.SocialPriceFactor != 0:
				it.Factor = ci.SocialPriceFactor
			case ci.BorderPrice != 0 && ci.MarketPrice != 0:
				it.Factor = ci.BorderPrice * serf / ci.MarketPrice
			}
			if ci.DomesticFactor != 0 {
				it.DomesticFactor = ci.DomesticFactor
			}
		}
		out = append(out, it)
	}
	return out
}

// Factor is an actor's own factor valued at its opportunity cost (the
// textbook convention): its cost a year at private and at social prices.
type Factor struct {
	Name            string  `json:"factor"` // "land", "capital", "family_labour"
	Private, Social float64 `json:"-"`
}

// Build returns the policy analysis matrix of the result's chain.
func Build(r *model.Result) (*Table, error) {
	c := r.Chain
	e := valuechain.Economic{}
	if c.Economic != nil {
		e = *c.Economic
	}
	serf, swf := or1(e.ExchangeRateFactor), or1(e.WageFactor)
	border := map[string]float64{}
	for _, b := range e.BorderPrices {
		border[valuechain.Label(b.Actor, b.Product)] = b.Price * serf
	}
	items := map[string]Item{}
	t := &Table{
		Chain:      Row{Actor: "total", Name: "whole chain"},
		Sum:        Row{Actor: "sum_of_actors", Name: "sum of the actors"},
		Items:      Items(c),
		Convention: valuechain.ConventionAccounts,
	}
	if e.Textbook() {
		t.Convention = valuechain.ConventionTextbook
	}
	for _, it := range t.Items {
		items[it.Name] = it
	}
	// social returns the value at social prices of volume of a product
	// sold by actor at market value v.
	social := func(actor, product string, volume, v float64) float64 {
		if p, ok := border[valuechain.Label(actor, product)]; ok {
			return volume * p
		}
		return v
	}
	n := len(c.Actors)
	sales, buys := make([]float64, n), make([]float64, n)
	for _, f := range r.Flows {
		_, from := c.Actor(f.From)
		_, to := c.Actor(f.To)
		s := social(f.From, f.Product, f.Shipped, f.Value)
		sales[from] += s
		buys[to] += s
	}
	ch := &t.Chain.Matrix
	for _, f := range r.Finals {
		_, i := c.Actor(f.Actor)
		s := social(f.Actor, f.Product, f.Volume, f.Value)
		sales[i] += s
		ch.A += f.Value
		ch.E += s
	}
	for i := range c.Actors {
		a, acc := &c.Actors[i], &r.Accounts[i]
		q := 0.0
		if len(acc.Output) > 0 {
			q = acc.Output[0]
		}
		// Each cost item splits into a tradable part (B, and F at its
		// social price) and a domestic part (C, and G at its social price).
		var b, f, cd, gd float64
		add := func(key string, v float64) {
			it := items[key]
			b += v * it.Tradable
			f += v * it.Tradable * it.Factor
			cd += v * (1 - it.Tradable)
			gd += v * (1 - it.Tradable) * it.DomesticFactor
		}
		for _, k := range slices.Sorted(maps.Keys(a.Costs)) { // a fixed order of summing
			add(k, a.Costs[k]*q)
		}
		add("fixed_costs", a.FixedCosts*a.Count)
		add("purchase_price", a.PurchasePrice*q)
		add("transport", acc.Transport)
		m := Matrix{A: acc.Revenue, B: acc.Purchases + b}
		m.C = cd + acc.Wages + acc.Interest + acc.Depreciation + acc.Rent + acc.Taxes
		m.D = m.A - m.B - m.C
		m.E = sales[i]
		m.F = buys[i] + f
		m.G = gd + acc.Wages*swf + acc.Interest + acc.Depreciation + acc.Rent
		if !e.RemoveTaxes {
			m.G += acc.Taxes
		}
		if d := m.D - acc.NetOperatingProfit; math.Abs(d) > 1e-6*math.Max(1, math.Abs(acc.Revenue)) {
			return nil, fmt.Errorf("pam: actor %q: private profit %v differs from the net operating profit %v", a.ID, m.D, acc.NetOperatingProfit)
		}
		row := Row{Actor: a.ID, Name: a.DisplayName(), NameRU: a.NameRU}
		if e.Textbook() {
			fs, err := ownFactors(c, a, &e, r.Labour[i].FamilyDays, swf)
			if err != nil {
				return nil, err
			}
			for _, x := range fs {
				m.C += x.Private
				m.G += x.Social
			}
			row.Factors = fs
		}
		m.D = m.A - m.B - m.C
		m.H = m.E - m.F - m.G
		row.Matrix = m
		t.Actors = append(t.Actors, row)
		t.Sum.Add(m)
		// Only inputs bought outside the chain are the chain's tradable
		// inputs; the domestic factors are every actor's.
		ch.B += b
		ch.F += f
		ch.C += m.C
		ch.G += m.G
	}
	ch.D = ch.A - ch.B - ch.C
	ch.H = ch.E - ch.F - ch.G
	// Sales between actors cancel: the chain's profits are the sum of the
	// actors'.
	tol := 1e-6 * math.Max(1, math.Abs(t.Sum.A))
	if math.Abs(ch.D-t.Sum.D) > tol || math.Abs(ch.H-t.Sum.H) > tol {
		return nil, fmt.Errorf("pam: the chain's profits %v and %v differ from the sums of the actors' %v and %v", ch.D, ch.H, t.Sum.D, t.Sum.H)
	}
	return t, nil
}

// ownFactors values an actor's own land, capital and family labour at
// their opportunity costs a year, at private and social prices: land
// area x count x rent; capital (working + fixed) x count x rate (social:
// the chain's social discount rate); the household adults' own days x
// the wage (social: the social wage, by default the wage x the shadow
// wage factor).
func ownFactors(c *valuechain.Chain, a *valuechain.Actor, e *valuechain.Economic, familyDays, swf float64) ([]Factor, error) {
	var f *valuechain.Factors
	for i := range e.Factors {
		if e.Factors[i].Actor == a.ID {
			f = &e.Factors[i]
		}
	}
	var out []Factor
	if f != nil && f.Land != nil {
		l := f.Land
		rent, social := l.Rent, l.SocialRent
		if rent == 0 {
			rent = social
		}
		if social == 0 {
			social = rent
		}
		out = append(out, Factor{Name: "land", Private: l.Area * a.Count * rent, Social: l.Area * a.Count * social})
	}
	if f != nil && f.Capital != nil {
		k := f.Capital
		rate := k.Rate
		if rate == 0 {
			rate = c.DiscountRate
		}
		social := e.SocialDiscountRate
		if social == 0 {
			social = rate
		}
		v := (k.Working + k.Fixed) * a.Count
		out = append(out, Factor{Name: "capital", Private: v * rate, Social: v * social})
	}
	if familyDays > 0 {
		wage, social := a.Wage(c), 0.0
		if f != nil && f.FamilyLabour != nil {
			if f.FamilyLabour.Wage != 0 {
				wage = f.FamilyLabour.Wage
			}
			social = f.FamilyLabour.SocialWage
		}
		if social == 0 {
			social = wage * swf
		}
		if wage <= 0 {
			return nil, fmt.Errorf("pam: actor %q: the textbook convention values its households' own %.0f days of work, but no wage is given (family_labour.wage in [[economic.factors]], or adult_wage)", a.ID, familyDays)
		}
		out = append(out, Factor{Name: "family_labour", Private: familyDays * wage, Social: familyDays * social})
	}
	return out, nil
}

// Neutral reports whether the chain gives no shadow value: its matrix has
// no divergence by construction.
func Neutral(c *valuechain.Chain) bool {
	e := c.Economic
	return e == nil || (or1(e.ExchangeRateFactor) == 1 && or1(e.WageFactor) == 1 && !e.RemoveTaxes && len(e.BorderPrices) == 0 &&
		len(e.Costs) == 0 && !e.Textbook())
}

func or1(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}

// All returns the actors' rows, the chain's and the sum of the actors'.
func (t *Table) All() []Row {
	return append(append([]Row(nil), t.Actors...), t.Chain, t.Sum)
}
