package tables

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/gocarina/gocsv"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/outfile"
)

// Summary is the content of summary.json: the chain's headline numbers.
type Summary struct {
	Chain              string  `json:"chain"`
	Currency           string  `json:"currency"`
	BaseYear           int     `json:"base_year"`
	Seed               uint64  `json:"seed"`
	TotalValueAdded    float64 `json:"total_value_added"`
	FinalSales         float64 `json:"final_sales"`
	DomesticSales      float64 `json:"domestic_sales"`
	ExportSales        float64 `json:"export_sales"`
	ExternalInputs     float64 `json:"external_inputs"`
	Transport          float64 `json:"transport"`
	Wages              float64 `json:"wages"`
	NetOperatingProfit float64 `json:"net_operating_profit"`
	// ProducerShare is null when the main channel starts with an actor
	// that buys outside the chain (no producer: model.Result.ProducerShare).
	ProducerShare         *float64 `json:"producer_share"`
	LabourDays            float64  `json:"labour_days"`
	FTE                   float64  `json:"fte"`
	ChildDays             float64  `json:"child_days"`
	Households            int      `json:"households"`
	BelowPovertyShare     float64  `json:"households_below_poverty_line_share"`
	Children              float64  `json:"children"`
	ChildLabour           float64  `json:"children_in_child_labour"`
	HazardousChildLabour  float64  `json:"children_in_hazardous_child_labour"`
	ChildLabourPrevalence float64  `json:"child_labour_prevalence"`
	HazardousPrevalence   float64  `json:"hazardous_child_labour_prevalence"`
	// HiredChildren and the next two count the children actors hire from
	// outside the household groups, included in the totals above.
	HiredChildren     float64   `json:"hired_children"`
	HiredChildLabour  float64   `json:"hired_children_in_child_labour"`
	HiredHazardous    float64   `json:"hired_children_in_hazardous_child_labour"`
	ValueAddedByActor []ActorVA `json:"value_added_by_actor"`
	// LabourMarket is the local labour market, when the chain has one.
	LabourMarket *MarketSummary `json:"labour_market,omitempty"`
}

// ActorVA is an actor's value added and its share of the chain's.
type ActorVA struct {
	Actor      string  `json:"actor"`
	Name       string  `json:"name"`
	ValueAdded float64 `json:"value_added"`
	Share      float64 `json:"share"`
}

// NewSummary gathers the headline numbers of a result.
func NewSummary(r *model.Result, seed uint64) Summary {
	t := r.Totals
	ch := r.ChildTotal()
	s := Summary{
		Chain: r.Chain.Name, Currency: r.Chain.Currency, BaseYear: r.Chain.BaseYear, Seed: seed,
		TotalValueAdded: t.ValueAdded, FinalSales: t.FinalSales, DomesticSales: t.DomesticSales,
		ExportSales: t.ExportSales, ExternalInputs: t.ExternalInputs, Transport: t.Transport,
		Wages: t.Wages, NetOperatingProfit: t.NetOperatingProfit, LabourDays: t.LabourDays, FTE: t.FTE,
		ChildDays: t.ChildDays, Households: t.Households, BelowPovertyShare: t.BelowPoverty,
		Children: ch.Children, ChildLabour: ch.ChildLabour, HazardousChildLabour: ch.Hazardous,
		ChildLabourPrevalence: ratio(ch.ChildLabour, ch.Children), HazardousPrevalence: ratio(ch.Hazardous, ch.Children),
	}
	for i := range r.Hired {
		h := r.Hired[i].Total()
		s.HiredChildren += h.Children
		s.HiredChildLabour += h.ChildLabour
		s.HiredHazardous += h.Hazardous
	}
	if ps, ok := r.ProducerShare(); ok {
		s.ProducerShare = &ps
	}
	for _, a := range r.Accounts {
		s.ValueAddedByActor = append(s.ValueAddedByActor, ActorVA{Actor: a.Actor, Name: a.Name, ValueAdded: a.ValueAdded, Share: a.VAShare})
	}
	return s
}

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(jsonNumber.ReplaceAllFunc(buf.Bytes(), cleanNumber))
	return err
}

