package pam

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ilo-rma/vcsim/valuechain"
)

// Money is an amount written with two decimals.
type Money float64

// MarshalCSV formats m with two decimals.
func (m Money) MarshalCSV() (string, error) { return strconv.FormatFloat(float64(m), 'f', 2, 64), nil }

// Ratio4 is a ratio written with four decimals; NaN (not defined) is an
// empty cell.
type Ratio4 float64

// MarshalCSV formats r with four decimals, or as an empty cell; a ratio
// beyond a billion (a near-zero denominator) in exponent form, never as
// hundreds of digits.
func (r Ratio4) MarshalCSV() (string, error) {
	if math.IsNaN(float64(r)) || math.IsInf(float64(r), 0) {
		return "", nil
	}
	if math.Abs(float64(r)) >= 1e9 {
		return strconv.FormatFloat(float64(r), 'g', 6, 64), nil
	}
	return strconv.FormatFloat(float64(r), 'f', 4, 64), nil
}

// CSVRow is a row of pam.csv.
type CSVRow struct {
	Actor                     string `csv:"actor"`
	RevenuePrivate            Money  `csv:"revenue_private"`
	TradableInputsPrivate     Money  `csv:"tradable_inputs_private"`
	DomesticFactorsPrivate    Money  `csv:"domestic_factors_private"`
	ProfitPrivate             Money  `csv:"profit_private"`
	RevenueSocial             Money  `csv:"revenue_social"`
	TradableInputsSocial      Money  `csv:"tradable_inputs_social"`
	DomesticFactorsSocial     Money  `csv:"domestic_factors_social"`
	ProfitSocial              Money  `csv:"profit_social"`
	RevenueDivergence         Money  `csv:"revenue_divergence"`
	TradableInputsDivergence  Money  `csv:"tradable_inputs_divergence"`
	DomesticFactorsDivergence Money  `csv:"domestic_factors_divergence"`
	ProfitDivergence          Money  `csv:"profit_divergence"`
	NPCO                      Ratio4 `csv:"npco" undefined:"empty"`
	NPCI                      Ratio4 `csv:"npci" undefined:"empty"`
	EPC                       Ratio4 `csv:"epc" undefined:"empty"`
	PCR                       Ratio4 `csv:"pcr" undefined:"empty"`
	DRC                       Ratio4 `csv:"drc" undefined:"empty"`
	PC                        Ratio4 `csv:"pc" undefined:"empty"`
	SRP                       Ratio4 `csv:"srp" undefined:"empty"`
	SCB                       Ratio4 `csv:"scb" undefined:"empty"`
	PSE                       Ratio4 `csv:"pse" undefined:"empty"`
	ValueAddedPrivate         Money  `csv:"value_added_private"`
	ValueAddedSocial          Money  `csv:"value_added_social"`
}

// CSVRows returns the rows of pam.csv: each actor, the chain's
// consolidated matrix as "total", then the sum of the actors' as
// "sum_of_actors".
func CSVRows(t *Table) []CSVRow {
	var out []CSVRow
	for _, r := range t.All() {
		i, j, k, l := r.Divergences()
		rt := map[string]float64{}
		for _, x := range r.Ratios() {
			rt[x.Name] = x.Value
		}
		out = append(out, CSVRow{
			Actor: r.Actor, RevenuePrivate: Money(r.A), TradableInputsPrivate: Money(r.B),
			DomesticFactorsPrivate: Money(r.C), ProfitPrivate: Money(r.D), RevenueSocial: Money(r.E),
			TradableInputsSocial: Money(r.F), DomesticFactorsSocial: Money(r.G), ProfitSocial: Money(r.H),
			RevenueDivergence: Money(i), TradableInputsDivergence: Money(j), DomesticFactorsDivergence: Money(k),
			ProfitDivergence: Money(l), NPCO: Ratio4(rt["npco"]), NPCI: Ratio4(rt["npci"]), EPC: Ratio4(rt["epc"]),
			PCR: Ratio4(rt["pcr"]), DRC: Ratio4(rt["drc"]), PC: Ratio4(rt["pc"]), SRP: Ratio4(rt["srp"]), SCB: Ratio4(rt["scb"]),
			PSE: Ratio4(rt["pse"]), ValueAddedPrivate: Money(r.A - r.B), ValueAddedSocial: Money(r.E - r.F),
		})
	}
	return out
}

