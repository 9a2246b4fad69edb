package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// BandsStep is one line of /api/bands: the uncertainty charts over the
// draws made so far, out of the total asked for.
type BandsStep struct {
	Draws  int     `json:"draws"`
	Total  int     `json:"total"`
	Charts []Chart `json:"charts,omitempty"`
	// Intervals are the 90-percent intervals of the page's headline
	// indicators over these draws, for every run (uncertainty.Summaries).
	Intervals []Interval `json:"intervals,omitempty"`
	Error     string     `json:"error,omitempty"`
}

// Interval is an indicator's median and 90-percent interval (5th to 95th
// percentile) over the draws where it is defined, for run Run (0: the
// baseline, then the scenarios in the order of /api/compare's rows).
type Interval struct {
	Run       int     `json:"run"`
	Indicator string  `json:"indicator"` // a column of scenario_summary.csv
	Draws     int     `json:"draws"`
	P05       float64 `json:"p05"`
	P50       float64 `json:"p50"`
	P95       float64 `json:"p95"`
}

// bandIndicators are the indicators of the page's comparison table and
// headline cards.
var bandIndicators = map[string]bool{
	"children_in_child_labour_final_year": true, "children_in_hazardous_child_labour_final_year": true,
	"mean_household_income_final_year": true, "share_below_poverty_line_final_year": true,
	"cost_per_child_year_avoided": true, "benefit_cost_ratio": true,
}

// intervals returns the intervals of the headline indicators of mc; an
// indicator defined in no draw is left out.
func intervals(mc *uncertainty.MonteCarlo) []Interval {
	var out []Interval
	n := len(uncertainty.Indicators)
	for k, s := range mc.Summaries() {
		if !bandIndicators[s.Indicator] || s.Draws == 0 || math.IsNaN(s.P05) || math.IsNaN(s.P95) {
			continue
		}
		out = append(out, Interval{Run: k / n, Indicator: s.Indicator, Draws: s.Draws, P05: s.P05, P50: s.P50, P95: s.P95})
	}
	return out
}

// bandsFirst is the size of the first part of a Monte Carlo the page
// shows: 40 draws of the cotton example cost about 5 CPU-seconds, 2.5 s on
// two free cores (docs/performance.md).
const bandsFirst = 40

// bands answers the uncertainty bands of the request's chain and scenarios
// as they are computed: one JSON line (BandsStep) after the first 40
// draws, then after each further part (80, then 100 draws), until
// req.Draws (at most MaxDraws). The draws are those of one random-sampling
// run of req.Draws draws (uncertainty.Options.First): the last line's
// charts are that run's. Closing the request (the page's Stop) stops it.
func (s *Server) bands(w http.ResponseWriter, r *http.Request) {
	c, f, req, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	if f == nil || req.Draws <= 0 {
		writeError(w, http.StatusBadRequest, errors.New("bands need scenarios and draws > 0"))
		return
	}
	l := pageLang(r)
	setup, err := uncertainty.NewSetup(c, f, "chain", "scenarios")
	if err != nil {
		s.fail(w, err)
		return
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	// The charts' source line, as plots.Source writes it for the page.
	source := plots.SourceLine(l, c.NameIn(l), "", seed(r))
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	enc := json.NewEncoder(w)
	var mc *uncertainty.MonteCarlo
	for first, part := 0, bandsFirst; first < req.Draws; first, part = first+part, min(2*part, 100) {
		n := min(part, req.Draws-first)
		m, err := uncertainty.Run(setup, uncertainty.Options{Draws: n, First: first, Seed: seed(r), Context: ctx})
		if err != nil {
			switch {
			case errors.Is(ctx.Err(), context.DeadlineExceeded):
				msg := fmt.Sprintf("the time limit (%v) stopped the bands at %d draws: the charts above are those draws'", timeout, first)
				if l == lang.RU {
					msg = fmt.Sprintf("ограничение времени (%v) остановило расчёт полос; расчётов сделано: %d, графики выше построены по ним", timeout, first)
				}
				enc.Encode(BandsStep{Draws: first, Total: req.Draws, Error: msg})
			case ctx.Err() == nil:
				enc.Encode(BandsStep{Draws: first, Total: req.Draws, Error: errorText(w, err)})
			}
			return
		}
		mc = uncertainty.Merge(mc, m)
		step := BandsStep{Draws: first + n, Total: req.Draws, Intervals: intervals(mc)}
		cs, err := plots.UncertaintyCharts(mc, l)
		if err != nil {
			enc.Encode(BandsStep{Draws: first + n, Total: req.Draws, Error: errorText(w, err)})
			return
		}
		for _, ch := range cs {
			var b bytes.Buffer
			if err := plots.Write(&b, ch.Plot, source, "svg"); err != nil {
				enc.Encode(BandsStep{Draws: first + n, Total: req.Draws, Error: errorText(w, err)})
				return
			}
			svg := b.String()
			if i := strings.Index(svg, "<svg"); i >= 0 {
				svg = svg[i:]
			}
			step.Charts = append(step.Charts, Chart{Name: ch.Name, SVG: svg})
		}
		if enc.Encode(step) != nil || rc.Flush() != nil {
			return
		}
	}
}

// errorText is err in the language of the answer w writes.
func errorText(w http.ResponseWriter, err error) string {
	if lw, ok := w.(*langWriter); ok {
		return valuechain.ErrorIn(err, lw.lang)
	}
	return err.Error()
}
