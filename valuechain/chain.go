// Package valuechain holds the description of a value chain: its actors,
// the products they make, the links that carry products between them, the
// tasks their work is made of and the composition of household actors.
//
// A chain is read from a TOML file with Load (or Parse) and checked with
// Validate. The keys of the file are the `toml` tags of the types below;
// docs/chain-format.md explains them one by one. The equations that turn a
// chain into accounts, flows and child-labour counts live in package model.
package valuechain

import (
	"strings"
	"sync/atomic"

	"github.com/ilo-rma/vcsim/lang"
)

// Actor kinds.
const (
	Household  = "household"
	Enterprise = "enterprise"
	// Service is an actor that sells a service (porterage, transport,
	// processing on commission) to the buyers of the links it serves, for a
	// fee per unit of the product handled: it makes and sells no product
	// and is no node of the product flows (docs/model.md section 3).
	Service = "service"
)

// Final markets.
const (
	Domestic = "domestic"
	Export   = "export"
)

// Age bands of children, in the order used by every [3]float64 in this package.
const (
	Band5to11 = iota
	Band12to14
	Band15to17
	NumBands
)

// BandNames are the labels of the age bands.
var BandNames = [NumBands]string{"5-11", "12-14", "15-17"}

// Chain is a value chain: metadata, chain-wide parameters, actors and links.
type Chain struct {
	Name        string `toml:"name,omitempty,omitzero"`
	NameRU      string `toml:"name_ru,omitempty,omitzero"` // the name in Russian (charts, tables and report in Russian)
	Country     string `toml:"country,omitempty,omitzero"`
	Region      string `toml:"region,omitempty,omitzero"`
	Description string `toml:"description,omitempty,omitzero"`
	// DescriptionRU is the description in Russian (vcsim examples --lang ru,
	// the page's list of examples).
	DescriptionRU string   `toml:"description_ru,omitempty,omitzero"`
	Currency      string   `toml:"currency,omitempty,omitzero"`
	BaseYear      int      `toml:"base_year,omitempty,omitzero"`
	Sources       []string `toml:"sources,omitempty,omitzero"`

	// Horizon is the number of scenario years (default 5).
	Horizon int `toml:"horizon,omitempty,omitzero"`
	// DiscountRate discounts money of year t by (1+r)^t.
	DiscountRate float64 `toml:"discount_rate,omitempty,omitzero"`
	// PovertyLine is income per adult equivalent per year.
	PovertyLine float64 `toml:"poverty_line,omitempty,omitzero"`
	// AdultWage is the default daily wage of hired adults.
	AdultWage float64 `toml:"adult_wage,omitempty,omitzero"`
	// HoursPerDay converts days of work to hours (default 8).
	HoursPerDay float64 `toml:"hours_per_day,omitempty,omitzero"`
	// FTEDays is the number of working days in one full-time equivalent (default 250).
	FTEDays float64 `toml:"fte_days,omitempty,omitzero"`
	// ChildProductivity is gamma_b: a child's productivity relative to an
	// adult, by age band (default 0.5, 0.7, 0.9).
	ChildProductivity *[NumBands]float64 `toml:"child_productivity,omitempty"`
	// Equivalence is the adult-equivalence scale (default OECD: 1, 0.7, 0.5).
	Equivalence *Equivalence `toml:"equivalence,omitempty"`
	// LabourMarket is "open" (fixed wage, default) or "local".
	LabourMarket string `toml:"labour_market,omitempty,omitzero"`
	// LabourDemand is L_D0, the adult-equivalent days demanded at the adult
	// wage (default: what households supply at it). DemandElasticity is
	// the elasticity of demand to the wage (default 0.5). Both are used
	// only with a local labour market.
	LabourDemand     float64 `toml:"labour_demand,omitempty,omitzero"`
	DemandElasticity float64 `toml:"demand_elasticity,omitempty,omitzero"`

	// Study names the published study the chain was imported from.
	Study *StudyRef `toml:"study,omitempty"`
	// PriceRatios are published farm-to-final price comparisons.
	PriceRatios []PriceRatio `toml:"price_ratio,omitempty,omitzero"`

	Actors []Actor `toml:"actor,omitempty,omitzero"`
	Links  []Link  `toml:"link,omitempty,omitzero"`

	// Economic gives the shadow values of the economic analysis (policy
	// analysis matrix); nil: market prices.
	Economic *Economic `toml:"economic,omitempty"`

	// Correlate lists rank correlations between uncertain numbers.
	Correlate []Correlation `toml:"correlate,omitempty"`
	// Uncertain lists the numbers the file gave as distributions (their
	// fields hold the central values). It is not a key of the file.
	Uncertain []Uncertain `toml:"-"`

	// pos gives the line of each key of the file the chain was read from.
	pos Positions
	// cells gives the cell of each key of the workbook the chain was read
	// from (nil for a text file).
	cells map[string]string
	// index caches actor id -> index for Actor; shared by copies of the
	// chain and checked on every hit, so a copy with other actors is
	// never misled.
	index *actorIndex
}

