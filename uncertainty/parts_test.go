package uncertainty

import (
	"fmt"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
)

// TestRunInParts: a run of 12 draws made as 5 + 7 (Options.First, Merge)
// is the run of 12, value for value.
func TestRunInParts(t *testing.T) {
	c, err := valuechain.Load("../examples/tobacco-kyrgyzstan.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := scenarios.Load("../examples/tobacco-kyrgyzstan-scenarios.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSetup(c, f, "chain", "scenarios")
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Run(s, Options{Draws: 12, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Run(s, Options{Draws: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Run(s, Options{Draws: 7, First: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	m := Merge(a, b)
	// NaN (a cost per child-year without a child-year avoided) equals NaN here.
	same := func(x, y [][][]float64) bool {
		return reflect.DeepEqual(fmt.Sprint(x), fmt.Sprint(y))
	}
	if !mat.Equal(m.Values, whole.Values) || !same(m.Y, whole.Y) || !same(m.Paths, whole.Paths) || len(m.Y) != 12 {
		t.Errorf("5 + 7 draws differ from 12: values %v, Y %v, paths %v", mat.Equal(m.Values, whole.Values), same(m.Y, whole.Y), same(m.Paths, whole.Paths))
	}
	if _, err := Run(s, Options{Draws: 5, First: 5, Seed: 7, Sampling: LHS}); err == nil {
		t.Error("a Latin hypercube in parts was accepted")
	}
}
