package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/workbook"
)

// TestImportWorkbook: a workbook dropped on the page gives the chain and
// scenarios that --chain reads from it, and the page's baseline of that
// chain is the baseline of the example it was written from.
func TestImportWorkbook(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	b, err := workbook.New("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AddChain([]byte(chain)); err != nil {
		t.Fatal(err)
	}
	if err := b.AddScenarios([]byte(scen)); err != nil {
		t.Fatal(err)
	}
	var book bytes.Buffer
	if _, err := b.WriteTo(&book); err != nil {
		t.Fatal(err)
	}
	h := (&Server{}).Handler()
	body, _ := json.Marshal(ImportRequest{Name: "tobacco.xlsx", Data: book.Bytes()})
	w := post(t, h, "/api/import", "application/json", string(body))
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	var got struct{ Chain, Scenarios string }
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Scenarios, "[[scenario]]") {
		t.Errorf("the workbook's scenarios are missing: %q", got.Scenarios)
	}
	simulate := func(text string) float64 {
		t.Helper()
		w := post(t, h, "/api/simulate", "application/toml", text)
		if w.Code != 200 {
			t.Fatalf("simulate: status %d: %s", w.Code, w.Body.String())
		}
		var a SimulateAnswer
		if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		return a.Summary.ChildLabour
	}
	if x, y := simulate(got.Chain), simulate(chain); x != y {
		t.Errorf("the imported workbook gives %v children in child labour, the example %v", x, y)
	}

	// A mistake in the workbook is reported at its cell, as --chain does.
	b, _ = workbook.New("en")
	b.AddChain([]byte(strings.Replace(chain, "adult_wage = ", "adult_wage = -", 1)))
	book.Reset()
	b.WriteTo(&book)
	body, _ = json.Marshal(ImportRequest{Name: "bad.xlsx", Data: book.Bytes()})
	w = post(t, h, "/api/import", "application/json", string(body))
	t.Logf("bad workbook: %s", w.Body.String())
	if w.Code != 400 || !strings.Contains(w.Body.String(), "bad.xlsx") || !strings.Contains(w.Body.String(), "!") {
		t.Errorf("a negative wage: status %d: %s", w.Code, w.Body.String())
	}
	// Not JSON, or no name: 400.
	if w := post(t, h, "/api/import", "application/json", `{"data": ""}`); w.Code != 400 {
		t.Errorf("no name: status %d", w.Code)
	}
}

// TestImportStudyAndSize: a VCA4D study dropped on the page comes back as
// the TOML chain that --chain reads from it (its name and a header that
// says where it came from), and runs; a study that is not JSON is refused
// with its file name, in Russian for a Russian page; a body over MaxBody
// is refused with 413 before anything is parsed.
func TestImportStudyAndSize(t *testing.T) {
	data, err := os.ReadFile("../valuechain/vca4d/testdata/cocoa-ecuador-eco.json")
	if err != nil {
		t.Fatal(err)
	}
	h := (&Server{}).Handler()
	body, _ := json.Marshal(ImportRequest{Name: "cocoa.json", Data: data})
	w := post(t, h, "/api/import", "application/json", string(body))
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body.String())
	}
	var got struct{ Chain string }
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	c, err := load.Chain(data, "cocoa.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got.Chain, "# Imported by vcsim from the VCA4D study cocoa.json") || !strings.Contains(got.Chain, c.Name) {
		t.Errorf("the study's chain: %.300q", got.Chain)
	}
	if w := post(t, h, "/api/simulate", "application/toml", got.Chain); w.Code != 200 {
		t.Errorf("the imported study does not run: %d %s", w.Code, w.Body.String())
	}

	body, _ = json.Marshal(ImportRequest{Name: "broken.json", Data: []byte("{ not json")})
	req := httptest.NewRequest("POST", "/api/import", strings.NewReader(string(body)))
	req.Host = "127.0.0.1:8080"
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Vcsim-Lang", "ru")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	t.Logf("broken study, ru: %s", rec.Body.String())
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "broken.json") {
		t.Errorf("a broken study: status %d: %s", rec.Code, rec.Body.String())
	}

	big := `{"name": "big.xlsx", "data": "` + strings.Repeat("A", MaxBody) + `"}`
	if w := post(t, h, "/api/import", "application/json", big); w.Code != 413 {
		t.Errorf("a body over MaxBody: status %d", w.Code)
	}
	// A workbook sent as a raw body (not the page's JSON) is refused by
	// its Content-Type, as every API call that is not JSON or TOML.
	if w := post(t, h, "/api/import", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"); w.Code != 415 && w.Code != 400 && w.Code != 403 {
		t.Errorf("a raw workbook: status %d", w.Code)
	}
}

