// Package msgscan finds the message formats a package's source passes to
// its message functions, so that a test can check that each has its
// translation, with the same formatting verbs in the same order.
package msgscan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Call is a call of a message function found in the source.
type Call struct {
	File, Func string
	// Format is the format argument, when it is a string literal; Literal
	// says whether it is.
	Format  string
	Literal bool
}

// Scan parses the Go files (tests left out) of the folders dirs and
// returns every call of a function or method named in args, whose format
// is its argument number args[name] (from 0). Calls with fewer arguments
// are left out.
func Scan(dirs []string, args map[string]int) ([]Call, error) {
	var calls []Call
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			if err != nil {
				return nil, err
			}
			ast.Inspect(af, func(node ast.Node) bool {
				c, ok := node.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch fn := c.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				arg, ok := args[name]
				if !ok || len(c.Args) <= arg {
					return true
				}
				call := Call{File: f, Func: name}
				if lit, ok := c.Args[arg].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					call.Format, _ = strconv.Unquote(lit.Value)
					call.Literal = true
				}
				calls = append(calls, call)
				return true
			})
		}
	}
	return calls, nil
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// Verbs returns the formatting verbs of a format, in order: "%d of %q"
// gives "%d %q".
func Verbs(format string) string { return strings.Join(verb.FindAllString(format, -1), " ") }
