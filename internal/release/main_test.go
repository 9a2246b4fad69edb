package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestArchivesReproducible: the same entries, given in another order and
// read from files with other times, give the same bytes; the entries come
// out sorted, with the given time and fixed modes.
func TestArchivesReproducible(t *testing.T) {
	when := time.Date(2026, 12, 6, 3, 55, 45, 0, time.UTC)
	a := []Entry{
		{Name: "vcsim.exe", Data: []byte("MZ binary"), Exec: true},
		{Name: "README.txt", Data: []byte("readme\n")},
		{Name: "examples/cotton.toml", Data: []byte("[chain]\n")},
	}
	b := []Entry{a[2], a[0], a[1]}
	for _, format := range []string{"zip", "tar.gz"} {
		write := Zip
		if format == "tar.gz" {
			write = TarGz
		}
		var x, y bytes.Buffer
		if err := write(&x, "vcsim_v1_os_arch", a, when); err != nil {
			t.Fatal(err)
		}
		if err := write(&y, "vcsim_v1_os_arch", b, when); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Errorf("%s: the same entries in another order give other bytes", format)
		}
		got := list(t, format, x.Bytes())
		want := "vcsim_v1_os_arch/ drwxr-xr-x\n" +
			"vcsim_v1_os_arch/examples/ drwxr-xr-x\n" +
			"vcsim_v1_os_arch/README.txt -rw-r--r--\n" +
			"vcsim_v1_os_arch/examples/cotton.toml -rw-r--r--\n" +
			"vcsim_v1_os_arch/vcsim.exe -rwxr-xr-x\n"
		if got != want {
			t.Errorf("%s holds\n%s\nwant\n%s", format, got, want)
		}
	}
	if _, err := sorted(append(a, a[0])); err == nil {
		t.Error("an entry given twice was accepted")
	}
}

// list returns an archive's entries, one a line: name and mode; it fails
// the test on an entry whose time is not 2026-12-06 03:55:45 UTC.
func list(t *testing.T, format string, data []byte) string {
	t.Helper()
	when := time.Date(2026, 12, 6, 3, 55, 45, 0, time.UTC)
	var b strings.Builder
	if format == "zip" {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if !f.Modified.Equal(when) {
				t.Errorf("%s: time %v", f.Name, f.Modified)
			}
			b.WriteString(f.Name + " " + f.Mode().String() + "\n")
		}
		return b.String()
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		t.Errorf("gzip header carries name %q and time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !h.ModTime.Equal(when) || h.Uid != 0 || h.Gid != 0 || h.Uname != "" {
			t.Errorf("%s: time %v, owner %d:%d %q", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname)
		}
		b.WriteString(h.Name + " " + h.FileInfo().Mode().String() + "\n")
	}
	return b.String()
}

// TestReleaseTwice builds one target's archive twice from this
// repository (a real go build with the release's flags) and compares the
// bytes; on linux/amd64 it also runs the archived binary to check that
// the version and commit are stamped.
func TestReleaseTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vcsim twice")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	r := Release{Root: root, Version: "v9.9.9-test", Commit: "0123456789abcdef0123456789abcdef01234567",
		Time: time.Date(2026, 12, 6, 3, 55, 45, 0, time.UTC), Targets: []string{"linux/amd64"}}
	var outs [2][]byte
	var sums [2][]byte
	for i := range outs {
		r.Out = t.TempDir()
		files, err := r.Build(io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 2 || filepath.Base(files[0]) != "vcsim_v9.9.9-test_linux_amd64.tar.gz" {
			t.Fatalf("wrote %v", files)
		}
		if outs[i], err = os.ReadFile(files[0]); err != nil {
			t.Fatal(err)
		}
		if sums[i], err = os.ReadFile(files[1]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) || !bytes.Equal(sums[0], sums[1]) {
		t.Fatal("two builds of the same commit differ")
	}
	names := list(t, "tar.gz", outs[0])
	for _, want := range []string{"/vcsim -rwx", "/LICENSE.txt ", "/README.txt ", "/examples/cotton-tajikistan.toml ", "/docs/chain-format.md "} {
		if !strings.Contains(names, want) {
			t.Errorf("the archive has no %q:\n%s", want, names)
		}
	}
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		return
	}
	dir := t.TempDir()
	cmd := exec.Command("tar", "xzf", "-", "-C", dir)
	cmd.Stdin = bytes.NewReader(outs[0])
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tar: %v %s", err, out)
	}
	out, err := exec.Command(filepath.Join(dir, "vcsim_v9.9.9-test_linux_amd64", "vcsim"), "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("vcsim --version: %v %s", err, out)
	}
	if want := "vcsim version v9.9.9-test (commit 0123456789ab)\n"; string(out) != want {
		t.Errorf("vcsim --version says %q, want %q", out, want)
	}
}
