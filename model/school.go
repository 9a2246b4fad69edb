package model

import (
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Schooling is what enrolling a child of each band costs, takes and is
// worth to a household of a group whose chain gives school keys
// (docs/model.md section 5b). A household without it (nil) has no
// enrolment decision.
type Schooling struct {
	Cost    [nb]float64 // money per enrolled child a year
	Hours   [nb]float64 // hours a week of school during the season, out of H
	Value   [nb]float64 // delta_b: utility of an enrolled child
	TasteSD float64     // standard deviation of the households' taste draws
}

// newSchooling returns the group's schooling, or nil when the group gives
// no school key.
func newSchooling(g *valuechain.HouseholdGroup) *Schooling {
	if !g.HasSchool() {
		return nil
	}
	return &Schooling{Cost: g.SchoolCostOr(), Hours: g.SchoolHoursOr(), Value: g.SchoolValueOr(), TasteSD: g.SchoolTasteSDOr()}
}

// Schooled counts children of one band by school and work, the ILO/UCW
// four-way table: working means at least WorkHours a week.
type Schooled struct {
	Enrolled  float64 // enrolled in school
	WorkStudy float64 // working and enrolled
	WorkOnly  float64 // working, not enrolled
	StudyOnly float64 // enrolled, not working
	Neither   float64 // neither working nor enrolled
}

func (s *Schooled) add(o *Schooled) {
	s.Enrolled += o.Enrolled
	s.WorkStudy += o.WorkStudy
	s.WorkOnly += o.WorkOnly
	s.StudyOnly += o.StudyOnly
	s.Neither += o.Neither
}

// endowedHours is HoursCapped for children whose hours are hb[b] a week
// by band (H less school hours for the enrolled): each band's leisure is
// hb_b - h_b, so with K = y0 - S + sum over free bands of N_b V_b hb_b W
// (fixed bands at their hours),
//
//	hb_b - h_b = Beta_b K / (V_b W (Alpha + B)),
//
// clamped to [0, min(cap_b, hb_b)], the clamped bands fixed and the rest
// solved again. With hb_b = H it is HoursCapped.
func (d *Decision) endowedHours(y0 float64, hb, caps [nb]float64) [nb]float64 {
	var h [nb]float64
	var free [nb]bool
	for b := range free {
		free[b] = d.N[b] > 0 && d.V[b] > 0
		caps[b] = min(caps[b], hb[b])
	}
	for range 2*nb + 1 {
		k, bsum := y0-d.S, 0.0
		for b := range free {
			if free[b] {
				k += d.N[b] * d.V[b] * hb[b] * d.W
				bsum += d.N[b] * d.Beta[b]
			} else {
				k += d.N[b] * d.V[b] * h[b] * d.W
			}
		}
		den := d.Alpha + bsum
		changed := false
		for b := range free {
			if !free[b] {
				continue
			}
			x := hb[b] // below subsistence every child works all it can
			if k > 0 && den > 0 {
				x = hb[b] - d.Beta[b]*k/(d.V[b]*d.W*den)
			}
			switch {
			case x <= 0:
				h[b], free[b], changed = 0, false, true
			case x >= caps[b] && caps[b] < hb[b]:
				h[b], free[b], changed = caps[b], false, true
			default:
				h[b] = min(x, hb[b])
			}
		}
		if !changed {
			break
		}
	}
	return h
}

// endowedUtility is Utility for children whose hours are hb[b] a week:
// Alpha ln(y0 + E(h) - S) + sum_b N_b Beta_b ln(hb_b - h_b).
func (d *Decision) endowedUtility(y0 float64, h, hb [nb]float64) float64 {
	c := y0 + d.Earnings(h) - d.S
	if c <= 0 {
		return math.Inf(-1)
	}
	u := d.Alpha * math.Log(c)
	for b := range h {
		if d.N[b] > 0 && d.Beta[b] > 0 {
			u += d.N[b] * d.Beta[b] * math.Log(hb[b]-h[b])
		}
	}
	return u
}

// schoolPrep holds, for a household type with schooling, what the closed
// form of its utility needs for each enrolment combination e and set F of
// bands whose children work some but not all of their hours: at such an
// optimum C - S = Alpha K / D and leisure l_b = Beta_b K / (V_b W D), with
// D = Alpha + sum over F of N_b Beta_b, so
//
//	U = D ln K + Alpha ln Alpha - D ln D + sum over F of N_b Beta_b ln(Beta_b / (V_b W))
//	      + sum over other bands with children of N_b Beta_b ln(hb_b):
//
// one logarithm per combination instead of four (school.go, chooseSchool).
type schoolPrep struct {
	from  schoolInputs // what it was computed from
	ok    bool         // Alpha > 0 and every band with children has V > 0 and Beta > 0
	all   int          // bands with children
	hb    [1 << nb][nb]float64
	lhb   [1 << nb][nb]float64      // ln hb
	cost  [1 << nb]float64          // school costs of combination e
	value [1 << nb]float64          // sum over enrolled bands of N_b delta_b
	a     [1 << nb][1 << nb]float64 // sum over F of N_b V_b hb_b W
	den   [1 << nb][1 << nb]float64 // D
	c     [1 << nb][1 << nb]float64 // U - D ln K
	bvw   [nb]float64               // Beta_b / (V_b W)
	// For belowSubsistence: the highest V_b, sum_b N_b V_b H W, and the
	// sum of N_b Cost_b over bands whose school cost is negative.
	maxV, earnAll, negCost float64
}

// schoolInputs is what a schoolPrep is computed from.
type schoolInputs struct {
	d Decision
	s Schooling
}

// prepareSchool computes hh.sprep; prepare calls it. A household copied
// from one already prepared, whose decision and schooling did not change,
// keeps its table.
func (hh *Household) prepareSchool() {
	s := hh.School
	if s == nil {
		hh.sprep = nil
		return
	}
	in := schoolInputs{d: hh.Decision, s: *s}
	in.d.S = 0 // not in the table
	if hh.sprep != nil && hh.sprep.from == in {
		return
	}
	p := &schoolPrep{from: in, ok: hh.Alpha > 0}
	for b := range hh.N {
		if hh.N[b] > 0 {
			p.all |= 1 << b
			if !(hh.V[b] > 0 && hh.Beta[b] > 0) {
				p.ok = false
			} else {
				p.bvw[b] = hh.Beta[b] / (hh.V[b] * hh.W)
			}
		}
	}
	for b := range hh.N {
		if p.all&(1<<b) != 0 {
			p.maxV = max(p.maxV, hh.V[b])
			p.earnAll += hh.N[b] * hh.V[b] * hh.H * hh.W
			if s.Cost[b] < 0 {
				p.negCost += hh.N[b] * s.Cost[b]
			}
		}
	}
	hh.sprep = p
	if !p.ok {
		return
	}
	for e := 0; e < 1<<nb; e++ {
		for b := range hh.N {
			p.hb[e][b] = hh.H
			if e&(1<<b) != 0 {
				p.hb[e][b] = hh.H - s.Hours[b]
				p.cost[e] += hh.N[b] * s.Cost[b]
				p.value[e] += hh.N[b] * s.Value[b]
			}
			p.lhb[e][b] = math.Log(p.hb[e][b])
		}
		for f := 0; f < 1<<nb; f++ {
			if f&p.all != f {
				continue
			}
			den := hh.Alpha
			c := hh.Alpha * math.Log(hh.Alpha)
			a := 0.0
			for b := range hh.N {
				if p.all&(1<<b) == 0 {
					continue
				}
				nb := hh.N[b] * hh.Beta[b]
				if f&(1<<b) != 0 {
					den += nb
					a += hh.N[b] * hh.V[b] * p.hb[e][b] * hh.W
					c += nb * math.Log(p.bvw[b])
				} else {
					c += nb * math.Log(p.hb[e][b])
				}
			}
			p.a[e][f], p.den[e][f], p.c[e][f] = a, den, c-den*math.Log(den)
		}
	}
}

// closedForm returns the utility (without the value of school) and hours
// of enrolment combination e at income y (school costs already taken
// off) when every band with children works some but not all of its hours,
// or none; exact is false when the farm's work caps the hours (u is then
// an upper bound: the capped hours are worse) or when the closed form does
// not apply (u is +Inf). Below subsistence with every child's full work u
// is -Inf, as every choice's utility is.
func (hh *Household) closedForm(e int, y, capDays float64) (u float64, h [nb]float64, exact bool) {
	k, den, c, st := hh.closedK(e, y, capDays, &h)
	switch st {
	case formPoor:
		return math.Inf(-1), h, false
	case formUnknown:
		return math.Inf(1), h, false
	}
	return den*math.Log(k) + c, h, st == formExact
}

// The states of closedK.
const (
	formExact   = iota // interior and within the farm's work: U = den ln k + c
	formCapped         // interior but the farm's work caps the hours: U < den ln k + c
	formPoor           // below subsistence with every child's full work: U = -Inf
	formUnknown        // the closed form does not apply
)

// closedK is closedForm without the logarithm: K, D and the constant of
// U = D ln K + c, and the state; it writes the hours to h, which must be
// zero on entry (they are written in place: a returned array is copied
// through overlapping moves that stall the loads after them).
func (hh *Household) closedK(e int, y, capDays float64, h *[nb]float64) (k, den, c float64, st int) {
	p := hh.sprep
	f := p.all
	for i := range nb + 1 {
		k = y - hh.S + p.a[e][f]
		if !(k > 0) {
			if i == 0 {
				return k, 0, 0, formPoor
			}
			return k, 0, 0, formUnknown
		}
		q := k / p.den[e][f]
		g := f
		days := 0.0
		// The bands unrolled (the loop cost more than its arithmetic).
		hb := &p.hb[e]
		h[0], h[1], h[2] = 0, 0, 0
		if f&1 != 0 {
			if x := hb[0] - p.bvw[0]*q; x <= 0 {
				g &^= 1
			} else {
				h[0] = x
				days += hh.N[0] * x
			}
		}
		if f&2 != 0 {
			if x := hb[1] - p.bvw[1]*q; x <= 0 {
				g &^= 2
			} else {
				h[1] = x
				days += hh.N[1] * x
			}
		}
		if f&4 != 0 {
			if x := hb[2] - p.bvw[2]*q; x <= 0 {
				g &^= 4
			} else {
				h[2] = x
				days += hh.N[2] * x
			}
		}
		if g == f {
			if days*hh.W/hh.HoursPerDay > capDays {
				return k, p.den[e][f], p.c[e][f], formCapped
			}
			return k, p.den[e][f], p.c[e][f], formExact
		}
		f = g
	}
	return k, 0, 0, formUnknown
}

// schoolChoice is what a household with schooling chose.
type schoolChoice struct {
	hours         [nb]float64
	enrolled      [nb]bool
	cct, premium  float64
	cost, utility float64
}

// option solves enrolment combination e with the bands of c keeping the
// transfers' conditions (caps), income y (costs taken off and payments
// added) the general way, and returns it with value the utility of school.
func (hh *Household) option(m float64, e int, y float64, caps [nb]float64, capDays, value float64) schoolChoice {
	var hb [nb]float64
	for b := range hb {
		hb[b] = hh.H
		if e&(1<<b) != 0 {
			hb[b] = hh.H - hh.School.Hours[b]
		}
	}
	h := hh.endowedChoice(m, y, hb, caps, capDays)
	o := schoolChoice{hours: h, utility: hh.endowedUtilityE(m, y, h, hb) + value}
	for b := range o.enrolled {
		o.enrolled[b] = e&(1<<b) != 0
	}
	return o
}

// chooseSchool returns the household's best enrolment, hours and the
// payments it takes (docs/model.md section 5b): for every combination of
// enrolled bands (children of a band choose together), the hours problem
// with each enrolled child's hours H less school hours and income y0 less
// school costs, plus sum over enrolled bands of N_b (delta_b + taste_b);
// with a cct or premium, for each also every combination of bands that
// keep a transfer's condition (a cct pays per child enrolled and within
// the hours limit; a premium needs every band within the child-labour
// limits), as comply does without school. Ties go to the option found
// first: fewer conditions kept, then enrolment combinations in the order
// none, 5-11, 12-14, both, 15-17 and so on. chooseSchool does not allocate.
func (hh *Household) chooseSchool(y0, m float64, exposed [nb]bool, taste *[nb]float64) schoolChoice {
	s := hh.School
	fast, present, cost := hh.schoolCosts()
	prem := 0.0
	if present != 0 {
		prem = hh.PremiumRate * m * hh.Revenue
	}
	capDays := hh.capDays(m)
	// Each combination's sums over its enrolled bands, added in the order
	// of the bands: a combination's highest band added to the sum of the
	// rest.
	var value [1 << nb]float64 // N_b (delta_b + taste_b) over enrolled bands
	for b := 0; b < nb; b++ {
		tv := hh.N[b] * (s.Value[b] + taste[b])
		bit := 1 << b
		for e := 0; e < bit; e++ {
			value[(e|bit)&(1<<nb-1)] = value[e] + tv
		}
	}
	var free [nb]float64
	for b := range free {
		free[b] = hh.H
		if hh.Ban {
			free[b] = 0
		}
	}
	var best schoolChoice
	var ref logRef
	var cf closedForms
	dest := false // best is already destitute's choice
	if fast && hh.belowSubsistence(y0, capDays) {
		// Every combination's utility is -Inf: what bestFree, then the
		// test below, would come to.
		best, dest = hh.destitute(m, y0, capDays, present, &cost, &value, taste), true
	} else if fast {
		best, dest = hh.bestFree(m, y0, capDays, present, &cost, &value, taste, &ref, &cf)
	} else {
		best.utility = math.NaN()
		for e := 0; e < 1<<nb; e++ {
			if e&present != e {
				continue
			}
			o := hh.option(m, e, y0-cost[e], free, capDays, value[e])
			if math.IsNaN(best.utility) || o.utility > best.utility {
				best = o
				best.cost = cost[e]
			}
		}
	}
	if math.IsInf(best.utility, -1) && !hh.Ban && !dest {
		best = hh.destitute(m, y0, capDays, present, &cost, &value, taste)
	}
	if hh.CCT == 0 && prem == 0 {
		return best
	}
	// The combinations that no transfer can make better than the best
	// without conditions: with every payment the combination can take,
	// tmax, its utility without conditions is at most bestFree's, U(y),
	// plus tmax U'(y) (U is concave in income, U'(y) = D/K), itself
	// bounded with ref's tangent.
	var hopeless [1 << nb]bool
	if fast && !dest && ref.k > 0 {
		for e := 0; e < 1<<nb; e++ {
			if e&present != e || (cf.st[e] != formExact && cf.st[e] != formCapped) {
				continue
			}
			tmax := max(prem, 0)
			for b := range nb {
				if e&(1<<b) != 0 {
					tmax += max(hh.CCT, 0) * hh.N[b]
				}
			}
			hopeless[e] = ref.rises(cf.k[e], cf.den[e], cf.c[e], value[e], tmax, best.utility)
		}
	}
	for c := 1; c < 1<<nb; c++ {
		if c&present != c {
			continue
		}
		full := c == present && prem > 0
		for e := 0; e < 1<<nb; e++ {
			if e&present != e || (!full && (hh.CCT == 0 || c&^e != 0)) {
				continue // keeping a condition that pays nothing
			}
			if hopeless[e] {
				continue
			}
			caps := free
			t := 0.0
			for b := range caps {
				if c&(1<<b) == 0 {
					continue
				}
				caps[b] = min(caps[b], hh.limit(b, exposed[b], hh.CCT > 0))
				if full {
					caps[b] = min(caps[b], hh.limit(b, exposed[b], false))
				}
				if e&(1<<b) != 0 {
					t += hh.CCT * hh.N[b]
				}
			}
			p := 0.0
			if full {
				p = prem
			}
			if t+p == 0 {
				continue
			}
			y := y0 - cost[e] + t + p
			if fast {
				// Conditions only lower the utility at this income: skip
				// the combination when even without them it is no better
				// (closedForm's utility, its logarithm spared when the
				// tangent at bestFree's reference already tells).
				var h [nb]float64
				k, den, c, st := hh.closedK(e, y, math.Inf(1), &h)
				if st == formExact && ref.below(k, den, c, value[e], best.utility) {
					continue
				}
				u := math.Inf(1)
				switch st {
				case formPoor:
					u = math.Inf(-1)
				case formExact, formCapped:
					u = den*math.Log(k) + c
				}
				if u+value[e] <= best.utility {
					continue
				}
			}
			if o := hh.option(m, e, y, caps, capDays, value[e]); o.utility > best.utility {
				best = o
				best.cost, best.cct, best.premium = cost[e], t, p
			}
		}
	}
	return best
}

// schoolCosts returns whether the closed form applies to the household's
// school choice (today's linear earnings and the farm cap), the bands with
// children, and each enrolment combination's school costs, summed over its
// bands in their order (from the school table when the closed form
// applies: the same sums).
func (hh *Household) schoolCosts() (fast bool, present int, cost [1 << nb]float64) {
	fast = hh.sprep != nil && hh.sprep.ok && !hh.Ban && hh.isLinear() && !hh.OutsideWork
	if fast {
		return fast, hh.sprep.all, hh.sprep.cost
	}
	for b := range hh.N {
		if hh.N[b] > 0 {
			present |= 1 << b
		}
	}
	for b := 0; b < nb; b++ {
		tc := hh.N[b] * hh.School.Cost[b]
		bit := 1 << b
		for e := 0; e < bit; e++ {
			cost[(e|bit)&(1<<nb-1)] = cost[e] + tc
		}
	}
	return fast, present, cost
}

// belowSubsistence reports that a household of the closed form (linear
// earnings, the farm's cap) stays at or below subsistence whatever it
// enrols and whatever its children work, so that every combination's
// utility is -Inf: its children's earnings, sum_b N_b V_b h_b W, are at
// most max_b V_b times their hours on the farm, sum_b N_b h_b W, which the
// farm's cap keeps to capDays x HoursPerDay and the endowments to sum_b
// N_b V_b H W; with the highest income y0 less the cheapest combination's
// costs, consumption less subsistence is still not positive, by a margin
// (10^-9 of the terms) far above the rounding of any way of computing it.
//
// The household's school table holds what does not change from one
// household of the type to the next: the highest V, the children's
// earnings at all their hours, and the most any combination's costs can
// add to income (negative school costs only).
func (hh *Household) belowSubsistence(y0, capDays float64) bool {
	p := hh.sprep
	y := y0 - p.negCost
	earn := min(p.maxV*capDays*hh.HoursPerDay, p.earnAll)
	return y-hh.S+earn < -1e-9*(math.Abs(y)+math.Abs(hh.S)+math.Abs(earn))
}

// bestFree returns the best enrolment combination without transfers'
// conditions. The closed form gives each combination's utility, or an
// upper bound when the farm's work caps the hours; combinations are taken
// in order of that bound, solved the general way only when the bound is
// not exact, until no bound left beats the best exact utility.
//
// It does what closedK does for each combination, inline and with the
// bands unrolled (the call and the loop over bands cost more than the
// arithmetic), and keeps the combinations not yet taken whose bound is
// above the best in a short list, so that taking the highest bound (of
// equal ones, the lowest e) scans only them. TestBestFreeIsRef checks it
// against the routine before (bestFreeRef), bit for bit.
//
// It writes each combination's closed form to cf, which must be zero on
// entry, sets ref to the reference of its tangent bound, when there is one,
// and reports whether the choice is destitute's (no combination has a
// utility above -Inf).
func (hh *Household) bestFree(m, y0, capDays float64, present int, cost, value *[1 << nb]float64, taste *[nb]float64, ref *logRef, cf *closedForms) (best schoolChoice, dest bool) {
	p := hh.sprep
	ks, dens, cs, state := &cf.k, &cf.den, &cf.c, &cf.st
	var hours [1 << nb][nb]float64
	kref := 0.0
	n0, n1, n2 := hh.N[0], hh.N[1], hh.N[2]
	v0, v1, v2 := p.bvw[0], p.bvw[1], p.bvw[2]
	for e := 0; e < 1<<nb; e++ {
		if e&present != e {
			continue
		}
		// closedK(e, y0-cost[e], capDays, &hours[e]), inline.
		y := y0 - cost[e]
		h := &hours[e]
		hb := &p.hb[e]
		f := p.all
		st := formUnknown
		var k float64
		for i := 0; i <= nb; i++ {
			k = y - hh.S + p.a[e][f&(1<<nb-1)]
			if !(k > 0) {
				if i == 0 {
					st = formPoor
				}
				break
			}
			q := k / p.den[e][f&(1<<nb-1)]
			g := f
			days := 0.0
			if f&1 != 0 {
				if x := hb[0] - v0*q; x <= 0 {
					g &^= 1
					h[0] = 0
				} else {
					h[0] = x
					days += n0 * x
				}
			} else {
				h[0] = 0
			}
			if f&2 != 0 {
				if x := hb[1] - v1*q; x <= 0 {
					g &^= 2
					h[1] = 0
				} else {
					h[1] = x
					days += n1 * x
				}
			} else {
				h[1] = 0
			}
			if f&4 != 0 {
				if x := hb[2] - v2*q; x <= 0 {
					g &^= 4
					h[2] = 0
				} else {
					h[2] = x
					days += n2 * x
				}
			} else {
				h[2] = 0
			}
			if g == f {
				st = formExact
				if days*hh.W/hh.HoursPerDay > capDays {
					st = formCapped
				}
				dens[e], cs[e] = p.den[e][f&(1<<nb-1)], p.c[e][f&(1<<nb-1)]
				if k > kref { // max(kref, k): k > 0 is no NaN
					kref = k
				}
				break
			}
			f = g
		}
		ks[e], state[e] = k, st
	}
	// One logarithm bounds them all: ln is concave, so ln k <= ln kref +
	// (k - kref) / kref, the tangent at kref.
	lref := 0.0
	if kref > 0 {
		lref = math.Log(kref)
		*ref = logRef{k: kref, l: lref}
	}
	// The combinations with a bound, not yet taken.
	var list [1 << nb]int
	var bound [1 << nb]float64
	n := 0
	for e := 0; e < 1<<nb; e++ {
		if e&present != e {
			continue
		}
		var b float64
		switch state[e] {
		case formPoor:
			b = math.Inf(-1)
		case formUnknown:
			b = math.Inf(1)
		default:
			b = dens[e]*(lref+(ks[e]-kref)/kref) + cs[e] + value[e]
		}
		if b == b { // not NaN
			list[n], bound[n] = e, b
			n++
		}
	}
	best = schoolChoice{utility: math.Inf(-1)}
	bestE := -1
	for n > 0 {
		// The highest bound, the first in the order of e of equal ones.
		j := 0
		for i := 1; i < n; i++ {
			if bound[i] > bound[j] || (bound[i] == bound[j] && list[i] < list[j]) {
				j = i
			}
		}
		if bound[j] <= best.utility {
			break
		}
		e := list[j&(1<<nb-1)]
		n--
		list[j], bound[j] = list[n&(1<<nb-1)], bound[n&(1<<nb-1)]
		var u float64
		h := &hours[e&(1<<nb-1)]
		switch state[e] {
		case formExact:
			u = dens[e]*math.Log(ks[e]) + cs[e] + value[e]
		case formCapped:
			// The farm's work caps the hours the closed form found: every
			// band's are scaled by the same factor (Decision.Cap).
			hh.capTo(h, hh.HoursPerDay, capDays)
			u = hh.schoolUtility(e, y0-cost[e], h) + value[e]
		default:
			o := hh.option(m, e, y0-cost[e], [nb]float64{hh.H, hh.H, hh.H}, capDays, value[e])
			*h, u = o.hours, o.utility
		}
		if bestE < 0 || u > best.utility || (u == best.utility && e < bestE) {
			best.utility, bestE = u, e
			// The combinations whose bound is not above the best are
			// never taken (the best only rises): drop them now, so that
			// the next scans are short.
			kept := 0
			for i := range n {
				if !(bound[i&(1<<nb-1)] <= best.utility) {
					list[kept&(1<<nb-1)], bound[kept&(1<<nb-1)] = list[i&(1<<nb-1)], bound[i&(1<<nb-1)]
					kept++
				}
			}
			n = kept
		}
	}
	if bestE < 0 {
		return hh.destitute(m, y0, capDays, present, cost, value, taste), true
	}
	best.hours = hours[bestE]
	for b := range best.enrolled {
		best.enrolled[b] = bestE&(1<<b) != 0
	}
	best.cost = cost[bestE]
	return best, false
}

// schoolUtility is endowedUtility(y, *h, hb) for enrolment combination e
// of a household with a school table (hb its endowments), with the same
// arithmetic; the logarithm of a band's leisure when it does not work,
// ln(hb_b - 0), is the table's.
func (hh *Household) schoolUtility(e int, y float64, h *[nb]float64) float64 {
	d := &hh.Decision
	p := hh.sprep
	c := y + d.Earnings(*h) - d.S
	if c <= 0 {
		return math.Inf(-1)
	}
	u := d.Alpha * math.Log(c)
	hb, lhb := &p.hb[e&(1<<nb-1)], &p.lhb[e&(1<<nb-1)]
	for b := range h {
		if d.N[b] > 0 && d.Beta[b] > 0 {
			l := lhb[b]
			if h[b] != 0 {
				l = math.Log(hb[b] - h[b])
			}
			u += d.N[b] * d.Beta[b] * l
		}
	}
	return u
}

// closedForms holds, for each enrolment combination e, what bestFree
// found of U = D ln K + c at the household's income: K, D, c and the
// state of closedK.
type closedForms struct {
	k, den, c [1 << nb]float64
	st        [1 << nb]int
}

// logRef is a point k > 0 and its logarithm l, from which D ln K + c is
// bounded above without a logarithm: ln is concave, so ln K <= l + (K -
// k) / k, the tangent at k. The zero logRef bounds nothing.
type logRef struct{ k, l float64 }

// below reports that D ln K + c + v, computed as closedForm and its
// callers do, is surely not above best: its tangent bound, with a margin
// for rounding (10^-12 of the terms' sizes, as tangent.below in fast.go),
// is not above best. It is false whenever it cannot tell (no reference,
// K or the bound not finite, best NaN). D must not be negative.
func (r *logRef) below(k, den, c, v, best float64) bool {
	if !(r.k > 0) || !(k > 0) {
		return false
	}
	t := (k - r.k) / r.k
	ub := den*(r.l+t) + c + v
	scale := math.Abs(den*r.l) + math.Abs(den*t) + math.Abs(c) + math.Abs(v)
	return ub+1e-12*scale <= best
}

// rises reports that D ln K + c + v, raised by payments of at most tmax
// (U(y + t) <= U(y) + t D / K for U concave in income y, with U'(y) =
// D/K at the closed form), computed as closedForm and its callers do for
// the higher income, is surely not above best: the bound, with ln K
// bounded by the tangent at the reference, and a margin for rounding as
// in below, is not above best. It is false whenever it cannot tell.
func (r *logRef) rises(k, den, c, v, tmax, best float64) bool {
	if !(r.k > 0) || !(k > 0) || !(tmax >= 0) || !(den >= 0) {
		return false
	}
	t := (k - r.k) / r.k
	g := tmax / k
	ub := den*(r.l+t+g) + c + v
	scale := math.Abs(den*r.l) + math.Abs(den*t) + den*g + math.Abs(c) + math.Abs(v)
	return ub+1e-12*scale <= best
}

// destitute is the choice of a household below subsistence whatever it
// does (every option's utility is -Inf, and section 5 is silent on what
// it prefers): it enrols the bands whose value of school, delta_b plus
// its taste, is positive, and its children work all the hours left.
func (hh *Household) destitute(m, y0, capDays float64, present int, cost, value *[1 << nb]float64, taste *[nb]float64) schoolChoice {
	e := 0
	for b := range hh.N {
		if present&(1<<b) != 0 && hh.School.Value[b]+taste[b] > 0 {
			e |= 1 << b
		}
	}
	o := hh.option(m, e, y0-cost[e], [nb]float64{hh.H, hh.H, hh.H}, capDays, value[e])
	o.cost = cost[e]
	return o
}

// bestE returns the enrolment combination of a choice.
func bestE(o schoolChoice) int {
	e := 0
	for b, in := range o.enrolled {
		if in {
			e |= 1 << b
		}
	}
	return e
}

// addSchool counts the enrolment and the four-way table of a household
// with schooling, standing for weight households: of a band's working
// children only the active share works (monitoring withdrew the rest).
func (t *Tally) addSchool(hh *Household, o *Outcome, weight float64) {
	for b, h := range o.Hours {
		n := weight * hh.N[b]
		if n == 0 {
			continue
		}
		c := &t.ByBand[b]
		work := 0.0
		if h >= WorkHours {
			work = o.Active[b] * n
		}
		if o.Enrolled[b] {
			c.School.Enrolled += n
			c.School.WorkStudy += work
			c.School.StudyOnly += n - work
			if hh.BySex {
				girls := n * hh.GirlShare[b]
				c.Girls.Enrolled += girls
				c.Boys.Enrolled += n - girls
			}
		} else {
			c.School.WorkOnly += work
			c.School.Neither += n - work
		}
	}
}

// TasteDraws returns the standard logistic draws, scaled to a standard
// deviation of 1, of a group's households' taste for schooling: three per
// household (bands 5-11, 12-14, 15-17), household k's at 3k. The same
// actor gives the same draws in every year and scenario, as adoption
// draws do.
func (p *Population) TasteDraws(actor string, n int) []float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if x, ok := p.taste[actor]; ok && len(x) == nb*n {
		return x
	}
	if p.taste == nil {
		p.taste = map[string][]float64{}
	}
	x := make([]float64, nb*n)
	r := stream(p.Seed, actor, "school-taste")
	// A logistic variable of scale s has standard deviation s pi / sqrt(3).
	f := math.Sqrt(3) / math.Pi
	for i := range x {
		u := r.Float64()
		for u == 0 {
			u = r.Float64()
		}
		x[i] = f * math.Log(u/(1-u))
	}
	p.taste[actor] = x
	return x
}

