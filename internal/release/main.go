// Command release builds vcsim's release archives: one per target, each
// holding the binary, the examples, the docs, a README in Russian and
// English and the license, plus SHA256SUMS.
//
//	go run ./internal/release                    # every target, into dist/
//	go run ./internal/release -targets linux/amd64 -out /tmp/dist
//
// The binaries are built with CGO_ENABLED=0 and -trimpath, with the
// version and the commit stamped with -ldflags -X. The archives are
// reproducible: every entry has the commit's time, a fixed mode and no
// owner, entries are sorted, and the same commit built with the same Go
// gives byte-identical archives (TestReproducible checks it).
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Targets are the GOOS/GOARCH pairs of a release.
var Targets = []string{
	"windows/amd64", "windows/386",
	"darwin/arm64", "darwin/amd64",
	"linux/amd64", "linux/arm64",
}

//go:embed readme.txt
var readme string

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

// run parses the command line and makes the release.
func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("release", flag.ContinueOnError)
	out := fl.String("out", "dist", "folder the archives and SHA256SUMS are written to")
	version := fl.String("version", "", "version to stamp (default: git describe --tags --always)")
	targets := fl.String("targets", strings.Join(Targets, ","), "comma-separated GOOS/GOARCH targets")
	dirty := fl.Bool("allow-dirty", false, "build from a working tree with uncommitted changes (not a release)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	root, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	r := Release{Root: root, Out: *out, Version: *version, Targets: strings.Split(*targets, ",")}
	if r.Commit, err = git("rev-parse", "HEAD"); err != nil {
		return err
	}
	ct, err := git("log", "-1", "--format=%ct")
	if err != nil {
		return err
	}
	sec, err := strconv.ParseInt(ct, 10, 64)
	if err != nil {
		return fmt.Errorf("commit time %q: %w", ct, err)
	}
	r.Time = time.Unix(sec, 0).UTC()
	if st, err := git("status", "--porcelain"); err != nil {
		return err
	} else if st != "" && !*dirty {
		return fmt.Errorf("the working tree has uncommitted changes: commit them first (or give -allow-dirty for a trial build)\n%s", st)
	}
	if r.Version == "" {
		if r.Version, err = git("describe", "--tags", "--always"); err != nil {
			return err
		}
	}
	files, err := r.Build(stdout)
	if err != nil {
		return err
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%8.1f MiB  %s\n", float64(st.Size())/(1<<20), f)
	}
	return nil
}

// git runs git with args and returns its output, trimmed.
func git(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(b)), nil
}

// Release is what one release is made of.
type Release struct {
	// Root is the repository's folder.
	Root string
	// Out is the folder the archives go to.
	Out string
	// Version and Commit are stamped into the binaries.
	Version, Commit string
	// Time is every archive entry's modification time (the commit's).
	Time time.Time
	// Targets are GOOS/GOARCH pairs.
	Targets []string
}

// Entry is a file of an archive.
type Entry struct {
	Name string
	Data []byte
	Exec bool
}

// Build builds every target's archive and SHA256SUMS into r.Out and
// returns the paths written.
func (r Release) Build(log io.Writer) ([]string, error) {
	if err := os.MkdirAll(r.Out, 0o755); err != nil {
		return nil, err
	}
	common, err := r.commonFiles()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "vcsim-release")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var written []string
	var sums strings.Builder
	for _, t := range r.Targets {
		goos, goarch, ok := strings.Cut(t, "/")
		if !ok || goos == "" || goarch == "" {
			return nil, fmt.Errorf("target %q: want GOOS/GOARCH", t)
		}
		fmt.Fprintf(log, "building %s\n", t)
		exe := "vcsim"
		if goos == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(tmp, goos+"-"+goarch, exe)
		if err := r.compile(goos, goarch, bin); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(bin)
		if err != nil {
			return nil, err
		}
		base := fmt.Sprintf("vcsim_%s_%s_%s", r.Version, goos, goarch)
		entries := []Entry{{Name: exe, Data: data, Exec: true}}
		for _, e := range common {
			if goos == "windows" && strings.HasSuffix(e.Name, ".txt") {
				e.Data = crlf(e.Data)
			}
			entries = append(entries, e)
		}
		var buf bytes.Buffer
		name := base + ".tar.gz"
		if goos == "windows" {
			name = base + ".zip"
			err = Zip(&buf, base, entries, r.Time)
		} else {
			err = TarGz(&buf, base, entries, r.Time)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		p := filepath.Join(r.Out, name)
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(buf.Bytes())
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
		written = append(written, p)
	}
	p := filepath.Join(r.Out, "SHA256SUMS")
	if err := os.WriteFile(p, []byte(sums.String()), 0o644); err != nil {
		return nil, err
	}
	return append(written, p), nil
}

