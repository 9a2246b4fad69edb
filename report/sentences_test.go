package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// sentenceCase is a comparison built to hit one branch of the sentences
// the report writes from numbers, with the sentences it must give in
// English and Russian.
type sentenceCase struct {
	name string
	// scen are the scenarios: name, interventions' types, recommended.
	scen []scenarios.Scenario
	// sums are their appraisals, by name; base the baseline's final year.
	sums []model.Summary
	base model.YearKPI
	// summary, caveats and plan: the sentences wanted in each language
	// (summary: the comparison's sentences of the summary paragraph).
	summary, caveats [2][]string
	plan             [2]string
}

// sc is a scenario of the given intervention types.
func sc(name string, recommended bool, types ...string) scenarios.Scenario {
	s := scenarios.Scenario{Name: name, Recommended: recommended}
	for _, t := range types {
		s.Interventions = append(s.Interventions, scenarios.Intervention{Type: t})
	}
	return s
}

const (
	healthEN = "The benefit-cost ratio counts the schooling children regain and the income households gain, not health: safer work and fewer injuries are not in it."
	healthRU = "Соотношение выгод и затрат учитывает возвращённое детьми обучение и доход домохозяйств, но не здоровье: более безопасная работа и меньше травм в него не входят."
)

// TestSentences (issue 19 point 9): the summary's judgement of the
// scenarios, the caveats under the table of scenarios and the action
// plan's note agree with the numbers as the tables show them, on
// comparisons built to hit each branch, in both languages. The porters'
// cooperative of the issue (a cooperative with safety training, BCR 4.77,
// the highest) is not said to have a low BCR; a BCR of 0.996, shown as
// 1.00, is not "below 1"; a change of poverty or of child labour the table
// does not show (20.04% against 20.0%; 1,000.2 against 999.9 children,
// both shown 1,000) is not a trade-off.
func TestSentences(t *testing.T) {
	base := model.YearKPI{ChildLabour: 1000, BelowPoverty: 0.2}
	cases := []sentenceCase{
		{
			name: "porters: the cooperative with safety training has the highest BCR",
			scen: []scenarios.Scenario{sc("Porters' cooperative", false, "cooperative", "osh"), sc("Safe loads", false, "osh"), sc("School", false, "cct")},
			sums: []model.Summary{
				{Name: "Porters' cooperative", BCR: 4.77, ChildYearsAvoided: 300, CostPerChildYear: 800, Final: model.YearKPI{ChildLabour: 900, BelowPoverty: 0.18}},
				{Name: "Safe loads", BCR: 0.12, ChildYearsAvoided: 20, CostPerChildYear: 5000, Final: model.YearKPI{ChildLabour: 990, BelowPoverty: 0.2}},
				{Name: "School", BCR: 0.5, ChildYearsAvoided: 120, CostPerChildYear: 500, Final: model.YearKPI{ChildLabour: 950, BelowPoverty: 0.2}},
			},
			base: base,
			summary: [2][]string{
				{"Of the 3 scenarios compared over 5 years, \"Porters' cooperative\" takes the most children out of child labour: 300 child-years avoided, at 800 TJS per child-year."},
				{"Из 3 сценариев, сравниваемых за 5 лет, «Porters' cooperative» сильнее всего сокращает детский труд: предотвращено 300 ребёнко-лет, по 800 TJS за ребёнко-год."}},
			caveats: [2][]string{
				{"The benefit-cost ratio counts the schooling children regain and the income households gain, not health: Safe loads aims at safer work, and its BCR is below 1 however many children it takes out of hazardous work."},
				{"Соотношение выгод и затрат учитывает возвращённое детьми обучение и доход домохозяйств, но не здоровье: сценарий «Safe loads» направлен на безопасный труд, и его СВЗ ниже 1, сколько бы детей он ни вывел из опасного труда."}},
			plan: [2]string{
				"No scenario is marked recommended = true in the scenario file, so the plan is for School, the scenario with the lowest cost per child-year of child labour avoided. Ranking, in cost per child-year: School (500 TJS); Porters' cooperative (800 TJS); Safe loads (5,000 TJS).",
				"Ни один сценарий не отмечен recommended = true в файле сценариев, поэтому план составлен для сценария «School» с наименьшими затратами на ребёнко-год устранённого детского труда. Рейтинг по затратам на ребёнко-год: School (500 TJS); Porters' cooperative (800 TJS); Safe loads (5\u00a0000 TJS)."},
		},
		{
			name: "two safety scenarios below 1, one at 0.996 (shown 1.00), one with no BCR; a recommended one",
			scen: []scenarios.Scenario{sc("Masks", false, "osh"), sc("Machines", true, "mechanisation"), sc("Gloves", false, "osh"), sc("Free kit", false, "osh")},
			sums: []model.Summary{
				{Name: "Masks", BCR: 0.4, ChildYearsAvoided: 10, CostPerChildYear: 900, Final: base},
				{Name: "Machines", BCR: 0.996, ChildYearsAvoided: 40, CostPerChildYear: 700, Final: base},
				{Name: "Gloves", BCR: 0.994, ChildYearsAvoided: 5, CostPerChildYear: 2000, Final: base},
				{Name: "Free kit", BCR: math.NaN(), ChildYearsAvoided: 0, CostPerChildYear: math.NaN(), Final: base},
			},
			base: base,
			summary: [2][]string{
				{"Of the 4 scenarios compared over 5 years, \"Machines\" takes the most children out of child labour: 40 child-years avoided, at 700 TJS per child-year."},
				{"Из 4 сценариев, сравниваемых за 5 лет, «Machines» сильнее всего сокращает детский труд: предотвращено 40 ребёнко-лет, по 700 TJS за ребёнко-год."}},
			caveats: [2][]string{
				{"The benefit-cost ratio counts the schooling children regain and the income households gain, not health: Masks, Gloves aim at safer work, and their BCR is below 1 however many children they take out of hazardous work."},
				{"Соотношение выгод и затрат учитывает возвращённое детьми обучение и доход домохозяйств, но не здоровье: сценарии «Masks», «Gloves» направлены на безопасный труд, и их СВЗ ниже 1, сколько бы детей они ни вывели из опасного труда."}},
			plan: [2]string{"The workshop recommended Machines (recommended = true in the scenario file).", "Семинар рекомендовал: Machines (recommended = true в файле сценариев)."},
		},
		{
			name: "trade-offs: one shown, two the table does not show",
			scen: []scenarios.Scenario{sc("Cash", false, "cash_transfer"), sc("Tiny", false, "cct"), sc("Flat", false, "cct")},
			sums: []model.Summary{
				{Name: "Cash", BCR: 2, ChildYearsAvoided: 21, CostPerChildYear: 100, Final: model.YearKPI{ChildLabour: 979, BelowPoverty: 0.25}},
				{Name: "Tiny", BCR: 2, ChildYearsAvoided: 1, CostPerChildYear: 150, Final: model.YearKPI{ChildLabour: 990, BelowPoverty: 0.2004}}, // 20.0%: not poorer as shown
				{Name: "Flat", BCR: 2, ChildYearsAvoided: 1, CostPerChildYear: 120, Final: model.YearKPI{ChildLabour: 999.9, BelowPoverty: 0.3}},  // 1,000: not fewer as shown
			},
			base: model.YearKPI{ChildLabour: 1000.2, BelowPoverty: 0.2},
			summary: [2][]string{
				{"Of the 3 scenarios compared over 5 years, \"Cash\" takes the most children out of child labour: 21 child-years avoided, at 100 TJS per child-year.",
					"Cash lowers child labour by 21 children in the final year but raises the share of households below the poverty line from 20.0% to 25.0%."},
				{"Из 3 сценариев, сравниваемых за 5 лет, «Cash» сильнее всего сокращает детский труд: предотвращено 21 ребёнко-год, по 100 TJS за ребёнко-год.",
					"Сценарий «Cash» сокращает детский труд на 21 ребёнка в последнем году, но увеличивает долю домохозяйств за чертой бедности с 20,0\u00a0% до 25,0\u00a0%."}},
			caveats: [2][]string{
				{healthEN, "Cash lowers child labour by 21 children in the final year but raises the share of households below the poverty line from 20.0% to 25.0%."},
				{healthRU, "Сценарий «Cash» сокращает детский труд на 21 ребёнка в последнем году, но увеличивает долю домохозяйств за чертой бедности с 20,0\u00a0% до 25,0\u00a0%."}},
			plan: [2]string{
				"No scenario is marked recommended = true in the scenario file, so the plan is for Cash, the scenario with the lowest cost per child-year of child labour avoided. Ranking, in cost per child-year: Cash (100 TJS); Flat (120 TJS); Tiny (150 TJS).",
				"Ни один сценарий не отмечен recommended = true в файле сценариев, поэтому план составлен для сценария «Cash» с наименьшими затратами на ребёнко-год устранённого детского труда. Рейтинг по затратам на ребёнко-год: Cash (100 TJS); Flat (120 TJS); Tiny (150 TJS)."},
		},
		{
			name: "no scenario avoids child labour (0.4 child-years is shown as 0)",
			scen: []scenarios.Scenario{sc("Awareness", false, "awareness"), sc("Premium", false, "premium")},
			sums: []model.Summary{
				{Name: "Awareness", BCR: 0.1, ChildYearsAvoided: 0.4, CostPerChildYear: 9e5, Final: base},
				{Name: "Premium", BCR: 0.2, ChildYearsAvoided: -3, CostPerChildYear: math.NaN(), Final: base},
			},
			base: base,
			summary: [2][]string{
				{"Of the 2 scenarios compared over 5 years, none takes a child out of child labour."},
				{"Ни один из 2 сценариев, сравниваемых за 5 лет, не сокращает детский труд."}},
			caveats: [2][]string{{healthEN}, {healthRU}},
			plan: [2]string{
				"No scenario is marked recommended = true in the scenario file, so the plan is for Awareness, the scenario with the lowest cost per child-year of child labour avoided. Ranking, in cost per child-year: Awareness (900,000 TJS).",
				"Ни один сценарий не отмечен recommended = true в файле сценариев, поэтому план составлен для сценария «Awareness» с наименьшими затратами на ребёнко-год устранённого детского труда. Рейтинг по затратам на ребёнко-год: Awareness (900\u00a0000 TJS)."},
		},
		{
			name: "one scenario, which avoids child labour",
			scen: []scenarios.Scenario{sc("Only", false, "education")},
			sums: []model.Summary{{Name: "Only", BCR: 1.5, ChildYearsAvoided: 22, CostPerChildYear: 1234, Final: base}},
			base: base,
			summary: [2][]string{
				{"The one scenario, “Only”, compared over 5 years, avoids 22 child-years of child labour, at 1,234 TJS per child-year."},
				{"Единственный сценарий, «Only», за 5 лет предотвращает 22 ребёнко-года детского труда, по 1\u00a0234 TJS за ребёнко-год."}},
			caveats: [2][]string{{healthEN}, {healthRU}},
			plan: [2]string{
				"No scenario is marked recommended = true in the scenario file, so the plan is for Only, the scenario with the lowest cost per child-year of child labour avoided. Ranking, in cost per child-year: Only (1,234 TJS).",
				"Ни один сценарий не отмечен recommended = true в файле сценариев, поэтому план составлен для сценария «Only» с наименьшими затратами на ребёнко-год устранённого детского труда. Рейтинг по затратам на ребёнко-год: Only (1\u00a0234 TJS)."},
		},
		{
			name: "one scenario, which avoids none",
			scen: []scenarios.Scenario{sc("Only", false, "awareness")},
			sums: []model.Summary{{Name: "Only", BCR: 0, ChildYearsAvoided: 0, CostPerChildYear: math.NaN(), Final: base}},
			base: base,
			summary: [2][]string{
				{"The one scenario, “Only”, compared over 5 years, takes no child out of child labour."},
				{"Единственный сценарий, «Only», за 5 лет не сокращает детский труд."}},
			caveats: [2][]string{{healthEN}, {healthRU}},
			plan:    [2]string{"No scenario lowers child labour, so there is no plan to recommend.", "Ни один сценарий не сокращает детский труд, поэтому рекомендовать нечего."},
		},
	}
	for _, tc := range cases {
		for k, l := range []lang.Lang{lang.EN, lang.RU} {
			runs := make([]*model.Run, len(tc.sums))
			for i, s := range tc.sums {
				runs[i] = &model.Run{Name: s.Name}
			}
			cmp := &scenarios.Comparison{Horizon: 5, Baseline: &model.Run{Years: []model.YearKPI{tc.base}}, Runs: runs, Summaries: tc.sums}
			d := &doc{in: Input{Lang: l, Chain: &valuechain.Chain{Currency: "TJS"}, Base: &model.Result{}, Comparison: cmp,
				Scenarios: &scenarios.File{Scenarios: tc.scen}}, l: l}
			if got := d.Summary(); !slices.Equal(got, tc.summary[k]) {
				t.Errorf("%s, %s: summary\n%q\nwant\n%q", tc.name, l, got, tc.summary[k])
			}
			if got := d.Caveats(); !slices.Equal(got, tc.caveats[k]) {
				t.Errorf("%s, %s: caveats\n%q\nwant\n%q", tc.name, l, got, tc.caveats[k])
			}
			if got := d.Plan().Note; got != tc.plan[k] {
				t.Errorf("%s, %s: plan\n%q\nwant\n%q", tc.name, l, got, tc.plan[k])
			}
		}
	}
}

