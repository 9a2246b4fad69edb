package main

import (
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/internal/msgscan"
	"github.com/ilo-rma/vcsim/lang"
)

// TestEveryUsageMessageInRussian reads the commands' source and checks
// that every usagef format has its Russian with the same verbs in the same
// order, and that --lang ru prints one.
func TestEveryUsageMessageInRussian(t *testing.T) {
	calls, err := msgscan.Scan([]string{"."}, map[string]int{"usagef": 0})
	if err != nil {
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
	if n < 40 {
		t.Errorf("found %d usagef calls; the scan is broken", n)
	}
	if _, errOut, status := vcsim(t, "run", "--lang", "ru", "--format", "xml"); status != 2 || !strings.Contains(errOut, `--format должен быть table, csv или json, указано "xml"`) {
		t.Errorf("status %d: %q", status, errOut)
	}
}
