package model

import (
	"github.com/ilo-rma/vcsim/valuechain"
)

const nb = valuechain.NumBands

// Decision holds what a household weighs when it chooses its children's
// hours of work (docs/model.md section 5): the Stone-Geary utility
//
//	U = Alpha ln(C - S) + sum_b N_b Beta_b ln(H - h_b),  C = Y0 + sum_b N_b V_b h_b W.
type Decision struct {
	N     [nb]float64 // children per band
	V     [nb]float64 // value of an hour of a child's work, per band
	Beta  [nb]float64 // weight of a child's non-work time, per band
	Alpha float64     // weight of consumption above subsistence
	S     float64     // subsistence
	H     float64     // hours per week a child has
	W     float64     // weeks of the working season
}

// Hours returns the weekly hours h_b each child of band b works, given the
// household's income without child work y0. With full income
// M = y0 + sum N_b V_b H W and B the sum of N_b Beta_b over bands that work,
//
//	H - h_b = Beta_b (M - S) / (V_b W (Alpha + B)),
//
// clamped to [0, H]; bands that clamp at 0 leave the sum and the rest is
// solved again. When M <= S every child works H. Hours does not allocate.
func (d *Decision) Hours(y0 float64) [nb]float64 {
	return d.HoursCapped(y0, [nb]float64{d.H, d.H, d.H})
}

// HoursCapped is Hours with an upper limit on each band's hours (a
// condition of a transfer): a band whose optimum exceeds its cap works the
// cap, its earnings join the fixed income, and the other bands are solved
// again, as are bands that clamp at zero.
func (d *Decision) HoursCapped(y0 float64, caps [nb]float64) [nb]float64 {
	return d.endowedHours(y0, [nb]float64{d.H, d.H, d.H}, caps)
}

// Utility returns the household's utility with income without child work
// y0 (transfers included) and hours h; -Inf at or below subsistence.
func (d *Decision) Utility(y0 float64, h [nb]float64) float64 {
	return d.endowedUtility(y0, h, [nb]float64{d.H, d.H, d.H})
}

// Earnings returns the value of the children's work over the season,
// sum_b N_b V_b h_b W.
func (d *Decision) Earnings(h [nb]float64) float64 {
	var e float64
	for b := range h {
		e += d.N[b] * d.V[b] * h[b] * d.W
	}
	return e
}

// Cap scales every band's hours by the same factor so that the children's
// days of work, sum_b N_b h_b W / hoursPerDay, do not exceed capDays, the
// child-suitable work there is on the farm. It returns the capped hours.
func (d *Decision) Cap(h [nb]float64, hoursPerDay, capDays float64) [nb]float64 {
	d.capTo(&h, hoursPerDay, capDays)
	return h
}

// capTo is Cap in place.
func (d *Decision) capTo(h *[nb]float64, hoursPerDay, capDays float64) {
	var days float64
	for b := range h {
		days += d.N[b] * h[b] * d.W / hoursPerDay
	}
	if days <= capDays || days == 0 {
		return
	}
	f := capDays / days
	if f < 0 {
		f = 0
	}
	for b := range h {
		h[b] *= f
	}
}

// Weekly-hours thresholds of the ILO 20th ICLS (2018) and C138.
const (
	WorkHours      = 1  // an hour a week makes a child "in employment"
	LightWorkHours = 14 // 12-14: light work is under 14 hours a week
	AdultHours     = 43 // 15-17: 43 hours or more is excessive
)

// Classify applies the ILO statistical definition of child labour to a
// child of the given band (valuechain.Band5to11...) working the given
// weekly hours, exposed or not to a hazardous task:
//   - 5-11: child labour if hours >= 1;
//   - 12-14: child labour if hours >= 14 or in hazardous work;
//   - 15-17: child labour if hours >= 43 or in hazardous work;
//
// and hazardous child labour if the child works (hours >= 1) and is exposed.
func Classify(band int, hours float64, exposed bool) (childLabour, hazardous bool) {
	working := hours >= WorkHours
	hazardous = working && exposed
	switch band {
	case valuechain.Band5to11:
		childLabour = working
	case valuechain.Band12to14:
		childLabour = hours >= LightWorkHours || hazardous
	default:
		childLabour = hours >= AdultHours || hazardous
	}
	return childLabour, hazardous
}
