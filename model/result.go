package model

import (
	"context"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Result is one year of a chain: flows, accounts, margins, labour,
// households and child labour. Slices indexed by actor follow the order of
// the chain file.
type Result struct {
	Chain    *valuechain.Chain
	Order    []int // actor indices, sellers before buyers
	Accounts []Account
	Labour   []Labour
	Flows    []Flow  // one per link, in file order
	inflows  [][]int // links into each actor, for the price build-up
	// aggregatesOnly: households' own incomes and hours are not kept.
	aggregatesOnly bool
	book           *choiceBook // the school choices of years before (Options.book)
	Finals         []FinalSale
	Margins        []Stage
	Groups         []Group // one per household actor, in file order
	// Hired holds the children hired from outside the household groups,
	// one per actor that hires children (child_share), in file order.
	Hired  []Hired
	Totals Totals
	// ChildLabour totals the children by band: the household groups' and
	// the hired children of every actor.
	ChildLabour [nb]Children
	// Measures holds the reach and cost of each measure of the policy.
	Measures []MeasureResult

	ctx context.Context // stops the households' chunks when done (Options.Context)

	// History holds the tracked groups' household states this year, for
	// prevention next year (Options.Track; nil when none is tracked).
	History *History
	track   []string
	before  *History
}

// tracks reports whether the households of actor id are tracked.
func (r *Result) tracks(id string) bool {
	for _, t := range r.track {
		if t == id {
			return true
		}
	}
	return false
}

// Account is the account of one actor type for the year, in money
// (FAO VCA-Tool / VCA4D vocabulary, docs/model.md section 3).
type Account struct {
	Actor, Name, Kind, Stage string
	Count                    float64
	Input                    float64   // volume received after transit losses
	Output                   []float64 // volume made, per product (Actor.Outputs order)

	Revenue                 float64
	Purchases               float64 // from other actors of the chain
	Transport               float64 // transport paid on purchases
	ExternalInputs          float64 // costs x output + fixed costs x count
	IntermediateConsumption float64 // Purchases + Transport + ExternalInputs
	ValueAdded              float64
	Wages                   float64 // hired labour
	Interest                float64
	Taxes                   float64 // net of subsidies
	Depreciation            float64
	Rent                    float64
	NetOperatingProfit      float64
	VAShare                 float64 // share of the chain's value added
}

// PerUnit returns x per household or firm of the account.
func (a *Account) PerUnit(x float64) float64 { return x / a.Count }

// Labour is one actor type's labour for the year, in days.
type Labour struct {
	Actor      string
	Need       float64 // adult-equivalent days the tasks need
	FamilyDays float64 // household adults' own days
	HiredDays  float64 // hired adults' days
	ChildDays  float64 // children's days
	FemaleDays float64 // adult days worked by women (when female_share is given)
	FTE        float64 // (adult + child days) / fte_days
}

// AdultDays returns family and hired adult days.
func (l *Labour) AdultDays() float64 { return l.FamilyDays + l.HiredDays }

// Flow is the product carried by one link.
type Flow struct {
	From, To, Product string
	Shipped           float64 // volume leaving the seller
	Received          float64 // volume reaching the buyer
	Price             float64
	Value             float64 // Shipped x Price
	Transport         float64 // Shipped x transport_cost, paid by the buyer
	Services          float64 // Shipped x the fees of the link's services, paid by the buyer to them
}

// FinalSale is the part of an actor's product sold to final demand.
type FinalSale struct {
	Actor, Product, Market string
	Volume, Price, Value   float64
}

// Stage is one step of the price build-up along the main channel, every
// price expressed per unit of the final product (docs/model.md section 3, Shepherd).
type Stage struct {
	Actor, Product, Unit string
	UnitRU               string  // the unit in Russian, when the chain gives it
	Price                float64 // per unit of the actor's own product
	Equivalent           float64 // units of the actor's product in one final unit
	PriceFinal           float64 // Price x Equivalent
	Transport            float64 // transport paid to reach this actor, per final unit
	// Services is what the stage pays services (porters, transporters) on
	// the link it buys on, per final unit: a cost of the stage, like Transport.
	Services      float64
	ServicesShare float64 // Services / final price
	// Purchase is what the first stage pays outside the chain per final
	// unit (its purchase_price): 0 for a producer and for later stages.
	Purchase       float64
	Margin         float64 // PriceFinal - previous PriceFinal (or Purchase) - Transport
	Share          float64 // Margin / final price (the producer's share for the first stage of a producer)
	PurchaseShare  float64 // Purchase / final price
	TransportShare float64
}

// ProducerShare returns the producer's share of the final price: the first
// stage's price per final unit over the final price, and true, when the
// main channel starts with a producer; 0 and false when it starts with an
// actor that buys from outside the chain (an importer, a trader: its
// margin is its price less its purchase, and there is no producer to
// speak of) or when there is no price build-up.
func (r *Result) ProducerShare() (float64, bool) {
	if len(r.Margins) == 0 || r.Margins[0].Purchase > 0 {
		return 0, false
	}
	return r.Margins[0].Share, true
}

// UnitIn returns the stage's unit in the language lang: UnitRU in Russian
// when it is given, else Unit.
func (s *Stage) UnitIn(l lang.Lang) string {
	p := valuechain.Product{Unit: s.Unit, UnitRU: s.UnitRU}
	return p.UnitIn(l)
}

// Children counts children of one band (per household group or in total).
type Children struct {
	Children    float64 // all children
	Working     float64 // working at least an hour a week
	ChildLabour float64
	Hazardous   float64 // in hazardous child labour
	Hours       float64 // hours a year worked by children in child labour
	WeeklyHours float64 // weekly hours of all working children, summed
	Girls       Sex     // when the group gives sex
	Boys        Sex
	School      Schooled // enrolment and the four-way table, when the group has schooling
}

// Sex counts children of one sex.
type Sex struct {
	Children, Working, ChildLabour, Hazardous float64
	Hours                                     float64 // hours a year worked by those in child labour
	Enrolled                                  float64 // enrolled in school, when the group has schooling
}

// Add adds the counts of o to c.
func (c *Children) Add(o *Children) {
	c.Children += o.Children
	c.Working += o.Working
	c.ChildLabour += o.ChildLabour
	c.Hazardous += o.Hazardous
	c.Hours += o.Hours
	c.WeeklyHours += o.WeeklyHours
	c.Girls.add(o.Girls)
	c.Boys.add(o.Boys)
	c.School.add(&o.School)
}

func (s *Sex) add(o Sex) {
	s.Children += o.Children
	s.Working += o.Working
	s.ChildLabour += o.ChildLabour
	s.Hazardous += o.Hazardous
	s.Hours += o.Hours
	s.Enrolled += o.Enrolled
}

// Group is the result for the households of one household actor.
type Group struct {
	Actor string
	// ChainRation is the share of its offer each household's children
	// work for the actors that hire the group's children (supplied_by,
	// supplied.go): 1 when they need all the group offers, 0 when none
	// hires them.
	ChainRation  float64
	Households   int
	PovertyLine  float64       // the group's poverty line per adult equivalent (its own or the chain's)
	Subsistence  float64       // poverty line x adult equivalents, per household
	Income       []float64     // per household: cash income (docs/model.md section 4)
	Weights      []float64     // households each stands for (nil: one each)
	Hours        [][nb]float64 // per household: weekly hours of its children by band
	MeanIncome   float64       // mean cash income
	MeanFull     float64       // mean full income: cash and the value of freed family time
	MeanY0       float64       // mean income without child work
	BelowPoverty float64       // share of households whose cash income is under Subsistence
	// Cash holds the group's cash income and its parts, summed over the
	// households.
	Cash      CashIncome
	ByBand    [nb]Children
	BySex     bool
	ChildDays float64
	ChildAE   float64 // children's days in adult equivalents
	// AdultSupply is the days the group's adults offer: adults x (adult
	// days + off-farm days) x households.
	AdultSupply float64
}

// CashIncome is a household group's income summed over its households,
// part by part (docs/model.md section 4, "Income from the accounts").
type CashIncome struct {
	Total        float64 // cash income
	NOP          float64 // net operating profit, household by household
	OffFarm      float64 // adults' off-farm wages
	ChildChain   float64 // children's wages from actors of the chain
	ChildOutside float64 // children's wages from outside the chain
	Other        float64 // other income
	Transfers    float64 // transfers, conditional transfers and premiums
	Full         float64 // full income: cash and the value of freed family time
	Weight       float64 // households counted
	// Uses is the children's work by use, in adult-equivalent days.
	Uses [NumUses]float64
}

// Totals is the consolidated account of the chain.
type Totals struct {
	FinalSales, DomesticSales, ExportSales float64
	ExternalInputs, Transport              float64
	Purchases                              float64
	ValueAdded, Wages, Interest, Taxes     float64
	Depreciation, Rent, NetOperatingProfit float64
	LabourDays, ChildDays, FTE             float64
	Households                             int
	BelowPoverty                           float64 // share of all households
}

// ChildTotal sums the children over the bands.
func (r *Result) ChildTotal() Children {
	var t Children
	for b := range r.ChildLabour {
		t.Add(&r.ChildLabour[b])
	}
	return t
}
