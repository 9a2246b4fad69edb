package web

import (
	"bufio"
	"encoding/json"
	"math"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/uncertainty"
)

// TestHeadlineIncome (QA 2): /api/simulate gives the baseline's mean
// household income, so the page no longer works it out: on the chain of
// two household groups it is the groups' mean cash incomes weighted by
// their households, as the households table gives them.
func TestHeadlineIncome(t *testing.T) {
	chain, err := os.ReadFile("../scenarios/testdata/two-groups.toml")
	if err != nil {
		t.Fatal(err)
	}
	w := post(t, (&Server{}).Handler(), "/api/simulate", "application/toml", string(chain))
	var a SimulateAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil || w.Code != 200 {
		t.Fatalf("simulate: %d %v", w.Code, err)
	}
	if len(a.Households) != 2 {
		t.Fatalf("%d household groups, want 2", len(a.Households))
	}
	var n, sum float64
	for _, g := range a.Households {
		n += g["households"].(float64)
		sum += g["households"].(float64) * g["mean_cash_income"].(float64)
	}
	if want := sum / n; math.Abs(a.MeanHouseholdIncome-want) > 1e-6*want || a.MeanHouseholdIncome <= 0 {
		t.Errorf("mean household income %v, want %v (the groups' means weighted by households)", a.MeanHouseholdIncome, want)
	}
	// QA 3, 34: the actors' names, an unnamed one by its id.
	for id, want := range map[string]GroupName{"farm": {"farm", "farm"}, "trader": {"trader", "trader"}, "upland": {"Upland farms", "Горные хозяйства"}} {
		if got := a.Names[id]; got != want {
			t.Errorf("the name of %s: %+v, want %+v", id, got, want)
		}
	}
	if a.Summary.Currency == "" || a.Summary.ChildLabourPrevalence <= 0 {
		t.Errorf("the cards' currency %q and share %v", a.Summary.Currency, a.Summary.ChildLabourPrevalence)
	}
}

