package pam

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/model"
)

// TestScenarioRows: the two-stage chain of TestTwoStageChain, and a
// scenario in whose second year the trader sells at 30 instead of 25.
// By hand, that year: trader D = 100 x 30 - 1,000 - 300 = 1,700, H = 900
// (the border price is unchanged); the chain D = 800 + 1,700 = 2,500,
// H = 1,700, DRC = 300 / (2,200 - 200) = 0.15.
func TestScenarioRows(t *testing.T) {
	sim := func(text string) *model.Result {
		r, err := model.Simulate(chain(t, text), model.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	base := sim(twoStage)
	dear := sim(strings.Replace(twoStage, "price = 25", "price = 30", 1))
	rows, err := ScenarioRows([]*model.Run{{Name: "baseline", Results: []*model.Result{base, base}}, {Name: "dearer", Results: []*model.Result{base, dear}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2*2*3 {
		t.Fatalf("%d rows, want 12 (2 scenarios x 2 years x (2 actors + total))", len(rows))
	}
	last := rows[len(rows)-1]
	if last.Scenario != "dearer" || last.Year != 2 || last.Actor != "total" || last.ProfitPrivate != 2500 || last.ProfitSocial != 1700 || last.DRC != 0.15 {
		t.Errorf("last row %+v", last)
	}
	if tr := rows[len(rows)-2]; tr.Actor != "trader" || tr.ProfitPrivate != 1700 || tr.ProfitSocial != 900 {
		t.Errorf("trader %+v", tr)
	}
}
