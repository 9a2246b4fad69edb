package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// counted is a message that carries a count: the message's key, the
// argument (from 0) that is a number with its noun, and the noun.
type counted struct {
	key  string
	arg  int
	noun string
}

// countedMessages finds, in vcsim's source outside this package, every
// call T("key", ...) with an argument written by Plural(n, d, "noun") or
// Count (which writes n.households or n.firms).
func countedMessages(t *testing.T) []counted {
	var out []counted
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "lang" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "T" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			for i, a := range call.Args[1:] {
				ast.Inspect(a, func(n ast.Node) bool {
					c, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					s, ok := c.Fun.(*ast.SelectorExpr)
					switch {
					case !ok:
					case s.Sel.Name == "Plural" && len(c.Args) == 3:
						if nl, ok := c.Args[2].(*ast.BasicLit); ok {
							noun, _ := strconv.Unquote(nl.Value)
							out = append(out, counted{key, i, noun})
						}
					case s.Sel.Name == "Count" && len(c.Args) == 2:
						out = append(out, counted{key, i, "n.households"}, counted{key, i, "n.firms"})
					}
					return true
				})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// verbRE finds a message's formatting verbs.
var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9.]*[a-zA-Z%]`)

// TestCountMessages (issue 19 point 6): every message that carries a count
// is written, in both languages, with the count n of counts in its place,
// and the noun after n must be the form of the CLDR category of n
// (cldrRU, worked out independently of x/text; English: one for 1, other
// otherwise), and agree with the preposition before it (Disagreements).
// The messages are found in the source (a T call with an argument from
// Plural or Count), plus those whose count comes through a variable key or
// the report's template.
func TestCountMessages(t *testing.T) {
	msgs := countedMessages(t)
	for _, want := range []string{"txt.employment", "txt.cmp.title", "r.summary.best", "r.summary.hh", "r.caveat.tradeoff", "map.node"} {
		if !slices.ContainsFunc(msgs, func(c counted) bool { return c.key == want }) {
			t.Errorf("the scan of the source did not find %s: it is broken", want)
		}
	}
	msgs = append(msgs,
		counted{"r.uncertaintytext", 0, "n.times"},   // the report's template: .T "r.uncertaintytext" .DrawsTimes
		counted{"txt.invalid", 1, "n.files.gen"},     // cmd/vcsim validate: l.T(key, bad, l.Plural(...))
		counted{"txt.invalid.one", 1, "n.files.gen"}, // (key is txt.invalid or txt.invalid.one)
	)
	for _, c := range msgs {
		if _, ok := english.Nouns[c.noun]; !ok {
			t.Errorf("%s: unknown noun %s", c.key, c.noun)
			continue
		}
		for _, l := range []Lang{EN, RU} {
			format, ok := l.message(c.key)
			if !ok {
				t.Errorf("%s: no message %s", l, c.key)
				continue
			}
			verbs := slices.DeleteFunc(verbRE.FindAllString(format, -1), func(v string) bool { return v == "%%" })
			for _, n := range counts {
				args := make([]any, len(verbs))
				for i, v := range verbs {
					args[i] = "X"
					if strings.HasSuffix(v, "d") {
						args[i] = 7
					}
				}
				args[c.arg] = l.Plural(n, 0, c.noun)
				got := l.T(c.key, args...)
				var form string
				switch f := l.catalogue().Nouns[c.noun]; {
				case l == EN && n == 1:
					form = f.One
				case l == EN:
					form = f.Other
				case cldrRU(int(n)) == "one":
					form = f.One
				case cldrRU(int(n)) == "few":
					form = f.Few
				default:
					form = f.Many
				}
				if want := l.Thousands(n) + " " + form; !strings.Contains(got, want) {
					t.Errorf("%s %s, n = %v: %q lacks %q", l, c.key, n, got, want)
				}
				if d := l.Disagreements(got); len(d) > 0 {
					t.Errorf("%s %s, n = %v: %q disagrees: %q", l, c.key, n, got, d)
				}
			}
		}
	}
	t.Logf("%d counted messages", len(msgs))
}

// TestDisagreements: the checker of outputs finds the plurals the issue
// found wrong, in the case its preposition asks for, and lets the right
// ones, age bands and years through.
func TestDisagreements(t *testing.T) {
	nb := "\u00a0"
	for _, tc := range []struct {
		l    Lang
		text string
		want []string
	}{
		{RU, "550" + nb + "832 дней; 99" + nb + "381 дней", []string{"550" + nb + "832 дней", "99" + nb + "381 дней"}},
		{RU, "сценарии на 3 лет, за 1 лет", []string{"3 лет", "1 лет"}},
		{RU, "предотвращено 34" + nb + "753 ребёнко-лет", []string{"34" + nb + "753 ребёнко-лет"}},
		{RU, "сокращает детский труд на 1" + nb + "992 детей", []string{"1" + nb + "992 детей"}},
		{RU, "на 1" + nb + "992 ребёнка; из 2 детей; из 21 ребёнка; 550" + nb + "832 дня; на 3 года; за 1 год; на 5 лет", nil},
		{RU, "дети 5–17 лет; 12–14 лет; в 2021 году; 1,5 дня; 2 500 домохозяйств; 1 предприятие", nil},
		{RU, "21 дней, 2 предприятий, 5 домохозяйство", []string{"21 дней", "2 предприятий", "5 домохозяйство"}},
		{EN, "1 days, 1,992 day, 2 children, 1 child, 1.5 days", []string{"1 days", "1,992 day"}},
	} {
		if got := tc.l.Disagreements(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s %q: %q, want %q", tc.l, tc.text, got, tc.want)
		}
	}
}
