package main

import (
	"bytes"
	"os"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/report"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write the action-plan report: one self-contained HTML file with charts and tables",
		UsageText: "vcsim report [--chain FILE] [--scenarios FILE] --out report.html [--lang en|ru]",
		Flags: append([]cli.Flag{
			requiredOutFlag("HTML `FILE` to write"),
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
			in := report.From(a.Assessment, a.lang, cs, a.source())
			in.ChainText, in.Version, in.Date = tomlText(ctx), version(), reportDate()
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

// reportDate is today's date, or the date of SOURCE_DATE_EPOCH (seconds
// since 1970, the reproducible-builds convention) when it is set, so that
// a report can be made byte for byte again.
func reportDate() string {
	t := time.Now()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			t = time.Unix(n, 0)
		}
	}
	return t.UTC().Format("2006-01-02")
}

// tomlText is the chain's TOML text for the report's notes: nil for a
// workbook or a file that cannot be read again.
func tomlText(ctx *cli.Context) []byte {
	if isXLSX(ctx.String("chain")) {
		return nil
	}
	data, err := chainText(ctx)
	if err != nil {
		return nil
	}
	return data
}
