package assess

import (
	"context"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestFitRemembered: two assessments of the same chain text (parsed
// twice, as the page's requests do) fit its observations once: one entry
// in the memo, the same fits and baseline; another text (another beta) is
// another entry; a surveyed population is not remembered.
func TestFitRemembered(t *testing.T) {
	text, err := examples.Chain("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	entries := func() int { fitMemo.Lock(); defer fitMemo.Unlock(); return len(fitMemo.m) }
	run := func(text []byte, survey bool) *Assessment {
		t.Helper()
		c, err := valuechain.Parse(text, "tobacco.toml")
		if err != nil {
			t.Fatal(err)
		}
		in := Inputs{Chain: c, Seed: 7}
		if survey {
			s, _ := examples.Survey("tobacco-kyrgyzstan")
			if in.Survey, err = valuechain.ParseSurvey(s, "survey.csv", c); err != nil {
				t.Fatal(err)
			}
		}
		a, err := Run(context.Background(), in, Options{TotalsOnly: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	n := entries()
	a := run(text, false)
	b := run(text, false)
	if got := entries(); got != n+1 {
		t.Errorf("%d new entries for one text, want 1", got-n)
	}
	if len(a.Fits) != 1 || a.Fits[0].Alpha != b.Fits[0].Alpha || a.Fits[0].Delta != b.Fits[0].Delta ||
		a.Headline().ChildLabour != b.Headline().ChildLabour {
		t.Errorf("the second assessment differs: %+v, %+v", a.Fits, b.Fits)
	}
	other := []byte(string(text) + "\n") // the same chain: the key is the chain, not its bytes
	run(other, false)
	if got := entries(); got != n+1 {
		t.Errorf("a text that reads as the same chain made %d entries, want 1", got-n)
	}
	run([]byte(strings.Replace(string(text), "beta = [4.0, 3.0, 2.0]", "beta = [4.0, 3.0, 2.5]", 1)), false)
	if got := entries(); got != n+2 {
		t.Errorf("another beta: %d entries, want 2", got-n)
	}
	run(text, true)
	if got := entries(); got != n+2 {
		t.Errorf("a surveyed population was remembered: %d entries, want 2", got-n)
	}
}
