package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var verbRE = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestEveryUsageMessageInRussian reads the commands' source and checks
// that every usagef format has its Russian with the same verbs in the same
// order, and that --lang ru prints one.
func TestEveryUsageMessageInRussian(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	n := 0
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
			if !ok || len(c.Args) == 0 {
				return true
			}
			if id, ok := c.Fun.(*ast.Ident); !ok || id.Name != "usagef" {
				return true
			}
			lit, ok := c.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			format, _ := strconv.Unquote(lit.Value)
			n++
			ru, ok := ruUsage[format]
			if !ok {
				t.Errorf("%s: no Russian for %q", f, format)
			} else if a, b := strings.Join(verbRE.FindAllString(ru, -1), " "), strings.Join(verbRE.FindAllString(format, -1), " "); a != b {
				t.Errorf("%q: verbs %s in Russian, %s in English", format, a, b)
			}
			return true
		})
	}
	if n < 40 {
		t.Errorf("found %d usagef calls; the scan is broken", n)
	}
	if _, errOut, status := vcsim(t, "run", "--lang", "ru", "--format", "xml"); status != 2 || !strings.Contains(errOut, `--format должен быть table, csv или json, указано "xml"`) {
		t.Errorf("status %d: %q", status, errOut)
	}
}
