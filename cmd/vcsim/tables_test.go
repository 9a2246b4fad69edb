package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/model/tables"
	"github.com/ilo-rma/vcsim/web"
	"github.com/ilo-rma/vcsim/workbook"
)

// listed returns the file names and row counts of the tables of
// tables.List that an assessment of the example has, for the parts.
func listed(t *testing.T, a *assess.Assessment, parts ...tables.Part) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, r := range tables.Present(a.Tables(), lang.EN, parts...) {
		n := -1 // summary.json: no rows
		if !r.JSON {
			n = len(tables.Cells(r.Rows, lang.EN))
		}
		out[r.File()] = n
	}
	return out
}

// csvRows counts the data rows of a CSV file in either dialect.
func csvRows(t *testing.T, name string, data []byte) int {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	if strings.Contains(name, ".excel-ru.") {
		cr.Comma = ';'
	}
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return len(recs) - 1
}

// folder returns the tables of a CSV folder: file name (without the Excel
// dialect's suffix) -> rows (-1 for summary.json).
func folder(t *testing.T, dir string) map[string]int {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == "draws.csv" {
			continue // the manifest; every draw's raw numbers
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		key := strings.Replace(name, tables.ExcelRUSuffix, ".csv", 1)
		if strings.HasSuffix(name, ".json") {
			out[key] = -1
			continue
		}
		out[key] = csvRows(t, name, data)
	}
	return out
}

// sheets returns the table sheets of a results workbook in English (the
// Summary and Charts sheets aside) with their rows.
func sheets(t *testing.T, path string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	all, _, err := workbook.Sheets(data)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for name, rows := range all {
		if name == "Summary" || name == "Charts" {
			continue
		}
		out[name+".csv"] = len(rows) - 1
	}
	return out
}

func same(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	keys := func(m map[string]int) []string {
		var k []string
		for n := range m {
			k = append(k, n)
		}
		sort.Strings(k)
		return k
	}
	if strings.Join(keys(got), " ") != strings.Join(keys(want), " ") {
		t.Errorf("%s holds %v, the list of tables %v", what, keys(got), keys(want))
	}
	for n, w := range want {
		if g, ok := got[n]; ok && g != w {
			t.Errorf("%s: %s has %d rows, the list %d", what, n, g, w)
		}
	}
}

