package valuechain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryMessageInRussian reads the validators' source (this package's
// and package scenarios') and checks that every message format passed to
// add or Add has its Russian in ruFormats, and every one of the decoder's
// (errorf) in ruDecode, with the same verbs in the same order.
func TestEveryMessageInRussian(t *testing.T) {
	n := 0
	for _, dir := range []string{".", "../scenarios"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(af, func(node ast.Node) bool {
				c, ok := node.(*ast.CallExpr)
				if !ok || len(c.Args) < 2 {
					return true
				}
				sel, ok := c.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				arg, catalogue := 2, ruFormats
				switch sel.Sel.Name {
				case "add", "Add":
				case "errorf": // the decoder's messages
					arg, catalogue = 3, ruDecode
				case "fail": // the survey reader's
					arg, catalogue = 1, ruSurvey
				default:
					return true
				}
				if len(c.Args) <= arg {
					return true
				}
				lit, ok := c.Args[arg].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				format, _ := strconv.Unquote(lit.Value)
				n++
				ru, ok := catalogue[format]
				if !ok {
					t.Errorf("%s: no Russian for %q", f, format)
				} else if verbs(ru) != verbs(format) {
					t.Errorf("%q: verbs %s in Russian, %s in English", format, verbs(ru), verbs(format))
				}
				return true
			})
		}
	}
	if n < 65 {
		t.Errorf("found %d messages; the scan is broken", n)
	}
}

// verbs returns the formatting verbs of a format, in order.
func verbs(f string) string {
	var out []string
	for i := 0; i < len(f); i++ {
		if f[i] == '%' && i+1 < len(f) {
			j := i + 1
			for j < len(f) && strings.ContainsRune(".0123456789", rune(f[j])) {
				j++
			}
			if j < len(f) {
				out = append(out, f[i:j+1])
			}
			i = j
		}
	}
	return strings.Join(out, " ")
}

// TestProblemsInRussian: a validation error reads in Russian, place and
// message, with the line, and in English as before.
func TestProblemsInRussian(t *testing.T) {
	c, err := Parse([]byte("name = \"x\"\ncurrency = \"KGS\"\npoverty_line = 1000\n[[actor]]\nid = \"farm\"\nkind = \"household\"\ncount = -5\nunit = \"kg\"\nprice = 10\noutput_per_unit = 10\n[actor.household]\nadults = 2\n"), "c.toml")
	if err != nil {
		t.Fatal(err)
	}
	verr := Validate(c, "c.toml")
	ve, ok := verr.(*ValidationError)
	if !ok {
		t.Fatalf("%v", verr)
	}
	ru := ve.In("ru")
	if !strings.Contains(ru, `c.toml:7: участник "farm": count: должно быть числом больше 0, указано -5`) {
		t.Errorf("in Russian:\n%s", ru)
	}
	if !strings.Contains(ve.Error(), `c.toml:7: actor "farm": count: must be a number greater than 0, got -5`) {
		t.Errorf("in English:\n%s", ve.Error())
	}
}
