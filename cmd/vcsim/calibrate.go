package main

import (
	"bytes"
	"fmt"
	"io"
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
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
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
			printFits(ctx.App.Writer, l, c, sv, fits)
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

// printFits prints calibrate's table in language l: each group's target,
// the observed and fitted values, alpha, and the prevalence and weekly
// hours that alpha gives; shares as percentages, hours with two decimals.
// With a survey, a note says the fit is on the surveyed households, so a
// run of the written chain gives these figures only with --survey.
func printFits(w io.Writer, l lang.Lang, c *valuechain.Chain, sv *valuechain.Survey, fits []model.Fit) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l.T("cal.cols")+"\t")
	value := func(target string, x float64) string {
		if target == model.TargetPrevalence {
			return l.Percent(x)
		}
		return l.Number(x, 2)
	}
	for _, f := range fits {
		name := f.Group
		if a, _ := c.Actor(f.Group); a != nil {
			name = a.NameIn(l)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, l.T("cal.target."+f.Target), value(f.Target, f.Observed), value(f.Target, f.Fitted),
			l.Number(f.Alpha, 4), l.Percent(f.Prevalence), l.Number(f.Hours, 2))
	}
	tw.Flush()
	if sv != nil {
		fmt.Fprintln(w, l.T("cal.survey", sv.File))
	}
}
