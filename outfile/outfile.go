// Package outfile writes vcsim's output files so that no user file is ever
// lost: every file of a command is rendered in memory and checked before
// the first byte is written, no output may be one of the command's inputs,
// each file is written atomically (a temporary file in the same folder,
// synced, then renamed over the target), and a file that vcsim did not
// write is replaced only when the user says --force.
//
// vcsim recognises its own outputs by a manifest, a small text file named
// .vcsim-outputs in each folder it writes to. Each line holds the SHA-256
// of a file vcsim wrote there and the file's name. An existing file may be
// overwritten without --force only when its current content has the hash
// the manifest records: a file the user wrote, or an output the user has
// edited since, is never replaced silently.
package outfile

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/ilo-rma/vcsim/lang"
)

// Manifest is the name of the file, in each output folder, that lists the
// files vcsim wrote there with their SHA-256.
const Manifest = ".vcsim-outputs"

// Input is a file a command reads, with its role in messages ("chain",
// "scenarios", "survey", "study").
type Input struct {
	Role string
	Path string
}

// ConflictError is an output that cannot be written: it is an input of
// the same command, a folder, or a file vcsim did not write (without
// --force). Nothing has been written when it is returned.
type ConflictError struct {
	Path string
	Msg  string
	// format and args made Msg; In reads them to say it in Russian.
	format string
	args   []any
}

// conflict returns the ConflictError of path with the message format
// makes of args.
func conflict(path, format string, args ...any) *ConflictError {
	return &ConflictError{Path: path, Msg: fmt.Sprintf(format, args...), format: format, args: args}
}

func (e *ConflictError) Error() string { return e.Path + ": " + e.Msg }

// In returns the error in the language lang ("ru" or English).
func (e *ConflictError) In(l lang.Lang) string {
	return e.Path + ": " + say(l, e.Msg, e.format, e.args)
}

// FormatError is a --format or an --out name that do not go together
// or that vcsim cannot write.
type FormatError struct {
	Msg    string
	format string
	args   []any
}

func formatError(format string, args ...any) *FormatError {
	return &FormatError{Msg: fmt.Sprintf(format, args...), format: format, args: args}
}

func (e *FormatError) Error() string { return e.Msg }

// In returns the error in the language lang ("ru" or English).
func (e *FormatError) In(l lang.Lang) string { return say(l, e.Msg, e.format, e.args) }

// Set is the output files of one command, written together by Write.
type Set struct {
	// Inputs are the files the command read; no output may be one of them.
	Inputs []Input
	// Force allows replacing files that vcsim did not write.
	Force bool
	// Flag names the option that chose the outputs, for messages ("--out").
	Flag  string
	files []file
}

type file struct {
	path string
	data []byte
}

// Add adds a file to write with the given content.
func (s *Set) Add(path string, data []byte) {
	s.files = append(s.files, file{path: path, data: data})
}

// AddFunc renders a file with write and adds it. An error from write is
// returned, wrapped with the path, and nothing is added.
func (s *Set) AddFunc(path string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s.Add(path, b.Bytes())
	return nil
}

// Paths returns the paths of the files added so far, in order.
func (s *Set) Paths() []string {
	p := make([]string, len(s.files))
	for i, f := range s.files {
		p[i] = f.path
	}
	return p
}

