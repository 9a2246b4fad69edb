package model

import (
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Household is what every household of a group shares, per unit of scale
// m_h (docs/model.md section 4-5), and the effects of the measures it adopted.
// Households of the group differ by their draws and adoptions.
type Household struct {
	Decision
	NetFarm     float64 // farm net income before hired labour, per unit of scale
	Revenue     float64 // farm revenue, per unit of scale
	Need        float64 // adult-equivalent days of work, per unit of scale
	CapDays     float64 // child-suitable days, per unit of scale; +Inf off the farm (no tasks)
	FamilyDays  float64 // days the household's adults give the farm
	Wage        float64 // adult wage per day
	Adults      float64 // adults per household
	AdultDays   float64 // days each adult offers, on the farm and off it
	OffFarmWage float64 // daily wage of off-farm work
	OtherIncome float64 // off-farm earnings + other income + transfers
	// The parts of OtherIncome (docs/model.md section 4, "Income from the
	// accounts"): adults' off-farm wages, transfers and the rest.
	OffFarmIncome, TransferIncome, Other float64
	// FamilyTimeValue is the value of a family adult's day freed by a
	// child from unpaid work (use 5), as a share of the adult wage.
	FamilyTimeValue float64
	OutsideWork     bool    // children can work for pay outside the chain (use 3)
	OffFarmMax      float64 // extra off-farm days per adult a child can free (use 4)
	// ChainPrice is what an adult-equivalent day of the children's work
	// for actors of the chain that hire the group's children (supplied_by,
	// use 2) pays; 0: no actor does. ChainGamma is the adult-equivalent days
	// those actors count a child day for (supplied.go).
	ChainPrice, ChainGamma float64
	// chainRation < 1 rations each household's offer of use 2 to that
	// share of it (the actors need less than the group offers); chainCap,
	// when chainCapped, is the household's capacity of use 2 in
	// adult-equivalent days (unbounded otherwise).
	chainRation float64
	chainCap    float64
	chainCapped bool
	Gamma       [nb]float64 // child productivity by band
	HoursPerDay float64
	Exposure    [nb]float64 // probability a working child of the band is exposed to hazards
	GirlShare   [nb]float64 // share of girls by band (when given by sex)
	BySex       bool        // whether children are counted by sex
	// Idle are the children per household, by band, of a sex that no
	// child-suitable task of the group is open to (done_by, sexes.go):
	// they are not in N, do not work and are counted as children;
	// IdleGirls says whether they are girls (else boys).
	Idle      [nb]float64
	IdleGirls bool

	CCT         float64 // transfer per child whose hours stay under the limit
	CCTHoursCap float64 // that limit; 0: the child-labour limit of the band
	PremiumRate float64 // premium, share of farm revenue, if no child is in child labour
	Withdraw    float64 // share of child labourers withdrawn by monitoring
	// Compensation is paid per withdrawn child (monitoring.go).
	Compensation float64
	// Prevent is the share of children at risk that monitoring keeps
	// from starting work (monitoring.go); kept is, for this household in
	// this year, the share of each band's children in child labour it
	// keeps out (set from the household's History before deciding).
	Prevent float64
	kept    [nb]float64
	Ban     bool // no child works

	School *Schooling  // nil: no enrolment decision (school.go)
	Taste  [nb]float64 // the household's taste for schooling each band, in utility units
	sprep  *schoolPrep // for the closed form of the school choice; see prepareSchool
	// ownSchool is the schooling of a household an education measure
	// changed (School then points to it; see adoptSchool).
	ownSchool Schooling

	prep hoursPrep // for the fast path; see prepare
}

// hoursPrep holds what the choice of hours needs that does not change
// from one household of a type to the next: with it the fast path solves
// the usual case with one division.
type hoursPrep struct {
	ok bool
	// linear: every use of a child's hour is worth the adult wage
	// (the defaults), so E is linear and the closed form applies.
	linear bool
	free   [nb]bool    // bands with children whose work has value
	a      float64     // sum over free bands of N V H W
	den    float64     // Alpha + sum over free bands of N Beta
	bvw    [nb]float64 // Beta / (V W) by band
}

// prepare computes hh.prep from the household's current values; it must
// be called again after any change to N, V, Beta, Alpha, H or W.
func (hh *Household) prepare() {
	p := hoursPrep{ok: true}
	var bsum float64
	for b := 0; b < nb; b++ {
		if hh.N[b] > 0 && hh.V[b] > 0 {
			p.free[b] = true
			p.a += hh.N[b] * hh.V[b] * hh.H * hh.W
			bsum += hh.N[b] * hh.Beta[b]
			p.bvw[b] = hh.Beta[b] / (hh.V[b] * hh.W)
		}
	}
	p.den = hh.Alpha + bsum
	p.linear = hh.linear()
	hh.prep = p
	hh.prepareSchool()
}

// hoursCappedFast is HoursCapped for a prepared household: the same rounds
// (bands that would work less than nothing, or more than their cap, are
// fixed and the rest solved again) with one division a round.
func (hh *Household) hoursCappedFast(y0 float64, caps [nb]float64) [nb]float64 {
	var h [nb]float64
	hh.hoursCappedFastTo(y0, &caps, &h)
	return h
}

// hoursCappedFastTo is hoursCappedFast writing the hours to h (see
// hoursFastTo); it changes caps.
func (hh *Household) hoursCappedFastTo(y0 float64, caps, h *[nb]float64) {
	p := &hh.prep
	free := p.free
	a, den, fixed := p.a, p.den, 0.0
	*h = [nb]float64{}
	for b := 0; b < nb; b++ {
		caps[b] = min(caps[b], hh.H)
	}
	for range 2*nb + 1 {
		k := y0 - hh.S + a + fixed
		pos := k > 0 && den > 0
		q := 0.0
		if pos {
			q = k / den
		}
		changed := false
		for b := 0; b < nb; b++ {
			if !free[b] {
				continue
			}
			x := hh.H
			if pos {
				x = hh.H - p.bvw[b]*q
			}
			switch {
			case x <= 0:
				h[b], free[b], changed = 0, false, true
				a -= hh.N[b] * hh.V[b] * hh.H * hh.W
				den -= hh.N[b] * hh.Beta[b]
			case x >= caps[b] && caps[b] < hh.H:
				h[b], free[b], changed = caps[b], false, true
				a -= hh.N[b] * hh.V[b] * hh.H * hh.W
				den -= hh.N[b] * hh.Beta[b]
				fixed += hh.N[b] * hh.V[b] * caps[b] * hh.W
			default:
				h[b] = min(x, hh.H)
			}
		}
		if !changed {
			break
		}
	}
}

// hoursFast is Hours for a prepared household: the closed form, with the
// bands that would work less than nothing taken out and the rest solved
// again, as Hours does.
func (hh *Household) hoursFast(y0 float64) [nb]float64 {
	var h [nb]float64
	hh.hoursFastTo(y0, &h)
	return h
}

// hoursFastTo is hoursFast writing the hours to h. Hot paths take hours
// through a pointer: an array of three returned by value is copied through
// overlapping moves that stall the loads after them.
func (hh *Household) hoursFastTo(y0 float64, h *[nb]float64) {
	p := &hh.prep
	free := p.free
	a, den := p.a, p.den
	*h = [nb]float64{}
	for range nb + 1 {
		k := y0 - hh.S + a
		if !(k > 0 && den > 0) {
			for b := 0; b < nb; b++ {
				if free[b] {
					h[b] = hh.H // below subsistence every child works H
				}
			}
			return
		}
		q := k / den
		changed := false
		for b := 0; b < nb; b++ {
			if !free[b] {
				continue
			}
			x := hh.H - p.bvw[b]*q
			if x <= 0 {
				free[b], h[b], changed = false, 0, true
				a -= hh.N[b] * hh.V[b] * hh.H * hh.W
				den -= hh.N[b] * hh.Beta[b]
				continue
			}
			h[b] = min(x, hh.H)
		}
		if !changed {
			return
		}
	}
}

// linear reports whether every use of a child's hour open to the
// household is worth gamma x the adult wage a day, so that E(h) is
// today's linear function sum_b N_b V_b h_b W.
func (hh *Household) linear() bool {
	return hh.FamilyTimeValue == 1 && (hh.OffFarmMax == 0 || hh.Adults == 0 || hh.OffFarmWage == hh.Wage) && hh.ChainPrice == 0
}

// isLinear is linear, from the prepared values when there are some.
func (hh *Household) isLinear() bool {
	if hh.prep.ok {
		return hh.prep.linear
	}
	return hh.linear()
}

// endowment returns H for every band.
func (hh *Household) endowment() [nb]float64 { return [nb]float64{hh.H, hh.H, hh.H} }

// free returns the hours the household chooses with income y0 without
// children's work, before the farm cap, for a household of scale m.
func (hh *Household) free(m, y0 float64) [nb]float64 {
	if hh.isLinear() {
		if hh.prep.ok {
			return hh.hoursFast(y0)
		}
		return hh.Hours(y0)
	}
	e := hh.earnings(m)
	t := hh.endowment()
	return hh.SolveHours(y0, t, t, &e, hh.Wage)
}

// capFarm applies the farm cap of section 5 to hours h of a household of
// scale m, unless its children can work outside the chain (use 3), where
// hours beyond the farm's work go.
func (hh *Household) capFarm(m float64, h [nb]float64) [nb]float64 {
	if hh.OutsideWork {
		return h
	}
	return hh.Cap(h, hh.HoursPerDay, hh.capDays(m))
}

// capDays is the most child days the work open to a household of scale m
// can take, outside work (use 3) aside: its farm's child-suitable days,
// and the days actors of the chain hire from it (use 2: unbounded until
// rationed).
func (hh *Household) capDays(m float64) float64 {
	d := m * hh.CapDays
	if hh.ChainPrice > 0 {
		if !hh.chainCapped {
			return math.Inf(1)
		}
		d += hh.chainCap / hh.ChainGamma
	}
	return d
}

// ChooseHours returns the weekly hours each child of band b works in a
// household of scale m with income y0 without children's work (offsets
// such as transfers received or school costs paid included) and t_b hours
// a week per band (H, or H less school hours): the exact optimum over the
// household's earnings E (SolveHours), then the farm cap. It is the entry
// point for decisions layered on the hours (school, section 5b).
func (hh *Household) ChooseHours(m, y0 float64, t [nb]float64) [nb]float64 {
	var h [nb]float64
	if t == hh.endowment() {
		h = hh.free(m, y0)
	} else {
		e := hh.earnings(m)
		h = hh.SolveHours(y0, t, t, &e, hh.Wage)
	}
	return hh.capFarm(m, h)
}

// endowedChoice is the hours of a household of scale m with income y,
// endowments hb and caps (school, section 5b) over its earnings E, then
// the farm cap capDays: endowedHours when E is linear, SolveHours
// otherwise.
func (hh *Household) endowedChoice(m, y float64, hb, caps [nb]float64, capDays float64) [nb]float64 {
	var h [nb]float64
	if hh.isLinear() {
		h = hh.endowedHours(y, hb, caps)
	} else {
		e := hh.earnings(m)
		h = hh.SolveHours(y, hb, caps, &e, hh.Wage)
	}
	if hh.OutsideWork {
		return h
	}
	return hh.Cap(h, hh.HoursPerDay, capDays)
}

// endowedUtilityE is endowedUtility over the household's earnings E.
func (hh *Household) endowedUtilityE(m, y float64, h, hb [nb]float64) float64 {
	if hh.isLinear() {
		return hh.endowedUtility(y, h, hb)
	}
	e := hh.earnings(m)
	return hh.utilityE(y, hb, h, &e, hh.Wage)
}

// capped is HoursCapped over the household's earnings: the hours with
// upper limits caps (the conditions of a transfer), before the farm cap.
func (hh *Household) capped(m, y0 float64, caps [nb]float64) [nb]float64 {
	if hh.isLinear() {
		if hh.prep.ok {
			return hh.hoursCappedFast(y0, caps)
		}
		return hh.HoursCapped(y0, caps)
	}
	e := hh.earnings(m)
	return hh.SolveHours(y0, hh.endowment(), caps, &e, hh.Wage)
}

// utility is the household's utility with income y0 without children's
// work and hours h, over its earnings E.
func (hh *Household) utility(m, y0 float64, h [nb]float64) float64 {
	if hh.isLinear() {
		return hh.Utility(y0, h)
	}
	e := hh.earnings(m)
	return hh.utilityE(y0, hh.endowment(), h, &e, hh.Wage)
}

// split divides x adult-equivalent days of children's work (d child days)
// of a household of scale m over the uses of section 4.
func (hh *Household) split(m, x, d float64) [NumUses]float64 {
	if hh.isLinear() && !hh.OutsideWork && hh.OffFarmMax == 0 {
		// The defaults: children replace hired labour first, then the
		// family's days (and beyond, work the farm cap bounds).
		var by [NumUses]float64
		hired0 := max(m*hh.Need-hh.FamilyDays, 0)
		by[UseHired] = min(x, hired0)
		by[UseFamily] = x - by[UseHired]
		return by
	}
	farm := x
	if hh.OutsideWork && d > 0 {
		farm = x * min(1, m*hh.CapDays/d)
	}
	e := hh.earnings(m)
	return e.Split(x, farm)
}

// NewHousehold builds the shared household of household actor i from its
// account (which must have all lines but wages and profit) and the days
// of work its tasks need.
func NewHousehold(c *valuechain.Chain, i int, acc *Account, need float64) Household {
	a := &c.Actors[i]
	g := a.Household
	gamma := c.Gamma()
	hpd := c.Hours()
	wage := a.Wage(c)
	hh := Household{
		Wage:        wage,
		Gamma:       gamma,
		HoursPerDay: hpd,
		FamilyDays:  g.Adults * g.AdultDays,
		Adults:      g.Adults,
		AdultDays:   g.AdultDays + g.OffFarmDays,

		FamilyTimeValue: g.FamilyTimeValueOr(),
		OutsideWork:     g.ChildWageWork,
		OffFarmMax:      g.OffFarmDaysMax,
	}
	e := a.Exposure()
	hh.Exposure = [nb]float64{e, e, e}
	n := float64(acc.Count)
	hh.NetFarm = (acc.ValueAdded - acc.Interest - acc.Taxes - acc.Depreciation - acc.Rent) / n
	hh.Revenue = acc.Revenue / n
	hh.Need = need / n
	hh.CapDays = childSuitableDays(a) * acc.mainOutput() / n
	if len(a.Tasks) == 0 {
		// Not a farm: children's work is not limited to farm tasks.
		hh.CapDays = math.Inf(1)
	}
	hh.OffFarmWage = g.OffFarmWage
	if hh.OffFarmWage == 0 {
		hh.OffFarmWage = wage
	}
	hh.OffFarmIncome = g.Adults * g.OffFarmDays * hh.OffFarmWage
	hh.Other, hh.TransferIncome = g.OtherIncome, g.Transfers
	hh.OtherIncome = hh.OffFarmIncome + hh.Other + hh.TransferIncome
	hh.N = g.Children()
	hh.BySex = g.BySex()
	girls := g.Girls()
	for b := range hh.N {
		hh.V[b] = gamma[b] * wage / hpd
		if hh.N[b] > 0 {
			hh.GirlShare[b] = girls[b] / hh.N[b]
		}
	}
	hh.Beta = g.BetaOr()
	hh.Alpha = g.AlphaOr()
	hh.H = g.H()
	hh.W = g.W()
	eq := c.Scale()
	ae := eq.FirstAdult + eq.OtherAdult*(g.Adults-1) + eq.Child*(hh.N[0]+hh.N[1]+hh.N[2])
	hh.S = g.PovertyLineOr(c) * ae
	hh.School = newSchooling(g)
	hh.excludeSex(a) // after S: the idle children count in the poverty line
	return hh
}

// Outcome is what one household does in the year.
type Outcome struct {
	Y0 float64 // income without child work (transfers included)
	// Income is cash income: Y0, the cash the children's work brings
	// (uses 1 to 4), premiums and conditional transfers.
	Income float64
	// Full is full income: Income and the value of the family time the
	// children freed (use 5), what the household maximises.
	Full float64
	// Uses is the children's work by use, in adult-equivalent days.
	Uses [NumUses]float64
	// The parts of cash income: net operating profit (its share of its
	// actor's, with the hired days it pays), adults' off-farm wages,
	// children's wages from outside the chain, other income, transfers
	// (conditional transfers and premiums included).
	NOP, OffFarm, ChildOutside, Other, Transfers float64
	// ChildChain is the children's wages from actors of the chain that
	// hire the group's children (use 2).
	ChildChain float64
	Hours      [nb]float64 // weekly hours of each working child, by band
	Exposed    [nb]bool    // whether a working child of the band is exposed to hazards
	// Active is the share of each band's children still working after
	// monitoring withdrew some of those in child labour (1 without it).
	Active [nb]float64
	// Family and hired adult days and children's days on the farm.
	FamilyDays, HiredDays, ChildDays float64
	ChildAE                          float64 // children's days in adult equivalents
	CCTPaid, PremiumPaid             float64
	// Prevented counts the children prevention kept from starting work.
	Prevented  float64
	Enrolled   [nb]bool // with schooling: whether the band's children are enrolled
	SchoolCost float64  // what enrolment costs the household
}

// Decide returns the outcome of a household of scale m whose uniform
// hazard draw is hazard: its income without child work, the children's
// hours (Stone-Geary, the farm cap, then the conditions of transfers it
// may take), its income and the labour it uses. Decide does not allocate.
func (hh *Household) Decide(m, hazard float64) Outcome { return hh.decide(m, hazard, &hh.Taste) }

// decide is Decide with the household's taste for schooling given apart
// (school.go), so that households sharing a Household need not copy it.
func (hh *Household) decide(m, hazard float64, taste *[nb]float64) Outcome {
	if hh.ChainPrice > 0 && hh.chainRation < 1 {
		// Rationed (supplied.go): the household gets the share
		// chainRation of what it offers at an unbounded capacity, and
		// chooses again with that capacity.
		h := *hh
		h.chainCapped = false
		offer := h.decideOnce(m, hazard, taste, nil).Uses[UseChain]
		h.chainCap, h.chainCapped = hh.chainRation*offer, true
		return h.decideOnce(m, hazard, taste, nil)
	}
	return hh.decideOnce(m, hazard, taste, nil)
}

// decideOnce is decide with the household's capacity of use 2 as it is.
// A household with schooling takes its school choice from pick when pick
// is known (choiceBook: a household with no conditional transfer and no
// rationing, whose choice is its hours and enrolment alone), and writes it
// there otherwise.
func (hh *Household) decideOnce(m, hazard float64, taste *[nb]float64, pick *schoolPick) Outcome {
	var o Outcome
	need := m * hh.Need
	hired0 := max(need-hh.FamilyDays, 0)
	o.Y0 = m*hh.NetFarm - hired0*hh.Wage + hh.OtherIncome
	for b := range o.Exposed {
		o.Exposed[b] = hazard < hh.Exposure[b]
		o.Active[b] = 1
	}
	if hh.School != nil && pick != nil && pick.known {
		// chooseSchool's choice, with no payment (the page's households
		// take none) and the cost of its combination.
		_, _, cost := hh.schoolCosts()
		e := int(pick.enrolled) & (1<<nb - 1)
		o.Hours, o.SchoolCost = pick.hours, cost[e]
		for b := range o.Enrolled {
			o.Enrolled[b] = e&(1<<b) != 0
		}
	} else if hh.School != nil {
		sc := hh.chooseSchool(o.Y0, m, o.Exposed, taste)
		o.Hours, o.Enrolled, o.CCTPaid, o.PremiumPaid, o.SchoolCost = sc.hours, sc.enrolled, sc.cct, sc.premium, sc.cost
		if pick != nil {
			*pick = pickOf(&sc)
		}
	} else if !hh.Ban {
		if hh.prep.ok && hh.prep.linear {
			hh.hoursFastTo(o.Y0, &o.Hours) // hh.free, in place
		} else {
			o.Hours = hh.free(m, o.Y0)
		}
		if !hh.OutsideWork {
			hh.capTo(&o.Hours, hh.HoursPerDay, hh.capDays(m)) // hh.capFarm, in place
		}
		if hh.CCT > 0 || hh.PremiumRate > 0 {
			o.CCTPaid, o.PremiumPaid = hh.comply(o.Y0, m, &o.Hours, o.Exposed)
		}
	}
	for b, h := range o.Hours {
		if hh.Withdraw > 0 || hh.Prevent > 0 {
			if cl, _ := Classify(b, h, o.Exposed[b]); cl {
				// Prevention keeps a share of the children from
				// starting; monitoring withdraws a share of the rest.
				o.Active[b] = (1 - hh.kept[b]) * (1 - hh.Withdraw)
				o.Prevented += hh.N[b] * hh.kept[b]
			}
		}
		n := hh.N[b] * o.Active[b]
		days := n * h * hh.W / hh.HoursPerDay
		o.ChildDays += days
		o.ChildAE += hh.Gamma[b] * days
	}
	o.Uses = hh.split(m, o.ChildAE, o.ChildDays)
	hh.account(&o, m, need, hired0)
	return o
}

// account closes the outcome o of a household of scale m whose work
// needs need days, hired0 of them hired without children: its labour
// (children replace hired days by use 1 and family days by uses 4 and 5)
// and its cash and full income, part by part.
func (hh *Household) account(o *Outcome, m, need, hired0 float64) {
	by := &o.Uses
	o.HiredDays = hired0 - by[UseHired]
	o.FamilyDays = max(min(need, hh.FamilyDays)-by[UseOffFarm]-by[UseFamily], 0)
	o.NOP = m*hh.NetFarm - o.HiredDays*hh.Wage
	o.OffFarm = hh.OffFarmIncome + by[UseOffFarm]*hh.OffFarmWage
	o.ChildOutside = by[UseOutside] * hh.Wage
	o.ChildChain = by[UseChain] * hh.ChainPrice
	o.Other = hh.Other
	o.Transfers = hh.TransferIncome + o.CCTPaid + o.PremiumPaid
	o.Income = o.Y0 + by[UseHired]*hh.Wage + by[UseOffFarm]*hh.OffFarmWage + o.ChildOutside + o.ChildChain + o.CCTPaid + o.PremiumPaid
	if hh.Compensation > 0 {
		comp := withdrawn(hh, o) * hh.Compensation // monitoring.go
		o.Transfers += comp
		o.Income += comp
	}
	o.Full = o.Income + by[UseFamily]*hh.FamilyTimeValue*hh.Wage
}

// limit returns the most hours a child of band b may work and still
// comply with the conditions of a conditional transfer or premium.
func (hh *Household) limit(b int, exposed, cct bool) float64 {
	const eps = 1e-6
	icls := 0.0
	if !exposed {
		switch b {
		case valuechain.Band12to14:
			icls = LightWorkHours - eps
		case valuechain.Band15to17:
			icls = AdultHours - eps
		}
	}
	if cct && hh.CCTHoursCap > 0 {
		return hh.CCTHoursCap
	}
	return icls
}

// comply compares the household's utility at its free choice of hours
// with that under every combination of bands that keep to the transfer's
// condition (docs/model.md section 5: "the household takes it if U at the capped
// optimum with Y0 + T is higher"): it replaces the free choice h with the
// best hours and returns what is paid.
func (hh *Household) comply(y0, m float64, h *[nb]float64, exposed [nb]bool) (cct, premium float64) {
	free := *h
	var present int
	for b := range hh.N {
		if hh.N[b] > 0 {
			present |= 1 << b
		}
	}
	prem := hh.PremiumRate * m * hh.Revenue
	// Complying in every band pays the most. When the household's free
	// choice at that income keeps every condition (no cap binds, nor the
	// farm's work), that choice is the best of all: utility rises strictly
	// with income when Alpha > 0, and no other option pays as much. The
	// search over the other combinations would find the same.
	if hh.Alpha > 0 && present != 0 {
		if hf, t, p, ok := hh.freeCompliance(y0, m, present, prem, exposed); ok {
			*h = hf
			return t, p
		}
	}
	// With linear earnings, the utility's tangents at the free choice
	// bound every other choice's: a combination whose bound is not above
	// the best so far is not worth its logarithms (fast.go).
	var best float64
	var tan tangent
	if hh.isLinear() {
		best, tan = hh.utilityTangent(y0, free)
	} else {
		best = hh.utility(m, y0, free)
	}
	for mask := 1; mask < 1<<nb; mask++ {
		if mask&present != mask {
			continue
		}
		full := mask == present
		var caps [nb]float64
		var children float64
		for b := range caps {
			caps[b] = hh.H
			if mask&(1<<b) != 0 {
				caps[b] = hh.limit(b, exposed[b], hh.CCT > 0)
				if full && prem > 0 {
					caps[b] = min(caps[b], hh.limit(b, exposed[b], false))
				}
				children += hh.N[b]
			}
		}
		t := hh.CCT * children
		p := 0.0
		if full {
			p = prem
		}
		if t+p == 0 {
			continue
		}
		// hh.capFarm(m, hh.capped(m, y0+t+p, caps)), in place
		var hc [nb]float64
		if hh.prep.ok && hh.prep.linear {
			hh.hoursCappedFastTo(y0+t+p, &caps, &hc)
		} else {
			hc = hh.capped(m, y0+t+p, caps)
		}
		if !hh.OutsideWork {
			hh.capTo(&hc, hh.HoursPerDay, hh.capDays(m))
		}
		if tan.below(&hh.Decision, y0+t+p, &hc, best) {
			continue
		}
		if u := hh.utility(m, y0+t+p, hc); u > best {
			best, *h, cct, premium = u, hc, t, p
		}
	}
	return cct, premium
}

// freeCompliance returns the hours, transfer and premium of complying in
// every band present when the household's unconstrained choice at that
// income already keeps every condition; ok is false otherwise.
func (hh *Household) freeCompliance(y0, m float64, present int, prem float64, exposed [nb]bool) (h [nb]float64, t, p float64, ok bool) {
	var children float64
	var caps [nb]float64
	for b := range caps {
		caps[b] = hh.H
		if present&(1<<b) != 0 {
			caps[b] = hh.limit(b, exposed[b], hh.CCT > 0)
			if prem > 0 {
				caps[b] = min(caps[b], hh.limit(b, exposed[b], false))
			}
			children += hh.N[b]
		}
	}
	t = hh.CCT * children
	if t+prem <= 0 {
		return h, 0, 0, false
	}
	h = hh.free(m, y0+t+prem)
	for b := range h {
		if present&(1<<b) != 0 && h[b] >= caps[b] {
			return h, 0, 0, false
		}
	}
	if hh.capFarm(m, h) != h {
		return h, 0, 0, false
	}
	return h, t, prem, true
}

// Tally accumulates the outcomes of a group's households.
type Tally struct {
	ByBand                           [nb]Children
	FamilyDays, HiredDays, ChildDays float64
	ChildAE                          float64
	SumY0, SumIncome                 float64 // SumIncome: cash income
	SumFull                          float64 // full income
	// The parts of the households' cash income, summed (Outcome).
	NOP, OffFarm, ChildOutside, Other, Transfers float64
	ChildChain                                   float64          // children's wages from actors of the chain (use 2)
	Uses                                         [NumUses]float64 // children's work by use, adult-equivalent days
	Below                                        float64          // households under the poverty line
	Weight                                       float64          // households counted
	AdultDays                                    float64          // days the adults offer, on and off the farm
}

// Merge adds the households counted in u.
func (t *Tally) Merge(u *Tally) {
	for b := range t.ByBand {
		t.ByBand[b].Add(&u.ByBand[b])
	}
	t.FamilyDays += u.FamilyDays
	t.HiredDays += u.HiredDays
	t.ChildDays += u.ChildDays
	t.ChildAE += u.ChildAE
	t.SumY0 += u.SumY0
	t.SumIncome += u.SumIncome
	t.SumFull += u.SumFull
	t.NOP += u.NOP
	t.OffFarm += u.OffFarm
	t.ChildOutside += u.ChildOutside
	t.ChildChain += u.ChildChain
	t.Other += u.Other
	t.Transfers += u.Transfers
	for k := range t.Uses {
		t.Uses[k] += u.Uses[k]
	}
	t.Below += u.Below
	t.Weight += u.Weight
	t.AdultDays += u.AdultDays
}

// Add counts one household's outcome, standing for weight households.
// Add does not allocate.
func (t *Tally) Add(hh *Household, o *Outcome, weight float64) {
	t.FamilyDays += weight * o.FamilyDays
	t.HiredDays += weight * o.HiredDays
	t.ChildDays += weight * o.ChildDays
	t.ChildAE += weight * o.ChildAE
	t.SumY0 += weight * o.Y0
	t.SumIncome += weight * o.Income
	t.SumFull += weight * o.Full
	t.NOP += weight * o.NOP
	t.OffFarm += weight * o.OffFarm
	t.ChildOutside += weight * o.ChildOutside
	t.ChildChain += weight * o.ChildChain
	t.Other += weight * o.Other
	t.Transfers += weight * o.Transfers
	for k := range t.Uses {
		t.Uses[k] += weight * o.Uses[k]
	}
	t.Weight += weight
	t.AdultDays += weight * hh.Adults * hh.AdultDays
	if o.Income < hh.S {
		t.Below += weight
	}
	if hh.School != nil {
		t.addSchool(hh, o, weight)
	}
	for b := range hh.Idle {
		t.addIdle(hh, b, weight)
	}
	for b, h := range o.Hours {
		n := weight * hh.N[b]
		if n == 0 {
			continue
		}
		c := &t.ByBand[b]
		girls := n * hh.GirlShare[b]
		c.Children += n
		if hh.BySex {
			c.Girls.Children += girls
			c.Boys.Children += n - girls
		}
		// Only the active share of the band works.
		a := o.Active[b]
		c.WeeklyHours += a * n * h
		if h >= WorkHours {
			c.Working += a * n
			if hh.BySex {
				c.Girls.Working += a * girls
				c.Boys.Working += a * (n - girls)
			}
		}
		cl, haz := Classify(b, h, o.Exposed[b])
		if cl {
			c.ChildLabour += a * n
			c.Hours += a * n * h * hh.W
			if hh.BySex {
				c.Girls.ChildLabour += a * girls
				c.Boys.ChildLabour += a * (n - girls)
				c.Girls.Hours += a * girls * h * hh.W
				c.Boys.Hours += a * (n - girls) * h * hh.W
			}
		}
		if haz {
			c.Hazardous += a * n
			if hh.BySex {
				c.Girls.Hazardous += a * girls
				c.Boys.Hazardous += a * (n - girls)
			}
		}
	}
}
