package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// randomPolicy returns a policy of 1 to 4 measures on actor id drawn at
// random: transfers, conditional transfers, premiums, safety, education
// and monitoring (with a random coverage history), so that every path of
// householdRange is taken.
func randomPolicy(rng *rand.Rand, id string) *Policy {
	var pol Policy
	for j := range 1 + rng.IntN(4) {
		m := Measure{Name: fmt.Sprint("m", j), Targets: []string{id}, AdoptKey: fmt.Sprint("key", rng.IntN(3)),
			Coverage: 0.2 + 0.7*rng.Float64()}
		switch rng.IntN(6) {
		case 0:
			m.Transfer = 500 + 2000*rng.Float64()
		case 1:
			m.CCT = 200 + 600*rng.Float64()
			if rng.IntN(2) == 0 {
				m.CCTHoursCap = 5 + 10*rng.Float64()
			}
		case 2:
			m.PremiumRate = 0.02 + 0.1*rng.Float64()
		case 3:
			m.HazardChange, m.YouthHazardChange, m.BetaChange = -0.5*rng.Float64(), -0.5*rng.Float64(), 0.5*rng.Float64()
		case 4:
			m.SchoolCostChange, m.SchoolValueGain, m.BetaChange = -0.5, 0.5*rng.Float64(), 0.2*rng.Float64()
		case 5:
			m.Withdrawal, m.Months = 0.3+0.5*rng.Float64(), float64(rng.IntN(13))
			if rng.IntN(2) == 0 {
				m.Compensation = 500 * rng.Float64()
			}
			for range 1 + rng.IntN(8) {
				m.History = append(m.History, rng.Float64())
			}
			m.Coverage = m.History[len(m.History)-1]
		}
		pol.Measures = append(pol.Measures, m)
	}
	return &pol
}

// TestCombosAreOneByOne: households built once per combination of the
// measures they adopt and the years they have been monitored
// (householdRange) give the same result, bit for bit, as households built
// one by one, on the cotton example with and without school keys, under
// random policies.
func TestCombosAreOneByOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 23))
	for trial := range 24 {
		c := loadCotton(t)
		for i := range c.Actors {
			if h := c.Actors[i].Household; h != nil {
				c.Actors[i].Count = 2000
				if trial%2 == 1 {
					h.SchoolCost = &[nb]float64{100, 150, 200}
					h.SchoolValue = &[nb]float64{1.5, 1.5, 1.5}
				}
			}
		}
		if err := valuechain.Validate(c, "cotton"); err != nil {
			t.Fatal(err)
		}
		pop := NewPopulation(c, uint64(trial))
		pol := randomPolicy(rng, "dekhan")
		run := func(cache bool) *Result {
			defer func(v bool) { cacheCombos = v }(cacheCombos)
			cacheCombos = cache
			r, err := Simulate(c, Options{Population: pop, Policy: pol})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		got, want := run(true), run(false)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("trial %d (%+v): households built once per combination differ from households built one by one", trial, pol.Measures)
		}
	}
}

// complyRef is comply as it was before the tangent bound (fast.go): every
// combination's utility is computed. The reference for TestComplyIsRef.
func (hh *Household) complyRef(y0, m float64, free [nb]float64, exposed [nb]bool) (h [nb]float64, cct, premium float64) {
	best := hh.utility(m, y0, free)
	h = free
	var present int
	for b := range hh.N {
		if hh.N[b] > 0 {
			present |= 1 << b
		}
	}
	prem := hh.PremiumRate * m * hh.Revenue
	if hh.Alpha > 0 && present != 0 {
		if h, t, p, ok := hh.freeCompliance(y0, m, present, prem, exposed); ok {
			return h, t, p
		}
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
		hc := hh.capFarm(m, hh.capped(m, y0+t+p, caps))
		if u := hh.utility(m, y0+t+p, hc); u > best {
			best, h, cct, premium = u, hc, t, p
		}
	}
	return h, cct, premium
}

