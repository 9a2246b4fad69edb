package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/web"
)

// consistencyCase is a chain, its scenarios and, optionally, a survey
// and Monte Carlo draws, written to files as a user would give them.
type consistencyCase struct {
	name               string
	chain, scen, surv  string // file texts ("" for no survey)
	draws              int
	chainPath, scenPth string
	survPath           string
}

// consistencyCases are every example, and the cotton example with a local
// labour market (demand above supply at 60 TJS: the wage settles lower),
// with a survey of its households, and with distributions (and draws).
func consistencyCases(t *testing.T) []consistencyCase {
	var cs []consistencyCase
	for _, name := range examples.Names() {
		c, _ := examples.Chain(name)
		s, _ := examples.Scenarios(name)
		cs = append(cs, consistencyCase{name: name, chain: string(c), scen: string(s)})
	}
	cotton, _ := examples.Chain("cotton-tajikistan")
	scen, _ := examples.Scenarios("cotton-tajikistan")
	replace := func(old, new string) string {
		t.Helper()
		if !strings.Contains(string(cotton), old) {
			t.Fatalf("the cotton example has no %q", old)
		}
		return strings.Replace(string(cotton), old, new, 1)
	}
	cs = append(cs, consistencyCase{name: "cotton local market", scen: string(scen),
		chain: replace("\nadult_wage = 60", "\nlabour_market = \"local\"\nlabour_demand = 5000000\nadult_wage = 60")})
	// The tobacco survey's households, as dekhan farms with six times the
	// output (cotton farms grow about 3,120 kg against tobacco's 500) and
	// their other income in TJS (about 8 KGS to the TJS).
	tob, _ := examples.Survey("tobacco-kyrgyzstan")
	lines := strings.Split(strings.TrimSpace(string(tob)), "\n")
	for i := 1; i < len(lines); i++ {
		f := strings.Split(lines[i], ",")
		f[0] = "dekhan"
		for k, times := range map[int]float64{9: 6, 10: 0.125} {
			if x, err := strconv.ParseFloat(f[k], 64); err == nil {
				f[k] = strconv.FormatFloat(times*x, 'f', -1, 64)
			}
		}
		lines[i] = strings.Join(f, ",")
	}
	cs = append(cs, consistencyCase{name: "cotton survey", chain: string(cotton), scen: string(scen), surv: strings.Join(lines, "\n") + "\n"})
	cs = append(cs, consistencyCase{name: "cotton distributions", scen: string(scen), draws: 20,
		chain: replace("\nprice = 5.0 ", "\nprice = { dist = \"triangular\", min = 4.5, mode = 5.0, max = 6 } ")})
	dir := t.TempDir()
	for i := range cs {
		c := &cs[i]
		base := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-"))
		c.chainPath, c.scenPth = base+".toml", base+"-scenarios.toml"
		write(t, c.chainPath, c.chain)
		write(t, c.scenPth, c.scen)
		if c.surv != "" {
			c.survPath = base + "-survey.csv"
			write(t, c.survPath, c.surv)
		}
	}
	return cs
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSameNumbersEverywhere (issue 19 point 4): the headline numbers of
// the assessment (children in child labour and in hazardous child labour,
// the share of households below the poverty line and the value added of
// the baseline; each scenario's children in child labour in the final year
// and its benefit-cost ratio) are the same in run's summary, compare's
// scenario_summary.csv, the run and compare workbooks, the page's
// /api/simulate and /api/compare (the survey sent with the chain, as the
// page sends it; /api/whatif at every lever zero giving the baseline),
// and the report.
func TestSameNumbersEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example through every surface")
	}
	for _, tc := range consistencyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			want := reference(t, tc)
			t.Logf("%s: children %.1f, hazardous %.1f, below poverty %.4f, value added %.0f", tc.name, want.ChildLabour, want.Hazardous, want.BelowPoverty, want.ValueAdded)
			for _, s := range want.Scenarios {
				t.Logf("  %s: %.1f children, BCR %.4f", s.Name, s.ChildLabour, s.BCR)
			}
			surfaces := map[string]assess.Headline{
				"run --format json + compare --out DIR": cliHeadline(t, tc),
				"run and compare --out FILE.xlsx":       workbookHeadline(t, tc),
				"/api/simulate + /api/compare":          pageHeadline(t, tc),
			}
			// scenario_summary.csv writes children as whole numbers (the
			// People kind): its scenarios' children are the rounded ones.
			whole := want
			whole.Scenarios = append([]assess.ScenarioHeadline(nil), want.Scenarios...)
			for i := range whole.Scenarios {
				whole.Scenarios[i].ChildLabour = math.Round(whole.Scenarios[i].ChildLabour)
			}
			for name, got := range surfaces {
				t.Logf("  %s: children %.1f, hazardous %.1f, below poverty %.4f, value added %.0f; scenarios %s", name, got.ChildLabour, got.Hazardous, got.BelowPoverty, got.ValueAdded, scenarioList(got))
				ref := want
				if name == "run --format json + compare --out DIR" {
					ref = whole
				}
				if d := diffHeadline(got, ref, 1e-6); d != "" {
					t.Errorf("%s: %s", name, d)
				}
			}
			checkReport(t, tc, want)
		})
	}
}

