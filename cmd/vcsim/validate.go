package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/plausible"
	"github.com/ilo-rma/vcsim/screening"
	"github.com/ilo-rma/vcsim/valuechain"
	"github.com/ilo-rma/vcsim/valuechain/vca4d"
	"github.com/ilo-rma/vcsim/workbook"
)

// Kinds of input file validate recognises.
const (
	kindChain     = "chain"
	kindScenarios = "scenarios"
	kindSurvey    = "survey"
	kindCriteria  = "criteria"
	kindStudy     = "study"
	kindWorkbook  = "workbook"
)

// fileKind says what an input file holds, by its content, whatever its
// name: JSON (text starting with "{") is a VCA4D study; a TOML file with
// [[scenario]] or [appraisal] is a scenario file, one with [[criterion]]
// or [exchange_rates] a criteria file, one with [[actor]] or any other a
// chain; text that is not TOML and whose first line (not a comment) is a
// header of cells separated by commas, semicolons or tabs is a survey. An
// xlsx workbook is known by its name (its reader needs it). What none of
// these recognise goes by its extension (.csv, .tsv, .txt: a survey;
// .json: a study), else it is a chain, so that a reader says what is
// wrong.
func fileKind(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".xlsx" {
		return kindWorkbook
	}
	byExt := map[string]string{".csv": kindSurvey, ".tsv": kindSurvey, ".txt": kindSurvey, ".json": kindStudy}[ext]
	if byExt == "" {
		byExt = kindChain
	}
	data, err := valuechain.ReadInput(path)
	if err != nil {
		return byExt
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if bytes.HasPrefix(text, []byte("{")) {
		return kindStudy
	}
	var top map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&top); err != nil {
		if csvHeader(text) {
			return kindSurvey
		}
		return byExt
	}
	switch {
	case top["actor"] != nil:
		return kindChain
	case top["scenario"] != nil || top["appraisal"] != nil:
		return kindScenarios
	case top["criterion"] != nil || top["exchange_rates"] != nil:
		return kindCriteria
	}
	return kindChain
}

// csvHeader reports whether the first line of text that is not blank or
// a comment looks like a survey's header: cells separated by commas,
// semicolons or tabs, and no "=" or "[" of TOML.
func csvHeader(text []byte) bool {
	for _, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.ContainsAny(line, ",;\t") && !strings.ContainsAny(line, "=[")
	}
	return false
}

// errNeedsChain says that a file is checked against a chain that the
// command line does not give.
type errNeedsChain struct{ file, kind string }

func (e errNeedsChain) Error() string { return e.In("en") }

func (e errNeedsChain) In(l lang.Lang) string {
	if l == "ru" {
		what := map[string]string{kindScenarios: "файл сценариев", kindSurvey: "обследование"}[e.kind]
		return e.file + ": " + what + " проверяется по своей цепочке: укажите и файл цепочки (vcsim validate chain.toml " + filepath.Base(e.file) + ")"
	}
	what := map[string]string{kindScenarios: "a scenario file", kindSurvey: "a survey"}[e.kind]
	return e.file + ": " + what + " is checked against its chain: give the chain file too (vcsim validate chain.toml " + filepath.Base(e.file) + ")"
}

// validateFiles checks each file with the rules of its kind; scenario
// files and surveys against the first valid chain among the files (a
// chain file or a workbook's chain). It returns each file's error (nil
// when valid) and each valid chain (nil for other files), in the order
// given.
func validateFiles(paths []string) ([]error, []*valuechain.Chain) {
	kinds := make([]string, len(paths))
	errs := make([]error, len(paths))
	chains := make([]*valuechain.Chain, len(paths))
	var chain *valuechain.Chain
	// Chains first, so that the other files can be checked against one.
	for i, p := range paths {
		kinds[i] = fileKind(p)
		if kinds[i] != kindChain && kinds[i] != kindWorkbook {
			continue
		}
		c, err := loadChain(p, "")
		errs[i] = err
		if err == nil {
			chains[i] = c
		}
		if err == nil && chain == nil {
			chain = c
		}
	}
	for i, p := range paths {
		switch kinds[i] {
		case kindWorkbook:
			if errs[i] != nil || chains[i] == nil {
				continue
			}
			chain := chains[i] // a workbook's scenarios and survey go with its own chain
			data, err := valuechain.ReadInput(p)
			if err != nil {
				errs[i] = err
				continue
			}
			var all []error
			if workbook.HasSheet(data, "Scenarios") {
				if _, err := loadScenarios(p, "", chain); err != nil {
					all = append(all, err)
				}
			}
			if workbook.HasSheet(data, "Survey") {
				if _, err := load.SurveyFile(p, chain); err != nil {
					all = append(all, err)
				}
			}
			errs[i] = errors.Join(all...)
		case kindScenarios, kindSurvey:
			chain := chainOf(p, paths, chains, chain)
			if chain == nil {
				errs[i] = errNeedsChain{p, kinds[i]}
				continue
			}
			if kinds[i] == kindScenarios {
				_, errs[i] = loadScenarios(p, "", chain)
			} else if !emptySurvey(p) {
				_, errs[i] = load.SurveyFile(p, chain)
			}
		case kindCriteria:
			cr, err := screening.LoadCriteria(p)
			if err == nil {
				err = screening.Validate(cr, nil, p)
			}
			errs[i] = err
		case kindStudy:
			s, err := vca4d.Load(p)
			if err == nil {
				_, err = vca4d.Import(s)
			}
			errs[i] = err
		}
	}
	return errs, chains
}

