package guide

import "github.com/ilo-rma/vcsim/lang"

// in returns the text s in the language lang: its Russian from ru when
// lang is "ru", s otherwise.
func in(l lang.Lang, s string) string {
	t, _ := l.Text(s)
	return t
}
