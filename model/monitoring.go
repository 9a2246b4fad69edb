package model

import "math"

// DefaultMonths is the time from identification to withdrawal of the
// monitoring pilots in Kyrgyzstan (ILO-IPEC 2011: 28 of 45 and 25 of 40
// working children withdrawn within about four months).
const DefaultMonths = 4

// monitored returns the share of a household's identified child
// labourers monitoring has withdrawn, counted over the current year, after
// years years of monitoring (this one included; docs/model.md section 8,
// monitoring as the pilots ran it): each year a share w of the children
// still working is withdrawn, months months after identification, so that
// in the year of their withdrawal they count for months/12 of the year
// (work and earnings alike):
//
//	1 - (1 - w)^(years - 1) (1 - w (12 - months) / 12).
//
// With months = 12 the year's withdrawals count only from the next year.
func monitored(w, months float64, years int) float64 {
	if years <= 0 {
		return 0
	}
	return 1 - math.Pow(1-w, float64(years-1))*(1-w*(12-months)/12)
}

// withdrawn returns the children of a household monitoring withdrew in
// the year, as a count of child-years (the inactive share of each band's
// children).
func withdrawn(hh *Household, o *Outcome) float64 {
	var n float64
	for b := range hh.N {
		n += hh.N[b] * (1 - o.Active[b])
	}
	return n
}
