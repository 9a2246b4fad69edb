package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/report"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// pageLang is the language a request asks for: ?lang=, or else the
// page's X-Vcsim-Lang header.
func pageLang(r *http.Request) lang.Lang {
	l := r.URL.Query().Get("lang")
	if l == "" {
		l = r.Header.Get("X-Vcsim-Lang")
	}
	if l == "ru" {
		return lang.RU
	}
	return lang.EN
}

func (s *Server) messages(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, lang.All(pageLang(r)))
}

// Chart is a chart of /api/charts: its name and SVG.
type Chart struct {
	Name string `json:"name"`
	SVG  string `json:"svg"`
}

// charts answers the baseline's charts, and the scenarios' when the
// request gives scenarios, as inline SVG in the page's language.
func (s *Server) charts(w http.ResponseWriter, r *http.Request) {
	c, f, req, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	l := pageLang(r)
	var out []Chart
	err := s.run(r, func(ctx context.Context) error {
		pop := model.NewPopulation(c, seed(r))
		base, err := model.Simulate(c, model.Options{Population: pop, Context: ctx})
		if err != nil {
			return err
		}
		cs, err := plots.BaselineCharts(base, l)
		if err != nil {
			return err
		}
		if f != nil {
			cmp, err := scenarios.CompareWith(c, f, scenarios.Options{Population: pop, Households: true, Context: ctx})
			if err != nil {
				return err
			}
			more, err := plots.ScenarioCharts(cmp, l, c.Currency)
			if err != nil {
				return err
			}
			cs = append(cs, more...)
			if req.Draws > 0 {
				setup, err := uncertainty.NewSetup(c, f, "chain", "scenarios")
				if err != nil {
					return err
				}
				mc, err := uncertainty.Run(setup, uncertainty.Options{Draws: req.Draws, Seed: seed(r), Context: ctx})
				if err != nil {
					return err
				}
				more, err := plots.UncertaintyCharts(mc, l)
				if err != nil {
					return err
				}
				cs = append(cs, more...)
			}
		}
		source := plots.SourceLine(l, c.NameIn(string(l)), "", seed(r))
		for _, ch := range cs {
			var b bytes.Buffer
			if err := plots.Write(&b, ch.Plot, source, "svg"); err != nil {
				return err
			}
			svg := b.String()
			if i := strings.Index(svg, "<svg"); i >= 0 {
				svg = svg[i:]
			}
			out = append(out, Chart{Name: ch.Name, SVG: svg})
		}
		return nil
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// report answers the action-plan report of the request's chain and
// scenarios, in the page's language, as a download.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	c, f, _, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	l := pageLang(r)
	var page bytes.Buffer
	err := s.run(r, func(ctx context.Context) error {
		a, err := analyse(ctx, c, f, l, seed(r))
		if err != nil {
			return err
		}
		return report.Write(&page, a.report)
	})
	if err != nil {
		s.fail(w, err)
		return
	}
	if page.Len() == 0 {
		s.fail(w, errors.New("empty report"))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="report.html"`)
	w.Write(page.Bytes())
}

// analysis is a chain's baseline, its comparison (nil without scenarios),
// every chart and the report's input, in one language.
type analysis struct {
	base   *model.Result
	cmp    *scenarios.Comparison
	charts []plots.Chart
	source string
	report report.Input
}

// analyse runs the baseline and the scenarios of f (nil for none) on c
// with the households of seed, and draws every chart in language l.
func analyse(ctx context.Context, c *valuechain.Chain, f *scenarios.File, l lang.Lang, seed uint64) (*analysis, error) {
	pop := model.NewPopulation(c, seed)
	base, err := model.Simulate(c, model.Options{Population: pop, Context: ctx})
	if err != nil {
		return nil, err
	}
	cs, err := plots.BaselineCharts(base, l)
	if err != nil {
		return nil, err
	}
	a := &analysis{base: base, source: plots.SourceLine(l, c.NameIn(string(l)), "", seed)}
	a.report = report.Input{Lang: l, Chain: c, ChainFile: "vcsim serve", Seed: seed, Base: base, Source: a.source}
	if f != nil {
		if a.cmp, err = scenarios.CompareWith(c, f, scenarios.Options{Population: pop, Households: true, Context: ctx}); err != nil {
			return nil, err
		}
		more, err := plots.ScenarioCharts(a.cmp, l, c.Currency)
		if err != nil {
			return nil, err
		}
		cs = append(cs, more...)
		a.report.Comparison, a.report.Scenarios = a.cmp, f
	}
	a.charts, a.report.Charts = cs, cs
	return a, nil
}
