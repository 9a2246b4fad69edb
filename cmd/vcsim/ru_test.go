package main

import (
	"path/filepath"
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

// TestExamplesAndCalibrateTakeLang: examples and calibrate accept --lang
// (they refused it: "flag provided but not defined", QA finding 10);
// examples names the chains in Russian, calibrate says its mistakes in it.
func TestExamplesAndCalibrateTakeLang(t *testing.T) {
	out, errOut, status := vcsim(t, "examples", "--lang", "ru")
	if status != 0 || !strings.Contains(out, "cotton-tajikistan    Хлопок, Согдийская область, Таджикистан: ") {
		t.Errorf("examples --lang ru: status %d\n%s%s", status, out, errOut)
	}
	out, _, _ = vcsim(t, "examples")
	if !strings.Contains(out, "cotton-tajikistan    Cotton, Sughd region, Tajikistan: ") {
		t.Errorf("examples:\n%s", out)
	}
	_, errOut, status = vcsim(t, "calibrate", "--lang", "ru", "--out", filepath.Join(t.TempDir(), "c.toml"), "extra")
	if status != exitBadInput || !strings.Contains(errOut, "calibrate не принимает аргументов") {
		t.Errorf("calibrate --lang ru: status %d, %s", status, errOut)
	}
}
