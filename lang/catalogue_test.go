package lang

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestCataloguesComplete: every shipped catalogue has exactly English's
// messages, key labels and nouns, none empty (a key missing from one
// would be said in English there; an extra one is never asked for).
func TestCataloguesComplete(t *testing.T) {
	if got := Languages(); !slices.Equal(got, []Lang{EN, RU}) {
		t.Fatalf("languages %v, want [en ru]", got)
	}
	for _, l := range Languages() {
		c := catalogues[l]
		for _, part := range []struct {
			name      string
			have, all []string
		}{
			{"message", slices.Sorted(maps.Keys(c.Messages)), slices.Sorted(maps.Keys(english.Messages))},
			{"key label", slices.Sorted(maps.Keys(c.Keys)), slices.Sorted(maps.Keys(english.Keys))},
			{"noun", slices.Sorted(maps.Keys(c.Nouns)), slices.Sorted(maps.Keys(english.Nouns))},
		} {
			for _, k := range part.all {
				if _, ok := slices.BinarySearch(part.have, k); !ok {
					t.Errorf("%s: %s %q is missing", l, part.name, k)
				}
			}
			for _, k := range part.have {
				if _, ok := slices.BinarySearch(part.all, k); !ok {
					t.Errorf("%s: %s %q is not in the English catalogue", l, part.name, k)
				}
			}
		}
		for k, s := range c.Messages {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: message %q is empty", l, k)
			}
		}
		for k, f := range c.Nouns {
			if f.One == "" || f.Other == "" {
				t.Errorf("%s: noun %q lacks its one or other form", l, k)
			}
		}
		if c.Lang != l || c.Name == "" || c.Tag == language.Und {
			t.Errorf("%s: catalogue says it is %q (%q, %v)", l, c.Lang, c.Name, c.Tag)
		}
	}
}

// TestAddLanguage: a language is added by registering a catalogue, here a
// tiny Kyrgyz one with two messages, one key label and one noun. --lang ky
// is then accepted; what it has is said in Kyrgyz, what it lacks in
// English (the fallback).
func TestAddLanguage(t *testing.T) {
	ky := Catalogue{
		Lang:     "ky",
		Name:     "Кыргызча",
		Tag:      language.Kirghiz,
		Messages: map[string]string{"ui.tab.chain": "Чынжыр", "ui.ok": "Чынжырда ката жок."},
		Keys:     map[string]string{"price": "Баасы (бирдигине валюта)"},
		Nouns:    map[string]forms{"n.days": {One: "күн", Other: "күн"}},
	}
	register(&ky)
	defer delete(catalogues, "ky")

	l, err := Parse("ky")
	if err != nil || l != "ky" {
		t.Fatalf("Parse(ky) = %q, %v", l, err)
	}
	if _, err := Parse("tg"); err == nil || !strings.Contains(err.Error(), "use en, ky or ru") {
		t.Errorf("Parse(tg): %v, want the three languages listed", err)
	}
	for _, tc := range []struct{ got, want string }{
		{l.T("ui.tab.chain"), "Чынжыр"},                                                    // in the catalogue
		{l.T("ui.tab.baseline"), "Baseline"},                                               // missing: English
		{l.Key("price"), "Баасы (бирдигине валюта)"},                                       // key label in the catalogue
		{l.Key("actor.household.adults"), "Adults per household (actor.household.adults)"}, // missing: English
		{l.Key("costs.seed"), "Cost per unit of product: seed"},
		{l.Plural(5, 0, "n.days"), "5 күн"},               // Kyrgyz noun, Kyrgyz plural rule
		{l.Plural(5, 0, "n.childyears"), "5 child-years"}, // missing noun: English, English rule
		{l.Plural(1, 0, "n.childyears"), "1 child-year"},
		{l.T("nope"), "!nope"}, // no catalogue has it
	} {
		if tc.got != tc.want {
			t.Errorf("ky: %q, want %q", tc.got, tc.want)
		}
	}
	all := All(l)
	if all["ui.ok"] != "Чынжырда ката жок." || all["ui.tab.help"] != "Help" || len(all) != len(english.Messages) {
		t.Errorf("All(ky): %d messages, ui.ok %q, ui.tab.help %q", len(all), all["ui.ok"], all["ui.tab.help"])
	}
	// The shipped languages are unchanged by the new one.
	if RU.T("ui.tab.chain") != "Цепочка" || EN.T("ui.tab.chain") != "Chain" {
		t.Error("en or ru changed")
	}
}

// TestUnknownLanguage: a language without a catalogue speaks English
// (Parse refuses it, so this is only a safety net).
func TestUnknownLanguage(t *testing.T) {
	if got := Lang("xx").T("ui.tab.chain"); got != "Chain" {
		t.Errorf("xx: %q", got)
	}
	if _, err := Parse("xx"); err == nil || err.Error() != `unknown language "xx": use en or ru` {
		t.Errorf("Parse(xx): %v", err)
	}
}
