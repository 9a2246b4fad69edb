package model

import "math"

// sums accumulates, in plain variables, the tally of households that take
// the fast path: weight 1, no conditional payment, no monitoring. It is
// added to a Tally once per chunk (see flush), so the hot loop does not
// update a struct through a pointer for every household.
type sums struct {
	family, hired, childDays, childAE float64
	y0, income, below, n              float64
	full, nop, offFarm, outside       float64
	other, transfers                  float64
	uses                              [NumUses]float64
	children, weekly, working         [nb]float64
	labour, hazardous, hoursCL        [nb]float64
	school                            [nb]Schooled // households with schooling
}

// simple reports whether a household can take the fast path.
func (hh *Household) simple() bool {
	return hh.CCT == 0 && hh.PremiumRate == 0 && hh.Withdraw == 0
}

// fast reports whether a household takes the fast path when the group
// has no weights and no survey.
func (hh *Household) fast() bool {
	return hh.simple() && hh.Prevent == 0 && hh.ChainPrice == 0 && !hh.idle()
}

// decideFast is Decide followed by Tally.Add with weight 1 for a simple
// household, with the same arithmetic: it adds the household of scale m
// and hazard draw hazard to s, writes its hours to hp and returns its
// income.
// A household with schooling chooses its enrolment too, with its taste
// draws taste (school.go), unless pick is known (choiceBook); the choice
// is then written to pick, unless pick is nil. taste and pick are not read
// without schooling.
func (hh *Household) decideFast(m, hazard float64, s *sums, taste *[nb]float64, hp *[nb]float64, pick *schoolPick) (income float64) {
	h := hp // the hours, written in place (hoursFastTo)
	*h = [nb]float64{}
	need := m * hh.Need
	hired0 := max(need-hh.FamilyDays, 0)
	y0 := m*hh.NetFarm - hired0*hh.Wage + hh.OtherIncome
	if hh.School != nil {
		var p schoolPick
		if pick != nil && pick.known {
			p = *pick
		} else {
			var exposed [nb]bool
			for b := range exposed {
				exposed[b] = hazard < hh.Exposure[b]
			}
			sc := hh.chooseSchool(y0, m, exposed, taste)
			p = pickOf(&sc)
			if pick != nil {
				*pick = p
			}
		}
		*h = p.hours
		for b := range h {
			n := hh.N[b]
			if n == 0 {
				continue
			}
			k := &s.school[b]
			work := 0.0
			if h[b] >= WorkHours {
				work = n
			}
			if p.enrolled&(1<<b) != 0 {
				k.Enrolled += n
				k.WorkStudy += work
				k.StudyOnly += n - work
			} else {
				k.WorkOnly += work
				k.Neither += n - work
			}
		}
	} else if !hh.Ban {
		if hh.prep.linear { // prepared, with the default earnings
			hh.hoursFastTo(y0, h)
		} else {
			*h = hh.free(m, y0)
		}
		if !hh.OutsideWork {
			hh.capTo(h, hh.HoursPerDay, m*hh.CapDays)
		}
	}
	var childDays, childAE float64
	for b := range h {
		n := hh.N[b]
		if n == 0 {
			continue
		}
		hb := h[b]
		days := n * hb * hh.W / hh.HoursPerDay
		childDays += days
		childAE += hh.Gamma[b] * days
		s.weekly[b] += n * hb
		if hb >= WorkHours {
			s.working[b] += n
		}
		cl, haz := Classify(b, hb, hazard < hh.Exposure[b])
		if cl {
			s.labour[b] += n
			s.hoursCL[b] += n * hb * hh.W
		}
		if haz {
			s.hazardous[b] += n
		}
	}
	if hh.prep.linear && !hh.OutsideWork && hh.OffFarmMax == 0 {
		// The defaults, as split and account do them: children replace
		// hired days first (use 1), then family days (use 5, worth the
		// wage in full income, no cash).
		saved := min(childAE, hired0)
		hired := hired0 - saved
		income = y0 + saved*hh.Wage
		s.family += max(min(need, hh.FamilyDays)-(childAE-saved), 0)
		s.hired += hired
		s.full += y0 + childAE*hh.Wage
		s.nop += m*hh.NetFarm - hired*hh.Wage
		s.offFarm += hh.OffFarmIncome
		s.other += hh.Other
		s.transfers += hh.TransferIncome
		s.uses[UseHired] += saved
		s.uses[UseFamily] += childAE - saved
	} else {
		o := Outcome{Y0: y0, Uses: hh.split(m, childAE, childDays)}
		hh.account(&o, m, need, hired0)
		income = o.Income
		s.family += o.FamilyDays
		s.hired += o.HiredDays
		s.full += o.Full
		s.nop += o.NOP
		s.offFarm += o.OffFarm
		s.outside += o.ChildOutside
		s.other += o.Other
		s.transfers += o.Transfers
		for k := range s.uses {
			s.uses[k] += o.Uses[k]
		}
	}
	s.childDays += childDays
	s.childAE += childAE
	s.y0 += y0
	s.income += income
	s.n++
	if income < hh.S {
		s.below++
	}
	return income
}

