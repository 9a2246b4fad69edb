package tables

import (
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/model"
)

// TestSchoolRows: an example has school rows if and only if it gives
// school keys; with school keys every all-sexes row's four shares add up to 1, the
// enrolment rate is the sum of work-and-study and study-only, and the
// girls' and boys' enrolled add up to the band's.
func TestSchoolRows(t *testing.T) {
	for _, name := range examples.Names() {
		c, err := examples.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := model.Simulate(c, model.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if rows := School(r); (rows != nil) != model.HasSchool(c) {
			t.Errorf("%s: %d school rows, school keys %v", name, len(rows), model.HasSchool(c))
		}
		for i := range c.Actors {
			if h := c.Actors[i].Household; h != nil {
				h.SchoolCost = &[3]float64{100, 200, 300}
				h.SchoolValue = &[3]float64{1, 1, 1}
			}
		}
		if r, err = model.Simulate(c, model.Options{Seed: 1}); err != nil {
			t.Fatal(err)
		}
		rows := School(r)
		if len(rows) == 0 {
			t.Fatalf("%s: no school rows with school keys", name)
		}
		var enrolled, girlsBoys float64
		for _, row := range rows {
			s := row.SchoolRow
			if s.Sex != "all" {
				if row.Band != "5-17" {
					girlsBoys += float64(s.Enrolled)
				}
				continue
			}
			if sum := float64(s.WorkOnly + s.WorkStudy + s.StudyOnly + s.Neither); math.Abs(sum-1) > 1e-9 {
				t.Errorf("%s %s %s: four-way shares add up to %v", name, row.Group, s.Band, sum)
			}
			if d := float64(s.Enrolment - s.WorkStudy - s.StudyOnly); math.Abs(d) > 1e-9 {
				t.Errorf("%s %s %s: enrolment %v, work and study + study only differ by %v", name, row.Group, s.Band, s.Enrolment, d)
			}
			if row.Group == Total && s.Band != "5-17" {
				enrolled += float64(s.Enrolled)
			}
		}
		if girlsBoys > 0 && math.Abs(girlsBoys/2-enrolled) > 3 {
			t.Errorf("%s: girls and boys enrolled %v, bands %v", name, girlsBoys/2, enrolled)
		}
	}
}
