package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/report"
	"github.com/ilo-rma/vcsim/scenarios"
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
		a, err := assess.Run(ctx, assess.Inputs{Chain: c, Scenarios: f, Survey: req.sv, Seed: seed(r)}, assess.Options{Draws: req.Draws}, nil)
		if err != nil {
			return err
		}
		cs, err := plots.All(a, l)
		if err != nil {
			return err
		}
		source := plots.Source(a, l)
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
	c, f, req, ok := s.compareRequest(w, r)
	if !ok {
		return
	}
	l := pageLang(r)
	var page bytes.Buffer
	err := s.run(r, func(ctx context.Context) error {
		a, err := analyse(ctx, c, f, req.sv, l, seed(r))
		if err != nil {
			return err
		}
		a.report.ChainText = []byte(req.Chain) // the notes on its lines
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

// analysis is an assessment with every chart and the report's input, in
// one language.
type analysis struct {
	*assess.Assessment
	charts []plots.Chart
	source string
	report report.Input
}

// analyse assesses c with the scenarios of f (nil for none) and the
// households of seed, with the sensitivity ranking the report shows, and
// draws every chart in language l.
func analyse(ctx context.Context, c *valuechain.Chain, f *scenarios.File, sv *valuechain.Survey, l lang.Lang, seed uint64) (*analysis, error) {
	a, err := assess.Run(ctx, assess.Inputs{Chain: c, Scenarios: f, Survey: sv, Seed: seed, ChainName: "vcsim serve"}, assess.Options{Sensitivity: true}, nil)
	if err != nil {
		return nil, err
	}
	cs, err := plots.All(a, l)
	if err != nil {
		return nil, err
	}
	an := &analysis{Assessment: a, charts: cs, source: plots.Source(a, l)}
	an.report = report.From(a, l, cs, an.source)
	return an, nil
}