// TestSensitivityNote: the ranking's note says it was not computed, or
// that no number is a range, or nothing when there are rows to show.
func TestSensitivityNote(t *testing.T) {
	for _, tc := range []struct {
		run    bool
		swings []uncertainty.Swing
		en, ru string
	}{
		{false, nil, "The sensitivity ranking was not computed for this report.", "Ранжирование по чувствительности для этого отчёта не рассчитывалось."},
		{true, nil, "No number of the chain or scenario file is given as a range", "Ни одно число файлов цепочки и сценариев не задано диапазоном"},
		{true, []uncertainty.Swing{{Run: "baseline", Swing: 0}}, "No number of the chain or scenario file is given as a range", "Ни одно число файлов цепочки и сценариев не задано диапазоном"},
		{true, []uncertainty.Swing{{Run: "baseline", Swing: 12, Low: 1, High: 2, AtLow: 100, AtHigh: 112}}, "", ""},
	} {
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			d := &doc{in: Input{Lang: l, Chain: &valuechain.Chain{}, SensitivityRun: tc.run, Sensitivity: tc.swings}, l: l}
			want := tc.en
			if l == lang.RU {
				want = tc.ru
			}
			if got := d.SensitivityNote(); !strings.HasPrefix(got, want) || (want == "") != (got == "") {
				t.Errorf("%s %v %v: %q, want %q", l, tc.run, tc.swings, got, want)
			}
		}
	}
}

