package model

import "math"

// The uses of a child's hour (docs/model.md section 4, "Income from the
// accounts"). Only the first four bring cash.
const (
	UseHired   = iota // 1: replaces labour the household would hire (wages saved)
	UseChain          // 2: paid by an actor of the chain (supplied_by)
	UseOutside        // 3: paid work outside the chain (child_wage_work)
	UseOffFarm        // 4: frees an adult for paid off-farm days (off_farm_days_max)
	UseFamily         // 5: frees a family adult with no paid use: no cash
	NumUses
)

// maxSegments bounds the segments of an earnings function: one per use
// and the extension beyond the household's own work.
const maxSegments = NumUses + 1

// segment is one linear piece of the earnings function: a use, its value
// per adult-equivalent day of children's work and its capacity in such
// days (+Inf for the last).
type segment struct {
	use   int
	price float64
	cap   float64
}

// Earnings is E, what the children's work brings the household as a
// function of x, their days of work in adult equivalents
// (x = sum_b N_b gamma_b h_b W / hours_per_day): concave and piecewise
// linear, the best-valued use first (docs/model.md section 5, "Earnings from
// children's work"). A child day of band b is gamma_b adult-equivalent
// days, so every use's value per hour of band b is gamma_b/hours_per_day
// times its price per adult-equivalent day.
type Earnings struct {
	n   int
	seg [maxSegments]segment
}

// Linear reports whether E is price x for every x (every segment has the
// same price): the choice is then the closed form of section 5 with
// V_b = gamma_b price / hours_per_day.
func (e *Earnings) Linear() bool {
	for k := 1; k < e.n; k++ {
		if e.seg[k].price != e.seg[0].price {
			return false
		}
	}
	return true
}

// value returns E(x) and the slope at x (from the right).
func (e *Earnings) value(x float64) (v float64) {
	lo := 0.0
	for k := 0; k < e.n; k++ {
		s := &e.seg[k]
		if x <= lo+s.cap || k == e.n-1 {
			return v + s.price*(x-lo)
		}
		v += s.price * s.cap
		lo += s.cap
	}
	return v
}

// add appends a segment (a tie in price keeps the earlier use first).
func (e *Earnings) add(use int, price, cap float64) {
	if cap <= 0 {
		return
	}
	e.seg[e.n] = segment{use: use, price: price, cap: cap}
	e.n++
}

// Split returns how x adult-equivalent days of children's work divide
// over the uses, best-valued first, with the farm's uses (1, 4 and 5)
// given at most farm days between them; what is left goes to the outside
// use when there is one, else to use 5 (work beyond the household's own,
// bounded later by the farm cap of section 5).
func (e *Earnings) Split(x, farm float64) (by [NumUses]float64) {
	left := x
	for k := 0; k < e.n && left > 0; k++ {
		s := &e.seg[k]
		take := min(left, s.cap)
		if s.use != UseOutside && s.use != UseChain {
			take = min(take, farm)
			farm -= take
		}
		by[s.use] += take
		left -= take
	}
	if left > 0 {
		by[UseFamily] += left
	}
	return by
}

// earnings builds E for a household of scale m: use 1 up to the days it
// would hire (need less the family's days), use 3 without limit where
// children can work for pay outside the chain, use 4 up to the extra
// off-farm days of its adults that their farm days allow, use 5 up to the
// family's farm days, in decreasing value per day (ties in that order),
// and then use 5 extended at the lowest value so far (today's linear
// budget beyond the household's own work, which the farm cap of section 5
// bounds).
func (hh *Household) earnings(m float64) Earnings {
	need := m * hh.Need
	hired0 := max(need-hh.FamilyDays, 0)
	fam0 := min(need, hh.FamilyDays)
	family := hh.FamilyTimeValue * hh.Wage
	type cand struct {
		use        int
		price, cap float64
	}
	var cs [5]cand
	n := 0
	cs[n] = cand{UseHired, hh.Wage, hired0}
	n++
	if hh.ChainPrice > 0 {
		cp := math.Inf(1)
		if hh.chainCapped {
			cp = hh.chainCap
		}
		cs[n] = cand{UseChain, hh.ChainPrice, cp}
		n++
	}
	if hh.OutsideWork {
		cs[n] = cand{UseOutside, hh.Wage, math.Inf(1)}
		n++
	}
	if hh.OffFarmMax > 0 {
		cs[n] = cand{UseOffFarm, hh.OffFarmWage, min(hh.Adults*hh.OffFarmMax, fam0)}
		n++
	}
	cs[n] = cand{UseFamily, family, fam0}
	n++
	// Insertion sort by price, stable: ties keep the order of the uses.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && cs[j].price > cs[j-1].price; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	var e Earnings
	pool := fam0 // uses 4 and 5 share the family's farm days
	last := math.Inf(1)
	for _, c := range cs[:n] {
		cp := c.cap
		if c.use == UseOffFarm || c.use == UseFamily {
			cp = min(cp, pool)
			pool -= cp
		}
		if cp > 0 {
			e.add(c.use, c.price, cp)
			last = c.price
		}
		if math.IsInf(cp, 1) {
			return e
		}
	}
	e.add(UseFamily, min(family, last), math.Inf(1))
	return e
}

