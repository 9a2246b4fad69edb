package model

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat"

	"github.com/ilo-rma/vcsim/valuechain"
)

// adoption is a measure that targets a household group, with the group's
// adoption draws for it.
type adoption struct {
	m     *Measure
	draws []float64
	res   *MeasureResult
}

// households runs every household of actor i and closes its wages.
func (r *Result) households(i int, d *Draws, pop *Population, pol *Policy) Group {
	c := r.Chain
	a, acc, lab := &c.Actors[i], &r.Accounts[i], &r.Labour[i]
	base := NewHousehold(c, i, acc, lab.Need)
	demand := r.offerChainWork(&base, a.ID) // supplied.go
	base.prepare()
	var taste []float64
	if base.School != nil {
		taste = pop.TasteDraws(a.ID, len(d.Scale))
	}
	var ads []adoption
	if pol != nil {
		for j := range pol.Measures {
			m := &pol.Measures[j]
			if m.targets(a.ID) && m.Coverage > 0 {
				ads = append(ads, adoption{m: m, draws: pop.AdoptDraws(a.ID, m.AdoptKey, len(d.Scale)), res: &r.Measures[j]})
			}
		}
	}
	// The school choices of households that chose as households of a
	// year before, read from the book, and those this year writes to it
	// (book.go).
	var ps *pageSet
	if taste != nil && d.Weight == nil && d.Survey == nil {
		ps = r.book.year(a.ID, d, taste, len(d.Scale))
	}
	var income []float64
	var hours [][nb]float64
	if !r.aggregatesOnly {
		income = make([]float64, len(d.Scale))
		hours = make([][nb]float64, len(d.Scale))
	}
	// Households are run in fixed chunks, each with its own tally, by as
	// many goroutines as there are processors; the tallies are added in
	// chunk order, so the result does not depend on the number of workers.
	n := len(d.Scale)
	// Prevention reads each household's state of last year and writes
	// this year's (monitoring.go).
	var hist history
	if r.tracks(a.ID) {
		hist.next = make([]uint8, n)
		if r.before != nil {
			hist.prev = r.before.groups[a.ID]
		}
		r.History.groups[a.ID] = hist.next
	}
	chunks := (n + householdChunk - 1) / householdChunk
	var tallies []Tally
	var reached []MeasureResult
	run := func() (t Tally) {
		tallies = make([]Tally, chunks)
		reached = make([]MeasureResult, chunks*len(ads))
		forChunks(chunks, func(ci int) {
			if r.ctx != nil && r.ctx.Err() != nil {
				return // cancelled: Simulate returns the context's error
			}
			lo, hi := ci*householdChunk, min((ci+1)*householdChunk, n)
			r.householdRange(lo, hi, a, &base, d, ads, taste, income, hours, hist, &tallies[ci], reached[ci*len(ads):(ci+1)*len(ads)], ps)
		})
		for ci := range tallies {
			t.Merge(&tallies[ci])
		}
		return t
	}
	t := run()
	if r.ctx == nil || r.ctx.Err() == nil {
		ps.close() // every chunk ran: the year's pages are complete
	}
	if offer := t.Uses[UseChain]; offer > demand {
		// The households offer the actors that hire the group's children
		// more than they need: each household gets the same share of
		// what it offers, and chooses again (supplied.go).
		base.chainRation = demand / offer
		t = run()
	}
	for ci := range tallies {
		for j, ad := range ads {
			ad.res.add(&reached[ci*len(ads)+j])
		}
	}
	lab.FamilyDays, lab.HiredDays, lab.ChildDays = t.FamilyDays, t.HiredDays, t.ChildDays
	acc.Wages = t.HiredDays * base.Wage
	w := t.Weight
	g := Group{
		Actor:       a.ID,
		Households:  int(math.Round(w)),
		Weights:     weights(d.Weight, r.aggregatesOnly),
		Hours:       hours,
		Subsistence: base.S,
		Income:      income,
		ByBand:      t.ByBand,
		BySex:       a.Household.BySex(),
		ChildDays:   t.ChildDays,
		ChildAE:     t.ChildAE,
		AdultSupply: t.AdultDays,
		Cash: CashIncome{Total: t.SumIncome, NOP: t.NOP, OffFarm: t.OffFarm, ChildChain: t.ChildChain, ChildOutside: t.ChildOutside,
			Other: t.Other, Transfers: t.Transfers, Full: t.SumFull, Uses: t.Uses, Weight: t.Weight},
		PovertyLine: a.Household.PovertyLineOr(c),
		ChainRation: base.chainRation,
	}
	if w > 0 {
		g.MeanFull = t.SumFull / w
		g.MeanIncome = t.SumIncome / w
		g.MeanY0 = t.SumY0 / w
		g.BelowPoverty = t.Below / w
	}
	return g
}

