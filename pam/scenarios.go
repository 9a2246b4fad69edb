package pam

import (
	"fmt"

	"github.com/ilo-rma/vcsim/model"
)

// ScenarioRow is a row of scenario_pam.csv: one actor's (or the whole
// chain's, consolidated: "total") profit at private and at social prices
// and DRC in one year of one scenario.
type ScenarioRow struct {
	Scenario      string `csv:"scenario"`
	Year          int    `csv:"year"`
	Actor         string `csv:"actor"`
	ProfitPrivate Money  `csv:"profit_private"`
	ProfitSocial  Money  `csv:"profit_social"`
	DRC           Ratio4 `csv:"drc" undefined:"empty"`
	DRCNote       string `csv:"drc_not_defined"`
}

// ScenarioRows returns the rows of scenario_pam.csv for the runs (the
// baseline first, then each scenario): every year, every actor, then the
// chain.
func ScenarioRows(runs []*model.Run) ([]ScenarioRow, error) {
	var out []ScenarioRow
	for _, run := range runs {
		for y, r := range run.Results {
			t, err := Build(r)
			if err != nil {
				return nil, fmt.Errorf("scenario %q, year %d: %w", run.Name, y+1, err)
			}
			for _, row := range append(append([]Row(nil), t.Actors...), t.Chain) {
				d := row.DRC()
				out = append(out, ScenarioRow{Scenario: run.Name, Year: y + 1, Actor: row.Actor,
					ProfitPrivate: Money(row.D), ProfitSocial: Money(row.H), DRC: Ratio4(d.Value), DRCNote: d.Reason})
			}
		}
	}
	return out, nil
}
