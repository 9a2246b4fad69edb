package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ilo-rma/vcsim/lang"
	"github.com/ilo-rma/vcsim/valuechain"
)

// usageError is a mistake in a command line: its message's format and
// arguments, so that it can be printed in Russian too.
type usageError struct {
	format string
	args   []any
}

func (e usageError) Error() string { return fmt.Sprintf(e.format, e.args...) }

// in returns the message in the language lang.
func (e usageError) in(l lang.Lang) string {
	return l.Sprintf(e.format, e.args...)
}

// errorIn returns err's text in the language lang: command-line mistakes
// and the problems of input files translated, anything else as it is.
func errorIn(err error, l lang.Lang) string {
	var ue usageError
	if l != lang.EN && errors.As(err, &ue) && strings.HasSuffix(err.Error(), ue.Error()) {
		return strings.TrimSuffix(err.Error(), ue.Error()) + ue.in(l)
	}
	return valuechain.ErrorIn(err, l)
}
