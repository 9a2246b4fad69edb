package vca4d

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/valuechain"
)

// cocoa returns the cocoa study as a generic JSON value to change.
func cocoa(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/cocoa-ecuador-eco.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func eco(m map[string]any) map[string]any { return m["ecoData"].(map[string]any) }

// economic returns the i-th actor with economic data.
func economic(m map[string]any, i int) map[string]any {
	for _, a := range eco(m)["actors"].([]any) {
		if a := a.(map[string]any); a["numberOfActors"] != nil {
			if i == 0 {
				return a
			}
			i--
		}
	}
	return nil
}

// TestRealStudyQuirks: what published studies contain imports, and every
// decision vcsim takes is a note in the reconciliation.
func TestRealStudyQuirks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(m map[string]any)
		note   string // a note that must be there ("" for none required)
	}{
		{"operating loss", func(m map[string]any) {
			a := economic(m, 0)
			a["netOperatingProfit"] = -0.5 * a["directAddedValue"].(float64)
		}, ""},
		{"FTE definition in hours", func(m map[string]any) {
			eco(m)["macroData"].(map[string]any)["FTE_Definition"] = 1920.0
		}, "read as hours a year, 1 FTE = 240.00 days"},
		{"FTE definition as text", func(m map[string]any) {
			eco(m)["macroData"].(map[string]any)["FTE_Definition"] = "11 months"
		}, `is "11 months": 1 FTE = 229.17 days`},
		{"FTE definition unreadable", func(m map[string]any) {
			eco(m)["macroData"].(map[string]any)["FTE_Definition"] = "full time"
		}, "cannot read as a length of work: 1 FTE = 250 days"},
		{"employment in person-days", func(m map[string]any) {
			emp := economic(m, 1)["employment"].(map[string]any)
			for k, v := range emp {
				emp[k] = v.(float64) * 250
			}
		}, "looks like person-days"},
		{"purchases above costs", func(m map[string]any) {
			f := eco(m)["flows"].([]any)[0].(map[string]any)
			f["volumeExchanged"] = 3 * f["volumeExchanged"].(float64)
			f["monetaryValue"] = 3 * f["monetaryValue"].(float64)
		}, "external inputs set to 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := cocoa(t)
			tc.change(m)
			data, _ := json.Marshal(m)
			s, err := Parse(append([]byte("\ufeff"), data...), "s.json")
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			im, err := Import(s)
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			if err := valuechain.Validate(im.Chain, "s"); err != nil {
				t.Fatalf("the imported chain does not validate: %v", err)
			}
			var notes []string
			for _, n := range im.Notes {
				notes = append(notes, n.String())
			}
			if tc.note != "" && !strings.Contains(strings.Join(notes, "\n"), tc.note) {
				t.Errorf("no note containing %q in:\n%s", tc.note, strings.Join(notes, "\n"))
			}
		})
	}
}

// TestStudyKeysAndTypes: unknown keys and values of the wrong type are
// reported at their JSON path with the array index.
func TestStudyKeysAndTypes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"misspelt key", func(m map[string]any) {
			a := economic(m, 1)
			a["employement"] = a["employment"]
			delete(a, "employment")
		}, `$.ecoData.actors[1].employement: unknown key`},
		{"text for a number", func(m map[string]any) { economic(m, 2)["numberOfActors"] = "many" },
			`$.ecoData.actors[2].numberOfActors: must be a number, got the text "many"`},
		{"object for a list", func(m map[string]any) { eco(m)["flows"] = map[string]any{} },
			`$.ecoData.flows: must be a list, got an object`},
		{"text for a year", func(m map[string]any) { m["year"] = "2018" }, `$.year: must be a whole number, got the text "2018"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := cocoa(t)
			tc.change(m)
			data, _ := json.Marshal(m)
			_, err := Parse(data, "s.json")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
