package model

import (
	"fmt"
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Tolerances of the fit of alpha and delta: bisection stops when the
// bracket is this narrow (delta in utility units; alpha relative).
const (
	deltaTol = 1e-3
	alphaTol = 1e-3
	minAlpha = 0.01
)

// Enrolment returns the share of a group's children enrolled, by band
// (NaN for a band without children).
func Enrolment(g *Group) [nb]float64 {
	var e [nb]float64
	for b, c := range g.ByBand {
		e[b] = math.NaN()
		if c.Children > 0 {
			e[b] = c.School.Enrolled / c.Children
		}
	}
	return e
}

// CalibrateSchool solves alpha and delta_b (school_value) of household
// actor group so that the baseline's child-labour prevalence equals
// prevalence and each band's enrolment equals enrolment[b] (docs/model.md
// sections 5b and 10): a nested bisection, alpha outside (prevalence rises
// with alpha), and inside, for that alpha, every band's delta bisected
// together (each band's enrolment rises with its delta; bands interact only
// through the household's income). Bands whose enrolment is NaN, or that
// have no children, keep their delta. It is deterministic for a
// population.
func CalibrateSchool(c *valuechain.Chain, pop *Population, group string, prevalence float64, enrolment [nb]float64) (Fit, error) {
	fit := Fit{Group: group, Target: TargetPrevalence, Observed: prevalence, School: true, ObservedEnrolment: enrolment}
	a, i := c.Actor(group)
	if a == nil || a.Household == nil {
		return fit, fmt.Errorf("%q is not a household actor", group)
	}
	d := c.Clone()
	h := d.Actors[i].Household
	delta := h.SchoolValueOr()
	h.SchoolValue = &delta
	fitted := [nb]bool{}
	n := h.Children()
	for b := range fitted {
		fitted[b] = !math.IsNaN(enrolment[b]) && n[b] > 0
	}
	full := pop
	pop = sample(pop, calibrationSample)
	var hours float64
	eval := func(alpha float64, delta [nb]float64) (prev float64, enrol [nb]float64, err error) {
		h.Alpha = &alpha
		v := delta
		h.SchoolValue = &v
		r, err := Simulate(d, Options{Population: pop, AggregatesOnly: true})
		if err != nil {
			return 0, enrol, err
		}
		for k := range r.Groups {
			if r.Groups[k].Actor == group {
				prev, hours = Statistic(&r.Groups[k], [nb]bool{true, true, true})
				enrol = Enrolment(&r.Groups[k])
			}
		}
		return prev, enrol, nil
	}
	// inner returns the deltas that give the observed enrolment at alpha,
	// starting from the brackets around start. A band whose observed
	// enrolment no delta reaches (households that need the band's every
	// hour to reach subsistence stay out of school whatever its value) is
	// fitted to the nearest enrolment the model reaches, with the smallest
	// delta that reaches it: the note then shows how close the fit is.
	inner := func(alpha float64, start [nb]float64) ([nb]float64, error) {
		var lo, hi [nb]float64
		goal := enrolment
		for b := range lo {
			lo[b], hi[b] = start[b]-0.25, start[b]+0.25
		}
		// Widen each band's bracket until it holds the target.
		for width := 1.0; ; width *= 4 {
			_, elo, err := eval(alpha, lo)
			if err != nil {
				return start, err
			}
			_, ehi, err := eval(alpha, hi)
			if err != nil {
				return start, err
			}
			ok := true
			for b := range lo {
				if !fitted[b] {
					continue
				}
				// Only the side that misses moves: the bands interact, so
				// a bound that held may not hold at the others' new values.
				if elo[b] > goal[b] {
					lo[b], ok = lo[b]-4*width, false
				}
				if ehi[b] < goal[b] {
					hi[b], ok = hi[b]+4*width, false
				}
			}
			if ok {
				break
			}
			if width > 1e5 {
				for b := range lo {
					if fitted[b] && elo[b] > goal[b] {
						goal[b] = elo[b]
					}
					if fitted[b] && ehi[b] < goal[b] {
						goal[b] = ehi[b]
					}
				}
				break
			}
		}
		for {
			wide := false
			var mid [nb]float64
			for b := range mid {
				mid[b] = start[b]
				if fitted[b] {
					mid[b] = (lo[b] + hi[b]) / 2
					wide = wide || hi[b]-lo[b] > deltaTol
				}
			}
			if !wide {
				return hi, nil
			}
			_, e, err := eval(alpha, mid)
			if err != nil {
				return start, err
			}
			for b := range mid {
				if !fitted[b] {
					hi[b] = start[b]
					continue
				}
				if e[b] >= goal[b] {
					hi[b] = mid[b]
				} else {
					lo[b] = mid[b]
				}
			}
		}
	}
	// outer: prevalence at alpha with the deltas fitted there.
	outer := func(alpha float64) (float64, [nb]float64, error) {
		dl, err := inner(alpha, delta)
		if err != nil {
			return 0, dl, err
		}
		delta = dl // the next alpha starts from these deltas
		p, _, err := eval(alpha, dl)
		return p, dl, err
	}
	// alpha = 0 leaves consumption out of the choice, and school with it:
	// the search starts just above.
	lo, hi := minAlpha, 1.0
	v, dlo, err := outer(lo)
	if err != nil {
		return fit, err
	}
	best := delta
	if v >= prevalence {
		// Even the smallest alpha gives more child labour than observed:
		// children work to reach subsistence. The fit is as close as the
		// model comes, and the note says how close.
		hi, best = lo, dlo
	}
	// goal is the prevalence fitted: the observed one, or, when no alpha
	// reaches it (the farm has too little child-suitable work, or beta is
	// too high), the highest the model reaches, with the smallest alpha
	// that reaches it.
	goal := prevalence
	for v < goal {
		if v, _, err = outer(hi); err != nil {
			return fit, err
		}
		if v >= goal {
			break
		}
		if hi >= 1e6 {
			goal, lo = v, minAlpha
			break
		}
		lo, hi = hi, hi*4
	}
	if hi > lo {
		best = delta
	}
	for hi > lo && hi-lo > alphaTol*math.Max(1, hi) {
		mid := (lo + hi) / 2
		p, dl, err := outer(mid)
		if err != nil {
			return fit, err
		}
		if p >= goal {
			hi, best = mid, dl
		} else {
			lo = mid
		}
	}
	fit.Alpha, fit.Delta = hi, best
	// The model's values at the fit, on the whole population.
	pop = full
	var enrol [nb]float64
	if fit.Prevalence, enrol, err = eval(hi, best); err != nil {
		return fit, err
	}
	fit.Fitted, fit.Enrolment, fit.Hours = fit.Prevalence, enrol, hours
	return fit, nil
}

// FitObserved fits alpha of every household group of c that gives
// observed_prevalence, and its school_value too when it gives
// observed_enrolment (CalibrateSchool), on the population pop: what run,
// compare and the page do before simulating (docs/model.md section 10).
// For a group pop takes from a survey that observes its children's hours,
// the prevalence observed in the survey is the target (Fit.Survey).
// It returns the fitted copy of c and the fits, or c itself and no fits
// when no group gives observations.
func FitObserved(c *valuechain.Chain, pop *Population) (*valuechain.Chain, []Fit, error) {
	var out *valuechain.Chain
	var fits []Fit
	for i := range c.Actors {
		h := c.Actors[i].Household
		if h == nil || h.ObservedPrevalence == nil {
			continue
		}
		if out == nil {
			out = c.Clone()
		}
		id := c.Actors[i].ID
		// A survey that observes the group's children's hours is the
		// observation of its households: its prevalence is the target, as
		// in CalibrateChain (the chain's figure is for the synthetic ones).
		prev, fromSurvey := *h.ObservedPrevalence, false
		if d := pop.Groups[id]; d != nil && len(d.Survey) > 0 {
			if p, _, _ := Observed(d.Survey); !math.IsNaN(p) {
				prev, fromSurvey = p, true
			}
		}
		var fit Fit
		var err error
		if h.ObservedEnrolment != nil {
			fit, err = CalibrateSchool(out, pop, id, prev, *h.ObservedEnrolment)
		} else {
			fit, err = Calibrate(out, pop, id, TargetPrevalence, prev, [nb]bool{true, true, true})
		}
		if err != nil {
			return nil, nil, fmt.Errorf("fitting preferences to the observations: %w", err)
		}
		fit.Survey = fromSurvey
		alpha := fit.Alpha
		out.Actors[i].Household.Alpha = &alpha
		if fit.School {
			delta := fit.Delta
			out.Actors[i].Household.SchoolValue = &delta
		}
		fits = append(fits, fit)
	}
	if out == nil {
		return c, nil, nil
	}
	return out, fits, nil
}

// calibrationSample is the most households of a group the fit of alpha
// and delta simulates at each step: a larger synthetic group is fitted on
// its first calibrationSample households, each standing for its share of
// the group (as MaxSimulated does), and the fit's closeness is then
// reported on the whole group.
const calibrationSample = 5000

// sample returns pop with every synthetic group of more than n households
// cut to its first n, weighted to stand for the group, their scales
// rescaled to mean 1 (the households still add up to the actor). The
// taste and adoption draws of the first n households are the group's own.
func sample(pop *Population, n int) *Population {
	out := &Population{Seed: pop.Seed, Groups: map[string]*Draws{}}
	for id, d := range pop.Groups {
		if d.Survey != nil || d.Weight != nil || len(d.Scale) <= n {
			out.Groups[id] = d
			continue
		}
		s := &Draws{Scale: append([]float64(nil), d.Scale[:n]...), Hazard: d.Hazard[:n], Adopt: d.Adopt[:n], Weight: make([]float64, n)}
		var sum float64
		for _, x := range s.Scale {
			sum += x
		}
		for k := range s.Scale {
			s.Scale[k] *= float64(n) / sum
			s.Weight[k] = float64(len(d.Scale)) / float64(n)
		}
		out.Groups[id] = s
	}
	return out
}
