package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func vcsim(t testing.TB, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var o, e bytes.Buffer
	status = run(append([]string{"vcsim"}, args...), &o, &e)
	return o.String(), e.String(), status
}

func TestRunPrintsSummary(t *testing.T) {
	for _, ex := range []string{"cotton-tajikistan", "tobacco-kyrgyzstan"} {
		out, errOut, status := vcsim(t, "run", "--example", ex)
		if status != 0 {
			t.Fatalf("%s: status %d: %s", ex, status, errOut)
		}
		golden := filepath.Join("testdata", "run-"+ex+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("%s: output differs from %s (go test ./cmd/vcsim -update rewrites it):\n%s", ex, golden, out)
		}
		for _, s := range []string{"value added", "Producer share", "below the poverty line", "in child labour", "hazardous child labour"} {
			if !strings.Contains(out, s) {
				t.Errorf("%s: summary lacks %q", ex, s)
			}
		}
	}
}

func TestRunWritesFiles(t *testing.T) {
	dir := t.TempDir()
	_, errOut, status := vcsim(t, "run", "--out", dir, "--bom", "--seed", "3")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	required := map[string][]string{
		"accounts.csv": {"actor", "count", "revenue", "intermediate_consumption", "value_added", "wages",
			"net_operating_profit", "va_share"},
		"margins.csv":      {"actor", "price", "margin_per_final_unit", "share_of_final_price"},
		"labour.csv":       {"actor", "family_days", "hired_days", "child_days", "fte"},
		"child_labour.csv": {"group", "band", "sex", "children", "child_labour", "hazardous_child_labour"},
		"households.csv":   {"group", "households", "mean_cash_income", "median_cash_income", "mean_full_income", "share_below_poverty_line"},
	}
	var vaSum float64
	for name, cols := range required {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		text, ok := strings.CutPrefix(string(data), "\ufeff")
		if !ok {
			t.Errorf("%s: no byte-order mark with --bom", name)
		}
		rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) < 2 {
			t.Fatalf("%s: %d rows", name, len(rows))
		}
		header := map[string]int{}
		for i, h := range rows[0] {
			header[h] = i
		}
		for _, c := range cols {
			if _, ok := header[c]; !ok {
				t.Errorf("%s: no column %q in %v", name, c, rows[0])
			}
		}
		if name == "accounts.csv" {
			for _, row := range rows[1 : len(rows)-1] {
				var v float64
				if err := json.Unmarshal([]byte(row[header["value_added"]]), &v); err != nil {
					t.Fatal(err)
				}
				vaSum += v
			}
		}
	}
	var s map[string]any
	data, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total_value_added", "final_sales", "external_inputs", "children",
		"children_in_child_labour", "children_in_hazardous_child_labour"} {
		if _, ok := s[k]; !ok {
			t.Errorf("summary.json lacks %q", k)
		}
	}
	// The accounts (rounded to cents) add up to the summary's total.
	if tv := s["total_value_added"].(float64); vaSum-tv > 0.05 || tv-vaSum > 0.05 {
		t.Errorf("accounts.csv value added sums to %.2f, summary says %.2f", vaSum, tv)
	}
	if s["seed"].(float64) != 3 {
		t.Errorf("summary seed = %v, want 3", s["seed"])
	}
}

