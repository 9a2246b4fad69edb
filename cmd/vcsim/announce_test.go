package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/uncertainty"
)

// progressLine is the count in a progress line of 100 draws.
var progressLine = regexp.MustCompile(`\(\d+ (of|из) 100\)`)

// TestDrawsAnnounced: compare --draws says how long the run will take
// before it starts, when that is more than ten seconds, and then prints a
// progress line at every tenth (standard error is not a terminal here).
// The time of a draw is injected, so nothing real is timed: at 1 s a draw,
// 100 draws on 2 workers take 100 x 1 s / 2 = 50 s; at 1 ms, 0.05 s, and
// nothing is said.
func TestDrawsAnnounced(t *testing.T) {
	was := drawTime
	defer func() { drawTime = was }()
	for _, tc := range []struct {
		per        time.Duration
		lang, want string
		progress   string
	}{
		{time.Second, "en", "vcsim: 100 draws will take about 50 s on this machine (1s a draw, 2 at a time); Ctrl+C stops the run\n", "draws: 10% (10 of 100), "},
		{time.Second, "ru", "vcsim: число расчётов — 100; это займёт около 50 с на этом компьютере (1s на расчёт, по 2 одновременно); Ctrl+C прерывает расчёт\n", "(10 из 100)"},
		{time.Millisecond, "en", "", ""},
	} {
		timed := 0
		drawTime = func(ctx *cli.Context, in assess.Inputs, s *uncertainty.Setup) (time.Duration, error) {
			timed++
			return tc.per, nil
		}
		out, errOut, status := vcsim(t, "compare", "--example", "tobacco-kyrgyzstan", "--draws", "100", "--workers", "2", "--lang", tc.lang)
		if status != 0 || out == "" || timed != 1 {
			t.Fatalf("%v %s: status %d, draw timed %d times: %s", tc.per, tc.lang, status, timed, errOut)
		}
		if tc.want == "" {
			if strings.Contains(errOut, "draws will take") || strings.Contains(errOut, "10 of 100") {
				t.Errorf("a short run is announced: %s", errOut)
			}
			continue
		}
		i, j := strings.Index(errOut, tc.want), strings.Index(errOut, tc.progress)
		if i < 0 || j < 0 {
			t.Errorf("%s: no announcement %q or progress %q in\n%s", tc.lang, tc.want, tc.progress, errOut)
			continue
		}
		// Said before anything runs: the first line of standard error.
		if i != 0 || j < i {
			t.Errorf("%s: the announcement is not said first:\n%s", tc.lang, errOut)
		}
		// (The notes of the preferences fitted before the run say "27.8%
		// (the model gives ...)": only "(k of 100)" is a progress line.)
		if n := len(progressLine.FindAllString(errOut, -1)); n != 10 {
			t.Errorf("%s: %d progress lines, want 10 (one a tenth)", tc.lang, n)
		}
	}
	// --quiet says nothing and times nothing.
	timed := 0
	drawTime = func(*cli.Context, assess.Inputs, *uncertainty.Setup) (time.Duration, error) {
		timed++
		return time.Hour, nil
	}
	if _, errOut, _ := vcsim(t, "compare", "--example", "tobacco-kyrgyzstan", "--draws", "100", "--quiet"); timed != 0 || strings.Contains(errOut, "draws will take") {
		t.Errorf("--quiet: timed %d, said %s", timed, errOut)
	}
}

