package plausible

import "github.com/ilo-rma/vcsim/lang"

// ruText returns the Russian of the English message or hint s (from the
// Russian catalogue of package lang).
func ruText(s string) string {
	t, _ := lang.RU.Text(s)
	return t
}
