package model

import (
	"sort"

	"gonum.org/v1/gonum/stat"

	"vcsim/valuechain"
)

// Household is what every household of a group shares, per unit of scale
// m_h (MODEL.md 4-5). Households of the group differ only by their draws.
type Household struct {
	Decision
	NetFarm     float64     // farm net income before hired labour, per unit of scale
	Need        float64     // adult-equivalent days of work, per unit of scale
	CapDays     float64     // child-suitable days, per unit of scale
	FamilyDays  float64     // days the household's adults give the farm
	Wage        float64     // adult wage per day
	OtherIncome float64     // off-farm earnings + other income + transfers
	Gamma       [nb]float64 // child productivity by band
	HoursPerDay float64
	Exposure    float64     // probability a working child is exposed to hazards
	GirlShare   [nb]float64 // share of girls by band (when given by sex)
	BySex       bool        // whether children are counted by sex
}

// NewHousehold builds the shared household of household actor i from its
// account (which must have all lines but wages and profit).
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
		Exposure:    a.Exposure(),
		FamilyDays:  g.Adults * g.AdultDays,
	}
	n := float64(acc.Count)
	hh.NetFarm = (acc.ValueAdded - acc.Interest - acc.Taxes - acc.Depreciation - acc.Rent) / n
	hh.Need = need / n
	hh.CapDays = childSuitableDays(a) * acc.mainOutput() / n
	offWage := g.OffFarmWage
	if offWage == 0 {
		offWage = wage
	}
	hh.OtherIncome = g.Adults*g.OffFarmDays*offWage + g.OtherIncome + g.Transfers
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
	hh.S = c.PovertyLine * ae
	return hh
}

// Outcome is what one household does in the year.
type Outcome struct {
	Y0     float64     // income without child work
	Income float64     // income with the children's work
	Hours  [nb]float64 // weekly hours of each child, by band
	// Family and hired adult days and children's days on the farm.
	FamilyDays, HiredDays, ChildDays float64
}

// Decide returns the outcome of a household of scale m: its income without
// child work, the children's hours (Stone-Geary, then the farm cap), its
// income and the labour it uses. Decide does not allocate.
func (hh *Household) Decide(m float64) Outcome {
	var o Outcome
	need := m * hh.Need
	hired0 := need - hh.FamilyDays
	if hired0 < 0 {
		hired0 = 0
	}
	o.Y0 = m*hh.NetFarm - hired0*hh.Wage + hh.OtherIncome
	o.Hours = hh.Cap(hh.Hours(o.Y0), hh.HoursPerDay, m*hh.CapDays)
	o.Income = o.Y0 + hh.Earnings(o.Hours)
	var childAE float64
	for b := range o.Hours {
		days := hh.N[b] * o.Hours[b] * hh.W / hh.HoursPerDay
		o.ChildDays += days
		childAE += hh.Gamma[b] * days
	}
	rest := need - childAE
	if rest < 0 {
		rest = 0
	}
	o.FamilyDays = min(rest, hh.FamilyDays)
	o.HiredDays = rest - o.FamilyDays
	return o
}

// Tally accumulates the outcomes of a group's households.
type Tally struct {
	ByBand                           [nb]Children
	FamilyDays, HiredDays, ChildDays float64
	SumY0, SumIncome                 float64
	Below                            int
}

// Add counts one household's outcome; hazard is its uniform hazard draw.
// Add does not allocate.
func (t *Tally) Add(hh *Household, o *Outcome, hazard float64) {
	t.FamilyDays += o.FamilyDays
	t.HiredDays += o.HiredDays
	t.ChildDays += o.ChildDays
	t.SumY0 += o.Y0
	t.SumIncome += o.Income
	if o.Income < hh.S {
		t.Below++
	}
	exposed := hazard < hh.Exposure
	for b := range o.Hours {
		n := hh.N[b]
		if n == 0 {
			continue
		}
		c := &t.ByBand[b]
		c.Children += n
		girls := n * hh.GirlShare[b]
		if hh.BySex {
			c.Girls.Children += girls
			c.Boys.Children += n - girls
		}
		h := o.Hours[b]
		if h >= WorkHours {
			c.Working += n
			if hh.BySex {
				c.Girls.Working += girls
				c.Boys.Working += n - girls
			}
		}
		cl, haz := Classify(b, h, exposed)
		if cl {
			c.ChildLabour += n
			c.Hours += n * h * hh.W
			if hh.BySex {
				c.Girls.ChildLabour += girls
				c.Boys.ChildLabour += n - girls
			}
		}
		if haz {
			c.Hazardous += n
			if hh.BySex {
				c.Girls.Hazardous += girls
				c.Boys.Hazardous += n - girls
			}
		}
	}
}

// households runs every household of actor i and closes its wages.
func (r *Result) households(i int, d *Draws) Group {
	c := r.Chain
	a, acc, lab := &c.Actors[i], &r.Accounts[i], &r.Labour[i]
	hh := NewHousehold(c, i, acc, lab.Need)
	income := make([]float64, len(d.Scale))
	var t Tally
	for k, m := range d.Scale {
		o := hh.Decide(m)
		income[k] = o.Income
		t.Add(&hh, &o, d.Hazard[k])
	}
	lab.FamilyDays, lab.HiredDays, lab.ChildDays = t.FamilyDays, t.HiredDays, t.ChildDays
	acc.Wages = t.HiredDays * hh.Wage
	n := float64(len(income))
	g := Group{
		Actor:       a.ID,
		Households:  len(income),
		Subsistence: hh.S,
		Income:      income,
		ByBand:      t.ByBand,
		BySex:       a.Household.BySex(),
		ChildDays:   t.ChildDays,
	}
	if n > 0 {
		g.MeanIncome = t.SumIncome / n
		g.MeanY0 = t.SumY0 / n
		g.BelowPoverty = float64(t.Below) / n
		sorted := append([]float64(nil), income...)
		sort.Float64s(sorted)
		g.Median = stat.Quantile(0.5, stat.LinInterp, sorted, nil)
	}
	return g
}
