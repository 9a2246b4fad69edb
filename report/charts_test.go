package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/plots"
)

// TestEveryChartInTheReport (issue 19 point 3): the report shows every
// chart of the one list (plots.Specs) that the assessment draws, once
// each. It placed charts by name and left out two the list draws: the
// children by work and school of a chain with school keys (the apricot
// example) and the Monte Carlo's interval bars.
func TestEveryChartInTheReport(t *testing.T) {
	const name = "apricot-batken"
	c, err := load.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.ExampleScenarios(name, c)
	if err != nil {
		t.Fatal(err)
	}
	a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Seed: 1, ChainName: "example " + name,
		ScenarioName: name + examples.ScenarioSuffix + ".toml"}, assess.Options{Years: 2, Draws: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		cs, err := plots.All(a, l)
		if err != nil {
			t.Fatal(err)
		}
		drawn := map[string]bool{}
		for _, c := range cs {
			drawn[c.Name] = true
		}
		for _, want := range []string{"chain_map", "child_labour", "scenario_school", "scenario_children_interval", "scenario_paths_fan"} {
			if !drawn[want] {
				t.Errorf("%s: the list does not draw %s for this assessment: the test proves nothing", l, want)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, From(a, l, cs, plots.Source(a, l))); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(buf.String(), "<figure>"); n != len(cs) {
			t.Errorf("%s: the report has %d charts, the list drew %d", l, n, len(cs))
		}
		// Each chart once: its SVG (the same bytes the report embeds).
		for _, c := range cs {
			var svg bytes.Buffer
			if err := plots.Write(&svg, c.Plot, plots.Source(a, l), "svg"); err != nil {
				t.Fatal(err)
			}
			s := svg.String()
			s = s[strings.Index(s, "<svg"):]
			if k := strings.Count(buf.String(), s); k != 1 {
				t.Errorf("%s: chart %s is in the report %d times", l, c.Name, k)
			}
		}
	}
}

// TestScenarioTablesFromTheList (issue 19 point 3): the report's table of
// scenarios and its table by household group are scenario_summary's rows
// of tables.List (what the CSV, the workbooks and the page show), each
// number formatted by its column's kind: on the test village, the rows
// and every cell of the scenarios' rows (a column renamed in package
// tables would leave one empty), and the children as the list has them.
func TestScenarioTablesFromTheList(t *testing.T) {
	c, err := load.ChainFile("testdata/village.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.ScenariosFile("testdata/village-scenarios.toml", c)
	if err != nil {
		t.Fatal(err)
	}
	a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Seed: 1}, assess.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		d := &doc{in: From(a, l, nil, ""), l: l}
		rows := d.ScenarioRows()
		sums := tables.Summaries(a.Comparison.Baseline, a.Comparison.Summaries)
		var all []tables.SummaryRow
		for _, r := range sums {
			if r.Group == tables.AllGroups {
				all = append(all, r)
			}
		}
		if len(rows) != len(all) || len(rows) != len(f.Scenarios)+1 {
			t.Fatalf("%s: %d rows, the list has %d, the file %d scenarios", l, len(rows), len(all), len(f.Scenarios))
		}
		for i, r := range rows {
			if len(r.Cells) != 1+len(scenarioColumns) {
				t.Fatalf("%s: row %d has %d cells", l, i, len(r.Cells))
			}
			for k, cell := range r.Cells {
				if cell == "" && (i > 0 || k <= 4) {
					t.Errorf("%s: row %d (%s), cell %d is empty", l, i, r.Cells[0], k)
				}
			}
			if want := l.Thousands(float64(all[i].ChildLabour)); r.Cells[1] != want {
				t.Errorf("%s: %s: %s children, the list %s", l, r.Cells[0], r.Cells[1], want)
			}
		}
		if rows[0].Cells[0] != l.T("baseline") {
			t.Errorf("%s: the first row is %q", l, rows[0].Cells[0])
		}
		// The labour and household tables, from the list's labour and
		// households rows: the total's children's days and each group's
		// households as the list has them.
		lab := tables.Labour(a.Base)
		emp := d.Employment()
		if len(emp) != len(lab) || !emp[len(emp)-1].Total || emp[len(emp)-1].Cells[3] != l.Thousands(float64(lab[len(lab)-1].ChildDays)) {
			t.Errorf("%s: the labour table %v, the list's total %+v", l, emp, lab[len(lab)-1])
		}
		hh := tables.Households(a.Base)
		got := d.Households()
		if len(got) != len(hh) || len(hh) == 0 || got[0].Cells[1] != l.Thousands(float64(hh[0].Households)) || got[0].Cells[4] != l.Percent(float64(hh[0].BelowPoverty)) {
			t.Errorf("%s: the household table %v, the list %+v", l, got, hh)
		}
	}
}
