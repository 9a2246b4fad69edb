package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/workbook"
)

// lineOf returns the line (from 1) of the first line of text that
// contains the first line of needle, or 0.
func lineOf(text, needle string) int {
	needle, _, _ = strings.Cut(needle, "\n")
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	return 0
}

// TestBadInputs runs vcsim on bad chain, scenario, survey and study files
// made from the tobacco example and a published VCA4D study. Each must
// exit with status 2, name the file with the line (or the JSON path) and
// the field, and write nothing: so no NaN or infinite number reaches a
// file.
func TestBadInputs(t *testing.T) {
	chain := mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")
	scen := mustReadFile(t, "../../examples/tobacco-kyrgyzstan-scenarios.toml")
	survey := mustReadFile(t, "../../examples/tobacco-kyrgyzstan-survey.csv")
	study := mustReadFile(t, "../../valuechain/vca4d/testdata/cocoa-ecuador-eco.json")

	type tc struct {
		name   string
		kind   string // chain, scenarios, survey, study, pam, strict, criteria
		text   string
		needle string // the line with this text is named (chain, scenarios, survey)
		want   string // the field or JSON path named, and what is wrong
	}
	var cases []tc
	c := func(name, old, new, want string) {
		if !strings.Contains(chain, old) {
			t.Fatalf("%s: the example has no %q", name, old)
		}
		cases = append(cases, tc{name, "chain", strings.Replace(chain, old, new, 1), new, want})
	}
	// Chain files: numbers out of range, wrong types, zeros, names.
	c("count as text", "count = 2500", `count = "2500"`, `actor "farm": count must be a number, got the text "2500"`)
	c("count too large", "count = 2500", "count = 1e9", "count: must be at most 1e+08")
	c("count huge", "count = 2500", "count = 1e308", "count: must be at most 1e+08")
	c("count zero", "count = 2500", "count = 0", "count: must be a number greater than 0")
	c("count negative", "count = 2500", "count = -5", "count: must be a number greater than 0")
	c("count fractional households", "count = 2500", "count = 2500.5", "households are counted whole")
	c("count as a list", "count = 2500", "count = [2500]", "count must be a number, got a list")
	c("count is true", "count = 2500", "count = true", "count must be a number, got true")
	c("count nan", "count = 2500", "count = nan", "count: must be a number greater than 0")
	c("count inf", "count = 2500", "count = inf", "count: must be a number greater than 0")
	c("price huge", "price = 160  ", "price = 1e308", "price: must be between 0 and 1e+15")
	c("price negative", "price = 160  ", "price = -1", "price: must not be negative")
	c("price inf", "price = 160  ", "price = inf", "price: must be a finite number")
	c("price decimal comma", "price = 160  ", "price = 160,5", "write 0.85, not 0,85")
	c("output huge", "output_per_unit = 455", "output_per_unit = 1e13", "output_per_unit: must be at most 1e+12")
	c("output zero", "output_per_unit = 455", "output_per_unit = 0", "output_per_unit: must be a number greater than 0")
	c("cost huge", "fertiliser = 9", "fertiliser = 1e16", "costs.fertiliser: must be between 0 and 1e+15")
	c("cost negative", "fertiliser = 9", "fertiliser = -9", "costs.fertiliser: must not be negative")
	c("cost as text", "fertiliser = 9", `fertiliser = "9"`, `fertiliser must be a number, got the text "9"`)
	c("fixed costs huge", "fixed_costs = 2000", "fixed_costs = 1e20", "fixed_costs: must be between 0 and 1e+15")
	c("interest over 5", "interest_rate = 0.30", "interest_rate = 30", "interest_rate: must be between 0 and 5")
	c("credit months over 12", "credit_months = 6", "credit_months = 18", "credit_months: must be at most 12")
	c("female share over 1", "female_share = 0.55", "female_share = 55", "female_share: must be between 0 and 1")
	c("adults zero", "adults = 2.8", "adults = 0", "adults: must be at least 1")
	c("adults too many", "adults = 2.8", "adults = 1000", "adults: must be at least 1 (adults per household) and at most 100")
	c("adult days over a year", "adult_days = 120", "adult_days = 400", "adult_days: must be between 0 and 366")
	c("children negative", "children_5_11 = 1.6", "children_5_11 = -1", "children_5_11: must not be negative")
	c("children too many", "children_5_11 = 1.6", "children_5_11 = 80", "children_5_11: must be between 0 and 50")
	c("other income huge", "other_income = 40000", "other_income = 1e300", "other_income: must be between 0 and 1e+15")
	c("off-farm days over a year", "off_farm_days = 30", "off_farm_days = 500", "off_farm_days: must be between 0 and 366")
	c("alpha negative", "alpha = 1.0", "alpha = -1", "alpha: must not be negative")
	c("beta too short", "beta = [4.0, 3.0, 2.0]", "beta = [4.0, 3.0]", "beta must be a list of 3 values")
	c("beta text", "beta = [4.0, 3.0, 2.0]", `beta = [4.0, "3", 2.0]`, `beta[2] must be a number, got the text "3"`)
	c("max child hours zero", "max_child_hours = 56", "max_child_hours = 0", "max_child_hours: is 0")
	c("max child hours over a week", "max_child_hours = 56", "max_child_hours = 200", "max_child_hours: must be between 0 and 168")
	c("season weeks zero", "season_weeks = 16", "season_weeks = 0", "season_weeks: is 0")
	c("season weeks over a year", "season_weeks = 16", "season_weeks = 60", "season_weeks: must be between 0 and 52")
	c("unknown key", "alpha = 1.0", "alpah = 1.0", `unknown key "alpah"`)
	c("kind misspelt", `kind = "household"`, `kind = "housefold"`, `kind: must be "household", "enterprise" or "service"`)
	c("horizon zero", "horizon = 5", "horizon = 0", "horizon: is 0")
	c("hours per day zero", "hours_per_day = 8", "hours_per_day = 0", "hours_per_day: is 0")
	c("fte days zero", "fte_days = 250", "fte_days = 0", "fte_days: is 0")
	c("hours per day over 24", "hours_per_day = 8", "hours_per_day = 30", "hours_per_day: must be between 0 and 24")
	c("discount over 1", "discount_rate = 0.10", "discount_rate = 5", "discount_rate: must be between 0 and 1")
	c("labour market misspelt", "fte_days = 250", "labour_market = \"locale\"\nfte_days = 250", `labour_market: must be "open" or "local"`)
	c("horizon as text", "horizon = 5", "horizon = \"5\"", `horizon must be a whole number, got the text "5"`)
	c("horizon fractional", "horizon = 5", "horizon = 2.5", "horizon must be a whole number, got 2.5")
	c("link share over 1", "share = 0.95", "share = 1.4", "share: must be between 0 and 1")
	c("link share as text", "share = 0.95", `share = "0.95"`, `share must be a number`)
	c("link loss 1", "loss = 0.02", "loss = 1", "loss: must be in [0, 1)")
	c("link to nobody", `to = "fermenter"`, `to = "fermentor"`, `to: names no actor: "fermentor"`)
	c("link transport huge", "transport_cost = 3", "transport_cost = 1e18", "transport_cost: must be between 0 and 1e+15")
	c("nesting too deep", "fte_days = 250", "deep = "+strings.Repeat("[", 40)+strings.Repeat("]", 40)+"\nfte_days = 250", "nested more than 32 deep")

	// Uncertainty (issue 21, point 5): draws that cannot be finite are
	// refused at validation, at the key's line; so are [[correlate]]
	// tables naming a number twice, ranking a pair twice, or asking for
	// ranks that cannot hold together.
	c("normal cut beyond reach", "price = 160  ", `price = { dist = "normal", mean = 160, sd = 10, min = 1000 }`, "price: min and max keep 0 of the normal distribution (mean 160, sd 10; 1000 is 84 sd from the mean)")
	c("lognormal mean 1e-300", "price = 160  ", `price = { dist = "lognormal", mean = 1e-300, sd = 1 }`, "price: mean 1e-300 and sd 1 give draws that are not finite numbers above 0")
	c("uniform too wide", "price = 160  ", `price = { dist = "uniform", min = -1e308, max = 1e308 }`, "is too wide to draw from")
	// The example gives both: without its prevalence, enrolment is named.
	if !strings.Contains(chain, "  observed_prevalence = 0.278\n") {
		t.Fatal("the example has no observed_prevalence 0.278")
	}
	cases = append(cases, tc{"enrolment without prevalence", "chain", strings.Replace(chain, "  observed_prevalence = 0.278\n", "", 1),
		"  observed_enrolment = [", "observed_enrolment: is fitted together with observed_prevalence"})
	twoPrices := strings.Replace(strings.Replace(chain, "price = 160  ", `price = { dist = "triangular", min = 130, mode = 160, max = 200 }`, 1),
		"price = 250  ", `price = { dist = "triangular", min = 200, mode = 250, max = 300 }`, 1)
	twoPrices = strings.Replace(twoPrices, "price = 290                 # KGS per kg FOB", `price = { dist = "triangular", min = 250, mode = 290, max = 330 } # KGS per kg FOB`, 1)
	corr := func(name, tables, needle, want string) {
		cases = append(cases, tc{name, "chain", twoPrices + "\n" + tables, needle, want})
	}
	corr("correlate names a number twice", "[[correlate]]\nparams = [\"actor.0.price\", \"actor.0.price\"]\nrank = 0.5\n", `params = ["actor.0.price", "actor.0.price"]`, `correlate 1: params: names "actor.0.price" twice`)
	corr("correlate ranks a pair twice", "[[correlate]]\nparams = [\"actor.0.price\", \"actor.1.price\"]\nrank = 0.5\n\n# again\n[[correlate]]\nparams = [\"actor.1.price\", \"actor.0.price\"]\nrank = 0.7\n", `params = ["actor.1.price", "actor.0.price"]`, `correlate 2: params: the pair "actor.0.price" and "actor.1.price" has a rank already in correlate 1`)
	corr("correlate impossible", "[[correlate]]\nparams = [\"actor.0.price\", \"actor.1.price\"]\nrank = 0.9\n[[correlate]]\nparams = [\"actor.1.price\", \"actor.2.price\"]\nrank = 0.9\n[[correlate]]\nparams = [\"actor.0.price\", \"actor.2.price\"]\nrank = -0.9\n", "rank = 0.9", "correlate 1: rank: the ranks of the [[correlate]] tables cannot hold together")
	corr("correlate not uncertain", "[[correlate]]\nparams = [\"actor.0.price\", \"actor.0.count\"]\nrank = 0.5\n", `params = ["actor.0.price", "actor.0.count"]`, `"actor.0.count" is not an uncertain number of the file`)
	corr("correlate rank 1", "[[correlate]]\nparams = [\"actor.0.price\", \"actor.1.price\"]\nrank = 1\n", "rank = 1", "correlate 1: rank: must be between -1 and 1 (exclusive), got 1")

	s := func(name, old, new, want string) {
		if !strings.Contains(scen, old) {
			t.Fatalf("%s: the scenario file has no %q", name, old)
		}
		cases = append(cases, tc{name, "scenarios", strings.Replace(scen, old, new, 1), new, want})
	}
	s("coverage over 1", "coverage = 0.5", "coverage = 5", "coverage: must be in (0, 1]")
	s("coverage as text", "coverage = 0.5", `coverage = "half"`, `coverage must be a number, got the text "half"`)
	s("unknown target", `targets = ["farm"]`, `targets = ["farms"]`, `farms`)
	s("unknown type", `type = "cooperative"`, `type = "cooperation"`, `cooperation`)
	s("cost huge", "fixed = 1500000", "fixed = 1e30", "cost.fixed: must be a number from 0 to 1e+15")
	s("amount huge", "amount = 6000", "amount = 1e20", "effect.amount: must be at most 1e+15")
	s("spillover zero", "spillover = 1.5", "spillover = 0", "spillover: is 0")
	s("spillover huge", "spillover = 1.5", "spillover = 1e9", "spillover: must be a number from 0 to 100")
	s("start zero", "ramp_years = 2", "start = 0\n  ramp_years = 2", "start: is 0")
	s("misspelt key", "ramp_years = 2", "ramp_yeras = 2", `unknown key "ramp_yeras"`)

	v := func(name, row, want string) {
		cases = append(cases, tc{name, "survey", survey + row + "\n", strings.TrimSuffix(row, "\n"), want})
	}
	v("survey weight as text", "farm,many,3,1,1,1,1,1,0,522,20000,7,22,38,0", `column "weight": "many" is not a number`)
	v("survey weight huge", "farm,1e9,3,1,1,1,1,1,0,522,20000,7,22,38,0", `column "weight": must be at most 1e+08`)
	v("survey adults zero", "farm,65,0,1,1,1,1,1,0,522,20000,7,22,38,0", `column "adults": must be at least 1`)
	v("survey hours over a week", "farm,65,3,1,1,1,1,1,0,522,20000,7,200,38,0", `column "hours_12_14": weekly hours must be at most 168`)
	v("survey output inf", "farm,65,3,1,1,1,1,1,0,inf,20000,7,22,38,0", `column "output": must be a finite number`)
	v("survey unknown group", "farmer,65,3,1,1,1,1,1,0,522,20000,7,22,38,0", `"farmer" is no actor`)
	v("survey ragged row", "farm,63,3,1,0,1,0,1,0,511,20100", "has 11 cells but the header has 15 columns")
	v("survey half a child", "farm,65,3,0.5,1,1,1,1,0,522,20000,7,22,38,0", `column "girls_5_11": one surveyed household has whole people, got 0.5`)
	v("survey flag", "farm,65,3,1,1,1,1,1,0,522,20000,7,22,38,maybe", `column "hazardous": must be 0 or 1`)

	j := func(name, old, new, want string) {
		if !strings.Contains(study, old) {
			t.Fatalf("%s: the study has no %q", name, old)
		}
		cases = append(cases, tc{name, "study", strings.Replace(study, old, new, 1), "", want})
	}
	j("study misspelt key", `"employment"`, `"employement"`, `$.ecoData.actors[0].employement: unknown key`)
	j("study text for a number", `"currencyRatio": `, `"currencyRatio": "x", "_": `, `$.currencyRatio: must be a number`)
	j("study not JSON", `{`, `[`, `$: not a JSON object`)

	// PAM (issue 21, point 6): read by vcsim pam.
	p := func(name, old, new, want string) {
		if !strings.Contains(chain, old) {
			t.Fatalf("%s: the example has no %q", name, old)
		}
		cases = append(cases, tc{name, "pam", strings.Replace(chain, old, new, 1), new, want})
	}
	p("pam exchange rate factor 1e-300", "exchange_rate_factor = 1.05", "exchange_rate_factor = 1e-300", "economic: exchange_rate_factor: must be between 0.1 and 10 (a plausible shadow exchange rate factor), got 1e-300")
	p("pam negative exchange rate factor", "exchange_rate_factor = 1.05", "exchange_rate_factor = -1.05", "economic: exchange_rate_factor: must not be negative, got -1.05")
	p("pam misspelt domestic cost", `domestic_costs = ["fuel_and_water"`, `domestic_costs = ["fuel_and_watr"`, `economic: domestic_costs: "fuel_and_watr" is not a cost item of any actor`)
	// Screening criteria (point 6): a negative exchange rate was reported
	// as missing.
	criteria := mustReadFile(t, "../../examples/screening-criteria.toml")
	cases = append(cases, tc{"screening negative exchange rate", "criteria", strings.Replace(criteria, "KGS = 0.0112", "KGS = -0.0112", 1), "KGS = -0.0112",
		"exchange_rates: KGS: must be a number greater than 0 (the value of one KGS in a common currency), got -0.0112"})
	// Plausibility (point 7): days_per_unit = 1e6 (days per tonne typed as
	// per kg) is refused by run --strict at its line.
	i := strings.Index(chain, "days_per_unit = ")
	dpu := chain[:i] + "days_per_unit = 1e6" + chain[i+strings.IndexByte(chain[i:], '\n'):]
	cases = append(cases, tc{"days_per_unit 1e6 with --strict", "strict", dpu, "days_per_unit = 1e6",
		`actor "farm": task.days_per_unit: the tasks need 163000000 days a year per adult of its households, more than its adults and four hired workers each can work (plausible: at most 1830)`})

	if len(cases) < 60 {
		t.Fatalf("%d cases, want at least 60", len(cases))
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			var args []string
			var file string
			switch tt.kind {
			case "chain":
				file = filepath.Join(dir, "c.toml")
				args = []string{"run", "--chain", file, "--out", out}
			case "scenarios":
				file = filepath.Join(dir, "s.toml")
				args = []string{"compare", "--chain", "../../examples/tobacco-kyrgyzstan.toml", "--scenarios", file, "--out", out}
			case "survey":
				file = filepath.Join(dir, "v.csv")
				args = []string{"run", "--example", "tobacco-kyrgyzstan", "--survey", file, "--out", out}
			case "study":
				file = filepath.Join(dir, "study.json")
				args = []string{"import", "vca4d", file, "--out", filepath.Join(out, "c.toml")}
			case "pam":
				file = filepath.Join(dir, "c.toml")
				args = []string{"pam", "--chain", file, "--out", out}
			case "strict":
				file = filepath.Join(dir, "c.toml")
				args = []string{"run", "--strict", "--chain", file, "--out", out}
			case "criteria":
				file = filepath.Join(dir, "criteria.toml")
				args = []string{"screen", "--criteria", file, "--examples", "--out", out}
			}
			if err := os.WriteFile(file, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, errOut, status := vcsim(t, args...)
			where := file
			if tt.needle != "" {
				where = file + ":" + itoa(lineOf(tt.text, tt.needle)) + ":"
			}
			if status != 2 || !strings.Contains(errOut, where) || !strings.Contains(errOut, tt.want) {
				t.Errorf("status %d, stderr:\n%s\nwant status 2, %q and %q", status, errOut, where, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written although the input is bad", out)
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func mustReadFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// tobaccoXLSX returns the tobacco example as a workbook, edited by edit.
func tobaccoXLSX(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	return tobaccoBook(t, false, edit)
}

// tobaccoBook returns the tobacco example as a workbook, with its
// scenarios when scen is true, edited by edit.
func tobaccoBook(t *testing.T, scen bool, edit func(f *excelize.File)) []byte {
	t.Helper()
	text := mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")
	b, err := workbook.New("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AddChain([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if scen {
		if err := b.AddScenarios([]byte(mustReadFile(t, "../../examples/tobacco-kyrgyzstan-scenarios.toml"))); err != nil {
			t.Fatal(err)
		}
	}
	var x bytes.Buffer
	if _, err := b.WriteTo(&x); err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return x.Bytes()
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	y, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return y.Bytes()
}

// claimSize returns a workbook whose zip directory says that its part
// name unpacks to size bytes, with raw (deflated) data in its place when
// raw is not nil.
func claimSize(t *testing.T, book []byte, name string, size uint64, raw []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.OpenRaw()
		data, _ := io.ReadAll(rc)
		h := f.FileHeader
		if h.Name == name {
			h.UncompressedSize64 = size
			if raw != nil {
				data, h.CompressedSize64 = raw, uint64(len(raw))
			}
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

// zipBomb returns a raw deflate stream of mib MiB of zeros, made of one
// compressed MiB repeated (each block refers only to the zeros before it).
func zipBomb(mib int) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	block := make([]byte, 1<<20)
	w.Write(block)
	w.Flush()
	out := append([]byte(nil), b.Bytes()...)
	b.Reset()
	w.Write(block)
	w.Flush()
	next := append([]byte(nil), b.Bytes()...)
	b.Reset()
	w.Close()
	for i := 1; i < mib; i++ {
		out = append(out, next...)
	}
	return append(out, b.Bytes()...)
}

// keyColumn returns the column letter of a sheet's key in row 2.
func keyColumn(f *excelize.File, sheet, key string) string {
	rows, _ := f.GetRows(sheet)
	for j, k := range rows[1] {
		if k == key {
			name, _ := excelize.ColumnNumberToName(j + 1)
			return name
		}
	}
	return "?"
}

// TestBadWorkbookInputs runs vcsim on hostile and mistyped workbooks
// (issue 21, points 1 to 4): each exits with status 2, names the file and
// the sheet or cell, says what was expected, and writes nothing.
func TestBadWorkbookInputs(t *testing.T) {
	book := tobaccoXLSX(t, nil)
	dateIn := func(sheet, key string) func(f *excelize.File) {
		return func(f *excelize.File) {
			st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
			cell := keyColumn(f, sheet, key) + "3"
			f.SetCellValue(sheet, cell, 45387) // 5.4 typed in a Russian Excel: 5 April 2024
			f.SetCellStyle(sheet, cell, cell, st)
		}
	}
	base, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	priceCell := "Actors!" + keyColumn(base, "Actors", "price") + "3"
	type bookCase struct {
		name  string
		book  []byte
		where string // after "FILE: "
		want  string
	}
	// Scenario workbooks (point 3): without the Scenarios or the
	// Interventions sheet every scenario equalled the baseline.
	scenCases := []bookCase{
		{"no Scenarios sheet", tobaccoBook(t, true, func(f *excelize.File) { f.DeleteSheet("Scenarios") }), "Scenarios", `the workbook has no sheet "Scenarios", which vcsim needs (a scenario workbook has the sheets`},
		{"no Interventions sheet", tobaccoBook(t, true, func(f *excelize.File) { f.DeleteSheet("Interventions") }), "Interventions", `the workbook has no sheet "Interventions", which vcsim needs`},
	}
	for _, tc := range []bookCase{
		{"styles.xml claiming 12 GB", claimSize(t, book, "xl/styles.xml", 12<<30, nil), "", "the workbook's part xl/styles.xml unpacks to 12288 MiB; vcsim reads parts of at most 64 MiB"},
		{"a 3 MB zip bomb", claimSize(t, book, "xl/styles.xml", 1<<20, zipBomb(3072)), "", "the workbook's part xl/styles.xml unpacks to more than the 1048576 bytes its zip directory says (a zip bomb?); vcsim refuses it"},
		{"a date in a price", tobaccoXLSX(t, dateIn("Actors", "price")), priceCell + ": ", "price: a date (2024-04-05) in a cell that needs a number"},
		{"no Tasks sheet", tobaccoXLSX(t, func(f *excelize.File) { f.DeleteSheet("Tasks") }), "Tasks", `the workbook has no sheet "Tasks", which the household actors need`},
		{"Tasks renamed in Russian", tobaccoXLSX(t, func(f *excelize.File) { f.SetSheetName("Tasks", "Задачи") }), "Задачи", `the sheet "Задачи" is not one vcsim reads (it reads Read-me, Chain, Actors, Products, Tasks`},
		{"no Actors sheet", tobaccoXLSX(t, func(f *excelize.File) { f.DeleteSheet("Actors") }), "Actors", `the workbook has no sheet "Actors", which vcsim needs (a chain workbook has the sheets Read-me, Chain, Actors`},
		{"a second price column", tobaccoXLSX(t, func(f *excelize.File) {
			f.SetCellStr("Actors", "ZZ2", "price")
			f.SetCellValue("Actors", "ZZ3", 5)
		}), "Actors!ZZ2", `the key "price" is in columns `},
		{"price beside price.dist", tobaccoXLSX(t, func(f *excelize.File) {
			f.SetCellStr("Actors", "ZZ2", "price.dist")
			f.SetCellStr("Actors", "ZZ3", "uniform")
		}), "Actors!ZZ2", `gives "price" and the column ZZ gives "price.dist", a part of it`},
		{"a blanked key", tobaccoXLSX(t, func(f *excelize.File) { f.SetCellStr("Links", "C2", "") }), "Links!C2", "the key in row 2 is blank but the column has values (first in Links!C3)"},
		// A misspelt key leaves the actors without a price: the problems that
		// follow name the actor's row (Actors!A3), not the line of the TOML
		// text vcsim made of the workbook (they said "book.xlsx:16").
		{"a misspelt price key", tobaccoXLSX(t, func(f *excelize.File) {
			f.SetCellStr("Actors", strings.TrimSuffix(priceCell, "3")[len("Actors!"):]+"2", "pirce")
		}), "Actors!A3: ", "price: farm sells"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "book.xlsx")
			out := filepath.Join(dir, "out")
			if err := os.WriteFile(file, tc.book, 0o644); err != nil {
				t.Fatal(err)
			}
			_, errOut, status := vcsim(t, "run", "--chain", file, "--out", out)
			if status != 2 || !strings.Contains(errOut, file+": "+tc.where) || !strings.Contains(errOut, tc.want) {
				t.Errorf("status %d, stderr:\n%s\nwant status 2, %q and %q", status, errOut, file+": "+tc.where, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written although the input is bad", out)
			}
		})
	}
	for _, tc := range scenCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "book.xlsx")
			out := filepath.Join(dir, "out")
			if err := os.WriteFile(file, tc.book, 0o644); err != nil {
				t.Fatal(err)
			}
			_, errOut, status := vcsim(t, "compare", "--chain", file, "--scenarios", file, "--out", out)
			if status != 2 || !strings.Contains(errOut, file+": "+tc.where) || !strings.Contains(errOut, tc.want) {
				t.Errorf("status %d, stderr:\n%s\nwant status 2, %q and %q", status, errOut, file+": "+tc.where, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written although the input is bad", out)
			}
		})
	}
}

// TestBootstrapZero: sensitivity --bootstrap 0 is refused (it printed a
// 95% interval of 0 to 0), before anything runs, and nothing is written.
func TestBootstrapZero(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	for _, b := range []string{"0", "9", "10001"} {
		_, errOut, status := vcsim(t, "sensitivity", "--example", "tobacco-kyrgyzstan", "--method", "sobol", "--bootstrap", b, "--out", out)
		if status != 2 || !strings.Contains(errOut, "--bootstrap must be between 10 and 10000 resamples (a 95% interval needs some), got "+b) {
			t.Errorf("--bootstrap %s: status %d: %s", b, status, errOut)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--bootstrap %s: %s was written", b, out)
		}
	}
}

// TestScreenChainsList: a trailing comma in --chains is refused (it added
// the built-in cotton example as a candidate), and two files named
// chain.toml get two keys (the second took the first's expert scores).
func TestScreenChainsList(t *testing.T) {
	dir := t.TempDir()
	chain := mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")
	a, b := filepath.Join(dir, "north", "chain.toml"), filepath.Join(dir, "south", "chain.toml")
	for _, p := range []string{a, b} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(chain), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	_, errOut, status := vcsim(t, "screen", "--chains", a+","+b+",", "--out", out)
	if status != 2 || !strings.Contains(errOut, "--chains: entry 3 of 3 is empty (a trailing or doubled comma?)") {
		t.Errorf("trailing comma: status %d: %s", status, errOut)
	}
	_, errOut, status = vcsim(t, "screen", "--lang", "ru", "--chains", a+",,"+b, "--out", out)
	if status != 2 || !strings.Contains(errOut, "--chains: элемент 2 из 3 пуст") {
		t.Errorf("double comma in Russian: status %d: %s", status, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written although the input is bad", out)
	}
	stdout, errOut, status := vcsim(t, "screen", "--chains", a+","+b)
	if status != 0 || !strings.Contains(stdout, "north/chain") || !strings.Contains(stdout, "south/chain") {
		t.Errorf("two chain.toml: status %d: %s%s", status, stdout, errOut)
	}
	crit := filepath.Join(dir, "criteria.toml")
	os.WriteFile(crit, []byte("[[criterion]]\nid = \"expert\"\nname = \"Expert\"\nweight = 1\nscores = { chain = 3 }\n"), 0o644)
	_, errOut, status = vcsim(t, "screen", "--criteria", crit, "--chains", a+","+b)
	if status != 2 || !strings.Contains(errOut, `has no score for chain "north/chain"`) {
		t.Errorf("scores by the old key: status %d: %s", status, errOut)
	}
}

// TestValidateKinds: validate recognises scenario, survey, criteria and
// study files by their content and checks each with its own rules
// (issue 21 point 8: a scenario file was read as a chain, "unknown key
// appraisal").
func TestValidateKinds(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	chain := "../../examples/tobacco-kyrgyzstan.toml"
	scen := mustReadFile(t, "../../examples/tobacco-kyrgyzstan-scenarios.toml")
	goodScen := write("plan.toml", scen)
	badScen := write("bad-plan.toml", strings.Replace(scen, "ramp_years = 2", "ramp_yeras = 2", 1))
	badSurvey := write("households.csv", mustReadFile(t, "../../examples/tobacco-kyrgyzstan-survey.csv")+"farm,65,3,0.5,1,1,1,1,0,522,20000,7,22,38,0\n")
	surveyDat := write("households.dat", mustReadFile(t, badSurvey))
	crit := write("criteria.toml", "[[criterion]]\nid = \"child_labour\"\nweight = -3\ndirection = \"lower\"\n")
	study := "../../valuechain/vca4d/testdata/cocoa-ecuador-eco.json"
	badStudy := write("study.txt", strings.Replace(mustReadFile(t, study), `"employment"`, `"employement"`, 1))
	tobacco := mustReadFile(t, chain)
	i := strings.Index(tobacco, "days_per_unit = ")
	dpu := tobacco[:i] + "days_per_unit = 1e6" + tobacco[i+strings.IndexByte(tobacco[i:], '\n'):]
	implausible := write("implausible.toml", dpu)
	for _, tc := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"validate", chain, goodScen, study, "../../examples/screening-criteria.toml"}, 0, ""},
		{[]string{"validate", chain, badScen}, 2, badScen + ":" + itoa(lineOf(scen, "ramp_years = 2")) + `: scenario "Cooperative": intervention 1: unknown key "ramp_yeras"`},
		{[]string{"validate", goodScen}, 2, goodScen + ": a scenario file is checked against its chain: give the chain file too"},
		// A study is known by its content (not by .json): a misspelt key
		// is named by its JSON path.
		{[]string{"validate", badStudy}, 2, badStudy + `: $.ecoData.actors[0].employement: unknown key`},
		{[]string{"validate", chain, badSurvey}, 2, `households.csv:42: column "girls_5_11": one surveyed household has whole people, got 0.5`},
		{[]string{"validate", chain, surveyDat}, 2, `households.dat:42: column "girls_5_11": one surveyed household has whole people, got 0.5`},
		{[]string{"validate", crit}, 2, crit + ":3: criterion 1 (child_labour): weight: must be a number from 0 to 1000, got -3"},
		{[]string{"validate", "--lang", "ru", goodScen}, 2, "файл сценариев проверяется по своей цепочке"},
		{[]string{"validate", goodScen}, 2, "vcsim: 1 of 1 file has problems"},
		{[]string{"validate", badScen, goodScen, chain}, 2, "vcsim: 1 of 3 files has problems"},
		{[]string{"validate", badScen, goodScen}, 2, "vcsim: 2 of 2 files have problems"},
		// A chain with days per tonne typed as per kg is valid, with its
		// plausibility warnings; --strict refuses it (issue 21 point 7).
		{[]string{"validate", implausible}, 0, "vcsim: warning: " + implausible + ":" + itoa(lineOf(dpu, "days_per_unit = 1e6")) + `: actor "farm": task.days_per_unit: the tasks need`},
		{[]string{"validate", "--strict", implausible}, 2, implausible + ":" + itoa(lineOf(dpu, "days_per_unit = 1e6")) + `: actor "farm": task.days_per_unit: the tasks need`},
	} {
		out, errOut, status := vcsim(t, tc.args...)
		if status != tc.status || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: status %d, stderr:\n%s\nwant %d and %q", tc.args, status, errOut, tc.status, tc.want)
		}
		if tc.args[1] == implausible && out != implausible+": valid, but check the plausibility warnings above (docs/plausibility.md)\n" {
			t.Errorf("%v: %q", tc.args, out)
		}
	}
}

