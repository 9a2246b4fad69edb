package model

import (
	"math"
	"strings"
	"testing"

	"vcsim/valuechain"
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