// compile builds cmd/vcsim for one target into bin.
func (r Release) compile(goos, goarch, bin string) error {
	ldflags := fmt.Sprintf("-s -w -X main.buildVersion=%s -X main.buildCommit=%s", r.Version, r.Commit)
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, "./cmd/vcsim")
	cmd.Dir = r.Root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s/%s: %v\n%s", goos, goarch, err, stderr.String())
	}
	return nil
}

// commonFiles returns the files every archive holds besides the binary:
// README.txt, LICENSE, the examples and the docs, read from r.Root.
func (r Release) commonFiles() ([]Entry, error) {
	lic, err := os.ReadFile(filepath.Join(r.Root, "LICENSE"))
	if err != nil {
		return nil, err
	}
	text := strings.NewReplacer("{{version}}", r.Version, "{{commit}}", r.Commit).Replace(readme)
	entries := []Entry{{Name: "README.txt", Data: []byte(text)}, {Name: "LICENSE.txt", Data: lic}}
	for _, pat := range []string{"examples/*.toml", "examples/*.csv", "docs/*.md", "docs/ru/*.md"} {
		m, err := filepath.Glob(filepath.Join(r.Root, filepath.FromSlash(pat)))
		if err != nil {
			return nil, err
		}
		for _, f := range m {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			rel, _ := filepath.Rel(r.Root, f)
			entries = append(entries, Entry{Name: filepath.ToSlash(rel), Data: data})
		}
	}
	return entries, nil
}

// crlf turns LF line ends into CRLF, for Notepad on older Windows.
func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

// sorted returns the entries sorted by name, refusing duplicates.
func sorted(entries []Entry) ([]Entry, error) {
	s := slices.Clone(entries)
	slices.SortFunc(s, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	for i := 1; i < len(s); i++ {
		if s[i].Name == s[i-1].Name {
			return nil, fmt.Errorf("%s is in the archive twice", s[i].Name)
		}
	}
	return s, nil
}

// dirs returns the folders the entries need, under base, sorted, parents
// first.
func dirs(base string, entries []Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range entries {
		for d := path.Dir(path.Join(base, e.Name)); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

func mode(e Entry) fs.FileMode {
	if e.Exec {
		return 0o755
	}
	return 0o644
}

// Zip writes the entries under the folder base as a zip archive, every
// entry with the time t and a fixed mode, in name order.
func Zip(w io.Writer, base string, entries []Entry, t time.Time) error {
	s, err := sorted(entries)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, d := range dirs(base, s) {
		h := &zip.FileHeader{Name: d + "/", Method: zip.Store, Modified: t}
		h.SetMode(fs.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, e := range s {
		h := &zip.FileHeader{Name: path.Join(base, e.Name), Method: zip.Deflate, Modified: t}
		h.SetMode(mode(e))
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(e.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// TarGz writes the entries under the folder base as a gzipped tar
// archive, every entry with the time t, a fixed mode and no owner, in
// name order; the gzip header carries no name and no time.
func TarGz(w io.Writer, base string, entries []Entry, t time.Time) error {
	s, err := sorted(entries)
	if err != nil {
		return err
	}
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, d := range dirs(base, s) {
		h := &tar.Header{Typeflag: tar.TypeDir, Name: d + "/", Mode: 0o755, ModTime: t, Format: tar.FormatUSTAR}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
	}
	for _, e := range s {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: path.Join(base, e.Name), Mode: int64(mode(e)), Size: int64(len(e.Data)), ModTime: t}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}