// chainOf is the chain a scenario file or survey p is checked against:
// the valid chain among paths whose name it carries (cotton.toml for
// cotton-scenarios.toml and cotton-survey.csv, the files vcsim init
// writes side by side), else first, the first valid chain given.
func chainOf(p string, paths []string, chains []*valuechain.Chain, first *valuechain.Chain) *valuechain.Chain {
	stem := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
	for _, suffix := range []string{"-scenarios", "-survey"} {
		stem = strings.TrimSuffix(stem, suffix)
	}
	for i, q := range paths {
		if chains[i] != nil && strings.TrimSuffix(filepath.Base(q), filepath.Ext(q)) == stem {
			return chains[i]
		}
	}
	return first
}

// emptySurvey reports whether the survey file p is a template with its
// header and no households yet (vcsim init writes one beside each
// example): validate accepts it, as there is nothing in it to be wrong;
// run --survey still refuses it, as it has no households to use.
func emptySurvey(p string) bool {
	data, err := valuechain.ReadInput(p)
	if err != nil {
		return false
	}
	lines := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")) != "" && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			lines++
		}
	}
	return lines == 1
}

// chainName is the name of run's chain: its file, or the example's.
func chainName(ctx *cli.Context) string {
	if name := ctx.String("chain"); name != "" {
		return name
	}
	return "example " + ctx.String("example")
}

// warnChains checks the baseline of each valid chain of validate for
// plausibility (plausibility prints the warnings; with --strict they are
// the file's error). It reports which files have warnings.
func warnChains(ctx *cli.Context, paths []string, errs []error, chains []*valuechain.Chain) []bool {
	warned := make([]bool, len(paths))
	for i, c := range chains {
		if c == nil || errs[i] != nil {
			continue
		}
		a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Seed: ctx.Uint64("seed")}, assess.Options{TotalsOnly: true}, nil)
		if err == nil {
			warned[i] = len(a.Warnings) > 0
			err = plausibility(ctx, paths[i], a.Warnings)
		}
		errs[i] = err
	}
	return warned
}

// strictFlag makes run refuse a chain with plausibility warnings.
var strictFlag = &cli.BoolFlag{Name: "strict", Usage: "treat plausibility warnings (a number typed in the wrong unit?) as errors: exit status 2 (docs/plausibility.md)"}

// plausibility prints the plausibility warnings of an assessment
// (assess.Assessment.Warnings) of the chain file name on standard error,
// or returns them as an error with --strict. A workbook's warnings name
// the chain's key, not a line.
func plausibility(ctx *cli.Context, name string, ws []plausible.Warning) error {
	ws = slices.Clone(ws)
	if len(ws) == 0 {
		return nil
	}
	if isXLSX(name) {
		for i := range ws {
			ws[i].Line = 0 // the line of the TOML text vcsim made of the workbook
		}
	}
	if ctx.Bool("strict") {
		return badInput(&plausible.Error{File: name, Warnings: ws})
	}
	word := "warning"
	if ctx.String("lang") == "ru" {
		word = "предупреждение"
	}
	for _, w := range ws {
		fmt.Fprintf(ctx.App.ErrWriter, "vcsim: %s: %s%s\n", word, plausible.Where(name, w), w.In(lang.Lang(ctx.String("lang"))))
	}
	return nil
}
