package main

import (
	"bytes"
	"vcsim/outfile"

	"github.com/urfave/cli/v2"

	"vcsim/plots/report"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write the action-plan report: one self-contained HTML file with charts and tables",
		UsageText: "vcsim report [--chain FILE] [--scenarios FILE] --out report.html [--lang en|ru]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "HTML `FILE` to write", Required: true},
			forceFlag,
		}, chartFlags...),
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("report takes no arguments, got %q (flags first)", ctx.Args().First())
			}
			if _, err := outfile.CheckFormat(ctx.String("out"), "", "html", "html", "htm"); err != nil {
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
			in := report.Input{Lang: a.lang, Chain: a.chain, ChainFile: a.chainFile, Seed: a.seed, Base: a.base,
				Comparison: a.cmp, Scenarios: a.file, Charts: cs, Source: a.source(), MonteCarlo: a.mc}
			var buf bytes.Buffer
			if err := report.Write(&buf, in); err != nil {
				return err
			}
			set := outputs(ctx)
			set.Add(ctx.String("out"), buf.Bytes())
			return writeOutputs(ctx, set)
		},
	}
}
