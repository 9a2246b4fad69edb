package web

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

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
