package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/pam"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

func pamCommand() *cli.Command {
	return &cli.Command{
		Name:      "pam",
		Usage:     "economic analysis: the policy analysis matrix of every actor and of the chain (docs/pam.md)",
		UsageText: "vcsim pam [--chain FILE | --example NAME] [--scenarios FILE] [--out DIR] [--lang en|ru]",
		Flags: []cli.Flag{
			chainFlag("chain `FILE` (its [economic] table gives the shadow values)"),
			exampleFlag(),
			scenariosFlag("scenario `FILE`: each scenario's effect on social profit and DRC"),
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
			outFlag("write pam.csv, pam.json and pam.png (and scenario_pam.csv) to `DIR`"),
			langFlagFor("language of the printed matrix and the chart: en or ru"),
			bomFlag,
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
			writePAM(w, c, t, pam.Neutral(c), l)
			var scen []pam.ScenarioRow
			if cmp := a.Comparison; cmp != nil {
				if scen, err = pam.ScenarioRows(append([]*model.Run{cmp.Baseline}, cmp.Runs...)); err != nil {
					return err
				}
				names := map[string]string{scenarios.Baseline: l.T("baseline")}
				for i, r := range cmp.Runs {
					names[r.Name] = cmp.RunName(i, l)
				}
				writeScenarioPAM(w, scen, l, func(n string) string {
					if m, ok := names[n]; ok {
						return m
					}
					return n
				})
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

// writeScenarioPAM prints, in the language l, the whole chain's rows of
// scenario_pam.csv in the final year; runName names a run in l.
func writeScenarioPAM(w io.Writer, scen []pam.ScenarioRow, l lang.Lang, runName func(string) string) {
	last := 0
	for _, s := range scen {
		last = max(last, s.Year)
	}
	fmt.Fprintf(w, "\n%s\n", l.T("pam.scen.head", last))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t\n", l.T("pam.scen.cols"))
	for _, s := range scen {
		if s.Actor == "total" && s.Year == last {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", runName(s.Scenario), l.Thousands(float64(s.ProfitPrivate)), l.Thousands(float64(s.ProfitSocial)), ratioText(float64(s.DRC), l))
		}
	}
	tw.Flush()
}

func ratioText(x float64, l lang.Lang) string {
	if math.IsNaN(x) {
		return l.T("pam.undefined")
	}
	return l.Number(x, 4)
}

// writePAM prints the matrix of every actor and of the chain in the
// language l.
func writePAM(w io.Writer, c *valuechain.Chain, t *pam.Table, neutral bool, l lang.Lang) {
	fmt.Fprintln(w, l.T("pam.head", c.NameIn(l), c.Currency))
	if neutral {
		fmt.Fprintln(w, l.T("pam.neutral"))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t\n", l.T("pam.cols"))
	for _, r := range t.All() {
		rt := map[string]float64{}
		for _, x := range r.Ratios() {
			rt[x.Name] = x.Value
		}
		name := tables.Value("name", r.Name, l)
		if l == lang.RU && r.NameRU != "" {
			name = r.NameRU
		}
		th := l.Thousands
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name,
			th(r.A), th(r.B), th(r.C), th(r.D), th(r.E), th(r.F), th(r.G), th(r.H),
			ratioShort(rt["npco"], l), ratioShort(rt["epc"], l), ratioShort(rt["drc"], l), ratioShort(rt["pc"], l), ratioShort(rt["pse"], l))
	}
	tw.Flush()
	fmt.Fprintln(w, "\n"+l.T("pam.chainnote"))
	conv := "pam.conv.accounts"
	if t.Convention == valuechain.ConventionTextbook {
		conv = "pam.conv.textbook"
	}
	fmt.Fprintln(w, l.T("pam.convention", l.T(conv)))
	var typical []string
	for _, it := range t.Items {
		if it.Source == "typical" {
			typical = append(typical, it.Name+" "+strings.Replace(strconv.FormatFloat(it.Tradable, 'g', -1, 64), ".", l.T("pam.decimal"), 1))
		}
	}
	if len(typical) > 0 {
		fmt.Fprintln(w, l.T("pam.typical", strings.Join(typical, ", ")))
	}
	fmt.Fprintln(w, l.T("pam.ratios"))
}

func ratioShort(x float64, l lang.Lang) string {
	if math.IsNaN(x) {
		return l.T("na")
	}
	return l.Number(x, 2)
}
