package valuechain

// Clone returns a deep copy of the chain: changing the copy (as a scenario
// does) leaves c as it was.
func (c *Chain) Clone() *Chain {
	d := *c
	d.Sources = append([]string(nil), c.Sources...)
	d.ChildProductivity = clonePtr(c.ChildProductivity)
	d.Equivalence = clonePtr(c.Equivalence)
	d.Study = clonePtr(c.Study)
	d.PriceRatios = append([]PriceRatio(nil), c.PriceRatios...)
	d.Actors = make([]Actor, len(c.Actors))
	for i := range c.Actors {
		d.Actors[i] = c.Actors[i].clone()
	}
	d.Links = make([]Link, len(c.Links))
	for i, l := range c.Links {
		l.Price = clonePtr(l.Price)
		if l.Services != nil {
			l.Services = append([]string(nil), l.Services...)
		}
		d.Links[i] = l
	}
	return &d
}

func (a *Actor) clone() Actor {
	b := *a
	b.Conversion = clonePtr(a.Conversion)
	b.FemaleShare = clonePtr(a.FemaleShare)
	if a.Costs != nil {
		b.Costs = make(map[string]float64, len(a.Costs))
		for k, v := range a.Costs {
			b.Costs[k] = v
		}
	}
	b.Products = make([]Product, len(a.Products))
	for i, p := range a.Products {
		p.Conversion = clonePtr(p.Conversion)
		b.Products[i] = p
	}
	if a.Products == nil {
		b.Products = nil
	}
	b.Tasks = append([]Task(nil), a.Tasks...)
	b.HiredChildAges = clonePtr(a.HiredChildAges)
	b.HiredGirlsShare = clonePtr(a.HiredGirlsShare)
	if a.Household != nil {
		h := *a.Household
		h.Alpha = clonePtr(h.Alpha)
		h.Beta = clonePtr(h.Beta)
		h.HazardExposure = clonePtr(h.HazardExposure)
		h.ScaleSD = clonePtr(h.ScaleSD)
		h.ObservedPrevalence = clonePtr(h.ObservedPrevalence)
		h.FamilyTimeValue = clonePtr(h.FamilyTimeValue)
		h.SchoolCost = clonePtr(h.SchoolCost)
		h.SchoolHours = clonePtr(h.SchoolHours)
		h.SchoolValue = clonePtr(h.SchoolValue)
		h.SchoolTasteSD = clonePtr(h.SchoolTasteSD)
		h.ObservedEnrolment = clonePtr(h.ObservedEnrolment)
		b.Household = &h
	}
	return b
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
