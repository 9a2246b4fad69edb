// Command vcsim runs value-chain rapid market assessments: it reads a value
// chain, computes its baseline (flows, accounts, margins, labour, household
// income and child labour) and writes tables.
//
// Flags come before file arguments (vcsim validate --help).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/docs"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/valuechain"
)

func main() {
	// A double-click (no arguments, no terminal) starts the workshop page.
	args, clicked := doubleClick(os.Args)
	status := run(args, os.Stdout, os.Stderr)
	if clicked {
		keepWindow(status, systemLang(), os.Stdin, os.Stdout)
	}
	os.Exit(status)
}

// Exit statuses.
const (
	exitOK       = 0
	exitFailure  = 1
	exitBadInput = 2
)

// inputError marks an error caused by the user's input or usage (status 2).
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

func badInput(err error) error { return inputError{err} }

func usagef(format string, args ...any) error {
	return badInput(usageError{format: format, args: args})
}

// langOf returns the language a command line asks for with --lang, so
// that errors are printed in it too.
func langOf(args []string) lang.Lang {
	for i, a := range args {
		v, ok := "", false
		switch {
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			v, ok = a[strings.Index(a, "=")+1:], true
		case (a == "--lang" || a == "-lang") && i+1 < len(args):
			v, ok = args[i+1], true
		}
		if l, err := lang.Parse(v); ok && err == nil {
			return l
		}
	}
	return lang.EN
}

// run runs the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "vcsim: internal error: %v (please report it with the input that caused it)\n", p)
			status = exitFailure
		}
	}()
	err := newApp(stdout, stderr).Run(args)
	if err == nil {
		return exitOK
	}
	if strings.HasPrefix(err.Error(), "Required flag") || strings.HasPrefix(err.Error(), "flag provided but not defined") {
		err = badInput(err)
	}
	msg := docs.Refs(errorIn(err, langOf(args)), langOf(args))
	fmt.Fprintln(stderr, "vcsim: "+strings.ReplaceAll(msg, "\n", "\nvcsim: "))
	var ie inputError
	var ve *valuechain.ValidationError
	var fe *valuechain.InputError
	var fes valuechain.InputErrors
	var ce *outfile.ConflictError
	var ne *outfile.NonFiniteError
	if errors.As(err, &ie) || errors.As(err, &ve) || errors.As(err, &fe) || errors.As(err, &fes) ||
		errors.As(err, &ce) || errors.As(err, &ne) {
		return exitBadInput
	}
	return exitFailure
}

func newApp(stdout, stderr io.Writer) *cli.App {
	usage := func(_ *cli.Context, err error, _ bool) error { return badInput(err) }
	app := &cli.App{
		Name:      "vcsim",
		Usage:     "value-chain rapid market assessment: accounts, margins, household income and child labour",
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are printed and turned into exit statuses by run.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   usage,
		Version:        version(),
		Commands: []*cli.Command{
			runCommand(),
			validateCommand(),
			initCommand(),
			examplesCommand(),
			compareCommand(),
			guideCommand(),
			calibrateCommand(),
			importCommand(),
			exportCommand(),
			plotCommand(),
			mapCommand(),
			reportCommand(),
			sensitivityCommand(),
			pamCommand(),
			screenCommand(),
			convertCommand(),
			serveCommand(),
			startCommand(),
			docsCommand(),
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("no command %q (see vcsim --help)", ctx.Args().First())
			}
			return cli.ShowAppHelp(ctx)
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = usage
	}
	return app
}

// version returns the module version and the commit vcsim was built from.
func version() string {
	if v := stampedVersion(); v != "" {
		return v
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " (commit " + rev + dirty + ")"
	}
	return v
}

// noFlagArgs reports an argument that looks like a flag after the first
// file argument: urfave/cli stops reading flags there.
func noFlagArgs(ctx *cli.Context) error {
	for _, a := range ctx.Args().Slice() {
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			return usagef("%s comes after a file argument: flags go before file arguments (vcsim %s %s ...)", a, ctx.Command.Name, a)
		}
	}
	return nil
}

// loadChain reads and validates a chain file (TOML, workbook or VCA4D
// study), or the named built-in example when path is empty.
func loadChain(path, example string) (*valuechain.Chain, error) {
	if path != "" {
		return load.ChainFile(path)
	}
	if example == "" {
		example = examples.Default
	}
	if _, err := examples.Chain(example); err != nil {
		return nil, badInput(err)
	}
	return load.Example(example)
}

