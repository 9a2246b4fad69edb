package results

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/assess"
	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/load"
)

// TestWorkbooksReadTheAssessment: the baseline's workbook gives the
// assessment's headline numbers on its Summary sheet (the tobacco
// example: children in child labour and in hazardous work, the share
// below the poverty line, value added) and says what was run; the
// comparison's has a row per run and scenario on its scenario_summary
// sheet, with each scenario's children as the assessment has them.
func TestWorkbooksReadTheAssessment(t *testing.T) {
	c, err := load.Example("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.ExampleScenarios("tobacco-kyrgyzstan", c)
	if err != nil {
		t.Fatal(err)
	}
	a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Scenarios: f, Seed: 1}, assess.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := a.Headline()
	m := Meta{Example: "tobacco-kyrgyzstan", Version: "test", Date: "2026-12-06"}
	data, err := Baseline(a, lang.EN, m)
	if err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := book.GetRows("Summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	val := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			val[r[0]] = r[1]
		}
	}
	for label, want := range map[string]float64{"children in child labour": h.ChildLabour, "children in hazardous child labour": h.Hazardous,
		"share below the poverty line": h.BelowPoverty, "total value added": h.ValueAdded} {
		if x, err := strconv.ParseFloat(val[label], 64); err != nil || x != want {
			t.Errorf("Summary: %s is %q, want %v", label, val[label], want)
		}
	}
	if val["date"] != "2026-12-06" || val["vcsim version"] != "test" {
		t.Errorf("Summary: what was run: %v", val)
	}
	data, err = Comparison(a, lang.EN, m)
	if err != nil {
		t.Fatal(err)
	}
	if book, err = excelize.OpenReader(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	recs, err := book.GetRows("scenario_summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	k := 0
	for _, r := range recs[1:] {
		if len(r) > 2 && r[1] == "all" && r[0] != "baseline" {
			if x, _ := strconv.ParseFloat(r[2], 64); k >= len(h.Scenarios) || r[0] != h.Scenarios[k].Name || x != h.Scenarios[k].ChildLabour {
				t.Errorf("scenario_summary row %v, want %+v", r, h.Scenarios)
			}
			k++
		}
	}
	if k != len(h.Scenarios) {
		t.Errorf("%d scenarios on scenario_summary, want %d", k, len(h.Scenarios))
	}
}

// TestWorkbookSameEveryRun: the same assessment gives the same workbook
// parts every time (the styles' numbers came from a map's order and
// differed from run to run). [Content_Types].xml is left out: excelize
// writes its overrides in a map's order.
func TestWorkbookSameEveryRun(t *testing.T) {
	c, err := load.Example("tobacco-kyrgyzstan")
	if err != nil {
		t.Fatal(err)
	}
	a, err := assess.Run(context.Background(), assess.Inputs{Chain: c, Seed: 1}, assess.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts := func() map[string]string {
		data, err := Baseline(a, lang.RU, Meta{Example: "tobacco-kyrgyzstan", Version: "test", Date: "2026-12-06"})
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			out[f.Name] = string(b)
		}
		return out
	}
	first := parts()
	for i := 0; i < 5; i++ {
		for name, text := range parts() {
			if text != first[name] {
				t.Fatalf("run %d: %s differs", i+2, name)
			}
		}
	}
	// The whole file, byte for byte ([Content_Types].xml listed excelize's
	// image types in a map's order).
	whole := func() []byte {
		data, err := Baseline(a, lang.RU, Meta{Example: "tobacco-kyrgyzstan", Version: "test", Date: "2026-12-06"})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	want := whole()
	for i := 0; i < 5; i++ {
		if !bytes.Equal(whole(), want) {
			t.Fatalf("run %d: the workbook's bytes differ", i+2)
		}
	}
}
