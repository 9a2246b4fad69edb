package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/plots"
)

func pamCommand() *cli.Command {
	return &cli.Command{
		Name:      "pam",
		Usage:     "economic analysis: the policy analysis matrix of every actor and of the chain (docs/pam.md)",
		UsageText: "vcsim pam [--chain FILE | --example NAME] [--scenarios FILE] [--out DIR] [--lang en|ru]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "chain", Usage: "chain `FILE` (its [economic] table gives the shadow values)"},
			&cli.StringFlag{Name: "example", Usage: "built-in example `NAME`", Value: examples.Default},
			&cli.StringFlag{Name: "scenarios", Usage: "scenario `FILE`: each scenario's effect on social profit and DRC"},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
			&cli.StringFlag{Name: "out", Usage: "write pam.csv, pam.json and pam.png (and scenario_pam.csv) to `DIR`"},
			&cli.StringFlag{Name: "lang", Usage: "language of the chart: en or ru", Value: "en"},
			&cli.BoolFlag{Name: "bom", Usage: "start CSV files with a UTF-8 byte-order mark"},
			forceFlag,
			excelFlag,
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("pam takes no arguments, got %q (flags first)", ctx.Args().First())
			}
			if err := checkExcel(ctx); err != nil {
				return err
			}
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			c, err := loadChain(ctx.String("chain"), ctx.String("example"))
			if err != nil {
				return err
			}
			in := assess.Inputs{Chain: c, Seed: ctx.Uint64("seed")}
			if path := ctx.String("scenarios"); path != "" {
				if in.Scenarios, err = loadScenarios(path, "", c); err != nil {
					return err
				}
			}
			a, err := assess.Run(context.Background(), in, assess.Options{}, nil)
			if err != nil {
				return err
			}
			t, err := pam.Build(a.Base)
			if err != nil {
				return err
			}
			w := ctx.App.Writer
			writePAM(w, c.Name, c.Currency, t, pam.Neutral(c))
			var scen []pam.ScenarioRow
			if cmp := a.Comparison; cmp != nil {
				if scen, err = pam.ScenarioRows(append([]*model.Run{cmp.Baseline}, cmp.Runs...)); err != nil {
					return err
				}
				writeScenarioPAM(w, scen)
			}
			dir := ctx.String("out")
			if dir == "" {
				return nil
			}
			out := outputs(ctx)
			bom := csvDialect(ctx)
			if err := tables.AddCSV(out, filepath.Join(dir, "pam.csv"), pam.CSVRows(t), bom); err != nil {
				return err
			}
			if err := tables.AddJSON(out, filepath.Join(dir, "pam.json"), pam.NewJSON(c.Name, c.Currency, pam.Neutral(c), t)); err != nil {
				return err
			}
			if scen != nil {
				if err := tables.AddCSV(out, filepath.Join(dir, "scenario_pam.csv"), scen, bom); err != nil {
					return err
				}
			}
			p, err := plots.PAMChart(t.Actors, l, c.Currency)
			if err != nil {
				return err
			}
			source := plots.SourceLine(l, c.NameIn(l), "", ctx.Uint64("seed"))
			if err := out.AddFunc(filepath.Join(dir, "pam.png"), func(w io.Writer) error { return plots.Write(w, p, source, "png") }); err != nil {
				return err
			}
			return writeOutputs(ctx, out)
		},
	}
}

// writeScenarioPAM prints the whole chain's rows of scenario_pam.csv in
// the final year.
func writeScenarioPAM(w io.Writer, scen []pam.ScenarioRow) {
	last := 0
	for _, s := range scen {
		last = max(last, s.Year)
	}
	fmt.Fprintf(w, "\nScenarios, year %d: the whole chain's profit at private and social prices and its DRC (every actor and year in scenario_pam.csv)\n", last)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "scenario\tprivate profit\tsocial profit\tDRC\t\n")
	for _, s := range scen {
		if s.Actor == "total" && s.Year == last {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", s.Scenario, tables.Thousands(float64(s.ProfitPrivate)), tables.Thousands(float64(s.ProfitSocial)), ratioText(float64(s.DRC)))
		}
	}
	tw.Flush()
}

func ratioText(x float64) string {
	if math.IsNaN(x) {
		return "not defined"
	}
	return fmt.Sprintf("%.4f", x)
}

// writePAM prints the matrix of every actor and of the chain.
func writePAM(w io.Writer, name, currency string, t *pam.Table, neutral bool) {
	fmt.Fprintf(w, "%s: policy analysis matrix (%s a year)\n", name, currency)
	if neutral {
		fmt.Fprintln(w, "The chain gives no shadow values ([economic] table): social prices are market prices, every divergence is zero.")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "actor\trevenue A\ttradable B\tdomestic C\tprofit D\trevenue E\ttradable F\tdomestic G\tprofit H\tNPCO\tEPC\tDRC\tPC\tPSE\t\n")
	for _, r := range t.All() {
		rt := map[string]float64{}
		for _, x := range r.Ratios() {
			rt[x.Name] = x.Value
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Name,
			tables.Thousands(r.A), tables.Thousands(r.B), tables.Thousands(r.C), tables.Thousands(r.D),
			tables.Thousands(r.E), tables.Thousands(r.F), tables.Thousands(r.G), tables.Thousands(r.H),
			ratioShort(rt["npco"]), ratioShort(rt["epc"]), ratioShort(rt["drc"]), ratioShort(rt["pc"]), ratioShort(rt["pse"]))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nWhole chain: consolidated (revenue is the chain's final sales, tradable inputs are bought outside the chain, sales between actors cancel). Sum of the actors: each purchase between actors counted twice, in the seller's A and E and the buyer's B and F; its NPCO, NPCI, SRP, SCB and PSE are not the chain's.")
	fmt.Fprintf(w, "C and G, convention %s.\n", pam.ConventionNote(t.Convention))
	if note := pam.TypicalNote(t.Items); note != "" {
		fmt.Fprintln(w, note)
	}
	fmt.Fprintln(w, "NPCO = A/E, EPC = (A-B)/(E-F), DRC = G/(E-F) (below 1: the chain earns more than its domestic factors cost the country), PC = D/H, PSE = L/A; n/a: not defined (a zero or negative denominator, see pam.json).")
}

func ratioShort(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", x)
}
