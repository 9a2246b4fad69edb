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
	for k, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("message %q lacks a language", k)
		}
		if m[0] == m[1] && k != "va.bar" && k != "price.axis" {
			t.Logf("message %q is the same in both languages", k)
		}
	}
	if got := RU.T("labour.child"); got != "дети" {
		t.Errorf("RU.T = %q", got)
	}
}