func TestExitStatuses(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\ncurrency = \"USD\"\n[[actor]]\nid = \"a\"\nkind = \"farm\"\nprcie = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"validate", "../../examples/cotton-tajikistan.toml", "../../examples/tobacco-kyrgyzstan.toml"}, 0, ""},
		{[]string{"validate", bad}, 2, `bad.toml:6: actor "a": unknown key "prcie"`},
		{[]string{"validate", bad}, 2, `actor "a": kind: must be "household", "enterprise" or "service"`},
		{[]string{"validate"}, 2, "needs at least one file"},
		{[]string{"validate", filepath.Join(dir, "none.toml")}, 2, "does not exist"},
		{[]string{"run", "--chain", bad}, 2, "unknown key"},
		{[]string{"run", "chain.toml"}, 2, "flags first"},
		{[]string{"run", "--format", "xml"}, 2, "--format must be table, csv or json"},
		{[]string{"run", "--seed", "minus"}, 2, "invalid value"},
		{[]string{"run", "--example", "coffee"}, 2, `no built-in example "coffee"`},
		{[]string{"run", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"frobnicate"}, 2, `no command "frobnicate"`},
		{[]string{"init"}, 2, "one directory argument"},
		{[]string{"run", "--out", bad + "/x"}, 2, "bad.toml: is a file, not a folder"},
	}
	for _, tt := range tests {
		_, errOut, status := vcsim(t, tt.args...)
		if status != tt.status || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("vcsim %s: status %d, stderr %q; want %d and %q", strings.Join(tt.args, " "), status, errOut, tt.status, tt.stderr)
		}
		if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
			t.Errorf("vcsim %s: stack trace on stderr", strings.Join(tt.args, " "))
		}
	}
}

func TestInitAndExamples(t *testing.T) {
	dir := t.TempDir()
	_, errOut, status := vcsim(t, "init", "--example", "tobacco-kyrgyzstan", dir)
	for _, f := range []string{"tobacco-kyrgyzstan.toml", "tobacco-kyrgyzstan-scenarios.toml", "tobacco-kyrgyzstan-survey.csv"} {
		if status != 0 || !strings.Contains(errOut, f) {
			t.Fatalf("init: status %d, %q; want %s written", status, errOut, f)
		}
	}
	path := filepath.Join(dir, "tobacco-kyrgyzstan.toml")
	if _, _, status := vcsim(t, "validate", path); status != 0 {
		t.Errorf("the file init wrote does not validate")
	}
	// The user's edits are never written over.
	os.WriteFile(path, []byte("# my chain\n"), 0o644)
	if _, errOut, status := vcsim(t, "init", "--example", "tobacco-kyrgyzstan", dir); status != 2 || !strings.Contains(errOut, "give --force") {
		t.Errorf("second init over an edited chain: status %d, %q; want 2 and 'give --force'", status, errOut)
	}
	if data, _ := os.ReadFile(path); string(data) != "# my chain\n" {
		t.Error("init wrote over the user's chain")
	}
	blank := t.TempDir()
	if _, errOut, status := vcsim(t, "init", "--blank", blank); status != 0 {
		t.Fatalf("init --blank: %d %s", status, errOut)
	}
	if _, errOut, status := vcsim(t, "compare", "--chain", filepath.Join(blank, "chain.toml"), "--scenarios", filepath.Join(blank, "chain-scenarios.toml")); status != 0 {
		t.Errorf("the blank chain does not compare: %s", errOut)
	}
	out, _, _ := vcsim(t, "examples")
	for _, name := range []string{"cotton-tajikistan", "tobacco-kyrgyzstan"} {
		if !strings.Contains(out, name) {
			t.Errorf("examples does not list %s", name)
		}
	}
}

func TestFormats(t *testing.T) {
	out, _, status := vcsim(t, "run", "--format", "csv")
	if status != 0 || !strings.HasPrefix(out, "actor,name,name_ru,kind") {
		t.Errorf("--format csv: status %d, %.40q", status, out)
	}
	out, _, status = vcsim(t, "run", "--format", "json")
	var s map[string]any
	if status != 0 || json.Unmarshal([]byte(out), &s) != nil {
		t.Errorf("--format json: status %d, not JSON: %.80q", status, out)
	}
}

// BenchmarkRunCotton times a whole `vcsim run` of the built-in example.
func BenchmarkRunCotton(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, _, status := vcsim(b, "run"); status != 0 {
			b.Fatal(status)
		}
	}
}