// TestStrictPlausibility: run --strict refuses a chain whose numbers are
// implausible (issue 21: days_per_unit = 1e6, days per tonne typed as per
// kg, gave 200 households "employing" 800 million FTE), at the key's
// line, and writes nothing; without --strict the same run warns and
// writes its tables.
func TestStrictPlausibility(t *testing.T) {
	chain := mustReadFile(t, "../../examples/tobacco-kyrgyzstan.toml")
	i := strings.Index(chain, "days_per_unit = ")
	j := i + strings.IndexByte(chain[i:], '\n')
	text := chain[:i] + "days_per_unit = 1e6" + chain[j:]
	dir := t.TempDir()
	file, out := filepath.Join(dir, "c.toml"), filepath.Join(dir, "out")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	where := file + ":" + itoa(lineOf(text, "days_per_unit = 1e6")) + `: actor "farm": task.days_per_unit: the tasks need`
	_, errOut, status := vcsim(t, "run", "--strict", "--chain", file, "--out", out)
	if status != 2 || !strings.Contains(errOut, where) || !strings.Contains(errOut, "(plausible: at most 1830)") {
		t.Errorf("--strict: status %d:\n%s\nwant %q", status, errOut, where)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written although --strict refused the chain", out)
	}
	_, errOut, status = vcsim(t, "run", "--chain", file, "--out", out)
	if status != 0 || !strings.Contains(errOut, "vcsim: warning: "+where) {
		t.Errorf("without --strict: status %d:\n%s", status, errOut)
	}
}

