package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
	"github.com/ilo-rma/vcsim/valuechain"
)

// analysis is what plot and report draw on: the baseline and, with
// scenarios, their comparison.
type analysis struct {
	chain     *valuechain.Chain
	base      *model.Result
	cmp       *scenarios.Comparison
	file      *scenarios.File
	scenFile  string
	chainFile string
	seed      uint64
	lang      lang.Lang
	mc        *uncertainty.MonteCarlo // with --draws
}

var chartFlags = []cli.Flag{
	&cli.StringFlag{Name: "chain", Usage: "chain `FILE` (default: a built-in example with its scenarios)"},
	&cli.StringFlag{Name: "example", Usage: "built-in example `NAME`", Value: examples.Default},
	&cli.StringFlag{Name: "scenarios", Usage: "scenario `FILE` to compare"},
	&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
	&cli.StringFlag{Name: "lang", Usage: "language of labels: en or ru", Value: "en"},
	surveyFlag,
	&cli.IntFlag{Name: "draws", Usage: "Monte Carlo: run `N` draws of the uncertain numbers and add the fan chart and the intervals (docs/uncertainty.md)"},
	&cli.BoolFlag{Name: "quiet", Usage: "no progress bar"},
}

// loadAnalysis runs the baseline and, when there are scenarios, compares them.
func loadAnalysis(ctx *cli.Context) (*analysis, error) {
	l, err := lang.Parse(ctx.String("lang"))
	if err != nil {
		return nil, badInput(err)
	}
	a := &analysis{seed: ctx.Uint64("seed"), lang: l, chainFile: ctx.String("chain"), scenFile: ctx.String("scenarios")}
	if a.chain, err = loadChain(a.chainFile, ctx.String("example")); err != nil {
		return nil, err
	}
	if a.chainFile == "" {
		a.chainFile = "example " + ctx.String("example")
		if a.scenFile == "" {
			a.scenFile = "-" // the example's own scenarios
		}
	}
	sv, err := loadSurvey(ctx, a.chain)
	if err != nil {
		return nil, err
	}
	pop := population(a.chain, sv, a.seed)
	if a.base, err = model.Simulate(a.chain, model.Options{Population: pop}); err != nil {
		return nil, err
	}
	if a.scenFile == "" {
		return a, nil
	}
	path := a.scenFile
	if path == "-" {
		path = ""
		a.scenFile = ctx.String("example") + examples.ScenarioSuffix + ".toml"
	}
	if a.file, err = loadScenarios(path, ctx.String("example"), a.chain); err != nil {
		return nil, err
	}
	// A long comparison (a national chain, many scenarios) shows a bar.
	bar, done := progressBar(ctx, "runs", false)
	var progress func(int, int, string)
	if bar != nil {
		progress = func(d, total int, _ string) { bar(d, total) }
	}
	a.cmp, err = scenarios.Compare(a.chain, a.file, 0, pop, progress)
	done()
	if err != nil {
		return nil, err
	}
	if n := ctx.Int("draws"); n > 0 {
		if sv != nil {
			return nil, usagef("--draws with --survey is not supported yet: the surveyed households are not drawn")
		}
		s, err := uncertainty.NewSetup(a.chain, a.file, a.chainFile, a.scenFile)
		if err != nil {
			return nil, err
		}
		progress, done := progressBar(ctx, "draws", false)
		a.mc, err = uncertainty.Run(s, uncertainty.Options{Draws: n, Seed: a.seed, Progress: progress})
		done()
		if err != nil {
			return nil, err
		}
	}
	return a, nil
}

// charts returns every chart that applies.
func (a *analysis) charts() ([]plots.Chart, error) {
	cs, err := plots.BaselineCharts(a.base, a.lang)
	if err != nil {
		return nil, err
	}
	if !pam.Neutral(a.chain) {
		rows, _, err := pam.Compute(a.base)
		if err != nil {
			return nil, err
		}
		p, err := plots.PAMChart(rows, a.lang, a.chain.Currency)
		if err != nil {
			return nil, err
		}
		cs = append(cs, plots.Chart{Name: "pam", Plot: p})
	}
	if a.cmp == nil {
		return cs, nil
	}
	more, err := plots.ScenarioCharts(a.cmp, a.lang, a.chain.Currency)
	if err != nil {
		return nil, err
	}
	cs = append(cs, more...)
	if a.mc != nil {
		more, err = plots.UncertaintyCharts(a.mc, a.lang)
		cs = append(cs, more...)
	}
	return cs, err
}

