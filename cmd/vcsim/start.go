package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/urfave/cli/v2"
)

// workshopFolder is the name of the workspace folder a double-click
// starts the workshop page on.
const workshopFolder = "vcsim-workshop"

// doubleClick turns the command line of a program started from a file
// manager (no arguments, no terminal: see fromFileManager) into
// "vcsim start", and reports whether it did.
func doubleClick(args []string) ([]string, bool) {
	if len(args) != 1 || !fromFileManager() {
		return args, false
	}
	return append(args, "start"), true
}

// keepWindow waits for Enter after a double-click start failed, so that
// the console window Windows made for vcsim does not close before its
// message is read.
func keepWindow(status int, l lang.Lang, stdin io.Reader, stdout io.Writer) {
	if status == exitOK {
		return
	}
	fmt.Fprintln(stdout, startText(l).pressEnter)
	bufio.NewReader(stdin).ReadString('\n')
}

func startCommand() *cli.Command {
	return &cli.Command{
		Name:  "start",
		Usage: "the workshop page on the folder " + workshopFolder + " beside the program, in the system's language (what a double-click on vcsim does)",
		UsageText: "vcsim start [--lang ru|en]\n\n" +
			"The folder is made beside the program, or in Documents where that cannot be written;\n" +
			"the first free port from 8080 is used, and the browser opens the page.",
		Flags: []cli.Flag{
			pageLangFlag("language of the page and of these messages: en or ru (default: the system's)"),
		},
		Action: func(ctx *cli.Context) error {
			if ctx.NArg() > 0 {
				return usagef("start takes no arguments, got %q", ctx.Args().First())
			}
			l := lang.Lang(ctx.String("lang"))
			if l == "" {
				l = systemLang()
			}
			if l != "en" && l != "ru" {
				return usagef("--lang must be en or ru, got %q", l)
			}
			t := startText(l)
			dir, err := workshopDir()
			if err != nil {
				return fmt.Errorf(t.noFolder, err)
			}
			addr, err := freeAddr()
			if err != nil {
				return errors.New(t.noPort)
			}
			fmt.Fprintf(ctx.App.Writer, t.started, version(), "http://"+addr+"/?lang="+string(l), dir)
			// serve's own line about the address and Ctrl+C is said above,
			// in the system's language.
			return newApp(io.Discard, ctx.App.ErrWriter).Run([]string{"vcsim", "serve", "--lang", string(l), "--dir", dir, "--addr", addr})
		},
	}
}

// startTexts is what start says, in English and Russian.
type startTexts struct {
	// started takes the version, the page's address and the folder.
	started    string
	pressEnter string
	// noFolder takes the folders tried.
	noFolder, noPort string
}

func startText(l lang.Lang) startTexts {
	if l == "ru" {
		return startTexts{
			started: "vcsim %s: страница семинара — %s (браузер откроет её сам).\n" +
				"Файлы цепочек и сценариев открываются и сохраняются в папке\n    %s\n" +
				"Чтобы остановить vcsim, закройте это окно или нажмите Ctrl+C.\n" +
				"Руководство ведущего: vcsim docs facilitator --lang ru\n",
			pressEnter: "Нажмите Enter, чтобы закрыть это окно.",
			noFolder:   "ни в одну папку для файлов семинара нельзя записать (проверены %v): запустите vcsim serve --dir ПАПКА",
			noPort:     "все порты с 8080 по 8099 заняты: запустите vcsim serve --addr 127.0.0.1:ПОРТ",
		}
	}
	return startTexts{
		started: "vcsim %s: the workshop page is at %s (the browser opens it).\n" +
			"Chain and scenario files are opened and saved in the folder\n    %s\n" +
			"To stop vcsim, close this window or press Ctrl+C.\n" +
			"The facilitator's guide: vcsim docs facilitator\n",
		pressEnter: "Press Enter to close this window.",
		noFolder:   "no folder for the workshop's files can be written (tried %v): start vcsim serve --dir FOLDER",
		noPort:     "ports 8080 to 8099 are all in use: start vcsim serve --addr 127.0.0.1:PORT",
	}
}

// langOfLocale returns "ru" for a locale or Windows language name of
// Russian, Kyrgyz or Tajik (the workshops' countries read Russian), and
// "en" otherwise.
func langOfLocale(locale string) lang.Lang {
	l := strings.ToLower(locale)
	for _, p := range []string{"ru", "ky", "tg"} {
		if l == p || strings.HasPrefix(l, p+"_") || strings.HasPrefix(l, p+"-") || strings.HasPrefix(l, p+".") {
			return lang.RU
		}
	}
	return lang.EN
}

// envLang returns the language of the POSIX locale variables: the first
// of LC_ALL, LC_MESSAGES and LANG that is set.
func envLang(getenv func(string) string) lang.Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			return langOfLocale(s)
		}
	}
	return lang.EN
}

// workshopDir returns the workspace folder of a double-click start,
// made if needed: vcsim-workshop beside the program, or in Documents (or
// the home folder) when the program's folder cannot be written or is a
// temporary folder (Windows runs a program opened inside a zip from one).
func workshopDir() (string, error) {
	var places []string
	if exe, err := os.Executable(); err == nil {
		if e, err := filepath.EvalSymlinks(exe); err == nil {
			exe = e
		}
		if !under(filepath.Dir(exe), os.TempDir()) {
			places = append(places, filepath.Dir(exe))
		}
	}
	if d := documents(); d != "" {
		places = append(places, d)
	}
	if h, err := os.UserHomeDir(); err == nil {
		places = append(places, h)
	}
	var tried []string
	for _, p := range places {
		d := filepath.Join(p, workshopFolder)
		if writable(d) {
			return d, nil
		}
		tried = append(tried, d)
	}
	return "", errors.New(strings.Join(tried, ", "))
}

// under reports whether dir is root or inside it.
func under(dir, root string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// writable makes the folder d if needed and reports whether a file can be
// written in it.
func writable(d string) bool {
	if os.MkdirAll(d, 0o755) != nil {
		return false
	}
	f, err := os.CreateTemp(d, ".vcsim-check*")
	if err != nil {
		return false
	}
	f.Close()
	return os.Remove(f.Name()) == nil
}

// freeAddr returns the first loopback address from port 8080 to 8099
// that can be listened on (a second double-click gets its own page).
func freeAddr() (string, error) {
	for port := 8080; port < 8100; port++ {
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		if ln, err := net.Listen("tcp", addr); err == nil {
			ln.Close()
			return addr, nil
		}
	}
	return "", errors.New("ports 8080 to 8099 are all in use")
}
