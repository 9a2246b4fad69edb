package model

import (
	"math"
	"sort"
)

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
// the year or kept from starting work (prevention), as a count of
// child-years (the inactive share of each band's children): the package's
// transfer (with) is paid for each.
func withdrawn(hh *Household, o *Outcome) float64 {
	var n float64
	for b := range hh.N {
		n += hh.N[b] * (1 - o.Active[b])
	}
	return n
}

// Prevention (docs/model.md section 8, monitoring as the pilots ran it):
// children at risk are those who would start work this year, that is
// children in child labour this year whose band of their household was
// not in child labour the year before. A share (the measure's
// prevention) of them do not start; those kept out stay out while their
// household is monitored and would still send them to work.
//
// The model decides every year afresh, so what a household did the year
// before is carried from one year to the next as a History: for every
// household of the groups a prevention measure targets, and every band,
// one of three states in two bits.
const (
	notWorking = 0 // the band was not in child labour
	working    = 1 // in child labour, none kept out
	keptOut    = 2 // in child labour as the household chose, a share kept out by prevention
)

// History is what a simulated year leaves to the next one for
// prevention: each tracked group's households' states (two bits a band,
// household k in byte k), and a key naming the years that led to it (so
// that a Memo tells apart years with different pasts).
type History struct {
	key    [32]byte
	groups map[string][]uint8
}

// state returns band b's state in the packed states s.
func state(s uint8, b int) uint8 { return (s >> (2 * b)) & 3 }

// keptShare returns the share of band b's children in child labour that
// prevention keeps out of work this year, for a household whose state
// last year was s and whose prevention share is p (0: not monitored).
// Without a past (known false) nobody counts as starting.
func keptShare(s uint8, known bool, b int, p float64) float64 {
	if p <= 0 || !known {
		return 0
	}
	switch state(s, b) {
	case notWorking:
		return p // would start work: a share p do not
	case keptOut:
		return p // kept out last year: they stay out
	}
	return 0 // already working: monitoring withdraws them instead
}

// nextState returns the packed state this year of a household whose
// chosen hours put the bands cl in child labour, with kept[b] of them
// kept out by prevention.
func nextState(cl [nb]bool, kept *[nb]float64) uint8 {
	var s uint8
	for b := range cl {
		v := uint8(notWorking)
		switch {
		case cl[b] && kept[b] > 0:
			v = keptOut
		case cl[b]:
			v = working
		}
		s |= v << (2 * b)
	}
	return s
}

// preventionTargets returns the household actors that prevention
// measures target in any year of the plan, sorted; nil when none do.
func preventionTargets(p *Plan) []string {
	seen := map[string]bool{}
	var ids []string
	for _, y := range p.Years {
		if y.Policy == nil {
			continue
		}
		for _, m := range y.Policy.Measures {
			if m.Prevention <= 0 {
				continue
			}
			for _, id := range m.Targets {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
	}
	sort.Strings(ids)
	return ids
}
