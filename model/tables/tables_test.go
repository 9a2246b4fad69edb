package tables

import (
	"bytes"
	"math"
	"testing"

	"vcsim/model"
	"vcsim/valuechain"
)

func TestThousands(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {999.4, "999"}, {999.5, "1,000"}, {1234567.8, "1,234,568"}, {-1234, "-1,234"}, {-0.4, "0"},
	} {
		if got := Thousands(tt.x); got != tt.want {
			t.Errorf("Thousands(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
	if got := Percent(0.1234); got != "12.3%" {
		t.Errorf("Percent = %q", got)
	}
}

// TestChildRows: the hand-worked household chain of package model has four
// children aged 5-11, all in hazardous child labour at 24 hours a week for
// 10 weeks.
func TestChildRows(t *testing.T) {
	c, err := valuechain.Load("../testdata/household.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.Simulate(c, model.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rows := ChildLabour(r)
	if len(rows) != 4 { // three bands and all bands, no sex split, one group
		t.Fatalf("%d rows, want 4", len(rows))
	}
	all := rows[3]
	if all.Band != AllBands || all.Children != 4 || all.ChildLabour != 4 || all.Hazardous != 4 || all.Prevalence != 1 || math.Abs(float64(all.Hours)-960) > 1e-9 {
		t.Errorf("all-band row = %+v", all)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Households(r), false); err != nil {
		t.Fatal(err)
	}
	want := "group,households,poverty_line_per_household,mean_income_without_child_work,mean_income,median_income,p10_income,p90_income,share_below_poverty_line,children,children_in_child_labour,children_in_hazardous_child_labour,child_days\n" +
		"farm,4,1100.00,1100.00,1220.00,1220.00,1220.00,1220.00,0.000000,4.000,4.000,4.000,120.000\n"
	if buf.String() != want {
		t.Errorf("households.csv:\n%s\nwant\n%s", buf.String(), want)
	}
}
