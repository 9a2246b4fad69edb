package model

import (
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// schoolHousehold is the hand-worked household of docs/model.md section
// 5b: one child of 5-11 (V = 1 an hour, beta 0.1), alpha 1, H 56 hours a
// week, a season of W = 20 weeks, subsistence S = 100, income without child
// work Y0 = 1000 (all other income: no farm, no cap on the child's work);
// school costs 50 a year and takes 20 hours a week; delta is given.
func schoolHousehold(delta float64) Household {
	return Household{
		Decision: Decision{
			N: [nb]float64{1, 0, 0}, V: [nb]float64{1, 1, 1}, Beta: [nb]float64{0.1, 0.2, 0.3},
			Alpha: 1, S: 100, H: 56, W: 20,
		},
		OtherIncome:     1000,
		CapDays:         math.Inf(1),
		FamilyTimeValue: 1, // the default: E linear (docs/model.md section 5)
		Gamma:           [nb]float64{0.5, 0.7, 0.9},
		HoursPerDay:     8,
		School:          &Schooling{Cost: [nb]float64{50, 50, 50}, Hours: [nb]float64{20, 25, 25}, Value: [nb]float64{delta}},
	}
}

// TestSchoolHandWorked: the household enrols iff delta exceeds the utility
// cost of the fee and of the lost hours.
//
// Not enrolled: full income M = 1000 + 1 x 56 x 20 = 2120, K = M - S = 2020,
// leisure H - h = beta K / (V W (alpha + beta)) = 0.1 x 2020 / 22 = 9.1818,
// so h = 46.818 hours; C - S = alpha K / (alpha + beta) = 1836.36.
// Enrolled: 36 hours left, Y0 less the fee = 950, K = 950 - 100 + 36 x 20 =
// 1570, leisure 0.1 x 1570 / 22 = 7.1364, h = 28.864 hours.
// At an interior optimum U = (alpha + beta) ln K + a constant that is the
// same with and without school, so the utility cost of enrolling is
// 1.1 ln(2020 / 1570) = 0.27722: the fee's part 1.1 ln(2020 / 1970) =
// 0.02757 and the lost hours' part (20 h x 20 weeks x 1 = 400) 1.1
// ln(1970 / 1570) = 0.24965. The household enrols iff delta > 0.27722.
func TestSchoolHandWorked(t *testing.T) {
	for _, c := range []struct {
		delta  float64
		enrols bool
		hours  float64
	}{
		{0, false, 56 - 0.1*2020/22.0},
		{0.27, false, 56 - 0.1*2020/22.0},
		{0.285, true, 36 - 0.1*1570/22.0},
		{1, true, 36 - 0.1*1570/22.0},
	} {
		hh := schoolHousehold(c.delta)
		o := hh.Decide(1, 1)
		if o.Enrolled[0] != c.enrols || math.Abs(o.Hours[0]-c.hours) > 1e-9 {
			t.Errorf("delta %v: enrolled %v, hours %v; want %v, %v", c.delta, o.Enrolled[0], o.Hours[0], c.enrols, c.hours)
		}
		if want := 0.0; c.enrols {
			want = 50
			if o.SchoolCost != want {
				t.Errorf("delta %v: school cost %v, want %v", c.delta, o.SchoolCost, want)
			}
		}
	}
	// The threshold itself, from the utilities the household compares.
	hh := schoolHousehold(0)
	out := hh.endowedUtility(1000, [nb]float64{56 - 0.1*2020/22.0}, [nb]float64{56, 56, 56})
	in := hh.endowedUtility(950, [nb]float64{36 - 0.1*1570/22.0}, [nb]float64{36, 56, 56})
	if got, want := out-in, 1.1*math.Log(2020.0/1570); math.Abs(got-want) > 1e-12 || math.Abs(want-0.27722408) > 1e-8 {
		t.Errorf("utility cost of school %v, want %v = 0.27722408", got, want)
	}
}

// TestSchoolTransfers: with delta 0.2 the household of TestSchoolHandWorked
// does not enrol (0.2 < 0.27722).
//
// A cct of T per child enrolled and within the limit (for 5-11: no work at
// all) gives U = ln(1000 - 50 + T - 100) + 0.1 ln 36 + 0.2; not enrolling
// gives U0 = ln(1836.36) + 0.1 ln(9.1818) = 7.737265. It tips when
// 850 + T > exp(7.737265 - 0.1 ln 36 - 0.2) = 1311.48: T > 461.48.
// An unconditional transfer T raises K with and without school alike: the
// cost of school 1.1 ln(K / (K - 450)) falls below 0.2 when K > 450 r /
// (r - 1), r = exp(0.2 / 1.1): K > 2706.81, T > 686.81, half as much
// again as the cct.
func TestSchoolTransfers(t *testing.T) {
	for _, c := range []struct {
		name       string
		cct, uct   float64
		enrols     bool
		hours, pay float64
	}{
		{"nothing", 0, 0, false, 56 - 0.1*2020/22.0, 0},
		{"cct 440", 440, 0, false, 56 - 0.1*2020/22.0, 0},
		{"cct 480", 480, 0, true, 0, 480},
		{"transfer 480", 0, 480, false, 56 - 0.1*(2020+480)/22.0, 0},
		{"transfer 670", 0, 670, false, 56 - 0.1*(2020+670)/22.0, 0},
		{"transfer 700", 0, 700, true, 36 - 0.1*(1570+700)/22.0, 0},
	} {
		hh := schoolHousehold(0.2)
		hh.CCT = c.cct
		hh.OtherIncome += c.uct
		o := hh.Decide(1, 1)
		if o.Enrolled[0] != c.enrols || math.Abs(o.Hours[0]-c.hours) > 1e-9 || o.CCTPaid != c.pay {
			t.Errorf("%s: enrolled %v, hours %v, cct paid %v; want %v, %v, %v", c.name, o.Enrolled[0], o.Hours[0], o.CCTPaid, c.enrols, c.hours, c.pay)
		}
	}
}

// TestSchoolPoor: a household below subsistence even with its child's
// full work (Y0 = 0, S = 100 + 56 x 20 = 1220) has utility -Inf whatever it
// does; section 5 is silent, and vcsim lets the value of school decide:
// with delta 1000 the child is enrolled and works all the 36 hours left
// (work and study), with delta -1 not enrolled, working all 56 hours.
func TestSchoolPoor(t *testing.T) {
	for _, c := range []struct {
		delta  float64
		enrols bool
		hours  float64
	}{{1000, true, 36}, {-1, false, 56}} {
		hh := schoolHousehold(c.delta)
		hh.OtherIncome = 0
		hh.S = 1220
		if o := hh.Decide(1, 1); o.Enrolled[0] != c.enrols || o.Hours[0] != c.hours {
			t.Errorf("poor household, delta %v: enrolled %v, hours %v; want %v, %v", c.delta, o.Enrolled[0], o.Hours[0], c.enrols, c.hours)
		}
	}
}

// TestSchoolNoKeys: a household without schooling decides as before, and
// one whose school is worthless, costly and free of taste never enrols
// and works the same hours.
func TestSchoolNoKeys(t *testing.T) {
	hh := schoolHousehold(0)
	hh.School = nil
	plain := hh.Decide(1, 1)
	if plain.Enrolled[0] || plain.Hours[0] != 56-0.1*2020/22.0 {
		t.Errorf("without schooling: %+v", plain)
	}
	hh = schoolHousehold(-1)
	o := hh.Decide(1, 1)
	if o.Enrolled[0] || o.Hours != plain.Hours || o.Income != plain.Income {
		t.Errorf("worthless school: %+v, want %+v", o, plain)
	}
}

// TestEndowedHoursIsHoursCapped: with every band's endowment H the
// endowed solver is the hours solver.
func TestEndowedHoursIsHoursCapped(t *testing.T) {
	d := Decision{N: [nb]float64{1.2, 0.8, 0.5}, V: [nb]float64{0.6, 0.9, 1.2}, Beta: [nb]float64{0.1, 0.2, 0.3}, Alpha: 1, S: 500, H: 56, W: 20}
	for _, y0 := range []float64{0, 300, 800, 2000, 5000} {
		for _, caps := range [][nb]float64{{56, 56, 56}, {0, 13.9, 42.9}, {56, 10, 56}} {
			if a, b := d.endowedHours(y0, [nb]float64{56, 56, 56}, caps), d.HoursCapped(y0, caps); a != b {
				t.Errorf("y0 %v caps %v: endowed %v, capped %v", y0, caps, a, b)
			}
		}
	}
}

// TestTasteDraws: the draws are fixed by seed and actor and have mean
// about 0 and standard deviation about 1.
func TestTasteDraws(t *testing.T) {
	p := &Population{Seed: 7}
	x := p.TasteDraws("farm", 100000)
	if y := (&Population{Seed: 7}).TasteDraws("farm", 100000); y[12345] != x[12345] {
		t.Fatal("taste draws differ for the same seed and actor")
	}
	var s, s2 float64
	for _, v := range x {
		s += v
		s2 += v * v
	}
	n := float64(len(x))
	if m, sd := s/n, math.Sqrt(s2/n-(s/n)*(s/n)); math.Abs(m) > 0.01 || math.Abs(sd-1) > 0.01 {
		t.Errorf("mean %v sd %v, want 0 and 1", m, sd)
	}
}

// loadCotton returns the cotton example, validated, without its school
// and observed keys.
func loadCotton(t *testing.T) *valuechain.Chain {
	t.Helper()
	c, err := valuechain.Load("../examples/cotton-tajikistan.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The example's chain without its school and observed keys: each test
	// sets the ones it is about.
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			h.SchoolCost, h.SchoolHours, h.SchoolValue, h.SchoolTasteSD = nil, nil, nil, nil
			h.ObservedPrevalence, h.ObservedEnrolment = nil, nil
		}
	}
	if err := valuechain.Validate(c, "cotton-tajikistan.toml"); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSchoolChain: in a whole chain, the four-way table adds up to the
// children of each band, girls' and boys' enrolment to the band's; a
// school worth nothing (and no taste draw) changes no child's work, and
// one worth a great deal enrols nearly every child (over three in four:
// households that stay above subsistence only without school do not).
func TestSchoolChain(t *testing.T) {
	c := loadCotton(t)
	plain, err := Simulate(c, Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		delta  float64
		sd     float64
		enrols float64 // share of children enrolled; NaN: between 0 and 1; -1: over 0.75
	}{
		{"worthless", -1000, 0, 0},
		{"precious", 1000, 0, -1},
		{"tastes", 1.5, 1, math.NaN()},
	} {
		d := c.Clone()
		for i := range d.Actors {
			if h := d.Actors[i].Household; h != nil {
				h.SchoolValue = &[nb]float64{tc.delta, tc.delta, tc.delta}
				h.SchoolTasteSD = &tc.sd
				h.SchoolCost = &[nb]float64{100, 150, 200}
			}
		}
		if err := valuechain.Validate(d, "school.toml"); err != nil {
			t.Fatal(err)
		}
		r, err := Simulate(d, Options{Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		for gi, g := range r.Groups {
			for b, ch := range g.ByBand {
				s := ch.School
				if sum := s.WorkStudy + s.WorkOnly + s.StudyOnly + s.Neither; math.Abs(sum-ch.Children) > 1e-6*ch.Children {
					t.Errorf("%s %s band %d: four-way sum %v, children %v", tc.name, g.Actor, b, sum, ch.Children)
				}
				if math.Abs(s.WorkStudy+s.StudyOnly-s.Enrolled) > 1e-6*ch.Children {
					t.Errorf("%s %s band %d: enrolled %v, work and study + study only %v", tc.name, g.Actor, b, s.Enrolled, s.WorkStudy+s.StudyOnly)
				}
				if g.BySex && math.Abs(ch.Girls.Enrolled+ch.Boys.Enrolled-s.Enrolled) > 1e-6*ch.Children {
					t.Errorf("%s %s band %d: girls %v + boys %v enrolled, band %v", tc.name, g.Actor, b, ch.Girls.Enrolled, ch.Boys.Enrolled, s.Enrolled)
				}
				share := s.Enrolled / ch.Children
				switch {
				case math.IsNaN(tc.enrols) && (share <= 0.01 || share >= 0.99):
					t.Errorf("%s %s band %d: enrolment %v, want some but not all", tc.name, g.Actor, b, share)
				case tc.enrols == -1 && share < 0.75:
					t.Errorf("%s %s band %d: enrolment %v, want over 0.75", tc.name, g.Actor, b, share)
				case tc.enrols >= 0 && share != tc.enrols:
					t.Errorf("%s %s band %d: enrolment %v, want %v", tc.name, g.Actor, b, share, tc.enrols)
				}
				if tc.delta < 0 && ch.ChildLabour != plain.Groups[gi].ByBand[b].ChildLabour {
					t.Errorf("%s %s band %d: child labour %v, without school %v", tc.name, g.Actor, b, ch.ChildLabour, plain.Groups[gi].ByBand[b].ChildLabour)
				}
			}
		}
	}
}

// TestClosedForm: the closed form of the utility and hours equals the
// general solver wherever it applies, and applies to most incomes.
func TestClosedForm(t *testing.T) {
	hh := schoolHousehold(0.3)
	hh.N = [nb]float64{1.2, 0.8, 0.5}
	hh.V = [nb]float64{0.6, 0.9, 1.2}
	hh.S = 500
	hh.prepare()
	applied := 0
	for _, y := range []float64{-300, 0, 100, 300, 800, 1500, 2500, 4000, 8000, 20000} {
		for e := 0; e < 1<<nb; e++ {
			u, h, ok := hh.closedForm(e, y, math.Inf(1))
			if !ok {
				continue
			}
			applied++
			hb := hh.sprep.hb[e]
			g := hh.endowedHours(y, hb, hb)
			ug := hh.endowedUtility(y, g, hb)
			for b := range h {
				if math.Abs(h[b]-g[b]) > 1e-9 {
					t.Errorf("y %v e %b: hours %v, general %v", y, e, h, g)
				}
			}
			if math.Abs(u-ug) > 1e-9*math.Abs(ug) {
				t.Errorf("y %v e %b: utility %v, general %v", y, e, u, ug)
			}
		}
	}
	if applied < 40 {
		t.Errorf("closed form applied %d times of 80", applied)
	}
}

// BenchmarkHouseholdsSchool is BenchmarkHouseholds with schooling: fees of
// 2000, 3000 and 4000 a year, delta 1.5 and taste draws, so that the
// household compares 8 enrolment combinations.
func BenchmarkHouseholdsSchool(b *testing.B) {
	hh := Household{
		Decision: Decision{N: [nb]float64{1.2, 0.6, 0.5}, V: [nb]float64{0.5, 0.7, 0.9},
			Beta: [nb]float64{0.1, 0.2, 0.3}, Alpha: 1, S: 20000, H: 56, W: 20},
		NetFarm: 25000, Need: 200, CapDays: 80, FamilyDays: 300, Wage: 60, OtherIncome: 8000,
		Gamma: [nb]float64{0.5, 0.7, 0.9}, HoursPerDay: 8, Exposure: [nb]float64{0.4, 0.4, 0.4},
		FamilyTimeValue: 1,
		School:          &Schooling{Cost: [nb]float64{2000, 3000, 4000}, Hours: [nb]float64{20, 25, 25}, Value: [nb]float64{1.5, 1.5, 1.5}, TasteSD: 1},
	}
	hh.prepare()
	d := NewDraws(1<<16, 0.5, 1, "bench")
	taste := (&Population{Seed: 1}).TasteDraws("bench", 1<<16)
	var t Tally
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i & (1<<16 - 1)
		for j := range hh.Taste {
			hh.Taste[j] = taste[nb*k+j]
		}
		o := hh.Decide(d.Scale[k], d.Hazard[k])
		t.Add(&hh, &o, 1)
	}
	if t.SumIncome == 0 {
		b.Fatal("no income")
	}
}

// TestChooseSchoolFastIsGeneral: the choice through the closed form and
// its bounds equals the general search over every combination, for
// households above and below subsistence, with the farm's work capping
// the hours or not, with tastes, a cct and a premium.
func TestChooseSchoolFastIsGeneral(t *testing.T) {
	taste := (&Population{Seed: 5}).TasteDraws("x", 400)
	for _, tr := range []struct{ cct, prem float64 }{{0, 0}, {300, 0}, {0, 0.1}, {300, 0.1}} {
		for k := 0; k < 400; k++ {
			hh := schoolHousehold(0.2)
			hh.N = [nb]float64{1.2, 0.8, 0.5}
			hh.V = [nb]float64{0.6, 0.9, 1.2}
			hh.S = 800
			hh.CapDays = 40
			hh.Revenue = 3000
			hh.CCT, hh.PremiumRate = tr.cct, tr.prem
			hh.OtherIncome = float64(k%40) * 80
			m := 0.3 + float64(k/40)*0.2
			for b := range hh.Taste {
				hh.Taste[b] = taste[nb*k+b]
			}
			hh.prepare()
			exposed := [nb]bool{k%3 == 0, false, k%5 == 0}
			fast := hh.chooseSchool(hh.OtherIncome, m, exposed, &hh.Taste)
			hh.sprep = nil
			slow := hh.chooseSchool(hh.OtherIncome, m, exposed, &hh.Taste)
			same := fast.enrolled == slow.enrolled && fast.cct == slow.cct && fast.premium == slow.premium
			for b := range fast.hours {
				same = same && math.Abs(fast.hours[b]-slow.hours[b]) < 1e-9
			}
			if !same || math.Abs(fast.utility-slow.utility) > 1e-9*math.Max(1, math.Abs(slow.utility)) {
				t.Errorf("cct %v premium %v household %d: fast %+v, general %+v", tr.cct, tr.prem, k, fast, slow)
			}
		}
	}
}

// TestFourWayByHand counts a small population by hand:
//   - 10 households with two children of 5-11 (half girls) who are
//     enrolled and work 3 hours a week, monitoring having withdrawn half of
//     them, and one child of 12-14, not enrolled, working half an hour;
//   - 5 households with one child of 5-11, not enrolled, not working;
//   - 2 households with one child of 12-14 working 20 hours, not enrolled.
//
// 5-11: 25 children, 20 enrolled (10 girls); of the enrolled 20, half work
// (10 work and study, 10 study only); the other 5 neither.
// 12-14: 12 children, none enrolled: 2 work only, 10 neither (half an
// hour a week is not work).
func TestFourWayByHand(t *testing.T) {
	school := &Schooling{}
	hh := []Household{
		{Decision: Decision{N: [nb]float64{2, 1, 0}}, GirlShare: [nb]float64{0.5, 0, 0}, BySex: true, School: school},
		{Decision: Decision{N: [nb]float64{1, 0, 0}}, GirlShare: [nb]float64{0, 0, 0}, BySex: true, School: school},
		{Decision: Decision{N: [nb]float64{0, 1, 0}}, BySex: true, School: school},
	}
	os := []Outcome{
		{Hours: [nb]float64{3, 0.5, 0}, Enrolled: [nb]bool{true, false, false}, Active: [nb]float64{0.5, 1, 1}},
		{Active: [nb]float64{1, 1, 1}},
		{Hours: [nb]float64{0, 20, 0}, Active: [nb]float64{1, 1, 1}},
	}
	var tl Tally
	for i, w := range []float64{10, 5, 2} {
		tl.Add(&hh[i], &os[i], w)
	}
	want := [2]Schooled{
		{Enrolled: 20, WorkStudy: 10, StudyOnly: 10, Neither: 5},
		{WorkOnly: 2, Neither: 10},
	}
	for b, w := range want {
		if got := tl.ByBand[b].School; got != w {
			t.Errorf("band %d: %+v, want %+v", b, got, w)
		}
	}
	if tl.ByBand[0].Children != 25 || tl.ByBand[1].Children != 12 || tl.ByBand[0].Girls.Enrolled != 10 || tl.ByBand[0].Boys.Enrolled != 10 {
		t.Errorf("children %v, %v; girls enrolled %v, boys %v", tl.ByBand[0].Children, tl.ByBand[1].Children, tl.ByBand[0].Girls.Enrolled, tl.ByBand[0].Boys.Enrolled)
	}
}

// TestCalibrateSchoolRecovers: prevalence and enrolment generated with
// known alpha and delta are fitted back to them: alpha within 2%, each
// delta within 0.05 (prevalence moves in steps of one household, so alpha
// is known only to the width of a step).
func TestCalibrateSchoolRecovers(t *testing.T) {
	c := loadCotton(t)
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			c.Actors[i].Count = 3000
			h.SchoolCost = &[nb]float64{300, 500, 700}
		}
	}
	if err := valuechain.Validate(c, "school.toml"); err != nil {
		t.Fatal(err)
	}
	pop := NewPopulation(c, 4)
	_, i := c.Actor("dekhan")
	trueAlpha, trueDelta := 1.4, [nb]float64{1.2, 0.6, -0.3}
	d := c.Clone()
	d.Actors[i].Household.Alpha = &trueAlpha
	d.Actors[i].Household.SchoolValue = &trueDelta
	r, err := Simulate(d, Options{Population: pop})
	if err != nil {
		t.Fatal(err)
	}
	g := &r.Groups[0]
	prev, _ := Statistic(g, [nb]bool{true, true, true})
	enrol := Enrolment(g)
	t.Logf("generated: prevalence %.4f, enrolment %.4f", prev, enrol)
	fit, err := CalibrateSchool(c, pop, "dekhan", prev, enrol)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Alpha-trueAlpha) > 0.02*trueAlpha {
		t.Errorf("alpha %v, want %v", fit.Alpha, trueAlpha)
	}
	for b := range trueDelta {
		if math.Abs(fit.Delta[b]-trueDelta[b]) > 0.05 {
			t.Errorf("delta[%d] %v, want %v", b, fit.Delta[b], trueDelta[b])
		}
		if math.Abs(fit.Enrolment[b]-enrol[b]) > 0.002 {
			t.Errorf("enrolment[%d] %v, observed %v", b, fit.Enrolment[b], enrol[b])
		}
	}
	if math.Abs(fit.Prevalence-prev) > 0.002 {
		t.Errorf("prevalence %v, observed %v", fit.Prevalence, prev)
	}
}