// TestOneListOfTables: every surface holds exactly the tables of
// tables.List that the assessment has, with the same rows: run's and
// compare's CSV folders (English and the Russian Excel dialect), the
// results workbooks of run and compare (with a Monte Carlo),
// and the page's downloads (the zip of /api/export, in both languages, and
// its comparison CSV). summary.json is in the folder and the zip, with the
// children of the list's summary.
func TestOneListOfTables(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example through every surface")
	}
	srv := httptest.NewServer((&web.Server{}).Handler())
	defer srv.Close()
	// One example walks every surface (the list is the same for all; the
	// tobacco chain is the quickest with hired children and uncertain
	// numbers).
	for _, ex := range []string{"tobacco-kyrgyzstan"} {
		t.Run(ex, func(t *testing.T) {
			c, err := load.Example(ex)
			if err != nil {
				t.Fatal(err)
			}
			f, err := load.ExampleScenarios(ex, c)
			if err != nil {
				t.Fatal(err)
			}
			draws := 4
			a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Seed: 1}, assess.Options{Draws: draws}, nil)
			if err != nil {
				t.Fatal(err)
			}
			base := listed(t, a, tables.PartBaseline)
			scen := listed(t, a, tables.PartScenarios, tables.PartUncertainty)
			dir := t.TempDir()
			for _, d := range []string{"", "ru"} {
				args := []string{"--example", ex}
				if d != "" {
					args = append(args, "--excel", "ru")
				}
				out := filepath.Join(dir, "run"+d)
				if _, e, st := vcsim(t, append([]string{"run", "--out", out}, args...)...); st != 0 {
					t.Fatalf("run: %s", e)
				}
				same(t, "run --out "+d, folder(t, out), base)
				out = filepath.Join(dir, "cmp"+d)
				cargs := append([]string{"compare", "--out", out}, args...)
				if draws > 0 {
					cargs = append(cargs, "--draws", "4")
				}
				if _, e, st := vcsim(t, cargs...); st != 0 {
					t.Fatalf("compare: %s", e)
				}
				same(t, "compare --out "+d, folder(t, out), scen)
			}
			xl := filepath.Join(dir, "run.xlsx")
			if _, e, st := vcsim(t, "run", "--example", ex, "--out", xl); st != 0 {
				t.Fatalf("run xlsx: %s", e)
			}
			delete(base, "summary.json") // its numbers are the Summary sheet
			same(t, "run's workbook", sheets(t, xl), base)
			xl = filepath.Join(dir, "cmp.xlsx")
			cargs := []string{"compare", "--example", ex, "--out", xl}
			if draws > 0 {
				cargs = append(cargs, "--draws", "4")
			}
			if _, e, st := vcsim(t, cargs...); st != 0 {
				t.Fatalf("compare xlsx: %s", e)
			}
			same(t, "compare's workbook", sheets(t, xl), scen)

			// The page: the zip holds the tables of run and compare (no
			// Monte Carlo) and summary.json.
			page, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Seed: 1}, assess.Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := listed(t, page, tables.PartBaseline, tables.PartScenarios)
			chain, _ := examples.Chain(ex)
			scenText, _ := examples.Scenarios(ex)
			body, _ := json.Marshal(map[string]any{"chain": string(chain), "scenarios": string(scenText)})
			for _, l := range []string{"en", "ru"} {
				resp, err := srv.Client().Post(srv.URL+"/api/export?lang="+l, "application/json", bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				data, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
				if err != nil {
					t.Fatalf("export %s: %v (%.200s)", l, err, data)
				}
				got := map[string]int{}
				for _, zf := range zr.File {
					if !strings.HasSuffix(zf.Name, ".csv") && !strings.HasSuffix(zf.Name, ".json") {
						continue // the inputs, charts and report
					}
					rc, _ := zf.Open()
					b, _ := io.ReadAll(rc)
					rc.Close()
					if strings.HasSuffix(zf.Name, ".json") {
						var s tables.Summary
						if err := json.Unmarshal(b, &s); err != nil {
							t.Fatal(err)
						}
						if want := page.Base.ChildTotal().ChildLabour; math.Abs(s.ChildLabour-want) > 1e-9*want {
							t.Errorf("summary.json in the zip: %v children in child labour, the assessment %v", s.ChildLabour, page.Base.ChildTotal().ChildLabour)
						}
						got[zf.Name] = -1
						continue
					}
					name := zf.Name
					if l == "ru" {
						name = strings.Replace(name, ".csv", tables.ExcelRUSuffix, 1) // for the reader's dialect
					}
					got[zf.Name] = csvRows(t, name, b)
				}
				same(t, "the page's zip ("+l+")", got, want)
				resp, err = srv.Client().Post(srv.URL+"/api/comparison.csv?lang="+l, "application/json", bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				data, _ = io.ReadAll(resp.Body)
				resp.Body.Close()
				name := "scenario_summary.csv"
				if l == "ru" {
					name = "scenario_summary" + tables.ExcelRUSuffix
				}
				if n := csvRows(t, name, data); n != want["scenario_summary.csv"] {
					t.Errorf("the page's comparison CSV (%s) has %d rows, the list %d", l, n, want["scenario_summary.csv"])
				}
			}
		})
	}
}

// latin finds the words in Latin letters of a text.
var latin = regexp.MustCompile(`[A-Za-z][A-Za-z_]*`)

// userWords are the words in Latin letters the user wrote in the example's
// chain and scenario files: the string values (names, ids, units...), not
// the keys and comments, and not the values vcsim itself defines (kinds,
// stages, intervention types, distributions).
func userWords(t *testing.T, ex string) map[string]bool {
	t.Helper()
	words := map[string]bool{}
	enum := map[string]bool{"kind": true, "stage": true, "type": true, "dist": true, "final_market": true,
		"convention": true, "labour_market": true, "source": true, "method": true}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case string:
			if !enum[key] {
				for _, w := range latin.FindAllString(x, -1) {
					words[w] = true
				}
			}
		case map[string]any:
			for k, y := range x {
				walk(k, y)
			}
		case []map[string]any:
			for _, y := range x {
				walk(key, y)
			}
		case []any:
			for _, y := range x {
				walk(key, y)
			}
		}
	}
	for _, get := range []func(string) ([]byte, error){examples.Chain, examples.Scenarios} {
		data, err := get(ex)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if _, err := toml.Decode(string(data), &m); err != nil {
			t.Fatal(err)
		}
		walk("", m)
	}
	// The example's own name (the chain file), the program's name and
	// version.
	for _, w := range latin.FindAllString(ex+" vcsim "+version(), -1) {
		words[w] = true
	}
	return words
}

