package tables

import (
	"math"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// SchoolRow is what school.csv and scenario_school.csv give for a set of
// children: the children of one band and sex by school and work, the ILO/UCW
// four-way table (docs/model.md section 5b). Working is at least an hour
// a week. The four-way shares are empty on the rows by sex: they are
// counted by band.
type SchoolRow struct {
	Band      string `csv:"band"`
	Sex       string `csv:"sex"` // all, girls or boys
	Children  People `csv:"children"`
	Enrolled  People `csv:"enrolled"`
	Enrolment Share  `csv:"enrolment_rate" undefined:"empty"`
	WorkOnly  Share  `csv:"work_only" undefined:"empty"`
	WorkStudy Share  `csv:"work_and_study" undefined:"empty"`
	StudyOnly Share  `csv:"study_only" undefined:"empty"`
	Neither   Share  `csv:"neither" undefined:"empty"`
}

// GroupSchoolRow is a row of school.csv: a household group (or "total").
type GroupSchoolRow struct {
	Group string `csv:"group"`
	SchoolRow
}

// ScenarioSchoolRow is a row of scenario_school.csv: a run and a year.
type ScenarioSchoolRow struct {
	Scenario string `csv:"scenario"`
	Year     int    `csv:"year"`
	SchoolRow
}

// schoolRows returns the rows of one set of bands: each band and sex, then
// 5-17 (all sexes).
func schoolRows(bands [valuechain.NumBands]model.Children, bySex bool) []SchoolRow {
	var rows []SchoolRow
	var all model.Children
	for b := range bands {
		c := bands[b]
		all.Add(&c)
		rows = append(rows, fourWay(valuechain.BandNames[b], c))
		if bySex {
			nan := Share(math.NaN())
			for _, s := range []struct {
				name string
				x    model.Sex
			}{{"girls", c.Girls}, {"boys", c.Boys}} {
				rows = append(rows, SchoolRow{Band: valuechain.BandNames[b], Sex: s.name, Children: People(s.x.Children),
					Enrolled: People(s.x.Enrolled), Enrolment: Share(ratio(s.x.Enrolled, s.x.Children)),
					WorkOnly: nan, WorkStudy: nan, StudyOnly: nan, Neither: nan})
			}
		}
	}
	return append(rows, fourWay("5-17", all))
}

// fourWay is the row of all the children of c.
func fourWay(band string, c model.Children) SchoolRow {
	s := c.School
	return SchoolRow{Band: band, Sex: "all", Children: People(c.Children), Enrolled: People(s.Enrolled),
		Enrolment: Share(ratio(s.Enrolled, c.Children)), WorkOnly: Share(ratio(s.WorkOnly, c.Children)),
		WorkStudy: Share(ratio(s.WorkStudy, c.Children)), StudyOnly: Share(ratio(s.StudyOnly, c.Children)),
		Neither: Share(ratio(s.Neither, c.Children))}
}

// School returns the rows of school.csv for a year: each household group
// with school keys, then their total (hired children from outside the
// chain's households are not in it); nil when no group has them.
func School(r *model.Result) []GroupSchoolRow {
	if !model.HasSchool(r.Chain) {
		return nil
	}
	var rows []GroupSchoolRow
	bySex := false
	for _, g := range r.Groups {
		a, _ := r.Chain.Actor(g.Actor)
		if a == nil || a.Household == nil || !a.Household.HasSchool() {
			continue
		}
		bySex = bySex || g.BySex
		for _, row := range schoolRows(g.ByBand, g.BySex) {
			rows = append(rows, GroupSchoolRow{g.Actor, row})
		}
	}
	for _, row := range schoolRows(r.SchoolBands(), bySex) {
		rows = append(rows, GroupSchoolRow{Total, row})
	}
	return rows
}

// ScenarioSchool returns the rows of scenario_school.csv: for each run,
// baseline first, and each year, the chain's children by band and sex,
// school and work; nil when the chain has no school keys.
func ScenarioSchool(runs ...*model.Run) []ScenarioSchoolRow {
	if len(runs) == 0 || len(runs[0].Results) == 0 || !model.HasSchool(runs[0].Results[0].Chain) {
		return nil
	}
	var rows []ScenarioSchoolRow
	for _, r := range runs {
		for i, y := range r.Years {
			bySex := false
			if i < len(r.Results) {
				for _, g := range r.Results[i].Groups {
					bySex = bySex || g.BySex
				}
			}
			for _, row := range schoolRows(y.Bands, bySex) {
				rows = append(rows, ScenarioSchoolRow{r.Name, y.Year, row})
			}
		}
	}
	return rows
}

// FitNotes returns, in the language l, a note for each group whose
// preferences were fitted to observations before simulating (the fitted
// alpha and delta, and how close the model comes), for the command line
// and the report.
func FitNotes(c *valuechain.Chain, fits []model.Fit, l lang.Lang) []string {
	var out []string
	for _, f := range fits {
		name := f.Group
		if a, _ := c.Actor(f.Group); a != nil {
			name = a.NameIn(l)
		}
		key := "txt.fitted"
		if f.Survey {
			key = "txt.fitted.survey"
		}
		out = append(out, l.T(key, name, l.Number(f.Alpha, 4), l.Percent(f.Observed), l.Percent(f.Fitted)))
		if f.School {
			for b := range f.Delta {
				if math.IsNaN(f.ObservedEnrolment[b]) || math.IsNaN(f.Enrolment[b]) {
					continue
				}
				out = append(out, l.T("txt.fitted.school", name, valuechain.BandNames[b], l.Number(f.Delta[b], 3),
					l.Percent(f.ObservedEnrolment[b]), l.Percent(f.Enrolment[b])))
			}
		}
	}
	return out
}

// DefaultNotes returns, in the language l, a note naming the chain-wide
// keys the chain file does not give and the defaults vcsim takes for them
// (valuechain.Chain.Defaulted), for the command line and the report: a
// horizon, a discount rate or a working day taken in silence would change
// the results unseen.
func DefaultNotes(c *valuechain.Chain, l lang.Lang) []string {
	keys := c.Defaulted()
	if len(keys) == 0 {
		return nil
	}
	values := make([]string, len(keys))
	for i, k := range keys {
		switch k {
		case "horizon":
			values[i] = "horizon = " + l.Number(valuechain.DefaultHorizon, 0)
		case "discount_rate":
			values[i] = "discount_rate = 0 (" + l.T("def.nodiscount") + ")"
		case "hours_per_day":
			values[i] = "hours_per_day = " + l.Number(valuechain.DefaultHoursPerDay, 0)
		case "fte_days":
			values[i] = "fte_days = " + l.Number(valuechain.DefaultFTEDays, 0)
		}
	}
	return []string{l.T("txt.chaindefaults", strings.Join(values, ", "))}
}
