package model

import (
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Calibration targets.
const (
	TargetPrevalence = "prevalence" // share of children in child labour
	TargetHours      = "hours"      // mean weekly hours of work per child
)

// Fit is the result of calibrating one household group.
type Fit struct {
	Group    string
	Target   string  // TargetPrevalence or TargetHours
	Observed float64 // the target value
	Fitted   float64 // the model's value at Alpha
	Alpha    float64
	// Prevalence and Hours are the model's values at Alpha.
	Prevalence, Hours float64
	// School is true when delta was fitted too (CalibrateSchool): Delta
	// is the fitted school_value, Enrolment the model's enrolment by band
	// there and ObservedEnrolment the target (NaN: not fitted).
	School                              bool
	Delta, Enrolment, ObservedEnrolment [nb]float64
	// Survey is true when Observed is the prevalence observed in the
	// household survey (its children's hours) rather than the chain's
	// observed_prevalence (FitObserved).
	Survey bool
}

// Observed returns the weighted child-labour prevalence and mean weekly
// hours per child of surveyed households, over the bands with observed
// hours (classified with the survey's hazardous flag), and those bands.
func Observed(rows []valuechain.SurveyHousehold) (prevalence, hours float64, bands [nb]bool) {
	var children, cl, h float64
	for _, r := range rows {
		n := r.Children()
		for b := range n {
			if n[b] == 0 || math.IsNaN(r.Hours[b]) {
				continue
			}
			bands[b] = true
			w := r.Weight * n[b]
			children += w
			h += w * r.Hours[b]
			if c, _ := Classify(b, r.Hours[b], r.Hazardous); c {
				cl += w
			}
		}
	}
	if children == 0 {
		return math.NaN(), math.NaN(), bands
	}
	return cl / children, h / children, bands
}

// Statistic returns the prevalence and mean weekly hours per child of a
// household group's result, over the given bands.
func Statistic(g *Group, bands [nb]bool) (prevalence, hours float64) {
	var children, cl, h float64
	for b, c := range g.ByBand {
		if bands[b] {
			children += c.Children
			cl += c.ChildLabour
			h += c.WeeklyHours
		}
	}
	if children == 0 {
		return math.NaN(), math.NaN()
	}
	return cl / children, h / children
}

// Calibrate solves alpha of household actor group so that the baseline's
// statistic (TargetPrevalence or TargetHours over bands) equals observed,
// by bisection: both rise with alpha, hours continuously, prevalence in
// steps (one per household), so for prevalence it returns the smallest
// alpha reaching the target. It fails when no alpha in [0, 1e6] can.
func Calibrate(c *valuechain.Chain, pop *Population, group, target string, observed float64, bands [nb]bool) (Fit, error) {
	fit := Fit{Group: group, Target: target, Observed: observed}
	a, i := c.Actor(group)
	if a == nil || a.Household == nil {
		return fit, fmt.Errorf("%q is not a household actor", group)
	}
	eval := func(alpha float64) (prev, hours float64, err error) {
		d := c.Clone()
		d.Actors[i].Household.Alpha = &alpha
		r, err := Simulate(d, Options{Population: pop})
		if err != nil {
			return 0, 0, err
		}
		for k := range r.Groups {
			if r.Groups[k].Actor == group {
				prev, hours = Statistic(&r.Groups[k], bands)
			}
		}
		return prev, hours, nil
	}
	value := func(alpha float64) (float64, error) {
		p, h, err := eval(alpha)
		if target == TargetHours {
			return h, err
		}
		return p, err
	}
	lo, hi := 0.0, 1.0
	v, err := value(lo)
	if err != nil {
		return fit, err
	}
	if v > observed {
		return fit, fmt.Errorf("group %q: no alpha reaches the observed %s %.4g: even alpha = 0 gives %.4g (children work to reach subsistence); check the poverty line and incomes", group, target, observed, v)
	}
	for {
		v, err = value(hi)
		if err != nil {
			return fit, err
		}
		if v >= observed {
			break
		}
		if hi >= 1e6 {
			return fit, fmt.Errorf("group %q: no alpha reaches the observed %s %.4g: even alpha = %g gives %.4g (the farm has too little child-suitable work, or beta is too high)", group, target, observed, hi, v)
		}
		lo, hi = hi, hi*4
	}
	for hi-lo > 1e-12*math.Max(1, hi) {
		mid := (lo + hi) / 2
		if v, err = value(mid); err != nil {
			return fit, err
		}
		if v >= observed {
			hi = mid
		} else {
			lo = mid
		}
	}
	fit.Alpha = hi
	fit.Prevalence, fit.Hours, err = eval(hi)
	fit.Fitted = fit.Prevalence
	if target == TargetHours {
		fit.Fitted = fit.Hours
	}
	return fit, err
}

// CalibrateChain calibrates alpha of every household group that has an
// observation: the survey's, when it covers the group (target hours when it
// observes hours, unless target says prevalence), else the chain's
// observed_prevalence. It returns the calibrated copy of c and the fits.
func CalibrateChain(c *valuechain.Chain, sv *valuechain.Survey, seed uint64, target string) (*valuechain.Chain, []Fit, error) {
	pop := NewPopulation(c, seed)
	if sv != nil {
		pop = NewSurveyPopulation(c, sv, seed)
	}
	out := c.Clone()
	var fits []Fit
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Household == nil {
			continue
		}
		t, obs, bands := "", math.NaN(), [nb]bool{true, true, true}
		if sv != nil && len(sv.Groups[a.ID]) > 0 {
			prev, hours, b := Observed(sv.Groups[a.ID])
			if !math.IsNaN(prev) {
				bands = b
				t, obs = TargetHours, hours
				if target == TargetPrevalence {
					t, obs = TargetPrevalence, prev
				}
			}
		}
		if t == "" && a.Household.ObservedPrevalence != nil {
			t, obs = TargetPrevalence, *a.Household.ObservedPrevalence
		}
		if t == "" {
			continue
		}
		var fit Fit
		var err error
		if e := a.Household.ObservedEnrolment; e != nil && t == TargetPrevalence {
			fit, err = CalibrateSchool(out, pop, a.ID, obs, *e)
		} else {
			fit, err = Calibrate(out, pop, a.ID, t, obs, bands)
		}
		if err != nil {
			return nil, nil, err
		}
		alpha := fit.Alpha
		out.Actors[i].Household.Alpha = &alpha
		if fit.School {
			delta := fit.Delta
			out.Actors[i].Household.SchoolValue = &delta
		}
		fits = append(fits, fit)
	}
	if len(fits) == 0 {
		return nil, nil, fmt.Errorf("nothing to calibrate to: give observed_prevalence in a group's [actor.household] table, or a survey with children's hours")
	}
	return out, fits, nil
}
