// Package model computes a value chain's year: product flows, the accounts
// of every actor, the price build-up, labour, household income and child
// labour, as specified in docs/model.md sections 2 to 6.
package model

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Options control a simulation.
type Options struct {
	// Seed seeds the synthetic population when Population is nil.
	Seed uint64
	// Population gives the households; nil draws one from Seed.
	Population *Population
	// Policy gives the measures that act on households; nil for none.
	Policy *Policy
	// AggregatesOnly leaves out what is kept per household (Group.Income,
	// Weights, Hours and Median): a year whose totals are all that is read
	// needs neither the memory nor the sort for the median.
	AggregatesOnly bool
	// Context, when not nil, stops the simulation once it is done (a web
	// request cancelled or timed out): households are run in chunks, and no
	// chunk starts after it; Simulate then returns its error.
	Context context.Context
	// Track names the household groups whose households' states the
	// result keeps (Result.History) for prevention in the next year, and
	// Before is the History of the year before (nil: none known; see
	// monitoring.go). RunPlan sets both.
	Track  []string
	Before *History
	// book, when not nil, remembers households' school choices from one
	// year to another (a Memo's; book.go).
	book *choiceBook
}

// Simulate computes the baseline year of a valid chain (see
// valuechain.Validate).
func Simulate(c *valuechain.Chain, opt Options) (*Result, error) {
	r, err := simulateYear(c, opt)
	if err != nil {
		return nil, err
	}
	if r.History != nil {
		if k, err := memoKey(c, opt); err == nil {
			r.History.key = k
		}
	}
	r.measureCosts(opt.Policy)
	return r, nil
}

// simulateYear is Simulate without the measures' costs (which a Memo computes
// for each request: the fixed cost of a measure falls in its first year
// only, and does not change what households do).
func simulateYear(c *valuechain.Chain, opt Options) (*Result, error) {
	order, err := valuechain.Order(c)
	if err != nil {
		return nil, err
	}
	pop := opt.Population
	if pop == nil {
		pop = NewPopulation(c, opt.Seed)
	}
	r := &Result{Chain: c, Order: order, aggregatesOnly: opt.AggregatesOnly, ctx: opt.Context, book: opt.book}
	if len(opt.Track) > 0 {
		r.track, r.before = opt.Track, opt.Before
		r.History = &History{groups: map[string][]uint8{}}
	}
	if opt.Policy != nil {
		r.Measures = make([]MeasureResult, len(opt.Policy.Measures))
	}
	r.flows()
	r.accounts()
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Kind == valuechain.Household {
			d := pop.Groups[a.ID]
			if d == nil || (d.Weight == nil && len(d.Scale) != int(math.Round(a.Count))) {
				return nil, fmt.Errorf("actor %q: the population has no draws for its %v households", a.ID, a.Count)
			}
			r.Groups = append(r.Groups, r.households(i, d, pop, opt.Policy))
			if opt.Context != nil && opt.Context.Err() != nil {
				return nil, opt.Context.Err()
			}
		} else {
			r.enterpriseLabour(i)
		}
	}
	r.ctx = nil // results are kept (Memo); the context is the request's
	r.book = nil
	r.before = nil
	r.closeSupplied()
	r.finish()
	r.Margins = r.priceBuildUp()
	return r, nil
}

// measureCosts closes each measure's adopters and cost. Firms adopt in
// proportion to coverage; households were counted one by one.
func (r *Result) measureCosts(pol *Policy) {
	if pol == nil {
		return
	}
	c := r.Chain
	for j := range pol.Measures {
		m, res := &pol.Measures[j], &r.Measures[j]
		res.Name, res.Type = m.Name, m.Type
		for _, id := range m.Targets {
			if a, _ := c.Actor(id); a != nil && a.Kind != valuechain.Household {
				res.Adopters += m.Coverage * a.Count
			}
		}
		res.Cost = m.FixedCost + m.PerAdopter*res.Adopters + m.PerChild*res.Children + res.Paid
	}
}

