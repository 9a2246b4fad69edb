package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/plots"
)

// analysis is what plot and report draw on: the assessment, in the
// language of the command line.
type analysis struct {
	*assess.Assessment
	lang lang.Lang
}

var chartFlags = []cli.Flag{
	chainFlag("chain `FILE` (default: a built-in example with its scenarios)"),
	exampleFlag(),
	scenariosFlag("scenario `FILE` to compare"),
	&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
	langFlagFor("language of labels: en or ru"),
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
	in := assess.Inputs{Seed: ctx.Uint64("seed"), ChainName: ctx.String("chain"), ScenarioName: ctx.String("scenarios")}
	if in.Chain, err = loadChain(in.ChainName, ctx.String("example")); err != nil {
		return nil, err
	}
	if in.ChainName == "" {
		in.ChainName = "example " + ctx.String("example")
		if in.ScenarioName == "" {
			in.ScenarioName = "-" // the example's own scenarios
		}
	}
	if in.Survey, err = loadSurvey(ctx, in.Chain); err != nil {
		return nil, err
	}
	if in.ScenarioName != "" {
		path := in.ScenarioName
		if path == "-" {
			path = ""
			in.ScenarioName = ctx.String("example") + examples.ScenarioSuffix + ".toml"
		}
		if in.Scenarios, err = loadScenarios(path, ctx.String("example"), in.Chain); err != nil {
			return nil, err
		}
	}
	if ctx.Int("draws") > 0 && in.Survey != nil {
		return nil, usagef("--draws with --survey is not supported yet: the surveyed households are not drawn")
	}
	// A long comparison (a national chain, many scenarios) shows a bar.
	a, err := assess.Run(context.Background(), in, assess.Options{Draws: ctx.Int("draws"), Sensitivity: ctx.Command.Name == "report"}, progressBars(ctx))
	if err != nil {
		return nil, err
	}
	return &analysis{Assessment: a, lang: l}, nil
}

// charts returns every chart that applies.
func (a *analysis) charts() ([]plots.Chart, error) { return plots.All(a.Assessment, a.lang) }

// source is the small print under each chart.
func (a *analysis) source() string { return plots.Source(a.Assessment, a.lang) }

func plotCommand() *cli.Command {
	return &cli.Command{
		Name:      "plot",
		Usage:     "draw every chart that applies to a chain (and its scenarios) as PNG, SVG or PDF files",
		UsageText: "vcsim plot [--chain FILE] [--scenarios FILE] --out DIR [--format png|svg|pdf] [--size a4|slide|WxH] [--chart NAME] [--lang en|ru]",
		Flags: append([]cli.Flag{
			requiredOutFlag("directory for the charts"),
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
			chainFlag("chain `FILE`"),
			exampleFlag(),
			&cli.StringFlag{Name: "format", Usage: "dot, png, svg or pdf (default: from --out's extension, else dot)"},
			outFlag("file to write (dot: default standard output)"),
			langFlagFor("en or ru"),
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
			a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Seed: ctx.Uint64("seed")}, assess.Options{}, nil)
			if err != nil {
				return err
			}
			r := a.Base
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
			source := plots.SourceLine(l, c.NameIn(l), "", ctx.Uint64("seed"))
			if err := set.AddFunc(out, func(w io.Writer) error { return plots.Write(w, p, source, format) }); err != nil {
				return err
			}
			return writeOutputs(ctx, set)
		},
	}
}