type actorIndex struct {
	ids atomic.Pointer[map[string]int]
}

// Positions returns the lines of the keys of the file the chain was read
// from (nil for a chain built in code).
func (c *Chain) Positions() Positions { return c.pos }

// SetCells records the cells ("Actors!E5") of the keys ("actor.2.price")
// of the workbook the chain was read from, for later messages.
func (c *Chain) SetCells(cells map[string]string) { c.cells = cells }

// Cell returns the workbook cell of a key's path, or "" for a chain not
// read from a workbook or a path with no cell of its own.
func (c *Chain) Cell(path string) string { return c.cells[path] }

// StudyRef names a published value-chain study.
type StudyRef struct {
	Source        string  `toml:"source,omitempty,omitzero"` // e.g. "VCA4D"
	ID            string  `toml:"id,omitempty,omitzero"`
	Country       string  `toml:"country,omitempty,omitzero"`
	Commodity     string  `toml:"commodity,omitempty,omitzero"`
	LocalCurrency string  `toml:"local_currency,omitempty,omitzero"`
	CurrencyRatio float64 `toml:"currency_ratio,omitempty,omitzero"` // the study's aggregates are in units of this many currency units
}

// PriceRatio is a published comparison of a farm price with a final price.
type PriceRatio struct {
	Label       string  `toml:"label,omitempty,omitzero"`
	FarmProduct string  `toml:"farm_product,omitempty,omitzero"`
	FarmPrice   float64 `toml:"farm_price,omitempty,omitzero"`
	EndProduct  string  `toml:"end_product,omitempty,omitzero"`
	EndPrice    float64 `toml:"end_price,omitempty,omitzero"`
}

// Equivalence is an adult-equivalence scale.
type Equivalence struct {
	FirstAdult float64 `toml:"first_adult,omitempty,omitzero"`
	OtherAdult float64 `toml:"other_adult,omitempty,omitzero"`
	Child      float64 `toml:"child,omitempty,omitzero"`
}

