package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCommonFlagsDeclaredOnce (issue 19 point 5): the flags many commands
// share are declared in flags.go only; the commands use its declarations,
// and each command that takes --chain takes --example beside it.
func TestCommonFlagsDeclaredOnce(t *testing.T) {
	decl := regexp.MustCompile(`Name:\s*"(chain|scenarios|example|survey|lang|out|force|bom|excel)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if f == "flags.go" || strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, m := range decl.FindAllSubmatch(data, -1) {
			t.Errorf("%s declares --%s: use the declaration in flags.go", f, m[1])
		}
	}
	if n < 10 {
		t.Fatalf("read %d files: the scan is broken", n)
	}
}
