package scenarios

import (
	"math"
	"testing"

	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
)

// TestGroupRows: on a chain with two household groups and a trader that
// hires children from outside them, scenario_years.csv and
// scenario_summary.csv have, for every scenario and year, one row per
// group ("farm", "upland", "hired"), then the chain's row ("all"). The
// groups' children (all, in child labour, hazardous, weekly hours) add up
// to the chain's, and so do their households and poor households (share
// x households, each group on its own poverty line); the chain's rows are
// exactly the rows written before there were groups.
func TestGroupRows(t *testing.T) {
	c := chain(t, "testdata/two-groups.toml")
	f := parse(t, c, `
[[scenario]]
name = "transfer to the upland farms"
  [[scenario.intervention]]
  type = "cash_transfer"
  targets = ["upland"]
  coverage = 1
  effect = { amount = 400 }
  cost = { per_adopter_per_year = 420 }
[[scenario]]
name = "ban at the trader"
  [[scenario.intervention]]
  type = "ban"
  targets = ["trader"]
  coverage = 1
`)
	cmp, err := Compare(c, f, 0, model.NewPopulation(c, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	runs := append([]*model.Run{cmp.Baseline}, cmp.Runs...)
	years := tables.Years(runs...)
	groups := []string{"farm", "upland", model.HiredGroup, tables.AllGroups}
	if want := len(runs) * c.Years() * len(groups); len(years) != want {
		t.Fatalf("%d rows in scenario_years, want %d", len(years), want)
	}
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: groups add up to %.12g, the chain's row says %.12g", name, got, want)
		}
	}
	for k := 0; k < len(years); k += len(groups) {
		all := years[k+len(groups)-1]
		var ch, cl, hz, wh, poor float64
		var hh int
		for j, g := range groups[:len(groups)-1] {
			r := years[k+j]
			if r.Group != g || r.Scenario != all.Scenario || r.Year != all.Year {
				t.Fatalf("row %d is %s/%d/%s, want group %s of %s/%d", k+j, r.Scenario, r.Year, r.Group, g, all.Scenario, all.Year)
			}
			ch += float64(r.Children)
			cl += float64(r.ChildLabour)
			hz += float64(r.Hazardous)
			wh += float64(r.WeeklyHours)
			hh += r.Households
			if g != model.HiredGroup {
				poor += float64(r.BelowPoverty) * float64(r.Households)
			}
		}
		if all.Group != tables.AllGroups {
			t.Fatalf("row %d is group %q, want %q", k+len(groups)-1, all.Group, tables.AllGroups)
		}
		where := all.Scenario + ", year " + string(rune('0'+all.Year))
		near(where+": children", ch, float64(all.Children))
		near(where+": in child labour", cl, float64(all.ChildLabour))
		near(where+": hazardous", hz, float64(all.Hazardous))
		near(where+": weekly hours", wh, float64(all.WeeklyHours))
		near(where+": poor households", poor, float64(all.BelowPoverty)*float64(all.Households))
		if hh != all.Households {
			t.Errorf("%s: groups' households %d, chain's %d", where, hh, all.Households)
		}
	}
	// The hired children are the trader's: 0 where the trader is banned.
	last := years[len(years)-2]
	if last.Scenario != "ban at the trader" || last.Group != model.HiredGroup || last.Children != 0 {
		t.Errorf("the banned trader's hired children: %+v", last)
	}
	if years[2].Children <= 0 {
		t.Errorf("the baseline's hired children: %+v", years[2])
	}

	// The chain's rows are those written before the groups, field by field.
	var want []tables.YearRow
	for _, r := range runs {
		for _, y := range r.Years {
			want = append(want, tables.YearRow{
				Scenario: r.Name, Year: y.Year, Group: tables.AllGroups, Households: y.Households,
				Children: tables.Qty(y.Children), ChildLabour: tables.Qty(y.ChildLabour), Hazardous: tables.Qty(y.Hazardous),
				Prevalence: tables.Share(y.ChildLabour / y.Children), WeeklyHours: tables.Qty(y.WeeklyHours),
				MeanIncome: tables.Money(y.MeanIncome), BelowPoverty: tables.Share(y.BelowPoverty),
				ValueAdded: tables.Money(y.ValueAdded), Cost: tables.Money(y.Cost), AdultWage: tables.Money(y.AdultWage),
			})
		}
	}
	got := tables.AllRows(years)
	if len(got) != len(want) {
		t.Fatalf("%d chain rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chain row %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}

	sums := tables.Summaries(cmp.Baseline, cmp.Summaries)
	if want := len(runs) * len(groups); len(sums) != want {
		t.Fatalf("%d rows in scenario_summary, want %d", len(sums), want)
	}
	for k := 0; k < len(sums); k += len(groups) {
		all := sums[k+len(groups)-1]
		var cl, hz, avoided, income, edu float64
		for j := range groups[:len(groups)-1] {
			r := sums[k+j]
			cl += float64(r.ChildLabour)
			hz += float64(r.Hazardous)
			avoided += float64(r.ChildYearsAvoided)
			income += float64(r.PVIncomeGained)
			edu += float64(r.PVEducation)
			if !math.IsNaN(float64(r.PVCost)) || !math.IsNaN(float64(r.BCR)) {
				t.Errorf("%s/%s: a group's row gives the chain's cost or ratio: %+v", r.Scenario, r.Group, r)
			}
		}
		near(all.Scenario+": final child labour", cl, float64(all.ChildLabour))
		near(all.Scenario+": final hazardous", hz, float64(all.Hazardous))
		near(all.Scenario+": child-years avoided", avoided, float64(all.ChildYearsAvoided))
		near(all.Scenario+": income gained", income, float64(all.PVIncomeGained))
		near(all.Scenario+": education benefit", edu, float64(all.PVEducation))
	}
	// The transfer reaches the upland farms only: the village farms'
	// income does not move, the upland farms' rises by about 400 x 150 a year.
	tr := sums[len(groups) : 2*len(groups)]
	if tr[0].Group != "farm" || math.Abs(float64(tr[0].PVIncomeGained)) > 1e-6 {
		t.Errorf("the village farms gain %v from a transfer to the upland farms", tr[0].PVIncomeGained)
	}
	if tr[1].Group != "upland" || !(float64(tr[1].PVIncomeGained) > 0) {
		t.Errorf("the upland farms gain %v from their transfer", tr[1].PVIncomeGained)
	}
	// The chain's summary rows are those written before the groups.
	allSums := tables.AllRows(sums)
	if allSums[1].Scenario != cmp.Summaries[0].Name || float64(allSums[1].PVCost) != cmp.Summaries[0].PVCost ||
		float64(allSums[1].ChildYearsAvoided) != cmp.Summaries[0].ChildYearsAvoided || float64(allSums[1].BCR) != cmp.Summaries[0].BCR {
		t.Errorf("chain summary row %+v differs from the comparison %+v", allSums[1], cmp.Summaries[0])
	}
}