// source is the small print under each chart.
func (a *analysis) source() string {
	if a.cmp == nil {
		return plots.SourceLine(a.lang, a.chain.NameIn(string(a.lang)), "", a.seed)
	}
	return plots.SourceLine(a.lang, a.chain.NameIn(string(a.lang)), filepath.Base(a.scenFile), a.seed)
}

func plotCommand() *cli.Command {
	return &cli.Command{
		Name:      "plot",
		Usage:     "draw every chart that applies to a chain (and its scenarios) as PNG, SVG or PDF files",
		UsageText: "vcsim plot [--chain FILE] [--scenarios FILE] --out DIR [--format png|svg|pdf] [--size a4|slide|WxH] [--chart NAME] [--lang en|ru]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "directory for the charts", Required: true},
			&cli.StringFlag{Name: "format", Usage: "png, svg or pdf", Value: "png"},
			&cli.StringFlag{Name: "size", Usage: "chart `SIZE`: a4 (17 x 11 cm, an A4 page's text width), slide (16:9, 25.4 x 14.3 cm), default (16 x 10 cm) or width x height in cm, e.g. 20x12", Value: "default"},
			&cli.StringFlag{Name: "chart", Usage: "draw only the chart `NAME` (the file name without extension, e.g. value_added)"},
			forceFlag,
		}, chartFlags...),
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("plot takes no arguments, got %q (flags first)", ctx.Args().First())
			}
			format := ctx.String("format")
			if format != "png" && format != "svg" && format != "pdf" {
				return usagef("--format must be png, svg or pdf, got %q", format)
			}
			size, err := plots.ParseSize(ctx.String("size"))
			if err != nil {
				return badInput(err)
			}
			a, err := loadAnalysis(ctx)
			if err != nil {
				return err
			}
			cs, err := a.charts()
			if err != nil {
				return err
			}
			if name := ctx.String("chart"); name != "" {
				var names []string
				var one []plots.Chart
				for _, c := range cs {
					names = append(names, c.Name)
					if c.Name == name {
						one = append(one, c)
					}
				}
				if len(one) == 0 {
					return usagef("--chart %q: this chain (and its scenarios) has the charts %s", name, strings.Join(names, ", "))
				}
				cs = one
			}
			set := outputs(ctx)
			for _, c := range cs {
				path := filepath.Join(ctx.String("out"), c.Name+"."+format)
				if err := set.AddFunc(path, func(w io.Writer) error { return plots.WriteSize(w, c.Plot, a.source(), format, size) }); err != nil {
					return err
				}
			}
			return writeOutputs(ctx, set)
		},
	}
}

func mapCommand() *cli.Command {
	return &cli.Command{
		Name:      "map",
		Usage:     "draw the chain map (--format dot prints it for Graphviz)",
		UsageText: "vcsim map [--chain FILE] [--format dot|png|svg|pdf] [--out FILE] [--lang en|ru]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "chain", Usage: "chain `FILE`"},
			&cli.StringFlag{Name: "example", Usage: "built-in example `NAME`", Value: examples.Default},
			&cli.StringFlag{Name: "format", Usage: "dot, png, svg or pdf (default: from --out's extension, else dot)"},
			&cli.StringFlag{Name: "out", Usage: "file to write (dot: default standard output)"},
			&cli.StringFlag{Name: "lang", Usage: "en or ru", Value: "en"},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "seed of the household population"},
			forceFlag,
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("map takes no arguments, got %q (flags first)", ctx.Args().First())
			}
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			out := ctx.String("out")
			format, err := outfile.CheckFormat(out, ctx.String("format"), "dot", "dot", "png", "svg", "pdf")
			if err != nil {
				return badInput(err)
			}
			if out == "" && format != "dot" {
				return usagef("--format %s needs --out FILE", format)
			}
			c, err := loadChain(ctx.String("chain"), ctx.String("example"))
			if err != nil {
				return err
			}
			r, err := model.Simulate(c, model.Options{Seed: ctx.Uint64("seed")})
			if err != nil {
				return err
			}
			set := outputs(ctx)
			if format == "dot" {
				dot := plots.Dot(r, l)
				if out == "" {
					_, err := fmt.Fprint(ctx.App.Writer, dot)
					return err
				}
				set.Add(out, []byte(dot))
				return writeOutputs(ctx, set)
			}
			p, err := plots.ChainMap(r, l)
			if err != nil {
				return err
			}
			source := plots.SourceLine(l, c.NameIn(string(l)), "", ctx.Uint64("seed"))
			if err := set.AddFunc(out, func(w io.Writer) error { return plots.Write(w, p, source, format) }); err != nil {
				return err
			}
			return writeOutputs(ctx, set)
		},
	}
}
