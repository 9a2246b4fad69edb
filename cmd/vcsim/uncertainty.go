package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/outfile"
	"github.com/ilo-rma/vcsim/plots"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
)

// uncertaintyFlags are the Monte Carlo flags of compare and sensitivity.
var uncertaintyFlags = []cli.Flag{
	&cli.StringFlag{Name: "sampling", Usage: "how draws are made: random, lhs (Latin hypercube) or halton (scrambled)", Value: uncertainty.Random},
	&cli.BoolFlag{Name: "quiet", Usage: "no progress bar"},
	&cli.IntFlag{Name: "workers", Usage: "draws run side by side (0: one per processor); results do not depend on it", Hidden: true},
}

// progressBar returns a progress callback that draws a bar on standard
// error when it is a terminal and the run lasts over a second: draws done,
// rate and time left. It is quiet otherwise.
func progressBar(ctx *cli.Context, what string) (func(done, total int), func()) {
	f, ok := ctx.App.ErrWriter.(*os.File)
	if ctx.Bool("quiet") || !ok || !isTerminal(f) {
		return nil, func() {}
	}
	what = say(ctx, what)
	start := time.Now()
	var mu sync.Mutex
	last := time.Time{}
	shown := false
	return func(done, total int) {
			mu.Lock()
			defer mu.Unlock()
			now := time.Now()
			el := now.Sub(start)
			if el < time.Second || (now.Sub(last) < 200*time.Millisecond && done < total) {
				return
			}
			last, shown = now, true
			rate := float64(done) / el.Seconds()
			left := time.Duration(float64(total-done)/rate) * time.Second
			const width = 30
			n := width * done / total
			bar := make([]byte, width)
			for i := range bar {
				bar[i] = '.'
				if i < n {
					bar[i] = '#'
				}
			}
			fmt.Fprintf(f, say(ctx, "\r%s [%s] %d/%d, %.1f/s, %s left   "), what, bar, done, total, rate, left.Round(time.Second))
		}, func() {
			if shown {
				fmt.Fprintln(f)
			}
		}
}

