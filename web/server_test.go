package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/examples"
)

func post(t *testing.T, h http.Handler, path, ctype, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := newRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func chainText(t *testing.T, name string) (string, string) {
	c, err := examples.Chain(name)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := examples.Scenarios(name)
	return string(c), string(s)
}

// TestAPI: every endpoint answers, bad bodies get 400 with the CLI's
// messages, large bodies 413.
func TestAPI(t *testing.T) {
	h := (&Server{}).Handler()
	chain, scen := chainText(t, "tobacco-kyrgyzstan")

	w := httptest.NewRecorder()
	h.ServeHTTP(w, newRequest("GET", "/api/examples", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), "tobacco-kyrgyzstan") {
		t.Errorf("examples: %d %.100s", w.Code, w.Body)
	}
	w = post(t, h, "/api/simulate", "application/toml", chain)
	var sim struct {
		Summary     map[string]any   `json:"summary"`
		ChildLabour []map[string]any `json:"child_labour"`
		School      []map[string]any `json:"school"`
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &sim) != nil {
		t.Fatalf("simulate: %d %.200s", w.Code, w.Body)
	}
	if cl := sim.Summary["children_in_child_labour"].(float64); cl < 1878 || cl > 1880 { // household children fitted to 27.8% and 1.6 hired by the fermentation companies
		t.Errorf("simulate: child labour %v, want the CLI's 1,879", cl)
	}
	if len(sim.ChildLabour) == 0 || sim.ChildLabour[0]["band"] == nil {
		t.Errorf("simulate: child_labour rows %v", sim.ChildLabour)
	}
	// The four-way table: every column of school.csv, the embedded
	// SchoolRow's too; the total's four shares of 5-17 add up to 1.
	total := false
	for _, r := range sim.School {
		if r["group"] == "total" && r["band"] == "5-17" && r["sex"] == "all" {
			total = true
			var sum float64
			for _, k := range []string{"work_only", "work_and_study", "study_only", "neither"} {
				x, _ := r[k].(float64)
				sum += x
			}
			if math.Abs(sum-1) > 1e-5 || r["enrolment_rate"] == nil {
				t.Errorf("simulate: school row %v: shares add up to %v", r, sum)
			}
		}
	}
	if !total {
		t.Errorf("simulate: no total 5-17 school row in %v", sim.School)
	}
	body, _ := json.Marshal(map[string]any{"chain": chain, "scenarios": scen, "years": 2})
	w = post(t, h, "/api/compare", "application/json", string(body))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"cost_per_child_year_avoided": null`) {
		t.Errorf("compare: %d %.300s", w.Code, w.Body)
	}
	body, _ = json.Marshal(map[string]any{"chain": chain, "levers": map[string]float64{"transfer": 40000, "coverage": 1}})
	w = post(t, h, "/api/whatif", "application/json", string(body))
	var wi WhatIfAnswer
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &wi) != nil {
		t.Fatalf("whatif: %d %s", w.Code, w.Body)
	}
	if !(wi.WhatIf.ChildLabour < wi.Baseline.ChildLabour) || wi.WhatIf.CostPerChildYear == nil {
		t.Errorf("a transfer to every household does not lower child labour: %+v", wi)
	}

	for _, tc := range []struct {
		name, path, ctype, body string
		status                  int
		want                    string
	}{
		{"bad chain", "/api/simulate", "application/toml", strings.Replace(chain, "count = 2500", `count = "2500"`, 1), 400, `actor \"farm\": count must be a number, got the text \"2500\"`},
		{"unknown key", "/api/validate", "application/toml", strings.Replace(chain, "price = 160", "prcie = 160", 1), 400, `unknown key \"prcie\"`},
		{"not TOML", "/api/validate", "application/toml", "{{{", 400, "chain"},
		{"not JSON", "/api/compare", "application/json", "chain=1", 400, "must be JSON"},
		{"unknown JSON field", "/api/compare", "application/json", `{"chian": ""}`, 400, "unknown field"},
		{"bad lever", "/api/whatif", "application/json", `{"chain": ` + jsonString(chain) + `, "levers": {"coverage": 2}}`, 400, "levers.coverage must be between 0 and 1"},
		{"too large", "/api/validate", "application/toml", strings.Repeat("# x\n", MaxBody/4+10), 413, "larger than"},
		{"compare without scenarios", "/api/compare", "application/json", `{"chain": ` + jsonString(chain) + `}`, 400, "needs scenarios"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := post(t, h, tc.path, tc.ctype, tc.body)
			if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) {
				t.Errorf("%d %.300s; want %d and %q", w.Code, w.Body, tc.status, tc.want)
			}
		})
	}
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

