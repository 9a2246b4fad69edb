package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// farm is a household of one band (gamma 0.5, wage 10, 8 hours a day:
// V = 0.625 an hour), three children, H 40, W 20, alpha 0.6, beta 0.4.
func farm(need, family, ftv float64) Household {
	return Household{
		Decision: Decision{N: [nb]float64{3}, V: [nb]float64{0.625}, Beta: [nb]float64{0.4},
			Alpha: 0.6, S: 2000, H: 40, W: 20},
		NetFarm: 2000, Need: need, CapDays: 250, FamilyDays: family, Wage: 10,
		Gamma: [nb]float64{0.5, 0.7, 0.9}, HoursPerDay: 8, FamilyTimeValue: ftv,
	}
}

// TestIncomeFromAccounts works the cases of docs/model.md section 5
// ("Earnings from children's work") by hand.
func TestIncomeFromAccounts(t *testing.T) {
	// family_time_value 0, a farm that hires no one (need 100 days, family
	// 200) and has no off-farm option: no child works on it; cash income
	// is Y0 = 2000.
	hh := farm(100, 200, 0)
	hh.prepare()
	o := hh.Decide(1, 1)
	approx(t, "no hiring: hours", o.Hours[0], 0)
	approx(t, "no hiring: cash", o.Income, 2000)
	approx(t, "no hiring: full", o.Full, 2000)

	// family_time_value 0, a farm that hires 100 days (need 300, family
	// 200): Y0 = 2000 - 100 x 10 = 1000. On the first segment (price 10 a
	// day) M = 1000 + 3 x 0.625 x 40 x 20 = 2500, q = (2500 - 2000) /
	// (0.6 + 3 x 0.4) = 277.8, H - h = 0.4 x 277.8 / (0.625 x 20) = 8.89,
	// h = 31.1: 233 child days = 116.7 adult days, more than the 100 hired
	// days. On the second segment (price 0) nobody works: the optimum is
	// the kink, 100 adult days = 100 / 0.5 = 200 child days, h = 200 x 8 /
	// (3 x 20) = 26.67. No one is hired: cash income 1000 + 100 x 10 = 2000.
	hh = farm(300, 200, 0)
	hh.prepare()
	o = hh.Decide(1, 1)
	approx(t, "hiring 100: hours", o.Hours[0], 200.0*8/60)
	approx(t, "hiring 100: child days", o.ChildDays, 200)
	approx(t, "hiring 100: hired days", o.HiredDays, 0)
	approx(t, "hiring 100: family days", o.FamilyDays, 200)
	approx(t, "hiring 100: cash", o.Income, 2000)
	approx(t, "hiring 100: full", o.Full, 2000)
	approx(t, "hiring 100: NOP", o.NOP, 2000)

	// The defaults (family_time_value 1): hours as today, h = 31.11
	// (233.3 child days, 116.67 adult days); cash counts the 100 hired days
	// saved (2000), full income also the 16.67 family days freed (2166.67,
	// today's income Y0 + 3 x 0.625 x 31.11 x 20).
	hh = farm(300, 200, 1)
	hh.prepare()
	o = hh.Decide(1, 1)
	want := 40 - 0.4*(500/1.8)/12.5
	approx(t, "defaults: hours", o.Hours[0], want)
	approx(t, "defaults: hours as Hours", o.Hours[0], hh.Hours(1000)[0])
	approx(t, "defaults: cash", o.Income, 2000)
	approx(t, "defaults: full", o.Full, 1000+3*0.625*want*20)
	approx(t, "defaults: use 1", o.Uses[UseHired], 100)
	approx(t, "defaults: use 5", o.Uses[UseFamily], 3*want*20/8*0.5-100)

	// Paid off-farm days (use 4): family_time_value 0, no hiring (need 100,
	// family 200), 2 adults who can get 10 more days each at 10 a day. The
	// first 20 adult days of children's work are worth 10 a day: on that
	// segment (with Y0 = 2000 and S = 2000) q = 1500 / 1.8, H - h = 26.7,
	// h = 13.3, 100 child days = 50 adult days > 20: the kink, 20 adult
	// days = 40 child days, h = 40 x 8 / 60 = 5.33; cash 2000 + 200.
	hh = farm(100, 200, 0)
	hh.Adults, hh.OffFarmMax, hh.OffFarmWage = 2, 10, 10
	hh.prepare()
	o = hh.Decide(1, 1)
	approx(t, "off-farm: hours", o.Hours[0], 40.0*8/60)
	approx(t, "off-farm: use 4", o.Uses[UseOffFarm], 20)
	approx(t, "off-farm: cash", o.Income, 2200)
	approx(t, "off-farm: family days", o.FamilyDays, 80)

	// Paid work outside the chain (use 3) at gamma x wage: family_time_value
	// 0 but every hour is worth 0.625 in cash, as today, and the farm cap
	// does not bound it: h = 31.11 with Y0 = 1000; cash = full = today's income.
	hh = farm(300, 200, 0)
	hh.OutsideWork = true
	hh.CapDays = 10
	hh.prepare()
	o = hh.Decide(1, 1)
	approx(t, "outside: hours", o.Hours[0], want)
	approx(t, "outside: cash", o.Income, 1000+3*0.625*want*20)
	approx(t, "outside: wages from outside", o.ChildOutside, (3*want*20/8*0.5-10*0.5)*10)
}

