package scenarios

import (
	"context"
	"fmt"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// AppraisalFor returns the file's appraisal parameters with docs/model.md section 9's
// defaults, for chain c.
func (f *File) AppraisalFor(c *valuechain.Chain) model.Appraisal {
	a := f.Appraisal
	out := model.Appraisal{
		DiscountRate:           c.DiscountRate,
		SchoolYearsPerHourYear: 1.0 / 57,
		ReturnPerSchoolYear:    0.10,
		WorkingYears:           40,
		YearsToWork:            10,
		AdultEarnings:          c.AdultWage * c.FTE(),
		Spillover:              1,
	}
	if a.SchoolYearsPerHourYear != nil {
		out.SchoolYearsPerHourYear = *a.SchoolYearsPerHourYear
	}
	if a.ReturnPerSchoolYear != nil {
		out.ReturnPerSchoolYear = *a.ReturnPerSchoolYear
	}
	if a.YearsToWork != nil {
		out.YearsToWork = *a.YearsToWork
	}
	if a.WorkingYears > 0 {
		out.WorkingYears = a.WorkingYears
	}
	if a.AdultEarnings > 0 {
		out.AdultEarnings = a.AdultEarnings
	}
	if a.Spillover > 0 {
		out.Spillover = a.Spillover
	}
	return out
}

// Plan returns the scenario's plan over years 1..horizon.
func (s *Scenario) Plan(c *valuechain.Chain, horizon int) model.Plan {
	p := model.Plan{Name: s.Name, Base: c}
	for t := 1; t <= horizon; t++ {
		d, pol := s.Year(c, t)
		p.Years = append(p.Years, model.PlanYear{Chain: d, Policy: pol})
	}
	return p
}

// BaselinePlan is the plan without interventions.
func BaselinePlan(c *valuechain.Chain, horizon int) model.Plan {
	return (&Scenario{Name: Baseline}).Plan(c, horizon)
}

// Comparison is the baseline and every scenario run over the horizon, with
// the same households, and each scenario's appraisal against the baseline.
type Comparison struct {
	Horizon   int
	Seed      uint64
	Appraisal model.Appraisal
	Baseline  *model.Run
	Runs      []*model.Run
	Summaries []model.Summary
	// NamesRU holds each run's name in Russian (name_ru), in the order of
	// Runs; "" where the scenario gives none.
	NamesRU []string
}

// RunName returns the name of run i (0 is the first scenario) in the
// language lang ("ru" or "en").
func (c *Comparison) RunName(i int, l lang.Lang) string {
	if l == "ru" && i < len(c.NamesRU) && c.NamesRU[i] != "" {
		return c.NamesRU[i]
	}
	return c.Runs[i].Name
}

// Compare runs the baseline and every scenario of f on chain c for horizon
// years (0: the chain's horizon) with the households of pop (nil: drawn
// from seed 1), the same in every run. progress, when not nil, is called
// after each run.
func Compare(c *valuechain.Chain, f *File, horizon int, pop *model.Population, progress func(done, total int, name string)) (*Comparison, error) {
	return CompareWith(c, f, Options{Horizon: horizon, Population: pop, Progress: progress, Households: true})
}

// Options control a comparison.
type Options struct {
	Horizon    int                                // years (0: the chain's horizon)
	Population *model.Population                  // nil: drawn from seed 1
	Progress   func(done, total int, name string) // called after each run when not nil
	// Households keeps each run's final-year households (incomes and
	// hours) for charts of their distribution.
	Households bool
	// Context, when not nil, stops the comparison once it is done.
	Context context.Context
}

// CompareWith is Compare with options.
func CompareWith(c *valuechain.Chain, f *File, opt Options) (*Comparison, error) {
	horizon, pop, progress := opt.Horizon, opt.Population, opt.Progress
	if horizon <= 0 {
		horizon = c.Years()
	}
	if pop == nil {
		pop = model.NewPopulation(c, 1)
	}
	cmp := &Comparison{Horizon: horizon, Seed: pop.Seed, Appraisal: f.AppraisalFor(c)}
	total := len(f.Scenarios) + 1
	memo := model.NewMemo() // years that repeat, within and across runs, are simulated once
	bp := BaselinePlan(c, horizon)
	bp.Memo, bp.TotalsOnly, bp.Context = memo, !opt.Households, opt.Context
	base, err := model.RunPlan(bp, pop)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	cmp.Baseline = base
	if progress != nil {
		progress(1, total, Baseline)
	}
	for i := range f.Scenarios {
		s := &f.Scenarios[i]
		p := s.Plan(c, horizon)
		p.Memo, p.TotalsOnly, p.Context = memo, !opt.Households, opt.Context
		run, err := model.RunPlan(p, pop)
		if err != nil {
			return nil, fmt.Errorf("scenario %q: %w", s.Name, err)
		}
		cmp.Runs = append(cmp.Runs, run)
		cmp.NamesRU = append(cmp.NamesRU, s.NameRU)
		cmp.Summaries = append(cmp.Summaries, model.Compare(base, run, cmp.Appraisal))
		if progress != nil {
			progress(i+2, total, s.Name)
		}
	}
	return cmp, nil
}