// progressBars returns an assessment's progress callback: a bar for the
// runs and one for the draws, each as progressBar draws it; nil when
// quiet or not on a terminal.
func progressBars(ctx *cli.Context) assess.Progress {
	runs, endRuns := progressBar(ctx, "runs")
	if runs == nil {
		return nil
	}
	var draws func(done, total int)
	endDraws := func() {}
	return func(stage assess.Stage, done, total int, _ string) {
		if stage == assess.StageRuns {
			runs(done, total)
			if done == total {
				endRuns()
			}
			return
		}
		if draws == nil {
			draws, endDraws = progressBar(ctx, "draws")
		}
		draws(done, total)
		if done == total {
			endDraws()
		}
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// uncertainSetup reads the chain and scenarios of ctx and gathers their
// uncertain numbers.
func uncertainSetup(ctx *cli.Context) (*uncertainty.Setup, error) {
	c, err := loadChain(ctx.String("chain"), ctx.String("example"))
	if err != nil {
		return nil, err
	}
	f, err := loadScenarios(scenariosPath(ctx), ctx.String("example"), c)
	if err != nil {
		return nil, err
	}
	chainName, scenName := ctx.String("chain"), scenariosPath(ctx)
	if chainName == "" {
		chainName, scenName = "example "+ctx.String("example"), "scenarios of example "+ctx.String("example")
	}
	return uncertainty.NewSetup(c, f, chainName, scenName)
}

// checkSampling refuses an unknown --sampling before any work.
func checkSampling(ctx *cli.Context) error {
	switch m := ctx.String("sampling"); m {
	case uncertainty.Random, uncertainty.LHS, uncertainty.Halton:
		return nil
	default:
		return usagef("--sampling must be random, lhs or halton, got %q", m)
	}
}

// monteCarlo prints compare --draws' table with intervals and, with
// --out DIR, adds draws.csv.
func monteCarlo(ctx *cli.Context, mc *uncertainty.MonteCarlo, l lang.Lang, out *outfile.Set, dir string) error {
	fmt.Fprintf(ctx.App.Writer, "\n%s\n", l.T("unc.title", mc.Setup.Chain.NameIn(l)))
	if err := mc.WriteTable(ctx.App.Writer, mc.Setup.Chain.Currency, l); err != nil {
		return err
	}
	if dir == "" || isXLSX(dir) {
		return nil
	}
	// The Monte Carlo's tables are written with the others (tables.List);
	// every draw's numbers are a raw dump of their own.
	bom := csvDialect(ctx)
	return out.AddFunc(filepath.Join(dir, "draws.csv"), func(w io.Writer) error {
		return tables.WriteRecordsDialect(w, mc.DrawRecords(), bom)
	})
}

func sensitivityCommand() *cli.Command {
	return &cli.Command{
		Name:  "sensitivity",
		Usage: "which uncertain numbers move an indicator: one at a time (tornado) or Sobol indices",
		UsageText: "vcsim sensitivity [--chain FILE --scenarios FILE | --example NAME] --method tornado|sobol [--draws N]\n" +
			"       [--indicator NAME] [--out DIR]",
		Flags: append([]cli.Flag{
			chainFlag("chain `FILE`; without it a built-in example runs with its scenarios"),
			scenariosFlag("scenario `FILE` (needed with --chain)"),
			exampleFlag(),
			&cli.StringFlag{Name: "method", Usage: "tornado (each number alone from its 5th to its 95th percentile) or sobol", Value: "tornado"},
			&cli.IntFlag{Name: "draws", Usage: "Sobol: base draws N (N x (parameters + 2) comparisons)", Value: 64},
			&cli.IntFlag{Name: "bootstrap", Usage: "Sobol: bootstrap resamples for the 95% intervals", Value: 200},
			&cli.StringFlag{Name: "indicator", Usage: "a column of scenario_summary.csv", Value: "children_in_child_labour_final_year"},
			&cli.IntFlag{Name: "years", Usage: "years to run (default: the chain's horizon)"},
			&cli.Uint64Flag{Name: "seed", Usage: "seed of the households and the draws", Value: 1},
			outFlag("write tornado.csv or sobol.csv to `DIR`"),
			bomFlag,
			langFlagFor("language of the printed tables and the charts: en or ru"),
			forceFlag,
			excelFlag,
		}, uncertaintyFlags...),
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("sensitivity takes no arguments, got %q (flags first)", ctx.Args().First())
			}
			if err := checkExcel(ctx); err != nil {
				return err
			}
			if ctx.String("chain") != "" && scenariosPath(ctx) == "" {
				return usagef("--chain needs --scenarios FILE")
			}
			ind, err := uncertainty.IndicatorIndex(ctx.String("indicator"))
			if err != nil {
				return badInput(err)
			}
			method := ctx.String("method")
			if method != "tornado" && method != "sobol" {
				return usagef("--method must be tornado or sobol, got %q", method)
			}
			if err := checkSampling(ctx); err != nil {
				return err
			}
			if n := ctx.Int("draws"); method == "sobol" && (n < 2 || n > 100000) {
				return usagef("--draws must be between 2 and 100000, got %d", n)
			}
			if b := ctx.Int("bootstrap"); method == "sobol" && (b < 10 || b > 10000) {
				return usagef("--bootstrap must be between 10 and 10000 resamples (a 95%% interval needs some), got %d", b)
			}
			s, err := uncertainSetup(ctx)
			if err != nil {
				return err
			}
			if len(s.Params) == 0 {
				return badInput(fmt.Errorf("no uncertain number: give numbers as distributions ({ dist = \"triangular\", min = ..., mode = ..., max = ... }), see docs/uncertainty.md"))
			}
			opt := uncertainty.Options{Seed: ctx.Uint64("seed"), Sampling: ctx.String("sampling"), Horizon: ctx.Int("years"), Workers: ctx.Int("workers")}
			if method == "sobol" && !ctx.IsSet("sampling") {
				opt.Sampling = uncertainty.Halton
			}
			progress, done := progressBar(ctx, method)
			if method == "sobol" && announceSobol(ctx, s, ctx.Int("draws")) && progress == nil {
				progress = progressLines(ctx, method)
			}
			opt.Progress = progress
			name := ctx.String("indicator")
			l, err := lang.Parse(ctx.String("lang"))
			if err != nil {
				return badInput(err)
			}
			var rows any
			var charts []plots.Chart
			runs := []string{scenarios.Baseline}
			ru := map[string]string{scenarios.Baseline: l.T("baseline")}
			for _, sc := range s.File.Scenarios {
				runs = append(runs, sc.Name)
				if l == lang.RU && sc.NameRU != "" {
					ru[sc.Name] = sc.NameRU
				}
			}
			runName := func(run string) string {
				if n, ok := ru[run]; ok {
					return n
				}
				return run
			}
			file := "tornado.csv"
			if method == "tornado" {
				sw, err := uncertainty.Tornado(s, ind, opt)
				done()
				if err != nil {
					return err
				}
				uncertainty.WriteTornado(ctx.App.Writer, sw, tables.Value("indicator", name, l), runName, l)
				rows = uncertainty.TornadoRows(sw, name)
				for i, run := range runs {
					if p, err := plots.TornadoChart(sw, run, name, l); err == nil {
						charts = append(charts, plots.Chart{Name: fmt.Sprintf("tornado_%d", i), Plot: p})
					}
				}
			} else {
				res, err := uncertainty.SobolIndices(s, ind, ctx.Int("draws"), ctx.Int("bootstrap"), opt)
				done()
				if err != nil {
					return err
				}
				uncertainty.WriteSobol(ctx.App.Writer, res, tables.Value("indicator", name, l), runName, l)
				rows, file = uncertainty.SobolRows(res, name), "sobol.csv"
				for i, run := range runs {
					if p, err := plots.SobolChart(res, run, l); err == nil {
						charts = append(charts, plots.Chart{Name: fmt.Sprintf("sobol_%d", i), Plot: p})
					}
				}
			}
			dir := ctx.String("out")
			if dir == "" {
				return nil
			}
			out := outputs(ctx)
			if err := tables.AddCSV(out, filepath.Join(dir, file), rows, csvDialect(ctx)); err != nil {
				return err
			}
			scen := scenariosPath(ctx)
			if scen == "" {
				scen = ctx.String("example") + examples.ScenarioSuffix + ".toml"
			}
			source := plots.SourceLine(l, s.Chain.NameIn(l), filepath.Base(scen), ctx.Uint64("seed"))
			for _, c := range charts {
				if err := out.AddFunc(filepath.Join(dir, c.Name+".png"), func(w io.Writer) error { return plots.Write(w, c.Plot, source, "png") }); err != nil {
					return err
				}
			}
			return writeOutputs(ctx, out)
		},
	}
}

