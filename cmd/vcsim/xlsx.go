package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/results"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/workbook"
)

// isXLSX reports whether a path names an Excel workbook.
func isXLSX(path string) bool { return load.IsWorkbook(path) }

// chainAndScenariosXLSX renders a chain (and scenarios) as a workbook.
func chainAndScenariosXLSX(chainText, scenText, surveyCSV []byte, l lang.Lang) ([]byte, error) {
	b, err := workbook.New(l)
	if err != nil {
		return nil, err
	}
	if err := b.AddReadme(); err != nil {
		return nil, err
	}
	if err := b.AddChain(chainText); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if scenText != nil {
		if err := b.AddScenarios(scenText); err != nil {
			return nil, fmt.Errorf("workbook: %w", err)
		}
	}
	if err := b.AddSurvey(surveyCSV); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:  "convert",
		Usage: "convert a chain (with its scenarios) between TOML and an Excel workbook, both ways",
		UsageText: "vcsim convert [--scenarios S.toml] [--lang en|ru] chain.toml book.xlsx\n" +
			"vcsim convert book.xlsx chain.toml   (also writes chain-scenarios.toml when the workbook has scenarios)",
		Flags: []cli.Flag{
			scenariosFlag("scenario `FILE` (TOML) to put in the workbook"),
			langFlagFor("language of the workbook's headings: en or ru"),
			forceFlag,
		},
		Action: func(ctx *cli.Context) error {
			if err := noFlagArgs(ctx); err != nil {
				return err
			}
			if ctx.NArg() != 2 {
				return usagef("convert needs two files: IN and OUT (flags first)")
			}
			in, outPath := ctx.Args().Get(0), ctx.Args().Get(1)
			inputs := []outfile.Input{{Role: "input", Path: in}}
			switch {
			case !isXLSX(in) && isXLSX(outPath):
				c, err := loadChain(in, "")
				if err != nil {
					return err
				}
				chainText, err := valuechain.ReadInput(in)
				if err != nil {
					return err
				}
				var scenText []byte
				if p := ctx.String("scenarios"); p != "" {
					if _, err := loadScenarios(p, "", c); err != nil {
						return err
					}
					if scenText, err = valuechain.ReadInput(p); err != nil {
						return err
					}
				}
				data, err := chainAndScenariosXLSX(chainText, scenText, nil, lang.Lang(ctx.String("lang")))
				if err != nil {
					return err
				}
				set := outputs(ctx, inputs...)
				set.Add(outPath, data)
				return writeOutputs(ctx, set)
			case isXLSX(in) && !isXLSX(outPath):
				if !strings.EqualFold(filepath.Ext(outPath), ".toml") {
					return usagef("convert writes a chain to a .toml file, got %q", outPath)
				}
				c, err := load.ChainFile(in)
				if err != nil {
					return err
				}
				data, _ := valuechain.ReadInput(in)
				chainText, _, _ := workbook.Read(data, in, workbook.ChainBook)
				set := outputs(ctx, inputs...)
				set.Add(outPath, append([]byte("# Converted by vcsim from "+filepath.Base(in)+"\n\n"), chainText...))
				if workbook.HasSheet(data, "Scenarios") {
					if _, err := load.ScenariosFile(in, c); err != nil {
						return err
					}
					scenText, _, _ := workbook.Read(data, in, workbook.ScenarioBook)
					set.Add(strings.TrimSuffix(outPath, filepath.Ext(outPath))+"-scenarios.toml", append([]byte("# Converted by vcsim from "+filepath.Base(in)+"\n\n"), scenText...))
				}
				return writeOutputs(ctx, set)
			}
			return usagef("convert goes from .toml to .xlsx or from .xlsx to .toml, got %s -> %s", filepath.Ext(in), filepath.Ext(outPath))
		},
	}
}

// today is the date written on results workbooks: SOURCE_DATE_EPOCH when
// set (for byte-identical files), else the day.
func today() string {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC().Format("2006-01-02")
		}
	}
	return time.Now().Format("2006-01-02")
}

// resultsMeta says what the command ran, for a results workbook's
// Summary sheet.
func resultsMeta(ctx *cli.Context) results.Meta {
	return results.Meta{ChainFile: ctx.String("chain"), Example: ctx.String("example"), ScenarioFile: ctx.String("scenarios"),
		Version: version(), Date: today()}
}

// runWorkbook writes run's results workbook (package results) to path.
func runWorkbook(ctx *cli.Context, a *assess.Assessment, l lang.Lang, path string) error {
	data, err := results.Baseline(a, l, resultsMeta(ctx))
	if err != nil {
		return err
	}
	return saveResults(ctx, data, path)
}

// compareWorkbook writes compare's results workbook (package results) to
// path.
func compareWorkbook(ctx *cli.Context, a *assess.Assessment, l lang.Lang, path string) error {
	data, err := results.Comparison(a, l, resultsMeta(ctx))
	if err != nil {
		return err
	}
	return saveResults(ctx, data, path)
}

// saveResults writes a results workbook to path as the command's output.
func saveResults(ctx *cli.Context, data []byte, path string) error {
	set := outputs(ctx)
	set.Add(path, data)
	return writeOutputs(ctx, set)
}
