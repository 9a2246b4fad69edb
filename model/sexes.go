package model

import "github.com/ilo-rma/vcsim/valuechain"

// Who does a task, for a household group's own children (docs/model.md
// section 4, done_by). The household chooses hours by band, for its
// children of both sexes together; when no child-suitable task of its
// actor is open to girls (every one is done_by "boys"), its girls do not
// work: they leave the choice (N) and are counted as children who do not
// work (Idle), and likewise its boys when every child-suitable task is
// done by girls. Where some tasks are open to both sexes, both work
// (the choice does not split the work by sex). This needs the children
// given by sex (girls_*, boys_*); without it the group has no girls to
// leave out. Children an actor hires from outside are split task by task
// (hired.go).

// excludeSex moves the children of a sex no child-suitable task of actor
// a is open to from N to Idle.
func (hh *Household) excludeSex(a *valuechain.Actor) {
	if !hh.BySex {
		return
	}
	var girls, boys, any bool
	for _, t := range a.Tasks {
		if childSuitable(t) <= 0 {
			continue
		}
		any = true
		switch t.DoneBy {
		case valuechain.DoneByBoys:
			boys = true
		case valuechain.DoneByGirls:
			girls = true
		default:
			girls, boys = true, true
		}
	}
	if !any || girls == boys {
		return
	}
	hh.IdleGirls = boys
	for b := range hh.N {
		g := hh.N[b] * hh.GirlShare[b]
		if hh.IdleGirls {
			hh.Idle[b], hh.N[b], hh.GirlShare[b] = g, hh.N[b]-g, 0
		} else {
			hh.Idle[b], hh.N[b], hh.GirlShare[b] = hh.N[b]-g, g, 1
		}
	}
}

// idle reports whether some children of the household do not work by
// their sex.
func (hh *Household) idle() bool {
	return hh.Idle[0]+hh.Idle[1]+hh.Idle[2] > 0
}

// addIdle counts band b's idle children of a household standing for
// weight households: children who do not work, with schooling among
// those the band's enrolment decision does not cover (they neither work
// nor are counted as enrolled).
func (t *Tally) addIdle(hh *Household, b int, weight float64) {
	n := weight * hh.Idle[b]
	if n == 0 {
		return
	}
	c := &t.ByBand[b]
	c.Children += n
	if hh.IdleGirls {
		c.Girls.Children += n
	} else {
		c.Boys.Children += n
	}
	if hh.School != nil {
		c.School.Neither += n
	}
}