// TestToken: a server with a token refuses requests without it.
func TestToken(t *testing.T) {
	h := (&Server{Token: "abc"}).Handler()
	for _, tc := range []struct {
		url    string
		status int
	}{{"/api/examples", 403}, {"/api/examples?token=abc", 200}, {"/?token=wrong", 403}} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, newRequest("GET", tc.url, nil))
		if w.Code != tc.status {
			t.Errorf("%s: %d, want %d", tc.url, w.Code, tc.status)
		}
	}
	if !Loopback("127.0.0.1:8080") || !Loopback("localhost:80") || !Loopback("[::1]:8080") || Loopback("0.0.0.0:8080") || Loopback("192.168.1.5:8080") {
		t.Error("Loopback")
	}
}

// TestOffline: the page's files name no address outside this computer.
func TestOffline(t *testing.T) {
	ext := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	fs.WalkDir(assets, "assets", func(path string, d fs.DirEntry, err error) error {
		if d.IsDir() {
			return nil
		}
		data, _ := assets.ReadFile(path)
		if m := ext.Find(data); m != nil {
			t.Errorf("%s names an outside address: %s", path, m)
		}
		return nil
	})
	w := httptest.NewRecorder()
	(&Server{}).Handler().ServeHTTP(w, newRequest("GET", "/", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `<script src="app.js">`) {
		t.Errorf("the page: %d", w.Code)
	}
}

// TestConcurrent: 20 simulations at once all answer the same numbers.
func TestConcurrent(t *testing.T) {
	srv := httptest.NewServer((&Server{}).Handler())
	defer srv.Close()
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	var wg sync.WaitGroup
	answers := make([]string, 20)
	for i := range answers {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := http.Post(srv.URL+"/api/simulate", "application/toml", strings.NewReader(chain))
			if err != nil {
				t.Error(err)
				return
			}
			defer r.Body.Close()
			b, _ := io.ReadAll(r.Body)
			answers[i] = fmt.Sprint(r.StatusCode) + string(b)
		}(i)
	}
	wg.Wait()
	for i, a := range answers {
		if a != answers[0] || !strings.HasPrefix(a, "200") {
			t.Errorf("answer %d differs or failed: %.80s", i, a)
		}
	}
}

// BenchmarkWhatIf times the what-if answer at 30,000 households (the
// cotton example): the time from a slider's move to the numbers.
func BenchmarkWhatIf(b *testing.B) {
	h := (&Server{}).Handler()
	c, _ := examples.Chain("cotton-tajikistan")
	body, _ := json.Marshal(map[string]any{"chain": string(c), "levers": map[string]float64{"transfer": 2000, "coverage": 0.5, "price_change": 0.1}})
	for i := 0; i < b.N; i++ {
		req := newRequest("POST", "/api/whatif", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Body.String())
		}
	}
}

