package screening

import (
	"strings"
	"testing"
)

// TestKeys: keys are file names without the extension; files of the same
// name take their folders until the keys differ; empty entries and a
// file given twice are errors.
func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		want  string // keys joined by spaces, or the error
	}{
		{[]string{"a.toml", "b.toml"}, "a b"},
		{[]string{"north/chain.toml", "south/chain.toml"}, "north/chain south/chain"},
		{[]string{"x/north/chain.toml", "y/north/chain.toml", "other.toml"}, "x/north/chain y/north/chain other"},
		// chain.xlsx is in the test's folder, screening.
		{[]string{"north/chain.toml", "chain.xlsx"}, "north/chain screening/chain"},
		{[]string{"a.toml", "b.toml", ""}, "entry 3 of 3 is empty (a trailing or doubled comma?)"},
		{[]string{"a.toml", "", "b.toml"}, "entry 2 of 3 is empty"},
		{[]string{"a.toml", "./a.toml"}, "./a.toml is given twice (entries 1 and 2)"},
	} {
		keys, err := Keys(tc.paths)
		got := strings.Join(keys, " ")
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.paths, got, tc.want)
		}
	}
}