// scenarioList is each scenario's children and BCR, for the log.
func scenarioList(h assess.Headline) string {
	var s []string
	for _, x := range h.Scenarios {
		s = append(s, fmt.Sprintf("%.1f/%.4f", x.ChildLabour, x.BCR))
	}
	return strings.Join(s, " ")
}

// reference is the assessment's own headline.
func reference(t *testing.T, tc consistencyCase) assess.Headline {
	t.Helper()
	c, err := valuechain.Parse([]byte(tc.chain), tc.name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Parse([]byte(tc.scen), tc.name)
	if err != nil {
		t.Fatal(err)
	}
	in := assess.Inputs{Chain: c, Scenarios: f, Seed: 1}
	if tc.survPath != "" {
		if in.Survey, err = valuechain.LoadSurvey(tc.survPath, c); err != nil {
			t.Fatal(err)
		}
	}
	a, err := assess.Run(context.Background(), in, assess.Options{TotalsOnly: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a.Headline()
}

func (tc consistencyCase) args(cmd string, more ...string) []string {
	args := []string{cmd, "--chain", tc.chainPath}
	if cmd != "run" {
		args = append(args, "--scenarios", tc.scenPth)
	}
	if tc.survPath != "" {
		args = append(args, "--survey", tc.survPath)
	}
	return append(args, more...)
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, status := vcsim(t, args...)
	if status != 0 {
		t.Fatalf("vcsim %s: status %d: %s", strings.Join(args, " "), status, errOut)
	}
	return out
}

// cliHeadline reads run's JSON summary and compare's scenario_summary.csv.
func cliHeadline(t *testing.T, tc consistencyCase) assess.Headline {
	var sum struct {
		ChildLabour  float64 `json:"children_in_child_labour"`
		Hazardous    float64 `json:"children_in_hazardous_child_labour"`
		BelowPoverty float64 `json:"households_below_poverty_line_share"`
		ValueAdded   float64 `json:"total_value_added"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, tc.args("run", "--format", "json")...)), &sum); err != nil {
		t.Fatal(err)
	}
	h := assess.Headline{ChildLabour: sum.ChildLabour, Hazardous: sum.Hazardous, BelowPoverty: sum.BelowPoverty, ValueAdded: sum.ValueAdded}
	dir := t.TempDir()
	more := []string{"--out", dir}
	if tc.draws > 0 {
		more = append(more, "--draws", strconv.Itoa(tc.draws), "--quiet")
	}
	mustRun(t, tc.args("compare", more...)...)
	data, err := os.ReadFile(filepath.Join(dir, "scenario_summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h.Scenarios = scenarioHeadlines(t, recs)
	return h
}

// scenarioHeadlines reads the scenario rows (the chain's rows, group
// "all", after the baseline's) of a scenario_summary table given as
// records, header first.
func scenarioHeadlines(t *testing.T, recs [][]string) []assess.ScenarioHeadline {
	t.Helper()
	col := map[string]int{}
	for j, name := range recs[0] {
		col[name] = j
	}
	num := func(s string) float64 {
		if s == "" {
			return math.NaN()
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("not a number: %q", s)
		}
		return x
	}
	var out []assess.ScenarioHeadline
	var all [][]string
	for _, r := range recs[1:] {
		if r[col["group"]] == "all" {
			all = append(all, r)
		}
	}
	for _, r := range all[1:] {
		out = append(out, assess.ScenarioHeadline{Name: r[col["scenario"]],
			ChildLabour: num(r[col["children_in_child_labour_final_year"]]), BCR: num(r[col["benefit_cost_ratio"]])})
	}
	return out
}

// workbookHeadline reads the Summary sheet of run's workbook and the
// scenario_summary sheet of compare's.
func workbookHeadline(t *testing.T, tc consistencyCase) assess.Headline {
	dir := t.TempDir()
	mustRun(t, tc.args("run", "--out", filepath.Join(dir, "run.xlsx"))...)
	f, err := excelize.OpenFile(filepath.Join(dir, "run.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	val := map[string]float64{}
	for _, r := range rows {
		if len(r) == 2 {
			if x, err := strconv.ParseFloat(r[1], 64); err == nil {
				val[r[0]] = x
			}
		}
	}
	h := assess.Headline{ChildLabour: val["children in child labour"], Hazardous: val["children in hazardous child labour"],
		BelowPoverty: val["share below the poverty line"], ValueAdded: val["total value added"]}
	mustRun(t, tc.args("compare", "--out", filepath.Join(dir, "compare.xlsx"))...)
	g, err := excelize.OpenFile(filepath.Join(dir, "compare.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	recs, err := g.GetRows("scenario_summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs { // a row may stop at its last filled cell
		for len(recs[i]) < len(recs[0]) {
			recs[i] = append(recs[i], "")
		}
	}
	h.Scenarios = scenarioHeadlines(t, recs)
	return h
}

// pageHeadline asks the page's API.
func pageHeadline(t *testing.T, tc consistencyCase) assess.Headline {
	h := (&web.Server{}).Handler()
	post := func(path, ctype, body string) []byte {
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Host = "127.0.0.1:8080" // the page's own address: the server refuses others
		req.Header.Set("Content-Type", ctype)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", path, w.Code, w.Body.String())
		}
		return w.Body.Bytes()
	}
	// The survey goes with the chain, as the page sends it once opened.
	simBody, simType := tc.chain, "application/toml"
	if tc.surv != "" {
		b, _ := json.Marshal(web.CompareRequest{Chain: tc.chain, Survey: tc.surv, SurveyName: "survey.csv"})
		simBody, simType = string(b), "application/json"
	}
	var sim web.SimulateAnswer
	if err := json.Unmarshal(post("/api/simulate", simType, simBody), &sim); err != nil {
		t.Fatal(err)
	}
	s := sim.Summary
	out := assess.Headline{ChildLabour: s.ChildLabour, Hazardous: s.HazardousChildLabour, BelowPoverty: s.BelowPovertyShare, ValueAdded: s.TotalValueAdded}
	// What if? with every lever at zero is the baseline (it jumped to
	// the unsettled market's numbers once): both its columns.
	body, _ := json.Marshal(web.CompareRequest{Chain: tc.chain, Survey: tc.surv, Levers: web.Levers{Coverage: 0.5}})
	var wi web.WhatIfAnswer
	if err := json.Unmarshal(post("/api/whatif", "application/json", string(body)), &wi); err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]web.Headline{"baseline": wi.Baseline, "what if": wi.WhatIf} {
		got := assess.Headline{ChildLabour: h.ChildLabour, Hazardous: h.Hazardous, BelowPoverty: h.BelowPoverty, ValueAdded: out.ValueAdded}
		if d := diffHeadline(got, assess.Headline{ChildLabour: out.ChildLabour, Hazardous: out.Hazardous, BelowPoverty: out.BelowPoverty, ValueAdded: out.ValueAdded}, 1e-9); d != "" {
			t.Errorf("/api/whatif, every lever at zero: its %s column differs from /api/simulate: %s", name, d)
		}
	}
	body, _ = json.Marshal(web.CompareRequest{Chain: tc.chain, Scenarios: tc.scen, Survey: tc.surv})
	var cmp web.CompareAnswer
	if err := json.Unmarshal(post("/api/compare", "application/json", string(body)), &cmp); err != nil {
		t.Fatal(err)
	}
	var all []map[string]any
	for _, r := range cmp.Summary {
		if r["group"] == "all" {
			all = append(all, r)
		}
	}
	for _, r := range all[1:] {
		bcr := math.NaN()
		if x, ok := r["benefit_cost_ratio"].(float64); ok {
			bcr = x
		}
		out.Scenarios = append(out.Scenarios, assess.ScenarioHeadline{Name: r["scenario"].(string),
			ChildLabour: r["children_in_child_labour_final_year"].(float64), BCR: bcr})
	}
	return out
}

// diffHeadline says how got differs from want beyond a relative tol, or "".
func diffHeadline(got, want assess.Headline, tol float64) string {
	var d []string
	near := func(name string, x, y float64) {
		if math.IsNaN(x) && math.IsNaN(y) {
			return
		}
		if !(math.Abs(x-y) <= tol*math.Max(1, math.Abs(y))) {
			d = append(d, fmt.Sprintf("%s %v, want %v", name, x, y))
		}
	}
	near("children in child labour", got.ChildLabour, want.ChildLabour)
	near("in hazardous child labour", got.Hazardous, want.Hazardous)
	near("share below the poverty line", got.BelowPoverty, want.BelowPoverty)
	near("value added", got.ValueAdded, want.ValueAdded)
	if len(got.Scenarios) != len(want.Scenarios) {
		return fmt.Sprintf("%d scenarios, want %d", len(got.Scenarios), len(want.Scenarios))
	}
	for i, s := range want.Scenarios {
		if got.Scenarios[i].Name != s.Name {
			d = append(d, fmt.Sprintf("scenario %d is %q, want %q", i+1, got.Scenarios[i].Name, s.Name))
		}
		near(s.Name+": children", got.Scenarios[i].ChildLabour, s.ChildLabour)
		near(s.Name+": BCR", got.Scenarios[i].BCR, s.BCR)
	}
	return strings.Join(d, "; ")
}

var (
	tagRE   = regexp.MustCompile(`<[^>]+>`)
	spaceRE = regexp.MustCompile(`\s+`)
	rowRE   = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRE  = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
)

// plain is an HTML fragment's text.
func plain(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(s, " ")), " "))
}

// checkReport finds the headline numbers, as the report formats them, in
// its summary and in its table of scenarios.
func checkReport(t *testing.T, tc consistencyCase, want assess.Headline) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	more := []string{"--out", path, "--quiet"}
	if tc.draws > 0 {
		more = append(more, "--draws", strconv.Itoa(tc.draws))
	}
	mustRun(t, tc.args("report", more...)...)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	l := lang.EN
	summary := plain(section(t, page, "summary"))
	for _, s := range []string{
		"value added of " + l.Thousands(want.ValueAdded) + " ",
		l.Percent(want.BelowPoverty) + " live below the poverty line",
		"in these households, " + l.Thousands(want.ChildLabour) + " (",
		"in child labour and " + l.Thousands(want.Hazardous) + " (",
	} {
		if !strings.Contains(summary, s) {
			t.Errorf("report: the summary lacks %q:\n%s", s, summary)
		}
	}
	table := section(t, page, "scenarios")
	rows := map[string][]string{}
	for _, m := range rowRE.FindAllStringSubmatch(table, -1) {
		var cells []string
		for _, c := range cellRE.FindAllStringSubmatch(m[1], -1) {
			cells = append(cells, plain(c[1]))
		}
		if len(cells) > 0 {
			if _, seen := rows[cells[0]]; !seen {
				rows[cells[0]] = cells
			}
		}
	}
	// The baseline's row: the year the summary describes, every year alike
	// (the market settles where the summary's baseline did).
	if r := rows[l.T("baseline")]; len(r) < 2 || r[1] != l.Thousands(want.ChildLabour) {
		t.Errorf("report: the baseline's row in the table of scenarios is %q, want %s children", r, l.Thousands(want.ChildLabour))
	}
	for _, s := range want.Scenarios {
		r := rows[s.Name]
		if len(r) < 9 {
			t.Errorf("report: no row of %q in the table of scenarios", s.Name)
			continue
		}
		bcr := l.T("na")
		if !math.IsNaN(s.BCR) {
			bcr = strconv.FormatFloat(s.BCR, 'f', 2, 64)
		}
		if r[1] != l.Thousands(s.ChildLabour) || r[8] != bcr {
			t.Errorf("report: %s: %s children, BCR %s; want %s and %s", s.Name, r[1], r[8], l.Thousands(s.ChildLabour), bcr)
		}
	}
}

// section returns the HTML of the report's section id, up to the next.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("report: no section %q", id)
	}
	rest := page[i:]
	if j := strings.Index(rest[1:], "<section"); j >= 0 {
		rest = rest[:j+1]
	}
	return rest
}
