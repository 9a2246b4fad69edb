package tables

import (
	"io"
	"reflect"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
)

// Part is the part of an assessment a table comes from.
type Part int

// Parts of an assessment.
const (
	PartBaseline    Part = iota // the baseline year: run
	PartDetails                 // every simulated household: run --households
	PartScenarios               // the comparison of scenarios: compare
	PartUncertainty             // the Monte Carlo: compare --draws
)

// Input is what the tables are made from: an assessment's results (package
// assess builds it; the tables cannot import what sits above them).
type Input struct {
	Base   *model.Result
	Seed   uint64
	Market *model.Settled // nil with an open labour market
	// Details are the simulated households, nil unless asked for.
	Details []model.HouseholdDetail
	// Runs are the baseline and the scenarios (nil without scenarios),
	// Summaries each scenario's appraisal.
	Runs      []*model.Run
	Summaries []model.Summary
	// Uncertainty and Pairs are the Monte Carlo's rows
	// (uncertainty.MonteCarlo.UncertaintyRows and PairRows), nil without
	// draws.
	Uncertainty, Pairs any
	// NamesRU gives each scenario's name in Russian (name_ru) by its name,
	// and "baseline".
	NamesRU map[string]string
}

// Table is one result table: the file name it has in a CSV folder and a
// zip (Name + ".csv", or ".json"), its sheet in a results workbook (Name in
// English, SheetRU in Russian), the part of the assessment it belongs to
// and its rows (nil when the assessment has none: no school keys, no local
// labour market...). Its columns are those of the rows' type (Columns).
type Table struct {
	Name    string
	SheetRU string // at most 31 characters (Excel)
	Part    Part
	// JSON is true for summary.json: a file, not a sheet.
	JSON bool
	Rows func(in *Input) any
}

// List is every result table vcsim writes, in order: the CSV folders of
// run and compare, the results workbooks, the page's zip and its
// comparison CSV all take their tables from it. Adding a table is adding
// a line here (and its columns' labels in columns.go).
var List = []Table{
	{"accounts", "Счета участников", PartBaseline, false, func(in *Input) any { return Accounts(in.Base) }},
	{"margins", "Формирование цены", PartBaseline, false, func(in *Input) any { return Margins(in.Base) }},
	{"labour", "Труд", PartBaseline, false, func(in *Input) any { return Labour(in.Base) }},
	{"labour_tasks", "Труд по задачам", PartBaseline, false, func(in *Input) any {
		if rows := Tasks(in.Base); rows != nil {
			return rows
		}
		return nil
	}},
	{"child_labour", "Детский труд", PartBaseline, false, func(in *Input) any { return ChildLabour(in.Base) }},
	{"households", "Домохозяйства", PartBaseline, false, func(in *Input) any { return Households(in.Base) }},
	{"school", "Школа", PartBaseline, false, func(in *Input) any {
		if rows := School(in.Base); rows != nil {
			return rows
		}
		return nil
	}},
	{"equilibria", "Равновесия рынка труда", PartBaseline, false, func(in *Input) any {
		if in.Market == nil {
			return nil
		}
		return Equilibria(*in.Market)
	}},
	{"summary", "", PartBaseline, true, func(in *Input) any {
		s := NewSummary(in.Base, in.Seed)
		if in.Market != nil {
			s.WithMarket(*in.Market)
		}
		return s
	}},
	{"households_detail", "Домохозяйства подробно", PartDetails, false, func(in *Input) any {
		if in.Details == nil {
			return nil
		}
		return Details(in.Details)
	}},
	{"scenario_summary", "Сценарии", PartScenarios, false, func(in *Input) any {
		if len(in.Runs) == 0 {
			return nil
		}
		return Summaries(in.Runs[0], in.Summaries)
	}},
	{"scenario_years", "Сценарии по годам", PartScenarios, false, func(in *Input) any {
		if len(in.Runs) == 0 {
			return nil
		}
		return Years(in.Runs...)
	}},
	{"scenario_school", "Школа по сценариям", PartScenarios, false, func(in *Input) any {
		if rows := ScenarioSchool(in.Runs...); rows != nil {
			return rows
		}
		return nil
	}},
	{"scenario_uncertainty", "Неопределённость", PartUncertainty, false, func(in *Input) any { return in.Uncertainty }},
	{"scenario_pairs", "Сравнение сценариев попарно", PartUncertainty, false, func(in *Input) any { return in.Pairs }},
}

// Lookup returns the table named name, or nil.
func Lookup(name string) *Table {
	for i := range List {
		if List[i].Name == name {
			return &List[i]
		}
	}
	return nil
}

// File is the file name of the table: Name with .csv or .json.
func (t *Table) File() string {
	if t.JSON {
		return t.Name + ".json"
	}
	return t.Name + ".csv"
}

// Sheet is the table's sheet name in a workbook in the language l.
func (t *Table) Sheet(l lang.Lang) string {
	if l == lang.RU && t.SheetRU != "" {
		return t.SheetRU
	}
	return t.Name
}

// In returns the rows of the table for in in the language l (the scenarios
// renamed in Russian), or nil when in has none.
func (t *Table) In(in *Input, l lang.Lang) any {
	rows := t.Rows(in)
	if rows == nil {
		return nil
	}
	if v := reflect.ValueOf(rows); v.Kind() == reflect.Slice && v.IsNil() {
		return nil
	}
	if l == lang.RU && !t.JSON {
		rows = Rename(rows, in.NamesRU)
	}
	return rows
}

// Present returns the tables of the parts that in has, in List's order,
// with their rows in the language l.
func Present(in *Input, l lang.Lang, parts ...Part) []Rows {
	var out []Rows
	for i := range List {
		t := &List[i]
		if !hasPart(parts, t.Part) {
			continue
		}
		if rows := t.In(in, l); rows != nil {
			out = append(out, Rows{t, rows})
		}
	}
	return out
}

// Rows is a table with its rows.
type Rows struct {
	*Table
	Rows any
}

func hasPart(parts []Part, p Part) bool {
	for _, q := range parts {
		if q == p {
			return true
		}
	}
	return false
}

// Write writes the table's rows as its file: CSV in the dialect d (with
// Russian headers and words in the Russian Excel dialect) or JSON.
func (r Rows) Write(w io.Writer, d Dialect) error {
	if r.JSON {
		return WriteJSON(w, r.Rows)
	}
	return WriteCSVDialect(w, r.Rows, d)
}
