package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ilo-rma/vcsim/examples"
	"github.com/ilo-rma/vcsim/lang"
)

// styleRE finds a report's style sheet, which holds no words.
var styleRE = regexp.MustCompile(`(?s)<style>.*?</style>`)

// TestRussianPlurals (issue 19 point 6): what run, compare, compare
// --draws and report print or write under --lang ru for every example
// holds no number whose noun disagrees with it (lang.Disagreements: "550
// 832 дней", "на 3 лет", "34 753 ребёнко-лет" before the plurals went
// through lang.Plural), and each output does carry counted nouns, so that
// the check is not vacuous.
func TestRussianPlurals(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example")
	}
	counted := regexp.MustCompile(`\d[ \x{00a0}](дн|ребёнко-|сценари|год|лет|домохозяйств|раз)`)
	for _, ex := range examples.Names() {
		t.Run(ex, func(t *testing.T) {
			report := filepath.Join(t.TempDir(), "report.html")
			for _, args := range [][]string{
				{"run", "--example", ex},
				{"compare", "--example", ex},
				{"compare", "--example", ex, "--draws", "4", "--quiet"},
				{"report", "--example", ex, "--out", report, "--quiet"},
			} {
				out, e, st := vcsim(t, append(args, "--lang", "ru")...)
				if st != 0 {
					t.Fatalf("%v: %s", args, e)
				}
				if args[0] == "report" {
					data, err := os.ReadFile(report)
					if err != nil {
						t.Fatal(err)
					}
					out = plain(styleRE.ReplaceAllString(string(data), ""))
				}
				if d := lang.RU.Disagreements(out); len(d) > 0 {
					t.Errorf("%v: plurals that disagree with their numbers: %q", args, d)
				}
				if !counted.MatchString(out) {
					t.Errorf("%v: no counted noun in %q", args, out)
				}
			}
		})
	}
}
