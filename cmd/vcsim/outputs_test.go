package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/workbook"
)

// copyFile copies src to dst and returns dst.
func copyFile(t *testing.T, src, dst string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestNeverWritesOverInputs runs every command that writes with an output
// that is one of its inputs: each must exit with status 2, name the role,
// and leave every file of the folder as it was.
func TestNeverWritesOverInputs(t *testing.T) {
	const ex = "../../examples/"
	for _, tc := range []struct {
		name  string
		files map[string]string // name in the temp folder -> source
		args  []string          // with {dir} for the folder
		want  string
	}{
		{"report over the chain", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml"},
			[]string{"report", "--chain", "{dir}/a.toml", "--out", "{dir}/a.toml"}, "not .toml"},
		{"report over the chain named .html", map[string]string{"a.html": ex + "tobacco-kyrgyzstan.toml"},
			[]string{"report", "--chain", "{dir}/a.html", "--out", "{dir}/a.html"}, "--out is the chain file"},
		{"report over the scenarios", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml", "s.html": ex + "tobacco-kyrgyzstan-scenarios.toml"},
			[]string{"report", "--chain", "{dir}/a.toml", "--scenarios", "{dir}/s.html", "--out", "{dir}/s.html"}, "--out is the scenarios file"},
		{"run over the survey", map[string]string{"o/households.csv": ex + "tobacco-kyrgyzstan-survey.csv"},
			[]string{"run", "--example", "tobacco-kyrgyzstan", "--survey", "{dir}/o/households.csv", "--out", "{dir}/o"}, "--out is the survey file"},
		{"compare over the scenarios", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml", "o/scenario_years.csv": ex + "tobacco-kyrgyzstan-scenarios.toml"},
			[]string{"compare", "--chain", "{dir}/a.toml", "--scenarios", "{dir}/o/scenario_years.csv", "--out", "{dir}/o"}, "--out is the scenarios file"},
		{"calibrate over the chain", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml", "s.csv": ex + "tobacco-kyrgyzstan-survey.csv"},
			[]string{"calibrate", "--chain", "{dir}/a.toml", "--survey", "{dir}/s.csv", "--out", "{dir}/a.toml"}, "--out is the chain file"},
		{"calibrate over the survey", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml", "s.csv": ex + "tobacco-kyrgyzstan-survey.csv"},
			[]string{"calibrate", "--chain", "{dir}/a.toml", "--survey", "{dir}/s.csv", "--out", "{dir}/s.csv"}, "--out is the survey file"},
		{"export over the chain", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml"},
			[]string{"export", "vca4d", "--chain", "{dir}/a.toml", "--out", "{dir}/a.toml"}, "--out is the chain file"},
		{"import over the study", map[string]string{"s.json": "../../valuechain/vca4d/testdata/cocoa-ecuador-eco.json"},
			[]string{"import", "vca4d", "{dir}/s.json", "--out", "{dir}/s.json"}, "--out is the study file"},
		{"map over the chain", map[string]string{"a.toml": ex + "tobacco-kyrgyzstan.toml"},
			[]string{"map", "--chain", "{dir}/a.toml", "--format", "png", "--out", "{dir}/a.toml"}, "ends in .toml but --format is png"},
		{"map over the chain named .dot", map[string]string{"a.dot": ex + "tobacco-kyrgyzstan.toml"},
			[]string{"map", "--chain", "{dir}/a.dot", "--out", "{dir}/a.dot"}, "--out is the chain file"},
		{"plot over the chain", map[string]string{"o/chain_map.png": ex + "tobacco-kyrgyzstan.toml"},
			[]string{"plot", "--chain", "{dir}/o/chain_map.png", "--out", "{dir}/o"}, "--out is the chain file"},
		{"a user's file without --force", map[string]string{"o/accounts.csv": ex + "tobacco-kyrgyzstan-survey.csv"},
			[]string{"run", "--out", "{dir}/o"}, "give --force"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			before := map[string][]byte{}
			for name, src := range tc.files {
				p := copyFile(t, src, filepath.Join(dir, name))
				before[p], _ = os.ReadFile(p)
			}
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "{dir}", dir)
			}
			_, errOut, status := vcsim(t, args...)
			if status != 2 || !strings.Contains(errOut, tc.want) {
				t.Errorf("status %d, stderr %q; want 2 and %q", status, errOut, tc.want)
			}
			err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				old, ok := before[p]
				if !ok {
					t.Errorf("%s was written although the command failed", p)
				} else if data, _ := os.ReadFile(p); !bytes.Equal(data, old) {
					t.Errorf("%s was changed", p)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestForceAndRerun: a second run replaces its own outputs; --force
// replaces a user's file.
func TestForceAndRerun(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 2; i++ {
		if _, errOut, status := vcsim(t, "run", "--out", dir); status != 0 {
			t.Fatalf("run %d: status %d: %s", i+1, status, errOut)
		}
	}
	acc := filepath.Join(dir, "accounts.csv")
	os.WriteFile(acc, []byte("my notes"), 0o644)
	if _, _, status := vcsim(t, "run", "--out", dir); status != 2 {
		t.Errorf("an edited output was replaced: status %d", status)
	}
	if _, errOut, status := vcsim(t, "run", "--out", dir, "--force"); status != 0 {
		t.Errorf("--force: status %d: %s", status, errOut)
	}
	if data, _ := os.ReadFile(acc); string(data) == "my notes" {
		t.Error("--force did not replace the file")
	}
}

// TestCalibrateKeepsComments: the calibrated chain is the user's text with
// only alpha changed.
func TestCalibrateKeepsComments(t *testing.T) {
	dir := t.TempDir()
	src := "../../examples/tobacco-kyrgyzstan.toml"
	out := filepath.Join(dir, "calibrated.toml")
	if _, errOut, status := vcsim(t, "calibrate", "--chain", src, "--survey", "../../examples/tobacco-kyrgyzstan-survey.csv", "--out", out); status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	orig, _ := os.ReadFile(src)
	got, _ := os.ReadFile(out)
	ol, gl := strings.Split(string(orig), "\n"), strings.Split(string(got), "\n")
	// Comment lines are added on top; then every line is the same but alpha's.
	gl = gl[len(gl)-len(ol):]
	changed := 0
	for i := range ol {
		if ol[i] != gl[i] {
			changed++
			if !strings.HasPrefix(strings.TrimSpace(gl[i]), "alpha = ") {
				t.Errorf("line %d changed: %q -> %q", i+1, ol[i], gl[i])
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d lines changed, want 1 (alpha)", changed)
	}
}

// TestCalibrateWritesSchoolValue: calibrate --out on a chain with observed
// prevalence and enrolment (the apricot example) writes the fitted alpha
// and school_value into the user's text: every original line is kept, in
// order, but alpha's, which takes the fitted value; school_value, absent,
// is added in the group's table; comment lines on top give the fit; and
// the file reads back with the values printed.
func TestCalibrateWritesSchoolValue(t *testing.T) {
	dir := t.TempDir()
	src := "../../examples/apricot-batken.toml"
	out := filepath.Join(dir, "calibrated.toml")
	stdout, errOut, status := vcsim(t, "calibrate", "--chain", src, "--out", out)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	orig, _ := os.ReadFile(src)
	got, _ := os.ReadFile(out)
	ol, gl := strings.Split(string(orig), "\n"), strings.Split(string(got), "\n")
	var header []string
	for len(gl) > 0 && strings.HasPrefix(gl[0], "# ") && !strings.HasPrefix(ol[0], gl[0]) {
		header, gl = append(header, gl[0]), gl[1:]
	}
	if len(header) != 3 || !strings.Contains(header[1], "alpha") || !strings.Contains(header[2], "school_value") {
		t.Errorf("header comments:\n%s", strings.Join(header, "\n"))
	}
	var alpha, delta string
	j := 0
	for i := 0; i < len(gl); i++ {
		l := strings.TrimSpace(gl[i])
		switch {
		case strings.HasPrefix(l, "school_value = "):
			delta = strings.TrimPrefix(l, "school_value = ")
			continue // added
		case j < len(ol) && strings.HasPrefix(l, "alpha = ") && strings.HasPrefix(strings.TrimSpace(ol[j]), "alpha = "):
			alpha = strings.TrimPrefix(l, "alpha = ")
		case j >= len(ol) || gl[i] != ol[j]:
			t.Fatalf("line %d: %q, the original's line %d is %q", i+1, gl[i], j+1, ol[min(j, len(ol)-1)])
		}
		j++
	}
	if j != len(ol) || alpha == "" || alpha == "1.0" || delta == "" {
		t.Errorf("kept %d of %d lines; alpha %q, school_value %q", j, len(ol), alpha, delta)
	}
	// The values written are the ones in the header, and printed (alpha,
	// to 4 decimals).
	a, _ := strconv.ParseFloat(alpha, 64)
	if !strings.Contains(header[1], "alpha "+alpha) || !strings.Contains(stdout, strconv.FormatFloat(a, 'f', 4, 64)) || !strings.Contains(header[2], strings.Trim(delta, "[]")) {
		t.Errorf("alpha %q, school_value %q not in the output:\n%s\n%s", alpha, delta, stdout, header[2])
	}
	if _, errOut, status := vcsim(t, "validate", out); status != 0 {
		t.Errorf("the calibrated chain does not validate: %s", errOut)
	}
}

// TestPoorerMarked: a run where withdrawal pushes households below the
// poverty line says so next to the figure. In the test village the farms
// hire labour, so a child's hour saves wages: monitoring that withdraws
// children without compensation takes that cash away (poverty 4.5% ->
// 22.5%), and compare marks the figure with * and says why under the
// table, in English and Russian; the same monitoring with the package's
// transfer (with) leaves fewer households poor than the baseline: no mark.
func TestPoorerMarked(t *testing.T) {
	dir := t.TempDir()
	sc := filepath.Join(dir, "monitoring.toml")
	os.WriteFile(sc, []byte(`[[scenario]]
name = "Monitoring alone"
  [[scenario.intervention]]
  type = "monitoring"
  targets = ["farm"]
  coverage = 1

[[scenario]]
name = "Monitoring with the package"
  [[scenario.intervention]]
  type = "monitoring"
  targets = ["farm"]
  coverage = 1
  with = "basket"
  [[scenario.intervention]]
  name = "basket"
  type = "cash_transfer"
  targets = ["farm"]
  coverage = 1
  effect = { amount = 300 }
`), 0o644)
	for _, c := range []struct {
		lang  lang.Lang
		alone string
		note  string
	}{
		{lang.EN, lang.EN.Percent(0.225) + " *", "* more households below the poverty line than in the baseline"},
		{lang.RU, lang.RU.Percent(0.225) + " *", "* домохозяйств за чертой бедности больше, чем в базовом сценарии"},
	} {
		out, errOut, status := vcsim(t, "compare", "--chain", "../../scenarios/testdata/village.toml", "--scenarios", sc, "--years", "2", "--lang", string(c.lang))
		if status != 0 {
			t.Fatalf("%s: status %d: %s", c.lang, status, errOut)
		}
		var alone, pkg string
		for _, l := range strings.Split(out, "\n") {
			switch {
			case strings.Contains(l, "Monitoring alone"):
				alone = l
			case strings.Contains(l, "Monitoring with the package"):
				pkg = l
			}
		}
		if !strings.Contains(alone, c.alone) || strings.Contains(pkg, "*") || !strings.Contains(out, c.note) {
			t.Errorf("%s: want %q on the first row, no mark on the second and the note:\n%s", c.lang, c.alone, out)
		}
	}
}

// TestRunWritesEquilibria: with a local labour market, run --out writes
// every equilibrium to equilibria.csv and summary.json (the three of
// scenarios/testdata/market.toml, worked by hand in scenarios).
func TestRunWritesEquilibria(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, status := vcsim(t, "run", "--chain", "../../scenarios/testdata/market.toml", "--out", dir); status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "equilibria.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "wage,stable,children_in_child_labour") ||
		!strings.HasPrefix(lines[1], "54.53,true,1,") || !strings.HasPrefix(lines[2], "69.44,false,1,") ||
		!strings.HasPrefix(lines[3], "144.00,true,0,") {
		t.Errorf("equilibria.csv:\n%s", data)
	}
	var sum struct {
		LabourMarket struct {
			Wage       float64
			Equilibria []struct{ Wage float64 }
		} `json:"labour_market"`
	}
	js, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err := json.Unmarshal(js, &sum); err != nil {
		t.Fatal(err)
	}
	if len(sum.LabourMarket.Equilibria) != 3 || math.Abs(sum.LabourMarket.Wage-54.533) > 1e-3 {
		t.Errorf("summary.json labour_market: %+v", sum.LabourMarket)
	}
}

// TestMonteCarloCLI: compare --draws writes the uncertainty tables next to
// the deterministic ones, and sensitivity writes the tornado.
func TestMonteCarloCLI(t *testing.T) {
	dir := t.TempDir()
	out, errOut, status := vcsim(t, "compare", "--example", "tobacco-kyrgyzstan", "--draws", "20", "--years", "2", "--out", dir)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if !strings.Contains(out, "Median and 90% interval over 20 draws") {
		t.Errorf("no interval table:\n%s", out)
	}
	for file, head := range map[string]string{
		"scenario_uncertainty.csv": "scenario,indicator,draws,mean,sd,p05,p25,p50,p75,p95",
		"scenario_pairs.csv":       "scenario_a,scenario_b,indicator,draws,p_a_better_than_b,difference_a_minus_b_p05",
		"draws.csv":                "draw,scenario,scenarios:scenario.0.intervention.0.effect.",
		"scenario_summary.csv":     "scenario,group,children_in_child_labour_final_year",
	} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil || !strings.HasPrefix(string(data), head) {
			t.Errorf("%s: %v, starts %.80q", file, err, data)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "draws.csv"))
	if n := strings.Count(string(data), "\n"); n != 1+20*6 {
		t.Errorf("draws.csv has %d lines, want 1 + 20 draws x 6 runs", n)
	}
	if _, errOut, status := vcsim(t, "sensitivity", "--example", "tobacco-kyrgyzstan", "--method", "tornado", "--years", "2", "--out", dir); status != 0 {
		t.Fatalf("sensitivity: status %d: %s", status, errOut)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "tornado.csv")); err != nil || !strings.HasPrefix(string(data), "scenario,parameter,label,line,low_value,high_value") {
		t.Errorf("tornado.csv: %v %.60q", err, data)
	}
	for _, args := range [][]string{
		{"compare", "--draws", "-3"},
		{"compare", "--draws", "5", "--sampling", "sobolx"},
		{"sensitivity", "--method", "morris"},
		{"sensitivity", "--indicator", "happiness"},
	} {
		if _, _, status := vcsim(t, args...); status != 2 {
			t.Errorf("%v: status %d, want 2", args, status)
		}
	}
}

// TestResultsWorkbookMatchesCSV: the results workbook of run holds, cell
// by cell, the numbers of the CSV files (to the CSV's decimals), and the
// CSV for a Russian-locale Excel holds them with semicolons and commas.
func TestResultsWorkbookMatchesCSV(t *testing.T) {
	dir := t.TempDir()
	csvDir, book, ruDir := filepath.Join(dir, "csv"), filepath.Join(dir, "run.xlsx"), filepath.Join(dir, "ru")
	for _, args := range [][]string{
		{"run", "--example", "tobacco-kyrgyzstan", "--out", csvDir},
		{"run", "--example", "tobacco-kyrgyzstan", "--out", book},
		{"run", "--example", "tobacco-kyrgyzstan", "--excel", "ru", "--out", ruDir},
	} {
		if _, errOut, status := vcsim(t, args...); status != 0 {
			t.Fatalf("%v: %d %s", args, status, errOut)
		}
	}
	data, _ := os.ReadFile(book)
	sheets, order, err := workbook.Sheets(data)
	if err != nil {
		t.Fatal(err)
	}
	if order[0] != "Summary" || sheets["Summary"][0][1] != "Tobacco, southern Kyrgyzstan" {
		t.Errorf("the first sheet is %q, %v", order[0], sheets["Summary"][0])
	}
	if _, ok := sheets["Charts"]; !ok {
		t.Error("no Charts sheet")
	}
	for _, name := range []string{"accounts", "margins", "labour", "child_labour", "households"} {
		f, err := os.Open(filepath.Join(csvDir, name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ru, _ := os.ReadFile(filepath.Join(ruDir, name+tables.ExcelRUSuffix)) // the name says the locale
		rr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(ru, []byte("\ufeff"))))
		rr.Comma = ';'
		ruRecs, err := rr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows := sheets[name]
		if len(rows) != len(recs) || len(ruRecs) != len(recs) {
			t.Fatalf("%s: %d workbook rows, %d Russian CSV rows, %d CSV rows", name, len(rows), len(ruRecs), len(recs))
		}
		for i, rec := range recs {
			for j, cell := range rec {
				// The Russian CSV: the same numbers with a decimal comma, vcsim's
				// words in Russian (tables.Value), the headings labelled.
				ruCell := strings.Replace(ruRecs[i][j], ",", ".", 1)
				_, isNum := strconv.ParseFloat(cell, 64)
				switch {
				case i == 0:
					if ruRecs[i][j] == cell || ruRecs[i][j] == "" {
						t.Errorf("%s column %d: Russian CSV heading %q, CSV %q", name, j+1, ruRecs[i][j], cell)
					}
				case isNum != nil || cell == "":
					if w := tables.Value(recs[0][j], cell, lang.RU); ruRecs[i][j] != w {
						t.Errorf("%s row %d col %d: Russian CSV %q, want %q", name, i+1, j+1, ruRecs[i][j], w)
					}
				case ruCell != cell:
					t.Errorf("%s row %d col %d: Russian CSV %q, CSV %q", name, i+1, j+1, ruRecs[i][j], cell)
				}
				var got string
				if j < len(rows[i]) {
					got = rows[i][j]
				}
				want, err := strconv.ParseFloat(cell, 64)
				if err != nil || i == 0 {
					if got != cell {
						t.Errorf("%s row %d col %d: workbook %q, CSV %q", name, i+1, j+1, got, cell)
					}
					continue
				}
				x, err := strconv.ParseFloat(got, 64)
				decimals := 0
				if k := strings.IndexByte(cell, '.'); k >= 0 {
					decimals = len(cell) - k - 1
				}
				if err != nil || math.Abs(x-want) > 0.51*math.Pow(10, -float64(decimals)) {
					t.Errorf("%s row %d col %d: workbook %q, CSV %q", name, i+1, j+1, got, cell)
				}
			}
		}
	}
}
