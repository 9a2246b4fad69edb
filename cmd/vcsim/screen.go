package main

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/screening"
)

func screenCommand() *cli.Command {
	return &cli.Command{
		Name:  "screen",
		Usage: "choose the chains to assess: rank candidate chains by weighted criteria (docs/screening.md)",
		UsageText: "vcsim screen --chains a.toml,b.toml,... [--criteria criteria.toml] [--out DIR] [--lang en|ru]\n" +
			"vcsim screen --examples   (the built-in chains with their criteria)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "chains", Usage: "chain `FILES`, separated by commas"},
			&cli.BoolFlag{Name: "examples", Usage: "screen the built-in example chains"},
			&cli.StringFlag{Name: "criteria", Usage: "criteria `FILE` (default: child labour, hazardous child labour, poor households, households, producer share)"},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the household populations", Value: 1},
			outFlag("write screening.csv and screening.png to `DIR`"),
			langFlagFor("language: en or ru"),
			bomFlag,
			forceFlag,
			excelFlag,
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("screen takes no arguments, got %q: give the chains with --chains a.toml,b.toml (flags first)", ctx.Args().First())
			}
			if err := checkExcel(ctx); err != nil {
				return err
			}
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			var cands []screening.Candidate
			var inputs []outfile.Input
			switch {
			case ctx.Bool("examples") && ctx.String("chains") != "":
				return usagef("give --chains or --examples, not both")
			case ctx.Bool("examples"):
				for _, name := range examples.Names() {
					c, err := loadChain("", name)
					if err != nil {
						return err
					}
					cands = append(cands, screening.Candidate{Key: name, Chain: c})
				}
			case ctx.String("chains") != "":
				paths := strings.Split(ctx.String("chains"), ",")
				for i := range paths {
					paths[i] = strings.TrimSpace(paths[i])
				}
				keys, err := screening.Keys(paths)
				if err != nil {
					return badInput(err)
				}
				for i, path := range paths {
					c, err := loadChain(path, "")
					if err != nil {
						return err
					}
					cands = append(cands, screening.Candidate{Key: keys[i], Chain: c})
					inputs = append(inputs, outfile.Input{Role: "chain", Path: path})
				}
			default:
				return usagef("give the chains to screen: --chains a.toml,b.toml (or --examples)")
			}
			cr := &screening.DefaultCriteria
			name := "the default criteria"
			switch {
			case ctx.String("criteria") != "":
				name = ctx.String("criteria")
				if cr, err = screening.LoadCriteria(name); err != nil {
					return err
				}
				inputs = append(inputs, outfile.Input{Role: "criteria", Path: name})
			case ctx.Bool("examples"):
				name = "the examples' criteria"
				if cr, err = screening.ParseCriteria(examples.ScreeningCriteria(), name); err != nil {
					return err
				}
			}
			if err := screening.Validate(cr, cands, name); err != nil {
				return err
			}
			res, err := screening.Screen(cands, cr, ctx.Uint64("seed"))
			if err != nil {
				return badInput(err)
			}
			names := map[string]string{}
			for _, c := range cands {
				names[c.Key] = c.Chain.NameIn(l)
			}
			swap := writeScreening(ctx.App.Writer, res, l, names)
			dir := ctx.String("out")
			if dir == "" {
				return nil
			}
			out := outputs(ctx, inputs...)
			if err := out.AddFunc(filepath.Join(dir, "screening.csv"), func(w io.Writer) error {
				return tables.WriteRecordsDialect(w, res.Records(), csvDialect(ctx))
			}); err != nil {
				return err
			}
			p, err := plots.ScreeningChart(res, l)
			if err != nil {
				return err
			}
			source := plots.SourceLine(l, "vcsim screen", "", ctx.Uint64("seed"))
			if err := out.AddFunc(filepath.Join(dir, "screening.png"), func(w io.Writer) error { return plots.Write(w, p, source, "png") }); err != nil {
				return err
			}
			var svg bytes.Buffer
			if err := plots.Write(&svg, p, source, "svg"); err != nil {
				return err
			}
			s := svg.String()
			if i := strings.Index(s, "<svg"); i >= 0 {
				s = s[i:]
			}
			in := screening.ReportInput{Lang: l, Result: res, Chart: template.HTML(s), Swap: swap, Date: today()} // the SVG is vcsim's own drawing
			if err := out.AddFunc(filepath.Join(dir, "screening.html"), func(w io.Writer) error { return screening.WriteReport(w, in) }); err != nil {
				return err
			}
			return writeOutputs(ctx, out)
		},
	}
}