// TestWorkspace: files are listed, opened and saved atomically; two tabs
// that opened the same version cannot both save it (the second gets 409
// and the first's change stays); names that leave the folder are refused.
func TestWorkspace(t *testing.T) {
	dir := t.TempDir()
	h := (&Server{Workspace: &Workspace{Dir: dir}}).Handler()
	do := func(method, path, body string) *httptest.ResponseRecorder {
		req := newRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/toml")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	if w := do("PUT", "/api/files/a.toml", "name = 'one'\n"); w.Code != 200 {
		t.Fatalf("new file: %d %s", w.Code, w.Body)
	}
	var f struct{ Text, Version string }
	json.Unmarshal(do("GET", "/api/files/a.toml", "").Body.Bytes(), &f)
	if f.Text != "name = 'one'\n" || f.Version == "" {
		t.Fatalf("open: %+v", f)
	}
	// Two tabs opened version f.Version; the first saves, the second is told.
	if w := do("PUT", "/api/files/a.toml?version="+f.Version, "name = 'tab one'\n"); w.Code != 200 {
		t.Fatalf("first tab: %d %s", w.Code, w.Body)
	}
	if w := do("PUT", "/api/files/a.toml?version="+f.Version, "name = 'tab two'\n"); w.Code != 409 || !strings.Contains(w.Body.String(), "changed elsewhere") {
		t.Errorf("second tab: %d %s, want 409", w.Code, w.Body)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.toml")); string(data) != "name = 'tab one'\n" {
		t.Errorf("the file holds %q: the first tab's change was lost", data)
	}
	if w := do("PUT", "/api/files/a.toml", "x = 1"); w.Code != 409 {
		t.Errorf("saving over an existing file without its version: %d", w.Code)
	}
	for _, bad := range []string{"..%2Fx.toml", ".hidden.toml", "notes.txt"} {
		if w := do("PUT", "/api/files/"+bad, "x"); w.Code != 400 && w.Code != 404 {
			t.Errorf("%s: %d, want 400", bad, w.Code)
		}
	}
	var list []FileInfo
	json.Unmarshal(do("GET", "/api/files", "").Body.Bytes(), &list)
	if len(list) != 1 || list[0].Name != "a.toml" || list[0].Kind != "chain" {
		t.Errorf("list: %+v", list)
	}
}

// TestBlankTemplate: the page's "new chain" is the blank template, listed
// with the examples; it validates and simulates, and so does its scenario
// file.
func TestBlankTemplate(t *testing.T) {
	h := (&Server{}).Handler()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, newRequest("GET", "/api/examples", nil))
	if !strings.Contains(w.Body.String(), `"Name": "blank"`) && !strings.Contains(w.Body.String(), `"Name":"blank"`) {
		t.Errorf("the examples do not list the blank template: %.300s", w.Body)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, newRequest("GET", "/api/examples/blank", nil))
	var ex struct{ Chain, Scenarios string }
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &ex) != nil {
		t.Fatalf("blank: %d %.200s", w.Code, w.Body)
	}
	if w := post(t, h, "/api/simulate", "application/toml", ex.Chain); w.Code != 200 {
		t.Errorf("the blank chain does not simulate: %d %.300s", w.Code, w.Body)
	}
	body, _ := json.Marshal(map[string]any{"chain": ex.Chain, "scenarios": ex.Scenarios, "years": 2})
	if w := post(t, h, "/api/compare", "application/json", string(body)); w.Code != 200 {
		t.Errorf("the blank scenarios do not compare: %d %.300s", w.Code, w.Body)
	}
}