// TestSolveHoursOptimal checks the exact solution on random households
// and random concave earnings: no random choice of hours, nor a small
// step from the solution, has a higher utility; with linear earnings the
// solution is the closed form (the fast path).
func TestSolveHoursOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 1))
	for trial := 0; trial < 2000; trial++ {
		var d Decision
		for b := 0; b < nb; b++ {
			if rng.Float64() < 0.8 {
				d.N[b] = float64(rng.IntN(3) + 1)
			}
			d.V[b] = 0.3 + rng.Float64()
			d.Beta[b] = 0.05 + 0.5*rng.Float64()
		}
		d.Alpha, d.H, d.W = 0.2+rng.Float64(), 40+20*rng.Float64(), 10+20*rng.Float64()
		d.S = 500 + 2000*rng.Float64()
		y0 := 3000 * rng.Float64()
		wage := 10.0
		var e Earnings
		price := wage * (0.5 + rng.Float64())
		for k := 0; k < 3; k++ {
			e.add(UseHired+k, price, 20+200*rng.Float64())
			price *= rng.Float64()
		}
		e.add(UseFamily, price, math.Inf(1))
		t0 := [nb]float64{d.H, d.H, d.H}
		if rng.Float64() < 0.3 {
			t0[rng.IntN(nb)] -= 20 // school hours
		}
		caps := t0
		h := d.SolveHours(y0, t0, caps, &e, wage)
		u := d.utilityE(y0, t0, h, &e, wage)
		for r := 0; r < 200; r++ {
			var g [nb]float64
			for b := range g {
				if r < 100 {
					g[b] = t0[b] * rng.Float64() * 0.999
				} else {
					g[b] = min(max(h[b]+rng.NormFloat64()*0.3, 0), t0[b]*0.9999)
				}
			}
			if ug := d.utilityE(y0, t0, g, &e, wage); ug > u+1e-9*math.Abs(u) && !math.IsInf(u, -1) {
				t.Fatalf("trial %d: hours %v utility %v < %v at %v", trial, h, u, ug, g)
			}
		}
		// Linear earnings: the closed form of section 5.
		var lin Earnings
		lin.add(UseHired, wage, 100)
		lin.add(UseFamily, wage, math.Inf(1))
		hh := Household{Decision: d}
		hh.prepare()
		got, want := d.SolveHours(y0, [nb]float64{d.H, d.H, d.H}, [nb]float64{d.H, d.H, d.H}, &lin, wage), hh.hoursFast(y0)
		for b := range got {
			if !near(got[b], want[b], 1e-9) {
				t.Fatalf("trial %d: linear earnings give %v, the closed form %v", trial, got, want)
			}
		}
	}
}

// TestFastPathIsDecide: the fast path (decideFast and flush) tallies the
// same as Decide and Tally.Add, household by household, for random
// households with the default earnings and with each other use open.
func TestFastPathIsDecide(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 2))
	for trial := 0; trial < 400; trial++ {
		hh := Household{
			Decision: Decision{N: [nb]float64{float64(rng.IntN(3)), float64(rng.IntN(3)), 1},
				Beta: [nb]float64{0.1, 0.2, 0.3}, Alpha: 0.5 + rng.Float64(), S: 5000 + 20000*rng.Float64(), H: 56, W: 20},
			NetFarm: 30000 * rng.Float64(), Need: 400 * rng.Float64(), CapDays: 200 * rng.Float64(),
			FamilyDays: 300 * rng.Float64(), Wage: 60, Adults: 2, AdultDays: 150, OffFarmWage: 50 + 20*rng.Float64(),
			Gamma: [nb]float64{0.5, 0.7, 0.9}, HoursPerDay: 8, Exposure: [nb]float64{0.4, 0.4, 0.4},
			FamilyTimeValue: 1, OffFarmIncome: 1000, Other: 2000, TransferIncome: 500,
		}
		hh.OtherIncome = hh.OffFarmIncome + hh.Other + hh.TransferIncome
		switch trial % 4 {
		case 1:
			hh.FamilyTimeValue = rng.Float64()
		case 2:
			hh.OutsideWork = true
		case 3:
			hh.OffFarmMax = 30 * rng.Float64()
		}
		for b := range hh.V {
			hh.V[b] = hh.Gamma[b] * hh.Wage / hh.HoursPerDay
		}
		hh.prepare()
		var fast sums
		var slow, got Tally
		for k := 0; k < 20; k++ {
			m, hz := 0.2+2*rng.Float64(), rng.Float64()
			var h [nb]float64
			hh.decideFast(m, hz, &fast, nil, &h, nil)
			o := hh.Decide(m, hz)
			slow.Add(&hh, &o, 1)
		}
		fast.flush(&got, &hh)
		for _, c := range []struct {
			name string
			a, b float64
		}{
			{"cash", got.SumIncome, slow.SumIncome}, {"full", got.SumFull, slow.SumFull}, {"nop", got.NOP, slow.NOP},
			{"off-farm", got.OffFarm, slow.OffFarm}, {"outside", got.ChildOutside, slow.ChildOutside},
			{"transfers", got.Transfers, slow.Transfers}, {"hired", got.HiredDays, slow.HiredDays},
			{"family", got.FamilyDays, slow.FamilyDays}, {"child days", got.ChildDays, slow.ChildDays},
			{"below", got.Below, slow.Below}, {"use 1", got.Uses[UseHired], slow.Uses[UseHired]},
			{"use 5", got.Uses[UseFamily], slow.Uses[UseFamily]},
		} {
			if !near(c.a, c.b, 1e-9) {
				t.Fatalf("trial %d: %s fast %v, Decide %v", trial, c.name, c.a, c.b)
			}
		}
	}
}