// JSON is pam.json: the matrices with every ratio and, where one is not
// defined, the reason.
type JSON struct {
	Chain    string `json:"chain"`
	Currency string `json:"currency"`
	Neutral  bool   `json:"market_prices_only"`
	Note     string `json:"note,omitempty"`
	// Convention says what C and G hold (ConventionNote).
	Convention string `json:"convention"`
	Meaning    string `json:"convention_meaning"`
	// Items says how each cost item was split and valued.
	Items  []Item    `json:"cost_items"`
	Actors []JSONRow `json:"actors"`
	// Total is the chain's consolidated matrix: final sales, inputs
	// from outside the chain, sales between actors cancelled.
	Total JSONRow `json:"total"`
	// SumOfActors adds the actors' matrices, counting sales between
	// actors twice (in the seller's revenue and the buyer's inputs).
	SumOfActors JSONRow `json:"sum_of_actors"`
}

// JSONRow is an actor's or the chain's matrix in pam.json.
type JSONRow struct {
	Actor   string              `json:"actor"`
	Name    string              `json:"name"`
	Private map[string]float64  `json:"private"`
	Social  map[string]float64  `json:"social"`
	Diverge map[string]float64  `json:"divergence"`
	Ratios  map[string]*float64 `json:"ratios"`
	Reasons map[string]string   `json:"not_defined,omitempty"`
	// OwnFactors are the actor's own land, capital and family labour at
	// opportunity cost, in C (private) and G (social): textbook convention.
	OwnFactors map[string]map[string]float64 `json:"own_factors,omitempty"`
}

func jsonRow(r Row) JSONRow {
	i, j, k, l := r.Divergences()
	out := JSONRow{Actor: r.Actor, Name: r.Name,
		Private: map[string]float64{"revenue": r.A, "tradable_inputs": r.B, "domestic_factors": r.C, "profit": r.D, "value_added": r.A - r.B},
		Social:  map[string]float64{"revenue": r.E, "tradable_inputs": r.F, "domestic_factors": r.G, "profit": r.H, "value_added": r.E - r.F},
		Diverge: map[string]float64{"revenue": i, "tradable_inputs": j, "domestic_factors": k, "profit": l},
		Ratios:  map[string]*float64{}, Reasons: map[string]string{}}
	for _, x := range r.Ratios() {
		if x.Reason != "" {
			out.Ratios[x.Name] = nil
			out.Reasons[x.Name] = x.Reason
			continue
		}
		v := x.Value
		out.Ratios[x.Name] = &v
	}
	for _, f := range r.Factors {
		if out.OwnFactors == nil {
			out.OwnFactors = map[string]map[string]float64{}
		}
		out.OwnFactors[f.Name] = map[string]float64{"private": f.Private, "social": f.Social}
	}
	return out
}

// NewJSON gathers pam.json.
func NewJSON(chain, currency string, neutral bool, t *Table) JSON {
	j := JSON{Chain: chain, Currency: currency, Neutral: neutral, Total: jsonRow(t.Chain), SumOfActors: jsonRow(t.Sum),
		Convention: t.Convention, Meaning: ConventionNote(t.Convention), Items: t.Items}
	if neutral {
		j.Note = "the chain gives no shadow values ([economic] table): social prices are market prices and every divergence is zero"
	}
	for _, r := range t.Actors {
		j.Actors = append(j.Actors, jsonRow(r))
	}
	return j
}

// ConventionNote says what the domestic factors C and G hold under a
// convention.
func ConventionNote(convention string) string {
	if convention == valuechain.ConventionTextbook {
		return "textbook (Monke and Pearson): C and G include the households' own labour, land and capital at their opportunity costs, so D and H are profits above them (excess profits)"
	}
	return "accounts: C and G hold the factors paid (hired labour, interest, rent, depreciation, taxes), so D is the net operating profit of accounts.csv, which includes the return to the households' own labour, land and capital; set convention = \"textbook\" in [economic] for the textbook matrix"
}

// TypicalNote says which cost items took their split from TypicalSplits
// (empty when none did), so that no default goes unsaid.
func TypicalNote(items []Item) string {
	var parts []string
	for _, it := range items {
		if it.Source == "typical" {
			parts = append(parts, fmt.Sprintf("%s %g", it.Name, it.Tradable))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Tradable shares from the typical table (docs/pam.md; give [economic.costs] to replace them): " + strings.Join(parts, ", ") + "."
}
