// Package examples holds the example value chains built into vcsim.
package examples

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

//go:embed *.toml *.csv
var files embed.FS

// Default is the example run when no chain file is given.
const Default = "cotton-tajikistan"

// Names lists the built-in examples, sorted.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !strings.HasSuffix(n, ScenarioSuffix) && n != screeningCriteria {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Chain returns the TOML text of the named example chain.
func Chain(name string) ([]byte, error) {
	data, err := files.ReadFile(name + ".toml")
	if err != nil {
		return nil, UnknownError{Name: name}
	}
	return data, nil
}

// UnknownError is the error of a name that is no built-in example; it
// lists the examples, in English (Error) or in a language (In).
type UnknownError struct {
	Name string // the name asked for
}

func (e UnknownError) Error() string { return e.In(lang.EN) }

// In says the error in language l.
func (e UnknownError) In(l lang.Lang) string {
	return l.T("ex.unknown", e.Name, strings.Join(Names(), ", "))
}

// Load parses the named example chain.
func Load(name string) (*valuechain.Chain, error) {
	data, err := Chain(name)
	if err != nil {
		return nil, err
	}
	return valuechain.Parse(data, FileName(name))
}

// screeningCriteria is the criteria file for screening the examples.
const screeningCriteria = "screening-criteria"

// ScreeningCriteria returns the TOML text of the criteria for screening
// the built-in examples (vcsim screen).
func ScreeningCriteria() []byte {
	data, _ := files.ReadFile(screeningCriteria + ".toml")
	return data
}

// ScenarioSuffix ends the name of an example's scenario file.
const ScenarioSuffix = "-scenarios"

// Scenarios returns the TOML text of the named example's scenario file.
func Scenarios(name string) ([]byte, error) {
	data, err := files.ReadFile(name + ScenarioSuffix + ".toml")
	if err != nil {
		return nil, fmt.Errorf("no built-in scenarios for %q (the examples are: %s)", name, strings.Join(Names(), ", "))
	}
	return data, nil
}

// FileName returns the file name an example is written to by vcsim init.
func FileName(name string) string { return path.Base(name) + ".toml" }

// SurveySuffix ends the name of an example's household survey CSV.
const SurveySuffix = "-survey"

// Survey returns the example household survey CSV of the named example,
// if it has one.
func Survey(name string) ([]byte, error) {
	data, err := files.ReadFile(name + SurveySuffix + ".csv")
	if err != nil {
		return nil, fmt.Errorf("the example %q has no survey", name)
	}
	return data, nil
}
