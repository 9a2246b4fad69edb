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
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/plots"
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

// newResults starts a results workbook in the language l with its Summary
// sheet: what was run, then extra (labels are message keys).
func newResults(ctx *cli.Context, c *valuechain.Chain, seed uint64, l lang.Lang, extra [][2]any) (*workbook.Results, error) {
	res, err := workbook.NewResults(l)
	if err != nil {
		return nil, err
	}
	chainFile := ctx.String("chain")
	if chainFile == "" {
		chainFile = l.T("wb.example", ctx.String("example"))
	}
	rows := [][2]any{
		{"wb.results", c.NameIn(l)},
		{"wb.chainfile", chainFile},
		{"wb.version", version()},
		{"wb.seed", int64(seed)},
		{"wb.date", today()},
		{"wb.currency", c.Currency},
	}
	if s := ctx.String("scenarios"); s != "" {
		rows = append(rows, [2]any{"wb.scenariofile", s})
	}
	rows = append(rows, extra...)
	for i := range rows {
		rows[i][0] = l.T(rows[i][0].(string))
	}
	return res, res.Summary(rows)
}

// addCharts draws charts as PNG pictures on the Charts sheet, each under
// its title.
func addCharts(res *workbook.Results, cs []plots.Chart, source string) error {
	for _, ch := range cs {
		var b bytes.Buffer
		if err := plots.Write(&b, ch.Plot, source, "png"); err != nil {
			return err
		}
		title := ch.Plot.Title.Text
		if title == "" {
			title = ch.Name
		}
		if err := res.Chart(title, b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// runWorkbook writes run's tables (tables.List) and charts as one
// workbook in the language l.
func runWorkbook(ctx *cli.Context, a *assess.Assessment, l lang.Lang, path string) error {
	r, seed := a.Base, a.Inputs.Seed
	s := tables.NewSummary(r, seed)
	var share any = l.T("wb.noshare")
	if s.ProducerShare != nil {
		share = tables.Share(*s.ProducerShare)
	}
	res, err := newResults(ctx, r.Chain, seed, l, [][2]any{
		{"wb.va", tables.Money(s.TotalValueAdded)}, {"wb.sales", tables.Money(s.FinalSales)}, {"wb.producershare", share},
		{"wb.fte", tables.Qty(s.FTE)}, {"wb.households", int64(s.Households)}, {"wb.poor", tables.Share(s.BelowPovertyShare)},
		{"wb.children", tables.People(s.Children)}, {"wb.cl", tables.People(s.ChildLabour)}, {"wb.hazardous", tables.People(s.HazardousChildLabour)},
	})
	if err != nil {
		return err
	}
	in := a.Tables()
	in.Seed = seed
	if err := res.Tables(in, r.Chain.Currency, tables.PartBaseline); err != nil {
		return err
	}
	cs, err := plots.All(a, l, plots.PartBaseline)
	if err != nil {
		return err
	}
	return saveResults(ctx, res, cs, plots.SourceLine(l, r.Chain.NameIn(l), "", seed), path)
}

// compareWorkbook writes compare's tables (and the Monte Carlo's) and
// charts as one workbook in the language l.
func compareWorkbook(ctx *cli.Context, a *assess.Assessment, l lang.Lang, path string) error {
	c, cmp := a.Inputs.Chain, a.Comparison
	res, err := newResults(ctx, c, cmp.Seed, l, [][2]any{{"wb.years", int64(cmp.Horizon)}, {"wb.runs", int64(len(cmp.Runs) + 1)}})
	if err != nil {
		return err
	}
	if err := res.Tables(a.Tables(), c.Currency, tables.PartScenarios, tables.PartUncertainty); err != nil {
		return err
	}
	cs, err := plots.All(a, l, plots.PartScenarios, plots.PartUncertainty)
	if err != nil {
		return err
	}
	return saveResults(ctx, res, cs, plots.SourceLine(l, c.NameIn(l), filepath.Base(ctx.String("scenarios")), cmp.Seed), path)
}

// saveResults adds the charts to a results workbook and writes it to path
// as the command's output.
func saveResults(ctx *cli.Context, res *workbook.Results, cs []plots.Chart, source, path string) error {
	if err := addCharts(res, cs, source); err != nil {
		return err
	}
	data, err := res.Bytes()
	if err != nil {
		return err
	}
	set := outputs(ctx)
	set.Add(path, data)
	return writeOutputs(ctx, set)
}
