package report

import (
	"bytes"
	"context"
	"html"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
	"github.com/ilo-rma/vcsim/valuechain"
)

// exampleAssessments are the examples assessed with the sensitivity
// ranking, once for every test of this file.
var exampleAssessments = sync.OnceValues(func() (map[string]*assess.Assessment, error) {
	out := map[string]*assess.Assessment{}
	for _, name := range examples.Names() {
		c, err := load.Example(name)
		if err != nil {
			return nil, err
		}
		f, err := load.ExampleScenarios(name, c)
		if err != nil {
			return nil, err
		}
		a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Seed: 1, ChainName: name}, assess.Options{Sensitivity: true}, nil)
		if err != nil {
			return nil, err
		}
		out[name] = a
	}
	return out, nil
})

// exampleDoc is the report of example name in language l.
func exampleDoc(t *testing.T, name string, l lang.Lang) *doc {
	t.Helper()
	as, err := exampleAssessments()
	if err != nil {
		t.Fatal(err)
	}
	text, err := examples.Chain(name)
	if err != nil {
		t.Fatal(err)
	}
	in := From(as[name], l, nil, "")
	in.ChainText = text
	return &doc{in: in, l: l}
}

var (
	rawIndex = regexp.MustCompile(`\[\d+\]\.`)
	// a dotted key with snake_case on either side of a dot
	rawDotted = regexp.MustCompile(`\b[a-z0-9]+(_[a-z0-9]+)+\.[a-z]|\b[a-z]+\.[a-z0-9]+_[a-z0-9_]+`)
	tags      = regexp.MustCompile(`(?s)<[^>]*>`)
)

// TestNoRawKeys (issue 19 point 8): the assumptions and the appendix of
// every example's report, in both languages, name no parameter by its raw
// key (no "[1].", no "household.boys_12_14"), label every key from the
// catalogue (none written as words from its key), and leave out no key of
// the chain file.
func TestNoRawKeys(t *testing.T) {
	for _, name := range examples.Names() {
		for _, l := range []lang.Lang{lang.EN, lang.RU} {
			d := exampleDoc(t, name, l)
			var buf bytes.Buffer
			if err := page.Execute(&buf, d); err != nil {
				t.Fatal(err)
			}
			s := buf.String()
			i, j := strings.Index(s, `<section id="assumptions">`), strings.Index(s, `<section id="method">`)
			k := strings.Index(s, `<section id="appendix">`)
			if i < 0 || j < 0 || k < 0 {
				t.Fatalf("%s %s: no assumptions or appendix section", name, l)
			}
			// The notes are the user's own words: what is checked is ours.
			visible := html.UnescapeString(tags.ReplaceAllString(s[i:j]+s[k:], "\n"))
			for _, g := range d.assumptions() {
				for _, a := range g.Rows {
					if a.Comment != "" {
						visible = strings.ReplaceAll(visible, a.Comment, "")
					}
				}
			}
			for _, re := range []*regexp.Regexp{rawIndex, rawDotted} {
				if m := re.FindString(visible); m != "" {
					t.Errorf("%s %s: raw key %q in the assumptions", name, l, m)
				}
			}
			rows := 0
			for _, g := range d.assumptions() {
				for _, a := range g.Rows {
					rows++
					parts := strings.Split(a.Key, ".")
					leaf := parts[len(parts)-1]
					if len(parts) > 1 && parts[len(parts)-2] == "costs" {
						continue // an item the user named
					}
					if !lang.KnownField(leaf) {
						t.Errorf("%s %s: no label for %q (%s)", name, l, leaf, a.Key)
					}
					if strings.Contains(a.Label, "currency") || strings.Contains(a.Label, "валюта") {
						t.Errorf("%s %s: %q does not name the currency", name, l, a.Label)
					}
				}
			}
			// Every row is in the main tables or the appendix.
			shown := len(d.KeyAssumptions())
			for _, g := range d.Appendix() {
				shown += len(g.Rows)
			}
			for _, g := range d.assumptions() {
				for _, a := range g.Rows {
					if preference(a.Key) {
						shown++
					}
				}
			}
			if shown != rows {
				t.Errorf("%s %s: %d parameters, %d shown", name, l, rows, shown)
			}
		}
	}
}

