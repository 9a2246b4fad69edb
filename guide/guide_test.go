package guide

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/lang"
)

func TestCatalogueIsComplete(t *testing.T) {
	// The thirteen types of docs/model.md section 8, the code of conduct (v2), then the ban.
	want := []string{"productivity", "mechanisation", "cooperative", "finance", "premium", "cash_transfer",
		"cct", "adult_employment", "osh", "education", "awareness", "youth_skills", "market_linkage", "monitoring", "code_of_conduct", "ban"}
	if got := IDs(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("ids %v, want %v", got, want)
	}
	for _, iv := range Catalogue {
		if iv.Name == "" || iv.NameRU == "" || iv.Description == "" || iv.DescriptionRU == "" || iv.Moves == "" {
			t.Errorf("%s: a name or description is missing", iv.ID)
		}
		if len(iv.Evidence) == 0 || len(iv.CostItems) == 0 || len(iv.CostItemsRU) != len(iv.CostItems) {
			t.Errorf("%s: no evidence or cost items, or not in both languages", iv.ID)
		}
		for _, ev := range iv.Evidence {
			if ev.Finding == "" || ev.FindingRU == "" {
				t.Errorf("%s: evidence %q lacks a language", iv.ID, ev.Source)
			}
		}
		for _, e := range iv.Effects {
			if e.Low > e.Default || e.Default > e.High {
				t.Errorf("%s.%s: default %v outside its range [%v, %v]", iv.ID, e.Key, e.Default, e.Low, e.High)
			}
		}
	}
}

// TestMonitoringEvidence: the default withdrawal share is the IPEC pilots'
// 28/45 = 0.62 and 25/40 = 0.625, rounded down.
func TestMonitoringEvidence(t *testing.T) {
	iv, ok := Lookup("monitoring")
	if !ok {
		t.Fatal("no monitoring")
	}
	e, _ := iv.Effect("withdrawal")
	if lo, hi := 28.0/45, 25.0/40; e.Default > lo || e.High < hi {
		t.Errorf("withdrawal default %v, high %v; the pilots give %.3f and %.3f", e.Default, e.High, lo, hi)
	}
	if !strings.Contains(iv.Text("en"), "28 of 45") {
		t.Error("the monitoring text does not quote the 2011 pilots")
	}
}

func TestSteps(t *testing.T) {
	if len(Steps) != 4 {
		t.Fatalf("%d steps, want 4", len(Steps))
	}
	for _, s := range Steps {
		if s.Title == "" || s.TitleRU == "" || s.Text == "" || s.TextRU == "" {
			t.Errorf("step %s lacks a text", s.ID)
		}
	}
}

func ExampleLookup() {
	iv, _ := Lookup("cct")
	e, _ := iv.Effect("amount")
	fmt.Printf("%s / %s: default %.2f poverty lines per child\n", iv.Name, iv.NameRU, e.Default)
	// Output: Conditional transfer (school-linked food basket) / Условные трансферты (продуктовый набор при посещении школы): default 0.10 poverty lines per child
}

// TestActionPlans checks that every catalogue type has an objective and
// responsible actors in both languages, the same number of each.
func TestActionPlans(t *testing.T) {
	for i := range Catalogue {
		iv := &Catalogue[i]
		if iv.Objective("en") == "" || iv.Objective("ru") == "" {
			t.Errorf("%s: no objective", iv.ID)
		}
		en, ru := iv.Responsible("en"), iv.Responsible("ru")
		if len(en) == 0 || len(en) != len(ru) {
			t.Errorf("%s: responsible %d in English, %d in Russian", iv.ID, len(en), len(ru))
		}
	}
	if len(plans) != len(Catalogue) {
		t.Errorf("%d action-plan entries for %d types", len(plans), len(Catalogue))
	}
}

// TestRussian: every effect description, unit and "moves" line of the
// catalogue has its Russian, and the Russian text of an entry has no
// English heading.
func TestRussian(t *testing.T) {
	for i := range Catalogue {
		iv := &Catalogue[i]
		for _, s := range []string{iv.Moves} {
			if _, ok := lang.RU.Text(s); !ok {
				t.Errorf("%s: no Russian for %q", iv.ID, s)
			}
		}
		for _, e := range iv.Effects {
			for _, s := range []string{e.Doc, e.Unit} {
				if _, ok := lang.RU.Text(s); !ok {
					t.Errorf("%s %s: no Russian for %q", iv.ID, e.Key, s)
				}
			}
		}
		text := iv.Text("ru")
		for _, w := range []string{"Moves", "Effects", "Evidence", "Typical costs", " to "} {
			if strings.Contains(text, w) {
				t.Errorf("%s: the Russian text has %q", iv.ID, w)
			}
		}
	}
}

// TestCountedUnitsAgree: a unit that counts something follows the default
// and agrees with it in Russian ("4 месяца", not "(от 4 до 4) месяцев";
// "0,25 черты бедности", not "черт бедности"), as CLDR's rule for the
// number as written says.
func TestCountedUnitsAgree(t *testing.T) {
	for _, c := range []struct {
		id   string
		l    lang.Lang
		want string
	}{
		{"monitoring", lang.RU, "months               4 месяца (от 4 до 4): "},
		{"monitoring", lang.EN, "months               4 months (4 to 4): "},
		{"cash_transfer", lang.RU, "amount               0,25 черты бедности в год (от 0,1 до 0,5; если сумма не указана): "},
		{"cct", lang.RU, "hours_cap            0 часов в неделю (от 0 до 14; 0: предел"},
	} {
		iv, ok := Lookup(c.id)
		if !ok {
			t.Fatalf("no %s in the catalogue", c.id)
		}
		if text := iv.Text(c.l); !strings.Contains(text, c.want) {
			t.Errorf("%s in %s lacks %q:\n%s", c.id, c.l, c.want, text)
		}
	}
}