// householdChunk is the number of households in a chunk of work. It is
// fixed: the chunks, not the workers, decide how sums are grouped.
const householdChunk = 1 << 14

// forChunks calls f for every chunk 0..n-1, on up to GOMAXPROCS goroutines.
func forChunks(n int, f func(chunk int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for ci := 0; ci < n; ci++ {
			f(ci)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ci := int(next.Add(1) - 1); ci < n; ci = int(next.Add(1) - 1) {
				f(ci)
			}
		}()
	}
	wg.Wait()
}

// history is the states of a group's households the year before (prev;
// nil when unknown) and this year (next; nil when the group is not
// tracked), for prevention (monitoring.go).
type history struct{ prev, next []uint8 }

// householdRange runs households lo..hi-1 of actor a into the tally t and
// the reach of each adopted measure (reached[j] for ads[j]). It does not
// allocate: a household that adopts nothing and was not surveyed is the
// shared base household itself. The school choices of the base household
// and of each combination of measures are read from, or written to, the
// pages of ps when it has one for them (choiceBook).
func (r *Result) householdRange(lo, hi int, a *valuechain.Actor, base *Household, d *Draws, ads []adoption,
	taste []float64, income []float64, hours [][nb]float64, hist history, out *Tally, reached []MeasureResult, ps *pageSet) {
	// Sums go to a tally on this goroutine's stack, not to memory that
	// another worker's chunk shares a cache line with.
	var tally Tally
	t := &tally
	var fast sums
	defer func() {
		fast.flush(t, base)
		*out = tally
	}()
	adopted := make([]bool, len(ads))
	plain := d.Weight == nil && d.Survey == nil // no weights, no survey: the fast path may apply
	var own Household
	var hk [nb]float64 // a household's hours when they are not kept
	// Households that adopt the same measures, and have been monitored
	// the same number of years by each monitoring measure they adopted,
	// are the same household (but surveyed households, and under
	// prevention): build each
	// combination once. A combination's index is its mask of adopted
	// measures, then the years of each monitoring measure in mixed radix.
	var combos []*Household
	radix := make([]int, len(ads)) // years a monitoring measure can count, plus one; 1 for the others
	if d.Survey == nil && len(ads) <= 8 && cacheCombos {
		size, shared := 1<<len(ads), true
		for j, ad := range ads {
			radix[j] = 1
			if ad.m.Withdrawal > 0 {
				radix[j] = len(ad.m.History) + 1
			}
			size *= radix[j]
			// Under prevention each household keeps its own children
			// out (hh.kept): it is its own copy.
			shared = shared && ad.m.Prevention == 0
		}
		if shared && size <= maxCombos {
			combos = make([]*Household, size)
			combos[0] = base
		}
	}
	// With schooling, households that adopt the same measures share the
	// table of the closed form (school.go), monitoring or not.
	var schoolPreps []*schoolPrep
	if base.School != nil && len(ads) <= 8 {
		schoolPreps = make([]*schoolPrep, 1<<len(ads))
	}
	// The page of the base household and of each combination's, looked
	// up once per chunk.
	type slot struct {
		p           *choicePage
		write, done bool
	}
	var baseSlot slot
	var comboSlots, maskSlots []slot
	var pick schoolPick // a household's choice on a page
	if ps != nil && combos != nil {
		comboSlots = make([]slot, len(combos))
	} else if ps != nil && d.Survey == nil && len(ads) <= 8 {
		// Households built one by one (under prevention): those that
		// adopted the same measures choose alike (prevention and the
		// years of monitoring act after the choice).
		maskSlots = make([]slot, 1<<len(ads))
	}
	for k := lo; k < hi; k++ {
		hh := base
		var sl *slot // hh's page, when hh is the base household or a combination's
		if ps != nil {
			sl = &baseSlot
		}
		any := false
		mask := 0
		for j, ad := range ads {
			adopted[j] = ad.draws[k] < ad.m.Coverage
			if adopted[j] {
				any = true
				mask |= 1 << j
			}
		}
		if combos != nil {
			key, place := mask, 1<<len(ads)
			for j, ad := range ads {
				if adopted[j] && radix[j] > 1 {
					key += place * yearsMonitored(ad.m, ad.draws[k])
				}
				place *= radix[j]
			}
			if combos[key] == nil {
				c := *base
				for j, ad := range ads {
					if adopted[j] {
						adopt(&c, ad.m, ad.draws[k])
					}
				}
				c.prepare()
				combos[key] = &c
			}
			hh = combos[key]
			if ps != nil {
				sl = &comboSlots[key]
			}
		} else if any || d.Survey != nil {
			own = *base
			hh = &own
			sl = nil
			if maskSlots != nil {
				sl = &maskSlots[mask]
			}
			if d.Survey != nil {
				hh.fromSurvey(r.Chain, a, &d.Survey[k])
			}
			for j, ad := range ads {
				if adopted[j] {
					adopt(hh, ad.m, ad.draws[k])
				}
			}
			if schoolPreps != nil && d.Survey == nil && schoolPreps[mask] != nil {
				hh.sprep = schoolPreps[mask] // the same measures: the same school table
			}
			hh.prepare()
			if schoolPreps != nil && d.Survey == nil {
				schoolPreps[mask] = hh.sprep
			}
		}
		var pg *choicePage // the page of hh's choice, to read or to write
		var pp *schoolPick // the choice read from pg, or to write to it
		write := false
		if sl != nil {
			if !sl.done {
				sl.p, sl.write = ps.page(hh, len(ads) == 0)
				sl.done = true
			}
			if pg, write = sl.p, sl.write; pg != nil {
				pick = schoolPick{}
				if !write {
					pick = pg.get(k)
				}
				pp = &pick
			}
		}
		// Each household's taste for schooling (school.go).
		var tst [nb]float64
		if taste != nil {
			for b := range tst {
				tst[b] = hh.School.TasteSD * taste[nb*k+b]
			}
		}
		if hh.Prevent > 0 {
			// This household's children kept out of work by prevention
			// (hh is its own copy: combos are off with prevention).
			for b := range hh.kept {
				hh.kept[b] = keptShare(hist.at(k), hist.prev != nil, b, hh.Prevent)
			}
		}
		if plain && hh.fast() {
			// The fast path: no weights, nothing conditional.
			h := &hk
			if hours != nil {
				h = &hours[k]
			}
			inc := hh.decideFast(d.Scale[k], d.Hazard[k], &fast, &tst, h, pp)
			if write {
				pg.put(k, &pick)
			}
			if income != nil {
				income[k] = inc
			}
			if hist.next != nil {
				var cl [nb]bool
				for b := range cl {
					cl[b], _ = Classify(b, h[b], d.Hazard[k] < hh.Exposure[b])
				}
				hist.next[k] = nextState(cl, &hh.kept)
			}
			if any {
				o := Outcome{Income: inc, Hours: *h}
				for j, ad := range ads {
					if adopted[j] {
						ad.count(&reached[j], hh, &o, 1)
					}
				}
			}
			continue
		}
		weight := 1.0
		if d.Weight != nil {
			weight = d.Weight[k]
		}
		var o Outcome
		if pg != nil {
			// No rationing (pageable): decide is decideOnce.
			o = hh.decideOnce(d.Scale[k], d.Hazard[k], &tst, pp)
			if write {
				pg.put(k, &pick)
			}
		} else if taste != nil {
			o = hh.decide(d.Scale[k], d.Hazard[k], &tst)
		} else {
			o = hh.Decide(d.Scale[k], d.Hazard[k])
		}
		if income != nil {
			income[k] = o.Income
			hours[k] = o.Hours
		}
		if hist.next != nil {
			var cl [nb]bool
			for b := range cl {
				cl[b], _ = Classify(b, o.Hours[b], o.Exposed[b])
			}
			hist.next[k] = nextState(cl, &hh.kept)
		}
		t.Add(hh, &o, weight)
		for j, ad := range ads {
			if adopted[j] {
				ad.count(&reached[j], hh, &o, weight)
			}
		}
	}
}

