package model

import "testing"

// TestPriceBuildUpFromFirstPricePaid works testdata/import.toml by hand.
// The importers ship 2 x 500 = 1,000 kg, bought abroad at 80, to the
// retailers at 100 (transport 5 a kg, paid by the retailers), who sell at
// 130. Importer: X = (80 + 2) x 1,000 = 82,000, VA = 100,000 - 82,000 =
// 18,000; retail: IC = 100,000 + 5,000, VA = 130,000 - 105,000 = 25,000;
// chain VA 43,000 = final sales 130,000 - X 82,000 - transport 5,000.
// Build-up per kg: bought at 80 (80/130 of the final price); the
// importer's margin is 100 - 80 = 20 (not 100: it is not a producer);
// retail 130 - 100 - 5 = 25. No producer share. The same chain with the
// purchase given as an ordinary cost item has the same accounts, but the
// importer is then taken for the producer: margin 100, share 100/130.
func TestPriceBuildUpFromFirstPricePaid(t *testing.T) {
	c := load(t, "testdata/import.toml")
	r, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(1e-9); err != nil {
		t.Fatal(err)
	}
	approx(t, "importer external inputs", r.Accounts[0].ExternalInputs, 82000)
	approx(t, "importer VA", r.Accounts[0].ValueAdded, 18000)
	approx(t, "retail VA", r.Accounts[1].ValueAdded, 25000)
	approx(t, "chain VA", r.Totals.ValueAdded, 43000)
	if len(r.Margins) != 2 {
		t.Fatalf("%d stages, want 2", len(r.Margins))
	}
	imp, ret := r.Margins[0], r.Margins[1]
	approx(t, "purchase", imp.Purchase, 80)
	approx(t, "purchase share", imp.PurchaseShare, 80.0/130)
	approx(t, "importer margin", imp.Margin, 20)
	approx(t, "importer share", imp.Share, 20.0/130)
	approx(t, "retail transport", ret.Transport, 5)
	approx(t, "retail margin", ret.Margin, 25)
	approx(t, "shares add up", imp.PurchaseShare+imp.Share+ret.Share+ret.TransportShare, 1)
	if ps, ok := r.ProducerShare(); ok {
		t.Errorf("producer share %v said for a chain whose first stage buys abroad", ps)
	}

	// The purchase as a cost item: same accounts, the importer is the producer.
	c.Actors[0].PurchasePrice = 0
	c.Actors[0].Costs["goods"] = 80
	r2, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "same chain VA", r2.Totals.ValueAdded, 43000)
	approx(t, "importer as producer: margin", r2.Margins[0].Margin, 100)
	ps, ok := r2.ProducerShare()
	if !ok {
		t.Fatal("no producer share for a chain that starts with a producer")
	}
	approx(t, "producer share", ps, 100.0/130)
}
