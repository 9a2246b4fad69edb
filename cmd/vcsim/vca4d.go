package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/model/vca4dresults"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
)

// splitOut takes "--out FILE" (or --out=FILE) from the arguments, wherever
// it stands, so that "vcsim import vca4d STUDY.json --out chain.toml" works
// as the flags-first form does.
func splitOut(ctx *cli.Context) (args []string, out string, force bool, err error) {
	out, force = ctx.String("out"), ctx.Bool("force")
	a := ctx.Args().Slice()
	for i := 0; i < len(a); i++ {
		switch {
		case a[i] == "--out" || a[i] == "-out":
			if i+1 >= len(a) {
				return nil, "", false, usagef("--out needs a file name")
			}
			out = a[i+1]
			i++
		case strings.HasPrefix(a[i], "--out="):
			out = strings.TrimPrefix(a[i], "--out=")
		case a[i] == "--force" || a[i] == "-force":
			force = true
		case strings.HasPrefix(a[i], "-"):
			return nil, "", false, usagef("%s: flags go before file arguments, and this command has no flag %s", a[i], a[i])
		default:
			args = append(args, a[i])
		}
	}
	return args, out, force, nil
}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:  "import",
		Usage: "import a published value-chain study (vcsim import vca4d STUDY.json --out chain.toml)",
		Subcommands: []*cli.Command{{
			Name:      "vca4d",
			Usage:     "turn a VCA4D economic study (dashboard JSON) into a vcsim chain and reconcile it",
			UsageText: "vcsim import vca4d STUDY.json --out chain.toml",
			Flags:     []cli.Flag{outFlag("chain `FILE` to write"), forceFlag},
			Action: func(ctx *cli.Context) error {
				args, out, force, err := splitOut(ctx)
				if err != nil {
					return err
				}
				if len(args) != 1 || out == "" {
					return usagef("usage: vcsim import vca4d STUDY.json --out chain.toml")
				}
				set := outputs(ctx, outfile.Input{Role: "study", Path: args[0]})
				set.Force = force
				s, err := vca4d.Load(args[0])
				if err != nil {
					return badInput(err)
				}
				im, err := vca4d.Import(s)
				if err != nil {
					return badInput(err)
				}
				rec, err := vca4dresults.Reconcile(s, im)
				if err != nil {
					return err
				}
				fmt.Fprintf(ctx.App.Writer, "%s: value added and net operating profit, study against vcsim's baseline\n\n", im.Chain.Name)
				if err := rec.Write(ctx.App.Writer, im.Chain.Currency); err != nil {
					return err
				}
				lines := []string{
					im.Chain.Name,
					fmt.Sprintf("Imported by vcsim from the VCA4D study %q (%s, %s, %d).", s.ID, s.Commodity, s.Country, s.Year),
					fmt.Sprintf("Amounts in %s (the study's aggregates x its currency ratio %g).", im.Chain.Currency, s.CurrencyRatio),
					"External inputs are derived so that each actor's value added is the study's;",
					"the split of value added follows the study's whole-chain split.",
				}
				for _, n := range im.Notes {
					lines = append(lines, "Note: "+n.String())
				}
				data, err := chainTOML(lines, im.Chain)
				if err != nil {
					return err
				}
				set.Add(out, data)
				return writeOutputs(ctx, set)
			},
		}},
	}
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "export a chain as a published study layout (vcsim export vca4d --chain F --out study.json)",
		Subcommands: []*cli.Command{{
			Name:      "vca4d",
			Usage:     "write a chain's baseline, or a scenario's final year, in the VCA4D dashboard's JSON layout",
			UsageText: "vcsim export vca4d --chain FILE [--scenarios FILE --scenario NAME] [--seed N] --out study.json",
			Flags: []cli.Flag{
				chainFlag("chain `FILE` (default: the built-in example)"),
				scenariosFlag("scenario `FILE`"),
				&cli.StringFlag{Name: "scenario", Usage: "export this scenario's final year instead of the baseline"},
				&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
				outFlag("study `FILE` to write"),
				forceFlag,
			},
			Action: func(ctx *cli.Context) error {
				args, out, force, err := splitOut(ctx)
				if err != nil {
					return err
				}
				if len(args) != 0 || out == "" {
					return usagef("usage: vcsim export vca4d --chain FILE --out study.json")
				}
				c, err := loadChain(ctx.String("chain"), "")
				if err != nil {
					return err
				}
				in := assess.Inputs{Chain: c, Seed: ctx.Uint64("seed")}
				if name := ctx.String("scenario"); name != "" {
					if ctx.String("scenarios") == "" {
						return usagef("--scenario needs --scenarios FILE")
					}
					f, err := loadScenarios(ctx.String("scenarios"), "", c)
					if err != nil {
						return err
					}
					var sc *scenarios.Scenario
					for i := range f.Scenarios {
						if f.Scenarios[i].Name == name {
							sc = &f.Scenarios[i]
						}
					}
					if sc == nil {
						return usagef("no scenario %q in %s", name, ctx.String("scenarios"))
					}
					one := *f
					one.Scenarios = []scenarios.Scenario{*sc}
					in.Scenarios = &one
				}
				a, err := assess.Run(context.Background(), in, assess.Options{}, nil)
				if err != nil {
					return err
				}
				// The study is of the baseline year, or of the scenario's
				// last year when --scenario names one.
				r := a.Base
				if a.Comparison != nil {
					run := a.Comparison.Runs[0]
					r = run.Results[len(run.Results)-1]
				}
				data, err := json.MarshalIndent(vca4dresults.Export(r), "", "  ")
				if err != nil {
					return err
				}
				set := outputs(ctx)
				set.Force = force
				set.Add(out, append(data, '\n'))
				return writeOutputs(ctx, set)
			},
		}},
	}
}
