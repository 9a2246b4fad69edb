package model

import "github.com/ilo-rma/vcsim/valuechain"

// Children of a household group hired by actors of the chain (supplied_by,
// docs/model.md section 4, "Hired children are children"). The actors'
// child days, child_share x their child-suitable days, become a work
// opportunity for the group's children (use 2 of section 4): worth
// child_wage a child day and taken up by the households' choice. The
// choice counts children's work in adult-equivalent days, so a child day
// is taken as gamma-bar adult-equivalent days, gamma-bar the mean
// productivity of the group's children (their children by band): the
// actors pay child_wage / gamma-bar an adult-equivalent day (a child
// earns in proportion to what it does, as pickers paid by the kilogram
// do), and need their child days x gamma-bar. When the households offer
// more, each gets the same share of its offer (groups.go). The actors
// hire adults for the child days the group does not supply; what they pay
// the children is the group's cash income from the chain, so the
// accounts and the incomes agree (Result.CheckIncome).

// suppliers returns the actors whose child days the group's children do,
// with their child days (child_share x child-suitable days x output).
func (r *Result) suppliers(group string) (idx []int, days []float64) {
	for j := range r.Chain.Actors {
		a := &r.Chain.Actors[j]
		if a.SuppliedBy != group || a.Kind == valuechain.Household || a.ChildShare <= 0 || a.ChildWage <= 0 {
			continue
		}
		d := a.ChildShare * childSuitableDays(a) * r.Accounts[j].mainOutput()
		if d > 0 {
			idx, days = append(idx, j), append(days, d)
		}
	}
	return idx, days
}

// offerChainWork opens use 2 to the households of group (base, before it
// is prepared) when actors of the chain hire its children, and returns
// the actors' need in adult-equivalent days (0 when none does).
func (r *Result) offerChainWork(base *Household, group string) float64 {
	idx, days := r.suppliers(group)
	var d, pay float64
	for k, j := range idx {
		d += days[k]
		pay += days[k] * r.Chain.Actors[j].ChildWage
	}
	var n, ae float64
	for b := range base.N {
		n += base.N[b]
		ae += base.N[b] * base.Gamma[b]
	}
	if d == 0 || n == 0 || ae == 0 {
		return 0
	}
	gbar := ae / n
	base.ChainGamma = gbar
	base.ChainPrice = pay / d / gbar
	base.chainRation = 1
	return d * gbar
}

// closeSupplied closes the labour and wages of the actors whose child days
// household groups supply: the group's wages from the chain are shared
// among its actors in proportion to what their child days cost (child
// days x child_wage); each actor's child days are what it pays over its
// child_wage, and adults at the adult wage do the rest of its days.
func (r *Result) closeSupplied() {
	for g := range r.Groups {
		grp := &r.Groups[g]
		idx, days := r.suppliers(grp.Actor)
		var cost float64
		for k, j := range idx {
			cost += days[k] * r.Chain.Actors[j].ChildWage
		}
		for k, j := range idx {
			a, acc, lab := &r.Chain.Actors[j], &r.Accounts[j], &r.Labour[j]
			paid := 0.0
			if cost > 0 {
				paid = grp.Cash.ChildChain * days[k] * a.ChildWage / cost
			}
			lab.ChildDays = paid / a.ChildWage
			lab.HiredDays = lab.Need - lab.ChildDays
			acc.Wages = lab.HiredDays*a.Wage(r.Chain) + paid
		}
	}
}
