package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"vcsim/lang"
	"vcsim/model"
	"vcsim/plots"
	"vcsim/plots/report"
	"vcsim/scenarios"
	"vcsim/uncertainty"
)

func pageLang(r *http.Request) lang.Lang {
	if r.URL.Query().Get("lang") == "ru" {
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

// report answers the action-plan report (HTML) of the chain and its
// scenarios, for download.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	c, f, _, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	l := pageLang(r)
	var page bytes.Buffer
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
		in := report.Input{Lang: l, Chain: c, ChainFile: "vcsim serve", Seed: seed(r), Base: base, Source: plots.SourceLine(l, c.NameIn(string(l)), "", seed(r))}
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
			in.Comparison, in.Scenarios = cmp, f
		}
		in.Charts = cs
		return report.Write(&page, in)
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
