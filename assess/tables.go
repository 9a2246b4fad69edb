package assess

import (
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
)

// Tables returns what the result tables (tables.List) are made of: the
// baseline, the market, the runs and the Monte Carlo of the assessment,
// and the scenarios' Russian names.
func (a *Assessment) Tables() *tables.Input {
	in := &tables.Input{Base: a.Base, Seed: a.Inputs.Seed, Market: a.Market}
	if cmp := a.Comparison; cmp != nil {
		in.Runs = append([]*model.Run{cmp.Baseline}, cmp.Runs...)
		in.Summaries = cmp.Summaries
		in.NamesRU = map[string]string{}
		for i, r := range cmp.Runs {
			if n := cmp.RunName(i, "ru"); n != r.Name {
				in.NamesRU[r.Name] = n
			}
		}
	}
	if mc := a.MonteCarlo; mc != nil {
		in.Uncertainty, in.Pairs = mc.UncertaintyRows(), mc.PairRows()
	}
	return in
}