// flows moves products through the chain in topological order (docs/model.md section 2).
func (r *Result) flows() {
	c := r.Chain
	r.Accounts = make([]Account, len(c.Actors))
	r.Labour = make([]Labour, len(c.Actors))
	r.Flows = make([]Flow, len(c.Links))
	out := make([][]int, len(c.Actors)) // links leaving each actor
	for li, l := range c.Links {
		_, from := c.Actor(l.From)
		out[from] = append(out[from], li)
	}
	for i, a := range c.Actors {
		r.Accounts[i] = Account{Actor: a.ID, Name: a.Name, Kind: a.Kind, Stage: a.Stage, Count: a.Count}
	}
	primary := c.Primaries()
	for _, i := range r.Order {
		a := &c.Actors[i]
		acc := &r.Accounts[i]
		if a.Kind == valuechain.Service {
			// No product: its volume is what it handles (below).
			acc.Output = make([]float64, 1)
			continue
		}
		base := acc.Input
		if primary[i] {
			base = a.Count * a.OutputPerUnit
		}
		prods := a.Outputs()
		acc.Output = make([]float64, len(prods))
		sold := make([]float64, len(prods))
		for p := range prods {
			acc.Output[p] = prods[p].Conv() * base
		}
		for _, li := range out[i] {
			l := &c.Links[li]
			p := a.ProductIndex(l.Product)
			price := prods[p].Price
			if l.Price != nil {
				price = *l.Price
			}
			f := Flow{From: l.From, To: l.To, Product: l.Product, Price: price}
			f.Shipped = l.Share * acc.Output[p]
			f.Received = f.Shipped * (1 - l.Loss)
			f.Value = f.Shipped * price
			f.Transport = f.Shipped * l.TransportCost
			r.Flows[li] = f
			sold[p] += l.Share
			_, to := c.Actor(l.To)
			r.Accounts[to].Input += f.Received
			r.Accounts[to].Purchases += f.Value
			r.Accounts[to].Transport += f.Transport
			acc.Revenue += f.Value
		}
		for p, pr := range prods {
			if rest := 1 - sold[p]; rest > 1e-12 {
				fs := FinalSale{Actor: a.ID, Product: pr.ID, Market: pr.FinalMarket, Price: pr.Price}
				if fs.Market == "" {
					fs.Market = valuechain.Domestic
				}
				fs.Volume = rest * acc.Output[p]
				fs.Value = fs.Volume * pr.Price
				acc.Revenue += fs.Value
				r.Finals = append(r.Finals, fs)
			}
		}
	}
	// Services: each handles what the links naming it ship, for its fee
	// per unit, paid by the buyer as a purchase within the chain (docs/model.md
	// section 3): revenue to the service, intermediate consumption to the
	// buyer, so value added is counted once.
	for li, l := range c.Links {
		f := &r.Flows[li]
		_, to := c.Actor(l.To)
		for _, id := range l.Services {
			s, si := c.Actor(id)
			fee := s.Fee * f.Shipped
			f.Services += fee
			r.Accounts[si].Output[0] += f.Shipped
			r.Accounts[si].Revenue += fee
			r.Accounts[to].Purchases += fee
		}
	}
	sort.SliceStable(r.Finals, func(x, y int) bool {
		_, i := c.Actor(r.Finals[x].Actor)
		_, j := c.Actor(r.Finals[y].Actor)
		return i < j
	})
}

// mainOutput is the volume of the actor's main (first) product, the unit
// its costs and tasks are given per.
func (a *Account) mainOutput() float64 { return a.Output[0] }

// accounts fills every account line except wages and profit (docs/model.md section 3).
func (r *Result) accounts() {
	c := r.Chain
	for i := range c.Actors {
		a, acc := &c.Actors[i], &r.Accounts[i]
		q := acc.mainOutput()
		keys := slices.Sorted(maps.Keys(a.Costs))
		for _, k := range keys {
			acc.ExternalInputs += a.Costs[k] * q
		}
		acc.ExternalInputs += a.FixedCosts * a.Count
		acc.ExternalInputs += a.PurchasePrice * q
		acc.IntermediateConsumption = acc.Purchases + acc.Transport + acc.ExternalInputs
		acc.ValueAdded = acc.Revenue - acc.IntermediateConsumption
		acc.Interest = a.InterestRate * acc.IntermediateConsumption * a.CreditMonths / 12
		acc.Taxes = a.TaxRate*acc.Revenue - a.Subsidies*a.Count
		acc.Depreciation = a.Depreciation * a.Count
		acc.Rent = a.LandRent * a.Count
		r.Labour[i] = Labour{Actor: a.ID, Need: taskDays(a) * q}
	}
}

// taskDays returns the days of all tasks per unit of main product.
func taskDays(a *valuechain.Actor) float64 {
	var d float64
	for _, t := range a.Tasks {
		d += t.DaysPerUnit
	}
	return d
}

