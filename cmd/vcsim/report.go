package main

import (
	"bytes"
	"fmt"
	"os"

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
		}, chartFlags...),
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("report takes no arguments, got %q (flags first)", ctx.Args().First())
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
				Comparison: a.cmp, Scenarios: a.file, Charts: cs, Source: a.source()}
			var buf bytes.Buffer
			if err := report.Write(&buf, in); err != nil {
				return err
			}
			if err := os.WriteFile(ctx.String("out"), buf.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(ctx.App.ErrWriter, "wrote %s (%d charts)\n", ctx.String("out"), len(cs))
			return nil
		},
	}
}
