package model

import (
	"context"
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Plan is a run over several years: the chain and household policy of
// each year 1..horizon (element 0 is year 1).
type Plan struct {
	Name string
	// Base is the chain without interventions: with a local labour market
	// its equilibrium is where every plan starts, and its supply at the
	// adult wage sets labour demand.
	Base  *valuechain.Chain
	Years []PlanYear
	// Memo, when not nil, remembers simulated years, also across the plans
	// that share it.
	Memo *Memo
	// TotalsOnly keeps no year's households, not even the final year's
	// (whose incomes the income-distribution chart reads).
	TotalsOnly bool
	// Context, when not nil, stops the plan once it is done.
	Context context.Context
}

// PlanYear is the chain and policy of one year.
type PlanYear struct {
	Chain  *valuechain.Chain
	Policy *Policy
}

// YearKPI is what a run gives in one year.
type YearKPI struct {
	Year         int
	Children     float64
	ChildLabour  float64
	Hazardous    float64
	WeeklyHours  float64 // weekly hours of all working children, summed
	Households   int
	TotalIncome  float64 // of all households
	MeanIncome   float64
	BelowPoverty float64
	ValueAdded   float64
	Cost         float64 // of all measures
	AdultWage    float64 // the chain's adult wage (set by the labour market when local)
	// Bands counts the children of the household groups with school keys
	// by band, with enrolment by sex and the four-way table
	// (Children.School); zero without school keys.
	Bands [nb]Children
	// Groups splits the year by household group (docs/model.md section 9),
	// in the chain's order, then HiredGroup when actors hire children from
	// outside the groups: their children add up to Children, ChildLabour,
	// Hazardous and WeeklyHours, their households and poor households to
	// the chain's.
	Groups []GroupKPI
}

// HiredGroup names the children actors hire from outside the chain's
// household groups in per-group results.
const HiredGroup = "hired"

// GroupKPI is a household group's part of a year's indicators.
type GroupKPI struct {
	Group        string // the household actor's id, or HiredGroup
	Children     float64
	ChildLabour  float64
	Hazardous    float64
	WeeklyHours  float64
	Households   int
	TotalIncome  float64 // cash income of the group's households
	MeanIncome   float64
	BelowPoverty float64 // share of the group's households below its poverty line
	Poor         float64 // households below the poverty line: BelowPoverty x Households
}

// Run is the yearly results of a plan.
type Run struct {
	Name    string
	Years   []YearKPI
	Results []*Result
}

// marketGrid is the number of wages scanned for equilibria.
const marketGrid = 80

// RunPlan simulates every year of the plan with the given population, so
// that every plan run with the same population sees the same households.
//
// With a local labour market the wage moves each year from the last year's
// (year 0: the base chain's equilibrium reached from its adult wage) to the
// equilibrium excess demand leads to (see Next).
func RunPlan(p Plan, pop *Population) (*Run, error) {
	run := &Run{Name: p.Name}
	var base *Market
	var wage, slope float64
	if p.Base != nil && p.Base.LabourMarket == "local" {
		var err error
		if base, err = NewMarket(p.Base, pop, nil); err != nil {
			return nil, err
		}
		base.Memo, base.Context = p.Memo, p.Context
		if wage, err = base.Reach(base.W0); err != nil {
			return nil, err
		}
		// Each run's search starts from the slope of the base chain's
		// supply: the same for every run, so no run depends on another.
		if slope, err = base.Slope(wage); err != nil {
			return nil, err
		}
	}
	// Prevention needs each household's state the year before: the year
	// before the first is the base chain without measures (monitoring.go).
	track := preventionTargets(&p)
	var before *History
	if len(track) > 0 && p.Base != nil {
		chain := p.Base
		if base != nil {
			chain = WithWage(p.Base, wage)
		}
		r, err := p.Memo.Simulate(chain, Options{Population: pop, AggregatesOnly: true, Context: p.Context, Track: track})
		if err != nil {
			return nil, err
		}
		before = r.History
	}
	for i, y := range p.Years {
		chain := y.Chain
		if base != nil {
			m := &Market{Chain: y.Chain, Population: pop, Policy: y.Policy, D0: base.D0, W0: base.W0, Elasticity: base.Elasticity, Memo: p.Memo, Context: p.Context, SupplySlope: slope,
				Track: track, Before: before}
			w, err := m.Reach(wage)
			if err != nil {
				return nil, fmt.Errorf("year %d: %w", i+1, err)
			}
			wage, slope = w, m.SupplySlope
			chain = WithWage(y.Chain, w)
		}
		// Only the final year's households are read (the income
		// distribution): earlier years keep their totals.
		last := i == len(p.Years)-1
		r, err := p.Memo.Simulate(chain, Options{Population: pop, Policy: y.Policy, AggregatesOnly: !last || p.TotalsOnly, Context: p.Context,
			Track: track, Before: before})
		if err != nil {
			return nil, err
		}
		if track != nil {
			before = r.History
		}
		run.Results = append(run.Results, r)
		run.Years = append(run.Years, KPIs(i+1, r))
	}
	return run, nil
}

// settle returns the stable equilibrium the market reaches from wage w,
// and every equilibrium.
func settle(m *Market, w float64) (float64, []Equilibrium, error) {
	eqs, err := m.Equilibria(marketGrid)
	if err != nil {
		return 0, nil, err
	}
	ex, err := m.Excess(w)
	if err != nil {
		return 0, nil, err
	}
	e, ok := Next(eqs, w, ex)
	if !ok {
		return 0, eqs, fmt.Errorf("the local labour market has no stable equilibrium between %.4g and %.4g%s", m.W0/MarketReach, m.W0*MarketReach, noteSuffix(m.Note))
	}
	return e.Wage, eqs, nil
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// KPIs gathers the yearly indicators of a result.
func KPIs(year int, r *Result) YearKPI {
	ch := r.ChildTotal()
	k := YearKPI{
		Year: year, Children: ch.Children, ChildLabour: ch.ChildLabour, Hazardous: ch.Hazardous,
		WeeklyHours: ch.WeeklyHours, Households: r.Totals.Households, BelowPoverty: r.Totals.BelowPoverty,
		ValueAdded: r.Totals.ValueAdded, AdultWage: r.Chain.AdultWage, Bands: r.SchoolBands(),
	}
	for _, g := range r.Groups {
		k.TotalIncome += g.MeanIncome * float64(g.Households)
		var ch Children
		for b := range g.ByBand {
			ch.Add(&g.ByBand[b])
		}
		k.Groups = append(k.Groups, GroupKPI{
			Group: g.Actor, Children: ch.Children, ChildLabour: ch.ChildLabour, Hazardous: ch.Hazardous,
			WeeklyHours: ch.WeeklyHours, Households: g.Households, TotalIncome: g.MeanIncome * float64(g.Households),
			MeanIncome: g.MeanIncome, BelowPoverty: g.BelowPoverty, Poor: g.BelowPoverty * float64(g.Households),
		})
	}
	if len(r.Hired) > 0 {
		h := GroupKPI{Group: HiredGroup}
		for i := range r.Hired {
			t := r.Hired[i].Total()
			h.Children += t.Children
			h.ChildLabour += t.ChildLabour
			h.Hazardous += t.Hazardous
			h.WeeklyHours += t.WeeklyHours
		}
		k.Groups = append(k.Groups, h)
	}
	if k.Households > 0 {
		k.MeanIncome = k.TotalIncome / float64(k.Households)
	}
	for _, m := range r.Measures {
		k.Cost += m.Cost
	}
	return k
}

// Appraisal holds the parameters of costs and benefits (docs/model.md section 9).
type Appraisal struct {
	DiscountRate           float64
	SchoolYearsPerHourYear float64 // 1/57
	ReturnPerSchoolYear    float64 // 0.10
	WorkingYears           float64 // 40
	YearsToWork            float64 // 10
	AdultEarnings          float64 // per year
	Spillover              float64 // 1 to 2.5
}

// Discount returns the factor (1+r)^-t.
func (a Appraisal) Discount(t float64) float64 { return math.Pow(1+a.DiscountRate, -t) }

// Annuity returns the present value, one year before the first payment,
// of 1 a year for n years: n when r = 0, else (1 - (1+r)^-n) / r.
func Annuity(r, n float64) float64 {
	if r == 0 {
		return n
	}
	return (1 - math.Pow(1+r, -n)) / r
}

// EducationBenefit returns the present value in year 0 of the schooling
// kept by cutting children's work by hourYears hours a week for one year,
// in year t: hourYears x school years per hour-year x return per school
// year x adult earnings, earned each year of a working life that starts
// YearsToWork years after t.
func (a Appraisal) EducationBenefit(t int, hourYears float64) float64 {
	gain := hourYears * a.SchoolYearsPerHourYear * a.ReturnPerSchoolYear * a.AdultEarnings
	return gain * Annuity(a.DiscountRate, a.WorkingYears) * a.Discount(float64(t)+a.YearsToWork)
}

// GroupSummary is Summary for one household group (or HiredGroup): what
// can be said of a group alone. Costs are the chain's, so the cost per
// child-year and the benefit-cost ratios are not split by group.
type GroupSummary struct {
	Group                 string
	Final                 GroupKPI // the last year
	ChildYearsAvoided     float64
	HazardousYearsAvoided float64
	PVIncomeGained        float64
	IncomeGainedPerHH     float64
	PVEducation           float64
}

// Summary compares a scenario's run with the baseline's, year by year.
type Summary struct {
	Name                  string
	Final                 YearKPI // the last year
	PVCost                float64
	ChildYearsAvoided     float64 // child-years of child labour
	HazardousYearsAvoided float64
	CostPerChildYear      float64 // PV cost / child-years avoided; NaN when none are
	PVIncomeGained        float64 // all households
	IncomeGainedPerHH     float64 // PV per household
	PVEducation           float64
	BCR                   float64 // (education + income gained) / cost
	BCRSpillover          float64 // (education + spillover x income gained) / cost
	// Groups is the same comparison group by group, in the order of
	// YearKPI.Groups.
	Groups []GroupSummary
}

// Compare appraises a scenario run against the baseline run.
func Compare(base, scen *Run, a Appraisal) Summary {
	s := Summary{Name: scen.Name}
	for i, y := range scen.Years {
		b := base.Years[i]
		d := a.Discount(float64(y.Year))
		s.PVCost += y.Cost * d
		s.ChildYearsAvoided += b.ChildLabour - y.ChildLabour
		s.HazardousYearsAvoided += b.Hazardous - y.Hazardous
		s.PVIncomeGained += (y.TotalIncome - b.TotalIncome) * d
		s.PVEducation += a.EducationBenefit(y.Year, b.WeeklyHours-y.WeeklyHours)
	}
	if n := len(scen.Years); n > 0 {
		s.Final = scen.Years[n-1]
		if s.Final.Households > 0 {
			s.IncomeGainedPerHH = s.PVIncomeGained / float64(s.Final.Households)
		}
	}
	s.Groups = compareGroups(base, scen, a)
	s.CostPerChildYear = math.NaN()
	if s.ChildYearsAvoided > 1e-9 {
		s.CostPerChildYear = s.PVCost / s.ChildYearsAvoided
	}
	s.BCR, s.BCRSpillover = math.NaN(), math.NaN()
	if s.PVCost > 0 {
		s.BCR = (s.PVEducation + s.PVIncomeGained) / s.PVCost
		s.BCRSpillover = (s.PVEducation + a.Spillover*s.PVIncomeGained) / s.PVCost
	}
	return s
}

// compareGroups appraises a scenario run against the baseline run group by
// group. The runs have the same groups every year (one chain, one
// population); a group missing in a year of one run (an actor that hires
// children in one run only) counts as zero there.
func compareGroups(base, scen *Run, a Appraisal) []GroupSummary {
	n := len(scen.Years)
	if n == 0 {
		return nil
	}
	var out []GroupSummary
	index := map[string]int{}
	slot := func(name string) *GroupSummary {
		j, ok := index[name]
		if !ok {
			j = len(out)
			index[name] = j
			out = append(out, GroupSummary{Group: name})
		}
		return &out[j]
	}
	for i, y := range scen.Years {
		b := base.Years[i]
		d := a.Discount(float64(y.Year))
		for _, g := range b.Groups {
			s := slot(g.Group)
			s.ChildYearsAvoided += g.ChildLabour
			s.HazardousYearsAvoided += g.Hazardous
			s.PVIncomeGained -= g.TotalIncome * d
			s.PVEducation += a.EducationBenefit(y.Year, g.WeeklyHours)
		}
		for _, g := range y.Groups {
			s := slot(g.Group)
			s.ChildYearsAvoided -= g.ChildLabour
			s.HazardousYearsAvoided -= g.Hazardous
			s.PVIncomeGained += g.TotalIncome * d
			s.PVEducation -= a.EducationBenefit(y.Year, g.WeeklyHours)
		}
	}
	for _, g := range scen.Years[n-1].Groups {
		s := slot(g.Group)
		s.Final = g
		if g.Households > 0 {
			s.IncomeGainedPerHH = s.PVIncomeGained / float64(g.Households)
		}
	}
	return out
}
