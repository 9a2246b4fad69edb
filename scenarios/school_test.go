package scenarios

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// schoolCotton returns the cotton example at 20,000 farm households with
// school keys on its household groups.
func schoolCotton(t *testing.T) (*valuechain.Chain, *File) {
	t.Helper()
	c, f := scaledCotton(t, 20000)
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			h.SchoolCost = &[3]float64{400, 600, 800}
			h.SchoolValue = &[3]float64{1, 1, 1}
		}
	}
	if err := valuechain.Validate(c, "school"); err != nil {
		t.Fatal(err)
	}
	return c, f
}

// enrolment returns the share of the chain's children enrolled.
func enrolment(r *model.Result) float64 {
	var in, all float64
	for _, ch := range r.ChildLabour {
		in += ch.School.Enrolled
		all += ch.Children
	}
	return in / all
}

// TestEducationRaisesEnrolment: on a chain with school keys, education
// lowers school costs and raises the value of school, so more children
// enrol than in the baseline; a cct raises enrolment too (it pays only
// for enrolled children); the same scenario on the chain without school
// keys reports no enrolment.
func TestEducationRaisesEnrolment(t *testing.T) {
	c, _ := schoolCotton(t)
	pop := model.NewPopulation(c, 1)
	base, err := model.Simulate(c, model.Options{Population: pop})
	if err != nil {
		t.Fatal(err)
	}
	b := enrolment(base)
	if b <= 0.05 || b >= 0.95 {
		t.Fatalf("baseline enrolment %v: want some but not all", b)
	}
	for _, iv := range []Intervention{
		{Type: "education", Targets: []string{"dekhan"}, Coverage: 1},
		{Type: "cct", Targets: []string{"dekhan"}, Coverage: 1},
	} {
		s := Scenario{Name: iv.Type, Interventions: []Intervention{iv}}
		d, pol := s.Year(c, 1)
		r, err := model.Simulate(d, model.Options{Population: pop, Policy: pol})
		if err != nil {
			t.Fatal(err)
		}
		if e := enrolment(r); e <= b+0.01 {
			t.Errorf("%s: enrolment %v, baseline %v: want higher", iv.Type, e, b)
		}
	}
}

// TestSchoolSameOnAnyNumberOfProcessors: with school keys (taste draws,
// the four-way table) a comparison of 40,000 households (3 chunks) is
// identical with GOMAXPROCS 1 and 2.
func TestSchoolSameOnAnyNumberOfProcessors(t *testing.T) {
	c, f := scaledCotton(t, 40000)
	for i := range c.Actors {
		if h := c.Actors[i].Household; h != nil {
			h.SchoolCost = &[3]float64{400, 600, 800}
			h.SchoolValue = &[3]float64{1, 1, 1}
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first *Comparison
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		cmp, err := Compare(c, f, 2, model.NewPopulation(c, 7), nil)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = cmp
			continue
		}
		for i := range cmp.Runs {
			if !reflect.DeepEqual(first.Runs[i].Years, cmp.Runs[i].Years) {
				t.Errorf("GOMAXPROCS %d: run %q differs", procs, cmp.Runs[i].Name)
			}
		}
	}
}