// jsonNumber matches a number with a fraction that ends a line of indented
// JSON (a value after a key, or an element of an array); numbers inside
// strings end with a quote and are not matched.
var jsonNumber = regexp.MustCompile(`(?m)(?:^ +|: )-?\d+\.\d+(?:e[+-]?\d+)?,?$`)

// cleanNumber rounds a matched number to 12 significant digits, the
// precision the model's inputs carry, so that the sums of floating point
// arithmetic read 81000, not 81000.00000000618.
func cleanNumber(m []byte) []byte {
	start := bytes.LastIndexAny(m, " ") + 1
	end := len(m)
	if m[end-1] == ',' {
		end--
	}
	x, err := strconv.ParseFloat(string(m[start:end]), 64)
	if err != nil {
		return m
	}
	x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	out := append([]byte(nil), m[:start]...)
	out = strconv.AppendFloat(out, x, 'f', -1, 64)
	return append(out, m[end:]...)
}

// bom is the UTF-8 byte-order mark Excel needs to read Cyrillic text.
const bom = "\ufeff"

// WriteCSV writes rows (a slice of structs with csv tags) as UTF-8 CSV
// with one header row, starting with a byte-order mark when withBOM.
func WriteCSV(w io.Writer, rows any, withBOM bool) error {
	if withBOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	return gocsv.Marshal(rows, w)
}

// Dialect is how CSV files are written: with a byte-order mark or not,
// and, for a Russian-locale Excel (which opens CSV by double-click with
// its list separator, a semicolon, and its decimal separator, a comma),
// semicolons and decimal commas.
type Dialect struct {
	BOM          bool
	Semicolon    bool
	DecimalComma bool
}

// ExcelRU is the dialect of a Russian-locale Excel: BOM, ";" and ",".
var ExcelRU = Dialect{BOM: true, Semicolon: true, DecimalComma: true}

// AddCSV renders rows as a CSV file at path in the dialect d and adds it
// to the output set, after checking that every number in them is finite.
// A file in the Russian Excel dialect says so in its name (DialectName).
func AddCSV(s *outfile.Set, path string, rows any, d Dialect) error {
	path = DialectName(path, d)
	if err := outfile.Finite(filepath.Base(path), rows); err != nil {
		return err
	}
	return s.AddFunc(path, func(w io.Writer) error { return WriteCSVDialect(w, rows, d) })
}

// ExcelRUSuffix ends the name of a CSV file in the dialect ExcelRU
// (accounts.excel-ru.csv): such a file is right for a Russian-locale Excel
// only (an English-locale Excel reads 30000,000 as 30,000,000), and its
// name says so wherever it is sent.
const ExcelRUSuffix = ".excel-ru.csv"

// DialectName returns the name of a CSV file written in the dialect d:
// path itself, or with .csv replaced by ExcelRUSuffix for ExcelRU.
func DialectName(path string, d Dialect) string {
	if d != ExcelRU || strings.HasSuffix(path, ExcelRUSuffix) {
		return path
	}
	return strings.TrimSuffix(path, ".csv") + ExcelRUSuffix
}

// WriteCSVDialect writes rows as CSV in the dialect d. With a decimal
// comma every cell that is a number written with a decimal point gets a
// comma instead; text cells are left as they are.
func WriteCSVDialect(w io.Writer, rows any, d Dialect) error {
	if !d.Semicolon && !d.DecimalComma {
		return WriteCSV(w, rows, d.BOM)
	}
	var b bytes.Buffer
	if err := gocsv.Marshal(rows, &b); err != nil {
		return err
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		return err
	}
	if d.BOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	return writeRecords(w, recs, d)
}

