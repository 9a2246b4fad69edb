package model

import (
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// surveyOf makes n surveyed households of group farm with varied output
// and composition, without observed hours.
func surveyOf(n int) *valuechain.Survey {
	rows := make([]valuechain.SurveyHousehold, n)
	for k := range rows {
		rows[k] = valuechain.SurveyHousehold{
			Row: k + 2, Weight: 1 + float64(k%3), Adults: 2 + float64(k%2),
			Girls:  [3]float64{float64(k % 2), float64((k + 1) % 2), 0},
			Boys:   [3]float64{float64((k + 1) % 2), 0, float64(k % 2)},
			Output: 500 + 40*float64(k), OtherIncome: math.NaN(),
			Hours: [3]float64{math.NaN(), math.NaN(), math.NaN()}, Hazardous: k%4 == 0,
		}
	}
	return &valuechain.Survey{Groups: map[string][]valuechain.SurveyHousehold{"farm": rows}}
}

// TestCalibrationRecoversAlpha generates the children's hours of 40
// surveyed households with alpha = 0.8, then calibrates a chain that says
// alpha = 3 on those hours: it must find 0.8 again.
func TestCalibrationRecoversAlpha(t *testing.T) {
	c := load(t, "testdata/village.toml")
	sv := surveyOf(40)
	truth := 0.8
	c.Actors[0].Household.Alpha = &truth
	r, err := Simulate(c, Options{Population: NewSurveyPopulation(c, sv, 1)})
	if err != nil {
		t.Fatal(err)
	}
	rows := sv.Groups["farm"]
	for k := range rows {
		for b, n := range rows[k].Children() {
			if n > 0 {
				rows[k].Hours[b] = r.Groups[0].Hours[k][b]
			}
		}
	}
	wrong := 3.0
	c.Actors[0].Household.Alpha = &wrong
	out, fits, err := CalibrateChain(c, sv, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(fits) != 1 || fits[0].Target != TargetHours {
		t.Fatalf("fits %+v, want one on hours", fits)
	}
	if got := *out.Actors[0].Household.Alpha; math.Abs(got-truth) > 1e-6 {
		t.Errorf("alpha = %.9f, want %v", got, truth)
	}
	if math.Abs(fits[0].Fitted-fits[0].Observed) > 1e-6 {
		t.Errorf("fitted hours %v, observed %v", fits[0].Fitted, fits[0].Observed)
	}
	if *c.Actors[0].Household.Alpha != wrong {
		t.Error("calibration changed the input chain")
	}
}

// TestCalibratePrevalence reaches an observed prevalence of the chain file
// with the smallest alpha that gives it.
func TestCalibratePrevalence(t *testing.T) {
	c := load(t, "testdata/village.toml")
	p := 0.5
	c.Actors[0].Household.ObservedPrevalence = &p
	out, fits, err := CalibrateChain(c, nil, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	f := fits[0]
	if f.Target != TargetPrevalence || f.Prevalence < 0.5 {
		t.Errorf("fit %+v: prevalence under the target", f)
	}
	// Just below the alpha found, the prevalence is under the target.
	below := f.Alpha * (1 - 1e-6)
	out.Actors[0].Household.Alpha = &below
	r, err := Simulate(out, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if prev, _ := Statistic(&r.Groups[0], [3]bool{true, true, true}); prev >= 0.5 {
		t.Errorf("prevalence %v just below alpha %v: the alpha found is not the smallest", prev, f.Alpha)
	}
}

func TestCalibrationFailsClearly(t *testing.T) {
	c := load(t, "testdata/village.toml")
	for _, tt := range []struct {
		target   string
		observed float64
		want     string
	}{
		{TargetPrevalence, 0, "even alpha = 0 gives"},
		{TargetHours, 1000, "even alpha = "},
	} {
		_, err := Calibrate(c, NewPopulation(c, 1), "farm", tt.target, tt.observed, [3]bool{true, true, true})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %v: error %v, want %q", tt.target, tt.observed, err, tt.want)
		}
	}
	if _, _, err := CalibrateChain(c, nil, 1, ""); err == nil || !strings.Contains(err.Error(), "nothing to calibrate") {
		t.Errorf("no target: error %v", err)
	}
}

// TestSurveyHazardousFlag: a surveyed household flagged hazardous exposes
// its working children although the group has no hazardous task, so its
// working 12-14-year-olds are in hazardous child labour (ICLS: hazardous
// work is child labour at any hours); OSH that removes the hazard frees
// them. Hand count: household 1 (weight 2, one boy 12-14, flagged) gives
// 2 children in hazardous child labour when he works; household 2 (weight
// 3, one girl 12-14, not flagged, working under 14 hours) gives none.
func TestSurveyHazardousFlag(t *testing.T) {
	c := load(t, "testdata/village.toml")
	for i := range c.Actors[0].Tasks {
		c.Actors[0].Tasks[i].Hazardous = false // a group without hazardous tasks
	}
	if h := c.Actors[0].Household; h.HazardExposure != nil {
		zero := 0.0
		h.HazardExposure = &zero
	}
	c.Actors[0].Count = 5 // survey weights are rescaled to the count: keep them 2 and 3
	if c.Actors[0].Exposure() != 0 {
		t.Fatal("the group still has hazards")
	}
	nan := math.NaN()
	sv := &valuechain.Survey{Groups: map[string][]valuechain.SurveyHousehold{"farm": {
		{Row: 2, Weight: 2, Adults: 2, Boys: [3]float64{0, 1, 0}, Output: nan, OtherIncome: nan, Hours: [3]float64{nan, nan, nan}, Hazardous: true},
		{Row: 3, Weight: 3, Adults: 2, Girls: [3]float64{0, 1, 0}, Output: nan, OtherIncome: nan, Hours: [3]float64{nan, nan, nan}},
	}}}
	pop := NewSurveyPopulation(c, sv, 1)
	r, err := Simulate(c, Options{Population: pop})
	if err != nil {
		t.Fatal(err)
	}
	g := r.Groups[0]
	h1, h2 := g.Hours[0][1], g.Hours[1][1]
	if h1 < WorkHours || h2 >= LightWorkHours {
		t.Fatalf("hours %v and %v: the test needs the boy working and the girl in light work", h1, h2)
	}
	band := g.ByBand[valuechain.Band12to14]
	if band.Hazardous != 2 || band.ChildLabour != 2 {
		t.Errorf("hazardous %v, child labour %v; want 2 and 2 (the flagged household's boy, weight 2)", band.Hazardous, band.ChildLabour)
	}
	osh := &Policy{Measures: []Measure{{Name: "osh", Type: "osh", Targets: []string{"farm"}, AdoptKey: "osh", Coverage: 1, HazardChange: -1}}}
	r, err = Simulate(c, Options{Population: pop, Policy: osh})
	if err != nil {
		t.Fatal(err)
	}
	if band := r.Groups[0].ByBand[valuechain.Band12to14]; band.Hazardous != 0 || band.ChildLabour != 0 {
		t.Errorf("with OSH removing the hazard: hazardous %v, child labour %v; want 0 and 0", band.Hazardous, band.ChildLabour)
	}
}

// TestFitObservedSurvey: the fit works on a surveyed population. The
// tobacco example gives the national prevalence (27.8%) and enrolment;
// its survey CSV observes every child's hours: counted by hand from the
// file with the ICLS rules (5-11 at 1 hour, 12-14 at 14 hours or a
// hazardous flag, 15-17 at 43 hours or a flag), 78.54% of the surveyed
// children are in child labour. FitObserved fits that, not the national
// figure, and says so (Fit.Survey); the same population gives the same fit
// twice. The national figure on the surveyed households is out of reach
// (they are poorer: even alpha 0.01 leaves more children working), and
// CalibrateSchool then returns the closest fit, alpha 0.01, instead of
// failing; so does an enrolment no school_value reaches.
func TestFitObservedSurvey(t *testing.T) {
	c := load(t, "../examples/tobacco-kyrgyzstan.toml")
	sv, err := valuechain.LoadSurvey("../examples/tobacco-kyrgyzstan-survey.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	pop := NewSurveyPopulation(c, sv, 1)
	_, fits, err := FitObserved(c, pop)
	if err != nil {
		t.Fatal(err)
	}
	if len(fits) != 1 || !fits[0].Survey || !fits[0].School {
		t.Fatalf("fits %+v, want one from the survey with school", fits)
	}
	f := fits[0]
	if math.Abs(f.Observed-0.78544) > 5e-5 || math.Abs(f.Fitted-f.Observed) > 0.01 {
		t.Errorf("observed %.5f (want 0.78544 by hand), fitted %.4f", f.Observed, f.Fitted)
	}
	if _, again, err := FitObserved(c, pop); err != nil || again[0].Alpha != f.Alpha || again[0].Delta != f.Delta {
		t.Errorf("a second fit differs: %+v, %v", again, err)
	}
	national, err := CalibrateSchool(c, pop, "farm", 0.278, *c.Actors[0].Household.ObservedEnrolment)
	if err != nil {
		t.Fatal(err)
	}
	if national.Alpha != minAlpha || national.Prevalence <= 0.278 {
		t.Errorf("national target on the survey: alpha %v, prevalence %v; want alpha %v and prevalence above 0.278", national.Alpha, national.Prevalence, minAlpha)
	}
	unreachable := [nb]float64{0.865, 0.999, 0.80}
	fit, err := CalibrateSchool(c, pop, "farm", f.Observed, unreachable)
	if err != nil {
		t.Fatal(err)
	}
	if e := fit.Enrolment[1]; e >= 0.999 || e < 0.5 {
		t.Errorf("12-14 enrolment %v: want the closest the model reaches, below 0.999", e)
	}
}

// TestFitOutOfReachAbove: a prevalence no alpha reaches (99.9% on the
// tobacco survey's households: the farm's child-suitable work caps the
// hours, and 15-17-year-olds off hazardous tasks under 43 hours are not in
// child labour) is fitted to the highest the model reaches, with the
// smallest alpha that reaches it, instead of failing.
func TestFitOutOfReachAbove(t *testing.T) {
	c := load(t, "../examples/tobacco-kyrgyzstan.toml")
	sv, err := valuechain.LoadSurvey("../examples/tobacco-kyrgyzstan-survey.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	pop := NewSurveyPopulation(c, sv, 1)
	fit, err := CalibrateSchool(c, pop, "farm", 0.999, *c.Actors[0].Household.ObservedEnrolment)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Prevalence >= 0.999 || fit.Prevalence < 0.7 || fit.Alpha <= 1 {
		t.Errorf("alpha %v, prevalence %v: want the highest prevalence the model reaches, below 0.999", fit.Alpha, fit.Prevalence)
	}
	t.Logf("alpha %v gives %v", fit.Alpha, fit.Prevalence)
}
