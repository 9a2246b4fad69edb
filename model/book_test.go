package model

import (
	"reflect"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// TestChoiceBookIsSolving: a scenario year simulated through a Memo, whose
// households that adopt nothing read their school choices from the
// baseline's page, gives the result of the same year simulated with no
// memo, where every household solves its choice; a household changed by
// the scenario (its income here) finds no page.
func TestChoiceBookIsSolving(t *testing.T) {
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
	pop := NewPopulation(c, 7)
	memo := NewMemo()
	if _, err := memo.Simulate(c, Options{Population: pop}); err != nil {
		t.Fatal(err)
	}
	if memo.book.pages["dekhan"] == nil {
		t.Fatal("the baseline wrote no page for the dekhan farms")
	}
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"transfer", Options{Policy: &Policy{Measures: []Measure{
			{Name: "transfer", Type: "cash_transfer", Targets: []string{"dekhan"}, AdoptKey: "t", Coverage: 0.4, Transfer: 500}}}}},
		{"cct", Options{Policy: &Policy{Measures: []Measure{
			{Name: "cct", Type: "cct", Targets: []string{"dekhan"}, AdoptKey: "c", Coverage: 0.5, CCT: 600}}}}},
		// No measure, but another year for the memo (tracked for
		// prevention): every household reads the page.
		{"tracked", Options{Track: []string{"dekhan"}}},
		// Monitored households choose as the base household (monitoring
		// acts after the choice): they read the page, through decideOnce;
		// those that also adopt education value school more and solve.
		{"monitoring and education", Options{Policy: &Policy{Measures: []Measure{
			{Name: "monitoring", Type: "monitoring", Targets: []string{"dekhan"}, AdoptKey: "m", Coverage: 0.5,
				Withdrawal: 0.6, Months: 4, History: []float64{0.5, 0.5}, Compensation: 300},
			{Name: "education", Type: "education", Targets: []string{"dekhan"}, AdoptKey: "e", Coverage: 0.5, SchoolValueGain: 0.5}}}}},
		// Under prevention every household is its own copy: none reads.
		{"prevention", Options{Policy: &Policy{Measures: []Measure{
			{Name: "monitoring", Type: "monitoring", Targets: []string{"dekhan"}, AdoptKey: "m", Coverage: 0.5,
				Withdrawal: 0.6, Months: 4, History: []float64{0.5}, Prevention: 0.6}}}}},
	} {
		tc.opt.Population = pop
		got, err := memo.Simulate(c, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Simulate(c, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Groups, want.Groups) || !reflect.DeepEqual(got.Measures, want.Measures) {
			t.Errorf("%s: the year with the book differs from the year solved household by household", tc.name)
		}
		if got.Groups[0].ByBand[0].School.Enrolled == 0 {
			t.Errorf("%s: nobody enrolled: the chain has no schooling", tc.name)
		}
	}
	if n := memo.Misses(); n != 6 {
		t.Errorf("the memo simulated %d years, want 6 (each case is a year of its own)", n)
	}
	// The scenario years read the page: spoiled, it spoils them.
	page := memo.book.pages["dekhan"]
	saved := append([]uint8(nil), page.enrolled...)
	for k := range page.enrolled {
		page.enrolled[k] ^= 1
	}
	pol := &Policy{Measures: []Measure{{Name: "transfer", Type: "cash_transfer", Targets: []string{"dekhan"}, AdoptKey: "t", Coverage: 0.3, Transfer: 500}}}
	got, err := memo.Simulate(c, Options{Population: pop, Policy: pol})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Simulate(c, Options{Population: pop, Policy: pol})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(got.Groups, want.Groups) {
		t.Error("a spoiled page changes nothing: the scenario year does not read it")
	}
	copy(page.enrolled, saved)
	// So are the monitored households' (decideOnce): spoil the page's
	// hours, and a year where every household is monitored changes.
	savedHours := append([][nb]float64(nil), page.hours...)
	for k := range page.hours {
		page.hours[k][1] += 7
	}
	pol = &Policy{Measures: []Measure{{Name: "monitoring", Type: "monitoring", Targets: []string{"dekhan"}, AdoptKey: "m", Coverage: 1,
		Withdrawal: 0.6, Months: 4, History: []float64{1}}}}
	got, err = memo.Simulate(c, Options{Population: pop, Policy: pol})
	if err != nil {
		t.Fatal(err)
	}
	want, err = Simulate(c, Options{Population: pop, Policy: pol})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(got.Groups, want.Groups) {
		t.Error("a spoiled page changes nothing: the monitored households do not read it")
	}
	copy(page.hours, savedHours)
	// The page is the baseline's households': not a household whose
	// income, taste draws or draws differ.
	d := pop.Groups["dekhan"]
	key := page.key
	taste := pop.TasteDraws("dekhan", len(d.Scale))
	hh := key
	hh.School = &Schooling{}
	*hh.School = page.school
	if !page.matches(&hh, d, taste) {
		t.Fatal("the page does not match its own household")
	}
	other := hh
	other.OtherIncome++
	if page.matches(&other, d, taste) {
		t.Error("the page matches a household with another income")
	}
	school := page.school
	school.Value[2] += 0.1
	other = hh
	other.School = &school
	if page.matches(&other, d, taste) {
		t.Error("the page matches a household that values school more")
	}
	if page.matches(&hh, d, append([]float64(nil), taste...)) {
		t.Error("the page matches other taste draws")
	}
	if page.matches(&hh, &Draws{Scale: d.Scale}, taste) {
		t.Error("the page matches other draws")
	}
}
