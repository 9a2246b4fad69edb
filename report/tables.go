package report

import (
	"fmt"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/scenarios"
)

// listTable is a result table of tables.List as the report reads it: its
// columns and each row's cells (tables.Cells, numbers unrounded), with the
// index of each column by its key. The report's tables of scenarios show
// these rows, the same the CSV files, the workbooks and the page show:
// the report selects and formats, it does not compute.
type listTable struct {
	cols  []tables.Column
	cells [][]any
	index map[string]int
}

// listTable returns the table name of tables.List for the report's
// assessment, or nil when the assessment has none.
func (d *doc) listTable(name string) *listTable {
	in := &tables.Input{Base: d.in.Base, Seed: d.in.Seed}
	if cmp := d.in.Comparison; cmp != nil {
		in.Runs = append([]*model.Run{cmp.Baseline}, cmp.Runs...)
		in.Summaries = cmp.Summaries
	}
	t := tables.Lookup(name)
	if t == nil {
		return nil
	}
	rows := t.In(in, "en") // names are the report's to say (runName)
	if rows == nil {
		return nil
	}
	lt := &listTable{cols: tables.Columns(rows), cells: tables.Cells(rows, "en"), index: map[string]int{}}
	for j, c := range lt.cols {
		lt.index[c.Key] = j
	}
	return lt
}

// text is row i's text in column key.
func (lt *listTable) text(i int, key string) string {
	return fmt.Sprint(lt.cells[i][lt.index[key]])
}

// cell is row i's number in column key as the report writes a number of
// its column's kind: children, money, counts and days as whole numbers
// with the language's separators, shares as percentages, ratios with two
// decimals.
func (d *doc) cell(lt *listTable, i int, key string) string {
	j, ok := lt.index[key]
	if !ok {
		return "" // a column renamed in package tables (TestScenarioTablesFromTheList)
	}
	var x float64
	switch v := lt.cells[i][j].(type) {
	case float64:
		x = v
	case int64:
		return d.N(float64(v))
	default:
		return fmt.Sprint(v)
	}
	switch lt.cols[j].Kind {
	case tables.KindShare:
		return d.P(x)
	case tables.KindRatio, tables.KindRatio4:
		return d.D(x)
	}
	return d.N(x)
}

// scenarioColumns are the columns of scenario_summary that the report's
// table of scenarios shows after the scenario's name, in order (its
// headers are the report's short ones, in the template); the baseline's
// row has the first four.
var scenarioColumns = []string{
	"children_in_child_labour_final_year", "children_in_hazardous_child_labour_final_year",
	"mean_household_income_final_year", "share_below_poverty_line_final_year",
	"pv_cost", "child_years_of_child_labour_avoided", "cost_per_child_year_avoided",
	"benefit_cost_ratio", "benefit_cost_ratio_with_spillover",
}

// ScenarioRows is the table of scenarios: the chain's rows (group "all")
// of scenario_summary, the baseline first.
func (d *doc) ScenarioRows() []Row {
	lt := d.listTable("scenario_summary")
	if lt == nil {
		return nil
	}
	var rows []Row
	for i := range lt.cells {
		if lt.text(i, "group") != tables.AllGroups {
			continue
		}
		run := lt.text(i, "scenario")
		cells := []string{d.runName(run)}
		for k, key := range scenarioColumns {
			if run == scenarios.Baseline && k >= 4 {
				cells = append(cells, "")
				continue
			}
			cells = append(cells, d.cell(lt, i, key))
		}
		if run == scenarios.Baseline {
			cells[0] = d.T("baseline")
		}
		rows = append(rows, Row{Cells: cells})
	}
	return rows
}

// GroupRows is the scenarios' final year household group by group (then
// the children hired from outside the groups): the group rows of
// scenario_summary, the share of households below the poverty line on
// cash income, children in child labour and in hazardous child labour.
// Nil with fewer than two groups, where it would repeat ScenarioRows.
func (d *doc) GroupRows() []Row {
	cmp := d.in.Comparison
	if cmp == nil || len(cmp.Baseline.Years[len(cmp.Baseline.Years)-1].Groups) < 2 {
		return nil
	}
	lt := d.listTable("scenario_summary")
	if lt == nil {
		return nil
	}
	var rows []Row
	for i := range lt.cells {
		g := lt.text(i, "group")
		if g == tables.AllGroups {
			continue
		}
		run := lt.text(i, "scenario")
		name := d.T("baseline")
		if run != scenarios.Baseline {
			name = d.runName(run)
		}
		group, poor := g, d.cell(lt, i, "share_below_poverty_line_final_year")
		if g == model.HiredGroup {
			group, poor = d.T("t.hiredgroup"), ""
		} else if _, k := d.in.Chain.Actor(g); k >= 0 {
			group = d.actorName(k)
		}
		rows = append(rows, Row{Cells: []string{name, group, poor,
			d.cell(lt, i, "children_in_child_labour_final_year"), d.cell(lt, i, "children_in_hazardous_child_labour_final_year")}})
	}
	return rows
}

// actorOf is the name, in the report's language, of the actor id (the id
// itself for one the chain does not have).
func (d *doc) actorOf(id string) string {
	if _, k := d.in.Chain.Actor(id); k >= 0 {
		return d.actorName(k)
	}
	return id
}

// Employment is the labour table: the labour rows of tables.List, the
// total's row with the children's days and the full-time equivalents.
func (d *doc) Employment() []Row {
	lt := d.listTable("labour")
	if lt == nil {
		return nil
	}
	var rows []Row
	for i := range lt.cells {
		if a := lt.text(i, "actor"); a == tables.Total {
			rows = append(rows, Row{Total: true, Cells: []string{d.T("t.total"), "", "", d.cell(lt, i, "child_days"), d.cell(lt, i, "fte")}})
		} else {
			rows = append(rows, Row{Cells: []string{d.actorOf(a), d.cell(lt, i, "family_days"), d.cell(lt, i, "hired_days"),
				d.cell(lt, i, "child_days"), d.cell(lt, i, "fte")}})
		}
	}
	return rows
}

// Households is the household income table: the households rows of
// tables.List (cash income, its median, the share below the poverty line).
func (d *doc) Households() []Row {
	lt := d.listTable("households")
	if lt == nil {
		return nil
	}
	var rows []Row
	for i := range lt.cells {
		rows = append(rows, Row{Cells: []string{d.actorOf(lt.text(i, "group")), d.cell(lt, i, "households"),
			d.cell(lt, i, "mean_cash_income"), d.cell(lt, i, "median_cash_income"), d.cell(lt, i, "share_below_poverty_line")}})
	}
	return rows
}
