package model

import "testing"

// TestGirlsExcludedTask works testdata/carts.toml by hand: pushing carts,
// the porters' only child-suitable task, is done by boys. Each household
// has a girl and a boy of 15-17 (gamma 0.9, V = 0.9 x 10 / 8 = 1.125 an
// hour); it needs 200 days, hires 100: Y0 = 1,500 - 1,000 + 1,500 =
// 2,000 = S (1,000 x (1 + 0.5 x 2)). Only the boy works: alpha + beta = 1,
// h = 0.6 x 40 - 0.4 x (2,000 - 2,000) / (1.125 x 20) = 24 hours, on a
// hazardous task: 4 boys in hazardous child labour, 0 girls, 8 children.
// Were the task open to anyone, both would work: H - h = 0.4 x 1,800 /
// (1.125 x 20 x 1.4) = 22.857, h = 17.14, 8 children in hazardous child
// labour, 4 of them girls.
func TestGirlsExcludedTask(t *testing.T) {
	for _, c := range []struct {
		doneBy                 string
		hours, labour, girlsCL float64
	}{
		{"boys", 24, 4, 0},
		{"anyone", 40 - 0.4*1800/(1.125*20*1.4), 8, 4},
	} {
		ch := load(t, "testdata/carts.toml")
		ch.Actors[0].Tasks[0].DoneBy = c.doneBy
		r, err := Simulate(ch, Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(1e-9); err != nil {
			t.Fatal(err)
		}
		g := &r.Groups[0]
		b := g.ByBand[2]
		approx(t, c.doneBy+": hours", g.Hours[0][2], c.hours)
		approx(t, c.doneBy+": children", b.Children, 8)
		approx(t, c.doneBy+": girls", b.Girls.Children, 4)
		approx(t, c.doneBy+": hazardous child labour", b.Hazardous, c.labour)
		approx(t, c.doneBy+": girls in child labour", b.Girls.ChildLabour, c.girlsCL)
		approx(t, c.doneBy+": boys in child labour", b.Boys.ChildLabour, 4)
		approx(t, c.doneBy+": child days", g.ChildDays, 4*c.labour/4*c.hours*20/8)
		// The poverty line counts every child: S = 2,000.
		approx(t, c.doneBy+": subsistence", g.Subsistence, 2000)
	}
}