// Actor is one type of actor in the chain (all dekhan farm households, all
// ginneries...), counted by Count.
type Actor struct {
	ID     string `toml:"id,omitempty,omitzero"`
	Name   string `toml:"name,omitempty,omitzero"`
	NameRU string `toml:"name_ru,omitempty,omitzero"` // the name in Russian
	Kind   string `toml:"kind,omitempty,omitzero"`    // Household, Enterprise or Service
	Stage  string `toml:"stage,omitempty,omitzero"`   // input, production, collection, processing, trade, export, retail
	// Count is the number of households or firms of this type.
	Count float64 `toml:"count,omitempty,omitzero"`

	// Unit, Price, Conversion and FinalMarket describe the actor's single
	// product; an actor with joint products lists them in Products instead.
	Unit        string    `toml:"unit,omitempty,omitzero"`
	UnitRU      string    `toml:"unit_ru,omitempty,omitzero"` // the unit, which names the product, in Russian
	Price       float64   `toml:"price,omitempty,omitzero"`
	Conversion  *float64  `toml:"conversion,omitempty"`
	FinalMarket string    `toml:"final_market,omitempty,omitzero"`
	Products    []Product `toml:"product,omitempty,omitzero"`

	// OutputPerUnit is the output of one household or firm of a primary
	// producer (an actor with no incoming link).
	OutputPerUnit float64 `toml:"output_per_unit,omitempty,omitzero"`

	// Costs are external intermediate inputs per unit of the main product.
	Costs map[string]float64 `toml:"costs,omitempty,omitzero"`
	// FixedCosts are external inputs per household or firm per year.
	FixedCosts float64 `toml:"fixed_costs,omitempty,omitzero"`
	// Fee is what a service actor is paid per unit of product it handles on
	// the links that name it in their services, by the buyer of the link.
	Fee float64 `toml:"fee,omitempty,omitzero"`
	// PurchasePrice is what a primary actor that buys from outside the
	// chain (an importer, a trader) pays per unit of its main product: an
	// external input, and the first price of the price build-up, so that
	// its margin is its price less its purchase and it is not taken for
	// the producer (docs/model.md section 3).
	PurchasePrice float64 `toml:"purchase_price,omitempty,omitzero"`

	InterestRate float64 `toml:"interest_rate,omitempty,omitzero"`
	CreditMonths float64 `toml:"credit_months,omitempty,omitzero"`
	// TaxRate is the share of revenue paid in taxes.
	TaxRate float64 `toml:"tax_rate,omitempty,omitzero"`
	// Subsidies per household or firm per year (taxes net of subsidies).
	Subsidies    float64 `toml:"subsidies,omitempty,omitzero"`
	Depreciation float64 `toml:"depreciation,omitempty,omitzero"` // per household or firm per year
	LandRent     float64 `toml:"land_rent,omitempty,omitzero"`    // per household or firm per year

	// AdultWage and ChildWage are daily wages; AdultWage defaults to the chain's.
	AdultWage float64 `toml:"adult_wage,omitempty,omitzero"`
	ChildWage float64 `toml:"child_wage,omitempty,omitzero"`
	// ChildShare is the share of child-suitable days an enterprise gives to
	// hired children.
	ChildShare float64 `toml:"child_share,omitempty,omitzero"`
	// Hired children (docs/model.md section 4, "Hired children are
	// children"): each works HiredChildHours a week (default 40) for
	// HiredChildWeeks weeks (default 20, the season); they are split over
	// the bands 5-11, 12-14, 15-17 by HiredChildAges (default 0, 0.4, 0.6)
	// and by sex by HiredGirlsShare (default 0.5).
	HiredChildHours float64            `toml:"hired_child_hours,omitempty,omitzero"`
	HiredChildWeeks float64            `toml:"hired_child_weeks,omitempty,omitzero"`
	HiredChildAges  *[NumBands]float64 `toml:"hired_child_ages,omitempty"`
	HiredGirlsShare *float64           `toml:"hired_girls_share,omitempty"`
	// SuppliedBy names the household group (a household actor's id) whose
	// own children do the actor's child days (docs/model.md section 4): they
	// are paid child_wage a child day by the actor, a cash income of that
	// group, and counted in the group's rows, not as hired children from
	// outside. Empty: the children come from outside the chain's groups.
	SuppliedBy string `toml:"supplied_by,omitempty,omitzero"`
	// HiredHazardCut is the share of the hired children's exposure to
	// hazardous tasks removed by measures (osh, code of conduct); set by
	// scenarios, not read from chain files.
	HiredHazardCut float64 `toml:"-"`
	// FemaleShare is the share of adult days worked by women.
	FemaleShare *float64 `toml:"female_share,omitempty"`

	Tasks     []Task          `toml:"task,omitempty,omitzero"`
	Household *HouseholdGroup `toml:"household,omitempty"`
}

// Product is one of the joint products of an actor.
type Product struct {
	ID          string   `toml:"id,omitempty,omitzero"`
	Unit        string   `toml:"unit,omitempty,omitzero"`
	UnitRU      string   `toml:"unit_ru,omitempty,omitzero"` // the unit in Russian
	Conversion  *float64 `toml:"conversion,omitempty"`
	Price       float64  `toml:"price,omitempty,omitzero"`
	FinalMarket string   `toml:"final_market,omitempty,omitzero"`
}

// Link carries Share of the seller's product to the buyer.
type Link struct {
	From    string  `toml:"from,omitempty,omitzero"`
	To      string  `toml:"to,omitempty,omitzero"`
	Product string  `toml:"product,omitempty,omitzero"`
	Share   float64 `toml:"share,omitempty,omitzero"`
	// Price defaults to the seller's price of the product.
	Price *float64 `toml:"price,omitempty"`
	// Loss is the share of the volume lost in transit.
	Loss float64 `toml:"loss,omitempty,omitzero"`
	// TransportCost is paid by the buyer per unit shipped.
	TransportCost float64 `toml:"transport_cost,omitempty,omitzero"`
	// Services names the service actors that handle what the link ships
	// (porters, transporters); the buyer pays each its fee per unit shipped.
	Services []string `toml:"services,omitempty,omitzero"`
}

