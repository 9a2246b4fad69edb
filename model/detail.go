package model

import (
	"errors"
	"fmt"

	"github.com/ilo-rma/vcsim/valuechain"
)

// HouseholdDetail is one simulated household: what it earns, how many
// hours a week its children work by band, and how that work is
// classified. It is for checking the model household by household and for
// survey users comparing with their own data.
type HouseholdDetail struct {
	Group  string  // the household actor's id
	Index  int     // 1-based, in the order of the draws or the survey
	Weight float64 // households it stands for (1 unless sampled or weighted)
	Scale  float64 // m: multiplies the household's output, land and costs
	Y0     float64 // income without the children's work
	Income float64 // cash income (docs/model.md section 4)
	Full   float64 // full income: cash and the value of freed family time
	Poor   bool    // cash income below the group's poverty line
	// Children, Hours and Class are by band (valuechain.BandNames): the
	// children who work those hours. Children of a sex no child-suitable
	// task of the group is open to (done_by, sexes.go) do not work and
	// are left out here; the group's rows count them.
	Children [nb]float64
	Hours    [nb]float64
	Class    [nb]WorkClass
}

// WorkClass is how a band's work is classified (docs/model.md, the ICLS
// rules).
type WorkClass int

// The classes of a band's work, from none to hazardous child labour.
const (
	NotWorking WorkClass = iota
	PermittedWork
	ChildLabourWork
	HazardousWork
)

// String names the class as households_detail.csv writes it.
func (w WorkClass) String() string {
	return [...]string{"not working", "permitted work", "child labour", "hazardous child labour"}[w]
}

// Details decides every household of r's household groups again, one by
// one, with the draws of pop that r was simulated with. r must be a
// result without a policy (a baseline): the details of adopters are not
// kept. The sums of the details are the group's totals (a test checks it).
func Details(r *Result, pop *Population) ([]HouseholdDetail, error) {
	if len(r.Measures) > 0 {
		return nil, errors.New("household details are for a baseline, without interventions")
	}
	c := r.Chain
	var out []HouseholdDetail
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Kind != valuechain.Household {
			continue
		}
		d := pop.Groups[a.ID]
		if d == nil {
			return nil, fmt.Errorf("actor %q: the population has no draws", a.ID)
		}
		base := NewHousehold(c, i, &r.Accounts[i], r.Labour[i].Need)
		r.offerChainWork(&base, a.ID)
		for _, g := range r.Groups {
			if g.Actor == a.ID && g.ChainRation > 0 {
				base.chainRation = g.ChainRation
			}
		}
		base.prepare()
		var taste []float64 // with school keys (school.go)
		if base.School != nil {
			taste = pop.TasteDraws(a.ID, len(d.Scale))
		}
		for k := range d.Scale {
			hh := &base
			var own Household
			if d.Survey != nil {
				own = base
				own.fromSurvey(c, a, &d.Survey[k])
				own.prepare()
				hh = &own
			}
			var t [nb]float64
			for b := range t {
				if taste != nil {
					t[b] = hh.School.TasteSD * taste[nb*k+b]
				}
			}
			o := hh.decide(d.Scale[k], d.Hazard[k], &t)
			x := HouseholdDetail{Group: a.ID, Index: k + 1, Weight: 1, Scale: d.Scale[k], Y0: o.Y0, Income: o.Income, Full: o.Full,
				Poor: o.Income < hh.S, Children: hh.N, Hours: o.Hours}
			if d.Weight != nil {
				x.Weight = d.Weight[k]
			}
			for b := range x.Class {
				switch cl, haz := Classify(b, o.Hours[b], o.Exposed[b]); {
				case hh.N[b] == 0 || o.Hours[b] <= 0:
					x.Class[b] = NotWorking
				case haz:
					x.Class[b] = HazardousWork
				case cl:
					x.Class[b] = ChildLabourWork
				default:
					x.Class[b] = PermittedWork
				}
			}
			out = append(out, x)
		}
	}
	return out, nil
}
