package uncertainty

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// Num is a number written with six significant digits; NaN (undefined)
// is an empty cell.
type Num float64

// MarshalCSV formats n with six significant digits.
func (n Num) MarshalCSV() (string, error) { return fmtNum(float64(n)), nil }

func fmtNum(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', 6, 64)
}

// UncertaintyRow is a row of scenario_uncertainty.csv.
type UncertaintyRow struct {
	Scenario  string `csv:"scenario"`
	Indicator string `csv:"indicator"`
	Draws     int    `csv:"draws"`
	Mean      Num    `csv:"mean" undefined:"empty"`
	SD        Num    `csv:"sd" undefined:"empty"`
	P05       Num    `csv:"p05" undefined:"empty"`
	P25       Num    `csv:"p25" undefined:"empty"`
	P50       Num    `csv:"p50" undefined:"empty"`
	P75       Num    `csv:"p75" undefined:"empty"`
	P95       Num    `csv:"p95" undefined:"empty"`
}

// UncertaintyRows returns the rows of scenario_uncertainty.csv.
func (mc *MonteCarlo) UncertaintyRows() []UncertaintyRow {
	var rows []UncertaintyRow
	for _, s := range mc.Summaries() {
		rows = append(rows, UncertaintyRow{s.Run, s.Indicator, s.Draws, Num(s.Mean), Num(s.SD),
			Num(s.P05), Num(s.P25), Num(s.P50), Num(s.P75), Num(s.P95)})
	}
	return rows
}

// PairRow is a row of scenario_pairs.csv.
type PairRow struct {
	A         string `csv:"scenario_a"`
	B         string `csv:"scenario_b"`
	Indicator string `csv:"indicator"`
	Draws     int    `csv:"draws"`
	PBetter   Num    `csv:"p_a_better_than_b" undefined:"empty"`
	DiffP05   Num    `csv:"difference_a_minus_b_p05" undefined:"empty"`
	DiffP50   Num    `csv:"difference_a_minus_b_p50" undefined:"empty"`
	DiffP95   Num    `csv:"difference_a_minus_b_p95" undefined:"empty"`
}

// PairRows returns the rows of scenario_pairs.csv.
func (mc *MonteCarlo) PairRows() []PairRow {
	var rows []PairRow
	for _, p := range mc.Pairs() {
		rows = append(rows, PairRow{p.A, p.B, p.Indicator, p.Draws, Num(p.PBetter), Num(p.DiffP05), Num(p.DiffP50), Num(p.DiffP95)})
	}
	return rows
}

// WriteDraws writes draws.csv: one row per draw and run, with the
// parameters' values (a column each, named file:path) and the indicators.
func (mc *MonteCarlo) WriteDraws(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(mc.DrawRecords()); err != nil {
		return err
	}
	return cw.Error()
}

// DrawRecords returns the records of draws.csv, the header first.
func (mc *MonteCarlo) DrawRecords() [][]string {
	head := []string{"draw", "scenario"}
	for _, p := range mc.Setup.Params {
		head = append(head, p.Name())
	}
	for _, ind := range Indicators {
		head = append(head, ind.Name)
	}
	recs := [][]string{head}
	for d, y := range mc.Y {
		for r, run := range mc.Runs {
			rec := []string{strconv.Itoa(d + 1), run}
			for j := range mc.Setup.Params {
				rec = append(rec, fmtNum(mc.Values.At(d, j)))
			}
			for _, v := range y[r] {
				rec = append(rec, fmtNum(v))
			}
			recs = append(recs, rec)
		}
	}
	return recs
}

// TornadoRow is a row of tornado.csv.
type TornadoRow struct {
	Scenario  string `csv:"scenario"`
	Parameter string `csv:"parameter"`
	Label     string `csv:"label"`
	Line      int    `csv:"line"`
	Low       Num    `csv:"low_value"`
	High      Num    `csv:"high_value"`
	Indicator string `csv:"indicator"`
	AtLow     Num    `csv:"indicator_at_low" undefined:"empty"`
	AtHigh    Num    `csv:"indicator_at_high" undefined:"empty"`
	Swing     Num    `csv:"swing"`
}

// TornadoRows returns the rows of tornado.csv for indicator name.
func TornadoRows(sw []Swing, name string) []TornadoRow {
	rows := make([]TornadoRow, len(sw))
	for i, s := range sw {
		rows[i] = TornadoRow{s.Run, s.Param.Name(), s.Param.Label, s.Param.Line, Num(s.Low), Num(s.High), name, Num(s.AtLow), Num(s.AtHigh), Num(s.Swing)}
	}
	return rows
}

// SobolRow is a row of sobol.csv.
type SobolRow struct {
	Scenario  string `csv:"scenario"`
	Parameter string `csv:"parameter"`
	Label     string `csv:"label"`
	Indicator string `csv:"indicator"`
	S1        Num    `csv:"s1"`
	S1Low     Num    `csv:"s1_low"`
	S1High    Num    `csv:"s1_high"`
	ST        Num    `csv:"st"`
	STLow     Num    `csv:"st_low"`
	STHigh    Num    `csv:"st_high"`
}

// SobolRows returns the rows of sobol.csv for indicator name.
func SobolRows(res []SobolResult, name string) []SobolRow {
	rows := make([]SobolRow, len(res))
	for i, r := range res {
		rows[i] = SobolRow{r.Run, r.Param.Name(), r.Param.Label, name, Num(r.S1), Num(r.S1Low), Num(r.S1High), Num(r.ST), Num(r.STLow), Num(r.STHigh)}
	}
	return rows
}