// Check reports, without writing anything, whether every file can be
// written: it is no input of the command, not a folder, and either new,
// a previous vcsim output left unchanged, or Force is set.
func (s *Set) Check() error {
	var errs []error
	seen, seenErr := map[string]bool{}, map[string]bool{}
	for _, f := range s.files {
		abs, _ := filepath.Abs(f.path)
		if seen[abs] {
			errs = append(errs, conflict(f.path, "is written twice by this command"))
			continue
		}
		seen[abs] = true
		if err := s.check(f.path); err != nil && !seenErr[err.Error()] {
			seenErr[err.Error()] = true
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (s *Set) check(path string) error {
	flag := s.Flag
	if flag == "" {
		flag = "--out"
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return s.checkParent(path)
	}
	if err != nil {
		return conflict(path, "cannot be checked: %v", unwrap(err))
	}
	for _, in := range s.Inputs {
		if in.Path == "" {
			continue
		}
		if ist, err := os.Stat(in.Path); err == nil && os.SameFile(st, ist) {
			return conflict(path, "%s is the %s file (%s): vcsim never writes over its inputs; choose another name", flag, role(in.Role), in.Path)
		}
	}
	if st.IsDir() {
		return conflict(path, "is a folder, not a file")
	}
	if s.Force {
		return nil
	}
	if !written(path) {
		return conflict(path, "exists and is not an unchanged vcsim output (see docs/outputs.md): give --force to replace it, or choose another name")
	}
	return nil
}

// checkParent reports a parent path that exists but is not a folder.
func (s *Set) checkParent(path string) error {
	flag := s.Flag
	if flag == "" {
		flag = "--out"
	}
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		st, err := os.Stat(dir)
		if err == nil {
			if !st.IsDir() {
				return conflict(dir, "is a file, not a folder: %s needs a folder here", flag)
			}
			return nil
		}
		if next := filepath.Dir(dir); next == dir {
			return nil
		}
	}
}

// Write checks every file (see Check) and, when all can be written,
// writes each atomically and records it in its folder's manifest. It
// returns the paths written. Every file is first written to a temporary
// file beside it; only when all are written are they renamed over their
// targets, so that a failure (a disk full, a file another program holds
// open) leaves every target as it was.
func (s *Set) Write() ([]string, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	byDir := map[string]map[string]string{}
	temps := make([]string, len(s.files))
	removeTemps := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for i, f := range s.files {
		dir := filepath.Dir(f.path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			removeTemps()
			return nil, err
		}
		t, err := writeTemp(f.path, f.data)
		if err != nil {
			removeTemps()
			return nil, err
		}
		temps[i] = t
		sum := sha256.Sum256(f.data)
		if byDir[dir] == nil {
			byDir[dir] = map[string]string{}
		}
		byDir[dir][filepath.Base(f.path)] = hex.EncodeToString(sum[:])
	}
	var done []string
	for i, f := range s.files {
		if err := os.Rename(temps[i], f.path); err != nil {
			removeTemps()
			if isLocked(err) {
				return done, conflict(f.path, "is open in another program, probably Excel: close %s there and run again", filepath.Base(f.path))
			}
			return done, fmt.Errorf("%s: %w", f.path, err)
		}
		temps[i] = ""
		done = append(done, f.path)
	}
	dirs := slices.Sorted(maps.Keys(byDir))
	for _, d := range dirs {
		if err := record(d, byDir[d]); err != nil {
			return done, err
		}
	}
	return done, nil
}

// checkOpen reports the outputs that exist and that another program
// holds open so that they cannot be replaced: Excel locks the workbooks
// and CSV files it has open (on Windows, opening them for writing fails
// with a sharing violation). Nothing has been written when it fails.
func (s *Set) checkOpen() error {
	var errs []error
	for _, f := range s.files {
		if err := probe(f.path); err != nil && isLocked(err) {
			errs = append(errs, conflict(f.path, "is open in another program, probably Excel: close %s there and run again (nothing was written)", filepath.Base(f.path)))
		}
	}
	return errors.Join(errs...)
}

// probe opens an existing file for writing, without changing it, and
// closes it; a missing file is no error. Tests replace it.
var probe = func(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	return f.Close()
}

// writeTemp writes data to a synced temporary file in path's folder and
// returns its name.
func writeTemp(path string, data []byte) (string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	name := tmp.Name()
	fail := func(err error) (string, error) {
		tmp.Close()
		os.Remove(name)
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return name, nil
}

// WriteAtomic writes data to path through a temporary file in the same
// folder that is synced and then renamed over path, so that path holds
// either its old content or the new one, never a part.
func WriteAtomic(path string, data []byte) error {
	name, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// written reports whether path is listed in its folder's manifest with
// the hash of its current content.
func written(path string) bool {
	m := readManifest(filepath.Dir(path))
	want, ok := m[filepath.Base(path)]
	if !ok {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) == want
}

// readManifest reads a folder's manifest: file name -> SHA-256. A missing
// or unreadable manifest is empty.
func readManifest(dir string) map[string]string {
	m := map[string]string{}
	f, err := os.Open(filepath.Join(dir, Manifest))
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if ok && len(sum) == 64 {
			m[name] = sum
		}
	}
	return m
}

// record adds files (name -> SHA-256) to a folder's manifest.
func record(dir string, files map[string]string) error {
	m := readManifest(dir)
	for name, sum := range files {
		m[name] = sum
	}
	names := slices.Sorted(maps.Keys(m))
	var b bytes.Buffer
	b.WriteString("# Files written by vcsim in this folder, with their SHA-256. vcsim replaces\n")
	b.WriteString("# only files listed here and unchanged since; others need --force.\n")
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", m[n], n)
	}
	return WriteAtomic(filepath.Join(dir, Manifest), b.Bytes())
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// CheckFormat decides the format of an output file from an explicit
// --format (empty when not given) and the path's extension, before any
// file is opened. With no explicit format the extension decides (or def
// when the path has none); an explicit format that disagrees with the
// extension is an error. allowed lists the formats the command writes.
func CheckFormat(path, format, def string, allowed ...string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	ok := func(f string) bool {
		for _, a := range allowed {
			if a == f {
				return true
			}
		}
		return false
	}
	switch {
	case format != "" && !ok(format):
		return "", formatError("--format must be one of %s, got %q", strings.Join(allowed, ", "), format)
	case format != "" && ext != "" && ext != format:
		return "", formatError("--out %s ends in .%s but --format is %s: make them agree", path, ext, format)
	case format != "":
		return format, nil
	case ext == "":
		return def, nil
	case !ok(ext):
		return "", formatError("--out %s: vcsim writes %s files here, not .%s", path, strings.Join(allowed, ", "), ext)
	}
	return ext, nil
}
