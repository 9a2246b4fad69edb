package tables

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/model"
	"github.com/ilo-rma/vcsim/valuechain"
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
	want := "group,households,poverty_line_per_adult_equivalent,poverty_line_per_household,mean_income_without_child_work,mean_cash_income,mean_net_operating_profit,mean_adults_off_farm_wages,mean_children_wages_from_chain,mean_children_wages_from_outside,mean_other_income,mean_transfers,mean_full_income,median_cash_income,p10_cash_income,p90_cash_income,share_below_poverty_line,children,children_in_child_labour,children_in_hazardous_child_labour,child_days\n" +
		"farm,4,500.00,1100.00,1100.00,1220.00,320.00,0.00,0.00,0.00,900.00,0.00,1220.00,1220.00,1220.00,1220.00,0.000000,4,4,4,120.000\n"
	// By hand: need 0.3 x 1000 = 300 days, family 2 x 100, so 100 hired
	// without children: Y0 = 1000 x 1.5 - 300 - 100 x 10 + 900 = 1100. The
	// child works 24 hours x 10 weeks / 8 = 30 days = 12 adult days, all
	// replacing hired days (use 1): NOP = 1200 - 88 x 10 = 320, cash income
	// = 320 + 900 other income = 1220 = full income (no use 5).
	if buf.String() != want {
		t.Errorf("households.csv:\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestJSONNumbers: summary.json carries no float noise, and numbers
// inside strings are left alone.
func TestJSONNumbers(t *testing.T) {
	v := struct {
		A float64   `json:"a"`
		B float64   `json:"b"`
		S string    `json:"s"`
		L []float64 `json:"l"`
		N float64   `json:"n"`
	}{81000.00000000618, 0.48791234567891, "x: 1.00000000000001", []float64{0.1 + 0.2, 2.5}, -3.9999999999999996}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, v); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": 81000,\n  \"b\": 0.487912345679,\n  \"s\": \"x: 1.00000000000001\",\n  \"l\": [\n    0.3,\n    2.5\n  ],\n  \"n\": -4\n}\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestExampleTables checks, on every built-in example, that the by-sex
// rows carry the hours of child labour and add up to the all-sexes row,
// that per-household and per-firm figures sit in their own columns, and
// that the total rows leave what does not add up empty.
func TestExampleTables(t *testing.T) {
	for _, name := range examples.Names() {
		c, err := examples.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := model.Simulate(c, model.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		rows := ChildLabour(r)
		for i, row := range rows {
			if row.Sex != "all" {
				continue
			}
			if i+2 < len(rows) && rows[i+1].Sex == "girls" {
				g, b := rows[i+1], rows[i+2]
				if math.Abs(float64(g.Hours+b.Hours-row.Hours)) > 1e-6*(1+float64(row.Hours)) {
					t.Errorf("%s %s %s: hours %v + %v != %v", name, row.Group, row.Band, g.Hours, b.Hours, row.Hours)
				}
				if row.Hours > 0 && (g.Hours == 0 && b.Hours == 0) {
					t.Errorf("%s %s %s: by-sex hours not filled", name, row.Group, row.Band)
				}
			}
		}
		acc := Accounts(r)
		for i, row := range acc[:len(acc)-1] {
			household := c.Actors[i].Kind == valuechain.Household
			if math.IsNaN(float64(row.ValueAddedPerHousehold)) == household || math.IsNaN(float64(row.ValueAddedPerFirm)) != household {
				t.Errorf("%s %s: per household %v, per firm %v", name, row.Actor, row.ValueAddedPerHousehold, row.ValueAddedPerFirm)
			}
			per := row.ValueAddedPerHousehold
			if !household {
				per = row.ValueAddedPerFirm
			}
			if math.Abs(float64(per)*float64(row.Count)-float64(row.ValueAdded)) > 1e-6*math.Abs(float64(row.ValueAdded)) {
				t.Errorf("%s %s: %v per unit x %v != %v", name, row.Actor, per, row.Count, row.ValueAdded)
			}
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, acc[len(acc)-1:], false); err != nil {
			t.Fatal(err)
		}
		line := strings.Split(strings.TrimSpace(buf.String()), "\n")[1]
		if !strings.HasPrefix(line, "total,whole chain,,,,,,") || !strings.HasSuffix(line, ",1.000000,,,,,,") {
			t.Errorf("%s: total row %q", name, line)
		}
	}
}
