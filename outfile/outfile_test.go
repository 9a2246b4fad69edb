package outfile

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ilo-rma/vcsim/internal/msgscan"
	"github.com/ilo-rma/vcsim/lang"
)

// TestEveryMessageInRussian reads this package's source: every format
// given to conflict or formatError is a literal with its Russian in
// ruMessages, with the same verbs in the same order.
func TestEveryMessageInRussian(t *testing.T) {
	calls, err := msgscan.Scan([]string{"."}, map[string]int{"conflict": 1, "formatError": 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range calls {
		ru, ok := lang.RU.Text(c.Format)
		switch {
		case !c.Literal:
			t.Errorf("%s: %s takes a format that is not a literal", c.File, c.Func)
		case !ok:
			t.Errorf("no Russian for %q", c.Format)
		case msgscan.Verbs(ru) != msgscan.Verbs(c.Format):
			t.Errorf("%q: verbs %s in Russian, %s in English", c.Format, msgscan.Verbs(ru), msgscan.Verbs(c.Format))
		}
	}
	if len(calls) < 9 {
		t.Errorf("found %d messages; the scan is broken", len(calls))
	}
}

func TestSetRefusesInputsAndForeignFiles(t *testing.T) {
	dir := t.TempDir()
	chain := filepath.Join(dir, "chain.toml")
	os.WriteFile(chain, []byte("name = 'x'\n"), 0o644)
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(chain, link); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("mine"), 0o644)
	for _, tc := range []struct {
		name, path, want, ru string
		force                bool
	}{
		{"the chain itself", chain, "--out is the chain file", "--out — это файл цепочки (" + chain + ")", false},
		{"the chain through a link", link, "--out is the chain file", "--out — это файл цепочки", false},
		{"the chain, even with --force", chain, "--out is the chain file", "vcsim никогда не пишет поверх входных файлов", true},
		{"a user's file", notes, "give --force", "укажите --force", false},
		{"a folder", dir, "is a folder", "это папка, а не файл", true},
		{"under a file", filepath.Join(notes, "x.csv"), "is a file, not a folder", "это файл, а не папка: для --out здесь нужна папка", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &Set{Inputs: []Input{{"chain", chain}}, Force: tc.force}
			s.Add(tc.path, []byte("new"))
			_, err := s.Write()
			var ce *ConflictError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a conflict containing %q", err, tc.want)
			}
			if ru := ce.In("ru"); !strings.Contains(ru, tc.ru) || !strings.HasPrefix(ru, ce.Path+": ") {
				t.Errorf("in Russian %q, want the path and %q", ru, tc.ru)
			}
			if ce.In("en") != ce.Error() {
				t.Errorf("in English %q, want %q", ce.In("en"), ce.Error())
			}
		})
	}
	for _, p := range []string{chain, notes} {
		if data, _ := os.ReadFile(p); string(data) == "new" {
			t.Errorf("%s was written over", p)
		}
	}
}

func TestSetReplacesOnlyUnchangedOwnOutputs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "out", "a.csv"), filepath.Join(dir, "out", "b.csv")
	s := &Set{}
	s.Add(a, []byte("1"))
	s.Add(b, []byte("2"))
	if _, err := s.Write(); err != nil {
		t.Fatal(err)
	}
	// A second run replaces its own unchanged outputs.
	s = &Set{}
	s.Add(a, []byte("3"))
	if _, err := s.Write(); err != nil {
		t.Fatalf("rewriting an own output: %v", err)
	}
	// An output the user edited is theirs now: nothing of the set is written.
	os.WriteFile(b, []byte("edited"), 0o644)
	s = &Set{}
	s.Add(a, []byte("4"))
	s.Add(b, []byte("5"))
	if _, err := s.Write(); err == nil {
		t.Fatal("an edited output was replaced without --force")
	}
	if data, _ := os.ReadFile(a); string(data) != "3" {
		t.Errorf("a.csv = %q: a file was written although the set failed its checks", data)
	}
	s.Force = true
	if _, err := s.Write(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(b); string(data) != "5" {
		t.Errorf("b.csv = %q with --force, want 5", data)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "out", ".*.tmp*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCheckFormat(t *testing.T) {
	for _, tc := range []struct {
		path, format, want, err string
	}{
		{"map.png", "", "png", ""},
		{"map", "", "dot", ""},
		{"map.svg", "svg", "svg", ""},
		{"notes.txt", "png", "", "ends in .txt but --format is png"},
		{"notes.txt", "", "", "not .txt"},
		{"m.png", "gif", "", "--format must be one of"},
	} {
		got, err := CheckFormat(tc.path, tc.format, "dot", "dot", "png", "svg", "pdf")
		if (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) || got != tc.want {
			t.Errorf("CheckFormat(%q, %q) = %q, %v; want %q, %q", tc.path, tc.format, got, err, tc.want, tc.err)
		}
	}
}

func TestFinite(t *testing.T) {
	type row struct {
		Actor string  `csv:"actor"`
		X     float64 `csv:"x"`
		R     float64 `csv:"ratio" undefined:"empty"`
	}
	if err := Finite("t.csv", []row{{"a", 1, math.NaN()}}); err != nil {
		t.Errorf("NaN in an undefined-allowed column: %v", err)
	}
	err := Finite("t.csv", []row{{"a", 1, 0}, {"gin", math.NaN(), 0}})
	if err == nil || !strings.Contains(err.Error(), `t.csv: [row 2, actor "gin"].x is NaN`) {
		t.Errorf("NaN: %v", err)
	}
	if err := Finite("t.csv", []row{{"a", 1, math.Inf(1)}}); err == nil {
		t.Error("Inf in an undefined-allowed column was accepted")
	}
}