// Task is a piece of work with its labour need per unit of main product.
type Task struct {
	Name          string  `toml:"name,omitempty,omitzero"`
	DaysPerUnit   float64 `toml:"days_per_unit,omitempty,omitzero"`
	ChildSuitable float64 `toml:"child_suitable,omitempty,omitzero"`
	Hazardous     bool    `toml:"hazardous,omitempty,omitzero"`
	// DoneBy says who may do the task: "anyone" (default), "men", "women",
	// "boys", "girls" or "adults" (docs/model.md section 4). A task only
	// adults do is not child-suitable; one only boys do is not for girls.
	DoneBy string `toml:"done_by,omitempty,omitzero"`
}

// Who may do a task (Task.DoneBy).
const (
	DoneByAnyone = "anyone"
	DoneByMen    = "men"
	DoneByWomen  = "women"
	DoneByBoys   = "boys"
	DoneByGirls  = "girls"
	DoneByAdults = "adults"
)

// ChildDays returns the share of the task children can do: ChildSuitable,
// or 0 when only adults (men, women or adults) do it.
func (t *Task) ChildDays() float64 {
	switch t.DoneBy {
	case DoneByMen, DoneByWomen, DoneByAdults:
		return 0
	}
	return t.ChildSuitable
}

// HouseholdGroup describes the households of a household actor: an average
// household's composition, its other income and its preferences.
type HouseholdGroup struct {
	Adults    float64 `toml:"adults,omitempty,omitzero"`
	AdultDays float64 `toml:"adult_days,omitempty,omitzero"` // days per adult per year for the farm

	// Children per household by band; either the totals or the split by sex.
	Children5to11  float64 `toml:"children_5_11,omitempty,omitzero"`
	Children12to14 float64 `toml:"children_12_14,omitempty,omitzero"`
	Children15to17 float64 `toml:"children_15_17,omitempty,omitzero"`
	Girls5to11     float64 `toml:"girls_5_11,omitempty,omitzero"`
	Girls12to14    float64 `toml:"girls_12_14,omitempty,omitzero"`
	Girls15to17    float64 `toml:"girls_15_17,omitempty,omitzero"`
	Boys5to11      float64 `toml:"boys_5_11,omitempty,omitzero"`
	Boys12to14     float64 `toml:"boys_12_14,omitempty,omitzero"`
	Boys15to17     float64 `toml:"boys_15_17,omitempty,omitzero"`

	OtherIncome float64 `toml:"other_income,omitempty,omitzero"` // per household per year
	OffFarmDays float64 `toml:"off_farm_days,omitempty,omitzero"`
	OffFarmWage float64 `toml:"off_farm_wage,omitempty,omitzero"` // default: the actor's adult wage
	Transfers   float64 `toml:"transfers,omitempty,omitzero"`     // per household per year

	// Alpha and Beta are the Stone-Geary weights of consumption above
	// subsistence and of each band's non-work time (default 1 and 0.1, 0.2, 0.3).
	Alpha *float64           `toml:"alpha,omitempty"`
	Beta  *[NumBands]float64 `toml:"beta,omitempty"`
	// MaxChildHours is H, a child's hours per week available (default 56).
	MaxChildHours float64 `toml:"max_child_hours,omitempty,omitzero"`
	// SeasonWeeks is W, the weeks of the working season (default 20).
	SeasonWeeks float64 `toml:"season_weeks,omitempty,omitzero"`
	// HazardExposure is the probability that a working child of a household
	// is exposed to a hazardous task (default: the hazardous share of
	// child-suitable days).
	HazardExposure *float64 `toml:"hazard_exposure,omitempty"`
	// ScaleSD is the standard deviation of the household scale m_h (mean 1).
	ScaleSD *float64 `toml:"scale_sd,omitempty"`
	// ObservedPrevalence is the child-labour prevalence observed in surveys,
	// used by calibration.
	ObservedPrevalence *float64 `toml:"observed_prevalence,omitempty"`

	// School keys (docs/model.md section 5b, see school.go): with any of
	// them the household chooses enrolment with the hours.
	SchoolCost        *[NumBands]float64 `toml:"school_cost,omitempty"`
	SchoolHours       *[NumBands]float64 `toml:"school_hours,omitempty"`
	SchoolValue       *[NumBands]float64 `toml:"school_value,omitempty"`
	SchoolTasteSD     *float64           `toml:"school_taste_sd,omitempty"`
	ObservedEnrolment *[NumBands]float64 `toml:"observed_enrolment,omitempty"`

	// PovertyLine, when given, is the group's own poverty line per adult
	// equivalent per year (e.g. urban and rural lines); default the chain's.
	PovertyLine float64 `toml:"poverty_line,omitempty,omitzero"`
	// FamilyTimeValue is what an hour of a family adult freed by a child
	// from unpaid work on the household's own activity is worth to the
	// household, as a share of the child's gamma x adult wage (docs/model.md
	// section 4, use 5); default 1. It counts in the choice, never as cash.
	FamilyTimeValue *float64 `toml:"family_time_value,omitempty"`
	// ChildWageWork says that paid work for children exists outside the
	// chain (use 3), at gamma x the adult wage.
	ChildWageWork bool `toml:"child_wage_work,omitempty"`
	// OffFarmDaysMax is the extra paid off-farm days per adult a year an
	// adult freed by a child can get (use 4), at the off-farm wage.
	OffFarmDaysMax float64 `toml:"off_farm_days_max,omitempty,omitzero"`
}