// randomHousehold returns a household with random composition, incomes,
// preferences and farm, with the default earnings or (when general) with
// another use of children's work open.
func randomHousehold(rng *rand.Rand, general bool) Household {
	hh := Household{
		Decision: Decision{N: [nb]float64{float64(rng.IntN(3)), float64(rng.IntN(3)) * rng.Float64(), float64(rng.IntN(2))},
			Beta:  [nb]float64{0.05 + 0.3*rng.Float64(), 0.05 + 0.3*rng.Float64(), 0.05 + 0.3*rng.Float64()},
			Alpha: 0.3 + 1.5*rng.Float64(), S: 2000 + 20000*rng.Float64(), H: 56, W: 8 + 20*rng.Float64()},
		NetFarm: 30000 * rng.Float64(), Revenue: 40000 * rng.Float64(), Need: 400 * rng.Float64(), CapDays: 200 * rng.Float64(),
		FamilyDays: 300 * rng.Float64(), Wage: 30 + 60*rng.Float64(), Adults: 2, AdultDays: 150, OffFarmWage: 50 + 20*rng.Float64(),
		Gamma: [nb]float64{0.5, 0.7, 0.9}, HoursPerDay: 8, Exposure: [nb]float64{rng.Float64(), rng.Float64(), rng.Float64()},
		FamilyTimeValue: 1, OffFarmIncome: 1000 * rng.Float64(), Other: 5000 * rng.Float64(), TransferIncome: 500,
	}
	hh.OtherIncome = hh.OffFarmIncome + hh.Other + hh.TransferIncome
	if rng.IntN(4) == 0 {
		hh.CapDays = math.Inf(1)
	}
	if general {
		switch rng.IntN(3) {
		case 0:
			hh.FamilyTimeValue = rng.Float64()
		case 1:
			hh.OutsideWork = true
		case 2:
			hh.OffFarmMax = 30 * rng.Float64()
		}
	}
	for b := range hh.V {
		hh.V[b] = hh.Gamma[b] * hh.Wage / hh.HoursPerDay
	}
	return hh
}

// TestComplyIsRef: comply with the tangent bound chooses, bit for bit, the
// hours and payments complyRef does, for random households with
// conditional transfers (with and without an hours cap) and premiums,
// above and below subsistence; and the bound spares most utilities.
func TestComplyIsRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 19))
	for trial := range 20000 {
		hh := randomHousehold(rng, trial%5 == 4)
		switch trial % 3 {
		case 0:
			hh.CCT = 2000 * rng.Float64()
		case 1:
			hh.PremiumRate = 0.2 * rng.Float64()
		case 2:
			hh.CCT, hh.PremiumRate = 2000*rng.Float64(), 0.2*rng.Float64()
		}
		if rng.IntN(3) == 0 {
			hh.CCTHoursCap = 20 * rng.Float64()
		}
		hh.prepare()
		m, hazard := 0.2+2*rng.Float64(), rng.Float64()
		need := m * hh.Need
		y0 := m*hh.NetFarm - max(need-hh.FamilyDays, 0)*hh.Wage + hh.OtherIncome
		var exposed [nb]bool
		for b := range exposed {
			exposed[b] = hazard < hh.Exposure[b]
		}
		free := hh.capFarm(m, hh.free(m, y0))
		gh := free
		gc, gp := hh.comply(y0, m, &gh, exposed)
		wh, wc, wp := hh.complyRef(y0, m, free, exposed)
		if gh != wh || gc != wc || gp != wp {
			t.Fatalf("trial %d: comply %v %v %v, reference %v %v %v", trial, gh, gc, gp, wh, wc, wp)
		}
	}
}

// closedKRef and bestFreeRef are closedK and bestFree as they were before
// the hours were written in place and the search kept a mask: the
// references for TestBestFreeIsRef.
func (hh *Household) closedKRef(e int, y, capDays float64) (k, den, c float64, h [nb]float64, st int) {
	p := hh.sprep
	f := p.all
	for i := range nb + 1 {
		k = y - hh.S + p.a[e][f]
		if !(k > 0) {
			if i == 0 {
				return k, 0, 0, h, formPoor
			}
			return k, 0, 0, h, formUnknown
		}
		q := k / p.den[e][f]
		g := f
		days := 0.0
		for b := 0; b < nb; b++ {
			if f&(1<<b) == 0 {
				h[b] = 0
				continue
			}
			x := p.hb[e][b] - p.bvw[b]*q
			if x <= 0 {
				g &^= 1 << b
				h[b] = 0
				continue
			}
			h[b] = x
			days += hh.N[b] * x
		}
		if g == f {
			if days*hh.W/hh.HoursPerDay > capDays {
				return k, p.den[e][f], p.c[e][f], h, formCapped
			}
			return k, p.den[e][f], p.c[e][f], h, formExact
		}
		f = g
	}
	return k, 0, 0, h, formUnknown
}

