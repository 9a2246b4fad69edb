// Package vca4dresults writes vcsim results as VCA4D studies (Export) and
// compares an imported study with vcsim's run of it (Reconcile). It sits
// above model, so that valuechain/vca4d, which reads studies into chains,
// imports nothing above valuechain.
package vca4dresults

import (
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
)

// Final-demand actors written by Export.
const (
	DomesticMarket = "Domestic market"
	ExportMarket   = "Export market"
)

// Export writes a result of a vcsim chain (a baseline, or a scenario's
// year) as a VCA4D study in the dashboard's layout. Aggregates are divided
// by the chain's currency ratio (1 unless it was imported from a study).
// Each actor's flows are written product by product, so that Import reads
// them back into the same chain. Children's days are not employment in the
// VCA4D sense and are left out of it.
func Export(r *model.Result) *vca4d.Study {
	c := r.Chain
	cr := 1.0
	s := &vca4d.Study{ID: vca4d.Slug(c.Name), Country: c.Country, Commodity: c.Name, Year: c.BaseYear,
		LocalCurrency: c.Currency, TargetCurrency: c.Currency, Type: "eco"}
	if c.Study != nil {
		s.ID, s.Country, s.Commodity = c.Study.ID, c.Study.Country, c.Study.Commodity
		if c.Study.LocalCurrency != "" {
			s.LocalCurrency = c.Study.LocalCurrency
		}
		if c.Study.CurrencyRatio > 0 {
			cr = c.Study.CurrencyRatio
		}
	}
	s.CurrencyRatio = cr
	e := &s.EcoData
	e.MacroData = map[string]any{"FTE_Definition": c.FTE()}
	stages := map[string]bool{}
	for i := range c.Actors {
		a, acc, lab := &c.Actors[i], &r.Accounts[i], &r.Labour[i]
		if !stages[a.Stage] {
			stages[a.Stage] = true
			e.Stages = append(e.Stages, vca4d.Stage{Name: a.Stage, Index: len(e.Stages)})
		}
		count, va, nop := a.Count, acc.ValueAdded/cr, acc.NetOperatingProfit/cr
		costs := (acc.Revenue - acc.NetOperatingProfit) / cr
		taxes := acc.Taxes / cr
		female := lab.FemaleDays / c.FTE()
		e.Actors = append(e.Actors, vca4d.Actor{
			Name: a.DisplayName(), Stage: a.Stage, ID: i, NumberOfActors: &count, DirectAddedValue: &va,
			NetOperatingProfit: &nop, TotalCosts: &costs, PublicFundsBalance: &taxes, ReceivedAddedValue: nop,
			Employment: &vca4d.Employment{UnskilledFemale: female, UnskilledMale: lab.AdultDays()/c.FTE() - female},
		})
		e.AddedValue.EmployeeWages += acc.Wages / cr
		e.AddedValue.FinancialInstitutionsInterests += acc.Interest / cr
		e.AddedValue.Government += acc.Taxes / cr
		e.AddedValue.Depreciation += acc.Depreciation / cr
		e.AddedValue.LandOwnersFees += acc.Rent / cr
	}
	markets := map[string]bool{}
	for i := range c.Actors {
		e.Flows = append(e.Flows, actorFlows(r, i, markets)...)
	}
	for _, m := range []string{DomesticMarket, ExportMarket} {
		if markets[m] {
			e.Actors = append(e.Actors, vca4d.Actor{Name: m, Stage: "End use", ID: len(e.Actors)})
		}
	}
	for _, f := range r.Finals {
		if f.Market == valuechain.Export {
			e.ImportExport.Export = append(e.ImportExport.Export, vca4d.Trade{Label: f.Product, ImportExport: "Export", Amount: f.Value / cr})
		}
	}
	e.ImportExport.Import = []vca4d.Trade{}
	if e.ImportExport.Export == nil {
		e.ImportExport.Export = []vca4d.Trade{}
	}
	e.FarmToFinalPricesRatio = []vca4d.PriceRatio{}
	for _, p := range c.PriceRatios {
		e.FarmToFinalPricesRatio = append(e.FarmToFinalPricesRatio, vca4d.PriceRatio{Label: p.Label, FarmPrice: p.FarmPrice,
			FarmProduct: p.FarmProduct, EndPrice: p.EndPrice, EndProducts: p.EndProduct})
	}
	return s
}

// actorFlows writes the flows of actor i, product by product: its links,
// then its final sales to the market actors (noted in markets).
func actorFlows(r *model.Result, i int, markets map[string]bool) []vca4d.Flow {
	c := r.Chain
	a := &c.Actors[i]
	var out []vca4d.Flow
	for p, prod := range a.Outputs() {
		pname := prod.ID
		if pname == "" {
			pname = a.ID
		}
		for li, l := range c.Links {
			if l.From != a.ID || a.ProductIndex(l.Product) != p {
				continue
			}
			f := r.Flows[li]
			buyer, _ := c.Actor(l.To)
			out = append(out, vca4d.Flow{Seller: a.DisplayName(), Buyer: buyer.DisplayName(), Volume: f.Shipped, MonetaryValue: f.Value,
				UnitPrice: f.Price, VolumeUnit: prod.Unit, Product: pname})
		}
		for _, fs := range r.Finals {
			if fs.Actor != a.ID || a.ProductIndex(fs.Product) != p || fs.Volume <= 0 {
				continue
			}
			m := DomesticMarket
			if fs.Market == valuechain.Export {
				m = ExportMarket
			}
			markets[m] = true
			out = append(out, vca4d.Flow{Seller: a.DisplayName(), Buyer: m, Volume: fs.Volume, MonetaryValue: fs.Value,
				UnitPrice: fs.Price, VolumeUnit: prod.Unit, Product: pname})
		}
	}
	return out
}