func TestCompare(t *testing.T) {
	dir := t.TempDir()
	out, errOut, status := vcsim(t, "compare", "--example", "tobacco-kyrgyzstan", "--years", "3", "--out", dir)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, s := range []string{"baseline", "IPEC 2011 school package", "cost per child-year", "BCR"} {
		if !strings.Contains(out, s) {
			t.Errorf("compare output lacks %q:\n%s", s, out)
		}
	}
	if !strings.Contains(errOut, "ran 6 of 6") {
		t.Errorf("no progress on stderr: %q", errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "scenario_years.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Header, then 6 runs x 3 years x (the tobacco farms, the children the
	// fermenters hire from outside them, and the chain's row "all").
	if len(rows) != 1+6*3*3 || rows[0][2] != "group" || rows[1][2] != "farm" || rows[2][2] != "hired" || rows[3][2] != "all" {
		t.Errorf("scenario_years.csv has %d rows, want 55 (groups then all), starting %v %v %v %v", len(rows), rows[0], rows[1], rows[2], rows[3])
	}
	data, err = os.ReadFile(filepath.Join(dir, "scenario_summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(bytes.NewReader(data)).ReadAll(); len(rows) != 1+6*3 || rows[0][0] != "scenario" || rows[0][1] != "group" {
		t.Errorf("scenario_summary.csv: %d rows, header %v", len(rows), rows[0])
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[[scenario]]\nname = \"x\"\n  [[scenario.intervention]]\n  type = \"magic\"\n  targets = [\"farm\"]\n  coverage = 0.5\n"), 0o644)
	if _, errOut, status := vcsim(t, "compare", "--chain", "../../examples/tobacco-kyrgyzstan.toml", "--scenarios", bad); status != 2 || !strings.Contains(errOut, `unknown intervention type "magic"`) {
		t.Errorf("bad scenario file: status %d, %q", status, errOut)
	}
	if _, _, status := vcsim(t, "compare", "--chain", "../../examples/tobacco-kyrgyzstan.toml"); status != 2 {
		t.Errorf("--chain without --scenarios: status %d, want 2", status)
	}
}

func TestGuide(t *testing.T) {
	out, _, status := vcsim(t, "guide")
	if status != 0 || !strings.Contains(out, "monitoring") || !strings.Contains(out, "Action plan") {
		t.Errorf("guide: status %d\n%s", status, out)
	}
	out, _, status = vcsim(t, "guide", "--lang", "ru", "show", "cct")
	if status != 0 || !strings.Contains(out, "Условные трансферты") || !strings.Contains(out, "28 из 45") {
		t.Errorf("guide show cct: status %d\n%s", status, out)
	}
	if _, _, status := vcsim(t, "guide", "show", "magic"); status != 2 {
		t.Errorf("guide show magic: status %d, want 2", status)
	}
}

func TestCalibrateAndSurvey(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "calibrated.toml")
	survey := "../../examples/tobacco-kyrgyzstan-survey.csv"
	stdout, errOut, status := vcsim(t, "calibrate", "--example", "tobacco-kyrgyzstan", "--survey", survey, "--out", out)
	if status != 0 || !strings.Contains(stdout, "hours") {
		t.Fatalf("calibrate: status %d, %s %s", status, stdout, errOut)
	}
	if _, errOut, status := vcsim(t, "validate", out); status != 0 {
		t.Fatalf("the calibrated chain does not validate: %s", errOut)
	}
	if _, errOut, status := vcsim(t, "run", "--chain", out, "--survey", survey); status != 0 {
		t.Errorf("run with a survey: status %d, %s", status, errOut)
	}
	if _, errOut, status := vcsim(t, "calibrate", "--chain", "../../scenarios/testdata/market.toml", "--out", out); status != 2 || !strings.Contains(errOut, "nothing to calibrate") {
		t.Errorf("calibrate without a target: status %d, %q", status, errOut)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("group,weight,adults\nfarm,1,none\n"), 0o644)
	if _, errOut, status := vcsim(t, "run", "--example", "tobacco-kyrgyzstan", "--survey", bad); status != 2 || !strings.Contains(errOut, `bad.csv:2: column "adults": "none" is not a number`) {
		t.Errorf("bad survey: status %d, %q", status, errOut)
	}
}

func TestImportExportVCA4D(t *testing.T) {
	dir := t.TempDir()
	chain := filepath.Join(dir, "cocoa.toml")
	study := "../../valuechain/vca4d/testdata/cocoa-ecuador-eco.json"
	// The order: the study first, then --out.
	out, errOut, status := vcsim(t, "import", "vca4d", study, "--out", chain)
	if status != 0 || !strings.Contains(out, "whole chain (USD)") || !strings.Contains(out, "Half-processing industries") {
		t.Fatalf("import: status %d\n%s\n%s", status, out, errOut)
	}
	if _, errOut, status := vcsim(t, "validate", chain); status != 0 {
		t.Fatalf("the imported chain does not validate: %s", errOut)
	}
	text, _ := os.ReadFile(chain)
	if !strings.HasPrefix(string(text), "# Cocoa, Ecuador (VCA4D study 2019)") || !strings.Contains(string(text), "Amounts in USD") {
		t.Errorf("the chain file lacks its header comments:\n%.300s", text)
	}
	exported := filepath.Join(dir, "study.json")
	if _, errOut, status := vcsim(t, "export", "vca4d", "--chain", chain, "--out", exported); status != 0 {
		t.Fatalf("export: status %d, %s", status, errOut)
	}
	if _, errOut, status := vcsim(t, "import", "vca4d", "--out", filepath.Join(dir, "again.toml"), exported); status != 0 {
		t.Errorf("re-import: status %d, %s", status, errOut)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"id": "x", "year": 2020, "currencyRatio": 1, "ecoData": {"actors": [], "flows": []}}`), 0o644)
	if _, errOut, status := vcsim(t, "import", "vca4d", bad, "--out", chain); status != 2 || !strings.Contains(errOut, "$.ecoData.actors") {
		t.Errorf("bad study: status %d, %q", status, errOut)
	}
	if _, _, status := vcsim(t, "import", "vca4d", study); status != 2 {
		t.Errorf("import without --out: status %d, want 2", status)
	}
	if _, errOut, status := vcsim(t, "export", "vca4d", "--chain", "../../examples/tobacco-kyrgyzstan.toml",
		"--scenarios", "../../examples/tobacco-kyrgyzstan-scenarios.toml", "--scenario", "Cooperative", "--out", exported); status != 0 {
		t.Errorf("export of a scenario: status %d, %s", status, errOut)
	}
}

func TestPlotMapReport(t *testing.T) {
	dir := t.TempDir()
	out, errOut, status := vcsim(t, "plot", "--example", "tobacco-kyrgyzstan", "--out", dir, "--format", "svg", "--lang", "ru")
	if status != 0 || strings.Count(errOut, "записан ") != 12 { // with scenario_school: the example has school keys
		t.Fatalf("plot: status %d, %s %s", status, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "cost_effectiveness.svg")); err != nil {
		t.Error(err)
	}
	out, errOut, status = vcsim(t, "plot", "--chain", "../../examples/tobacco-kyrgyzstan.toml", "--out", dir)
	if status != 0 || strings.Count(errOut, "wrote ") != 6 {
		t.Errorf("plot without scenarios: status %d, %s", status, out)
	}
	out, _, status = vcsim(t, "map")
	if status != 0 || !strings.HasPrefix(out, "digraph chain") {
		t.Errorf("map: status %d, %.40q", status, out)
	}
	html := filepath.Join(dir, "report.html")
	if _, errOut, status := vcsim(t, "report", "--lang", "ru", "--example", "tobacco-kyrgyzstan", "--out", html); status != 0 {
		t.Fatalf("report: status %d, %s", status, errOut)
	}
	data, _ := os.ReadFile(html)
	if !strings.Contains(string(data), "Быстрая оценка рынка") || strings.Count(string(data), "<svg") != 12 { // with scenario_school: the example has school keys
		t.Errorf("report: %d bytes, %d charts", len(data), strings.Count(string(data), "<svg"))
	}
	if _, _, status := vcsim(t, "report", "--lang", "de", "--out", html); status != 2 {
		t.Errorf("--lang de: status %d, want 2", status)
	}
	if _, _, status := vcsim(t, "plot", "--out", dir, "--format", "gif"); status != 2 {
		t.Errorf("--format gif: status %d, want 2", status)
	}
}

// TestPrintsInRussian: run and compare print their tables in Russian with
// --lang ru: Russian names and words, Russian number format; the numbers
// are those of the English table.
func TestPrintsInRussian(t *testing.T) {
	out, errOut, status := vcsim(t, "run", "--lang", "ru")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, s := range []string{"Хлопок, Согдийская область, Таджикистан", "вся цепочка", "Дети 5–17 лет: 81\u00a0000; в детском труде 19\u00a0171 (23,7\u00a0%)", "Хлопкоочистительные заводы"} {
		if !strings.Contains(out, s) {
			t.Errorf("run --lang ru lacks %q:\n%s", s, out)
		}
	}
	out, errOut, status = vcsim(t, "compare", "--example", "tobacco-kyrgyzstan", "--lang", "ru")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, s := range []string{"базовый сценарий", "Кооператив", "затраты на ребёнко-год"} {
		if !strings.Contains(out, s) {
			t.Errorf("compare --lang ru lacks %q:\n%s", s, out)
		}
	}
	if _, _, status := vcsim(t, "run", "--lang", "kg"); status != 2 {
		t.Errorf("run --lang kg: status %d, want 2", status)
	}
}

// TestValidateInRussian: validate --lang ru names the place and the
// problem in Russian, with the file and line; run --lang ru too.
func TestValidateInRussian(t *testing.T) {
	dir := t.TempDir()
	text := strings.Replace(string(mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")), "count = 2500", "count = -5", 1)
	path := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, status := vcsim(t, "validate", "--lang", "ru", path)
	want := fmt.Sprintf(`bad.toml:%d: участник "farm": count: должно быть числом больше 0, указано -5`, lineOf(text, "count = -5"))
	if status != 2 || !strings.Contains(errOut, want) ||
		!strings.Contains(errOut, "в 1 из 1 файла есть ошибки") {
		t.Errorf("status %d:\n%s", status, errOut)
	}
	_, errOut, _ = vcsim(t, "run", "--lang", "ru", "--chain", path)
	if !strings.Contains(errOut, "должно быть числом больше 0") {
		t.Errorf("run --lang ru:\n%s", errOut)
	}
}

// TestFileMessagesInRussian: with --lang ru, a TOML syntax error, an
// output that would write over the chain, a missing file, and the
// "wrote" lines are in Russian.
func TestFileMessagesInRussian(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\nadult_wage = 1,5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	chain, html := filepath.Join(dir, "chain.toml"), filepath.Join(dir, "chain.html")
	for _, p := range []string{chain, html} {
		if err := os.WriteFile(p, []byte(mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--lang", "ru", bad}, "bad.toml:2: после значения ожидался конец строки или комментарий (#), а стоит ',' (в числах пишется десятичная точка"},
		{[]string{"map", "--lang", "ru", "--chain", chain, "--format", "dot", "--out", chain}, "оканчивается на .toml, а --format указан dot: согласуйте их"},
		{[]string{"report", "--lang", "ru", "--chain", html, "--out", html}, "--out — это файл цепочки (" + html + "): vcsim никогда не пишет поверх входных файлов"},
		{[]string{"run", "--lang", "ru", "--chain", filepath.Join(dir, "none.toml")}, "none.toml: не существует (проверьте имя файла и папку)"},
		{[]string{"run", "--lang", "ru", "--chain", chain, "--out", filepath.Join(dir, "out")}, "записан " + filepath.Join(dir, "out", "accounts.csv")},
	} {
		_, errOut, _ := vcsim(t, c.args...)
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%v:\n%s\nwant %q", c.args, errOut, c.want)
		}
	}
}

// TestDefaultPreferencesNote: a chain that leaves alpha and beta out (the
// blank template) gets a note that its child labour rests on the
// defaults; the examples, which set them, do not.
func TestDefaultPreferencesNote(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, status := vcsim(t, "init", "--blank", dir); status != 0 {
		t.Fatalf("init: %s", errOut)
	}
	_, errOut, status := vcsim(t, "run", "--chain", filepath.Join(dir, "chain.toml"))
	if status != 0 || !strings.Contains(errOut, "rests on vcsim's default preferences") {
		t.Errorf("blank chain: status %d, %q", status, errOut)
	}
	for _, ex := range []string{"cotton-tajikistan", "tobacco-kyrgyzstan", "apricot-batken"} {
		if _, errOut, _ := vcsim(t, "run", "--example", ex); strings.Contains(errOut, "default preferences") {
			t.Errorf("%s: %q", ex, errOut)
		}
	}
}

// TestCompareWorkbookScenarios: compare --chain on a workbook takes the
// scenarios from the workbook's own sheets (init --format xlsx writes them
// there) and prints what --scenarios with the same workbook prints; a
// TOML chain still needs --scenarios.
func TestCompareWorkbookScenarios(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, status := vcsim(t, "init", "--format", "xlsx", "--example", "tobacco-kyrgyzstan", dir); status != 0 {
		t.Fatalf("init: %d %s", status, errOut)
	}
	book := filepath.Join(dir, "tobacco-kyrgyzstan.xlsx")
	with, errOut, status := vcsim(t, "compare", "--chain", book, "--scenarios", book, "--years", "2")
	if status != 0 {
		t.Fatalf("compare --scenarios: %d %s", status, errOut)
	}
	without, errOut, status := vcsim(t, "compare", "--chain", book, "--years", "2")
	if status != 0 {
		t.Fatalf("compare without --scenarios: %d %s", status, errOut)
	}
	if with != without || !strings.Contains(with, "Cooperative") {
		t.Errorf("compare on the workbook alone printed\n%s\nwith --scenarios\n%s", without, with)
	}
	if _, errOut, status := vcsim(t, "compare", "--chain", filepath.Join("..", "..", "examples", "tobacco-kyrgyzstan.toml")); status != 2 || !strings.Contains(errOut, "--chain needs --scenarios") {
		t.Errorf("TOML chain without --scenarios: %d %s", status, errOut)
	}
}

// TestValidateFolderInitWrote: validate on the folder init writes for the
// three examples (chains, scenario files and empty survey templates) says
// every file is ok: each scenario file and survey is checked against the
// chain whose name it carries, not the first chain given, and a survey
// template with its header and no rows is not an error. A scenario file
// given with another chain only is still checked against that chain.
func TestValidateFolderInitWrote(t *testing.T) {
	dir := t.TempDir()
	for _, e := range []string{"apricot-batken", "cotton-tajikistan", "tobacco-kyrgyzstan"} {
		if _, errOut, status := vcsim(t, "init", "--example", e, dir); status != 0 {
			t.Fatalf("init %s: %d %s", e, status, errOut)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*-*.*")) // not the .vcsim-outputs record
	if err != nil || len(files) != 9 {
		t.Fatalf("init wrote %v (%v), want 9 files", files, err)
	}
	if out, errOut, status := vcsim(t, append([]string{"validate"}, files...)...); status != 0 {
		t.Errorf("validate the folder: %d\n%s%s", status, out, errOut)
	}
	_, errOut, status := vcsim(t, "validate", filepath.Join(dir, "tobacco-kyrgyzstan.toml"), filepath.Join(dir, "cotton-tajikistan-scenarios.toml"))
	if status != 2 || !strings.Contains(errOut, "dekhan") {
		t.Errorf("cotton's scenarios against the tobacco chain: %d %s", status, errOut)
	}
}

// TestCalibrateInRussian: calibrate --lang ru prints its table in Russian
// with Russian numbers (the alpha the English run prints as 8.8364 is
// 8,8364), and says that a fit on a survey holds for runs with that survey.
func TestCalibrateInRussian(t *testing.T) {
	dir := t.TempDir()
	en, errOut, status := vcsim(t, "calibrate", "--example", "tobacco-kyrgyzstan", "--survey", "../../examples/tobacco-kyrgyzstan-survey.csv", "--out", filepath.Join(dir, "en.toml"))
	if status != 0 {
		t.Fatalf("calibrate: %d %s", status, errOut)
	}
	ru, errOut, status := vcsim(t, "calibrate", "--lang", "ru", "--example", "tobacco-kyrgyzstan", "--survey", "../../examples/tobacco-kyrgyzstan-survey.csv", "--out", filepath.Join(dir, "ru.toml"))
	if status != 0 {
		t.Fatalf("calibrate --lang ru: %d %s", status, errOut)
	}
	for _, want := range []string{"weekly hours", "8.8364", "78.6%", "with --survey"} {
		if !strings.Contains(en, want) {
			t.Errorf("English calibrate lacks %q:\n%s", want, en)
		}
	}
	for _, want := range []string{"часы в неделю", "8,8364", "78,6\u00a0%", "с --survey"} {
		if !strings.Contains(ru, want) {
			t.Errorf("Russian calibrate lacks %q:\n%s", want, ru)
		}
	}
	if strings.Contains(ru, "weekly") || strings.Contains(ru, "group") {
		t.Errorf("English words in the Russian table:\n%s", ru)
	}
}

// TestChainDefaultsNote: a chain file without horizon, discount_rate,
// hours_per_day and fte_days runs on vcsim's defaults and says so (it ran
// on them in silence: an undiscounted BCR looked like any other); the
// examples and the blank template give all four and print no such note.
func TestChainDefaultsNote(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, status := vcsim(t, "init", "--blank", dir); status != 0 {
		t.Fatalf("init: %s", errOut)
	}
	blank := mustReadFile(t, filepath.Join(dir, "chain.toml"))
	var kept []string
	for _, line := range strings.Split(blank, "\n") {
		if k, _, _ := strings.Cut(line, " "); k != "horizon" && k != "discount_rate" && k != "fte_days" {
			kept = append(kept, line)
		}
	}
	bare := filepath.Join(dir, "bare.toml")
	if err := os.WriteFile(bare, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "the chain file does not give these keys, so vcsim takes its defaults: horizon = 5, discount_rate = 0 (money is not discounted), fte_days = 250"},
		{"ru", "в файле цепочки нет этих ключей, и vcsim берёт значения по умолчанию: horizon = 5, discount_rate = 0 (деньги не дисконтируются), fte_days = 250"},
	} {
		for _, cmd := range []string{"run", "compare"} {
			args := []string{cmd, "--lang", c.lang, "--chain", bare}
			if cmd == "compare" {
				args = append(args, "--scenarios", filepath.Join(dir, "chain-scenarios.toml"))
			}
			if _, errOut, status := vcsim(t, args...); status != 0 || !strings.Contains(errOut, c.want) {
				t.Errorf("%s --lang %s: status %d, stderr %q, want %q", cmd, c.lang, status, errOut, c.want)
			}
		}
	}
	if _, errOut, _ := vcsim(t, "run", "--chain", filepath.Join(dir, "chain.toml")); strings.Contains(errOut, "does not give these keys") {
		t.Errorf("the blank template: %q", errOut)
	}
	for _, ex := range []string{"cotton-tajikistan", "tobacco-kyrgyzstan", "apricot-batken"} {
		if _, errOut, _ := vcsim(t, "run", "--example", ex); strings.Contains(errOut, "does not give these keys") {
			t.Errorf("%s: %q", ex, errOut)
		}
	}
}
