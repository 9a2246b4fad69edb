// Package report writes vcsim's action-plan report: one self-contained
// HTML file (charts inline as SVG, styles inline, no network, A4 print
// styles) in English or Russian, with a summary in plain words, the chain
// map, accounts, margins and employment tables, child labour and household
// income, the scenarios compared, the interventions used with their
// evidence, the assumptions, the method and the sources.
package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/plausible"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// PAMNeutral reports whether the chain gives no shadow values.
func (d *doc) PAMNeutral() bool { return pam.Neutral(d.in.Chain) }

// PAMRows returns the policy analysis matrix of every actor and of the
// chain; a ratio that is not defined is shown as n/a.
func (d *doc) PAMRows() []Row {
	rows, total, err := pam.Compute(d.in.Base)
	if err != nil {
		return nil
	}
	ratio := func(r pam.Row, name string) string {
		for _, x := range r.Ratios() {
			if x.Name == name {
				if math.IsNaN(x.Value) {
					return d.T("na")
				}
				return d.D(x.Value)
			}
		}
		return d.T("na")
	}
	var out []Row
	for _, r := range append(rows, total) {
		name := r.Name
		if r.Actor == "total" {
			name = d.T("r.chainwide")
		} else if _, i := d.in.Chain.Actor(r.Actor); i >= 0 {
			name = d.actorName(i)
		}
		m := func(x float64) string { return d.l.Number(x/1e6, 1) } // millions: the table fits A4
		out = append(out, Row{Cells: []string{name, m(r.A), m(r.B), m(r.C), m(r.D), m(r.E), m(r.F), m(r.G), m(r.H),
			ratio(r, "npco"), ratio(r, "epc"), ratio(r, "drc"), ratio(r, "pc")}})
	}
	return out
}

// HasUncertainty reports whether draws were run.
func (d *doc) HasUncertainty() bool { return d.in.MonteCarlo != nil }

// DrawsTimes says how many times the scenarios were run: "1 000 раз".
func (d *doc) DrawsTimes() string { return d.l.Plural(float64(d.Draws()), 0, "n.times") }

// Draws returns the number of Monte Carlo draws.
func (d *doc) Draws() int { return len(d.in.MonteCarlo.Y) }

// UncertaintyRows returns, for each run, the median and 90% interval of
// child labour in the final year, the cost per child-year and the BCR,
// rounded to the digits the intervals support, and the probability of
// less child labour than the baseline.
func (d *doc) UncertaintyRows() []Row {
	mc := d.in.MonteCarlo
	sums := mc.Summaries()
	get := func(run, ind string) uncertainty.Summary {
		for _, s := range sums {
			if s.Run == run && s.Indicator == ind {
				return s
			}
		}
		return uncertainty.Summary{}
	}
	est := func(s uncertainty.Summary, f func(float64) string) string {
		if s.Draws == 0 {
			return d.T("na")
		}
		return uncertainty.Interval(s, f, d.l)
	}
	better := map[string]float64{}
	for _, p := range mc.Pairs() {
		if p.B == mc.Runs[0] && p.Indicator == "children_in_child_labour_final_year" {
			better[p.A] = p.PBetter
		}
	}
	var rows []Row
	for i, run := range mc.Runs {
		name := d.runName(run)
		pb := "–"
		if i == 0 {
			name = d.T("baseline")
		} else {
			pb = d.P(better[run])
		}
		rows = append(rows, Row{Cells: []string{name,
			est(get(run, "children_in_child_labour_final_year"), d.N),
			est(get(run, "cost_per_child_year_avoided"), d.N),
			est(get(run, "benefit_cost_ratio"), d.D), pb}})
	}
	return rows
}

// Input is what a report is made of.
type Input struct {
	Lang      lang.Lang
	Fits      []model.Fit // preferences fitted to observations before simulating
	Chain     *valuechain.Chain
	ChainFile string
	// ChainText is the chain file's text, when there is one: the report
	// shows the comment on each assumption's line.
	ChainText []byte
	// ScenarioFile is the scenario file's name ("" without one).
	ScenarioFile string
	// Version and Date say which vcsim made the report and when; they
	// are printed as given.
	Version, Date string
	Seed          uint64
	Base          *model.Result
	// Comparison and Scenarios are nil without scenarios.
	Comparison *scenarios.Comparison
	Scenarios  *scenarios.File
	Charts     []plots.Chart
	Source     string // the source line under each chart
	// MonteCarlo, when not nil, gives the scenarios' headlines with their
	// intervals (vcsim report --draws N).
	MonteCarlo *uncertainty.MonteCarlo
	// Sensitivity is the assessment's one-at-a-time ranking of the
	// uncertain numbers (assess.Options.Sensitivity); nil when it was not
	// asked for.
	Sensitivity []uncertainty.Swing
	// SensitivityRun says whether the ranking was asked for (an empty
	// ranking then means no number is uncertain).
	SensitivityRun bool
	// Warnings are the chain's plausibility warnings (assess.Assessment
	// .Warnings): listed after the summary, with their lines or cells.
	Warnings []plausible.Warning
}

