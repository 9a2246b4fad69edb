package main

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"text/tabwriter"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
)

// chainTOML renders a new chain (one vcsim built, with no file behind it)
// as TOML under comment lines.
func chainTOML(comments []string, c *valuechain.Chain) ([]byte, error) {
	var buf bytes.Buffer
	for _, l := range comments {
		fmt.Fprintf(&buf, "# %s\n", l)
	}
	buf.WriteString("\n")
	if err := toml.NewEncoder(&buf).Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// chainText returns the text of the --chain file, or of the example.
func chainText(ctx *cli.Context) ([]byte, error) {
	if p := ctx.String("chain"); p != "" {
		return valuechain.ReadInput(p)
	}
	return examples.Chain(ctx.String("example"))
}

// calibratedText writes each fitted alpha into the chain's own text, so
// that the user's comments and key order are kept, under comment lines.
func calibratedText(text []byte, c *valuechain.Chain, comments []string, fits []model.Fit) ([]byte, error) {
	for _, f := range fits {
		_, i := c.Actor(f.Group)
		var err error
		text, err = valuechain.SetValue(text, fmt.Sprintf("actor.%d.household.alpha", i), strconv.FormatFloat(f.Alpha, 'f', 6, 64))
		if err != nil {
			return nil, fmt.Errorf("writing alpha of %q: %w", f.Group, err)
		}
		if f.School {
			v := "[" + strconv.FormatFloat(f.Delta[0], 'f', 4, 64) + ", " + strconv.FormatFloat(f.Delta[1], 'f', 4, 64) + ", " +
				strconv.FormatFloat(f.Delta[2], 'f', 4, 64) + "]"
			if text, err = valuechain.SetValue(text, fmt.Sprintf("actor.%d.household.school_value", i), v); err != nil {
				return nil, fmt.Errorf("writing school_value of %q: %w", f.Group, err)
			}
		}
	}
	var buf bytes.Buffer
	for _, l := range comments {
		fmt.Fprintf(&buf, "# %s\n", l)
	}
	buf.Write(text)
	return buf.Bytes(), nil
}

// loadSurvey reads the --survey file (CSV or a workbook's Survey sheet)
// for chain c, or nil.
func loadSurvey(ctx *cli.Context, c *valuechain.Chain) (*valuechain.Survey, error) {
	if path := ctx.String("survey"); path != "" {
		return load.SurveyFile(path, c)
	}
	return nil, nil
}

func calibrateCommand() *cli.Command {
	return &cli.Command{
		Name:  "calibrate",
		Usage: "solve alpha of each household group so the baseline matches observed child labour",
		UsageText: "vcsim calibrate [--chain FILE | --example NAME] [--survey CSV] [--target hours|prevalence] --out FILE\n\n" +
			"With a survey that observes children's hours the target is their mean weekly hours\n" +
			"(which pins alpha down exactly); otherwise it is observed_prevalence in the chain file.",
		Flags: []cli.Flag{
			chainFlag("chain `FILE`"),
			exampleFlag(),
			surveyFlag,
			&cli.StringFlag{Name: "target", Usage: "what to match with a survey: hours or prevalence", Value: model.TargetHours},
			requiredOutFlag("write the calibrated chain to `FILE`"),
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the household population", Value: 1},
			forceFlag,
			langFlag,
		},
		Action: func(ctx *cli.Context) error {
			if _, err := lang.Parse(ctx.String("lang")); err != nil {
				return badInput(err)
			}
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
			_, fits, err := model.CalibrateChain(c, sv, ctx.Uint64("seed"), target)
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
				if f.School {
					lines = append(lines, fmt.Sprintf("group %s: school_value [%.4f, %.4f, %.4f] matches observed enrolment %.4g, %.4g, %.4g (model %.4g, %.4g, %.4g).",
						f.Group, f.Delta[0], f.Delta[1], f.Delta[2], f.ObservedEnrolment[0], f.ObservedEnrolment[1], f.ObservedEnrolment[2], f.Enrolment[0], f.Enrolment[1], f.Enrolment[2]))
				}
			}
			text, err := chainText(ctx)
			if err != nil {
				return err
			}
			data, err := calibratedText(text, c, lines, fits)
			if err != nil {
				return err
			}
			// The text written must read back as the calibrated chain.
			back, err := valuechain.Parse(data, ctx.String("out"))
			if err != nil {
				return fmt.Errorf("the calibrated chain does not read back: %w", err)
			}
			for _, f := range fits {
				if a, _ := back.Actor(f.Group); a == nil || a.Household == nil || math.Abs(a.Household.AlphaOr()-f.Alpha) > 1e-6*max(1, f.Alpha) {
					return fmt.Errorf("the calibrated chain does not read back: alpha of %q", f.Group)
				}
			}
			set := outputs(ctx)
			set.Add(ctx.String("out"), data)
			return writeOutputs(ctx, set)
		},
	}
}