// TestRussianWorkbooksAndCSV: under --lang ru the results workbooks of run
// and compare (with a Monte Carlo), and under --excel ru the CSV files,
// hold no English word but the names the user wrote in the chain and
// scenario files: sheet names, headings, vcsim's words and the scenarios'
// names (name_ru) are Russian.
func TestRussianWorkbooksAndCSV(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example")
	}
	for _, ex := range examples.Names() {
		t.Run(ex, func(t *testing.T) {
			allowed := userWords(t, ex)
			dir := t.TempDir()
			check := func(where, text string) {
				t.Helper()
				for _, w := range latin.FindAllString(text, -1) {
					if !allowed[w] {
						t.Errorf("%s: English %q in %q", where, w, text)
						return
					}
				}
			}
			for _, args := range [][]string{
				{"run", "--lang", "ru", "--example", ex, "--out", filepath.Join(dir, "run.xlsx")},
				{"compare", "--lang", "ru", "--example", ex, "--out", filepath.Join(dir, "cmp.xlsx")},
			} {
				if ex == "tobacco-kyrgyzstan" && args[0] == "compare" {
					args = append(args[:len(args)-2], "--draws", "4", "--out", args[len(args)-1]) // and the Monte Carlo's sheets
				}
				if _, e, st := vcsim(t, args...); st != 0 {
					t.Fatalf("%v: %s", args, e)
				}
				path := args[len(args)-1]
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				all, names, err := workbook.Sheets(data)
				if err != nil {
					t.Fatal(err)
				}
				for _, name := range names {
					check(filepath.Base(path)+" sheet name", name)
					for i, row := range all[name] {
						for j, cell := range row {
							check(filepath.Base(path)+": "+name+" row "+strconv.Itoa(i+1)+" column "+strconv.Itoa(j+1), cell)
						}
					}
				}
			}
			for _, cmd := range []string{"run", "compare"} {
				out := filepath.Join(dir, cmd+"-csv")
				if _, e, st := vcsim(t, cmd, "--example", ex, "--excel", "ru", "--out", out); st != 0 {
					t.Fatalf("%s: %s", cmd, e)
				}
				ents, _ := os.ReadDir(out)
				for _, e := range ents {
					if !strings.HasSuffix(e.Name(), tables.ExcelRUSuffix) {
						continue
					}
					data, _ := os.ReadFile(filepath.Join(out, e.Name()))
					cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
					cr.Comma = ';'
					recs, err := cr.ReadAll()
					if err != nil {
						t.Fatal(err)
					}
					for i, rec := range recs {
						for j, cell := range rec {
							check(e.Name()+" row "+strconv.Itoa(i+1)+" column "+strconv.Itoa(j+1), cell)
						}
					}
				}
			}
		})
	}
}

// TestConsoleInRussian: the tables compare --draws, sensitivity, pam and
// screen print are Russian under --lang ru, with Russian numbers (no-break
// space between thousands, decimal comma, "31,6 %", intervals "a–b").
func TestConsoleInRussian(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the Monte Carlo and the tornado")
	}
	cases := []struct {
		args      []string
		want, not []string
	}{
		{[]string{"compare", "--example", "tobacco-kyrgyzstan", "--draws", "4", "--quiet"},
			[]string{"Табак, юг Кыргызстана: неопределённость", "Медиана и 90-процентный интервал", "базовый сценарий", "Кооператив", "\u00a0%", "–"},
			[]string{"uncertainty", "Median", " to ", "baseline", "Cooperative "}},
		{[]string{"sensitivity", "--example", "tobacco-kyrgyzstan"},
			[]string{"Торнадо для «дети в детском труде, последний год»", "размах", "Кооператив"},
			[]string{"Tornado", "swing", "children_in_child_labour"}},
		{[]string{"pam", "--example", "tobacco-kyrgyzstan"},
			[]string{"матрица анализа политики", "участник", "вся цепочка", "сумма участников", "Домохозяйства табаководов"},
			[]string{"policy analysis", "revenue", "whole chain", "n/a", "Tobacco"}},
		{[]string{"screen", "--examples"},
			[]string{"цепочка", "Хлопок, Согдийская область, Таджикистан", "(вес 3)", "19\u00a0171 (1,00)"},
			[]string{"chain", "Cotton", "(w ", "19,171"}},
	}
	for _, c := range cases {
		out, e, st := vcsim(t, append(c.args, "--lang", "ru")...)
		if st != 0 {
			t.Fatalf("%v: %s", c.args, e)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s --lang ru: no %q in\n%s", c.args[0], w, out)
			}
		}
		for _, n := range c.not {
			if strings.Contains(out, n) {
				t.Errorf("%s --lang ru: English %q in\n%s", c.args[0], n, out)
			}
		}
	}
}
