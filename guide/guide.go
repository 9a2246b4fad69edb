// Package guide holds the catalogue of intervention types of the ILO
// productive-inclusion and economic-empowerment approach to child labour in
// value chains (docs/model.md section 8), each with its names in English and Russian,
// what it is, the parameters it moves, a default effect with a low-high
// range, the evidence behind it and its typical costs; and the steps of a
// rapid market assessment. Scenario files name interventions by ID; reports
// quote the texts.
package guide

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
)

// Intervention is one type of intervention.
type Intervention struct {
	ID            string
	Name, NameRU  string
	Description   string // what it is, in plain English
	DescriptionRU string
	Moves         string // the model parameters it moves (docs/model.md)
	// Effects are the effect keys a scenario may give, with defaults.
	Effects     []Effect
	Evidence    []Evidence
	CostItems   []string
	CostItemsRU []string
}

// Effect is one effect size of an intervention: a default and a plausible
// low-high range, in the unit the scenario file uses.
type Effect struct {
	Key                string // key in a scenario's [effect] table
	Default, Low, High float64
	// Rule is true when the default is a rule rather than a value on the
	// range (hours_cap 0 means "each age band's own child-labour limit"):
	// such an effect is not drawn in a Monte Carlo run unless the scenario
	// file gives it a distribution, because a draw just above the default
	// would mean something else entirely (a cap of 0.5 hours a week).
	Rule bool
	Unit string // "relative change", "per household per year"...
	Doc  string
}

// Evidence is a study or programme result behind an effect.
type Evidence struct {
	Source    string // authors or programme, and where published
	Year      int
	Finding   string
	FindingRU string
}

// Lookup returns the intervention type with the given id.
func Lookup(id string) (*Intervention, bool) {
	for i := range Catalogue {
		if Catalogue[i].ID == id {
			return &Catalogue[i], true
		}
	}
	return nil, false
}

// IDs lists the ids of the catalogue, in catalogue order.
func IDs() []string {
	ids := make([]string, len(Catalogue))
	for i, iv := range Catalogue {
		ids[i] = iv.ID
	}
	return ids
}

// Effect returns the effect with the given key.
func (iv *Intervention) Effect(key string) (Effect, bool) {
	for _, e := range iv.Effects {
		if e.Key == key {
			return e, true
		}
	}
	return Effect{}, false
}

// EffectKeys lists the intervention's effect keys, sorted.
func (iv *Intervention) EffectKeys() []string {
	keys := make([]string, len(iv.Effects))
	for i, e := range iv.Effects {
		keys[i] = e.Key
	}
	sort.Strings(keys)
	return keys
}

// Title returns the intervention's name in language lang ("en" or "ru").
func (iv *Intervention) Title(l lang.Lang) string {
	if l == "ru" {
		return iv.NameRU
	}
	return iv.Name
}

// About returns the description in language lang.
func (iv *Intervention) About(l lang.Lang) string {
	if l == "ru" {
		return iv.DescriptionRU
	}
	return iv.Description
}

// EvidenceText returns each piece of evidence as "source (year): finding"
// in language lang.
func (iv *Intervention) EvidenceText(l lang.Lang) []string {
	out := make([]string, len(iv.Evidence))
	for i, ev := range iv.Evidence {
		f := ev.Finding
		if l == "ru" {
			f = ev.FindingRU
		}
		out[i] = fmt.Sprintf("%s (%d): %s", ev.Source, ev.Year, f)
	}
	return out
}

// Costs returns the typical cost items in language lang.
func (iv *Intervention) Costs(l lang.Lang) []string {
	if l == "ru" {
		return iv.CostItemsRU
	}
	return iv.CostItems
}

// Text returns the whole entry as plain text, in English or Russian ("ru").
func (iv *Intervention) Text(l lang.Lang) string {
	var b strings.Builder
	name, desc := iv.Name, iv.Description
	if l == "ru" {
		name, desc = iv.NameRU, iv.DescriptionRU
	}
	h := headings[0]
	if l == "ru" {
		h = headings[1]
	}
	fmt.Fprintf(&b, "%s (%s)\n\n%s\n\n%s: %s\n\n%s:\n", name, iv.ID, desc, h.moves, in(l, iv.Moves), h.effects)
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	if l == "ru" {
		num = func(x float64) string { return strings.Replace(strconv.FormatFloat(x, 'g', -1, 64), ".", ",", 1) }
	}
	for _, e := range iv.Effects {
		rng := fmt.Sprintf(h.to, num(e.Low), num(e.High))
		if u, ok := counted[e.Unit]; ok {
			// The unit is a counted noun: it follows the default and agrees
			// with it ("4 месяца", "0,25 черты бедности в год").
			if u.note != "" {
				rng += "; " + in(l, u.note)
			}
			fmt.Fprintf(&b, "  %-20s %s %s (%s): %s\n", e.Key, num(e.Default), l.Noun(num(e.Default), u.noun), rng, in(l, e.Doc))
			continue
		}
		fmt.Fprintf(&b, "  %-20s %s (%s) %s: %s\n", e.Key, num(e.Default), rng, in(l, e.Unit), in(l, e.Doc))
	}
	b.WriteString("\n" + h.evidence + ":\n")
	for _, ev := range iv.EvidenceText(l) {
		fmt.Fprintf(&b, "  - %s\n", ev)
	}
	fmt.Fprintf(&b, "\n%s: %s\n", h.costs, strings.Join(iv.Costs(l), "; "))
	return b.String()
}

// counted are the units that count something (lines, days, months,
// hours, utility units): Text writes them as nouns that agree with the
// number before them, with the rest of the unit as a note in the range's
// parentheses.
var counted = map[string]struct{ noun, note string }{
	PovertyLines: {"u.povertylines", "used when no amount is given"},
	DaysPerAdult: {"u.daysperadult", ""},
	UtilityUnits: {"u.utility", "as school_value"},
	"months":     {"u.months", ""},
	"hours a week (0: the child-labour limit of each age band)": {"u.hoursweek", "0: the child-labour limit of each age band"},
}

// headings are the headings of Text in English and in Russian.
var headings = [2]struct{ moves, effects, to, evidence, costs string }{
	{"Moves", "Effects (default, low-high)", "%s to %s", "Evidence", "Typical costs"},
	{"Что меняет в модели", "Эффекты (по умолчанию, от и до)", "от %s до %s", "Данные исследований", "Типичные затраты"},
}
