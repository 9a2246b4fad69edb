package main

import (
	"bytes"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"vcsim/examples"
	"vcsim/model"
	"vcsim/valuechain"
)

// writeChain writes a chain as TOML under comment lines.
func writeChain(path string, comments []string, c *valuechain.Chain) error {
	var buf bytes.Buffer
	for _, l := range comments {
		fmt.Fprintf(&buf, "# %s\n", l)
	}
	buf.WriteString("\n")
	if err := toml.NewEncoder(&buf).Encode(c); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// surveyFlag is the --survey flag of run, compare and calibrate.
var surveyFlag = &cli.StringFlag{Name: "survey", Usage: "household survey `CSV` that replaces the synthetic households of the groups it covers (docs/survey-format.md)"}

// loadSurvey reads the --survey file for chain c, or nil.
func loadSurvey(ctx *cli.Context, c *valuechain.Chain) (*valuechain.Survey, error) {
	path := ctx.String("survey")
	if path == "" {
		return nil, nil
	}
	return valuechain.LoadSurvey(path, c)
}

// population draws the households of c, from the survey when given.
func population(c *valuechain.Chain, sv *valuechain.Survey, seed uint64) *model.Population {
	if sv != nil {
		return model.NewSurveyPopulation(c, sv, seed)
	}
	return model.NewPopulation(c, seed)
}

func calibrateCommand() *cli.Command {
	return &cli.Command{
		Name:  "calibrate",
		Usage: "solve alpha of each household group so the baseline matches observed child labour",
		UsageText: "vcsim calibrate [--chain FILE | --example NAME] [--survey CSV] [--target hours|prevalence] --out FILE\n\n" +
			"With a survey that observes children's hours the target is their mean weekly hours\n" +
			"(which pins alpha down exactly); otherwise it is observed_prevalence in the chain file.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "chain", Usage: "chain `FILE`"},
			&cli.StringFlag{Name: "example", Usage: "built-in example `NAME`", Value: examples.Default},
			surveyFlag,
			&cli.StringFlag{Name: "target", Usage: "what to match with a survey: hours or prevalence", Value: model.TargetHours},
			&cli.StringFlag{Name: "out", Usage: "write the calibrated chain to `FILE`", Required: true},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("calibrate takes no arguments, got %q (flags first)", ctx.Args().First())
			}
			target := ctx.String("target")
			if target != model.TargetHours && target != model.TargetPrevalence {
				return usagef("--target must be hours or prevalence, got %q", target)
			}
			c, err := loadChain(ctx.String("chain"), ctx.String("example"))
			if err != nil {
				return err
			}
			sv, err := loadSurvey(ctx, c)
			if err != nil {
				return err
			}
			out, fits, err := model.CalibrateChain(c, sv, ctx.Uint64("seed"), target)
			if err != nil {
				return badInput(err)
			}
			tw := tabwriter.NewWriter(ctx.App.Writer, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "group\ttarget\tobserved\tfitted\talpha\tprevalence\tweekly hours per child\t\n")
			for _, f := range fits {
				fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.4f\t%.6f\t%.4f\t%.2f\t\n", f.Group, f.Target, f.Observed, f.Fitted, f.Alpha, f.Prevalence, f.Hours)
			}
			tw.Flush()
			header := fmt.Sprintf("%s, calibrated by vcsim calibrate (seed %d", c.Name, ctx.Uint64("seed"))
			if sv != nil {
				header += ", survey " + sv.File
			}
			lines := []string{header + ")."}
			for _, f := range fits {
				lines = append(lines, fmt.Sprintf("group %s: alpha %.6f matches observed %s %.4g (model %.4g).", f.Group, f.Alpha, f.Target, f.Observed, f.Fitted))
			}
			if err := writeChain(ctx.String("out"), lines, out); err != nil {
				return err
			}
			fmt.Fprintf(ctx.App.ErrWriter, "wrote %s\n", ctx.String("out"))
			return nil
		},
	}
}
