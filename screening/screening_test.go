package screening

import (
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestScoresByHand: three chains, two criteria. Child labour 100, 300,
// 200 (weight 2, higher is a priority) normalises to 0, 1, 0.5; buyer
// interest 5, 1, 3 (weight 1, higher) to 1, 0, 0.5. Scores: A = (0 + 1)/3
// = 0.3333, B = (2 + 0)/3 = 0.6667, C = (1 + 0.5)/3 = 0.5: B, C, A.
func TestScoresByHand(t *testing.T) {
	res := &Result{
		Criteria: []Criterion{{ID: "child_labour", Weight: 2, Direction: "higher"}, {ID: "buyer", Weight: 1, Direction: "higher"}},
		Rows: []Row{
			{Key: "A", Raw: []float64{100, 5}},
			{Key: "B", Raw: []float64{300, 1}},
			{Key: "C", Raw: []float64{200, 3}},
		},
	}
	res.normalise()
	want := []struct {
		key   string
		score float64
	}{{"B", 2.0 / 3}, {"C", 0.5}, {"A", 1.0 / 3}}
	for i, w := range want {
		r := res.Rows[i]
		if r.Key != w.key || math.Abs(r.Score-w.score) > 1e-12 || r.Rank != i+1 {
			t.Errorf("rank %d: %s %.4f, want %s %.4f", i+1, r.Key, r.Score, w.key, w.score)
		}
	}
	// B - C = 2 (1 - 0.5) + w_buyer (0 - 0.5) = 0 at w_buyer = 2 (change 1);
	// = w_cl (1 - 0.5) + 1 (0 - 0.5) = 0 at w_cl = 1 (change 1 too): the
	// first criterion found with the smallest change is reported.
	i, w, ok := res.Swap()
	if !ok || i != 0 || math.Abs(w-1) > 1e-12 {
		t.Errorf("swap: criterion %d at weight %v (%v), want child_labour at 1", i, w, ok)
	}
	// A criterion equal on every chain normalises to 0.5 and cannot swap.
	res = &Result{Criteria: []Criterion{{ID: "x", Weight: 1, Direction: "lower"}},
		Rows: []Row{{Key: "A", Raw: []float64{3}}, {Key: "B", Raw: []float64{3}}}}
	res.normalise()
	if res.Rows[0].Norm[0] != 0.5 || res.Rows[1].Norm[0] != 0.5 {
		t.Errorf("equal values: %v %v", res.Rows[0].Norm, res.Rows[1].Norm)
	}
}

// TestScreenExamples screens the three built-in chains with the shipped
// criteria: every criterion computes, money is converted, and the scores
// are weighted means of values in [0, 1].
func TestScreenExamples(t *testing.T) {
	var cands []Candidate
	for _, name := range []string{"cotton-tajikistan", "tobacco-kyrgyzstan", "apricot-batken"} {
		data, err := examples.Chain(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := valuechain.Parse(data, name)
		if err != nil {
			t.Fatal(err)
		}
		cands = append(cands, Candidate{Key: name, Chain: c})
	}
	cr, err := LoadCriteria("../examples/screening-criteria.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(cr, cands, "criteria"); err != nil {
		t.Fatal(err)
	}
	res, err := Screen(cands, cr, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rows {
		if !(r.Score >= 0 && r.Score <= 1) {
			t.Errorf("%s: score %v", r.Key, r.Score)
		}
		for j, n := range r.Norm {
			if n < 0 || n > 1 {
				t.Errorf("%s: %s normalised to %v", r.Key, res.Criteria[j].ID, n)
			}
		}
	}
	// Money in different currencies needs exchange rates.
	cr.ExchangeRates = nil
	if err := Validate(cr, cands, "criteria"); err == nil {
		t.Error("value added in TJS and KGS compared without exchange rates")
	}
	// A negative exchange rate is said to be negative, not missing.
	cr.ExchangeRates = map[string]float64{"TJS": -1, "KGS": 0.13}
	err = Validate(cr, cands, "criteria")
	if err == nil || !strings.Contains(err.Error(), "exchange_rates: TJS: must be a number greater than 0 (the value of one TJS in a common currency), got -1") || strings.Contains(err.Error(), "give exchange_rates.TJS") {
		t.Errorf("negative exchange rate: %v", err)
	}
}

// TestReport: the screening report is one HTML page in the language,
// with every chain ranked and every criterion.
func TestReport(t *testing.T) {
	res := &Result{Criteria: []Criterion{{ID: "child_labour", Weight: 2, Direction: "higher"}, {ID: "buyer", Name: "Buyer", NameRU: "Покупатель", Weight: 1, Direction: "lower"}},
		Rows: []Row{{Key: "a", Name: "Cotton", Raw: []float64{14236.8, 3}}, {Key: "b", Name: "Tobacco", Raw: []float64{1767.4, 1}}}}
	res.normalise()
	var b strings.Builder
	if err := WriteReport(&b, ReportInput{Lang: "ru", Result: res, Swap: "swap line"}); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{`<html lang="ru">`, "Какие цепочки оценивать", "Cotton", "Tobacco", "дети в детском труде", "Покупатель", "14\u00a0237 (1,00)", "swap line", "менее приоритетной"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}
