package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTextsUsed: every English text a catalogue translates is written
// somewhere in vcsim's source outside this package (as a string literal,
// or as the end of one after a "%s: " prefix that the reader adds), so
// that a catalogue holds no text nobody asks for. That every text asked
// for has its Russian is checked by each package's own test (valuechain,
// outfile, guide, cmd/vcsim, plausible).
func TestTextsUsed(t *testing.T) {
	lits := map[string]bool{}
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
			if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if s, err := strconv.Unquote(b.Value); err == nil {
					lits[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 1000 {
		t.Fatalf("found %d string literals: the scan is broken", len(lits))
	}
	for _, l := range Languages() {
		for en := range catalogues[l].Texts {
			if !lits[en] && !lits[strings.TrimPrefix(en, "%s: ")] {
				t.Errorf("%s: %q is translated but not in the source", l, en)
			}
		}
	}
}
