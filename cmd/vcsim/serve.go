package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/web"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "the workshop page: the assessment in a browser, offline, in Russian and English",
		UsageText: "vcsim serve [--addr 127.0.0.1:8080] [--dir WORKSPACE] [--lang ru|en] [--no-browser]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Usage: "address to listen on; beyond loopback (a room's wifi) a token is required", Value: "127.0.0.1:8080"},
			pageLangFlag("the page's language: en or ru (it wins over the language last chosen in the browser; the address's ?lang= wins over both)"),
			&cli.StringFlag{Name: "dir", Usage: "workspace `FOLDER` of the workshop's chain, scenario and survey files (the page lists, opens and saves them)"},
			&cli.BoolFlag{Name: "no-browser", Usage: "do not open the browser"},
		},
		Action: func(ctx *cli.Context) error {
			if err := noFlagArgs(ctx); err != nil {
				return err
			}
			if l := ctx.String("lang"); l != "" && l != "en" && l != "ru" {
				return usagef("--lang must be en or ru, got %q", l)
			}
			addr := ctx.String("addr")
			s := &web.Server{Lang: ctx.String("lang"), Log: log.New(ctx.App.ErrWriter, "vcsim serve: ", log.LstdFlags)}
			if d := ctx.String("dir"); d != "" {
				if st, err := os.Stat(d); err != nil || !st.IsDir() {
					return usagef("--dir %s is not a folder", d)
				}
				s.Workspace = &web.Workspace{Dir: d}
				if n := s.Workspace.Clean(); n > 0 {
					fmt.Fprintf(ctx.App.Writer, "Removed %d temporary file(s) left in %s by saves that were interrupted.\n", n, d)
				}
			}
			if !web.Loopback(addr) {
				s.Token = web.NewToken()
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usagef("cannot listen on %s: %v", addr, err)
			}
			port := ln.Addr().(*net.TCPAddr).Port
			q := url.Values{}
			if s.Lang != "" {
				q.Set("lang", s.Lang)
			}
			if s.Token != "" {
				q.Set("token", s.Token)
			}
			query := "/"
			if len(q) > 0 {
				query += "?" + q.Encode()
			}
			// The address for this computer's browser: loopback, unless the
			// server listens on one address only (--addr 192.168.1.5:8080).
			localHost := "127.0.0.1"
			if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsUnspecified() {
				localHost = ip.String()
			}
			local := fmt.Sprintf("http://%s%s", net.JoinHostPort(localHost, fmt.Sprint(port)), query)
			w := ctx.App.Writer
			// The terminal's lines, in Russian with --lang ru.
			say := map[string]string{
				"at":    "vcsim is serving the workshop page at %s\n(stop it with Ctrl+C)\n",
				"room":  "vcsim is serving the workshop page to the room (stop it with Ctrl+C).\n",
				"none":  "This computer has no network address other than loopback: join a wifi network and start again.\nOn this computer: %s\n",
				"open":  "Participants open one of these addresses (the one of the network they share with this computer):\n",
				"local": "On this computer: %s\nOr scan this QR code (%s; the page shows it too, under Join):\n",
			}
			if s.Lang == "ru" {
				say = map[string]string{
					"at":    "vcsim показывает страницу семинара по адресу %s\n(остановить: Ctrl+C)\n",
					"room":  "vcsim показывает страницу семинара для участников (остановить: Ctrl+C).\n",
					"none":  "У этого компьютера нет сетевого адреса, кроме локального: подключитесь к сети wifi и запустите снова.\nНа этом компьютере: %s\n",
					"open":  "Участники открывают один из этих адресов (адрес той сети, к которой они подключены вместе с этим компьютером):\n",
					"local": "На этом компьютере: %s\nИли отсканируйте QR-код (%s; страница тоже показывает его, кнопка «Подключиться»):\n",
				}
			}
			if web.Loopback(addr) {
				fmt.Fprintf(w, say["at"], local)
			} else {
				lan := web.LANAddresses(ln.Addr().(*net.TCPAddr))
				for _, l := range lan {
					s.JoinURLs = append(s.JoinURLs, "http://"+net.JoinHostPort(l.IP.String(), fmt.Sprint(port))+query)
				}
				fmt.Fprint(w, say["room"])
				if len(lan) == 0 {
					fmt.Fprintf(w, say["none"], local)
				} else {
					fmt.Fprint(w, say["open"])
					for i, l := range lan {
						if l.Interface == "" {
							fmt.Fprintf(w, "  %s\n", s.JoinURLs[i])
						} else {
							fmt.Fprintf(w, "  %-16s %s\n", l.Interface, s.JoinURLs[i])
						}
					}
					fmt.Fprintf(w, say["local"], local, s.JoinURLs[0])
					if qr, err := web.QRText(s.JoinURLs[0]); err == nil {
						fmt.Fprint(w, qr)
					}
				}
			}
			if !ctx.Bool("no-browser") {
				openBrowser(local)
			}
			srv := s.HTTPServer() // with read, write and idle timeouts
			// Keep the server's heap under about 1 GiB: the garbage collector
			// works harder as it nears the limit (GOMEMLIMIT overrides it).
			if os.Getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(768 << 20)
			}
			stop := make(chan os.Signal, 1)
			signal.Notify(stop, os.Interrupt)
			go func() {
				<-stop
				c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				srv.Shutdown(c)
			}()
			if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
				return err
			}
			return nil
		},
	}
}

// openBrowser opens url in the default browser, quietly failing where
// there is none.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	cmd.Start()
}
