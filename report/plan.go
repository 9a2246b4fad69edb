package report

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
)

// ScenarioDetail says what one scenario is: its interventions with their
// type, targets, coverage, timing and costs.
type ScenarioDetail struct {
	Name, Description string
	Recommended       bool
	// Types says the rows have a column of the interventions' types: only
	// when an intervention has a name of its own (otherwise its name is
	// its type's title).
	Types bool
	Rows  []Row
}

// ScenarioDetails describes every scenario of the scenario file.
func (d *doc) ScenarioDetails() []ScenarioDetail {
	if d.in.Scenarios == nil {
		return nil
	}
	horizon := d.horizon()
	var out []ScenarioDetail
	for _, s := range d.in.Scenarios.Scenarios {
		sd := ScenarioDetail{Name: s.NameIn(d.l), Description: s.DescriptionIn(d.l), Recommended: s.Recommended}
		for _, iv := range s.Interventions {
			title, kind := iv.Type, iv.Type
			if g, ok := guide.Lookup(iv.Type); ok {
				title = g.Title(d.l)
				kind, _, _ = strings.Cut(title, " (") // "Conditional transfer (school-linked food basket)"
			}
			name := iv.NameIn(d.l)
			if name == "" {
				name, kind = title, "" // the name is the type's title already
			}
			sd.Rows = append(sd.Rows, Row{Cells: []string{name, kind, d.targets(iv.Targets), d.P(iv.Coverage),
				d.timeline(&iv, horizon), d.money(iv.Cost.Fixed), d.money(iv.Cost.PerAdopterPerYear), d.money(iv.Cost.PerChildPerYear)}})
		}
		for _, r := range sd.Rows {
			sd.Types = sd.Types || r.Cells[1] != ""
		}
		if !sd.Types {
			for k := range sd.Rows {
				sd.Rows[k].Cells = slices.Delete(sd.Rows[k].Cells, 1, 2)
			}
		}
		out = append(out, sd)
	}
	return out
}

// horizon is the years compared.
func (d *doc) horizon() int {
	if d.in.Comparison != nil {
		return d.in.Comparison.Horizon
	}
	return d.in.Chain.Years()
}

// money formats an amount, leaving a zero empty.
func (d *doc) money(x float64) string {
	if x == 0 {
		return "–"
	}
	return d.N(x)
}

// targets names the target actors in the report's language.
func (d *doc) targets(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if _, j := d.in.Chain.Actor(id); j >= 0 {
			names[i] = d.actorName(j)
		}
	}
	return strings.Join(names, ", ")
}

// timeline says when an intervention runs and when it reaches full
// coverage.
func (d *doc) timeline(iv *scenarios.Intervention, horizon int) string {
	start, end := max(iv.Start, 1), iv.End
	if end <= 0 || end > horizon {
		end = horizon
	}
	s := d.T("r.years", start, end)
	if iv.RampYears > 0 {
		s += "; " + d.T("r.ramp", d.l.Number(iv.RampYears, 0))
	}
	return s
}

// Spillover is the local multiplier that the second BCR uses.
func (d *doc) Spillover() string {
	if d.in.Comparison == nil {
		return ""
	}
	return d.l.Number(d.in.Comparison.Appraisal.Spillover, 1)
}

// Caveats qualify the scenario figures: what the BCR leaves out, and
// scenarios that lower child labour but leave more households poor.
func (d *doc) Caveats() []string {
	cmp := d.in.Comparison
	if cmp == nil {
		return nil
	}
	var out []string
	var health []string
	for _, i := range lowBCRSafety(d.in.Scenarios, cmp.Summaries) {
		health = append(health, d.in.Scenarios.Scenarios[i].NameIn(d.l))
	}
	switch len(health) {
	case 0:
		out = append(out, d.T("r.caveat.health"))
	case 1:
		out = append(out, d.T("r.caveat.health.one", health[0]))
	default:
		out = append(out, d.T("r.caveat.health.named", strings.Join(health, d.T("r.namesep"))))
	}
	out = append(out, d.tradeoffs()...)
	return out
}

// asShown is x as a table shows it with dec decimals, so that a sentence
// judges the number the reader sees: a BCR of 0.996 is shown as 1.00 and
// is not "below 1".
func asShown(x float64, dec int) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', dec, 64), 64)
	if err != nil {
		return x
	}
	return v
}