// TestSchoolDetailsAddUp: with school keys the households decided one by
// one (Details, with their taste draws) add up to the group's children in
// child labour.
func TestSchoolDetailsAddUp(t *testing.T) {
	c := loadCotton(t)
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			c.Actors[i].Count = 3000
			h.SchoolCost = &[nb]float64{300, 500, 700}
			h.SchoolValue = &[nb]float64{1, 1, 1}
		}
	}
	pop := NewPopulation(c, 7)
	r, err := Simulate(c, Options{Population: pop})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Details(r, pop)
	if err != nil {
		t.Fatal(err)
	}
	var cl float64
	for _, x := range ds {
		for b, k := range x.Class {
			if k == ChildLabourWork || k == HazardousWork {
				cl += x.Weight * x.Children[b]
			}
		}
	}
	if want := r.Groups[0].ByBand[0].ChildLabour + r.Groups[0].ByBand[1].ChildLabour + r.Groups[0].ByBand[2].ChildLabour; math.Abs(cl-want) > 1e-6 {
		t.Errorf("details: %v children in child labour, group %v", cl, want)
	}
}

// TestSchoolFastPathIsSlowPath: the fast path of households with
// schooling (decideFast, sums) gives the group the same counts as Decide
// and Tally.Add (forced here by weighting every household 1).
func TestSchoolFastPathIsSlowPath(t *testing.T) {
	c := loadCotton(t)
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			c.Actors[i].Count = 3000
			h.SchoolCost = &[nb]float64{300, 500, 700}
			h.SchoolValue = &[nb]float64{1, 1, 1}
		}
	}
	fast := NewPopulation(c, 9)
	slow := NewPopulation(c, 9)
	for _, d := range slow.Groups {
		d.Weight = make([]float64, len(d.Scale))
		for k := range d.Weight {
			d.Weight[k] = 1
		}
	}
	a, err := Simulate(c, Options{Population: fast})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Simulate(c, Options{Population: slow})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Groups {
		ga, gb := &a.Groups[i], &b.Groups[i]
		for k := range ga.ByBand {
			x, y := ga.ByBand[k], gb.ByBand[k]
			for _, p := range [][2]float64{{x.Children, y.Children}, {x.ChildLabour, y.ChildLabour}, {x.School.Enrolled, y.School.Enrolled},
				{x.School.WorkStudy, y.School.WorkStudy}, {x.School.WorkOnly, y.School.WorkOnly}, {x.School.StudyOnly, y.School.StudyOnly},
				{x.School.Neither, y.School.Neither}, {x.Girls.Enrolled, y.Girls.Enrolled}} {
				if math.Abs(p[0]-p[1]) > 1e-6*math.Max(1, p[1]) {
					t.Errorf("%s band %d: fast %v, slow %v (%+v / %+v)", ga.Actor, k, p[0], p[1], x.School, y.School)
				}
			}
		}
		if math.Abs(ga.MeanIncome-gb.MeanIncome) > 1e-6*gb.MeanIncome || ga.BelowPoverty != gb.BelowPoverty {
			t.Errorf("%s: income %v / %v, poverty %v / %v", ga.Actor, ga.MeanIncome, gb.MeanIncome, ga.BelowPoverty, gb.BelowPoverty)
		}
	}
}