// SolveHours returns the weekly hours h_b each child of band b works in a
// household with income y0 without children's work (budget offsets, such
// as transfers or school costs, included), time endowment t_b hours a
// week per band (H, or H less school hours), upper limits caps_b on the
// hours (conditions of a transfer; t_b for none) and earnings e:
// it maximises
//
//	U = Alpha ln(y0 + E(x(h)) - S) + sum_b N_b Beta_b ln(t_b - h_b)
//
// exactly. On each segment of E the problem is the closed form of
// section 5 with V_b scaled by the segment's price; the first segment
// whose solution lies on it is the optimum, and when one segment's
// solution lies beyond its end and the next one's before its start, the
// optimum is at the kink between them (the hours that keep x at the kink
// with the most leisure). wage is the adult wage that V_b is built on
// (V_b = gamma_b wage / hours_per_day). SolveHours does not allocate.
func (d *Decision) SolveHours(y0 float64, t, caps [nb]float64, e *Earnings, wage float64) [nb]float64 {
	lo, base := 0.0, 0.0 // start of the segment and E there
	for k := 0; k < e.n; k++ {
		s := &e.seg[k]
		hi := lo + s.cap
		// Neighbours of the same price are one linear piece.
		for k+1 < e.n && e.seg[k+1].price == s.price {
			k++
			hi += e.seg[k].cap
		}
		if s.price <= 0 {
			if k == 0 {
				return [nb]float64{}
			}
			return d.atKink(t, caps, lo, wage)
		}
		f := s.price / wage
		h := d.linear(y0+base-s.price*lo, t, caps, f)
		x := d.adultDays(h, wage)
		const tol = 1e-12
		switch {
		case k > 0 && x < lo*(1-tol):
			return d.atKink(t, caps, lo, wage)
		case x <= hi*(1+tol) || k == e.n-1:
			return h
		}
		base += s.price * (hi - lo)
		lo = hi
	}
	return [nb]float64{}
}

// adultDays returns x(h) times W-independent units: sum_b N_b V_b h_b W /
// wage, the children's work in adult-equivalent days.
func (d *Decision) adultDays(h [nb]float64, wage float64) float64 {
	return d.Earnings(h) / wage
}

// linear is HoursCapped with time endowments t_b and every V_b scaled by
// f: the closed form with bands that clamp at zero or at their cap taken
// out and the rest solved again.
func (d *Decision) linear(y0 float64, t, caps [nb]float64, f float64) [nb]float64 {
	var h [nb]float64
	var free [nb]bool
	for b := range free {
		free[b] = d.N[b] > 0 && d.V[b] > 0 && t[b] > 0
		caps[b] = min(caps[b], t[b])
	}
	for range 2*nb + 1 {
		k, bsum := y0-d.S, 0.0
		for b := range free {
			v := d.V[b] * f
			if free[b] {
				k += d.N[b] * v * t[b] * d.W
				bsum += d.N[b] * d.Beta[b]
			} else {
				k += d.N[b] * v * h[b] * d.W
			}
		}
		den := d.Alpha + bsum
		changed := false
		for b := range free {
			if !free[b] {
				continue
			}
			x := t[b] // below subsistence every child works all its hours
			if k > 0 && den > 0 {
				x = t[b] - d.Beta[b]*k/(d.V[b]*f*d.W*den)
			}
			switch {
			case x <= 0:
				h[b], free[b], changed = 0, false, true
			case x >= caps[b] && caps[b] < t[b]:
				h[b], free[b], changed = caps[b], false, true
			default:
				h[b] = min(x, t[b])
			}
		}
		if !changed {
			break
		}
	}
	return h
}

// atKink returns the hours that give x adult-equivalent days of work with
// the most leisure: t_b - h_b = Beta_b q / (V_b W) for the bands that
// work (the first-order condition with income fixed), clamped to
// [0, caps_b], q found so that the days add up to x.
func (d *Decision) atKink(t, caps [nb]float64, x, wage float64) [nb]float64 {
	var h [nb]float64
	var free [nb]bool
	for b := range free {
		free[b] = d.N[b] > 0 && d.V[b] > 0 && t[b] > 0
		caps[b] = min(caps[b], t[b])
	}
	target := x * wage // sum_b N_b V_b h_b W
	for range 2*nb + 1 {
		top, bsum := 0.0, 0.0
		for b := range free {
			if free[b] {
				top += d.N[b] * d.V[b] * t[b] * d.W
				bsum += d.N[b] * d.Beta[b]
			} else {
				top += d.N[b] * d.V[b] * h[b] * d.W
			}
		}
		// sum over free bands of N V W (t - Beta q/(V W)) = target - fixed:
		// q = (top - target) / bsum.
		changed := false
		for b := range free {
			if !free[b] {
				continue
			}
			var y float64
			switch {
			case bsum > 0:
				y = t[b] - d.Beta[b]*max(top-target, 0)/bsum/(d.V[b]*d.W)
			case top > 0:
				y = t[b] * min(target/top, 1) // no weight on leisure: in proportion
			}
			switch {
			case y <= 0:
				h[b], free[b], changed = 0, false, true
			case y >= caps[b] && caps[b] < t[b]:
				h[b], free[b], changed = caps[b], false, true
			default:
				h[b] = min(y, t[b])
			}
		}
		if !changed {
			break
		}
	}
	return h
}

// utilityE is Utility with the budget y0 + E(x(h)).
func (d *Decision) utilityE(y0 float64, t [nb]float64, h [nb]float64, e *Earnings, wage float64) float64 {
	c := y0 + e.value(d.adultDays(h, wage)) - d.S
	if c <= 0 {
		return math.Inf(-1)
	}
	u := d.Alpha * math.Log(c)
	for b := range h {
		if d.N[b] > 0 && d.Beta[b] > 0 {
			u += d.N[b] * d.Beta[b] * math.Log(t[b]-h[b])
		}
	}
	return u
}
