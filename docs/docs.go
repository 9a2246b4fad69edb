// Package docs holds vcsim's documentation, embedded in the binary so
// that it travels with it: `vcsim docs TOPIC` prints a topic and the
// workshop page serves it. A topic is a Markdown file of this folder,
// named without .md; its Russian version, where there is one, is in ru/.
package docs

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
)

//go:embed *.md ru/*.md
var files embed.FS

// Topics returns the names of the topics, sorted.
func Topics() []string {
	m, _ := fs.Glob(files, "*.md")
	for i, f := range m {
		m[i] = strings.TrimSuffix(f, ".md")
	}
	slices.Sort(m)
	return m
}

// HasRussian reports whether the topic has a Russian version.
func HasRussian(topic string) bool {
	_, err := fs.Stat(files, "ru/"+topic+".md")
	return err == nil
}

// Get returns the topic's text in the language lang ("ru" or "en") and
// the language it is in: a topic without a Russian version comes in
// English.
func Get(topic string, l lang.Lang) ([]byte, string, error) {
	if !slices.Contains(Topics(), topic) {
		return nil, "", fmt.Errorf("no topic %q (the topics are: %s)", topic, strings.Join(Topics(), ", "))
	}
	if l == "ru" && HasRussian(topic) {
		b, err := files.ReadFile("ru/" + topic + ".md")
		return b, "ru", err
	}
	b, err := files.ReadFile(topic + ".md")
	return b, "en", err
}

// Title returns the topic's first heading in the language lang.
func Title(topic string, l lang.Lang) string {
	b, _, err := Get(topic, l)
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(strings.TrimLeft(first, "#"))
}

var ref = regexp.MustCompile(`docs/([a-z0-9-]+)\.md`)

// Refs adds to every docs/TOPIC.md a message names the command that
// shows the topic, (vcsim docs TOPIC), with --lang ru in Russian: a
// downloaded binary has no docs folder beside it, but has the topic.
func Refs(msg string, l lang.Lang) string {
	suffix := ""
	if l == "ru" {
		suffix = " --lang ru"
	}
	return ref.ReplaceAllStringFunc(msg, func(m string) string {
		topic := ref.FindStringSubmatch(m)[1]
		if !slices.Contains(Topics(), topic) || strings.Contains(msg, "vcsim docs "+topic) {
			return m
		}
		return m + " (vcsim docs " + topic + suffix + ")"
	})
}