// From returns the input of a report on assessment a in language l, with
// the charts drawn from it and the names of the chain and scenario files
// as the report prints them.
func From(a *assess.Assessment, l lang.Lang, charts []plots.Chart, source string) Input {
	in := a.Inputs
	return Input{Lang: l, Chain: in.Chain, ChainFile: in.ChainName, ScenarioFile: in.ScenarioName, Seed: in.Seed,
		Base: a.Base, Comparison: a.Comparison, Scenarios: in.Scenarios, Charts: charts, Source: source, MonteCarlo: a.MonteCarlo, Fits: a.Fits, Warnings: a.Warnings,
		Sensitivity: a.Sensitivity, SensitivityRun: a.Options.Sensitivity}
}

// Sections are the ids of the report's sections, in order; a test checks
// that every one is present.
var Sections = []string{"summary", "map", "accounts", "margins", "employment", "children", "scenarios", "actionplan", "economic", "interventions", "assumptions", "method", "sources", "appendix"}

// Write writes the report as HTML.
func Write(w io.Writer, in Input) error {
	svgs := map[string]template.HTML{}
	for _, c := range in.Charts {
		var buf bytes.Buffer
		if err := plots.Write(&buf, c.Plot, in.Source, "svg"); err != nil {
			return fmt.Errorf("chart %s: %w", c.Name, err)
		}
		s := buf.String()
		if i := strings.Index(s, "<svg"); i >= 0 {
			s = s[i:]
		}
		svgs[c.Name] = template.HTML(s) // drawn by vcsim, not user input
	}
	d := &doc{in: in, l: in.Lang, svgs: svgs}
	return page.Execute(w, d)
}

// doc feeds the template.
type doc struct {
	in     Input
	groups []AssumptionGroup // the chain file's parameters, once listed
	l      lang.Lang
	svgs   map[string]template.HTML
}

func (d *doc) T(key string, args ...any) string { return d.l.T(key, args...) }
func (d *doc) Lang() string                     { return string(d.l) }
func (d *doc) Chain() *valuechain.Chain         { return d.in.Chain }
func (d *doc) N(x float64) string               { return d.l.Thousands(x) }
func (d *doc) D(x float64) string               { return d.l.Number(x, 2) }
func (d *doc) P(x float64) string               { return d.l.Percent(x) }

// Generated says which vcsim made the report, when, from which files and
// with which seed.
func (d *doc) Generated() string {
	files := d.in.ChainFile
	if ex, ok := strings.CutPrefix(files, "example "); ok { // load names a built-in example so
		files = d.T("wb.example", ex)
	}
	if d.in.ScenarioFile != "" {
		files += ", " + d.in.ScenarioFile
	}
	s := d.T("r.generated", files, d.in.Seed)
	if d.in.Version != "" || d.in.Date != "" {
		s += " " + d.T("r.version", d.in.Version, d.in.Date)
	}
	return s
}

