package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/guide"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// loadScenarios reads and validates a scenario file against chain c, or the
// built-in scenarios of the example when path is empty.
func loadScenarios(path, example string, c *valuechain.Chain) (*scenarios.File, error) {
	if path != "" {
		return load.ScenariosFile(path, c)
	}
	if _, err := examples.Scenarios(example); err != nil {
		return nil, badInput(err)
	}
	return load.ExampleScenarios(example, c)
}

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "run the baseline and every scenario over the years and compare them",
		UsageText: "vcsim compare [--chain FILE --scenarios FILE | --example NAME] [--out DIR] [--years N] [--seed N] [--bom]",
		Flags: append([]cli.Flag{
			chainFlag("chain `FILE`; without it a built-in example runs with its scenarios"),
			scenariosFlag("scenario `FILE` (needed with --chain)"),
			exampleFlag(),
			outFlag("write scenario_years.csv and scenario_summary.csv to `DIR`"),
			&cli.IntFlag{Name: "years", Usage: "years to run (default: the chain's horizon)"},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
			bomFlag,
			surveyFlag,
			forceFlag,
			excelFlag,
			&cli.IntFlag{Name: "draws", Usage: "Monte Carlo: run `N` draws of the uncertain numbers and give every headline with its 90% interval (docs/uncertainty.md)"},
			langFlag,
		}, uncertaintyFlags...),
		Action: func(ctx *cli.Context) error {
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			if ctx.NArg() > 0 {
				return usagef("compare takes no arguments, got %q: use --chain and --scenarios (flags first)", ctx.Args().First())
			}
			if err := checkExcel(ctx); err != nil {
				return err
			}
			if ctx.String("chain") != "" && scenariosPath(ctx) == "" {
				return usagef("--chain needs --scenarios FILE")
			}
			if y := ctx.Int("years"); y < 0 || y > 100 {
				return usagef("--years must be between 1 and 100, got %d", y)
			}
			if n := ctx.Int("draws"); n < 0 || n > 1000000 {
				return usagef("--draws must be between 1 and 1000000, got %d", n)
			}
			if err := checkSampling(ctx); err != nil {
				return err
			}
			c, err := loadChain(ctx.String("chain"), ctx.String("example"))
			if err != nil {
				return err
			}
			f, err := loadScenarios(scenariosPath(ctx), ctx.String("example"), c)
			if err != nil {
				return err
			}
			ru := map[string]string{}
			for _, s := range f.Scenarios {
				ru[s.Name] = s.NameRU
			}
			sv, err := loadSurvey(ctx, c)
			if err != nil {
				return err
			}
			if ctx.Int("draws") > 0 && sv != nil {
				return usagef("--draws with --survey is not supported yet: the surveyed households are not drawn")
			}
			in := assess.Inputs{Chain: c, Scenarios: f, Survey: sv, Seed: ctx.Uint64("seed"), ChainName: ctx.String("chain"), ScenarioName: scenariosPath(ctx)}
			if in.ChainName == "" {
				in.ChainName, in.ScenarioName = "example "+ctx.String("example"), "scenarios of example "+ctx.String("example")
			}
			long := announce(ctx, in)
			bar, endBar := progressBar(ctx, "draws")
			if bar == nil && long {
				bar = progressLines(ctx, "draws")
			}
			progress := func(stage assess.Stage, done, total int, name string) {
				if stage == assess.StageDraws {
					if bar != nil {
						bar(done, total)
					}
					return
				}
				if name == scenarios.Baseline {
					name = l.T("baseline")
				} else if l == lang.RU && ru[name] != "" {
					name = ru[name]
				}
				fmt.Fprintf(ctx.App.ErrWriter, say(ctx, "ran %d of %d: %s\n"), done, total, name)
			}
			a, err := assess.Run(context.Background(), in, assess.Options{Years: ctx.Int("years"), Draws: ctx.Int("draws"),
				Sampling: ctx.String("sampling"), Workers: ctx.Int("workers"), TotalsOnly: !isXLSX(ctx.String("out"))}, progress)
			endBar()
			if err != nil {
				return err
			}
			cmp, mc := a.Comparison, a.MonteCarlo
			for _, n := range append(tables.DefaultNotes(a.Inputs.Chain, l), tables.FitNotes(a.Inputs.Chain, a.Fits, l)...) {
				fmt.Fprintln(ctx.App.ErrWriter, n)
			}
			rows := tables.Summaries(cmp.Baseline, cmp.Summaries)
			fmt.Fprintf(ctx.App.Writer, "%s\n\n", l.T("txt.cmp.title", c.NameIn(l), l.Plural(float64(len(cmp.Runs)), 0, "n.scenarios"), l.Plural(float64(cmp.Horizon), 0, "n.years.acc"), cmp.Seed))
			// The printed table names the runs in the chosen language; the
			// files keep the names of the scenario file.
			shown := tables.AllRows(rows)
			shown[0].Scenario = l.T("baseline")
			for i := range cmp.Runs {
				shown[i+1].Scenario = cmp.RunName(i, l)
			}
			if err := tables.WriteComparison(ctx.App.Writer, c.Currency, shown, l); err != nil {
				return err
			}
			dir := ctx.String("out")
			out := outputs(ctx)
			if mc != nil {
				if err := monteCarlo(ctx, mc, l, out, dir); err != nil {
					return err
				}
			}
			if dir == "" {
				return nil
			}
			if isXLSX(dir) {
				return compareWorkbook(ctx, a, l, dir)
			}
			if err := tables.AddTables(out, dir, a.Tables(), csvDialect(ctx), tables.PartScenarios, tables.PartUncertainty); err != nil {
				return err
			}
			return writeOutputs(ctx, out)
		},
	}
}

func guideCommand() *cli.Command {
	return &cli.Command{
		Name:      "guide",
		Usage:     "list the intervention types of the ILO guide, or show one (guide show ID)",
		UsageText: "vcsim guide [--lang en|ru] [show ID]",
		Flags: []cli.Flag{
			langFlagFor("en or ru"),
		},
		Action: func(ctx *cli.Context) error {
			lang := lang.Lang(ctx.String("lang"))
			if lang != "en" && lang != "ru" {
				return usagef("--lang must be en or ru, got %q", lang)
			}
			w := ctx.App.Writer
			switch {
			case ctx.NArg() == 0:
				for _, iv := range guide.Catalogue {
					name := iv.Name
					if lang == "ru" {
						name = iv.NameRU
					}
					fmt.Fprintf(w, "%-17s %s\n", iv.ID, name)
				}
				if lang == "ru" {
					fmt.Fprintln(w, "\nЭтапы быстрой оценки рынка:")
				} else {
					fmt.Fprintln(w, "\nRapid market assessment steps:")
				}
				for i, s := range guide.Steps {
					title := s.Title
					if lang == "ru" {
						title = s.TitleRU
					}
					fmt.Fprintf(w, "  %d. %s\n", i+1, title)
				}
				return nil
			case ctx.NArg() == 2 && ctx.Args().Get(0) == "show":
				iv, ok := guide.Lookup(ctx.Args().Get(1))
				if !ok {
					return usagef("no intervention type %q (known: %s)", ctx.Args().Get(1), strings.Join(guide.IDs(), ", "))
				}
				fmt.Fprint(w, iv.Text(lang))
				return nil
			default:
				return usagef("usage: vcsim guide [--lang en|ru] [show ID]")
			}
		},
	}
}
