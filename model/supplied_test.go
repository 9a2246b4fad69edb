package model

import "testing"

// TestSuppliedChildren works testdata/supplied.toml by hand. Each of the
// 10 farms makes 1,000 kg at 2 (NOP 2,000, no hired days: 50 days of
// work, 100 family days; family_time_value 0 and no child-suitable farm
// work), so the children's only paid use is the trader's (supplied_by).
// The group's children are all 12-14 (gamma 0.7): the trader pays 7 a
// child day, 7 / 0.7 = 10 an adult-equivalent day, V = 0.875 an hour.
// S = 1,000 x (1 + 0.5 x 2) = 2,000; M = 2,000 + 2 x 0.875 x 40 x 20 =
// 3,400; H - h = 0.4 x 1,400 / (0.875 x 20 x 1.4) = 22.857: h = 17.143
// hours a week (>= 14: child labour), 2 x 17.143 x 20 / 8 = 85.71 child
// days (60 adult-equivalent) a farm, wages 600, cash income 2,600.
//
// child_share 1: the trader needs 0.1 x 10,000 = 1,000 child days and
// gets the 857.14 offered; adults do 142.86 days; wages 1,428.57 +
// 6,000 = 7,428.57. child_share 0.5: it needs 500 child days (350
// adult-equivalent) of the 600 offered: each farm gets 350/600 of its
// offer, 35 adult-equivalent days (50 child days, h = 50 x 8 / 40 = 10
// hours: not child labour), wages 350, cash income 2,350; the trader's
// wages 500 x 10 + 3,500 = 8,500. The trader hires no children from
// outside the groups.
func TestSuppliedChildren(t *testing.T) {
	for _, c := range []struct {
		share                          float64
		hours, labour, cash, childDays float64
		traderWages                    float64
	}{
		{1, 40 - 0.4*1400/(0.875*20*1.4), 20, 2600, 6000.0 / 7, 10*(1000-6000.0/7) + 6000},
		{0.5, 10, 0, 2350, 500, 8500},
	} {
		ch := load(t, "testdata/supplied.toml")
		ch.Actors[1].ChildShare = c.share
		r, err := Simulate(ch, Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(1e-9); err != nil {
			t.Fatal(err)
		}
		g := &r.Groups[0]
		approx(t, "hours", r.Groups[0].Hours[0][1], c.hours)
		approx(t, "children in child labour", g.ByBand[1].ChildLabour, c.labour)
		approx(t, "mean cash income", g.MeanIncome, c.cash)
		approx(t, "wages from the chain", g.Cash.ChildChain, 10*(c.cash-2000))
		approx(t, "trader's child days", r.Labour[1].ChildDays, c.childDays)
		approx(t, "trader's adult days", r.Labour[1].HiredDays, 1000-c.childDays)
		approx(t, "trader's wages", r.Accounts[1].Wages, c.traderWages)
		if len(r.Hired) != 0 {
			t.Errorf("%d actors hire children from outside, want 0", len(r.Hired))
		}
		if tot := r.ChildTotal(); tot.ChildLabour != g.ByBand[1].ChildLabour {
			t.Errorf("chain's child labour %v, the group's %v", tot.ChildLabour, g.ByBand[1].ChildLabour)
		}
		// households_detail decides every household again, rationed alike.
		ds, err := Details(r, NewPopulation(ch, 1))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ds {
			approx(t, "detail hours", x.Hours[1], c.hours)
			approx(t, "detail cash income", x.Income, c.cash)
		}
	}
}
