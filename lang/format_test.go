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