// progressLines returns a progress callback for a long run whose standard
// error is not a terminal (a log, a pipe): a line at every tenth.
func progressLines(ctx *cli.Context, what string) func(done, total int) {
	w, start := ctx.App.ErrWriter, time.Now()
	var mu sync.Mutex
	tenth := 0
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if t := 10 * done / total; t > tenth {
			tenth = t
			left := time.Duration(float64(time.Since(start)) * float64(total-done) / float64(done))
			fmt.Fprintf(w, say(ctx, "%s: %d%% (%d of %d), %s left\n"), say(ctx, what), 10*t, done, total, duration(ctx, left))
		}
	}
}

// announce times two draws of compare --draws and, when the whole run
// will take more than ten seconds, says so on standard error before it
// starts (unless --quiet); it reports whether the run is that long.
func announce(ctx *cli.Context, in assess.Inputs) bool {
	n := ctx.Int("draws")
	if n < 100 || ctx.Bool("quiet") {
		return false
	}
	s, err := uncertainty.NewSetup(in.Chain, in.Scenarios, in.ChainName, in.ScenarioName)
	if err != nil {
		return false // the run itself says what is wrong
	}
	per, err := drawTime(ctx, in, s)
	if err != nil {
		return false
	}
	workers := ctx.Int("workers")
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	total := per * time.Duration(n) / time.Duration(workers)
	if total < 10*time.Second {
		return false
	}
	fmt.Fprintf(ctx.App.ErrWriter, say(ctx, "vcsim: %d draws will take about %s on this machine (%s a draw, %d at a time); Ctrl+C stops the run\n"),
		n, duration(ctx, total), per.Round(time.Millisecond), workers)
	return true
}

// announceSobol says on standard error, before sensitivity --method sobol
// starts, how long its draws x (numbers + 2) runs of the model will take,
// when that is more than ten seconds (unless --quiet); it reports whether
// the run is that long.
func announceSobol(ctx *cli.Context, s *uncertainty.Setup, draws int) bool {
	if ctx.Bool("quiet") || len(s.Params) == 0 || s.Corr != nil { // Sobol refuses correlated numbers
		return false
	}
	per, err := drawTime(ctx, assess.Inputs{Chain: s.Chain, Scenarios: s.File, Seed: ctx.Uint64("seed")}, s)
	if err != nil {
		return false // the run itself says what is wrong
	}
	workers := ctx.Int("workers")
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	runs := draws * (len(s.Params) + 2)
	total := per * time.Duration(runs) / time.Duration(workers)
	if total < 10*time.Second {
		return false
	}
	fmt.Fprintf(ctx.App.ErrWriter, say(ctx, "vcsim: Sobol indices need %d runs of the model (%d draws x (%d uncertain numbers + 2)), about %s on this machine (%s a run, %d at a time); Ctrl+C stops the run\n"),
		runs, draws, len(s.Params), duration(ctx, total), per.Round(time.Millisecond), workers)
	return true
}

// drawTime returns how long one draw of s takes on this machine: two
// draws timed on one worker. A test replaces it, so as to time nothing.
var drawTime = func(ctx *cli.Context, in assess.Inputs, s *uncertainty.Setup) (time.Duration, error) {
	start := time.Now()
	if _, err := uncertainty.Run(s, uncertainty.Options{Draws: 2, Seed: in.Seed, Sampling: ctx.String("sampling"), Horizon: ctx.Int("years"), Workers: 1}); err != nil {
		return 0, err
	}
	return time.Since(start) / 2, nil
}

// duration says d in hours and minutes, or seconds when shorter than a
// minute, in the language of ctx ("3 h 34 min", "3 ч 34 мин").
func duration(ctx *cli.Context, d time.Duration) string {
	h, m, sec := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())
	switch {
	case h > 0:
		return fmt.Sprintf(say(ctx, "%d h %d min"), h, m)
	case m > 0:
		return fmt.Sprintf(say(ctx, "%d min"), m)
	}
	return fmt.Sprintf(say(ctx, "%d s"), sec)
}
