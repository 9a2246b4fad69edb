package model

import "github.com/ilo-rma/vcsim/valuechain"

// Hired is the children an actor hires from outside the chain's household
// groups (docs/model.md section 4, "Hired children are children"): its
// child days turned into children by band and sex, classified by the ICLS
// rules of section 6 with their weekly hours and exposed when their tasks
// are hazardous.
type Hired struct {
	Actor       string
	Days        float64 // child days hired in the year
	HoursAWeek  float64 // weekly hours of a hired child
	Weeks       float64 // weeks a year a hired child works
	ByBand      [nb]Children
	GirlsShared bool // always true: hired children are counted by sex
}

// hiredChildren counts the children behind actor i's child days: task by
// task, children = child days x hours_per_day / (hours a week x weeks);
// a task girls do not do (done_by = "boys") has no girls, and one boys do
// not do has no boys; they are exposed when the task is hazardous, less
// the share measures removed (HiredHazardCut).
func (r *Result) hiredChildren(i int) *Hired {
	a, acc := &r.Chain.Actors[i], &r.Accounts[i]
	if a.ChildShare <= 0 || a.SuppliedBy != "" {
		return nil // none, or the children of a household group (supplied.go)
	}
	hours, weeks := a.HiredHours()
	ages := a.HiredAges()
	hpd := r.Chain.Hours()
	q := acc.mainOutput()
	h := &Hired{Actor: a.ID, HoursAWeek: hours, Weeks: weeks, GirlsShared: true}
	for _, t := range a.Tasks {
		days := a.ChildShare * childSuitable(t) * t.DaysPerUnit * q
		if days <= 0 {
			continue
		}
		h.Days += days
		children := days * hpd / (hours * weeks)
		girls := a.HiredGirls()
		switch t.DoneBy {
		case valuechain.DoneByBoys:
			girls = 0
		case valuechain.DoneByGirls:
			girls = 1
		}
		exposed := 0.0
		if t.Hazardous {
			exposed = 1 - a.HiredHazardCut
		}
		for b := range h.ByBand {
			n := children * ages[b]
			if n == 0 {
				continue
			}
			c := &h.ByBand[b]
			var add Children
			add.Children, add.WeeklyHours = n, n*hours
			if hours >= WorkHours {
				add.Working = n
			}
			clE, hazE := Classify(b, hours, true)
			clN, _ := Classify(b, hours, false)
			share := 0.0 // of the band's children in child labour
			if clE {
				share += exposed
			}
			if clN {
				share += 1 - exposed
			}
			add.ChildLabour = n * share
			add.Hours = add.ChildLabour * hours * weeks
			if hazE {
				add.Hazardous = n * exposed
			}
			add.Girls = scaleSex(&add, girls)
			add.Boys = scaleSex(&add, 1-girls)
			c.Add(&add)
		}
	}
	return h
}

// scaleSex returns the counts of c times f, as one sex's counts.
func scaleSex(c *Children, f float64) Sex {
	return Sex{Children: f * c.Children, Working: f * c.Working, ChildLabour: f * c.ChildLabour,
		Hazardous: f * c.Hazardous, Hours: f * c.Hours}
}

// Total returns the hired children of all bands.
func (h *Hired) Total() Children {
	var t Children
	for b := range h.ByBand {
		t.Add(&h.ByBand[b])
	}
	return t
}
