//go:build !windows

package main

import (
	"os"
	"path/filepath"

	"github.com/ilo-rma/vcsim/lang"
)

// fromFileManager reports whether vcsim was started without a terminal
// (a file manager's double-click): neither standard input nor standard
// output is one.
func fromFileManager() bool {
	return !isTTY(os.Stdin) && !isTTY(os.Stdout)
}

// systemLang returns the language of the locale (LC_ALL, LC_MESSAGES,
// LANG): ru for Russian, Kyrgyz and Tajik, en otherwise.
func systemLang() lang.Lang { return envLang(os.Getenv) }

// documents returns the Documents folder in the home folder, or "" when
// there is none.
func documents() string {
	h, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	d := filepath.Join(h, "Documents")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}