// writeScreening prints the ranking with every criterion and the weight
// change that would swap the first two chains, in the language l (chains
// named by names, their names in l, by key).
func writeScreening(w io.Writer, res *screening.Result, l lang.Lang, names map[string]string) string {
	ru := l == lang.RU
	title, score, rank, chain, weight := "Screening of candidate chains (scores from 0 to 1; normalised criteria in brackets)", "score", "rank", "chain", "w"
	if ru {
		title, score, rank, chain, weight = "Отбор цепочек (баллы от 0 до 1; в скобках нормированные значения)", "балл", "место", "цепочка", "вес"
	}
	num := func(x float64) string { return compact(x, l) }
	wnum := func(x float64) string { // a weight as given
		if ru {
			return strings.Replace(strconv.FormatFloat(x, 'g', -1, 64), ".", ",", 1)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	fmt.Fprintf(w, "%s\n\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t%s\t", rank, chain)
	for _, c := range res.Criteria {
		fmt.Fprintf(tw, "%s (%s %s)\t", c.Label(l), weight, wnum(c.Weight))
	}
	fmt.Fprintf(tw, "%s\t\n", score)
	named := map[string]int{}
	for _, r := range res.Rows {
		named[r.Name]++
	}
	nameOf := func(r screening.Row) string {
		if n := names[r.Key]; n != "" {
			return n
		}
		return r.Name
	}
	for _, r := range res.Rows {
		name := nameOf(r)
		if named[r.Name] > 1 {
			name += " (" + r.Key + ")" // two chains of one name: their files tell them apart
		}
		fmt.Fprintf(tw, "%d\t%s\t", r.Rank, name)
		for j := range res.Criteria {
			fmt.Fprintf(tw, "%s (%s)\t", num(r.Raw[j]), l.Number(r.Norm[j], 2))
		}
		fmt.Fprintf(tw, "%s\t\n", l.Number(r.Score, 3))
	}
	tw.Flush()
	var line string
	if i, wt, ok := res.Swap(); ok {
		c := res.Criteria[i]
		if ru {
			line = fmt.Sprintf("Чувствительность: при весе критерия «%s» %s (сейчас %s) «%s» и «%s» меняются местами.", c.Label(l), l.Number(wt, 2), wnum(c.Weight), nameOf(res.Rows[0]), nameOf(res.Rows[1]))
		} else {
			line = fmt.Sprintf("Sensitivity: with a weight of %.2f for %q (now %g), %q and %q swap places.", wt, c.Label(l), c.Weight, res.Rows[0].Name, res.Rows[1].Name)
		}
	} else if len(res.Rows) > 1 {
		line = "Sensitivity: no change of a single weight (0 to 1000) swaps the first two chains."
		if ru {
			line = "Чувствительность: изменение одного веса (от 0 до 1000) не меняет местами первые две цепочки."
		}
	}
	if line != "" {
		fmt.Fprintf(w, "\n%s\n", line)
	}
	return line
}

// compact formats a raw criterion value in the language l: whole numbers
// with thousands, small ones with three significant digits.
func compact(x float64, l lang.Lang) string {
	if x >= 100 || x <= -100 {
		return l.Thousands(x)
	}
	s := strconv.FormatFloat(x, 'g', 3, 64)
	if l == lang.RU {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