// lowBCRSafety returns the scenarios (indices into f.Scenarios) that aim
// at safer work (an osh or mechanisation intervention, or one that changes
// hazards) and whose benefit-cost ratio, as the table of scenarios shows
// it (two decimals), is below 1: the report says their BCR is low because
// it leaves health out. A safety scenario whose BCR is 1 or more, or not
// defined, is not said to be low. Each scenario is found in sums by its
// name.
func lowBCRSafety(f *scenarios.File, sums []model.Summary) []int {
	if f == nil {
		return nil
	}
	bcr := map[string]float64{}
	for _, s := range sums {
		bcr[s.Name] = s.BCR
	}
	var out []int
	for i, s := range f.Scenarios {
		if b, ok := bcr[s.Name]; !ok || !(asShown(b, 2) < 1) {
			continue
		}
		for _, iv := range s.Interventions {
			if iv.Type == "osh" || iv.Effect["hazard_change"] != 0 || iv.Type == "mechanisation" {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// tradeoffs names the scenarios that lower child labour in the final year
// but raise the share of households below the poverty line, both as the
// table of scenarios shows them (whole children, percentages with one
// decimal): a change the table does not show is not said.
func (d *doc) tradeoffs() []string {
	cmp := d.in.Comparison
	if cmp == nil || len(cmp.Baseline.Years) == 0 {
		return nil
	}
	base := cmp.Baseline.Years[len(cmp.Baseline.Years)-1]
	var out []string
	for _, s := range cmp.Summaries {
		f := s.Final
		fewer := asShown(base.ChildLabour, 0) - asShown(f.ChildLabour, 0)
		if fewer > 0 && asShown(100*f.BelowPoverty, 1) > asShown(100*base.BelowPoverty, 1) {
			out = append(out, d.T("r.caveat.tradeoff", d.runName(s.Name), d.l.Plural(fewer, 0, "n.children.acc"),
				d.P(base.BelowPoverty), d.P(f.BelowPoverty)))
		}
	}
	return out
}

// ActionPlan is the action-plan section: the plan of the recommended
// scenarios, or of the one with the lowest cost per child-year.
type ActionPlan struct {
	Note  string
	Plans []ScenarioPlan
}

// ScenarioPlan is one scenario's plan: a row per intervention (objective,
// responsible actors, timeline, yearly and total budget) and a row per
// year (budget, children in child labour without and with it).
type ScenarioPlan struct {
	Name  string
	Rows  []Row
	Years []Row
}

// Plan builds the action plan, or returns nil without scenarios.
func (d *doc) Plan() *ActionPlan {
	cmp, f := d.in.Comparison, d.in.Scenarios
	if cmp == nil || f == nil {
		return nil
	}
	var chosen []string
	for _, s := range f.Scenarios {
		if s.Recommended {
			chosen = append(chosen, s.Name)
		}
	}
	ap := &ActionPlan{}
	if len(chosen) > 0 {
		shown := make([]string, len(chosen))
		for i, n := range chosen {
			shown[i] = d.runName(n)
		}
		ap.Note = d.T("r.plan.recommended", strings.Join(shown, ", "))
	} else {
		ranked := rankByCost(cmp.Summaries)
		if len(ranked) == 0 {
			ap.Note = d.T("r.plan.none")
			return ap
		}
		var names []string
		for _, s := range ranked {
			names = append(names, fmt.Sprintf("%s (%s %s)", d.runName(s.Name), d.N(s.CostPerChildYear), d.in.Chain.Currency))
		}
		chosen = []string{ranked[0].Name}
		ap.Note = d.T("r.plan.ranked", d.runName(ranked[0].Name), strings.Join(names, "; "))
	}
	for _, name := range chosen {
		if p, ok := d.scenarioPlan(name); ok {
			ap.Plans = append(ap.Plans, p)
		}
	}
	return ap
}

// rankByCost orders the scenarios that avoid child labour by cost per
// child-year, lowest first; the others are left out.
func rankByCost(sums []model.Summary) []model.Summary {
	var out []model.Summary
	for _, s := range sums {
		if s.ChildYearsAvoided > 0 && !math.IsNaN(s.CostPerChildYear) && !math.IsInf(s.CostPerChildYear, 0) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CostPerChildYear < out[j].CostPerChildYear })
	return out
}

// scenarioPlan is the plan of the scenario named name.
func (d *doc) scenarioPlan(name string) (ScenarioPlan, bool) {
	cmp := d.in.Comparison
	var sc *scenarios.Scenario
	for i := range d.in.Scenarios.Scenarios {
		if d.in.Scenarios.Scenarios[i].Name == name {
			sc = &d.in.Scenarios.Scenarios[i]
		}
	}
	var run *model.Run
	for _, r := range cmp.Runs {
		if r.Name == name {
			run = r
		}
	}
	if sc == nil || run == nil {
		return ScenarioPlan{}, false
	}
	p := ScenarioPlan{Name: sc.NameIn(d.l)}
	lg := d.l
	for i, iv := range sc.Interventions {
		var objective string
		responsible := iv.Responsible
		title := iv.Type
		if g, ok := guide.Lookup(iv.Type); ok {
			objective, title = g.Objective(lg), g.Title(lg)
			if len(responsible) == 0 {
				responsible = g.Responsible(lg)
			}
		}
		name := iv.NameIn(lg)
		if name == "" {
			name = title
		}
		lo, hi, total := math.Inf(1), 0.0, 0.0
		for _, r := range run.Results {
			if i < len(r.Measures) {
				c := r.Measures[i].Cost
				total += c
				if c > 0 {
					lo, hi = min(lo, c), max(hi, c)
				}
			}
		}
		perYear := "–"
		switch {
		case math.IsInf(lo, 1):
		case d.N(lo) == d.N(hi):
			perYear = d.N(hi)
		default:
			perYear = d.N(lo) + " – " + d.N(hi)
		}
		p.Rows = append(p.Rows, Row{Cells: []string{name, objective, strings.Join(responsible, ", "),
			d.timeline(&iv, cmp.Horizon), perYear, d.N(total)}})
	}
	for y, k := range run.Years {
		b := cmp.Baseline.Years[y]
		p.Years = append(p.Years, Row{Cells: []string{fmt.Sprint(k.Year), d.N(k.Cost), d.N(b.ChildLabour), d.N(k.ChildLabour),
			d.N(b.ChildLabour - k.ChildLabour)}})
	}
	return p, true
}
