package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPAMWritesFiles: vcsim pam with scenarios writes pam.csv (actors, the
// consolidated chain as total, then sum_of_actors), pam.json and
// scenario_pam.csv (every scenario, year and actor, and the chain).
func TestPAMWritesFiles(t *testing.T) {
	dir := t.TempDir()
	out, errs, status := vcsim(t, "pam", "--example", "tobacco-kyrgyzstan", "--scenarios", "../../examples/tobacco-kyrgyzstan-scenarios.toml", "--out", dir)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	for _, want := range []string{"whole chain", "sum of the actors", "convention accounts", "Scenarios, year"} {
		if !strings.Contains(out, want) {
			t.Errorf("the printout has no %q:\n%s", want, out)
		}
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	pamRows := read("pam.csv")
	n := len(pamRows)
	if pamRows[n-2][0] != "total" || pamRows[n-1][0] != "sum_of_actors" || !strings.Contains(strings.Join(pamRows[0], ","), "pse") {
		t.Errorf("pam.csv: %v", pamRows)
	}
	actors := n - 3 // header, total, sum_of_actors
	scen := read("scenario_pam.csv")
	years, runs := map[string]bool{}, map[string]bool{}
	totals := 0
	for _, r := range scen[1:] {
		years[r[1]] = true
		runs[r[0]] = true
		if r[2] == "total" {
			totals++
		}
	}
	if want := len(runs) * len(years) * (actors + 1); len(scen)-1 != want || totals != len(runs)*len(years) || len(runs) < 2 {
		t.Errorf("scenario_pam.csv: %d rows for %d runs x %d years x %d actors + total", len(scen)-1, len(runs), len(years), actors)
	}
	if _, err := os.Stat(filepath.Join(dir, "pam.json")); err != nil {
		t.Error(err)
	}
}

// TestPAMBadInputs: issue 21 point 6, at the command: each bad [economic]
// key exits 2 naming the file, the line and the field, and nothing is
// written.
func TestPAMBadInputs(t *testing.T) {
	chain := mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")
	for _, tc := range []struct{ name, old, new, want string }{
		{"tiny exchange rate factor", "exchange_rate_factor = 1.05", "exchange_rate_factor = 1e-300", "exchange_rate_factor: must be between 0.1 and 10 (a plausible shadow exchange rate factor), got 1e-300"},
		{"negative exchange rate factor", "exchange_rate_factor = 1.05", "exchange_rate_factor = -1.05", "exchange_rate_factor: must not be negative, got -1.05"},
		{"misspelt domestic cost", `domestic_costs = ["fuel_and_water"`, `domestic_costs = ["fuel_and_watr"`, `domestic_costs: "fuel_and_watr" is not a cost item of any actor`},
		{"huge border price", "price = 290 ", "price = 290e10 ", "more than 100 times apart"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(chain, tc.old) {
				t.Fatalf("the example has no %q", tc.old)
			}
			text := strings.Replace(chain, tc.old, tc.new, 1)
			dir := t.TempDir()
			path := filepath.Join(dir, "chain.toml")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			outDir := filepath.Join(dir, "out")
			_, errs, status := vcsim(t, "pam", "--chain", path, "--out", outDir)
			if status != 2 {
				t.Errorf("status %d, want 2: %s", status, errs)
			}
			if want := path + ":" + itoa(lineOf(text, tc.new)) + ":"; !strings.Contains(errs, want) || !strings.Contains(errs, tc.want) {
				t.Errorf("got %q, want %q at %s", errs, tc.want, want)
			}
			if _, err := os.Stat(outDir); err == nil {
				t.Error("wrote outputs for a bad input")
			}
		})
	}
}
