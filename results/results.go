// Package results writes an assessment's results workbook (xlsx) in one
// language: a Summary sheet (what was run and the headline numbers), a
// sheet per result table of tables.List and the charts of plots.Specs on
// a Charts sheet. `vcsim run --out FILE.xlsx` writes the baseline's,
// `vcsim compare --out FILE.xlsx` the comparison's; both read the one
// assessment (package assess), as every other surface does.
package results

import (
	"bytes"
	"path/filepath"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/workbook"
)

// Meta says what was run, for the Summary sheet: the chain file (a
// built-in example's name when Example is set), the scenario file ("" for
// none), vcsim's version and the date written.
type Meta struct {
	ChainFile, Example, ScenarioFile string
	Version, Date                    string
}

// Baseline returns the workbook of the assessment's baseline: the
// headline numbers, the baseline's tables and charts.
func Baseline(a *assess.Assessment, l lang.Lang, m Meta) ([]byte, error) {
	r, seed := a.Base, a.Inputs.Seed
	s := tables.NewSummary(r, seed)
	var share any = l.T("wb.noshare")
	if s.ProducerShare != nil {
		share = tables.Share(*s.ProducerShare)
	}
	res, err := start(r.Chain, seed, l, m, [][2]any{
		{"wb.va", tables.Money(s.TotalValueAdded)}, {"wb.sales", tables.Money(s.FinalSales)}, {"wb.producershare", share},
		{"wb.fte", tables.Qty(s.FTE)}, {"wb.households", int64(s.Households)}, {"wb.poor", tables.Share(s.BelowPovertyShare)},
		{"wb.children", tables.People(s.Children)}, {"wb.cl", tables.People(s.ChildLabour)}, {"wb.hazardous", tables.People(s.HazardousChildLabour)},
	})
	if err != nil {
		return nil, err
	}
	in := a.Tables()
	in.Seed = seed
	if err := res.Tables(in, r.Chain.Currency, tables.PartBaseline); err != nil {
		return nil, err
	}
	cs, err := plots.All(a, l, plots.PartBaseline)
	if err != nil {
		return nil, err
	}
	return finish(res, cs, plots.SourceLine(l, r.Chain.NameIn(l), "", seed))
}

// Comparison returns the workbook of the assessment's comparison of
// scenarios (and its Monte Carlo's, when it ran one): the horizon and the
// runs, the tables and charts of the scenarios.
func Comparison(a *assess.Assessment, l lang.Lang, m Meta) ([]byte, error) {
	c, cmp := a.Inputs.Chain, a.Comparison
	res, err := start(c, cmp.Seed, l, m, [][2]any{{"wb.years", int64(cmp.Horizon)}, {"wb.runs", int64(len(cmp.Runs) + 1)}})
	if err != nil {
		return nil, err
	}
	if err := res.Tables(a.Tables(), c.Currency, tables.PartScenarios, tables.PartUncertainty); err != nil {
		return nil, err
	}
	cs, err := plots.All(a, l, plots.PartScenarios, plots.PartUncertainty)
	if err != nil {
		return nil, err
	}
	return finish(res, cs, plots.SourceLine(l, c.NameIn(l), filepath.Base(m.ScenarioFile), cmp.Seed))
}

// start begins a results workbook in the language l with its Summary
// sheet: what was run, then extra (labels are message keys).
func start(c *valuechain.Chain, seed uint64, l lang.Lang, m Meta, extra [][2]any) (*workbook.Results, error) {
	res, err := workbook.NewResults(l)
	if err != nil {
		return nil, err
	}
	chainFile := m.ChainFile
	if chainFile == "" {
		chainFile = l.T("wb.example", m.Example)
	}
	rows := [][2]any{
		{"wb.results", c.NameIn(l)},
		{"wb.chainfile", chainFile},
		{"wb.version", m.Version},
		{"wb.seed", int64(seed)},
		{"wb.date", m.Date},
		{"wb.currency", c.Currency},
	}
	if m.ScenarioFile != "" {
		rows = append(rows, [2]any{"wb.scenariofile", m.ScenarioFile})
	}
	rows = append(rows, extra...)
	for i := range rows {
		rows[i][0] = l.T(rows[i][0].(string))
	}
	return res, res.Summary(rows)
}

// finish draws the charts as PNG pictures on the Charts sheet, each under
// its title, and returns the workbook's bytes.
func finish(res *workbook.Results, cs []plots.Chart, source string) ([]byte, error) {
	for _, ch := range cs {
		var b bytes.Buffer
		if err := plots.Write(&b, ch.Plot, source, "png"); err != nil {
			return nil, err
		}
		title := ch.Plot.Title.Text
		if title == "" {
			title = ch.Name
		}
		if err := res.Chart(title, b.Bytes()); err != nil {
			return nil, err
		}
	}
	return res.Bytes()
}
