package tables

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
)

// AllGroups is the group of the rows that add up every household group
// (and the children hired from outside them) in scenario_years.csv and
// scenario_summary.csv: the chain's figures.
const AllGroups = "all"

// YearRow is a row of scenario_years.csv: a scenario's year for one
// household group, or for the whole chain (Group AllGroups).
type YearRow struct {
	Scenario     string `csv:"scenario"`
	Year         int    `csv:"year"`
	Group        string `csv:"group"`
	Households   int    `csv:"households"`
	Children     Qty    `csv:"children"`
	ChildLabour  Qty    `csv:"children_in_child_labour"`
	Hazardous    Qty    `csv:"children_in_hazardous_child_labour"`
	Prevalence   Share  `csv:"child_labour_prevalence"`
	WeeklyHours  Qty    `csv:"weekly_child_work_hours"`
	MeanIncome   Money  `csv:"mean_household_income" undefined:"empty"`    // empty on the row of hired children
	BelowPoverty Share  `csv:"share_below_poverty_line" undefined:"empty"` // empty on the row of hired children
	ValueAdded   Money  `csv:"value_added"`
	Cost         Money  `csv:"intervention_cost"`
	AdultWage    Money  `csv:"adult_wage"`
}

// Years returns the yearly rows of the runs, baseline first: in each year
// one row per household group (model.YearKPI.Groups, the same groups in
// every run and year), then the chain's row (AllGroups). AllRows keeps
// the chain's rows alone.
func Years(runs ...*model.Run) []YearRow {
	var rows []YearRow
	names := groupNames(runs)
	for _, r := range runs {
		for _, y := range r.Years {
			for _, name := range names {
				g := findGroup(y.Groups, name)
				income, poor := g.MeanIncome, g.BelowPoverty
				if name == model.HiredGroup {
					income, poor = math.NaN(), math.NaN() // children hired from outside: no households
				}
				rows = append(rows, YearRow{
					Scenario: r.Name, Year: y.Year, Group: name, Households: g.Households,
					Children: Qty(g.Children), ChildLabour: Qty(g.ChildLabour), Hazardous: Qty(g.Hazardous),
					Prevalence: Share(ratio(g.ChildLabour, g.Children)), WeeklyHours: Qty(g.WeeklyHours),
					MeanIncome: Money(income), BelowPoverty: Share(poor),
					// The chain's figures, not split by group.
					ValueAdded: Money(y.ValueAdded), Cost: Money(y.Cost), AdultWage: Money(y.AdultWage),
				})
			}
			rows = append(rows, YearRow{
				Scenario: r.Name, Year: y.Year, Group: AllGroups, Households: y.Households, Children: Qty(y.Children), ChildLabour: Qty(y.ChildLabour),
				Hazardous: Qty(y.Hazardous), Prevalence: Share(ratio(y.ChildLabour, y.Children)),
				WeeklyHours: Qty(y.WeeklyHours), MeanIncome: Money(y.MeanIncome), BelowPoverty: Share(y.BelowPoverty),
				ValueAdded: Money(y.ValueAdded), Cost: Money(y.Cost), AdultWage: Money(y.AdultWage),
			})
		}
	}
	return rows
}

// groupNames returns the household groups of the runs' years in the order
// they first appear (a group that hires children in one run only, or in
// some years, gets a row of zeros where it hires none).
func groupNames(runs []*model.Run) []string {
	var names []string
	seen := map[string]bool{}
	for _, r := range runs {
		for _, y := range r.Years {
			for _, g := range y.Groups {
				if !seen[g.Group] {
					seen[g.Group] = true
					names = append(names, g.Group)
				}
			}
		}
	}
	return names
}

// findGroup returns the group named name, or zeros.
func findGroup(gs []model.GroupKPI, name string) model.GroupKPI {
	for _, g := range gs {
		if g.Group == name {
			return g
		}
	}
	return model.GroupKPI{Group: name}
}

// AllRows returns the chain's rows (Group AllGroups) of scenario_years.csv
// or scenario_summary.csv: one per scenario and year, as before the rows
// per group.
func AllRows[R YearRow | SummaryRow](rows []R) []R {
	var out []R
	for _, r := range rows {
		if groupOf(r) == AllGroups {
			out = append(out, r)
		}
	}
	return out
}

func groupOf(r any) string {
	switch r := r.(type) {
	case YearRow:
		return r.Group
	case SummaryRow:
		return r.Group
	}
	return ""
}

