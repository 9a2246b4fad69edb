package model

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

// decideFast is Decide followed by Tally.Add with weight 1 for a simple
// household, with the same arithmetic: it adds the household of scale m
// and hazard draw hazard to s and returns its income and hours.
// A household with schooling chooses its enrolment too, with its taste
// draws taste (school.go); taste is not read without schooling.
func (hh *Household) decideFast(m, hazard float64, s *sums, taste *[nb]float64) (income float64, h [nb]float64) {
	need := m * hh.Need
	hired0 := max(need-hh.FamilyDays, 0)
	y0 := m*hh.NetFarm - hired0*hh.Wage + hh.OtherIncome
	if hh.School != nil {
		var exposed [nb]bool
		for b := range exposed {
			exposed[b] = hazard < hh.Exposure[b]
		}
		sc := hh.chooseSchool(y0, m, exposed, taste)
		h = sc.hours
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
			if sc.enrolled[b] {
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
			h = hh.hoursFast(y0)
		} else {
			h = hh.free(m, y0)
		}
		if !hh.OutsideWork {
			h = hh.Cap(h, hh.HoursPerDay, m*hh.CapDays)
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
	return income, h
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
