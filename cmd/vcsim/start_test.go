package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLangOfLocale(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "ru_RU.UTF-8"}, "ru"},
		{map[string]string{"LANG": "ky_KG.UTF-8"}, "ru"},
		{map[string]string{"LANG": "tg_TJ"}, "ru"},
		{map[string]string{"LANG": "ru"}, "ru"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, "en"},
		{map[string]string{"LANG": "rue_SK"}, "en"}, // Rusyn, not Russian
		{map[string]string{"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"},
		{map[string]string{"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"},
		{map[string]string{}, "en"},
	} {
		if got := envLang(func(k string) string { return c.env[k] }); string(got) != c.want {
			t.Errorf("%v: %s, want %s", c.env, got, c.want)
		}
	}
}

func TestUnder(t *testing.T) {
	root := filepath.FromSlash("/tmp")
	for dir, want := range map[string]bool{"/tmp": true, "/tmp/x/y": true, "/tmpx": false, "/home/a": false, "/": false} {
		if got := under(filepath.FromSlash(dir), root); got != want {
			t.Errorf("under(%s, /tmp) = %v", dir, got)
		}
	}
}

// TestDoubleClick builds vcsim and starts it as a file manager does (no
// arguments, no terminal): it serves the workshop page on vcsim-workshop
// beside the binary, says so in the locale's language, and stops on an
// interrupt with status 0. Started from a temporary folder (a program
// opened inside a zip), it uses the home folder instead.
func TestDoubleClick(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("builds and starts vcsim")
	}
	bin := filepath.Join(t.TempDir(), "vcsim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	home := t.TempDir()
	for _, c := range []struct {
		name, tmpdir, lang, want, dir string
	}{
		{"beside the binary, in Russian", home, "ru_RU.UTF-8", "страница семинара", filepath.Join(filepath.Dir(bin), workshopFolder)},
		{"from a temporary folder, in English", filepath.Dir(filepath.Dir(bin)), "en_US.UTF-8", "the workshop page is at", filepath.Join(home, workshopFolder)},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin)
			// No terminal: standard input is /dev/null, standard output a
			// pipe. PATH is empty so that no browser opens.
			cmd.Env = []string{"HOME=" + home, "TMPDIR=" + c.tmpdir, "LANG=" + c.lang, "PATH="}
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			r := bufio.NewReader(out)
			first, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if !strings.Contains(first, c.want) {
				t.Fatalf("first line %q, want %q in it", first, c.want)
			}
			rest := make([]byte, 2000)
			n, _ := r.Read(rest)
			if !strings.Contains(string(rest[:n]), c.dir) {
				t.Errorf("the message does not name the folder %s:\n%s%s", c.dir, first, rest[:n])
			}
			if st, err := os.Stat(c.dir); err != nil || !st.IsDir() {
				t.Errorf("no folder %s: %v", c.dir, err)
			}
			url := first[strings.Index(first, "http://"):]
			url = url[:strings.IndexAny(url, " \n")]
			var resp *http.Response
			for i := 0; i < 100; i++ {
				if resp, err = http.Get(strings.Replace(url, "/?lang=", "/api/files?lang=", 1)); err == nil {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			if err != nil {
				t.Fatalf("GET %s: %v", url, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET /api/files: %s", resp.Status)
			}
			cmd.Process.Signal(syscall.SIGINT)
			if err := cmd.Wait(); err != nil {
				t.Errorf("after an interrupt: %v", err)
			}
		})
	}
}

// TestDocsCommand: vcsim docs lists the topics, prints one in Russian,
// and an error naming docs/outputs.md names the command that shows it.
func TestDocsCommand(t *testing.T) {
	out, _, status := vcsim(t, "docs", "--lang", "ru")
	if status != 0 || !strings.Contains(out, "* facilitator") || !strings.Contains(out, "Руководство ведущего") {
		t.Errorf("vcsim docs --lang ru: %d\n%s", status, out)
	}
	out, _, status = vcsim(t, "docs", "--lang", "ru", "chain-format")
	if status != 0 || !strings.HasPrefix(out, "# Файл цепочки") {
		t.Errorf("vcsim docs --lang ru chain-format: %d %.60q", status, out)
	}
	// The form the docs and messages give, --lang after the topic (the
	// flag parser stops at the topic: it said "docs takes one topic, got
	// 3 arguments").
	for _, args := range [][]string{{"docs", "plausibility", "--lang", "ru"}, {"docs", "plausibility", "--lang=ru"}} {
		out, errs, status := vcsim(t, args...)
		if status != 0 || !strings.HasPrefix(out, "# Предупреждения о правдоподобии") {
			t.Errorf("vcsim %v: %d %q %.60q", args, status, errs, out)
		}
	}
	if _, errs, status := vcsim(t, "docs", "plausibility", "--lang", "fr"); status != 2 || !strings.Contains(errs, `--lang must be en or ru, got "fr"`) {
		t.Errorf("vcsim docs plausibility --lang fr: %d %q", status, errs)
	}
	_, errs, status := vcsim(t, "docs", "nosuch")
	if status != 2 || !strings.Contains(errs, "vcsim docs lists them") {
		t.Errorf("vcsim docs nosuch: %d %q", status, errs)
	}
}
