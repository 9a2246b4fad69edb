package valuechain

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/internal/msgscan"
	"github.com/ilo-rma/vcsim/lang"
)

// TestReadersInRussian: every message format of the readers outside this
// package (CellError, LineError, the workbook reader's fail) has its
// Russian in ruReaders, with the same verbs in the same order.
func TestReadersInRussian(t *testing.T) {
	dirs := []string{"../workbook", "../uncertainty", "../screening", "../check"}
	calls, err := msgscan.Scan(dirs, map[string]int{"fail": 1, "CellError": 2, "LineError": 2})
	if err != nil && !strings.Contains(err.Error(), "no such file") {
		t.Fatal(err)
	}
	n := 0
	for _, c := range calls {
		if !c.Literal {
			continue
		}
		n++
		ru, ok := lang.RU.Text(c.Format)
		if !ok {
			t.Errorf("%s: no Russian for %q", c.File, c.Format)
		} else if msgscan.Verbs(ru) != msgscan.Verbs(c.Format) {
			t.Errorf("%q: verbs %s in Russian, %s in English", c.Format, msgscan.Verbs(ru), msgscan.Verbs(c.Format))
		}
	}
	if n < 15 {
		t.Errorf("found %d messages; the scan is broken", n)
	}
	e := CellError("b.xlsx", "Actors!E3", "%s: a date (%s) in a cell that needs a number: the cell is formatted as a date (Excel turns 5.4 into 5 April in some languages); format the cell as a number and type the value again", "price", "2024-04-05")
	if got := e.In("ru"); !strings.HasPrefix(got, "b.xlsx: Actors!E3: price: дата (2024-04-05) в ячейке, где нужно число") {
		t.Errorf("in Russian: %s", got)
	}
}

// TestDistributionsInRussian: every message about a distribution table
// has its Russian, and a normal truncated beyond reach is refused at its
// line, in both languages.
func TestDistributionsInRussian(t *testing.T) {
	calls, err := msgscan.Scan([]string{"."}, map[string]int{"distf": 0})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) < 12 {
		t.Fatalf("found %d messages; the scan is broken", len(calls))
	}
	for _, c := range calls {
		ru, ok := lang.RU.Text("%s: " + c.Format)
		if !ok {
			t.Errorf("no Russian for %q", c.Format)
		} else if msgscan.Verbs(ru) != msgscan.Verbs("%s: "+c.Format) {
			t.Errorf("%q: verbs differ", c.Format)
		}
	}
}