// SummaryRow is a row of scenario_summary.csv. Empty cells are undefined
// (no child-year avoided, or no cost).
type SummaryRow struct {
	Scenario              string `csv:"scenario"`
	Group                 string `csv:"group"`
	ChildLabour           Qty    `csv:"children_in_child_labour_final_year"`
	Hazardous             Qty    `csv:"children_in_hazardous_child_labour_final_year"`
	MeanIncome            Money  `csv:"mean_household_income_final_year" undefined:"empty"`    // empty on the row of hired children
	BelowPoverty          Share  `csv:"share_below_poverty_line_final_year" undefined:"empty"` // empty on the row of hired children
	PVCost                Money  `csv:"pv_cost" undefined:"empty"`                             // the chain's: empty on a group's row
	ChildYearsAvoided     Qty    `csv:"child_years_of_child_labour_avoided"`
	HazardousYearsAvoided Qty    `csv:"child_years_of_hazardous_child_labour_avoided"`
	CostPerChildYear      Money  `csv:"cost_per_child_year_avoided" undefined:"empty"`
	PVIncomeGained        Money  `csv:"pv_household_income_gained"`
	IncomeGainedPerHH     Money  `csv:"pv_income_gained_per_household"`
	PVEducation           Money  `csv:"pv_education_benefit"`
	BCR                   Share  `csv:"benefit_cost_ratio" undefined:"empty"`
	BCRSpillover          Share  `csv:"benefit_cost_ratio_with_spillover" undefined:"empty"`
}

// Summaries returns the baseline's final year, then each scenario: for
// each, one row per household group (the groups of Years), then the
// chain's row (AllGroups). A group's row leaves the costs, the cost per
// child-year and the benefit-cost ratios empty: costs are the chain's.
func Summaries(base *model.Run, sums []model.Summary) []SummaryRow {
	nan := math.NaN()
	final := base.Years[len(base.Years)-1]
	bs := model.Summary{Name: base.Name, Final: final, CostPerChildYear: nan, BCR: nan, BCRSpillover: nan}
	for _, g := range final.Groups {
		bs.Groups = append(bs.Groups, model.GroupSummary{Group: g.Group, Final: g})
	}
	all := append([]model.Summary{bs}, sums...)
	var names []string
	seen := map[string]bool{}
	for _, s := range all {
		for _, g := range s.Groups {
			if !seen[g.Group] {
				seen[g.Group] = true
				names = append(names, g.Group)
			}
		}
	}
	var rows []SummaryRow
	for _, s := range all {
		for _, name := range names {
			g := model.GroupSummary{Group: name, Final: model.GroupKPI{Group: name}}
			for _, x := range s.Groups {
				if x.Group == name {
					g = x
				}
			}
			f := g.Final
			if name == model.HiredGroup {
				f.MeanIncome, f.BelowPoverty = nan, nan // children hired from outside: no households
			}
			rows = append(rows, SummaryRow{
				Scenario: s.Name, Group: name, ChildLabour: Qty(f.ChildLabour), Hazardous: Qty(f.Hazardous),
				MeanIncome: Money(f.MeanIncome), BelowPoverty: Share(f.BelowPoverty), PVCost: Money(nan),
				ChildYearsAvoided: Qty(g.ChildYearsAvoided), HazardousYearsAvoided: Qty(g.HazardousYearsAvoided),
				CostPerChildYear: Money(nan), PVIncomeGained: Money(g.PVIncomeGained),
				IncomeGainedPerHH: Money(g.IncomeGainedPerHH), PVEducation: Money(g.PVEducation),
				BCR: Share(nan), BCRSpillover: Share(nan),
			})
		}
		rows = append(rows, summaryRow(s))
	}
	return rows
}

func summaryRow(s model.Summary) SummaryRow {
	f := s.Final
	return SummaryRow{
		Scenario: s.Name, Group: AllGroups, ChildLabour: Qty(f.ChildLabour), Hazardous: Qty(f.Hazardous),
		MeanIncome: Money(f.MeanIncome), BelowPoverty: Share(f.BelowPoverty), PVCost: Money(s.PVCost),
		ChildYearsAvoided: Qty(s.ChildYearsAvoided), HazardousYearsAvoided: Qty(s.HazardousYearsAvoided),
		CostPerChildYear: Money(s.CostPerChildYear), PVIncomeGained: Money(s.PVIncomeGained),
		IncomeGainedPerHH: Money(s.IncomeGainedPerHH), PVEducation: Money(s.PVEducation),
		BCR: Share(s.BCR), BCRSpillover: Share(s.BCRSpillover),
	}
}