func weights(w []float64, aggregatesOnly bool) []float64 {
	if aggregatesOnly {
		return nil
	}
	return w
}

// Quantile returns the p-quantile of the group's household income
// (weighted for survey households), or NaN when the households' incomes
// were not kept.
func (g *Group) Quantile(p float64) float64 {
	if len(g.Income) == 0 {
		return math.NaN() // the households were not kept (Options.AggregatesOnly)
	}
	x := append([]float64(nil), g.Income...)
	if g.Weights == nil {
		sort.Float64s(x)
		return stat.Quantile(p, stat.LinInterp, x, nil)
	}
	w := append([]float64(nil), g.Weights...)
	sort.Sort(byFirst{x, w})
	return stat.Quantile(p, stat.Empirical, x, w)
}

// byFirst sorts two slices by the first.
type byFirst struct{ x, w []float64 }

func (s byFirst) Len() int           { return len(s.x) }
func (s byFirst) Less(i, j int) bool { return s.x[i] < s.x[j] }
func (s byFirst) Swap(i, j int) {
	s.x[i], s.x[j] = s.x[j], s.x[i]
	s.w[i], s.w[j] = s.w[j], s.w[i]
}

// fromSurvey gives the household the composition and other income of a
// surveyed household of actor a.
func (hh *Household) fromSurvey(c *valuechain.Chain, a *valuechain.Actor, sh *valuechain.SurveyHousehold) {
	g := a.Household
	hh.N = sh.Children()
	hh.BySex = true
	for b := range hh.N {
		hh.GirlShare[b] = 0
		if hh.N[b] > 0 {
			hh.GirlShare[b] = sh.Girls[b] / hh.N[b]
		}
	}
	// The survey observed whether the children do hazardous tasks: that
	// is their exposure, whatever the group's tasks.
	e := 0.0
	if sh.Hazardous {
		e = 1
	}
	hh.Exposure = [nb]float64{e, e, e}
	hh.Adults = sh.Adults
	hh.FamilyDays = sh.Adults * g.AdultDays
	other := g.OtherIncome
	if !math.IsNaN(sh.OtherIncome) {
		other = sh.OtherIncome
	}
	hh.OffFarmIncome = sh.Adults * g.OffFarmDays * hh.OffFarmWage
	hh.Other, hh.TransferIncome = other, g.Transfers
	hh.OtherIncome = hh.OffFarmIncome + hh.Other + hh.TransferIncome
	eq := c.Scale()
	hh.S = g.PovertyLineOr(c) * (eq.FirstAdult + eq.OtherAdult*(sh.Adults-1) + eq.Child*(hh.N[0]+hh.N[1]+hh.N[2]))
	hh.Idle = [nb]float64{}
	hh.excludeSex(a)
}