// TestMillionDrawsAnnounced: compare --draws 1000000 (issue 21: it ran
// for many minutes with nothing said) is announced before it starts and
// then reports a line at every tenth. Nothing is run: announce is called
// with the compare command's own flags, at an injected 4 ms a draw on 2
// workers, 1000000 x 4 ms / 2 = 2000 s, "33 min"; the progress callback
// is fed the tenths of 1000000.
func TestMillionDrawsAnnounced(t *testing.T) {
	was := drawTime
	defer func() { drawTime = was }()
	drawTime = func(*cli.Context, assess.Inputs, *uncertainty.Setup) (time.Duration, error) {
		return 4 * time.Millisecond, nil
	}
	var errOut bytes.Buffer
	app := newApp(io.Discard, &errOut)
	var compare *cli.Command
	for _, c := range app.Commands {
		if c.Name == "compare" {
			compare = c
		}
	}
	set := flag.NewFlagSet("compare", flag.ContinueOnError)
	for _, f := range compare.Flags {
		if err := f.Apply(set); err != nil {
			t.Fatal(err)
		}
	}
	if err := set.Parse([]string{"--draws", "1000000", "--workers", "2"}); err != nil {
		t.Fatal(err)
	}
	ctx := cli.NewContext(app, set, nil)
	c, err := loadChain("", "tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	f, err := loadScenarios("", "tobacco-kyrgyzstan", c)
	if err != nil {
		t.Fatal(err)
	}
	if !announce(ctx, assess.Inputs{Chain: c, Scenarios: f, Seed: 1}) {
		t.Error("a run of 33 minutes is not long")
	}
	want := "vcsim: 1000000 draws will take about 33 min on this machine (4ms a draw, 2 at a time); Ctrl+C stops the run\n"
	if errOut.String() != want {
		t.Errorf("said %q, want %q", errOut.String(), want)
	}
	errOut.Reset()
	bar := progressLines(ctx, "draws")
	for done := 1; done <= 1000000; done += 1000 {
		bar(done, 1000000)
	}
	bar(1000000, 1000000)
	for tenth := 1; tenth <= 10; tenth++ {
		line := fmt.Sprintf("draws: %d%% (%d of 1000000), ", 10*tenth, 100000*tenth)
		if tenth < 10 {
			line = fmt.Sprintf("draws: %d%% (%d of 1000000), ", 10*tenth, 100000*tenth+1)
		}
		if !strings.Contains(errOut.String(), line) {
			t.Errorf("no line %q in\n%s", line, errOut.String())
		}
	}
	if n := strings.Count(errOut.String(), "\n"); n != 10 {
		t.Errorf("%d progress lines, want 10:\n%s", n, errOut.String())
	}
}

// TestSobolAnnounced: sensitivity --method sobol runs draws x (numbers +
// 2) comparisons; like compare --draws it says how long before it starts
// and prints a line at every tenth (issue 21: long runs said nothing).
// At an injected 1 s a run on 2 workers, 2 draws of the tobacco example's
// k uncertain numbers take 2 x (k + 2) x 1 s / 2 = k + 2 seconds.
func TestSobolAnnounced(t *testing.T) {
	was := drawTime
	defer func() { drawTime = was }()
	drawTime = func(*cli.Context, assess.Inputs, *uncertainty.Setup) (time.Duration, error) { return time.Second, nil }
	out, errOut, status := vcsim(t, "sensitivity", "--example", "tobacco-kyrgyzstan", "--method", "sobol", "--draws", "2", "--bootstrap", "10", "--workers", "2")
	if status != 0 || out == "" {
		t.Fatalf("status %d: %s", status, errOut)
	}
	m := regexp.MustCompile(`^vcsim: Sobol indices need (\d+) runs of the model \(2 draws x \((\d+) uncertain numbers \+ 2\)\), about (\d+) s on this machine \(1s a run, 2 at a time\); Ctrl\+C stops the run\n`).FindStringSubmatch(errOut)
	if m == nil {
		t.Fatalf("no announcement first in\n%s", errOut)
	}
	runs, k, secs := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if k < 4 || runs != 2*(k+2) || secs != k+2 {
		t.Errorf("%d runs of %d numbers in %d s, want 2 x (k + 2) runs in k + 2 s", runs, k, secs)
	}
	if n := strings.Count(errOut, "% ("); n != 10 || !strings.Contains(errOut, fmt.Sprintf("sobol: 100%% (%d of %d)", runs, runs)) {
		t.Errorf("%d progress lines, want 10 ending at %d of %d:\n%s", n, runs, runs, errOut)
	}
	_, errOut, _ = vcsim(t, "sensitivity", "--lang", "ru", "--example", "tobacco-kyrgyzstan", "--method", "sobol", "--draws", "2", "--bootstrap", "10", "--workers", "2")
	if !strings.HasPrefix(errOut, "vcsim: для индексов Соболя нужно расчётов модели: ") {
		t.Errorf("in Russian:\n%s", errOut)
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
