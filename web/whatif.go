package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// Levers are the what-if changes a workshop argues about. Changes are
// relative (0.1: +10%); the transfer is money per household a year.
type Levers struct {
	PriceChange        float64 `json:"price_change"`        // farm-gate price of the household actors
	ProductivityChange float64 `json:"productivity_change"` // their output per household
	WageChange         float64 `json:"wage_change"`         // the adult wage
	Transfer           float64 `json:"transfer"`            // cash transfer per household a year
	Coverage           float64 `json:"coverage"`            // share of households reached by the transfer or premium
	Premium            float64 `json:"premium"`             // child-labour-free premium, share of farm revenue
}

// Headline is what the what-if page shows for a run.
type Headline struct {
	ChildLabour      float64  `json:"children_in_child_labour"`
	Hazardous        float64  `json:"children_in_hazardous_child_labour"`
	MeanIncome       float64  `json:"mean_household_income"`
	BelowPoverty     float64  `json:"share_below_poverty_line"`
	Cost             float64  `json:"cost"`
	CostPerChildYear *float64 `json:"cost_per_child_year,omitempty"` // absent when no child-year is avoided
}

// WhatIfAnswer compares the chain as it is with the chain under the
// levers, over one year with the same households.
type WhatIfAnswer struct {
	Baseline Headline `json:"baseline"`
	WhatIf   Headline `json:"what_if"`
}

func (l Levers) check() error {
	var bad []string
	for _, x := range []struct {
		name      string
		v, lo, hi float64
	}{
		{"price_change", l.PriceChange, -0.9, 5}, {"productivity_change", l.ProductivityChange, -0.9, 5},
		{"wage_change", l.WageChange, -0.9, 5}, {"transfer", l.Transfer, 0, valuechain.MaxMoney},
		{"coverage", l.Coverage, 0, 1}, {"premium", l.Premium, 0, 1},
	} {
		if math.IsNaN(x.v) || x.v < x.lo || x.v > x.hi {
			bad = append(bad, fmt.Sprintf("levers.%s must be between %g and %g, got %v", x.name, x.lo, x.hi, x.v))
		}
	}
	if len(bad) > 0 {
		return &valuechain.InputError{File: "request", Msg: strings.Join(bad, "; ")}
	}
	return nil
}

// apply returns the chain under the actor-level levers, and the scenario
// of the household-level ones.
func (l Levers) apply(c *valuechain.Chain) (*valuechain.Chain, *scenarios.File) {
	d := c.Clone()
	d.AdultWage *= 1 + l.WageChange
	var targets []string
	for i := range d.Actors {
		a := &d.Actors[i]
		if a.Kind != valuechain.Household {
			continue
		}
		targets = append(targets, a.ID)
		a.Price *= 1 + l.PriceChange
		for j := range a.Products {
			a.Products[j].Price *= 1 + l.PriceChange
		}
		if d.IsPrimary(a.ID) {
			a.OutputPerUnit *= 1 + l.ProductivityChange
		}
		if a.AdultWage > 0 {
			a.AdultWage *= 1 + l.WageChange
		}
	}
	f := &scenarios.File{Scenarios: []scenarios.Scenario{{Name: "what-if"}}}
	if l.Coverage > 0 && len(targets) > 0 {
		if l.Transfer > 0 {
			f.Scenarios[0].Interventions = append(f.Scenarios[0].Interventions, scenarios.Intervention{
				Type: "cash_transfer", Targets: targets, Coverage: l.Coverage, Effect: map[string]float64{"amount": l.Transfer}})
		}
		if l.Premium > 0 {
			f.Scenarios[0].Interventions = append(f.Scenarios[0].Interventions, scenarios.Intervention{
				Type: "premium", Targets: targets, Coverage: l.Coverage, Effect: map[string]float64{"premium": l.Premium}})
		}
	}
	return d, f
}

func headline(r *model.Run, s *model.Summary) Headline {
	y := r.Years[len(r.Years)-1]
	h := Headline{ChildLabour: y.ChildLabour, Hazardous: y.Hazardous, MeanIncome: y.MeanIncome, BelowPoverty: y.BelowPoverty, Cost: y.Cost}
	if s != nil && !math.IsNaN(s.CostPerChildYear) {
		x := s.CostPerChildYear
		h.CostPerChildYear = &x
	}
	return h
}

func (s *Server) whatif(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	var req CompareRequest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be JSON with \"chain\" (TOML text) and \"levers\": %v", err))
		return
	}
	if err := req.Levers.check(); err != nil {
		s.fail(w, err)
		return
	}
	key := answerKey{sha256.Sum256(req.textKey()), seed(r), req.Levers}
	if ans, ok := s.answers.get(key); ok {
		writeJSON(w, http.StatusOK, ans)
		return
	}
	var ans WhatIfAnswer
	err := s.run(r, func(ctx context.Context) error {
		// The chain's baseline is made once per text (s.cache): the
		// room's requests differ only in their levers.
		_, a, err := s.cache.get(ctx, req.textKey(), seed(r), func(ctx context.Context) (*valuechain.Chain, *assess.Assessment, error) {
			c, err := parseChain([]byte(req.Chain))
			if err != nil {
				return nil, nil, err
			}
			sv, err := req.survey(c)
			if err != nil {
				return nil, nil, err
			}
			a, err := assess.Run(ctx, assess.Inputs{Chain: c, Survey: sv, Seed: seed(r)}, assess.Options{TotalsOnly: true}, nil)
			return c, a, err
		})
		if err != nil {
			return err
		}
		// The levers move the chain as assessed: its preferences fitted
		// to the observed prevalence (a.Inputs.Chain), not as written,
		// or every lever at zero would differ from the baseline.
		d, f := req.Levers.apply(a.Inputs.Chain)
		if err := valuechain.Validate(d, "what-if"); err != nil {
			return err
		}
		baseRun, run, sum, err := a.WhatIf(ctx, d, f)
		if err != nil {
			return err
		}
		ans.Baseline, ans.WhatIf = headline(baseRun, nil), headline(run, &sum)
		return nil
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	s.answers.put(key, ans)
	writeJSON(w, http.StatusOK, ans)
}
