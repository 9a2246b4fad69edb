package model

import (
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

func load(t testing.TB, path string) *valuechain.Chain {
	t.Helper()
	c, err := valuechain.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := valuechain.Validate(c, path); err != nil {
		t.Fatal(err)
	}
	return c
}

func simulate(t testing.TB, path string) *Result {
	t.Helper()
	r, err := Simulate(load(t, path), Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func approx(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !near(got, want, 1e-9) {
		t.Errorf("%s = %.12g, want %.12g", name, got, want)
	}
}

// TestSmallChainAccounts checks every account line of testdata/small.toml
// against numbers worked out by hand:
//
// farm: Q = 10 x 100 = 1000 kg; 0.8 shipped to gin = 800 kg at 2 = 1600,
// 200 kg sold at 2 = 400; R = 2000. X = 0.2 x 1000 + 10 x 10 = 300 = IC.
// VA = 1700. Interest 0.2 x 300 x 6/12 = 30. Taxes 0.05 x 2000 = 100.
// Depreciation 5 x 10 = 50, rent 20 x 10 = 200. Tasks need 0.03 x 1000 =
// 30 days; child-suitable 0.005 x 1000 + 0.02 x 1000 = 25 days, of which
// child_share 0.2 = 5 child days at 4, 25 adult days at 10: wages 270.
// NOP = 1700 - 270 - 30 - 100 - 50 - 200 = 1050.
//
// gin: receives 800 x 0.95 = 760 kg; lint 0.35 x 760 = 266 kg, all to the
// exporter at 8 = 2128; seed 0.6 x 760 = 456 kg sold at 1 = 456. R = 2584.
// Purchases 1600, transport 0.1 x 800 = 80, X = 0.5 x 266 = 133; IC = 1813;
// VA = 771. Labour 0.005 x 266 = 1.33 days, wages 13.3; NOP = 757.7.
//
// exporter: 266 kg at 10 = 2660. Purchases 2128, transport 0.2 x 266 =
// 53.2, X = 0.3 x 266 = 79.8; IC = 2261; VA = 399; wages 0.266 x 10 = 2.66.
func TestSmallChainAccounts(t *testing.T) {
	r := simulate(t, "testdata/small.toml")
	want := []Account{
		{Actor: "farm", Revenue: 2000, Purchases: 0, Transport: 0, ExternalInputs: 300,
			IntermediateConsumption: 300, ValueAdded: 1700, Wages: 270, Interest: 30,
			Taxes: 100, Depreciation: 50, Rent: 200, NetOperatingProfit: 1050},
		{Actor: "gin", Input: 760, Revenue: 2584, Purchases: 1600, Transport: 80, ExternalInputs: 133,
			IntermediateConsumption: 1813, ValueAdded: 771, Wages: 13.3, NetOperatingProfit: 757.7},
		{Actor: "exporter", Input: 266, Revenue: 2660, Purchases: 2128, Transport: 53.2, ExternalInputs: 79.8,
			IntermediateConsumption: 2261, ValueAdded: 399, Wages: 2.66, NetOperatingProfit: 396.34},
	}
	for i, w := range want {
		g := r.Accounts[i]
		if g.Actor != w.Actor {
			t.Fatalf("account %d is %q, want %q", i, g.Actor, w.Actor)
		}
		for _, line := range []struct {
			name      string
			got, want float64
		}{
			{"input", g.Input, w.Input}, {"revenue", g.Revenue, w.Revenue},
			{"purchases", g.Purchases, w.Purchases}, {"transport", g.Transport, w.Transport},
			{"external inputs", g.ExternalInputs, w.ExternalInputs},
			{"intermediate consumption", g.IntermediateConsumption, w.IntermediateConsumption},
			{"value added", g.ValueAdded, w.ValueAdded}, {"wages", g.Wages, w.Wages},
			{"interest", g.Interest, w.Interest}, {"taxes", g.Taxes, w.Taxes},
			{"depreciation", g.Depreciation, w.Depreciation}, {"rent", g.Rent, w.Rent},
			{"net operating profit", g.NetOperatingProfit, w.NetOperatingProfit},
		} {
			approx(t, w.Actor+" "+line.name, line.got, line.want)
		}
	}
	approx(t, "gin lint", r.Accounts[1].Output[0], 266)
	approx(t, "gin seed", r.Accounts[1].Output[1], 456)
	approx(t, "farm per-household value added", r.Accounts[0].PerUnit(r.Accounts[0].ValueAdded), 170)

	// Chain: VA 2870 = final sales 400 + 456 + 2660 = 3516 - X 512.8 - transport 133.2.
	tot := r.Totals
	approx(t, "total value added", tot.ValueAdded, 2870)
	approx(t, "final sales", tot.FinalSales, 3516)
	approx(t, "export sales", tot.ExportSales, 2660)
	approx(t, "domestic sales", tot.DomesticSales, 856)
	approx(t, "external inputs", tot.ExternalInputs, 512.8)
	approx(t, "transport", tot.Transport, 133.2)
	approx(t, "farm VA share", r.Accounts[0].VAShare, 1700.0/2870)
	approx(t, "gin VA share", r.Accounts[1].VAShare, 771.0/2870)
	approx(t, "exporter VA share", r.Accounts[2].VAShare, 399.0/2870)
	if err := r.Check(1e-9); err != nil {
		t.Error(err)
	}
}

// TestSmallChainMargins: the main channel ends at the exporter's 2660 of
// lint. Per kg of lint the exporter pays 8 and 0.2 transport; its margin
// is 10 - 8 - 0.2 = 1.8. The gin's value-allocated input per kg lint is
// p_lint / (0.35 p_lint + 0.6 p_seed) = 8 / 3.4 = 2.352941 kg received,
// so 2.352941 / 0.95 = 2.476780 kg shipped by farms at 2 = 4.953560, plus
// 0.1 x 2.476780 = 0.247678 transport; the gin's margin is
// 8 - 4.953560 - 0.247678 = 2.798762.
func TestSmallChainMargins(t *testing.T) {
	r := simulate(t, "testdata/small.toml")
	eq := 8 / 3.4 / 0.95
	want := []Stage{
		{Actor: "farm", Price: 2, Equivalent: eq, PriceFinal: 2 * eq, Margin: 2 * eq, Share: 2 * eq / 10},
		{Actor: "gin", Price: 8, Equivalent: 1, PriceFinal: 8, Transport: 0.1 * eq,
			Margin: 8 - 2*eq - 0.1*eq, Share: (8 - 2*eq - 0.1*eq) / 10, TransportShare: 0.1 * eq / 10},
		{Actor: "exporter", Price: 10, Equivalent: 1, PriceFinal: 10, Transport: 0.2, Margin: 1.8,
			Share: 0.18, TransportShare: 0.02},
	}
	if len(r.Margins) != len(want) {
		t.Fatalf("got %d stages, want %d: %+v", len(r.Margins), len(want), r.Margins)
	}
	var sum float64
	for i, w := range want {
		g := r.Margins[i]
		if g.Actor != w.Actor {
			t.Fatalf("stage %d is %q, want %q", i, g.Actor, w.Actor)
		}
		approx(t, w.Actor+" equivalent", g.Equivalent, w.Equivalent)
		approx(t, w.Actor+" price per final unit", g.PriceFinal, w.PriceFinal)
		approx(t, w.Actor+" transport", g.Transport, w.Transport)
		approx(t, w.Actor+" margin", g.Margin, w.Margin)
		approx(t, w.Actor+" share", g.Share, w.Share)
		approx(t, w.Actor+" transport share", g.TransportShare, w.TransportShare)
		sum += g.Share + g.TransportShare
	}
	approx(t, "sum of shares", sum, 1)
	approx(t, "producer share", r.Margins[0].Share, 0.4953560371517028)
}

// TestSmallChainLabour: farm tasks need 30 days, 5 by children and 25 by
// hired adults, half of them women; FTE = 30 / 250. Gin 1.33 days, exporter
// 0.266 days.
func TestSmallChainLabour(t *testing.T) {
	r := simulate(t, "testdata/small.toml")
	farm := r.Labour[0]
	approx(t, "farm need", farm.Need, 30)
	approx(t, "farm child days", farm.ChildDays, 5)
	approx(t, "farm hired days", farm.HiredDays, 25)
	approx(t, "farm female days", farm.FemaleDays, 12.5)
	approx(t, "farm FTE", farm.FTE, 0.12)
	approx(t, "gin days", r.Labour[1].AdultDays(), 1.33)
	approx(t, "exporter days", r.Labour[2].AdultDays(), 0.266)
	approx(t, "chain labour days", r.Totals.LabourDays, 31.596)
	approx(t, "chain FTE", r.Totals.FTE, 31.596/250)
}

// TestHouseholdChain works through testdata/household.toml. Per household:
// revenue 1000 x 1.5 = 1500, inputs 300, VA 1200; tasks need 300 days,
// family adults give 2 x 100 = 200, so 100 are hired at 10 and
// Y0 = 1200 - 1000 + 900 = 1100. Subsistence 500 x (1 + 0.7 + 0.5) = 1100.
// v = 0.4 x 10 / 8 = 0.5 an hour; M = 1100 + 0.5 x 40 x 10 = 1300;
// H - h = 0.4 x (1300 - 1100) / (0.5 x 10 x 1) = 16, h = 24 hours a week.
// Child days 24 x 10 / 8 = 30 (under the cap of 0.1 x 1000 + 0.2 x 0.5 x 1000
// = 200); income 1100 + 0.5 x 24 x 10 = 1220. Children's 30 days are worth
// 0.4 x 30 = 12 adult days, so 300 - 12 = 288 adult days: 200 family, 88
// hired: wages 880 a household. Four households: VA 4800, wages 3520,
// NOP 1280; 4 children in child labour, all hazardous (exposure 1),
// 4 x 24 x 10 = 960 hours.
func TestHouseholdChain(t *testing.T) {
	r := simulate(t, "testdata/household.toml")
	farm := r.Accounts[0]
	approx(t, "value added", farm.ValueAdded, 4800)
	approx(t, "wages", farm.Wages, 3520)
	approx(t, "net operating profit", farm.NetOperatingProfit, 1280)
	lab := r.Labour[0]
	approx(t, "family days", lab.FamilyDays, 800)
	approx(t, "hired days", lab.HiredDays, 352)
	approx(t, "child days", lab.ChildDays, 120)
	g := r.Groups[0]
	approx(t, "subsistence", g.Subsistence, 1100)
	approx(t, "mean Y0", g.MeanY0, 1100)
	approx(t, "mean income", g.MeanIncome, 1220)
	approx(t, "median income", g.Quantile(0.5), 1220)
	approx(t, "below poverty", g.BelowPoverty, 0)
	cl := r.ChildLabour[valuechain.Band5to11]
	approx(t, "children", cl.Children, 4)
	approx(t, "child labour", cl.ChildLabour, 4)
	approx(t, "hazardous", cl.Hazardous, 4)
	approx(t, "hours", cl.Hours, 960)
	if err := r.Check(1e-9); err != nil {
		t.Error(err)
	}
}

func TestPopulationDeterministic(t *testing.T) {
	a := NewDraws(1000, 0.4, 7, "farm")
	b := NewDraws(1000, 0.4, 7, "farm")
	c := NewDraws(1000, 0.4, 8, "farm")
	var sum, sq float64
	for i := range a.Scale {
		if a.Scale[i] != b.Scale[i] || a.Hazard[i] != b.Hazard[i] || a.Adopt[i] != b.Adopt[i] {
			t.Fatalf("draw %d differs for the same seed", i)
		}
		sum += a.Scale[i]
		sq += (a.Scale[i] - 1) * (a.Scale[i] - 1)
	}
	if a.Scale[0] == c.Scale[0] {
		t.Error("different seeds gave the same first draw")
	}
	approx(t, "mean scale", sum/1000, 1)
	// The sample sd of 1000 lognormal draws with sd 0.4 is within 0.1 of it.
	if sd := math.Sqrt(sq / 999); math.Abs(sd-0.4) > 0.1 {
		t.Errorf("scale sd = %v, want about 0.4", sd)
	}
}

// TestGroupPovertyLines: two groups of testdata/household.toml's farms, each
// on its own poverty line (the chain's is 500), worked from
// TestHouseholdChain's numbers (Y0 1,100, 2.2 adult equivalents, v 0.5, W
// 10, H 40). "farm", line 550: S = 1,210, M - S = 1,300 - 1,210 = 90,
// H - h = 0.4 x 90 / 5 = 7.2, h = 32.8; 41 child days, 16.4 adult days
// saved of the 100 hired: cash income 1,264, not poor. "farm2", line 620:
// S = 1,364 > M: the children work all 40 hours, 50 child days, 20 adult
// days saved, cash income 1,300 < 1,364: poor. The chain's share of poor
// households is 4 of 8.
func TestGroupPovertyLines(t *testing.T) {
	c := load(t, "testdata/household.toml")
	two := c.Actors[0]
	hh := *two.Household
	two.ID, two.Household = "farm2", &hh
	c.Actors = append(c.Actors, two)
	c.Links = append(c.Links, valuechain.Link{From: "farm2", To: "trader", Share: 1})
	c.Actors[0].Household.PovertyLine = 550
	c.Actors[2].Household.PovertyLine = 620
	r, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(1e-9); err != nil {
		t.Fatal(err)
	}
	for k, w := range []struct{ line, s, hours, cash, poor float64 }{
		{550, 1210, 32.8, 1264, 0}, {620, 1364, 40, 1300, 1},
	} {
		g := r.Groups[k]
		approx(t, g.Actor+" line", g.PovertyLine, w.line)
		approx(t, g.Actor+" subsistence", g.Subsistence, w.s)
		approx(t, g.Actor+" hours", g.Hours[0][0], w.hours)
		approx(t, g.Actor+" cash income", g.MeanIncome, w.cash)
		approx(t, g.Actor+" poor", g.BelowPoverty, w.poor)
	}
	approx(t, "chain's poor", r.Totals.BelowPoverty, 0.5)
}
