package workbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/model/tables"
)

// TestResultsFormats: a results sheet formats each column by its kind,
// children as whole numbers (the cell keeps 14236.7999999996, the QA's
// figure, and shows 14,237), a benefit-cost ratio as a plain number with
// two decimals (2.258079 shows 2.26, not 225.8%), a share as a percentage;
// in Russian the headings are the labels, with the currency.
func TestResultsFormats(t *testing.T) {
	for _, l := range []lang.Lang{lang.EN, lang.RU} {
		r, err := NewResults(l)
		if err != nil {
			t.Fatal(err)
		}
		rows := []tables.SummaryRow{{Scenario: "baseline", ChildLabour: 14236.7999999996, BelowPoverty: 0.3569666667, BCR: 2.258079, PVCost: 1234.5}}
		if err := r.sheetOf("s", tables.Columns(rows), tables.Cells(rows, l), l, "TJS"); err != nil {
			t.Fatal(err)
		}
		data, err := r.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		get := func(cell string) string {
			v, err := f.GetCellValue("s", cell)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		raw, _ := f.GetCellValue("s", "C2", excelize.Options{RawCellValue: true})
		heads := map[lang.Lang][3]string{lang.EN: {"scenario", "children_in_child_labour_final_year", "pv_cost"},
			lang.RU: {"сценарий", "дети в детском труде, последний год", "приведённая стоимость затрат, TJS"}}[l]
		name := map[lang.Lang]string{lang.EN: "baseline", lang.RU: "базовый сценарий"}[l]
		for _, c := range []struct{ cell, want string }{
			{"A1", heads[0]}, {"C1", heads[1]}, {"G1", heads[2]}, {"A2", name},
			{"C2", "14,237"}, {"F2", "35.7%"}, {"G2", "1,234.50"}, {"N2", "2.26"},
		} {
			if got := get(c.cell); got != c.want {
				t.Errorf("%s: %s = %q, want %q", l, c.cell, got, c.want)
			}
		}
		if raw != "14236.7999999996" {
			t.Errorf("%s: the children's cell holds %q, want the unrounded 14236.7999999996", l, raw)
		}
	}
}