// flush adds the sums to t, splitting children by sex with the group's
// share of girls (the same for every household of the fast path).
func (s *sums) flush(t *Tally, base *Household) {
	t.FamilyDays += s.family
	t.HiredDays += s.hired
	t.ChildDays += s.childDays
	t.ChildAE += s.childAE
	t.SumY0 += s.y0
	t.SumIncome += s.income
	t.SumFull += s.full
	t.NOP += s.nop
	t.OffFarm += s.offFarm
	t.ChildOutside += s.outside
	t.Other += s.other
	t.Transfers += s.transfers
	for k := range t.Uses {
		t.Uses[k] += s.uses[k]
	}
	t.Below += s.below
	t.Weight += s.n
	// Every household of the fast path has the base's composition and
	// adults' days: children and adult days follow from the count.
	t.AdultDays += s.n * base.Adults * base.AdultDays
	for b := range s.children {
		c := &t.ByBand[b]
		s.children[b] = s.n * base.N[b]
		c.Children += s.children[b]
		c.WeeklyHours += s.weekly[b]
		c.Working += s.working[b]
		c.ChildLabour += s.labour[b]
		c.Hours += s.hoursCL[b]
		c.Hazardous += s.hazardous[b]
		if base.BySex {
			g := base.GirlShare[b]
			c.Girls.Children += g * s.children[b]
			c.Boys.Children += s.children[b] - g*s.children[b]
			c.Girls.Working += g * s.working[b]
			c.Boys.Working += s.working[b] - g*s.working[b]
			c.Girls.ChildLabour += g * s.labour[b]
			c.Boys.ChildLabour += s.labour[b] - g*s.labour[b]
			c.Girls.Hours += g * s.hoursCL[b]
			c.Boys.Hours += s.hoursCL[b] - g*s.hoursCL[b]
			c.Girls.Hazardous += g * s.hazardous[b]
			c.Boys.Hazardous += s.hazardous[b] - g*s.hazardous[b]
			c.Girls.Enrolled += g * s.school[b].Enrolled
			c.Boys.Enrolled += s.school[b].Enrolled - g*s.school[b].Enrolled
		}
		c.School.add(&s.school[b])
	}
}

// tangent holds the logarithms of a household's utility (linear earnings,
// every band's endowment H) at a reference choice, from which the utility
// of any other choice is bounded without a logarithm (below).
type tangent struct {
	ok    bool        // a bound can be taken: C > 0, every leisure > 0, Alpha >= 0
	c, lc float64     // C - S at the reference, and its logarithm
	l, ll [nb]float64 // leisure by band at the reference, and its logarithm
}

// utilityTangent is Utility(y0, h), with the same arithmetic, and the
// logarithms of its terms.
func (d *Decision) utilityTangent(y0 float64, h [nb]float64) (u float64, t tangent) {
	c := y0 + d.Earnings(h) - d.S
	if c <= 0 {
		return math.Inf(-1), t
	}
	t.c, t.lc = c, math.Log(c)
	t.ok = d.Alpha >= 0 && !math.IsInf(c, 0)
	u = d.Alpha * t.lc
	for b := range h {
		if d.N[b] > 0 && d.Beta[b] > 0 {
			t.l[b] = d.H - h[b]
			t.ll[b] = math.Log(t.l[b])
			u += d.N[b] * d.Beta[b] * t.ll[b]
			t.ok = t.ok && t.l[b] > 0 && !math.IsInf(t.l[b], 0)
		}
	}
	return u, t
}

// lnBound returns an upper bound of ln r for r > 0, exact at r = 1:
// (r - 1) / sqrt(r) from 1 up, 2 (r - 1) / (r + 1) below 1. Both differ
// from ln r by a function of r that is 0 at 1 and whose derivative,
// (sqrt(r) - 1)^2 / (2 r^1.5) and -(r - 1)^2 / (r (r + 1)^2), keeps it
// non-negative on its side of 1.
func lnBound(r float64) float64 {
	if r >= 1 {
		return (r - 1) / math.Sqrt(r)
	}
	return 2 * (r - 1) / (r + 1)
}

// below reports that Utility(y, h) is surely not above best: each of its
// logarithms bounded from the reference's (lnBound), their sum, with a
// margin for rounding (10^-12 of the terms' sizes, some 10^4 times the
// rounding of the few dozen operations), is below best. It is false
// whenever it cannot tell (NaN, no reference).
func (t *tangent) below(d *Decision, y float64, h *[nb]float64, best float64) bool {
	if !t.ok {
		return false
	}
	c := y + d.Earnings(*h) - d.S
	if c <= 0 {
		return true // the utility is -Inf, above nothing
	}
	dc := lnBound(c / t.c)
	ub := d.Alpha * (t.lc + dc)
	scale := d.Alpha * (math.Abs(t.lc) + math.Abs(dc))
	for b := range h {
		if d.N[b] > 0 && d.Beta[b] > 0 {
			nb := d.N[b] * d.Beta[b]
			dl := lnBound((d.H - h[b]) / t.l[b])
			ub += nb * (t.ll[b] + dl)
			scale += nb * (math.Abs(t.ll[b]) + math.Abs(dl))
		}
	}
	return ub+1e-12*scale < best
}