// TestTables: /api/fields lists the tobacco chain's values by group with
// their lines, and /api/set changes the farm's price in the text, keeping
// every comment, as the page's tables do.
func TestTables(t *testing.T) {
	h := (&Server{}).Handler()
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	w := post(t, h, "/api/fields", "application/toml", chain)
	var gs []FieldGroup
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &gs) != nil {
		t.Fatalf("fields: %d %.200s", w.Code, w.Body)
	}
	var price Field
	titles := map[string]bool{}
	for _, g := range gs {
		titles[g.Title] = true
		for _, f := range g.Fields {
			if f.Path == "actor.0.price" {
				price = f
			}
		}
	}
	if !titles["chain"] || !titles["farm"] || !titles["farm -> fermenter"] {
		t.Errorf("groups %v", titles)
	}
	lines := strings.Split(chain, "\n")
	if price.Value != "160" || price.Line == 0 || !strings.HasPrefix(strings.TrimSpace(lines[price.Line-1]), "price = 160") {
		t.Fatalf("the farm's price: %+v", price)
	}
	body, _ := json.Marshal(map[string]string{"chain": chain, "path": "actor.0.price", "value": "400"})
	w = post(t, h, "/api/set", "application/json", string(body))
	var got struct{ Chain string }
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &got) != nil {
		t.Fatalf("set: %d %.200s", w.Code, w.Body)
	}
	after := strings.Split(got.Chain, "\n")
	if len(after) != len(lines) || !strings.HasPrefix(strings.TrimSpace(after[price.Line-1]), "price = 400") {
		t.Errorf("set changed more than the price line:\n%s", after[price.Line-1])
	}
	diff := 0
	for i := range lines {
		if lines[i] != after[i] {
			diff++
		}
	}
	if diff != 1 {
		t.Errorf("%d lines changed, want 1", diff)
	}
	// A text value is quoted; an unknown key is refused.
	body, _ = json.Marshal(map[string]string{"chain": chain, "path": "actor.0.name", "value": `Табаководы "юг"`})
	if w := post(t, h, "/api/set", "application/json", string(body)); w.Code != 200 || !strings.Contains(w.Body.String(), `Табаководы \\\"юг\\\"`) {
		t.Errorf("set a name: %d %.300s", w.Code, w.Body)
	}
	body, _ = json.Marshal(map[string]string{"chain": chain, "path": "actor.0.prise", "value": "1"})
	if w := post(t, h, "/api/set", "application/json", string(body)); w.Code != 400 {
		t.Errorf("set an unknown key: %d", w.Code)
	}
}

// TestTimeout: a computation over the server's time limit answers 503,
// and the model stops at its next chunk of households instead of running
// on: the cotton chain scaled to 1,000,000 households with a 1 ms limit.
func TestTimeout(t *testing.T) {
	h := (&Server{Timeout: time.Millisecond}).Handler()
	chain, _ := chainText(t, "cotton-tajikistan")
	big := strings.Replace(chain, "count = 30000", "count = 1000000", 1)
	if big == chain {
		t.Fatal("the cotton example has no count = 30000")
	}
	w := post(t, h, "/api/simulate", "application/toml", big)
	if w.Code != 503 || !strings.Contains(w.Body.String(), "took too long") {
		t.Errorf("status %d: %.200s", w.Code, w.Body)
	}
}

// TestChartsWithDraws: /api/charts with draws adds the fan chart and the
// interval bars; too many draws are refused.
func TestChartsWithDraws(t *testing.T) {
	h := (&Server{}).Handler()
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	body, _ := json.Marshal(map[string]any{"chain": chain, "scenarios": scen, "draws": 8})
	w := post(t, h, "/api/charts", "application/json", string(body))
	var cs []Chart
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &cs) != nil {
		t.Fatalf("charts: %d %.200s", w.Code, w.Body)
	}
	names := map[string]bool{}
	for _, c := range cs {
		names[c.Name] = strings.HasPrefix(c.SVG, "<svg")
	}
	for _, n := range []string{"scenario_paths_fan", "scenario_children_interval", "chain_map"} {
		if !names[n] {
			t.Errorf("no %s chart (have %v)", n, names)
		}
	}
	body, _ = json.Marshal(map[string]any{"chain": chain, "scenarios": scen, "draws": MaxDraws + 1})
	if w := post(t, h, "/api/charts", "application/json", string(body)); w.Code != 400 {
		t.Errorf("draws over the limit: %d", w.Code)
	}
}