// DefaultFamilyTimeValue is the default of family_time_value.
const DefaultFamilyTimeValue = 1.0

// FamilyTimeValueOr returns family_time_value, defaulted.
func (h *HouseholdGroup) FamilyTimeValueOr() float64 {
	return ptrOr(h.FamilyTimeValue, DefaultFamilyTimeValue)
}

// PovertyLineOr returns the group's poverty line, or the chain's when the
// group gives none.
func (h *HouseholdGroup) PovertyLineOr(c *Chain) float64 {
	if h.PovertyLine > 0 {
		return h.PovertyLine
	}
	return c.PovertyLine
}

// Children returns the children per household by band, totalled over sex.
func (h *HouseholdGroup) Children() [NumBands]float64 {
	g, b := h.Girls(), h.Boys()
	return [NumBands]float64{
		h.Children5to11 + g[0] + b[0],
		h.Children12to14 + g[1] + b[1],
		h.Children15to17 + g[2] + b[2],
	}
}

// Girls returns the girls per household by band (zero when sex is not given).
func (h *HouseholdGroup) Girls() [NumBands]float64 {
	return [NumBands]float64{h.Girls5to11, h.Girls12to14, h.Girls15to17}
}

// Boys returns the boys per household by band (zero when sex is not given).
func (h *HouseholdGroup) Boys() [NumBands]float64 {
	return [NumBands]float64{h.Boys5to11, h.Boys12to14, h.Boys15to17}
}

// BySex reports whether the children are split by sex.
func (h *HouseholdGroup) BySex() bool {
	g, b := h.Girls(), h.Boys()
	return g[0]+g[1]+g[2]+b[0]+b[1]+b[2] > 0
}

// Defaults of chain-wide and household parameters.
const (
	DefaultHorizon       = 5
	DefaultHoursPerDay   = 8
	DefaultFTEDays       = 250
	DefaultMaxChildHours = 56
	DefaultSeasonWeeks   = 20
	DefaultScaleSD       = 0.3
	DefaultAlpha         = 1
)

// Default band parameters.
var (
	DefaultChildProductivity = [NumBands]float64{0.5, 0.7, 0.9}
	DefaultBeta              = [NumBands]float64{0.1, 0.2, 0.3}
	DefaultEquivalence       = Equivalence{FirstAdult: 1, OtherAdult: 0.7, Child: 0.5}
)

// Gamma returns the child productivity by band, defaulted.
func (c *Chain) Gamma() [NumBands]float64 {
	if c.ChildProductivity != nil {
		return *c.ChildProductivity
	}
	return DefaultChildProductivity
}