// TestBandsIntervals (QA 2, 6, 24): every line of /api/bands carries the
// median and 90-percent interval of the page's headline indicators for
// each run; the last line's are those of one Monte Carlo of all the draws
// (uncertainty.Run with the same seed: the parts make up the whole run);
// the baseline has no benefit-cost ratio (it has no cost); each interval
// holds its median.
func TestBandsIntervals(t *testing.T) {
	chain, scen := chainText(t, "tobacco-kyrgyzstan")
	body, _ := jsonBody(map[string]any{"chain": chain, "scenarios": scen, "draws": 50})
	w := post(t, (&Server{}).Handler(), "/api/bands", "application/json", body)
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var last BandsStep
	sc := bufio.NewScanner(strings.NewReader(w.Body.String()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if err := json.Unmarshal(sc.Bytes(), &last); err != nil {
			t.Fatal(err)
		}
		if len(last.Intervals) == 0 {
			t.Fatalf("line of %d draws without intervals", last.Draws)
		}
	}
	c, err := load.Chain([]byte(chain), "chain")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Parse([]byte(scen), "scenarios")
	if err != nil {
		t.Fatal(err)
	}
	setup, err := uncertainty.NewSetup(c, f, "chain", "scenarios")
	if err != nil {
		t.Fatal(err)
	}
	mc, err := uncertainty.Run(setup, uncertainty.Options{Draws: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]any]uncertainty.Summary{}
	n := len(uncertainty.Indicators)
	for k, s := range mc.Summaries() {
		want[[2]any{k / n, s.Indicator}] = s
	}
	got := map[string]int{}
	for _, iv := range last.Intervals {
		s := want[[2]any{iv.Run, iv.Indicator}]
		if iv.P05 != s.P05 || iv.P50 != s.P50 || iv.P95 != s.P95 || iv.Draws != s.Draws {
			t.Errorf("run %d %s: %+v, want the whole run's %+v", iv.Run, iv.Indicator, iv, s)
		}
		if !(iv.P05 <= iv.P50 && iv.P50 <= iv.P95) {
			t.Errorf("run %d %s: the median is outside its interval: %+v", iv.Run, iv.Indicator, iv)
		}
		if iv.Run == 0 && iv.Indicator == "benefit_cost_ratio" {
			t.Errorf("the baseline has a benefit-cost ratio: %+v", iv)
		}
		got[iv.Indicator]++
	}
	runs := 1 + len(f.Scenarios)
	for ind := range bandIndicators {
		want := runs
		if ind == "benefit_cost_ratio" || ind == "cost_per_child_year_avoided" {
			want = runs - 1 // not defined for the baseline
		}
		if got[ind] != want {
			t.Errorf("%s: %d runs with an interval, want %d", ind, got[ind], want)
		}
	}
}

// TestSetTypedNumbers (QA 40): a number's field in the chain's tables
// takes a number as people type it: on the Russian page "1,5" (decimal
// comma), "1 000" and "1 000,5" (spaces and no-break spaces between
// thousands, as the page writes numbers); on the English page "1,000.5"
// and "1,5"; a word or a unit is refused in plain words with what to type,
// in the page's language; a text field keeps "1,5" as text, and a yes/no
// field says true or false.
func TestSetTypedNumbers(t *testing.T) {
	chain, _ := chainText(t, "tobacco-kyrgyzstan")
	h := (&Server{}).Handler()
	for _, tc := range []struct {
		lang, path, typed string
		line              string // the line the text gets, "" when refused
		refused           string // the start of the message, when refused
	}{
		{"ru", "actor.0.price", "1,5", "price = 1.5 ", ""},
		{"ru", "actor.0.price", "1 000", "price = 1000 ", ""},
		{"ru", "actor.0.price", "1\u00a0000,5", "price = 1000.5 ", ""},
		{"ru", "actor.0.price", "1\u202f234\u00a0567", "price = 1234567 ", ""},
		{"ru", "actor.0.price", "−3", "price = -3 ", ""}, // the page's minus sign; the chain's checks refuse it next
		{"ru", "actor.0.price", "0.25", "price = 0.25 ", ""},
		{"en", "actor.0.price", "1,000.5", "price = 1000.5 ", ""},
		{"en", "actor.0.price", "1,5", "price = 1.5 ", ""},
		{"en", "actor.0.price", "12 500", "price = 12500 ", ""},
		{"en", "actor.0.count", "2,500", "count = 2500\n", ""},
		{"ru", "actor.0.price", "150 сом", "", "«150 сом» — не число; введите только число, без единиц измерения, например 1,5 или 1 000"},
		{"ru", "actor.0.price", "1,5,0", "", "«1,5,0» — не число"},
		{"en", "actor.0.price", "150 som", "", `"150 som" is not a number; type the number alone, without a unit, such as 1.5 or 1,000`},
		{"en", "actor.0.price", "0x10", "", `"0x10" is not a number`},
		{"ru", "actor.0.name", "1,5", "name = \"1,5\"\n", ""},
		{"ru", "economic.remove_taxes", "да", "", "«да» — здесь нужно true (да) или false (нет)"},
	} {
		body, _ := jsonBody(map[string]string{"chain": chain, "path": tc.path, "value": tc.typed})
		req := newRequest("POST", "/api/set", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Vcsim-Lang", tc.lang)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		var ans struct{ Chain, Error string }
		json.Unmarshal(w.Body.Bytes(), &ans)
		name := tc.lang + " " + tc.path + " " + strconv.Quote(tc.typed)
		if tc.refused != "" {
			if w.Code != 400 || !strings.HasPrefix(ans.Error, tc.path+": "+tc.refused) {
				t.Errorf("%s: %d %q, want 400 %q", name, w.Code, ans.Error, tc.refused)
			}
			continue
		}
		if w.Code != 200 || !strings.Contains(ans.Chain, "\n"+tc.line) {
			i := strings.Index(ans.Chain, "\n"+strings.Fields(tc.line)[0]+" = ")
			t.Errorf("%s: %d %s, want a line %q; got %.40q", name, w.Code, ans.Error, tc.line, ans.Chain[max(i, 0):])
		}
	}
}