// TestSurveyOnThePage (issue 19 point 2): a survey opened on the page is
// sent with the chain and replaces the synthetic households as --survey
// does: /api/simulate, /api/compare and What if? at every lever zero give
// the assessment's numbers with the survey (the tobacco example and its
// survey: the households of package load's reading of the same file);
// draws with a survey and a survey with a mistake are refused (400) with
// the file and line named.
func TestSurveyOnThePage(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	survey, err := examples.Survey("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	c, err := load.Chain([]byte(chain), "tobacco.toml")
	if err != nil {
		t.Fatal(err)
	}
	sv, err := load.Survey(survey, "tobacco-survey.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.Scenarios([]byte(scen), "scenarios.toml", c)
	if err != nil {
		t.Fatal(err)
	}
	a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Survey: sv, Seed: 1}, assess.Options{TotalsOnly: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := a.Headline()
	plain, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Seed: 1}, assess.Options{TotalsOnly: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Headline().ChildLabour == want.ChildLabour {
		t.Fatalf("the survey changes nothing (%v children): the test proves nothing", want.ChildLabour)
	}
	h := (&Server{}).Handler()
	req := CompareRequest{Chain: chain, Survey: string(survey), SurveyName: "tobacco-survey.csv"}
	body, _ := json.Marshal(req)
	w := post(t, h, "/api/simulate", "application/json", string(body))
	var sim SimulateAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &sim); w.Code != 200 || err != nil {
		t.Fatalf("simulate: status %d, %v: %s", w.Code, err, w.Body.String())
	}
	if got := sim.Summary; got.ChildLabour != want.ChildLabour || got.HazardousChildLabour != want.Hazardous || got.BelowPovertyShare != want.BelowPoverty {
		t.Errorf("simulate with the survey: %v children, %v hazardous, %v poor; want %v, %v, %v", got.ChildLabour, got.HazardousChildLabour,
			got.BelowPovertyShare, want.ChildLabour, want.Hazardous, want.BelowPoverty)
	}
	req.Levers = Levers{Coverage: 0.5}
	body, _ = json.Marshal(req)
	w = post(t, h, "/api/whatif", "application/json", string(body))
	var wi WhatIfAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &wi); w.Code != 200 || err != nil {
		t.Fatalf("whatif: status %d, %v: %s", w.Code, err, w.Body.String())
	}
	if wi.WhatIf.ChildLabour != want.ChildLabour || wi.Baseline.ChildLabour != want.ChildLabour {
		t.Errorf("what if at zero with the survey: %v and %v children, want %v", wi.Baseline.ChildLabour, wi.WhatIf.ChildLabour, want.ChildLabour)
	}
	req.Levers, req.Scenarios = Levers{}, scen
	body, _ = json.Marshal(req)
	w = post(t, h, "/api/compare", "application/json", string(body))
	var cmp CompareAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &cmp); w.Code != 200 || err != nil {
		t.Fatalf("compare: status %d, %v", w.Code, err)
	}
	k := 0
	for _, r := range cmp.Summary {
		if r["group"] != "all" || r["scenario"] == "baseline" {
			continue
		}
		if k >= len(want.Scenarios) || r["children_in_child_labour_final_year"] != want.Scenarios[k].ChildLabour {
			t.Errorf("compare with the survey: row %v, want %+v", r, want.Scenarios)
		}
		k++
	}
	if k != len(want.Scenarios) {
		t.Errorf("compare with the survey: %d scenarios, want %d", k, len(want.Scenarios))
	}

	req.Draws = 20
	body, _ = json.Marshal(req)
	if w := post(t, h, "/api/charts", "application/json", string(body)); w.Code != 400 || !strings.Contains(w.Body.String(), "survey") {
		t.Errorf("draws with a survey: status %d: %s", w.Code, w.Body.String())
	}
	bad := strings.Replace(string(survey), "\n", "\nnot-a-group,", 2)
	body, _ = json.Marshal(CompareRequest{Chain: chain, Survey: bad, SurveyName: "mine.csv"})
	w = post(t, h, "/api/simulate", "application/json", string(body))
	t.Logf("bad survey: %s", w.Body.String())
	if w.Code != 400 || !strings.Contains(w.Body.String(), "mine.csv:") {
		t.Errorf("a bad survey: status %d: %s", w.Code, w.Body.String())
	}
}