// childSuitableDays returns the child-suitable days per unit of main product.
func childSuitableDays(a *valuechain.Actor) float64 {
	var d float64
	for _, t := range a.Tasks {
		d += t.DaysPerUnit * childSuitable(t)
	}
	return d
}

// femaleDays returns the adult days worked by women: task by task (docs/model.md
// section 4), all of a women-only task's adult days, none of a men-only
// task's, and the share fs of the others'. Children's days are taken off
// the child-suitable tasks in proportion to their child-suitable days.
func femaleDays(a *valuechain.Actor, lab *Labour, fs float64) float64 {
	adult := lab.AdultDays()
	var need, cs float64
	for _, t := range a.Tasks {
		need += t.DaysPerUnit
		cs += t.DaysPerUnit * childSuitable(t)
	}
	if need == 0 || adult == 0 {
		return fs * adult
	}
	childAE := max(lab.Need-adult, 0) // adult-equivalent days children did
	var female float64
	for _, t := range a.Tasks {
		days := lab.Need * t.DaysPerUnit / need
		if cs > 0 {
			days -= childAE * t.DaysPerUnit * childSuitable(t) / cs
		}
		share := fs
		switch t.DoneBy {
		case valuechain.DoneByWomen:
			share = 1
		case valuechain.DoneByMen:
			share = 0
		}
		female += share * max(days, 0)
	}
	return female
}

// childSuitable is the share of task t children can do (none when only
// adults do it).
func childSuitable(t valuechain.Task) float64 { return t.ChildDays() }

// enterpriseLabour hires adults, and children for child_share of the
// child-suitable days (docs/model.md section 4).
func (r *Result) enterpriseLabour(i int) {
	a, acc, lab := &r.Chain.Actors[i], &r.Accounts[i], &r.Labour[i]
	lab.ChildDays = a.ChildShare * childSuitableDays(a) * acc.mainOutput()
	lab.HiredDays = lab.Need - lab.ChildDays
	acc.Wages = lab.HiredDays*a.Wage(r.Chain) + lab.ChildDays*a.ChildWage
	if h := r.hiredChildren(i); h != nil {
		r.Hired = append(r.Hired, *h)
	}
}

// finish closes every account, shares and totals.
func (r *Result) finish() {
	c := r.Chain
	t := &r.Totals
	for i := range r.Accounts {
		acc, lab := &r.Accounts[i], &r.Labour[i]
		acc.NetOperatingProfit = acc.ValueAdded - acc.Wages - acc.Interest - acc.Taxes - acc.Depreciation - acc.Rent
		if fs := c.Actors[i].FemaleShare; fs != nil {
			lab.FemaleDays = femaleDays(&c.Actors[i], lab, *fs)
		}
		lab.FTE = (lab.AdultDays() + lab.ChildDays) / c.FTE()
		t.Purchases += acc.Purchases
		t.ExternalInputs += acc.ExternalInputs
		t.Transport += acc.Transport
		t.ValueAdded += acc.ValueAdded
		t.Wages += acc.Wages
		t.Interest += acc.Interest
		t.Taxes += acc.Taxes
		t.Depreciation += acc.Depreciation
		t.Rent += acc.Rent
		t.NetOperatingProfit += acc.NetOperatingProfit
		t.LabourDays += lab.AdultDays() + lab.ChildDays
		t.ChildDays += lab.ChildDays
		t.FTE += lab.FTE
	}
	for i := range r.Accounts {
		if t.ValueAdded != 0 {
			r.Accounts[i].VAShare = r.Accounts[i].ValueAdded / t.ValueAdded
		}
	}
	for _, f := range r.Finals {
		t.FinalSales += f.Value
		if f.Market == valuechain.Export {
			t.ExportSales += f.Value
		} else {
			t.DomesticSales += f.Value
		}
	}
	var below float64
	for g := range r.Groups {
		grp := &r.Groups[g]
		t.Households += grp.Households
		below += grp.BelowPoverty * float64(grp.Households)
		for b := range grp.ByBand {
			r.ChildLabour[b].Add(&grp.ByBand[b])
		}
	}
	for h := range r.Hired {
		for b := range r.Hired[h].ByBand {
			r.ChildLabour[b].Add(&r.Hired[h].ByBand[b])
		}
	}
	if t.Households > 0 {
		t.BelowPoverty = below / float64(t.Households)
	}
}
