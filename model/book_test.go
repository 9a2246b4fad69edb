package model

import (
	"reflect"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// bookChain is the cotton example with school keys.
func bookChain(t *testing.T) *valuechain.Chain {
	t.Helper()
	c := loadCotton(t)
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			h.SchoolValue = &[nb]float64{1.5, 1.5, 0.7}
			h.SchoolCost = &[nb]float64{100, 150, 200}
		}
	}
	if err := valuechain.Validate(c, "school.toml"); err != nil {
		t.Fatal(err)
	}
	return c
}

// sameYear simulates a year through memo and without one, and reports
// whether the two agree.
func sameYear(t *testing.T, memo *Memo, c *valuechain.Chain, opt Options) bool {
	t.Helper()
	got, err := memo.Simulate(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Simulate(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(got.Groups, want.Groups) && reflect.DeepEqual(got.Measures, want.Measures)
}

// monitoringYear is a year of a scenario where half the farms are
// monitored (for years years) and half have education, some both.
func monitoringYear(years int) *Policy {
	h := make([]float64, years)
	for i := range h {
		h[i] = 0.5
	}
	return &Policy{Measures: []Measure{
		{Name: "monitoring", Type: "monitoring", Targets: []string{"dekhan"}, AdoptKey: "m", Coverage: 0.5,
			Withdrawal: 0.6, Months: 4, History: h, Compensation: 300},
		{Name: "education", Type: "education", Targets: []string{"dekhan"}, AdoptKey: "e", Coverage: 0.5, SchoolValueGain: 0.5}}}
}

// preventionYear is monitoringYear with prevention.
func preventionYear(years int) *Policy {
	p := monitoringYear(years)
	p.Measures[0].Prevention = 0.6
	return p
}

// TestChoiceBookIsSolving: years simulated through a Memo, whose
// households read their school choices from pages of years before, give
// the results of the same years simulated with no memo, where every
// household solves its choice; the pages are read (spoiled, they spoil a
// year); a household type gets a page the second year it is met; and a
// household changed by a scenario finds no page.
func TestChoiceBookIsSolving(t *testing.T) {
	c := bookChain(t)
	pop := NewPopulation(c, 7)
	memo := NewMemo()
	if _, err := memo.Simulate(c, Options{Population: pop}); err != nil {
		t.Fatal(err)
	}
	pages := func() []*choicePage { return memo.book.pages["dekhan"] }
	if len(pages()) != 1 {
		t.Fatalf("the baseline wrote %d pages for the dekhan farms, want 1", len(pages()))
	}
	base := pages()[0]
	for k, e := range base.enrolled {
		if e&pageFilled == 0 {
			t.Fatalf("the baseline's page misses household %d", k)
		}
	}
	for _, tc := range []struct {
		name  string
		opt   Options
		pages int // the book's pages after the year
	}{
		{"transfer", Options{Policy: &Policy{Measures: []Measure{
			{Name: "transfer", Type: "cash_transfer", Targets: []string{"dekhan"}, AdoptKey: "t", Coverage: 0.4, Transfer: 500}}}}, 1},
		{"cct", Options{Policy: &Policy{Measures: []Measure{
			{Name: "cct", Type: "cct", Targets: []string{"dekhan"}, AdoptKey: "c", Coverage: 0.5, CCT: 600}}}}, 1},
		// No measure, but another year for the memo (tracked for
		// prevention): every household reads the page.
		{"tracked", Options{Track: []string{"dekhan"}}, 1},
		// Monitored households choose as the base household (monitoring
		// acts after the choice): they read its page, through
		// decideOnce. Those with education are a type of their own,
		// met in the first year, written in the second, read after.
		{"monitoring, year 1", Options{Policy: monitoringYear(1)}, 1},
		{"monitoring, year 2", Options{Policy: monitoringYear(2)}, 2},
		{"monitoring, year 3", Options{Policy: monitoringYear(3)}, 2},
		// Under prevention every household is its own copy; they read
		// the pages of their type (prevention acts after the choice).
		{"prevention", Options{Policy: preventionYear(1)}, 2},
		{"prevention, year 2", Options{Policy: preventionYear(2)}, 2},
	} {
		tc.opt.Population = pop
		if !sameYear(t, memo, c, tc.opt) {
			t.Errorf("%s: the year with the book differs from the year solved household by household", tc.name)
		}
		if n := len(pages()); n != tc.pages {
			t.Errorf("%s: the book has %d pages, want %d", tc.name, n, tc.pages)
		}
	}
	if n := memo.Misses(); n != 9 {
		t.Errorf("the memo simulated %d years, want 9 (each case is a year of its own)", n)
	}
	// The years read the pages: spoiled, they spoil them, on the fast path
	// (households that adopt nothing), in decideOnce (monitored ones) and
	// for a type written by a scenario year (education).
	spoil := func(p *choicePage) (undo func()) {
		h, e := append([][nb]float64(nil), p.hours...), append([]uint8(nil), p.enrolled...)
		for k := range p.hours {
			p.hours[k][1] += 7
			p.enrolled[k] ^= 1
		}
		return func() { copy(p.hours, h); copy(p.enrolled, e) }
	}
	for _, tc := range []struct {
		name string
		page int
		pol  *Policy
	}{
		{"adopting nothing", 0, &Policy{Measures: []Measure{
			{Name: "transfer", Type: "cash_transfer", Targets: []string{"dekhan"}, AdoptKey: "t", Coverage: 0.3, Transfer: 500}}}},
		{"monitored", 0, &Policy{Measures: []Measure{{Name: "monitoring", Type: "monitoring", Targets: []string{"dekhan"},
			AdoptKey: "m", Coverage: 1, Withdrawal: 0.6, Months: 4, History: []float64{1}}}}},
		{"education", 1, monitoringYear(4)},
		{"under prevention", 1, preventionYear(3)},
	} {
		undo := spoil(pages()[tc.page])
		if sameYear(t, memo, c, Options{Population: pop, Policy: tc.pol}) {
			t.Errorf("%s: a spoiled page changes nothing: the year does not read it", tc.name)
		}
		undo()
	}
	// A page holds its own household, not one whose income, value of
	// school, draws or taste draws differ.
	d := pop.Groups["dekhan"]
	taste := pop.TasteDraws("dekhan", len(d.Scale))
	hh := base.key
	hh.School = &Schooling{}
	*hh.School = base.school
	id := idOf(&hh, d, taste)
	if !base.holds(&hh) || !base.same(&id) {
		t.Fatal("the page does not hold its own household")
	}
	other := hh
	other.OtherIncome++
	if base.holds(&other) {
		t.Error("the page holds a household with another income")
	}
	school := base.school
	school.Value[2] += 0.1
	other = hh
	other.School = &school
	if base.holds(&other) {
		t.Error("the page holds a household that values school more")
	}
	if id := idOf(&hh, d, append([]float64(nil), taste...)); base.same(&id) {
		t.Error("the page is for other taste draws")
	}
	if id := idOf(&hh, &Draws{Scale: d.Scale}, taste); base.same(&id) {
		t.Error("the page is for other draws")
	}
	// No more than maxPages pages a group: a new type is not written.
	ps := &pageSet{book: &memo.book, actor: "dekhan", d: d, taste: taste, n: len(d.Scale)}
	for range maxPages {
		ps.read = append(ps.read, &choicePage{pageID: pageID{draws: d, taste: &taste[0]}})
	}
	if p, _ := ps.page(&hh, true); p != nil {
		t.Error("a group with maxPages pages gets another")
	}
}
