package model

import (
	"context"
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Equilibrium is an adult wage where the local labour market clears
// (docs/model.md section 7), with the child labour it brings.
type Equilibrium struct {
	Wage        float64
	Stable      bool // excess demand falls through it: the market returns to it
	ChildLabour float64
	Hazardous   float64
}

// Market is the local labour market of a chain in a year: adult-equivalent
// demand L_D(w) = L_D0 (w/w0)^-elasticity against the supply of the
// households, adults' days plus gamma x children's days.
type Market struct {
	Chain      *valuechain.Chain
	Population *Population
	Policy     *Policy
	D0, W0     float64
	Elasticity float64
	// Note says where the last search for equilibria stopped without
	// knowing the sign of excess demand; empty when it knew both ends.
	Note string
	// Memo, when not nil, remembers the years simulated at each wage.
	Memo *Memo
	// Context, when not nil, stops the search once it is done.
	Context context.Context
	// SupplySlope is how supply changes with the wage near the last
	// equilibrium Reach found, in days per unit of wage: Reach starts its
	// search from it and leaves the slope it found there.
	SupplySlope float64
	// Track and Before carry the households' states of the year before
	// for prevention (Options.Track, Options.Before).
	Track  []string
	Before *History
}

// NewMarket sets up the local labour market of c with policy pol. L_D0 is
// the chain's labour_demand, or what households supply at the chain's
// adult wage w0 (which makes w0 an equilibrium).
func NewMarket(c *valuechain.Chain, pop *Population, pol *Policy) (*Market, error) {
	m := &Market{Chain: c, Population: pop, Policy: pol, D0: c.LabourDemand, W0: c.AdultWage, Elasticity: c.DemandElasticity}
	if m.Elasticity == 0 {
		m.Elasticity = 0.5
	}
	if m.W0 <= 0 {
		return nil, fmt.Errorf("a local labour market needs the chain's adult_wage")
	}
	if m.D0 == 0 {
		s, _, err := m.Supply(m.W0)
		if err != nil {
			return nil, err
		}
		m.D0 = s
	}
	return m, nil
}

// Demand returns the adult-equivalent days demanded at wage w.
func (m *Market) Demand(w float64) float64 { return m.D0 * math.Pow(w/m.W0, -m.Elasticity) }

// Supply returns the adult-equivalent days the households supply at wage
// w, and the year simulated at that wage.
func (m *Market) Supply(w float64) (float64, *Result, error) {
	r, err := m.Memo.Simulate(WithWage(m.Chain, w), Options{Population: m.Population, Policy: m.Policy, AggregatesOnly: true, Context: m.Context,
		Track: m.Track, Before: m.Before})
	if err != nil {
		return 0, nil, err
	}
	var s float64
	for _, g := range r.Groups {
		s += g.AdultSupply + g.ChildAE
	}
	return s, r, nil
}

// WithWage returns a copy of c whose adult wage is w.
func WithWage(c *valuechain.Chain, w float64) *valuechain.Chain {
	d := c.Clone()
	d.AdultWage = w
	return d
}

// Excess returns demand minus supply at wage w.
func (m *Market) Excess(w float64) (float64, error) {
	s, _, err := m.Supply(w)
	return m.Demand(w) - s, err
}

// Equilibria scans wages from w0/4 to 4 w0 on a geometric grid of n
// points for changes of sign of excess demand, bisects each to a relative
// 1e-12, and returns every equilibrium with its child labour, lowest wage
// first. Where excess demand at w0/4 is not yet positive (demand above
// supply, as at a low enough wage) the scan goes on down with the same
// step, and where it is not yet negative at 4 w0 it goes on up, up to a
// factor MarketReach either way; if the sign is still unknown there,
// m.Note says where the search stopped.
func (m *Market) Equilibria(n int) ([]Equilibrium, error) {
	lo, hi := m.W0/4, m.W0*4
	step := math.Pow(hi/lo, 1/float64(n-1))
	ws := make([]float64, n)
	es := make([]float64, n)
	for i := range ws {
		ws[i] = lo * math.Pow(step, float64(i))
		e, err := m.Excess(ws[i])
		if err != nil {
			return nil, err
		}
		es[i] = e
	}
	m.Note = ""
	for es[0] <= 0 {
		w := ws[0] / step
		if w < m.W0/MarketReach {
			m.Note = fmt.Sprintf("supply still meets or exceeds demand at a wage of %.4g (w0/%g): the search stopped there, and equilibria below it, if any, are not listed", ws[0], MarketReach)
			break
		}
		e, err := m.Excess(w)
		if err != nil {
			return nil, err
		}
		ws, es = append([]float64{w}, ws...), append([]float64{e}, es...)
	}
	for es[len(es)-1] >= 0 {
		w := ws[len(ws)-1] * step
		if w > m.W0*MarketReach {
			m.Note = fmt.Sprintf("demand still meets or exceeds supply at a wage of %.4g (%g w0): the search stopped there, and equilibria above it, if any, are not listed", ws[len(ws)-1], MarketReach)
			break
		}
		e, err := m.Excess(w)
		if err != nil {
			return nil, err
		}
		ws, es = append(ws, w), append(es, e)
	}
	var eqs []Equilibrium
	for i := 1; i < len(ws); i++ {
		w0, w1, e0, e1 := ws[i-1], ws[i], es[i-1], es[i]
		if e0 == 0 || (e0 > 0) != (e1 > 0) && e1 != 0 {
			w, err := m.bisect(w0, w1, e0)
			if err != nil {
				return nil, err
			}
			eq := Equilibrium{Wage: w, Stable: e0 > 0}
			if e0 == 0 {
				prev := 1.0 // below the lowest wage demand exceeds supply
				if i >= 2 {
					prev = es[i-2]
				}
				eq.Stable = prev > 0 && e1 < 0
			}
			_, r, err := m.Supply(w)
			if err != nil {
				return nil, err
			}
			ch := r.ChildTotal()
			eq.ChildLabour, eq.Hazardous = ch.ChildLabour, ch.Hazardous
			eqs = append(eqs, eq)
		}
	}
	return eqs, nil
}

// MarketReach is how far from the chain's adult wage w0, as a factor
// either way, the search for equilibria goes.
const MarketReach = 1e4

// Reach returns the wage the market moves to from wage w, following
// excess demand: up while demand exceeds supply, down while supply
// exceeds it, to the first wage where it changes sign, which is a stable
// equilibrium (the same one Next picks from the list of Equilibria). It
// moves at most one step of the scan's geometric grid at a time, so it
// finds the first change of sign as the grid would, and it stops where
// excess demand is within marketTol of demand.
//
// Demand is a known curve; only supply costs a simulation. So each next
// wage solves demand = supply with supply drawn as the straight line
// through the last two wages tried (the first time, with slope
// m.SupplySlope, which RunPlan carries over from the year before): the
// secant method on supply alone. Once a change of sign brackets the
// equilibrium, a wage outside the bracket, or a bracket that does not
// halve in two tries, is replaced by the bracket's midpoint. A year that
// moves the market little costs two or three simulations, a year equal
// to the last one (a memo hit) none.
func (m *Market) Reach(w float64) (float64, error) {
	e, err := m.Excess(w)
	if err != nil {
		return 0, err
	}
	if m.clears(w, e) {
		return w, nil
	}
	step := math.Pow(16, 1/float64(marketGrid-1))
	up := e > 0
	if !up {
		step = 1 / step
	}
	// (a, ea) is the last wage tried, (p, sp) the supply at the one before.
	a, ea := w, e
	p, sp, slope := math.NaN(), math.NaN(), m.SupplySlope
	for {
		lim := a * step
		if lim > m.W0*MarketReach || lim < m.W0/MarketReach {
			dir := "rises"
			if !up {
				dir = "falls"
			}
			return 0, fmt.Errorf("the local labour market has no stable equilibrium: the wage %s from %.4g beyond %.4g without excess demand changing sign", dir, w, a)
		}
		sa := m.Demand(a) - ea
		if !math.IsNaN(p) {
			slope = (sa - sp) / (a - p)
		}
		b, ok := m.meet(a, lim, a, sa, slope)
		if !ok || b == a {
			b = lim
		}
		eb, err := m.Excess(b)
		if err != nil {
			return 0, err
		}
		if m.clears(b, eb) {
			m.SupplySlope = (m.Demand(b) - eb - sa) / (b - a)
			return b, nil
		}
		if (eb > 0) != up {
			return m.bracket(a, b, ea, eb)
		}
		p, sp = a, sa
		a, ea = b, eb
	}
}

// Slope returns how supply changes with the wage at w, in days per unit
// of wage, measured over the next 1% of wage: the slope Reach starts from
// when it knows no better.
func (m *Market) Slope(w float64) (float64, error) {
	s0, _, err := m.Supply(w)
	if err != nil {
		return 0, err
	}
	s1, _, err := m.Supply(w * 1.01)
	if err != nil {
		return 0, err
	}
	return (s1 - s0) / (w * 0.01), nil
}

// marketTol is how close to zero, as a share of demand, excess demand
// must come for the market to clear: one part in a million. That puts
// the wage within about 2e-6 of the equilibrium (demand's elasticity is
// 0.5 by default); on the cotton example at 30,000 households, wages move
// by at most 2e-6 from a search to 1e-10, mean incomes by 4e-7, and child
// labour not at all, while the search costs half as many simulations.
const marketTol = 1e-6

// clears reports whether excess demand e at wage w is within marketTol of
// demand.
func (m *Market) clears(w, e float64) bool { return math.Abs(e) <= marketTol*m.Demand(w) }

// meet returns the wage between x and y where demand equals supply drawn
// as the line through (x0, s0) with the given slope, and false when
// demand minus that line has the same sign at x and y. It bisects, which
// costs no simulation.
func (m *Market) meet(x, y, x0, s0, slope float64) (float64, bool) {
	f := func(w float64) float64 { return m.Demand(w) - s0 - slope*(w-x0) }
	fx, fy := f(x), f(y)
	if fx == 0 {
		return x, true
	}
	if math.IsNaN(fx) || math.IsNaN(fy) || fy != 0 && (fx > 0) == (fy > 0) {
		return 0, false
	}
	for i := 0; i < 200 && math.Abs(y-x) > 1e-15*math.Max(x, y); i++ {
		mid := (x + y) / 2
		fm := f(mid)
		if fm == 0 {
			return mid, true
		}
		if (fm > 0) == (fx > 0) {
			x, fx = mid, fm
		} else {
			y = mid
		}
	}
	return (x + y) / 2, true
}

// bracket finds the wage between a and b (excess demands ea and eb of
// opposite signs) where the market clears: by the secant method on
// supply, as Reach, kept inside the bracket and replaced by bisection
// when the bracket does not halve in two tries.
func (m *Market) bracket(a, b, ea, eb float64) (float64, error) {
	// (p, sp) and (q, sq): the last two wages tried and their supply.
	p, sp := a, m.Demand(a)-ea
	q, sq := b, m.Demand(b)-eb
	// width is what the bracket must halve from; tries counts the steps
	// since it last did. A bisection sets width to its own result, so the
	// step after it counts as a try.
	width, tries := math.Abs(b-a), 0
	for i := 0; i < 200 && math.Abs(b-a) > 1e-13*math.Max(a, b); i++ {
		lo, hi := math.Min(a, b), math.Max(a, b)
		slope := (sq - sp) / (q - p)
		c, ok := m.meet(lo, hi, q, sq, slope)
		if !ok || tries >= 2 || !(c > lo && c < hi) {
			c, width, tries = (a+b)/2, math.Abs(b-a)/2, 0
		}
		ec, err := m.Excess(c)
		if err != nil {
			return 0, err
		}
		if m.clears(c, ec) {
			m.SupplySlope = slope
			return c, nil
		}
		if (ec > 0) == (ea > 0) {
			a, ea = c, ec
		} else {
			b, eb = c, ec
		}
		p, sp, q, sq = q, sq, c, m.Demand(c)-ec
		if math.Abs(b-a) <= width/2 {
			width, tries = math.Abs(b-a), 0
		} else {
			tries++
		}
	}
	return (a + b) / 2, nil
}

// bisect finds the wage in [a, b] where excess demand changes sign.
func (m *Market) bisect(a, b, ea float64) (float64, error) {
	if ea == 0 {
		return a, nil
	}
	for b-a > 1e-12*b {
		mid := (a + b) / 2
		e, err := m.Excess(mid)
		if err != nil {
			return 0, err
		}
		if e == 0 {
			return mid, nil
		}
		if (e > 0) == (ea > 0) {
			a, ea = mid, e
		} else {
			b = mid
		}
	}
	return (a + b) / 2, nil
}

// Next returns the equilibrium the market moves to from wage w: up to the
// nearest stable equilibrium above when demand exceeds supply at w, down
// to the nearest below when supply exceeds demand (tatonnement).
func Next(eqs []Equilibrium, w, excess float64) (Equilibrium, bool) {
	best, found := Equilibrium{}, false
	for _, e := range eqs {
		if !e.Stable {
			continue
		}
		up := excess > 0 && e.Wage >= w*(1-1e-9)
		down := excess < 0 && e.Wage <= w*(1+1e-9)
		still := excess == 0 && math.Abs(e.Wage-w) <= 1e-9*w
		if !(up || down || still) {
			continue
		}
		if !found || math.Abs(e.Wage-w) < math.Abs(best.Wage-w) {
			best, found = e, true
		}
	}
	if found {
		return best, true
	}
	for _, e := range eqs { // nothing in that direction: the nearest stable one
		if e.Stable && (!found || math.Abs(e.Wage-w) < math.Abs(best.Wage-w)) {
			best, found = e, true
		}
	}
	return best, found
}

// Settle finds the equilibria of the chain's local labour market (no
// interventions) and the stable one the market reaches from the chain's
// adult wage.
func Settle(c *valuechain.Chain, pop *Population) (Settled, error) {
	m, err := NewMarket(c, pop, nil)
	if err != nil {
		return Settled{}, err
	}
	w, eqs, err := settle(m, m.W0)
	return Settled{Wage: w, Equilibria: eqs, Note: m.Note}, err
}

// Settled is the local labour market of a chain's baseline: the wage it
// settles at, every equilibrium found, and where the search stopped
// without knowing the sign of excess demand (empty when it knew).
type Settled struct {
	Wage       float64
	Equilibria []Equilibrium
	Note       string
}
