package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
)

// forceFlag lets a command replace files that vcsim did not write.
var forceFlag = &cli.BoolFlag{Name: "force", Usage: "replace output files that vcsim did not write (or that were edited since)"}

// outputs returns the output set of a command: its inputs (the --chain,
// --scenarios and --survey files, and extra) may never be written over.
func outputs(ctx *cli.Context, extra ...outfile.Input) *outfile.Set {
	s := &outfile.Set{Force: ctx.Bool("force"), Flag: "--out"}
	for _, role := range []string{"chain", "scenarios", "survey"} {
		if p := ctx.String(role); p != "" {
			s.Inputs = append(s.Inputs, outfile.Input{Role: role, Path: p})
		}
	}
	s.Inputs = append(s.Inputs, extra...)
	return s
}

// writeOutputs writes the set and says what was written on standard error.
func writeOutputs(ctx *cli.Context, s *outfile.Set) error {
	paths, err := s.Write()
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintf(ctx.App.ErrWriter, say(ctx, "wrote %s\n"), p)
	}
	return nil
}

// ruConsole holds the Russian of what commands print on standard error
// as they go, by the English format.
var ruConsole = map[string]string{
	"wrote %s\n":                          "записан %s\n",
	"ran %d of %d: %s\n":                  "выполнено %d из %d: %s\n",
	"\r%s [%s] %d/%d, %.1f/s, %s left   ": "\r%s [%s] %d/%d, %.1f/с, осталось %s   ",
	"runs":                                "прогоны",
	"%d h %d min":                         "%d ч %d мин",
	"%d min":                              "%d мин",
	"%d s":                                "%d с",
	"%s: %d%% (%d of %d), %s left\n":      "%s: %d%% (%d из %d), осталось %s\n",
	"vcsim: %d draws will take about %s on this machine (%s a draw, %d at a time); Ctrl+C stops the run\n": "vcsim: число расчётов — %d; это займёт около %s на этом компьютере (%s на расчёт, по %d одновременно); Ctrl+C прерывает расчёт\n",
	"draws":   "расчёты",
	"tornado": "торнадо",
	"sobol":   "Соболь",
}

// say returns the format (or word) f in the language of ctx's --lang.
func say(ctx *cli.Context, f string) string {
	if ctx.String("lang") == "ru" {
		if ru, ok := ruConsole[f]; ok {
			return ru
		}
	}
	return f
}

// excelFlag writes CSV files that a spreadsheet program of a locale
// opens by double-click.
var excelFlag = &cli.StringFlag{Name: "excel", Usage: "write CSV for Excel of a locale: ru (byte-order mark, semicolons, decimal commas, as a Russian-locale Excel opens by double-click; the names end in .excel-ru.csv; to share, prefer --out results.xlsx)"}

// csvDialect is the CSV dialect of --bom and --excel.
func csvDialect(ctx *cli.Context) tables.Dialect {
	if ctx.String("excel") == "ru" {
		return tables.ExcelRU
	}
	return tables.Dialect{BOM: ctx.Bool("bom")}
}

// checkExcel refuses an unknown --excel.
func checkExcel(ctx *cli.Context) error {
	switch ctx.String("excel") {
	case "", "ru":
		return nil
	}
	return usagef("--excel takes ru (semicolons and decimal commas), got %q", ctx.String("excel"))
}
