package model

import (
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Check verifies the accounting identities of docs/model.md section 3 to the relative
// tolerance tol and returns the first that fails:
//   - the chain's value added equals final sales minus external inputs and
//     transport paid outside the chain;
//   - each actor's value added equals wages + interest + taxes +
//     depreciation + rent + net operating profit;
//   - each actor's volumes balance: input x conversion = what it sells on
//     links + what it sells to final demand, per product, and each link
//     delivers what was shipped less its loss;
//   - for every household group, the households' cash incomes add up to
//     the group's net operating profit + adults' off-farm wages +
//     children's wages from the chain + children's wages from outside +
//     other income + transfers (section 4, "Income from the accounts").
func (r *Result) Check(tol float64) error {
	t := r.Totals
	if !near(t.ValueAdded, t.FinalSales-t.ExternalInputs-t.Transport, tol) {
		return fmt.Errorf("chain value added %g != final sales %g - external inputs %g - transport %g",
			t.ValueAdded, t.FinalSales, t.ExternalInputs, t.Transport)
	}
	for _, a := range r.Accounts {
		split := a.Wages + a.Interest + a.Taxes + a.Depreciation + a.Rent + a.NetOperatingProfit
		if !near(a.ValueAdded, split, tol) {
			return fmt.Errorf("actor %q: value added %g != its split %g", a.Actor, a.ValueAdded, split)
		}
	}
	if err := r.CheckIncome(tol); err != nil {
		return err
	}
	if err := r.checkServices(tol); err != nil {
		return err
	}
	return r.checkVolumes(tol)
}

// checkServices checks that what buyers pay on the links, products and
// services, is what sellers and services receive: every actor's purchases
// are the value of the links into it plus the fees of their services, and
// a service's revenue is its fee times the volume of the links it serves
// (so value added is counted once, docs/model.md section 3).
func (r *Result) checkServices(tol float64) error {
	c := r.Chain
	paid := make([]float64, len(c.Actors))
	fees := make([]float64, len(c.Actors))
	for li, l := range c.Links {
		f := &r.Flows[li]
		_, to := c.Actor(l.To)
		paid[to] += f.Value + f.Services
		for _, id := range l.Services {
			s, si := c.Actor(id)
			fees[si] += s.Fee * f.Shipped
		}
	}
	for i, a := range c.Actors {
		if !near(r.Accounts[i].Purchases, paid[i], tol) {
			return fmt.Errorf("actor %q: purchases %g != the links' values and service fees %g", a.ID, r.Accounts[i].Purchases, paid[i])
		}
		if a.Kind == valuechain.Service && !near(r.Accounts[i].Revenue, fees[i], tol) {
			return fmt.Errorf("service %q: revenue %g != fee x volume handled %g", a.ID, r.Accounts[i].Revenue, fees[i])
		}
	}
	return nil
}

// CheckIncome checks the cash-income identity of every household group
// (docs/model.md section 4) to the relative tolerance tol.
func (r *Result) CheckIncome(tol float64) error {
	for _, g := range r.Groups {
		_, i := r.Chain.Actor(g.Actor)
		acc := &r.Accounts[i]
		x := &g.Cash
		parts := acc.NetOperatingProfit + x.OffFarm + x.ChildChain + x.ChildOutside + x.Other + x.Transfers
		if !near(x.Total, parts, tol) {
			return fmt.Errorf("household group %q: cash incomes %g != net operating profit %g + off-farm wages %g + "+
				"children's wages from the chain %g + from outside %g + other income %g + transfers %g",
				g.Actor, x.Total, acc.NetOperatingProfit, x.OffFarm, x.ChildChain, x.ChildOutside, x.Other, x.Transfers)
		}
	}
	return nil
}

func (r *Result) checkVolumes(tol float64) error {
	c := r.Chain
	sold := make([][]float64, len(c.Actors))
	received := make([]float64, len(c.Actors))
	for i, a := range c.Actors {
		sold[i] = make([]float64, len(a.Outputs()))
	}
	for li, l := range c.Links {
		f := r.Flows[li]
		if !near(f.Received, f.Shipped*(1-l.Loss), tol) {
			return fmt.Errorf("link %s -> %s: received %g != shipped %g x (1 - loss)", l.From, l.To, f.Received, f.Shipped)
		}
		a, i := c.Actor(l.From)
		sold[i][a.ProductIndex(l.Product)] += f.Shipped
		_, j := c.Actor(l.To)
		received[j] += f.Received
	}
	for _, f := range r.Finals {
		a, i := c.Actor(f.Actor)
		sold[i][a.ProductIndex(f.Product)] += f.Volume
	}
	primary := c.Primaries()
	for i, a := range c.Actors {
		in := received[i]
		if primary[i] {
			in = a.Count * a.OutputPerUnit
		}
		for p, prod := range a.Outputs() {
			if !near(in*prod.Conv(), sold[i][p], tol) {
				return fmt.Errorf("actor %q: %s made %g but sold %g", a.ID, prodName(prod.ID), in*prod.Conv(), sold[i][p])
			}
		}
	}
	return nil
}

func prodName(id string) string {
	if id == "" {
		return "product"
	}
	return "product " + id
}

// near reports whether a and b agree to tol relative to the larger of
// their magnitudes (absolutely near zero).
func near(a, b, tol float64) bool {
	scale := math.Max(math.Max(math.Abs(a), math.Abs(b)), 1)
	return math.Abs(a-b) <= tol*scale
}