// TestScenarioDetailTypes: the type column of a scenario's interventions
// gives the guide's short title in the report's language when an
// intervention has a name of its own, and is left out when none has (the
// names are then the types' titles already).
func TestScenarioDetailTypes(t *testing.T) {
	named := scenarios.Intervention{Type: "cct", Name: "Food basket", NameRU: "Продуктовый набор"}
	f := &scenarios.File{Scenarios: []scenarios.Scenario{
		{Name: "Named", Interventions: []scenarios.Intervention{named, {Type: "osh"}}},
		{Name: "Plain", Interventions: []scenarios.Intervention{{Type: "osh"}}},
	}}
	for _, tc := range []struct {
		l          lang.Lang
		first, typ string
	}{
		{lang.EN, "Food basket", "Conditional transfer"},
		{lang.RU, "Продуктовый набор", "Условные трансферты"},
	} {
		d := &doc{in: Input{Lang: tc.l, Chain: &valuechain.Chain{}, Scenarios: f}, l: tc.l}
		sd := d.ScenarioDetails()
		if !sd[0].Types || len(sd[0].Rows[0].Cells) != 8 || sd[0].Rows[0].Cells[0] != tc.first || sd[0].Rows[0].Cells[1] != tc.typ || sd[0].Rows[1].Cells[1] != "" {
			t.Errorf("%s: named %v %+v", tc.l, sd[0].Types, sd[0].Rows)
		}
		if sd[1].Types || len(sd[1].Rows[0].Cells) != 7 {
			t.Errorf("%s: plain %v %+v", tc.l, sd[1].Types, sd[1].Rows)
		}
	}
}