// TestImportNegativeSplit: a study whose split of value added gives
// negative employee wages or depreciation (issue 21 point 7: the wages
// were imported without a word, the depreciation ended in "the imported
// chain is not valid") imports with a note in the chain file's header,
// and the chain it writes validates.
func TestImportNegativeSplit(t *testing.T) {
	study := mustReadFile(t, "../../valuechain/vca4d/testdata/cocoa-ecuador-eco.json")
	for _, tc := range []struct{ old, new, note string }{
		{`"employeeWages": 337027888`, `"employeeWages": -337027888`, "the study's split of value added gives negative employee wages (-3.37e+08), which a chain cannot hold"},
		{`"depreciation": 57075704`, `"depreciation": -57075704`, "the study's split of value added gives negative depreciation (-5.708e+07), which a chain cannot hold"},
	} {
		if !strings.Contains(study, tc.old) {
			t.Fatalf("the study has no %q", tc.old)
		}
		dir := t.TempDir()
		file, chain := filepath.Join(dir, "study.json"), filepath.Join(dir, "chain.toml")
		if err := os.WriteFile(file, []byte(strings.Replace(study, tc.old, tc.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errOut, status := vcsim(t, "import", "vca4d", file, "--out", chain)
		if status != 0 {
			t.Fatalf("%s: status %d: %s", tc.new, status, errOut)
		}
		if text := mustReadFile(t, chain); !strings.Contains(text, tc.note) {
			t.Errorf("%s: no note %q in\n%.1500s", tc.new, tc.note, text)
		}
		if _, errOut, status := vcsim(t, "validate", chain); status != 0 {
			t.Errorf("%s: the imported chain does not validate: %s", tc.new, errOut)
		}
	}
}

// TestStrictPlausibilityWorkbook: a chain workbook with days per tonne
// typed as days per kg warns at the cell of the key (the line vcsim's
// internal TOML would give means nothing to its user), and --strict
// refuses it there, writing nothing.
func TestStrictPlausibilityWorkbook(t *testing.T) {
	var cell string
	book := tobaccoXLSX(t, func(f *excelize.File) {
		cell = "Tasks!" + keyColumn(f, "Tasks", "days_per_unit") + "3" // the farm's first task
		f.SetCellValue("Tasks", cell[len("Tasks!"):], 1e6)
	})
	dir := t.TempDir()
	file, out := filepath.Join(dir, "book.xlsx"), filepath.Join(dir, "out")
	if err := os.WriteFile(file, book, 0o644); err != nil {
		t.Fatal(err)
	}
	where := file + ": " + cell + `: actor "farm": task.days_per_unit: the tasks need`
	_, errOut, status := vcsim(t, "run", "--strict", "--chain", file, "--out", out)
	if status != 2 || !strings.Contains(errOut, where) {
		t.Errorf("--strict: status %d:\n%s\nwant %q", status, errOut, where)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written although --strict refused the chain", out)
	}
	_, errOut, status = vcsim(t, "run", "--lang", "ru", "--chain", file)
	if status != 0 || !strings.Contains(errOut, "vcsim: предупреждение: "+file+": "+cell+`: участник "farm": task.days_per_unit: `) {
		t.Errorf("without --strict: status %d:\n%s", status, errOut)
	}
}
