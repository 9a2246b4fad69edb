package model

import (
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// TestPorterService works testdata/porters.toml by hand. The wholesaler
// ships 10,000 kg at 10 to the stalls, who sell at 14; the porters carry
// the 10,000 kg for 0.5 a kg, paid by the stalls.
//
//	wholesale: R 100,000, X 6 x 10,000 = 60,000, VA 40,000
//	porters:   R 0.5 x 10,000 = 5,000, X 0.1 x 10,000 = 1,000, VA 4,000
//	           (fees less their own costs); 0.01 x 10,000 = 100 days at
//	           10 = wages 1,000, NOP 3,000
//	stalls:    R 140,000, P 100,000 + 5,000 fees = 105,000, VA 35,000
//	chain:     VA 79,000 = final sales 140,000 - X 61,000
//
// Without anyone carrying, the stalls' VA would be 40,000: it falls by the
// fees. Were the stalls to carry themselves at the porters' cost (carts
// 0.1 a kg, the same 100 days), their VA would be 39,000 and the chain's
// the same 79,000: the service moves value added, it does not add any.
// Price build-up per kg: wholesale 10 (the producer's share 10/14); stalls
// 14 - 10 - 0.5 of services = 3.5.
func TestPorterService(t *testing.T) {
	c := load(t, "testdata/porters.toml")
	r, err := Simulate(c, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(1e-9); err != nil {
		t.Fatal(err)
	}
	ws, st, po := &r.Accounts[0], &r.Accounts[1], &r.Accounts[2]
	approx(t, "wholesale VA", ws.ValueAdded, 40000)
	approx(t, "porters' revenue (fee x volume)", po.Revenue, 5000)
	approx(t, "porters' external inputs", po.ExternalInputs, 1000)
	approx(t, "porters' VA (fees - own costs)", po.ValueAdded, 4000)
	approx(t, "porters' days", r.Labour[2].Need, 100)
	approx(t, "porters' wages", po.Wages, 1000)
	approx(t, "porters' NOP", po.NetOperatingProfit, 3000)
	approx(t, "stalls' purchases with the fees", st.Purchases, 105000)
	approx(t, "stalls' intermediate consumption", st.IntermediateConsumption, 105000)
	approx(t, "stalls' VA", st.ValueAdded, 35000)
	approx(t, "chain VA", r.Totals.ValueAdded, 79000)
	approx(t, "sum of actors' VA", ws.ValueAdded+st.ValueAdded+po.ValueAdded, r.Totals.ValueAdded)
	approx(t, "final sales", r.Totals.FinalSales, 140000)
	if len(r.Finals) != 1 {
		t.Errorf("%d final sales, want the stalls' only (a service sells no product): %+v", len(r.Finals), r.Finals)
	}
	if len(r.Margins) != 2 {
		t.Fatalf("%d stages, want 2 (a service is no stage): %+v", len(r.Margins), r.Margins)
	}
	approx(t, "stalls' services per kg", r.Margins[1].Services, 0.5)
	approx(t, "stalls' margin", r.Margins[1].Margin, 3.5)
	approx(t, "shares add up", r.Margins[0].Share+r.Margins[1].Share+r.Margins[1].ServicesShare+r.Margins[1].TransportShare, 1)
	if ps, ok := r.ProducerShare(); !ok || !near(ps, 10.0/14, 1e-12) {
		t.Errorf("producer share %v %v, want 10/14", ps, ok)
	}

	// Nobody carries: the stalls' VA is 40,000, 5,000 more than with the fees.
	none := c.Clone()
	none.Actors = none.Actors[:2]
	none.Links[0].Services = nil
	r0, err := Simulate(none, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "stalls' VA without porterage", r0.Accounts[1].ValueAdded, 40000)
	approx(t, "the fees", r0.Accounts[1].ValueAdded-st.ValueAdded, 5000)

	// The stalls carry themselves at the porters' cost: the chain's VA is unchanged.
	self := none.Clone()
	self.Actors[1].Costs = map[string]float64{"carts": 0.1}
	self.Actors[1].Tasks = []valuechain.Task{{Name: "carrying", DaysPerUnit: 0.01, Hazardous: true}}
	r1, err := Simulate(self, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r1.Check(1e-9); err != nil {
		t.Fatal(err)
	}
	approx(t, "stalls' VA carrying themselves", r1.Accounts[1].ValueAdded, 39000)
	approx(t, "chain VA, carrying themselves", r1.Totals.ValueAdded, r.Totals.ValueAdded)
}
