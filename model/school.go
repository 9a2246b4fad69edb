package model

import (
	"math"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Schooling is what enrolling a child of each band costs, takes and is
// worth to a household of a group whose chain gives school keys
// (docs/model.md section 5b). A household without it (nil) has no
// enrolment decision.
type Schooling struct {
	Cost    [nb]float64 // money per enrolled child a year
	Hours   [nb]float64 // hours a week of school during the season, out of H
	Value   [nb]float64 // delta_b: utility of an enrolled child
	TasteSD float64     // standard deviation of the households' taste draws
}

// newSchooling returns the group's schooling, or nil when the group gives
// no school key.
func newSchooling(g *valuechain.HouseholdGroup) *Schooling {
	if !g.HasSchool() {
		return nil
	}
	return &Schooling{Cost: g.SchoolCostOr(), Hours: g.SchoolHoursOr(), Value: g.SchoolValueOr(), TasteSD: g.SchoolTasteSDOr()}
}

// Schooled counts children of one band by school and work, the ILO/UCW
// four-way table: working means at least WorkHours a week.
type Schooled struct {
	Enrolled  float64 // enrolled in school
	WorkStudy float64 // working and enrolled
	WorkOnly  float64 // working, not enrolled
	StudyOnly float64 // enrolled, not working
	Neither   float64 // neither working nor enrolled
}

func (s *Schooled) add(o *Schooled) {
	s.Enrolled += o.Enrolled
	s.WorkStudy += o.WorkStudy
	s.WorkOnly += o.WorkOnly
	s.StudyOnly += o.StudyOnly
	s.Neither += o.Neither
}

// endowedHours is HoursCapped for children whose hours are hb[b] a week
// by band (H less school hours for the enrolled): each band's leisure is
// hb_b - h_b, so with K = y0 - S + sum over free bands of N_b V_b hb_b W
// (fixed bands at their hours),
//
//	hb_b - h_b = Beta_b K / (V_b W (Alpha + B)),
//
// clamped to [0, min(cap_b, hb_b)], the clamped bands fixed and the rest
// solved again. With hb_b = H it is HoursCapped.
func (d *Decision) endowedHours(y0 float64, hb, caps [nb]float64) [nb]float64 {
	var h [nb]float64
	var free [nb]bool
	for b := range free {
		free[b] = d.N[b] > 0 && d.V[b] > 0
		caps[b] = min(caps[b], hb[b])
	}
	for range 2*nb + 1 {
		k, bsum := y0-d.S, 0.0
		for b := range free {
			if free[b] {
				k += d.N[b] * d.V[b] * hb[b] * d.W
				bsum += d.N[b] * d.Beta[b]
			} else {
				k += d.N[b] * d.V[b] * h[b] * d.W
			}
		}
		den := d.Alpha + bsum
		changed := false
		for b := range free {
			if !free[b] {
				continue
			}
			x := hb[b] // below subsistence every child works all it can
			if k > 0 && den > 0 {
				x = hb[b] - d.Beta[b]*k/(d.V[b]*d.W*den)
			}
			switch {
			case x <= 0:
				h[b], free[b], changed = 0, false, true
			case x >= caps[b] && caps[b] < hb[b]:
				h[b], free[b], changed = caps[b], false, true
			default:
				h[b] = min(x, hb[b])
			}
		}
		if !changed {
			break
		}
	}
	return h
}

// endowedUtility is Utility for children whose hours are hb[b] a week:
// Alpha ln(y0 + E(h) - S) + sum_b N_b Beta_b ln(hb_b - h_b).
func (d *Decision) endowedUtility(y0 float64, h, hb [nb]float64) float64 {
	c := y0 + d.Earnings(h) - d.S
	if c <= 0 {
		return math.Inf(-1)
	}
	u := d.Alpha * math.Log(c)
	for b := range h {
		if d.N[b] > 0 && d.Beta[b] > 0 {
			u += d.N[b] * d.Beta[b] * math.Log(hb[b]-h[b])
		}
	}
	return u
}

// schoolChoice is what a household with schooling chose.
type schoolChoice struct {
	hours         [nb]float64
	enrolled      [nb]bool
	cct, premium  float64
	cost, utility float64
}

// chooseSchool returns the household's best enrolment, hours and the
// payments it takes (docs/model.md section 5b): for every combination of
// enrolled bands (children of a band choose together), the hours problem
// with each enrolled child's hours H less school hours and income y0 less
// school costs, plus sum over enrolled bands of N_b (delta_b + taste_b);
// for each, every combination of bands that keep a transfer's condition
// (a cct pays per child enrolled and within the hours limit; a premium
// needs every band within the child-labour limits), as comply does
// without school. Ties go to fewer enrolled bands, then to fewer
// conditions kept. chooseSchool does not allocate.
func (hh *Household) chooseSchool(y0, m float64, exposed [nb]bool) schoolChoice {
	s := hh.School
	present := 0
	for b := range hh.N {
		if hh.N[b] > 0 {
			present |= 1 << b
		}
	}
	prem := 0.0
	if present != 0 {
		prem = hh.PremiumRate * m * hh.Revenue
	}
	capDays := m * hh.CapDays
	best := schoolChoice{utility: math.NaN()}
	for e := 0; e < 1<<nb; e++ {
		if e&present != e {
			continue
		}
		var hb [nb]float64
		cost, bonus := 0.0, 0.0
		for b := range hb {
			hb[b] = hh.H
			if e&(1<<b) != 0 {
				hb[b] = hh.H - s.Hours[b]
				cost += hh.N[b] * s.Cost[b]
				bonus += hh.N[b] * (s.Value[b] + hh.Taste[b])
			}
		}
		for c := 0; c < 1<<nb; c++ {
			if c&present != c {
				continue
			}
			full := c == present && prem > 0
			if c != 0 && !full && (hh.CCT == 0 || c&^e != 0) {
				continue // keeping a condition that pays nothing
			}
			var caps [nb]float64
			t := 0.0
			for b := range caps {
				caps[b] = hh.H
				if hh.Ban {
					caps[b] = 0
				}
				if c&(1<<b) == 0 {
					continue
				}
				caps[b] = min(caps[b], hh.limit(b, exposed[b], hh.CCT > 0))
				if full {
					caps[b] = min(caps[b], hh.limit(b, exposed[b], false))
				}
				if e&(1<<b) != 0 {
					t += hh.CCT * hh.N[b]
				}
			}
			p := 0.0
			if full {
				p = prem
			}
			if c != 0 && t+p == 0 {
				continue
			}
			y := y0 - cost + t + p
			h := hh.endowedChoice(m, y, hb, caps, capDays)
			u := hh.endowedUtilityE(m, y, h, hb) + bonus
			if math.IsNaN(best.utility) || u > best.utility {
				best = schoolChoice{hours: h, cct: t, premium: p, cost: cost, utility: u}
				for b := range best.enrolled {
					best.enrolled[b] = e&(1<<b) != 0
				}
			}
		}
	}
	return best
}

// addSchool counts the enrolment and the four-way table of a household
// with schooling, standing for weight households: of a band's working
// children only the active share works (monitoring withdrew the rest).
func (t *Tally) addSchool(hh *Household, o *Outcome, weight float64) {
	for b, h := range o.Hours {
		n := weight * hh.N[b]
		if n == 0 {
			continue
		}
		c := &t.ByBand[b]
		work := 0.0
		if h >= WorkHours {
			work = o.Active[b] * n
		}
		if o.Enrolled[b] {
			c.School.Enrolled += n
			c.School.WorkStudy += work
			c.School.StudyOnly += n - work
			if hh.BySex {
				girls := n * hh.GirlShare[b]
				c.Girls.Enrolled += girls
				c.Boys.Enrolled += n - girls
			}
		} else {
			c.School.WorkOnly += work
			c.School.Neither += n - work
		}
	}
}

// TasteDraws returns the standard logistic draws, scaled to a standard
// deviation of 1, of a group's households' taste for schooling: three per
// household (bands 5-11, 12-14, 15-17), household k's at 3k. The same
// actor gives the same draws in every year and scenario, as adoption
// draws do.
func (p *Population) TasteDraws(actor string, n int) []float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if x, ok := p.taste[actor]; ok && len(x) == nb*n {
		return x
	}
	if p.taste == nil {
		p.taste = map[string][]float64{}
	}
	x := make([]float64, nb*n)
	r := stream(p.Seed, actor, "school-taste")
	// A logistic variable of scale s has standard deviation s pi / sqrt(3).
	f := math.Sqrt(3) / math.Pi
	for i := range x {
		u := r.Float64()
		for u == 0 {
			u = r.Float64()
		}
		x[i] = f * math.Log(u/(1-u))
	}
	p.taste[actor] = x
	return x
}