// writeRecords writes records in the dialect d.
func writeRecords(w io.Writer, recs [][]string, d Dialect) error {
	cw := csv.NewWriter(w)
	if d.Semicolon {
		cw.Comma = ';'
	}
	for i, rec := range recs {
		if d.DecimalComma && i > 0 {
			for j, cell := range rec {
				if _, err := strconv.ParseFloat(cell, 64); err == nil && strings.Contains(cell, ".") {
					rec[j] = strings.Replace(cell, ".", ",", 1)
				}
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteRecordsDialect writes CSV records (the first the header) in the
// dialect d, with its byte-order mark.
func WriteRecordsDialect(w io.Writer, recs [][]string, d Dialect) error {
	if d.BOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	return writeRecords(w, recs, d)
}

// AddJSON renders v as indented JSON at path and adds it to the output
// set, after checking that every number in it is finite.
func AddJSON(s *outfile.Set, path string, v any) error {
	if err := outfile.Finite(filepath.Base(path), v); err != nil {
		return err
	}
	return s.AddFunc(path, func(w io.Writer) error { return WriteJSON(w, v) })
}

// Files are the names of the files AddDir writes.
var Files = []string{"accounts.csv", "margins.csv", "labour.csv", "child_labour.csv", "households.csv", "summary.json"}

// AddDir renders every output file of r into the output set, in dir;
// with a local labour market (market not nil) equilibria.csv too, and the
// market in summary.json. Nothing is written until the set is.
func AddDir(s *outfile.Set, dir string, r *model.Result, seed uint64, d Dialect, market *model.Settled) error {
	contents := []any{Accounts(r), Margins(r), Labour(r), ChildLabour(r), Households(r)}
	for i, rows := range contents {
		if err := AddCSV(s, filepath.Join(dir, Files[i]), rows, d); err != nil {
			return err
		}
	}
	if rows := School(r); rows != nil {
		if err := AddCSV(s, filepath.Join(dir, "school.csv"), rows, d); err != nil {
			return err
		}
	}
	sum := NewSummary(r, seed)
	if market != nil {
		sum.WithMarket(*market)
		if err := AddCSV(s, filepath.Join(dir, "equilibria.csv"), Equilibria(*market), d); err != nil {
			return err
		}
	}
	return AddJSON(s, filepath.Join(dir, "summary.json"), sum)
}

// WriteText writes a readable summary for a person at a terminal: value
// added by actor, the producer's share, households below the poverty line
// and children in child labour.
func WriteText(w io.Writer, r *model.Result, l lang.Lang) error {
	c := r.Chain
	s := NewSummary(r, 0)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %d)\n\n", c.NameIn(l), c.Currency, c.BaseYear)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t\n", l.T("txt.head"))
	for i, a := range r.Accounts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", c.Actors[i].NameIn(l), l.Thousands(a.Count),
			l.Thousands(a.ValueAdded), l.Percent(a.VAShare), l.Thousands(a.PerUnit(a.ValueAdded)), l.Thousands(a.NetOperatingProfit))
	}
	fmt.Fprintf(tw, "%s\t\t%s\t%s\t\t%s\t\n", l.T("txt.chain"), l.Thousands(s.TotalValueAdded), l.Percent(1), l.Thousands(s.NetOperatingProfit))
	tw.Flush()
	b.WriteString("\n" + l.T("txt.sales", l.Thousands(s.FinalSales), c.Currency, l.Thousands(s.ExportSales), l.Thousands(s.ExternalInputs), l.Thousands(s.Transport)) + "\n")
	if len(r.Margins) > 0 {
		first, last := r.Margins[0], r.Margins[len(r.Margins)-1]
		if ps, ok := r.ProducerShare(); ok {
			b.WriteString(l.T("txt.share", l.Percent(ps), l.Number(last.Price, 2), c.Currency, last.UnitIn(l)) + "\n")
		} else {
			b.WriteString(l.T("txt.share.bought", l.Percent(first.PurchaseShare), l.Number(last.Price, 2), c.Currency, last.UnitIn(l)) + "\n")
		}
	}
	b.WriteString(l.T("txt.employment", l.Thousands(s.FTE), l.Plural(s.ChildDays, 0, "n.days")) + "\n")
	if s.Households > 0 {
		b.WriteString(l.T("txt.households", l.Thousands(float64(s.Households)), l.Percent(s.BelowPovertyShare)) + "\n")
	}
	if s.Children > 0 {
		b.WriteString(l.T("txt.children", l.Thousands(s.Children), l.Thousands(s.ChildLabour), l.Percent(s.ChildLabourPrevalence),
			l.Thousands(s.HazardousChildLabour), l.Percent(s.HazardousPrevalence)) + "\n")
	}
	if s.HiredChildren > 0 {
		b.WriteString(l.T("txt.hired", l.Thousands(s.HiredChildren), l.Thousands(s.HiredChildLabour), l.Thousands(s.HiredHazardous)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