func (hh *Household) bestFreeRef(m, y0, capDays float64, present int, cost, value *[1 << nb]float64, taste *[nb]float64) schoolChoice {
	var bound, ks, dens, cs [1 << nb]float64
	var hours [1 << nb][nb]float64
	var state [1 << nb]int
	kref := 0.0
	for e := 0; e < 1<<nb; e++ {
		bound[e] = math.NaN()
		if e&present != e {
			continue
		}
		ks[e], dens[e], cs[e], hours[e], state[e] = hh.closedKRef(e, y0-cost[e], capDays)
		if state[e] <= formCapped {
			kref = max(kref, ks[e])
		}
	}
	// One logarithm bounds them all: ln is concave, so ln k <= ln kref +
	// (k - kref) / kref, the tangent at kref.
	lref := 0.0
	if kref > 0 {
		lref = math.Log(kref)
	}
	for e := range bound {
		if e&present != e {
			continue
		}
		switch state[e] {
		case formPoor:
			bound[e] = math.Inf(-1)
		case formUnknown:
			bound[e] = math.Inf(1)
		default:
			bound[e] = dens[e]*(lref+(ks[e]-kref)/kref) + cs[e] + value[e]
		}
	}
	best := schoolChoice{utility: math.Inf(-1)}
	found := false
	for {
		e := -1
		for i := range bound {
			if !math.IsNaN(bound[i]) && (e < 0 || bound[i] > bound[e]) {
				e = i
			}
		}
		if e < 0 || bound[e] <= best.utility {
			break
		}
		o := schoolChoice{hours: hours[e]}
		switch state[e] {
		case formExact:
			o.utility = dens[e]*math.Log(ks[e]) + cs[e] + value[e]
		case formCapped:
			// The farm's work caps the hours the closed form found: every
			// band's are scaled by the same factor (Decision.Cap).
			o.hours = hh.Cap(o.hours, hh.HoursPerDay, capDays)
			o.utility = hh.endowedUtility(y0-cost[e], o.hours, hh.sprep.hb[e]) + value[e]
		default:
			o = hh.option(m, e, y0-cost[e], [nb]float64{hh.H, hh.H, hh.H}, capDays, value[e])
		}
		for b := range o.enrolled {
			o.enrolled[b] = e&(1<<b) != 0
		}
		o.cost = cost[e]
		if !found || o.utility > best.utility || (o.utility == best.utility && e < bestE(best)) {
			best, found = o, true
		}
		bound[e] = math.NaN()
	}
	if !found {
		best = hh.destitute(m, y0, capDays, present, cost, value, taste)
	}
	return best
}

// TestBestFreeIsRef: bestFree chooses, bit for bit, what bestFreeRef does
// (enrolment, hours, cost and utility), for random households with
// schooling: with and without children in each band, above and below
// subsistence, with the farm's work capping the hours or not, with taste
// draws and school values of either sign.
func TestBestFreeIsRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 31))
	kinds := map[int]int{}
	for trial := range 20000 {
		hh := randomHousehold(rng, false)
		hh.School = &Schooling{Cost: [nb]float64{3000 * rng.Float64(), 3000 * rng.Float64(), 3000 * rng.Float64()},
			Hours: [nb]float64{20, 25, 25}, Value: [nb]float64{2*rng.Float64() - 0.5, 2*rng.Float64() - 0.5, 2*rng.Float64() - 0.5}, TasteSD: 1}
		if trial%3 == 0 {
			// Children who value their time much more than income: bands
			// leave the closed form.
			hh.Beta[rng.IntN(nb)] = 20 * rng.Float64()
			hh.Alpha = 0.05 + 0.2*rng.Float64()
		}
		hh.prepare()
		var taste [nb]float64
		for b := range taste {
			taste[b] = rng.NormFloat64()
		}
		m := 0.2 + 2*rng.Float64()
		y0 := m*hh.NetFarm - max(m*hh.Need-hh.FamilyDays, 0)*hh.Wage + hh.OtherIncome
		capDays := m * hh.CapDays
		present := 0
		var cost, value [1 << nb]float64
		for b := range hh.N {
			if hh.N[b] > 0 {
				present |= 1 << b
			}
		}
		for e := range cost {
			for b := range hh.N {
				if e&(1<<b) != 0 {
					cost[e] += hh.N[b] * hh.School.Cost[b]
					value[e] += hh.N[b] * (hh.School.Value[b] + taste[b])
				}
			}
		}
		if hh.sprep == nil || !hh.sprep.ok {
			continue
		}
		var ref logRef
		var cf closedForms
		got, _ := hh.bestFree(m, y0, capDays, present, &cost, &value, &taste, &ref, &cf)
		want := hh.bestFreeRef(m, y0, capDays, present, &cost, &value, &taste)
		if got != want && !(math.IsNaN(got.utility) && math.IsNaN(want.utility)) {
			t.Fatalf("trial %d: bestFree %+v, reference %+v", trial, got, want)
		}
		for e := range 1 << nb {
			if e&present == e {
				for _, cd := range []float64{capDays, math.Inf(1)} {
					h := [nb]float64{-1, -1, -1} // written whatever was there
					k, den, c, st := hh.closedK(e, y0-cost[e], cd, &h)
					wk, wden, wc, wh, wst := hh.closedKRef(e, y0-cost[e], cd)
					if st == formPoor {
						wh = [nb]float64{-1, -1, -1} // closedK returns before writing them
					}
					if k != wk || den != wden || c != wc || st != wst || h != wh {
						t.Fatalf("trial %d e %b: closedK %v %v %v %v %v, reference %v %v %v %v %v", trial, e, k, den, c, h, st, wk, wden, wc, wh, wst)
					}
				}
				var h [nb]float64
				_, _, _, st := hh.closedK(e, y0-cost[e], capDays, &h)
				kinds[st]++
			}
		}
	}
	t.Logf("closed form states: %v", kinds)
	// formUnknown is out of reach: a band leaves the closed form when
	// K >= hb_b D V_b W / Beta_b, and then K less its earnings is at least
	// hb_b V_b W Alpha / Beta_b > 0.
	for st := formExact; st <= formPoor; st++ {
		if kinds[st] < 100 {
			t.Errorf("state %d met %d times: the random households do not reach it", st, kinds[st])
		}
	}
}

