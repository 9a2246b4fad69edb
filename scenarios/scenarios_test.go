package scenarios

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

func chain(t testing.TB, path string) *valuechain.Chain {
	t.Helper()
	c, err := valuechain.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := valuechain.Validate(c, path); err != nil {
		t.Fatal(err)
	}
	return c
}

func parse(t testing.TB, c *valuechain.Chain, text string) *File {
	t.Helper()
	f, err := Parse([]byte(text), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(f, c, "s.toml"); err != nil {
		t.Fatal(err)
	}
	return f
}

// final returns the baseline's and the single scenario's last year.
func final(t *testing.T, c *valuechain.Chain, text string) (base, scen model.YearKPI, cmp *Comparison) {
	t.Helper()
	cmp, err := Compare(c, parse(t, c, text), 0, model.NewPopulation(c, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, s := cmp.Baseline.Years, cmp.Runs[0].Years
	return b[len(b)-1], s[len(s)-1], cmp
}

const one = `
[[scenario]]
name = "s"
  [[scenario.intervention]]
  targets = ["farm"]
  coverage = 1
`

func TestCashTransferLowersChildLabour(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	b, s, _ := final(t, c, one+"  type = \"cash_transfer\"\n  effect = { amount = 300 }\n")
	if !(s.ChildLabour < b.ChildLabour) {
		t.Errorf("child labour %v with the transfer, %v without", s.ChildLabour, b.ChildLabour)
	}
	if !(s.MeanIncome > b.MeanIncome) {
		t.Errorf("income %v with the transfer, %v without", s.MeanIncome, b.MeanIncome)
	}
}

// TestCCTBeatsUCTNearTheCap: a child of 12-14 whose household has
// Y0 = 1100 works h = 0.6 x 40 - 0.4 x (1100 - 1000)/5 = 16 hours, just over
// the light-work limit of 14. An unconditional 10 gives Y0 = 1110 and
// h = 24 - 0.4 x 110/5 = 15.2: still child labour. A conditional 10 per
// child: complying (h just under 14, income 1110 + 0.5 x 14 x 10 = 1180)
// gives U = 0.6 ln 180 + 0.4 ln 26 = 4.41901 against 0.6 ln 180 + 0.4 ln 24
// = 4.38700 at 16 hours without it, so the household complies: the same
// money takes the child out of child labour.
func TestCCTBeatsUCTNearTheCap(t *testing.T) {
	hh := model.Household{
		Decision: model.Decision{N: [3]float64{0, 1}, V: [3]float64{0, 0.5}, Beta: [3]float64{0, 0.4},
			Alpha: 0.6, S: 1000, H: 40, W: 10},
		NetFarm: 1100, Need: 0, CapDays: 1e9, Wage: 10, HoursPerDay: 8,
		FamilyTimeValue: 1,
	}
	o := hh.Decide(1, 1)
	if math.Abs(o.Hours[1]-16) > 1e-9 {
		t.Fatalf("baseline hours %v, want 16", o.Hours[1])
	}
	uct := hh
	uct.OtherIncome = 10
	if h := uct.Decide(1, 1).Hours[1]; math.Abs(h-15.2) > 1e-9 {
		t.Errorf("with the transfer hours %v, want 15.2", h)
	}
	cct := hh
	cct.CCT = 10
	o = cct.Decide(1, 1)
	if cl, _ := model.Classify(1, o.Hours[1], false); cl || math.Abs(o.Hours[1]-14) > 1e-5 || o.CCTPaid != 10 {
		t.Errorf("with the conditional transfer hours %v, paid %v; want just under 14 and 10", o.Hours[1], o.CCTPaid)
	}
	if u := cct.Utility(1110, o.Hours); math.Abs(u-4.41901272574272) > 1e-6 {
		t.Errorf("utility when complying %v, want 4.419013", u)
	}
}

// TestChildReturns: with one band, h = alpha H - (1 - alpha)(Y0 - s)/(v W).
// Raising v from 0.5 to 0.6 moves a household above subsistence (Y0 = 1100)
// from 16 to 24 - 0.4 x 100/6 = 17.33 hours and one below (Y0 = 900) from
// 32 to 24 + 0.4 x 100/6 = 30.67 (Kruger 2007; NORC 2020).
func TestChildReturns(t *testing.T) {
	d := model.Decision{N: [3]float64{1}, V: [3]float64{0.5}, Beta: [3]float64{0.4}, Alpha: 0.6, S: 1000, H: 40, W: 10}
	hi := d
	hi.V[0] = 0.6
	for _, c := range []struct {
		y0, before, after float64
	}{{1100, 16, 24 - 0.4*100/6.0}, {900, 32, 24 + 0.4*100/6.0}} {
		if h := d.Hours(c.y0)[0]; math.Abs(h-c.before) > 1e-9 {
			t.Errorf("Y0 %v: h %v, want %v", c.y0, h, c.before)
		}
		if h := hi.Hours(c.y0)[0]; math.Abs(h-c.after) > 1e-9 {
			t.Errorf("Y0 %v, higher v: h %v, want %v", c.y0, h, c.after)
		}
	}
}

func TestMechanisationLowersChildDays(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	_, _, cmp := final(t, c, one+"  type = \"mechanisation\"\n  tasks = [\"weeding\"]\n  effect = { days_change = -0.6 }\n")
	b := cmp.Baseline.Results[0].Labour[0].ChildDays
	s := cmp.Runs[0].Results[0].Labour[0].ChildDays
	if !(s < b) {
		t.Errorf("child days %v with mechanised weeding, %v without", s, b)
	}
}

// TestOSHLowersHazardousOnly: children of 5-11 are in child labour from the
// first hour whatever the hazard, so OSH cannot change child labour but
// lowers hazardous child labour.
func TestOSHLowersHazardousOnly(t *testing.T) {
	c := chain(t, "testdata/young.toml")
	b, s, _ := final(t, c, one+"  type = \"osh\"\n")
	if s.ChildLabour != b.ChildLabour {
		t.Errorf("child labour %v with OSH, %v without: it must not change", s.ChildLabour, b.ChildLabour)
	}
	if !(s.Hazardous < b.Hazardous) {
		t.Errorf("hazardous child labour %v with OSH, %v without", s.Hazardous, b.Hazardous)
	}
}

func TestPremiumRaisesIncome(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	for _, iv := range []string{"  type = \"premium\"\n  effect = { premium = 0.2 }\n", "  type = \"market_linkage\"\n"} {
		b, s, _ := final(t, c, one+iv)
		if !(s.MeanIncome > b.MeanIncome) {
			t.Errorf("%s: income %v, baseline %v", iv, s.MeanIncome, b.MeanIncome)
		}
	}
}

func TestNoInterventionsIsBaseline(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	_, _, cmp := final(t, c, "[[scenario]]\nname = \"nothing\"\n")
	for i, y := range cmp.Runs[0].Years {
		if !reflect.DeepEqual(y, cmp.Baseline.Years[i]) {
			t.Errorf("year %d: %+v, baseline %+v", i+1, y, cmp.Baseline.Years[i])
		}
	}
	if s := cmp.Summaries[0]; s.PVCost != 0 || s.ChildYearsAvoided != 0 || s.PVIncomeGained != 0 {
		t.Errorf("summary %+v, want zeros", s)
	}
}

func TestSameSeedSameNumbers(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	text := one + "  type = \"cct\"\n  ramp_years = 2\n"
	_, _, a := final(t, c, text)
	_, _, b := final(t, c, text)
	for i := range a.Summaries {
		x, y := a.Summaries[i], b.Summaries[i]
		if x.PVCost != y.PVCost || x.ChildYearsAvoided != y.ChildYearsAvoided || x.PVIncomeGained != y.PVIncomeGained {
			t.Errorf("two runs with seed 1 differ: %+v and %+v", x, y)
		}
	}
}

func TestCoverageRamp(t *testing.T) {
	iv := Intervention{Coverage: 0.6, RampYears: 3, Start: 2, End: 4}
	want := []float64{0, 0.2, 0.4, 0.6, 0}
	for i, w := range want {
		if got := iv.CoverageIn(i + 1); math.Abs(got-w) > 1e-12 {
			t.Errorf("year %d: coverage %v, want %v", i+1, got, w)
		}
	}
	iv.Ramp = "logistic"
	if got := iv.CoverageIn(4); math.Abs(got-0.6) > 1e-12 {
		t.Errorf("logistic ramp at ramp_years: %v, want 0.6", got)
	}
	if a, b := iv.CoverageIn(2), iv.CoverageIn(3); !(a < b && b < 0.6) {
		t.Errorf("logistic ramp not rising: %v, %v", a, b)
	}
}

// TestAdoptersStay: the households that adopt at 30% coverage also adopt
// at 60%, with the same draws in every year and scenario.
func TestAdoptersStay(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	f := parse(t, c, one+"  type = \"cash_transfer\"\n  ramp_years = 2\n")
	pop := model.NewPopulation(c, 1)
	run, err := model.RunPlan(f.Scenarios[0].Plan(c, 3), pop)
	if err != nil {
		t.Fatal(err)
	}
	a1, a2 := run.Results[0].Measures[0].Adopters, run.Results[1].Measures[0].Adopters
	// Coverage 0.5 then 1: about half the households, then all.
	if !(a1 > 150 && a1 < 250) || a2 != 400 {
		t.Errorf("adopters %v then %v, want about 200 then 400", a1, a2)
	}
	d1 := pop.AdoptDraws("farm", "cash_transfer/[farm]/0", 400)
	d2 := pop.AdoptDraws("farm", "cash_transfer/[farm]/0", 400)
	if &d1[0] != &d2[0] {
		t.Error("adoption draws were drawn again")
	}
}

// TestAppraisalArithmetic works docs/model.md section 9 by hand. Two years, r = 0.1.
// Costs 100 and 50: PV = 100/1.1 + 50/1.21 = 132.231405. Child labour 10
// and 10 in the baseline, 8 and 6 with the scenario: 6 child-years avoided,
// 22.038567 per child-year. Income 1000, 1000 against 1050, 1100: PV gain
// 50/1.1 + 100/1.21 = 128.099174. Weekly hours cut by 20 then 40; with
// 0.02 school years per hour-year, a return of 0.1 on earnings of 1000 for
// 2 working years starting a year later: annuity (1 - 1.1^-2)/0.1 =
// 1.735537; year 1: 20 x 0.02 x 0.1 x 1000 x 1.735537 x 1.1^-2 = 57.373130;
// year 2: 40 x ... x 1.1^-3 = 104.314782; together 161.687913.
// BCR = (161.687913 + 128.099174) / 132.231405 = 2.191515; with a spillover
// of 2: (161.687913 + 256.198347) / 132.231405 = 3.160265.
func TestAppraisalArithmetic(t *testing.T) {
	base := &model.Run{Years: []model.YearKPI{
		{Year: 1, ChildLabour: 10, TotalIncome: 1000, WeeklyHours: 100, Households: 10},
		{Year: 2, ChildLabour: 10, TotalIncome: 1000, WeeklyHours: 100, Households: 10},
	}}
	scen := &model.Run{Name: "s", Years: []model.YearKPI{
		{Year: 1, ChildLabour: 8, TotalIncome: 1050, WeeklyHours: 80, Cost: 100, Households: 10},
		{Year: 2, ChildLabour: 6, TotalIncome: 1100, WeeklyHours: 60, Cost: 50, Households: 10},
	}}
	a := model.Appraisal{DiscountRate: 0.1, SchoolYearsPerHourYear: 0.02, ReturnPerSchoolYear: 0.1,
		WorkingYears: 2, YearsToWork: 1, AdultEarnings: 1000, Spillover: 2}
	s := model.Compare(base, scen, a)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"PV cost", s.PVCost, 132.23140495867767},
		{"child-years avoided", s.ChildYearsAvoided, 6},
		{"cost per child-year", s.CostPerChildYear, 22.038567493112946},
		{"PV income gained", s.PVIncomeGained, 128.09917355371903},
		{"per household", s.IncomeGainedPerHH, 12.809917355371903},
		{"education", s.PVEducation, 161.6879125246041},
		{"BCR", s.BCR, 2.191514838467319},
		{"BCR with spillover", s.BCRSpillover, 3.160264838467319},
	} {
		if math.Abs(c.got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s = %.12g, want %.12g", c.name, c.got, c.want)
		}
	}
	if got := model.Annuity(0, 40); got != 40 {
		t.Errorf("annuity at r = 0: %v, want 40", got)
	}
}

// TestCostsCounted: a transfer of 300 to all 400 households with 50 per
// adopter and 10 per child (3 children each) and a fixed 1,000 in year 1
// costs 1,000 + 400 x (300 + 50 + 3 x 10) = 153,000 in year 1 and 152,000 after.
func TestCostsCounted(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	_, _, cmp := final(t, c, one+"  type = \"cash_transfer\"\n  effect = { amount = 300 }\n"+
		"  cost = { fixed = 1000, per_adopter_per_year = 50, per_child_per_year = 10 }\n")
	want := []float64{153000, 152000, 152000}
	for i, y := range cmp.Runs[0].Years {
		if math.Abs(y.Cost-want[i]) > 1e-6 {
			t.Errorf("year %d cost %v, want %v", i+1, y.Cost, want[i])
		}
	}
	// PV at 5%: 153000/1.05 + 152000/1.05^2 + 152000/1.05^3.
	pv := 153000/1.05 + 152000/math.Pow(1.05, 2) + 152000/math.Pow(1.05, 3)
	if got := cmp.Summaries[0].PVCost; math.Abs(got-pv) > 1e-6 {
		t.Errorf("PV cost %v, want %v", got, pv)
	}
}

func TestBadScenarioFiles(t *testing.T) {
	c := chain(t, "testdata/village.toml")
	ok := "[[scenario]]\nname = \"s\"\n  [[scenario.intervention]]\n  type = \"cct\"\n  targets = [\"farm\"]\n  coverage = 0.5\n"
	r := strings.Replace
	tests := []struct{ name, text, want string }{
		{"unknown key", r(ok, "coverage", "coverge", 1), `s.toml:6: scenario "s": intervention 1: unknown key "coverge"`},
		{"unknown type", r(ok, `"cct"`, `"subsidy"`, 1), `unknown intervention type "subsidy"`},
		{"unknown target", r(ok, `["farm"]`, `["farmer"]`, 1), `names no actor of the chain: "farmer"`},
		{"household type on enterprise", r(ok, `["farm"]`, `["trader"]`, 1), `cct acts on households, but "trader" is an enterprise`},
		{"coverage over 1", r(ok, "0.5", "1.5", 1), "coverage: must be in (0, 1]"},
		{"coverage missing", r(ok, "coverage = 0.5", "", 1), "coverage: must be in (0, 1]"},
		{"negative cost", ok + "  cost = { fixed = -5 }\n", "cost.fixed: must be a number from 0 to 1e+15, got -5"},
		{"unknown effect", ok + "  effect = { price_change = 0.1 }\n", "effect.price_change: is not an effect of cct (its effects: amount, hours_cap)"},
		{"change of -100%", r(r(ok, `"cct"`, `"productivity"`, 1), "coverage", "effect = { output_change = -1 }\n  coverage", 1), "a relative change must be above -1"},
		{"start past horizon", ok + "  start = 9\n", "start: must be a year from 1 to the horizon 3, got 9"},
		{"end before start", ok + "  start = 2\n  end = 1\n", "end: must be a year from start"},
		{"bad ramp", ok + "  ramp = \"steep\"\n", `ramp: must be "linear" or "logistic"`},
		{"bypass of a buyer that sells to final demand", r(ok, `"cct"`, `"cooperative"`, 1) + "  bypass = \"trader\"\n", `"trader" sells 1 of what it buys to final demand`},
		{"unknown task", r(ok, `"cct"`, `"mechanisation"`, 1) + "  tasks = [\"ploughing\"]\n", `no target has a task named "ploughing"`},
		{"duplicate name", ok + ok, "scenario names must be unique"},
		{"baseline name", r(ok, `"s"`, `"Baseline"`, 1), "scenario names must be unique"},
		{"no scenarios", "", "no scenarios"},
		{"negative spillover", "[appraisal]\nspillover = -1\n" + ok, "spillover: must be a number from 0 to 100, got -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.text), "s.toml")
			if err == nil {
				err = Validate(f, c, "s.toml")
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
			var ve *valuechain.ValidationError
			var ie valuechain.InputErrors
			if err != nil && !errors.As(err, &ve) && !errors.As(err, &ie) {
				t.Errorf("error of type %T, want a validation or input error", err)
			}
		})
	}
}

// TestCodeOfConductOnHiredChildren: the importer of model/testdata/hired.toml
// hires 7.5 children (5 in child labour, 3.33 hazardous; see
// model/hired_test.go). A code of conduct signed by all (coverage 1) with
// compliance 0.7 and hazard_change -0.3 leaves child_share 0.5 x 0.3 = 0.15:
// unloading 1 child (0.4 aged 12-14, in child labour by hours; 0.6 aged
// 15-17, in child labour when exposed, 0.7 of them), sorting 1.25 girls
// (0.5 aged 12-14 in child labour): child labour 0.4 + 0.42 + 0.5 = 1.32,
// hazardous 0.7. Adults do the 315 days children leave: wages 1,565 x 10 +
// 135 x 4 = 16,190 instead of 14,300.
func TestCodeOfConductOnHiredChildren(t *testing.T) {
	c := chain(t, "../model/testdata/hired.toml")
	text := `
[[scenario]]
name = "code"
  [[scenario.intervention]]
  type = "code_of_conduct"
  targets = ["importer"]
  coverage = 1
`
	b, s, cmp := final(t, c, text)
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"baseline child labour", b.ChildLabour, 5}, {"baseline hazardous", b.Hazardous, 200.0 * 8 / 480},
		{"child labour", s.ChildLabour, 1.32}, {"hazardous", s.Hazardous, 0.7},
	} {
		if math.Abs(tt.got-tt.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	run := cmp.Runs[0].Results
	if w := run[len(run)-1].Accounts[0].Wages; math.Abs(w-16190) > 1e-6 {
		t.Errorf("wages %v, want 16190", w)
	}
	if cmp.Summaries[0].ChildYearsAvoided <= 0 {
		t.Errorf("child-years avoided %v", cmp.Summaries[0].ChildYearsAvoided)
	}
}

// An effect whose default is a rule (cct's hours_cap 0: each band's own
// limit) is not drawn by default: a draw of 0.5 would mean a cap of half an
// hour a week, and the Monte Carlo interval of a CCT scenario would then
// leave out its own deterministic figure (tobacco's IPEC package: 385
// children deterministic, 530 (420 to 580) over 100 draws before this rule).
// The amount, an ordinary number, is still drawn over the guide's range.
func TestRuleEffectsAreNotDrawn(t *testing.T) {
	c := chain(t, "../examples/cotton-tajikistan.toml")
	f := parse(t, c, `[[scenario]]
name = "cct"
[[scenario.intervention]]
type = "cct"
targets = ["dekhan"]
coverage = 0.5
[[scenario.intervention]]
type = "cct"
targets = ["dekhan"]
coverage = 0.5
effect = { hours_cap = "guide" }
`)
	var amount, capDrawn int
	for _, u := range f.Uncertainties() {
		switch {
		case strings.HasSuffix(u.Path, "hours_cap") && u.Distribution.Dist != "point":
			capDrawn++
		case strings.HasSuffix(u.Path, "amount"):
			amount++
			if u.Distribution.Dist != "triangular" {
				t.Errorf("%s: %q, want the guide's triangular range", u.Path, u.Distribution.Dist)
			}
		}
	}
	if capDrawn != 0 {
		t.Errorf("hours_cap drawn in %d interventions, want none (its default is a rule)", capDrawn)
	}
	if amount != 2 {
		t.Errorf("amount uncertain in %d interventions, want 2", amount)
	}
}

// TestCodeOfConductOnSuppliedChildren: the trader of
// model/testdata/supplied.toml hires the farms' own children (supplied_by):
// 20 children of 12-14 in child labour at 17.14 hours a week, each farm's
// cash income 2,600 (see model/supplied_test.go). A code of conduct signed
// by all with compliance 0.5 halves child_share: the trader needs 500
// child days, each farm gets 350/600 of its offer and the children work 10
// hours, under the light-work limit: no child labour, cash income 2,350,
// poverty unchanged (S = 2,000). Adults do the 500 days children leave:
// the trader's wages 8,500 instead of 7,428.57.
func TestCodeOfConductOnSuppliedChildren(t *testing.T) {
	c := chain(t, "../model/testdata/supplied.toml")
	b, s, cmp := final(t, c, `
[[scenario]]
name = "code"
  [[scenario.intervention]]
  type = "code_of_conduct"
  targets = ["trader"]
  coverage = 1
  effect = { compliance = 0.5 }
`)
	run := cmp.Runs[0].Results
	last := run[len(run)-1]
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"baseline child labour", b.ChildLabour, 20}, {"child labour", s.ChildLabour, 0},
		{"cash income", last.Groups[0].MeanIncome, 2350}, {"wages from the chain", last.Groups[0].Cash.ChildChain, 3500},
		{"trader's wages", last.Accounts[1].Wages, 8500},
	} {
		if math.Abs(tt.got-tt.want) > 1e-9*max(1, tt.want) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if err := last.Check(1e-9); err != nil {
		t.Error(err)
	}
	if cmp.Summaries[0].ChildYearsAvoided <= 0 {
		t.Errorf("child-years avoided %v", cmp.Summaries[0].ChildYearsAvoided)
	}
}