func runCommand() *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "compute the baseline of a chain and print or write its tables",
		UsageText: "vcsim run [--chain FILE | --example NAME] [--out DIR [--households]] [--format table|csv|json] [--seed N] [--bom]",
		Flags: []cli.Flag{
			chainFlag("chain `FILE` (TOML, an Excel workbook or a VCA4D study); without it a built-in example runs"),
			exampleFlag(),
			outFlag("write accounts.csv, margins.csv, labour.csv, child_labour.csv, households.csv and summary.json to `DIR`"),
			&cli.StringFlag{Name: "format", Usage: "what to print: table (a readable summary), csv (accounts) or json (summary)", Value: "table"},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the synthetic household population", Value: 1},
			bomFlag,
			&cli.BoolFlag{Name: "households", Usage: "also write households_detail.csv to the --out folder: one row per simulated household"},
			langFlag,
			surveyFlag,
			forceFlag,
			excelFlag,
			strictFlag,
		},
		Action: func(ctx *cli.Context) error {
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			if ctx.Bool("households") && (ctx.String("out") == "" || isXLSX(ctx.String("out"))) {
				return usagef("--households writes households_detail.csv into the --out folder: give --out DIR")
			}
			if ctx.NArg() > 0 {
				return usagef("run takes no arguments, got %q: give the chain with --chain FILE (flags first)", ctx.Args().First())
			}
			if err := checkExcel(ctx); err != nil {
				return err
			}
			format := ctx.String("format")
			if format != "table" && format != "csv" && format != "json" {
				return usagef("--format must be table, csv or json, got %q", format)
			}
			c, err := loadChain(ctx.String("chain"), ctx.String("example"))
			if err != nil {
				return err
			}
			seed := ctx.Uint64("seed")
			sv, err := loadSurvey(ctx, c)
			if err != nil {
				return err
			}
			w := ctx.App.Writer
			a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Survey: sv, Seed: seed}, assess.Options{}, nil)
			if err != nil {
				return err
			}
			if err := plausibility(ctx, chainName(ctx), a.Warnings); err != nil {
				return err
			}
			if a.Market != nil && format == "table" {
				tables.WriteEquilibria(w, c.Currency, *a.Market, l)
			}
			r, market, pop := a.Base, a.Market, a.Population
			for _, a := range a.Inputs.Chain.DefaultPreferences() {
				if sv == nil || len(sv.Groups[a.ID]) == 0 {
					fmt.Fprintln(ctx.App.ErrWriter, l.T("txt.defaults", a.NameIn(l)))
				}
			}
			for _, n := range append(tables.DefaultNotes(a.Inputs.Chain, l), tables.FitNotes(a.Inputs.Chain, a.Fits, l)...) {
				fmt.Fprintln(ctx.App.ErrWriter, n)
			}
			switch format {
			case "table":
				err = tables.WriteText(w, r, l)
			case "csv":
				err = tables.WriteCSV(w, tables.Accounts(r), ctx.Bool("bom"))
			case "json":
				sum := tables.NewSummary(r, seed)
				if market != nil {
					sum.WithMarket(*market)
				}
				err = tables.WriteJSON(w, sum)
			}
			if err != nil {
				return err
			}
			if dir := ctx.String("out"); dir != "" && isXLSX(dir) {
				return runWorkbook(ctx, a, l, dir)
			} else if dir != "" {
				out := outputs(ctx)
				in := a.Tables()
				in.Seed = seed
				if ctx.Bool("households") {
					if in.Details, err = model.Details(r, pop); err != nil {
						return err
					}
				}
				if err := tables.AddTables(out, dir, in, csvDialect(ctx), tables.PartBaseline, tables.PartDetails); err != nil {
					return err
				}
				return writeOutputs(ctx, out)
			}
			return nil
		},
	}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check input files (chains, scenario files, surveys, criteria, VCA4D studies, workbooks) and list every problem (exit status 2 when any)",
		UsageText: "vcsim validate [--lang en|ru] FILE...\n\nEach file is checked by its kind, known from its content; scenario files and surveys\nagainst the first chain among the files (vcsim validate chain.toml scenarios.toml survey.csv).",
		Flags: []cli.Flag{langFlag, strictFlag,
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the households of the baseline the plausibility check runs", Value: 1}},
		Action: func(ctx *cli.Context) error {
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			if ctx.NArg() == 0 {
				return usagef("validate needs at least one file")
			}
			if err := noFlagArgs(ctx); err != nil {
				return err
			}
			bad := 0
			paths := ctx.Args().Slice()
			errs, chains := validateFiles(paths)
			warned := warnChains(ctx, paths, errs, chains)
			for i, err := range errs {
				if err != nil {
					fmt.Fprintln(ctx.App.ErrWriter, valuechain.ErrorIn(err, l))
					bad++
					continue
				}
				if warned[i] {
					fmt.Fprintln(ctx.App.Writer, l.T("txt.valid.warned", paths[i]))
					continue
				}
				fmt.Fprintln(ctx.App.Writer, l.T("txt.valid", paths[i]))
			}
			if bad > 0 {
				key := "txt.invalid"
				if bad == 1 {
					key = "txt.invalid.one"
				}
				return usagef("%s", l.T(key, bad, l.Plural(float64(ctx.NArg()), 0, "n.files.gen")))
			}
			return nil
		},
	}
}

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a chain, its scenario file and a survey template to start from (TOML and CSV, or one Excel workbook)",
		UsageText: "vcsim init [--example NAME | --blank] [--format toml|xlsx] [--lang en|ru] DIR",
		Flags: []cli.Flag{
			exampleFlag(),
			&cli.BoolFlag{Name: "blank", Usage: "a minimal commented chain to fill in instead of an example"},
			&cli.StringFlag{Name: "format", Usage: "toml (chain, scenarios, survey CSV) or xlsx (one workbook)", Value: "toml"},
			langFlagFor("language of the workbook's headings: en or ru"),
			forceFlag,
		},
		Action: func(ctx *cli.Context) error {
			if err := noFlagArgs(ctx); err != nil {
				return err
			}
			if ctx.NArg() != 1 {
				return usagef("init needs one directory argument (flags first: vcsim init --example NAME DIR)")
			}
			format, l := ctx.String("format"), ctx.String("lang")
			if format != "toml" && format != "xlsx" {
				return usagef("--format must be toml or xlsx, got %q", format)
			}
			if l != "en" && l != "ru" {
				return usagef("--lang must be en or ru, got %q", l)
			}
			name := ctx.String("example")
			var chain, scen, survey []byte
			if ctx.Bool("blank") {
				name = "chain"
				chain, scen = []byte(examples.Blank), []byte(examples.BlankScenarios)
			} else {
				var err error
				if chain, err = examples.Chain(name); err != nil {
					return badInput(err)
				}
				scen, _ = examples.Scenarios(name)
				survey, _ = examples.Survey(name)
			}
			if survey == nil {
				survey = []byte(strings.Join(valuechain.SurveyColumns, ",") + "\n")
			}
			dir := ctx.Args().First()
			out := outputs(ctx)
			base := filepath.Join(dir, examples.FileName(name))
			base = strings.TrimSuffix(base, ".toml")
			if format == "xlsx" {
				data, err := chainAndScenariosXLSX(chain, scen, survey, lang.Lang(l))
				if err != nil {
					return err
				}
				out.Add(base+".xlsx", data)
			} else {
				out.Add(base+".toml", chain)
				if scen != nil {
					out.Add(base+examples.ScenarioSuffix+".toml", scen)
				}
				out.Add(base+examples.SurveySuffix+".csv", survey)
			}
			return writeOutputs(ctx, out)
		},
	}
}

func examplesCommand() *cli.Command {
	return &cli.Command{
		Name:  "examples",
		Usage: "list the built-in example chains",
		Flags: []cli.Flag{langFlag},
		Action: func(ctx *cli.Context) error {
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			for _, name := range examples.Names() {
				data, _ := examples.Chain(name)
				c, err := valuechain.Parse(data, name)
				if err != nil {
					return err
				}
				fmt.Fprintf(ctx.App.Writer, "%-20s %s: %s\n", name, c.NameIn(l), c.DescriptionIn(l))
			}
			return nil
		},
	}
}
