package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
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
			&cli.StringFlag{Name: "lang", Usage: "the page's first language: en or ru", Value: "en"},
			&cli.StringFlag{Name: "dir", Usage: "workspace `FOLDER` of the workshop's chain, scenario and survey files (the page lists, opens and saves them)"},
			&cli.BoolFlag{Name: "no-browser", Usage: "do not open the browser"},
		},
		Action: func(ctx *cli.Context) error {
			if err := noFlagArgs(ctx); err != nil {
				return err
			}
			if l := ctx.String("lang"); l != "en" && l != "ru" {
				return usagef("--lang must be en or ru, got %q", l)
			}
			addr := ctx.String("addr")
			s := &web.Server{Lang: ctx.String("lang"), Log: log.New(ctx.App.ErrWriter, "vcsim serve: ", log.LstdFlags)}
			if d := ctx.String("dir"); d != "" {
				if st, err := os.Stat(d); err != nil || !st.IsDir() {
					return usagef("--dir %s is not a folder", d)
				}
				s.Workspace = &web.Workspace{Dir: d}
			}
			if !web.Loopback(addr) {
				s.Token = web.NewToken()
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usagef("cannot listen on %s: %v", addr, err)
			}
			url := "http://" + ln.Addr().String() + "/?lang=" + s.Lang
			if s.Token != "" {
				url += "&token=" + s.Token
			}
			fmt.Fprintf(ctx.App.Writer, "vcsim is serving the workshop page at %s\n(stop it with Ctrl+C)\n", url)
			if !ctx.Bool("no-browser") {
				openBrowser(url)
			}
			srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
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
