package main

import (
	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/load"
)

// The flags that many commands share are declared here, once each: their
// name, kind and default live in one place, and a command only says, in
// the usage it passes, what the flag means for it (what --out writes,
// what runs without --chain).

// chainFlag is --chain: a chain file (TOML, an Excel workbook or a VCA4D
// study, read by package load).
func chainFlag(usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: "chain", Usage: usage}
}

// scenariosFlag is --scenarios: a scenario file (TOML or a workbook).
func scenariosFlag(usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: "scenarios", Usage: usage}
}

// exampleFlag is --example: the built-in example that runs without
// --chain.
func exampleFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "example", Usage: "built-in example `NAME` (see vcsim examples)", Value: examples.Default}
}

// surveyFlag is the --survey flag of run, compare, report, plot and
// calibrate.
var surveyFlag = &cli.StringFlag{Name: "survey", Usage: "household survey `CSV` that replaces the synthetic households of the groups it covers (docs/survey-format.md)"}

// langFlag chooses the language of what a command prints.
var langFlag = langFlagFor("language of the printed tables: en or ru")

// langFlagFor is --lang with the usage of a command (what it puts in the
// language), English by default.
func langFlagFor(usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: "lang", Usage: usage, Value: "en"}
}

// outFlag is --out: what the command writes, and where.
func outFlag(usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: "out", Usage: usage}
}

// requiredOutFlag is --out of a command that only writes files.
func requiredOutFlag(usage string) *cli.StringFlag {
	f := outFlag(usage)
	f.Required = true
	return f
}

// forceFlag lets a command replace files that vcsim did not write.
var forceFlag = &cli.BoolFlag{Name: "force", Usage: "replace output files that vcsim did not write (or that were edited since)"}

// bomFlag starts CSV files with a byte-order mark.
var bomFlag = &cli.BoolFlag{Name: "bom", Usage: "start CSV files with a UTF-8 byte-order mark (for Excel and Cyrillic text)"}

// excelFlag writes CSV files that a spreadsheet program of a locale
// opens by double-click.
var excelFlag = &cli.StringFlag{Name: "excel", Usage: "write CSV for Excel of a locale: ru (byte-order mark, semicolons, decimal commas, as a Russian-locale Excel opens by double-click; the names end in .excel-ru.csv; to share, prefer --out results.xlsx)"}

// pageLangFlag is --lang of the commands that open the page: without it
// the page keeps the language chosen in the browser, or the system's.
func pageLangFlag(usage string) *cli.StringFlag {
	return &cli.StringFlag{Name: "lang", Usage: usage}
}

// scenariosPath is the scenario file of a command that needs one: the
// --scenarios flag, or, without it, the --chain workbook itself, whose
// Scenarios and Interventions sheets hold the scenarios (vcsim init
// --format xlsx writes them there), so that `compare --chain group.xlsx`
// works as `compare --chain group.xlsx --scenarios group.xlsx` does.
func scenariosPath(ctx *cli.Context) string {
	if s := ctx.String("scenarios"); s != "" {
		return s
	}
	if chain := ctx.String("chain"); load.IsWorkbook(chain) {
		return chain
	}
	return ""
}
