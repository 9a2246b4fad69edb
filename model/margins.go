package model

// priceBuildUp follows the main channel back from the final sale of
// largest value, taking at each actor the incoming link of largest value,
// and expresses every price per unit of the final product (Shepherd, FAO
// marketing-costs guide). At an actor with joint products the input is
// shared among its products in proportion to their value (each product's
// volume x average realised price), so a ginnery's seed-cotton cost is
// charged to lint only for lint's share of the ginnery's output value.
func (r *Result) priceBuildUp() []Stage {
	c := r.Chain
	if len(r.Finals) == 0 {
		return nil
	}
	last := 0
	for k, f := range r.Finals {
		if f.Value > r.Finals[last].Value {
			last = k
		}
	}
	fin := r.Finals[last]
	_, ai := c.Actor(fin.Actor)
	prod := c.Actors[ai].ProductIndex(fin.Product)
	// Walk upstream, collecting stages final-first.
	stages := []Stage{{
		Actor: fin.Actor, Product: fin.Product, Unit: c.Actors[ai].Outputs()[prod].Unit, UnitRU: c.Actors[ai].Outputs()[prod].UnitRU,
		Price: fin.Price, Equivalent: 1,
	}}
	seen := map[int]bool{ai: true}
	for {
		li := r.largestInflow(ai)
		if li < 0 {
			break
		}
		f := &r.Flows[li]
		l := &c.Links[li]
		cur := &stages[len(stages)-1]
		// Input received per unit of the current product, value-allocated.
		per := r.inputPerUnit(ai, prod)
		eq := cur.Equivalent * per / (1 - l.Loss)
		cur.Transport = l.TransportCost * eq
		for _, id := range l.Services {
			s, _ := c.Actor(id)
			cur.Services += s.Fee * eq
		}
		_, up := c.Actor(l.From)
		if seen[up] {
			break
		}
		seen[up] = true
		ua := &c.Actors[up]
		upProd := ua.ProductIndex(l.Product)
		stages = append(stages, Stage{
			Actor: ua.ID, Product: l.Product, Unit: ua.Outputs()[upProd].Unit, UnitRU: ua.Outputs()[upProd].UnitRU,
			Price: f.Price, Equivalent: eq,
		})
		ai, prod = up, upProd
	}
	// Reverse to farm-first and compute margins.
	for i, j := 0, len(stages)-1; i < j; i, j = i+1, j-1 {
		stages[i], stages[j] = stages[j], stages[i]
	}
	final := fin.Price
	// The first price paid: what the first stage pays outside the chain
	// (an importer's purchase), per final unit; 0 for a producer.
	prev := 0.0
	if first := &c.Actors[ai]; first.PurchasePrice > 0 {
		s := &stages[0] // farm-first by now
		s.Purchase = r.purchasePerUnit(ai, prod) * s.Equivalent
		prev = s.Purchase
		if final != 0 {
			s.PurchaseShare = s.Purchase / final
		}
	}
	for k := range stages {
		s := &stages[k]
		s.PriceFinal = s.Price * s.Equivalent
		s.Margin = s.PriceFinal - prev - s.Transport - s.Services
		if final != 0 {
			s.Share = s.Margin / final
			s.TransportShare = s.Transport / final
			s.ServicesShare = s.Services / final
		}
		prev = s.PriceFinal
	}
	return stages
}

// purchasePerUnit returns what actor i pays outside the chain per unit of
// its product p: purchase_price is per unit of the main product, and at
// joint products the purchase is shared by value like an input.
func (r *Result) purchasePerUnit(i, p int) float64 {
	a := &r.Chain.Actors[i]
	// purchase_price x conversion is the purchase per unit of base volume
	// (count x output_per_unit); one unit of p carries inputPerUnit of it.
	return a.PurchasePrice * a.Outputs()[0].Conv() * r.inputPerUnit(i, p)
}

// largestInflow returns the index of the link of largest value into actor
// i, or -1 when it buys nothing.
func (r *Result) largestInflow(i int) int {
	if r.inflows == nil {
		// The links into each actor, found once: the walk up the main
		// channel visits every stage, so a scan per stage is quadratic.
		r.inflows = make([][]int, len(r.Chain.Actors))
		for li, l := range r.Chain.Links {
			_, to := r.Chain.Actor(l.To)
			r.inflows[to] = append(r.inflows[to], li)
		}
	}
	best := -1
	for _, li := range r.inflows[i] {
		if best < 0 || r.Flows[li].Value > r.Flows[best].Value {
			best = li
		}
	}
	return best
}

// inputPerUnit returns the input received by actor i that one unit of its
// product p carries: 1/conversion for a single product, and for joint
// products price_p / sum_q conversion_q price_q, with average realised
// prices (so the input is shared by value).
func (r *Result) inputPerUnit(i, p int) float64 {
	a := &r.Chain.Actors[i]
	prods := a.Outputs()
	if len(prods) == 1 {
		return 1 / prods[0].Conv()
	}
	prices := r.realisedPrices(i)
	var v float64
	for q := range prods {
		v += prods[q].Conv() * prices[q]
	}
	if v == 0 {
		return 1 / prods[p].Conv() / float64(len(prods))
	}
	return prices[p] / v
}

// realisedPrices returns each product's revenue per unit made.
func (r *Result) realisedPrices(i int) []float64 {
	a := &r.Chain.Actors[i]
	acc := &r.Accounts[i]
	prods := a.Outputs()
	rev := make([]float64, len(prods))
	for li, l := range r.Chain.Links {
		if l.From == a.ID {
			rev[a.ProductIndex(l.Product)] += r.Flows[li].Value
		}
	}
	for _, f := range r.Finals {
		if f.Actor == a.ID {
			rev[a.ProductIndex(f.Product)] += f.Value
		}
	}
	for q := range rev {
		if acc.Output[q] > 0 {
			rev[q] /= acc.Output[q]
		} else {
			rev[q] = prods[q].Price
		}
	}
	return rev
}
