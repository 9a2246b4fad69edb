package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ilo-rma/vcsim/docs"
	"github.com/ilo-rma/vcsim/lang"
)

func docsCommand() *cli.Command {
	return &cli.Command{
		Name:      "docs",
		Usage:     "print a topic of the documentation built into vcsim (the facilitator's guide, the file formats, the model...)",
		UsageText: "vcsim docs [--lang ru] [TOPIC]\n\nWithout a topic: the list of topics. vcsim docs facilitator --lang ru > guide.md saves one.",
		Flags:     []cli.Flag{langFlagFor("language: en or ru (a topic without a Russian version comes in English)")},
		Action: func(ctx *cli.Context) error {
			l := lang.Lang(ctx.String("lang"))
			// "vcsim docs TOPIC --lang ru", the form the docs and the
			// messages give (docs.Refs), takes --lang after the topic too:
			// the flag parser stops at the topic.
			var args []string
			a := ctx.Args().Slice()
			for i := 0; i < len(a); i++ {
				switch {
				case (a[i] == "--lang" || a[i] == "-lang") && i+1 < len(a):
					l = lang.Lang(a[i+1])
					i++
				case strings.HasPrefix(a[i], "--lang=") || strings.HasPrefix(a[i], "-lang="):
					_, v, _ := strings.Cut(a[i], "=")
					l = lang.Lang(v)
				default:
					args = append(args, a[i])
				}
			}
			if l != "en" && l != "ru" {
				return usagef("--lang must be en or ru, got %q", l)
			}
			w := ctx.App.Writer
			switch len(args) {
			case 0:
				if l == "ru" {
					fmt.Fprintln(w, "Разделы (vcsim docs РАЗДЕЛ --lang ru); * — есть на русском:")
				} else {
					fmt.Fprintln(w, "Topics (vcsim docs TOPIC); * in Russian too (--lang ru):")
				}
				for _, t := range docs.Topics() {
					mark := " "
					if docs.HasRussian(t) {
						mark = "*"
					}
					fmt.Fprintf(w, "  %s %-16s %s\n", mark, t, docs.Title(t, l))
				}
				return nil
			case 1:
				b, got, err := docs.Get(args[0], l)
				if err != nil {
					return usagef("no topic %q: vcsim docs lists them", args[0])
				}
				if l == "ru" && got != "ru" {
					fmt.Fprintf(ctx.App.ErrWriter, "vcsim: раздел %s есть только на английском\n", args[0])
				}
				_, err = w.Write(b)
				return err
			}
			return usagef("docs takes one topic, got %d arguments", len(args))
		},
	}
}
