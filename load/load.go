// Package load reads the inputs of an assessment, for the command line
// and the workshop page alike: a chain from a built-in example, a TOML
// file, an Excel workbook or a VCA4D study (JSON); a scenario file from
// TOML or a workbook; a household survey from CSV or a workbook's Survey
// sheet. Every reader validates what it reads, and its errors name the
// file and the line, the workbook cell or the JSON path.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/scenarios"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
	"github.com/ilo-rma/vcsim/workbook"
)

// Kind is the format of an input, from its name.
type Kind int

// The formats an input may have.
const (
	TOML     Kind = iota // a chain or scenario file
	Workbook             // .xlsx: the sheets of vcsim's workbook
	Study                // .json: a VCA4D study (chains only)
	CSV                  // .csv: a survey
)

// KindOf returns the format of the file name.
func KindOf(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		return Workbook
	case ".json":
		return Study
	case ".csv":
		return CSV
	}
	return TOML
}

// IsWorkbook reports whether name names an Excel workbook.
func IsWorkbook(name string) bool { return KindOf(name) == Workbook }

// Chain reads and validates a chain from data, the content of the file
// name (its extension gives the format).
func Chain(data []byte, name string) (*valuechain.Chain, error) {
	switch KindOf(name) {
	case Workbook:
		text, cells, err := workbook.Read(data, name, workbook.ChainBook)
		if err != nil {
			return nil, err
		}
		c, err := valuechain.Parse(text, name)
		if c == nil {
			return nil, workbook.Translate(err, text, cells)
		}
		c.SetCells(cells)
		return c, workbook.Translate(errors.Join(err, valuechain.Validate(c, name)), text, cells)
	case Study:
		s, err := vca4d.Parse(data, name)
		if err != nil {
			return nil, studyErr(err)
		}
		im, err := vca4d.Import(s)
		if err != nil {
			return nil, studyErr(err)
		}
		return im.Chain, valuechain.Validate(im.Chain, name)
	}
	c, err := valuechain.Parse(data, name)
	if c == nil {
		return nil, err
	}
	// Unknown keys (err) and validation problems are reported together.
	return c, errors.Join(err, valuechain.Validate(c, name))
}

// studyErr makes a study's problems input errors (the file, the JSON
// path, what is wrong; the same text), as the other readers' are: the
// command line exits with status 2 on them and the page answers 400, not
// as on a failure of vcsim.
func studyErr(err error) error {
	var pes vca4d.Errors
	var pe *vca4d.PathError
	switch {
	case errors.As(err, &pes):
		out := make(valuechain.InputErrors, len(pes))
		for i, e := range pes {
			out[i] = &valuechain.InputError{File: e.File, Where: e.Path, Msg: e.Msg}
		}
		return out
	case errors.As(err, &pe):
		return &valuechain.InputError{File: pe.File, Where: pe.Path, Msg: pe.Msg}
	}
	return err
}

// ChainFile reads and validates the chain file at path.
func ChainFile(path string) (*valuechain.Chain, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	return Chain(data, path)
}

// Example reads the built-in example chain name.
func Example(name string) (*valuechain.Chain, error) {
	data, err := examples.Chain(name)
	if err != nil {
		return nil, err
	}
	return Chain(data, "example "+name)
}

// Scenarios reads a scenario file from data, the content of the file name
// (TOML, or a workbook's scenario sheets), and validates it against c.
func Scenarios(data []byte, name string, c *valuechain.Chain) (*scenarios.File, error) {
	if KindOf(name) == Workbook {
		text, cells, err := workbook.Read(data, name, workbook.ScenarioBook)
		if err != nil {
			return nil, err
		}
		f, err := scenarios.Parse(text, name)
		if err == nil {
			err = scenarios.Validate(f, c, name)
		}
		if err != nil {
			return nil, workbook.Translate(err, text, cells)
		}
		return f, nil
	}
	f, err := scenarios.Parse(data, name)
	if err != nil {
		return nil, err
	}
	if err := scenarios.Validate(f, c, name); err != nil {
		return nil, err
	}
	return f, nil
}

// ScenariosFile reads the scenario file at path for chain c.
func ScenariosFile(path string, c *valuechain.Chain) (*scenarios.File, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	return Scenarios(data, path, c)
}

// ExampleScenarios reads the scenarios of the built-in example name for
// chain c.
func ExampleScenarios(name string, c *valuechain.Chain) (*scenarios.File, error) {
	data, err := examples.Scenarios(name)
	if err != nil {
		return nil, err
	}
	return Scenarios(data, "scenarios of example "+name, c)
}

// Survey reads a household survey of chain c from data, the content of
// the file name: CSV, or a workbook's Survey sheet (errors then name its
// cells).
func Survey(data []byte, name string, c *valuechain.Chain) (*valuechain.Survey, error) {
	if KindOf(name) != Workbook {
		return valuechain.ParseSurvey(data, name, c)
	}
	csv, err := workbook.SurveyCSV(data, name)
	if err != nil {
		return nil, err
	}
	sv, err := valuechain.ParseSurvey(csv, name, c)
	var ies valuechain.InputErrors
	if errors.As(err, &ies) {
		for _, e := range ies {
			if e.Line > 0 {
				// CSV line 1 is the sheet's row 2 (the keys).
				e.Cell = workbook.SurveyCell(e.Column, e.Line+1)
				e.Line = 0
			}
		}
	}
	return sv, err
}

// SurveyFile reads the survey file at path for chain c.
func SurveyFile(path string, c *valuechain.Chain) (*valuechain.Survey, error) {
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return nil, err
	}
	return Survey(data, path, c)
}

// Texts are the inputs of a file as the page edits them: the chain and,
// when the file has them, the scenarios as TOML text.
type Texts struct {
	Chain     string `json:"chain"`
	Scenarios string `json:"scenarios,omitempty"`
}

// AsTOML reads a chain file of any format (and a workbook's scenarios),
// checks it as Chain and Scenarios do, and returns it as TOML text: what
// the page does with a workbook or a study dropped on it.
func AsTOML(data []byte, name string) (*Texts, error) {
	c, err := Chain(data, name)
	if err != nil {
		return nil, err
	}
	switch KindOf(name) {
	case Workbook:
		text, _, err := workbook.Read(data, name, workbook.ChainBook)
		if err != nil {
			return nil, err
		}
		t := &Texts{Chain: string(text)}
		if workbook.HasSheet(data, "Scenarios") {
			if _, err := Scenarios(data, name, c); err != nil {
				return nil, err
			}
			text, _, err := workbook.Read(data, name, workbook.ScenarioBook)
			if err != nil {
				return nil, err
			}
			t.Scenarios = string(text)
		}
		return t, nil
	case Study:
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "# Imported by vcsim from the VCA4D study %s\n\n", filepath.Base(name))
		if err := toml.NewEncoder(&buf).Encode(c); err != nil {
			return nil, err
		}
		return &Texts{Chain: buf.String()}, nil
	}
	return &Texts{Chain: string(data)}, nil
}
