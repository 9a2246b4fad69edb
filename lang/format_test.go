package lang

import (
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// TestFormatCLDR: Number and Percent write what CLDR's decimal and percent
// patterns give for each language (the reference is golang.org/x/text/number,
// which carries the CLDR data): grouping by threes with "," in English and a
// no-break space in Russian, a decimal point or comma, and the percent sign
// without a space in English and after a no-break space in Russian ("66,6 %").
func TestFormatCLDR(t *testing.T) {
	const nb = "\u00a0"
	cases := []struct {
		l       Lang
		x       float64
		d       int
		percent bool
		want    string
	}{
		{EN, 0, 0, false, "0"},
		{RU, 0, 0, false, "0"},
		{EN, 0.5, 1, false, "0.5"},
		{RU, 0.5, 1, false, "0,5"},
		{EN, 1234.5, 1, false, "1,234.5"},
		{RU, 1234.5, 1, false, "1" + nb + "234,5"},
		{EN, 1e6, 0, false, "1,000,000"},
		{RU, 1e6, 0, false, "1" + nb + "000" + nb + "000"},
		{EN, -1234567.25, 2, false, "-1,234,567.25"},
		{RU, -1234567.25, 2, false, "-1" + nb + "234" + nb + "567,25"},
		{EN, 0.666, 1, true, "66.6%"},
		{RU, 0.666, 1, true, "66,6" + nb + "%"},
		{EN, 0, 1, true, "0.0%"},
		{RU, 0, 1, true, "0,0" + nb + "%"},
		{EN, 12.345, 1, true, "1,234.5%"},
		{RU, 12.345, 1, true, "1" + nb + "234,5" + nb + "%"},
		{EN, -0.05, 1, true, "-5.0%"},
		{RU, -0.05, 1, true, "-5,0" + nb + "%"},
	}
	for _, c := range cases {
		got := c.l.Number(c.x, c.d)
		if c.percent {
			got = c.l.Percent(c.x)
		}
		if got != c.want {
			t.Errorf("%s: %v (percent %v) = %q, want %q", c.l, c.x, c.percent, got, c.want)
		}
		tag := language.English
		if c.l == RU {
			tag = language.Russian
		}
		p := message.NewPrinter(tag)
		var ref string
		if c.percent {
			ref = p.Sprint(number.Percent(c.x, number.Scale(c.d)))
		} else {
			ref = p.Sprint(number.Decimal(c.x, number.Scale(c.d)))
		}
		if ref != c.want {
			t.Errorf("%s: %v (percent %v): x/text (CLDR) writes %q, the table says %q", c.l, c.x, c.percent, ref, c.want)
		}
	}
}

// TestNumberRoundsHalfUp: a number exactly halfway between two written
// values is rounded away from zero, as the CSV files (math.Round) and the
// page (Intl.NumberFormat, roundingMode halfExpand) round it, so a count of
// 306.5 children is 307 in the report too (strconv and x/text break such a
// tie to even: "306"). Values near a tie but not on it keep exact rounding.
func TestNumberRoundsHalfUp(t *testing.T) {
	cases := []struct {
		x    float64
		d    int
		want string
	}{
		{306.5, 0, "307"},
		{307.5, 0, "308"},
		{0.5, 0, "1"},
		{-306.5, 0, "-307"},
		{2.25, 1, "2.3"},
		{0.125, 2, "0.13"},
		{12500 * 0.02452, 0, "307"}, // the apricot example's 15-17 band: 306.49999999999994
		{306.49999, 0, "306"},
		{1.005, 2, "1.00"}, // 1.00499999999999989... in binary: not a tie
		{1234.5, 1, "1,234.5"},
	}
	for _, c := range cases {
		if got := EN.Number(c.x, c.d); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
	if got, want := RU.Number(306.5, 0), "307"; got != want {
		t.Errorf("RU.Number(306.5, 0) = %q, want %q", got, want)
	}
}
