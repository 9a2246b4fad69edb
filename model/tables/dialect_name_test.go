package tables

import "testing"

// TestDialectName: CSV for a Russian-locale Excel says so in its name;
// other dialects keep the name.
func TestDialectName(t *testing.T) {
	for _, c := range []struct {
		path string
		d    Dialect
		want string
	}{
		{"out/accounts.csv", ExcelRU, "out/accounts.excel-ru.csv"},
		{"out/accounts.excel-ru.csv", ExcelRU, "out/accounts.excel-ru.csv"},
		{"out/accounts.csv", Dialect{BOM: true}, "out/accounts.csv"},
		{"out/accounts.csv", Dialect{}, "out/accounts.csv"},
	} {
		if got := DialectName(c.path, c.d); got != c.want {
			t.Errorf("DialectName(%s, %+v) = %s, want %s", c.path, c.d, got, c.want)
		}
	}
}
