package pam

import (
	"math"
	"strconv"
)

// Money is an amount written with two decimals.
type Money float64

// MarshalCSV formats m with two decimals.
func (m Money) MarshalCSV() (string, error) { return strconv.FormatFloat(float64(m), 'f', 2, 64), nil }

// Ratio4 is a ratio written with four decimals; NaN (not defined) is an
// empty cell.
type Ratio4 float64

// MarshalCSV formats r with four decimals, or as an empty cell.
func (r Ratio4) MarshalCSV() (string, error) {
	if math.IsNaN(float64(r)) || math.IsInf(float64(r), 0) {
		return "", nil
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
}

// CSVRows returns the rows of pam.csv: each actor, then the chain as
// "total".
func CSVRows(rows []Row, total Row) []CSVRow {
	var out []CSVRow
	for _, r := range append(append([]Row(nil), rows...), total) {
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
		})
	}
	return out
}

// JSON is pam.json: the matrices with every ratio and, where one is not
// defined, the reason.
type JSON struct {
	Chain    string    `json:"chain"`
	Currency string    `json:"currency"`
	Neutral  bool      `json:"market_prices_only"`
	Note     string    `json:"note,omitempty"`
	Actors   []JSONRow `json:"actors"`
	Total    JSONRow   `json:"total"`
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
}

func jsonRow(r Row) JSONRow {
	i, j, k, l := r.Divergences()
	out := JSONRow{Actor: r.Actor, Name: r.Name,
		Private: map[string]float64{"revenue": r.A, "tradable_inputs": r.B, "domestic_factors": r.C, "profit": r.D},
		Social:  map[string]float64{"revenue": r.E, "tradable_inputs": r.F, "domestic_factors": r.G, "profit": r.H},
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
	return out
}

// NewJSON gathers pam.json.
func NewJSON(chain, currency string, neutral bool, rows []Row, total Row) JSON {
	j := JSON{Chain: chain, Currency: currency, Neutral: neutral, Total: jsonRow(total)}
	if neutral {
		j.Note = "the chain gives no shadow values ([economic] table): social prices are market prices and every divergence is zero"
	}
	for _, r := range rows {
		j.Actors = append(j.Actors, jsonRow(r))
	}
	return j
}
