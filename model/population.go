package model

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Population is the synthetic population of every household actor of a
// chain: the random draws that make households differ. The same population
// is used for the baseline and every scenario (common random numbers).
type Population struct {
	Seed   uint64
	Groups map[string]*Draws // by actor id

	mu    sync.Mutex
	adopt map[string][]float64
	taste map[string][]float64 // TasteDraws, by actor
}

// AdoptDraws returns the uniform draws that order the households of a group
// for the adoption of a measure: household k adopts when its draw is below
// the measure's coverage. The same actor and key give the same draws, so
// the same households adopt in every year and scenario. The empty key
// gives the group's Adopt draws.
func (p *Population) AdoptDraws(actor, key string, n int) []float64 {
	if key == "" {
		if d := p.Groups[actor]; d != nil && len(d.Adopt) == n {
			return d.Adopt
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	id := actor + "\x00" + key
	if x, ok := p.adopt[id]; ok && len(x) == n {
		return x
	}
	if p.adopt == nil {
		p.adopt = map[string][]float64{}
	}
	x := make([]float64, n)
	uniform(x, stream(p.Seed, actor, "adopt", key))
	p.adopt[id] = x
	return x
}

// Draws are the random numbers of one household group, one per household.
type Draws struct {
	// Scale m_h multiplies a household's output, land and costs; its mean
	// over the group is exactly 1 so the households add up to the actor.
	Scale []float64
	// Hazard is a uniform number; a working child of the household is
	// exposed to a hazardous task when Hazard < exposure probability.
	Hazard []float64
	// Adopt is a uniform number ranking households for an intervention's
	// uptake: the lowest adopt first.
	Adopt []float64
	// Survey and Weight, when not nil, are the surveyed households that
	// replace the synthetic ones, and the households each stands for.
	Survey []valuechain.SurveyHousehold
	Weight []float64
}

// NewSurveyPopulation draws the population of c as NewPopulation does,
// then replaces the households of every group the survey covers: one
// household per row, weights rescaled to add up to the actor's count,
// scale from the row's output (rescaled to a weighted mean of 1; rows
// without output have the group's average). A surveyed household's
// exposure to hazards is its hazardous flag (see Household.fromSurvey);
// its Hazard draw is uniform, so that a measure lowering exposure by a
// share frees that share of the flagged households.
func NewSurveyPopulation(c *valuechain.Chain, sv *valuechain.Survey, seed uint64) *Population {
	p := NewPopulation(c, seed)
	for i := range c.Actors {
		a := &c.Actors[i]
		rows := sv.Groups[a.ID]
		if a.Household == nil || len(rows) == 0 {
			continue
		}
		n := len(rows)
		d := &Draws{Scale: make([]float64, n), Hazard: make([]float64, n), Weight: make([]float64, n), Survey: rows}
		uniform(d.Hazard, stream(seed, a.ID, "survey-hazard"))
		var wsum, msum float64
		for k, r := range rows {
			d.Weight[k] = r.Weight
			wsum += r.Weight
			d.Scale[k] = 1
			if !math.IsNaN(r.Output) && a.OutputPerUnit > 0 {
				d.Scale[k] = r.Output / a.OutputPerUnit
			}
			msum += r.Weight * d.Scale[k]
		}
		for k := range rows {
			d.Weight[k] *= a.Count / wsum
			if msum > 0 {
				d.Scale[k] *= wsum / msum
			}
		}
		d.Adopt = make([]float64, n)
		uniform(d.Adopt, stream(seed, a.ID, "adopt"))
		p.Groups[a.ID] = d
	}
	return p
}

// NewPopulation draws the households of every household actor of c. Each
// group draws from its own streams, seeded by seed and the actor's id, so
// adding an actor does not change the draws of the others.
func NewPopulation(c *valuechain.Chain, seed uint64) *Population {
	p := &Population{Seed: seed, Groups: map[string]*Draws{}}
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Kind != valuechain.Household || a.Household == nil {
			continue
		}
		n := math.Round(a.Count)
		if n <= MaxSimulated {
			p.Groups[a.ID] = NewDraws(int(n), a.Household.ScaleSDOr(), seed, a.ID)
			continue
		}
		// A larger group is a random sample of MaxSimulated households,
		// each standing for n / MaxSimulated.
		d := NewDraws(MaxSimulated, a.Household.ScaleSDOr(), seed, a.ID)
		d.Weight = make([]float64, MaxSimulated)
		for k := range d.Weight {
			d.Weight[k] = n / MaxSimulated
		}
		p.Groups[a.ID] = d
	}
	return p
}

// MaxSimulated is the most households of one group simulated one by one;
// a group with more is represented by a random sample of this many, each
// weighted (the sampling error of a share estimated from 2 million
// households is below 0.04 percentage points).
const MaxSimulated = 2_000_000

// NewDraws draws n households with scale ~ LogNormal(mean 1, sd), then
// rescaled to mean exactly 1.
func NewDraws(n int, sd float64, seed uint64, id string) *Draws {
	d := &Draws{Scale: make([]float64, n), Hazard: make([]float64, n), Adopt: make([]float64, n)}
	if sd > 0 {
		// LogNormal with mean 1: sigma^2 = ln(1+sd^2), mu = -sigma^2/2.
		s2 := math.Log1p(sd * sd)
		ln := distuv.LogNormal{Mu: -s2 / 2, Sigma: math.Sqrt(s2), Src: stream(seed, id, "scale")}
		var sum float64
		for i := range d.Scale {
			d.Scale[i] = ln.Rand()
			sum += d.Scale[i]
		}
		mean := sum / float64(n)
		for i := range d.Scale {
			d.Scale[i] /= mean
		}
	} else {
		for i := range d.Scale {
			d.Scale[i] = 1
		}
	}
	uniform(d.Hazard, stream(seed, id, "hazard"))
	uniform(d.Adopt, stream(seed, id, "adopt"))
	return d
}

func uniform(x []float64, r *rand.Rand) {
	for i := range x {
		x[i] = r.Float64()
	}
}

// stream returns a random source seeded by seed and a name.
func stream(seed uint64, parts ...string) *rand.Rand {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}
