package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errHeld stands for Windows' sharing violation on a file Excel has open.
var errHeld = errors.New("the process cannot access the file because it is being used by another process")

// TestOpenInExcel: when one output of a command is held open by another
// program, Write says in the user's language to close it and run again,
// returns a ConflictError (exit status 2), and writes nothing: the other
// outputs, new or old, are untouched and no temporary file is left.
func TestOpenInExcel(t *testing.T) {
	dir := t.TempDir()
	held := filepath.Join(dir, "results.xlsx")
	other := filepath.Join(dir, "accounts.csv")
	s := &Set{}
	s.Add(held, []byte("old workbook"))
	if _, err := s.Write(); err != nil {
		t.Fatal(err)
	}
	defer func(p func(string) error, l func(error) bool) { probe, isLocked = p, l }(probe, isLocked)
	probe = func(path string) error {
		if path == held {
			return &os.PathError{Op: "open", Path: path, Err: errHeld}
		}
		return nil
	}
	isLocked = func(err error) bool { return errors.Is(err, errHeld) }

	s = &Set{}
	s.Add(other, []byte("new csv"))
	s.Add(held, []byte("new workbook"))
	paths, err := s.Write()
	var ce *ConflictError
	if !errors.As(err, &ce) || len(paths) != 0 {
		t.Fatalf("Write: %v, wrote %v", err, paths)
	}
	if want := held + ": is open in another program, probably Excel: close results.xlsx there and run again (nothing was written)"; err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
	if got, want := ce.In("ru"), held+": открыт в другой программе, вероятно в Excel: закройте results.xlsx в Excel и запустите команду снова (ничего не записано)"; got != want {
		t.Errorf("in Russian\n%s\nwant\n%s", got, want)
	}
	if b, _ := os.ReadFile(held); string(b) != "old workbook" {
		t.Errorf("results.xlsx holds %q", b)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != Manifest+" results.xlsx" {
		t.Errorf("the folder holds %s, want only the manifest and the old results.xlsx", got)
	}
}
