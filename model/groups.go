package model

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// adoption is a measure that targets a household group, with the group's
// adoption draws for it.
type adoption struct {
	m     *Measure
	draws []float64
	res   *MeasureResult
}

// households runs every household of actor i and closes its wages.
func (r *Result) households(i int, d *Draws, pop *Population, pol *Policy) Group {
	c := r.Chain
	a, acc, lab := &c.Actors[i], &r.Accounts[i], &r.Labour[i]
	base := NewHousehold(c, i, acc, lab.Need)
	var ads []adoption
	if pol != nil {
		for j := range pol.Measures {
			m := &pol.Measures[j]
			if m.targets(a.ID) && m.Coverage > 0 {
				ads = append(ads, adoption{m: m, draws: pop.AdoptDraws(a.ID, m.AdoptKey, len(d.Scale)), res: &r.Measures[j]})
			}
		}
	}
	income := make([]float64, len(d.Scale))
	var t Tally
	for k, m := range d.Scale {
		hh := base
		for _, ad := range ads {
			if ad.draws[k] < ad.m.Coverage {
				adopt(&hh, ad.m, ad.draws[k])
			}
		}
		o := hh.Decide(m, d.Hazard[k])
		income[k] = o.Income
		t.Add(&hh, &o)
		for _, ad := range ads {
			if ad.draws[k] < ad.m.Coverage {
				ad.res.Adopters++
				ad.res.Children += hh.N[0] + hh.N[1] + hh.N[2]
				ad.res.Paid += ad.m.Transfer
				if ad.m.CCT > 0 {
					ad.res.Paid += o.CCTPaid * ad.m.CCT / hh.CCT
				}
				if ad.m.PremiumRate > 0 {
					ad.res.Paid += o.PremiumPaid * ad.m.PremiumRate / hh.PremiumRate
				}
			}
		}
	}
	lab.FamilyDays, lab.HiredDays, lab.ChildDays = t.FamilyDays, t.HiredDays, t.ChildDays
	acc.Wages = t.HiredDays * base.Wage
	n := float64(len(income))
	g := Group{
		Actor:       a.ID,
		Households:  len(income),
		Subsistence: base.S,
		Income:      income,
		ByBand:      t.ByBand,
		BySex:       a.Household.BySex(),
		ChildDays:   t.ChildDays,
		ChildAE:     t.ChildAE,
		AdultSupply: a.Household.Adults * (a.Household.AdultDays + a.Household.OffFarmDays) * float64(len(income)),
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

// adopt applies a measure's effects to an adopting household whose
// adoption draw is u.
func adopt(hh *Household, m *Measure, u float64) {
	hh.OtherIncome += m.Transfer + hh.Adults*m.OffFarmDays*hh.OffFarmWage
	hh.CCT += m.CCT
	if m.CCTHoursCap > 0 {
		hh.CCTHoursCap = m.CCTHoursCap
	}
	hh.PremiumRate += m.PremiumRate
	for b := range hh.Exposure {
		hh.Exposure[b] = clamp01(hh.Exposure[b] * (1 + m.HazardChange))
		hh.Beta[b] *= 1 + m.BetaChange
	}
	hh.Exposure[nb-1] = clamp01(hh.Exposure[nb-1] * (1 + m.YouthHazardChange))
	if m.Withdrawal > 0 {
		// Years this household has been monitored: the years whose
		// coverage reached its draw.
		years := 0
		for _, c := range m.History {
			if u < c {
				years++
			}
		}
		w := 1 - math.Pow(1-m.Withdrawal, float64(years))
		hh.Withdraw = 1 - (1-hh.Withdraw)*(1-w)
	}
	hh.Ban = hh.Ban || m.Ban
}

func clamp01(x float64) float64 { return min(max(x, 0), 1) }
