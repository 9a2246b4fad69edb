package model

// Policy is what a scenario does to households in one year: the measures
// whose effects fall on each adopting household (transfers, conditional
// transfers, premiums, off-farm jobs, safety, schooling, monitoring, a
// ban). Measures that change an actor as a whole (productivity, prices,
// interest) are applied to the chain by package scenarios before Simulate.
type Policy struct {
	Measures []Measure
}

// Measure is one intervention in one year.
type Measure struct {
	Name    string   // label in results, e.g. "cct on farm"
	Type    string   // guide id
	Targets []string // actor ids
	// AdoptKey names the random order in which households adopt: the same
	// key gives the same adopters in every scenario and year.
	AdoptKey string
	// Coverage is the share of the targets' households (or firms)
	// adopting this year; History holds the coverage of every year the
	// measure has run so far, this one last (for monitoring).
	Coverage float64
	History  []float64

	// Effects on each adopting household.
	Transfer          float64 // unconditional, per household a year
	CCT               float64 // per child whose hours stay under the cap
	CCTHoursCap       float64 // 0: each band's child-labour limit
	PremiumRate       float64 // share of farm revenue, paid if no child is in child labour
	OffFarmDays       float64 // extra paid days per adult
	HazardChange      float64 // relative change of hazard exposure, all bands
	YouthHazardChange float64 // relative change of the 15-17s' hazard exposure
	BetaChange        float64 // relative change of beta
	SchoolCostChange  float64 // relative change of school costs (households with schooling)
	SchoolValueGain   float64 // added to every band's value of school (households with schooling)
	Withdrawal        float64 // share of identified child labourers withdrawn each year
	// Months is the time to withdrawal after identification (MODEL.md 8
	// v2, default 4): in the year a child is withdrawn it works Months/12
	// of the year. Compensation is paid to the household per withdrawn
	// child (the package's transfer named by the intervention's with).
	Months, Compensation float64
	// Prevention is the share of the children at risk (who would start
	// work this year: their band was not in child labour the year before)
	// that monitoring keeps from starting (MODEL.md 8 v2; monitoring.go).
	Prevention float64
	Ban        bool // no child works

	// Costs in this year.
	FixedCost  float64 // paid once, in the start year
	PerAdopter float64 // per adopting household or firm
	PerChild   float64 // per child of adopting households
}

// targets reports whether the measure targets the actor.
func (m *Measure) targets(id string) bool {
	for _, t := range m.Targets {
		if t == id {
			return true
		}
	}
	return false
}

// MeasureResult is what a measure reached and cost in the year.
type MeasureResult struct {
	Name     string
	Type     string
	Adopters float64 // households or firms
	Children float64 // children of adopting households
	Paid     float64 // transfers and premiums paid
	Cost     float64 // fixed + per adopter + per child + paid
	// Prevented counts the children of adopting households that
	// prevention kept from starting work (monitoring.go).
	Prevented float64
}

// add adds the households, children and payments reached in o to r.
func (r *MeasureResult) add(o *MeasureResult) {
	r.Adopters += o.Adopters
	r.Children += o.Children
	r.Paid += o.Paid
	r.Prevented += o.Prevented
}