// TestExport: /api/export answers a zip with the files, the tables in the
// language's CSV dialect, every chart as SVG and PNG, and the report.
func TestExport(t *testing.T) {
	h := (&Server{}).Handler()
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	body, _ := json.Marshal(map[string]any{"chain": chain, "scenarios": scen})
	w := post(t, h, "/api/export?lang=ru", "application/json", string(body))
	if w.Code != 200 {
		t.Fatalf("export: %d %.200s", w.Code, w.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		got[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	for _, n := range []string{"chain.toml", "scenarios.toml", "accounts.csv", "child_labour.csv", "summary.json",
		"scenario_summary.csv", "scenario_years.csv", "charts/chain_map.svg", "charts/chain_map.png", "charts/scenario_children.png", "report.html",
		"results.xlsx", "comparison.xlsx"} {
		if len(got[n]) == 0 {
			t.Errorf("the zip has no %s", n)
		}
	}
	if string(got["chain.toml"]) != chain {
		t.Error("chain.toml is not the chain sent")
	}
	acc := string(got["accounts.csv"])
	if !strings.HasPrefix(acc, "\ufeffучастник;название;название по-русски;") || !strings.Contains(acc, "Домохозяйства табаководов") {
		t.Errorf("accounts.csv is not in the Russian Excel dialect: %.120q", acc)
	}
	if !bytes.HasPrefix(got["charts/chain_map.png"], []byte("\x89PNG")) {
		t.Error("chain_map.png is not a PNG")
	}
	// The results workbooks of run and compare, in Russian: the baseline's
	// children in child labour on the Summary sheet (Сводка) are the
	// summary.json's.
	var sum struct {
		ChildLabour float64 `json:"children_in_child_labour"`
	}
	if err := json.Unmarshal(got["summary.json"], &sum); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(got["results.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := book.GetRows("Сводка", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	found, scenFile := false, false
	for _, r := range rows {
		if len(r) == 2 && r[0] == "дети в детском труде" {
			x, _ := strconv.ParseFloat(r[1], 64)
			found = math.Abs(x-sum.ChildLabour) < 1e-6 // summary.json writes 7 decimals
		}
		scenFile = scenFile || len(r) == 2 && r[1] == "scenarios.toml"
	}
	if scenFile {
		t.Error("results.xlsx (the baseline's) names a scenario file")
	}
	if !found {
		t.Errorf("results.xlsx: the Summary's children in child labour are not summary.json's %v: %v", sum.ChildLabour, rows)
	}
	cmp, err := excelize.OpenReader(bytes.NewReader(got["comparison.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	if i, err := cmp.GetSheetIndex("Сценарии"); err != nil || i < 0 {
		t.Errorf("comparison.xlsx has no sheet Сценарии: %v", cmp.GetSheetList())
	}
}

// TestErrorsInRussian: with X-Vcsim-Lang: ru, a bad chain's problems come
// back in Russian, with their lines.
func TestErrorsInRussian(t *testing.T) {
	h := (&Server{}).Handler()
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	bad := strings.Replace(chain, "count = 2500", "count = -5", 1)
	req := newRequest("POST", "/api/validate", strings.NewReader(bad))
	req.Header.Set("X-Vcsim-Lang", "ru")
	req.Header.Set("Content-Type", "application/toml")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != 400 || !strings.Contains(w.Body.String(), `участник \"farm\": count: должно быть числом больше 0, указано -5`) {
		t.Errorf("%d %.300s", w.Code, w.Body)
	}
	w = post(t, h, "/api/validate", "application/toml", bad)
	if !strings.Contains(w.Body.String(), "must be a number greater than 0") {
		t.Errorf("in English: %.300s", w.Body)
	}
}

// TestSimulateWarnings: a chain with days per tonne typed as days per kg
// (the farm's curing, 0.12 days a kg, typed 120) runs, and the answer
// carries the plausibility warning with the path and line of that key,
// in the page's language; the example itself carries none.
func TestSimulateWarnings(t *testing.T) {
	h := (&Server{}).Handler()
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	const old = "days_per_unit = 0.12\n"
	if strings.Count(chain, old) != 1 {
		t.Fatalf("no single %q", old)
	}
	line := strings.Count(chain[:strings.Index(chain, old)], "\n") + 1
	bad := strings.Replace(chain, old, "days_per_unit = 120\n", 1)
	type warning struct {
		Rule, Path, Field, Message, Hint, Plausible, Text string
		Line                                              int
		Value                                             float64
	}
	get := func(text, l string) []warning {
		req := newRequest("POST", "/api/simulate", strings.NewReader(text))
		req.Header.Set("Content-Type", "application/toml")
		req.Header.Set("X-Vcsim-Lang", l)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		var ans struct {
			Warnings []warning `json:"warnings"`
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &ans) != nil || ans.Warnings == nil {
			t.Fatalf("simulate: %d %.300s", w.Code, w.Body)
		}
		return ans.Warnings
	}
	if ws := get(chain, "en"); len(ws) != 0 {
		t.Errorf("the example has warnings: %+v", ws)
	}
	for _, tc := range []struct{ lang, message, hint, plausible string }{
		{"en", "days a year per adult of its households", "days per tonne typed as days per kg?", "at most 1830"},
		{"ru", "число дней работы в год на взрослого", "дни на тонну введены как дни на кг?", "не больше 1830"},
	} {
		var w *warning
		ws := get(bad, tc.lang)
		for i := range ws {
			if ws[i].Rule == "labour_need" {
				w = &ws[i]
			}
		}
		if w == nil {
			t.Fatalf("%s: no labour_need warning: %+v", tc.lang, ws)
		}
		// 0.12 -> 120 days a kg multiplies the farm's need by 1000:
		// far above 5 x 366 = 1830 days per adult.
		if w.Path != "actor.0.task.4.days_per_unit" || w.Line != line || w.Field != "task.days_per_unit" || w.Value <= 1830 ||
			!strings.Contains(w.Message, tc.message) || !strings.HasPrefix(w.Hint, tc.hint) || w.Plausible != tc.plausible ||
			!strings.Contains(w.Text, w.Message) {
			t.Errorf("%s: %+v (want line %d)", tc.lang, *w, line)
		}
	}
}

// TestWhatIfAtZeroIsTheBaseline (issue 19): What if? with every lever at
// zero shows, in both its columns, the baseline's children in child
// labour, in hazardous work and below the poverty line, as /api/simulate
// does. The apricot example fits its preferences to the observed
// prevalence (27.8%): its what-if ran the chain as written, unfitted, and
// gave 23,147 children against the baseline's 18,101.
func TestWhatIfAtZeroIsTheBaseline(t *testing.T) {
	h := (&Server{}).Handler()
	for _, name := range []string{"apricot-batken", "tobacco-kyrgyzstan"} {
		chain, _ := chainText(t, name)
		w := post(t, h, "/api/simulate", "application/toml", chain)
		var sim SimulateAnswer
		if err := json.Unmarshal(w.Body.Bytes(), &sim); w.Code != 200 || err != nil {
			t.Fatalf("%s: simulate: status %d, %v", name, w.Code, err)
		}
		body, _ := json.Marshal(CompareRequest{Chain: chain, Levers: Levers{Coverage: 0.5}})
		w = post(t, h, "/api/whatif", "application/json", string(body))
		var wi WhatIfAnswer
		if err := json.Unmarshal(w.Body.Bytes(), &wi); w.Code != 200 || err != nil {
			t.Fatalf("%s: whatif: status %d, %v", name, w.Code, err)
		}
		s := sim.Summary
		for col, got := range map[string]Headline{"baseline": wi.Baseline, "what if": wi.WhatIf} {
			if got.ChildLabour != s.ChildLabour || got.Hazardous != s.HazardousChildLabour || got.BelowPoverty != s.BelowPovertyShare {
				t.Errorf("%s: what-if's %s column %.1f children, %.1f hazardous, %.4f poor; simulate %.1f, %.1f, %.4f",
					name, col, got.ChildLabour, got.Hazardous, got.BelowPoverty, s.ChildLabour, s.HazardousChildLabour, s.BelowPovertyShare)
			}
		}
	}
}
