// Package tables turns a model.Result into the rows of vcsim's output
// files (accounts.csv, margins.csv, labour.csv, child_labour.csv,
// households.csv, summary.json) and writes them.
package tables

import (
	"math"
	"strconv"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Money is an amount written with two decimals.
type Money float64

// MarshalCSV formats m with two decimals; NaN (undefined) is an empty cell.
func (m Money) MarshalCSV() (string, error) { return format(float64(m), 2), nil }

// Share is a fraction written with six decimals.
type Share float64

// MarshalCSV formats s with six decimals; NaN (undefined) is an empty cell.
func (s Share) MarshalCSV() (string, error) { return format(float64(s), 6), nil }

// Ratio is a ratio of two amounts (a benefit-cost ratio): a plain number,
// not a share, written with six decimals.
type Ratio float64

// MarshalCSV formats r with six decimals; NaN (undefined) is an empty cell.
func (r Ratio) MarshalCSV() (string, error) { return format(float64(r), 6), nil }

// Qty is a volume, count or number of days written with three decimals.
type Qty float64

// MarshalCSV formats q with three decimals.
func (q Qty) MarshalCSV() (string, error) { return format(float64(q), 3), nil }

// People is an expected count of people (children), written as a whole
// number: each cell is rounded to the nearest person on its own, so a
// total may differ from the sum of its rounded parts by a person or two.
type People float64

// MarshalCSV formats p rounded to a whole number.
func (p People) MarshalCSV() (string, error) { return format(math.Round(float64(p)), 0), nil }

func format(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return strconv.FormatFloat(x, 'f', decimals, 64)
}

// Total is the actor name of the rows that add up the chain.
const Total = "total"

// AccountRow is a row of accounts.csv.
type AccountRow struct {
	Actor                   string `csv:"actor"`
	Name                    string `csv:"name"`
	NameRU                  string `csv:"name_ru"` // the name in Russian, when the chain gives one
	Kind                    string `csv:"kind"`
	Stage                   string `csv:"stage"`
	Count                   Qty    `csv:"count" undefined:"empty"`  // empty on the total row
	Output                  Qty    `csv:"output" undefined:"empty"` // empty on the total row
	Unit                    string `csv:"unit"`
	Revenue                 Money  `csv:"revenue"`
	Purchases               Money  `csv:"purchases"`
	Transport               Money  `csv:"transport"`
	ExternalInputs          Money  `csv:"external_inputs"`
	IntermediateConsumption Money  `csv:"intermediate_consumption"`
	ValueAdded              Money  `csv:"value_added"`
	Wages                   Money  `csv:"wages"`
	Interest                Money  `csv:"interest"`
	Taxes                   Money  `csv:"taxes"`
	Depreciation            Money  `csv:"depreciation"`
	Rent                    Money  `csv:"rent"`
	NetOperatingProfit      Money  `csv:"net_operating_profit"`
	VAShare                 Share  `csv:"va_share"`
	// Per household for household actors, per firm for the others; the
	// other three cells are empty.
	RevenuePerHousehold    Money `csv:"revenue_per_household" undefined:"empty"`
	ValueAddedPerHousehold Money `csv:"value_added_per_household" undefined:"empty"`
	ProfitPerHousehold     Money `csv:"net_operating_profit_per_household" undefined:"empty"`
	RevenuePerFirm         Money `csv:"revenue_per_firm" undefined:"empty"`
	ValueAddedPerFirm      Money `csv:"value_added_per_firm" undefined:"empty"`
	ProfitPerFirm          Money `csv:"net_operating_profit_per_firm" undefined:"empty"`
}

// Accounts returns one row per actor in file order and a total row.
func Accounts(r *model.Result) []AccountRow {
	rows := make([]AccountRow, 0, len(r.Accounts)+1)
	for i := range r.Accounts {
		a := &r.Accounts[i]
		row := AccountRow{
			Actor: a.Actor, Name: a.Name, NameRU: r.Chain.Actors[i].NameRU, Kind: a.Kind, Stage: a.Stage, Count: Qty(a.Count),
			Output: Qty(a.Output[0]), Unit: r.Chain.Actors[i].Outputs()[0].Unit,
			Revenue: Money(a.Revenue), Purchases: Money(a.Purchases), Transport: Money(a.Transport),
			ExternalInputs: Money(a.ExternalInputs), IntermediateConsumption: Money(a.IntermediateConsumption),
			ValueAdded: Money(a.ValueAdded), Wages: Money(a.Wages), Interest: Money(a.Interest),
			Taxes: Money(a.Taxes), Depreciation: Money(a.Depreciation), Rent: Money(a.Rent),
			NetOperatingProfit: Money(a.NetOperatingProfit), VAShare: Share(a.VAShare),
		}
		rev, va, nop := Money(a.PerUnit(a.Revenue)), Money(a.PerUnit(a.ValueAdded)), Money(a.PerUnit(a.NetOperatingProfit))
		nan := Money(math.NaN())
		if a.Kind == valuechain.Household {
			row.RevenuePerHousehold, row.ValueAddedPerHousehold, row.ProfitPerHousehold = rev, va, nop
			row.RevenuePerFirm, row.ValueAddedPerFirm, row.ProfitPerFirm = nan, nan, nan
		} else {
			row.RevenuePerHousehold, row.ValueAddedPerHousehold, row.ProfitPerHousehold = nan, nan, nan
			row.RevenuePerFirm, row.ValueAddedPerFirm, row.ProfitPerFirm = rev, va, nop
		}
		rows = append(rows, row)
	}
	t := &r.Totals
	var revenue, ic float64
	for _, a := range r.Accounts {
		revenue += a.Revenue
		ic += a.IntermediateConsumption
	}
	rows = append(rows, AccountRow{
		Actor: Total, Name: "whole chain", Revenue: Money(revenue), Purchases: Money(t.Purchases),
		Transport: Money(t.Transport), ExternalInputs: Money(t.ExternalInputs),
		IntermediateConsumption: Money(ic), ValueAdded: Money(t.ValueAdded), Wages: Money(t.Wages),
		Interest: Money(t.Interest), Taxes: Money(t.Taxes), Depreciation: Money(t.Depreciation),
		Rent: Money(t.Rent), NetOperatingProfit: Money(t.NetOperatingProfit), VAShare: 1,
		// Households and firms, and their outputs, do not add up.
		Count: Qty(math.NaN()), Output: Qty(math.NaN()),
		RevenuePerHousehold: Money(math.NaN()), ValueAddedPerHousehold: Money(math.NaN()), ProfitPerHousehold: Money(math.NaN()),
		RevenuePerFirm: Money(math.NaN()), ValueAddedPerFirm: Money(math.NaN()), ProfitPerFirm: Money(math.NaN()),
	})
	return rows
}

// MarginRow is a row of margins.csv: one stage of the price build-up.
type MarginRow struct {
	Step            int    `csv:"step"`
	Actor           string `csv:"actor"`
	Product         string `csv:"product"`
	Unit            string `csv:"unit"`
	Price           Money  `csv:"price"`
	Equivalent      Qty    `csv:"units_per_final_unit"`
	PriceFinal      Money  `csv:"price_per_final_unit"`
	Transport       Money  `csv:"transport_per_final_unit"`
	Services        Money  `csv:"services_per_final_unit"` // fees the stage pays services (porters...) on the link it buys on
	Margin          Money  `csv:"margin_per_final_unit"`
	Share           Share  `csv:"share_of_final_price"`
	TransportShare  Share  `csv:"transport_share"`
	ServicesShare   Share  `csv:"services_share"`
	CumulativeShare Share  `csv:"cumulative_share"`
}

// Margins returns the price build-up, farm first.
func Margins(r *model.Result) []MarginRow {
	rows := make([]MarginRow, len(r.Margins))
	var cum float64 // from the first price paid: a purchase outside the chain
	for i, s := range r.Margins {
		cum += s.PurchaseShare
		cum += s.Share + s.TransportShare + s.ServicesShare
		rows[i] = MarginRow{
			Step: i + 1, Actor: s.Actor, Product: s.Product, Unit: s.Unit, Price: Money(s.Price),
			Equivalent: Qty(s.Equivalent), PriceFinal: Money(s.PriceFinal), Transport: Money(s.Transport),
			Services: Money(s.Services), Margin: Money(s.Margin), Share: Share(s.Share), TransportShare: Share(s.TransportShare),
			ServicesShare:   Share(s.ServicesShare),
			CumulativeShare: Share(cum),
		}
	}
	return rows
}

// LabourRow is a row of labour.csv.
type LabourRow struct {
	Actor      string `csv:"actor"`
	NeedDays   Qty    `csv:"need_days"`
	FamilyDays Qty    `csv:"family_days"`
	HiredDays  Qty    `csv:"hired_days"`
	AdultDays  Qty    `csv:"adult_days"`
	FemaleDays Qty    `csv:"female_days" undefined:"empty"` // empty when the sex split is unknown
	MaleDays   Qty    `csv:"male_days" undefined:"empty"`
	ChildDays  Qty    `csv:"child_days"`
	FTE        Qty    `csv:"fte"`
}

// Labour returns one row per actor and a total row. Female and male days
// are empty for actors that give no female_share, and on the total row
// when any actor gives none.
func Labour(r *model.Result) []LabourRow {
	rows := make([]LabourRow, 0, len(r.Labour)+1)
	var tot LabourRow
	tot.Actor = Total
	for i, l := range r.Labour {
		row := LabourRow{
			Actor: l.Actor, NeedDays: Qty(l.Need), FamilyDays: Qty(l.FamilyDays), HiredDays: Qty(l.HiredDays),
			AdultDays: Qty(l.AdultDays()), ChildDays: Qty(l.ChildDays), FTE: Qty(l.FTE),
		}
		row.FemaleDays, row.MaleDays = Qty(math.NaN()), Qty(math.NaN())
		if r.Chain.Actors[i].FemaleShare != nil {
			row.FemaleDays = Qty(l.FemaleDays)
			row.MaleDays = Qty(l.AdultDays() - l.FemaleDays)
		}
		rows = append(rows, row)
		tot.NeedDays += row.NeedDays
		tot.FamilyDays += row.FamilyDays
		tot.HiredDays += row.HiredDays
		tot.AdultDays += row.AdultDays
		tot.FemaleDays += row.FemaleDays
		tot.MaleDays += row.MaleDays
		tot.ChildDays += row.ChildDays
		tot.FTE += row.FTE
	}
	return append(rows, tot)
}

// TaskRow is a row of labour_tasks.csv: employment by sex per actor and
// task (docs/model.md section 4, model.Result.Tasks).
type TaskRow struct {
	Actor      string `csv:"actor"`
	Task       string `csv:"task"`
	DoneBy     string `csv:"done_by"`
	Hazardous  string `csv:"hazardous_task"`
	Days       Qty    `csv:"need_days"`
	AdultDays  Qty    `csv:"adult_days"`
	FemaleDays Qty    `csv:"female_days" undefined:"empty"` // empty when the sex split is unknown
	MaleDays   Qty    `csv:"male_days" undefined:"empty"`
	ChildDays  Qty    `csv:"child_days"`
}

// Tasks returns one row per task of every actor that lists tasks; an
// actor's rows add up to its row of labour.csv. Women's and men's days are
// empty where the actor gives no female_share, except on a task only
// women or only men do.
func Tasks(r *model.Result) []TaskRow {
	var rows []TaskRow
	for _, t := range r.Tasks() {
		hz := "no"
		if t.Hazardous {
			hz = "yes"
		}
		rows = append(rows, TaskRow{Actor: t.Actor, Task: t.Task, DoneBy: t.DoneBy, Hazardous: hz, Days: Qty(t.Days),
			AdultDays: Qty(t.AdultDays), FemaleDays: Qty(t.FemaleDays), MaleDays: Qty(t.MaleDays), ChildDays: Qty(t.ChildDays)})
	}
	return rows
}

// ChildRow is a row of child_labour.csv.
type ChildRow struct {
	Group string `csv:"group"`
	// Source is "household" for a household group's own children, "hired"
	// for the children an actor hires from outside the groups, "all" for
	// the total.
	Source      string `csv:"source"`
	Band        string `csv:"band"`
	Sex         string `csv:"sex"`
	Children    People `csv:"children"`
	Working     People `csv:"working"`
	ChildLabour People `csv:"child_labour"`
	Hazardous   People `csv:"hazardous_child_labour"`
	Prevalence  Share  `csv:"child_labour_prevalence"`
	HazardPrev  Share  `csv:"hazardous_prevalence"`
	Hours       Qty    `csv:"child_labour_hours_per_year"`
}

// Bands label of the row that adds up the bands.
const AllBands = "5-17"

// ChildLabour returns, for each household group (source "household"), for
// the children each actor hires from outside the groups (source "hired")
// and then for the whole chain (group "total", source "all"), a row per
// band and one for all bands, for both sexes together and, where the
// group gives sex, for girls and for boys (hired children always).
func ChildLabour(r *model.Result) []ChildRow {
	var rows []ChildRow
	var chain [valuechain.NumBands]model.Children
	bySex := true // the total is split by sex when every part is
	for _, g := range r.Groups {
		rows = append(rows, source(childRows(g.Actor, g.ByBand, g.BySex), "household")...)
		for b := range chain {
			chain[b].Add(&g.ByBand[b])
		}
		bySex = bySex && g.BySex
	}
	for _, h := range r.Hired {
		rows = append(rows, source(childRows(h.Actor, h.ByBand, true), "hired")...)
		for b := range chain {
			chain[b].Add(&h.ByBand[b])
		}
	}
	if len(r.Groups)+len(r.Hired) > 1 {
		rows = append(rows, source(childRows(Total, chain, bySex), "all")...)
	}
	return rows
}

// source sets the rows' source.
func source(rows []ChildRow, s string) []ChildRow {
	for i := range rows {
		rows[i].Source = s
	}
	return rows
}

func childRows(group string, bands [valuechain.NumBands]model.Children, bySex bool) []ChildRow {
	var rows []ChildRow
	var all model.Children
	emit := func(band string, c *model.Children) {
		rows = append(rows, ChildRow{Group: group, Band: band, Sex: "all", Children: People(c.Children),
			Working: People(c.Working), ChildLabour: People(c.ChildLabour), Hazardous: People(c.Hazardous),
			Prevalence: Share(ratio(c.ChildLabour, c.Children)), HazardPrev: Share(ratio(c.Hazardous, c.Children)),
			Hours: Qty(c.Hours)})
		if !bySex {
			return
		}
		for _, s := range []struct {
			name string
			x    model.Sex
		}{{"girls", c.Girls}, {"boys", c.Boys}} {
			rows = append(rows, ChildRow{Group: group, Band: band, Sex: s.name, Children: People(s.x.Children), Working: People(s.x.Working),
				ChildLabour: People(s.x.ChildLabour), Hazardous: People(s.x.Hazardous),
				Prevalence: Share(ratio(s.x.ChildLabour, s.x.Children)), HazardPrev: Share(ratio(s.x.Hazardous, s.x.Children)),
				Hours: Qty(s.x.Hours)})
		}
	}
	for b := range bands {
		emit(valuechain.BandNames[b], &bands[b])
		all.Add(&bands[b])
	}
	emit(AllBands, &all)
	return rows
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// HouseholdRow is a row of households.csv: the income distribution and
// child labour of one household group.
type HouseholdRow struct {
	Group       string `csv:"group"`
	Households  int    `csv:"households"`
	PovertyLine Money  `csv:"poverty_line_per_adult_equivalent"` // the line the model used for the group
	Subsistence Money  `csv:"poverty_line_per_household"`
	MeanY0      Money  `csv:"mean_income_without_child_work"`
	// Cash income (docs/model.md section 4, "Income from the accounts") and
	// its parts, per household: what poverty is measured on.
	MeanIncome   Money `csv:"mean_cash_income"`
	MeanNOP      Money `csv:"mean_net_operating_profit"`
	MeanOffFarm  Money `csv:"mean_adults_off_farm_wages"`
	MeanChain    Money `csv:"mean_children_wages_from_chain"`
	MeanOutside  Money `csv:"mean_children_wages_from_outside"`
	MeanOther    Money `csv:"mean_other_income"`
	MeanTransfer Money `csv:"mean_transfers"`
	// MeanFull is full income: cash and the value of the family time
	// children freed (use 5), what the household's choice weighs.
	MeanFull     Money  `csv:"mean_full_income"`
	MedianIncome Money  `csv:"median_cash_income"`
	P10Income    Money  `csv:"p10_cash_income"`
	P90Income    Money  `csv:"p90_cash_income"`
	BelowPoverty Share  `csv:"share_below_poverty_line"` // on cash income
	Children     People `csv:"children"`
	ChildLabour  People `csv:"children_in_child_labour"`
	Hazardous    People `csv:"children_in_hazardous_child_labour"`
	ChildDays    Qty    `csv:"child_days"`
}

// Households returns one row per household group.
func Households(r *model.Result) []HouseholdRow {
	rows := make([]HouseholdRow, len(r.Groups))
	for i, g := range r.Groups {
		var all model.Children
		for b := range g.ByBand {
			all.Add(&g.ByBand[b])
		}
		per := func(x float64) Money {
			if g.Cash.Weight == 0 {
				return 0
			}
			return Money(x / g.Cash.Weight)
		}
		row := HouseholdRow{
			Group: g.Actor, Households: g.Households, PovertyLine: Money(g.PovertyLine), Subsistence: Money(g.Subsistence),
			MeanY0: Money(g.MeanY0), MeanIncome: Money(g.MeanIncome), MedianIncome: Money(g.Quantile(0.5)),
			MeanNOP: per(g.Cash.NOP), MeanOffFarm: per(g.Cash.OffFarm), MeanChain: per(g.Cash.ChildChain),
			MeanOutside: per(g.Cash.ChildOutside), MeanOther: per(g.Cash.Other), MeanTransfer: per(g.Cash.Transfers),
			MeanFull:     Money(g.MeanFull),
			BelowPoverty: Share(g.BelowPoverty), Children: People(all.Children), ChildLabour: People(all.ChildLabour),
			Hazardous: People(all.Hazardous), ChildDays: Qty(g.ChildDays),
		}
		if len(g.Income) > 0 {
			row.P10Income = Money(g.Quantile(0.1))
			row.P90Income = Money(g.Quantile(0.9))
		}
		rows[i] = row
	}
	return rows
}

// DetailRow is a row of households_detail.csv: one simulated household.
type DetailRow struct {
	Group        string `csv:"group"`
	Household    int    `csv:"household"`
	Weight       Qty    `csv:"weight"`
	Scale        Qty    `csv:"scale"`
	Y0           Money  `csv:"income_without_child_work"`
	Income       Money  `csv:"cash_income"`
	Full         Money  `csv:"full_income"`
	Poor         string `csv:"below_poverty_line"` // yes or no, on cash income
	Children511  Qty    `csv:"children_5_11"`
	Hours511     Qty    `csv:"weekly_hours_5_11"`
	Work511      string `csv:"work_5_11"`
	Children1214 Qty    `csv:"children_12_14"`
	Hours1214    Qty    `csv:"weekly_hours_12_14"`
	Work1214     string `csv:"work_12_14"`
	Children1517 Qty    `csv:"children_15_17"`
	Hours1517    Qty    `csv:"weekly_hours_15_17"`
	Work1517     string `csv:"work_15_17"`
}

// Details returns one row per simulated household of a baseline result.
func Details(ds []model.HouseholdDetail) []DetailRow {
	rows := make([]DetailRow, len(ds))
	for i, x := range ds {
		poor := "no"
		if x.Poor {
			poor = "yes"
		}
		rows[i] = DetailRow{Group: x.Group, Household: x.Index, Weight: Qty(x.Weight), Scale: Qty(x.Scale),
			Y0: Money(x.Y0), Income: Money(x.Income), Full: Money(x.Full), Poor: poor,
			Children511: Qty(x.Children[0]), Hours511: Qty(x.Hours[0]), Work511: x.Class[0].String(),
			Children1214: Qty(x.Children[1]), Hours1214: Qty(x.Hours[1]), Work1214: x.Class[1].String(),
			Children1517: Qty(x.Children[2]), Hours1517: Qty(x.Hours[2]), Work1517: x.Class[2].String()}
	}
	return rows
}
