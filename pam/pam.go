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

// Ratios returns NPCO = A/E, NPCI = B/F, EPC = (A-B)/(E-F), PCR = C/(A-B),
// DRC = G/(E-F), PC = D/H, SRP = L/E and SCB = (F+G)/E. A ratio whose
// denominator is zero or negative is not defined (NaN) and says why.
func (m Matrix) Ratios() []Ratio {
	_, _, _, l := m.Divergences()
	r := func(name string, num, den float64, what string) Ratio {
		if den <= 0 || math.IsNaN(den) {
			return Ratio{Name: name, Value: math.NaN(), Reason: fmt.Sprintf("not defined: %s is %s", what, sign(den))}
		}
		return Ratio{Name: name, Value: num / den}
	}
	return []Ratio{
		r("npco", m.A, m.E, "revenue at social prices (E)"),
		r("npci", m.B, m.F, "tradable inputs at social prices (F)"),
		r("epc", m.A-m.B, m.E-m.F, "value added at social prices (E - F)"),
		r("pcr", m.C, m.A-m.B, "value added at private prices (A - B)"),
		r("drc", m.G, m.E-m.F, "value added at social prices (E - F)"),
		r("pc", m.D, m.H, "social profit (H)"),
		r("srp", l, m.E, "revenue at social prices (E)"),
		r("scb", m.F+m.G, m.E, "revenue at social prices (E)"),
	}
}

func sign(x float64) string {
	if x == 0 {
		return "zero"
	}
	return "negative"
}

// Row is an actor's matrix, or the chain's (Actor "total").
type Row struct {
	Actor, Name string
	NameRU      string // the actor's name in Russian, when the chain gives it
	Matrix
}

// Compute returns each actor's matrix and the chain's, their sum.
// Purchases between actors appear in the buyer's B and F and the seller's
// A and E, so the chain's sum counts them on both sides, as a sum of the
// actors' matrices does.
func Compute(r *model.Result) (rows []Row, total Row, err error) {
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
	domestic := map[string]bool{}
	for _, k := range e.DomesticCosts {
		domestic[k] = true
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
	for _, f := range r.Finals {
		_, i := c.Actor(f.Actor)
		sales[i] += social(f.Actor, f.Product, f.Volume, f.Value)
	}
	total = Row{Actor: "total", Name: "whole chain"}
	for i := range c.Actors {
		a, acc := &c.Actors[i], &r.Accounts[i]
		q := 0.0
		if len(acc.Output) > 0 {
			q = acc.Output[0]
		}
		var tradable, dom float64
		keys := slices.Sorted(maps.Keys(a.Costs)) // a fixed order of summing
		for _, k := range keys {
			if domestic[k] {
				dom += a.Costs[k] * q
			} else {
				tradable += a.Costs[k] * q
			}
		}
		if domestic["fixed_costs"] {
			dom += a.FixedCosts * a.Count
		} else {
			tradable += a.FixedCosts * a.Count
		}
		m := Matrix{A: acc.Revenue, B: acc.Purchases + tradable}
		m.C = acc.Transport + dom + acc.Wages + acc.Interest + acc.Depreciation + acc.Rent + acc.Taxes
		m.D = m.A - m.B - m.C
		m.E = sales[i]
		m.F = buys[i] + tradable*serf
		m.G = acc.Transport + dom + acc.Wages*swf + acc.Interest + acc.Depreciation + acc.Rent
		if !e.RemoveTaxes {
			m.G += acc.Taxes
		}
		m.H = m.E - m.F - m.G
		if d := m.D - acc.NetOperatingProfit; math.Abs(d) > 1e-6*math.Max(1, math.Abs(acc.Revenue)) {
			return nil, Row{}, fmt.Errorf("pam: actor %q: private profit %v differs from the net operating profit %v", a.ID, m.D, acc.NetOperatingProfit)
		}
		rows = append(rows, Row{Actor: a.ID, Name: a.DisplayName(), NameRU: a.NameRU, Matrix: m})
		total.Add(m)
	}
	return rows, total, nil
}

// Neutral reports whether the chain gives no shadow value: its matrix has
// no divergence by construction.
func Neutral(c *valuechain.Chain) bool {
	e := c.Economic
	return e == nil || (or1(e.ExchangeRateFactor) == 1 && or1(e.WageFactor) == 1 && !e.RemoveTaxes && len(e.BorderPrices) == 0)
}

func or1(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}
