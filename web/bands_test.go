package web

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"
)

// TestBands: /api/bands streams the uncertainty charts after 40 draws,
// then after the rest (80 more at most), up to the draws asked for.
func TestBands(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	body, _ := jsonBody(map[string]any{"chain": chain, "scenarios": scen, "draws": 50})
	w := post(t, (&Server{}).Handler(), "/api/bands?lang=ru", "application/json", body)
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var draws []int
	sc := bufio.NewScanner(strings.NewReader(w.Body.String()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var step BandsStep
		if err := json.Unmarshal(sc.Bytes(), &step); err != nil {
			t.Fatal(err)
		}
		if step.Error != "" || step.Total != 50 || len(step.Charts) != 2 {
			t.Fatalf("step %+v", step.Error)
		}
		draws = append(draws, step.Draws)
	}
	// 40, then the last 10.
	if len(draws) != 2 || draws[0] != 40 || draws[1] != 50 {
		t.Errorf("draws per line: %v, want [40 50]", draws)
	}
	if w := post(t, (&Server{}).Handler(), "/api/bands", "application/json", `{"chain": "x = 1", "draws": 10}`); w.Code != 400 {
		t.Errorf("without scenarios: %d", w.Code)
	}
}
