package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"vcsim/outfile"
	"vcsim/scenarios"
	"vcsim/valuechain"
	"vcsim/workbook"
)

// isXLSX reports whether a path names an Excel workbook.
func isXLSX(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }

// loadChainXLSX reads and validates the chain of a workbook; errors name
// its sheets and cells.
func loadChainXLSX(path string) (*valuechain.Chain, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	text, cells, err := workbook.Read(data, path, workbook.ChainBook)
	if err != nil {
		return nil, err
	}
	c, err := valuechain.Parse(text, path)
	if c == nil {
		return nil, workbook.Translate(err, text, cells)
	}
	return c, workbook.Translate(errors.Join(err, valuechain.Validate(c, path)), text, cells)
}

// loadScenariosXLSX reads the scenarios of a workbook.
func loadScenariosXLSX(path string, c *valuechain.Chain) (*scenarios.File, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	text, cells, err := workbook.Read(data, path, workbook.ScenarioBook)
	if err != nil {
		return nil, err
	}
	f, err := scenarios.Parse(text, path)
	if err != nil {
		return nil, workbook.Translate(err, text, cells)
	}
	if err := scenarios.Validate(f, c, path); err != nil {
		return nil, workbook.Translate(err, text, cells)
	}
	return f, nil
}

// loadSurveyXLSX reads the Survey sheet of a workbook as a survey.
func loadSurveyXLSX(path string, c *valuechain.Chain) (*valuechain.Survey, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	csv, err := workbook.SurveyCSV(data, path)
	if err != nil {
		return nil, err
	}
	sv, err := valuechain.ParseSurvey(csv, path, c)
	var ies valuechain.InputErrors
	if errors.As(err, &ies) {
		for _, e := range ies {
			if e.Line > 0 {
				// CSV line 1 is the sheet's row 2 (the keys).
				e.Cell = workbook.SurveyCell(e.Column, e.Line+1)
				e.Line = 0
			}
		}
	}
	return sv, err
}

// chainAndScenariosXLSX renders a chain (and scenarios) as a workbook.
func chainAndScenariosXLSX(chainText, scenText, surveyCSV []byte, lang string) ([]byte, error) {
	b, err := workbook.New(lang)
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
			&cli.StringFlag{Name: "scenarios", Usage: "scenario `FILE` (TOML) to put in the workbook"},
			&cli.StringFlag{Name: "lang", Usage: "language of the workbook's headings: en or ru", Value: "en"},
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
				data, err := chainAndScenariosXLSX(chainText, scenText, nil, ctx.String("lang"))
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
				c, err := loadChainXLSX(in)
				if err != nil {
					return err
				}
				data, _ := valuechain.ReadInput(in)
				chainText, _, _ := workbook.Read(data, in, workbook.ChainBook)
				set := outputs(ctx, inputs...)
				set.Add(outPath, append([]byte("# Converted by vcsim from "+filepath.Base(in)+"\n\n"), chainText...))
				if workbook.HasSheet(data, "Scenarios") {
					if _, err := loadScenariosXLSX(in, c); err != nil {
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