// Summary is the plain-words paragraph.
func (d *doc) Summary() []string {
	r, c, l := d.in.Base, d.in.Chain, d.l
	var out []string
	top := 0
	for i, a := range r.Accounts {
		if a.ValueAdded > r.Accounts[top].ValueAdded {
			top = i
		}
	}
	if len(r.Margins) > 0 {
		last := r.Margins[len(r.Margins)-1]
		key, share := "r.summary.chain", r.Margins[0].PurchaseShare
		if ps, ok := r.ProducerShare(); ok {
			share = ps
		} else {
			key = "r.summary.chain.bought" // no producer: the first price paid is outside the chain
		}
		out = append(out, l.T(key, l.Thousands(r.Totals.ValueAdded), c.Currency, d.actorName(top),
			l.Percent(r.Accounts[top].VAShare), l.Percent(share), l.Number(last.Price, 2), c.Currency, last.UnitIn(l)))
	}
	if r.Totals.Households > 0 {
		ch := r.ChildTotal()
		out = append(out, l.T("r.summary.hh", l.Plural(float64(r.Totals.Households), 0, "n.households.gen"), l.Percent(r.Totals.BelowPoverty),
			l.Plural(ch.Children, 0, "n.children.gen"), l.Thousands(ch.ChildLabour), l.Percent(ch.ChildLabour/ch.Children),
			l.Thousands(ch.Hazardous), l.Percent(ch.Hazardous/ch.Children)))
		for _, a := range c.DefaultPreferences() {
			out = append(out, l.T("txt.defaults", a.NameIn(l)))
		}
		out = append(out, tables.DefaultNotes(c, l)...)
		out = append(out, tables.FitNotes(c, d.in.Fits, l)...)
	}
	if cmp := d.in.Comparison; cmp != nil && len(cmp.Summaries) > 0 {
		best := cmp.Summaries[0]
		for _, s := range cmp.Summaries {
			if s.ChildYearsAvoided > best.ChildYearsAvoided {
				best = s
			}
		}
		n, years := l.Plural(float64(len(cmp.Summaries)), 0, "n.scenarios.gen"), l.Plural(float64(cmp.Horizon), 0, "n.years.acc")
		avoids := asShown(best.ChildYearsAvoided, 0) > 0 // as the table's column of child-years avoided shows it
		switch {
		case len(cmp.Summaries) == 1 && avoids:
			out = append(out, l.T("r.summary.single", d.runName(best.Name), years, l.Plural(best.ChildYearsAvoided, 0, "n.childyears"),
				l.Thousands(best.CostPerChildYear), c.Currency))
		case len(cmp.Summaries) == 1:
			out = append(out, l.T("r.summary.single.none", d.runName(best.Name), years))
		case avoids:
			out = append(out, l.T("r.summary.best", n, years, d.runName(best.Name), l.Plural(best.ChildYearsAvoided, 0, "n.childyears"),
				l.Thousands(best.CostPerChildYear), c.Currency))
		default:
			out = append(out, l.T("r.summary.nobest", n, years))
		}
		out = append(out, d.tradeoffs()...)
	}
	return out
}

// actorName is actor i's name in the report's language.
func (d *doc) actorName(i int) string { return d.in.Chain.Actors[i].NameIn(d.l) }

// ChainName is the chain's name in the report's language.
func (d *doc) ChainName() string { return d.in.Chain.NameIn(d.l) }

// runName returns the name, in the report's language, of the run or
// scenario named name (as in the scenario file).
func (d *doc) runName(name string) string {
	if cmp := d.in.Comparison; cmp != nil {
		for i, r := range cmp.Runs {
			if r.Name == name {
				return cmp.RunName(i, d.l)
			}
		}
	}
	return name
}

// Row is a table row of cells.
type Row struct {
	Cells []string
	Total bool
}

// Accounts is the accounts table.
func (d *doc) Accounts() []Row {
	r := d.in.Base
	var rows []Row
	for i, a := range r.Accounts {
		rows = append(rows, Row{Cells: []string{d.actorName(i), d.N(a.Count), d.N(a.Revenue), d.N(a.IntermediateConsumption),
			d.N(a.ValueAdded), d.N(a.Wages), d.N(a.NetOperatingProfit), d.P(a.VAShare), d.N(a.PerUnit(a.ValueAdded))}})
	}
	t := r.Totals
	rows = append(rows, Row{Total: true, Cells: []string{d.T("t.total"), "", "", "", d.N(t.ValueAdded), d.N(t.Wages),
		d.N(t.NetOperatingProfit), d.P(1), ""}})
	return rows
}

// HasServices reports whether a stage of the price build-up pays services
// (kind = "service"): the table then has a column for their fees.
func (d *doc) HasServices() bool {
	for _, s := range d.in.Base.Margins {
		if s.Services > 0 {
			return true
		}
	}
	return false
}

// Margins is the price build-up table.
func (d *doc) Margins() []Row {
	c := d.in.Chain
	var rows []Row
	for k, s := range d.in.Base.Margins {
		_, i := c.Actor(s.Actor)
		if k == 0 && s.Purchase > 0 {
			// The first price paid, outside the chain.
			cells := []string{d.T("r.bought"), "", d.D(s.Purchase), "", "", d.P(s.PurchaseShare)}
			if d.HasServices() {
				cells = slices.Insert(cells, 4, "")
			}
			rows = append(rows, Row{Cells: cells})
		}
		cells := []string{d.actorName(i), d.D(s.Price) + " / " + s.UnitIn(d.l), d.D(s.PriceFinal),
			d.D(s.Transport), d.D(s.Margin), d.P(s.Share)}
		if d.HasServices() {
			cells = slices.Insert(cells, 4, d.D(s.Services)) // fees to porters, transporters: a cost of the stage
		}
		rows = append(rows, Row{Cells: cells})
	}
	return rows
}