// adoptSchool applies an education measure's effects on schooling to an
// adopting household: school costs change by SchoolCostChange (relative)
// and every band's value of school rises by SchoolValueGain. The group's
// schooling is shared: the changed one is the household's own copy
// (Household.ownSchool), so adopting allocates nothing.
func adoptSchool(hh *Household, m *Measure) {
	if hh.School == nil || (m.SchoolCostChange == 0 && m.SchoolValueGain == 0) {
		return
	}
	s := *hh.School
	for b := range s.Cost {
		s.Cost[b] = max(0, s.Cost[b]*(1+m.SchoolCostChange))
		s.Value[b] += m.SchoolValueGain
	}
	hh.ownSchool = s
	hh.School = &hh.ownSchool
}

// HasSchool reports whether a household group of the chain gives school
// keys: then results count enrolment and the four-way table.
func HasSchool(c *valuechain.Chain) bool {
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil && h.HasSchool() {
			return true
		}
	}
	return false
}

// SchoolBands returns the children by band of the household groups that
// give school keys (the only ones whose enrolment is known: hired
// children from outside and groups without school keys are left out).
func (r *Result) SchoolBands() [nb]Children {
	var out [nb]Children
	for i := range r.Groups {
		g := &r.Groups[i]
		if a, _ := r.Chain.Actor(g.Actor); a == nil || a.Household == nil || !a.Household.HasSchool() {
			continue
		}
		for b := range out {
			out[b].Add(&g.ByBand[b])
		}
	}
	return out
}