// Scale returns the adult-equivalence scale, defaulted.
func (c *Chain) Scale() Equivalence {
	if c.Equivalence != nil {
		return *c.Equivalence
	}
	return DefaultEquivalence
}

// Hours returns the hours in a working day, defaulted.
func (c *Chain) Hours() float64 { return orDefault(c.HoursPerDay, DefaultHoursPerDay) }

// FTE returns the days in a full-time equivalent, defaulted.
func (c *Chain) FTE() float64 { return orDefault(c.FTEDays, DefaultFTEDays) }

// Years returns the scenario horizon, defaulted.
func (c *Chain) Years() int {
	if c.Horizon > 0 {
		return c.Horizon
	}
	return DefaultHorizon
}

// Defaulted returns the chain-wide keys that change results and that the
// file read does not give, so that vcsim takes their defaults: horizon
// (DefaultHorizon years), discount_rate (0: money not discounted),
// hours_per_day (DefaultHoursPerDay) and fte_days (DefaultFTEDays), in that
// order. A chain not read from a file (no key positions) has none.
func (c *Chain) Defaulted() []string {
	if c.pos == nil {
		return nil
	}
	var out []string
	for _, k := range []string{"horizon", "discount_rate", "hours_per_day", "fte_days"} {
		if _, given := c.pos[k]; !given {
			out = append(out, k)
		}
	}
	return out
}

// Actor returns the actor with the given id and its index, or -1. It
// takes constant time on a chain read by Parse or Load.
func (c *Chain) Actor(id string) (*Actor, int) {
	if c.index != nil {
		m := c.index.ids.Load()
		if m == nil || len(*m) > len(c.Actors) {
			idx := make(map[string]int, len(c.Actors))
			for i := len(c.Actors) - 1; i >= 0; i-- {
				idx[c.Actors[i].ID] = i
			}
			m = &idx
			c.index.ids.Store(m)
		}
		if i, ok := (*m)[id]; ok && i < len(c.Actors) && c.Actors[i].ID == id {
			return &c.Actors[i], i
		}
	}
	for i := range c.Actors {
		if c.Actors[i].ID == id {
			return &c.Actors[i], i
		}
	}
	return nil, -1
}

// IsPrimary reports whether the actor with the given id is a primary
// producer: no link sells to it.
func (c *Chain) IsPrimary(id string) bool {
	for _, l := range c.Links {
		if l.To == id {
			return false
		}
	}
	return true
}

// Primaries reports, for each actor, whether it is a primary producer
// (see IsPrimary), in time linear in the chain's size.
func (c *Chain) Primaries() []bool {
	buyers := make(map[string]bool, len(c.Links))
	for _, l := range c.Links {
		buyers[l.To] = true
	}
	p := make([]bool, len(c.Actors))
	for i := range c.Actors {
		p[i] = !buyers[c.Actors[i].ID] && c.Actors[i].Kind != Service
	}
	return p
}

// DisplayName returns the actor's name for tables and charts, or its id
// when it has no name.
func (a *Actor) DisplayName() string {
	if strings.TrimSpace(a.Name) != "" {
		return a.Name
	}
	return a.ID
}

// NameIn returns the actor's name in the language lang ("ru" or "en"):
// name_ru in Russian when it is given, else DisplayName.
func (a *Actor) NameIn(l lang.Lang) string {
	if l == "ru" && strings.TrimSpace(a.NameRU) != "" {
		return a.NameRU
	}
	return a.DisplayName()
}

// NameIn returns the chain's name in the language lang: name_ru in
// Russian when it is given, else name.
func (c *Chain) NameIn(l lang.Lang) string {
	if l == "ru" && strings.TrimSpace(c.NameRU) != "" {
		return c.NameRU
	}
	return c.Name
}

// DescriptionIn returns the chain's description in the language l:
// description_ru in Russian when given, else description.
func (c *Chain) DescriptionIn(l lang.Lang) string {
	if l == lang.RU && strings.TrimSpace(c.DescriptionRU) != "" {
		return c.DescriptionRU
	}
	return c.Description
}

// Wage returns the actor's adult wage, defaulting to the chain's.
func (a *Actor) Wage(c *Chain) float64 { return orDefault(a.AdultWage, c.AdultWage) }

