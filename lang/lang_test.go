package lang

import "testing"

func TestNumbers(t *testing.T) {
	for _, tt := range []struct {
		l    Lang
		x    float64
		d    int
		want string
	}{
		{EN, 1234567.891, 0, "1,234,568"},
		{RU, 1234567.891, 0, "1\u202f234\u202f568"},
		{EN, 1234.5, 2, "1,234.50"},
		{RU, 1234.5, 2, "1\u202f234,50"},
		{EN, -999.6, 0, "-1,000"},
		{EN, -0.004, 2, "0.00"},
		{RU, 12, 1, "12,0"},
	} {
		if got := tt.l.Number(tt.x, tt.d); got != tt.want {
			t.Errorf("%s.Number(%v, %d) = %q, want %q", tt.l, tt.x, tt.d, got, tt.want)
		}
	}
	if got := RU.Percent(0.1234); got != "12,3\u00a0%" {
		t.Errorf("RU.Percent = %q", got)
	}
}

func TestEveryMessageHasBothLanguages(t *testing.T) {
	for k, en := range english.Messages {
		ru := russian.Messages[k]
		if en == "" || ru == "" {
			t.Errorf("message %q lacks a language", k)
		}
		if en == ru && k != "va.bar" && k != "price.axis" {
			t.Logf("message %q is the same in both languages", k)
		}
	}
	if got := RU.T("labour.child"); got != "дети" {
		t.Errorf("RU.T = %q", got)
	}
}

// TestCount: the plural forms of households and firms.
func TestCount(t *testing.T) {
	cases := []struct {
		l    Lang
		n    float64
		hh   bool
		want string
	}{
		{EN, 1, false, "1 firm"},
		{EN, 3, false, "3 firms"},
		{EN, 2500, true, "2,500 households"},
		{RU, 1, false, "1 предприятие"},
		{RU, 3, false, "3 предприятия"},
		{RU, 12, false, "12 предприятий"},
		{RU, 21, true, "21 домохозяйство"},
		{RU, 22, true, "22 домохозяйства"},
		{RU, 2500, true, "2\u202f500 домохозяйств"},
		{RU, 111, true, "111 домохозяйств"},
	}
	for _, c := range cases {
		if got := c.l.Count(c.n, c.hh); got != c.want {
			t.Errorf("%s Count(%v, %v) = %q, want %q", c.l, c.n, c.hh, got, c.want)
		}
	}
}

// TestCompact: amounts in thousands, millions and billions.
func TestCompact(t *testing.T) {
	cases := []struct {
		l    Lang
		x    float64
		want string
	}{
		{EN, 468000000, "468 M"},
		{EN, 1234567890, "1.23 bn"},
		{EN, 12500, "12.5 k"},
		{EN, 999, "999"},
		{EN, 5752400, "5.75 M"},
		{EN, 2000000, "2 M"},
		{RU, 1200000000, "1,2 млрд"},
		{RU, 16365840, "16,4 млн"},
	}
	for _, c := range cases {
		if got := c.l.Compact(c.x); got != c.want {
			t.Errorf("%s Compact(%v) = %q, want %q", c.l, c.x, got, c.want)
		}
	}
}