// TestAssumptionRows checks rows by hand against the example chain files.
func TestAssumptionRows(t *testing.T) {
	find := func(rows []Assumption, where, label string) (Assumption, bool) {
		for _, a := range rows {
			if a.Where == where && a.Label == label {
				return a, true
			}
		}
		return Assumption{}, false
	}
	appendix := func(d *doc) []Assumption {
		var out []Assumption
		for _, g := range d.Appendix() {
			out = append(out, g.Rows...)
		}
		return out
	}
	cases := []struct {
		name     string
		l        lang.Lang
		appendix bool
		where    string
		label    string
		value    string
		comment  string
	}{
		// cotton-tajikistan.toml: [[link]] from = "ginnery", to = "exporter",
		// transport_cost = 0.55  # rail to the border, paid by the exporter (assumption)
		{"cotton-tajikistan", lang.EN, false, "whole chain", "Link “Ginneries → Lint exporters”: Transport cost (TJS / kg lint)", "0.55", "rail to the border, paid by the exporter (assumption)"},
		{"cotton-tajikistan", lang.RU, false, "вся цепочка", "Связь «Хлопкоочистительные заводы → Экспортёры хлопка-волокна»: Транспорт (TJS / кг хлопка-волокна)", "0,55", "rail to the border, paid by the exporter (assumption)"},
		// the ginnery's second product: id = "seed", conversion = 0.6, no note
		{"cotton-tajikistan", lang.EN, true, "Ginneries", "Product “seed”: Units made per unit bought", "0.6", ""},
		{"cotton-tajikistan", lang.RU, true, "Хлопкоочистительные заводы", "Продукт «seed»: Единиц продукта на единицу сырья", "0,6", ""},
		// the ginnery's first product: conversion = 0.34  # lint turnout (ICAC)
		{"cotton-tajikistan", lang.EN, false, "Ginneries", "Product “lint”: Units made per unit bought", "0.34", "lint turnout (ICAC)"},
		// the dekhan farms' fourth task, "topping": days_per_unit = 0.0031, no note
		{"cotton-tajikistan", lang.EN, true, "Dekhan farm households", "Task “topping”: Days of work per unit of product", "0.0031", ""},
		{"cotton-tajikistan", lang.EN, true, "Dekhan farm households", "Boys 12-14 per household", "0.31", ""},
		{"cotton-tajikistan", lang.RU, true, "Домохозяйства дехканских хозяйств", "Мальчиков 12-14 в домохозяйстве", "0,31", ""},
	}
	for _, c := range cases {
		d := exampleDoc(t, c.name, c.l)
		rows := d.KeyAssumptions()
		if c.appendix {
			rows = appendix(d)
		}
		a, ok := find(rows, c.where, c.label)
		if !ok {
			t.Errorf("%s %s: no row %q of %q (appendix %v)", c.name, c.l, c.label, c.where, c.appendix)
			continue
		}
		if a.Value != c.value || a.Comment != c.comment {
			t.Errorf("%s %s %q: value %q note %q, want %q %q", c.name, c.l, c.label, a.Value, a.Comment, c.value, c.comment)
		}
	}
}

// TestPreferences: apricot-batken.toml gives observed_prevalence = 0.278
// and observed_enrolment = [0.865, 0.865, 0.80] and beta = [3, 2, 1.5]:
// alpha and delta are fitted, beta given; the cells say so with the
// fit's own numbers.
func TestPreferences(t *testing.T) {
	d := exampleDoc(t, "apricot-batken", lang.EN)
	rows := d.Preferences()
	if len(rows) != 3 {
		t.Fatalf("%d rows, want alpha, beta and delta: %v", len(rows), rows)
	}
	f := d.in.Fits[0]
	want := [][]string{
		{"Apricot-growing households", "Alpha: weight of consumption", d.l.Number(f.Alpha, 4), "fitted to the observed child-labour prevalence 27.8% (the model gives " + d.P(f.Fitted) + ")"},
		{"Apricot-growing households", "Beta: weight of children's time out of work, by age 5-11; 12-14; 15-17", "3; 2; 1.5", "given in the chain file"},
	}
	for i, w := range want {
		if strings.Join(rows[i].Cells, "|") != strings.Join(w, "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, rows[i].Cells, w)
		}
	}
	if c := rows[2].Cells; c[1] != "Delta: value of schooling, by age 5-11; 12-14; 15-17" || !strings.HasPrefix(c[3], "fitted to the observed enrolment 86.5%; 86.5%; 80.0% (the model gives ") {
		t.Errorf("delta row %q", c)
	}
	// A chain without fits or preferences: vcsim's defaults, said so.
	text := []byte("name = \"x\"\ncurrency = \"KGS\"\n[[actor]]\nid = \"farm\"\nname = \"Farms\"\nkind = \"household\"\nstage = \"production\"\ncount = 10\nunit = \"kg\"\nprice = 1\noutput_per_unit = 100\n[actor.household]\nadults = 2\n")
	c, err := valuechain.Parse(text, "x")
	if err != nil {
		t.Fatal(err)
	}
	d = &doc{in: Input{Lang: lang.RU, Chain: c, ChainText: text}, l: lang.RU}
	got := d.Preferences()
	if len(got) != 2 || got[0].Cells[2] != "1" || got[0].Cells[3] != "значение по умолчанию vcsim, без калибровки" ||
		got[1].Cells[2] != "0,1; 0,2; 0,3" || got[1].Cells[3] != "значение по умолчанию vcsim, без калибровки" {
		t.Errorf("defaults: %v", got)
	}
}