// ChildRows is the child labour table by band.
func (d *doc) ChildRows() []Row {
	var rows []Row
	var all model.Children
	for b, ch := range d.in.Base.ChildLabour {
		all.Add(&ch)
		rows = append(rows, Row{Cells: []string{valuechain.BandNames[b], d.N(ch.Children), d.N(ch.ChildLabour), d.N(ch.Hazardous), d.P(ratio(ch.ChildLabour, ch.Children))}})
	}
	rows = append(rows, Row{Total: true, Cells: []string{"5-17", d.N(all.Children), d.N(all.ChildLabour), d.N(all.Hazardous), d.P(ratio(all.ChildLabour, all.Children))}})
	return rows
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Intervention is an intervention used by the scenarios, from the guide.
type Intervention struct {
	Name, Description string
	Evidence          []string
	Costs             string
}

// Interventions lists the guide entries of the types the scenarios use.
func (d *doc) Interventions() []Intervention {
	if d.in.Scenarios == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []Intervention
	for _, s := range d.in.Scenarios.Scenarios {
		for _, iv := range s.Interventions {
			g, ok := guide.Lookup(iv.Type)
			if !ok || seen[iv.Type] {
				continue
			}
			seen[iv.Type] = true
			out = append(out, Intervention{Name: g.Title(d.l), Description: g.About(d.l),
				Evidence: g.EvidenceText(d.l), Costs: strings.Join(g.Costs(d.l), "; ")})
		}
	}
	return out
}

// Steps are the steps of a rapid market assessment.
func (d *doc) Steps() [][2]string {
	var out [][2]string
	for _, s := range guide.Steps {
		if d.l == lang.RU {
			out = append(out, [2]string{s.TitleRU, s.TextRU})
		} else {
			out = append(out, [2]string{s.Title, s.Text})
		}
	}
	return out
}

// Sources are the sources named in the chain file.
func (d *doc) Sources() []string { return d.in.Chain.Sources }

// HasScenarios reports whether scenarios were compared.
func (d *doc) HasScenarios() bool { return d.in.Comparison != nil }

// chartSections names the report's section of each baseline chart of
// plots.Specs. A baseline chart not named here goes to the chain map's
// section; every scenario chart to the scenarios' section, every Monte
// Carlo chart to the uncertainty's: a chart added to plots.Specs is in the
// report at once.
var chartSections = map[string]string{
	"chain_map": "map", "value_added": "map", "price_build_up": "margins",
	"employment": "employment", "child_labour": "children", "pam": "economic",
}

// chartSection is the report's section of the chart spec s.
func chartSection(s plots.Spec) string {
	switch s.Part {
	case plots.PartScenarios:
		return "scenarios"
	case plots.PartUncertainty:
		return "uncertainty"
	}
	if sec, ok := chartSections[s.Name]; ok {
		return sec
	}
	return "map"
}

// ChartsIn returns the charts drawn for the report's section, in the order
// of plots.Specs (the one list of charts).
func (d *doc) ChartsIn(section string) []template.HTML {
	var out []template.HTML
	for _, s := range plots.Specs {
		if svg, ok := d.svgs[s.Name]; ok && chartSection(s) == section {
			out = append(out, svg)
		}
	}
	return out
}

// Checks is the table of plausibility warnings: the line (or cell) of the
// key, where, the number, the plausible range, what is wrong and a hint,
// in the report's language.
func (d *doc) Checks() []Row {
	var rows []Row
	for _, w := range d.in.Warnings {
		at := d.in.ChainFile
		switch {
		case w.Cell != "":
			at = strings.TrimPrefix(plausible.Where(d.in.ChainFile, w), d.in.ChainFile+": ")
		case w.Line > 0 && !strings.HasSuffix(strings.ToLower(d.in.ChainFile), ".xlsx"): // a workbook's line is of the TOML vcsim made of it
			at = fmt.Sprintf("%s:%d", d.in.ChainFile, w.Line)
		}
		at = strings.TrimSuffix(at, ": ")
		l := w.Localized(d.l)
		rows = append(rows, Row{Cells: []string{at, l.Where + ": " + l.Field, d.significant(w.Value), l.Plausible, l.Message, l.Hint}})
	}
	return rows
}

// significant writes x with three significant digits and the language's
// separators, as the warning's message rounds it: 19,500 (19,543);
// -0.537; 0.0312.
func (d *doc) significant(x float64) string {
	if r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64); err == nil {
		x = r // the number the warning's message writes
	}
	dec := 0
	if a := math.Abs(x); a > 0 && a < 100 {
		dec = min(6, 2-int(math.Floor(math.Log10(a))))
	}
	return d.l.Number(x, dec)
}