// WriteComparison prints the side-by-side table of the baseline and the
// scenarios for a person at a terminal, in the language l.
func WriteComparison(w io.Writer, currency string, rows []SummaryRow, l lang.Lang) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t\n", l.T("txt.cmp.head"))
	fmt.Fprintf(tw, "%s\t\n", l.T("txt.cmp.units", currency, currency, currency))
	na := func(f func(float64) string, x float64) string {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return l.T("na")
		}
		return f(x)
	}
	dec := func(x float64) string { return l.Number(x, 2) }
	poorer := false
	for i, r := range rows {
		// A scenario that leaves more households below the poverty line
		// than the baseline (the first row) says so next to the figure.
		poor := l.Percent(float64(r.BelowPoverty))
		if i > 0 && float64(r.BelowPoverty) > float64(rows[0].BelowPoverty)+1e-9 {
			poor, poorer = poor+" *", true
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Scenario,
			l.Thousands(float64(r.ChildLabour)), l.Thousands(float64(r.Hazardous)), l.Thousands(float64(r.MeanIncome)),
			poor, na(l.Thousands, float64(r.PVCost)), l.Thousands(float64(r.ChildYearsAvoided)),
			na(l.Thousands, float64(r.CostPerChildYear)), na(dec, float64(r.BCR)), na(dec, float64(r.BCRSpillover)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if poorer {
		_, err := fmt.Fprintln(w, l.T("txt.cmp.poorer"))
		return err
	}
	return nil
}

// WriteEquilibria prints the equilibria of a local labour market and the
// one the market settles at, in the language l.
func WriteEquilibria(w io.Writer, currency string, m model.Settled, l lang.Lang) {
	eqs, settled := m.Equilibria, m.Wage
	fmt.Fprintln(w, l.T("txt.eq.head", len(eqs)))
	for _, e := range eqs {
		kind := l.T("txt.eq.unstable")
		if e.Stable {
			kind = l.T("txt.eq.stable")
		}
		mark := ""
		if math.Abs(e.Wage-settled) <= 1e-9*settled {
			mark = "  " + l.T("txt.eq.here")
		}
		fmt.Fprintln(w, "  "+l.T("txt.eq.row", l.Number(e.Wage, 2), currency, kind, l.Thousands(e.ChildLabour), l.Thousands(e.Hazardous))+mark)
	}
	if m.Note != "" {
		fmt.Fprintf(w, "  %s: %s.\n", l.T("txt.eq.note"), m.Note)
	}
	fmt.Fprintln(w)
}

// EquilibriumRow is a row of equilibria.csv: an equilibrium of the local
// labour market.
type EquilibriumRow struct {
	Wage        Money `csv:"wage" json:"wage"`
	Stable      bool  `csv:"stable" json:"stable"`
	ChildLabour Qty   `csv:"children_in_child_labour" json:"children_in_child_labour"`
	Hazardous   Qty   `csv:"children_in_hazardous_child_labour" json:"children_in_hazardous_child_labour"`
	Settled     bool  `csv:"market_settles_here" json:"market_settles_here"`
}

// MarketSummary is the local labour market in summary.json.
type MarketSummary struct {
	Wage       float64          `json:"wage"`
	Equilibria []EquilibriumRow `json:"equilibria"`
	// Note says where the search for equilibria stopped without knowing
	// the sign of excess demand; empty when it knew both ends.
	Note string `json:"search_note,omitempty"`
}

// Equilibria returns the rows of equilibria.csv.
func Equilibria(m model.Settled) []EquilibriumRow {
	rows := make([]EquilibriumRow, len(m.Equilibria))
	for i, e := range m.Equilibria {
		rows[i] = EquilibriumRow{Wage: Money(e.Wage), Stable: e.Stable, ChildLabour: Qty(e.ChildLabour),
			Hazardous: Qty(e.Hazardous), Settled: math.Abs(e.Wage-m.Wage) <= 1e-9*m.Wage}
	}
	return rows
}

// WithMarket adds the local labour market to a summary.
func (s *Summary) WithMarket(m model.Settled) {
	s.LabourMarket = &MarketSummary{Wage: m.Wage, Equilibria: Equilibria(m), Note: m.Note}
}