// chooseSchoolRef is chooseSchool as it was before the sums of costs and
// values by combination were built band by band and the transfers' search
// was bounded without logarithms, with bestFreeRef: the reference for
// TestChooseSchoolIsRef.
func (hh *Household) chooseSchoolRef(y0, m float64, exposed [nb]bool, taste *[nb]float64) schoolChoice {
	s := hh.School
	present := 0
	for b := range hh.N {
		if hh.N[b] > 0 {
			present |= 1 << b
		}
	}
	prem := 0.0
	if present != 0 {
		prem = hh.PremiumRate * m * hh.Revenue
	}
	capDays := m * hh.CapDays
	var value [1 << nb]float64 // N_b (delta_b + taste_b) over enrolled bands
	var cost [1 << nb]float64
	for e := 0; e < 1<<nb; e++ {
		for b := range hh.N {
			if e&(1<<b) != 0 {
				cost[e] += hh.N[b] * s.Cost[b]
				value[e] += hh.N[b] * (s.Value[b] + taste[b])
			}
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
	// The closed form needs today's linear earnings and the farm cap.
	fast := hh.sprep != nil && hh.sprep.ok && !hh.Ban && hh.isLinear() && !hh.OutsideWork
	if fast {
		best = hh.bestFreeRef(m, y0, capDays, present, &cost, &value, taste)
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
	if math.IsInf(best.utility, -1) && !hh.Ban {
		best = hh.destitute(m, y0, capDays, present, &cost, &value, taste)
	}
	if hh.CCT == 0 && prem == 0 {
		return best
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
				// the combination when even without them it is no better.
				if u, _, _ := hh.closedForm(e, y, math.Inf(1)); u+value[e] <= best.utility {
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

// TestChooseSchoolIsRef: chooseSchool chooses, bit for bit, what
// chooseSchoolRef does (enrolment, hours, payments, cost and utility), for
// random households with schooling: with and without children in each
// band, above and below subsistence, with the farm's work capping the
// hours or not, with conditional transfers (with and without an hours
// cap) and premiums or neither, linear earnings or not, and school values
// of either sign.
func TestChooseSchoolIsRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 37))
	paths := map[string]int{}
	for trial := range 30000 {
		hh := randomHousehold(rng, trial%7 == 6)
		hh.School = &Schooling{Cost: [nb]float64{3000 * rng.Float64(), 3000 * rng.Float64(), 3000 * rng.Float64()},
			Hours: [nb]float64{20, 25, 25}, Value: [nb]float64{2*rng.Float64() - 0.5, 2*rng.Float64() - 0.5, 2*rng.Float64() - 0.5}, TasteSD: 1}
		if trial%3 == 0 {
			hh.Beta[rng.IntN(nb)] = 20 * rng.Float64()
			hh.Alpha = 0.05 + 0.2*rng.Float64()
		}
		switch trial % 4 {
		case 1:
			hh.CCT = 2000 * rng.Float64()
		case 2:
			hh.PremiumRate = 0.2 * rng.Float64()
		case 3:
			hh.CCT, hh.PremiumRate = 2000*rng.Float64(), 0.2*rng.Float64()
		}
		if rng.IntN(3) == 0 {
			hh.CCTHoursCap = 20 * rng.Float64()
		}
		hh.prepare()
		var taste [nb]float64
		for b := range taste {
			taste[b] = rng.NormFloat64()
		}
		m, hazard := 0.2+2*rng.Float64(), rng.Float64()
		y0 := m*hh.NetFarm - max(m*hh.Need-hh.FamilyDays, 0)*hh.Wage + hh.OtherIncome
		var exposed [nb]bool
		for b := range exposed {
			exposed[b] = hazard < hh.Exposure[b]
		}
		got := hh.chooseSchool(y0, m, exposed, &taste)
		want := hh.chooseSchoolRef(y0, m, exposed, &taste)
		if got != want && !(math.IsNaN(got.utility) && math.IsNaN(want.utility)) {
			t.Fatalf("trial %d: chooseSchool %+v, reference %+v", trial, got, want)
		}
		switch {
		case want.cct > 0 && want.premium > 0:
			paths["cct and premium taken"]++
		case want.cct > 0:
			paths["cct taken"]++
		case want.premium > 0:
			paths["premium taken"]++
		case math.IsInf(want.utility, -1):
			paths["destitute"]++
		default:
			paths["free choice"]++
		}
	}
	t.Logf("choices: %v", paths)
	for _, k := range []string{"cct and premium taken", "cct taken", "premium taken", "destitute", "free choice"} {
		if paths[k] < 100 {
			t.Errorf("%s met %d times: the random households do not reach it", k, paths[k])
		}
	}
}

// TestBelowSubsistenceIsDestitute: when belowSubsistence holds, every
// enrolment combination's utility is -Inf (bestFreeRef, the search over
// all of them, finds none above -Inf), for random households with
// schooling; and the random households reach it.
func TestBelowSubsistenceIsDestitute(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 41))
	hit := 0
	for trial := range 20000 {
		hh := randomHousehold(rng, false)
		hh.School = &Schooling{Cost: [nb]float64{3000 * rng.Float64(), 3000 * rng.Float64(), 3000 * rng.Float64()},
			Hours: [nb]float64{20, 25, 25}, Value: [nb]float64{2*rng.Float64() - 0.5, 2*rng.Float64() - 0.5, 2*rng.Float64() - 0.5}, TasteSD: 1}
		hh.prepare()
		if hh.sprep == nil || !hh.sprep.ok {
			continue
		}
		var taste [nb]float64
		m := 0.2 + 2*rng.Float64()
		y0 := m*hh.NetFarm - max(m*hh.Need-hh.FamilyDays, 0)*hh.Wage + hh.OtherIncome
		capDays := m * hh.CapDays
		present := hh.sprep.all
		var cost, value [1 << nb]float64
		for e := range cost {
			for b := range hh.N {
				if e&(1<<b) != 0 {
					cost[e] += hh.N[b] * hh.School.Cost[b]
					value[e] += hh.N[b] * hh.School.Value[b]
				}
			}
		}
		if rng.IntN(4) == 0 {
			hh.School.Cost[rng.IntN(nb)] = -2000 * rng.Float64() // negative costs raise income
			hh.prepare()
			for e := range cost {
				cost[e] = 0
				for b := range hh.N {
					if e&(1<<b) != 0 {
						cost[e] += hh.N[b] * hh.School.Cost[b]
					}
				}
			}
		}
		if !hh.belowSubsistence(y0, capDays) {
			continue
		}
		hit++
		if got := hh.bestFreeRef(m, y0, capDays, present, &cost, &value, &taste); !math.IsInf(got.utility, -1) {
			t.Fatalf("trial %d: below subsistence, but the search finds utility %v", trial, got.utility)
		}
	}
	if hit < 1000 {
		t.Errorf("belowSubsistence held %d times of 20000: the random households do not reach it", hit)
	}
	t.Logf("below subsistence: %d of 20000", hit)
}
