package model

import (
	"math"
	"testing"
)

// TestHiredChildren works testdata/hired.toml by hand. Output 100,000 kg.
// Unloading: 0.5 x 0.4 x 0.01 x 100,000 = 200 child days = 200 x 8 /
// (40 x 12) = 3.333 children (0.4 of them 12-14, 0.6 15-17; a quarter
// girls), all exposed: all in child labour and hazardous. Sorting (girls
// only): 0.5 x 1 x 0.005 x 100,000 = 250 days = 4.167 girls, not hazardous:
// the 12-14s (1.667) work 40 >= 14 hours, child labour; the 15-17s (2.5)
// work under 43 hours, not. Driving is done by men: no child days.
// Children 7.5, in child labour 5, hazardous 3.333, girls 0.833 + 4.167 = 5,
// of them in child labour 0.833 + 1.667 = 2.5. Need 1,700 days: 450 by
// children, 1,250 by hired adults; wages 1,250 x 10 + 450 x 4 = 14,300.
func TestHiredChildren(t *testing.T) {
	c := load(t, "testdata/hired.toml")
	r, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(1e-9); err != nil {
		t.Fatal(err)
	}
	if len(r.Hired) != 1 {
		t.Fatalf("%d actors hire children, want 1", len(r.Hired))
	}
	h := r.Hired[0].Total()
	approx(t, "children", h.Children, 7.5)
	approx(t, "child labour", h.ChildLabour, 5)
	approx(t, "hazardous", h.Hazardous, 200.0*8/480)
	approx(t, "girls", h.Girls.Children, 5)
	approx(t, "girls in child labour", h.Girls.ChildLabour, 2.5)
	approx(t, "boys in child labour", h.Boys.ChildLabour, 2.5)
	approx(t, "child labour hours", h.Hours, 5*40*12)
	approx(t, "12-14", r.Hired[0].ByBand[1].Children, 0.4*7.5)
	approx(t, "15-17 hazardous", r.Hired[0].ByBand[2].Hazardous, 0.6*200.0*8/480)
	approx(t, "child days", r.Labour[0].ChildDays, 450)
	approx(t, "hired adult days", r.Labour[0].HiredDays, 1250)
	approx(t, "wages", r.Accounts[0].Wages, 14300)
	tot := r.ChildTotal()
	approx(t, "in the chain's totals", tot.ChildLabour, 5)
}

// TestFemaleDaysFollowTasks: with female_share 0.5 the importer's women
// work half the adult days of unloading (1,000 - 200 child days = 800) and
// sorting (500 - 250 = 250) and none of driving (200 days, done by men):
// 400 + 125 = 525 of 1,250 adult days, not 625.
func TestFemaleDaysFollowTasks(t *testing.T) {
	c := load(t, "testdata/hired.toml")
	half := 0.5
	c.Actors[0].FemaleShare = &half
	r, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "female days", r.Labour[0].FemaleDays, 525)
}

// TestTaskLabour: employment by sex per actor and task, worked by hand on
// testdata/hired.toml with female_share 0.5. The children's 450 days come
// off unloading and sorting in proportion to their child-suitable days
// (400 and 500 of 900: 200 and 250). Unloading needs 1,000 days, 800 by
// adults, half of them women; sorting 500 - 250 = 250 adult days, 125 by
// women; driving 200 days, all by men. Women 525, as TestFemaleDaysFollowTasks.
func TestTaskLabour(t *testing.T) {
	c := load(t, "testdata/hired.toml")
	half := 0.5
	c.Actors[0].FemaleShare = &half
	r, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rows := r.Tasks()
	if len(rows) != 3 {
		t.Fatalf("%d task rows, want 3", len(rows))
	}
	for k, w := range []struct{ days, child, adult, women, men float64 }{
		{1000, 200, 800, 400, 400}, {500, 250, 250, 125, 125}, {200, 0, 200, 0, 200},
	} {
		g := rows[k]
		approx(t, g.Task+" days", g.Days, w.days)
		approx(t, g.Task+" child days", g.ChildDays, w.child)
		approx(t, g.Task+" adult days", g.AdultDays, w.adult)
		approx(t, g.Task+" women's days", g.FemaleDays, w.women)
		approx(t, g.Task+" men's days", g.MaleDays, w.men)
	}
	var women float64
	for _, g := range rows {
		women += g.FemaleDays
	}
	approx(t, "women, as labour.csv", women, r.Labour[0].FemaleDays)
	// Without female_share only the tasks done by one sex are split.
	c.Actors[0].FemaleShare = nil
	r, _ = Simulate(c, Options{Seed: 1})
	rows = r.Tasks()
	if !math.IsNaN(rows[0].FemaleDays) || rows[2].FemaleDays != 0 || rows[2].MaleDays != 200 {
		t.Errorf("without female_share: unloading women %v (want empty), driving women %v men %v (want 0, 200)",
			rows[0].FemaleDays, rows[2].FemaleDays, rows[2].MaleDays)
	}
}