// count adds an adopting household, standing for weight households, to
// the measure's reach and what it paid.
func (ad adoption) count(r *MeasureResult, hh *Household, o *Outcome, weight float64) {
	m := ad.m
	r.Adopters += weight
	r.Children += weight * (hh.N[0] + hh.N[1] + hh.N[2])
	r.Paid += weight * m.Transfer
	if m.CCT > 0 {
		r.Paid += weight * o.CCTPaid * m.CCT / hh.CCT
	}
	if m.PremiumRate > 0 {
		r.Paid += weight * o.PremiumPaid * m.PremiumRate / hh.PremiumRate
	}
	if m.Compensation > 0 {
		r.Paid += weight * withdrawn(hh, o) * m.Compensation
	}
	if m.Prevention > 0 {
		r.Prevented += weight * o.Prevented
	}
}

// at returns household k's state of last year (0 when unknown).
func (h history) at(k int) uint8 {
	if h.prev == nil {
		return 0
	}
	return h.prev[k]
}

// adopt applies a measure's effects to an adopting household whose
// adoption draw is u.
func adopt(hh *Household, m *Measure, u float64) {
	hh.OtherIncome += m.Transfer + hh.Adults*m.OffFarmDays*hh.OffFarmWage
	hh.TransferIncome += m.Transfer
	hh.OffFarmIncome += hh.Adults * m.OffFarmDays * hh.OffFarmWage
	hh.CCT += m.CCT
	if m.CCTHoursCap > 0 {
		hh.CCTHoursCap = m.CCTHoursCap
	}
	hh.PremiumRate += m.PremiumRate
	for b := range hh.Exposure {
		hh.Exposure[b] = clamp01(hh.Exposure[b] * (1 + m.HazardChange))
		hh.Beta[b] *= 1 + m.BetaChange
	}
	hh.Exposure[nb-1] = clamp01(hh.Exposure[nb-1] * (1 + m.YouthHazardChange))
	if m.Withdrawal > 0 {
		years := yearsMonitored(m, u)
		hh.Withdraw = 1 - (1-hh.Withdraw)*(1-monitored(m.Withdrawal, m.Months, years))
		hh.Compensation += m.Compensation
	}
	if m.Prevention > 0 {
		hh.Prevent = 1 - (1-hh.Prevent)*(1-m.Prevention)
	}
	hh.Ban = hh.Ban || m.Ban
	adoptSchool(hh, m)
}

// yearsMonitored returns the years a household whose adoption draw is u
// has been monitored by measure m: the years whose coverage reached its
// draw.
func yearsMonitored(m *Measure, u float64) int {
	years := 0
	for _, c := range m.History {
		if u < c {
			years++
		}
	}
	return years
}

// maxCombos bounds the households of a group built once per combination
// of measures and years monitored (householdRange); beyond it each
// adopting household is built on its own.
const maxCombos = 1 << 12

// cacheCombos is false only in tests, which compare the households built
// once per combination with those built one by one.
var cacheCombos = true

func clamp01(x float64) float64 { return min(max(x, 0), 1) }