// TestSensitiveRows: the ranking is the assessment's (the report computes
// nothing), largest swing first, each swing the distance between the
// children at the two ends, and at most maxSensitive rows.
func TestSensitiveRows(t *testing.T) {
	d := exampleDoc(t, "cotton-tajikistan", lang.EN)
	rows := d.SensitiveRows()
	if len(rows) == 0 || len(rows) > maxSensitive {
		t.Fatalf("%d rows", len(rows))
	}
	sw := append(d.in.Sensitivity[:0:0], d.in.Sensitivity...)
	sort.SliceStable(sw, func(i, j int) bool { return sw[i].Swing > sw[j].Swing })
	for i, r := range rows {
		s := sw[i]
		if r.Cells[5] != d.N(s.Swing) || r.Cells[3] != d.N(s.AtLow) || r.Cells[4] != d.N(s.AtHigh) {
			t.Errorf("row %d %q is not swing %+v", i, r.Cells, s)
		}
		if strings.Contains(r.Cells[1], "_") {
			t.Errorf("row %d: raw label %q", i, r.Cells[1])
		}
	}
	// Without the ranking, or with nothing uncertain, the report says why.
	d.in.SensitivityRun, d.in.Sensitivity = false, nil
	if d.SensitivityNote() != d.T("r.sensitive.off") {
		t.Error(d.SensitivityNote())
	}
	d.in.SensitivityRun = true
	if d.SensitivityNote() != d.T("r.sensitive.none") {
		t.Error(d.SensitivityNote())
	}
}

// TestAssumptionWords: a value vcsim defines (kind, stage, final market)
// is shown in the report's words, the cost items of domestic_costs as the
// report writes cost items, and a label leaves out the choices a writer
// of the file is told ("(true или false)").
func TestAssumptionWords(t *testing.T) {
	for _, tc := range []struct {
		l        lang.Lang
		key      string
		in       any
		want     string
		label    string
		wantLabl string
	}{
		{lang.RU, "kind", "enterprise", "предприятие", "Опасная (true или false)", "Опасная"},
		{lang.RU, "stage", "processing", "переработка", "Конечный рынок (domestic или export)", "Конечный рынок"},
		{lang.RU, "final_market", "domestic", "внутренний рынок", "Цена (валюта за единицу)", "Цена (KGS за единицу)"},
		{lang.EN, "final_market", "export", "export", "Hazardous (true or false)", "Hazardous"},
		{lang.EN, "domestic_costs", []any{"fuel_and_water", "grading"}, "fuel and water; grading", "Tradable (true or false)", "Tradable"},
		{lang.EN, "stage", "bazaar", "bazaar", "Final market (domestic or export)", "Final market"}, // not a stage vcsim names: as written
	} {
		d := &doc{in: Input{Lang: tc.l, Chain: &valuechain.Chain{Currency: "KGS"}}, l: tc.l}
		if got := d.valueOf(tc.key, tc.in); got != tc.want {
			t.Errorf("%s %s %v: %q, want %q", tc.l, tc.key, tc.in, got, tc.want)
		}
		if got := d.leaf("x", tc.label, "x", 1.0).Label; got != tc.wantLabl {
			t.Errorf("%s label %q: %q, want %q", tc.l, tc.label, got, tc.wantLabl)
		}
	}
}

// TestAssumptionUnits: a label "per unit" names the unit of the product it
// is about: an actor's price its product's, a product's its own, a border
// price its actor's product's, a link's transport cost the seller's
// product's (the cotton example's units, in both languages).
func TestAssumptionUnits(t *testing.T) {
	for _, tc := range []struct {
		l    lang.Lang
		want []string
	}{
		{lang.EN, []string{"Price (TJS / kg raw cotton)", "Product “seed”: Price (TJS / kg cotton seed)",
			"Economic analysis: Border price “Ginneries, lint”: Price (TJS / kg lint)",
			"Link “Ginneries → Lint exporters”: Transport cost (TJS / kg lint)"}},
		{lang.RU, []string{"Цена (TJS / кг хлопка-сырца)", "Продукт «seed»: Цена (TJS / кг хлопковых семян)",
			"Экономический анализ: Мировая цена «Хлопкоочистительные заводы, lint»: Цена (TJS / кг хлопка-волокна)",
			"Связь «Хлопкоочистительные заводы → Экспортёры хлопка-волокна»: Транспорт (TJS / кг хлопка-волокна)"}},
	} {
		labels := map[string]bool{}
		for _, g := range exampleDoc(t, "cotton-tajikistan", tc.l).assumptions() {
			for _, a := range g.Rows {
				labels[a.Label] = true
				if strings.Contains(a.Label, "per unit)") || strings.Contains(a.Label, "за единицу)") || strings.Contains(a.Label, "per unit shipped)") {
					t.Errorf("%s: %q names no unit", tc.l, a.Label)
				}
			}
		}
		for _, w := range tc.want {
			if !labels[w] {
				t.Errorf("%s: no label %q", tc.l, w)
			}
		}
	}
}
