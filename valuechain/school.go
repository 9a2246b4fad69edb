package valuechain

// School defaults (docs/model.md section 5b).
var (
	// DefaultSchoolHours are the weekly hours of school in the season, by band.
	DefaultSchoolHours = [NumBands]float64{20, 25, 25}
)

// DefaultSchoolTasteSD is the standard deviation of a household's taste for
// schooling a band's children, in utility units.
const DefaultSchoolTasteSD = 1.0

// HasSchool reports whether the group gives any school key: then its
// households choose enrolment together with the hours (docs/model.md
// section 5b); without one there is no enrolment decision.
func (h *HouseholdGroup) HasSchool() bool {
	return h.SchoolCost != nil || h.SchoolHours != nil || h.SchoolValue != nil ||
		h.SchoolTasteSD != nil || h.ObservedEnrolment != nil
}

// SchoolCostOr returns the cost of enrolling a child a year, by band
// (default 0).
func (h *HouseholdGroup) SchoolCostOr() [NumBands]float64 {
	if h.SchoolCost != nil {
		return *h.SchoolCost
	}
	return [NumBands]float64{}
}

// SchoolHoursOr returns the weekly hours of school, by band (default 20, 25, 25).
func (h *HouseholdGroup) SchoolHoursOr() [NumBands]float64 {
	if h.SchoolHours != nil {
		return *h.SchoolHours
	}
	return DefaultSchoolHours
}

// SchoolValueOr returns delta, the utility of an enrolled child, by band
// (default 0).
func (h *HouseholdGroup) SchoolValueOr() [NumBands]float64 {
	if h.SchoolValue != nil {
		return *h.SchoolValue
	}
	return [NumBands]float64{}
}

// SchoolTasteSDOr returns the standard deviation of the taste draw (default 1).
func (h *HouseholdGroup) SchoolTasteSDOr() float64 {
	return ptrOr(h.SchoolTasteSD, DefaultSchoolTasteSD)
}

// school checks the school keys of a household group.
func (v *validator) school(h *HouseholdGroup, w string) {
	hmax := h.H()
	if h.SchoolCost != nil {
		for b, x := range h.SchoolCost {
			v.num(w, "school_cost["+BandNames[b]+"]", x, 0, MaxMoney)
		}
	}
	if h.SchoolHours != nil {
		for b, x := range h.SchoolHours {
			v.num(w, "school_hours["+BandNames[b]+"]", x, 0, 168)
			if x >= hmax && x <= 168 {
				v.add(w, "school_hours["+BandNames[b]+"]", "must be less than max_child_hours (%v hours a week), got %v", hmax, x)
			}
		}
	}
	if h.SchoolValue != nil {
		for b, x := range h.SchoolValue {
			v.num(w, "school_value["+BandNames[b]+"]", x, -1e6, 1e6)
		}
	}
	if h.SchoolTasteSD != nil {
		v.num(w, "school_taste_sd", *h.SchoolTasteSD, 0, 1e6)
	}
	if h.ObservedEnrolment != nil {
		for b, x := range h.ObservedEnrolment {
			v.num(w, "observed_enrolment["+BandNames[b]+"]", x, 0, 1)
		}
		if h.ObservedPrevalence == nil {
			// Enrolment is fitted with prevalence (model.FitObserved): alone it
			// would be read and never used.
			v.add(w, "observed_enrolment", "is fitted together with observed_prevalence, which this group does not give: add observed_prevalence (the share of its children in child labour) or remove observed_enrolment")
		}
	}
}