// Outputs returns the actor's products: its Products, or a single product
// built from its own Unit, Price, Conversion and FinalMarket whose ID is "".
func (a *Actor) Outputs() []Product {
	if len(a.Products) > 0 {
		return a.Products
	}
	return []Product{{Unit: a.Unit, UnitRU: a.UnitRU, Price: a.Price, Conversion: a.Conversion, FinalMarket: a.FinalMarket}}
}

// UnitIn returns the product's unit ("kg raw cotton"), which names the
// product, in the language lang: unit_ru in Russian when it is given,
// else unit.
func (p *Product) UnitIn(l lang.Lang) string {
	if l == "ru" && strings.TrimSpace(p.UnitRU) != "" {
		return p.UnitRU
	}
	return p.Unit
}

// ProductIndex returns the index in Outputs of the product with the given
// id, or -1. The empty id names the single product of a one-product actor.
func (a *Actor) ProductIndex(id string) int {
	if len(a.Products) == 0 {
		if id == "" {
			return 0
		}
		return -1
	}
	for i, p := range a.Products {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// Conv returns the product's conversion factor (default 1).
func (p *Product) Conv() float64 {
	if p.Conversion != nil {
		return *p.Conversion
	}
	return 1
}

// Label returns "actor" or "actor/product" for messages and tables.
func Label(actor, product string) string {
	if product == "" {
		return actor
	}
	return actor + "/" + product
}

// DefaultPreferences returns the household actors that give neither alpha
// nor beta: their child labour rests on vcsim's default preferences, which
// are a starting point, not a finding (docs/model.md section 5).
func (c *Chain) DefaultPreferences() []*Actor {
	var out []*Actor
	for i := range c.Actors {
		a := &c.Actors[i]
		if a.Kind == Household && a.Household != nil && a.Household.Alpha == nil && a.Household.Beta == nil {
			out = append(out, a)
		}
	}
	return out
}

// AlphaOr returns alpha, defaulted.
func (h *HouseholdGroup) AlphaOr() float64 { return ptrOr(h.Alpha, DefaultAlpha) }

// BetaOr returns beta by band, defaulted.
func (h *HouseholdGroup) BetaOr() [NumBands]float64 {
	if h.Beta != nil {
		return *h.Beta
	}
	return DefaultBeta
}

// ScaleSDOr returns the scale standard deviation, defaulted.
func (h *HouseholdGroup) ScaleSDOr() float64 { return ptrOr(h.ScaleSD, DefaultScaleSD) }

// H returns the maximum child hours per week, defaulted.
func (h *HouseholdGroup) H() float64 { return orDefault(h.MaxChildHours, DefaultMaxChildHours) }

// W returns the season weeks, defaulted.
func (h *HouseholdGroup) W() float64 { return orDefault(h.SeasonWeeks, DefaultSeasonWeeks) }

// Defaults of the hired-children keys.
const (
	DefaultHiredChildHours = 40
	DefaultHiredGirlsShare = 0.5
)

// DefaultHiredChildAges is the default of hired_child_ages.
var DefaultHiredChildAges = [NumBands]float64{0, 0.4, 0.6}

// HiredHours returns the weekly hours and the weeks a year of a hired child.
func (a *Actor) HiredHours() (hours, weeks float64) {
	return orDefault(a.HiredChildHours, DefaultHiredChildHours), orDefault(a.HiredChildWeeks, DefaultSeasonWeeks)
}

// HiredAges returns the shares of hired children by band.
func (a *Actor) HiredAges() [NumBands]float64 {
	if a.HiredChildAges == nil {
		return DefaultHiredChildAges
	}
	return *a.HiredChildAges
}

// HiredGirls returns the share of girls among hired children.
func (a *Actor) HiredGirls() float64 { return ptrOr(a.HiredGirlsShare, DefaultHiredGirlsShare) }

// Exposure returns the hazard-exposure probability of a working child:
// HazardExposure when given, else the hazardous share of the child-suitable
// days of tasks.
func (a *Actor) Exposure() float64 {
	if a.Household != nil && a.Household.HazardExposure != nil {
		return *a.Household.HazardExposure
	}
	var all, haz float64
	for _, t := range a.Tasks {
		d := t.DaysPerUnit * t.ChildDays()
		all += d
		if t.Hazardous {
			haz += d
		}
	}
	if all == 0 {
		return 0
	}
	return haz / all
}

func orDefault(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

func ptrOr(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}
