package scenarios

import (
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Baseline is the name of the run without interventions.
const Baseline = "baseline"

// CoverageIn returns the share of the targets reached in year t: zero before
// the start and after the end; then coverage x ramp, where the linear ramp
// is min(1, (t - start + 1) / ramp_years) and the logistic one follows an
// S-curve reaching 1 at ramp_years.
func (iv *Intervention) CoverageIn(t int) float64 {
	start := max(iv.Start, 1)
	if t < start || (iv.End > 0 && t > iv.End) {
		return 0
	}
	x := float64(t - start + 1)
	r := iv.RampYears
	if r <= 1 {
		return iv.Coverage
	}
	f := math.Min(1, x/r)
	if iv.Ramp == "logistic" {
		k := 8 / r
		l := func(x float64) float64 { return 1 / (1 + math.Exp(-k*(x-r/2))) }
		f = math.Min(1, l(x)/l(r))
	}
	return iv.Coverage * f
}

// effect returns the intervention's effect size: the scenario's value, or
// the guide's default.
func (iv *Intervention) effect(key string) float64 {
	if v, ok := iv.Effect[key]; ok {
		return v
	}
	g, _ := guide.Lookup(iv.Type)
	e, _ := g.Effect(key)
	return e.Default
}

// label returns the intervention's name in results.
func (iv *Intervention) label() string {
	if iv.Name != "" {
		return iv.Name
	}
	return fmt.Sprintf("%s on %v", iv.Type, iv.Targets)
}

// Year applies the scenario to a copy of chain c for year t (1..horizon):
// it returns the changed chain and the household policy of that year.
// The chain c is not changed.
func (s *Scenario) Year(c *valuechain.Chain, t int) (*valuechain.Chain, *model.Policy) {
	d := c.Clone()
	pol := &model.Policy{}
	for i := range s.Interventions {
		iv := &s.Interventions[i]
		cov := iv.CoverageIn(t)
		m := model.Measure{
			Name: iv.label(), Type: iv.Type, Targets: iv.Targets, Coverage: cov,
			AdoptKey: fmt.Sprintf("%s/%v/%d", iv.Type, iv.Targets, countBefore(s.Interventions[:i], iv)),
		}
		if cov > 0 {
			m.PerAdopter = iv.Cost.PerAdopterPerYear
			m.PerChild = iv.Cost.PerChildPerYear
			applyActorEffects(d, c, iv, cov)
			householdEffects(&m, iv, c)
			if o := s.named(iv.With); iv.Type == "monitoring" && o != nil {
				// The package's transfer, per withdrawn child.
				m.Compensation = amount(o, c)
			}
		}
		if m.Withdrawal > 0 {
			// Monitoring compounds over the years a household was covered.
			for y := max(iv.Start, 1); y <= t; y++ {
				m.History = append(m.History, iv.CoverageIn(y))
			}
		}
		if t == max(iv.Start, 1) {
			m.FixedCost = iv.Cost.Fixed
		}
		pol.Measures = append(pol.Measures, m)
	}
	return d, pol
}

// countBefore counts earlier interventions of the same type and targets,
// so that repeated ones get their own adoption order.
func countBefore(ivs []Intervention, iv *Intervention) int {
	n := 0
	for _, o := range ivs {
		if o.Type == iv.Type && fmt.Sprint(o.Targets) == fmt.Sprint(iv.Targets) {
			n++
		}
	}
	return n
}

// householdEffects fills the measure's effects on adopting households.
func householdEffects(m *model.Measure, iv *Intervention, c *valuechain.Chain) {
	switch iv.Type {
	case "cash_transfer":
		m.Transfer = amount(iv, c)
	case "cct":
		m.CCT = amount(iv, c)
		m.CCTHoursCap = iv.effect("hours_cap")
	case "premium":
		m.PremiumRate = iv.effect("premium")
	case "adult_employment":
		m.OffFarmDays = iv.effect("off_farm_days")
	case "osh":
		m.HazardChange = iv.effect("hazard_change")
	case "mechanisation":
		if hasHousehold(c, iv.Targets) {
			m.HazardChange = iv.effect("hazard_change")
		}
	case "education":
		educationEffects(m, iv, c)
	case "awareness":
		m.BetaChange = iv.effect("beta_change")
	case "youth_skills":
		m.YouthHazardChange = iv.effect("youth_hazard_change")
	case "monitoring":
		m.Withdrawal = iv.effect("withdrawal")
		m.Months = iv.effect("months")
		m.Prevention = iv.effect("prevention")
	case "ban":
		m.Ban = true
	}
}

// educationEffects fills an education measure's effects: on targets with
// school keys it lowers school costs and raises the value of school
// (docs/model.md section 5b), and moves beta only when the scenario gives
// beta_change; on the others it moves beta as before.
func educationEffects(m *model.Measure, iv *Intervention, c *valuechain.Chain) {
	school := false
	for _, id := range iv.Targets {
		if a, _ := c.Actor(id); a != nil && a.Household != nil && a.Household.HasSchool() {
			school = true
		}
	}
	if !school {
		m.BetaChange = iv.effect("beta_change")
		return
	}
	if _, given := iv.Effect["beta_change"]; given {
		m.BetaChange = iv.effect("beta_change")
	}
	m.SchoolCostChange = iv.effect("school_cost_change")
	m.SchoolValueGain = iv.effect("school_value_gain")
}

func hasHousehold(c *valuechain.Chain, ids []string) bool {
	for _, id := range ids {
		if a, _ := c.Actor(id); a != nil && a.Kind == valuechain.Household {
			return true
		}
	}
	return false
}

// amount returns a transfer in money: the scenario's amount, or the
// guide's default in poverty lines.
func amount(iv *Intervention, c *valuechain.Chain) float64 {
	if v, ok := iv.Effect["amount"]; ok {
		return v
	}
	return iv.effect("amount") * c.PovertyLine
}

// applyActorEffects changes the targets in d for the actor-level types,
// with intensity cov: the actor's average moves by cov x the effect. The
// original chain c gives the untouched links for a bypass.
func applyActorEffects(d, c *valuechain.Chain, iv *Intervention, cov float64) {
	for _, id := range iv.Targets {
		a, _ := d.Actor(id)
		if a == nil {
			continue
		}
		switch iv.Type {
		case "productivity":
			scaleOutput(a, d, 1+cov*iv.effect("output_change"))
			scaleCosts(a, 1+cov*iv.effect("cost_change"))
		case "finance":
			a.InterestRate *= 1 + cov*iv.effect("interest_change")
			scaleOutput(a, d, 1+cov*iv.effect("output_change"))
		case "mechanisation":
			scaleTasks(a, iv.Tasks, 1+cov*iv.effect("days_change"))
		case "cooperative":
			scalePrices(d, a, 1+cov*iv.effect("price_change"))
			addFee(a, cov*iv.effect("fee"))
			if iv.Bypass != "" {
				bypass(d, id, iv.Bypass, cov)
			}
		case "market_linkage":
			scalePrices(d, a, 1+cov*iv.effect("price_change"))
			scaleOutput(a, d, 1+cov*iv.effect("conversion_change"))
		case "adult_employment":
			if f := iv.effect("wage_change"); f != 0 {
				a.AdultWage = a.Wage(d) * (1 + cov*f)
			}
		}
		if a.ChildShare > 0 {
			hiredEffects(a, iv, cov)
		}
	}
}

// hiredEffects applies a measure to the children actor a hires
// (docs/model.md section 4, "Hired children are children"): the covered
// share of its firms stop hiring children (ban, premium, code of conduct
// with its compliance, monitoring with its withdrawal) and adults at the
// adult wage do their days; exposure falls (osh, code of conduct).
func hiredEffects(a *valuechain.Actor, iv *Intervention, cov float64) {
	cut := func(f float64) { a.HiredHazardCut = 1 - (1-a.HiredHazardCut)*(1+min(max(f, -1), 0)) }
	switch iv.Type {
	case "ban", "premium":
		a.ChildShare *= 1 - cov
	case "monitoring":
		a.ChildShare *= 1 - cov*iv.effect("withdrawal")
	case "code_of_conduct":
		a.ChildShare *= 1 - cov*iv.effect("compliance")
		cut(cov * iv.effect("hazard_change"))
	case "osh":
		cut(cov * iv.effect("hazard_change"))
	}
}

// scaleOutput raises a primary producer's output per unit, or another
// actor's conversion (every product's, for joint products).
func scaleOutput(a *valuechain.Actor, c *valuechain.Chain, f float64) {
	if f == 1 {
		return
	}
	if c.IsPrimary(a.ID) {
		a.OutputPerUnit *= f
		return
	}
	if len(a.Products) == 0 {
		v := f
		if a.Conversion != nil {
			v *= *a.Conversion
		}
		a.Conversion = &v
		return
	}
	for i := range a.Products {
		v := a.Products[i].Conv() * f
		a.Products[i].Conversion = &v
	}
}

func scaleCosts(a *valuechain.Actor, f float64) {
	for k := range a.Costs {
		a.Costs[k] *= f
	}
}

// scaleTasks changes the days of the named tasks, or of every child-suitable task.
func scaleTasks(a *valuechain.Actor, names []string, f float64) {
	for i := range a.Tasks {
		t := &a.Tasks[i]
		if named(names, t.Name) || (len(names) == 0 && t.ChildSuitable > 0) {
			t.DaysPerUnit *= f
		}
	}
}

func named(names []string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

// scalePrices raises the prices the actor gets: its own products' prices
// and the explicit prices of its links.
func scalePrices(c *valuechain.Chain, a *valuechain.Actor, f float64) {
	a.Price *= f
	for i := range a.Products {
		a.Products[i].Price *= f
	}
	for i := range c.Links {
		if l := &c.Links[i]; l.From == a.ID && l.Price != nil {
			p := *l.Price * f
			l.Price = &p
		}
	}
}

// addFee adds a cooperative fee, a share of the actor's price, as an
// external input per unit of output.
func addFee(a *valuechain.Actor, share float64) {
	if share == 0 {
		return
	}
	if a.Costs == nil {
		a.Costs = map[string]float64{}
	}
	a.Costs["cooperative_fee"] += share * a.Outputs()[0].Price
}

// bypass sends the share cov of what actor id sells to the intermediary
// mid straight to mid's buyers, at mid's prices, with both legs' losses
// and transport costs.
func bypass(d *valuechain.Chain, id, mid string, cov float64) {
	midActor, _ := d.Actor(mid)
	var added []valuechain.Link
	for i := range d.Links {
		l := &d.Links[i]
		if l.From != id || l.To != mid {
			continue
		}
		moved := l.Share * cov
		l.Share -= moved
		for _, m := range d.Links {
			if m.From != mid {
				continue
			}
			price := midActor.Price
			if m.Price != nil {
				price = *m.Price
			}
			added = append(added, valuechain.Link{
				From: id, To: m.To, Product: l.Product, Share: moved * m.Share, Price: &price,
				Loss: 1 - (1-l.Loss)*(1-m.Loss), TransportCost: l.TransportCost + m.TransportCost,
			})
		}
	}
	d.Links = append(d.Links, added...)
}
